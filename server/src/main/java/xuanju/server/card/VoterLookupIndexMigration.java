package xuanju.server.card;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Schema version 18 (签到查询按姓名前缀的索引), a Flyway Java migration because the index differs by database
 * and SQL cannot choose: the check-in look-up's name prefix ({@code name LIKE '张伟%'}) can use a
 * plain b-tree index only when the database compares strings byte by byte (H2, and a PostgreSQL
 * database with the C collation, as the built-in database is created). On a PostgreSQL database
 * with another collation (e.g. {@code zh_CN.UTF-8} on a separate server) it creates {@code
 * ix_person_name_prefix} with {@code varchar_pattern_ops}; elsewhere {@code ix_person_name} (V12)
 * already serves and nothing is added (an extra index would only slow the person import). Spring
 * Boot hands this bean to Flyway, so it runs once, in order, like the SQL files in {@code
 * db/migration}.
 */
@Component
public class VoterLookupIndexMigration implements JavaMigration {
  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("18");
  }

  @Override
  public String getDescription() {
    return "voter lookup name prefix index";
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
    if (needsPatternIndex(c)) {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE INDEX ix_person_name_prefix ON person (name varchar_pattern_ops)");
      }
    }
  }

  /**
   * Whether the database is PostgreSQL whose default collation is not the byte order of libc's C or
   * POSIX locale (an ICU or builtin default collation, PostgreSQL 15+, counts as not C: its column
   * {@code datlocprovider} is read through {@code to_jsonb} so that older servers, without it,
   * work).
   */
  static boolean needsPatternIndex(Connection c) throws SQLException {
    if (!c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
      return false;
    }
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT d.datcollate, to_jsonb(d) ->> 'datlocprovider' FROM pg_database d"
                    + " WHERE d.datname = current_database()")) {
      if (!rs.next()) {
        return true;
      }
      String collation = rs.getString(1);
      String provider = rs.getString(2);
      boolean libc = provider == null || provider.equals("c");
      return !(libc && (collation.equals("C") || collation.equals("POSIX")));
    }
  }
}
