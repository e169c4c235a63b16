package xuanju.core.outcome;

import java.util.List;

/**
 * What happened to a group of seats in a round (名额结果). The seats of a round's outcomes add up to
 * the round's seats.
 */
public sealed interface SeatOutcome {
  /** How many seats this outcome covers. */
  int seats();

  /** 当选: these candidates (ids; write-ins by name) fill one seat each, in order of votes. */
  record Elected(List<String> candidateIds) implements SeatOutcome {
    public Elected {
      candidateIds = List.copyOf(candidateIds);
    }

    @Override
    public int seats() {
      return candidateIds.size();
    }
  }

  /**
   * 票数相等不能确定当选人: re-vote among the tied only for {@code seats} seats; the most votes win.
   *
   * @param votes the equal vote count
   */
  record TieRevoteNeeded(int seats, List<String> tiedIds, long votes) implements SeatOutcome {
    public TieRevoteNeeded {
      tiedIds = List.copyOf(tiedIds);
    }
  }

  /**
   * 当选人数不足: hold a 另行选举 for {@code seats} seats with these candidates (in first-round order), or —
   * where the profile allows it — reduce the seats with recorded consent.
   *
   * @param candidateIds the further round's candidates, best first
   * @param reduceSeatsAllowed whether reducing the seats is an option (party profiles)
   * @param thresholdZh the threshold that will apply, in Chinese
   */
  record FurtherRoundNeeded(
      int seats, List<String> candidateIds, boolean reduceSeatsAllowed, String thresholdZh)
      implements SeatOutcome {
    public FurtherRoundNeeded {
      candidateIds = List.copyOf(candidateIds);
    }
  }

  /** 暂作缺额: the seats stay vacant after the allowed further rounds. */
  record Vacancy(int seats) implements SeatOutcome {}

  /** 减少名额: the seats were dropped with recorded consent (no further round). */
  record SeatsReduced(int seats) implements SeatOutcome {}

  /** 本轮选举无效，应重新投票 (e.g. more ballots returned than issued). */
  record RoundVoid(int seats, String ruleCode) implements SeatOutcome {}

  /**
   * 到会（投票）人数不足，会议（选举）无效.
   *
   * @param actual present or voted
   * @param minimum the fewest that would have passed
   */
  record QuorumNotMet(int seats, String ruleCode, long actual, long minimum)
      implements SeatOutcome {}

  /** 有疑问票待监票人认定: these ballot indexes must be ruled on before the result. */
  record ReviewNeeded(int seats, List<Integer> ballotIndexes) implements SeatOutcome {
    public ReviewNeeded {
      ballotIndexes = List.copyOf(ballotIndexes);
    }
  }
}
