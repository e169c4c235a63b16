package xuanju.server.results;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.core.profile.Profile;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.attendance.AttendanceDocuments;
import xuanju.server.attendance.AttendanceService;
import xuanju.server.attendance.ExclusionList;
import xuanju.server.audit.AuditLog;
import xuanju.server.documents.DocumentContent;
import xuanju.server.documents.DocxDocument;
import xuanju.server.documents.PdfDocument;
import xuanju.server.documents.XlsxTable;
import xuanju.server.election.Election;
import xuanju.server.election.ElectionService;
import xuanju.server.election.ElectionStatus;
import xuanju.server.nomination.NominationService;
import xuanju.server.nomination.Nominee;
import xuanju.server.nomination.Phase;
import xuanju.server.plan.Approval;
import xuanju.server.plan.ApprovalDecision;
import xuanju.server.plan.ApprovalKind;
import xuanju.server.plan.ApprovalRequest;
import xuanju.server.plan.ApprovalService;
import xuanju.server.plan.PlanService;
import xuanju.server.results.ResultsFacts.RoundFacts;
import xuanju.server.voting.RoundService;
import xuanju.server.voting.SecondStageService;
import xuanju.server.voting.SettledReadings;
import xuanju.server.voting.StageProgress;
import xuanju.server.voting.VotingModel.Post;
import xuanju.server.voting.VotingModel.Round;
import xuanju.server.voting.VotingModel.StageSummary;

/**
 * Results of a branch election (选举结果、报批与归档): the results report, announcement and statistics built
 * from the decisions stored on election day; the submission to the upper organisation (VOTING →
 * RESULTS_SUBMITTED) and its decision (批复书记、副书记，委员备案: → COMPLETED, or returned → VOTING); and the
 * archive (→ ARCHIVED), one .zip per election stored as built.
 */
@Service
public class ResultsService {
  private final ElectionService elections;
  private final StageProgress progress;
  private final RoundService roundService;
  private final SecondStageService secondStage;
  private final ApprovalService approvals;
  private final PlanService plans;
  private final NominationService nomination;
  private final AttendanceService attendance;
  private final AccessService access;
  private final AuditLog audit;
  private final ResultsRepository repo;
  private final SettledReadings settledReadings;
  private final Clock clock;

  public ResultsService(
      ElectionService elections,
      StageProgress progress,
      RoundService roundService,
      SecondStageService secondStage,
      ApprovalService approvals,
      PlanService plans,
      NominationService nomination,
      AttendanceService attendance,
      AccessService access,
      AuditLog audit,
      ResultsRepository repo,
      SettledReadings settledReadings,
      Clock clock) {
    this.elections = elections;
    this.progress = progress;
    this.roundService = roundService;
    this.secondStage = secondStage;
    this.approvals = approvals;
    this.plans = plans;
    this.nomination = nomination;
    this.attendance = attendance;
    this.access = access;
    this.audit = audit;
    this.repo = repo;
    this.settledReadings = settledReadings;
    this.clock = clock;
  }

  /** Everything the results page shows (结果与归档页面). */
  public record ResultsView(
      Election election,
      ResultsFacts facts,
      boolean ready,
      boolean canManage,
      boolean canApprove,
      List<ApprovalRequest> history,
      Optional<ApprovalRequest> pending,
      Optional<ArchiveInfo> archive) {}

  /** The stored archive's description (归档信息). */
  public record ArchiveInfo(String sha256, int files, String archivedBy, Instant archivedAt) {}

  /** The page's data. Needs VIEW. */
  @Transactional(readOnly = true)
  public ResultsView view(long electionId) {
    Election e = elections.get(electionId);
    boolean admin = AccessService.currentIsAdmin();
    String me = AccessService.currentUser();
    return new ResultsView(
        e,
        facts(e),
        progress.readyForResults(electionId),
        access.allowed(me, admin, e.organisationId(), Permission.MANAGE),
        approvals.canDecide(e, ApprovalKind.RESULTS),
        approvals.history(electionId, ApprovalKind.RESULTS),
        approvals.pending(electionId, ApprovalKind.RESULTS),
        repo.archiveInfo(electionId)
            .map(a -> new ArchiveInfo(a.sha256(), a.fileCount(), a.by(), a.at())));
  }

  /** The results data of an election (numbers as stored). Needs VIEW. */
  @Transactional(readOnly = true)
  public ResultsFacts facts(long electionId) {
    return facts(elections.get(electionId));
  }

