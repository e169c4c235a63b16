package xuanju.server.register;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.core.register.ListChange;
import xuanju.core.register.Objection;
import xuanju.core.register.ObjectionCheck;
import xuanju.core.register.RegisterDeadlines;
import xuanju.core.register.RegistrationBasis;
import xuanju.core.register.VoterListDeadlines;
import xuanju.core.rule.Finding;
import xuanju.core.rule.InvalidInputException;
import xuanju.core.schedule.TimelineTemplate;
import xuanju.core.schedule.TimelineTemplates;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.audit.AuditLog;
import xuanju.server.election.Election;
import xuanju.server.election.ElectionService;

/**
 * The voter list of each district (选民名单): publication with the statutory days (core {@link
 * RegisterDeadlines}), changes after publication (补登、除名、更正) with their reasons, and objections (申诉)
 * with the committee's decision. Every change is audited.
 */
@Service
public class VoterListService {
  private final JdbcTemplate jdbc;
  private final RegisterRepository repo;
  private final ElectionService elections;
  private final AuditLog audit;
  private final Clock clock;

  public VoterListService(
      JdbcTemplate jdbc,
      RegisterRepository repo,
      ElectionService elections,
      AuditLog audit,
      Clock clock) {
    this.jdbc = jdbc;
    this.repo = repo;
    this.elections = elections;
    this.audit = audit;
    this.clock = clock;
  }

  /** Refuses elections whose electorate is not a voter register. */
  static Election requireRegister(Election e) {
    if (!e.kind().config().electorate().registersVoters()) {
      throw new IllegalStateException(
          "本选举由" + e.kind().config().electorate().labelZh() + "选举产生，不进行选民登记");
    }
    return e;
  }

  /** The election kind's timeline template (voter-list days). */
  static TimelineTemplate template(Election e) {
    return TimelineTemplates.byId(e.kind().timelineTemplate())
        .orElseThrow(() -> new IllegalStateException("选举类型没有时间表模板"));
  }

  // ------------------------------------------------------------------ reading

  /** The election (VIEW), refused if it has no voter register. */
  public Election election(long electionId) {
    return requireRegister(elections.get(electionId));
  }

  /**
   * The election for a change (MANAGE), refused if it has no voter register: checked before any
   * look-up, so a user without MANAGE gets 403 and learns nothing about the list.
   */
  public Election manageable(long electionId) {
    return requireRegister(elections.get(electionId, Permission.MANAGE));
  }

  /** The districts of the election. */
  public List<DistrictInfo> districts(Election e) {
    return repo.districts(e);
  }

  /** A district of the election (the id must belong to it). */
  public DistrictInfo district(Election e, long districtId) {
    return repo.districts(e).stream()
        .filter(d -> d.id() == districtId)
        .findFirst()
        .orElseThrow(() -> new InvalidInputException("districtId", "本选举没有该选区：" + districtId));
  }

  Set<Long> publishedDistricts(long electionId) {
    return new HashSet<>(
        jdbc.queryForList(
            "SELECT district_id FROM voter_list_publication WHERE election_id = ?",
            Long.class,
            electionId));
  }

  /** The publication day of a district's list, if published. */
  public Optional<LocalDate> publishedOn(long districtId) {
    return jdbc
        .queryForList(
            "SELECT published_on FROM voter_list_publication WHERE district_id = ?",
            Date.class,
            districtId)
        .stream()
        .findFirst()
        .map(Date::toLocalDate);
  }

