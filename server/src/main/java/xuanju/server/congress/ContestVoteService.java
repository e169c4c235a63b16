package xuanju.server.congress;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.core.outcome.RoundEngine;
import xuanju.core.outcome.RoundKind;
import xuanju.core.outcome.RoundResult;
import xuanju.core.outcome.RoundSpec;
import xuanju.core.quorum.Electorate;
import xuanju.core.quorum.Meeting;
import xuanju.core.rule.Decision;
import xuanju.core.rule.InvalidInputException;
import xuanju.core.tally.Candidate;
import xuanju.core.tally.CandidateCount;
import xuanju.core.tally.Tally;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.audit.AuditLog;
import xuanju.server.election.Election;
import xuanju.server.election.ElectionService;

/**
 * The votes of one contest on election day (各选区的投票与计票): opening the first vote from the published
 * formal list, the ballots of each box ({@link #recordBox}), each station's tally sheet entered
 * twice by two clerks ({@link TallySheets}), and the decision by core {@link RoundEngine} once
 * every box of the contest is counted: turnout over half of the registered voters, winners over
 * half of the ballots, ties, 另行选举 with its lawful candidates and the one-third rule, vacancy. The
 * next vote the decision calls for is opened at once; an invalid vote (turnout not met) is re-run
 * on the committee's order.
 */
@Service
public class ContestVoteService {
  private final PollingRepository repo;
  private final PollingService polling;
  private final CountyDistrictService contests;
  private final DeputyNominationRepository nominations;
  private final ElectionService elections;
  private final AuditLog audit;
  private final Clock clock;

  ContestVoteService(
      PollingRepository repo,
      PollingService polling,
      CountyDistrictService contests,
      DeputyNominationRepository nominations,
      ElectionService elections,
      AuditLog audit,
      Clock clock) {
    this.repo = repo;
    this.polling = polling;
    this.contests = contests;
    this.nominations = nominations;
    this.elections = elections;
    this.audit = audit;
    this.clock = clock;
  }

  /** A contest's votes so far with the names printed on their ballots. */
  public record ContestDay(
      ContestArea area,
      List<CongressRound> rounds,
      Map<Long, String> names,
      List<PollingRepository.Station> stations,
      Map<Long, PollingRepository.BoxCount> boxes,
      Map<Long, List<PollingRepository.SheetEntry>> sheets,
      boolean listPublished) {
    public Optional<CongressRound> current() {
      return rounds.isEmpty() ? Optional.empty() : Optional.of(rounds.get(rounds.size() - 1));
    }

    /** The names of the current vote's ballot, in ballot order. */
    public List<String> ballotNames() {
      return current()
          .map(r -> r.candidateIds().stream().map(names::get).toList())
          .orElse(List.of());
    }

    /** Whether a station's sheet was entered twice with the same numbers. */
    public boolean confirmed(long stationId) {
      return TallySheets.confirmed(sheets.get(stationId));
    }

    /** Everyone elected in the contest so far, by name. */
    public List<String> electedNames() {
      List<String> out = new ArrayList<>();
      for (CongressRound r : rounds) {
        r.elected().forEach(x -> out.add(nameOf(x, names)));
      }
      return out;
    }
  }

  static String nameOf(String elected, Map<Long, String> names) {
    return elected.startsWith(WRITE_IN)
        ? elected.substring(WRITE_IN.length())
        : names.get(Long.valueOf(elected));
  }

  static final String WRITE_IN = "另选:";

  @Transactional(readOnly = true)
  public ContestDay day(long electionId, long districtId, ContestLevel level) {
    polling.election(electionId, Permission.VIEW);
    return day(contests.area(electionId, districtId, level));
  }

  ContestDay day(ContestArea a) {
    List<CongressRound> rounds = repo.rounds(a.homeDistrictId(), a.level());
    List<Long> ids = new ArrayList<>();
    rounds.forEach(r -> ids.addAll(r.candidateIds()));
    CongressRound cur = rounds.isEmpty() ? null : rounds.get(rounds.size() - 1);
    return new ContestDay(
        a,
        rounds,
        repo.nomineeNames(ids.stream().distinct().toList()),
        repo.stations(a.districtIds()),
        cur == null ? Map.of() : repo.boxCounts(cur.id()),
        cur == null ? Map.of() : repo.sheetEntries(cur.id()),
        nominations.formalList(a.homeDistrictId(), a.level()).isPresent());
  }

