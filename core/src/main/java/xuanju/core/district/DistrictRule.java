package xuanju.core.district;

import xuanju.core.rule.Citation;
import xuanju.core.rule.Confidence;
import xuanju.core.rule.Rule;
import xuanju.core.rule.Severity;

/**
 * Rules for the town's total number of deputies and its electoral districts (乡级人大代表名额与选区划分). The
 * law is the 2020 选举法 (legal-rules L1, read verbatim); where the law leaves a choice open
 * (rounding, the size of "大体相等", how to allocate) the citation says so with {@link Confidence#I} or
 * {@link Confidence#PLAN}.
 */
public enum DistrictRule implements Rule {
  TOWN_SEATS_FORMULA(
      "NPC.TOWN_SEATS.FORMULA",
      Severity.NOTICE,
      "乡、民族乡、镇的代表名额基数为四十五名，每一千五百人可以增加一名代表；但是，代表总名额不得超过一百六十名；人口不足二千的，代表总名额可以少于四十五名",
      law("第十二条第一款第四项、第二款", "L1; SZ-15", Confidence.V)),
  TOWN_SEATS_ROUNDING(
      "NPC.TOWN_SEATS.ROUNDING",
      Severity.NOTICE,
      "按人口增加的名额（人口数÷1500）和另加百分之五的名额，不足一名的部分不计（去尾取整）",
      law("第十二条", "L1", Confidence.I)),
  TOWN_SEATS_EXTRA_5_PERCENT(
      "NPC.TOWN_SEATS.EXTRA_5_PERCENT",
      Severity.NOTICE,
      "聚居的少数民族多或者人口居住分散的乡、民族乡，经省、自治区、直辖市的人民代表大会常务委员会决定，代表名额可以另加百分之五",
      law("第十二条第三款", "L1", Confidence.V)),
  TOWN_SEATS_EXTRA_NOT_LISTED(
      "NPC.TOWN_SEATS.EXTRA_NOT_LISTED",
      Severity.WARNING,
      "另加百分之五的规定只列举了县、自治县、乡、民族乡，未列举镇，镇的代表名额不另加",
      law("第十二条第三款", "L1", Confidence.I)),
  TOWN_SEATS_DECIDED(
      "NPC.TOWN_SEATS.DECIDED",
      Severity.NOTICE,
      "乡级的人民代表大会代表的具体名额，由县级的人民代表大会常务委员会依照选举法确定",
      law("第十三条", "L1", Confidence.V)),
  TOWN_SEATS_DECIDED_OUT_OF_RANGE(
      "NPC.TOWN_SEATS.DECIDED_OUT_OF_RANGE",
      Severity.WARNING,
      "县级人大常委会决定的代表总名额超出选举法第十二条允许的范围（人口不少于二千的不少于四十五名，且不多于按人口计算的名额）",
      law("第十二条", "L1", Confidence.I)),
  DISTRICT_SEATS_1_TO_3(
      "NPC.DISTRICT.SEATS_1_TO_3",
      Severity.ERROR,
      "选区的大小，按照每一选区选一名至三名代表划分",
      law("第二十五条第二款", "L1; SZ-15; DS-01", Confidence.V)),
  DISTRICT_SEATS_SUM(
      "NPC.DISTRICT.SEATS_SUM",
      Severity.ERROR,
      "代表名额分配到选区，各选区应选代表名额之和应等于代表总名额",
      law("第十一条第一款第一项、第二十五条第一款", "L1; AP-03", Confidence.I)),
  DISTRICT_POPULATION_SUM(
      "NPC.DISTRICT.POPULATION_SUM",
      Severity.WARNING,
      "各选区人口之和应等于本行政区域的人口数（每一选民只能在一个选区登记）",
      law("第二十五条、第二十七条", "L1", Confidence.I)),
  DISTRICT_EQUAL_POPULATION(
      "NPC.DISTRICT.EQUAL_POPULATION",
      Severity.NOTICE,
      "本行政区域内各选区每一代表所代表的人口数应当大体相等",
      law("第二十六条", "L1; SZ-15; DS-01", Confidence.V)),
  DISTRICT_DEVIATION_LIMIT(
      "NPC.DISTRICT.DEVIATION_LIMIT",
      Severity.WARNING,
      "选区每一代表所代表的人口数与全镇（乡）平均数的偏离不宜超过本地方案规定的幅度（默认20%）",
      Citation.of("选举工作方案（本地方案）", "", "SZ-15; AP-03", Confidence.PLAN)),
  DISTRICT_PROPOSAL(
      "NPC.DISTRICT.PROPOSAL",
      Severity.NOTICE,
      "名额分配建议：先使各选区每一代表所代表人口数与平均数的最大偏离尽可能小，再按同等比例法（亨廷顿—希尔法）分配，每一选区一至三名",
      law("第十一条第一款第一项、第二十六条", "L1; AP-03", Confidence.I));

  private final String code;
  private final Severity severity;
  private final String messageZh;
  private final Citation citation;

  DistrictRule(String code, Severity severity, String messageZh, Citation citation) {
    this.code = code;
    this.severity = severity;
    this.messageZh = messageZh;
    this.citation = citation;
  }

  private static Citation law(String article, String source, Confidence c) {
    return Citation.of("全国人民代表大会和地方各级人民代表大会选举法（2020）", article, source, c);
  }

  @Override
  public String code() {
    return code;
  }

  @Override
  public Severity severity() {
    return severity;
  }

  @Override
  public String messageZh() {
    return messageZh;
  }

  @Override
  public Citation citation() {
    return citation;
  }
}