  /**
   * A district's list with its numbers and days.
   *
   * @param problems the Chinese messages of a late or overdue publication
   */
  public record DistrictStatus(
      DistrictInfo district,
      int listed,
      Map<RefusalReason, Integer> refused,
      LocalDate publishedOn,
      VoterListDeadlines deadlines,
      List<String> problems) {
    public int refusedTotal() {
      return refused.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int refused(RefusalReason r) {
      return refused.getOrDefault(r, 0);
    }
  }

  /** Every district's status (VIEW). */
  @Transactional(readOnly = true)
  public List<DistrictStatus> statuses(long electionId) {
    Election e = election(electionId);
    return statuses(e, LocalDate.now(clock));
  }

  List<DistrictStatus> statuses(Election e, LocalDate today) {
    Map<Long, Integer> listed = repo.listedCounts(e.id());
    Map<Long, Map<RefusalReason, Integer>> refused = refusalCounts(e.id());
    List<DistrictStatus> out = new ArrayList<>();
    for (DistrictInfo d : repo.districts(e)) {
      LocalDate pub = publishedOn(d.id()).orElse(null);
      VoterListDeadlines dl = RegisterDeadlines.deadlines(template(e), e.electionDay(), pub, today);
      List<String> problems = new ArrayList<>();
      dl.findings().errors().forEach(f -> problems.add(f.messageZh()));
      dl.findings().warnings().forEach(f -> problems.add(f.messageZh()));
      out.add(
          new DistrictStatus(
              d,
              listed.getOrDefault(d.id(), 0),
              refused.getOrDefault(d.id(), Map.of()),
              pub,
              dl,
              problems));
    }
    return out;
  }

  private Map<Long, Map<RefusalReason, Integer>> refusalCounts(long electionId) {
    Map<Long, Map<RefusalReason, Integer>> out = new java.util.HashMap<>();
    jdbc.query(
        "SELECT district_id, reason, COUNT(*) FROM voter_refusal WHERE election_id = ? GROUP BY"
            + " district_id, reason",
        rs -> {
          out.computeIfAbsent(rs.getLong(1), k -> new java.util.EnumMap<>(RefusalReason.class))
              .put(RefusalReason.valueOf(rs.getString(2)), rs.getInt(3));
        },
        electionId);
    return out;
  }

  /** The listed voters of a district, by 居民小组 then 姓氏笔画 (VIEW). */
  @Transactional(readOnly = true)
  public List<VoterLine> voters(long electionId, long districtId) {
    Election e = election(electionId);
    district(e, districtId);
    List<VoterLine> out =
        new ArrayList<>(
            jdbc.query(
                "SELECT vr.id, vr.voter_no, p.name, p.gender, p.birth_date, p.unit,"
                    + " p.residents_group, p.resident_id, vr.basis, vr.certificate_issuer,"
                    + " vr.certificate_no, vr.certificate_date, vr.registered_on FROM"
                    + " voter_registration vr JOIN person p ON p.id = vr.person_id WHERE"
                    + " vr.district_id = ? AND vr.status = 'LISTED'",
                (rs, i) -> {
                  String issuer = rs.getString(10);
                  LocalDate certDate = RegisterRepository.date(rs, 12);
                  return new VoterLine(
                      rs.getLong(1),
                      rs.getInt(2),
                      rs.getString(3),
                      xuanju.core.quota.Gender.parse(rs.getString(4))
                          .map(xuanju.core.quota.Gender::labelZh)
                          .orElse(rs.getString(4)),
                      rs.getDate(5).toLocalDate(),
                      rs.getString(6),
                      rs.getString(7),
                      rs.getString(8),
                      RegistrationBasis.valueOf(rs.getString(9)).labelZh(),
                      issuer.isEmpty()
                          ? ""
                          : new xuanju.core.register.VoterCertificate(
                                  issuer, rs.getString(11), certDate)
                              .labelZh(),
                      rs.getDate(13).toLocalDate());
                },
                districtId));
    out.sort(ListOrder.of(VoterLine::group, VoterLine::name, VoterLine::residentId));
    return out;
  }

  // ------------------------------------------------------------------ publication

  /**
   * Records the publication of a district's list (选民名单公布) on {@code publishedOn}. A day on or after
   * election day, a future day, a second publication or an empty list is refused; a late day is
   * recorded with the deadline message, which is returned. Needs MANAGE.
   */
  @Transactional
  public List<String> publish(long electionId, long districtId, LocalDate publishedOn) {
    Election e = requireRegister(elections.get(electionId, Permission.MANAGE));
    DistrictInfo d = district(e, districtId);
    LocalDate today = LocalDate.now(clock);
    if (publishedOn == null) {
      throw new InvalidInputException("publishedOn", "请填写选民名单的公布日期");
    }
    if (publishedOn.isAfter(today)) {
      throw new InvalidInputException("publishedOn", "公布日期 " + publishedOn + " 不能晚于今天（请在张榜公布后登记）");
    }
    Optional<LocalDate> already = publishedOn(d.id());
    if (already.isPresent()) {
      throw new IllegalStateException(
          d.name() + "的选民名单已于" + already.get() + "公布，公布后的变更请逐人补登、除名或更正");
    }
    int listed = repo.listedCounts(e.id()).getOrDefault(d.id(), 0);
    if (listed == 0) {
      throw new IllegalStateException(d.name() + "尚无登记的选民，不能公布空的选民名单");
    }
    VoterListDeadlines dl =
        RegisterDeadlines.deadlines(template(e), e.electionDay(), publishedOn, today);
    List<String> problems = dl.findings().errors().stream().map(Finding::messageZh).toList();
    jdbc.update(
        "INSERT INTO voter_list_publication (district_id, election_id, published_on, voters,"
            + " recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)",
        d.id(),
        e.id(),
        Date.valueOf(publishedOn),
        listed,
        AccessService.currentUser(),
        Timestamp.from(clock.instant()));
    audit.append(
        AccessService.currentUser(),
        "VOTER_LIST_PUBLISHED",
        "election:" + e.id(),
        d.name()
            + "选民名单于"
            + publishedOn
            + "张榜公布，选民"
            + listed
            + "名；最迟公布日期"
            + dl.latestPublication()
            + (problems.isEmpty() ? "" : "；" + String.join("；", problems)));
    return problems;
  }

  // ------------------------------------------------------------------ changes after publication

  /** Records a change of a published list; returns the warning of a late change, if any. */
  List<String> recordChange(
      Election e,
      DistrictInfo d,
      long registrationId,
      ListChange.Kind kind,
      LocalDate day,
      String reason,
      String detail) {
    String name =
        jdbc.queryForObject(
            "SELECT p.name FROM voter_registration vr JOIN person p ON p.id = vr.person_id WHERE"
                + " vr.id = ?",
            String.class,
            registrationId);
    ListChange change = new ListChange(kind, name, day, reason);
    List<String> warnings =
        RegisterDeadlines.checkChange(e.electionDay(), change).stream()
            .map(Finding::messageZh)
            .toList();
    jdbc.update(
        "INSERT INTO voter_list_change (election_id, district_id, registration_id, kind,"
            + " changed_on, reason, detail, warning, recorded_by, recorded_at) VALUES (?, ?, ?, ?,"
            + " ?, ?, ?, ?, ?, ?)",
        e.id(),
        d.id(),
        registrationId,
        kind.name(),
        Date.valueOf(day),
        RegistrationService.cut(change.reason(), 500),
        RegistrationService.cut(detail == null ? "" : detail.strip(), 500),
        RegistrationService.cut(String.join("；", warnings), 1000),
        AccessService.currentUser(),
        Timestamp.from(clock.instant()));
    return warnings;
  }

  /** The listed registration with this voter number in a district of the election. */
  public long registrationId(long electionId, long districtId, int voterNo) {
    return jdbc
        .queryForList(
            "SELECT id FROM voter_registration WHERE election_id = ? AND district_id = ? AND"
                + " voter_no = ? AND status = 'LISTED'",
            Long.class,
            electionId,
            districtId,
            voterNo)
        .stream()
        .findFirst()
        .orElseThrow(
            () -> new InvalidInputException("voterNo", "本选区选民名单中没有选民证号为" + voterNo + "的选民"));
  }

  private record Entry(long id, long districtId, String name, String status) {}

  private Entry entry(Election e, long registrationId) {
    return jdbc
        .query(
            "SELECT vr.id, vr.district_id, p.name, vr.status FROM voter_registration vr JOIN"
                + " person p ON p.id = vr.person_id WHERE vr.id = ? AND vr.election_id = ?",
            (rs, i) -> new Entry(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)),
            registrationId,
            e.id())
        .stream()
        .findFirst()
        .orElseThrow(() -> new InvalidInputException("registrationId", "本选举的选民名单中没有该选民"));
  }

