package xuanju.server.nomination;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.core.margin.MarginQuery;
import xuanju.core.margin.MarginRange;
import xuanju.core.margin.Margins;
import xuanju.core.margin.Post;
import xuanju.core.margin.Stage;
import xuanju.core.names.NameOrder;
import xuanju.core.profile.Profile;
import xuanju.core.quota.Person;
import xuanju.core.quota.QuotaCheck;
import xuanju.core.quota.QuotaSet;
import xuanju.core.quota.QuotaSets;
import xuanju.core.quota.Quotas;
import xuanju.core.rule.Finding;
import xuanju.core.rule.InvalidInputException;
import xuanju.core.schedule.HolidayCalendar;
import xuanju.core.schedule.PeriodUnit;
import xuanju.core.schedule.ScheduleRule;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.audit.AuditLog;
import xuanju.server.documents.DocumentContent;
import xuanju.server.documents.XlsxTable;
import xuanju.server.election.Election;
import xuanju.server.election.ElectionService;
import xuanju.server.election.ElectionStatus;
import xuanju.server.plan.ApprovalDecision;
import xuanju.server.plan.ApprovalKind;
import xuanju.server.plan.ApprovalService;

/**
 * "两推一选" up to the approved formal candidates (候选人推荐、初步人选、公示、预备人选审查、上级审批、正式候选人).
 *
 * <p>Every change needs MANAGE (the upper organisation's decision APPROVE) on the election's
 * organisation, the election in 「上级已批复」 (PLAN_APPROVED) and the nomination at the right stage. Each
 * step is checked first ({@link NominationChecks}, core margins, voting rights, quotas and stroke
 * order); a refused step throws {@link NominationBlockedException} naming the rule codes and writes
 * nothing. Every change is audited in the same transaction.
 */
@Service
public class NominationService {
  private static final HolidayCalendar CALENDAR = HolidayCalendar.tyme4j();

  private final NominationRepository repo;
  private final ElectionService elections;
  private final ApprovalService approvals;
  private final AccessService access;
  private final AuditLog audit;
  private final Clock clock;
  private final xuanju.server.security.UserNames userNames;

  public NominationService(
      NominationRepository repo,
      ElectionService elections,
      ApprovalService approvals,
      AccessService access,
      AuditLog audit,
      Clock clock,
      xuanju.server.security.UserNames userNames) {
    this.userNames = userNames;
    this.repo = repo;
    this.elections = elections;
    this.approvals = approvals;
    this.access = access;
    this.audit = audit;
    this.clock = clock;
  }

  // ------------------------------------------------------------------ reading

  /** The page's data. Needs VIEW. */
  @Transactional
  public NominationOverview overview(long electionId) {
    Election e = elections.get(electionId);
    NominationState s = current(electionId);
    List<Nominee> all = repo.nominees(electionId);
    Map<Long, List<Disqualification>> negatives = repo.disqualifications(electionId);
    List<NominationOverview.Row> rows = rows(e, s, all, negatives);
    Profile profile = elections.profile(e);
    Map<String, MarginRange> margins = new LinkedHashMap<>();
    for (Stage st : List.of(Stage.PRELIMINARY, Stage.PRE_CANDIDATES, Stage.FORMAL)) {
      try {
        margins.put(st.name(), range(profile, e, st));
      } catch (RuntimeException ex) {
        // a stage the profile does not define
      }
    }
    List<Relation> relations = repo.relations(e.organisationId());
    List<Nominee> current = currentList(s, all);
    LocalDate end =
        s.publicityPosted() == null
            ? null
            : NominationChecks.publicityEnd(
                s.publicityPosted(), s.publicityDays(), s.publicityUnit(), CALENDAR);
    List<Finding> blocking = blockingNow(e, s, all, negatives, relations);
    QuotaCheck quota = quota(e, s, current);
    List<FormalCandidate> formal = s.phase() == Phase.APPROVED ? formalOf(all) : List.of();
    boolean canManage = allowed(e, Permission.MANAGE);
    boolean canApprove = approvals.canDecide(e, ApprovalKind.PRE_CANDIDATES);
    return new NominationOverview(
        e,
        s,
        rows,
        repo.reports(electionId),
        relations,
        margins,
        end,
        blocking,
        NominationChecks.relatives(current, relations),
        quota,
        formal,
        repo.memberNames(e.organisationId()),
        repo.memberNames(e.organisationId(), true),
        repo.ballotCount(electionId),
        canManage,
        canApprove);
  }

  /** The nominees by recommendations, most first. Needs VIEW. */
  @Transactional(readOnly = true)
  public List<Nominee> nominees(long electionId) {
    elections.get(electionId);
    return ranked(repo.nominees(electionId));
  }

  /** The nomination state. Needs VIEW. */
  @Transactional(readOnly = true)
  public NominationState state(long electionId) {
    elections.get(electionId);
    return current(electionId);
  }

  /**
   * The formal candidates approved by the upper organisation, in ballot order (姓氏笔画为序). Needs VIEW.
   *
   * @throws NominationBlockedException with {@code PARTY.CANDIDATES.APPROVAL_REQUIRED} before the
   *     approval
   */
  @Transactional(readOnly = true)
  public List<FormalCandidate> formalCandidates(long electionId) {
    elections.get(electionId);
    NominationState s = current(electionId);
    if (s.phase() != Phase.APPROVED) {
      throw blocked(
          Finding.of(
              NominationRule.APPROVAL_REQUIRED,
              "phase",
              "正式候选人尚未经上级党组织批准（当前：" + s.phase().labelZh() + "）"));
    }
    return formalOf(repo.nominees(electionId));
  }

