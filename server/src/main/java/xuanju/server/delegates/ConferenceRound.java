package xuanju.server.delegates;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import xuanju.core.outcome.RoundKind;
import xuanju.core.tally.CandidateCount;

/**
 * One vote at the conference (第n次投票): its kind (正式选举, 再次投票 among the tied, 另行选举), seats and
 * candidates (keys in ballot order), and the aggregate count once entered ({@code counts} null
 * before).
 */
public record ConferenceRound(
    int number, RoundKind kind, int seats, int furtherRound, List<String> keys, Counts counts) {
  public ConferenceRound {
    keys = List.copyOf(keys);
  }

  /**
   * The aggregate count: ballots issued and returned, valid and invalid, votes per candidate key,
   * and the 赞成 votes per write-in name (另选他人, in the order entered; empty when none).
   */
  public record Counts(
      int issued,
      int returned,
      int valid,
      int invalid,
      Map<String, CandidateCount> votes,
      Map<String, Long> writeIns) {
    public Counts {
      votes = Map.copyOf(votes);
      writeIns = Collections.unmodifiableMap(new LinkedHashMap<>(writeIns));
    }

    /** 赞成 votes of the printed candidates and the write-ins together. */
    public long totalYes() {
      return votes.values().stream().mapToLong(CandidateCount::yes).sum()
          + writeIns.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  public boolean counted() {
    return counts != null;
  }

  /** 正式选举 / 再次投票 / 另行选举. */
  public String kindZh() {
    return switch (kind) {
      case FIRST -> "正式选举";
      case TIE_REVOTE -> "再次投票";
      case FURTHER -> "另行选举";
    };
  }
}
