package xuanju.server.person;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import xuanju.core.register.Resident;

/**
 * Writes many people at once within the caller's transaction (批量写入居民): on PostgreSQL new rows go
 * through {@code COPY … FROM STDIN} (the driver's {@code CopyManager}), on H2 through batched
 * inserts of {@value #BATCH}; updates are batched by id on both.
 */
@Component
class PersonBulkWriter {
  static final int BATCH = 1000;

  private final DataSource dataSource;
  private volatile Boolean postgres;

  PersonBulkWriter(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** A person to write: the 村/社区/单位 and the checked person; {@code id} for updates. */
  record Row(long id, String unit, Resident resident) {}

  boolean isPostgres() {
    if (postgres == null) {
      Connection c = DataSourceUtils.getConnection(dataSource);
      try {
        postgres =
            c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      } finally {
        DataSourceUtils.releaseConnection(c, dataSource);
      }
    }
    return postgres;
  }

  /** Inserts the rows (new people of {@code organisationId}). */
  void insert(long organisationId, List<Row> rows, Instant now) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    Connection c = DataSourceUtils.getConnection(dataSource);
    try {
      if (isPostgres()) {
        copy(c, organisationId, rows, now);
      } else {
        batchInsert(c, organisationId, rows, now);
      }
    } finally {
      DataSourceUtils.releaseConnection(c, dataSource);
    }
  }

