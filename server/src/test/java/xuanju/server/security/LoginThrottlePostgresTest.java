package xuanju.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import xuanju.server.support.PostgresAppTest;

/** The sign-in throttle's SQL (row locks, insert on conflict) on a real PostgreSQL. */
class LoginThrottlePostgresTest extends PostgresAppTest {
  @Autowired LoginThrottle throttle;

  @Test
  void parallelAttemptsFromOneClientLetExactlyTheLimitThroughAndOtherClientsAreUnaffected()
      throws Exception {
    String name = "pgthrottle" + System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(12);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Boolean>> allowed = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        allowed.add(
            pool.submit(
                () -> {
                  start.await();
                  return throttle.attempt("10.5.0.1", name).isEmpty();
                }));
      }
      start.countDown();
      int n = 0;
      for (Future<Boolean> f : allowed) {
        n += f.get() ? 1 : 0;
      }
      assertThat(n).isEqualTo(5);
    } finally {
      pool.shutdownNow();
    }
    assertThat(throttle.attempt("10.5.0.1", name)).isPresent();
    assertThat(throttle.attempt("10.5.0.2", name)).isEmpty();
    throttle.succeeded("10.5.0.2", name);
    assertThat(throttle.failures("10.5.0.2", name)).isZero();
    throttle.unlock("命令行", name);
    assertThat(throttle.attempt("10.5.0.1", name)).isEmpty();
  }
}
