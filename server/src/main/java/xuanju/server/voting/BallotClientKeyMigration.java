package xuanju.server.voting;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Schema version 10 (选票提交编号改存摘要), a Flyway Java migration because SQL cannot compute an HMAC with a
 * key kept outside the database; Spring Boot hands this bean to Flyway, so it runs once, in order,
 * like the SQL files in {@code db/migration}. It makes {@code ballot_record.client_id} nullable,
 * drops the client ids of finished entries (nothing can be added to them, so they are never needed
 * again) and replaces the plain client ids of open entries by their keyed hash ({@link
 * BallotClientKeys}), so that a resend after the upgrade is still recognised.
 */
@Component
public class BallotClientKeyMigration implements JavaMigration {
  private final BallotClientKeys keys;

  public BallotClientKeyMigration(BallotClientKeys keys) {
    this.keys = keys;
  }

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("10");
  }

  @Override
  public String getDescription() {
    return "ballot client key";
  }

  @Override
  public Integer getChecksum() {
    return null;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    migrate(context.getConnection());
  }

  /** The migration on one connection (the caller commits). */
  void migrate(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("ALTER TABLE ballot_record ALTER COLUMN client_id DROP NOT NULL");
      s.executeUpdate(
          "UPDATE ballot_record SET client_id = NULL WHERE entry_id IN"
              + " (SELECT id FROM ballot_entry WHERE finished_at IS NOT NULL)");
    }
    record Row(long entryId, int position, String clientId) {}
    List<Row> open = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT entry_id, position, client_id FROM ballot_record"
                    + " WHERE client_id IS NOT NULL")) {
      while (rs.next()) {
        open.add(new Row(rs.getLong(1), rs.getInt(2), rs.getString(3)));
      }
    }
    if (open.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE ballot_record SET client_id = ? WHERE entry_id = ? AND position = ?")) {
      int n = 0;
      for (Row r : open) {
        ps.setString(1, keys.hash(r.clientId().strip()));
        ps.setLong(2, r.entryId());
        ps.setInt(3, r.position());
        ps.addBatch();
        if (++n % 500 == 0) {
          ps.executeBatch();
        }
      }
      ps.executeBatch();
    }
  }
}
