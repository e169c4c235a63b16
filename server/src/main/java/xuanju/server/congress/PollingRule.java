package xuanju.server.congress;

import xuanju.core.rule.Citation;
import xuanju.core.rule.Confidence;
import xuanju.core.rule.Rule;
import xuanju.core.rule.Severity;

/**
 * Rules of election day in a direct people's-congress election (选举日投票与计票规则): county districts, box
 * custody, staff, ballots issued and returned, the stations' tally sheets and the moment a
 * district's result may be decided. The counting rules themselves are core's ({@code
 * PEOPLES_CONGRESS_DIRECT}). A refusal says the rule's message and its source in Chinese and
 * changes nothing.
 */
public enum PollingRule implements Rule {
  COUNTY_DISTRICT_SEATS(
      "NPC.COUNTY_DISTRICT.SEATS_1_TO_3",
      Severity.ERROR,
      "县级人大代表选区按照每一选区选一名至三名代表划分",
      Src.law("第二十五条第二款", "legal-rules B1")),
  COUNTY_DISTRICT_MEMBER(
      "NPC.COUNTY_DISTRICT.MEMBER",
      Severity.ERROR,
      "县级人大代表选区由一个或者几个镇人大代表选区组成，每个镇选区只能属于一个县级选区",
      Src.law("第二十五条第一款", "legal-rules B1")),
  STAFF_MIN(
      "NPC.POLL.STAFF_MIN",
      Severity.ERROR,
      "每个投票站、流动票箱至少由二名监票人员负责，当众检查票箱并加封",
      Citation.of(Src.L6, "第三十五条", "L6; legal-rules B3.2", Confidence.V)),
  MOBILE_REGISTER(
      "NPC.POLL.MOBILE_REGISTER",
      Severity.ERROR,
      "使用流动票箱投票的选民应登记造册并签名或者盖章",
      Citation.of(Src.L6, "第三十五条", "L6; legal-rules B3.2", Confidence.V)),
  STAFF_CANDIDATE(
      "NPC.POLL.STAFF_CANDIDATE",
      Severity.ERROR,
      "代表候选人及其近亲属不得担任监票人、计票人",
      Src.law("第四十三条第二款", "L1; L6 第三十八条; legal-rules B3.3")),
  RETURNED_OVER_ISSUED(
      "NPC.POLL.RETURNED_OVER_ISSUED",
      Severity.ERROR,
      "收回的选票不得多于发出的选票；每次选举所投的票数多于投票人数的无效",
      Src.law("第四十四条第一款", "L1; legal-rules B4.2")),
  DIFFERENCE_EXPLAINED(
      "NPC.POLL.DIFFERENCE_EXPLAINED",
      Severity.ERROR,
      "投票结束后核对投票人数和票数；发出与收回的选票数不一致的，须作出书面说明后方可开箱计票",
      Src.law("第四十三条第一款", "L1; legal-rules B4.1")),
  SHEET_BALLOTS(
      "NPC.POLL.SHEET_BALLOTS",
      Severity.ERROR,
      "计票单的有效票与无效票之和应等于该票箱收回的选票数",
      Src.law("第四十三条第一款", "L1; legal-rules B4.1")),
  DOUBLE_ENTRY(
      "NPC.POLL.DOUBLE_ENTRY",
      Severity.ERROR,
      "计票单由两名计票人分别录入，两次录入完全一致方可确认",
      Citation.of("Xuanju 工程推定（待法律审核）", "", "", Confidence.I)),
  NOT_ALL_COUNTED(
      "NPC.POLL.NOT_ALL_COUNTED",
      Severity.ERROR,
      "本选区全部投票站和流动票箱的选票核对、计票单确认以后，方可确定选举结果",
      Src.law("第四十三条、第四十六条", "L1; legal-rules B4.1, B4.12")),
  RESULTS_NOT_FINAL(
      "NPC.RESULTS.NOT_FINAL",
      Severity.ERROR,
      "各选区的选举结果（含另行选举、再次投票和重新选举）全部确定以后，方可确认选举有效并公布当选代表名单",
      Src.law("第四十六条", "L1; legal-rules B4.12")),
  RESULTS_ORDER(
      "NPC.RESULTS.ORDER",
      Severity.ERROR,
      "选举结果由选举委员会确定是否有效并予以宣布；代表资格审查委员会审查后，由镇人大主席团或县人大常委会确认",
      Src.law("第四十六条、第四十七条", "L1; legal-rules B4.12"));

  private final String code;
  private final Severity severity;
  private final String messageZh;
  private final Citation citation;

  PollingRule(String code, Severity severity, String messageZh, Citation citation) {
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

  /** The refusal as users read it: what is wrong, the rule and its source, no code. */
  String refuse(String detail) {
    return detail + "。" + messageZh + "（" + citation.display() + "）";
  }

  private static final class Src {
    static final String LAW = "全国人民代表大会和地方各级人民代表大会选举法（2020）";
    static final String L6 = "上海市区县和乡镇人民代表大会代表直接选举实施细则";

    static Citation law(String article, String source) {
      return Citation.of(LAW, article, source, Confidence.V);
    }
  }
}