  private ResultsFacts facts(Election e) {
    long id = e.id();
    List<RoundFacts> rounds = new ArrayList<>();
    for (Round r : roundService.rounds(id)) {
      rounds.add(new RoundFacts(r, progress.decisionOf(r).orElse(null)));
    }
    List<StageSummary> summaries = progress.summaries(id);
    ResultsRepository.Dates d = repo.dates(id);
    LocalDate meeting = d.firstBegunAt() == null ? e.electionDay() : day(d.firstBegunAt());
    LocalDate plenum = d.secondBegunAt() == null ? null : day(d.secondBegunAt());
    LocalDate date =
        approvals.history(id, ApprovalKind.RESULTS).stream()
            .reduce((a, b) -> b)
            .map(r -> day(r.submittedAt()))
            .orElse(LocalDate.now(clock));
    return new ResultsFacts(
        e,
        plans.signedName(e.organisationId()),
        plans.upperName(e.organisationId()),
        meeting,
        plenum,
        rounds,
        summaries,
        progress.committeeMembers(id),
        secondStage.portfolios(id),
        date);
  }

  private LocalDate day(Instant i) {
    return LocalDate.ofInstant(i, clock.getZone());
  }

  // ------------------------------------------------------------------ documents

  /** The results report (选举结果报告). Needs VIEW. */
  @Transactional(readOnly = true)
  public DocumentContent report(long electionId) {
    return ResultsDocuments.report(facts(electionId));
  }

  /** The tally report (计票结果报告单) of a decided vote. Needs VIEW. */
  @Transactional(readOnly = true)
  public DocumentContent tallyReport(long electionId, int roundNo) {
    Election e = elections.get(electionId);
    Round r = roundService.round(electionId, roundNo);
    var sd =
        progress
            .decisionOf(r)
            .orElseThrow(() -> new IllegalStateException(r.labelZh() + "尚未判定结果，没有计票结果报告单"));
    return ResultsDocuments.tallyReport(e, r, sd);
  }

  /** The announcement (当选公告). Needs VIEW. */
  @Transactional(readOnly = true)
  public DocumentContent announcement(long electionId) {
    return ResultsDocuments.announcement(facts(electionId));
  }

  /** The statistics table (选举结果统计表). Needs VIEW. */
  @Transactional(readOnly = true)
  public XlsxTable statistics(long electionId) {
    return ResultsDocuments.statistics(facts(electionId));
  }

  /**
   * The upper organisation's reply on the results (批复). Needs VIEW.
   *
   * @throws IllegalStateException before any decision
   */
  @Transactional(readOnly = true)
  public DocumentContent reply(long electionId) {
    ResultsFacts f = facts(electionId);
    Approval a =
        approvals
            .latest(electionId, ApprovalKind.RESULTS)
            .orElseThrow(() -> new IllegalStateException("上级尚未批复选举结果"));
    return ResultsDocuments.reply(f, a, day(a.decidedAt()));
  }

  // ------------------------------------------------------------------ submission and decision

  /**
   * Submits the results to the upper organisation (报送选举结果): VOTING → RESULTS_SUBMITTED with a
   * RESULTS request. Needs MANAGE; refused until every vote has a result
   * (RESULTS.SUBMIT.NOT_READY).
   */
  @Transactional
  public Election submit(long electionId, int expectedVersion) {
    Election e = elections.get(electionId, Permission.MANAGE);
    if (e.status() != ElectionStatus.VOTING) {
      throw ResultsRule.SUBMIT_STAGE.conflict("当前阶段为「" + e.status().labelZh() + "」");
    }
    if (!progress.readyForResults(electionId)) {
      List<String> pending =
          progress.summaries(electionId).stream().flatMap(s -> s.pendingZh().stream()).toList();
      throw ResultsRule.SUBMIT_NOT_READY.conflict(
          pending.isEmpty() ? "尚有阶段未完成投票" : String.join("；", pending));
    }
    ResultsFacts f = facts(e);
    Election after =
        elections.transition(
            electionId,
            expectedVersion,
            Permission.MANAGE,
            ElectionStatus.VOTING,
            ElectionStatus.RESULTS_SUBMITTED,
            "RESULTS_SUBMITTED",
            "报送选举结果：" + summaryZh(f));
    approvals.submit(electionId, ApprovalKind.RESULTS, summaryZh(f));
    return after;
  }

