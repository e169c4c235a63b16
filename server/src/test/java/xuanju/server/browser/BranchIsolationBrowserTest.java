package xuanju.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import xuanju.server.access.AccessService;
import xuanju.server.access.Role;
import xuanju.server.election.ElectionForm;
import xuanju.server.election.ElectionKind;
import xuanju.server.election.ElectionService;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.security.UserRepository;
import xuanju.server.support.H2AppTest;
import xuanju.server.support.SignIn;

/**
 * Branch isolation (支部之间数据隔离): the administrator of one branch can neither see nor change a sibling
 * branch. The other branch's election and roster pages and its API answer 403 (MockMvc), the same
 * addresses of the user's own branch answer 200, and no page the user can reach (dashboard,
 * election list, roster list, own roster, election form) shows a link to or the name of the other
 * branch (browser).
 */
class BranchIsolationBrowserTest extends H2AppTest {
  static final String PASSWORD = "GeLi2026check";

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired OrganisationService organisations;
  @Autowired ElectionService elections;
  @Autowired AccessService access;
  @Autowired UserRepository users;
  @Autowired PasswordEncoder encoder;
  @Autowired JdbcTemplate jdbc;

  Ui ui;
  long town;
  long own;
  long other;
  String ownName;
  String otherName;
  String townName;
  String username;
  long ownElection;
  long otherElection;
  String otherTitle;
  String ownTitle;
  long ownMember;
  long otherMember;
  String otherMemberName;

  @BeforeEach
  void setUp() {
    int n = ThreadLocalRandom.current().nextInt(10_000, 100_000);
    townName = "隔离测试镇党委" + n;
    ownName = "隔离测试甲支部" + n;
    otherName = "隔离测试乙支部" + n;
    username = "h12iso" + n;
    ownTitle = "甲支部委员会换届选举" + n;
    otherTitle = "乙支部委员会换届选举" + n;
    users.insert(username, "甲支部管理员", encoder.encode(PASSWORD), false, false, Instant.now());
    SignIn.as(
        ADMIN,
        true,
        () -> {
          town = organisations.create(ADMIN, null, townName, "TOWN_COMMITTEE");
          own = organisations.create(ADMIN, town, ownName, "BRANCH");
          other = organisations.create(ADMIN, town, otherName, "BRANCH");
          access.grant(username, own, Role.ELECTION_ADMIN);
          ownElection = elections.create(form(own, ownTitle));
          otherElection = elections.create(form(other, otherTitle));
        });
    List<Long> ownIds = new ArrayList<>();
    for (var p : BranchMembers.branch(List.of("甲支部党员" + n), 8)) {
      ownIds.add(insert(own, p));
    }
    ownMember = ownIds.get(0);
    otherMemberName = "乙支部党员" + n;
    List<Long> otherIds = new ArrayList<>();
    for (var p : BranchMembers.branch(List.of(otherMemberName), 8)) {
      otherIds.add(insert(other, p));
    }
    otherMember = otherIds.get(0);
  }

  @AfterEach
  void quit() {
    if (ui != null) {
      ui.driver.quit();
    }
  }

  private static ElectionForm form(long org, String title) {
    return new ElectionForm(
        org,
        title,
        ElectionKind.PARTY_BRANCH,
        "PARTY_GRASSROOTS",
        Map.of(),
        "",
        true,
        5,
        1,
        1,
        null,
        LocalDate.now().plusDays(40),
        3);
  }

  private long insert(long org, BranchMembers.Person p) {
    jdbc.update(
        "INSERT INTO party_member (organisation_id, name, gender, ethnicity, birth_date, resident_id,"
            + " education, join_date, membership, status, created_at, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, 'BACHELOR', ?, 'FULL', 'NORMAL', ?, ?)",
        org,
        p.name(),
        p.male() ? "MALE" : "FEMALE",
        p.ethnicity(),
        Date.valueOf(p.birth()),
        p.residentId(),
        Date.valueOf(p.joined()),
        Timestamp.from(Instant.now()),
        Timestamp.from(Instant.now()));
    return jdbc.queryForObject(
        "SELECT id FROM party_member WHERE resident_id = ?", Long.class, p.residentId());
  }

  /** The pages and API reads of an organisation's roster and election. */
  private static List<String> readable(long org, long election, long member) {
    return List.of(
        "/organisations/" + org + "/roster",
        "/organisations/" + org + "/roster/import",
        "/organisations/" + org + "/roster/new",
        "/organisations/" + org + "/roster/template.xlsx",
        "/organisations/" + org + "/roster/export.xlsx",
        "/organisations/" + org + "/roster/" + member + "/edit",
        "/elections/" + election,
        "/elections/" + election + "/plan",
        "/elections/" + election + "/plan/request.pdf",
        "/elections/" + election + "/attendance",
        "/elections/" + election + "/nomination",
        "/elections/" + election + "/voting",
        "/api/organisations/" + org + "/members",
        "/api/organisations/" + org + "/members/export",
        "/api/organisations/" + org + "/members/template",
        "/api/elections/" + election + "/plan",
        "/api/elections/" + election + "/approvals?kind=PLAN",
        "/api/elections/" + election + "/attendance/expected",
        "/api/elections/" + election + "/attendance/voters",
        "/api/elections/" + election + "/attendance/exclusions",
        "/api/elections/" + election + "/nominees",
        "/api/elections/" + election + "/nominees/state");
  }

