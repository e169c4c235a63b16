package xuanju.server.voting;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import xuanju.core.ballot.BallotCount;
import xuanju.core.ballot.BallotRules;
import xuanju.core.ballot.CompactBallots;
import xuanju.core.names.NameOrder;
import xuanju.core.outcome.RoundEngine;
import xuanju.core.outcome.RoundKind;
import xuanju.core.outcome.RoundSpec;
import xuanju.core.profile.Param;
import xuanju.core.profile.Profile;
import xuanju.core.profile.Regime;
import xuanju.core.rule.InvalidInputException;
import xuanju.core.tally.Candidate;
import xuanju.core.tally.CandidateCount;
import xuanju.core.tally.Tally;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.documents.BallotLayout;
import xuanju.server.documents.BallotPdf;
import xuanju.server.documents.DocumentContent;
import xuanju.server.election.Election;
import xuanju.server.election.ElectionService;
import xuanju.server.election.ElectionStatus;
import xuanju.server.nomination.NominationService;
import xuanju.server.voting.VotingModel.Box;
import xuanju.server.voting.VotingModel.BoxCount;
import xuanju.server.voting.VotingModel.CandidateRef;
import xuanju.server.voting.VotingModel.Post;
import xuanju.server.voting.VotingModel.QuorumView;
import xuanju.server.voting.VotingModel.Reading;
import xuanju.server.voting.VotingModel.Round;
import xuanju.server.voting.VotingModel.RoundStatus;
import xuanju.server.voting.VotingModel.Stack;

/**
 * The rounds of voting (投票轮次): opening the first round with the formal candidates (in surname
 * stroke order), beginning a stage's voting after the quorum check, box counts (发出、收回、作废), the live
 * count of settled stacks (计票) and the ballot document of a round (选票).
 */
@Service
public class RoundService {
  private final VotingContext ctx;
  private final VotingRepository repo;
  private final ElectionService elections;
  private final NominationService nomination;
  private final BallotBoxService stations;
  private final CheckInService checkIn;
  private final StageProgress progress;
  private final Clock clock;

  public RoundService(
      VotingContext ctx,
      VotingRepository repo,
      ElectionService elections,
      NominationService nomination,
      BallotBoxService stations,
      CheckInService checkIn,
      StageProgress progress,
      Clock clock) {
    this.ctx = ctx;
    this.repo = repo;
    this.elections = elections;
    this.nomination = nomination;
    this.stations = stations;
    this.checkIn = checkIn;
    this.progress = progress;
    this.clock = clock;
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
   * Opens the first round of the members' meeting with these formal candidates (printed in surname
   * stroke order). Needs MANAGE; the election must have its candidates approved or be voting.
   */
  @Transactional
  public Round openFirstRound(long electionId, List<CandidateRef> candidates) {
    Election e = election(electionId, Permission.MANAGE);
    if (e.status() != ElectionStatus.CANDIDATES_APPROVED && e.status() != ElectionStatus.VOTING) {
      throw new IllegalStateException("当前阶段为「" + e.status().labelZh() + "」，正式候选人确定后方可准备选票");
    }
    if (repo.rounds(electionId).stream().anyMatch(r -> r.stage() == 1)) {
      throw new IllegalStateException("第一轮投票已经建立");
    }
    if (candidates == null || candidates.isEmpty()) {
      throw new InvalidInputException("candidates", "请填写正式候选人");
    }
    Set<String> ids = new LinkedHashSet<>();
    for (int i = 0; i < candidates.size(); i++) {
      CandidateRef c = candidates.get(i);
      if (c.name() == null || c.name().isBlank() || c.id() == null || c.id().isBlank()) {
        throw new InvalidInputException("candidates[" + i + "]", "候选人姓名不能为空");
      }
      if (!ids.add(c.id())) {
        throw new InvalidInputException("candidates[" + i + "]", "候选人重复：" + c.name());
      }
    }
    stations.ensureHall(e);
    progress.ensureState(electionId);
    Post post = e.hasCommittee() ? Post.MEMBERS : Post.SECRETARY;
    if (candidates.size() < e.seats()) {
      throw new InvalidInputException(
          "candidates", "候选人" + candidates.size() + "名，少于应选" + e.seats() + "名");
    }
    return createRound(e, 1, post, RoundKind.FIRST, 0, e.seats(), candidates, null, null);
  }

