package xuanju.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import xuanju.server.support.H2AppTest;

class SecurityWebTest extends H2AppTest {
  @Autowired MockMvc mvc;
  @Autowired UserRepository users;
  @Autowired PasswordEncoder encoder;
  @Autowired LoginThrottle throttle;
  @Autowired JdbcTemplate jdbc;

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
    mvc.perform(login(ADMIN, "wrong-password", "10.7.0.2"))
        .andExpect(redirectedUrl("/login?error"));
  }

  @Test
  void noBuiltInDefaultPasswordWorks() throws Exception {
    for (String guess : new String[] {"admin", "123456", "password", "admin123"}) {
      // from an address of its own, so that these guesses do not throttle other tests' sign-ins
      mvc.perform(login(ADMIN, guess, "10.7.0.1")).andExpect(redirectedUrl("/login?error"));
    }
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

  /** The login form posted from this client address. */
  static MockHttpServletRequestBuilder login(String user, String password, String address) {
    return post("/login")
        .param("username", user)
        .param("password", password)
        .with(csrf())
        .with(from(address));
  }

  /** A request from this client address (MockMvc's default is 127.0.0.1). */
  static RequestPostProcessor from(String address) {
    return request -> {
      request.setRemoteAddr(address);
      return request;
    };
  }

  @Test
  void wrongPasswordsFromOneClientDoNotBlockTheSameAccountFromAnother() throws Exception {
    String name = "throttle" + System.nanoTime();
    users.insert(name, "限速测试", encoder.encode("Correct12345"), false, false, Instant.now());
    long failedBefore = auditCount("LOGIN_FAILED", name);
    for (int i = 0; i < 5; i++) {
      mvc.perform(login(name, "bad" + i, "10.1.0.1")).andExpect(redirectedUrl("/login?error"));
    }
    // client A is now refused, even with the right password, and the password is not checked
    mvc.perform(login(name, "Correct12345", "10.1.0.1"))
        .andExpect(redirectedUrl("/login?throttled=15"));
    mvc.perform(login(name, "bad-again", "10.1.0.1"))
        .andExpect(redirectedUrl("/login?throttled=15"));
    assertThat(auditCount("LOGIN_FAILED", name) - failedBefore).isEqualTo(5);
    assertThat(auditCount("LOGIN_THROTTLED", name)).isEqualTo(1);
    // the same account from client B signs in at once; no account lock exists any more
    mvc.perform(login(name, "Correct12345", "10.1.0.2")).andExpect(redirectedUrl("/"));
    assertThat(users.findByUsername(name).orElseThrow().lockedUntil()).isNull();
    // B's success does not lift A's wait
    mvc.perform(login(name, "Correct12345", "10.1.0.1"))
        .andExpect(redirectedUrl("/login?throttled=15"));
    // the login page explains the wait in Chinese
    mvc.perform(get("/login").param("throttled", "15"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("本设备暂时不能登录该账户")))
        .andExpect(content().string(containsString("请15分钟后再试")));
  }

  @Test
  void aSuccessfulSignInStartsTheClientsCountAgain() throws Exception {
    String name = "throttleok" + System.nanoTime();
    users.insert(name, "限速测试", encoder.encode("Correct12345"), false, false, Instant.now());
    for (int i = 0; i < 4; i++) {
      mvc.perform(login(name, "bad" + i, "10.2.0.1")).andExpect(redirectedUrl("/login?error"));
    }
    assertThat(throttle.failures("10.2.0.1", name)).isEqualTo(4);
    mvc.perform(login(name, "Correct12345", "10.2.0.1")).andExpect(redirectedUrl("/"));
    assertThat(throttle.failures("10.2.0.1", name)).isZero();
    for (int i = 0; i < 4; i++) {
      mvc.perform(login(name, "bad" + i, "10.2.0.1")).andExpect(redirectedUrl("/login?error"));
    }
  }

  @Test
  void theAdministratorCannotBeLockedOutFromElsewhereAndTheOperatorUnlockLetsThemIn()
      throws Exception {
    for (int i = 0; i < 5; i++) {
      mvc.perform(login(ADMIN, "guess" + i, "10.66.0.1")).andExpect(redirectedUrl("/login?error"));
    }
    mvc.perform(login(ADMIN, ADMIN_PASSWORD, "10.66.0.1"))
        .andExpect(redirectedUrl("/login?throttled=15"));
    // the real administrator, from another address, is not affected
    mvc.perform(login(ADMIN, ADMIN_PASSWORD, "10.66.0.2")).andExpect(redirectedUrl("/"));
    // the operator's unlock (./xuanju unlock admin, AccountCommandsTest) works even for the
    // address the attack came from (e.g. an office behind one NAT address)
    throttle.unlock("命令行", ADMIN);
    mvc.perform(login(ADMIN, ADMIN_PASSWORD, "10.66.0.1")).andExpect(redirectedUrl("/"));
    assertThat(auditCount("LOGIN_UNLOCKED", ADMIN)).isPositive();
  }

  /** Sends the same sign-in from {@code threads} threads at once; the redirect targets. */
  private List<String> atOnce(int threads, String user, String password, String address)
      throws Exception {
    var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
    try {
      var start = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<String>> answers = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return mvc.perform(login(user, password, address))
                      .andReturn()
                      .getResponse()
                      .getRedirectedUrl();
                }));
      }
      start.countDown();
      List<String> out = new ArrayList<>();
      for (var f : answers) {
        out.add(f.get());
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void parallelAttemptsCannotSlipPastTheLimit() throws Exception {
    String name = "throttlepar" + System.nanoTime();
    users.insert(name, "限速测试", encoder.encode("Correct12345"), false, false, Instant.now());
    List<String> answers = atOnce(16, name, "wrong-guess", "10.3.0.1");
    assertThat(answers).filteredOn("/login?error"::equals).hasSize(5);
    assertThat(answers).filteredOn(a -> a.startsWith("/login?throttled=")).hasSize(11);
    assertThat(auditCount("LOGIN_FAILED", name)).as("passwords checked").isEqualTo(5);
  }

  @Test
  void parallelCorrectSignInsOfOneAccountFromOneAddressAllSucceed() throws Exception {
    String name = "throttlemany" + System.nanoTime();
    users.insert(name, "限速测试", encoder.encode("Correct12345"), false, false, Instant.now());
    // e.g. several counting stations behind one address signing in with one account
    assertThat(atOnce(8, name, "Correct12345", "10.3.0.2")).containsOnly("/");
  }

  @Test
  void aClientTryingManyAccountsIsRefusedForAllOfThemButOnlyThatClient() {
    String tag = Long.toString(System.nanoTime(), 36);
    for (int i = 0; i < 50; i++) {
      assertThat(throttle.wrongPassword("10.4.0.1", "spray" + i + tag)).isTrue();
    }
    assertThat(throttle.refusal("10.4.0.1", "another" + tag)).isPresent();
    assertThat(throttle.wrongPassword("10.4.0.1", "another" + tag)).isFalse();
    assertThat(throttle.refusal("10.4.0.2", "another" + tag)).isEmpty();
  }

  @Test
  void unauthenticatedApiCallsGet401WithAChineseBodyForEveryMethodWithoutACsrfToken()
      throws Exception {
    for (var req :
        List.of(
            get("/api/me"),
            post("/api/elections/1/results/submit"),
            put("/api/elections/1/results/submit"),
            patch("/api/elections/1/results/submit"),
            delete("/api/elections/1/results/submit"),
            post("/api/no-such-endpoint").contentType(MediaType.APPLICATION_JSON).content("{}"))) {
      mvc.perform(req)
          .andExpect(status().isUnauthorized())
          .andExpect(jsonPath("$.error").value("UNAUTHENTICATED"))
          .andExpect(jsonPath("$.message").value(containsString("请先登录")));
    }
    // a signed-in session is still protected by CSRF: without the token 403, with it not
    mvc.perform(
            post("/api/elections/999999999/results/submit")
                .with(user(ADMIN).roles("ADMIN", "USER"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\": 0}"))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.error").value("CSRF"));
    int withToken =
        mvc.perform(
                post("/api/elections/999999999/results/submit")
                    .with(user(ADMIN).roles("ADMIN", "USER"))
                    .with(csrf())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"version\": 0}"))
            .andReturn()
            .getResponse()
            .getStatus();
    assertThat(withToken).isNotIn(401, 403);
    // pages still send a visitor without a session to the login page
    mvc.perform(post("/elections").with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/login")));
  }

  private long auditCount(String action, String username) {
    Long n =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM audit_event WHERE action = ? AND subject = ?",
            Long.class,
            action,
            "user:" + username);
    return n == null ? 0 : n;
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
