package xuanju.server.congress;

import java.util.List;
import java.util.Map;
import xuanju.core.outcome.SeatOutcome;

/** What a vote decided, in the people's-congress wording (投票结果的文字表述). */
final class OutcomeWords {
  private OutcomeWords() {}

  static String say(SeatOutcome o, Map<String, String> names) {
    if (o instanceof SeatOutcome.Elected x) {
      return "当选：" + names(x.candidateIds(), names);
    }
    if (o instanceof SeatOutcome.TieRevoteNeeded x) {
      return names(x.tiedIds(), names)
          + "均得"
          + x.votes()
          + "票，票数相等不能确定当选人，须就票数相等的候选人再次投票选出"
          + x.seats()
          + "名";
    }
    if (o instanceof SeatOutcome.FurtherRoundNeeded x) {
      return "当选代表人数少于应选名额，不足的"
          + x.seats()
          + "名另行选举（候选人："
          + names(x.candidateIds(), names)
          + "；"
          + x.thresholdZh()
          + "）";
    }
    if (o instanceof SeatOutcome.Vacancy x) {
      return x.seats() + "个名额另行选举后仍选不足，暂作缺额";
    }
    if (o instanceof SeatOutcome.SeatsReduced x) {
      return "减少" + x.seats() + "个名额";
    }
    if (o instanceof SeatOutcome.RoundVoid) {
      return "投票数多于投票人数，本次选举无效，应重新投票";
    }
    if (o instanceof SeatOutcome.QuorumNotMet x) {
      return "参加投票的选民" + x.actual() + "人，未超过选区全体选民的半数（至少须" + x.minimum() + "人），选举无效，须重新组织投票";
    }
    if (o instanceof SeatOutcome.ReviewNeeded x) {
      return "有" + x.ballotIndexes().size() + "张疑问票待监票人认定";
    }
    return "";
  }

  private static String names(List<String> ids, Map<String, String> names) {
    return String.join("、", ids.stream().map(i -> names.getOrDefault(i, i)).toList());
  }
}
