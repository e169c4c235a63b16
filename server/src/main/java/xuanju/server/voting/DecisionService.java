package xuanju.server.voting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.core.outcome.Consent;
import xuanju.core.outcome.RoundEngine;
import xuanju.core.outcome.RoundResult;
import xuanju.core.outcome.RoundSpec;
import xuanju.core.outcome.SeatOutcome;
import xuanju.core.quorum.Electorate;
import xuanju.core.rule.Decision;
import xuanju.core.rule.InvalidInputException;
import xuanju.core.rule.Step;
import xuanju.core.tally.Tally;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.election.Election;
import xuanju.server.voting.VotingModel.BoxCount;
import xuanju.server.voting.VotingModel.CandidateRef;
import xuanju.server.voting.VotingModel.ConsentDto;
import xuanju.server.voting.VotingModel.OutcomeDto;
import xuanju.server.voting.VotingModel.Round;
import xuanju.server.voting.VotingModel.Stack;
import xuanju.server.voting.VotingModel.StepDto;
import xuanju.server.voting.VotingModel.StoredDecision;

/**
 * The decision of a round (判定) by core's {@code RoundEngine}, stored with its rule trail, and the
 * rounds it calls for (再次投票, 另行选举, the same round again) or the reduction of seats by consent
 * (减少名额).
 */
@Service
public class DecisionService {
  private final VotingContext ctx;
  private final VotingRepository repo;
  private final RoundService roundService;
  private final StageProgress progress;

  public DecisionService(
      VotingContext ctx, VotingRepository repo, RoundService roundService, StageProgress progress) {
    this.ctx = ctx;
    this.repo = repo;
    this.roundService = roundService;
    this.progress = progress;
  }

  private static String me() {
    return AccessService.currentUser();
  }

  private void log(Election e, String action, String summary) {
    ctx.log(e, action, summary);
  }

  private Election election(long id, Permission p) {
    return ctx.election(id, p);
  }

  /**
   * Decides a round (判定): box counts recorded, every stack settled, then core {@code
   * RoundEngine.decide}; stores the decision with its trail. Needs MANAGE.
   */
  @Transactional
  public StoredDecision decide(long electionId, int roundNo, int expectedVersion) {
    Election e = election(electionId, Permission.MANAGE);
    Round r = roundService.openRound(electionId, roundNo);
    if (r.version() != expectedVersion) {
      throw new IllegalStateException("本轮已被他人修改，请刷新页面后重试");
    }
    List<BoxCount> counts = repo.boxCounts(r.id());
    if (counts.isEmpty()) {
      throw VotingRule.ROUND_COUNTS_MISSING.conflict(r.labelZh());
    }
    Set<Long> counted = counts.stream().map(BoxCount::boxId).collect(Collectors.toSet());
    for (Stack s : repo.stacks(r.id())) {
      if (!counted.contains(s.boxId())) {
        throw VotingRule.ROUND_COUNTS_MISSING.conflict("票箱「" + s.boxName() + "」");
      }
    }
    RoundService.RoundTally rt = roundService.tallyOf(e, r);
    if (rt.openStacks() > 0) {
      throw VotingRule.COUNT_UNSETTLED.conflict("尚未核对认定：" + String.join("、", rt.unsettledZh()));
    }
    long issued = counts.stream().mapToLong(BoxCount::issued).sum();
    long returned = counts.stream().mapToLong(BoxCount::returned).sum();
    RoundSpec spec = roundService.spec(e, r, issued, returned);
    Decision<RoundResult> d = RoundEngine.decide(spec, rt.tally());
    StoredDecision sd = stored(r, d, spec.electorate(), rt.tally(), null);
    if (!repo.storeDecision(r.id(), r.version(), VotingRepository.JSON.writeValueAsString(sd))) {
      throw new IllegalStateException("本轮已被他人修改，请刷新页面后重试");
    }
    log(
        e,
        "VOTING_ROUND_DECIDED",
        r.labelZh()
            + "：发出"
            + issued
            + "张，收回"
            + returned
            + "张，有效"
            + rt.tally().validBallots()
            + "张，无效"
            + rt.tally().invalidBallots()
            + "张；"
            + sd.outcomes().stream().map(OutcomeDto::textZh).collect(Collectors.joining("；"))
            + "（"
            + String.join(", ", d.codes())
            + "）");
    progress.checkReady(e);
    return sd;
  }

  private StoredDecision stored(
      Round r, Decision<RoundResult> d, Electorate el, Tally t, ConsentDto consent) {
    Map<String, String> names = new HashMap<>();
    r.candidates().forEach(c -> names.put(c.id(), c.name()));
    List<OutcomeDto> outs = new ArrayList<>();
    for (SeatOutcome o : d.outcome().outcomes()) {
      outs.add(OutcomeTexts.outcome(o, names));
    }
    List<StepDto> trail =
        d.trail().stream()
            .map(s -> new StepDto(s.code(), s.test(), s.passed(), s.explanationZh(), s.inputs()))
            .toList();
    return new StoredDecision(
        outs,
        d.outcome().ranking(),
        trail,
        t.validBallots(),
        t.invalidBallots(),
        el.ballotsIssued(),
        el.ballotsReturned(),
        el.expected() > 0 ? el.expected() : el.registered(),
        el.present(),
        consent);
  }

