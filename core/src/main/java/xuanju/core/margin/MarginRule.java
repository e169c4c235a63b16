package xuanju.core.margin;

import xuanju.core.rule.Citation;
import xuanju.core.rule.Confidence;
import xuanju.core.rule.Rule;
import xuanju.core.rule.Severity;

/** Candidate margin rules (差额规则): how many candidates a list must have for N seats. */
public enum MarginRule implements Rule {
  PARTY_MARGIN_MEMBERS(
      "PARTY.MARGIN.MEMBERS",
      "委员候选人的差额不少于应选人数的20%（进一）",
      Citation.of(
          "中国共产党基层组织选举工作条例（2020）", "第十三条", "P2; R3; MG-01; legal-rules A4.2-A4.3", Confidence.VP)),
  PARTY_MARGIN_DELEGATES(
      "PARTY.MARGIN.DELEGATES",
      "党员代表大会代表候选人的差额不少于应选人数的20%（进一）",
      Citation.of("中国共产党基层组织选举工作条例（2020）", "第九条", "P2; legal-rules A4.1", Confidence.VP)),
  PARTY_MARGIN_PRELIMINARY(
      "PARTY.MARGIN.PRELIMINARY",
      "委员候选人初步人选按不低于30%的差额比例确定（进一）",
      Citation.of("代力吉镇机关支部选举工作方案（种子 000）", "", "MG-02", Confidence.PLAN)),
  PARTY_MARGIN_PRE_CANDIDATES(
      "PARTY.MARGIN.PRE_CANDIDATES",
      "委员候选人预备人选差额比例不低于20%（进一）",
      Citation.of("代力吉镇机关支部选举工作方案（种子 000）", "", "MG-03", Confidence.PLAN)),
  PARTY_MARGIN_CURRENT_COMMITTEE_BASE(
      "PARTY.MARGIN.CURRENT_COMMITTEE_BASE",
      "按本地方案，差额人数以本支部现有委员人数为基数计算",
      Citation.of("党支部换届选举工作方案（种子 001 篇18）", "", "MG-13", Confidence.PLAN)),
  PARTY_MARGIN_OFFICERS_UNCONTESTED(
      "PARTY.MARGIN.OFFICERS_UNCONTESTED",
      "书记、副书记可以实行等额选举",
      Citation.of(
          "中国共产党基层组织选举工作条例（2020）", "第二十条", "P3; P22; MG-01; legal-rules A8.2", Confidence.S)),
  PARTY_MARGIN_BY_ELECTION(
      "PARTY.MARGIN.BY_ELECTION",
      "补选支部委员不能等额，须差额选举",
      Citation.of("共产党员网问答", "", "P21; legal-rules A8.4", Confidence.S)),
  PARTY_LOCAL_MARGIN_DELEGATES(
      "PARTY_LOCAL.MARGIN.DELEGATES",
      "党代表大会代表候选人差额不少于20%（进一）",
      Citation.of("中国共产党地方组织选举工作条例（2020）", "", "P17; legal-rules D4", Confidence.S)),
  PARTY_LOCAL_MARGIN_MEMBERS(
      "PARTY_LOCAL.MARGIN.MEMBERS",
      "委员、候补委员候选人差额不少于10%（进一）",
      Citation.of("中国共产党地方组织选举工作条例（2020）", "", "P17; legal-rules D4", Confidence.S)),
  PARTY_LOCAL_MARGIN_STANDING(
      "PARTY_LOCAL.MARGIN.STANDING",
      "常委候选人比应选人数多1至2人",
      Citation.of("中国共产党地方组织选举工作条例（2020）", "", "P17; legal-rules D4", Confidence.S)),
  PARTY_LOCAL_MARGIN_OFFICERS_UNCONTESTED(
      "PARTY_LOCAL.MARGIN.OFFICERS_UNCONTESTED",
      "书记、副书记实行等额选举",
      Citation.of("中国共产党地方组织选举工作条例（2020）", "第四条", "P14; legal-rules D1", Confidence.V)),
  NPC_MARGIN_DIRECT(
      "NPC.MARGIN.DIRECT",
      "由选民直接选举的代表，候选人数应多于应选代表名额三分之一至一倍（下限进一）",
      Citation.of(
          "全国人民代表大会和地方各级人民代表大会选举法（2020）", "第三十一条", "L1; R3; legal-rules B2.2", Confidence.V)),
  NPC_MARGIN_INDIRECT(
      "NPC.MARGIN.INDIRECT",
      "由地方各级人民代表大会选举上一级人大代表，候选人数应多于应选代表名额五分之一至二分之一（下限进一、上限去尾）",
      Citation.of(
          "全国人民代表大会和地方各级人民代表大会选举法（2020）", "第三十一条", "L1; R3; legal-rules B2.2", Confidence.V)),
  NPC_MARGIN_BY_ELECTION(
      "NPC.MARGIN.BY_ELECTION",
      "补选代表时，代表候选人的名额可以多于应选代表的名额，也可以同应选代表的名额相等",
      Citation.of("全国人民代表大会和地方各级人民代表大会选举法（2020）", "第五十七条", "L1; legal-rules B5.3", Confidence.V)),
  NPC_MARGIN_CHIEF(
      "NPC.MARGIN.CHIEF",
      "人大选举正职领导人员，候选人数一般应多一人进行差额选举；只有一人时可以等额选举",
      Citation.of("地方各级人民代表大会和地方各级人民政府组织法（2022）", "第二十七条", "L5; legal-rules B5.4", Confidence.V)),
  NPC_MARGIN_DEPUTY_CHIEF(
      "NPC.MARGIN.DEPUTY_CHIEF",
      "人大选举副职领导人员，候选人数应比应选人数多一人至三人",
      Citation.of("地方各级人民代表大会和地方各级人民政府组织法（2022）", "第二十七条", "L5; legal-rules B5.4", Confidence.V)),
  NPC_MARGIN_STANDING(
      "NPC.MARGIN.STANDING",
      "人大常委会委员候选人数应比应选人数多十分之一至五分之一（下限进一、上限去尾）",
      Citation.of("地方各级人民代表大会和地方各级人民政府组织法（2022）", "第二十七条", "L5; legal-rules B5.4", Confidence.V)),
  VILLAGE_MARGIN_MORE_THAN_SEATS(
      "VILLAGE.MARGIN.MORE_THAN_SEATS",
      "村民委员会成员候选人数应当多于应选人数",
      Citation.of("村民委员会组织法（2018）", "第十五条", "L3; legal-rules C1.5", Confidence.V)),
  RESIDENTS_MARGIN_MORE_THAN_SEATS(
      "RESIDENTS.MARGIN.MORE_THAN_SEATS",
      "居民委员会成员应差额选举，候选人数应当多于应选人数",
      Citation.of("重庆市居民委员会选举办法", "第三十四条", "R5; legal-rules E", Confidence.V));

  private final String code;
  private final String messageZh;
  private final Citation citation;

  MarginRule(String code, String messageZh, Citation citation) {
    this.code = code;
    this.messageZh = messageZh;
    this.citation = citation;
  }

  @Override
  public String code() {
    return code;
  }

  @Override
  public Severity severity() {
    return this == PARTY_MARGIN_CURRENT_COMMITTEE_BASE ? Severity.NOTICE : Severity.ERROR;
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