  /**
   * Warnings for scrutineers or clerks (监票人、计票人) who are close relatives of a candidate: the
   * pre-candidates or formal candidates if any, else the preliminary list. Needs VIEW.
   *
   * @param staffMemberIds the members proposed as scrutineers or clerks
   */
  @Transactional(readOnly = true)
  public List<Finding> staffConflicts(long electionId, Collection<Long> staffMemberIds) {
    Election e = elections.get(electionId);
    NominationState s = current(electionId);
    Map<Long, String> names = repo.memberNames(e.organisationId());
    Map<Long, String> staff = new LinkedHashMap<>();
    for (Long id : staffMemberIds) {
      staff.put(id, names.getOrDefault(id, "党员" + id));
    }
    return NominationChecks.staff(
        currentList(s, repo.nominees(electionId)), staff, repo.relations(e.organisationId()));
  }

  /**
   * The composition check (结构比例) of a list of nominees, for the live display; null when the plan
   * chose no quota set. Needs VIEW.
   */
  @Transactional(readOnly = true)
  public QuotaCheck quota(long electionId, Collection<Long> nomineeIds) {
    Election e = elections.get(electionId);
    NominationState s = current(electionId);
    Set<Long> ids = Set.copyOf(nomineeIds);
    return quota(
        e, s, repo.nominees(electionId).stream().filter(n -> ids.contains(n.id())).toList());
  }

  /** The nomination state of an election, or the default one before anything was recorded. */
  private NominationState current(long electionId) {
    return repo.state(electionId).orElseGet(() -> defaultState(electionId));
  }

  /** An election being changed and its nomination state (created if missing). */
  private record Editing(Election election, NominationState state) {}

  /**
   * The one look-up before every change of the nomination: the election editable by the signed-in
   * person (MANAGE, not archived), its state created if missing, and the phase one of {@code
   * allowed}.
   */
  private Editing editing(long electionId, Phase... allowed) {
    Election e = editable(electionId);
    NominationState s = repo.ensureState(electionId, now());
    requirePhase(s, allowed);
    return new Editing(e, s);
  }

  // ------------------------------------------------------------------ documents

  /** The documents a nomination produces (公示、名单). */
  public enum Doc {
    /** 初步人选公示 */
    PRELIMINARY_NOTICE("preliminary-notice"),
    /** 预备人选公示 */
    PRE_CANDIDATES_NOTICE("pre-candidates-notice"),
    /** 正式候选人名单 */
    FORMAL_LIST("formal-list");

    private final String slug;

    Doc(String slug) {
      this.slug = slug;
    }

    public String slug() {
      return slug;
    }

    public static Doc bySlug(String slug) {
      for (Doc d : values()) {
        if (d.slug.equals(slug)) {
          return d;
        }
      }
      throw new InvalidInputException("doc", "没有这种文书：" + slug);
    }
  }

  /**
   * A notice or list (公示、名单) as document content. Needs VIEW.
   *
   * @throws NominationBlockedException when the list does not exist yet (the formal list before the
   *     approval: {@code PARTY.CANDIDATES.APPROVAL_REQUIRED})
   */
  @Transactional(readOnly = true)
  public DocumentContent document(long electionId, Doc doc) {
    Election e = elections.get(electionId);
    NominationState s = current(electionId);
    List<Nominee> all = repo.nominees(electionId);
    LocalDate today = LocalDate.now(clock);
    return switch (doc) {
      case PRELIMINARY_NOTICE -> {
        List<Nominee> list = all.stream().filter(Nominee::preliminary).toList();
        if (list.isEmpty()) {
          throw new IllegalStateException("初步人选尚未确定，不能生成公示");
        }
        yield NominationDocuments.preliminaryNotice(
            e,
            list,
            s.publicityPosted(),
            s.publicityDays(),
            s.publicityUnit(),
            s.publicityPosted() == null
                ? null
                : NominationChecks.publicityEnd(
                    s.publicityPosted(), s.publicityDays(), s.publicityUnit(), CALENDAR));
      }
      case PRE_CANDIDATES_NOTICE -> {
        List<Nominee> list = all.stream().filter(Nominee::preCandidate).toList();
        if (list.isEmpty()) {
          throw new IllegalStateException("预备人选尚未确定，不能生成公示");
        }
        yield NominationDocuments.preCandidateNotice(e, list, today);
      }
      case FORMAL_LIST -> {
        if (s.phase() != Phase.APPROVED) {
          throw blocked(
              Finding.of(NominationRule.APPROVAL_REQUIRED, "phase", "正式候选人尚未经上级党组织批准，不能生成正式候选人名单"));
        }
        yield NominationDocuments.formalList(
            e,
            all.stream().filter(Nominee::formal).toList(),
            // the approver by name, never the login (issue 14)
            s.decidedBy() == null ? null : userNames.of(s.decidedBy()),
            s.decidedAt() == null ? today : LocalDate.ofInstant(s.decidedAt(), clock.getZone()));
      }
    };
  }

  /** The nominee's name (for the file name of their form). Needs VIEW. */
  @Transactional(readOnly = true)
  public String nomineeName(long electionId, long nomineeId) {
    elections.get(electionId);
    return nominee(electionId, nomineeId).member().name();
  }

  /** The candidate registration form (候选人登记表) of one nominee. Needs VIEW. */
  @Transactional(readOnly = true)
  public DocumentContent registrationForm(long electionId, long nomineeId) {
    Election e = elections.get(electionId);
    return NominationDocuments.registrationForm(e, nominee(electionId, nomineeId));
  }

