package xuanju.server.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that run the whole application on the embedded H2 file database, on a random
 * port. All subclasses share one application context (and one data folder).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
public abstract class H2AppTest {
  public static final String ADMIN = "admin";
  public static final String ADMIN_PASSWORD = "TestAdmin2026";
  static final Path DATA_DIR;

  static {
    try {
      DATA_DIR = Files.createTempDirectory("xuanju-h2-test");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry r) {
    r.add("xuanju.data-dir", DATA_DIR::toString);
    r.add("xuanju.admin.initial-password", () -> ADMIN_PASSWORD);
    r.add("xuanju.demo", () -> "true");
    // no periodic self-check in the shared test application: tests edit tables on purpose
    r.add("xuanju.integrity.check-interval", () -> "0");
  }

  @Autowired private JdbcTemplate adminSetUpJdbc;

  /**
   * The administrator created from {@code xuanju.admin.initial-password} must change that password
   * at the first sign-in (security.AdminBootstrap); the tests act as an administrator who already
   * did. {@code security.AdminFirstLoginTest} proves the forced change on a fresh installation.
   */
  @BeforeEach
  void administratorHasChangedTheInitialPassword() {
    adminSetUpJdbc.update(
        "UPDATE app_user SET must_change_password = FALSE WHERE username = ?", "admin");
  }
}
