package xuanju.server.person;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import xuanju.core.register.Resident;
import xuanju.core.register.ResidentCheck;
import xuanju.core.register.ResidentField;
import xuanju.core.register.Residents;
import xuanju.core.roster.ResidentIds;
import xuanju.core.rule.Finding;
import xuanju.core.rule.Severity;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.audit.AuditLog;
import xuanju.server.organisation.Organisation;
import xuanju.server.roster.RowProblem;

/**
 * Import of population data into an organisation's person register (居民名册导入) from .xlsx or .csv.
 *
 * <p>Streaming and all-or-nothing. The file is read row by row (POI event API for .xlsx, a record
 * reader for .csv); every row is checked with core {@link Residents#validate}, plus the lengths of
 * 村/社区/单位, 居民小组 and 标签, a repeat of an ID number within the file (naming both rows) and an ID
 * number already in another organisation's register (naming where). Checked rows wait in a
 * temporary file ({@link ImportSpool}). Only when no row has an error are they written, in the
 * caller's one transaction: new people in bulk ({@link PersonBulkWriter}), people already in this
 * organisation's register updated. On PostgreSQL the new people are not spooled: they go into one
 * {@code COPY} that is fed while the file is still being read (the database server writes on the
 * second core), the ID numbers are looked up on a connection of their own ({@code = ANY(?)}, the
 * import's connection being busy with the COPY), and at the first error the COPY is cancelled and
 * the transaction rolled back, so that nothing is written unless every row is valid. The report
 * says 新增 N, 更新 M; one audit entry records it.
 */
@Service
public class PersonImportService {
  private static final Logger LOG = LoggerFactory.getLogger(PersonImportService.class);
  private static final int LOOKUP = 1000;
  private static final int LOOKUP_ARRAY = 5000;
  private static final int WRITE = 10_000;

  private final PersonRepository people;
  private final PersonBulkWriter writer;
  private final PersonService service;
  private final AccessService access;
  private final AuditLog audit;
  private final JdbcTemplate jdbc;
  private final JdbcTemplate lookups;
  private final Clock clock;
  private final long maxBytes;
  private final int maxRows;
  private final int scanLimit;

  public PersonImportService(
      PersonRepository people,
      PersonBulkWriter writer,
      PersonService service,
      AccessService access,
      AuditLog audit,
      JdbcTemplate jdbc,
      DataSource dataSource,
      Clock clock,
      @Value("${xuanju.person.import.max-bytes:524288000}") long maxBytes,
      @Value("${xuanju.person.import.max-rows:1100000}") int maxRows,
      @Value("${xuanju.person.import.scan-limit:500000}") int scanLimit) {
    this.people = people;
    this.writer = writer;
    this.service = service;
    this.access = access;
    this.audit = audit;
    this.jdbc = jdbc;
    // a key of its own, so that it gets a connection outside the import's transaction
    this.lookups = new JdbcTemplate(new DelegatingDataSource(dataSource));
    this.clock = clock;
    this.maxBytes = maxBytes;
    this.maxRows = maxRows;
    this.scanLimit = scanLimit;
  }

  /** The upload size limit in bytes. */
  public long maxBytes() {
    return maxBytes;
  }

  /** Writes the import template (.xlsx with the headers and one example row). */
  public void template(OutputStream out) {
    try {
      PersonTemplate.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Imports an .xlsx or .csv file into the organisation's register (MANAGE). Nothing is written
   * unless every row is valid.
   *
   * @param size the upload size in bytes if known (-1 otherwise), checked before reading
   */
  @Transactional
  public PersonImportReport importFile(
      long organisationId, String filename, InputStream in, long size) {
    access.require(organisationId, Permission.MANAGE);
    Organisation org = service.organisationOf(organisationId);
    if (size > maxBytes) {
      return tooLarge(size);
    }
    Path tmp = null;
    try {
      tmp = Files.createTempFile("xuanju-people-", ".upload");
      long copied;
      try (OutputStream out = Files.newOutputStream(tmp)) {
        copied = copy(in, out);
      }
      if (copied > maxBytes) {
        return tooLarge(copied);
      }
      return importPath(org, filename, tmp);
    } catch (IOException e) {
      return PersonImportReport.fileProblem(ImportProblem.FILE_TYPE, "无法读取文件：" + e.getMessage());
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // a temp file left behind is harmless
        }
      }
    }
  }