  /** The nomination statistics (推荐情况统计表) as an .xlsx table. Needs VIEW. */
  @Transactional(readOnly = true)
  public XlsxTable statistics(long electionId) {
    Election e = elections.get(electionId);
    List<Nominee> ranked = ranked(repo.nominees(electionId));
    return NominationDocuments.statistics(ranked, repo.disqualifications(electionId))
        .withTitle(
            e.title() + "推荐情况统计表", List.of("被推荐人 " + ranked.size() + " 名，按党员推荐票多少排列（票数相同者名次相同）"));
  }

  // ------------------------------------------------------------------ settings

  /**
   * The settings the plan fixes for the nomination (推荐会有效人数、推荐票人数上限、公示期、结构要求、年龄限制). Needs MANAGE;
   * not after the pre-candidates were submitted.
   */
  @Transactional
  public NominationState saveSettings(
      long electionId,
      MeetingRule meetingRule,
      Integer ballotLimit,
      int publicityDays,
      PeriodUnit publicityUnit,
      String quotaSetId,
      Integer minAge,
      Integer maxAge) {
    Editing ed = editing(electionId, Phase.RECOMMENDATION, Phase.PUBLICITY, Phase.REVIEW);
    Election e = ed.election();
    NominationState s = ed.state();
    if (publicityDays < 5 || publicityDays > 60) {
      throw new InvalidInputException(
          "publicityDays",
          "公示期不少于5天（"
              + ScheduleRule.PARTY_PUBLICITY_PRELIMINARY_5D.code()
              + "），且不超过60天，填写为"
              + publicityDays);
    }
    if (ballotLimit != null && (ballotLimit < 1 || ballotLimit > 99)) {
      throw new InvalidInputException("ballotLimit", "推荐票推荐人数上限须在1至99之间");
    }
    String quota = quotaSetId == null || quotaSetId.isBlank() ? null : quotaSetId.strip();
    if (quota != null && QuotaSets.byId(quota).isEmpty()) {
      throw new InvalidInputException("quotaSetId", "没有这个结构要求组：" + quota);
    }
    if (minAge != null && (minAge < 18 || minAge > 100)
        || maxAge != null && (maxAge < 18 || maxAge > 100)
        || minAge != null && maxAge != null && minAge > maxAge) {
      throw new InvalidInputException("maxAge", "年龄限制须在18至100周岁之间，且下限不大于上限");
    }
    NominationState n =
        new NominationState(
            electionId,
            s.phase(),
            meetingRule == null ? MeetingRule.NONE : meetingRule,
            s.meetingExpected(),
            s.meetingPresent(),
            ballotLimit,
            s.publicityPosted(),
            publicityDays,
            publicityUnit == null ? PeriodUnit.CALENDAR_DAYS : publicityUnit,
            quota,
            minAge,
            maxAge,
            s.decidedBy(),
            s.decidedAt(),
            s.decisionNote(),
            s.version());
    save(n);
    audit(
        e,
        "NOMINATION_SETTINGS",
        "两推一选设置：推荐会"
            + n.meetingRule().labelZh()
            + "，推荐票至多"
            + (ballotLimit == null ? e.seats() : ballotLimit)
            + "人，公示期"
            + publicityDays
            + n.publicityUnit().suffixZh()
            + "，结构要求"
            + (quota == null ? "无" : quota)
            + "，年龄"
            + (minAge == null ? "不限" : minAge)
            + "—"
            + (maxAge == null ? "不限" : maxAge));
    return repo.state(electionId).orElseThrow();
  }

  /** Records the recommendation meeting's attendance (推荐会应到、实到人数). Needs MANAGE. */
  @Transactional
  public void recordMeeting(long electionId, int expected, int present) {
    Editing ed = editing(electionId, Phase.RECOMMENDATION);
    Election e = ed.election();
    NominationState s = ed.state();
    if (expected < 1 || present < 0 || present > expected) {
      throw new InvalidInputException(
          "meeting.present", "推荐会应到人数须至少为1，实到人数须在0至应到人数之间（应到" + expected + "，实到" + present + "）");
    }
    save(withMeeting(s, expected, present));
    audit(e, "NOMINATION_MEETING", "推荐会应到" + expected + "人，实到" + present + "人");
  }

  // ------------------------------------------------------------------ recommendations

  /**
   * Adds a recommended member (党员推荐 typed as a total, and/or 上级党组织推荐). Needs MANAGE.
   *
   * @return the nominee id
   */
  @Transactional
  public long addNominee(long electionId, long memberId, int typedVotes, boolean upperRecommended) {
    Editing ed = editing(electionId, Phase.RECOMMENDATION);
    Election e = ed.election();
    NominationState s = ed.state();
    requireMember(e, memberId, "memberId");
    if (typedVotes < 0) {
      throw new InvalidInputException("typedVotes", "推荐票数不能为负数");
    }
    if (repo.nomineeByMember(electionId, memberId).isPresent()) {
      throw new InvalidInputException("memberId", "该党员已在推荐名单中，请修改其推荐票数");
    }
    long id = repo.insertNominee(electionId, memberId, typedVotes, 0, upperRecommended, now());
    Nominee n = repo.nominee(electionId, id).orElseThrow();
    audit(
        e,
        "NOMINEE_ADDED",
        "推荐人选「" + n.name() + "」：党员推荐" + typedVotes + "票" + (upperRecommended ? "，上级党组织推荐" : ""));
    return id;
  }

