package xuanju.core.tally;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import xuanju.core.ballot.BallotCount;
import xuanju.core.ballot.BallotRules;
import xuanju.core.ballot.CompactBallots;
import xuanju.core.rule.InvalidInputException;
import xuanju.core.rule.Step;

/**
 * The count of one round (计票结果): valid and invalid ballots, ballots awaiting the scrutineers, and
 * per candidate 赞成/不赞成/弃权. Invariant: for every printed candidate yes + no + abstain = valid
 * ballots; write-ins have yes only.
 *
 * <p>Build it from individual ballots with {@link #of(List, CompactBallots, BallotRules)} or from a
 * tally sheet's aggregate numbers with {@link #ofCounts(List, long, long, Map, Map)}.
 *
 * @param validBallots 有效票
 * @param invalidBallots 无效票
 * @param reviewBallots indexes of ballots awaiting a ruling (疑问票); empty for aggregate input
 * @param printed counts per printed candidate id, in ballot order
 * @param writeIns 赞成 per write-in name
 */
public record Tally(
    long validBallots,
    long invalidBallots,
    List<Integer> reviewBallots,
    Map<String, CandidateCount> printed,
    Map<String, Long> writeIns) {

  public Tally {
    reviewBallots = List.copyOf(reviewBallots);
    printed = Collections.unmodifiableMap(new LinkedHashMap<>(printed));
    writeIns = Collections.unmodifiableMap(new LinkedHashMap<>(writeIns));
  }

  /** Ballots counted: valid + invalid + awaiting review. */
  public long ballots() {
    return validBallots + invalidBallots + reviewBallots.size();
  }

  /** Tallies individual ballots. */
  public static Tally of(List<Candidate> candidates, CompactBallots ballots, BallotRules rules) {
    if (ballots.candidates() != candidates.size()) {
      throw new InvalidInputException(
          "ballots", "选票有" + ballots.candidates() + "名候选人，而名单有" + candidates.size() + "名");
    }
    BallotCount c = ballots.count(rules);
    long[] y = c.yes();
    long[] n = c.no();
    long[] a = c.abstain();
    Map<String, CandidateCount> m = new LinkedHashMap<>();
    for (int i = 0; i < candidates.size(); i++) {
      m.put(candidates.get(i).id(), new CandidateCount(y[i], n[i], a[i]));
    }
    return new Tally(c.valid(), c.invalid(), c.review(), m, c.writeIns());
  }

  /**
   * A tally from a tally sheet's numbers (计票汇总表).
   *
   * @param counts per printed candidate id: 赞成/不赞成/弃权; every candidate must be present
   * @param writeIns 赞成 per write-in name (may be empty)
   * @throws InvalidInputException on a missing or unknown candidate, a negative number, or a sum
   *     that breaks {@code yes + no + abstain = valid} (rule {@code TALLY.SUM.CANDIDATE})
   */
  public static Tally ofCounts(
      List<Candidate> candidates,
      long valid,
      long invalid,
      Map<String, CandidateCount> counts,
      Map<String, Long> writeIns) {
    if (valid < 0 || invalid < 0) {
      throw new InvalidInputException("counts.valid", "票数不能为负数");
    }
    Set<String> ids = new HashSet<>();
    Map<String, CandidateCount> m = new LinkedHashMap<>();
    for (Candidate cand : candidates) {
      ids.add(cand.id());
      CandidateCount c = counts.get(cand.id());
      String field = "counts." + cand.id();
      if (c == null) {
        throw new InvalidInputException(field, "缺少候选人" + cand.name() + "的得票数");
      }
      if (c.yes() < 0 || c.no() < 0 || c.abstain() < 0) {
        throw new InvalidInputException(field, "票数不能为负数");
      }
      if (c.sum() != valid) {
        throw new InvalidInputException(
            field,
            "候选人"
                + cand.name()
                + "的赞成"
                + c.yes()
                + "、不赞成"
                + c.no()
                + "、弃权"
                + c.abstain()
                + "之和"
                + c.sum()
                + "不等于有效票数"
                + valid
                + "（"
                + TallyRule.TALLY_SUM_CANDIDATE.code()
                + "）");
      }
      m.put(cand.id(), c);
    }
    for (String id : counts.keySet()) {
      if (!ids.contains(id)) {
        throw new InvalidInputException("counts." + id, "未知的候选人 \"" + id + "\"");
      }
    }
    for (Map.Entry<String, Long> w : writeIns.entrySet()) {
      if (w.getValue() < 0 || w.getValue() > valid) {
        throw new InvalidInputException(
            "writeIns." + w.getKey(),
            "另选他人"
                + w.getKey()
                + "的得票数"
                + w.getValue()
                + "应在0与有效票数"
                + valid
                + "之间（"
                + TallyRule.TALLY_WRITE_IN_LE_VALID.code()
                + "）");
      }
    }
    return new Tally(valid, invalid, List.of(), m, writeIns);
  }

  /** The trail step checking the per-candidate sums (always passes for a constructed tally). */
  public Step sumStep() {
    boolean ok = printed.values().stream().allMatch(c -> c.sum() == validBallots);
    Map<String, Long> in = new LinkedHashMap<>();
    in.put("valid", validBallots);
    in.put("invalid", invalidBallots);
    in.put("review", (long) reviewBallots.size());
    in.put("candidates", (long) printed.size());
    return new Step(
        TallyRule.TALLY_SUM_CANDIDATE,
        in,
        "yes + no + abstain = valid",
        ok,
        "有效票" + validBallots + "张，无效票" + invalidBallots + "张；每名候选人的赞成、不赞成、弃权票之和均等于有效票数");
  }

  /** The trail step checking valid + invalid + review = ballots returned. */
  public Step ballotsStep(long returned) {
    boolean ok = ballots() == returned;
    Map<String, Long> in = new LinkedHashMap<>();
    in.put("valid", validBallots);
    in.put("invalid", invalidBallots);
    in.put("review", (long) reviewBallots.size());
    in.put("returned", returned);
    return new Step(
        TallyRule.TALLY_SUM_BALLOTS,
        in,
        "valid + invalid + review = returned",
        ok,
        "有效票"
            + validBallots
            + "张、无效票"
            + invalidBallots
            + "张"
            + (reviewBallots.isEmpty() ? "" : "、疑问票" + reviewBallots.size() + "张")
            + "，合计"
            + ballots()
            + "张，"
            + (ok ? "等于" : "不等于")
            + "收回选票"
            + returned
            + "张");
  }
}
