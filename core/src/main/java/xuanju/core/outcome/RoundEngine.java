package xuanju.core.outcome;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import xuanju.core.ballot.BallotRule;
import xuanju.core.ballot.BallotRules;
import xuanju.core.ballot.CompactBallots;
import xuanju.core.margin.MarginQuery;
import xuanju.core.margin.Margins;
import xuanju.core.margin.Post;
import xuanju.core.margin.Stage;
import xuanju.core.outcome.RankedCandidate.Status;
import xuanju.core.profile.Param;
import xuanju.core.profile.Profile;
import xuanju.core.profile.Regime;
import xuanju.core.quorum.Electorate;
import xuanju.core.quorum.Quorum;
import xuanju.core.rule.Decision;
import xuanju.core.rule.InvalidInputException;
import xuanju.core.rule.Rule;
import xuanju.core.rule.Step;
import xuanju.core.tally.Candidate;
import xuanju.core.tally.CandidateCount;
import xuanju.core.tally.Tally;

/**
 * The counting rule engine (计票判定): decides one round from its spec and its ballots (or a tally
 * sheet), and builds the next round from a decision.
 *
 * <p>Order of the trail: profile overrides; quorum or turnout; ballots returned ≤ issued; tally
 * sums; ballots awaiting review; the threshold per candidate (in ranking order); ranking when more
 * pass than seats; tie; shortfall (另行选举, reduce seats, or vacancy).
 */
public final class RoundEngine {
  private RoundEngine() {}

  /** The ballot-validity settings for a round (write-ins do not count in a tie re-vote). */
  public static BallotRules ballotRules(RoundSpec spec) {
    BallotRules r = BallotRules.of(spec.profile(), spec.seats(), spec.candidates().size());
    if (spec.kind() == RoundKind.TIE_REVOTE) {
      return new BallotRules(
          r.seats(), r.candidates(), false, r.writeInRequiresNo(), r.writeInWithoutMark());
    }
    return r;
  }

  /** Decides a round from individual ballots (tallied with {@link #ballotRules(RoundSpec)}). */
  public static Decision<RoundResult> decide(RoundSpec spec, CompactBallots ballots) {
    return decide(spec, Tally.of(spec.candidates(), ballots, ballotRules(spec)));
  }

