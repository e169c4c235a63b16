package xuanju.core.margin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import xuanju.core.profile.Profile;
import xuanju.core.profile.Profiles;
import xuanju.core.rule.InvalidInputException;

/** Seed rules MG-01..MG-03 and MG-13 (seed-rules §2.2). */
class MarginsTest {
  private static final Profile PARTY = Profiles.byId("PARTY_GRASSROOTS");

  private static long min(Profile p, Stage s, int seats) {
    return Margins.range(p, s, seats).outcome().min();
  }

  /** MG-01: member margin ≥ 20%: 5 seats → at least 6; the secretary may be uncontested. */
  @Test
  void mg01_members20Percent() {
    assertThat(min(PARTY, Stage.FORMAL, 5)).isEqualTo(6);
    assertThat(Margins.range(PARTY, MarginQuery.of(Stage.FORMAL, Post.OFFICERS, 1)).outcome().min())
        .isEqualTo(1);
  }

  /** MG-02: preliminary list ≥ 30%: 5 seats → 6.5 → 7. */
  @Test
  void mg02_preliminary30PercentRoundsUp() {
    assertThat(min(PARTY, Stage.PRELIMINARY, 5)).isEqualTo(7);
    assertThat(Margins.range(PARTY, Stage.PRELIMINARY, 5).codes())
        .containsExactly("PARTY.MARGIN.PRELIMINARY");
  }

  /** MG-03: pre-candidates ≥ 20%. */
  @Test
  void mg03_preCandidates20Percent() {
    assertThat(min(PARTY, Stage.PRE_CANDIDATES, 5)).isEqualTo(6);
    assertThat(min(PARTY, Stage.PRE_CANDIDATES, 3)).isEqualTo(4);
  }

  /** MG-13: base = current committee size (7 now, 5 seats) → 5 + ceil(1.4) = 7; needs the size. */
  @Test
  void mg13_currentCommitteeBase() {
    Profile p = PARTY.withOverrides(Map.of("marginBase", "CURRENT_COMMITTEE"), "种子001篇18");
    var d = Margins.range(p, new MarginQuery(Stage.FORMAL, Post.MEMBERS, 5, 7));
    assertThat(d.outcome().min()).isEqualTo(7);
    assertThat(d.codes())
        .containsExactly(
            "PROFILE.OVERRIDE.APPLIED",
            "PARTY.MARGIN.CURRENT_COMMITTEE_BASE",
            "PARTY.MARGIN.MEMBERS");
    assertThatThrownBy(() -> Margins.range(p, Stage.FORMAL, 5))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void checkGivesTheRuleCodeWhenOutOfRange() {
    Profile npc = Profiles.byId("PEOPLES_CONGRESS_DIRECT");
    assertThat(Margins.check(npc, MarginQuery.of(Stage.FORMAL, Post.MEMBERS, 2), 5).codes())
        .containsExactly("NPC.MARGIN.DIRECT");
    assertThat(Margins.check(npc, MarginQuery.of(Stage.FORMAL, Post.MEMBERS, 2), 2).codes())
        .containsExactly("NPC.MARGIN.DIRECT");
    assertThat(Margins.check(npc, MarginQuery.of(Stage.FORMAL, Post.MEMBERS, 2), 4).ok()).isTrue();
    assertThat(Margins.check(PARTY, MarginQuery.of(Stage.FORMAL, Post.MEMBERS, 5), 6).ok())
        .isTrue();
    assertThat(Margins.check(PARTY, MarginQuery.of(Stage.FORMAL, Post.MEMBERS, 5), 5).codes())
        .containsExactly("PARTY.MARGIN.MEMBERS");
  }

  @Test
  void unknownPostForRegimeIsInvalidInput() {
    assertThatThrownBy(
            () ->
                Margins.range(
                    Profiles.byId("VILLAGE_COMMITTEE"),
                    MarginQuery.of(Stage.FORMAL, Post.CHIEF, 1)))
        .isInstanceOf(InvalidInputException.class);
  }
}
