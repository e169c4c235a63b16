package xuanju.core.proxy;

import xuanju.core.rule.Citation;
import xuanju.core.rule.Confidence;
import xuanju.core.rule.Rule;
import xuanju.core.rule.Severity;

/** Proxy-voting rules (委托投票规则). */
public enum ProxyRule implements Rule {
  PARTY_PROXY_NONE(
      "PARTY.PROXY.NONE",
      "因故未出席会议的党员或者代表不能委托他人代为投票",
      Citation.of("中国共产党基层组织选举工作条例（2020）", "第二十四条", "P3; P4; legal-rules A5.3", Confidence.VP)),
  PARTY_LOCAL_PROXY_NONE(
      "PARTY_LOCAL.PROXY.NONE",
      "因故未出席会议的代表不能委托他人代为投票",
      Citation.of("中国共产党地方组织选举工作条例（2020）", "第三十一条", "P15; legal-rules D6", Confidence.V)),
  NPC_PROXY_INDIRECT_NONE(
      "NPC.PROXY.INDIRECT_NONE",
      "人民代表大会选举时代表亲自投票，不适用委托投票",
      Citation.of("全国人民代表大会和地方各级人民代表大会选举法（2020）", "", "legal-rules E", Confidence.I)),
  NPC_PROXY_CAP(
      "NPC.PROXY.CAP",
      "每一选民接受的委托不得超过三人",
      Citation.of("全国人民代表大会和地方各级人民代表大会选举法（2020）", "第四十二条", "L1; legal-rules B3.5", Confidence.V)),
  NPC_PROXY_CONSENT(
      "NPC.PROXY.CONSENT",
      "选民在选举期间外出的，经选举委员会同意，方可委托投票",
      Citation.of("全国人民代表大会和地方各级人民代表大会选举法（2020）", "第四十二条", "L1; legal-rules B3.5", Confidence.V)),
  NPC_PROXY_WRITTEN(
      "NPC.PROXY.WRITTEN",
      "委托投票须书面委托",
      Citation.of("全国人民代表大会和地方各级人民代表大会选举法（2020）", "第四十二条", "L1; legal-rules B3.5", Confidence.V)),
  NPC_PROXY_SAME_ELECTORATE(
      "NPC.PROXY.SAME_ELECTORATE",
      "只能委托其信任的其他选民代为投票",
      Citation.of("全国人民代表大会和地方各级人民代表大会选举法（2020）", "第四十二条", "L1; legal-rules B3.5", Confidence.V)),
  VILLAGE_PROXY_CAP(
      "VILLAGE.PROXY.CAP",
      "每一受托人接受委托不得超过省级选举办法规定的人数",
      Citation.of("省级村民委员会选举办法（样本）", "", "R10; legal-rules C1.8, F9", Confidence.S)),
  VILLAGE_PROXY_WRITTEN(
      "VILLAGE.PROXY.WRITTEN",
      "村民外出的，可以书面委托本村有选举权的近亲属代为投票",
      Citation.of("村民委员会组织法（2018）", "第十五条", "L3; legal-rules C1.8", Confidence.V)),
  VILLAGE_PROXY_CLOSE_RELATIVE(
      "VILLAGE.PROXY.CLOSE_RELATIVE",
      "受托人须为委托人的近亲属",
      Citation.of("村民委员会组织法（2018）", "第十五条", "L3; legal-rules C1.8", Confidence.V)),
  VILLAGE_PROXY_SAME_VILLAGE(
      "VILLAGE.PROXY.SAME_VILLAGE",
      "受托人须为本村有选举权的村民",
      Citation.of("村民委员会组织法（2018）", "第十五条", "L3; legal-rules C1.8", Confidence.V)),
  PROXY_NOT_ALLOWED(
      "PROXY.PLAN.NOT_ALLOWED",
      "按本地方案，本次选举不允许委托投票",
      Citation.of("选举工作方案（本地方案）", "", "", Confidence.PLAN)),
  PROXY_CAP(
      "PROXY.PLAN.CAP",
      "每一受托人接受委托不得超过规定人数（省级办法或本地方案）",
      Citation.of("省级选举办法或本地方案", "", "legal-rules E", Confidence.I)),
  PROXY_CONSENT(
      "PROXY.PLAN.CONSENT",
      "委托投票须经选举委员会同意（省级办法或本地方案）",
      Citation.of("省级选举办法或本地方案", "", "legal-rules E", Confidence.I)),
  PROXY_WRITTEN(
      "PROXY.PLAN.WRITTEN",
      "委托投票须书面委托（省级办法或本地方案）",
      Citation.of("省级选举办法或本地方案", "", "legal-rules E", Confidence.I)),
  PROXY_CLOSE_RELATIVE(
      "PROXY.PLAN.CLOSE_RELATIVE",
      "受托人须为委托人的近亲属（省级办法或本地方案）",
      Citation.of("省级选举办法或本地方案", "", "legal-rules E", Confidence.I)),
  PROXY_SAME_ELECTORATE(
      "PROXY.PLAN.SAME_ELECTORATE",
      "受托人须为本选区（本社区）有选举权的人（省级办法或本地方案）",
      Citation.of("省级选举办法或本地方案", "", "legal-rules E", Confidence.I)),
  PROXY_ACCEPTED(
      "PROXY.ACCEPTED",
      "委托符合规定，予以接受，委托人与受托人名单应公布",
      Citation.of("村民委员会组织法（2018）", "第十五条", "L1 第四十二条; L3; legal-rules B3.5, C1.8", Confidence.V));

  private final String code;
  private final String messageZh;
  private final Citation citation;

  ProxyRule(String code, String messageZh, Citation citation) {
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
    return this == PROXY_ACCEPTED ? Severity.NOTICE : Severity.ERROR;
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