  /**
   * Decides a round from its tally.
   *
   * @throws InvalidInputException if the tally's candidates differ from the spec's, its ballots do
   *     not add up to the ballots returned, a base count needed by the profile is 0, or a tie
   *     re-vote has write-ins
   */
  public static Decision<RoundResult> decide(RoundSpec spec, Tally tally) {
    Profile p = spec.profile();
    Electorate e = spec.electorate();
    List<String> ids = spec.candidates().stream().map(Candidate::id).toList();
    if (!List.copyOf(tally.printed().keySet()).equals(ids)) {
      throw new InvalidInputException(
          "counts", "计票结果的候选人与名单不一致：" + tally.printed().keySet() + " / " + ids);
    }
    if (spec.kind() == RoundKind.TIE_REVOTE && !tally.writeIns().isEmpty()) {
      throw new InvalidInputException("writeIns", "再次投票只在票数相等的候选人中进行，不能另选他人");
    }
    List<Step> trail = new ArrayList<>(p.overrideSteps());
    List<Entry> entries = entries(spec, tally);
    int seats = spec.seats();

    boolean skipTurnout =
        spec.kind() == RoundKind.FURTHER
            && p.has(Param.FURTHER_ROUND_TURNOUT_REQUIRED)
            && !p.flag(Param.FURTHER_ROUND_TURNOUT_REQUIRED);
    Step quorum;
    if (skipTurnout) {
      Map<String, Long> in = new LinkedHashMap<>();
      in.put("registered", e.registered());
      in.put("voted", e.ballotsReturned());
      quorum =
          new Step(
              CountRule.FURTHER_ROUND_NO_TURNOUT,
              in,
              "furtherRoundTurnoutRequired = false",
              true,
              "本轮为另行选举，参加投票"
                  + e.ballotsReturned()
                  + "人（登记选民"
                  + e.registered()
                  + "人），不再适用过半数参加投票的要求，以不少于选票三分之一为当选条件");
    } else {
      quorum = Quorum.step(p, spec.meeting(), e);
    }
    trail.add(quorum);
    if (!quorum.passed()) {
      return undecided(
          spec,
          tally,
          trail,
          entries,
          new SeatOutcome.QuorumNotMet(
              seats, quorum.code(), quorum.inputs().get("actual"), quorum.inputs().get("minimum")));
    }
    Step returned = Quorum.ballotsStep(e);
    trail.add(returned);
    if (!returned.passed()) {
      return undecided(
          spec, tally, trail, entries, new SeatOutcome.RoundVoid(seats, returned.code()));
    }
    Step sum = tally.ballotsStep(e.ballotsReturned());
    if (!sum.passed()) {
      throw new InvalidInputException(
          "electorate.ballotsReturned", sum.explanationZh() + "（" + sum.code() + "）");
    }
    trail.add(sum);
    trail.add(tally.sumStep());
    if (!tally.reviewBallots().isEmpty()) {
      Map<String, Long> in = new LinkedHashMap<>();
      in.put("review", (long) tally.reviewBallots().size());
      trail.add(
          new Step(
              BallotRule.BALLOT_MARK_UNCLEAR,
              in,
              "review = 0",
              false,
              "有" + tally.reviewBallots().size() + "张疑问票，须由监票人认定后再确定选举结果"));
      return undecided(
          spec, tally, trail, entries, new SeatOutcome.ReviewNeeded(seats, tally.reviewBallots()));
    }

    Threshold th = threshold(spec);
    for (Entry en : entries) {
      en.passed = en.eligible && th.passes(en.yes);
    }
    List<Entry> passers = entries.stream().filter(en -> en.passed).toList();
    List<Entry> elected = new ArrayList<>();
    List<Entry> tied = new ArrayList<>();
    int tieSeats = 0;
    Step rankStep = null;
    if (passers.size() <= seats) {
      elected.addAll(passers);
    } else {
      long boundary = passers.get(seats - 1).yes;
      for (Entry en : passers) {
        if (en.yes > boundary) {
          elected.add(en);
        } else if (en.yes == boundary) {
          tied.add(en);
        }
      }
      if (elected.size() + tied.size() == seats) {
        elected.addAll(tied);
        tied.clear();
      } else {
        tieSeats = seats - elected.size();
      }
      Map<String, Long> in = new LinkedHashMap<>();
      in.put("passed", (long) passers.size());
      in.put("seats", (long) seats);
      in.put("boundaryVotes", boundary);
      rankStep =
          new Step(
              CountRule.RANK_MOST_VOTES,
              in,
              "passed > seats: most votes win",
              true,
              (spec.kind() == RoundKind.TIE_REVOTE ? "再次投票中" : "达到当选票数的有")
                  + passers.size()
                  + "人，多于应选名额"
                  + seats
                  + "名，以得票多的当选；第"
                  + seats
                  + "名的得票为"
                  + boundary
                  + "票");
    }
    elected.forEach(en -> en.status = Status.ELECTED);
    tied.forEach(en -> en.status = Status.TIED);
    for (Entry en : entries) {
      if (en.status == null) {
        en.status = en.eligible ? Status.NOT_ELECTED : Status.INELIGIBLE;
      }
    }
    // threshold steps, in ranking order
    for (Entry en : entries) {
      trail.add(en.eligible ? th.step(en) : ineligibleStep(en));
    }
    if (rankStep != null) {
      trail.add(rankStep);
    }
    List<SeatOutcome> outcomes = new ArrayList<>();
    if (!elected.isEmpty()) {
      outcomes.add(new SeatOutcome.Elected(elected.stream().map(en -> en.id).toList()));
    }
    if (!tied.isEmpty()) {
      Map<String, Long> in = new LinkedHashMap<>();
      in.put("tied", (long) tied.size());
      in.put("seats", (long) tieSeats);
      in.put("votes", tied.get(0).yes);
      trail.add(
          new Step(
              CountRule.TIE_REVOTE,
              in,
              "tied at boundary > remaining seats",
              true,
              names(tied)
                  + "均得"
                  + tied.get(0).yes
                  + "票，票数相等，不能确定当选人；应就此"
                  + tied.size()
                  + "人再次投票，选出"
                  + tieSeats
                  + "名，以得票多的当选"));
      outcomes.add(
          new SeatOutcome.TieRevoteNeeded(
              tieSeats, tied.stream().map(en -> en.id).toList(), tied.get(0).yes));
    }
    int shortfall = seats - elected.size() - tieSeats;
    if (shortfall > 0) {
      shortfall(spec, entries, elected.size(), shortfall, trail, outcomes);
    }
    return new Decision<>(
        new RoundResult(spec.kind(), seats, outcomes, ranking(entries), tally), trail);
  }

