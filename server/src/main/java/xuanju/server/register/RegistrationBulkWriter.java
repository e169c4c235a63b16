package xuanju.server.register;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import xuanju.core.register.Registration;
import xuanju.core.register.VoterCertificate;
import xuanju.server.database.PgBinaryRows;
import xuanju.server.register.RegisterRepository.NewRegistration;

/**
 * Writes the new registrations of a registration run (批量写入选民登记) within the caller's transaction: on
 * PostgreSQL one {@code COPY voter_registration … FROM STDIN} for the whole run, fed chunk by chunk
 * while the next chunk is being checked; on H2 batched inserts of {@value #BATCH}. While a COPY is
 * open the connection runs nothing else: the caller reads what it needs first and writes the rest
 * (reused rows, refusals) after {@link Sink#finish()}.
 */
@Component
class RegistrationBulkWriter {
  static final int BATCH = 1000;

  static final String COLUMNS =
      "election_id, district_id, person_id, scope, voter_no, basis, certificate_issuer,"
          + " certificate_no, certificate_date, workplace, decision_ref, registered_on, status,"
          + " created_at, updated_at";

  private final DataSource dataSource;
  private volatile Boolean postgres;

  RegistrationBulkWriter(DataSource dataSource) {
    this.dataSource = dataSource;
  }

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

  /** An open bulk write. */
  interface Sink {
    /** The rows encoded for {@link #write} (pure: may run in another thread). */
    Object prepare(List<NewRegistration> rows);

    /** Writes rows prepared by {@link #prepare}. */
    void write(Object prepared) throws SQLException;

    /**
     * Lets the connection run another statement (a {@code COPY} is ended, the next {@link #write}
     * starts a new one): for writing the refusals of a chunk in between, while the next chunks are
     * still being checked, instead of all of them after the run.
     */
    void pause() throws SQLException;

    /** Ends the write (the connection is free again). */
    void finish() throws SQLException;

    /** Gives up an unfinished write (the transaction will be rolled back). */
    void abandon();
  }

  /** Opens a write on the transaction's connection; created_at = updated_at = {@code now}. */
  Sink open(Instant now) throws SQLException {
    Connection c = DataSourceUtils.getConnection(dataSource);
    return isPostgres() ? new Copy(c, now) : new Batch(c, now);
  }

  private final class Copy implements Sink {
    private final Connection connection;
    private final Instant now;
    private CopyIn copy;

    Copy(Connection connection, Instant now) throws SQLException {
      this.connection = connection;
      this.now = now;
    }

    @Override
    public Object prepare(List<NewRegistration> rows) {
      PgBinaryRows out = new PgBinaryRows(rows.size() * 160 + 64);
      for (NewRegistration n : rows) {
        Registration r = n.registration();
        VoterCertificate c = r.certificate();
        out.row(15)
            .int8(n.electionId())
            .int8(n.districtId())
            .int8(n.personId())
            .text(n.scope())
            .int4(n.voterNo())
            .text(r.basis().name())
            .text(c == null ? "" : c.issuer())
            .text(c == null ? "" : c.number())
            .date(c == null ? null : c.issuedOn())
            .text(r.workplace())
            .text(r.decisionRef())
            .date(r.registeredOn())
            .text("LISTED")
            .timestamp(now)
            .timestamp(now);
      }
      return out.toBytes();
    }

    @Override
    public void write(Object prepared) throws SQLException {
      byte[] bytes = (byte[]) prepared;
      if (bytes.length == 0) {
        return;
      }
      if (copy == null) {
        copy =
            connection
                .unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn(
                    "COPY voter_registration (" + COLUMNS + ") FROM STDIN WITH (FORMAT binary)");
        byte[] head = PgBinaryRows.header();
        copy.writeToCopy(head, 0, head.length);
      }
      copy.writeToCopy(bytes, 0, bytes.length);
    }

    private static void end(CopyIn c) throws SQLException {
      byte[] tail = PgBinaryRows.trailer();
      c.writeToCopy(tail, 0, tail.length);
      c.endCopy();
    }

    @Override
    public void pause() throws SQLException {
      if (copy != null) {
        CopyIn c = copy;
        copy = null;
        end(c);
      }
    }

    @Override
    public void finish() throws SQLException {
      try {
        if (copy != null) {
          end(copy);
        }
      } finally {
        copy = null;
        DataSourceUtils.releaseConnection(connection, dataSource);
      }
    }

    @Override
    public void abandon() {
      try {
        if (copy != null && copy.isActive()) {
          copy.cancelCopy();
        }
      } catch (SQLException ignored) {
        // the transaction is rolled back anyway
      } finally {
        copy = null;
        DataSourceUtils.releaseConnection(connection, dataSource);
      }
    }
  }

