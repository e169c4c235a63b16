package xuanju.server.voting;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import xuanju.core.ballot.BallotCount;
import xuanju.core.ballot.BallotRules;
import xuanju.core.ballot.CompactBallots;
import xuanju.core.names.NameOrder;
import xuanju.core.outcome.Consent;
import xuanju.core.outcome.RoundEngine;
import xuanju.core.outcome.RoundKind;
import xuanju.core.outcome.RoundResult;
import xuanju.core.outcome.RoundSpec;
import xuanju.core.outcome.SeatOutcome;
import xuanju.core.profile.Param;
import xuanju.core.profile.Profile;
import xuanju.core.profile.Regime;
import xuanju.core.quorum.Electorate;
import xuanju.core.quorum.Meeting;
import xuanju.core.quorum.Quorum;
import xuanju.core.quorum.QuorumCheck;
import xuanju.core.rule.Decision;
import xuanju.core.rule.InvalidInputException;
import xuanju.core.rule.Step;
import xuanju.core.tally.Candidate;
import xuanju.core.tally.CandidateCount;
import xuanju.core.tally.Tally;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.audit.AuditLog;
import xuanju.server.documents.BallotLayout;
import xuanju.server.documents.BallotPdf;
import xuanju.server.election.Election;
import xuanju.server.election.ElectionService;
import xuanju.server.election.ElectionStatus;
import xuanju.server.nomination.NominationService;
import xuanju.server.voting.VotingModel.Box;
import xuanju.server.voting.VotingModel.BoxCount;
import xuanju.server.voting.VotingModel.CandidateRef;
import xuanju.server.voting.VotingModel.ConsentDto;
import xuanju.server.voting.VotingModel.OutcomeDto;
import xuanju.server.voting.VotingModel.Post;
import xuanju.server.voting.VotingModel.QuorumView;
import xuanju.server.voting.VotingModel.Reading;
import xuanju.server.voting.VotingModel.Round;
import xuanju.server.voting.VotingModel.RoundStatus;
import xuanju.server.voting.VotingModel.Stack;
import xuanju.server.voting.VotingModel.StageSummary;
import xuanju.server.voting.VotingModel.Station;
import xuanju.server.voting.VotingModel.StepDto;
import xuanju.server.voting.VotingModel.StoredDecision;
import xuanju.server.voting.VotingModel.Voter;

/**
 * Election day (选举大会): polling stations and boxes, check-in and the live quorum, the rounds with
 * their ballots, the decision of each round by core's {@link RoundEngine} and the rounds that
 * follow (再次投票, 另行选举, 减少名额), and the second stage (委员会第一次全体会议 electing 书记/副书记).
 *
 * <p>Stage 1 is the members' meeting (党员大会: 委员, or the secretary directly when the branch has no
 * committee); stage 2 the committee's first plenum. When the last stage is complete the election
 * stays in {@link ElectionStatus#VOTING} and {@link #readyForResults(long)} becomes true — the
 * results capability picks it up from there.
 */
@Service
public class VotingService {
  static final String HALL = "选举大会会场";
  static final String MAIN_BOX = "主票箱";

  private final VotingRepository repo;
  private final ElectionService elections;
  private final AccessService access;
  private final AuditLog audit;
  private final ElectorateSource electorate;
  private final NominationService nomination;
  private final Clock clock;

  public VotingService(
      VotingRepository repo,
      ElectionService elections,
      AccessService access,
      AuditLog audit,
      ElectorateSource electorate,
      NominationService nomination,
      Clock clock) {
    this.repo = repo;
    this.elections = elections;
    this.access = access;
    this.audit = audit;
    this.electorate = electorate;
    this.nomination = nomination;
    this.clock = clock;
  }

  private static String me() {
    return AccessService.currentUser();
  }

  private void log(Election e, String action, String summary) {
    audit.append(me(), action, "election:" + e.id(), summary);
  }

  private Election election(long id, Permission p) {
    return elections.get(id, p);
  }

  /** Whether the signed-in user holds {@code p} on the election's organisation. */
  public boolean can(Election e, Permission p) {
    return access.allowed(me(), AccessService.currentIsAdmin(), e.organisationId(), p);
  }

  // ============================================================================================
  // Stations and boxes (投票站与票箱)
  // ============================================================================================

  /** The stations with their boxes. */
  @Transactional(readOnly = true)
  public List<Station> stations(long electionId) {
    election(electionId, Permission.VIEW);
    return stationsOf(electionId);
  }