  /** Changes to an organisation's roster and election, through pages and the API. */
  private static List<AbstractMockHttpServletRequestBuilder<?>> changes(
      long org, long election, long member) {
    byte[] xlsx = BranchMembers.workbook("名册", List.of(BranchMembers.person("越权导入" + org, true)));
    return List.of(
        post("/organisations/{id}/roster/new", org)
            .param("name", "越权新增")
            .param("gender", "男")
            .param("ethnicity", "汉族")
            .param("birthDate", "1980-01-01")
            .param("residentId", "110101198001010011")
            .param("education", "大学本科")
            .param("joinDate", "2005-07-01")
            .param("membership", "正式党员")
            .param("status", "正常"),
        post("/organisations/{id}/roster/{m}/delete", org, member).param("version", "0"),
        multipart("/organisations/{id}/roster/import", org)
            .file(new MockMultipartFile("file", "r.xlsx", "application/octet-stream", xlsx)),
        multipart("/api/organisations/{id}/members/import", org)
            .file(new MockMultipartFile("file", "r.xlsx", "application/octet-stream", xlsx)),
        post("/elections/{id}/plan", election)
            .param("version", "0")
            .param("seats", "3")
            .param("electionDay", LocalDate.now().plusDays(50).toString()),
        post("/elections/{id}/plan/submit", election).param("version", "0"),
        post("/api/elections/{id}/plan/submit", election).param("version", "0"),
        post("/elections/{id}/attendance/exclusions", election)
            .param("memberId", Long.toString(member))
            .param("reason", "自费出国半年以上"),
        post("/elections/{id}/nomination/nominees", election)
            .param("memberId", Long.toString(member))
            .param("typedVotes", "3"));
  }

  private String snapshot(long org, long election) {
    return jdbc.queryForList(
                "SELECT id, name, version FROM party_member WHERE organisation_id = ? ORDER BY id",
                org)
            .toString()
        + jdbc.queryForList("SELECT status, version, seats FROM election WHERE id = ?", election)
        + jdbc.queryForObject(
            "SELECT COUNT(*) FROM nominee WHERE election_id = ?", Long.class, election)
        + jdbc.queryForObject(
            "SELECT COUNT(*) FROM exclusion WHERE election_id = ?", Long.class, election)
        + jdbc.queryForObject(
            "SELECT COUNT(*) FROM approval_request WHERE election_id = ?", Long.class, election);
  }

  @Test
  void theOtherBranchAnswers403AndItsChangesAreRefused() throws Exception {
    long started = System.nanoTime();
    RequestPostProcessor me = user(username).roles("USER");
    SoftAssertions soft = new SoftAssertions();

    for (String path : readable(own, ownElection, ownMember)) {
      int status = mvc.perform(get(path).with(me)).andReturn().getResponse().getStatus();
      soft.assertThat(status).as("本支部 GET %s", path).isEqualTo(200);
    }
    for (String path : readable(other, otherElection, otherMember)) {
      var response = mvc.perform(get(path).with(me)).andReturn().getResponse();
      soft.assertThat(response.getStatus()).as("另一支部 GET %s", path).isEqualTo(403);
      soft.assertThat(response.getContentAsString())
          .as("另一支部 GET %s 不泄露党员姓名", path)
          .doesNotContain(otherMemberName);
    }
    // the parent town is not the branch administrator's either
    soft.assertThat(
            mvc.perform(get("/organisations/{id}/roster", town).with(me))
                .andReturn()
                .getResponse()
                .getStatus())
        .as("上级镇党委名册")
        .isEqualTo(403);
    // another branch's member reached through the user's own organisation path: not found, nothing
    // shown
    var crossPath =
        mvc.perform(get("/organisations/{id}/roster/{m}/edit", own, otherMember).with(me))
            .andReturn()
            .getResponse();
    soft.assertThat(crossPath.getStatus()).as("经本支部路径编辑另一支部党员").isIn(403, 404);
    soft.assertThat(crossPath.getContentAsString()).doesNotContain(otherMemberName);

    String before = snapshot(other, otherElection);
    List<AbstractMockHttpServletRequestBuilder<?>> changes =
        changes(other, otherElection, otherMember);
    for (AbstractMockHttpServletRequestBuilder<?> change : changes) {
      var r = mvc.perform(change.with(me).with(csrf())).andReturn();
      soft.assertThat(r.getResponse().getStatus())
          .as("另一支部 %s %s", r.getRequest().getMethod(), r.getRequest().getRequestURI())
          .isEqualTo(403);
    }
    soft.assertThat(snapshot(other, otherElection)).as("另一支部的数据未变").isEqualTo(before);

    soft.assertAll();
    System.out.printf(
        "BranchIsolationBrowserTest（MockMvc）：%d 个地址，用时 %d 毫秒%n",
        2 * readable(own, ownElection, ownMember).size() + changes.size() + 2,
        (System.nanoTime() - started) / 1_000_000);
  }

