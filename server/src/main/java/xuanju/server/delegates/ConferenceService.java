package xuanju.server.delegates;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.core.margin.MarginQuery;
import xuanju.core.margin.MarginRange;
import xuanju.core.margin.Margins;
import xuanju.core.margin.Post;
import xuanju.core.margin.Stage;
import xuanju.core.outcome.Consent;
import xuanju.core.outcome.RankedCandidate;
import xuanju.core.outcome.RoundEngine;
import xuanju.core.outcome.RoundKind;
import xuanju.core.outcome.RoundResult;
import xuanju.core.outcome.RoundSpec;
import xuanju.core.outcome.SeatOutcome;
import xuanju.core.profile.Param;
import xuanju.core.profile.Profile;
import xuanju.core.quorum.Electorate;
import xuanju.core.quorum.Meeting;
import xuanju.core.quorum.Quorum;
import xuanju.core.quorum.QuorumCheck;
import xuanju.core.rule.Decision;
import xuanju.core.rule.Finding;
import xuanju.core.rule.Findings;
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
import xuanju.server.documents.DocumentContent;
import xuanju.server.election.Election;
import xuanju.server.election.ElectionService;

/**
 * The election at the 党代表会议 (seed 003 "代表选举并上报市委"): after the 市委组织部 has reviewed the 预备人选, the
 * conference is recorded with its 应到会 and 实到会 delegates and its candidates (the 预备人选 and the 市委提名
 * candidates, 姓氏笔画). The margin (core {@code PARTY_LOCAL.MARGIN.DELEGATES}, at least 20 % over the
 * seats) and the quorum (core {@code PARTY_LOCAL.QUORUM.HALF}, 地方组织选举工作条例第二十四条) are checked by
 * core; a refusal changes nothing. Each vote is entered as an aggregate and decided by core's
 * {@link RoundEngine} with the election's profile (winners need more than half of the 应到会
 * delegates); a tie re-vote or a 另行选举 adds the next vote as the engine says. Reading needs VIEW,
 * every change MANAGE; every change is audited.
 */
@Service
public class ConferenceService {
  private final ConferenceRepository repo;
  private final StageRepository stages;
  private final DelegateRepository delegates;
  private final StageGuard guard;
  private final ElectionService elections;
  private final AuditLog audit;
  private final Clock clock;

  ConferenceService(
      ConferenceRepository repo,
      StageRepository stages,
      DelegateRepository delegates,
      StageGuard guard,
      ElectionService elections,
      AuditLog audit,
      Clock clock) {
    this.repo = repo;
    this.stages = stages;
    this.delegates = delegates;
    this.guard = guard;
    this.elections = elections;
    this.audit = audit;
    this.clock = clock;
  }

  /** Checks MANAGE before a form's values are read. */
  @Transactional(readOnly = true)
  public void requireManage(long electionId) {
    guard.election(electionId, Permission.MANAGE);
  }

  /** The page's data (VIEW). */
  @Transactional(readOnly = true)
  public ConferencePage page(long electionId) {
    Election e = guard.election(electionId, Permission.VIEW);
    return build(e);
  }

