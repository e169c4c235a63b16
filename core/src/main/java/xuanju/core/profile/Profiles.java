package xuanju.core.profile;

import static xuanju.core.profile.Param.*;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import xuanju.core.rule.Citation;
import xuanju.core.rule.Confidence;
import xuanju.core.rule.InvalidInputException;

/**
 * The registry of rule profiles (规则配置目录), one per election type and law version. Every parameter
 * carries its legal source; see {@code docs/profiles.md} for the full table.
 *
 * <p>Ids: {@code PARTY_GRASSROOTS}, {@code PARTY_LOCAL}, {@code PEOPLES_CONGRESS_DIRECT}, {@code
 * PEOPLES_CONGRESS_INDIRECT}, {@code VILLAGE_COMMITTEE}, {@code RESIDENTS_COMMITTEE}.
 */
public final class Profiles {
  private Profiles() {}

  static final String GRASSROOTS_2020 = "中国共产党基层组织选举工作条例（2020）";
  static final String GRASSROOTS_1990 = "中国共产党基层组织选举工作暂行条例（1990）";
  static final String LOCAL_2020 = "中国共产党地方组织选举工作条例（2020）";
  static final String ELECTORAL_LAW = "全国人民代表大会和地方各级人民代表大会选举法（2020）";
  static final String ORGANIC_LAW = "地方各级人民代表大会和地方各级人民政府组织法（2022）";
  static final String SHANGHAI = "上海市区县和乡镇人民代表大会代表直接选举实施细则";
  static final String VILLAGE_LAW = "村民委员会组织法（2018）";
  static final String RESIDENTS_LAW = "城市居民委员会组织法（2018）及省级居民委员会选举办法";
  static final String CIVIL_CODE = "民法典";
  static final String PARTY_HANDBOOK = "旗帜网、《新编基层党务工作手册》";
  static final String SEED_000 = "代力吉镇机关支部选举工作方案（种子 000）";
  static final String PROVINCIAL_VILLAGE = "省级村民委员会选举办法（样本）";
  static final String ENGINE = "Xuanju 工程推定（待法律审核）";

  private static Citation c(String doc, String art, String src, Confidence conf) {
    return Citation.of(doc, art, src, conf);
  }

  private static final class B {
    private final Map<Param, Setting> s = new EnumMap<>(Param.class);

    B set(Param p, String value, Citation c) {
      String v = p.normalise(value);
      s.put(p, new Setting(p, v, v, c));
      return this;
    }

    Profile build(String id, String title, String law, Regime r) {
      return new Profile(id, title, law, r, s, List.of());
    }
  }

