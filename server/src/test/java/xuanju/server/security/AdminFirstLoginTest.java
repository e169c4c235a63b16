package xuanju.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A fresh installation whose first administrator's password came from {@code XUANJU_ADMIN_PASSWORD}
 * (首次运行由环境变量设定的管理员密码): that password signs in once, and then nothing but the password page works
 * until it is changed — like a generated password.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@AutoConfigureMockMvc
class AdminFirstLoginTest {
  static final String CHIEF = "chief";
  static final String FROM_ENVIRONMENT = "FromTheEnv2026";
  static final Path DATA_DIR;

  static {
    try {
      DATA_DIR = Files.createTempDirectory("xuanju-admin-first-login");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry r) {
    r.add("xuanju.data-dir", DATA_DIR::toString);
    r.add("xuanju.admin.username", () -> CHIEF);
    r.add("xuanju.admin.initial-password", () -> FROM_ENVIRONMENT);
  }

  @Autowired MockMvc mvc;
  @Autowired UserRepository users;
  @Autowired PasswordEncoder encoder;

  @Test
  void anAdministratorWhosePasswordCameFromTheEnvironmentMustChangeItAtTheFirstSignIn()
      throws Exception {
    UserAccount created = users.findByUsername(CHIEF).orElseThrow();
    assertThat(created.admin()).isTrue();
    assertThat(created.mustChangePassword()).isTrue();

    MockHttpSession session =
        (MockHttpSession)
            mvc.perform(formLogin("/login").user(CHIEF).password(FROM_ENVIRONMENT))
                .andExpect(redirectedUrl("/"))
                .andReturn()
                .getRequest()
                .getSession(false);
    // every page leads to the password page, the API refuses with a Chinese message
    mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/account/password"));
    mvc.perform(get("/admin/users").session(session)).andExpect(redirectedUrl("/account/password"));
    mvc.perform(get("/api/me").session(session))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.error").value("PASSWORD_CHANGE_REQUIRED"))
        .andExpect(jsonPath("$.message").value("请先修改初始密码"));
    mvc.perform(get("/account/password").session(session)).andExpect(status().isOk());

    mvc.perform(
            post("/account/password")
                .session(session)
                .with(csrf())
                .param("current", FROM_ENVIRONMENT)
                .param("next", "ChiefsOwn2026")
                .param("repeat", "ChiefsOwn2026"))
        .andExpect(redirectedUrl("/"));
    mvc.perform(get("/").session(session)).andExpect(status().isOk());
    mvc.perform(get("/api/me").session(session))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.username").value(CHIEF));
    UserAccount after = users.findByUsername(CHIEF).orElseThrow();
    assertThat(after.mustChangePassword()).isFalse();
    assertThat(encoder.matches("ChiefsOwn2026", after.passwordHash())).isTrue();
    assertThat(encoder.matches(FROM_ENVIRONMENT, after.passwordHash())).isFalse();
  }
}
