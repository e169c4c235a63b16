package xuanju.server.voting;

import xuanju.core.rule.Citation;
import xuanju.core.rule.Confidence;
import xuanju.core.rule.Rule;
import xuanju.core.rule.Severity;

/**
 * Rules of election day (选举大会规则): stations and boxes, check-in, ballot entry by two clerks, the
 * scrutineers' rulings and the order of the stages. The counting rules themselves are core's
 * ({@code PARTY.QUORUM.4_5}, {@code ROUND.BALLOTS.RETURNED_LE_ISSUED}, {@code BALLOT.*}, {@code
 * COUNT.*}).
 */
public enum VotingRule implements Rule {
  BOX_MOBILE_STAFF(
      "VOTING.BOX.MOBILE_STAFF",
      Severity.ERROR,
      "使用流动票箱须有2名以上监票人员负责",
      Citation.of("区（县）人大代表选举工作方案（种子 004）", "", "BX-02; legal-rules B3.2", Confidence.PLAN)),
  BOX_MOBILE_PARTY(
      "VOTING.BOX.MOBILE_PARTY",
      Severity.ERROR,
      "党内选举不设流动票箱：因故未出席会议的党员不能以任何方式投票",
      Citation.of("中国共产党基层组织选举工作条例（2020）", "第二十四条", "P3; P4; legal-rules A5.3", Confidence.VP)),
  BOX_SEAL_ORDER(
      "VOTING.BOX.SEAL_ORDER",
      Severity.ERROR,
      "票箱须先当众查验封箱，方可开箱计票",
      Citation.of("党支部选举大会程序（实务指引）", "", "BX-04; legal-rules A6", Confidence.S)),
  CHECKIN_NOT_ELIGIBLE(
      "VOTING.CHECKIN.NOT_ELIGIBLE",
      Severity.ERROR,
      "只有有选举权的应到会人员可以签到领票",
      Citation.of("中国共产党基层组织选举工作条例（2020）", "第五条", "legal-rules A2", Confidence.VP)),
  START_QUORUM(
      "VOTING.START.QUORUM",
      Severity.ERROR,
      "实到会人数未达到规定比例的，不能开始投票",
      Citation.of("中国共产党基层组织选举工作条例（2020）", "", "P12; legal-rules A3.1; QU-01", Confidence.S)),
  START_BEFORE_ELECTION_DAY(
      "VOTING.START.BEFORE_ELECTION_DAY",
      Severity.ERROR,
      "在上级批准的选举日之前开始投票，须写明原因并记录在案",
      Citation.of(
          "换届选举请示及上级党组织批复（种子 000；种子 001 篇4）", "", "seed-rules §4.1 step 2", Confidence.PLAN)),
  NOT_STARTED(
      "VOTING.NOT_STARTED",
      Severity.ERROR,
      "投票尚未开始（或本阶段尚未开始），不能发票、录入或计票",
      Citation.of("Xuanju 工程推定（待法律审核）", "", "", Confidence.I)),
  ROUND_CLOSED(
      "VOTING.ROUND.CLOSED",
      Severity.ERROR,
      "本轮投票已经作出判定，不能再更改选票或票数",
      Citation.of("Xuanju 工程推定（待法律审核）", "", "", Confidence.I)),
  ROUND_COUNTS_MISSING(
      "VOTING.ROUND.COUNTS_MISSING",
      Severity.ERROR,
      "判定前须登记每个票箱的发出、收回选票数",
      Citation.of("全国人民代表大会和地方各级人民代表大会选举法（2020）", "第四十四条", "L1; legal-rules B4.2", Confidence.V)),
  COUNT_UNSETTLED(
      "VOTING.COUNT.UNSETTLED",
      Severity.ERROR,
      "每叠选票须经两名计票人分别录入、监票人核对认定后，方可计入结果",
      Citation.of(
          "党支部换届选举工作方案（种子 001 篇15）", "", "legal-rules B4.4; seed-rules §5", Confidence.PLAN)),
  COUNT_MIXED_BOX(
      "VOTING.COUNT.MIXED_BOX",
      Severity.ERROR,
      "同一票箱的选票只能逐张录入或按汇总表录入，二者不能并用",
      Citation.of("Xuanju 工程推定（待法律审核）", "", "", Confidence.I)),
  ENTRY_MARKS_COUNT(
      "ENTRY.MARKS.COUNT",
      Severity.ERROR,
      "每张选票须对每名候选人录入一个符号，不能多也不能少",
      Citation.of("Xuanju 工程推定（待法律审核）", "", "", Confidence.I)),
  ENTRY_MARK_UNKNOWN(
      "ENTRY.MARK.UNKNOWN",
      Severity.ERROR,
      "无法识别的符号键：1或○为赞成，2或×为不赞成，0或空格为弃权，?为无法辨认",
      Citation.of("Xuanju 工程推定（待法律审核）", "", "", Confidence.I)),
  ENTRY_CANDIDATE_UNKNOWN(
      "ENTRY.CANDIDATE.UNKNOWN",
      Severity.ERROR,
      "选票上没有该候选人",
      Citation.of("Xuanju 工程推定（待法律审核）", "", "", Confidence.I)),
  ENTRY_SECOND_SAME_USER(
      "ENTRY.SECOND_SAME_USER",
      Severity.ERROR,
      "同一叠选票的第二遍录入须由另一名计票人独立完成",
      Citation.of("党支部换届选举工作方案（种子 001 篇15）", "", "seed-rules §5", Confidence.PLAN)),
  ENTRY_SIDE_TAKEN(
      "ENTRY.SIDE_TAKEN",
      Severity.ERROR,
      "这一遍录入已由另一名计票人进行",
      Citation.of("Xuanju 工程推定（待法律审核）", "", "", Confidence.I)),
  ENTRY_JUDGE_OWN_STACK(
      "ENTRY.JUDGE.OWN_STACK",
      Severity.ERROR,
      "录入了这叠选票的人不能认定这叠选票的差异，也不能核对认定完毕，须由未参与录入的监票人进行",
      Citation.of("党支部换届选举工作方案（种子 001 篇15）", "", "seed-rules §5", Confidence.PLAN)),
  ENTRY_RELEASE(
      "ENTRY.RELEASE",
      Severity.ERROR,
      "尚未结束的一遍录入可由录入人本人或选举工作管理员释放（须写明原因），已确认的选票保留，由接手的计票人从下一张继续录入",
      Citation.of("Xuanju 工程推定（待法律审核）", "", "", Confidence.I)),
  AGGREGATE_SECOND_PERSON(
      "VOTING.AGGREGATE.SECOND_PERSON",
      Severity.ERROR,
      "按汇总表录入的票箱，须由另一名计票人再录入一遍，两遍一致方可计入",
      Citation.of("党支部换届选举工作方案（种子 001 篇15）", "", "seed-rules §5", Confidence.PLAN)),
  ENTRY_FINISHED(
      "ENTRY.FINISHED",
      Severity.ERROR,
      "这一遍录入已经结束，不能再添加选票",
      Citation.of("Xuanju 工程推定（待法律审核）", "", "", Confidence.I)),
  ENTRY_POSITION_CONFLICT(
      "ENTRY.POSITION.CONFLICT",
      Severity.ERROR,
      "该位置的选票已由他人（或另一窗口）录入，请刷新后继续",
      Citation.of("Xuanju 工程推定（待法律审核）", "", "", Confidence.I)),
  ENTRY_CLIENT_ID(
      "ENTRY.CLIENT_ID.INVALID",
      Severity.ERROR,
      "选票的客户端编号须为随机编号（不能含时间信息），且同一编号只能对应同一张选票",
      Citation.of("Xuanju 工程推定（待法律审核）", "", "", Confidence.I)),
  ENTRY_SCRUTINEER_REQUIRED(
      "ENTRY.SCRUTINEER.REQUIRED",
      Severity.ERROR,
      "两遍录入不一致的选票和疑问票须由监票人认定，并记录认定人和理由",
      Citation.of(
          "党支部换届选举工作方案（种子 001 篇15）", "", "legal-rules B4.4; seed-rules §5", Confidence.PLAN)),
  ENTRY_RULING_UNCLEAR(
      "ENTRY.RULING.UNCLEAR",
      Severity.ERROR,
      "监票人的认定不能再含有无法辨认的符号",
      Citation.of("Xuanju 工程推定（待法律审核）", "", "", Confidence.I)),
  SECOND_STAGE_FIRST_UNDECIDED(
      "VOTING.SECOND_STAGE.FIRST_UNDECIDED",
      Severity.ERROR,
      "委员会委员全部选出（或经同意减少名额、暂缺）后，方可召开委员会第一次全体会议选举书记、副书记",
      Citation.of("中国共产党基层组织选举工作条例（2020）", "第二十条", "P3; legal-rules A8.2", Confidence.VP)),
  SECOND_STAGE_NO_COMMITTEE(
      "VOTING.SECOND_STAGE.NO_COMMITTEE",
      Severity.ERROR,
      "不设委员会的党支部由党员大会直接选举书记，没有委员会全体会议",
      Citation.of("中国共产党基层组织选举工作条例（2020）", "第二十条", "legal-rules A8.1", Confidence.VP)),
  OFFICERS_NOT_MEMBER(
      "VOTING.OFFICERS.NOT_MEMBER",
      Severity.ERROR,
      "书记、副书记候选人须为新当选的委员会委员",
      Citation.of("中国共产党基层组织选举工作条例（2020）", "第二十条", "P3; legal-rules A8.2", Confidence.VP)),
  OFFICERS_TOO_FEW(
      "VOTING.OFFICERS.TOO_FEW",
      Severity.ERROR,
      "书记、副书记候选人数不能少于应选人数（可以等额）",
      Citation.of("中国共产党基层组织选举工作条例（2020）", "第二十条", "P3; P22; legal-rules A8.2", Confidence.S)),
  PORTFOLIO_NOT_MEMBER(
      "VOTING.PORTFOLIO.NOT_MEMBER",
      Severity.ERROR,
      "委员分工只能在新当选的委员中进行",
      Citation.of("中国共产党基层组织选举工作条例（2020）", "", "legal-rules A8", Confidence.I));

  private final String code;
  private final Severity severity;
  private final String messageZh;
  private final Citation citation;

  VotingRule(String code, Severity severity, String messageZh, Citation citation) {
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

  /** {@code CODE：message（detail）} for an exception. */
  String say(String detail) {
    return code + "：" + messageZh + (detail == null || detail.isEmpty() ? "" : "（" + detail + "）");
  }

  /** A conflict (409) carrying this rule. */
  IllegalStateException conflict(String detail) {
    return new IllegalStateException(say(detail));
  }

  /** Bad input (400) carrying this rule. */
  xuanju.core.rule.InvalidInputException invalid(String field, String detail) {
    return new xuanju.core.rule.InvalidInputException(field, say(detail));
  }
}