  /** Built on first use (a short-lived tool builds only the profile it needs). */
  private static final class PartyGrassroots {
    static final Profile P =
        new B()
            .set(
                QUORUM_RATIO,
                "4/5",
                c(GRASSROOTS_2020, "", "P12; legal-rules A3.1; QU-01", Confidence.S))
            .set(
                QUORUM_ALLOW_EXACT,
                "false",
                c(CIVIL_CODE, "第一千二百五十九条", "R12; legal-rules A3.2", Confidence.I))
            .set(
                PLENUM_QUORUM_RATIO,
                "4/5",
                c(GRASSROOTS_2020, "", "P20; legal-rules A3.3", Confidence.I))
            .set(
                PLENUM_QUORUM_ALLOW_EXACT,
                "false",
                c(CIVIL_CODE, "第一千二百五十九条", "R12; legal-rules A3.3", Confidence.I))
            .set(
                THRESHOLD_BASE,
                "PRESENT",
                c(GRASSROOTS_2020, "", "P5; P8; legal-rules A7.1; EL-01", Confidence.S))
            .set(
                FURTHER_ROUND_THRESHOLD,
                "SAME_AS_FIRST",
                c(GRASSROOTS_2020, "", "legal-rules A7.4", Confidence.I))
            .set(
                REDUCE_SEATS_ALLOWED,
                "true",
                c(PARTY_HANDBOOK, "", "P5; P7; legal-rules A7.4", Confidence.S))
            .set(
                VACANCY_AFTER_FURTHER_ROUNDS,
                "0",
                c(PARTY_HANDBOOK, "", "P7; legal-rules A7.4", Confidence.S))
            .set(
                MARGIN_FORMAL,
                "1/5",
                c(GRASSROOTS_2020, "第十三条", "P2; legal-rules A4.2; MG-01", Confidence.VP))
            .set(
                MARGIN_FORMAL_MAX,
                "none",
                c(GRASSROOTS_2020, "第十三条", "legal-rules A4.3", Confidence.VP))
            .set(
                MARGIN_MIN_EXTRA,
                "0",
                c(GRASSROOTS_2020, "第十三条", "R3; legal-rules A4.3", Confidence.S))
            .set(MARGIN_PRELIMINARY, "3/10", c(SEED_000, "", "MG-02", Confidence.PLAN))
            .set(MARGIN_PRE_CANDIDATES, "1/5", c(SEED_000, "", "MG-03", Confidence.PLAN))
            .set(
                MARGIN_DELEGATES,
                "1/5",
                c(GRASSROOTS_2020, "第九条", "P2; legal-rules A4.1", Confidence.VP))
            .set(
                MARGIN_BASE,
                "SEATS",
                c(GRASSROOTS_2020, "第十三条", "P2; MG-13 (option)", Confidence.VP))
            .set(
                OFFICERS_UNCONTESTED,
                "true",
                c(GRASSROOTS_2020, "第二十条", "P3; P22; legal-rules A8.2; MG-01", Confidence.S))
            .set(
                PROXY_ALLOWED,
                "false",
                c(GRASSROOTS_2020, "第二十四条", "P3; P4; legal-rules A5.3", Confidence.VP))
            .set(
                WRITE_IN_ALLOWED,
                "true",
                c(GRASSROOTS_2020, "第二十五条", "P13; legal-rules A5.4", Confidence.VP))
            .set(
                WRITE_IN_REQUIRES_NO,
                "true",
                c(GRASSROOTS_2020, "第二十五条", "P13; legal-rules A5.4", Confidence.VP))
            .set(
                WRITE_IN_WITHOUT_MARK,
                "VOID_BALLOT",
                c(GRASSROOTS_1990, "", "P20; legal-rules F5, G6", Confidence.S))
            .build("PARTY_GRASSROOTS", "党的基层组织选举", GRASSROOTS_2020, Regime.PARTY_GRASSROOTS);
  }

  /** Built on first use (a short-lived tool builds only the profile it needs). */
  private static final class PartyLocal {
    static final Profile P =
        new B()
            .set(QUORUM_RATIO, "1/2", c(LOCAL_2020, "第二十四条", "P15; legal-rules D2", Confidence.V))
            .set(
                QUORUM_ALLOW_EXACT,
                "false",
                c(LOCAL_2020, "第二十四条", "P15; legal-rules D2", Confidence.V))
            .set(
                PLENUM_QUORUM_RATIO,
                "2/3",
                c(LOCAL_2020, "第二十四条", "P15; legal-rules D2", Confidence.V))
            .set(
                PLENUM_QUORUM_ALLOW_EXACT,
                "false",
                c(LOCAL_2020, "第二十四条", "P15; legal-rules D2", Confidence.V))
            .set(THRESHOLD_BASE, "EXPECTED", c(LOCAL_2020, "", "P5; legal-rules D3", Confidence.S))
            .set(
                FURTHER_ROUND_THRESHOLD,
                "SAME_AS_FIRST",
                c(LOCAL_2020, "", "legal-rules E", Confidence.I))
            .set(
                REDUCE_SEATS_ALLOWED,
                "true",
                c(PARTY_HANDBOOK, "", "P5; legal-rules D3", Confidence.S))
            .set(
                VACANCY_AFTER_FURTHER_ROUNDS,
                "0",
                c(PARTY_HANDBOOK, "", "P7; legal-rules D3", Confidence.I))
            .set(MARGIN_FORMAL, "1/10", c(LOCAL_2020, "", "P17; legal-rules D4", Confidence.S))
            .set(MARGIN_FORMAL_MAX, "none", c(LOCAL_2020, "", "P17; legal-rules D4", Confidence.S))
            .set(MARGIN_MIN_EXTRA, "0", c(LOCAL_2020, "", "R3; legal-rules A4.3", Confidence.S))
            .set(MARGIN_DELEGATES, "1/5", c(LOCAL_2020, "", "P17; legal-rules D4", Confidence.S))
            .set(
                MARGIN_STANDING_EXTRA_MIN,
                "1",
                c(LOCAL_2020, "", "P17; legal-rules D4", Confidence.S))
            .set(
                MARGIN_STANDING_EXTRA_MAX,
                "2",
                c(LOCAL_2020, "", "P17; legal-rules D4", Confidence.S))
            .set(
                OFFICERS_UNCONTESTED,
                "true",
                c(LOCAL_2020, "第四条", "P14; legal-rules D1", Confidence.V))
            .set(
                PROXY_ALLOWED, "false", c(LOCAL_2020, "第三十一条", "P15; legal-rules D6", Confidence.V))
            .set(WRITE_IN_ALLOWED, "true", c(LOCAL_2020, "", "legal-rules E", Confidence.I))
            .set(WRITE_IN_REQUIRES_NO, "true", c(LOCAL_2020, "", "legal-rules E", Confidence.I))
            .set(
                WRITE_IN_WITHOUT_MARK,
                "VOID_BALLOT",
                c(LOCAL_2020, "", "legal-rules F5", Confidence.I))
            .build("PARTY_LOCAL", "党的地方组织选举", LOCAL_2020, Regime.PARTY_LOCAL);
  }

