package xuanju.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import xuanju.core.rule.Citation;
import xuanju.core.rule.Confidence;
import xuanju.core.rule.InvalidInputException;

class ProvincialVariantsTest {
  private static final ProvincialVariant NM = ProvincialVariants.byId("NEI_MONGOL");

  @Test
  void neiMongolCoversEveryVillageAndResidentsParameterConfirmedOrMarkedForReview() {
    assertThat(NM.nameZh()).isEqualTo("内蒙古自治区");
    for (String id : List.of("VILLAGE_COMMITTEE", "RESIDENTS_COMMITTEE")) {
      Profile p = Profiles.byId(id);
      assertThat(NM.entries(p.regime()).stream().map(ProvincialVariant.Entry::param))
          .containsExactlyElementsOf(p.settings().keySet());
    }
    // a statute read verbatim is confirmed: 村委会组织法第十五条 fixes the village quorum and the proxy rules
    assertThat(entry(Regime.VILLAGE_COMMITTEE, Param.QUORUM_RATIO).status())
        .isEqualTo(ProvincialVariant.Status.CONFIRMED);
    assertThat(entry(Regime.VILLAGE_COMMITTEE, Param.PROXY_CLOSE_RELATIVE_REQUIRED).value())
        .isEqualTo("true");
    // the proxy cap is provincial and the 内蒙古 text is not in the references: 需要复核, value kept
    ProvincialVariant.Entry cap = entry(Regime.VILLAGE_COMMITTEE, Param.PROXY_CAP);
    assertThat(cap.needsReview()).isTrue();
    assertThat(cap.status().labelZh()).isEqualTo("需要复核");
    assertThat(cap.value()).isEqualTo("3");
    assertThat(cap.citation().document()).isEqualTo("内蒙古自治区村民委员会选举办法");
    assertThat(cap.noteZh()).contains("须对照自治区办法复核");
    // the residents' profile's verbatim sources are another province's rules (R5, 重庆): for 内蒙古
    // nothing is confirmed, every residents' parameter needs review
    assertThat(Profiles.byId("RESIDENTS_COMMITTEE").settings().get(Param.MARGIN_MIN_EXTRA))
        .satisfies(s -> assertThat(s.citation().sourceId()).startsWith("R5"));
    assertThat(NM.entries(Regime.RESIDENTS_COMMITTEE))
        .allSatisfy(e -> assertThat(e.needsReview()).isTrue());
    assertThat(NM.notesZh()).anyMatch(n -> n.contains("流动票箱"));
  }

  @Test
  void applyingChangesOnlyConfirmedDifferingValuesAndNamesTheVariant() {
    Profile village = Profiles.byId("VILLAGE_COMMITTEE");
    // 内蒙古: nothing confirmed differs from the national profile, so nothing changes
    assertThat(NM.applyTo(village)).isSameAs(village);
    assertThat(NM.applyTo(Profiles.byId("PARTY_GRASSROOTS")))
        .isSameAs(Profiles.byId("PARTY_GRASSROOTS"));
    // a variant with a confirmed cap of 2 and an unconfirmed write-in rule
    ProvincialVariant v =
        new ProvincialVariant(
            "TEST",
            "某省",
            List.of(
                new ProvincialVariant.Entry(
                    Regime.VILLAGE_COMMITTEE,
                    Param.PROXY_CAP,
                    "2",
                    Citation.of("某省村民委员会选举办法", "第二十条", "R10", Confidence.V),
                    ProvincialVariant.Status.CONFIRMED,
                    ""),
                new ProvincialVariant.Entry(
                    Regime.VILLAGE_COMMITTEE,
                    Param.WRITE_IN_ALLOWED,
                    "false",
                    Citation.of("某省村民委员会选举办法", "", "", Confidence.I),
                    ProvincialVariant.Status.NEEDS_REVIEW,
                    "")),
            List.of());
    Profile applied = v.applyTo(village);
    assertThat(applied.integer(Param.PROXY_CAP)).isEqualTo(2);
    assertThat(applied.flag(Param.WRITE_IN_ALLOWED)).isTrue();
    assertThat(applied.overrides()).hasSize(1);
    assertThat(applied.overrides().get(0).reason()).contains("省级变体：某省", "第二十条");
  }

  @Test
  void unknownVariantIsBadInputNamingTheField() {
    assertThatThrownBy(() -> ProvincialVariants.byId("XX"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("未知的省级变体");
  }

  private static ProvincialVariant.Entry entry(Regime r, Param p) {
    return NM.entries(r).stream().filter(e -> e.param() == p).findFirst().orElseThrow();
  }
}