  private List<Station> stationsOf(long electionId) {
    List<Box> boxes = repo.boxes(electionId);
    return repo.stations(electionId).stream()
        .map(
            s ->
                new Station(
                    s.id(),
                    s.name(),
                    s.hall(),
                    boxes.stream().filter(b -> b.stationId() == s.id()).toList()))
        .toList();
  }

  private void ensureHall(Election e) {
    if (repo.stations(e.id()).isEmpty()) {
      long st = repo.insertStation(e.id(), HALL, true, clock.instant());
      repo.insertBox(e.id(), st, MAIN_BOX, false, List.of());
      log(e, "VOTING_STATION_ADDED", "设立投票站「" + HALL + "」及票箱「" + MAIN_BOX + "」");
    }
  }

  /** Adds a polling station (投票站) with one fixed box. Needs MANAGE. */
  @Transactional
  public long addStation(long electionId, String name) {
    Election e = election(electionId, Permission.MANAGE);
    ensureHall(e);
    String n = name == null ? "" : name.strip();
    if (n.isEmpty() || n.length() > 100) {
      throw new InvalidInputException("name", "投票站名称不能为空（最多100字）");
    }
    if (repo.stations(electionId).stream().anyMatch(s -> s.name().equals(n))) {
      throw new InvalidInputException("name", "已有同名投票站「" + n + "」");
    }
    long id = repo.insertStation(electionId, n, false, clock.instant());
    repo.insertBox(electionId, id, n + "票箱", false, List.of());
    log(e, "VOTING_STATION_ADDED", "设立投票站「" + n + "」及票箱「" + n + "票箱」");
    return id;
  }

  /**
   * Adds a box to a station; a mobile box (流动票箱) needs at least two staff (VOTING.BOX.MOBILE_STAFF)
   * and is not used in party elections (VOTING.BOX.MOBILE_PARTY). Needs MANAGE.
   */
  @Transactional
  public long addBox(
      long electionId, long stationId, String name, boolean mobile, List<String> staff) {
    Election e = election(electionId, Permission.MANAGE);
    ensureHall(e);
    if (repo.stations(electionId).stream().noneMatch(s -> s.id() == stationId)) {
      throw new InvalidInputException("stationId", "投票站不存在：" + stationId);
    }
    String n = name == null ? "" : name.strip();
    if (n.isEmpty() || n.length() > 100) {
      throw new InvalidInputException("name", "票箱名称不能为空（最多100字）");
    }
    if (repo.boxes(electionId).stream().anyMatch(b -> b.name().equals(n))) {
      throw new InvalidInputException("name", "已有同名票箱「" + n + "」");
    }
    List<String> people = staffNames(staff);
    if (mobile) {
      Regime r = elections.profile(e).regime();
      if (r == Regime.PARTY_GRASSROOTS || r == Regime.PARTY_LOCAL) {
        throw VotingRule.BOX_MOBILE_PARTY.invalid("mobile", "本次选举规则为" + r.name());
      }
      if (people.size() < 2) {
        throw VotingRule.BOX_MOBILE_STAFF.invalid("staff", "现有负责人员" + people.size() + "名");
      }
    }
    long id = repo.insertBox(electionId, stationId, n, mobile, people);
    log(
        e,
        "VOTING_BOX_ADDED",
        (mobile ? "设立流动票箱「" : "设立票箱「")
            + n
            + "」"
            + (people.isEmpty() ? "" : "，负责人员：" + String.join("、", people)));
    return id;
  }

  /**
   * The staff of a box, one person per entry as typed (a name is never split: 巴特尔·额尔敦 and 阿拉坦 其其格
   * are one person each). Blank entries are dropped, repeats kept once.
   */
  static List<String> staffNames(List<String> staff) {
    if (staff == null) {
      return List.of();
    }
    List<String> people = new ArrayList<>();
    for (int i = 0; i < staff.size(); i++) {
      String n = staff.get(i) == null ? "" : staff.get(i).strip();
      if (n.isEmpty() || people.contains(n)) {
        continue;
      }
      if (n.length() > 50 || n.indexOf('\n') >= 0 || n.indexOf('\r') >= 0) {
        throw new InvalidInputException("staff[" + i + "]", "负责人员姓名不能换行，最多50字：「" + n + "」");
      }
      people.add(n);
    }
    if (people.stream().mapToInt(n -> n.length() + 1).sum() > 500) {
      throw new InvalidInputException("staff", "负责人员过多（姓名合计不能超过500字）");
    }
    return people;
  }