  /** Changes a nominee's typed recommendations and the upper organisation's flag. Needs MANAGE. */
  @Transactional
  public void updateNominee(
      long electionId, long nomineeId, int typedVotes, boolean upperRecommended) {
    Editing ed = editing(electionId, Phase.RECOMMENDATION);
    Election e = ed.election();
    NominationState s = ed.state();
    Nominee n = nominee(electionId, nomineeId);
    if (typedVotes < 0) {
      throw new InvalidInputException("typedVotes", "推荐票数不能为负数");
    }
    repo.updateRecommendation(nomineeId, typedVotes, upperRecommended);
    audit(
        e,
        "NOMINEE_UPDATED",
        "修改推荐人选「"
            + n.name()
            + "」：党员推荐 "
            + n.typedVotes()
            + " → "
            + typedVotes
            + " 票，上级推荐 "
            + yesNo(n.upperRecommended())
            + " → "
            + yesNo(upperRecommended));
  }

  /** Removes a nominee during the recommendation stage. Needs MANAGE. */
  @Transactional
  public void removeNominee(long electionId, long nomineeId) {
    Editing ed = editing(electionId, Phase.RECOMMENDATION);
    Election e = ed.election();
    NominationState s = ed.state();
    Nominee n = nominee(electionId, nomineeId);
    if (n.ballotVotes() > 0) {
      throw new IllegalStateException("「" + n.name() + "」已有逐张录入的推荐票" + n.ballotVotes() + "张，不能删除");
    }
    repo.deleteNominee(nomineeId);
    audit(e, "NOMINEE_REMOVED", "删除推荐人选「" + n.name() + "」（党员推荐" + n.votes() + "票）");
  }

  /**
   * Enters one recommendation ballot (逐张录入推荐票) naming up to N members (N: the plan's limit, else
   * the seats). A ballot naming more is void and refused ({@code
   * PARTY.RECOMMEND.BALLOT_OVER_LIMIT}). Members named for the first time become nominees. Needs
   * MANAGE.
   */
  @Transactional
  public void addBallot(long electionId, List<Long> memberIds) {
    Editing ed = editing(electionId, Phase.RECOMMENDATION);
    Election e = ed.election();
    NominationState s = ed.state();
    Set<Long> distinct = new LinkedHashSet<>(memberIds);
    if (distinct.size() != memberIds.size()) {
      throw new InvalidInputException("memberIds", "同一张推荐票上不能重复推荐同一人");
    }
    int limit = s.ballotLimit() == null ? e.seats() : s.ballotLimit();
    List<Finding> f = NominationChecks.ballot(distinct.size(), limit);
    if (!f.isEmpty()) {
      throw new NominationBlockedException(f);
    }
    List<String> names = new ArrayList<>();
    for (Long m : distinct) {
      requireMember(e, m, "memberIds");
    }
    for (Long m : distinct) {
      var existing = repo.nomineeByMember(electionId, m);
      long id;
      if (existing.isPresent()) {
        id = existing.get().id();
        repo.addBallotVote(id);
      } else {
        id = repo.insertNominee(electionId, m, 0, 1, false, now());
      }
      names.add(repo.nominee(electionId, id).orElseThrow().name());
    }
    repo.insertBallot(electionId, List.copyOf(distinct), AccessService.currentUser(), now());
    audit(e, "NOMINATION_BALLOT", "录入推荐票1张：" + (names.isEmpty() ? "空白票" : String.join("、", names)));
  }

  // ------------------------------------------------------------------ preliminary list

  /**
   * Fixes the preliminary list (确定初步人选) and opens its publicity on {@code postedOn} (today if
   * null). Blocks on an invalid recommendation meeting, a person nobody recommended, or a margin
   * below the profile's preliminary margin ({@code PARTY.MARGIN.PRELIMINARY}). Needs MANAGE.
   */
  @Transactional
  public void confirmPreliminary(long electionId, List<Long> nomineeIds, LocalDate postedOn) {
    Editing ed = editing(electionId, Phase.RECOMMENDATION);
    Election e = ed.election();
    NominationState s = ed.state();
    LocalDate today = LocalDate.now(clock);
    LocalDate posted = postedOn == null ? today : postedOn;
    if (posted.isAfter(today)) {
      throw new InvalidInputException("postedOn", "公示张贴日期" + posted + "不能晚于今天" + today);
    }
    List<Nominee> chosen = chosen(electionId, nomineeIds);
    List<Finding> f = new ArrayList<>();
    f.addAll(NominationChecks.meeting(s.meetingRule(), s.meetingExpected(), s.meetingPresent()));
    for (Nominee n : chosen) {
      if (!n.recommended()) {
        f.add(
            Finding.of(
                NominationRule.PRELIMINARY_NOT_RECOMMENDED,
                "nominees[" + n.id() + "]",
                n.name() + "未获党员推荐，也非上级党组织推荐，不能列为初步人选"));
      }
    }
    f.addAll(
        NominationChecks.margin(
            elections.profile(e),
            Stage.PRELIMINARY,
            e.seats(),
            e.currentCommitteeSize(),
            chosen.size()));
    if (!f.isEmpty()) {
      throw new NominationBlockedException(f);
    }
    repo.setList(electionId, "preliminary", ids(chosen));
    save(withPhase(withPosted(s, posted), Phase.PUBLICITY));
    LocalDate end =
        NominationChecks.publicityEnd(posted, s.publicityDays(), s.publicityUnit(), CALENDAR);
    audit(
        e,
        "PRELIMINARY_CONFIRMED",
        "确定初步人选"
            + chosen.size()
            + "名（应选"
            + e.seats()
            + "名）："
            + names(chosen)
            + "；"
            + posted
            + "张贴公示，公示期"
            + s.publicityDays()
            + s.publicityUnit().suffixZh()
            + "，至"
            + end);
  }