  private static void batchInsert(Connection c, long organisationId, List<Row> rows, Instant now)
      throws SQLException {
    Timestamp ts = Timestamp.from(now);
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO person (organisation_id, unit, name, resident_id, gender, birth_date,"
                + " ethnicity, address, hukou_place, residence_place, residents_group, workplace,"
                + " political_status, occupation, tags, created_at, updated_at, version)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")) {
      int n = 0;
      for (Row r : rows) {
        ps.setLong(1, organisationId);
        ps.setString(2, r.unit());
        int i = PersonRepository.bind(ps, 3, r.resident());
        ps.setTimestamp(i, ts);
        ps.setTimestamp(i + 1, ts);
        ps.addBatch();
        if (++n % BATCH == 0) {
          ps.executeBatch();
        }
      }
      if (n % BATCH != 0) {
        ps.executeBatch();
      }
    }
  }

  private static void copy(Connection c, long organisationId, List<Row> rows, Instant now)
      throws SQLException {
    String ts = now.toString();
    StringBuilder sb = new StringBuilder(rows.size() * 200);
    for (Row row : rows) {
      line(sb, organisationId, row.unit(), row.resident(), ts);
    }
    try {
      c.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_SQL, new StringReader(sb.toString()));
    } catch (java.io.IOException e) {
      throw new SQLException(e);
    }
  }

  /**
   * Opens one {@code COPY person … FROM STDIN} on the transaction's connection (PostgreSQL only),
   * fed row by row while the import goes on reading and checking: the database server writes while
   * this JVM parses. The connection runs nothing else until {@link Copy#finish()}; a cancelled COPY
   * writes nothing and leaves the transaction to be rolled back.
   */
  Copy openCopy(long organisationId, Instant now) throws SQLException {
    return new Copy(DataSourceUtils.getConnection(dataSource), organisationId, now);
  }

  /** A streaming COPY of new people (see {@link #openCopy}). */
  final class Copy {
    private static final int FLUSH = 1 << 20;
    private final Connection connection;
    private final long organisationId;
    private final String ts;
    private final StringBuilder sb = new StringBuilder(FLUSH + 4096);
    private org.postgresql.copy.CopyIn copy;
    private boolean open = true;
    private int rows;

    private Copy(Connection connection, long organisationId, Instant now) {
      this.connection = connection;
      this.organisationId = organisationId;
      this.ts = now.toString();
    }

    /** Adds a new person. */
    void add(String unit, Resident r) throws SQLException {
      if (!open) {
        throw new IllegalStateException("COPY is closed");
      }
      line(sb, organisationId, unit, r, ts);
      rows++;
      if (sb.length() >= FLUSH) {
        send();
      }
    }

    int rows() {
      return rows;
    }

    private void send() throws SQLException {
      if (sb.length() == 0) {
        return;
      }
      if (copy == null) {
        copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_SQL);
      }
      byte[] bytes = sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
      sb.setLength(0);
      copy.writeToCopy(bytes, 0, bytes.length);
    }

    /** Sends the rest and ends the COPY; returns the number of rows written. */
    long finish() throws SQLException {
      try {
        send();
        return copy == null ? 0 : copy.endCopy();
      } finally {
        close();
      }
    }

    /** Gives up: nothing of this COPY is written. */
    void cancel() {
      try {
        if (copy != null && copy.isActive()) {
          copy.cancelCopy();
        }
      } catch (SQLException ignored) {
        // the transaction is rolled back
      } finally {
        close();
      }
    }

    boolean isOpen() {
      return open;
    }

    private void close() {
      if (open) {
        open = false;
        copy = null;
        sb.setLength(0);
        DataSourceUtils.releaseConnection(connection, dataSource);
      }
    }
  }

  private static final String COPY_SQL =
      "COPY person (organisation_id, unit, name, resident_id, gender, birth_date,"
          + " ethnicity, address, hukou_place, residence_place, residents_group,"
          + " workplace, political_status, occupation, tags, created_at, updated_at,"
          + " version) FROM STDIN WITH (FORMAT csv)";

  private static void line(
      StringBuilder sb, long organisationId, String unit, Resident r, String ts) {
    sb.append(organisationId).append(',');
    text(sb, unit);
    text(sb, r.name());
    text(sb, r.idNumber());
    sb.append(r.gender().name()).append(',');
    sb.append(r.birthDate()).append(',');
    nullable(sb, r.ethnicity());
    text(sb, r.address());
    text(sb, r.hukouPlace());
    text(sb, r.residencePlace());
    text(sb, r.group());
    text(sb, r.workplace());
    nullable(sb, r.politicalStatus() == null ? null : r.politicalStatus().name());
    nullable(sb, r.occupation() == null ? null : r.occupation().name());
    text(sb, PersonRepository.tagsText(r));
    sb.append(ts).append(',').append(ts).append(",0\n");
  }

  /** A text value: always quoted, so that the empty string is not read as NULL. */
  private static void text(StringBuilder sb, String v) {
    sb.append('"').append(v.replace("\"", "\"\"")).append("\",");
  }

  /** A value that may be NULL (unquoted empty). */
  private static void nullable(StringBuilder sb, String v) {
    if (v != null) {
      text(sb, v);
    } else {
      sb.append(',');
    }
  }

  /** Updates the rows by id (people already in the organisation's register), bumping versions. */
  void update(List<Row> rows, Instant now) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    Connection c = DataSourceUtils.getConnection(dataSource);
    Timestamp ts = Timestamp.from(now);
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE person SET unit = ?, name = ?, resident_id = ?, gender = ?, birth_date = ?,"
                + " ethnicity = ?, address = ?, hukou_place = ?, residence_place = ?,"
                + " residents_group = ?, workplace = ?, political_status = ?, occupation = ?,"
                + " tags = ?, updated_at = ?, version = version + 1 WHERE id = ?")) {
      int n = 0;
      for (Row r : rows) {
        ps.setString(1, r.unit());
        int i = PersonRepository.bind(ps, 2, r.resident());
        ps.setTimestamp(i, ts);
        ps.setLong(i + 1, r.id());
        ps.addBatch();
        if (++n % BATCH == 0) {
          ps.executeBatch();
        }
      }
      if (n % BATCH != 0) {
        ps.executeBatch();
      }
    } finally {
      DataSourceUtils.releaseConnection(c, dataSource);
    }
  }
}