  private static void shortfall(
      RoundSpec spec,
      List<Entry> entries,
      int electedCount,
      int shortfall,
      List<Step> trail,
      List<SeatOutcome> outcomes) {
    Profile p = spec.profile();
    int limit = p.integer(Param.VACANCY_AFTER_FURTHER_ROUNDS);
    Map<String, Long> in = new LinkedHashMap<>();
    in.put("seats", (long) spec.seats());
    in.put("elected", (long) electedCount);
    in.put("shortfall", (long) shortfall);
    if (limit > 0 && spec.furtherRound() >= limit) {
      in.put("furtherRoundsHeld", (long) spec.furtherRound());
      trail.add(
          new Step(
              CountRule.SHORTFALL_VACANCY,
              in,
              "furtherRoundsHeld >= " + limit,
              true,
              "另行选举后仍选不足，" + shortfall + "个名额暂作缺额处理"));
      outcomes.add(new SeatOutcome.Vacancy(shortfall));
      return;
    }
    List<Entry> pool =
        entries.stream()
            .filter(en -> !en.writeIn && en.eligible && en.status == Status.NOT_ELECTED)
            .toList();
    long want =
        Margins.range(p, MarginQuery.of(Stage.FORMAL, Post.MEMBERS, shortfall)).outcome().min();
    List<Entry> picked = new ArrayList<>();
    for (Entry en : pool) {
      if (picked.size() < want || en.yes == picked.get(picked.size() - 1).yes) {
        picked.add(en);
      } else {
        break;
      }
    }
    in.put("candidatesWanted", want);
    in.put("candidates", (long) picked.size());
    boolean reduce = p.flag(Param.REDUCE_SEATS_ALLOWED);
    String thresholdZh = furtherThresholdZh(p);
    trail.add(
        new Step(
            CountRule.SHORTFALL_FURTHER_ROUND,
            in,
            "elected < seats",
            true,
            "当选"
                + electedCount
                + "名，少于应选名额"
                + spec.seats()
                + "名，不足"
                + shortfall
                + "名应另行选举；按本轮得票多少的顺序，以"
                + (picked.isEmpty() ? "（无剩余候选人，须重新提名）" : names(picked))
                + "为候选人（按差额至少"
                + want
                + "名）；当选条件："
                + thresholdZh));
    if (reduce) {
      trail.add(
          new Step(
              CountRule.PARTY_SHORTFALL_REDUCE_SEATS,
              in,
              "option",
              true,
              "当选人数接近应选名额的，也可经半数以上选举人同意（或主席团决定）减少" + shortfall + "个名额，不再另行选举；不得以未达当选票数的候选人递补"));
    }
    outcomes.add(
        new SeatOutcome.FurtherRoundNeeded(
            shortfall, picked.stream().map(en -> en.id).toList(), reduce, thresholdZh));
  }

  private static String furtherThresholdZh(Profile p) {
    if (p.choice(Param.FURTHER_ROUND_THRESHOLD).equals("PLURALITY_ONE_THIRD_CAST")) {
      return "以得票多的当选，但得票数不得少于选票的三分之一";
    }
    return "赞成票须超过" + baseZh(p.choice(Param.THRESHOLD_BASE)) + "的半数";
  }

  private static Decision<RoundResult> undecided(
      RoundSpec spec, Tally tally, List<Step> trail, List<Entry> entries, SeatOutcome outcome) {
    entries.forEach(en -> en.status = Status.UNDECIDED);
    return new Decision<>(
        new RoundResult(spec.kind(), spec.seats(), List.of(outcome), ranking(entries), tally),
        trail);
  }

