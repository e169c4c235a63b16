package xuanju.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.security.UserRepository;
import xuanju.server.support.H2AppTest;

/**
 * Administrators revoke roles, disable and enable users and reset passwords (撤销角色、停用用户、重置密码): each
 * takes effect at once (open sessions end), each is audited, and an administrator cannot lock
 * themselves out.
 */
class AdminAccountsWebTest extends H2AppTest {
  static final String PASSWORD = "Chushi2026pass";

  @Autowired MockMvc mvc;
  @Autowired OrganisationService organisations;
  @Autowired UserRepository users;
  @Autowired AccessService access;
  @Autowired JdbcTemplate jdbc;

  final RequestPostProcessor admin = user(ADMIN).roles("ADMIN", "USER");

  @Test
  void revokeDisableEnableAndResetTakeEffectAtOnceAndAreAudited() throws Exception {
    int n = ThreadLocalRandom.current().nextInt(10_000, 100_000);
    String name = "acct" + n;
    long town = organisations.create("admin", null, "账户测试镇" + n, "TOWN_COMMITTEE");
    String generated = create(name, "李账户");
    // the user signs in and sets a password
    MockHttpSession s = login(name, generated);
    mvc.perform(
            post("/account/password")
                .session(s)
                .with(csrf())
                .param("current", generated)
                .param("next", PASSWORD)
                .param("repeat", PASSWORD))
        .andExpect(status().is3xxRedirection());
    mvc.perform(
            post("/admin/grants")
                .with(admin)
                .with(csrf())
                .param("username", name)
                .param("organisationId", Long.toString(town))
                .param("role", "ELECTION_ADMIN"))
        .andExpect(status().is3xxRedirection());
    assertThat(access.allowed(name, false, town, Permission.MANAGE)).isTrue();
    s = login(name, PASSWORD);
    mvc.perform(get("/elections").session(s)).andExpect(status().isOk());

    // the page offers the actions, each with a confirmation
    String page =
        mvc.perform(get("/admin/users").with(admin)).andReturn().getResponse().getContentAsString();
    assertThat(page).contains("确定撤销李账户在账户测试镇" + n + "的「选举工作管理员」角色吗", "确定停用李账户的账户吗", "确定重置李账户的密码吗");

    // revoke: the right is gone at once
    long grant =
        jdbc.queryForObject(
            "SELECT g.id FROM role_grant g JOIN app_user u ON u.id = g.user_id WHERE u.username = ?",
            Long.class,
            name);
    mvc.perform(post("/admin/grants/{g}/revoke", grant).with(admin).with(csrf()))
        .andExpect(flash().attribute("message", "已撤销用户「李账户」在账户测试镇" + n + "的「选举工作管理员」角色"));
    assertThat(access.allowed(name, false, town, Permission.MANAGE)).isFalse();
    mvc.perform(post("/admin/grants/{g}/revoke", grant).with(admin).with(csrf()))
        .andExpect(flash().attribute("error", "该角色已撤销或不存在"));

    // disable: the open session ends, signing in is refused; enable: signing in works again
    mvc.perform(
            post("/admin/users/{u}/enabled", name)
                .with(admin)
                .with(csrf())
                .param("enabled", "false"))
        .andExpect(flash().attribute("message", "已停用用户 " + name));
    mvc.perform(get("/elections").session(s)).andExpect(redirectedUrl("/login?ended"));
    assertThat(loginFails(name, PASSWORD)).isTrue();
    mvc.perform(
            post("/admin/users/{u}/enabled", name)
                .with(admin)
                .with(csrf())
                .param("enabled", "false"))
        .andExpect(flash().attribute("error", "用户「李账户」已停用"));
    mvc.perform(
            post("/admin/users/{u}/enabled", name)
                .with(admin)
                .with(csrf())
                .param("enabled", "true"))
        .andExpect(flash().attribute("message", "已启用用户 " + name));
    s = login(name, PASSWORD);
    mvc.perform(get("/elections").session(s)).andExpect(status().isOk());

    // reset: the old password and the open session are gone; the new one must be changed
    String reset =
        (String)
            mvc.perform(post("/admin/users/{u}/reset-password", name).with(admin).with(csrf()))
                .andReturn()
                .getFlashMap()
                .get("message");
    assertThat(reset).startsWith("已重置用户 " + name + " 的密码，新密码：");
    String fresh = reset.substring(reset.indexOf("新密码：") + 4, reset.indexOf("（"));
    mvc.perform(get("/elections").session(s)).andExpect(redirectedUrl("/login?ended"));
    assertThat(loginFails(name, PASSWORD)).isTrue();
    MockHttpSession after = login(name, fresh);
    mvc.perform(get("/elections").session(after)).andExpect(redirectedUrl("/account/password"));
    assertThat(users.findByUsername(name).orElseThrow().mustChangePassword()).isTrue();

    // every change is in the audit log, in Chinese
    assertThat(
            jdbc.queryForList(
                "SELECT action FROM audit_event WHERE subject = ? ORDER BY seq",
                String.class,
                "user:" + name))
        .containsSubsequence(
            "USER_CREATED",
            "ROLE_GRANTED",
            "ROLE_REVOKED",
            "USER_DISABLED",
            "USER_ENABLED",
            "PASSWORD_RESET");
    assertThat(
            jdbc.queryForObject(
                "SELECT summary FROM audit_event WHERE subject = ? AND action = 'USER_DISABLED'",
                String.class,
                "user:" + name))
        .contains("停用用户「李账户」");
  }

  @Test
  void anAdministratorCannotDisableThemselvesOrAnUnknownUser() throws Exception {
    mvc.perform(
            post("/admin/users/{u}/enabled", ADMIN)
                .with(admin)
                .with(csrf())
                .param("enabled", "false"))
        .andExpect(flash().attribute("error", "不能停用自己的账户"));
    assertThat(users.findByUsername(ADMIN).orElseThrow().enabled()).isTrue();
    mvc.perform(post("/admin/users/{u}/reset-password", "nobody-here").with(admin).with(csrf()))
        .andExpect(flash().attribute("error", "用户不存在：nobody-here"));
    // not for other users
    mvc.perform(
            post("/admin/users/{u}/enabled", ADMIN)
                .with(user("someone").roles("USER"))
                .with(csrf())
                .param("enabled", "false"))
        .andExpect(status().isForbidden());
  }

  private String create(String username, String display) throws Exception {
    String msg =
        (String)
            mvc.perform(
                    post("/admin/users")
                        .with(admin)
                        .with(csrf())
                        .param("username", username)
                        .param("displayName", display))
                .andReturn()
                .getFlashMap()
                .get("message");
    return msg.substring(msg.indexOf("初始密码：") + 5, msg.indexOf("（"));
  }

  private MockHttpSession login(String username, String password) throws Exception {
    var r =
        mvc.perform(formLogin("/login").user(username).password(password))
            .andExpect(status().is3xxRedirection())
            .andReturn();
    assertThat(r.getResponse().getRedirectedUrl()).doesNotContain("error");
    return (MockHttpSession) r.getRequest().getSession(false);
  }

  private boolean loginFails(String username, String password) throws Exception {
    String to =
        mvc.perform(formLogin("/login").user(username).password(password))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    return to != null && to.contains("error");
  }
}