  private long copy(InputStream in, OutputStream out) throws IOException {
    byte[] buf = new byte[1 << 16];
    long n = 0;
    int r;
    while ((r = in.read(buf)) >= 0) {
      n += r;
      if (n > maxBytes) {
        return n;
      }
      out.write(buf, 0, r);
    }
    return n;
  }

  private PersonImportReport tooLarge(long size) {
    return PersonImportReport.fileProblem(
        ImportProblem.TOO_LARGE, "文件大小 " + mb(size) + " 超过上限 " + mb(maxBytes) + "，请分批导入");
  }

  /** The kind of file from its first bytes and name. */
  private enum Kind {
    XLSX,
    CSV
  }

  private static Kind kind(Path file, String filename) throws IOException, PersonFileException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(8);
    }
    String lower = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
    if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
      return Kind.XLSX;
    }
    if (head.length >= 4 && (head[0] & 0xff) == 0xD0 && (head[1] & 0xff) == 0xCF) {
      throw new PersonFileException(
          ImportProblem.FILE_TYPE,
          "这是旧版 Excel 97-2003（.xls）文件或加密文件，请在 Excel 或 WPS 中“另存为”Excel 工作簿（.xlsx）或 CSV 后再导入");
    }
    if (lower.endsWith(".xlsx")) {
      throw new PersonFileException(ImportProblem.FILE_TYPE, "文件不是有效的 Excel 工作簿（.xlsx），请下载模板填写后上传");
    }
    for (byte b : head) {
      if (b == 0) {
        throw new PersonFileException(
            ImportProblem.FILE_TYPE, "文件既不是 Excel 工作簿（.xlsx）也不是 CSV 文本文件，请下载模板填写后上传");
      }
    }
    return Kind.CSV;
  }

  private PersonImportReport importPath(Organisation org, String filename, Path file)
      throws IOException {
    long organisationId = org.id();
    LocalDate today = LocalDate.now(clock);
    long t0 = System.nanoTime();
    Instant now = clock.instant();
    PersonBulkWriter.Copy copy = null;
    // a register no larger than scanLimit: its ID numbers in memory, so that only the rows whose
    // number is already stored are looked up (none at a first import)
    java.util.Set<String> stored = people.residentIdsIfAtMost(scanLimit);
    if (writer.isPostgres()) {
      try {
        copy = writer.openCopy(organisationId, now);
      } catch (SQLException e) {
        throw writeFailure(e);
      }
    }
    Pass pass = new Pass(organisationId, today, copy, stored);
    int rows;
    boolean written = false;
    try (ImportSpool spool = new ImportSpool()) {
      pass.spool = spool;
      try {
        Kind kind = kind(file, filename);
        rows =
            kind == Kind.XLSX
                ? PersonXlsxReader.read(file, maxRows, pass::row)
                : PersonCsvReader.read(file, maxRows, pass::row);
        pass.flush();
      } catch (PersonFileException e) {
        return PersonImportReport.fileProblem(e.problem(), e.getMessage());
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      long t1 = System.nanoTime();
      if (pass.errorCount > 0) {
        LOG.info("居民名册导入未通过：{} 行，{} 个错误；读取并校验 {} ms", rows, pass.errorCount, (t1 - t0) / 1_000_000);
        return new PersonImportReport(
            false,
            rows,
            0,
            0,
            pass.errorCount,
            sorted(pass.errors),
            pass.warningCount,
            sorted(pass.warnings));
      }
      int[] counts = {0, 0};
      if (copy != null) {
        try {
          counts[0] += (int) copy.finish();
        } catch (SQLException e) {
          throw writeFailure(e);
        }
      }
      List<PersonBulkWriter.Row> inserts = new ArrayList<>(WRITE);
      List<PersonBulkWriter.Row> updates = new ArrayList<>();
      try {
        spool.forEach(
            r -> {
              List<PersonBulkWriter.Row> target = r.id() == 0 ? inserts : updates;
              target.add(r);
              if (target.size() >= WRITE) {
                write(organisationId, inserts, updates, counts, now);
              }
            });
        write(organisationId, inserts, updates, counts, now);
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      long tw = System.nanoTime();
      int linked = people.linkPartyMembers(organisationId);
      long t2 = System.nanoTime();
      LOG.info(
          "居民名册导入：{} 行（新增 {}，更新 {}，关联党员名册 {}）；读取并校验 {} ms（其中查询已有居民 {} ms），写入 {} ms，关联党员名册 {} ms",
          rows,
          counts[0],
          counts[1],
          linked,
          (t1 - t0) / 1_000_000,
          pass.lookupNanos / 1_000_000,
          (tw - t1) / 1_000_000,
          (t2 - tw) / 1_000_000);
      PersonImportReport report =
          new PersonImportReport(
              true,
              rows,
              counts[0],
              counts[1],
              0,
              List.of(),
              pass.warningCount,
              sorted(pass.warnings));
      audit.append(
          AccessService.currentUser(),
          "PEOPLE_IMPORTED",
          "organisation:" + organisationId,
          report.summary()
              + "，组织「"
              + org.name()
              + "」，文件「"
              + (filename == null ? "" : filename)
              + "」"
              + (pass.warningCount > 0 ? "，提示 " + pass.warningCount + " 条" : ""));
      written = true;
      return report;
    } finally {
      if (!written) {
        // a refused file, a file problem or a failure: nothing of it may stay
        if (copy != null) {
          copy.cancel();
        }
        TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
      }
    }
  }

  private static IllegalStateException writeFailure(SQLException e) {
    if ("23505".equals(e.getSQLState())) {
      return new IllegalStateException("导入期间名册被他人修改（公民身份号码重复），未导入任何居民，请重试", e);
    }
    return new IllegalStateException("写入居民名册失败，未导入任何居民", e);
  }

  private void write(
      long organisationId,
      List<PersonBulkWriter.Row> inserts,
      List<PersonBulkWriter.Row> updates,
      int[] counts,
      Instant now) {
    try {
      writer.insert(organisationId, inserts, now);
      writer.update(updates, now);
    } catch (SQLException e) {
      throw writeFailure(e);
    }
    counts[0] += inserts.size();
    counts[1] += updates.size();
    inserts.clear();
    updates.clear();
  }

  /** The check of the whole file, row by row. */
  private final class Pass {
    final long organisationId;
    final LocalDate today;
    final IdRowMap firstRow = new IdRowMap();
    final List<RowProblem> errors = new ArrayList<>();
    final List<RowProblem> warnings = new ArrayList<>();
    int errorCount;
    int warningCount;
    long lookupNanos;
    ImportSpool spool;

    /** PostgreSQL: new people go straight to the open COPY; null on H2 (spooled). */
    final PersonBulkWriter.Copy copy;

    /** Every ID number in the register when the import began, or null (too many: look all up). */
    final java.util.Set<String> stored;

    /** Rows waiting for the look-up of their ID numbers: (row, unit, resident or null, id). */
    record Pending(int row, String unit, Resident resident, String id) {}

    final List<Pending> pending = new ArrayList<>(LOOKUP);

    Pass(
        long organisationId,
        LocalDate today,
        PersonBulkWriter.Copy copy,
        java.util.Set<String> stored) {
      this.organisationId = organisationId;
      this.today = today;
      this.copy = copy;
      this.stored = stored;
    }

    void row(ImportRow row) {
      ResidentCheck check = Residents.validate(row.input(), today);
      int n = row.rowNumber();
      for (Finding f : check.findings().all()) {
        RowProblem p = problem(n, f);
        if (f.severity() == Severity.ERROR) {
          error(p);
        } else {
          warningCount++;
          if (warnings.size() < PersonImportReport.SHOWN) {
            warnings.add(p);
          }
        }
      }
      boolean ok = check.ok();
      if (row.unit().codePointCount(0, row.unit().length()) > PersonColumns.UNIT_MAX) {
        error(tooLong(n, PersonColumns.UNIT_HEADER, PersonColumns.UNIT_MAX));
        ok = false;
      }
      Resident r = check.resident().orElse(null);
      if (r != null && r.group().codePointCount(0, r.group().length()) > PersonColumns.GROUP_MAX) {
        error(tooLong(n, ResidentField.GROUP.labelZh(), PersonColumns.GROUP_MAX));
        ok = false;
      }
      if (r != null && PersonRepository.tagsText(r).length() > PersonColumns.TAGS_MAX) {
        error(tooLong(n, "标签", PersonColumns.TAGS_MAX));
        ok = false;
      }
      String id = ResidentIds.normalise(row.input().get(ResidentField.RESIDENT_ID));
      if (!ResidentIds.isValid(id, today)) {
        return;
      }
      int first = firstRow.putIfAbsent(id, n);
      if (first != 0) {
        error(
            new RowProblem(
                n,
                ResidentField.RESIDENT_ID.labelZh(),
                ImportProblem.DUPLICATE_IN_FILE.code(),
                "ERROR",
                "与第" + first + "行的公民身份号码重复（第" + first + "行和第" + n + "行是同一人，同一居民在文件中只能出现一次）"));
        return;
      }
      pending.add(new Pending(n, row.unit(), ok ? r : null, id));
      if (pending.size() >= (copy != null ? LOOKUP_ARRAY : LOOKUP)) {
        flush();
      }
    }

    /** Looks up the waiting ID numbers: other organisations refuse, this one updates. */
    void flush() {
      if (pending.isEmpty()) {
        return;
      }
      long l0 = System.nanoTime();
      List<String> ids =
          pending.stream()
              .map(Pending::id)
              .filter(id -> stored == null || stored.contains(id))
              .toList();
      Map<String, PersonRepository.Holder> holders =
          ids.isEmpty()
              ? Map.of()
              : copy != null ? PersonRepository.holdersByArray(lookups, ids) : people.holders(ids);
      try {
        for (Pending p : pending) {
          PersonRepository.Holder h = holders.get(p.id());
          if (h != null && h.organisationId() != organisationId) {
            error(
                new RowProblem(
                    p.row(),
                    ResidentField.RESIDENT_ID.labelZh(),
                    ImportProblem.OTHER_ORGANISATION.code(),
                    "ERROR",
                    "该居民已在" + h.whereZh() + "的居民名册中（一人只能在一个组织的居民名册中；如已迁入本地，请先由原组织迁出或删除）"));
          } else if (p.resident() != null && errorCount == 0) {
            if (h == null && copy != null) {
              copy.add(p.unit(), p.resident());
            } else {
              spool.add(h == null ? 0 : h.personId(), p.unit(), p.resident());
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (SQLException e) {
        throw writeFailure(e);
      }
      pending.clear();
      lookupNanos += System.nanoTime() - l0;
    }

    void error(RowProblem p) {
      errorCount++;
      if (copy != null && copy.isOpen()) {
        copy.cancel(); // nothing will be written: free the database at once
      }
      if (errors.size() < PersonImportReport.SHOWN) {
        errors.add(p);
      }
    }
  }

  private static RowProblem tooLong(int row, String column, int max) {
    return new RowProblem(
        row, column, ImportProblem.TOO_LONG.code(), "ERROR", column + "不能超过" + max + "个字");
  }

  private static RowProblem problem(int row, Finding f) {
    String column = "";
    if (!f.fields().isEmpty()) {
      String key = f.fields().get(0);
      for (ResidentField rf : ResidentField.values()) {
        if (rf.key().equals(key)) {
          column = rf == ResidentField.TAGS ? "标签" : rf.labelZh();
        }
      }
    }
    return new RowProblem(row, column, f.code(), f.severity().name(), f.messageZh());
  }

  private static List<RowProblem> sorted(List<RowProblem> l) {
    List<RowProblem> c = new ArrayList<>(l);
    c.sort(Comparator.comparingInt(RowProblem::row).thenComparing(RowProblem::code));
    return c;
  }

  private static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
  }
}
