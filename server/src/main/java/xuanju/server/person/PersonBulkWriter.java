package xuanju.server.person;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import xuanju.core.register.Resident;
import xuanju.server.database.PgBinaryRows;

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
                + " political_status, occupation, tags, household, created_at, updated_at, version)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")) {
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
    PgBinaryRows out = new PgBinaryRows(rows.size() * 300 + 64);
    for (Row row : rows) {
      row(out, organisationId, row.unit(), row.resident(), now);
    }
    CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_SQL);
    try {
      byte[] head = PgBinaryRows.header();
      copy.writeToCopy(head, 0, head.length);
      copy.writeToCopy(out.buffer(), 0, out.size());
      byte[] tail = PgBinaryRows.trailer();
      copy.writeToCopy(tail, 0, tail.length);
      copy.endCopy();
    } finally {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
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
    private final Instant now;
    private final PgBinaryRows out = new PgBinaryRows(FLUSH + 4096);
    private CopyIn copy;
    private boolean open = true;
    private int rows;

    private Copy(Connection connection, long organisationId, Instant now) {
      this.connection = connection;
      this.organisationId = organisationId;
      this.now = now;
    }

    /** Adds a new person. */
    void add(String unit, Resident r) throws SQLException {
      if (!open) {
        throw new IllegalStateException("COPY is closed");
      }
      row(out, organisationId, unit, r, now);
      rows++;
      if (out.size() >= FLUSH) {
        send();
      }
    }

    int rows() {
      return rows;
    }

    private void send() throws SQLException {
      if (out.size() == 0) {
        return;
      }
      if (copy == null) {
        copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_SQL);
        byte[] head = PgBinaryRows.header();
        copy.writeToCopy(head, 0, head.length);
      }
      copy.writeToCopy(out.buffer(), 0, out.size());
      out.clear();
    }

    /** Sends the rest and ends the COPY; returns the number of rows written. */
    long finish() throws SQLException {
      try {
        send();
        if (copy == null) {
          return 0;
        }
        byte[] tail = PgBinaryRows.trailer();
        copy.writeToCopy(tail, 0, tail.length);
        return copy.endCopy();
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
        out.clear();
        DataSourceUtils.releaseConnection(connection, dataSource);
      }
    }
  }

  private static final String COPY_SQL =
      "COPY person (organisation_id, unit, name, resident_id, gender, birth_date,"
          + " ethnicity, address, hukou_place, residence_place, residents_group,"
          + " workplace, political_status, occupation, tags, household, created_at, updated_at,"
          + " version) FROM STDIN WITH (FORMAT binary)";

  /** One person in the column order of {@link #COPY_SQL}. */
  private static void row(
      PgBinaryRows out, long organisationId, String unit, Resident r, Instant now) {
    out.row(19)
        .int8(organisationId)
        .text(unit)
        .text(r.name())
        .text(r.idNumber())
        .text(r.gender().name())
        .date(r.birthDate())
        .text(r.ethnicity())
        .text(r.address())
        .text(r.hukouPlace())
        .text(r.residencePlace())
        .text(r.group())
        .text(r.workplace())
        .text(r.politicalStatus() == null ? null : r.politicalStatus().name())
        .text(r.occupation() == null ? null : r.occupation().name())
        .text(PersonRepository.tagsText(r))
        .text(r.household())
        .timestamp(now)
        .timestamp(now)
        .int4(0);
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
                + " tags = ?, household = ?, updated_at = ?, version = version + 1 WHERE id = ?")) {
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
