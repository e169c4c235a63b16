package xuanju.core.quota;

import java.util.List;
import java.util.Optional;
import xuanju.core.rule.Citation;
import xuanju.core.rule.Confidence;

/** The built-in quota sets from the seed plans (内置结构要求，seed-rules.md §2.9). */
public final class QuotaSets {
  private QuotaSets() {}

  private static final String PLAN_002 = "奈曼旗大沁他拉街道诺恩吉雅社区“两委”换届选举工作方案（002）";
  private static final String PLAN_001_17 = "街道社区“两委”换届选举工作方案（001 第17篇）";
  private static final String PLAN_003 = "XX区选举出席XX市第十二次党代会代表工作方案（003）";
  private static final String PLAN_004 = "昂素镇人民代表大会换届选举工作方案（004）";

  /**
   * The person tag of an incumbent deputy standing again (连任), as the person register records it
   * (其他身份).
   */
  public static final String INCUMBENT_TAG = "连任";

  private static Citation plan(String doc, String id) {
    return Citation.of(doc, "", id, Confidence.PLAN);
  }

  /**
   * Community "两委" team (社区“两委”班子), 002: at least 1 aged 35 or under (ST-01, "原则上"), at least 1
   * woman (ST-02). ST-03 (大专 share above the previous term) needs the previous term's figures: see
   * {@link #communityTwoCommittees(Share)}.
   */
  public static final QuotaSet COMMUNITY_TWO_COMMITTEES =
      new QuotaSet(
          "COMMUNITY_TWO_COMMITTEES",
          "社区“两委”班子结构（002）",
          List.of(
              QuotaRequirement.count(
                  "ST-01",
                  Attribute.ageAtMost(35),
                  Comparison.AT_LEAST,
                  1,
                  plan(PLAN_002, "ST-01")),
              QuotaRequirement.count(
                  "ST-02", Attribute.female(), Comparison.AT_LEAST, 1, plan(PLAN_002, "ST-02"))));

  /**
   * Residents' committee members (居民委员会成员): party members more than 50% (002 ST-04, strict), at
   * least 1 woman (001 篇17 ST-05).
   */
  public static final QuotaSet RESIDENTS_COMMITTEE =
      new QuotaSet(
          "RESIDENTS_COMMITTEE",
          "居民委员会成员结构（002、001第17篇）",
          List.of(
              QuotaRequirement.share(
                  "ST-04",
                  Attribute.partyMember(),
                  Comparison.MORE_THAN,
                  Share.of(1, 2),
                  plan(PLAN_002, "ST-04")),
              QuotaRequirement.count(
                  "ST-05",
                  Attribute.female(),
                  Comparison.AT_LEAST,
                  1,
                  plan(PLAN_001_17, "ST-05"))));

  /**
   * Delegates to the city party congress, district quota of 16 (出席市党代会代表), 003: leading cadres ≤ 9
   * (ST-12); grassroots front-line ≥ 7 (ST-13), of which 3 advanced models including 1 worker and 4
   * professional/technical staff; women ≥ 7 (ST-14); minorities ≥ 1 (ST-15); aged 50 or under ≥ 9
   * (ST-16, "50岁以下" read as inclusive).
   */
  public static final QuotaSet PARTY_CONGRESS_DELEGATES =
      new QuotaSet(
          "PARTY_CONGRESS_DELEGATES",
          "出席市党代会代表结构（003）",
          List.of(
              QuotaRequirement.count(
                  "ST-12",
                  Attribute.tagged("领导干部"),
                  Comparison.AT_MOST,
                  9,
                  plan(PLAN_003, "ST-12")),
              QuotaRequirement.count(
                  "ST-13",
                  Attribute.tagged("基层一线"),
                  Comparison.AT_LEAST,
                  7,
                  plan(PLAN_003, "ST-13")),
              QuotaRequirement.count(
                  "ST-13.1",
                  Attribute.tagged("先进模范"),
                  Comparison.AT_LEAST,
                  3,
                  plan(PLAN_003, "ST-13")),
              QuotaRequirement.count(
                  "ST-13.2",
                  Attribute.tagged("先进模范", "工人"),
                  Comparison.AT_LEAST,
                  1,
                  plan(PLAN_003, "ST-13")),
              QuotaRequirement.count(
                  "ST-13.3",
                  Attribute.tagged("专业技术"),
                  Comparison.AT_LEAST,
                  4,
                  plan(PLAN_003, "ST-13")),
              QuotaRequirement.count(
                  "ST-14", Attribute.female(), Comparison.AT_LEAST, 7, plan(PLAN_003, "ST-14")),
              QuotaRequirement.count(
                  "ST-15", Attribute.minority(), Comparison.AT_LEAST, 1, plan(PLAN_003, "ST-15")),
              QuotaRequirement.count(
                  "ST-16",
                  Attribute.ageAtMost(50),
                  Comparison.AT_LEAST,
                  9,
                  plan(PLAN_003, "ST-16"))));