  private ConferencePage build(Election e) {
    long id = e.id();
    Profile profile = elections.profile(e);
    boolean ready = guard.decisions(id).containsKey(StageStep.UPPER_APPROVAL);
    Optional<Conference> conf = repo.conference(id);
    List<ConferenceCandidate> live = liveCandidates(id);
    List<ConferenceCandidate> candidates;
    int seats;
    if (conf.isPresent()) {
      Map<String, ConferenceCandidate> all = new LinkedHashMap<>();
      allCandidates(id).forEach(c -> all.put(c.key(), c));
      candidates = repo.candidateKeys(id).stream().map(all::get).toList();
      seats = conf.get().seats();
    } else {
      candidates = live;
      seats = e.seats() + (int) live.stream().filter(c -> c.key().startsWith("U")).count();
    }
    Decision<MarginRange> margin =
        Margins.range(profile, MarginQuery.of(Stage.FORMAL, Post.DELEGATES, seats));
    Decision<QuorumCheck> quorum =
        conf.map(
                c ->
                    Quorum.check(
                        profile,
                        Meeting.ELECTORAL,
                        Electorate.party(c.expected(), c.present(), 0, 0)))
            .orElse(null);
    Map<String, ConferenceCandidate> byKey =
        candidates.stream().collect(Collectors.toMap(ConferenceCandidate::key, c -> c));
    List<ConferencePage.RoundView> views = new ArrayList<>();
    List<ConferencePage.Elected> elected = new ArrayList<>();
    int vacant = 0;
    Map<Integer, Consent> reductions = repo.reductions(id);
    for (ConferenceRound r : repo.rounds(id)) {
      List<ConferenceCandidate> cs = r.keys().stream().map(byKey::get).toList();
      Decision<RoundResult> d = null;
      if (r.counted()) {
        RoundSpec spec = spec(profile, conf.orElseThrow(), r, cs);
        d = RoundEngine.decide(spec, tally(r, cs));
        Consent reduced = reductions.get(r.number());
        if (reduced != null) {
          d = RoundEngine.reduceSeats(spec, d, reduced);
        }
        for (SeatOutcome o : d.outcome().outcomes()) {
          if (o instanceof SeatOutcome.Elected el) {
            for (String k : el.candidateIds()) {
              long votes =
                  d.outcome().ranking().stream()
                      .filter(x -> x.id().equals(k))
                      .mapToLong(RankedCandidate::yes)
                      .findFirst()
                      .orElse(0);
              if (byKey.containsKey(k)) {
                elected.add(new ConferencePage.Elected(byKey.get(k), votes, r.number()));
              }
            }
          } else if (o instanceof SeatOutcome.Vacancy v) {
            vacant += v.seats();
          } else if (o instanceof SeatOutcome.SeatsReduced s) {
            vacant += s.seats();
          }
        }
      }
      views.add(new ConferencePage.RoundView(r, cs, d));
    }
    elected.sort(Comparator.comparing(x -> x.candidate().name(), DelegateService.STROKES));
    String congress = delegates.allocation(id).map(Allocation::congressName).orElse("上级党代会");
    return new ConferencePage(
        e,
        congress,
        ready,
        conf.orElse(null),
        candidates,
        seats,
        margin,
        quorum,
        List.copyOf(views),
        List.copyOf(elected),
        vacant);
  }

  /** The 预备人选 still on the list and the 市委提名 candidates, in 姓氏笔画 order. */
  private List<ConferenceCandidate> liveCandidates(long electionId) {
    List<ConferenceCandidate> out = new ArrayList<>();
    stages.members(electionId, DelegateStage.PREPARATORY).stream()
        .filter(StageMember::active)
        .map(ConferenceCandidate::of)
        .forEach(out::add);
    delegates.upperNominees(electionId).stream().map(ConferenceCandidate::of).forEach(out::add);
    out.sort(Comparator.comparing(ConferenceCandidate::name, DelegateService.STROKES));
    return out;
  }

  /** Every 预备人选 (withdrawn or not) and 市委提名 candidate, to resolve recorded keys. */
  private List<ConferenceCandidate> allCandidates(long electionId) {
    List<ConferenceCandidate> out = new ArrayList<>();
    stages.members(electionId, DelegateStage.PREPARATORY).stream()
        .map(ConferenceCandidate::of)
        .forEach(out::add);
    delegates.upperNominees(electionId).stream().map(ConferenceCandidate::of).forEach(out::add);
    return out;
  }

  private static RoundSpec spec(
      Profile p, Conference c, ConferenceRound r, List<ConferenceCandidate> cs) {
    Electorate el =
        r.counted()
            ? Electorate.party(
                c.expected(), c.present(), r.counts().issued(), r.counts().returned())
            : Electorate.party(c.expected(), c.present(), 0, 0);
    return new RoundSpec(
        p,
        Meeting.ELECTORAL,
        r.seats(),
        cs.stream().map(x -> Candidate.of(x.key(), x.name())).toList(),
        el,
        r.kind(),
        r.furtherRound(),
        java.util.Set.of());
  }

  private static Tally tally(ConferenceRound r, List<ConferenceCandidate> cs) {
    return Tally.ofCounts(
        cs.stream().map(x -> Candidate.of(x.key(), x.name())).toList(),
        r.counts().valid(),
        r.counts().invalid(),
        r.counts().votes(),
        Map.of());
  }