  /** Built on first use (a short-lived tool builds only the profile it needs). */
  private static final class NpcDirect {
    static final Profile P =
        new B()
            .set(
                QUORUM_RATIO,
                "1/2",
                c(ELECTORAL_LAW, "第四十五条", "L1; legal-rules B4.5", Confidence.V))
            .set(
                QUORUM_ALLOW_EXACT,
                "false",
                c(ELECTORAL_LAW, "第四十五条", "L1; legal-rules B4.5", Confidence.V))
            .set(
                THRESHOLD_BASE,
                "BALLOTS_CAST",
                c(ELECTORAL_LAW, "第四十五条", "L1; legal-rules B4.6", Confidence.V))
            .set(
                FURTHER_ROUND_THRESHOLD,
                "PLURALITY_ONE_THIRD_CAST",
                c(ELECTORAL_LAW, "第四十五条", "L1; legal-rules B4.10", Confidence.V))
            .set(
                FURTHER_ROUND_TURNOUT_REQUIRED,
                "false",
                c(ELECTORAL_LAW, "第四十五条", "legal-rules B4.10, G9", Confidence.I))
            .set(
                REDUCE_SEATS_ALLOWED,
                "false",
                c(ELECTORAL_LAW, "第四十五条", "legal-rules B4.9", Confidence.I))
            .set(
                VACANCY_AFTER_FURTHER_ROUNDS,
                "1",
                c(SHANGHAI, "第四十四条", "L6; legal-rules B4.11", Confidence.V))
            .set(
                MARGIN_FORMAL,
                "1/3",
                c(ELECTORAL_LAW, "第三十一条", "L1; R3; legal-rules B2.2", Confidence.V))
            .set(
                MARGIN_FORMAL_MAX,
                "1",
                c(ELECTORAL_LAW, "第三十一条", "L1; legal-rules B2.2", Confidence.V))
            .set(
                MARGIN_MIN_EXTRA,
                "0",
                c(ELECTORAL_LAW, "第三十一条", "R3; legal-rules B2.2", Confidence.S))
            .set(
                PROXY_ALLOWED,
                "true",
                c(ELECTORAL_LAW, "第四十二条", "L1; legal-rules B3.5", Confidence.V))
            .set(PROXY_CAP, "3", c(ELECTORAL_LAW, "第四十二条", "L1; legal-rules B3.5", Confidence.V))
            .set(
                PROXY_CONSENT_REQUIRED,
                "true",
                c(ELECTORAL_LAW, "第四十二条", "L1; legal-rules B3.5", Confidence.V))
            .set(
                PROXY_WRITTEN_REQUIRED,
                "true",
                c(ELECTORAL_LAW, "第四十二条", "L1; legal-rules B3.5", Confidence.V))
            .set(
                PROXY_CLOSE_RELATIVE_REQUIRED,
                "false",
                c(ELECTORAL_LAW, "第四十二条", "L1; legal-rules B3.5", Confidence.V))
            .set(
                PROXY_SAME_ELECTORATE_REQUIRED,
                "true",
                c(ELECTORAL_LAW, "第四十二条", "L1; legal-rules B3.5", Confidence.V))
            .set(
                WRITE_IN_ALLOWED,
                "true",
                c(ELECTORAL_LAW, "第四十一条", "L1; legal-rules B3.4", Confidence.V))
            .set(
                WRITE_IN_REQUIRES_NO,
                "false",
                c(ELECTORAL_LAW, "第四十一条", "R2; legal-rules F6", Confidence.I))
            .set(
                WRITE_IN_WITHOUT_MARK,
                "COUNTS_AS_YES",
                c("人大选举选票认定指引", "", "R1; legal-rules B4.4", Confidence.S))
            .build(
                "PEOPLES_CONGRESS_DIRECT",
                "县乡两级人大代表直接选举",
                ELECTORAL_LAW,
                Regime.PEOPLES_CONGRESS_DIRECT);
  }

