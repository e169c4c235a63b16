package xuanju.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import xuanju.core.rule.InvalidInputException;

class ProfilesTest {
  @Test
  void everyProfileHasStableIdAndEverySettingACitation() {
    assertThat(Profiles.all())
        .extracting(Profile::id)
        .containsExactly(
            "PARTY_GRASSROOTS",
            "PARTY_LOCAL",
            "PEOPLES_CONGRESS_DIRECT",
            "PEOPLES_CONGRESS_INDIRECT",
            "VILLAGE_COMMITTEE",
            "RESIDENTS_COMMITTEE");
    for (Profile p : Profiles.all()) {
      assertThat(p.settings())
          .as(p.id())
          .containsKeys(
              Param.QUORUM_RATIO,
              Param.THRESHOLD_BASE,
              Param.MARGIN_FORMAL,
              Param.WRITE_IN_WITHOUT_MARK,
              Param.PROXY_ALLOWED,
              Param.VACANCY_AFTER_FURTHER_ROUNDS);
      p.settings()
          .values()
          .forEach(
              s -> assertThat(s.citation().document()).as(p.id() + " " + s.param()).isNotBlank());
    }
  }

  @Test
  void unknownOverrideIsRejectedWithCode() {
    Profile p = Profiles.byId("PARTY_GRASSROOTS");
    assertThatThrownBy(() -> p.withOverrides(Map.of("noSuchThing", "1"), "x"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("PROFILE.OVERRIDE.UNKNOWN")
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("overrides.noSuchThing");
    assertThat(p.checkOverrides(Map.of("noSuchThing", "1")).codes())
        .containsExactly("PROFILE.OVERRIDE.UNKNOWN");
    assertThat(p.checkOverrides(Map.of("quorumAllowExact", "maybe")).codes())
        .containsExactly("PROFILE.OVERRIDE.UNKNOWN");
    assertThat(p.checkOverrides(Map.of("quorumAllowExact", "true")).ok()).isTrue();
    // a parameter the profile does not set is unknown to it (party has no proxy cap)
    assertThat(p.checkOverrides(Map.of("proxyCap", "2")).codes())
        .containsExactly("PROFILE.OVERRIDE.UNKNOWN");
  }

  @Test
  void overrideNeedsAReasonAndIsRecordedInTrail() {
    Profile p = Profiles.byId("VILLAGE_COMMITTEE");
    assertThatThrownBy(() -> p.withOverrides(Map.of("proxyCap", "2"), " "))
        .isInstanceOf(InvalidInputException.class);
    Profile q = p.withOverrides(Map.of("proxyCap", "2"), "某省村委会选举办法第二十九条");
    assertThat(q.integer(Param.PROXY_CAP)).isEqualTo(2);
    assertThat(q.settings().get(Param.PROXY_CAP).defaultValue()).isEqualTo("3");
    assertThat(q.overrideSteps())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.code()).isEqualTo("PROFILE.OVERRIDE.APPLIED");
              assertThat(s.explanationZh()).contains("proxyCap", "由 3 调整为 2", "第二十九条");
            });
    assertThat(p.integer(Param.PROXY_CAP)).isEqualTo(3);
  }

  @Test
  void unknownProfileIsInvalidInput() {
    assertThatThrownBy(() -> Profiles.byId("NOPE")).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void ratioArithmeticIsExact() {
    assertThat(Ratio.parse("1/5").ceilOf(7)).isEqualTo(2);
    assertThat(Ratio.parse("1/2").floorOf(5)).isEqualTo(2);
    assertThat(Ratio.parse("4/5").exceededBy(40, 50)).isFalse();
    assertThat(Ratio.parse("4/5").reachedBy(40, 50)).isTrue();
    assertThat(Ratio.parse("4/5").zh()).isEqualTo("五分之四");
  }
}