  /**
   * Records the conference and its candidates (MANAGE) and opens the first vote. Refused, with
   * nothing saved, before the 市委组织部's review of the 预备人选, a second time, with fewer candidates than
   * the margin asks (core {@code PARTY_LOCAL.MARGIN.DELEGATES}) or without the quorum (core {@code
   * PARTY_LOCAL.QUORUM.HALF}).
   */
  @Transactional
  public void record(
      long electionId, String name, LocalDate heldOn, Integer expected, Integer present) {
    Election e = guard.election(electionId, Permission.MANAGE);
    String n = StageGuard.text(name, "name", "会议名称", 200);
    LocalDate on = StageGuard.required(heldOn, "heldOn", "会议日期");
    int exp = StageGuard.required(expected, "expected", "应到会代表人数");
    int pre = StageGuard.required(present, "present", "实到会代表人数");
    if (exp < 1) {
      throw new InvalidInputException("expected", "应到会代表人数：应为正整数");
    }
    if (pre < 0 || pre > exp) {
      throw new InvalidInputException("present", "实到会代表人数：应在0至应到会人数" + exp + "之间");
    }
    Map<StageStep, StageDecision> steps = guard.decisions(electionId);
    guard.require(steps, StageStep.PREPARATORY_REVIEWED, "召开党代表会议选举代表前");
    if (!steps.containsKey(StageStep.UPPER_APPROVAL)) {
      throw new IllegalStateException(StageRule.UPPER_APPROVAL.refuse("市委尚未批复预备人选名单，不能登记党代表会议"));
    }
    if (repo.conference(electionId).isPresent()) {
      throw new IllegalStateException("党代表会议已经登记，不能再次登记");
    }
    ConferencePage p = build(e);
    Findings margin =
        Margins.check(
            elections.profile(e),
            MarginQuery.of(Stage.FORMAL, Post.DELEGATES, p.seats()),
            p.candidates().size());
    if (!margin.ok()) {
      Finding f = margin.errors().get(0);
      throw new InvalidInputException(
          "candidates",
          "代表候选人"
              + p.candidates().size()
              + "名（预备人选"
              + (p.candidates().size() - p.upperCount())
              + "名、市委提名"
              + p.upperCount()
              + "名），应选代表"
              + p.seats()
              + "名，候选人应至少"
              + p.margin().outcome().min()
              + "名，不能进行选举。"
              + f.rule().messageZh()
              + "（"
              + f.rule().citation().display()
              + "）");
    }
    Decision<QuorumCheck> q =
        Quorum.check(elections.profile(e), Meeting.ELECTORAL, Electorate.party(exp, pre, 0, 0));
    if (!q.outcome().met()) {
      Step s = q.trail().get(q.trail().size() - 1);
      throw new InvalidInputException(
          "present",
          s.explanationZh()
              + "。"
              + s.rule().messageZh()
              + "（"
              + s.rule().citation().display()
              + "）");
    }
    String actor = AccessService.currentUser();
    Conference c = new Conference(n, on, exp, pre, p.seats());
    List<String> keys = p.candidates().stream().map(ConferenceCandidate::key).toList();
    repo.insertConference(electionId, c, actor, clock.instant());
    repo.insertCandidates(electionId, keys);
    repo.insertRound(electionId, 1, RoundKind.FIRST, p.seats(), 0, keys);
    audit.append(
        actor,
        "DELEGATE_CONFERENCE_RECORDED",
        "election:" + electionId,
        on
            + "召开"
            + n
            + "：应到会代表"
            + exp
            + "名，实到会"
            + pre
            + "名；应选代表"
            + p.seats()
            + "名，代表候选人"
            + keys.size()
            + "名（其中市委提名"
            + p.upperCount()
            + "名）");
  }