  /**
   * Opens the contest's first vote (MANAGE) from its published formal list, in the list's order,
   * and fixes its registered voters (the published voter list of its districts).
   */
  @Transactional
  public long openFirst(long electionId, long districtId, ContestLevel level) {
    Election e = polling.election(electionId, Permission.MANAGE);
    ContestArea a = contests.area(electionId, districtId, level);
    if (nominations.formalList(a.homeDistrictId(), level).isEmpty()) {
      throw new IllegalStateException(a.titleZh() + "尚未公布正式代表候选人名单，不能开始投票");
    }
    if (!repo.rounds(a.homeDistrictId(), level).isEmpty()) {
      throw new IllegalStateException(a.titleZh() + "的投票已经开始");
    }
    List<Long> ballot = ballotOrder(a);
    long registered = repo.registered(a.districtIds());
    String user = AccessService.currentUser();
    long id =
        repo.openRound(
            e.id(),
            a.homeDistrictId(),
            level,
            1,
            RoundKind.FIRST,
            0,
            a.seats(),
            ballot,
            registered,
            user,
            clock.instant());
    audit.append(
        user,
        "CONTEST_VOTE_OPENED",
        "district:" + a.homeDistrictId(),
        a.titleZh()
            + "开始第一次投票：应选"
            + a.seats()
            + "名，正式代表候选人"
            + ballot.size()
            + "名，登记选民"
            + registered
            + "人");
    return id;
  }

  /** The formal candidates in the printed list's order (姓氏笔画, or 预选 votes). */
  private List<Long> ballotOrder(ContestArea a) {
    Set<Long> formal = nominations.formalIds(a.homeDistrictId(), a.level());
    List<DeputyNomination> all = nominations.ofDistrict(a.homeDistrictId(), a.level());
    List<DeputyNomination> on = new ArrayList<>();
    Set<String> seen = new java.util.HashSet<>();
    for (DeputyNomination n : all) {
      if (formal.contains(n.id()) && seen.add(n.nomineeId())) {
        on.add(n);
      }
    }
    var strokes = xuanju.core.names.NameOrder.surnameStrokes();
    java.util.Comparator<DeputyNomination> byStrokes =
        java.util.Comparator.comparing((DeputyNomination n) -> strokes.sortKey(n.nomineeName()))
            .thenComparing(DeputyNomination::nomineeId);
    boolean pre = on.stream().allMatch(n -> n.preselectionVotes() != null);
    on.sort(
        pre
            ? java.util.Comparator.comparing(
                    (DeputyNomination n) -> -n.preselectionVotes().longValue())
                .thenComparing(byStrokes)
            : byStrokes);
    return on.stream().map(DeputyNomination::id).toList();
  }

  /**
   * Records the ballots of one box in the contest's current vote (COUNT): issued, returned (taken
   * from the box) and spoiled (exchanged). More returned than issued is refused; a difference needs
   * the written explanation.
   */
  @Transactional
  public void recordBox(
      long electionId,
      long roundId,
      long stationId,
      Integer issued,
      Integer returned,
      Integer spoiled,
      String explanation) {
    polling.election(electionId, Permission.COUNT);
    CongressRound r = openRound(electionId, roundId);
    PollingRepository.Station s = stationOf(electionId, r, stationId);
    if (issued == null || returned == null || issued < 0 || returned < 0) {
      throw new InvalidInputException("issued", s.name() + "：发出和收回的选票数应为不小于0的整数");
    }
    int sp = spoiled == null ? 0 : spoiled;
    if (sp < 0) {
      throw new InvalidInputException("spoiled", s.name() + "：作废换领的选票数不能为负数");
    }
    if (returned > issued) {
      throw new InvalidInputException(
          "returned",
          PollingRule.RETURNED_OVER_ISSUED.refuse(
              s.name() + "收回选票" + returned + "张，多于发出的" + issued + "张"));
    }
    String why = explanation == null ? "" : explanation.strip();
    if (returned < issued && why.isEmpty()) {
      throw new InvalidInputException(
          "explanation",
          PollingRule.DIFFERENCE_EXPLAINED.refuse(
              s.name()
                  + "发出选票"
                  + issued
                  + "张，收回"
                  + returned
                  + "张，相差"
                  + (issued - returned)
                  + "张，未作说明"));
    }
    lockOpen(roundId);
    if (repo.sheetEntries(roundId).containsKey(stationId)) {
      throw new IllegalStateException(s.name() + "的计票单已开始录入，不能再修改选票核对数");
    }
    String user = AccessService.currentUser();
    repo.saveBoxCount(
        roundId,
        new PollingRepository.BoxCount(stationId, issued, returned, sp, why),
        user,
        clock.instant());
    audit.append(
        user,
        "BOX_COUNT_RECORDED",
        "station:" + stationId,
        s.name()
            + "（"
            + r.level().labelZh()
            + r.kindZh()
            + "）发出选票"
            + issued
            + "张，收回"
            + returned
            + "张，作废换领"
            + sp
            + "张"
            + (why.isEmpty() ? "" : "；说明：" + why));
  }

