package xuanju.server.card;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import xuanju.server.support.PostgresAppTest;

/** {@link CardContract} on a real PostgreSQL 15. */
class CardPostgresTest extends PostgresAppTest implements CardContract {
  @Autowired ApplicationContext ctx;

  @Override
  public ApplicationContext ctx() {
    return ctx;
  }
}
