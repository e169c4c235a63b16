package xuanju.server.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short run of the kill soak (强制终止浸泡测试，缩短版) on the default database, the built-in PostgreSQL:
 * four cycles, two of them killing the database server's processes too. The long runs (at least 200
 * cycles on each database) are {@code bench/kill-soak.sh}, recorded in docs/benchmarks.md.
 */
class KillSoakTest {
  @TempDir Path dir;

  @Test
  void noAcknowledgedBallotLostNorDuplicatedOnTheDefaultDatabase() throws Exception {
    KillSoak.Report r =
        KillSoak.run(new KillSoak.Config("default", 4, 4, 1.5, 3.0, 0.5, 20261204L, dir));
    System.out.println(r.summary());
    assertThat(r.problems()).isEmpty();
    assertThat(r.acknowledged()).as("确认过的选票").isGreaterThan(20);
    assertThat(r.lost()).as("丢失").isZero();
    assertThat(r.duplicated()).as("重复").isZero();
    assertThat(r.uncleanChecksSeen()).as("每次强制终止后都做了启动自检").isEqualTo(4);
  }
}