  /** The vote, which must still be open. */
  CongressRound openRound(long electionId, long roundId) {
    CongressRound r =
        repo.round(electionId, roundId)
            .orElseThrow(() -> new InvalidInputException("roundId", "本选举没有这次投票"));
    if (r.decided()) {
      throw new IllegalStateException("这次投票的结果已经确定，不能再修改");
    }
    return r;
  }

  /**
   * Locks the vote for the rest of the transaction (see {@link PollingRepository#lock}) and checks
   * that it is still open: changes to one vote are made one after another.
   */
  void lockOpen(long roundId) {
    repo.lock(roundId);
    if (repo.decided(roundId)) {
      throw new IllegalStateException("这次投票的结果已经确定，不能再修改");
    }
  }

  PollingRepository.Station stationOf(long electionId, CongressRound r, long stationId) {
    ContestArea a = contests.area(electionId, r.homeDistrictId(), r.level());
    return repo.stations(a.districtIds()).stream()
        .filter(x -> x.id() == stationId)
        .findFirst()
        .orElseThrow(() -> new InvalidInputException("stationId", "这个投票站不属于" + a.titleZh()));
  }

  /**
   * Decides the contest's current vote (MANAGE) once every box has its ballots reconciled and its
   * tally sheet confirmed, and opens the next vote the decision calls for (另行选举, 再次投票, or the same
   * vote again when it was void).
   */
  @Transactional
  public Decision<RoundResult> decide(long electionId, long roundId) {
    Election e = polling.election(electionId, Permission.MANAGE);
    CongressRound r = openRound(electionId, roundId);
    lockOpen(roundId);
    r = openRound(electionId, roundId);
    ContestArea a = contests.area(electionId, r.homeDistrictId(), r.level());
    List<PollingRepository.Station> stations = repo.stations(a.districtIds());
    Map<Long, PollingRepository.BoxCount> boxes = repo.boxCounts(roundId);
    Map<Long, List<PollingRepository.SheetEntry>> sheets = repo.sheetEntries(roundId);
    List<String> missing = new ArrayList<>();
    for (PollingRepository.Station s : stations) {
      if (!boxes.containsKey(s.id()) || !TallySheets.confirmed(sheets.get(s.id()))) {
        missing.add(s.name());
      }
    }
    if (stations.isEmpty() || !missing.isEmpty()) {
      throw new IllegalStateException(
          PollingRule.NOT_ALL_COUNTED.refuse(
              stations.isEmpty()
                  ? a.titleZh() + "没有投票站"
                  : "尚未核对或确认计票单：" + String.join("、", missing)));
    }
    Map<Long, String> names = repo.nomineeNames(r.candidateIds());
    List<Candidate> cands =
        r.candidateIds().stream()
            .map(id -> Candidate.of(String.valueOf(id), names.get(id)))
            .toList();
    long issued = 0;
    long returned = 0;
    for (PollingRepository.BoxCount b : boxes.values()) {
      issued += b.issued();
      returned += b.returned();
    }
    TallySheets.Sum sum = TallySheets.sum(cands.size(), stations, sheets);
    Map<String, CandidateCount> counts = new LinkedHashMap<>();
    for (int i = 0; i < cands.size(); i++) {
      long yes = sum.yes()[i];
      long no = sum.no()[i];
      counts.put(cands.get(i).id(), new CandidateCount(yes, no, sum.valid() - yes - no));
    }
    Tally tally = Tally.ofCounts(cands, sum.valid(), sum.invalid(), counts, sum.writeIns());
    RoundSpec spec =
        new RoundSpec(
            elections.profile(e),
            Meeting.ELECTORAL,
            r.seats(),
            cands,
            Electorate.direct(r.registered(), issued, returned),
            r.kind(),
            r.furtherRound(),
            Set.of());
    Decision<RoundResult> d = RoundEngine.decide(spec, tally);
    List<String> elected = new ArrayList<>();
    for (String id : d.outcome().electedIds()) {
      elected.add(id.chars().allMatch(Character::isDigit) ? id : WRITE_IN + id);
    }
    Map<String, String> byId = new LinkedHashMap<>();
    cands.forEach(c -> byId.put(c.id(), c.name()));
    String outcome =
        d.outcome().outcomes().stream()
            .map(o -> OutcomeWords.say(o, byId))
            .collect(Collectors.joining("；"));
    String trail =
        d.trail().stream()
            .map(
                s ->
                    s.code()
                        + "|"
                        + (s.passed() ? 1 : 0)
                        + "|"
                        + s.explanationZh().replace('\n', ' '))
            .collect(Collectors.joining("\n"));
    String user = AccessService.currentUser();
    boolean last = d.outcome().isFinal();
    if (!repo.decide(roundId, r.version(), outcome, elected, trail, last, user, clock.instant())) {
      throw new IllegalStateException("这次投票已被他人确定结果，请刷新页面");
    }
    audit.append(
        user,
        "CONTEST_VOTE_DECIDED",
        "district:" + a.homeDistrictId(),
        a.titleZh()
            + r.kindZh()
            + "："
            + outcome
            + "（登记选民"
            + r.registered()
            + "人，收回选票"
            + returned
            + "张）");
    Optional<RoundSpec> next = RoundEngine.nextRound(spec, d);
    if (next.isPresent()) {
      RoundSpec n = next.get();
      open(
          e,
          a,
          r.number() + 1,
          n.kind(),
          n.furtherRound(),
          n.seats(),
          n.candidates().stream().map(c -> Long.valueOf(c.id())).toList(),
          r.registered(),
          user);
    }
    return d;
  }

