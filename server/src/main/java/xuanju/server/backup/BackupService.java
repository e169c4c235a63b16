package xuanju.server.backup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import xuanju.server.access.AccessService;
import xuanju.server.audit.AuditLog;
import xuanju.server.audit.AuditWitness;

/**
 * Backup and restore of the whole database (数据备份与恢复).
 *
 * <p><b>Backup</b> writes one zip: {@code tables/NN-name.jsonl} per table (one JSON object per row,
 * tables in foreign-key order, rows in primary-key order, parents before children in
 * self-referencing tables), then {@code manifest.json} ({@link Manifest}: Flyway schema version,
 * row count and SHA-256 per entry, audit chain head) and {@code manifest.sha256}. It reads one
 * consistent snapshot (repeatable read) and records itself in the audit log first, so the backup
 * holds its own export event.
 *
 * <p><b>Restore</b> checks the whole file before it touches the database (manifest checksum, every
 * entry's SHA-256 and row count, format and schema version, tables and columns equal to this
 * installation's), refuses a target that is not empty (its audit log holds anything but the
 * first-run administrator), then in one transaction replaces every row, checks the restored audit
 * chain against the manifest's head, appends a {@code BACKUP_RESTORED} event and moves every
 * identity column past the largest restored id. Key files in the backup ({@code --with-keys}) are
 * put back ({@link BackupKeys}); without them the restored chain's keyed events cannot be checked
 * until the key is copied back, which the restore says. Tables are read from the JDBC metadata, so
 * tables added by later migrations are included without any change here.
 */
@Service
public class BackupService {
  static final int BATCH = 500;

  /**
   * Columns written as null (table → columns): values that only matter while the server runs and
   * must not leave it. {@code ballot_record.client_id} is the keyed hash of a ballot's client id,
   * kept only while its entry is open (ballot secrecy, docs/security.md §3); a restored open entry
   * therefore no longer recognises resends of the ballots it already holds.
   */
  static final Map<String, Set<String>> LEFT_OUT = Map.of("ballot_record", Set.of("client_id"));

  private final DataSource dataSource;
  private final PlatformTransactionManager transactions;
  private final AuditLog audit;
  private final Clock clock;
  private final BackupKeys keys;
  private final AuditWitness witness;

  public BackupService(
      DataSource dataSource,
      PlatformTransactionManager transactions,
      AuditLog audit,
      Clock clock,
      BackupKeys keys,
      AuditWitness witness) {
    this.witness = witness;
    this.dataSource = dataSource;
    this.transactions = transactions;
    this.audit = audit;
    this.clock = clock;
    this.keys = keys;
  }

  /** A finished restore with what was done about the keys (Chinese lines, may be empty). */
  public record Restored(Manifest manifest, List<String> notes) {}

  // ------------------------------------------------------------------ public, for administrators

  /** Writes a backup of the whole database to {@code out} (system administrators only). */
  public Manifest backup(OutputStream out) {
    requireAdmin();
    return backupAs(AccessService.currentUser(), out);
  }

  /**
   * Restores a backup file into this (empty) installation (system administrators only).
   *
   * @throws BackupException in Chinese if the file is damaged, of another version, or the target is
   *     not empty; nothing is written then
   */
  public Manifest restore(Path file) {
    requireAdmin();
    return restoreAs(AccessService.currentUser(), file).manifest();
  }

  /** The Flyway schema version of this installation, e.g. {@code 9}. */
  public String schemaVersion() {
    return inConnection(BackupService::schemaVersion);
  }

  /** Row count per table, in backup order (for the admin page). */
  public Map<String, Long> rowCounts() {
    return inConnection(
        c -> {
          Map<String, Long> m = new LinkedHashMap<>();
          for (Schema.Table t : Schema.read(c)) {
            m.put(t.name(), count(c, t.name()));
          }
          return m;
        });
  }

  /** Whether this installation may be restored into: nothing has happened but the first run. */
  public boolean targetEmpty() {
    return inConnection(BackupService::isEmpty);
  }

