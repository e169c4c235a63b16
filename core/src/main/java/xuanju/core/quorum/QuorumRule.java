package xuanju.core.quorum;

import xuanju.core.rule.Citation;
import xuanju.core.rule.Confidence;
import xuanju.core.rule.Rule;
import xuanju.core.rule.Severity;

/** Rules on whether a meeting or a vote is valid (会议有效、投票有效). */
public enum QuorumRule implements Rule {
  PARTY_QUORUM_4_5(
      "PARTY.QUORUM.4_5",
      "实到会有选举权的党员须超过应到会人数的五分之四，选举方为有效",
      Citation.of("中国共产党基层组织选举工作条例（2020）", "", "P12; legal-rules A3.1; QU-01", Confidence.S)),
  PARTY_QUORUM_PLENUM(
      "PARTY.QUORUM.PLENUM",
      "委员会全体会议（选举书记、副书记）到会委员须超过应到会委员的五分之四",
      Citation.of("中国共产党基层组织选举工作条例（2020）", "", "P20; legal-rules A3.3", Confidence.I)),
  PARTY_LOCAL_QUORUM_HALF(
      "PARTY_LOCAL.QUORUM.HALF",
      "代表大会参加人数须超过应到会人数的半数，方可进行选举",
      Citation.of("中国共产党地方组织选举工作条例（2020）", "第二十四条", "P15; legal-rules D2", Confidence.V)),
  PARTY_LOCAL_QUORUM_PLENUM_2_3(
      "PARTY_LOCAL.QUORUM.PLENUM_2_3",
      "委员会全体会议参加人数须超过应到会人数的三分之二，方可进行选举",
      Citation.of("中国共产党地方组织选举工作条例（2020）", "第二十四条", "P15; legal-rules D2", Confidence.V)),
  NPC_TURNOUT_HALF(
      "NPC.TURNOUT.HALF",
      "选区全体选民的过半数参加投票，选举有效",
      Citation.of("全国人民代表大会和地方各级人民代表大会选举法（2020）", "第四十五条", "L1; legal-rules B4.5", Confidence.V)),
  NPC_QUORUM_2_3(
      "NPC.QUORUM.2_3",
      "人民代表大会会议须有三分之二以上的代表出席，方能举行",
      Citation.of("地方各级人民代表大会和地方各级人民政府组织法（2022）", "第十四条", "L5; legal-rules B5.4", Confidence.V)),
  VILLAGE_TURNOUT_HALF(
      "VILLAGE.TURNOUT.HALF",
      "选举村民委员会，有登记参加选举的村民过半数投票，选举有效",
      Citation.of("村民委员会组织法（2018）", "第十五条", "L3; legal-rules C1.6", Confidence.V)),
  RESIDENTS_TURNOUT_HALF(
      "RESIDENTS.TURNOUT.HALF",
      "选举居民委员会，须有过半数登记选民参加投票，选举方为有效",
      Citation.of("重庆市居民委员会选举办法", "第三十四条", "R5; legal-rules C2.3", Confidence.I)),
  ROUND_RETURNED_LE_ISSUED(
      "ROUND.BALLOTS.RETURNED_LE_ISSUED",
      "收回的选票数等于或少于发出的选票数（投票人数），选举有效；多于的，选举无效，应重新选举",
      Citation.of(
          "全国人民代表大会和地方各级人民代表大会选举法（2020）",
          "第四十四条",
          "L1; P19; P20; legal-rules A6.2, B4.2",
          Confidence.V));

  private final String code;
  private final String messageZh;
  private final Citation citation;

  QuorumRule(String code, String messageZh, Citation citation) {
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
