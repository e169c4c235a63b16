package xuanju.server.audit;

import java.util.List;
import xuanju.server.support.EmbeddedPostgresHolder;

/** {@link TamperDetectionContract} on PostgreSQL (a new database for every test). */
class PostgresTamperDetectionTest extends TamperDetectionContract {
  private final String url = EmbeddedPostgresHolder.newDatabaseUrl();

  @Override
  List<String> database() {
    return List.of(
        "--spring.datasource.url=" + url,
        "--spring.datasource.username=postgres",
        "--spring.datasource.password=");
  }
}
