package xuanju.server.district;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.core.roster.ResidentIds;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.audit.AuditLog;
import xuanju.server.election.Election;
import xuanju.server.election.kind.KindWording;

/**
 * The election committee (选举委员会 / 居民选举委员会 / 村民选举委员会, the name from the kind's wording): its
 * appointment — by whom, on what date, by which document — and its members with their roles, each
 * optionally linked to a person of the register. Every change is audited; ID numbers are never
 * written to the audit log.
 */
@Service
public class CommitteeService {
  private final JdbcTemplate jdbc;
  private final DistrictRepository repo;
  private final DistrictService districts;
  private final AuditLog audit;
  private final Clock clock;

  CommitteeService(
      JdbcTemplate jdbc,
      DistrictRepository repo,
      DistrictService districts,
      AuditLog audit,
      Clock clock) {
    this.jdbc = jdbc;
    this.repo = repo;
    this.districts = districts;
    this.audit = audit;
    this.clock = clock;
  }

  /** The kind's name of the body, e.g. {@code 居民选举委员会}. */
  public static String bodyZh(Election e) {
    KindWording w = e.kind().config().wording();
    return w.hasElectionCommittee() ? w.electionCommittee() : "选举委员会";
  }

  /** The committee of an election, if appointed. */
  @Transactional(readOnly = true)
  public Optional<ElectionCommittee> committee(long electionId) {
    districts.election(electionId, Permission.VIEW);
    return find(electionId);
  }

  private Optional<ElectionCommittee> find(long electionId) {
    return jdbc
        .query(
            "SELECT id, name, appointed_by, appointed_on, document, version FROM election_committee"
                + " WHERE election_id = ?",
            (rs, i) ->
                new ElectionCommittee(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getDate(4).toLocalDate(),
                    rs.getString(5),
                    rs.getInt(6),
                    members(rs.getLong(1))),
            electionId)
        .stream()
        .findFirst();
  }

  private List<ElectionCommittee.Member> members(long committeeId) {
    return jdbc.query(
        "SELECT m.id, m.name, m.role, m.person_id, p.unit, p.resident_id"
            + " FROM election_committee_member m LEFT JOIN person p ON p.id = m.person_id"
            + " WHERE m.committee_id = ? ORDER BY CASE m.role WHEN 'CHAIR' THEN 0"
            + " WHEN 'VICE_CHAIR' THEN 1 WHEN 'MEMBER' THEN 2 WHEN 'OFFICE_DIRECTOR' THEN 3"
            + " ELSE 4 END, m.sort_order, m.id",
        (rs, i) -> {
          long pid = rs.getLong(4);
          Long personId = rs.wasNull() ? null : pid;
          String label =
              personId == null ? "" : rs.getString(5) + " " + ResidentIds.mask(rs.getString(6));
          return new ElectionCommittee.Member(
              rs.getLong(1),
              rs.getString(2),
              CommitteeRole.valueOf(rs.getString(3)),
              personId,
              label.strip());
        },
        committeeId);
  }

  /**
   * Records the appointment (任命/推选选举委员会), or corrects it. Needs MANAGE.
   *
   * @param version the version the user saw; null when recording it for the first time
   */
  @Transactional
  public void appoint(
      long electionId,
      Integer version,
      String name,
      String appointedBy,
      LocalDate appointedOn,
      String document) {
    Election e = districts.election(electionId, Permission.MANAGE);
    String n = name == null || name.isBlank() ? e.organisationName() + bodyZh(e) : name.strip();
    String by = appointedBy == null ? "" : appointedBy.strip();
    String doc = document == null ? "" : document.strip();
    if (by.isEmpty()) {
      throw new InvalidInputException("appointedBy", "任命（推选）机关：请写明由谁任命或推选" + bodyZh(e));
    }
    if (appointedOn == null) {
      throw new InvalidInputException("appointedOn", "任命日期：请填写任命或推选的日期");
    }
    if (appointedOn.isAfter(LocalDate.now(clock))) {
      throw new InvalidInputException("appointedOn", "任命日期：" + appointedOn + "晚于今天，请在任命后登记");
    }
    if (doc.isEmpty()) {
      throw new InvalidInputException("document", "任命文件：请写明任命或推选的文件（文号）或会议记录");
    }
    Optional<ElectionCommittee> old = find(electionId);
    String actor = AccessService.currentUser();
    if (old.isEmpty()) {
      jdbc.update(
          "INSERT INTO election_committee (election_id, name, appointed_by, appointed_on, document,"
              + " created_at, version) VALUES (?, ?, ?, ?, ?, ?, 0)",
          electionId,
          n,
          by,
          Date.valueOf(appointedOn),
          doc,
          Timestamp.from(clock.instant()));
      audit.append(
          actor,
          "ELECTION_COMMITTEE_APPOINTED",
          "election:" + electionId,
          n + "：" + by + "于" + appointedOn + "任命（推选），文件：" + doc);
      return;
    }
    ElectionCommittee c = old.get();
    if (version == null || version != c.version()) {
      throw new IllegalStateException(bodyZh(e) + "的任命记录已被他人修改，请刷新页面后重试");
    }
    jdbc.update(
        "UPDATE election_committee SET name = ?, appointed_by = ?, appointed_on = ?, document = ?,"
            + " version = version + 1 WHERE id = ? AND version = ?",
        n,
        by,
        Date.valueOf(appointedOn),
        doc,
        c.id(),
        version);
    audit.append(
        actor,
        "ELECTION_COMMITTEE_UPDATED",
        "election:" + electionId,
        "更正任命记录："
            + c.name()
            + "（"
            + c.appointedBy()
            + "，"
            + c.appointedOn()
            + "，"
            + c.document()
            + "）→ "
            + n
            + "（"
            + by
            + "，"
            + appointedOn
            + "，"
            + doc
            + "）");
  }

