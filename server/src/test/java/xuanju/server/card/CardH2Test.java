package xuanju.server.card;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import xuanju.server.support.H2AppTest;

/** {@link CardContract} on the H2 database. */
class CardH2Test extends H2AppTest implements CardContract {
  @Autowired ApplicationContext ctx;

  @Override
  public ApplicationContext ctx() {
    return ctx;
  }
}