  /**
   * Reduces the seats instead of a further round (减少名额), where the profile allows it, when more
   * than half of the electors agreed or the 主席团 decided. Appends rule {@code
   * PARTY.SHORTFALL.REDUCE_SEATS} to the trail; if consent is not enough, the step fails and the
   * outcome is unchanged.
   *
   * @throws InvalidInputException if the profile does not allow it or nothing is short
   */
  public static Decision<RoundResult> reduceSeats(
      RoundSpec spec, Decision<RoundResult> decision, Consent consent) {
    if (!spec.profile().flag(Param.REDUCE_SEATS_ALLOWED)) {
      throw new InvalidInputException("consent", "规则配置 " + spec.profile().id() + " 不允许减少名额");
    }
    RoundResult r = decision.outcome();
    Optional<SeatOutcome.FurtherRoundNeeded> f =
        r.outcomes().stream()
            .filter(SeatOutcome.FurtherRoundNeeded.class::isInstance)
            .map(SeatOutcome.FurtherRoundNeeded.class::cast)
            .findFirst();
    if (f.isEmpty()) {
      throw new InvalidInputException("consent", "本轮没有未选足的名额，无需减少名额");
    }
    boolean ok = consent.presidiumDecision() || consent.agreed() * 2 > consent.electors();
    Map<String, Long> in = new LinkedHashMap<>();
    in.put("agreed", consent.agreed());
    in.put("electors", consent.electors());
    in.put("presidiumDecision", consent.presidiumDecision() ? 1L : 0L);
    in.put("reduced", (long) f.get().seats());
    String text =
        consent.presidiumDecision()
            ? "经主席团决定，减少" + f.get().seats() + "个名额，不再另行选举"
            : "同意减少名额的"
                + consent.agreed()
                + "人，选举人"
                + consent.electors()
                + "人，"
                + (ok ? "超过半数，减少" + f.get().seats() + "个名额，不再另行选举" : "未超过半数，不能减少名额，应另行选举");
    if (!consent.recordZh().isEmpty()) {
      text += "（记录：" + consent.recordZh() + "）";
    }
    List<Step> trail = new ArrayList<>(decision.trail());
    trail.add(
        new Step(
            CountRule.PARTY_SHORTFALL_REDUCE_SEATS,
            in,
            "agreed*2 > electors || presidium",
            ok,
            text));
    List<SeatOutcome> outcomes = new ArrayList<>();
    for (SeatOutcome o : r.outcomes()) {
      outcomes.add(ok && o == f.get() ? new SeatOutcome.SeatsReduced(o.seats()) : o);
    }
    return new Decision<>(
        new RoundResult(r.kind(), r.seats(), outcomes, r.ranking(), r.tally()), trail);
  }

  /**
   * The next round a decision calls for (下一轮): a tie re-vote among the tied (再次投票), a further round
   * (另行选举) with the listed candidates, or — for a void round — the same round again. The electorate
   * is copied; set the new round's ballot counts with {@link RoundSpec#withElectorate(Electorate)}.
   *
   * @return empty when the decision needs no further vote
   */
  public static Optional<RoundSpec> nextRound(RoundSpec previous, Decision<RoundResult> decision) {
    Map<String, Candidate> known = new HashMap<>();
    previous.candidates().forEach(c -> known.put(c.id(), c));
    for (SeatOutcome o : decision.outcome().outcomes()) {
      if (o instanceof SeatOutcome.TieRevoteNeeded t) {
        return Optional.of(
            new RoundSpec(
                previous.profile(),
                previous.meeting(),
                t.seats(),
                t.tiedIds().stream()
                    .map(id -> known.getOrDefault(id, Candidate.of(id, id)))
                    .toList(),
                previous.electorate(),
                RoundKind.TIE_REVOTE,
                previous.furtherRound(),
                Set.of()));
      }
      if (o instanceof SeatOutcome.FurtherRoundNeeded f) {
        return Optional.of(
            new RoundSpec(
                previous.profile(),
                previous.meeting(),
                f.seats(),
                f.candidateIds().stream().map(known::get).toList(),
                previous.electorate(),
                RoundKind.FURTHER,
                previous.furtherRound() + 1,
                previous.ineligibleWriteIns()));
      }
      if (o instanceof SeatOutcome.RoundVoid) {
        return Optional.of(previous);
      }
    }
    return Optional.empty();
  }

  // ---------------------------------------------------------------------------------------------

  private static final class Entry {
    String id;
    String name;
    boolean writeIn;
    boolean eligible;
    long yes;
    long no;
    long abstain;
    int order;
    boolean passed;
    Status status;

    String label() {
      return (writeIn ? "另选他人" : "候选人") + name;
    }
  }