  static String summaryZh(ResultsFacts f) {
    List<String> parts = new ArrayList<>();
    for (StageSummary s : f.summaries()) {
      parts.add(
          s.post().labelZh()
              + "（应选"
              + s.seats()
              + "名）"
              + (s.elected().isEmpty() ? "无人当选" : String.join("、", s.elected()))
              + (s.vacant() > 0 ? "，缺额" + s.vacant() + "名" : "")
              + (s.reduced() > 0 ? "，减少名额" + s.reduced() + "名" : ""));
    }
    return String.join("；", parts);
  }

  /**
   * The upper organisation's decision (批复选举结果): approve the secretary and deputies and record the
   * members (→ COMPLETED), or return with comments (→ VOTING, to be corrected and submitted again).
   * Needs APPROVE (a branch user is refused, 403); a second decision is refused (409).
   */
  @Transactional
  public Election decide(
      long electionId, int expectedVersion, ApprovalDecision decision, String comment) {
    Election e = elections.get(electionId, Permission.APPROVE);
    if (e.status() != ElectionStatus.RESULTS_SUBMITTED) {
      throw new IllegalStateException("当前阶段为「" + e.status().labelZh() + "」，没有待批复的选举结果（可能已经批复）");
    }
    Approval a = approvals.decide(electionId, ApprovalKind.RESULTS, decision, comment);
    boolean ok = a.decision() == ApprovalDecision.APPROVED;
    ResultsFacts f = facts(e);
    String officers =
        "批准书记 "
            + String.join("、", f.secretaries())
            + (f.deputies().isEmpty() ? "" : "，副书记 " + String.join("、", f.deputies()))
            + (e.hasCommittee() ? "；委员 " + String.join("、", f.committee()) + " 备案" : "")
            + "（"
            + ResultsRule.OFFICERS_APPROVAL.code()
            + "）";
    return elections.transition(
        electionId,
        expectedVersion,
        Permission.APPROVE,
        Set.of(ElectionStatus.RESULTS_SUBMITTED),
        ok ? ElectionStatus.COMPLETED : ElectionStatus.VOTING,
        ok ? "RESULTS_APPROVED" : "RESULTS_RETURNED",
        ok ? "上级批复选举结果：" + officers : "上级退回选举结果报告：" + a.comment());
  }

  // ------------------------------------------------------------------ archive

  /**
   * Archives the election (归档): COMPLETED → ARCHIVED, then builds the archive and stores it. Needs
   * MANAGE; refused before the results were approved (RESULTS.ARCHIVE.NOT_APPROVED), and when a
   * round's ballot records do not reproduce its stored decision (RESULTS.ARCHIVE.MISMATCH).
   */
  @Transactional
  public ArchiveInfo archive(long electionId, int expectedVersion) {
    Election e = elections.get(electionId, Permission.MANAGE);
    if (e.status() != ElectionStatus.COMPLETED) {
      throw ResultsRule.ARCHIVE_NOT_APPROVED.conflict("当前阶段为「" + e.status().labelZh() + "」");
    }
    Election after =
        elections.transition(
            electionId,
            expectedVersion,
            Permission.MANAGE,
            ElectionStatus.COMPLETED,
            ElectionStatus.ARCHIVED,
            "ELECTION_ARCHIVED",
            "换届选举材料归档");
    Instant now = clock.instant();
    String me = AccessService.currentUser();
    ElectionArchive.Built built = build(after, me, now);
    repo.insertArchive(
        electionId,
        new ResultsRepository.StoredArchive(
            built.zip(), built.sha256(), built.files(), built.manifestJson(), me, now));
    audit.append(
        me,
        "RESULTS_ARCHIVE_STORED",
        "election:" + electionId,
        "归档文件已生成：" + built.files() + "个文件，SHA-256 " + built.sha256());
    return new ArchiveInfo(built.sha256(), built.files(), me, now);
  }

  /** The stored archive (.zip) of an archived election. Needs VIEW. */
  @Transactional(readOnly = true)
  public byte[] archiveZip(long electionId) {
    elections.get(electionId);
    return repo.archive(electionId)
        .map(ResultsRepository.StoredArchive::zip)
        .orElseThrow(() -> ResultsRule.ARCHIVE_NOT_APPROVED.conflict("本次选举尚未归档"));
  }