  /**
   * The organisation list of the API should be the user's subtree, as on the dashboard. It returns
   * every organisation of the installation today ({@code ApiController.organisations()} returns
   * {@code OrganisationService.all()} unfiltered): names only, no members, but a leak of the other
   * branches' names. Enable when the endpoint filters by {@code
   * AccessService.visibleOrganisations}.
   */
  @Test
  void theApiListsOnlyTheUsersOwnOrganisations() throws Exception {
    String orgs =
        mvc.perform(get("/api/organisations").with(user(username).roles("USER")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(orgs).contains(ownName).doesNotContain(otherName).doesNotContain(townName);
  }

  @Test
  void noPageShowsALinkToTheOtherBranch() throws Exception {
    long started = System.nanoTime();
    ui = new Ui(Browser.start(), port);
    ui.login(username, PASSWORD);
    assertThat(ui.text("dashboard-title")).isEqualTo("工作台");
    List<String> forbidden =
        List.of(
            "/organisations/" + other + "/",
            "/organisations/" + town + "/",
            "/elections/" + otherElection + "/",
            "/elections/" + otherElection);

    // dashboard: own branch only, its deadlines link to its own election
    assertThat(ui.text("organisations")).contains(ownName).doesNotContain(otherName);
    assertNoLink(forbidden);
    assertThat(ui.links()).anyMatch(h -> h.endsWith("/organisations/" + own + "/roster"));
    assertThat(ui.driver.getPageSource()).doesNotContain(otherName).doesNotContain(otherTitle);
    ui.shot("isolation-01-dashboard");

    // election list
    ui.submit(By.id("nav-elections"));
    assertThat(ui.text("elections")).contains(ownTitle).doesNotContain(otherTitle);
    assertThat(ui.links()).anyMatch(h -> h.endsWith("/elections/" + ownElection));
    assertNoLink(forbidden);
    ui.shot("isolation-02-elections");

    // the new-election form offers only the own branch
    ui.submit(By.id("new-election"));
    assertThat(ui.text("organisationId")).contains(ownName).doesNotContain(otherName);

    // roster list and the own roster
    ui.submit(By.id("nav-roster"));
    assertThat(ui.text("roster-organisations")).contains(ownName).doesNotContain(otherName);
    assertNoLink(forbidden);
    ui.shot("isolation-03-roster-list");
    ui.submit(By.linkText(ownName));
    assertThat(ui.text("stat-total")).isEqualTo("8");
    assertThat(ui.text("members")).doesNotContain(otherMemberName);
    assertNoLink(forbidden);

    // the own election's pages link only to the own election
    for (String tab : List.of("", "/plan", "/attendance", "/nomination")) {
      ui.open("/elections/" + ownElection + tab);
      ui.noError();
      assertThat(ui.text("election-title")).isEqualTo(ownTitle);
      assertNoLink(forbidden);
      assertThat(ui.driver.getPageSource()).doesNotContain(otherMemberName);
    }

    // typing the other branch's address: the Chinese 403 page, nothing of the other branch
    ui.open("/elections/" + otherElection);
    assertThat(ui.driver.findElement(By.tagName("h1")).getText()).contains("没有权限访问此页面");
    assertThat(ui.driver.getPageSource()).doesNotContain(otherTitle);
    ui.shot("isolation-04-forbidden-election");
    ui.open("/organisations/" + other + "/roster");
    assertThat(ui.driver.findElement(By.tagName("h1")).getText()).contains("没有权限访问此页面");
    assertThat(ui.driver.getPageSource()).doesNotContain(otherMemberName);
    System.out.printf(
        "BranchIsolationBrowserTest（浏览器）：用时 %d 毫秒%n", (System.nanoTime() - started) / 1_000_000);
  }

  private void assertNoLink(List<String> forbidden) {
    for (String href : ui.links()) {
      for (String f : forbidden) {
        boolean hit = f.endsWith("/") ? href.contains(f) : href.endsWith(f);
        assertThat(hit).as("页面 %s 的链接 %s 指向另一组织 (%s)", ui.path(), href, f).isFalse();
      }
    }
  }
}
