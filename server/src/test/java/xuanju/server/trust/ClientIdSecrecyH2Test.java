package xuanju.server.trust;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import xuanju.server.support.H2AppTest;

/** {@link ClientIdSecrecyContract} on the H2 database. */
class ClientIdSecrecyH2Test extends H2AppTest implements ClientIdSecrecyContract {
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