  /**
   * Enters the aggregate count of the open vote (MANAGE) and decides it with core's RoundEngine; a
   * tie re-vote or a 另行选举 opens the next vote. Bad numbers (sums, more issued than present) are
   * refused with nothing saved.
   *
   * @param yes, no, abstain per candidate in ballot order
   */
  @Transactional
  public Decision<RoundResult> count(
      long electionId,
      int roundNo,
      Integer issued,
      Integer returned,
      Integer valid,
      Integer invalid,
      List<Long> yes,
      List<Long> no,
      List<Long> abstain) {
    Election e = guard.election(electionId, Permission.MANAGE);
    ConferencePage p = build(e);
    ConferencePage.RoundView open = p.openRound();
    if (open == null || open.round().number() != roundNo) {
      throw new IllegalStateException("第" + roundNo + "次投票不是待计票的投票，不能登记计票结果");
    }
    int is = nonNegative(issued, "issued", "发出选票数");
    int re = nonNegative(returned, "returned", "收回选票数");
    int va = nonNegative(valid, "valid", "有效票数");
    int inv = nonNegative(invalid, "invalid", "无效票数");
    if (is > p.conference().present()) {
      throw new InvalidInputException(
          "issued", "发出选票" + is + "张，多于实到会代表" + p.conference().present() + "名；选票按实到会代表每人一张发出");
    }
    List<ConferenceCandidate> cs = open.candidates();
    Map<String, CandidateCount> votes = new LinkedHashMap<>();
    for (int i = 0; i < cs.size(); i++) {
      votes.put(
          cs.get(i).key(),
          new CandidateCount(
              at(yes, i, cs.get(i)), at(no, i, cs.get(i)), at(abstain, i, cs.get(i))));
    }
    ConferenceRound counted =
        new ConferenceRound(
            roundNo,
            open.round().kind(),
            open.round().seats(),
            open.round().furtherRound(),
            open.round().keys(),
            new ConferenceRound.Counts(is, re, va, inv, votes));
    Profile profile = elections.profile(e);
    RoundSpec spec = spec(profile, p.conference(), counted, cs);
    Decision<RoundResult> d = RoundEngine.decide(spec, tally(counted, cs));
    if (!repo.setCounts(electionId, roundNo, counted.counts())) {
      throw new IllegalStateException("第" + roundNo + "次投票的计票结果已经登记");
    }
    Optional<RoundSpec> next = RoundEngine.nextRound(spec, d);
    next.ifPresent(
        s ->
            repo.insertRound(
                electionId,
                roundNo + 1,
                s.kind(),
                s.seats(),
                s.furtherRound(),
                ballotOrder(p, s.candidates().stream().map(Candidate::id).toList())));
    Function<String, String> name = open::name;
    audit.append(
        AccessService.currentUser(),
        "DELEGATE_CONFERENCE_COUNTED",
        "election:" + electionId,
        "第"
            + roundNo
            + "次投票（"
            + counted.kindZh()
            + "）计票：发出选票"
            + is
            + "张，收回"
            + re
            + "张，有效"
            + va
            + "张，无效"
            + inv
            + "张；"
            + d.outcome().outcomes().stream()
                .map(o -> ConferencePage.outcomeZh(o, name))
                .collect(Collectors.joining("；")));
    return d;
  }

  /**
   * Reduces the seats after a vote that left seats unfilled (减少名额, core {@code
   * RoundEngine.reduceSeats}, rule {@code PARTY.SHORTFALL.REDUCE_SEATS}) instead of the 另行选举 it
   * opened (MANAGE): the officer records how many of the delegates present agreed, and the
   * meeting's record. Not more than half agreeing, a vote without a shortfall or a 另行选举 already
   * counted are refused with nothing changed; otherwise the 另行选举 is not held.
   */
  @Transactional
  public void reduceSeats(long electionId, int roundNo, Integer agreed, String record) {
    Election e = guard.election(electionId, Permission.MANAGE);
    ConferencePage p = build(e);
    ConferencePage.RoundView v =
        p.rounds().stream()
            .filter(x -> x.round().number() == roundNo)
            .findFirst()
            .orElseThrow(() -> new InvalidInputException("roundNo", "没有第" + roundNo + "次投票"));
    if (!p.reducible(v)) {
      throw new IllegalStateException(
          "第" + roundNo + "次投票后没有待进行的另行选举，不能减少名额（只有当选人数不足、另行选举尚未计票时才能减少名额）");
    }
    int present = p.conference().present();
    int yes = StageGuard.required(agreed, "agreed", "同意减少名额的代表人数");
    if (yes < 0 || yes > present) {
      throw new InvalidInputException("agreed", "同意减少名额的代表人数：应在0至实到会代表" + present + "名之间");
    }
    String rec = StageGuard.text(record, "record", "会议记录", 500);
    List<ConferenceCandidate> cs = v.candidates();
    RoundSpec spec = spec(elections.profile(e), p.conference(), v.round(), cs);
    Consent consent = new Consent(yes, present, false, rec);
    Decision<RoundResult> d = RoundEngine.reduceSeats(spec, v.decision(), consent);
    Step last = d.trail().get(d.trail().size() - 1);
    if (!last.passed()) {
      throw new InvalidInputException(
          "agreed", last.explanationZh() + "（" + last.rule().citation().display() + "）");
    }
    if (!repo.reduce(electionId, roundNo, consent)) {
      throw new IllegalStateException("第" + (roundNo + 1) + "次投票已经计票，不能再减少名额");
    }
    audit.append(
        AccessService.currentUser(),
        "DELEGATE_CONFERENCE_SEATS_REDUCED",
        "election:" + electionId,
        "第" + roundNo + "次投票后：" + last.explanationZh());
  }

