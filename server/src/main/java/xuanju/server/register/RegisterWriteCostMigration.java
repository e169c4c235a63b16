package xuanju.server.register;

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
 * Schema version 24 (减少登记写入的索引与外键检查): fewer index entries and foreign-key checks for every person
 * and registration written, since an import or registration run writes up to a million of each
 * (docs/benchmarks.md, "From the residents' file to the voter register"). Nothing is lost:
 *
 * <ul>
 *   <li>{@code voter_registration}: the unique key becomes {@code (person_id, scope)} (was {@code
 *       (scope, person_id)}); with the person first it also serves the look-ups by person (check-in
 *       by name, a person's registrations, deleting a person), so {@code
 *       ix_voter_registration_person_election} (V16) goes. The queries of a whole scope belong to a
 *       registration run, which reads the scope whole anyway.
 *   <li>{@code voter_registration} and {@code voter_refusal}: the two foreign keys on {@code
 *       election_id} and {@code district_id} become one, {@code (district_id, election_id)} to the
 *       district: one check a row instead of two, and it also ensures that the row's election is
 *       its district's (which the two separate keys did not).
 *   <li>{@code person}: {@code ix_person_organisation} without the name, {@code (organisation_id,
 *       unit, residents_group)}: the lists read a group's names and sort them by 姓氏笔画 in memory
 *       ({@code PersonRepository}), so the name in the index was never used for order.
 * </ul>
 *
 * A Java migration because the constraint names of the old foreign keys differ by database (they
 * were not named in V12/V14): they are found by their column in {@code information_schema}.
 */
@Component
public class RegisterWriteCostMigration implements JavaMigration {
  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("24");
  }

  @Override
  public String getDescription() {
    return "register write cost";
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
  static void migrate(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("ALTER TABLE voter_registration DROP CONSTRAINT uq_voter_registration_scope");
      s.execute(
          "ALTER TABLE voter_registration ADD CONSTRAINT uq_voter_registration_person_scope"
              + " UNIQUE (person_id, scope)");
      s.execute("DROP INDEX ix_voter_registration_person_election");
      s.execute(
          "ALTER TABLE district ADD CONSTRAINT uq_district_id_election UNIQUE (id, election_id)");
      for (String table : List.of("voter_registration", "voter_refusal")) {
        for (String column : List.of("election_id", "district_id")) {
          for (String name : foreignKeys(c, table, column)) {
            s.execute("ALTER TABLE " + table + " DROP CONSTRAINT \"" + name + "\"");
          }
        }
        s.execute(
            "ALTER TABLE "
                + table
                + " ADD CONSTRAINT fk_"
                + table
                + "_district_election FOREIGN KEY (district_id, election_id)"
                + " REFERENCES district (id, election_id)");
      }
      s.execute("DROP INDEX ix_person_organisation");
      s.execute(
          "CREATE INDEX ix_person_organisation ON person (organisation_id, unit, residents_group)");
    }
  }

  /** The names of the foreign keys of {@code table} on exactly {@code column}. */
  static List<String> foreignKeys(Connection c, String table, String column) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT tc.constraint_name FROM information_schema.table_constraints tc"
                + " JOIN information_schema.key_column_usage k"
                + " ON k.constraint_name = tc.constraint_name"
                + " AND k.constraint_schema = tc.constraint_schema"
                + " AND k.table_name = tc.table_name"
                + " WHERE tc.table_name = ? AND tc.constraint_type = 'FOREIGN KEY'"
                + " AND tc.table_schema = current_schema"
                + " GROUP BY tc.constraint_name"
                + " HAVING COUNT(*) = 1 AND MAX(k.column_name) = ?")) {
      ps.setString(1, table);
      ps.setString(2, column);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    if (out.size() != 1) {
      throw new SQLException(
          "expected one foreign key on " + table + "." + column + ", found " + out);
    }
    return out;
  }
}