  /** Recomputes the core decision of a decided round from its stored data (deterministic). */
  private Decision<RoundResult> coreDecision(Election e, Round r, RoundSpec spec) {
    Decision<RoundResult> d = RoundEngine.decide(spec, roundService.tallyOf(e, r).tally());
    StoredDecision sd = progress.decisionOf(r).orElseThrow();
    if (sd.consent() != null) {
      d =
          RoundEngine.reduceSeats(
              spec,
              d,
              new Consent(
                  sd.consent().agreed(), sd.consent().electors(), false, sd.consent().recordZh()));
    }
    return d;
  }

  private RoundSpec decidedSpec(Election e, Round r) {
    StoredDecision sd = progress.decisionOf(r).orElseThrow();
    return roundService.spec(e, r, sd.issued(), sd.returned());
  }

  private static boolean needsRound(String type) {
    return switch (type) {
      case "TieRevoteNeeded", "FurtherRoundNeeded", "RoundVoid", "QuorumNotMet" -> true;
      default -> false;
    };
  }

  /**
   * Creates the round a decision calls for (下一轮): the tie re-vote among the tied only, the 另行选举
   * with the engine's candidates, or the same round again (void round, quorum not met). Needs
   * MANAGE.
   */
  @Transactional
  public Round openNextRound(long electionId, int roundNo, int outcomeIndex) {
    Election e = election(electionId, Permission.MANAGE);
    Round r = roundService.roundOf(electionId, roundNo);
    StoredDecision sd =
        progress.decisionOf(r).orElseThrow(() -> new IllegalStateException(r.labelZh() + "尚未判定"));
    if (outcomeIndex < 0 || outcomeIndex >= sd.outcomes().size()) {
      throw new InvalidInputException("outcome", "没有这一项结果");
    }
    OutcomeDto o = sd.outcomes().get(outcomeIndex);
    if (!needsRound(o.type())) {
      throw new IllegalStateException("这一项结果不需要再投票");
    }
    if (repo.rounds(electionId).stream()
        .anyMatch(
            x ->
                Long.valueOf(r.id()).equals(x.parentRoundId())
                    && Integer.valueOf(outcomeIndex).equals(x.parentOutcome()))) {
      throw new IllegalStateException("这一项结果的下一轮投票已经建立");
    }
    RoundSpec spec = decidedSpec(e, r);
    Decision<RoundResult> d = coreDecision(e, r, spec);
    SeatOutcome so = d.outcome().outcomes().get(outcomeIndex);
    RoundResult single =
        new RoundResult(
            d.outcome().kind(),
            so.seats(),
            List.of(so),
            d.outcome().ranking(),
            d.outcome().tally());
    RoundSpec next = RoundEngine.nextRound(spec, new Decision<>(single, d.trail())).orElse(spec);
    Map<String, CandidateRef> byId = new HashMap<>();
    r.candidates().forEach(c -> byId.put(c.id(), c));
    List<CandidateRef> cands =
        next.candidates().stream()
            .map(c -> byId.getOrDefault(c.id(), new CandidateRef(c.id(), c.name(), null)))
            .toList();
    if (cands.isEmpty()) {
      throw new IllegalStateException("没有剩余候选人，须重新提名候选人后另行选举");
    }
    return roundService.createRound(
        e,
        r.stage(),
        r.post(),
        next.kind(),
        next.furtherRound(),
        next.seats(),
        cands,
        r.id(),
        outcomeIndex);
  }

  /**
   * Reduces the seats instead of a 另行选举 (减少名额) with the recorded consent: more than half of the
   * electors agreed (core {@code RoundEngine.reduceSeats}, PARTY.SHORTFALL.REDUCE_SEATS). Needs
   * MANAGE.
   */
  @Transactional
  public StoredDecision reduceSeats(
      long electionId, int roundNo, long agreed, long electors, String recordZh) {
    Election e = election(electionId, Permission.MANAGE);
    Round r = roundService.roundOf(electionId, roundNo);
    StoredDecision sd =
        progress.decisionOf(r).orElseThrow(() -> new IllegalStateException(r.labelZh() + "尚未判定"));
    if (sd.consent() != null) {
      throw new IllegalStateException("本轮已经减少名额");
    }
    int idx = -1;
    for (int i = 0; i < sd.outcomes().size(); i++) {
      if (sd.outcomes().get(i).type().equals("FurtherRoundNeeded")) {
        idx = i;
        break;
      }
    }
    final int index = idx;
    if (index >= 0
        && repo.rounds(electionId).stream()
            .anyMatch(
                x ->
                    Long.valueOf(r.id()).equals(x.parentRoundId())
                        && Integer.valueOf(index).equals(x.parentOutcome()))) {
      throw new IllegalStateException("已经建立另行选举，不能再减少名额");
    }
    RoundSpec spec = decidedSpec(e, r);
    Decision<RoundResult> d = RoundEngine.decide(spec, roundService.tallyOf(e, r).tally());
    Decision<RoundResult> reduced =
        RoundEngine.reduceSeats(spec, d, new Consent(agreed, electors, false, recordZh));
    Step last = reduced.trail().get(reduced.trail().size() - 1);
    if (!last.passed()) {
      throw new IllegalStateException(last.code() + "：" + last.explanationZh());
    }
    StoredDecision nsd =
        stored(
            r,
            reduced,
            spec.electorate(),
            roundService.tallyOf(e, r).tally(),
            new ConsentDto(index, agreed, electors, recordZh));
    if (!repo.storeDecision(r.id(), r.version(), VotingRepository.JSON.writeValueAsString(nsd))) {
      throw new IllegalStateException("本轮已被他人修改，请刷新页面后重试");
    }
    log(
        e,
        "VOTING_SEATS_REDUCED",
        r.labelZh() + "：" + last.explanationZh() + "（" + last.code() + "）");
    progress.checkReady(e);
    return nsd;
  }
}