  /** Returns to the recommendation stage (重新推荐), clearing the lists. Needs MANAGE. */
  @Transactional
  public void reopen(long electionId, String reason) {
    Editing ed = editing(electionId, Phase.PUBLICITY, Phase.REVIEW);
    Election e = ed.election();
    NominationState s = ed.state();
    if (reason == null || reason.isBlank()) {
      throw new InvalidInputException("reason", "请填写重新推荐的原因");
    }
    repo.setList(electionId, "preliminary", List.of());
    repo.setList(electionId, "pre_candidate", List.of());
    save(withPhase(withPosted(s, null), Phase.RECOMMENDATION));
    audit(
        e,
        "NOMINATION_REOPENED",
        "退回推荐阶段（" + s.phase().labelZh() + " → 党员推荐），原因：" + reason.strip());
  }

  // ------------------------------------------------------------------ publicity and reports

  /** Registers a report received during the publicity (登记举报). Needs MANAGE. */
  @Transactional
  public long addReport(long electionId, LocalDate receivedOn, String content) {
    Editing ed = editing(electionId, Phase.PUBLICITY, Phase.REVIEW);
    Election e = ed.election();
    NominationState s = ed.state();
    if (receivedOn == null || receivedOn.isAfter(LocalDate.now(clock))) {
      throw new InvalidInputException("receivedOn", "请填写收到举报的日期（不能晚于今天）");
    }
    String c = text(content, "content", "举报内容", 2000);
    long id = repo.insertReport(electionId, receivedOn, c, AccessService.currentUser(), now());
    audit(
        e, "PUBLICITY_REPORT_ADDED", "登记举报（" + receivedOn + "）：" + NominationChecks.abbreviate(c));
    return id;
  }

  /** Records how a report was handled and its outcome (查核处理情况与结果). Needs MANAGE. */
  @Transactional
  public void handleReport(long electionId, long reportId, String handling, String outcome) {
    Editing ed = editing(electionId, Phase.PUBLICITY, Phase.REVIEW);
    Election e = ed.election();
    NominationState s = ed.state();
    String h = text(handling, "handling", "查核处理情况", 2000);
    String o = text(outcome, "outcome", "处理结果", 2000);
    if (!repo.updateReport(electionId, reportId, h, o, AccessService.currentUser(), now())) {
      throw new InvalidInputException("reportId", "没有这条举报：" + reportId);
    }
    audit(
        e,
        "PUBLICITY_REPORT_HANDLED",
        "举报"
            + reportId
            + "已查核："
            + NominationChecks.abbreviate(h)
            + "；结果："
            + NominationChecks.abbreviate(o));
  }

  /**
   * Ends the publicity (公示结束): only after it has run ({@code
   * PARTY.PUBLICITY.PRELIMINARY_CANDIDATES_5D}) and with every report handled ({@code
   * PARTY.PUBLICITY.REPORT_UNHANDLED}). Needs MANAGE.
   */
  @Transactional
  public void closePublicity(long electionId) {
    Editing ed = editing(electionId, Phase.PUBLICITY);
    Election e = ed.election();
    NominationState s = ed.state();
    List<Finding> f = publicityFindings(s);
    if (!f.isEmpty()) {
      throw new NominationBlockedException(f);
    }
    save(withPhase(s, Phase.REVIEW));
    audit(
        e,
        "PUBLICITY_CLOSED",
        "初步人选公示期满（"
            + s.publicityPosted()
            + "张贴，"
            + s.publicityDays()
            + s.publicityUnit().suffixZh()
            + "），举报"
            + repo.reports(electionId).size()
            + "件均已查核处理");
  }

  // ------------------------------------------------------------------ eligibility review

  /** Puts a nominee on the negative list with the reason and evidence (资格审查不通过). Needs MANAGE. */
  @Transactional
  public void disqualify(long electionId, long nomineeId, String reason, String evidence) {
    Editing ed = editing(electionId, Phase.RECOMMENDATION, Phase.PUBLICITY, Phase.REVIEW);
    Election e = ed.election();
    NominationState s = ed.state();
    Nominee n = nominee(electionId, nomineeId);
    String r = text(reason, "reason", "负面清单情形", 500);
    String ev = text(evidence, "evidence", "依据材料", 2000);
    repo.insertDisqualification(nomineeId, r, ev, AccessService.currentUser(), now());
    audit(
        e,
        "NOMINEE_DISQUALIFIED",
        "资格审查：「" + n.name() + "」" + r + "（依据：" + NominationChecks.abbreviate(ev) + "）");
  }

  /** Removes a negative-list entry (撤销负面清单记录). Needs MANAGE. */
  @Transactional
  public void clearDisqualification(long electionId, long disqualificationId, String reason) {
    Editing ed = editing(electionId, Phase.RECOMMENDATION, Phase.PUBLICITY, Phase.REVIEW);
    Election e = ed.election();
    NominationState s = ed.state();
    Disqualification d =
        repo.disqualification(electionId, disqualificationId)
            .orElseThrow(() -> new InvalidInputException("id", "没有这条负面清单记录：" + disqualificationId));
    String why = text(reason, "reason", "撤销原因", 500);
    Nominee n = nominee(electionId, d.nomineeId());
    repo.deleteDisqualification(disqualificationId);
    audit(
        e,
        "NOMINEE_DISQUALIFICATION_REMOVED",
        "撤销「" + n.name() + "」的负面清单记录「" + d.reason() + "」，原因：" + why);
  }