  /**
   * 除名: takes a voter off the list with the reason; after publication it is recorded for the 变更公告.
   * Needs MANAGE. Returns the warning of a late change, if any.
   */
  @Transactional
  public List<String> remove(
      long electionId, long registrationId, LocalDate changedOn, String reason) {
    Election e = requireRegister(elections.get(electionId, Permission.MANAGE));
    Entry x = entry(e, registrationId);
    if (!"LISTED".equals(x.status())) {
      throw new IllegalStateException(x.name() + "已不在选民名单中");
    }
    LocalDate day = day(changedOn);
    if (reason == null || reason.isBlank()) {
      throw new InvalidInputException("reason", "除名须写明理由");
    }
    DistrictInfo d = district(e, x.districtId());
    List<String> warnings = List.of();
    if (publishedOn(d.id()).isPresent()) {
      warnings = recordChange(e, d, x.id(), ListChange.Kind.REMOVAL, day, reason, "");
    }
    jdbc.update(
        "UPDATE voter_registration SET status = 'REMOVED', removed_reason = ?, station_id = NULL,"
            + " updated_at = ?, version = version + 1 WHERE id = ?",
        RegistrationService.cut(reason.strip(), 500),
        Timestamp.from(clock.instant()),
        x.id());
    audit.append(
        AccessService.currentUser(),
        "VOTER_REMOVED",
        "election:" + e.id(),
        "除名：" + x.name() + "（" + d.name() + "），理由：" + reason.strip());
    return warnings;
  }