  /**
   * Orders the vote held again (MANAGE) after a vote found invalid because fewer than half of the
   * registered voters voted (选举法第四十五条), with the same candidates and seats.
   */
  @Transactional
  public long rerun(long electionId, long roundId) {
    Election e = polling.election(electionId, Permission.MANAGE);
    CongressRound r =
        repo.round(electionId, roundId)
            .orElseThrow(() -> new InvalidInputException("roundId", "本选举没有这次投票"));
    ContestArea a = contests.area(electionId, r.homeDistrictId(), r.level());
    List<CongressRound> all = repo.rounds(a.homeDistrictId(), a.level());
    if (!r.decided() || all.get(all.size() - 1).id() != r.id() || !r.turnoutFailed()) {
      throw new IllegalStateException("只有因参加投票的选民不过半数而无效的投票才能重新组织投票");
    }
    return open(
        e,
        a,
        r.number() + 1,
        RoundKind.FIRST,
        r.furtherRound(),
        r.seats(),
        r.candidateIds(),
        repo.registered(a.districtIds()),
        AccessService.currentUser());
  }

  private long open(
      Election e,
      ContestArea a,
      int number,
      RoundKind kind,
      int further,
      int seats,
      List<Long> candidates,
      long registered,
      String user) {
    long id =
        repo.openRound(
            e.id(),
            a.homeDistrictId(),
            a.level(),
            number,
            kind,
            further,
            seats,
            candidates,
            registered,
            user,
            clock.instant());
    CongressRound opened = repo.round(e.id(), id).orElseThrow();
    audit.append(
        user,
        "CONTEST_VOTE_OPENED",
        "district:" + a.homeDistrictId(),
        a.titleZh() + "开始" + opened.kindZh() + "：应选" + seats + "名，候选人" + candidates.size() + "名");
    return id;
  }
}