  /** Seals a box in public (封箱) with its seal number. Needs COUNT. */
  @Transactional
  public void sealBox(long electionId, long boxId, String sealNumber, int version) {
    Election e = election(electionId, Permission.COUNT);
    Box b = box(electionId, boxId);
    String seal = sealNumber == null ? "" : sealNumber.strip();
    if (seal.isEmpty()) {
      throw new InvalidInputException("sealNumber", "请填写封条编号");
    }
    if (!repo.sealBox(boxId, version, seal, clock.instant())) {
      throw new IllegalStateException("票箱「" + b.name() + "」已被他人修改，请刷新页面后重试");
    }
    log(e, "VOTING_BOX_SEALED", "票箱「" + b.name() + "」当众查验后封箱，封条编号 " + seal);
  }

  /** Opens a sealed box for counting (开箱). Needs COUNT; refused before it was sealed. */
  @Transactional
  public void openBox(long electionId, long boxId, int version) {
    Election e = election(electionId, Permission.COUNT);
    Box b = box(electionId, boxId);
    if (b.sealedAt() == null) {
      throw VotingRule.BOX_SEAL_ORDER.conflict("票箱「" + b.name() + "」尚未封箱");
    }
    if (!repo.openBox(boxId, version, clock.instant())) {
      throw new IllegalStateException("票箱「" + b.name() + "」已被他人修改，请刷新页面后重试");
    }
    log(e, "VOTING_BOX_OPENED", "票箱「" + b.name() + "」开箱（封条 " + b.sealNumber() + "）");
  }

  /** Registers an eligible voter to vote in a mobile box (流动票箱登记册, BX-03). Needs MANAGE. */
  @Transactional
  public void registerBoxVoter(long electionId, long boxId, long memberId) {
    Election e = election(electionId, Permission.MANAGE);
    Box b = box(electionId, boxId);
    Voter v =
        electorate.eligibleVoters(e).stream()
            .filter(x -> x.memberId() != null && x.memberId() == memberId)
            .findFirst()
            .orElseThrow(
                () -> VotingRule.CHECKIN_NOT_ELIGIBLE.invalid("memberId", "成员 " + memberId));
    repo.registerVoter(boxId, memberId);
    log(e, "VOTING_BOX_VOTER_REGISTERED", v.name() + " 登记在「" + b.name() + "」投票");
  }

  private Box box(long electionId, long boxId) {
    return repo.box(electionId, boxId)
        .orElseThrow(() -> new InvalidInputException("boxId", "票箱不存在：" + boxId));
  }

  /** The box ballots come from when none is named: the hall's first box. */
  Box defaultBox(long electionId) {
    return repo.boxes(electionId).stream()
        .findFirst()
        .orElseThrow(() -> new InvalidInputException("boxId", "尚未设立票箱"));
  }

  Optional<Box> findBox(long electionId, long boxId) {
    return repo.box(electionId, boxId);
  }

  // ============================================================================================
  // Check-in and quorum (签到与到会人数)
  // ============================================================================================

  /** Everyone who may vote at the stage's meeting (stage 1 党员大会, stage 2 委员会全体会议). */
  @Transactional(readOnly = true)
  public List<Voter> voters(long electionId, int stage) {
    Election e = election(electionId, Permission.VIEW);
    return votersOf(e, stage);
  }

  private List<Voter> votersOf(Election e, int stage) {
    if (stage == 1) {
      return electorate.eligibleVoters(e);
    }
    Map<String, Voter> byKey = new HashMap<>();
    electorate.eligibleVoters(e).forEach(v -> byKey.put(v.key(), v));
    List<Voter> out = new ArrayList<>();
    for (Map.Entry<String, String> m : committee(e).entrySet()) {
      Voter v = byKey.get(m.getKey());
      out.add(v != null ? v : new Voter(m.getKey(), null, m.getValue(), ""));
    }
    return out;
  }

  /** A voter found by the check-in search, with whether they have checked in. */
  public record VoterHit(Voter voter, boolean checkedIn) {}

  /** Searches the stage's voters by name or ID number (at most 20). */
  @Transactional(readOnly = true)
  public List<VoterHit> search(long electionId, int stage, String q) {
    Election e = election(electionId, Permission.VIEW);
    String t = q == null ? "" : q.strip().toUpperCase(Locale.ROOT);
    Set<String> in =
        repo.checkins(electionId, stage).stream()
            .map(VotingRepository.Checkin::key)
            .collect(Collectors.toSet());
    return votersOf(e, stage).stream()
        .filter(
            v ->
                t.isEmpty()
                    || v.name().contains(t)
                    || (v.residentId() != null
                        && v.residentId().toUpperCase(Locale.ROOT).contains(t)))
        .limit(20)
        .map(v -> new VoterHit(v, in.contains(v.key())))
        .toList();
  }

