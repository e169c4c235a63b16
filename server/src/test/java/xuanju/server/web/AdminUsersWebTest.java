package xuanju.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.security.UserRepository;
import xuanju.server.support.H2AppTest;

/** Administrators create users and grant roles; a branch user then sees only their branch. */
class AdminUsersWebTest extends H2AppTest {
  @Autowired MockMvc mvc;
  @Autowired OrganisationService organisations;
  @Autowired UserRepository users;
  @Autowired AccessService access;

  @Test
  void administratorCreatesAUserAndGrantsABranchRole() throws Exception {
    var admin = user(ADMIN).roles("ADMIN", "USER");
    long town = organisations.create("admin", null, "网页测试镇党委", "TOWN_COMMITTEE");
    long branch = organisations.create("admin", town, "网页测试支部", "BRANCH");
    long sibling = organisations.create("admin", town, "网页测试另一支部", "BRANCH");

    mvc.perform(
            post("/admin/users")
                .with(admin)
                .with(csrf())
                .param("username", "zhangsan")
                .param("displayName", "张三"))
        .andExpect(status().is3xxRedirection())
        .andExpect(
            flash().attribute("message", org.hamcrest.Matchers.startsWith("已创建用户 zhangsan，初始密码：")));
    assertThat(users.findByUsername("zhangsan").orElseThrow().mustChangePassword()).isTrue();

    mvc.perform(
            post("/admin/grants")
                .with(admin)
                .with(csrf())
                .param("username", "zhangsan")
                .param("organisationId", Long.toString(branch))
                .param("role", "ELECTION_ADMIN"))
        .andExpect(flash().attribute("message", "已为 zhangsan 授予「选举工作管理员」角色"));

    assertThat(access.allowed("zhangsan", false, branch, Permission.MANAGE)).isTrue();
    // the API lists only the organisations the user may see
    users.insert("apiviewer", "接口查看", "x", false, false, java.time.Instant.now());
    xuanju.server.support.SignIn.as(
        "admin", true, () -> access.grant("apiviewer", branch, xuanju.server.access.Role.OBSERVER));
    mvc.perform(get("/api/organisations").with(user("apiviewer").roles("USER")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(1))
        .andExpect(jsonPath("$[0].name").value("网页测试支部"));
    assertThat(access.allowed("zhangsan", false, sibling, Permission.VIEW)).isFalse();

    mvc.perform(
            post("/admin/users")
                .with(admin)
                .with(csrf())
                .param("username", "zhangsan")
                .param("displayName", "重名"))
        .andExpect(flash().attribute("error", "用户名已存在：zhangsan"));
  }

  @Test
  void nonAdministratorsCannotManageUsers() throws Exception {
    mvc.perform(
            post("/admin/users")
                .with(user("clerk").roles("USER"))
                .with(csrf())
                .param("username", "intruder")
                .param("displayName", "入侵者"))
        .andExpect(status().isForbidden());
    mvc.perform(get("/admin/users").with(user("clerk").roles("USER")))
        .andExpect(status().isForbidden());
    assertThat(users.findByUsername("intruder")).isEmpty();
  }
}