  /** Records a close relation between two members of the branch (登记近亲属关系). Needs MANAGE. */
  @Transactional
  public long addRelation(
      long electionId, long memberA, long memberB, RelationKind kind, String note) {
    Election e = editable(electionId);
    if (memberA == memberB) {
      throw new InvalidInputException("memberB", "近亲属关系须为两个不同的人");
    }
    if (kind == null) {
      throw new InvalidInputException("kind", "请选择亲属关系");
    }
    requireMember(e, memberA, "memberA");
    requireMember(e, memberB, "memberB");
    long a = Math.min(memberA, memberB);
    long b = Math.max(memberA, memberB);
    if (repo.relationExists(a, b, kind)) {
      throw new InvalidInputException("memberB", "该亲属关系已登记");
    }
    String n = note == null ? "" : note.strip();
    long id =
        repo.insertRelation(
            a,
            b,
            kind,
            n.length() > 500 ? n.substring(0, 500) : n,
            AccessService.currentUser(),
            now());
    Map<Long, String> names = repo.memberNames(e.organisationId());
    audit(
        e,
        "RELATION_ADDED",
        "登记近亲属关系：" + names.get(a) + "与" + names.get(b) + "（" + kind.labelZh() + "）");
    return id;
  }

  /** Deletes a recorded relation. Needs MANAGE. */
  @Transactional
  public void removeRelation(long electionId, long relationId) {
    Election e = editable(electionId);
    Relation r =
        repo.relations(e.organisationId()).stream()
            .filter(x -> x.id() == relationId)
            .findFirst()
            .orElseThrow(() -> new InvalidInputException("relationId", "没有这条亲属关系：" + relationId));
    repo.deleteRelation(relationId);
    audit(
        e,
        "RELATION_REMOVED",
        "删除近亲属关系：" + r.nameA() + "与" + r.nameB() + "（" + r.kind().labelZh() + "）");
  }

  // ------------------------------------------------------------------ pre-candidates and approval

  /**
   * Fixes the pre-candidates (确定预备人选) and submits them to the upper organisation (报上级审批). Blocks
   * unless every one is on the preliminary list, eligible (vote, party age, age limits, negative
   * list), no two are close relatives, no report is unhandled and the margin holds ({@code
   * PARTY.MARGIN.PRE_CANDIDATES}). Quotas are shown but do not block. Needs MANAGE.
   */
  @Transactional
  public void submitPreCandidates(long electionId, List<Long> nomineeIds) {
    Editing ed = editing(electionId, Phase.REVIEW);
    Election e = ed.election();
    NominationState s = ed.state();
    List<Nominee> chosen = chosen(electionId, nomineeIds);
    List<Finding> f = new ArrayList<>();
    for (Nominee n : chosen) {
      if (!n.preliminary()) {
        f.add(
            Finding.of(
                NominationRule.PRE_CANDIDATE_NOT_PRELIMINARY,
                "nominees[" + n.id() + "]",
                n.name() + "不在经公示的初步人选名单中"));
      }
    }
    f.addAll(listFindings(e, s, chosen, Stage.PRE_CANDIDATES));
    if (!f.isEmpty()) {
      throw new NominationBlockedException(f);
    }
    repo.setList(electionId, "pre_candidate", ids(chosen));
    save(withPhase(s, Phase.SUBMITTED));
    QuotaCheck q = quota(e, s, chosen);
    String summary =
        "委员候选人预备人选"
            + chosen.size()
            + "名（应选"
            + e.seats()
            + "名）："
            + names(NameOrder.surnameStrokes(), chosen)
            + (q == null
                ? ""
                : "；结构："
                    + q.results().stream()
                        .map(r -> r.step().explanationZh())
                        .collect(Collectors.joining("；")));
    approvals.submit(electionId, ApprovalKind.PRE_CANDIDATES, summary);
    audit(e, "PRE_CANDIDATES_SUBMITTED", "确定并报送" + summary);
  }

  /** The upper organisation returns the pre-candidates (退回预备人选) with a comment. Needs APPROVE. */
  @Transactional
  public void returnPreCandidates(long electionId, String comment) {
    Election e = elections.get(electionId, Permission.APPROVE);
    requireElectionStage(e);
    NominationState s = repo.ensureState(electionId, now());
    requirePhase(s, Phase.SUBMITTED);
    approvals.decide(electionId, ApprovalKind.PRE_CANDIDATES, ApprovalDecision.RETURNED, comment);
    repo.setList(electionId, "pre_candidate", List.of());
    save(withPhase(s, Phase.REVIEW));
    audit(e, "PRE_CANDIDATES_RETURNED", "上级退回预备人选：" + comment);
  }

  /**
   * The upper organisation approves the pre-candidates (审查同意): they become the formal candidates,
   * and the election moves 「上级已批复」 → 「正式候选人已确定」. Rechecks the list (eligibility, relatives,
   * reports) and the formal margin ({@code PARTY.MARGIN.MEMBERS}). Needs APPROVE.
   *
   * @param electionVersion the election version the approver saw (optimistic locking)
   */
  @Transactional
  public List<FormalCandidate> approve(long electionId, int electionVersion, String comment) {
    Election e = elections.get(electionId, Permission.APPROVE);
    requireElectionStage(e);
    NominationState s = repo.ensureState(electionId, now());
    requirePhase(s, Phase.SUBMITTED);
    List<Nominee> pre = repo.nominees(electionId).stream().filter(Nominee::preCandidate).toList();
    List<Finding> f = listFindings(e, s, pre, Stage.FORMAL);
    if (!f.isEmpty()) {
      throw new NominationBlockedException(f);
    }
    String c = comment == null ? "" : comment.strip();
    approvals.decide(electionId, ApprovalKind.PRE_CANDIDATES, ApprovalDecision.APPROVED, c);
    repo.setList(electionId, "formal", ids(pre));
    Instant now = now();
    save(
        new NominationState(
            electionId,
            Phase.APPROVED,
            s.meetingRule(),
            s.meetingExpected(),
            s.meetingPresent(),
            s.ballotLimit(),
            s.publicityPosted(),
            s.publicityDays(),
            s.publicityUnit(),
            s.quotaSetId(),
            s.minAge(),
            s.maxAge(),
            AccessService.currentUser(),
            now,
            c,
            s.version()));
    List<FormalCandidate> formal = formalOf(repo.nominees(electionId));
    elections.transition(
        electionId,
        electionVersion,
        Permission.APPROVE,
        ElectionStatus.PLAN_APPROVED,
        ElectionStatus.CANDIDATES_APPROVED,
        "CANDIDATES_APPROVED",
        "上级党组织批准正式候选人"
            + formal.size()
            + "名（应选"
            + e.seats()
            + "名，按姓氏笔画为序）："
            + formal.stream().map(FormalCandidate::name).collect(Collectors.joining("、")));
    return formal;
  }

