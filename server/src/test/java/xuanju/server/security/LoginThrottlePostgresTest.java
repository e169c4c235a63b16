package xuanju.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import xuanju.server.support.PostgresAppTest;

/** The sign-in throttle's SQL (row locks, insert on conflict) on a real PostgreSQL. */
class LoginThrottlePostgresTest extends PostgresAppTest {
  @Autowired LoginThrottle throttle;

  /** Runs {@code task} on 12 threads at once; the answers. */
  static <T> List<T> atOnce(Supplier<T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(12);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return task.get();
                }));
      }
      start.countDown();
      List<T> out = new ArrayList<>();
      for (Future<T> f : futures) {
        out.add(f.get());
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void parallelWrongPasswordsFromOneClientLetExactlyTheLimitThrough() throws Exception {
    String name = "pgthrottle" + System.nanoTime();
    List<Boolean> through = atOnce(() -> throttle.wrongPassword("10.5.0.1", name));
    assertThat(through).filteredOn(b -> b).hasSize(5);
    assertThat(throttle.failures("10.5.0.1", name)).isEqualTo(5);
    assertThat(throttle.refusal("10.5.0.1", name)).isPresent();
    assertThat(throttle.refusal("10.5.0.2", name)).isEmpty();
    throttle.failed("10.5.0.2", name);
    throttle.succeeded("10.5.0.2", name);
    assertThat(throttle.failures("10.5.0.2", name)).isZero();
    throttle.unlock("命令行", name);
    assertThat(throttle.refusal("10.5.0.1", name)).isEmpty();
  }

  @Test
  void parallelFailuresAreAllCountedUnderTheRowLock() throws Exception {
    String name = "pgcount" + System.nanoTime();
    atOnce(
        () -> {
          throttle.failed("10.5.1.1", name);
          return true;
        });
    assertThat(throttle.failures("10.5.1.1", name)).isEqualTo(12);
  }
}
