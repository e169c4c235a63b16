package xuanju.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the start-up check tells an unclean shutdown from an orderly one (运行标记文件). */
class StartupCheckMarkerTest {
  @TempDir Path dir;

  private StartupCheck start() throws Exception {
    return new StartupCheck(dir.toString(), "serve", java.time.Duration.ZERO, null, null, null);
  }

  @Test
  void aFreshFolderAndAnOrderlyStopAreNotUnclean() throws Exception {
    StartupCheck first = start();
    assertThat(first.uncleanShutdown()).isFalse();
    assertThat(dir.resolve(StartupCheck.MARKER)).exists();
    first.orderlyStop();
    assertThat(dir.resolve(StartupCheck.MARKER)).doesNotExist();
    assertThat(start().uncleanShutdown()).isFalse();
  }

  @Test
  void aMarkerLeftByAProcessThatIsGoneMeansUnclean() throws Exception {
    // the same pid as ours (in a container often 1) but another start time: a previous process
    long pid = ProcessHandle.current().pid();
    Files.writeString(dir.resolve(StartupCheck.MARKER), pid + " 2020-01-01T00:00:00Z");
    StartupCheck next = start();
    assertThat(next.uncleanShutdown()).isTrue();
    assertThat(Files.readString(dir.resolve(StartupCheck.MARKER)))
        .isEqualTo(StartupCheck.processId(ProcessHandle.current()));
  }

  @Test
  void theCommandsNeitherTouchTheMarkerNorCheck() throws Exception {
    String left = "999999 2020-01-01T00:00:00Z";
    Files.writeString(dir.resolve(StartupCheck.MARKER), left);
    StartupCheck verify =
        new StartupCheck(dir.toString(), "command", java.time.Duration.ZERO, null, null, null);
    assertThat(verify.uncleanShutdown()).isFalse();
    verify.orderlyStop();
    assertThat(Files.readString(dir.resolve(StartupCheck.MARKER))).isEqualTo(left);
    assertThat(start().uncleanShutdown()).as("the server's next start still sees it").isTrue();
  }

  @Test
  void aSecondApplicationContextInTheSameJvmIsNotUnclean() throws Exception {
    StartupCheck first = start();
    StartupCheck second = start();
    assertThat(second.uncleanShutdown()).isFalse();
    second.orderlyStop();
    first.orderlyStop();
    assertThat(dir.resolve(StartupCheck.MARKER)).doesNotExist();
  }
}
