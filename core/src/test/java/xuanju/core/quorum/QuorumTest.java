package xuanju.core.quorum;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import xuanju.core.profile.Profile;
import xuanju.core.profile.Profiles;

/** Seed rules QU-01..QU-06 (seed-rules §2.3): the party quorum of 4/5, strict and "不少于". */
class QuorumTest {
  private static final Profile PARTY = Profiles.byId("PARTY_GRASSROOTS");
  private static final Profile PARTY_AT_LEAST =
      PARTY.withOverrides(Map.of("quorumAllowExact", "true"), "本支部选举办法：不少于五分之四");

  private static boolean met(Profile p, long expected, long present) {
    return Quorum.check(p, Meeting.ELECTORAL, Electorate.party(expected, present, present, present))
        .outcome()
        .met();
  }

  /** QU-01: 应到会25, 实到会20 → 20/25 = 4/5 is not "超过" → invalid; 21 → valid. */
  @Test
  void qu01_strictFourFifths() {
    assertThat(met(PARTY, 25, 20)).isFalse();
    assertThat(met(PARTY, 25, 21)).isTrue();
    assertThat(Quorum.check(PARTY, Meeting.ELECTORAL, Electorate.party(25, 20, 20, 20)).codes())
        .containsExactly("PARTY.QUORUM.4_5");
  }

  /** QU-02, QU-03, QU-04: the same strict reading ("超过"), other sizes. */
  @Test
  void qu02to04_strictReadingAtOtherSizes() {
    assertThat(met(PARTY, 50, 40)).isFalse();
    assertThat(met(PARTY, 50, 41)).isTrue();
    assertThat(met(PARTY, 10, 8)).isFalse();
    assertThat(met(PARTY, 10, 9)).isTrue();
    assertThat(met(PARTY, 7, 6)).isTrue(); // 30 > 28
    assertThat(met(PARTY, 7, 5)).isFalse(); // 25 > 28 fails
  }

  /** QU-05, QU-06: "达到…以上" / "不少于" plans → override; 25/20 becomes valid, 19 still not. */
  @Test
  void qu05_qu06_atLeastVariantByOverride() {
    assertThat(met(PARTY_AT_LEAST, 25, 20)).isTrue();
    assertThat(met(PARTY_AT_LEAST, 25, 19)).isFalse();
    assertThat(
            Quorum.check(PARTY_AT_LEAST, Meeting.ELECTORAL, Electorate.party(25, 20, 20, 20))
                .codes())
        .containsExactly("PROFILE.OVERRIDE.APPLIED", "PARTY.QUORUM.4_5");
  }

  @Test
  void minimumPresentIsReported() {
    assertThat(
            Quorum.check(PARTY, Meeting.ELECTORAL, Electorate.party(50, 42, 42, 42))
                .outcome()
                .minimum())
        .isEqualTo(41);
    assertThat(
            Quorum.check(PARTY_AT_LEAST, Meeting.ELECTORAL, Electorate.party(50, 42, 42, 42))
                .outcome()
                .minimum())
        .isEqualTo(40);
  }

  @Test
  void directTurnoutExactlyHalfFails() {
    Profile npc = Profiles.byId("PEOPLES_CONGRESS_DIRECT");
    assertThat(
            Quorum.check(npc, Meeting.ELECTORAL, Electorate.direct(3000, 1500, 1500))
                .outcome()
                .met())
        .isFalse();
    assertThat(
            Quorum.check(npc, Meeting.ELECTORAL, Electorate.direct(3000, 1501, 1501))
                .outcome()
                .met())
        .isTrue();
  }

  @Test
  void ballotsReturnedMayNotExceedIssued() {
    assertThat(Quorum.checkBallotsReturned(PARTY, Electorate.party(50, 42, 42, 43)).outcome().met())
        .isFalse();
    assertThat(Quorum.checkBallotsReturned(PARTY, Electorate.party(50, 42, 42, 41)).outcome().met())
        .isTrue();
  }
}