  private static List<Entry> entries(RoundSpec spec, Tally tally) {
    List<Entry> list = new ArrayList<>();
    int order = 0;
    for (Candidate c : spec.candidates()) {
      CandidateCount cc = tally.printed().get(c.id());
      Entry en = new Entry();
      en.id = c.id();
      en.name = c.name();
      en.eligible = c.eligible();
      en.yes = cc.yes();
      en.no = cc.no();
      en.abstain = cc.abstain();
      en.order = order++;
      list.add(en);
    }
    for (Map.Entry<String, Long> w : tally.writeIns().entrySet()) {
      Entry en = new Entry();
      en.id = w.getKey();
      en.name = w.getKey();
      en.writeIn = true;
      en.eligible = !spec.ineligibleWriteIns().contains(w.getKey());
      en.yes = w.getValue();
      en.order = order++;
      list.add(en);
    }
    list.sort(Comparator.comparingLong((Entry en) -> -en.yes).thenComparingInt(en -> en.order));
    return list;
  }

  private static List<RankedCandidate> ranking(List<Entry> entries) {
    List<RankedCandidate> out = new ArrayList<>();
    int rank = 0;
    long last = Long.MIN_VALUE;
    for (int i = 0; i < entries.size(); i++) {
      Entry en = entries.get(i);
      if (en.yes != last) {
        rank = i + 1;
        last = en.yes;
      }
      out.add(
          new RankedCandidate(
              en.id,
              en.name,
              en.writeIn,
              en.eligible,
              en.yes,
              en.no,
              en.abstain,
              rank,
              en.passed,
              en.status));
    }
    return out;
  }

  private static String names(List<Entry> list) {
    StringBuilder sb = new StringBuilder();
    for (Entry en : list) {
      if (sb.length() > 0) {
        sb.append("、");
      }
      sb.append(en.name);
    }
    return sb.toString();
  }

  private static Step ineligibleStep(Entry en) {
    Map<String, Long> in = new LinkedHashMap<>();
    in.put("yes", en.yes);
    return new Step(
        CountRule.INELIGIBLE_NOT_ELECTED,
        in,
        "eligible",
        false,
        en.label() + "得赞成票" + en.yes + "票，但不具备被选举资格，不能当选");
  }

  private static String baseZh(String base) {
    return switch (base) {
      case "PRESENT" -> "实到会有选举权人数";
      case "EXPECTED" -> "应到会有选举权人数";
      case "TOTAL_DEPUTIES" -> "全体代表人数";
      default -> "参加投票人数";
    };
  }

  private static String baseVar(String base) {
    return switch (base) {
      case "PRESENT" -> "present";
      case "EXPECTED" -> "expected";
      case "TOTAL_DEPUTIES" -> "totalDeputies";
      default -> "voted";
    };
  }

  private static long baseValue(String base, Electorate e) {
    long v;
    String field;
    switch (base) {
      case "PRESENT" -> {
        v = e.present();
        field = "electorate.present";
      }
      case "EXPECTED" -> {
        v = e.expected();
        field = "electorate.expected";
      }
      case "TOTAL_DEPUTIES" -> {
        v = e.totalDeputies();
        field = "electorate.totalDeputies";
      }
      default -> {
        v = e.ballotsReturned();
        field = "electorate.ballotsReturned";
      }
    }
    if (v <= 0) {
      throw new InvalidInputException(field, baseZh(base) + "须大于0");
    }
    return v;
  }

  private static Rule halfRule(Regime r, String base) {
    return switch (r) {
      case PARTY_GRASSROOTS ->
          base.equals("PRESENT")
              ? CountRule.PARTY_THRESHOLD_HALF_PRESENT
              : CountRule.PLAN_THRESHOLD_HALF;
      case PARTY_LOCAL ->
          base.equals("EXPECTED")
              ? CountRule.PARTY_LOCAL_THRESHOLD_HALF_EXPECTED
              : CountRule.PLAN_THRESHOLD_HALF;
      case PEOPLES_CONGRESS_DIRECT ->
          base.equals("BALLOTS_CAST")
              ? CountRule.NPC_THRESHOLD_HALF_VOTED
              : CountRule.PLAN_THRESHOLD_HALF;
      case PEOPLES_CONGRESS_INDIRECT ->
          base.equals("TOTAL_DEPUTIES")
              ? CountRule.NPC_THRESHOLD_HALF_ALL_DEPUTIES
              : CountRule.PLAN_THRESHOLD_HALF;
      case VILLAGE_COMMITTEE ->
          base.equals("BALLOTS_CAST")
              ? CountRule.VILLAGE_THRESHOLD_HALF_VOTED
              : CountRule.PLAN_THRESHOLD_HALF;
      case RESIDENTS_COMMITTEE ->
          base.equals("BALLOTS_CAST")
              ? CountRule.RESIDENTS_THRESHOLD_HALF_VOTED
              : CountRule.PLAN_THRESHOLD_HALF;
    };
  }

