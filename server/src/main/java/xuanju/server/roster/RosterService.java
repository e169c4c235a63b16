package xuanju.server.roster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.core.roster.Member;
import xuanju.core.roster.MemberCheck;
import xuanju.core.roster.MemberInput;
import xuanju.core.roster.MemberStatus;
import xuanju.core.roster.Membership;
import xuanju.core.roster.ResidentIds;
import xuanju.core.roster.Roster;
import xuanju.core.roster.RosterField;
import xuanju.core.roster.RosterRule;
import xuanju.core.rule.Finding;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.audit.AuditLog;
import xuanju.server.organisation.Organisation;
import xuanju.server.organisation.OrganisationService;

/**
 * The party-member roster of an organisation (党员名册): list, statistics, import and export of .xlsx,
 * and hand edits. Every method checks access first ({@link AccessService#require}: VIEW to read,
 * MANAGE to change or to export full ID numbers) and audits every change in the same transaction.
 *
 * <p>Import is all-or-nothing: every row is checked (core {@link Roster#validate}, duplicates in
 * the file, conflicts with this and other organisations), and only a file without errors is
 * written, in one transaction with batched inserts.
 */
@Service
public class RosterService {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(RosterService.class);
  private final MemberRepository members;
  private final OrganisationService organisations;
  private final AccessService access;
  private final AuditLog audit;
  private final Clock clock;
  private final long maxBytes;
  private final int maxRows;

  public RosterService(
      MemberRepository members,
      OrganisationService organisations,
      AccessService access,
      AuditLog audit,
      Clock clock,
      @Value("${xuanju.roster.import.max-bytes:20971520}") long maxBytes,
      @Value("${xuanju.roster.import.max-rows:200000}") int maxRows) {
    this.members = members;
    this.organisations = organisations;
    this.access = access;
    this.audit = audit;
    this.clock = clock;
    this.maxBytes = maxBytes;
    this.maxRows = maxRows;
  }

  /** The upload size limit in bytes. */
  public long maxBytes() {
    return maxBytes;
  }

  // ---------------------------------------------------------------- reading

  /** The organisation, after checking the user may VIEW it. */
  @Transactional(readOnly = true)
  public Organisation organisation(long organisationId) {
    access.require(organisationId, Permission.VIEW);
    return organisationOf(organisationId);
  }

  /** The organisations the signed-in user may see, with their member counts (名册目录). */
  @Transactional(readOnly = true)
  public List<Map.Entry<Organisation, Long>> visibleOrganisations() {
    Set<Long> visible =
        access.visibleOrganisations(
            AccessService.currentUser(), AccessService.currentIsAdmin(), Permission.VIEW);
    List<Map.Entry<Organisation, Long>> out = new ArrayList<>();
    for (Organisation o : organisations.all()) {
      if (visible.contains(o.id())) {
        out.add(Map.entry(o, members.count(o.id(), null)));
      }
    }
    return out;
  }

  /** A page of members (by name), optionally filtered by a name fragment. */
  @Transactional(readOnly = true)
  public List<MemberView> list(long organisationId, String nameLike, int page, int size) {
    access.require(organisationId, Permission.VIEW);
    int p = Math.max(0, page);
    int s = Math.max(1, Math.min(500, size));
    return members.page(organisationId, nameLike, p * s, s).stream().map(MemberView::of).toList();
  }

  @Transactional(readOnly = true)
  public long count(long organisationId, String nameLike) {
    access.require(organisationId, Permission.VIEW);
    return members.count(organisationId, nameLike);
  }

  /** Total, full, probationary and with a vote; the vote decided by core for each group. */
  @Transactional(readOnly = true)
  public RosterStats stats(long organisationId) {
    access.require(organisationId, Permission.VIEW);
    long total = 0;
    long full = 0;
    long probationary = 0;
    long vote = 0;
    for (var e : members.countsByMembershipAndStatus(organisationId).entrySet()) {
      String[] k = e.getKey().split("/");
      Membership m = Membership.valueOf(k[0]);
      MemberStatus s = MemberStatus.valueOf(k[1]);
      long n = e.getValue();
      total += n;
      if (m == Membership.FULL) {
        full += n;
      } else {
        probationary += n;
      }
      if (Roster.votingRight(m, s).outcome().hasVote()) {
        vote += n;
      }
    }
    return new RosterStats(total, full, probationary, vote);
  }