  /** Checks a voter in (签到). Needs COUNT. Returns the new quorum view. */
  @Transactional
  public QuorumView checkIn(long electionId, int stage, String key) {
    Election e = election(electionId, Permission.COUNT);
    Voter v =
        votersOf(e, stage).stream()
            .filter(x -> x.key().equals(key))
            .findFirst()
            .orElseThrow(() -> VotingRule.CHECKIN_NOT_ELIGIBLE.invalid("key", key));
    if (!repo.checkedIn(electionId, stage, key)) {
      repo.insertCheckin(electionId, stage, key, v.name(), me(), clock.instant());
      log(e, "VOTING_CHECKIN", (stage == 1 ? "党员大会" : "委员会全体会议") + "签到：" + v.name());
    }
    return quorumOf(e, stage);
  }

  /** Undoes a check-in made by mistake, before the stage's voting begins. Needs COUNT. */
  @Transactional
  public QuorumView undoCheckIn(long electionId, int stage, String key) {
    Election e = election(electionId, Permission.COUNT);
    if (begun(electionId, stage)) {
      throw new IllegalStateException("投票已经开始，不能撤销签到");
    }
    if (repo.deleteCheckin(electionId, stage, key) > 0) {
      log(e, "VOTING_CHECKIN_UNDONE", "撤销签到：" + key);
    }
    return quorumOf(e, stage);
  }

  /** Who checked in, by name. */
  @Transactional(readOnly = true)
  public List<String> checkedIn(long electionId, int stage) {
    election(electionId, Permission.VIEW);
    return repo.checkins(electionId, stage).stream().map(VotingRepository.Checkin::name).toList();
  }

  /** The live quorum verdict of a stage's meeting (core {@code Quorum.check}). */
  @Transactional(readOnly = true)
  public QuorumView quorum(long electionId, int stage) {
    return quorumOf(election(electionId, Permission.VIEW), stage);
  }

  private long expectedOf(Election e, int stage) {
    return stage == 1 ? electorate.expected(e) : committee(e).size();
  }

  private QuorumView quorumOf(Election e, int stage) {
    long expected = expectedOf(e, stage);
    long present = repo.countCheckins(e.id(), stage);
    String expectedZh = stage == 1 ? electorate.expectedZh(e) : "应到会委员为第一阶段当选的委员" + expected + "人";
    if (expected == 0) {
      return new QuorumView(stage, 0, present, false, 1, "", "应到会人数为0，无法判断到会人数", expectedZh);
    }
    Profile p = elections.profile(e);
    Decision<QuorumCheck> d =
        Quorum.check(p, meeting(stage), electorateOf(p, expected, present, present, present));
    Step s = d.trail().get(d.trail().size() - 1);
    return new QuorumView(
        stage,
        expected,
        present,
        d.outcome().met(),
        d.outcome().minimum(),
        s.code(),
        s.explanationZh(),
        expectedZh);
  }

  private static Meeting meeting(int stage) {
    return stage == 2 ? Meeting.PLENUM : Meeting.ELECTORAL;
  }

  static Electorate electorateOf(
      Profile p, long expected, long present, long issued, long returned) {
    return switch (p.regime()) {
      case PARTY_GRASSROOTS, PARTY_LOCAL -> Electorate.party(expected, present, issued, returned);
      case PEOPLES_CONGRESS_INDIRECT -> Electorate.indirect(expected, present, issued, returned);
      default -> Electorate.direct(expected, issued, returned);
    };
  }

  // ============================================================================================
  // State and stages (进度)
  // ============================================================================================

  private VotingRepository.State state(long electionId) {
    return repo.state(electionId).orElse(new VotingRepository.State(null, null, null, false, 0));
  }

  private void ensureState(long electionId) {
    if (repo.state(electionId).isEmpty()) {
      repo.insertState(electionId);
    }
  }

  /** Whether the stage's voting has begun (ballots may be issued and entered). */
  public boolean begun(long electionId, int stage) {
    VotingRepository.State s = state(electionId);
    return stage == 1 ? s.firstBegunAt() != null : s.secondBegunAt() != null;
  }

  /** Whether the second stage has been opened (its rounds exist). */
  @Transactional(readOnly = true)
  public boolean secondStageOpened(long electionId) {
    election(electionId, Permission.VIEW);
    return state(electionId).secondOpenedAt() != null;
  }

