package xuanju.server.congress;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.core.names.NameOrder;
import xuanju.core.roster.ResidentIds;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.audit.AuditLog;
import xuanju.server.district.DistrictService;
import xuanju.server.election.Election;
import xuanju.server.election.ElectionService;

/**
 * The district working groups (选区工作组, seed 004): in each district 5–7 people (the range is a
 * setting of the election) recommended by the district, one of them the voter registrar (选民登记员),
 * set up by the election committee's document (发文设立). Once set up, a change may not take the group
 * out of its size or leave it without its registrar. Every change is audited; ID numbers are never
 * written to the audit log.
 */
@Service
public class WorkingGroupService {
  /** The plan's default size (seed 004 SZ-14). */
  public static final Size DEFAULT_SIZE = new Size(5, 7, "昂素镇人民代表大会换届选举工作方案（004）");

  private static final NameOrder ORDER = NameOrder.surnameStrokes();

  private final ElectionService elections;
  private final JdbcTemplate jdbc;
  private final AuditLog audit;
  private final Clock clock;

  WorkingGroupService(ElectionService elections, JdbcTemplate jdbc, AuditLog audit, Clock clock) {
    this.elections = elections;
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  /** The allowed size of a working group and where it comes from. */
  public record Size(int min, int max, String basis) {
    public String textZh() {
      return min == max ? min + "人" : min + "至" + max + "人";
    }

    boolean fits(int n) {
      return n >= min && n <= max;
    }
  }

  /** A member as shown (ID masked). */
  public record Member(
      long id, String name, String maskedId, String position, WorkingGroupRole role) {}

  /**
   * A district's working group.
   *
   * @param establishedOn the day the committee's document set it up, or null while proposed
   * @param problems what keeps it from being set up (or, once set up, what is now wrong), in words
   */
  public record Group(
      long districtId,
      String districtName,
      List<Member> members,
      String establishedBy,
      String document,
      LocalDate establishedOn,
      int version,
      Size size,
      List<String> problems) {
    public boolean established() {
      return establishedOn != null;
    }

    public Optional<Member> registrar() {
      return members.stream().filter(m -> m.role() == WorkingGroupRole.REGISTRAR).findFirst();
    }

    /** e.g. {@code 已于2026-10-08设立（某选委〔2026〕3号）} or {@code 未设立}. */
    public String statusZh() {
      return establishedOn == null
          ? "未设立"
          : "已于" + establishedOn + "设立（" + establishedBy + "《" + document + "》）";
    }
  }

  @Transactional(readOnly = true)
  public Size size(long electionId) {
    return jdbc
        .query(
            "SELECT min_members, max_members, basis FROM working_group_setting WHERE election_id = ?",
            (rs, i) -> new Size(rs.getInt(1), rs.getInt(2), rs.getString(3)),
            electionId)
        .stream()
        .findFirst()
        .orElse(DEFAULT_SIZE);
  }

  /** The working group of a district (an empty, proposed one when nothing is recorded). */
  @Transactional(readOnly = true)
  public Group group(long electionId, long districtId) {
    election(electionId, Permission.VIEW);
    return groups(electionId).stream()
        .filter(g -> g.districtId() == districtId)
        .findFirst()
        .orElseThrow(() -> new InvalidInputException("districtId", "本选举没有这个选区"));
  }

  /** Every district's working group, in district order (one query each for groups and members). */
  @Transactional(readOnly = true)
  public List<Group> groups(long electionId) {
    Size size = size(electionId);
    Map<Long, List<Member>> members = new HashMap<>();
    jdbc.query(
        "SELECT id, district_id, name, resident_id, position, role FROM working_group_member"
            + " WHERE election_id = ?",
        rs -> {
          String rid = rs.getString(4);
          members
              .computeIfAbsent(rs.getLong(2), k -> new ArrayList<>())
              .add(
                  new Member(
                      rs.getLong(1),
                      rs.getString(3),
                      rid == null ? "" : ResidentIds.mask(rid),
                      rs.getString(5),
                      WorkingGroupRole.valueOf(rs.getString(6))));
        },
        electionId);
    Comparator<Member> order =
        Comparator.comparing(Member::role).thenComparing(Member::name, ORDER);
    return jdbc.query(
        "SELECT d.id, d.name, g.established_by, g.document, g.established_on, g.version"
            + " FROM district d LEFT JOIN working_group g ON g.district_id = d.id"
            + " WHERE d.election_id = ? ORDER BY d.number",
        (rs, i) -> {
          List<Member> list = new ArrayList<>(members.getOrDefault(rs.getLong(1), List.of()));
          list.sort(order);
          return new Group(
              rs.getLong(1),
              rs.getString(2),
              List.copyOf(list),
              rs.getString(3),
              rs.getString(4),
              rs.getObject(5, LocalDate.class),
              rs.getInt(6),
              size,
              problems(list, size));
        },
        electionId);
  }

  private static List<String> problems(List<Member> members, Size size) {
    List<String> out = new ArrayList<>();
    if (!size.fits(members.size())) {
      out.add("现有" + members.size() + "人，应为" + size.textZh());
    }
    long registrars = members.stream().filter(m -> m.role() == WorkingGroupRole.REGISTRAR).count();
    if (registrars == 0) {
      out.add("尚未指定选民登记员");
    }
    return out;
  }

  /**
   * Adds a member (MANAGE). With a resident ID number nobody may be in two districts' groups. The
   * first member with the role of registrar or leader takes it; later ones are designated with
   * {@link #designate}.
   */
  @Transactional
  public long addMember(
      long electionId,
      long districtId,
      String name,
      String residentId,
      String position,
      String role) {
    Election e = election(electionId, Permission.MANAGE);
    Group g = lockedGroup(electionId, districtId);
    String n = name == null ? "" : name.strip();
    if (n.isEmpty()) {
      throw new InvalidInputException("name", "姓名：不能为空");
    }
    WorkingGroupRole r =
        WorkingGroupRole.parse(role)
            .orElseThrow(() -> new InvalidInputException("role", "职务：请选择组长、选民登记员或成员"));
    if (r != WorkingGroupRole.MEMBER && g.members().stream().anyMatch(m -> m.role() == r)) {
      throw new InvalidInputException(
          "role",
          (r == WorkingGroupRole.REGISTRAR
                  ? WorkingGroupRule.REGISTRAR
                  : WorkingGroupRule.ONE_LEADER)
              .refuse(
                  g.districtName()
                      + "工作组已有"
                      + r.labelZh()
                      + "，请先增加为成员，再用“设为"
                      + r.labelZh()
                      + "”调整"));
    }
    String id = null;
    if (residentId != null && !residentId.isBlank()) {
      var problems = ResidentIds.check(residentId.strip(), e.electionDay(), "residentId");
      if (!problems.isEmpty()) {
        throw new InvalidInputException("residentId", "身份证号：" + problems.get(0).messageZh());
      }
      id = ResidentIds.normalise(residentId).toUpperCase(Locale.ROOT);
      List<String> other =
          jdbc.queryForList(
              "SELECT d.name FROM working_group_member m JOIN district d ON d.id = m.district_id"
                  + " WHERE m.election_id = ? AND m.resident_id = ?",
              String.class,
              electionId,
              id);
      if (!other.isEmpty()) {
        throw new InvalidInputException(
            "residentId", WorkingGroupRule.ONE_GROUP.refuse(n + "已是" + other.get(0) + "工作组的成员"));
      }
    }
    if (g.established() && g.members().size() + 1 > g.size().max()) {
      throw new IllegalStateException(
          WorkingGroupRule.SIZE.refuse(
              g.districtName() + "工作组已设立，现有" + g.members().size() + "人，不能再增加"));
    }
    String user = AccessService.currentUser();
    Timestamp now = Timestamp.from(clock.instant());
    var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
    final String rid = id;
    final String pos = position == null ? "" : position.strip();
    jdbc.update(
        c -> {
          var ps =
              c.prepareStatement(
                  "INSERT INTO working_group_member (district_id, election_id, name, resident_id,"
                      + " position, role, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                  new String[] {"id"});
          ps.setLong(1, districtId);
          ps.setLong(2, electionId);
          ps.setString(3, n);
          ps.setString(4, rid);
          ps.setString(5, pos);
          ps.setString(6, r.name());
          ps.setString(7, user);
          ps.setTimestamp(8, now);
          return ps;
        },
        key);
    audit.append(
        user,
        "WORKING_GROUP_MEMBER_ADDED",
        "district:" + districtId,
        g.districtName()
            + "工作组增加"
            + r.labelZh()
            + "："
            + n
            + (pos.isEmpty() ? "" : "（" + pos + "）"));
    return key.getKey().longValue();
  }

  /** Removes a member (MANAGE); a set-up group keeps its size and its registrar. */
  @Transactional
  public void removeMember(long electionId, long districtId, long memberId) {
    election(electionId, Permission.MANAGE);
    Group g = lockedGroup(electionId, districtId);
    Member m = member(g, memberId);
    if (g.established() && m.role() == WorkingGroupRole.REGISTRAR) {
      throw new IllegalStateException(
          WorkingGroupRule.REGISTRAR.refuse(
              m.name() + "是" + g.districtName() + "的选民登记员，请先把另一名成员设为选民登记员"));
    }
    if (g.established() && g.members().size() - 1 < g.size().min()) {
      throw new IllegalStateException(
          WorkingGroupRule.SIZE.refuse(
              g.districtName() + "工作组已设立，现有" + g.members().size() + "人，请先增加接替的成员"));
    }
    jdbc.update("DELETE FROM working_group_member WHERE id = ?", memberId);
    audit.append(
        AccessService.currentUser(),
        "WORKING_GROUP_MEMBER_REMOVED",
        "district:" + districtId,
        g.districtName() + "工作组减少" + m.role().labelZh() + "：" + m.name());
  }

  /**
   * Makes a member the group's registrar or leader (MANAGE); whoever held that role becomes a
   * member, so the group never has two.
   */
  @Transactional
  public void designate(long electionId, long districtId, long memberId, String role) {
    election(electionId, Permission.MANAGE);
    Group g = lockedGroup(electionId, districtId);
    Member m = member(g, memberId);
    WorkingGroupRole r =
        WorkingGroupRole.parse(role)
            .filter(x -> x != WorkingGroupRole.MEMBER)
            .orElseThrow(() -> new InvalidInputException("role", "请选择设为组长或选民登记员"));
    if (m.role() == r) {
      return;
    }
    if (m.role() == WorkingGroupRole.REGISTRAR && g.established()) {
      throw new IllegalStateException(
          WorkingGroupRule.REGISTRAR.refuse(m.name() + "是选民登记员，请先把另一名成员设为选民登记员"));
    }
    jdbc.update(
        "UPDATE working_group_member SET role = 'MEMBER' WHERE district_id = ? AND role = ?",
        districtId,
        r.name());
    jdbc.update("UPDATE working_group_member SET role = ? WHERE id = ?", r.name(), memberId);
    audit.append(
        AccessService.currentUser(),
        "WORKING_GROUP_ROLE_DESIGNATED",
        "district:" + districtId,
        g.districtName() + "工作组：" + m.name() + "担任" + r.labelZh());
  }

  /**
   * Records that the election committee set the group up by its document (发文设立, MANAGE): refused
   * unless the group has its size and its registrar. Recording it again corrects the document.
   */
  @Transactional
  public void establish(
      long electionId,
      long districtId,
      int version,
      String establishedBy,
      String document,
      LocalDate establishedOn) {
    election(electionId, Permission.MANAGE);
    Group g = lockedGroup(electionId, districtId);
    if (g.version() != version) {
      throw new IllegalStateException(g.districtName() + "工作组的记录已被他人修改，请刷新页面后重试");
    }
    if (!g.size().fits(g.members().size())) {
      throw new IllegalStateException(
          WorkingGroupRule.SIZE.refuse(
              g.districtName() + "工作组现有" + g.members().size() + "人，应为" + g.size().textZh()));
    }
    if (g.registrar().isEmpty()) {
      throw new IllegalStateException(
          WorkingGroupRule.REGISTRAR.refuse(g.districtName() + "工作组尚未指定选民登记员"));
    }
    String by = establishedBy == null ? "" : establishedBy.strip();
    String doc = document == null ? "" : document.strip();
    if (by.isEmpty()) {
      throw new InvalidInputException(
          "establishedBy", WorkingGroupRule.ESTABLISHED.refuse("发文机关：不能为空"));
    }
    if (doc.isEmpty()) {
      throw new InvalidInputException(
          "document", WorkingGroupRule.ESTABLISHED.refuse("设立文件（文号）：不能为空"));
    }
    if (establishedOn == null || establishedOn.isAfter(LocalDate.now(clock))) {
      throw new InvalidInputException("establishedOn", "设立日期：不能为空，也不能晚于今天（请在发文后登记）");
    }
    jdbc.update(
        "UPDATE working_group SET established_by = ?, document = ?, established_on = ?,"
            + " version = version + 1 WHERE district_id = ? AND version = ?",
        by,
        doc,
        Date.valueOf(establishedOn),
        districtId,
        version);
    audit.append(
        AccessService.currentUser(),
        "WORKING_GROUP_ESTABLISHED",
        "district:" + districtId,
        g.districtName()
            + "工作组"
            + g.members().size()
            + "人，选民登记员"
            + g.registrar().get().name()
            + "；"
            + by
            + "于"
            + establishedOn
            + "发文设立（"
            + doc
            + "）");
  }

  /**
   * Sets the size of the election's working groups (MANAGE), e.g. when the county's plan differs:
   * refused while a group already set up would fall outside it.
   */
  @Transactional
  public void setSize(long electionId, Integer min, Integer max, String basis) {
    election(electionId, Permission.MANAGE);
    if (min == null || max == null || min < 1 || max < min || max > 50) {
      throw new InvalidInputException("min", "工作组人数：最少和最多人数应为1至50之间的整数，且最少不大于最多");
    }
    String b = basis == null ? "" : basis.strip();
    if (b.isEmpty()) {
      throw new InvalidInputException("basis", "依据：请写明规定工作组人数的方案或文件");
    }
    Size s = new Size(min, max, b);
    for (Group g : groups(electionId)) {
      if (g.established() && !s.fits(g.members().size())) {
        throw new IllegalStateException(
            WorkingGroupRule.SIZE.refuse(
                g.districtName() + "工作组已设立，现有" + g.members().size() + "人，不在" + s.textZh() + "范围内"));
      }
    }
    jdbc.update("DELETE FROM working_group_setting WHERE election_id = ?", electionId);
    jdbc.update(
        "INSERT INTO working_group_setting (election_id, min_members, max_members, basis)"
            + " VALUES (?, ?, ?, ?)",
        electionId,
        min,
        max,
        b);
    audit.append(
        AccessService.currentUser(),
        "WORKING_GROUP_SIZE_SET",
        "election:" + electionId,
        "选区工作组人数：" + s.textZh() + "（依据：" + b + "）");
  }

  /** The group row, created when missing, locked for the change. */
  private Group lockedGroup(long electionId, long districtId) {
    Integer exists =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM district WHERE id = ? AND election_id = ?",
            Integer.class,
            districtId,
            electionId);
    if (exists == null || exists == 0) {
      throw new InvalidInputException("districtId", "本选举没有这个选区");
    }
    if (jdbc.queryForList(
            "SELECT district_id FROM working_group WHERE district_id = ? FOR UPDATE",
            Long.class,
            districtId)
        .isEmpty()) {
      jdbc.update(
          "INSERT INTO working_group (district_id, election_id, recorded_by, recorded_at)"
              + " VALUES (?, ?, ?, ?)",
          districtId,
          electionId,
          AccessService.currentUser(),
          Timestamp.from(clock.instant()));
    }
    return groups(electionId).stream()
        .filter(g -> g.districtId() == districtId)
        .findFirst()
        .orElseThrow();
  }

  private static Member member(Group g, long memberId) {
    return g.members().stream()
        .filter(m -> m.id() == memberId)
        .findFirst()
        .orElseThrow(() -> new InvalidInputException("memberId", g.districtName() + "工作组没有这名成员"));
  }

  private Election election(long electionId, Permission p) {
    Election e = elections.get(electionId, p);
    if (!DistrictService.seatsPerDistrict(e)) {
      throw new IllegalStateException("本选举（" + e.kind().labelZh() + "）不设选区工作组");
    }
    return e;
  }
}