  private static Rule oneThirdRule(Regime r) {
    return switch (r) {
      case PEOPLES_CONGRESS_DIRECT, PEOPLES_CONGRESS_INDIRECT ->
          CountRule.NPC_FURTHER_ROUND_ONE_THIRD;
      case VILLAGE_COMMITTEE -> CountRule.VILLAGE_FURTHER_ROUND_ONE_THIRD;
      case RESIDENTS_COMMITTEE -> CountRule.RESIDENTS_FURTHER_ROUND_ONE_THIRD;
      default -> CountRule.PLAN_FURTHER_ROUND_ONE_THIRD;
    };
  }

  private static String half(long base) {
    return base % 2 == 0 ? Long.toString(base / 2) : (base / 2) + ".5";
  }

  private static String ending(Entry en, boolean passed) {
    return switch (en.status) {
      case ELECTED -> "，当选";
      case TIED -> "，但与他人票数相等，须再次投票";
      case NOT_ELECTED -> passed ? "，但得票未进入应选名额，未当选" : "，未当选";
      default -> "";
    };
  }

  private static Threshold threshold(RoundSpec spec) {
    Profile p = spec.profile();
    Electorate e = spec.electorate();
    if (spec.kind() == RoundKind.TIE_REVOTE) {
      return new Threshold(CountRule.TIE_PLURALITY, Kind.NONE, 0, "", "");
    }
    boolean oneThird =
        spec.kind() == RoundKind.FURTHER
            && p.choice(Param.FURTHER_ROUND_THRESHOLD).equals("PLURALITY_ONE_THIRD_CAST");
    if (oneThird) {
      long cast = baseValue("BALLOTS_CAST", e);
      return new Threshold(oneThirdRule(p.regime()), Kind.ONE_THIRD, cast, "cast", "选票");
    }
    String base = p.choice(Param.THRESHOLD_BASE);
    return new Threshold(
        halfRule(p.regime(), base), Kind.HALF, baseValue(base, e), baseVar(base), baseZh(base));
  }

  private enum Kind {
    HALF,
    ONE_THIRD,
    NONE
  }

  private record Threshold(Rule rule, Kind kind, long base, String var, String baseZh) {
    boolean passes(long yes) {
      return switch (kind) {
        case HALF -> yes * 2 > base;
        case ONE_THIRD -> yes * 3 >= base && yes > 0;
        case NONE -> true;
      };
    }

    Step step(Entry en) {
      Map<String, Long> in = new LinkedHashMap<>();
      in.put("yes", en.yes);
      boolean ok = passes(en.yes);
      switch (kind) {
        case HALF -> {
          in.put(var, base);
          return new Step(
              rule,
              in,
              "yes*2 > " + var,
              ok,
              en.label()
                  + "得赞成票"
                  + en.yes
                  + "票，"
                  + (ok ? "超过" : "未超过")
                  + baseZh
                  + base
                  + "人的半数（"
                  + half(base)
                  + "）"
                  + ending(en, ok));
        }
        case ONE_THIRD -> {
          in.put("cast", base);
          long min = -Math.floorDiv(-base, 3);
          return new Step(
              rule,
              in,
              "yes*3 >= cast",
              ok,
              en.label()
                  + "得票"
                  + en.yes
                  + "票，"
                  + (ok ? "不少于" : "少于")
                  + "选票"
                  + base
                  + "张的三分之一（至少"
                  + min
                  + "票）"
                  + ending(en, ok));
        }
        default -> {
          return new Step(
              rule,
              in,
              "most votes",
              true,
              "再次投票中" + en.label() + "得票" + en.yes + "票" + ending(en, true));
        }
      }
    }
  }
}