  /**
   * Checks a backup file without restoring it (manifest checksum, every entry's SHA-256 and rows).
   *
   * @throws BackupException when the file is damaged or not a backup
   */
  public Manifest verify(Path file) {
    try (ZipFile zip = open(file)) {
      return verified(zip);
    } catch (IOException e) {
      throw new BackupException("无法读取备份文件：" + e.getMessage(), e);
    }
  }

  // ------------------------------------------------------------------ backup

  /** The backup as {@code actor} (the command line runs as the operator of the server). */
  Manifest backupAs(String actor, OutputStream out) {
    return backupAs(actor, out, false);
  }

  /**
   * The backup as {@code actor}; with {@code withKeys} the secret key files ({@code keys/*.key})
   * are added to the zip ({@code ./xuanju backup FILE --with-keys}).
   */
  Manifest backupAs(String actor, OutputStream out, boolean withKeys) {
    TransactionTemplate tx = new TransactionTemplate(transactions);
    tx.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    return tx.execute(
        status -> {
          audit.append(
              actor,
              "BACKUP_EXPORTED",
              "database",
              withKeys ? "导出整库备份（含密钥文件，须妥善保管）" : "导出整库备份（不含密钥文件）");
          Connection c = DataSourceUtils.getConnection(dataSource);
          try {
            return write(c, actor, out, withKeys);
          } catch (SQLException e) {
            throw new BackupException("读取数据库失败：" + e.getMessage(), e);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
          }
        });
  }