  // ------------------------------------------------------------------ helpers

  private List<Finding> listFindings(
      Election e, NominationState s, List<Nominee> list, Stage stage) {
    List<Finding> f = new ArrayList<>();
    Map<Long, List<Disqualification>> negatives = repo.disqualifications(e.id());
    for (Nominee n : list) {
      f.addAll(eligibility(e, s, n, negatives));
    }
    f.addAll(NominationChecks.relatives(list, repo.relations(e.organisationId())));
    f.addAll(NominationChecks.reports(repo.reports(e.id())));
    f.addAll(
        NominationChecks.margin(
            elections.profile(e), stage, e.seats(), e.currentCommitteeSize(), list.size()));
    return f;
  }

  private List<Finding> eligibility(
      Election e, NominationState s, Nominee n, Map<Long, List<Disqualification>> negatives) {
    return NominationChecks.eligibility(
        e.kind().config().nomineeEligibility(),
        n.name(),
        n.member(),
        e.electionDay(),
        s.minAge(),
        s.maxAge(),
        negatives.getOrDefault(n.id(), List.of()));
  }

  private List<Finding> publicityFindings(NominationState s) {
    return NominationChecks.publicityOver(
        s.publicityPosted(),
        s.publicityDays(),
        s.publicityUnit(),
        CALENDAR,
        LocalDate.now(clock),
        repo.reports(s.electionId()));
  }

  /** What keeps the current stage from closing now, for the page. */
  private List<Finding> blockingNow(
      Election e,
      NominationState s,
      List<Nominee> all,
      Map<Long, List<Disqualification>> negatives,
      List<Relation> relations) {
    return switch (s.phase()) {
      case RECOMMENDATION ->
          NominationChecks.meeting(s.meetingRule(), s.meetingExpected(), s.meetingPresent());
      case PUBLICITY -> publicityFindings(s);
      default -> List.of();
    };
  }

  private List<NominationOverview.Row> rows(
      Election e,
      NominationState s,
      List<Nominee> all,
      Map<Long, List<Disqualification>> negatives) {
    List<Nominee> ranked = ranked(all);
    List<NominationOverview.Row> rows = new ArrayList<>();
    int rank = 0;
    int prevVotes = -1;
    for (int i = 0; i < ranked.size(); i++) {
      Nominee n = ranked.get(i);
      if (n.votes() != prevVotes) {
        rank = i + 1;
        prevVotes = n.votes();
      }
      rows.add(
          new NominationOverview.Row(
              n, rank, negatives.getOrDefault(n.id(), List.of()), eligibility(e, s, n, negatives)));
    }
    return rows;
  }

  static List<Nominee> ranked(List<Nominee> all) {
    NameOrder order = NameOrder.surnameStrokes();
    return all.stream()
        .sorted(
            Comparator.comparingInt(Nominee::votes)
                .reversed()
                .thenComparing(Nominee::name, order)
                .thenComparingLong(Nominee::id))
        .toList();
  }

  /** The list in force: formal, else pre-candidates, else preliminary. */
  private static List<Nominee> currentList(NominationState s, List<Nominee> all) {
    List<Nominee> formal = all.stream().filter(Nominee::formal).toList();
    if (!formal.isEmpty()) {
      return formal;
    }
    List<Nominee> pre = all.stream().filter(Nominee::preCandidate).toList();
    if (!pre.isEmpty()) {
      return pre;
    }
    return all.stream().filter(Nominee::preliminary).toList();
  }

  private QuotaCheck quota(Election e, NominationState s, List<Nominee> list) {
    if (s.quotaSetId() == null) {
      return null;
    }
    QuotaSet set = QuotaSets.byId(s.quotaSetId()).orElse(null);
    if (set == null) {
      return null;
    }
    List<Person> people =
        list.stream()
            .map(
                n ->
                    new Person(
                        Long.toString(n.id()),
                        n.name(),
                        n.member().gender(),
                        n.member().birthDate(),
                        n.member().ethnicity(),
                        Boolean.TRUE,
                        Set.of()))
            .toList();
    return Quotas.check(set.requirements(), people, e.electionDay());
  }

  static List<FormalCandidate> formalOf(List<Nominee> all) {
    NameOrder order = NameOrder.surnameStrokes();
    return all.stream()
        .filter(Nominee::formal)
        .sorted(Comparator.comparing(Nominee::name, order).thenComparingLong(Nominee::id))
        .map(
            n ->
                new FormalCandidate(
                    n.id(),
                    n.memberId(),
                    n.name(),
                    n.member().gender().labelZh(),
                    n.member().birthDate()))
        .toList();
  }

  private MarginRange range(Profile profile, Election e, Stage st) {
    return Margins.range(
            profile,
            new MarginQuery(
                st,
                Post.MEMBERS,
                e.seats(),
                e.currentCommitteeSize() == null ? 0 : e.currentCommitteeSize()))
        .outcome();
  }