  /**
   * Town people's congress deputies (镇人大代表), 004 ST-20: non-CPC deputies ≥ 35%; incumbents (tag
   * {@value #INCUMBENT_TAG}) "about one third", checked as at least one third and shown as a
   * shortfall only (the county 人大常委会's approval of the ratios may fix another share).
   */
  public static final QuotaSet TOWN_CONGRESS_DEPUTIES =
      new QuotaSet(
          "TOWN_CONGRESS_DEPUTIES",
          "镇人民代表大会代表结构（004）",
          List.of(
              QuotaRequirement.share(
                  "ST-20",
                  Attribute.nonPartyMember(),
                  Comparison.AT_LEAST,
                  Share.of(35, 100),
                  plan(PLAN_004, "ST-20")),
              QuotaRequirement.share(
                  "ST-20-INCUMBENTS",
                  Attribute.tagged(INCUMBENT_TAG),
                  Comparison.AT_LEAST,
                  Share.of(1, 3),
                  plan(PLAN_004, "ST-20（连任代表要占1/3左右）"))));

  /**
   * Community party secretaries across a street (全街社区党组织书记), 001 篇17 ST-06: aged 45 or under ≥ 45%
   * ("一般应占45%以上"). The "about 35, ≥ 15%" part has no exact age band and is left out.
   */
  public static final QuotaSet COMMUNITY_SECRETARIES =
      new QuotaSet(
          "COMMUNITY_SECRETARIES",
          "全街社区党组织书记年龄结构（001第17篇）",
          List.of(
              QuotaRequirement.share(
                  "ST-06",
                  Attribute.ageAtMost(45),
                  Comparison.AT_LEAST,
                  Share.of(45, 100),
                  plan(PLAN_001_17, "ST-06"))));

  /** The identity tag for 大专（含大专）以上文化程度, carried by {@link Person#tags()} (ST-03). */
  public static final String COLLEGE_TAG = "大专及以上";

  /**
   * The community "两委" team against the previous term (002): {@link #COMMUNITY_TWO_COMMITTEES} plus
   * ST-03, the share with 大专（含大专）以上 ({@link #COLLEGE_TAG}) higher than the previous term's ("高于上届",
   * strict).
   *
   * @param previousCollegeShare the previous team's share, e.g. 2/5
   */
  public static QuotaSet communityTwoCommittees(Share previousCollegeShare) {
    List<QuotaRequirement> r = new java.util.ArrayList<>(COMMUNITY_TWO_COMMITTEES.requirements());
    r.add(
        QuotaRequirement.share(
            "ST-03",
            Attribute.tagged(COLLEGE_TAG),
            Comparison.MORE_THAN,
            previousCollegeShare,
            plan(PLAN_002, "ST-03")));
    return new QuotaSet("COMMUNITY_TWO_COMMITTEES_VS_PREVIOUS", "社区“两委”班子结构（002，含与上届比较）", r);
  }

  /**
   * The residents' committee against the previous term (002 ST-04): {@link #RESIDENTS_COMMITTEE}
   * plus the party members' share higher than the previous term's ("居民委员会成员中党员比例高于上届").
   *
   * @param previousPartyShare the previous committee's share of party members
   */
  public static QuotaSet residentsCommittee(Share previousPartyShare) {
    List<QuotaRequirement> r = new java.util.ArrayList<>(RESIDENTS_COMMITTEE.requirements());
    r.add(
        QuotaRequirement.share(
            "ST-04.1",
            Attribute.partyMember(),
            Comparison.MORE_THAN,
            previousPartyShare,
            plan(PLAN_002, "ST-04")));
    return new QuotaSet("RESIDENTS_COMMITTEE_VS_PREVIOUS", "居民委员会成员结构（002，含与上届比较）", r);
  }

  private static final List<QuotaSet> ALL =
      List.of(
          COMMUNITY_TWO_COMMITTEES,
          RESIDENTS_COMMITTEE,
          PARTY_CONGRESS_DELEGATES,
          TOWN_CONGRESS_DEPUTIES,
          COMMUNITY_SECRETARIES);

  public static List<QuotaSet> all() {
    return ALL;
  }

  public static Optional<QuotaSet> byId(String id) {
    return ALL.stream().filter(s -> s.id().equals(id)).findFirst();
  }
}