  /** Built on first use (a short-lived tool builds only the profile it needs). */
  private static final class NpcIndirect {
    static final Profile P =
        new B()
            .set(
                QUORUM_RATIO,
                "2/3",
                c(ORGANIC_LAW, "第十四条", "L5; legal-rules E, B5.4", Confidence.V))
            .set(
                QUORUM_ALLOW_EXACT,
                "true",
                c(ORGANIC_LAW, "第十四条", "L5; legal-rules B5.4", Confidence.V))
            .set(
                THRESHOLD_BASE,
                "TOTAL_DEPUTIES",
                c(ELECTORAL_LAW, "第四十五条", "L1; legal-rules B4.7", Confidence.V))
            .set(
                FURTHER_ROUND_THRESHOLD,
                "SAME_AS_FIRST",
                c(ELECTORAL_LAW, "第四十五条", "L1; legal-rules B4.10", Confidence.V))
            .set(
                REDUCE_SEATS_ALLOWED,
                "false",
                c(ELECTORAL_LAW, "第四十五条", "legal-rules B4.9", Confidence.I))
            .set(
                VACANCY_AFTER_FURTHER_ROUNDS,
                "1",
                c(ELECTORAL_LAW, "第四十五条", "legal-rules B4.11", Confidence.I))
            .set(
                MARGIN_FORMAL,
                "1/5",
                c(ELECTORAL_LAW, "第三十一条", "L1; R3; legal-rules B2.2", Confidence.V))
            .set(
                MARGIN_FORMAL_MAX,
                "1/2",
                c(ELECTORAL_LAW, "第三十一条", "L1; legal-rules B2.2", Confidence.V))
            .set(
                MARGIN_MIN_EXTRA,
                "0",
                c(ELECTORAL_LAW, "第三十一条", "R3; legal-rules B2.2", Confidence.S))
            .set(PROXY_ALLOWED, "false", c(ELECTORAL_LAW, "", "legal-rules E", Confidence.I))
            .set(
                WRITE_IN_ALLOWED,
                "true",
                c(ORGANIC_LAW, "第二十八条", "L5; legal-rules E", Confidence.V))
            .set(
                WRITE_IN_REQUIRES_NO,
                "false",
                c(ELECTORAL_LAW, "第四十一条", "R2; legal-rules F6", Confidence.I))
            .set(
                WRITE_IN_WITHOUT_MARK,
                "COUNTS_AS_YES",
                c("人大选举选票认定指引", "", "R1; legal-rules B4.4", Confidence.S))
            .build(
                "PEOPLES_CONGRESS_INDIRECT",
                "县级以上人大选举上一级人大代表",
                ELECTORAL_LAW,
                Regime.PEOPLES_CONGRESS_INDIRECT);
  }

