package xuanju.core.outcome;

import xuanju.core.rule.Citation;
import xuanju.core.rule.Confidence;
import xuanju.core.rule.Rule;
import xuanju.core.rule.Severity;

/** Rules that decide who is elected (确定当选人的规则). */
public enum CountRule implements Rule {
  PARTY_THRESHOLD_HALF_PRESENT(
      "PARTY.THRESHOLD.HALF_PRESENT",
      Severity.NOTICE,
      "被选举人获得的赞成票超过实到会有选举权人数的一半，始得当选",
      Citation.of(
          "中国共产党基层组织选举工作条例（2020）", "", "P5; P8; EL-01; EL-04; legal-rules A7.1", Confidence.S)),
  PARTY_LOCAL_THRESHOLD_HALF_EXPECTED(
      "PARTY_LOCAL.THRESHOLD.HALF_EXPECTED",
      Severity.NOTICE,
      "被选举人获得的赞成票超过应到会有选举权人数的一半，始得当选",
      Citation.of("中国共产党地方组织选举工作条例（2020）", "", "P5; legal-rules D3", Confidence.S)),
  NPC_THRESHOLD_HALF_VOTED(
      "NPC.THRESHOLD.HALF_VOTED",
      Severity.NOTICE,
      "代表候选人获得参加投票的选民过半数的选票时，始得当选",
      Citation.of("全国人民代表大会和地方各级人民代表大会选举法（2020）", "第四十五条", "L1; legal-rules B4.6", Confidence.V)),
  NPC_THRESHOLD_HALF_ALL_DEPUTIES(
      "NPC.THRESHOLD.HALF_ALL_DEPUTIES",
      Severity.NOTICE,
      "代表候选人获得全体代表过半数的选票时，始得当选",
      Citation.of("全国人民代表大会和地方各级人民代表大会选举法（2020）", "第四十五条", "L1; legal-rules B4.7", Confidence.V)),
  VILLAGE_THRESHOLD_HALF_VOTED(
      "VILLAGE.THRESHOLD.HALF_VOTED",
      Severity.NOTICE,
      "候选人获得参加投票的村民过半数的选票，始得当选",
      Citation.of("村民委员会组织法（2018）", "第十五条", "L3; legal-rules C1.6", Confidence.V)),
  RESIDENTS_THRESHOLD_HALF_VOTED(
      "RESIDENTS.THRESHOLD.HALF_VOTED",
      Severity.NOTICE,
      "候选人获得参加投票的选民过半数的选票，始得当选",
      Citation.of("城市居民委员会组织法（2018）及省级居民委员会选举办法", "", "legal-rules C2.3", Confidence.I)),
  PLAN_THRESHOLD_HALF(
      "COUNT.THRESHOLD.HALF_PLAN_BASE",
      Severity.NOTICE,
      "按本地方案确定的基数，赞成票超过基数的一半始得当选",
      Citation.of("选举工作方案（本地方案）", "", "", Confidence.PLAN)),
  NPC_FURTHER_ROUND_ONE_THIRD(
      "NPC.FURTHER_ROUND.ONE_THIRD",
      Severity.NOTICE,
      "另行选举时，以得票多的当选，但得票数不得少于选票的三分之一",
      Citation.of(
          "全国人民代表大会和地方各级人民代表大会选举法（2020）", "第四十五条", "L1; legal-rules B4.10, F12", Confidence.V)),
  VILLAGE_FURTHER_ROUND_ONE_THIRD(
      "VILLAGE.FURTHER_ROUND.ONE_THIRD",
      Severity.NOTICE,
      "另行选举时，以得票多的当选，但所得票数不得少于已投选票总数的三分之一",
      Citation.of("村民委员会组织法（2018）", "第十五条", "L3; legal-rules C1.6", Confidence.V)),
  RESIDENTS_FURTHER_ROUND_ONE_THIRD(
      "RESIDENTS.FURTHER_ROUND.ONE_THIRD",
      Severity.NOTICE,
      "另行选举时，以得票多的当选，但所得票数不得少于已投选票总数的三分之一",
      Citation.of("城市居民委员会组织法（2018）及省级居民委员会选举办法", "", "legal-rules C2.3", Confidence.I)),
  PLAN_FURTHER_ROUND_ONE_THIRD(
      "COUNT.FURTHER_ROUND.ONE_THIRD_PLAN",
      Severity.NOTICE,
      "按本地方案，另行选举以得票多的当选，但得票数不得少于选票的三分之一",
      Citation.of("选举工作方案（本地方案）", "", "", Confidence.PLAN)),
  FURTHER_ROUND_NO_TURNOUT(
      "COUNT.FURTHER_ROUND.NO_TURNOUT",
      Severity.NOTICE,
      "另行选举以得票多且不少于选票三分之一为当选条件，不再适用过半数选民参加投票的要求",
      Citation.of(
          "全国人民代表大会和地方各级人民代表大会选举法（2020）",
          "第四十五条",
          "L1; L3 第十五条; legal-rules B4.10, G9, G11",
          Confidence.I)),
  RANK_MOST_VOTES(
      "COUNT.RANK.MOST_VOTES",
      Severity.NOTICE,
      "获得过半数选票的人数超过应选名额时，以得票多的当选",
      Citation.of(
          "全国人民代表大会和地方各级人民代表大会选举法（2020）",
          "第四十五条",
          "L1; P5; EL-04; legal-rules A7.2, B4.8",
          Confidence.V)),
  TIE_REVOTE(
      "COUNT.TIE.REVOTE",
      Severity.WARNING,
      "如遇票数相等不能确定当选人时，应当就票数相等的候选人再次投票，以得票多的当选",
      Citation.of(
          "全国人民代表大会和地方各级人民代表大会选举法（2020）",
          "第四十五条",
          "L1; P5; EL-04; legal-rules A7.3, B4.8",
          Confidence.V)),
  TIE_PLURALITY(
      "COUNT.TIE.PLURALITY",
      Severity.NOTICE,
      "就票数相等的候选人再次投票，以得票多的当选，不再适用过半数要求",
      Citation.of("全国人民代表大会和地方各级人民代表大会选举法（2020）", "第四十五条", "legal-rules A7.3, F11", Confidence.I)),
  INELIGIBLE_NOT_ELECTED(
      "COUNT.INELIGIBLE.NOT_ELECTED",
      Severity.WARNING,
      "不具备被选举资格的人（含另选他人）得票无论多少均不能当选，名额依次递补或另行选举",
      Citation.of("诺恩吉雅社区“两委”换届选举工作方案（种子 002）", "", "seed-rules §5 另选他人", Confidence.PLAN)),
  SHORTFALL_FURTHER_ROUND(
      "COUNT.SHORTFALL.FURTHER_ROUND",
      Severity.WARNING,
      "获得过半数选票的当选人数少于应选名额时，不足的名额另行选举，候选人按第一次投票得票多少的顺序确定",
      Citation.of(
          "全国人民代表大会和地方各级人民代表大会选举法（2020）",
          "第四十五条",
          "L1; L3; P5; legal-rules A7.4, B4.9, C1.6",
          Confidence.V)),
  SHORTFALL_VACANCY(
      "COUNT.SHORTFALL.VACANCY",
      Severity.WARNING,
      "另行选举后仍选不足的名额，暂作缺额处理",
      Citation.of("上海市区县和乡镇人民代表大会代表直接选举实施细则", "第四十四条", "L6; legal-rules B4.11", Confidence.V)),
  PARTY_SHORTFALL_REDUCE_SEATS(
      "PARTY.SHORTFALL.REDUCE_SEATS",
      Severity.NOTICE,
      "当选人数少于应选名额但接近应选名额时，经半数以上选举人同意或主席团决定，可以减少名额，不再另行选举",
      Citation.of("旗帜网、《新编基层党务工作手册》", "", "P5; P7; P19; legal-rules A7.4", Confidence.S));

  private final String code;
  private final Severity severity;
  private final String messageZh;
  private final Citation citation;

  CountRule(String code, Severity severity, String messageZh, Citation citation) {
    this.code = code;
    this.severity = severity;
    this.messageZh = messageZh;
    this.citation = citation;
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
