package xuanju.server.delegates;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import xuanju.core.ballot.BallotRule;
import xuanju.core.outcome.CountRule;
import xuanju.core.outcome.RoundKind;
import xuanju.core.profile.Param;
import xuanju.core.profile.Profile;
import xuanju.core.rule.InvalidInputException;
import xuanju.core.rule.Rule;
import xuanju.core.tally.CandidateCount;
import xuanju.core.tally.TallyRule;

/**
 * The write-in lines (另选他人) of a conference vote's count: a name and its 赞成 votes per line (不赞成 and
 * 弃权 do not apply to a write-in). Pure checks; a refusal names the line and the rule.
 */
final class ConferenceWriteIns {
  private ConferenceWriteIns() {}

  /** The longest write-in name (the key {@code W} + name is stored in a 20-character column). */
  static final int MAX_NAME = 18;

  /**
   * The write-in lines as name → 赞成, in the order entered; a line with neither name nor votes is
   * ignored.
   *
   * @throws InvalidInputException for a write-in in a tie re-vote or where the profile allows none,
   *     an empty name, a missing or negative number, more votes than valid ballots, a name twice or
   *     a name printed on the ballot
   */
  static Map<String, Long> lines(
      Profile profile,
      ConferencePage.RoundView open,
      List<String> names,
      List<Long> yes,
      long valid) {
    Map<String, Long> out = new LinkedHashMap<>();
    int n = Math.max(names == null ? 0 : names.size(), yes == null ? 0 : yes.size());
    Set<String> printed =
        open.candidates().stream().map(ConferenceCandidate::name).collect(Collectors.toSet());
    for (int i = 0; i < n; i++) {
      String name = names == null || names.size() <= i || names.get(i) == null ? "" : names.get(i);
      name = name.strip();
      Long votes = yes == null || yes.size() <= i ? null : yes.get(i);
      if (name.isEmpty() && votes == null) {
        continue;
      }
      String line = "另选他人第" + (i + 1) + "行";
      if (open.round().kind() == RoundKind.TIE_REVOTE) {
        throw refuse("本次为再次投票，只在票数相等的候选人中进行，不能登记另选他人的票数。", CountRule.TIE_REVOTE);
      }
      if (!profile.flag(Param.WRITE_IN_ALLOWED)) {
        throw refuse("本次选举不能另选他人，不能登记另选他人的票数。", BallotRule.BALLOT_WRITE_IN_NOT_ALLOWED);
      }
      if (name.isEmpty()) {
        throw new InvalidInputException("writeInNames", line + "：姓名不能为空");
      }
      if (name.length() > MAX_NAME || name.contains(",") || name.contains("，")) {
        throw new InvalidInputException(
            "writeInNames", line + "：姓名" + name + "不是有效的姓名（不超过" + MAX_NAME + "个字，不含逗号）");
      }
      if (votes == null || votes < 0) {
        throw new InvalidInputException("writeInYes", line + "（" + name + "）的赞成票数：应为0或正整数");
      }
      if (votes > valid) {
        throw refuse(
            line + "（" + name + "）的赞成票" + votes + "张，多于有效票" + valid + "张。",
            TallyRule.TALLY_WRITE_IN_LE_VALID);
      }
      if (printed.contains(name)) {
        throw new InvalidInputException(
            "writeInNames", line + "：" + name + "是本次选票上的候选人，其票数应登记在候选人一栏，不是另选他人");
      }
      if (out.containsKey(name)) {
        throw new InvalidInputException("writeInNames", line + "：" + name + "已经登记过，同一人的另选票数应合并为一行");
      }
      out.put(name, votes);
    }
    return out;
  }

  /**
   * The 赞成 votes of the candidates and the write-ins together are at most 有效票 × 应选名额 (a valid
   * ballot marks at most as many as there are seats, core {@code BALLOT.OVERMARKED}).
   */
  static void checkTotal(
      Map<String, CandidateCount> votes, Map<String, Long> writeIns, long valid, int seats) {
    long printed = votes.values().stream().mapToLong(CandidateCount::yes).sum();
    long written = writeIns.values().stream().mapToLong(Long::longValue).sum();
    if (printed + written > valid * seats) {
      throw refuse(
          "赞成票合计"
              + (printed + written)
              + "张（候选人"
              + printed
              + "张、另选他人"
              + written
              + "张），多于有效票"
              + valid
              + "张与应选名额"
              + seats
              + "名之积"
              + valid * seats
              + "；每张有效选票所选人数不能多于应选人数。",
          BallotRule.BALLOT_OVERMARKED);
    }
  }

  /**
   * Where a write-in needs a 不赞成 vote on the same ballot (core {@code
   * BALLOT.WRITE_IN.REQUIRES_NO}), the write-ins' 赞成 together cannot exceed the candidates' 不赞成
   * together (each write-in stands for one 不赞成 on its ballot).
   */
  static void checkRequiresNo(
      Profile profile, Map<String, CandidateCount> votes, Map<String, Long> writeIns) {
    if (writeIns.isEmpty() || !profile.flag(Param.WRITE_IN_REQUIRES_NO)) {
      return;
    }
    long no = votes.values().stream().mapToLong(CandidateCount::no).sum();
    long written = writeIns.values().stream().mapToLong(Long::longValue).sum();
    if (written > no) {
      throw refuse(
          "另选他人的赞成票合计" + written + "张，多于候选人的不赞成票合计" + no + "张。",
          BallotRule.BALLOT_WRITE_IN_REQUIRES_NO);
    }
  }

  /**
   * The key of a next vote's candidate from core's id: a candidate's key as it is, a write-in's
   * name (core ranks write-ins by name) as {@code W} + name.
   */
  static String key(ConferencePage.RoundView open, String id) {
    boolean printed = open.candidates().stream().anyMatch(c -> c.key().equals(id));
    return printed ? id : ConferenceCandidate.writeInKey(id);
  }

  private static InvalidInputException refuse(String what, Rule rule) {
    return new InvalidInputException(
        "writeIns", what + rule.messageZh() + "（" + rule.citation().display() + "）");
  }
}