  /** Whether the signed-in user may change the organisation's roster (shows or hides buttons). */
  public boolean canManage(long organisationId) {
    return access.allowed(
        AccessService.currentUser(),
        AccessService.currentIsAdmin(),
        organisationId,
        Permission.MANAGE);
  }

  /** Checks that the signed-in user may change the organisation's roster (MANAGE). */
  public void requireManage(long organisationId) {
    access.require(organisationId, Permission.MANAGE);
  }

  /** One member with the full ID number, for the edit page (MANAGE). */
  @Transactional(readOnly = true)
  public MemberRecord member(long organisationId, long memberId) {
    access.require(organisationId, Permission.MANAGE);
    return memberOf(organisationId, memberId);
  }

  // ---------------------------------------------------------------- export

  /** Writes the import template (模板), with one example row. */
  public void template(long organisationId, OutputStream out) {
    access.require(organisationId, Permission.VIEW);
    try {
      RosterXlsxWriter.template(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes the roster as .xlsx in the template's columns (导出), streaming from the database. Full ID
   * numbers leave the system here, so this needs MANAGE and is audited.
   */
  @Transactional
  public int export(long organisationId, OutputStream out) {
    access.require(organisationId, Permission.MANAGE);
    Organisation org = organisationOf(organisationId);
    int[] n = {0};
    try {
      RosterXlsxWriter.write(
          out,
          sink ->
              members.forEach(
                  organisationId,
                  r -> {
                    n[0]++;
                    sink.accept(r.member());
                  }));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    audit.append(
        AccessService.currentUser(),
        "ROSTER_EXPORTED",
        "organisation:" + organisationId,
        "导出党员名册「" + org.name() + "」" + n[0] + " 人");
    return n[0];
  }

  // ---------------------------------------------------------------- import

  /**
   * Imports an .xlsx roster into the organisation (导入). Nothing is written unless every row is
   * valid; on success the import is audited as {@code 导入党员名册 45 人}.
   *
   * @param size the upload size in bytes, checked against the limit before reading
   */
  @Transactional
  public ImportReport importXlsx(
      long organisationId, String filename, InputStream in, long size, ImportMode mode) {
    access.require(organisationId, Permission.MANAGE);
    Organisation org = organisationOf(organisationId);
    if (size > maxBytes) {
      return ImportReport.fileProblem(
          RosterRule.IMPORT_TOO_LARGE, "文件大小 " + mb(size) + " 超过上限 " + mb(maxBytes) + "，请分批导入");
    }
    String lower = filename == null ? "" : filename.toLowerCase(java.util.Locale.ROOT);
    if (lower.endsWith(".csv") || lower.endsWith(".txt")) {
      return ImportReport.fileProblem(
          RosterRule.IMPORT_FILE_TYPE, "不支持 CSV 或文本文件，请使用系统提供的 .xlsx 模板");
    }
    LocalDate today = LocalDate.now(clock);
    long t0 = System.nanoTime();
    List<RowProblem> errors = new ArrayList<>();
    List<RowProblem> warnings = new ArrayList<>();
    int[] counts = {0, 0}; // errors, warnings
    Map<String, Integer> firstRowOfId = new HashMap<>();
    Map<String, Integer> rowOfMember = new LinkedHashMap<>();
    List<Member> valid = new ArrayList<>();
    int rows;
    try {
      rows =
          RosterXlsxReader.read(
              in,
              maxRows,
              row -> {
                MemberCheck check = Roster.validate(row.input(), today);
                for (Finding f : check.findings().all()) {
                  RowProblem p = problem(row.rowNumber(), f);
                  if (f.severity() == xuanju.core.rule.Severity.ERROR) {
                    add(errors, p, counts, 0);
                  } else {
                    add(warnings, p, counts, 1);
                  }
                }
                String id = ResidentIds.normalise(row.input().residentId());
                if (ResidentIds.isValid(id, today)) {
                  Integer first = firstRowOfId.putIfAbsent(id, row.rowNumber());
                  if (first != null) {
                    add(
                        errors,
                        new RowProblem(
                            row.rowNumber(),
                            RosterField.RESIDENT_ID.labelZh(),
                            RosterRule.IMPORT_DUPLICATE_IN_FILE.code(),
                            "ERROR",
                            "与第" + first + "行的公民身份号码重复（同一党员在文件中只能出现一次）"),
                        counts,
                        0);
                    return;
                  }
                }
                check
                    .member()
                    .ifPresent(
                        m -> {
                          valid.add(m);
                          rowOfMember.put(m.residentId(), row.rowNumber());
                        });
              });
    } catch (RosterFileException e) {
      return ImportReport.fileProblem(e.rule(), e.getMessage());
    }

    long t1 = System.nanoTime();
    Map<String, MemberRepository.Holder> holders = members.holders(firstRowOfId.keySet());
    long t2 = System.nanoTime();
    List<Member> toInsert = new ArrayList<>();
    Map<Long, Member> toUpdate = new LinkedHashMap<>();
    for (Member m : valid) {
      MemberRepository.Holder h = holders.get(m.residentId());
      int row = rowOfMember.get(m.residentId());
      if (h == null) {
        toInsert.add(m);
      } else if (h.organisationId() != organisationId) {
        add(
            errors,
            new RowProblem(
                row,
                RosterField.RESIDENT_ID.labelZh(),
                RosterRule.IMPORT_OTHER_ORGANISATION.code(),
                "ERROR",
                "该党员已在「" + h.organisationName() + "」的名册中（一名党员只能编入一个党支部；如已转接组织关系，请先由原组织删除）"),
            counts,
            0);
      } else if (mode == ImportMode.UPDATE_EXISTING) {
        toUpdate.put(h.memberId(), m);
      } else {
        add(
            errors,
            new RowProblem(
                row,
                RosterField.RESIDENT_ID.labelZh(),
                RosterRule.IMPORT_ALREADY_IN_ORGANISATION.code(),
                "ERROR",
                "该党员已在本组织名册中（如需以文件内容更新，请选择“" + ImportMode.UPDATE_EXISTING.labelZh() + "”）"),
            counts,
            0);
      }
    }
    // rows whose ID clashes with a member of another organisation are reported even if the row
    // has other errors, so that the user sees every problem in one pass
    for (var e : firstRowOfId.entrySet()) {
      MemberRepository.Holder h = holders.get(e.getKey());
      if (h != null
          && h.organisationId() != organisationId
          && !rowOfMember.containsKey(e.getKey())) {
        add(
            errors,
            new RowProblem(
                e.getValue(),
                RosterField.RESIDENT_ID.labelZh(),
                RosterRule.IMPORT_OTHER_ORGANISATION.code(),
                "ERROR",
                "该党员已在「" + h.organisationName() + "」的名册中（一名党员只能编入一个党支部）"),
            counts,
            0);
      }
    }

    if (counts[0] > 0) {
      LOG.info(
          "党员名册导入未通过：{} 行，{} 个错误；读取并校验 {} ms，查重 {} ms",
          rows,
          counts[0],
          (t1 - t0) / 1_000_000,
          (t2 - t1) / 1_000_000);
      return new ImportReport(
          false, rows, 0, 0, counts[0], sorted(errors), counts[1], sorted(warnings));
    }
    try {
      members.insertAll(organisationId, toInsert, clock.instant());
      members.updateAll(toUpdate, clock.instant());
    } catch (DuplicateKeyException e) {
      throw new IllegalStateException("导入期间名册被他人修改（公民身份号码重复），未导入任何党员，请重试");
    }
    long t3 = System.nanoTime();
    LOG.info(
        "党员名册导入：{} 行；读取并校验 {} ms，查重 {} ms，写入 {} ms",
        rows,
        (t1 - t0) / 1_000_000,
        (t2 - t1) / 1_000_000,
        (t3 - t2) / 1_000_000);
    ImportReport report =
        new ImportReport(
            true,
            rows,
            toInsert.size(),
            toUpdate.size(),
            0,
            List.of(),
            counts[1],
            sorted(warnings));
    audit.append(
        AccessService.currentUser(),
        "ROSTER_IMPORTED",
        "organisation:" + organisationId,
        report.summary()
            + "，组织「"
            + org.name()
            + "」，文件「"
            + (filename == null ? "" : filename)
            + "」"
            + (counts[1] > 0 ? "，提示 " + counts[1] + " 条" : ""));
    return report;
  }

  // ---------------------------------------------------------------- hand edits

  /** Adds a member by hand (新增党员). */
  @Transactional
  public SaveResult create(long organisationId, MemberInput input) {
    access.require(organisationId, Permission.MANAGE);
    Organisation org = organisationOf(organisationId);
    MemberCheck check = Roster.validate(input, LocalDate.now(clock));
    SaveResult invalid = invalid(check, null);
    if (invalid != null) {
      return invalid;
    }
    Member m = check.member().orElseThrow();
    long id;
    try {
      id = members.insert(organisationId, m, clock.instant());
    } catch (DuplicateKeyException e) {
      return new SaveResult(
          false, 0, Map.of(RosterField.RESIDENT_ID.key(), "该公民身份号码已被他人同时录入"), "", List.of());
    }
    audit.append(
        AccessService.currentUser(),
        "MEMBER_CREATED",
        "member:" + id,
        "新增党员「" + m.name() + "」（" + brief(m) + "），组织「" + org.name() + "」");
    return new SaveResult(true, id, Map.of(), "", warnings(check));
  }

  /**
   * Edits a member (修改党员) if nobody changed it since {@code expectedVersion} was read; otherwise
   * the form error is {@code 该党员信息已被他人修改，请刷新后重试} (ROSTER.EDIT.STALE).
   */
  @Transactional
  public SaveResult update(
      long organisationId, long memberId, int expectedVersion, MemberInput input) {
    access.require(organisationId, Permission.MANAGE);
    MemberRecord before = memberOf(organisationId, memberId);
    MemberCheck check = Roster.validate(input, LocalDate.now(clock));
    SaveResult invalid = invalid(check, memberId);
    if (invalid != null) {
      return invalid;
    }
    Member m = check.member().orElseThrow();
    boolean done;
    try {
      done = members.update(memberId, expectedVersion, m, clock.instant());
    } catch (DuplicateKeyException e) {
      return new SaveResult(
          false, 0, Map.of(RosterField.RESIDENT_ID.key(), "该公民身份号码已被他人同时录入"), "", List.of());
    }
    if (!done) {
      return new SaveResult(
          false, memberId, Map.of(), RosterRule.EDIT_STALE.messageZh(), List.of());
    }
    String diff = diff(before.member(), m);
    audit.append(
        AccessService.currentUser(),
        "MEMBER_UPDATED",
        "member:" + memberId,
        "修改党员「"
            + before.member().name()
            + "」（"
            + before.member().maskedResidentId()
            + "）："
            + (diff.isEmpty() ? "无变化" : diff));
    return new SaveResult(true, memberId, Map.of(), "", warnings(check));
  }

  /** Removes a member (删除党员) if unchanged since {@code expectedVersion}. */
  @Transactional
  public SaveResult delete(long organisationId, long memberId, int expectedVersion) {
    access.require(organisationId, Permission.MANAGE);
    MemberRecord before = memberOf(organisationId, memberId);
    if (!members.delete(memberId, expectedVersion)) {
      return new SaveResult(
          false, memberId, Map.of(), RosterRule.EDIT_STALE.messageZh(), List.of());
    }
    Organisation org = organisationOf(organisationId);
    audit.append(
        AccessService.currentUser(),
        "MEMBER_DELETED",
        "member:" + memberId,
        "删除党员「"
            + before.member().name()
            + "」（"
            + brief(before.member())
            + "），组织「"
            + org.name()
            + "」");
    return new SaveResult(true, memberId, Map.of(), "", List.of());
  }

  // ---------------------------------------------------------------- helpers

  private SaveResult invalid(MemberCheck check, Long self) {
    Map<String, String> fieldErrors = new LinkedHashMap<>();
    for (Finding f : check.findings().errors()) {
      fieldErrors.merge(f.fields().get(0), f.messageZh(), (a, b) -> a + "；" + b);
    }
    if (fieldErrors.isEmpty()) {
      Member m = check.member().orElseThrow();
      MemberRepository.Holder h = members.holders(List.of(m.residentId())).get(m.residentId());
      if (h != null && (self == null || h.memberId() != self)) {
        fieldErrors.put(
            RosterField.RESIDENT_ID.key(),
            "该公民身份号码已在「" + h.organisationName() + "」的名册中（一名党员只能编入一个党支部）");
      }
    }
    if (fieldErrors.isEmpty()) {
      return null;
    }
    return new SaveResult(false, 0, fieldErrors, "请改正标出的项目后再保存", warnings(check));
  }

  private static List<String> warnings(MemberCheck check) {
    return check.findings().warnings().stream().map(Finding::messageZh).toList();
  }

  private MemberRecord memberOf(long organisationId, long memberId) {
    return members
        .find(memberId)
        .filter(r -> r.organisationId() == organisationId)
        .orElseThrow(() -> new NoSuchElementException("该组织的名册中没有这名党员"));
  }

  private Organisation organisationOf(long organisationId) {
    return organisations.all().stream()
        .filter(o -> o.id() == organisationId)
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException("组织不存在：" + organisationId));
  }

  private static RowProblem problem(int row, Finding f) {
    String column =
        f.fields().isEmpty()
            ? ""
            : RosterField.byKey(f.fields().get(0)).map(RosterField::labelZh).orElse("");
    return new RowProblem(row, column, f.code(), f.severity().name(), f.messageZh());
  }

  private static void add(List<RowProblem> list, RowProblem p, int[] counts, int which) {
    counts[which]++;
    if (list.size() < ImportReport.SHOWN) {
      list.add(p);
    }
  }

  private static List<RowProblem> sorted(List<RowProblem> l) {
    List<RowProblem> c = new ArrayList<>(l);
    c.sort(Comparator.comparingInt(RowProblem::row).thenComparing(RowProblem::code));
    return c;
  }

  private static String brief(Member m) {
    return m.maskedResidentId() + "，" + m.membership().labelZh() + "，" + m.status().labelZh();
  }

  /** {@code 学历 大学专科→大学本科；党籍状态 正常→留置} (ID masked, phone not shown). */
  static String diff(Member a, Member b) {
    List<String> parts = new ArrayList<>();
    diff(parts, "姓名", a.name(), b.name());
    diff(parts, "性别", a.gender().labelZh(), b.gender().labelZh());
    diff(parts, "民族", a.ethnicity(), b.ethnicity());
    diff(parts, "出生日期", a.birthDate().toString(), b.birthDate().toString());
    diff(parts, "公民身份号码", a.maskedResidentId(), b.maskedResidentId());
    if (!a.residentId().equals(b.residentId())
        && a.maskedResidentId().equals(b.maskedResidentId())) {
      parts.add("公民身份号码 已修改");
    }
    diff(parts, "学历", a.education().labelZh(), b.education().labelZh());
    diff(parts, "入党时间", a.joinDate().toString(), b.joinDate().toString());
    diff(parts, "党员类别", a.membership().labelZh(), b.membership().labelZh());
    diff(parts, "党籍状态", a.status().labelZh(), b.status().labelZh());
    if (!a.phone().equals(b.phone())) {
      parts.add("联系电话 已修改");
    }
    return String.join("；", parts);
  }

  private static void diff(List<String> parts, String label, String a, String b) {
    if (!a.equals(b)) {
      parts.add(label + " " + a + "→" + b);
    }
  }

  private static String mb(long bytes) {
    return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1048576.0);
  }
}