  /**
   * Whether every stage is complete (选举结果已产生，可报上级): the flag the results capability picks up. The
   * election stays in {@code VOTING} until results are submitted.
   */
  @Transactional(readOnly = true)
  public boolean readyForResults(long electionId) {
    election(electionId, Permission.VIEW);
    return state(electionId).readyForResults();
  }

  // ============================================================================================
  // Rounds (投票轮次)
  // ============================================================================================

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
    ensureHall(e);
    ensureState(electionId);
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

  private Round createRound(
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
    int expected = (int) expectedOf(e, stage);
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
    Election e = election(electionId, Permission.MANAGE);
    List<Round> rounds = repo.rounds(electionId).stream().filter(r -> r.stage() == stage).toList();
    if (rounds.isEmpty()) {
      throw new IllegalStateException(stage == 1 ? "请先填写正式候选人并生成选票" : "请先召开委员会全体会议并确定书记、副书记候选人");
    }
    if (begun(electionId, stage)) {
      throw new IllegalStateException("本阶段投票已经开始");
    }
    QuorumView q = quorumOf(e, stage);
    Regime regime = elections.profile(e).regime();
    boolean party = regime == Regime.PARTY_GRASSROOTS || regime == Regime.PARTY_LOCAL;
    if ((party || regime == Regime.PEOPLES_CONGRESS_INDIRECT) && !q.met()) {
      throw VotingRule.START_QUORUM.conflict(q.code() + "：" + q.explanationZh());
    }
    ensureState(electionId);
    if (stage == 1) {
      elections.transition(
          electionId,
          expectedVersion,
          Permission.MANAGE,
          Set.of(ElectionStatus.CANDIDATES_APPROVED),
          ElectionStatus.VOTING,
          "VOTING_STARTED",
          "选举大会开始投票：应到会" + q.expected() + "人，实到会" + q.present() + "人（" + q.code() + "）");
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

  /** Records ballots issued, returned and spoiled for one box (发出、收回、作废). Needs COUNT. */
  @Transactional
  public void recordBoxCount(
      long electionId, int roundNo, long boxId, int issued, int returned, int spoiled) {
    Election e = election(electionId, Permission.COUNT);
    Round r = openRound(electionId, roundNo);
    Box b = box(electionId, boxId);
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
    if (!begun(electionId, r.stage())) {
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
    Profile p = elections.profile(e);
    List<Candidate> cands =
        r.candidates().stream().map(c -> Candidate.of(c.id(), c.name())).toList();
    return new RoundSpec(
        p,
        meeting(r.stage()),
        r.seats(),
        cands,
        electorateOf(p, r.expected(), r.present(), issued, returned),
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

  /**
   * Decides a round (判定): box counts recorded, every stack settled, then core {@code
   * RoundEngine.decide}; stores the decision with its trail. Needs MANAGE.
   */
  @Transactional
  public StoredDecision decide(long electionId, int roundNo, int expectedVersion) {
    Election e = election(electionId, Permission.MANAGE);
    Round r = openRound(electionId, roundNo);
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
    RoundTally rt = tallyOf(e, r);
    if (rt.openStacks() > 0) {
      throw VotingRule.COUNT_UNSETTLED.conflict("尚未核对认定：" + String.join("、", rt.unsettledZh()));
    }
    long issued = counts.stream().mapToLong(BoxCount::issued).sum();
    long returned = counts.stream().mapToLong(BoxCount::returned).sum();
    RoundSpec spec = spec(e, r, issued, returned);
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
    checkReady(e);
    return sd;
  }

  /** The stored decision of a decided round, or empty. */
  public Optional<StoredDecision> decisionOf(Round r) {
    if (r.decisionJson() == null) {
      return Optional.empty();
    }
    return Optional.of(VotingRepository.JSON.readValue(r.decisionJson(), StoredDecision.class));
  }

  private StoredDecision stored(
      Round r, Decision<RoundResult> d, Electorate el, Tally t, ConsentDto consent) {
    Map<String, String> names = new HashMap<>();
    r.candidates().forEach(c -> names.put(c.id(), c.name()));
    List<OutcomeDto> outs = new ArrayList<>();
    for (SeatOutcome o : d.outcome().outcomes()) {
      outs.add(outcome(o, names));
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

  private static String names(List<String> ids, Map<String, String> names) {
    return ids.stream().map(id -> names.getOrDefault(id, id)).collect(Collectors.joining("、"));
  }

  private static OutcomeDto outcome(SeatOutcome o, Map<String, String> names) {
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

  /** Recomputes the core decision of a decided round from its stored data (deterministic). */
  private Decision<RoundResult> coreDecision(Election e, Round r, RoundSpec spec) {
    Decision<RoundResult> d = RoundEngine.decide(spec, tallyOf(e, r).tally());
    StoredDecision sd = decisionOf(r).orElseThrow();
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
    StoredDecision sd = decisionOf(r).orElseThrow();
    return spec(e, r, sd.issued(), sd.returned());
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
    Round r = roundOf(electionId, roundNo);
    StoredDecision sd =
        decisionOf(r).orElseThrow(() -> new IllegalStateException(r.labelZh() + "尚未判定"));
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
    return createRound(
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
    Round r = roundOf(electionId, roundNo);
    StoredDecision sd =
        decisionOf(r).orElseThrow(() -> new IllegalStateException(r.labelZh() + "尚未判定"));
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
    Decision<RoundResult> d = RoundEngine.decide(spec, tallyOf(e, r).tally());
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
            tallyOf(e, r).tally(),
            new ConsentDto(index, agreed, electors, recordZh));
    if (!repo.storeDecision(r.id(), r.version(), VotingRepository.JSON.writeValueAsString(nsd))) {
      throw new IllegalStateException("本轮已被他人修改，请刷新页面后重试");
    }
    log(
        e,
        "VOTING_SEATS_REDUCED",
        r.labelZh() + "：" + last.explanationZh() + "（" + last.code() + "）");
    checkReady(e);
    return nsd;
  }

  // ============================================================================================
  // Stage results, second stage, portfolios (阶段结果、委员会全体会议、委员分工)
  // ============================================================================================

  private int seatsOf(Election e, Post post) {
    return switch (post) {
      case MEMBERS -> e.seats();
      case SECRETARY -> e.hasCommittee() ? e.secretarySeats() : e.seats();
      case DEPUTY -> e.deputySeats();
    };
  }

  /** The results of each stage and post so far. */
  @Transactional(readOnly = true)
  public List<StageSummary> summaries(long electionId) {
    Election e = election(electionId, Permission.VIEW);
    return summariesOf(e);
  }

  private List<StageSummary> summariesOf(Election e) {
    List<Round> rounds = repo.rounds(e.id());
    List<StageSummary> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Round r : rounds) {
      seen.add(r.stage() + ":" + r.post());
    }
    for (String key : seen) {
      int stage = Integer.parseInt(key.substring(0, 1));
      Post post = Post.valueOf(key.substring(2));
      out.add(summary(e, rounds, stage, post));
    }
    return out;
  }

  private StageSummary summary(Election e, List<Round> all, int stage, Post post) {
    List<Round> rounds = all.stream().filter(r -> r.stage() == stage && r.post() == post).toList();
    List<String> elected = new ArrayList<>();
    int vacant = 0;
    int reduced = 0;
    List<String> pending = new ArrayList<>();
    for (Round r : rounds) {
      Map<String, String> names = new HashMap<>();
      r.candidates().forEach(c -> names.put(c.id(), c.name()));
      Optional<StoredDecision> sd = decisionOf(r);
      if (sd.isEmpty()) {
        pending.add(r.labelZh() + "尚未判定");
        continue;
      }
      List<OutcomeDto> outs = sd.get().outcomes();
      for (int i = 0; i < outs.size(); i++) {
        OutcomeDto o = outs.get(i);
        switch (o.type()) {
          case "Elected" -> o.ids().forEach(id -> elected.add(names.getOrDefault(id, id)));
          case "Vacancy" -> vacant += o.seats();
          case "SeatsReduced" -> reduced += o.seats();
          default -> {
            final int idx = i;
            boolean handled =
                all.stream()
                    .anyMatch(
                        x ->
                            Long.valueOf(r.id()).equals(x.parentRoundId())
                                && Integer.valueOf(idx).equals(x.parentOutcome()));
            if (!handled) {
              pending.add(r.labelZh() + "：" + o.textZh());
            }
          }
        }
      }
    }
    int seats = seatsOf(e, post);
    boolean complete = pending.isEmpty() && elected.size() + vacant + reduced == seats;
    return new StageSummary(stage, post, seats, elected, vacant, reduced, complete, pending);
  }

  private boolean stageComplete(Election e, int stage) {
    List<StageSummary> s = summariesOf(e).stream().filter(x -> x.stage() == stage).toList();
    return !s.isEmpty() && s.stream().allMatch(StageSummary::complete);
  }

  /** The new committee (stage-1 elected members), key → name. */
  private Map<String, String> committee(Election e) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Round r : repo.rounds(e.id())) {
      if (r.stage() != 1) {
        continue;
      }
      Map<String, String> names = new HashMap<>();
      r.candidates().forEach(c -> names.put(c.id(), c.name()));
      decisionOf(r)
          .ifPresent(
              sd ->
                  sd.outcomes().stream()
                      .filter(o -> o.type().equals("Elected"))
                      .forEach(
                          o -> o.ids().forEach(id -> out.put(id, names.getOrDefault(id, id)))));
    }
    return out;
  }

  /** The new committee's members, by name. */
  @Transactional(readOnly = true)
  public List<String> committeeMembers(long electionId) {
    return List.copyOf(committee(election(electionId, Permission.VIEW)).values());
  }

  /**
   * The new committee's members as records (key → name, in order of election), for forms that
   * choose among them by key.
   */
  @Transactional(readOnly = true)
  public Map<String, String> committeeByKey(long electionId) {
    return Collections.unmodifiableMap(committee(election(electionId, Permission.VIEW)));
  }

  /**
   * Opens the committee's first plenum (委员会第一次全体会议): its roster is the elected members; it elects
   * the secretary and the deputies (等额 allowed). The candidates are committee members given by
   * their key ({@code m12}, as in {@link #committeeByKey}); a whole name is accepted when exactly
   * one committee member has it. Refused before stage 1 is complete
   * (VOTING.SECOND_STAGE.FIRST_UNDECIDED) or without a committee. Needs MANAGE.
   */
  @Transactional
  public List<Round> openSecondStage(
      long electionId, List<String> secretaryCandidates, List<String> deputyCandidates) {
    Election e = election(electionId, Permission.MANAGE);
    Regime regime = elections.profile(e).regime();
    if (!e.hasCommittee() || (regime != Regime.PARTY_GRASSROOTS && regime != Regime.PARTY_LOCAL)) {
      throw VotingRule.SECOND_STAGE_NO_COMMITTEE.conflict("");
    }
    if (!stageComplete(e, 1)) {
      List<String> pending =
          summariesOf(e).stream()
              .filter(s -> s.stage() == 1)
              .flatMap(s -> s.pendingZh().stream())
              .toList();
      throw VotingRule.SECOND_STAGE_FIRST_UNDECIDED.conflict(
          pending.isEmpty() ? "第一阶段尚未投票" : String.join("；", pending));
    }
    if (state(electionId).secondOpenedAt() != null) {
      throw new IllegalStateException("委员会全体会议已经召开");
    }
    Map<String, String> committee = committee(e);
    List<CandidateRef> sec =
        officers(committee, secretaryCandidates, "secretaryCandidates", seatsOf(e, Post.SECRETARY));
    List<CandidateRef> dep =
        e.deputySeats() > 0
            ? officers(committee, deputyCandidates, "deputyCandidates", e.deputySeats())
            : List.of();
    ensureState(electionId);
    repo.setState(electionId, "second_opened_at", clock.instant());
    log(
        e,
        "VOTING_STAGE2_OPENED",
        "召开委员会第一次全体会议，应到会委员" + committee.size() + "人：" + String.join("、", committee.values()));
    List<Round> out = new ArrayList<>();
    out.add(
        createRound(
            e, 2, Post.SECRETARY, RoundKind.FIRST, 0, seatsOf(e, Post.SECRETARY), sec, null, null));
    if (!dep.isEmpty()) {
      out.add(createRound(e, 2, Post.DEPUTY, RoundKind.FIRST, 0, e.deputySeats(), dep, null, null));
    }
    return out;
  }

  private static List<CandidateRef> officers(
      Map<String, String> committee, List<String> chosen, String field, int seats) {
    Set<String> keys = new LinkedHashSet<>();
    if (chosen != null) {
      for (String c : chosen) {
        if (c != null && !c.isBlank()) {
          keys.add(
              committeeKey(
                  committee, c, field, () -> VotingRule.OFFICERS_NOT_MEMBER.invalid(field, c)));
        }
      }
    }
    List<CandidateRef> out = new ArrayList<>();
    for (String key : keys) {
      out.add(
          new CandidateRef(
              key, committee.get(key), key.startsWith("m") ? parseLong(key.substring(1)) : null));
    }
    if (out.size() < seats) {
      throw VotingRule.OFFICERS_TOO_FEW.invalid(field, "候选人" + out.size() + "名，应选" + seats + "名");
    }
    return out;
  }

  /**
   * The committee member a form or caller chose: by key; else by the whole name (never split) when
   * exactly one member has it. Two members of the same name must be chosen by key.
   */
  private static String committeeKey(
      Map<String, String> committee,
      String chosen,
      String field,
      Supplier<InvalidInputException> notMember) {
    if (committee.containsKey(chosen)) {
      return chosen;
    }
    String name = chosen.strip();
    List<String> same =
        committee.entrySet().stream()
            .filter(x -> x.getValue().equals(name))
            .map(Map.Entry::getKey)
            .toList();
    if (same.size() > 1) {
      throw new InvalidInputException(
          field, "新当选的委员中有" + same.size() + "名「" + name + "」，请在名单中勾选（按名册记录选择）");
    }
    if (same.isEmpty()) {
      throw notMember.get();
    }
    return same.get(0);
  }

  private static Long parseLong(String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * Records a committee member's portfolio (委员分工, e.g. 组织委员), the member given by key (or by a
   * whole name that exactly one committee member has). Needs MANAGE.
   */
  @Transactional
  public void recordPortfolio(long electionId, String member, String portfolio) {
    Election e = election(electionId, Permission.MANAGE);
    String chosen = member == null ? "" : member;
    String p = portfolio == null ? "" : portfolio.strip();
    Map<String, String> committee = committee(e);
    String key =
        committeeKey(
            committee,
            chosen,
            "member",
            () -> VotingRule.PORTFOLIO_NOT_MEMBER.invalid("member", chosen.strip()));
    String n = committee.get(key);
    if (p.isEmpty() || p.length() > 100) {
      throw new InvalidInputException("portfolio", "请填写分工（如 组织委员、宣传委员、纪检委员）");
    }
    repo.putPortfolio(electionId, n, p, me());
    log(e, "VOTING_PORTFOLIO", "委员分工：" + n + " 任 " + p);
  }

  /** The recorded portfolios, name → portfolio. */
  @Transactional(readOnly = true)
  public Map<String, String> portfolios(long electionId) {
    election(electionId, Permission.VIEW);
    Map<String, String> m = new LinkedHashMap<>();
    repo.portfolios(electionId).forEach(p -> m.put(p.name(), p.portfolio()));
    return m;
  }

  private void checkReady(Election e) {
    VotingRepository.State s = state(e.id());
    if (s.readyForResults()) {
      return;
    }
    boolean ready =
        e.hasCommittee() && s.secondOpenedAt() != null
            ? stageComplete(e, 2)
            : !e.hasCommittee() && stageComplete(e, 1);
    if (ready) {
      repo.setReady(e.id());
      log(e, "VOTING_READY_FOR_RESULTS", "选举大会各项投票均已产生结果，可以整理选举结果报上级");
    }
  }

  // ============================================================================================
  // Ballot document (选票)
  // ============================================================================================

  /** The ballot layout of a round: title, instructions from the profile, stroke order, code. */
  @Transactional(readOnly = true)
  public BallotLayout layout(long electionId, int roundNo) {
    Election e = election(electionId, Permission.VIEW);
    Round r = roundOf(electionId, roundNo);
    Profile p = elections.profile(e);
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
    lines.add("所选人数（含另选他人）等于或少于应选人数的为有效票，多于应选人数的为无效票。");
    String title = e.organisationName() + r.post().labelZh() + "选举选票";
    return new BallotLayout(
        title,
        r.seats(),
        "第" + r.number() + "轮 " + VotingModel.kindZh(r.kind()),
        lines,
        r.candidates().stream().map(CandidateRef::name).toList(),
        writeIn ? r.seats() : 0,
        r.code(),
        null);
  }

  /** The ballot PDF of a round. */
  public byte[] ballotPdf(long electionId, int roundNo) {
    return BallotPdf.render(layout(electionId, roundNo)).pdf();
  }

  /** Throws unless the user may settle differences (SCRUTINISE). */
  void requireScrutineer(Election e) {
    if (!can(e, Permission.SCRUTINISE)) {
      throw new AccessDeniedException("无权" + Permission.SCRUTINISE.labelZh() + "该组织的数据");
    }
  }

  Election electionFor(long id, Permission p) {
    return election(id, p);
  }

  VotingRepository repo() {
    return repo;
  }

  AuditLog audit() {
    return audit;
  }

  Clock clock() {
    return clock;
  }
}
