package xuanju.server.delegates;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import xuanju.core.margin.MarginRange;
import xuanju.core.outcome.RankedCandidate;
import xuanju.core.outcome.RoundResult;
import xuanju.core.outcome.SeatOutcome;
import xuanju.core.quorum.QuorumCheck;
import xuanju.core.rule.Decision;
import xuanju.core.rule.Step;
import xuanju.server.election.Election;

/**
 * The page 代表会议选举 ({@code /elections/{id}/delegates/conference}): the candidates (预备人选 after the
 * 市委组织部's review and 市委提名, 姓氏笔画), the margin and the quorum with their rule trails, the votes with
 * core's decision, and the elected delegates.
 *
 * @param ready whether the 市委组织部 has reviewed the 预备人选 (the conference may be recorded)
 * @param conference null until recorded
 * @param candidates the ballot's candidates (recorded, or as they would be)
 * @param margin core's candidate range for the seats (PARTY_LOCAL, delegates)
 * @param quorum core's quorum check of the conference, null until recorded
 * @param elected the elected delegates over all votes, in 姓氏笔画 order
 * @param vacant seats left vacant or reduced after the votes
 */
public record ConferencePage(
    Election election,
    String congressName,
    boolean ready,
    Conference conference,
    List<ConferenceCandidate> candidates,
    int seats,
    Decision<MarginRange> margin,
    Decision<QuorumCheck> quorum,
    List<RoundView> rounds,
    List<Elected> elected,
    int vacant) {

  /** A vote with its candidates and, once counted, core's decision. */
  public record RoundView(
      ConferenceRound round, List<ConferenceCandidate> candidates, Decision<RoundResult> decision) {

    public boolean counted() {
      return decision != null;
    }

    /** The ranking of the decision (by votes), or empty before the count. */
    public List<RankedCandidate> ranking() {
      return decision == null ? List.of() : decision.outcome().ranking();
    }

    public String name(String key) {
      return candidates.stream()
          .filter(c -> c.key().equals(key))
          .map(ConferenceCandidate::name)
          .findFirst()
          .orElse(key);
    }

    /** The trail steps (each with its rule code for the tooltip and its Chinese explanation). */
    public List<Step> trail() {
      return decision == null ? List.of() : decision.trail();
    }

    /** The outcome in Chinese words, one line per outcome. */
    public List<String> outcomeZh() {
      if (decision == null) {
        return List.of();
      }
      List<String> out = new ArrayList<>();
      for (SeatOutcome o : decision.outcome().outcomes()) {
        out.add(ConferencePage.outcomeZh(o, this::name));
      }
      return out;
    }

    public String statusZh(RankedCandidate r) {
      return switch (r.status()) {
        case ELECTED -> "当选";
        case TIED -> "票数相等，须再次投票";
        case NOT_ELECTED -> "未当选";
        case INELIGIBLE -> "不具备被选举资格";
        case UNDECIDED -> "本次投票未产生结果";
      };
    }
  }

  /** An elected delegate with the votes and the vote that elected them. */
  public record Elected(ConferenceCandidate candidate, long votes, int roundNo) {}

  public boolean recorded() {
    return conference != null;
  }

  public boolean marginOk() {
    return margin.outcome().allows(candidates.size());
  }

  /** The vote waiting for its count, or null. */
  /**
   * Whether the officer may reduce the seats after this vote (减少名额) instead of the 另行选举 it opened:
   * the vote left seats unfilled and the 另行选举 is the last vote and not yet counted.
   */
  public boolean reducible(RoundView v) {
    if (v.decision() == null
        || v.decision().outcome().outcomes().stream()
            .noneMatch(SeatOutcome.FurtherRoundNeeded.class::isInstance)) {
      return false;
    }
    int n = v.round().number();
    return rounds.size() == n + 1 && !rounds.get(n).counted();
  }

  public RoundView openRound() {
    return rounds.stream().filter(r -> !r.counted()).findFirst().orElse(null);
  }

  /** Whether every vote is counted and nothing remains to be voted on. */
  public boolean finished() {
    return !rounds.isEmpty() && openRound() == null;
  }

  /** Candidates by key. */
  public Map<String, ConferenceCandidate> byKey() {
    return candidates.stream().collect(Collectors.toMap(ConferenceCandidate::key, c -> c));
  }

  /** The number of 市委提名 candidates. */
  public long upperCount() {
    return candidates.stream().filter(c -> c.key().startsWith("U")).count();
  }

  static String outcomeZh(SeatOutcome o, java.util.function.Function<String, String> name) {
    if (o instanceof SeatOutcome.Elected e) {
      return "当选"
          + e.seats()
          + "名："
          + e.candidateIds().stream().map(name).collect(Collectors.joining("、"));
    }
    if (o instanceof SeatOutcome.TieRevoteNeeded t) {
      return t.tiedIds().stream().map(name).collect(Collectors.joining("、"))
          + "得票相等（各"
          + t.votes()
          + "票），不能确定当选人，须在其中再次投票，选出"
          + t.seats()
          + "名，以得票多的当选";
    }
    if (o instanceof SeatOutcome.FurtherRoundNeeded f) {
      return "当选人数不足，尚缺"
          + f.seats()
          + "名，须另行选举；候选人："
          + f.candidateIds().stream().map(name).collect(Collectors.joining("、"))
          + (f.thresholdZh().isBlank() ? "" : "；" + f.thresholdZh());
    }
    if (o instanceof SeatOutcome.Vacancy v) {
      return v.seats() + "个名额暂缺";
    }
    if (o instanceof SeatOutcome.SeatsReduced r) {
      return "减少名额" + r.seats() + "名";
    }
    if (o instanceof SeatOutcome.RoundVoid) {
      return "收回的选票多于发出的选票，本次投票无效，应重新投票";
    }
    if (o instanceof SeatOutcome.QuorumNotMet q) {
      return "到会代表" + q.actual() + "名，至少须" + q.minimum() + "名，会议无效，不能进行选举";
    }
    return "有疑问票待监票人认定";
  }
}