  private ElectionArchive.Built build(Election e, String me, Instant now) {
    long id = e.id();
    ResultsFacts f = facts(e);
    Profile profile = elections.profile(e);
    ElectionArchive a = new ElectionArchive(e, me, now, audit.head());
    // documents of the preparation: present when that step was done
    a.document("01-plan/换届选举请示", "换届选举请示", () -> plans.requestDocument(id));
    // a step not taken is listed as missing; the checks come first, because a refusal thrown
    // inside another service's transaction would mark this one rollback-only
    if (approvals.latest(id, ApprovalKind.PLAN).isPresent()) {
      a.document("01-plan/换届选举批复", "上级对换届选举请示的批复", () -> plans.replyDocument(id));
    } else {
      a.missing("01-plan/换届选举批复", "上级尚未批复换届选举请示");
    }
    ExclusionList exclusions = attendance.list(id);
    if (exclusions.publicityDate() != null) {
      LocalDate posting = exclusions.publicityDate();
      a.document(
          "02-attendance/不参加党员大会的党员名单公示",
          "不参加党员大会的党员名单公示",
          () ->
              AttendanceDocuments.publicity(
                  exclusions,
                  attendance.expected(id),
                  plans.signedName(e.organisationId()),
                  plans.upperName(e.organisationId()),
                  e.electionDay(),
                  posting,
                  posting));
    } else {
      a.missing("02-attendance/不参加党员大会的党员名单公示", "名单未张贴公示（无不参加党员大会的党员或未使用此步骤）");
    }
    List<Nominee> nominees = nomination.nominees(id);
    boolean approved = nomination.state(id).phase() == Phase.APPROVED;
    for (NominationService.Doc d : NominationService.Doc.values()) {
      String name =
          switch (d) {
            case PRELIMINARY_NOTICE -> "初步人选公示";
            case PRE_CANDIDATES_NOTICE -> "预备人选公示";
            case FORMAL_LIST -> "正式候选人名单";
          };
      boolean exists =
          switch (d) {
            case PRELIMINARY_NOTICE -> nominees.stream().anyMatch(Nominee::preliminary);
            case PRE_CANDIDATES_NOTICE -> nominees.stream().anyMatch(Nominee::preCandidate);
            case FORMAL_LIST -> approved;
          };
      if (exists) {
        a.document("03-nomination/" + name, name, () -> nomination.document(id, d));
      } else {
        a.missing("03-nomination/" + name, "候选人推荐中未产生此文书（未使用系统的推荐步骤）");
      }
    }
    for (RoundFacts rf : f.rounds()) {
      Round r = rf.round();
      a.file(
          "04-ballots/第" + r.number() + "轮选票.pdf",
          r.labelZh() + " 选票（选举编码 " + r.code() + "）",
          () -> roundService.ballotPdf(id, r.number()));
    }
    a.document("05-results/选举结果报告", "选举结果报告", () -> ResultsDocuments.report(f));
    a.document("05-results/当选公告", "当选公告", () -> ResultsDocuments.announcement(f));
    a.file("05-results/选举结果统计表.xlsx", "选举结果统计表", () -> ResultsDocuments.statistics(f).toBytes());
    approvals
        .latest(id, ApprovalKind.RESULTS)
        .ifPresent(
            ap ->
                a.document(
                    "05-results/选举结果批复",
                    "上级对选举结果的批复",
                    () -> ResultsDocuments.reply(f, ap, day(ap.decidedAt()))));
    // the rounds as the command line reads them
    for (RoundFacts rf : f.rounds()) {
      if (!rf.decided()) {
        continue;
      }
      Round r = rf.round();
      RoundArchive.Files rfiles =
          RoundArchive.build(
              e, profile, r, rf.decision(), settledReadings.of(r.id()), repo.aggregates(r.id()));
      String diff = RoundArchive.check(rfiles.report(), rf.decision());
      if (!diff.isEmpty()) {
        throw ResultsRule.ARCHIVE_MISMATCH.conflict(r.labelZh() + "：" + diff);
      }
      a.round(r, rf.decision(), rfiles);
    }
    a.decisions(f);
    a.audit(repo.auditEvents(id));
    return a.finish();
  }

  /** Renders a document as both .docx and .pdf. */
  static byte[][] render(DocumentContent c) {
    return new byte[][] {DocxDocument.render(c), PdfDocument.render(c).pdf()};
  }

  /** The elected of each post (for the page). */
  public static List<String> elected(ResultsFacts f, Post post) {
    return ResultsDocuments.electedByPost(f).getOrDefault(post, List.of());
  }
}
