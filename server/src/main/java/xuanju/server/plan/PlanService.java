package xuanju.server.plan;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.core.margin.MarginQuery;
import xuanju.core.margin.Margins;
import xuanju.core.margin.Post;
import xuanju.core.margin.Stage;
import xuanju.core.profile.Profile;
import xuanju.core.rule.Findings;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.audit.AuditLog;
import xuanju.server.documents.DocumentContent;
import xuanju.server.election.Election;
import xuanju.server.election.ElectionService;
import xuanju.server.election.ElectionStatus;
import xuanju.server.election.kind.PlanFacts;
import xuanju.server.organisation.Organisation;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.roster.RosterService;
import xuanju.server.roster.RosterStats;

/**
 * The election plan and its request (选举工作方案与请示): edit the plan while it is a draft (MANAGE), check
 * it against the roster, submit the request (DRAFT → PLAN_SUBMITTED), and the upper organisation's
 * reply (APPROVE: PLAN_SUBMITTED → PLAN_APPROVED, or back to DRAFT with a comment). Every change is
 * audited in the same transaction.
 */
@Service
public class PlanService {
  private final JdbcTemplate jdbc;
  private final ElectionService elections;
  private final ApprovalService approvals;
  private final RosterService roster;
  private final OrganisationService organisations;
  private final AccessService access;
  private final AuditLog audit;
  private final Clock clock;
  private final xuanju.server.election.kind.RegisterFactsSource registers;

  public PlanService(
      JdbcTemplate jdbc,
      ElectionService elections,
      ApprovalService approvals,
      RosterService roster,
      OrganisationService organisations,
      AccessService access,
      AuditLog audit,
      Clock clock,
      xuanju.server.election.kind.RegisterFactsSource registers) {
    this.jdbc = jdbc;
    this.registers = registers;
    this.elections = elections;
    this.approvals = approvals;
    this.roster = roster;
    this.organisations = organisations;
    this.access = access;
    this.audit = audit;
    this.clock = clock;
  }

  /** The plan page's data. Needs VIEW. */
  @Transactional(readOnly = true)
  public PlanView view(long electionId) {
    Election e = elections.get(electionId);
    RosterStats s = roster.stats(e.organisationId());
    boolean canManage =
        access.allowed(
            AccessService.currentUser(),
            AccessService.currentIsAdmin(),
            e.organisationId(),
            Permission.MANAGE);
    return new PlanView(
        e,
        details(e),
        s,
        check(e, s),
        margins(e),
        approvals.history(electionId, ApprovalKind.PLAN),
        e.status() == ElectionStatus.DRAFT,
        canManage,
        approvals.canDecide(e, ApprovalKind.PLAN));
  }

  /** The findings of the plan against the roster. Needs VIEW. */
  @Transactional(readOnly = true)
  public Findings check(long electionId) {
    Election e = elections.get(electionId);
    return check(e, roster.stats(e.organisationId()));
  }

  /**
   * Saves the plan (修改方案) while the election is a draft (also after the upper organisation returned
   * it). Needs MANAGE.
   *
   * @throws IllegalStateException outside DRAFT or when someone else changed the election
   */
  @Transactional
  public Election update(long electionId, int expectedVersion, PlanForm f) {
    Election e = elections.get(electionId, Permission.MANAGE);
    if (e.status() != ElectionStatus.DRAFT) {
      throw new IllegalStateException("当前阶段为「" + e.status().labelZh() + "」，方案只能在起草阶段（或被上级退回后）修改");
    }
    validate(f);
    int n =
        jdbc.update(
            "UPDATE election SET has_committee = ?, seats = ?, secretary_seats = ?,"
                + " deputy_seats = ?, current_committee_size = ?, election_day = ?,"
                + " term_years = ?, updated_at = ?, version = version + 1"
                + " WHERE id = ? AND version = ? AND status = ?",
            f.hasCommittee(),
            f.seats(),
            f.secretarySeats(),
            f.deputySeats(),
            f.currentCommitteeSize(),
            Date.valueOf(f.electionDay()),
            f.termYears(),
            Timestamp.from(clock.instant()),
            electionId,
            expectedVersion,
            ElectionStatus.DRAFT.name());
    if (n != 1) {
      throw new IllegalStateException("该选举已被他人修改，请刷新页面后重试");
    }
    String actor = AccessService.currentUser();
    PlanDetails d = new PlanDetails(f.termStart(), f.termExpiry(), f.method(), f.meetingPlace());
    saveDetails(electionId, d, actor);
    audit.append(
        actor,
        "PLAN_UPDATED",
        "election:" + electionId,
        "修改选举工作方案："
            + committeeZh(e, f.hasCommittee(), f.seats())
            + "，书记 "
            + f.secretarySeats()
            + " 名，副书记 "
            + f.deputySeats()
            + " 名，选举日 "
            + f.electionDay()
            + (e.electionDay().equals(f.electionDay()) ? "" : "（原 " + e.electionDay() + "）"));
    return elections.get(electionId);
  }