  /**
   * 更正: records a correction of a published entry (what was wrong and what it is now) with the
   * reason. Needs MANAGE. Returns the warning of a late change, if any.
   */
  @Transactional
  public List<String> correct(
      long electionId, long registrationId, LocalDate changedOn, String detail, String reason) {
    Election e = requireRegister(elections.get(electionId, Permission.MANAGE));
    Entry x = entry(e, registrationId);
    DistrictInfo d = district(e, x.districtId());
    if (publishedOn(d.id()).isEmpty()) {
      throw new IllegalStateException(d.name() + "的选民名单尚未公布：公布前请直接在居民名册中更正");
    }
    if (detail == null || detail.isBlank()) {
      throw new InvalidInputException("detail", "更正须写明更正内容（原为…，更正为…）");
    }
    if (reason == null || reason.isBlank()) {
      throw new InvalidInputException("reason", "更正须写明理由");
    }
    List<String> warnings =
        recordChange(e, d, x.id(), ListChange.Kind.CORRECTION, day(changedOn), reason, detail);
    audit.append(
        AccessService.currentUser(),
        "VOTER_CORRECTED",
        "election:" + e.id(),
        "更正：" + x.name() + "（" + d.name() + "）：" + detail.strip() + "，理由：" + reason.strip());
    return warnings;
  }

  private LocalDate day(LocalDate d) {
    LocalDate today = LocalDate.now(clock);
    if (d == null) {
      return today;
    }
    if (d.isAfter(today)) {
      throw new InvalidInputException("changedOn", "变更日期 " + d + " 不能晚于今天");
    }
    return d;
  }

  /** A change after publication as listed and printed (变更公告). */
  public record ChangeView(
      long id,
      String districtName,
      String kindZh,
      String name,
      String group,
      int voterNo,
      LocalDate changedOn,
      String reason,
      String detail,
      String warning) {}