  /**
   * Opens the first round with the formal candidates approved in the nomination (正式候选人, already in
   * stroke order). Needs MANAGE.
   */
  @Transactional
  public Round openFirstRoundFromNomination(long electionId) {
    // permission before anything else: a viewer gets 403, not the nomination's state (h13)
    election(electionId, Permission.MANAGE);
    List<CandidateRef> c =
        nomination.formalCandidates(electionId).stream()
            .map(
                f ->
                    new CandidateRef(
                        f.memberId() != null ? "m" + f.memberId() : "n" + f.nomineeId(),
                        f.name(),
                        f.memberId()))
            .toList();
    return openFirstRound(electionId, c);
  }

  Round createRound(
      Election e,
      int stage,
      Post post,
      RoundKind kind,
      int furtherRound,
      int seats,
      List<CandidateRef> candidates,
      Long parentId,
      Integer parentOutcome) {
    NameOrder order = NameOrder.surnameStrokes();
    List<CandidateRef> sorted = new ArrayList<>(candidates);
    sorted.sort((a, b) -> order.compare(a.name(), b.name()));
    int number = repo.nextRoundNumber(e.id());
    String hash = definitionHash(e.id(), number, stage, post, kind, furtherRound, seats, sorted);
    int expected = (int) checkIn.expectedOf(e, stage);
    int present = repo.countCheckins(e.id(), stage);
    long id =
        repo.insertRound(
            e.id(),
            number,
            stage,
            post,
            kind,
            furtherRound,
            seats,
            sorted,
            hash,
            expected,
            present,
            parentId,
            parentOutcome,
            me(),
            clock.instant());
    Round r = repo.roundById(id).orElseThrow();
    log(
        e,
        "VOTING_ROUND_OPENED",
        r.labelZh()
            + "：应选"
            + seats
            + "名，候选人（按姓氏笔画）"
            + sorted.stream().map(CandidateRef::name).collect(Collectors.joining("、"))
            + "，选举编码 "
            + r.code());
    return r;
  }

