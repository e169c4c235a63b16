package xuanju.server.congress;

import java.util.List;
import xuanju.core.outcome.RoundKind;

/**
 * One vote of a contest on election day (一次投票): the first vote, a 另行选举, a 再次投票 among the tied, or a
 * 重新选举 after an invalid vote, with the registered voters fixed when it opened and, once decided,
 * its outcome in words, who was elected and the rule trail.
 *
 * @param candidateIds the nominations printed on the ballot, in ballot order
 * @param elected who this vote elected: nomination ids, or a write-in's name prefixed {@code 另选:}
 * @param trail the decision's rule steps, one per line: {@code CODE|passed|explanation}
 * @param finalResult whether nothing remains to vote on in the contest after this vote
 */
public record CongressRound(
    long id,
    long homeDistrictId,
    ContestLevel level,
    int number,
    RoundKind kind,
    int furtherRound,
    int seats,
    List<Long> candidateIds,
    long registered,
    boolean decided,
    String outcome,
    List<String> elected,
    String trail,
    boolean finalResult,
    int version) {
  public CongressRound {
    candidateIds = List.copyOf(candidateIds);
    elected = List.copyOf(elected);
  }

  /** A step of the decision: the rule code (for a tooltip), whether it passed, the explanation. */
  public record TrailLine(String code, boolean passed, String textZh) {}

  public List<TrailLine> trailLines() {
    return trail
        .lines()
        .filter(l -> !l.isBlank())
        .map(
            l -> {
              String[] p = l.split("\\|", 3);
              return new TrailLine(p[0], "1".equals(p[1]), p.length > 2 ? p[2] : "");
            })
        .toList();
  }

  /** Whether the vote was invalid because too few of the registered voters voted. */
  public boolean turnoutFailed() {
    return trail.lines().anyMatch(l -> l.startsWith("NPC.TURNOUT.HALF|0|"));
  }

  /** e.g. 第一次投票, 另行选举, 再次投票, 重新选举. */
  public String kindZh() {
    return switch (kind) {
      case FIRST -> number == 1 ? "第一次投票" : "重新投票";
      case FURTHER -> "另行选举";
      case TIE_REVOTE -> "再次投票";
    };
  }
}