  /** The changes after publication of one district (or all districts when null), in order. */
  @Transactional(readOnly = true)
  public List<ChangeView> changes(long electionId, Long districtId) {
    Election e = election(electionId);
    return jdbc.query(
        "SELECT c.id, d.name, c.kind, p.name, p.residents_group, vr.voter_no, c.changed_on,"
            + " c.reason, c.detail, c.warning FROM voter_list_change c JOIN voter_registration vr"
            + " ON vr.id = c.registration_id JOIN person p ON p.id = vr.person_id JOIN district d"
            + " ON d.id = c.district_id WHERE c.election_id = ?"
            + (districtId == null ? "" : " AND c.district_id = " + districtId.longValue())
            + " ORDER BY c.changed_on, c.id",
        (rs, i) ->
            new ChangeView(
                rs.getLong(1),
                rs.getString(2),
                ListChange.Kind.valueOf(rs.getString(3)).labelZh(),
                rs.getString(4),
                rs.getString(5),
                rs.getInt(6),
                rs.getDate(7).toLocalDate(),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10)),
        e.id());
  }

  // ------------------------------------------------------------------ objections

  /**
   * Registers an objection (申诉) to a district's published list. Filed outside the statutory days
   * after publication (core {@link RegisterDeadlines#checkObjection}) it is refused with the
   * Chinese message and nothing is saved. Needs MANAGE.
   */
  @Transactional
  public long fileObjection(
      long electionId,
      long districtId,
      String objector,
      String concerning,
      String content,
      LocalDate filedOn) {
    Election e = requireRegister(elections.get(electionId, Permission.MANAGE));
    DistrictInfo d = district(e, districtId);
    LocalDate published =
        publishedOn(d.id())
            .orElseThrow(() -> new IllegalStateException(d.name() + "的选民名单尚未公布，不能受理对名单的申诉"));
    if (content == null || content.isBlank()) {
      throw new InvalidInputException("content", "请填写申诉内容");
    }
    LocalDate today = LocalDate.now(clock);
    if (filedOn != null && filedOn.isAfter(today)) {
      throw new InvalidInputException("filedOn", "申诉提出日期 " + filedOn + " 不能晚于今天");
    }
    Objection o = Objection.filed("", objector, concerning, filedOn);
    ObjectionCheck c =
        RegisterDeadlines.checkObjection(template(e), e.electionDay(), published, o, null);
    if (!c.filedInTime()) {
      throw new InvalidInputException(
          "filedOn",
          c.findings().errors().stream()
              .map(Finding::messageZh)
              .reduce((a, b) -> a + "；" + b)
              .orElse("申诉不在申诉期限内（" + c.windowFrom() + "至" + c.windowTo() + "）"));
    }
    jdbc.update(
        "INSERT INTO voter_objection (election_id, district_id, objector, concerning, content,"
            + " filed_on, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        e.id(),
        d.id(),
        RegistrationService.cut(o.objector(), 50),
        RegistrationService.cut(o.concerning(), 100),
        RegistrationService.cut(content.strip(), 2000),
        Date.valueOf(filedOn),
        AccessService.currentUser(),
        Timestamp.from(clock.instant()));
    long id =
        jdbc.queryForObject(
            "SELECT MAX(id) FROM voter_objection WHERE election_id = ?", Long.class, e.id());
    audit.append(
        AccessService.currentUser(),
        "VOTER_OBJECTION_FILED",
        "election:" + e.id(),
        "受理对"
            + d.name()
            + "选民名单的申诉：申诉人"
            + o.objector()
            + (o.concerning().isEmpty() ? "" : "，涉及" + o.concerning())
            + "，提出日期"
            + filedOn
            + "，处理期限"
            + c.decisionDueBy());
    return id;
  }

  /**
   * Records the committee's decision on an objection: the day, the outcome (维持/更正), the decision
   * and the notice to the objector. A late decision is recorded with its message, which is
   * returned. Needs MANAGE.
   */
  @Transactional
  public List<String> decideObjection(
      long electionId,
      long objectionId,
      LocalDate decidedOn,
      ObjectionOutcome outcome,
      String decision,
      String notice,
      LocalDate notifiedOn) {
    Election e = requireRegister(elections.get(electionId, Permission.MANAGE));
    ObjectionView v =
        objections(e, LocalDate.now(clock)).stream()
            .filter(x -> x.id() == objectionId)
            .findFirst()
            .orElseThrow(() -> new InvalidInputException("objectionId", "本选举没有该申诉"));
    if (v.decidedOn() != null) {
      throw new IllegalStateException("该申诉已于" + v.decidedOn() + "作出处理决定");
    }
    if (decidedOn == null) {
      throw new InvalidInputException("decidedOn", "请填写处理决定的日期");
    }
    LocalDate today = LocalDate.now(clock);
    if (decidedOn.isAfter(today)) {
      throw new InvalidInputException("decidedOn", "处理决定日期 " + decidedOn + " 不能晚于今天");
    }
    if (outcome == null) {
      throw new InvalidInputException("outcome", "请选择处理结果（维持或更正）");
    }
    if (decision == null || decision.isBlank()) {
      throw new InvalidInputException("decision", "请填写处理决定的内容");
    }
    if (notice == null || notice.isBlank() || notifiedOn == null) {
      throw new InvalidInputException("notice", "请填写告知申诉人的内容和告知日期");
    }
    if (notifiedOn.isBefore(decidedOn) || notifiedOn.isAfter(today)) {
      throw new InvalidInputException("notifiedOn", "告知日期 " + notifiedOn + " 应在处理决定日期之后、今天之前");
    }
    Objection o = Objection.filed("", v.objector(), v.concerning(), v.filedOn()).decided(decidedOn);
    ObjectionCheck c =
        RegisterDeadlines.checkObjection(template(e), e.electionDay(), v.publishedOn(), o, today);
    List<String> problems = c.findings().errors().stream().map(Finding::messageZh).toList();
    jdbc.update(
        "UPDATE voter_objection SET decided_on = ?, outcome = ?, decision = ?, notice = ?,"
            + " notified_on = ?, version = version + 1 WHERE id = ? AND decided_on IS NULL",
        Date.valueOf(decidedOn),
        outcome.name(),
        RegistrationService.cut(decision.strip(), 2000),
        RegistrationService.cut(notice.strip(), 2000),
        Date.valueOf(notifiedOn),
        objectionId);
    audit.append(
        AccessService.currentUser(),
        "VOTER_OBJECTION_DECIDED",
        "election:" + e.id(),
        "申诉人"
            + v.objector()
            + "的申诉于"
            + decidedOn
            + "作出处理决定："
            + outcome.labelZh()
            + "，"
            + decision.strip()
            + "；"
            + notifiedOn
            + "告知申诉人"
            + (problems.isEmpty() ? "" : "；" + String.join("；", problems)));
    return problems;
  }

  /** An objection with its statutory days. */
  public record ObjectionView(
      long id,
      String districtName,
      String objector,
      String concerning,
      String content,
      LocalDate publishedOn,
      LocalDate filedOn,
      LocalDate decisionDueBy,
      LocalDate courtBy,
      LocalDate decidedOn,
      String outcomeZh,
      String decision,
      String notice,
      LocalDate notifiedOn,
      List<String> problems) {}

  /** The objections of an election with their days (VIEW). */
  @Transactional(readOnly = true)
  public List<ObjectionView> objections(long electionId) {
    return objections(election(electionId), LocalDate.now(clock));
  }

  private List<ObjectionView> objections(Election e, LocalDate today) {
    TimelineTemplate t = template(e);
    return jdbc.query(
        "SELECT o.id, d.name, o.objector, o.concerning, o.content, pub.published_on, o.filed_on,"
            + " o.decided_on, o.outcome, o.decision, o.notice, o.notified_on FROM voter_objection"
            + " o JOIN district d ON d.id = o.district_id JOIN voter_list_publication pub ON"
            + " pub.district_id = o.district_id WHERE o.election_id = ? ORDER BY o.filed_on, o.id",
        (rs, i) -> {
          LocalDate published = rs.getDate(6).toLocalDate();
          LocalDate filed = rs.getDate(7).toLocalDate();
          LocalDate decided = RegisterRepository.date(rs, 8);
          Objection o = Objection.filed("", rs.getString(3), rs.getString(4), filed);
          if (decided != null) {
            o = o.decided(decided);
          }
          ObjectionCheck c =
              RegisterDeadlines.checkObjection(t, e.electionDay(), published, o, today);
          String outcome = rs.getString(9);
          return new ObjectionView(
              rs.getLong(1),
              rs.getString(2),
              rs.getString(3),
              rs.getString(4),
              rs.getString(5),
              published,
              filed,
              c.decisionDueBy(),
              c.courtBy().orElse(null),
              decided,
              outcome == null ? "" : ObjectionOutcome.valueOf(outcome).labelZh(),
              rs.getString(10),
              rs.getString(11),
              RegisterRepository.date(rs, 12),
              c.findings().errors().stream().map(Finding::messageZh).toList());
        },
        e.id());
  }
}