  /**
   * Submits the request to the upper organisation (报送请示): DRAFT → PLAN_SUBMITTED. Needs MANAGE.
   *
   * @throws RuleBlockedException when the plan contradicts the roster (nothing is changed)
   */
  @Transactional
  public Election submit(long electionId, int expectedVersion) {
    Election e = elections.get(electionId, Permission.MANAGE);
    RosterStats s = roster.stats(e.organisationId());
    Findings f = check(e, s);
    if (!f.ok()) {
      throw new RuleBlockedException(
          "方案与" + e.kind().config().wording().electorateRecord() + "不符，不能报送请示：", f.errors());
    }
    Election after =
        elections.transition(
            electionId,
            expectedVersion,
            Permission.MANAGE,
            ElectionStatus.DRAFT,
            ElectionStatus.PLAN_SUBMITTED,
            "PLAN_SUBMITTED",
            "报送换届选举请示");
    approvals.submit(electionId, ApprovalKind.PLAN, summary(e, s));
    return after;
  }

  /**
   * The upper organisation's reply (批复): approve (PLAN_SUBMITTED → PLAN_APPROVED) or return with a
   * comment (→ DRAFT). Needs APPROVE.
   */
  @Transactional
  public Election decide(
      long electionId, int expectedVersion, ApprovalDecision decision, String comment) {
    Approval a = approvals.decide(electionId, ApprovalKind.PLAN, decision, comment);
    boolean ok = a.decision() == ApprovalDecision.APPROVED;
    return elections.transition(
        electionId,
        expectedVersion,
        Permission.APPROVE,
        Set.of(ElectionStatus.PLAN_SUBMITTED),
        ok ? ElectionStatus.PLAN_APPROVED : ElectionStatus.DRAFT,
        ok ? "PLAN_APPROVED" : "PLAN_RETURNED",
        ok ? "上级批复同意换届选举请示" : "上级退回换届选举请示：" + a.comment());
  }

  /** The request (请示) as document content, dated the submission day or today. Needs VIEW. */
  @Transactional(readOnly = true)
  public DocumentContent requestDocument(long electionId) {
    Election e = elections.get(electionId);
    var history = approvals.history(electionId, ApprovalKind.PLAN);
    LocalDate date =
        history.isEmpty()
            ? LocalDate.now(clock)
            : LocalDate.ofInstant(history.get(history.size() - 1).submittedAt(), zone());
    return PlanDocuments.request(
        e,
        details(e),
        roster.stats(e.organisationId()),
        signedName(e.organisationId()),
        upperName(e.organisationId()),
        margins(e),
        date);
  }

  /**
   * The reply (批复) to the latest decided request. Needs VIEW.
   *
   * @throws IllegalStateException when nothing has been decided yet
   */
  @Transactional(readOnly = true)
  public DocumentContent replyDocument(long electionId) {
    Election e = elections.get(electionId);
    Approval a =
        approvals
            .latest(electionId, ApprovalKind.PLAN)
            .orElseThrow(() -> new IllegalStateException("上级尚未批复换届选举请示"));
    return PlanDocuments.reply(
        e,
        a,
        signedName(e.organisationId()),
        upperName(e.organisationId()),
        LocalDate.ofInstant(a.decidedAt(), zone()));
  }

  /** The plan details of an election (defaults when never saved). */
  public PlanDetails details(Election e) {
    return jdbc
        .query(
            "SELECT term_start, term_expiry, method, meeting_place FROM election_plan"
                + " WHERE election_id = ?",
            (rs, i) ->
                new PlanDetails(
                    rs.getObject("term_start", LocalDate.class),
                    rs.getObject("term_expiry", LocalDate.class),
                    rs.getString("method"),
                    rs.getString("meeting_place")),
            e.id())
        .stream()
        .findFirst()
        .orElse(PlanDetails.empty(e));
  }

  /** The candidate numbers by stage (差额), per the election's profile (core {@code Margins}). */
  public Map<String, String> margins(Election e) {
    Profile p = elections.profile(e);
    Map<String, String> m = new LinkedHashMap<>();
    if (e.hasCommittee()) {
      put(m, "委员候选人预备人选", p, MarginQuery.of(Stage.PRE_CANDIDATES, Post.MEMBERS, e.seats()));
      put(m, "委员正式候选人", p, MarginQuery.of(Stage.FORMAL, Post.MEMBERS, e.seats()));
    } else {
      put(
          m,
          "书记候选人",
          p,
          MarginQuery.of(Stage.FORMAL, Post.OFFICERS, Math.max(1, e.secretarySeats())));
    }
    return m;
  }

