package xuanju.server.voting;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import xuanju.core.outcome.SeatOutcome;
import xuanju.server.voting.VotingModel.OutcomeDto;

/** The stored, Chinese-worded form of core's seat outcomes (当选, 再次投票, 另行选举, 缺额 …). */
final class OutcomeTexts {
  private OutcomeTexts() {}

  static String names(List<String> ids, Map<String, String> names) {
    return ids.stream().map(id -> names.getOrDefault(id, id)).collect(Collectors.joining("、"));
  }

  static OutcomeDto outcome(SeatOutcome o, Map<String, String> names) {
    if (o instanceof SeatOutcome.Elected x) {
      return new OutcomeDto(
          "Elected",
          x.seats(),
          x.candidateIds(),
          0,
          false,
          "",
          "",
          0,
          0,
          "当选：" + names(x.candidateIds(), names));
    }
    if (o instanceof SeatOutcome.TieRevoteNeeded x) {
      return new OutcomeDto(
          "TieRevoteNeeded",
          x.seats(),
          x.tiedIds(),
          x.votes(),
          false,
          "",
          "COUNT.TIE.REVOTE",
          0,
          0,
          names(x.tiedIds(), names)
              + "均得"
              + x.votes()
              + "票，票数相等，须就此"
              + x.tiedIds().size()
              + "人再次投票选出"
              + x.seats()
              + "名");
    }
    if (o instanceof SeatOutcome.FurtherRoundNeeded x) {
      return new OutcomeDto(
          "FurtherRoundNeeded",
          x.seats(),
          x.candidateIds(),
          0,
          x.reduceSeatsAllowed(),
          x.thresholdZh(),
          "COUNT.SHORTFALL.FURTHER_ROUND",
          0,
          0,
          "当选人数不足，"
              + x.seats()
              + "个名额须另行选举（候选人："
              + (x.candidateIds().isEmpty() ? "须重新提名" : names(x.candidateIds(), names))
              + "）"
              + (x.reduceSeatsAllowed() ? "，或经半数以上选举人同意减少名额" : ""));
    }
    if (o instanceof SeatOutcome.Vacancy x) {
      return new OutcomeDto(
          "Vacancy",
          x.seats(),
          List.of(),
          0,
          false,
          "",
          "COUNT.SHORTFALL.VACANCY",
          0,
          0,
          x.seats() + "个名额暂作缺额");
    }
    if (o instanceof SeatOutcome.SeatsReduced x) {
      return new OutcomeDto(
          "SeatsReduced",
          x.seats(),
          List.of(),
          0,
          false,
          "",
          "PARTY.SHORTFALL.REDUCE_SEATS",
          0,
          0,
          "经同意减少" + x.seats() + "个名额，不再另行选举");
    }
    if (o instanceof SeatOutcome.RoundVoid x) {
      return new OutcomeDto(
          "RoundVoid",
          x.seats(),
          List.of(),
          0,
          false,
          "",
          x.ruleCode(),
          0,
          0,
          "本轮选举无效（" + x.ruleCode() + "），应重新投票");
    }
    if (o instanceof SeatOutcome.QuorumNotMet x) {
      return new OutcomeDto(
          "QuorumNotMet",
          x.seats(),
          List.of(),
          0,
          false,
          "",
          x.ruleCode(),
          x.actual(),
          x.minimum(),
          "到会（投票）人数不足（" + x.ruleCode() + "）：实为" + x.actual() + "人，至少须" + x.minimum() + "人，选举无效");
    }
    SeatOutcome.ReviewNeeded x = (SeatOutcome.ReviewNeeded) o;
    return new OutcomeDto(
        "ReviewNeeded",
        x.seats(),
        List.of(),
        0,
        false,
        "",
        "BALLOT.MARK.UNCLEAR",
        0,
        0,
        "有" + x.ballotIndexes().size() + "张疑问票待监票人认定");
  }
}
