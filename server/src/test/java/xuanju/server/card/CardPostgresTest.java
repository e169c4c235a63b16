package xuanju.server.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import xuanju.server.support.PostgresAppTest;

/** {@link CardContract} on a real PostgreSQL 15. */
class CardPostgresTest extends PostgresAppTest implements CardContract {
  @Autowired ApplicationContext ctx;
  @Autowired JdbcTemplate jdbc;

  @Override
  public ApplicationContext ctx() {
    return ctx;
  }

  /**
   * V18: the name-prefix look-up ({@code LIKE '张伟%'}) can go through an index on person.name,
   * whatever the database's collation ({@link VoterLookupIndexMigration}).
   */
  @Test
  void theNamePrefixLookUpCanUseAnIndex() {
    String collation =
        jdbc.queryForObject(
            "SELECT datcollate || '/' || COALESCE(to_jsonb(d) ->> 'datlocprovider', 'c')"
                + " FROM pg_database d WHERE datname = current_database()",
            String.class);
    Long patternIndexes =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM pg_indexes WHERE tablename = 'person'"
                + " AND indexname = 'ix_person_name_prefix'",
            Long.class);
    boolean byteOrder = collation.equals("C/c") || collation.equals("POSIX/c");
    assertThat(patternIndexes).as(collation).isEqualTo(byteOrder ? 0L : 1L);
    String plan =
        jdbc.execute(
            (ConnectionCallback<String>)
                c -> {
                  boolean auto = c.getAutoCommit();
                  c.setAutoCommit(false);
                  try (Statement s = c.createStatement()) {
                    s.execute("SET LOCAL enable_seqscan = off");
                    return explain(
                        s, "EXPLAIN SELECT id FROM person WHERE name LIKE '王伟%' ESCAPE '\\'");
                  } finally {
                    c.rollback();
                    c.setAutoCommit(auto);
                  }
                });
    assertThat(plan).containsPattern(byteOrder ? "ix_person_name(?!_)" : "ix_person_name_prefix");
    assertThat(plan).contains("Index Cond").doesNotContain("Seq Scan");
  }

  private static String explain(Statement s, String sql) throws java.sql.SQLException {
    StringBuilder out = new StringBuilder();
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.append(rs.getString(1)).append('\n');
      }
    }
    return out.toString();
  }
}
