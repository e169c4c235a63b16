package xuanju.server.community;

import java.util.List;
import java.util.Map;
import xuanju.core.community.CommitteePost;
import xuanju.core.community.ElectorateMode;
import xuanju.core.outcome.RoundKind;

/**
 * One ballot paper of a residents' committee election day (一次投票): the posts on it, with the turnout
 * base fixed when it opened under the adopted 选举办法's electorate ({@code baseNoteZh} says how it was
 * counted, e.g. that the register holds no households).
 */
public record CommunityVote(
    long id,
    long electionId,
    int number,
    ElectorateMode mode,
    long base,
    String baseNoteZh,
    boolean decided,
    int version,
    List<PostRound> rounds) {
  public CommunityVote {
    rounds = List.copyOf(rounds);
  }

  /** e.g. 第一次投票, 第二次投票（另行选举）. */
  public String titleZh() {
    String n = number == 1 ? "第一次投票" : "第" + chinese(number) + "次投票";
    boolean further = rounds.stream().anyMatch(r -> r.kind() == RoundKind.FURTHER);
    boolean tie = rounds.stream().anyMatch(r -> r.kind() == RoundKind.TIE_REVOTE);
    return n + (further ? "（另行选举）" : tie ? "（再次投票）" : number > 1 ? "（重新投票）" : "");
  }

  private static String chinese(int n) {
    String d = "零一二三四五六七八九十";
    return n <= 10 ? String.valueOf(d.charAt(n)) : String.valueOf(n);
  }

  /** Whether the vote failed its turnout test (参加投票的不过半数). */
  public boolean turnoutFailed() {
    return rounds.stream().anyMatch(PostRound::turnoutFailed);
  }

  /**
   * One post on the ballot.
   *
   * @param candidates the printed names' keys in ballot order: application ids, or {@code 另选:name}
   * @param elected who was elected: the same keys
   * @param trail one line per rule step: {@code CODE|passed|explanation}
   */
  public record PostRound(
      long id,
      long voteId,
      CommitteePost post,
      RoundKind kind,
      int furtherRound,
      int seats,
      List<String> candidates,
      String outcome,
      List<String> elected,
      String trail,
      boolean finalResult) {
    public PostRound {
      candidates = List.copyOf(candidates);
      elected = List.copyOf(elected);
      trail = trail == null ? "" : trail;
    }

    public boolean decided() {
      return outcome != null;
    }

    /** e.g. 主任（应选1名）或 委员另行选举（应选1名）. */
    public String labelZh() {
      return post.labelZh()
          + (kind == RoundKind.FURTHER ? "另行选举" : kind == RoundKind.TIE_REVOTE ? "再次投票" : "")
          + "（应选"
          + seats
          + "名）";
    }

    public boolean turnoutFailed() {
      return trail.lines().anyMatch(l -> l.startsWith("RESIDENTS.TURNOUT.HALF|0|"));
    }

    /** A step of the decision: rule code (tooltip and JSON only), passed, the Chinese words. */
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
  }

  /** The ballots of one box: issued, returned, the explanation of a difference. */
  public record BoxCount(long stationId, int issued, int returned, String explanation) {}

  /** A box (投票站 or 流动票箱) of the election. */
  public record Box(long id, String name, boolean mobile) {}

  /** The aggregate tally sheet of one box for one post (计票单). */
  public record PostSheet(
      long stationId,
      CommitteePost post,
      String clerk,
      int valid,
      int invalid,
      List<Long> counts,
      Map<String, Long> writeIns,
      int entryNo) {
    public PostSheet {
      counts = List.copyOf(counts);
      writeIns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(writeIns));
    }

    /** Whether another entry of the same sheet says the same (clerk and entry number aside). */
    public boolean sameAs(PostSheet o) {
      return valid == o.valid
          && invalid == o.invalid
          && counts.equals(o.counts)
          && writeIns.equals(o.writeIns);
    }
  }
}