  /**
   * Writes the refusals (不予登记记录) of a run in the caller's transaction, after {@link Sink#finish()}:
   * one {@code COPY voter_refusal} on PostgreSQL, batched inserts of {@value #BATCH} on H2.
   */
  void refusals(long electionId, List<RegistrationService.Refusal> refusals, LocalDate day)
      throws SQLException {
    if (refusals.isEmpty()) {
      return;
    }
    Connection c = DataSourceUtils.getConnection(dataSource);
    try {
      if (isPostgres()) {
        PgBinaryRows out = new PgBinaryRows(refusals.size() * 200 + 64);
        byte[] head = PgBinaryRows.header();
        for (RegistrationService.Refusal r : refusals) {
          out.row(7)
              .int8(electionId)
              .int8(r.districtId())
              .int8(r.personId())
              .text(r.reason().name())
              .text(r.code())
              .text(RegistrationService.cut(r.message(), 1000))
              .date(day);
        }
        byte[] tail = PgBinaryRows.trailer();
        CopyIn copy =
            c.unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn(
                    "COPY voter_refusal (election_id, district_id, person_id, reason, rule_code,"
                        + " message, decided_on) FROM STDIN WITH (FORMAT binary)");
        try {
          copy.writeToCopy(head, 0, head.length);
          copy.writeToCopy(out.buffer(), 0, out.size());
          copy.writeToCopy(tail, 0, tail.length);
          copy.endCopy();
        } finally {
          if (copy.isActive()) {
            copy.cancelCopy();
          }
        }
        return;
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO voter_refusal (election_id, district_id, person_id, reason, rule_code,"
                  + " message, decided_on) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        int n = 0;
        Date d = Date.valueOf(day);
        for (RegistrationService.Refusal r : refusals) {
          ps.setLong(1, electionId);
          ps.setLong(2, r.districtId());
          ps.setLong(3, r.personId());
          ps.setString(4, r.reason().name());
          ps.setString(5, r.code());
          ps.setString(6, RegistrationService.cut(r.message(), 1000));
          ps.setDate(7, d);
          ps.addBatch();
          if (++n % BATCH == 0) {
            ps.executeBatch();
          }
        }
        if (n % BATCH != 0) {
          ps.executeBatch();
        }
      }
    } finally {
      DataSourceUtils.releaseConnection(c, dataSource);
    }
  }

  private final class Batch implements Sink {
    private final Connection connection;
    private final Timestamp ts;
    private final PreparedStatement ps;

    Batch(Connection connection, Instant now) throws SQLException {
      this.connection = connection;
      this.ts = Timestamp.from(now);
      this.ps =
          connection.prepareStatement(
              "INSERT INTO voter_registration ("
                  + COLUMNS
                  + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'LISTED', ?, ?)");
    }

    @Override
    public Object prepare(List<NewRegistration> rows) {
      return rows;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void write(Object prepared) throws SQLException {
      int n = 0;
      for (NewRegistration r : (List<NewRegistration>) prepared) {
        Registration g = r.registration();
        VoterCertificate c = g.certificate();
        ps.setLong(1, r.electionId());
        ps.setLong(2, r.districtId());
        ps.setLong(3, r.personId());
        ps.setString(4, r.scope());
        ps.setInt(5, r.voterNo());
        ps.setString(6, g.basis().name());
        ps.setString(7, c == null ? "" : c.issuer());
        ps.setString(8, c == null ? "" : c.number());
        ps.setDate(9, c == null || c.issuedOn() == null ? null : Date.valueOf(c.issuedOn()));
        ps.setString(10, g.workplace());
        ps.setString(11, g.decisionRef());
        ps.setDate(12, Date.valueOf(g.registeredOn()));
        ps.setTimestamp(13, ts);
        ps.setTimestamp(14, ts);
        ps.addBatch();
        if (++n % BATCH == 0) {
          ps.executeBatch();
        }
      }
      if (n % BATCH != 0) {
        ps.executeBatch();
      }
    }

    @Override
    public void pause() {
      // batched inserts leave the connection free after every batch
    }

    @Override
    public void finish() throws SQLException {
      try {
        ps.close();
      } finally {
        DataSourceUtils.releaseConnection(connection, dataSource);
      }
    }

    @Override
    public void abandon() {
      try {
        ps.close();
      } catch (SQLException ignored) {
        // the transaction is rolled back anyway
      } finally {
        DataSourceUtils.releaseConnection(connection, dataSource);
      }
    }
  }
}