  /**
   * The round definition's hash: SHA-256 over a canonical text of the election, round number,
   * stage, post, kind, seats and candidates (id and name, in ballot order). Its first 8 hex digits
   * are the election code printed on the ballot.
   */
  static String definitionHash(
      long electionId,
      int number,
      int stage,
      Post post,
      RoundKind kind,
      int furtherRound,
      int seats,
      List<CandidateRef> candidates) {
    StringBuilder sb = new StringBuilder("xuanju-round-v1\n");
    sb.append("election=").append(electionId).append('\n');
    sb.append("number=").append(number).append('\n');
    sb.append("stage=").append(stage).append('\n');
    sb.append("post=").append(post).append('\n');
    sb.append("kind=").append(kind).append('\n');
    sb.append("furtherRound=").append(furtherRound).append('\n');
    sb.append("seats=").append(seats).append('\n');
    for (CandidateRef c : candidates) {
      sb.append("candidate=").append(c.id()).append(':').append(c.name()).append('\n');
    }
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException(ex);
    }
  }

  /** The election's rounds in order. */
  @Transactional(readOnly = true)
  public List<Round> rounds(long electionId) {
    election(electionId, Permission.VIEW);
    return repo.rounds(electionId);
  }

  /** One round by its number in the election. */
  @Transactional(readOnly = true)
  public Round round(long electionId, int number) {
    election(electionId, Permission.VIEW);
    return roundOf(electionId, number);
  }

  Round roundOf(long electionId, int number) {
    return repo.round(electionId, number)
        .orElseThrow(() -> new InvalidInputException("round", "没有第" + number + "轮投票"));
  }

  /**
   * Begins the voting of a stage (宣布开始投票): stage 1 moves the election CANDIDATES_APPROVED → VOTING;
   * both need the quorum of their meeting (party: PARTY.QUORUM.4_5 or the plenum rule), else the
   * action is refused with the rule message (VOTING.START.QUORUM). Needs MANAGE.
   */
  @Transactional
  public QuorumView beginVoting(long electionId, int stage, int expectedVersion) {
    return beginVoting(electionId, stage, expectedVersion, null);
  }

  /**
   * Begins the voting of a stage, as {@link #beginVoting(long, int, int)}; before the approved
   * election day the members' meeting may vote only with the reason recorded ({@code
   * VOTING.START.BEFORE_ELECTION_DAY}): it goes into the audit log with the approved day.
   *
   * @param earlyReason why the meeting votes before the approved election day (ignored on or after
   *     that day)
   */
  @Transactional
  public QuorumView beginVoting(
      long electionId, int stage, int expectedVersion, String earlyReason) {
    Election e = election(electionId, Permission.MANAGE);
    String early = stage == 1 ? earlyStart(e, earlyReason) : "";
    List<Round> rounds = repo.rounds(electionId).stream().filter(r -> r.stage() == stage).toList();
    if (rounds.isEmpty()) {
      throw new IllegalStateException(stage == 1 ? "请先填写正式候选人并生成选票" : "请先召开委员会全体会议并确定书记、副书记候选人");
    }
    if (progress.begun(electionId, stage)) {
      throw new IllegalStateException("本阶段投票已经开始");
    }
    QuorumView q = checkIn.quorumOf(e, stage);
    Regime regime = ctx.profile(e).regime();
    boolean party = regime == Regime.PARTY_GRASSROOTS || regime == Regime.PARTY_LOCAL;
    if ((party || regime == Regime.PEOPLES_CONGRESS_INDIRECT) && !q.met()) {
      throw VotingRule.START_QUORUM.conflict(q.code() + "：" + q.explanationZh());
    }
    progress.ensureState(electionId);
    if (stage == 1) {
      elections.transition(
          electionId,
          expectedVersion,
          Permission.MANAGE,
          Set.of(ElectionStatus.CANDIDATES_APPROVED),
          ElectionStatus.VOTING,
          "VOTING_STARTED",
          "选举大会开始投票：应到会" + q.expected() + "人，实到会" + q.present() + "人（" + q.code() + "）" + early);
      repo.setState(electionId, "first_begun_at", clock.instant());
    } else {
      repo.setState(electionId, "second_begun_at", clock.instant());
      log(
          e,
          "VOTING_STAGE2_STARTED",
          "委员会全体会议开始投票：应到会委员" + q.expected() + "人，到会" + q.present() + "人（" + q.code() + "）");
    }
    for (Round r : rounds) {
      if (r.status() == RoundStatus.OPEN) {
        repo.setHeadcount(r.id(), (int) q.expected(), (int) q.present());
      }
    }
    return q;
  }

  /**
   * How many days today lies before the approved election day (0 on or after it): the voting page
   * asks for a reason when it is positive.
   */
  public long daysBeforeElectionDay(Election e) {
    return Math.max(0, ChronoUnit.DAYS.between(LocalDate.now(clock), e.electionDay()));
  }

  /**
   * The audit sentence of an early start, or "" on or after the approved day; refused without a
   * reason.
   */
  private String earlyStart(Election e, String reason) {
    long days = daysBeforeElectionDay(e);
    if (days == 0) {
      return "";
    }
    if (reason == null || reason.isBlank()) {
      throw VotingRule.START_BEFORE_ELECTION_DAY.conflict(
          "批准的选举日为"
              + DocumentContent.chineseDate(e.electionDay())
              + "，今天早"
              + days
              + "天，请在“提前投票的原因”中写明");
    }
    String r = reason.strip();
    if (r.length() > 500) {
      throw new InvalidInputException("earlyReason", "提前投票的原因不能超过500字");
    }
    return "；早于批准的选举日（"
        + DocumentContent.chineseDate(e.electionDay())
        + "）"
        + days
        + "天开始投票，原因："
        + r;
  }

  /** Records ballots issued, returned and spoiled for one box (发出、收回、作废). Needs COUNT. */
  @Transactional
  public void recordBoxCount(
      long electionId, int roundNo, long boxId, int issued, int returned, int spoiled) {
    Election e = election(electionId, Permission.COUNT);
    Round r = openRound(electionId, roundNo);
    Box b = stations.box(electionId, boxId);
    if (issued < 0 || returned < 0 || spoiled < 0) {
      throw new InvalidInputException("issued", "选票数不能为负数");
    }
    repo.upsertBoxCount(r.id(), boxId, issued, returned, spoiled, me());
    log(
        e,
        "VOTING_BOX_COUNTS",
        r.labelZh()
            + " 票箱「"
            + b.name()
            + "」：发出"
            + issued
            + "张，收回"
            + returned
            + "张，作废（损坏换领）"
            + spoiled
            + "张");
  }

  /** A round that is open and whose stage has begun, else a rule conflict. */
  Round openRound(long electionId, int roundNo) {
    Round r = roundOf(electionId, roundNo);
    if (r.status() != RoundStatus.OPEN) {
      throw VotingRule.ROUND_CLOSED.conflict(r.labelZh());
    }
    if (!progress.begun(electionId, r.stage())) {
      throw VotingRule.NOT_STARTED.conflict(r.labelZh());
    }
    return r;
  }

  /** Box counts of a round. */
  @Transactional(readOnly = true)
  public List<BoxCount> boxCounts(long electionId, int roundNo) {
    election(electionId, Permission.VIEW);
    return repo.boxCounts(roundOf(electionId, roundNo).id());
  }

  /** The stacks of a round with their two entries. */
  @Transactional(readOnly = true)
  public List<Stack> stacks(long electionId, int roundNo) {
    election(electionId, Permission.VIEW);
    return repo.stacks(roundOf(electionId, roundNo).id());
  }

  /** The spec core decides a round with (the electorate's ballot counts as given). */
  RoundSpec spec(Election e, Round r, long issued, long returned) {
    Profile p = ctx.profile(e);
    List<Candidate> cands =
        r.candidates().stream().map(c -> Candidate.of(c.id(), c.name())).toList();
    return new RoundSpec(
        p,
        CheckInService.meeting(r.stage()),
        r.seats(),
        cands,
        CheckInService.electorateOf(p, r.expected(), r.present(), issued, returned),
        r.kind(),
        r.furtherRound(),
        Set.of());
  }

  /** The ballot rules of a round (write-ins do not count in a tie re-vote). */
  BallotRules rules(Election e, Round r) {
    return RoundEngine.ballotRules(spec(e, r, 0, 0));
  }

  /**
   * The count of a round (计票): the settled stacks (or, with {@code settledOnly == false}, every
   * stack whose entries agree so far is NOT included — only settled ones count) plus the aggregate
   * counts per box.
   */
  public record RoundTally(
      Tally tally, int settledStacks, int openStacks, List<String> unsettledZh) {}

  RoundTally tallyOf(Election e, Round r) {
    BallotRules rules = rules(e, r);
    int n = r.candidates().size();
    CompactBallots.Builder builder = CompactBallots.builder(n);
    int settled = 0;
    int open = 0;
    List<String> unsettled = new ArrayList<>();
    for (Stack s : repo.stacks(r.id())) {
      if (!s.settled()) {
        open++;
        unsettled.add("票箱「" + s.boxName() + "」第" + s.label() + "叠");
        continue;
      }
      settled++;
      for (Reading rd : StackCheck.finalReadings(repo, s)) {
        builder.add(BallotCodec.ballot(rd));
      }
    }
    for (VotingRepository.AggregateEntry a : repo.aggregateEntries(r.id())) {
      if (!a.confirmed()) {
        open++;
        unsettled.add(
            "票箱「"
                + repo.box(e.id(), a.sheet().boxId()).map(Box::name).orElse("")
                + "」汇总表（待另一名计票人录入第二遍）");
      }
    }
    BallotCount c = builder.build().count(rules);
    long valid = c.valid();
    long invalid = c.invalid();
    long[] yes = c.yes();
    long[] no = c.no();
    long[] abstain = c.abstain();
    Map<String, Long> writeIns = new LinkedHashMap<>(c.writeIns());
    for (VotingRepository.Aggregate a : repo.aggregates(r.id())) {
      valid += a.valid();
      invalid += a.invalid();
      Map<String, CandidateCount> m =
          VotingRepository.JSON.readValue(
              a.countsJson(), new TypeReference<Map<String, CandidateCount>>() {});
      for (int i = 0; i < n; i++) {
        CandidateCount cc = m.get(r.candidates().get(i).id());
        yes[i] += cc.yes();
        no[i] += cc.no();
        abstain[i] += cc.abstain();
      }
      Map<String, Long> w =
          VotingRepository.JSON.readValue(
              a.writeInsJson(), new TypeReference<Map<String, Long>>() {});
      w.forEach((k, v) -> writeIns.merge(k, v, Long::sum));
    }
    Map<String, CandidateCount> counts = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      counts.put(r.candidates().get(i).id(), new CandidateCount(yes[i], no[i], abstain[i]));
    }
    List<Candidate> cands =
        r.candidates().stream().map(x -> Candidate.of(x.id(), x.name())).toList();
    Tally t = Tally.ofCounts(cands, valid, invalid, counts, writeIns);
    return new RoundTally(t, settled, open, unsettled);
  }

  /** The live count of a round: settled stacks and aggregate counts only. */
  @Transactional(readOnly = true)
  public RoundTally liveTally(long electionId, int roundNo) {
    Election e = election(electionId, Permission.VIEW);
    return tallyOf(e, roundOf(electionId, roundNo));
  }

  /** The ballot layout of a round: title, instructions from the profile, stroke order, code. */
  @Transactional(readOnly = true)
  public BallotLayout layout(long electionId, int roundNo) {
    Election e = election(electionId, Permission.VIEW);
    Round r = roundOf(electionId, roundNo);
    Profile p = ctx.profile(e);
    boolean writeIn = p.flag(Param.WRITE_IN_ALLOWED) && r.kind() != RoundKind.TIE_REVOTE;
    List<String> lines = new ArrayList<>();
    lines.add("在候选人姓名后的赞成栏内画○，不赞成的画×，弃权的不画任何符号。");
    if (writeIn) {
      lines.add(
          p.flag(Param.WRITE_IN_REQUIRES_NO)
              ? "对候选人投不赞成票的，可以另选他人：在另选他人栏内写上其姓名并在赞成栏内画○。"
              : "可以另选他人：在另选他人栏内写上其姓名并在赞成栏内画○。");
      if ("VOID_BALLOT".equals(p.choice(Param.WRITE_IN_WITHOUT_MARK))) {
        lines.add("另选他人只写姓名、未画○的，整张选票无效。");
      }
    } else if (r.kind() == RoundKind.TIE_REVOTE) {
      lines.add("本次为再次投票，只在票数相等的候选人中进行，不能另选他人，以得票多的当选。");
    }
    lines.add(
        writeIn ? "所选人数（含另选他人）等于或少于应选人数的为有效票，多于应选人数的为无效票。" : "所选人数等于或少于应选人数的为有效票，多于应选人数的为无效票。");
    String title = e.organisationName() + r.post().labelZh() + "选举选票";
    // the vote's number within its own meeting (a plenum's first vote is 第1次, not the 3rd round)
    long within =
        rounds(electionId).stream()
            .filter(x -> x.stage() == r.stage() && x.number() <= r.number())
            .count();
    var w = e.kind().config().wording();
    String seal = w.hasElectionCommittee() ? w.electionCommittee() + "（盖章）" : "监票人（签名）";
    return new BallotLayout(
        title,
        r.seats(),
        "第" + within + "次投票 " + VotingModel.kindZh(r.kind()),
        lines,
        r.candidates().stream().map(CandidateRef::name).toList(),
        writeIn ? r.seats() : 0,
        r.code(),
        seal);
  }

  /** The ballot PDF of a round. */
  public byte[] ballotPdf(long electionId, int roundNo) {
    return BallotPdf.render(layout(electionId, roundNo)).pdf();
  }
}