  private static void put(Map<String, String> m, String label, Profile p, MarginQuery q) {
    try {
      m.put(label, Margins.range(p, q).outcome().display());
    } catch (RuntimeException ex) {
      // the profile defines no margin for this stage or post
    }
  }

  /** 中共 + the organisation's name, as signed on documents. */
  public String signedName(long organisationId) {
    return organisation(organisationId).map(o -> signed(o.name())).orElse("党支部");
  }

  /** The upper organisation's name as addressed (or 上级党组织 for a root). */
  public String upperName(long organisationId) {
    return organisation(organisationId)
        .map(Organisation::parentId)
        .flatMap(pid -> pid == null ? java.util.Optional.empty() : organisation(pid))
        .map(o -> signed(o.name()))
        .orElse("上级党组织");
  }

  private static String signed(String name) {
    return name.startsWith("中共") ? name : "中共" + name;
  }

  private java.util.Optional<Organisation> organisation(long id) {
    return organisations.all().stream().filter(o -> o.id() == id).findFirst();
  }

  private ZoneId zone() {
    return clock.getZone();
  }

  private Findings check(Election e, RosterStats s) {
    return e.kind()
        .config()
        .planCheck()
        .check(
            new PlanFacts(
                e.hasCommittee(),
                e.seats(),
                e.secretarySeats(),
                e.deputySeats(),
                s.withVote(),
                e.kind().config().electorate().registersVoters() ? registers.of(e) : null));
  }

  /** e.g. 设支部委员会，委员 5 名 / 不设支部委员会, in the kind's words. */
  private static String committeeZh(Election e, boolean hasCommittee, int seats) {
    var w = e.kind().config().wording();
    return hasCommittee
        ? "设" + w.committee() + "，" + w.committeeMember() + " " + seats + " 名"
        : "不设" + w.committee();
  }

  private static String summary(Election e, RosterStats s) {
    return "党员 "
        + s.total()
        + " 名（正式 "
        + s.full()
        + "，预备 "
        + s.probationary()
        + "，有表决权 "
        + s.withVote()
        + "）；"
        + committeeZh(e, e.hasCommittee(), e.seats())
        + "；选举日 "
        + e.electionDay();
  }

  private void saveDetails(long electionId, PlanDetails d, String actor) {
    Timestamp now = Timestamp.from(clock.instant());
    int n =
        jdbc.update(
            "UPDATE election_plan SET term_start = ?, term_expiry = ?, method = ?,"
                + " meeting_place = ?, updated_by = ?, updated_at = ? WHERE election_id = ?",
            d.termStart() == null ? null : Date.valueOf(d.termStart()),
            d.termExpiry() == null ? null : Date.valueOf(d.termExpiry()),
            d.method(),
            d.meetingPlace(),
            actor,
            now,
            electionId);
    if (n == 0) {
      jdbc.update(
          "INSERT INTO election_plan (election_id, term_start, term_expiry, method,"
              + " meeting_place, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
          electionId,
          d.termStart() == null ? null : Date.valueOf(d.termStart()),
          d.termExpiry() == null ? null : Date.valueOf(d.termExpiry()),
          d.method(),
          d.meetingPlace(),
          actor,
          now);
    }
  }

  private static void validate(PlanForm f) {
    if (f.electionDay() == null) {
      throw new InvalidInputException("electionDay", "请填写选举日期");
    }
    if (f.seats() < 1 || f.seats() > 99) {
      throw new InvalidInputException("seats", "应选人数须在1至99之间");
    }
    if (f.secretarySeats() < 0 || f.secretarySeats() > 1) {
      throw new InvalidInputException("secretarySeats", "书记职数应为1名");
    }
    if (f.deputySeats() < 0 || f.deputySeats() > 3) {
      throw new InvalidInputException("deputySeats", "副书记职数须在0至3名之间");
    }
    if (f.hasCommittee() && f.secretarySeats() + f.deputySeats() > f.seats()) {
      throw new InvalidInputException(
          "deputySeats",
          "书记、副书记共" + (f.secretarySeats() + f.deputySeats()) + "名，不能多于委员" + f.seats() + "名");
    }
    if (f.termYears() < 1 || f.termYears() > 5) {
      throw new InvalidInputException("termYears", "任期须为1至5年");
    }
    if (f.termStart() != null && f.termExpiry() != null && f.termExpiry().isBefore(f.termStart())) {
      throw new InvalidInputException("termExpiry", "任期届满日期不能早于本届选举产生日期");
    }
    if (f.method() != null && f.method().length() > 1000) {
      throw new InvalidInputException("method", "选举方式不能超过1000字");
    }
    if (f.meetingPlace() != null && f.meetingPlace().length() > 200) {
      throw new InvalidInputException("meetingPlace", "会议地点不能超过200字");
    }
  }
}