  private Manifest write(Connection c, String actor, OutputStream out, boolean withKeys)
      throws SQLException, IOException {
    List<Schema.Table> tables = Schema.read(c);
    ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    List<Manifest.TableEntry> entries = new ArrayList<>();
    int n = 0;
    for (Schema.Table t : tables) {
      n++;
      String entry = "tables/%02d-%s.jsonl".formatted(n, t.name());
      zip.putNextEntry(new ZipEntry(entry));
      MessageDigest md = sha256();
      long rows = 0;
      String sql = "SELECT * FROM " + Schema.quote(t.name()) + " ORDER BY " + t.orderBy();
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setFetchSize(1000);
        try (ResultSet rs = ps.executeQuery()) {
          List<ObjectNode> held = new ArrayList<>();
          while (rs.next()) {
            ObjectNode row = Manifest.MAPPER.createObjectNode();
            Set<String> leftOut =
                LEFT_OUT.getOrDefault(t.name().toLowerCase(Locale.ROOT), Set.of());
            for (int i = 0; i < t.columns().size(); i++) {
              Schema.Column col = t.columns().get(i);
              if (leftOut.contains(col.name().toLowerCase(Locale.ROOT))) {
                row.putNull(col.name());
              } else {
                Values.read(rs, rs.findColumn(col.name()), col, row);
              }
            }
            if (t.selfReferences().isEmpty()) {
              writeLine(zip, md, row);
            } else {
              held.add(row);
            }
            rows++;
          }
          for (ObjectNode row : parentsFirst(t, held)) {
            writeLine(zip, md, row);
          }
        }
      }
      zip.closeEntry();
      entries.add(
          new Manifest.TableEntry(
              t.name(), entry, rows, HexFormat.of().formatHex(md.digest()), t.columnNames()));
    }
    List<Manifest.KeyEntry> keyEntries = new ArrayList<>();
    if (withKeys) {
      for (var k : keys.files().entrySet()) {
        String entry = "keys/" + k.getKey() + ".key";
        zip.putNextEntry(new ZipEntry(entry));
        zip.write(k.getValue());
        zip.closeEntry();
        keyEntries.add(
            new Manifest.KeyEntry(
                k.getKey(), entry, HexFormat.of().formatHex(sha256().digest(k.getValue()))));
      }
    }
    Map<String, Object> head = auditHead(c);
    Manifest manifest =
        new Manifest(
            Manifest.FORMAT,
            Manifest.FORMAT_VERSION,
            clock.instant().toString(),
            actor,
            schemaVersion(c),
            c.getMetaData().getDatabaseProductName()
                + " "
                + c.getMetaData().getDatabaseProductVersion(),
            entries,
            ((Number) head.get("seq")).longValue(),
            (String) head.get("hash"),
            keyEntries);
    byte[] json = manifest.toJson().getBytes(StandardCharsets.UTF_8);
    zip.putNextEntry(new ZipEntry(Manifest.ENTRY));
    zip.write(json);
    zip.closeEntry();
    zip.putNextEntry(new ZipEntry(Manifest.CHECKSUM_ENTRY));
    zip.write(
        (HexFormat.of().formatHex(sha256().digest(json)) + "\n")
            .getBytes(StandardCharsets.US_ASCII));
    zip.closeEntry();
    zip.finish();
    zip.flush();
    return manifest;
  }

  private static void writeLine(OutputStream zip, MessageDigest md, ObjectNode row)
      throws IOException {
    byte[] line = (Manifest.MAPPER.writeValueAsString(row) + "\n").getBytes(StandardCharsets.UTF_8);
    md.update(line);
    zip.write(line);
  }

  /** Orders the rows of a self-referencing table so that every referenced row comes first. */
  static List<ObjectNode> parentsFirst(Schema.Table t, List<ObjectNode> rows) {
    List<ObjectNode> out = new ArrayList<>(rows.size());
    Map<String, Set<String>> emitted = new LinkedHashMap<>();
    t.selfReferences().values().forEach(col -> emitted.put(col, new HashSet<>()));
    List<ObjectNode> left = new ArrayList<>(rows);
    while (!left.isEmpty()) {
      List<ObjectNode> next = new ArrayList<>();
      for (ObjectNode row : left) {
        boolean ready = true;
        for (var ref : t.selfReferences().entrySet()) {
          JsonNode v = row.get(ref.getKey());
          if (v != null && !v.isNull() && !emitted.get(ref.getValue()).contains(v.toString())) {
            ready = false;
          }
        }
        if (ready) {
          out.add(row);
          emitted.forEach((col, seen) -> seen.add(String.valueOf(row.get(col))));
        } else {
          next.add(row);
        }
      }
      if (next.size() == left.size()) {
        out.addAll(next); // a cycle within the table: keep key order, the database will say more
        break;
      }
      left = next;
    }
    return out;
  }

  // ------------------------------------------------------------------ restore

  /** The restore as {@code actor} (the command line runs as the operator of the server). */
  Restored restoreAs(String actor, Path file) {
    Restored done = restoreRows(actor, file);
    witness.resetTo(audit.head()); // the chain was replaced: the old head's witness is void
    return done;
  }

  private Restored restoreRows(String actor, Path file) {
    try (ZipFile zip = open(file)) {
      Manifest manifest = verified(zip);
      String fileHash = sha256Hex(file);
      TransactionTemplate tx = new TransactionTemplate(transactions);
      return tx.execute(
          status -> {
            Connection c = DataSourceUtils.getConnection(dataSource);
            try {
              load(c, zip, manifest);
              List<String> notes = new ArrayList<>();
              for (Manifest.KeyEntry k : manifest.keys()) {
                notes.add(keys.install(k.name(), readAll(zip, zip.getEntry(k.entry()))));
              }
              notes.addAll(keys.adoptChainKey(actor));
              audit.append(
                  actor,
                  "BACKUP_RESTORED",
                  "database",
                  "从备份恢复整库："
                      + manifest.tables().size()
                      + " 张表、"
                      + manifest.totalRows()
                      + " 行；备份时间 "
                      + manifest.createdAt()
                      + "，备份人 "
                      + manifest.createdBy()
                      + "，文件 SHA-256 "
                      + fileHash
                      + (notes.isEmpty() ? "" : "；" + String.join("；", notes)));
              restartIdentities(c);
              return new Restored(manifest, List.copyOf(notes));
            } catch (SQLException e) {
              throw new BackupException("写入数据库失败，已全部撤销：" + rootMessage(e), e);
            } catch (IOException e) {
              throw new BackupException("读取备份文件失败，已全部撤销：" + e.getMessage(), e);
            } finally {
              DataSourceUtils.releaseConnection(c, dataSource);
            }
          });
    } catch (IOException e) {
      throw new BackupException("无法读取备份文件：" + e.getMessage(), e);
    }
  }

  private void load(Connection c, ZipFile zip, Manifest manifest) throws SQLException, IOException {
    String here = schemaVersion(c);
    if (!here.equals(manifest.schemaVersion())) {
      throw new BackupException(
          "备份的数据库结构版本为 V"
              + manifest.schemaVersion()
              + "，本系统为 V"
              + here
              + "，版本不同，不能恢复（请用与备份时相同版本的 Xuanju 恢复）");
    }
    List<Schema.Table> tables = Schema.read(c);
    Map<String, Manifest.TableEntry> byName = new LinkedHashMap<>();
    manifest.tables().forEach(t -> byName.put(t.name(), t));
    Set<String> names = new TreeSet<>();
    for (Schema.Table t : tables) {
      names.add(t.name());
      Manifest.TableEntry e = byName.get(t.name());
      if (e == null) {
        throw new BackupException("备份中缺少数据表 " + t.name() + "，不能恢复");
      }
      if (!new TreeSet<>(e.columns()).equals(new TreeSet<>(t.columnNames()))) {
        throw new BackupException(
            "数据表 " + t.name() + " 的列与本系统不同（备份：" + e.columns() + "；本系统：" + t.columnNames() + "）");
      }
    }
    for (String name : byName.keySet()) {
      if (!names.contains(name)) {
        throw new BackupException("备份中的数据表 " + name + " 在本系统中不存在，不能恢复");
      }
    }
    if (!isEmpty(c)) {
      throw new BackupException("目标系统不是空的（审计日志中已有业务操作记录），恢复会覆盖现有数据，已拒绝。请在新安装的空系统上恢复");
    }
    // empty out the first-run rows (migration seeds, the bootstrap administrator), children first
    try (Statement s = c.createStatement()) {
      for (int i = tables.size() - 1; i >= 0; i--) {
        Schema.Table t = tables.get(i);
        for (String col : t.selfReferences().keySet()) {
          s.executeUpdate(
              "UPDATE " + Schema.quote(t.name()) + " SET " + Schema.quote(col) + " = NULL");
        }
        s.executeUpdate("DELETE FROM " + Schema.quote(t.name()));
      }
    }
    for (Schema.Table t : tables) {
      Manifest.TableEntry e = byName.get(t.name());
      long inserted = insert(c, zip, t, e);
      long counted = count(c, t.name());
      if (inserted != e.rows() || counted != e.rows()) {
        throw new BackupException(
            "数据表 " + t.name() + " 恢复后有 " + counted + " 行，清单记载 " + e.rows() + " 行，已全部撤销");
      }
    }
    Map<String, Object> head = auditHead(c);
    if (((Number) head.get("seq")).longValue() != manifest.auditLastSeq()
        || !manifest.auditLastHash().equals(head.get("hash"))) {
      throw new BackupException("恢复后的审计链头与备份清单不一致，已全部撤销");
    }
    var broken = audit.verifyRows().firstBroken();
    if (broken.isPresent()) {
      throw new BackupException("备份中的审计链在第 " + broken.get() + " 条记录处断裂（备份前已被篡改），已拒绝恢复");
    }
  }

  private static long insert(Connection c, ZipFile zip, Schema.Table t, Manifest.TableEntry e)
      throws SQLException, IOException {
    List<Schema.Column> cols = t.columns();
    String sql =
        "INSERT INTO "
            + Schema.quote(t.name())
            + " ("
            + String.join(", ", cols.stream().map(col -> Schema.quote(col.name())).toList())
            + ") VALUES ("
            + String.join(", ", cols.stream().map(col -> "?").toList())
            + ")";
    long line = 0;
    try (PreparedStatement ps = c.prepareStatement(sql);
        BufferedReader r = reader(zip, e.entry())) {
      int pending = 0;
      for (String text = r.readLine(); text != null; text = r.readLine()) {
        line++;
        JsonNode row;
        try {
          row = Manifest.MAPPER.readTree(text);
        } catch (JacksonException ex) {
          throw new BackupException(where(t, line) + "不是有效的 JSON");
        }
        if (row == null || !row.isObject()) {
          throw new BackupException(where(t, line) + "不是 JSON 对象");
        }
        for (int i = 0; i < cols.size(); i++) {
          try {
            Values.bind(ps, i + 1, cols.get(i), row.get(cols.get(i).name()));
          } catch (IllegalArgumentException | java.time.DateTimeException ex) {
            throw new BackupException(
                where(t, line) + "列 " + cols.get(i).name() + "：" + ex.getMessage());
          }
        }
        ps.addBatch();
        if (++pending == BATCH) {
          ps.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        ps.executeBatch();
      }
    }
    return line;
  }

  private static String where(Schema.Table t, long line) {
    return "备份中数据表 " + t.name() + " 第 " + line + " 行";
  }

  /**
   * Moves every identity column past the largest restored value (same SQL on H2 and PostgreSQL).
   */
  private static void restartIdentities(Connection c) throws SQLException {
    for (Schema.Table t : Schema.read(c)) {
      Schema.Column id = t.identityColumn();
      if (id == null) {
        continue;
      }
      long next;
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT COALESCE(MAX("
                      + Schema.quote(id.name())
                      + "), 0) + 1 FROM "
                      + Schema.quote(t.name()))) {
        rs.next();
        next = rs.getLong(1);
      }
      try (Statement s = c.createStatement()) {
        s.execute(
            "ALTER TABLE "
                + Schema.quote(t.name())
                + " ALTER COLUMN "
                + Schema.quote(id.name())
                + " RESTART WITH "
                + next);
      }
    }
  }

  // ------------------------------------------------------------------ checking a file

  private static ZipFile open(Path file) throws IOException {
    try {
      return new ZipFile(file.toFile(), StandardCharsets.UTF_8);
    } catch (ZipException e) {
      throw new BackupException("文件不是 zip 格式的 Xuanju 备份，或已损坏", e);
    }
  }

  /** Checks the manifest checksum and every entry's SHA-256 and row count. */
  static Manifest verified(ZipFile zip) throws IOException {
    ZipEntry m = zip.getEntry(Manifest.ENTRY);
    ZipEntry sum = zip.getEntry(Manifest.CHECKSUM_ENTRY);
    if (m == null || sum == null) {
      throw new BackupException("不是 Xuanju 备份文件（缺少 manifest.json 或 manifest.sha256）");
    }
    byte[] json = readAll(zip, m);
    String expected = new String(readAll(zip, sum), StandardCharsets.US_ASCII).strip();
    if (!HexFormat.of().formatHex(sha256().digest(json)).equals(expected)) {
      throw new BackupException("备份清单 manifest.json 的校验值不符，文件已被修改或损坏，已拒绝恢复");
    }
    Manifest manifest = Manifest.parse(new String(json, StandardCharsets.UTF_8));
    Set<String> listed = new HashSet<>(List.of(Manifest.ENTRY, Manifest.CHECKSUM_ENTRY));
    for (Manifest.TableEntry t : manifest.tables()) {
      listed.add(t.entry());
      ZipEntry e = zip.getEntry(t.entry());
      if (e == null) {
        throw new BackupException("备份中缺少清单所列的文件 " + t.entry() + "（数据表 " + t.name() + "）");
      }
      MessageDigest md = sha256();
      long lines = 0;
      try (InputStream in = zip.getInputStream(e)) {
        byte[] buf = new byte[65536];
        for (int r = in.read(buf); r >= 0; r = in.read(buf)) {
          md.update(buf, 0, r);
          for (int i = 0; i < r; i++) {
            if (buf[i] == '\n') {
              lines++;
            }
          }
        }
      } catch (ZipException ex) {
        throw new BackupException("备份中的文件 " + t.entry() + " 已损坏（" + ex.getMessage() + "）", ex);
      }
      if (!HexFormat.of().formatHex(md.digest()).equals(t.sha256())) {
        throw new BackupException("备份中数据表 " + t.name() + " 的 SHA-256 校验值与清单不符，文件已被修改或损坏，已拒绝恢复");
      }
      if (lines != t.rows()) {
        throw new BackupException(
            "备份中数据表 " + t.name() + " 有 " + lines + " 行，清单记载 " + t.rows() + " 行，已拒绝恢复");
      }
    }
    for (Manifest.KeyEntry k : manifest.keys()) {
      listed.add(k.entry());
      ZipEntry e = zip.getEntry(k.entry());
      if (e == null
          || !HexFormat.of().formatHex(sha256().digest(readAll(zip, e))).equals(k.sha256())) {
        throw new BackupException("备份中的密钥文件 " + k.entry() + " 缺失或校验值与清单不符，已拒绝恢复");
      }
    }
    var unlisted =
        zip.stream().map(ZipEntry::getName).filter(n -> !listed.contains(n)).sorted().toList();
    if (!unlisted.isEmpty()) {
      throw new BackupException("备份中有清单未列出的文件：" + String.join("、", unlisted) + "，已拒绝恢复");
    }
    return manifest;
  }

  private static byte[] readAll(ZipFile zip, ZipEntry e) throws IOException {
    try (InputStream in = zip.getInputStream(e)) {
      return in.readNBytes(16 * 1024 * 1024);
    } catch (ZipException ex) {
      throw new BackupException("备份中的文件 " + e.getName() + " 已损坏（" + ex.getMessage() + "）", ex);
    }
  }

  private static BufferedReader reader(ZipFile zip, String entry) throws IOException {
    return new BufferedReader(
        new InputStreamReader(zip.getInputStream(zip.getEntry(entry)), StandardCharsets.UTF_8));
  }

  // ------------------------------------------------------------------ helpers

  /**
   * Empty: the audit log holds nothing but the first run's own events (the administrator, the audit
   * key, the self-checks), and at most one user.
   */
  private static boolean isEmpty(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT COUNT(*) FROM audit_event WHERE NOT (actor = 'system' AND action IN"
                    + " ('ADMIN_CREATED', 'AUDIT_KEY_INTRODUCED', 'STARTUP_CHECK',"
                    + " 'INTEGRITY_CHECK'))")) {
      rs.next();
      if (rs.getLong(1) > 0) {
        return false;
      }
    }
    return count(c, "app_user") <= 1;
  }

  static String schemaVersion(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT version FROM "
                    + Schema.FLYWAY_HISTORY
                    + " WHERE success = TRUE AND version IS NOT NULL ORDER BY installed_rank DESC")) {
      return rs.next() ? rs.getString(1) : "0";
    }
  }

  private static Map<String, Object> auditHead(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT last_seq, last_hash FROM audit_head WHERE id = 1")) {
      if (!rs.next()) {
        throw new BackupException("数据库中没有审计链头（audit_head），无法备份或恢复");
      }
      return Map.of("seq", rs.getLong(1), "hash", rs.getString(2).trim());
    }
  }

  private static long count(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + Schema.quote(table))) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private interface SqlWork<T> {
    T apply(Connection c) throws SQLException;
  }

  private <T> T inConnection(SqlWork<T> work) {
    Connection c = DataSourceUtils.getConnection(dataSource);
    try {
      return work.apply(c);
    } catch (SQLException e) {
      throw new BackupException("读取数据库失败：" + e.getMessage(), e);
    } finally {
      DataSourceUtils.releaseConnection(c, dataSource);
    }
  }

  private static void requireAdmin() {
    AccessService.currentUser();
    if (!AccessService.currentIsAdmin()) {
      throw new AccessDeniedException("只有系统管理员可以备份或恢复数据");
    }
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String sha256Hex(Path file) throws IOException {
    MessageDigest md = sha256();
    try (InputStream in = java.nio.file.Files.newInputStream(file)) {
      byte[] buf = new byte[65536];
      for (int r = in.read(buf); r >= 0; r = in.read(buf)) {
        md.update(buf, 0, r);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
