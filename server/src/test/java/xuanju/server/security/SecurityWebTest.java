package xuanju.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import xuanju.server.support.H2AppTest;

class SecurityWebTest extends H2AppTest {
  @Autowired MockMvc mvc;
  @Autowired UserRepository users;
  @Autowired PasswordEncoder encoder;

  @Test
  void unauthenticatedApiCallGets401NotALoginPage() throws Exception {
    mvc.perform(get("/api/me")).andExpect(status().isUnauthorized());
    mvc.perform(get("/api/organisations")).andExpect(status().isUnauthorized());
  }

  @Test
  void unauthenticatedPageRedirectsToLogin() throws Exception {
    mvc.perform(get("/")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
  }

  @Test
  void loginPageIsChineseAndCarriesSecurityHeaders() throws Exception {
    mvc.perform(get("/login"))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("选举管理系统")))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("_csrf")))
        .andExpect(header().string("X-Frame-Options", "DENY"))
        .andExpect(
            header()
                .string(
                    "Content-Security-Policy",
                    org.hamcrest.Matchers.containsString("frame-ancestors 'none'")));
  }

  @Test
  void adminLogsInWithTheConfiguredPassword() throws Exception {
    mvc.perform(formLogin("/login").user(ADMIN).password(ADMIN_PASSWORD))
        .andExpect(redirectedUrl("/"));
    mvc.perform(formLogin("/login").user(ADMIN).password("wrong-password"))
        .andExpect(redirectedUrl("/login?error"));
  }

  @Test
  void noBuiltInDefaultPasswordWorks() throws Exception {
    for (String guess : new String[] {"admin", "123456", "password", "admin123"}) {
      mvc.perform(formLogin("/login").user(ADMIN).password(guess))
          .andExpect(redirectedUrl("/login?error"));
    }
    users.recordSuccess(ADMIN);
  }

  @Test
  void loginWithoutCsrfTokenIsRejected() throws Exception {
    mvc.perform(post("/login").param("username", ADMIN).param("password", ADMIN_PASSWORD))
        .andExpect(status().isForbidden());
  }

  @Test
  void apiAnswersForASignedInUser() throws Exception {
    mvc.perform(get("/api/me").with(user(ADMIN).roles("ADMIN", "USER")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.username").value(ADMIN));
    mvc.perform(get("/api/system").with(user(ADMIN).roles("ADMIN", "USER")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.embeddedDatabase").value(true));
  }

  @Test
  void openApiDocumentDescribesTheApi() throws Exception {
    mvc.perform(get("/api/openapi.json"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.openapi").exists())
        .andExpect(jsonPath("$.paths['/api/me']").exists());
  }

  @Test
  void healthIsPublic() throws Exception {
    mvc.perform(get("/actuator/health"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("UP"));
  }

  @Test
  void adminPagesNeedTheAdminRole() throws Exception {
    mvc.perform(get("/admin/audit").with(user("clerk").roles("USER")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/admin/audit").with(user(ADMIN).roles("ADMIN", "USER")))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("审计链完整")));
  }

  @Test
  void accountLocksAfterRepeatedFailures() throws Exception {
    users.insert("locktest", "锁定测试", encoder.encode("Correct12345"), false, false, Instant.now());
    for (int i = 0; i < 5; i++) {
      mvc.perform(formLogin("/login").user("locktest").password("bad" + i))
          .andExpect(redirectedUrl("/login?error"));
    }
    // the right password no longer works while locked
    mvc.perform(formLogin("/login").user("locktest").password("Correct12345"))
        .andExpect(redirectedUrl("/login?error"));
    assertThat(users.findByUsername("locktest").orElseThrow().lockedUntil()).isAfter(Instant.now());
  }

  @Test
  void userWithGeneratedPasswordMustChangeItFirst() throws Exception {
    users.insert("newuser", "新用户", encoder.encode("Initial12345"), false, true, Instant.now());
    var nu = user("newuser").roles("USER");
    mvc.perform(get("/").with(nu)).andExpect(redirectedUrl("/account/password"));
    mvc.perform(get("/api/me").with(nu)).andExpect(status().isForbidden());
    mvc.perform(
            post("/account/password")
                .with(nu)
                .with(csrf())
                .param("current", "Initial12345")
                .param("next", "short")
                .param("repeat", "short"))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("至少需要10个字符")));
    mvc.perform(
            post("/account/password")
                .with(nu)
                .with(csrf())
                .param("current", "Initial12345")
                .param("next", "MyOwnPass2026")
                .param("repeat", "MyOwnPass2026"))
        .andExpect(redirectedUrl("/"));
    mvc.perform(get("/").with(nu)).andExpect(status().isOk());
    assertThat(
            encoder.matches(
                "MyOwnPass2026", users.findByUsername("newuser").orElseThrow().passwordHash()))
        .isTrue();
  }

  @Test
  void unknownPageShowsChineseErrorWithoutStackTrace() throws Exception {
    mvc.perform(get("/no-such-page").with(user(ADMIN).roles("ADMIN", "USER")))
        .andExpect(status().isNotFound());
  }
}
