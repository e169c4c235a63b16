package xuanju.server.attendance;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.core.roster.MemberStatus;
import xuanju.core.roster.Membership;
import xuanju.core.roster.ResidentIds;
import xuanju.core.roster.Roster;
import xuanju.core.roster.RosterRule;
import xuanju.core.rule.InvalidInputException;
import xuanju.core.rule.Step;
import xuanju.core.schedule.HolidayCalendar;
import xuanju.core.schedule.Milestone;
import xuanju.core.schedule.MilestoneKind;
import xuanju.core.schedule.MilestoneSpec;
import xuanju.core.schedule.MilestoneStatus;
import xuanju.core.schedule.PeriodUnit;
import xuanju.core.schedule.ScheduleRule;
import xuanju.core.schedule.ScheduleSettings;
import xuanju.core.schedule.Schedules;
import xuanju.core.schedule.TimelineTemplate;
import xuanju.core.schedule.TimelineTemplates;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.audit.AuditLog;
import xuanju.server.election.Election;
import xuanju.server.election.ElectionService;
import xuanju.server.plan.ApprovalDecision;
import xuanju.server.plan.ApprovalKind;
import xuanju.server.plan.ApprovalService;
import xuanju.server.plan.RuleBlockedException;

/**
 * Who counts at the members' meeting (应到会人数): members with a vote from the roster (core {@link
 * Roster#votingRight}), minus the five-category exclusions that the upper organisation agreed to,
 * that were published for 3 days or more (PB-01) and that the members' meeting adopted (A2.2).
 *
 * <p>The exclusion list moves DRAFT → SUBMITTED (MANAGE) → APPROVED or back to DRAFT (APPROVE) →
 * PUBLISHED (MANAGE, with the posting day) → ADOPTED (MANAGE, with the meeting's vote, refused
 * before the publicity period has run: 公示期未满). Every change is audited.
 */
@Service
public class AttendanceService {
  /** Counts the publicity period from the posting day (张贴当日不计), in the settings' unit. */
  static final TimelineTemplate PUBLICITY =
      new TimelineTemplate(
          "FIVE_CATEGORIES_PUBLICITY",
          "不参加党员大会的党员名单公示",
          "张贴公示日",
          List.of(
              MilestoneSpec.event(
                  "posting", ScheduleRule.PARTY_PUBLICITY_FIVE_CATEGORIES_3D, "张贴公示"),
              new MilestoneSpec(
                  "publicity",
                  MilestoneKind.WINDOW,
                  MilestoneSpec.Relation.WITHIN_AFTER,
                  "posting",
                  3,
                  PeriodUnit.CALENDAR_DAYS,
                  true,
                  ScheduleRule.PARTY_PUBLICITY_FIVE_CATEGORIES_3D,
                  "公示期")));

  private final JdbcTemplate jdbc;
  private final ElectionService elections;
  private final ApprovalService approvals;
  private final ExclusionReasons reasons;
  private final AuditLog audit;
  private final Clock clock;

  public AttendanceService(
      JdbcTemplate jdbc,
      ElectionService elections,
      ApprovalService approvals,
      ExclusionReasons reasons,
      AuditLog audit,
      Clock clock) {
    this.jdbc = jdbc;
    this.elections = elections;
    this.approvals = approvals;
    this.reasons = reasons;
    this.audit = audit;
    this.clock = clock;
  }

  // ------------------------------------------------------------------ reading

  /** 应到会人数 with the trail. Needs VIEW. */
  @Transactional(readOnly = true)
  public Expected expected(long electionId) {
    Election e = elections.get(electionId);
    List<RosterLine> members = electorate(e);
    ExclusionList list = list(e);
    return expected(members, list);
  }

  /**
   * The members who may vote and are not excluded (应到会党员名单), in name order, resident IDs masked.
   * Needs VIEW.
   */
  @Transactional(readOnly = true)
  public List<EligibleVoter> eligibleVoters(long electionId) {
    Election e = elections.get(electionId);
    ExclusionList list = list(e);
    Set<Long> excluded =
        list.status() == ExclusionStatus.ADOPTED
            ? list.exclusions().stream().map(Exclusion::memberId).collect(Collectors.toSet())
            : Set.of();
    return electorate(e).stream()
        .filter(m -> m.hasVote() && !excluded.contains(m.id()))
        .map(m -> new EligibleVoter(m.id(), m.name(), ResidentIds.mask(m.residentId())))
        .toList();
  }