  /**
   * Adds a member. With a resident ID number the member is linked to that person of the register
   * (and the name may be left empty: the register's is used).
   */
  @Transactional
  public long addMember(long electionId, String name, String role, String residentId) {
    Election e = districts.election(electionId, Permission.MANAGE);
    ElectionCommittee c =
        find(electionId)
            .orElseThrow(
                () -> new IllegalStateException("请先登记" + bodyZh(e) + "的任命（由谁、何时、以何文件任命），再登记成员"));
    CommitteeRole r =
        CommitteeRole.parse(role)
            .orElseThrow(() -> new InvalidInputException("role", "职务：请选择主任、副主任、委员、办公室主任或办公室工作人员"));
    String n = name == null ? "" : name.strip();
    Long personId = null;
    String id = residentId == null ? "" : residentId.strip().toUpperCase(java.util.Locale.ROOT);
    if (!id.isEmpty()) {
      Optional<Object[]> found = repo.person(e.organisationId(), id);
      if (found.isEmpty()) {
        throw new InvalidInputException(
            "residentId", "公民身份号码：居民名册中没有号码为" + ResidentIds.mask(id) + "的人员，请核对，或不填号码只登记姓名");
      }
      personId = (Long) found.get()[0];
      String registered = (String) found.get()[1];
      if (n.isEmpty()) {
        n = registered;
      } else if (!n.equals(registered)) {
        throw new InvalidInputException("name", "姓名：与居民名册中该号码的姓名（" + registered + "）不一致，请核对");
      }
      for (ElectionCommittee.Member m : c.members()) {
        if (personId.equals(m.personId())) {
          throw new InvalidInputException("residentId", "公民身份号码：" + n + "已是" + bodyZh(e) + "成员");
        }
      }
    }
    if (n.isEmpty()) {
      throw new InvalidInputException("name", "姓名：不能为空");
    }
    if (r == CommitteeRole.CHAIR) {
      for (ElectionCommittee.Member m : c.members()) {
        if (m.role() == CommitteeRole.CHAIR) {
          throw new InvalidInputException(
              "role", "职务：" + bodyZh(e) + "已有主任" + m.name() + "，主任只设一名；请先移除原主任或改选其他职务");
        }
      }
    }
    int order = c.members().size();
    jdbc.update(
        "INSERT INTO election_committee_member (committee_id, name, role, person_id, sort_order)"
            + " VALUES (?, ?, ?, ?, ?)",
        c.id(),
        n,
        r.name(),
        personId,
        order);
    long memberId =
        jdbc.queryForObject(
            "SELECT MAX(id) FROM election_committee_member WHERE committee_id = ?",
            Long.class,
            c.id());
    audit.append(
        AccessService.currentUser(),
        "ELECTION_COMMITTEE_MEMBER_ADDED",
        "election:" + electionId,
        c.name() + "增加成员：" + n + "（" + r.labelZh() + (personId == null ? "" : "，已关联居民名册") + "）");
    return memberId;
  }

  /** Removes a member. */
  @Transactional
  public void removeMember(long electionId, long memberId) {
    Election e = districts.election(electionId, Permission.MANAGE);
    ElectionCommittee c =
        find(electionId).orElseThrow(() -> new IllegalStateException(bodyZh(e) + "尚未登记"));
    ElectionCommittee.Member m =
        c.members().stream()
            .filter(x -> x.id() == memberId)
            .findFirst()
            .orElseThrow(() -> new InvalidInputException("memberId", bodyZh(e) + "没有这名成员"));
    jdbc.update("DELETE FROM election_committee_member WHERE id = ?", memberId);
    audit.append(
        AccessService.currentUser(),
        "ELECTION_COMMITTEE_MEMBER_REMOVED",
        "election:" + electionId,
        c.name() + "移除成员：" + m.name() + "（" + m.role().labelZh() + "）");
  }
}
