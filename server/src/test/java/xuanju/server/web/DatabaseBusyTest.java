package xuanju.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.QueryTimeoutException;

/** The log line for a busy database names the failure, never the statement's parameters. */
class DatabaseBusyTest {
  @Test
  void theLogLineHasClassesAndSqlStatesButNoParameters() {
    String clientId = "3a2751d6-58e1-447c-9cdb-fef7fafc1ca4";
    var cause =
        new SQLTimeoutException(
            "Timeout trying to lock table; SQL statement: INSERT INTO ballot_record VALUES (7, 3, '"
                + clientId
                + "', '120')",
            "HYT00");
    String line = DatabaseBusy.describe(new QueryTimeoutException("INSERT … " + clientId, cause));
    assertThat(line)
        .isEqualTo("QueryTimeoutException ← SQLTimeoutException(SQLState HYT00)")
        .doesNotContain(clientId)
        .doesNotContain("120");
  }
}