  /** The exclusion list with its stage. Needs VIEW. */
  @Transactional(readOnly = true)
  public ExclusionList list(long electionId) {
    return list(elections.get(electionId));
  }

  /** The members of the election's organisation with a vote who are not yet on the list. */
  @Transactional(readOnly = true)
  public List<EligibleVoter> candidatesForExclusion(long electionId) {
    Election e = elections.get(electionId);
    Set<Long> listed =
        list(e).exclusions().stream().map(Exclusion::memberId).collect(Collectors.toSet());
    return electorate(e).stream()
        .filter(m -> m.hasVote() && !listed.contains(m.id()))
        .map(m -> new EligibleVoter(m.id(), m.name(), ResidentIds.mask(m.residentId())))
        .toList();
  }

  /** The configured reasons (五类人员). */
  public List<String> reasons() {
    return reasons.all();
  }

  // ------------------------------------------------------------------ changing the list

  /** Adds a member to the list (列入不参加党员大会的名单). Needs MANAGE; only while the list is a draft. */
  @Transactional
  public long addExclusion(long electionId, long memberId, String reason, String note) {
    Election e = elections.get(electionId, Permission.MANAGE);
    if (!e.kind().config().membersMeeting()) {
      throw new IllegalStateException(
          "本选举由" + e.kind().config().wording().electors() + "投票产生，不适用不参加党员大会的党员名单");
    }
    ExclusionList list = list(e);
    requireStatus(list, ExclusionStatus.DRAFT, "修改名单");
    if (!reasons.allowed(reason)) {
      throw new InvalidInputException(
          "reason",
          AttendanceRule.EXCLUSION_REASON.messageZh()
              + "，可选："
              + String.join("；", reasons.all())
              + "（"
              + AttendanceRule.EXCLUSION_REASON.code()
              + "）");
    }
    String n = note == null ? "" : note.strip();
    if (n.length() > 1000) {
      throw new InvalidInputException("note", "备注不能超过1000字");
    }
    RosterLine m =
        member(memberId)
            .filter(x -> x.organisationId() == e.organisationId())
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "memberId",
                        "该党员不在「"
                            + e.organisationName()
                            + "」的名册中："
                            + AttendanceRule.EXCLUSION_MEMBER.messageZh()
                            + "（"
                            + AttendanceRule.EXCLUSION_MEMBER.code()
                            + "）"));
    if (!m.hasVote()) {
      throw new InvalidInputException(
          "memberId",
          "「"
              + m.name()
              + "」没有表决权（"
              + m.voteReason()
              + "），本就不计入应到会人数，无需列入名单（"
              + AttendanceRule.EXCLUSION_MEMBER.code()
              + "）");
    }
    ensureList(electionId);
    String actor = AccessService.currentUser();
    try {
      jdbc.update(
          "INSERT INTO exclusion (election_id, member_id, reason, note, created_by, created_at)"
              + " VALUES (?, ?, ?, ?, ?, ?)",
          electionId,
          memberId,
          reason.strip(),
          n,
          actor,
          Timestamp.from(clock.instant()));
    } catch (DuplicateKeyException ex) {
      throw new IllegalStateException("「" + m.name() + "」已在名单中");
    }
    Long id =
        jdbc.queryForObject(
            "SELECT id FROM exclusion WHERE election_id = ? AND member_id = ?",
            Long.class,
            electionId,
            memberId);
    audit.append(
        actor,
        "EXCLUSION_ADDED",
        "election:" + electionId,
        "列入不参加党员大会的名单：「"
            + m.name()
            + "」（"
            + ResidentIds.mask(m.residentId())
            + "），原因："
            + reason.strip());
    return id;
  }

  /** Removes a member from the draft list. Needs MANAGE. */
  @Transactional
  public void removeExclusion(long electionId, long exclusionId) {
    Election e = elections.get(electionId, Permission.MANAGE);
    ExclusionList list = list(e);
    requireStatus(list, ExclusionStatus.DRAFT, "修改名单");
    Exclusion x =
        list.exclusions().stream()
            .filter(y -> y.id() == exclusionId)
            .findFirst()
            .orElseThrow(() -> new InvalidInputException("exclusionId", "名单中没有这一条"));
    jdbc.update("DELETE FROM exclusion WHERE id = ? AND election_id = ?", exclusionId, electionId);
    audit.append(
        AccessService.currentUser(),
        "EXCLUSION_REMOVED",
        "election:" + electionId,
        "从不参加党员大会的名单中移除「" + x.name() + "」");
  }

  /** Submits the list to the upper organisation (报上级同意): DRAFT → SUBMITTED. Needs MANAGE. */
  @Transactional
  public void submit(long electionId, int expectedVersion) {
    Election e = elections.get(electionId, Permission.MANAGE);
    ExclusionList list = list(e);
    requireStatus(list, ExclusionStatus.DRAFT, "报送名单");
    if (list.exclusions().isEmpty()) {
      throw new IllegalStateException("名单为空：没有需要不计入应到会人数的党员时，无需报送");
    }
    move(electionId, expectedVersion, ExclusionStatus.DRAFT, ExclusionStatus.SUBMITTED);
    approvals.submit(
        electionId,
        ApprovalKind.EXCLUSIONS,
        list.exclusions().size()
            + " 名："
            + list.exclusions().stream()
                .map(x -> x.name() + "（" + x.reason() + "）")
                .collect(Collectors.joining("、")));
  }

  /**
   * The upper organisation's decision on the list: SUBMITTED → APPROVED, or back to DRAFT with a
   * comment. Needs APPROVE.
   */
  @Transactional
  public void decide(
      long electionId, int expectedVersion, ApprovalDecision decision, String comment) {
    var a = approvals.decide(electionId, ApprovalKind.EXCLUSIONS, decision, comment);
    move(
        electionId,
        expectedVersion,
        ExclusionStatus.SUBMITTED,
        a.decision() == ApprovalDecision.APPROVED
            ? ExclusionStatus.APPROVED
            : ExclusionStatus.DRAFT);
  }

  /**
   * Records the posting of the list (张贴公示): APPROVED → PUBLISHED. Needs MANAGE.
   *
   * @throws RuleBlockedException when the 3-day period could not run out before the meeting
   *     (PARTY.PUBLICITY.FIVE_CATEGORIES_3D)
   */
  @Transactional
  public void publish(long electionId, int expectedVersion, LocalDate postingDate) {
    Election e = elections.get(electionId, Permission.MANAGE);
    ExclusionList list = list(e);
    requireStatus(list, ExclusionStatus.APPROVED, "公示名单");
    if (postingDate == null) {
      throw new InvalidInputException("postingDate", "请填写张贴公示的日期");
    }
    if (postingDate.isAfter(LocalDate.now(clock))) {
      throw new InvalidInputException("postingDate", "张贴日期" + postingDate + "晚于今天，请在张贴后登记");
    }
    Optional<Milestone> m = meetingMilestone(e, postingDate);
    if (m.isPresent() && m.get().status() == MilestoneStatus.MISSED) {
      throw new RuleBlockedException(
          ScheduleRule.PARTY_PUBLICITY_FIVE_CATEGORIES_3D,
          "公示期无法在党员大会（"
              + e.electionDay()
              + "）前期满：最迟应在"
              + m.get().from()
              + "张贴，登记的张贴日为"
              + postingDate);
    }
    int n =
        jdbc.update(
            "UPDATE exclusion_list SET status = ?, publicity_date = ?, version = version + 1"
                + " WHERE election_id = ? AND version = ? AND status = ?",
            ExclusionStatus.PUBLISHED.name(),
            Date.valueOf(postingDate),
            electionId,
            expectedVersion,
            ExclusionStatus.APPROVED.name());
    stale(n);
    audit.append(
        AccessService.currentUser(),
        "EXCLUSIONS_PUBLISHED",
        "election:" + electionId,
        "张贴公示不参加党员大会的党员名单 "
            + list.exclusions().size()
            + " 名，张贴日 "
            + postingDate
            + "，公示期至 "
            + publicityEnd(postingDate));
  }

  /**
   * Records the members' meeting's adoption of the list (党员大会通过): PUBLISHED → ADOPTED. Needs
   * MANAGE.
   *
   * @throws RuleBlockedException before the publicity period has run (公示期未满,
   *     PARTY.EXCLUSION.PUBLICITY_RUN) or when the vote did not pass (PARTY.EXCLUSION.ADOPTED)
   */
  @Transactional
  public void adopt(
      long electionId,
      int expectedVersion,
      LocalDate date,
      int present,
      int yes,
      int no,
      int abstain) {
    Election e = elections.get(electionId, Permission.MANAGE);
    ExclusionList list = list(e);
    requireStatus(list, ExclusionStatus.PUBLISHED, "党员大会通过名单");
    if (date == null) {
      throw new InvalidInputException("adoptedDate", "请填写党员大会通过的日期");
    }
    if (date.isAfter(LocalDate.now(clock))) {
      throw new InvalidInputException("adoptedDate", "通过日期" + date + "晚于今天，请在会议后登记");
    }
    LocalDate end = publicityEnd(list.publicityDate());
    if (!date.isAfter(end)) {
      throw new RuleBlockedException(
          AttendanceRule.EXCLUSION_PUBLICITY_RUN,
          "公示期未满：名单于"
              + list.publicityDate()
              + "张贴，公示期至"
              + end
              + "，"
              + date
              + "不能提交党员大会通过，最早"
              + end.plusDays(1));
    }
    int withVote = (int) electorate(e).stream().filter(RosterLine::hasVote).count();
    if (present < 1 || present > withVote) {
      throw new InvalidInputException(
          "present", "到会党员人数须在1至有表决权的党员人数" + withVote + "之间，实为" + present);
    }
    if (yes < 0 || no < 0 || abstain < 0 || (long) yes + no + abstain > present) {
      throw new InvalidInputException(
          "yes", "赞成" + yes + "、反对" + no + "、弃权" + abstain + "之和不能超过到会人数" + present);
    }
    if (!((long) yes * 2 > present)) {
      throw new RuleBlockedException(
          AttendanceRule.EXCLUSION_ADOPTED, "赞成" + yes + "票，未超过到会党员" + present + "人的半数，名单未获通过");
    }
    int n =
        jdbc.update(
            "UPDATE exclusion_list SET status = ?, adopted_date = ?, adopted_present = ?,"
                + " adopted_yes = ?, adopted_no = ?, adopted_abstain = ?, version = version + 1"
                + " WHERE election_id = ? AND version = ? AND status = ?",
            ExclusionStatus.ADOPTED.name(),
            Date.valueOf(date),
            present,
            yes,
            no,
            abstain,
            electionId,
            expectedVersion,
            ExclusionStatus.PUBLISHED.name());
    stale(n);
    audit.append(
        AccessService.currentUser(),
        "EXCLUSIONS_ADOPTED",
        "election:" + electionId,
        "党员大会通过不参加党员大会的党员名单 "
            + list.exclusions().size()
            + " 名（"
            + date
            + "，到会 "
            + present
            + "，赞成 "
            + yes
            + "，反对 "
            + no
            + "，弃权 "
            + abstain
            + "）");
  }

  // ------------------------------------------------------------------ computation

  /** The last day of a publicity period posted on {@code posting} (PB-01, 3 days). */
  public static LocalDate publicityEnd(LocalDate posting) {
    return Schedules.timeline(
            PUBLICITY, posting, ScheduleSettings.defaults(), HolidayCalendar.tyme4j())
        .milestone("publicity")
        .orElseThrow()
        .to();
  }

  /** The election timeline's five-category publicity milestone checked against a posting day. */
  private Optional<Milestone> meetingMilestone(Election e, LocalDate posting) {
    TimelineTemplate t = TimelineTemplates.byId(e.kind().timelineTemplate()).orElse(null);
    if (t == null || t.milestone("fiveCategoriesPublicity").isEmpty()) {
      return Optional.empty();
    }
    return Schedules.check(
            t,
            e.electionDay(),
            ScheduleSettings.defaults(),
            HolidayCalendar.tyme4j(),
            Map.of("fiveCategoriesPublicity", posting))
        .milestone("fiveCategoriesPublicity");
  }

  static Expected expected(List<RosterLine> members, ExclusionList list) {
    List<Step> trail = new ArrayList<>();
    long total = members.size();
    long full = members.stream().filter(m -> m.membership() == Membership.FULL).count();
    long suspended =
        members.stream()
            .filter(m -> m.membership() == Membership.FULL && m.status() != MemberStatus.NORMAL)
            .count();
    int withVote = (int) members.stream().filter(RosterLine::hasVote).count();
    Map<String, Long> in = new LinkedHashMap<>();
    in.put("total", total);
    in.put("full", full);
    in.put("probationary", total - full);
    in.put("suspended", suspended);
    in.put("membersWithVote", (long) withVote);
    trail.add(
        new Step(
            RosterRule.VOTE_FULL_MEMBER,
            in,
            "membersWithVote = 正式党员 且 党籍状态正常",
            true,
            "名册共有党员"
                + total
                + "名，其中正式党员"
                + full
                + "名、预备党员"
                + (total - full)
                + "名；正式党员中权利停止或受留党察看等处分的"
                + suspended
                + "名；有表决权的党员"
                + withVote
                + "名"));
    Set<Long> voting =
        members.stream()
            .filter(RosterLine::hasVote)
            .map(RosterLine::id)
            .collect(Collectors.toSet());
    long listed = list.exclusions().stream().filter(x -> voting.contains(x.memberId())).count();
    boolean approved =
        list.status() == ExclusionStatus.APPROVED
            || list.status() == ExclusionStatus.PUBLISHED
            || list.status() == ExclusionStatus.ADOPTED;
    boolean published =
        list.status() == ExclusionStatus.PUBLISHED || list.status() == ExclusionStatus.ADOPTED;
    boolean adopted = list.status() == ExclusionStatus.ADOPTED;
    int excluded = 0;
    if (listed > 0) {
      trail.add(
          new Step(
              AttendanceRule.EXCLUSION_UPPER_CONSENT,
              Map.of("listed", listed),
              "上级党组织同意",
              approved,
              approved
                  ? "不参加党员大会的党员名单" + listed + "名已经上级党组织同意"
                  : "不参加党员大会的党员名单" + listed + "名尚未经上级党组织同意（" + list.status().labelZh() + "）"));
      if (approved) {
        LocalDate end = list.publicityDate() == null ? null : publicityEnd(list.publicityDate());
        trail.add(
            new Step(
                ScheduleRule.PARTY_PUBLICITY_FIVE_CATEGORIES_3D,
                Map.of("days", 3L),
                "公示 ≥ 3 日",
                published,
                published ? "名单于" + list.publicityDate() + "张贴公示，公示期至" + end : "名单尚未张贴公示"));
      }
      if (published) {
        Map<String, Long> v = new LinkedHashMap<>();
        v.put("yes", adopted ? (long) list.adoptedYes() : 0L);
        v.put("present", adopted ? (long) list.adoptedPresent() : 0L);
        trail.add(
            new Step(
                AttendanceRule.EXCLUSION_ADOPTED,
                v,
                "yes*2 > present",
                adopted,
                adopted
                    ? "党员大会于"
                        + list.adoptedDate()
                        + "表决通过名单：到会"
                        + list.adoptedPresent()
                        + "人，赞成"
                        + list.adoptedYes()
                        + "票，超过半数"
                    : "名单尚未经党员大会通过"));
      }
      if (adopted) {
        excluded = (int) listed;
      }
    }
    int expected = withVote - excluded;
    Map<String, Long> out = new LinkedHashMap<>();
    out.put("membersWithVote", (long) withVote);
    out.put("excluded", (long) excluded);
    out.put("expected", (long) expected);
    trail.add(
        new Step(
            AttendanceRule.EXPECTED_COUNT,
            out,
            "expected = membersWithVote - excluded",
            true,
            "应到会人数 = 有表决权的党员"
                + withVote
                + "名 − 经批准不计入的党员"
                + excluded
                + "名 = "
                + expected
                + "名"
                + (listed > 0 && !adopted ? "（名单尚未经党员大会通过，暂不扣除）" : "")));
    return new Expected(withVote, excluded, expected, trail);
  }

  // ------------------------------------------------------------------ persistence

  /** A roster line as this capability needs it, the vote decided by core. */
  record RosterLine(
      long id,
      long organisationId,
      String name,
      String gender,
      String residentId,
      Membership membership,
      MemberStatus status) {
    boolean hasVote() {
      return Roster.votingRight(membership, status).outcome().hasVote();
    }

    String voteReason() {
      return Roster.votingRight(membership, status).outcome().reasonZh();
    }
  }

  private static final String MEMBER_COLUMNS =
      "id, organisation_id, name, gender, resident_id, membership, status";

  /**
   * The party roster lines that form the election's electorate: the branch's members when its kind
   * elects at the members' meeting (党员大会), none otherwise (the voter register is another source).
   */
  private List<RosterLine> electorate(Election e) {
    return e.kind().config().membersMeeting() ? members(e.organisationId()) : List.of();
  }

  /** The branch's members in 姓氏笔画 order (the order of every name list at the meeting). */
  private List<RosterLine> members(long organisationId) {
    List<RosterLine> lines =
        new java.util.ArrayList<>(
            jdbc.query(
                "SELECT "
                    + MEMBER_COLUMNS
                    + " FROM party_member WHERE organisation_id = ? ORDER BY id",
                (rs, i) -> line(rs),
                organisationId));
    var strokes = xuanju.core.names.NameOrder.surnameStrokes();
    lines.sort(
        java.util.Comparator.comparing(RosterLine::name, strokes)
            .thenComparingLong(RosterLine::id));
    return lines;
  }

  private Optional<RosterLine> member(long id) {
    return jdbc
        .query(
            "SELECT " + MEMBER_COLUMNS + " FROM party_member WHERE id = ?", (rs, i) -> line(rs), id)
        .stream()
        .findFirst();
  }

  private static RosterLine line(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new RosterLine(
        rs.getLong("id"),
        rs.getLong("organisation_id"),
        rs.getString("name"),
        rs.getString("gender"),
        rs.getString("resident_id"),
        Membership.valueOf(rs.getString("membership")),
        MemberStatus.valueOf(rs.getString("status")));
  }

  private ExclusionList list(Election e) {
    List<Exclusion> xs =
        jdbc.query(
            "SELECT x.id, x.member_id, x.reason, x.note, m.name, m.gender, m.resident_id,"
                + " m.membership, m.status FROM exclusion x JOIN party_member m ON m.id = x.member_id"
                + " WHERE x.election_id = ? ORDER BY x.id",
            (rs, i) ->
                new Exclusion(
                    rs.getLong("id"),
                    rs.getLong("member_id"),
                    rs.getString("name"),
                    ResidentIds.mask(rs.getString("resident_id")),
                    "FEMALE".equals(rs.getString("gender")) ? "女" : "男",
                    rs.getString("reason"),
                    rs.getString("note"),
                    Roster.votingRight(
                            Membership.valueOf(rs.getString("membership")),
                            MemberStatus.valueOf(rs.getString("status")))
                        .outcome()
                        .hasVote()),
            e.id());
    return jdbc
        .query(
            "SELECT * FROM exclusion_list WHERE election_id = ?",
            (rs, i) -> {
              LocalDate posted = rs.getObject("publicity_date", LocalDate.class);
              return new ExclusionList(
                  ExclusionStatus.valueOf(rs.getString("status")),
                  posted,
                  posted == null ? null : publicityEnd(posted),
                  rs.getObject("adopted_date", LocalDate.class),
                  (Integer) rs.getObject("adopted_present", Integer.class),
                  (Integer) rs.getObject("adopted_yes", Integer.class),
                  (Integer) rs.getObject("adopted_no", Integer.class),
                  (Integer) rs.getObject("adopted_abstain", Integer.class),
                  rs.getInt("version"),
                  xs);
            },
            e.id())
        .stream()
        .findFirst()
        .orElse(
            new ExclusionList(
                ExclusionStatus.DRAFT, null, null, null, null, null, null, null, 0, xs));
  }

  private void ensureList(long electionId) {
    Long n =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM exclusion_list WHERE election_id = ?", Long.class, electionId);
    if (n == null || n == 0) {
      try {
        jdbc.update(
            "INSERT INTO exclusion_list (election_id, status, version) VALUES (?, ?, 0)",
            electionId,
            ExclusionStatus.DRAFT.name());
      } catch (DuplicateKeyException ex) {
        // created meanwhile by another request
      }
    }
  }

  private void move(
      long electionId, int expectedVersion, ExclusionStatus from, ExclusionStatus to) {
    int n =
        jdbc.update(
            "UPDATE exclusion_list SET status = ?, version = version + 1"
                + " WHERE election_id = ? AND version = ? AND status = ?",
            to.name(),
            electionId,
            expectedVersion,
            from.name());
    stale(n);
    audit.append(
        AccessService.currentUser(),
        "EXCLUSIONS_" + to.name(),
        "election:" + electionId,
        "不参加党员大会的党员名单：" + from.labelZh() + " → " + to.labelZh());
  }

  private static void stale(int updated) {
    if (updated != 1) {
      throw new IllegalStateException("名单已被他人修改，请刷新页面后重试");
    }
  }

  private static void requireStatus(ExclusionList list, ExclusionStatus s, String what) {
    if (list.status() != s) {
      throw new IllegalStateException(
          "名单当前为「" + list.status().labelZh() + "」，不能" + what + "（需处于「" + s.labelZh() + "」）");
    }
  }
}