  /** Built on first use (a short-lived tool builds only the profile it needs). */
  private static final class Village {
    static final Profile P =
        new B()
            .set(QUORUM_RATIO, "1/2", c(VILLAGE_LAW, "第十五条", "L3; legal-rules C1.6", Confidence.V))
            .set(
                QUORUM_ALLOW_EXACT,
                "false",
                c(VILLAGE_LAW, "第十五条", "L3; legal-rules C1.6", Confidence.V))
            .set(
                THRESHOLD_BASE,
                "BALLOTS_CAST",
                c(VILLAGE_LAW, "第十五条", "L3; legal-rules C1.6", Confidence.V))
            .set(
                FURTHER_ROUND_THRESHOLD,
                "PLURALITY_ONE_THIRD_CAST",
                c(VILLAGE_LAW, "第十五条", "L3; legal-rules C1.6", Confidence.V))
            .set(
                FURTHER_ROUND_TURNOUT_REQUIRED,
                "false",
                c(VILLAGE_LAW, "第十五条", "legal-rules C1.6, G11", Confidence.I))
            .set(
                REDUCE_SEATS_ALLOWED,
                "false",
                c(VILLAGE_LAW, "第十五条", "legal-rules C1.6", Confidence.I))
            .set(
                VACANCY_AFTER_FURTHER_ROUNDS,
                "1",
                c(PROVINCIAL_VILLAGE, "", "R10; legal-rules C1.11", Confidence.I))
            .set(MARGIN_FORMAL, "0", c(VILLAGE_LAW, "第十五条", "L3; legal-rules C1.5", Confidence.V))
            .set(
                MARGIN_FORMAL_MAX,
                "none",
                c(VILLAGE_LAW, "第十五条", "L3; R10; legal-rules C1.5", Confidence.V))
            .set(
                MARGIN_MIN_EXTRA, "1", c(VILLAGE_LAW, "第十五条", "L3; legal-rules C1.5", Confidence.V))
            .set(
                PROXY_ALLOWED, "true", c(VILLAGE_LAW, "第十五条", "L3; legal-rules C1.8", Confidence.V))
            .set(
                PROXY_CAP,
                "3",
                c(PROVINCIAL_VILLAGE, "", "R10; legal-rules C1.8, F9", Confidence.S))
            .set(
                PROXY_CONSENT_REQUIRED,
                "false",
                c(VILLAGE_LAW, "第十五条", "L3; legal-rules C1.8", Confidence.V))
            .set(
                PROXY_WRITTEN_REQUIRED,
                "true",
                c(VILLAGE_LAW, "第十五条", "L3; legal-rules C1.8", Confidence.V))
            .set(
                PROXY_CLOSE_RELATIVE_REQUIRED,
                "true",
                c(VILLAGE_LAW, "第十五条", "L3; legal-rules C1.8", Confidence.V))
            .set(
                PROXY_SAME_ELECTORATE_REQUIRED,
                "true",
                c(VILLAGE_LAW, "第十五条", "L3; legal-rules C1.8", Confidence.V))
            .set(
                WRITE_IN_ALLOWED,
                "true",
                c(PROVINCIAL_VILLAGE, "", "R10; legal-rules E", Confidence.S))
            .set(
                WRITE_IN_REQUIRES_NO,
                "false",
                c(PROVINCIAL_VILLAGE, "", "R10; legal-rules E", Confidence.I))
            .set(
                WRITE_IN_WITHOUT_MARK,
                "COUNTS_AS_YES",
                c(PROVINCIAL_VILLAGE, "", "R1; legal-rules F5", Confidence.I))
            .build("VILLAGE_COMMITTEE", "村民委员会选举", VILLAGE_LAW, Regime.VILLAGE_COMMITTEE);
  }

