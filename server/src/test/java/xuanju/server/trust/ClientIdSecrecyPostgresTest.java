package xuanju.server.trust;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import xuanju.server.support.PostgresAppTest;

/** {@link ClientIdSecrecyContract} on PostgreSQL. */
class ClientIdSecrecyPostgresTest extends PostgresAppTest implements ClientIdSecrecyContract {
  @Autowired ApplicationContext ctx;

  @Value("${local.server.port}")
  int port;

  @Override
  public ApplicationContext ctx() {
    return ctx;
  }

  @Override
  public int port() {
    return port;
  }
}
