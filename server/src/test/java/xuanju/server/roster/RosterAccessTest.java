package xuanju.server.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import xuanju.core.roster.Member;
import xuanju.server.access.Role;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.security.UserRepository;
import xuanju.server.support.H2AppTest;

/** Who may see and change which roster: roles on an organisation's subtree (AccessService). */
class RosterAccessTest extends H2AppTest {
  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired OrganisationService orgs;
  @Autowired UserRepository users;

  long a;
  long b;
  String aName;
  String bName;
  String managerOfA;
  String observerOfA;
  List<Member> membersOfB;

  @BeforeEach
  void setUp() throws Exception {
    a = RosterTestSupport.branch(orgs, "权限甲党支部");
    b = RosterTestSupport.branch(orgs, "权限乙党支部");
    aName = name(a);
    bName = name(b);
    managerOfA = "h4-manager-" + a;
    observerOfA = "h4-observer-" + a;
    RosterTestSupport.userWithRole(users, jdbc, managerOfA, a, Role.ELECTION_ADMIN);
    RosterTestSupport.userWithRole(users, jdbc, observerOfA, a, Role.OBSERVER);
    membersOfB = RosterFixtures.members(b, 3);
    mvc.perform(
            RosterTestSupport.upload(
                    b, "b.xlsx", RosterFixtures.xlsx(RosterFixtures.sheet(membersOfB)))
                .with(RosterTestSupport.admin())
                .with(csrf()))
        .andExpect(status().isOk());
  }

  @Test
  void electionAdminOfBranchAGets403ForBranchBThroughTheApi() throws Exception {
    RequestPostProcessor u = user(managerOfA).roles("USER");
    mvc.perform(get("/api/organisations/{id}/members", a).with(u)).andExpect(status().isOk());
    mvc.perform(get("/api/organisations/{id}/members", b).with(u))
        .andExpect(status().isForbidden())
        .andExpect(content().string(not(containsString(membersOfB.get(0).name()))));
    mvc.perform(get("/api/organisations/{id}/members/export", b).with(u))
        .andExpect(status().isForbidden());
    long before = RosterTestSupport.countAll(jdbc);
    mvc.perform(
            RosterTestSupport.upload(
                    b,
                    "x.xlsx",
                    RosterFixtures.xlsx(RosterFixtures.sheet(RosterFixtures.members(5L, 2))))
                .with(u)
                .with(csrf()))
        .andExpect(status().isForbidden());
    assertThat(RosterTestSupport.countAll(jdbc)).isEqualTo(before);
    // but the own branch can be imported into
    mvc.perform(
            RosterTestSupport.upload(
                    a,
                    "x.xlsx",
                    RosterFixtures.xlsx(RosterFixtures.sheet(RosterFixtures.members(6L, 2))))
                .with(u)
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.created").value(2));
  }

  @Test
  void electionAdminOfBranchADoesNotSeeBranchB() throws Exception {
    RequestPostProcessor u = user(managerOfA).roles("USER");
    mvc.perform(get("/roster").with(u))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(aName)))
        .andExpect(content().string(not(containsString(bName))));
    mvc.perform(get("/organisations/{id}/roster", b).with(u)).andExpect(status().isForbidden());
    mvc.perform(get("/organisations/{id}/roster", a).with(u))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("新增党员")));
  }

  @Test
  void observerMayListButNotExportOrChange() throws Exception {
    RequestPostProcessor u = user(observerOfA).roles("USER");
    mvc.perform(get("/api/organisations/{id}/members", a).with(u)).andExpect(status().isOk());
    mvc.perform(get("/organisations/{id}/roster", a).with(u))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString("新增党员"))));
    mvc.perform(get("/api/organisations/{id}/members/export", a).with(u))
        .andExpect(status().isForbidden());
    mvc.perform(get("/organisations/{id}/roster/new", a).with(u)).andExpect(status().isForbidden());
    mvc.perform(
            RosterTestSupport.upload(
                    a,
                    "x.xlsx",
                    RosterFixtures.xlsx(RosterFixtures.sheet(RosterFixtures.members(7L, 1))))
                .with(u)
                .with(csrf()))
        .andExpect(status().isForbidden());
  }

  @Test
  void anonymousCallsGet401() throws Exception {
    mvc.perform(get("/api/organisations/{id}/members", a)).andExpect(status().isUnauthorized());
  }

  @Test
  void adminSeesEveryRosterAndTheApiIsDocumented() throws Exception {
    mvc.perform(get("/roster").with(RosterTestSupport.admin()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(aName)))
        .andExpect(content().string(containsString(bName)));
    mvc.perform(get("/api/openapi.json"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.paths['/api/organisations/{id}/members']").exists())
        .andExpect(jsonPath("$.paths['/api/organisations/{id}/members/import']").exists())
        .andExpect(jsonPath("$.paths['/api/organisations/{id}/members/export']").exists());
  }

  private String name(long id) {
    return orgs.all().stream().filter(o -> o.id() == id).findFirst().orElseThrow().name();
  }
}