  /** Built on first use (a short-lived tool builds only the profile it needs). */
  private static final class Residents {
    static final Profile P =
        new B()
            .set(
                QUORUM_RATIO,
                "1/2",
                c(RESIDENTS_LAW, "第三十四条", "R5; legal-rules C2.3", Confidence.I))
            .set(
                QUORUM_ALLOW_EXACT, "false", c(RESIDENTS_LAW, "", "legal-rules C2.3", Confidence.I))
            .set(
                THRESHOLD_BASE,
                "BALLOTS_CAST",
                c(RESIDENTS_LAW, "", "legal-rules C2.3", Confidence.I))
            .set(
                FURTHER_ROUND_THRESHOLD,
                "PLURALITY_ONE_THIRD_CAST",
                c(RESIDENTS_LAW, "", "legal-rules C2.3", Confidence.I))
            .set(
                FURTHER_ROUND_TURNOUT_REQUIRED,
                "false",
                c(RESIDENTS_LAW, "", "legal-rules C2.3, G11", Confidence.I))
            .set(
                REDUCE_SEATS_ALLOWED,
                "false",
                c(RESIDENTS_LAW, "", "legal-rules C2.3", Confidence.I))
            .set(
                VACANCY_AFTER_FURTHER_ROUNDS,
                "1",
                c(RESIDENTS_LAW, "", "legal-rules E", Confidence.I))
            .set(MARGIN_FORMAL, "0", c(RESIDENTS_LAW, "第三十四条", "R5; legal-rules E", Confidence.V))
            .set(MARGIN_FORMAL_MAX, "none", c(RESIDENTS_LAW, "", "legal-rules E", Confidence.I))
            .set(
                MARGIN_MIN_EXTRA, "1", c(RESIDENTS_LAW, "第三十四条", "R5; legal-rules E", Confidence.V))
            .set(PROXY_ALLOWED, "true", c(RESIDENTS_LAW, "", "legal-rules E", Confidence.I))
            .set(PROXY_CAP, "3", c(RESIDENTS_LAW, "", "legal-rules E", Confidence.I))
            .set(
                PROXY_CONSENT_REQUIRED,
                "false",
                c(RESIDENTS_LAW, "", "legal-rules E", Confidence.I))
            .set(
                PROXY_WRITTEN_REQUIRED, "true", c(RESIDENTS_LAW, "", "legal-rules E", Confidence.I))
            .set(
                PROXY_CLOSE_RELATIVE_REQUIRED,
                "false",
                c(RESIDENTS_LAW, "", "legal-rules E", Confidence.I))
            .set(
                PROXY_SAME_ELECTORATE_REQUIRED,
                "true",
                c(RESIDENTS_LAW, "", "legal-rules E", Confidence.I))
            .set(WRITE_IN_ALLOWED, "true", c(RESIDENTS_LAW, "", "legal-rules E", Confidence.S))
            .set(WRITE_IN_REQUIRES_NO, "false", c(RESIDENTS_LAW, "", "legal-rules E", Confidence.I))
            .set(
                WRITE_IN_WITHOUT_MARK,
                "COUNTS_AS_YES",
                c(RESIDENTS_LAW, "", "R1; legal-rules F5", Confidence.I))
            .build("RESIDENTS_COMMITTEE", "居民委员会选举", RESIDENTS_LAW, Regime.RESIDENTS_COMMITTEE);
  }

  /** Every profile, in a stable order. */
  public static List<Profile> all() {
    return List.of(
        PartyGrassroots.P, PartyLocal.P, NpcDirect.P, NpcIndirect.P, Village.P, Residents.P);
  }

  public static Optional<Profile> find(String id) {
    if (id == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        switch (id) {
          case "PARTY_GRASSROOTS" -> PartyGrassroots.P;
          case "PARTY_LOCAL" -> PartyLocal.P;
          case "PEOPLES_CONGRESS_DIRECT" -> NpcDirect.P;
          case "PEOPLES_CONGRESS_INDIRECT" -> NpcIndirect.P;
          case "VILLAGE_COMMITTEE" -> Village.P;
          case "RESIDENTS_COMMITTEE" -> Residents.P;
          default -> null;
        });
  }

  /**
   * The profile with this id.
   *
   * @throws InvalidInputException (field {@code profile}) if there is none
   */
  public static Profile byId(String id) {
    return find(id)
        .orElseThrow(() -> new InvalidInputException("profile", "未知的规则配置 \"" + id + "\""));
  }
}