  /** The keys in the ballot's 姓氏笔画 order (a re-vote's or 另行选举's ballot is printed in it too). */
  private static List<String> ballotOrder(ConferencePage p, List<String> keys) {
    List<String> order = p.candidates().stream().map(ConferenceCandidate::key).toList();
    return keys.stream().sorted(Comparator.comparingInt(order::indexOf)).toList();
  }

  private static int nonNegative(Integer v, String field, String label) {
    if (v == null || v < 0) {
      throw new InvalidInputException(field, label + "：应为0或正整数");
    }
    return v;
  }

  private static long at(List<Long> values, int i, ConferenceCandidate c) {
    if (values == null || values.size() <= i || values.get(i) == null || values.get(i) < 0) {
      throw new InvalidInputException("votes", "候选人" + c.name() + "的票数：应为0或正整数");
    }
    return values.get(i);
  }

  /** The ballot of a vote (PDF, VIEW): candidates in 姓氏笔画 order, instructions from the profile. */
  @Transactional(readOnly = true)
  public byte[] ballot(long electionId, int roundNo) {
    Election e = guard.election(electionId, Permission.VIEW);
    ConferencePage p = build(e);
    ConferencePage.RoundView v =
        p.rounds().stream()
            .filter(r -> r.round().number() == roundNo)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("没有第" + roundNo + "次投票"));
    return BallotPdf.render(layout(p, v, elections.profile(e))).pdf();
  }

  static BallotLayout layout(ConferencePage p, ConferencePage.RoundView v, Profile profile) {
    ConferenceRound r = v.round();
    boolean writeIn = profile.flag(Param.WRITE_IN_ALLOWED) && r.kind() != RoundKind.TIE_REVOTE;
    List<String> lines = new ArrayList<>();
    lines.add("在代表候选人姓名后的赞成栏内画○，不赞成的画×，弃权的不画任何符号。");
    if (writeIn) {
      lines.add(
          profile.flag(Param.WRITE_IN_REQUIRES_NO)
              ? "对候选人投不赞成票的，可以另选他人：在另选他人栏内写上其姓名并在赞成栏内画○。"
              : "可以另选他人：在另选他人栏内写上其姓名并在赞成栏内画○。");
      if ("VOID_BALLOT".equals(profile.choice(Param.WRITE_IN_WITHOUT_MARK))) {
        lines.add("另选他人只写姓名、未画○的，整张选票无效。");
      }
    } else if (r.kind() == RoundKind.TIE_REVOTE) {
      lines.add("本次为再次投票，只在票数相等的候选人中进行，不能另选他人，以得票多的当选。");
    }
    lines.add("所选人数等于或少于应选人数的为有效票，多于应选人数的为无效票。");
    lines.add("代表候选人按姓氏笔画排列。");
    String title = p.election().organisationName() + "出席" + p.congressName() + "代表选举选票";
    return new BallotLayout(
        title,
        r.seats(),
        r.number() == 1 ? null : "第" + r.number() + "次投票 " + r.kindZh(),
        lines,
        v.candidates().stream().map(ConferenceCandidate::name).toList(),
        writeIn ? Math.min(r.seats(), BallotLayout.MAX_WRITE_IN_ROWS) : 0,
        "E" + p.election().id() + "-D" + r.number(),
        "监票人（签名）");
  }

  private ConferencePage finished(long electionId) {
    Election e = guard.election(electionId, Permission.VIEW);
    ConferencePage p = build(e);
    if (!p.finished()) {
      throw new IllegalStateException("代表选举尚未结束，还不能生成代表选举情况报告、代表名册和代表登记表");
    }
    return p;
  }

  /** 关于代表选举情况的报告 (VIEW), once every vote is counted. */
  @Transactional(readOnly = true)
  public DocumentContent report(long electionId) {
    return ConferenceDocuments.report(finished(electionId));
  }

  /** 代表名册 (.xlsx, VIEW). */
  @Transactional(readOnly = true)
  public DelegateService.Download roster(long electionId) {
    ConferencePage p = finished(electionId);
    return new DelegateService.Download(
        ConferenceDocuments.roster(p).toBytes(), ConferenceDocuments.title(p, "代表名册") + ".xlsx");
  }

  /** 代表登记表 (.xlsx, one sheet per delegate, VIEW). */
  @Transactional(readOnly = true)
  public DelegateService.Download registration(long electionId) {
    ConferencePage p = finished(electionId);
    return new DelegateService.Download(
        ConferenceDocuments.registration(p), ConferenceDocuments.title(p, "代表登记表") + ".xlsx");
  }
}