  private List<Nominee> chosen(long electionId, List<Long> nomineeIds) {
    Map<Long, Nominee> byId = new LinkedHashMap<>();
    for (Nominee n : repo.nominees(electionId)) {
      byId.put(n.id(), n);
    }
    List<Nominee> out = new ArrayList<>();
    Set<Long> seen = new LinkedHashSet<>();
    for (Long id : nomineeIds == null ? List.<Long>of() : nomineeIds) {
      Nominee n = byId.get(id);
      if (n == null) {
        throw new InvalidInputException("nomineeIds", "没有这名被推荐人：" + id);
      }
      if (seen.add(id)) {
        out.add(n);
      }
    }
    return out;
  }

  private Nominee nominee(long electionId, long nomineeId) {
    return repo.nominee(electionId, nomineeId)
        .orElseThrow(() -> new InvalidInputException("nomineeId", "没有这名被推荐人：" + nomineeId));
  }

  private void requireMember(Election e, long memberId, String field) {
    Long org = repo.memberOrganisation(memberId).orElse(null);
    if (org == null) {
      throw new InvalidInputException(field, "党员不存在：" + memberId);
    }
    if (org != e.organisationId()) {
      throw blocked(
          Finding.of(
              NominationRule.NOMINEE_NOT_IN_BRANCH,
              field,
              "党员" + memberId + "不是「" + e.organisationName() + "」的党员"));
    }
  }

  /** The election for a change: MANAGE, stage PLAN_APPROVED. */
  private Election editable(long electionId) {
    Election e = elections.get(electionId, Permission.MANAGE);
    requireElectionStage(e);
    return e;
  }

  private static void requireElectionStage(Election e) {
    if (e.status() != ElectionStatus.PLAN_APPROVED) {
      throw new IllegalStateException(
          "当前阶段为「"
              + e.status().labelZh()
              + "」，候选人推荐须在「"
              + ElectionStatus.PLAN_APPROVED.labelZh()
              + "」阶段进行");
    }
  }

  private static void requirePhase(NominationState s, Phase... allowed) {
    for (Phase p : allowed) {
      if (s.phase() == p) {
        return;
      }
    }
    throw new IllegalStateException(
        "两推一选当前为「"
            + s.phase().labelZh()
            + "」，不能进行此操作（需处于："
            + java.util.Arrays.stream(allowed).map(Phase::labelZh).collect(Collectors.joining("、"))
            + "）");
  }

  private boolean allowed(Election e, Permission p) {
    return access.allowed(
        AccessService.currentUser(), AccessService.currentIsAdmin(), e.organisationId(), p);
  }

  private void save(NominationState s) {
    if (!repo.saveState(s, now())) {
      throw new IllegalStateException("候选人推荐数据已被他人修改，请刷新页面后重试");
    }
  }

  private void audit(Election e, String action, String summary) {
    audit.append(AccessService.currentUser(), action, "election:" + e.id(), summary);
  }

  private Instant now() {
    return clock.instant();
  }

  private NominationState defaultState(long electionId) {
    return new NominationState(
        electionId,
        Phase.RECOMMENDATION,
        MeetingRule.NONE,
        null,
        null,
        null,
        null,
        5,
        PeriodUnit.CALENDAR_DAYS,
        null,
        null,
        null,
        null,
        null,
        "",
        0);
  }

  private static NominationState withPhase(NominationState s, Phase p) {
    return new NominationState(
        s.electionId(),
        p,
        s.meetingRule(),
        s.meetingExpected(),
        s.meetingPresent(),
        s.ballotLimit(),
        s.publicityPosted(),
        s.publicityDays(),
        s.publicityUnit(),
        s.quotaSetId(),
        s.minAge(),
        s.maxAge(),
        s.decidedBy(),
        s.decidedAt(),
        s.decisionNote(),
        s.version());
  }

  private static NominationState withPosted(NominationState s, LocalDate posted) {
    return new NominationState(
        s.electionId(),
        s.phase(),
        s.meetingRule(),
        s.meetingExpected(),
        s.meetingPresent(),
        s.ballotLimit(),
        posted,
        s.publicityDays(),
        s.publicityUnit(),
        s.quotaSetId(),
        s.minAge(),
        s.maxAge(),
        s.decidedBy(),
        s.decidedAt(),
        s.decisionNote(),
        s.version());
  }

  private static NominationState withMeeting(NominationState s, int expected, int present) {
    return new NominationState(
        s.electionId(),
        s.phase(),
        s.meetingRule(),
        expected,
        present,
        s.ballotLimit(),
        s.publicityPosted(),
        s.publicityDays(),
        s.publicityUnit(),
        s.quotaSetId(),
        s.minAge(),
        s.maxAge(),
        s.decidedBy(),
        s.decidedAt(),
        s.decisionNote(),
        s.version());
  }

  private static NominationBlockedException blocked(Finding f) {
    return new NominationBlockedException(List.of(f));
  }

  private static List<Long> ids(List<Nominee> list) {
    return list.stream().map(Nominee::id).toList();
  }

  private static String names(List<Nominee> list) {
    return list.stream().map(Nominee::name).collect(Collectors.joining("、"));
  }

  private static String names(NameOrder order, List<Nominee> list) {
    return list.stream().map(Nominee::name).sorted(order).collect(Collectors.joining("、"));
  }

  private static String yesNo(boolean b) {
    return b ? "是" : "否";
  }

  private static String text(String value, String field, String label, int max) {
    String v = value == null ? "" : value.strip();
    if (v.isEmpty()) {
      throw new InvalidInputException(field, label + "不能为空");
    }
    if (v.length() > max) {
      throw new InvalidInputException(field, label + "不能超过" + max + "字");
    }
    return v;
  }
}
