package xuanju.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import xuanju.server.organisation.OrganisationService;

/**
 * Data written before a restart is there after it (embedded H2 file database in the data folder).
 */
class RestartPersistenceTest {
  @TempDir Path dataDir;

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(XuanjuApplication.class)
        .run(
            "--server.port=0",
            "--xuanju.data-dir=" + dataDir,
            "--xuanju.admin.initial-password=Restart12345");
  }

  @Test
  void dataSurvivesARestart() {
    long id;
    try (var ctx = start()) {
      id = ctx.getBean(OrganisationService.class).create("tester", null, "重启测试党支部", "BRANCH");
    }
    assertThat(dataDir.resolve("db")).isDirectory();
    try (var ctx = start()) {
      var all = ctx.getBean(OrganisationService.class).all();
      assertThat(all)
          .anySatisfy(
              o -> {
                assertThat(o.id()).isEqualTo(id);
                assertThat(o.name()).isEqualTo("重启测试党支部");
              });
    }
  }
}
