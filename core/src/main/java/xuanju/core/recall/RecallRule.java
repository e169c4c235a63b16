package xuanju.core.recall;

import xuanju.core.rule.Citation;
import xuanju.core.rule.Confidence;
import xuanju.core.rule.Rule;
import xuanju.core.rule.Severity;

/** Recall rules (罢免规则). */
public enum RecallRule implements Rule {
  VILLAGE_RECALL_PETITION(
      "VILLAGE.RECALL.PETITION",
      "本村五分之一以上有选举权的村民或者三分之一以上的村民代表联名，可以提出罢免要求",
      Citation.of("村民委员会组织法（2018）", "第十六条", "L3; legal-rules C1.12", Confidence.V)),
  VILLAGE_RECALL_TURNOUT_HALF(
      "VILLAGE.RECALL.TURNOUT_HALF",
      "罢免村民委员会成员，须有登记参加选举的村民过半数投票",
      Citation.of("村民委员会组织法（2018）", "第十六条", "L3; legal-rules C1.12", Confidence.V)),
  VILLAGE_RECALL_YES_HALF_VOTED(
      "VILLAGE.RECALL.YES_HALF_VOTED",
      "罢免须经投票的村民过半数通过",
      Citation.of("村民委员会组织法（2018）", "第十六条", "L3; legal-rules C1.12", Confidence.V)),
  RESIDENTS_RECALL_TURNOUT_HALF(
      "RESIDENTS.RECALL.TURNOUT_HALF",
      "罢免居民委员会成员，须有过半数登记选民投票（参照村民委员会）",
      Citation.of("城市居民委员会组织法（2018）及省级居民委员会选举办法", "第十条", "legal-rules C2.1", Confidence.I)),
  RESIDENTS_RECALL_YES_HALF_VOTED(
      "RESIDENTS.RECALL.YES_HALF_VOTED",
      "罢免须经投票的选民过半数通过（参照村民委员会）",
      Citation.of("城市居民委员会组织法（2018）及省级居民委员会选举办法", "第十条", "legal-rules C2.1", Confidence.I)),
  NPC_RECALL_PETITION(
      "NPC.RECALL.PETITION",
      "罢免县级人大代表须原选区选民五十人以上联名，乡级人大代表须三十人以上联名",
      Citation.of("全国人民代表大会和地方各级人民代表大会选举法（2020）", "第五十条", "L1; legal-rules B5.1", Confidence.V)),
  NPC_RECALL_YES_HALF_REGISTERED(
      "NPC.RECALL.YES_HALF_REGISTERED",
      "罢免县级和乡级人大代表，须经原选区过半数的选民通过",
      Citation.of("全国人民代表大会和地方各级人民代表大会选举法（2020）", "第五十三条", "L1; legal-rules B5.2", Confidence.V)),
  NPC_RECALL_YES_HALF_DEPUTIES(
      "NPC.RECALL.YES_HALF_DEPUTIES",
      "罢免由人民代表大会选出的代表，须经各该级人民代表大会过半数的代表通过",
      Citation.of("全国人民代表大会和地方各级人民代表大会选举法（2020）", "第五十三条", "L1; legal-rules B5.2", Confidence.V));

  private final String code;
  private final String messageZh;
  private final Citation citation;

  RecallRule(String code, String messageZh, Citation citation) {
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
    return Severity.ERROR;
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
