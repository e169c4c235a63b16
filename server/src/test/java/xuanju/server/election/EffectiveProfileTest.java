package xuanju.server.election;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import xuanju.core.profile.Param;
import xuanju.core.profile.Profile;
import xuanju.core.profile.Profiles;
import xuanju.core.profile.ProvincialVariant;
import xuanju.core.rule.Citation;
import xuanju.core.rule.Confidence;

/**
 * The profile every service applies ({@link ElectionService#profile}): the type's profile, then the
 * provincial variant's confirmed settings (a 需要复核 entry never changes a value), then the local
 * plan's overrides, which win.
 */
class EffectiveProfileTest {
  static Election election(ElectionKind kind, Map<String, String> overrides) {
    return new Election(
        7,
        1,
        "巴音社区",
        "换届选举",
        kind,
        kind.defaultProfile(),
        overrides,
        overrides.isEmpty() ? "" : "本镇选举工作方案第三条",
        false,
        7,
        0,
        0,
        null,
        LocalDate.of(2026, 12, 20),
        3,
        ElectionStatus.DRAFT,
        0);
  }

  static ElectionService with(Optional<ProvincialVariant> v) {
    VariantResolver resolver =
        new VariantResolver(null, "") {
          @Override
          public Optional<ProvincialVariant> variant(long electionId) {
            return v;
          }
        };
    return new ElectionService(null, null, null, Clock.systemDefaultZone(), resolver);
  }

  @Test
  void confirmedSettingsApplyReviewEntriesDoNotAndTheLocalPlanWins() {
    ElectionKind kind = ElectionKind.RESIDENTS_COMMITTEE;
    Profile base = Profiles.byId(kind.defaultProfile());
    String cap = base.value(Param.PROXY_CAP);
    String otherCap = "3".equals(cap) ? "2" : "3";
    String consent = base.value(Param.PROXY_CONSENT_REQUIRED);
    String otherConsent = "true".equals(consent) ? "false" : "true";
    Citation c = Citation.of("内蒙古自治区测试办法", "第一条", "", Confidence.V);
    ProvincialVariant v =
        new ProvincialVariant(
            "TEST",
            "测试省",
            List.of(
                new ProvincialVariant.Entry(
                    base.regime(),
                    Param.PROXY_CAP,
                    otherCap,
                    c,
                    ProvincialVariant.Status.CONFIRMED,
                    ""),
                new ProvincialVariant.Entry(
                    base.regime(),
                    Param.PROXY_CONSENT_REQUIRED,
                    otherConsent,
                    c,
                    ProvincialVariant.Status.NEEDS_REVIEW,
                    "")),
            List.of());

    Profile none = with(Optional.empty()).profile(election(kind, Map.of()));
    assertThat(none.value(Param.PROXY_CAP)).isEqualTo(cap);

    Profile p = with(Optional.of(v)).profile(election(kind, Map.of()));
    assertThat(p.value(Param.PROXY_CAP)).isEqualTo(otherCap);
    assertThat(p.value(Param.PROXY_CONSENT_REQUIRED)).isEqualTo(consent);

    Profile local = with(Optional.of(v)).profile(election(kind, Map.of("proxyCap", "1")));
    assertThat(local.value(Param.PROXY_CAP)).isEqualTo("1");
  }
}
