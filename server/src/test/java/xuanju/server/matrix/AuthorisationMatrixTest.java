package xuanju.server.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import xuanju.server.access.Permission;
import xuanju.server.access.Role;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.security.UserRepository;
import xuanju.server.support.H2AppTest;

/**
 * The authorisation matrix (权限矩阵): every handler method of the application (from {@link
 * RequestMappingHandlerMapping}) × every role × inside/outside the user's organisation subtree.
 *
 * <ul>
 *   <li>Unauthenticated: 401 under {@code /api/**}, a redirect to {@code /login} for pages, except
 *       the public endpoints.
 *   <li>{@link #TABLE} lists for each endpoint what it needs ({@link Need}) and how to build a
 *       request for an organisation inside or outside the user's subtree. A role is allowed when it
 *       is the system administrator, or when the endpoint needs only a signed-in user, or when the
 *       request is inside the subtree and the role has the permission. Denied → exactly 403;
 *       allowed → anything but 401/403 (and no redirect to the login page).
 *   <li>An endpoint missing from the table fails {@link #everyEndpointIsInTheTable()}: new
 *       endpoints must be added here. Packages still being written when this test was written are
 *       listed in {@link #IN_PROGRESS}: their endpoints get the unauthenticated check and are
 *       printed, and must be moved into the table when they land.
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorisationMatrixTest extends H2AppTest {
  /** What an endpoint needs. */
  enum Need {
    /** Anybody, signed in or not. */
    PUBLIC,
    /** Any signed-in user (shows only what the user may see). */
    SIGNED_IN,
    /** System administrators only. */
    ADMIN,
    VIEW,
    MANAGE,
    APPROVE,
    COUNT,
    SCRUTINISE;

    Permission permission() {
      return Permission.valueOf(name());
    }
  }

  /**
   * Packages whose endpoints were still being written (h11 time): plan, attendance, nomination,
   * voting.
   */
  static final List<String> IN_PROGRESS =
      List.of(
          "xuanju.server.plan",
          "xuanju.server.attendance",
          "xuanju.server.nomination",
          "xuanju.server.voting");

  /** The ids a request is built from: one organisation, a member and an election of it. */
  record Target(long org, long member, long election) {}

  /** An endpoint's need and request builder. */
  record Row(
      Need need,
      BiFunction<AuthorisationMatrixTest, Target, AbstractMockHttpServletRequestBuilder<?>>
          request) {}

  static final Map<String, Row> TABLE = new LinkedHashMap<>();

  static void row(
      String key,
      Need need,
      BiFunction<AuthorisationMatrixTest, Target, AbstractMockHttpServletRequestBuilder<?>> r) {
    TABLE.put(key, new Row(need, r));
  }

  static {
    // public
    row("GET /login", Need.PUBLIC, (t, x) -> get("/login"));
    row("ANY /error", Need.PUBLIC, (t, x) -> get("/error"));
    row("GET /api/openapi.json", Need.PUBLIC, (t, x) -> get("/api/openapi.json"));
    // only the JSON description is public (SecurityConfig); its YAML twin needs a signed-in user
    row("GET /api/openapi.json.yaml", Need.SIGNED_IN, (t, x) -> get("/api/openapi.json.yaml"));
    // any signed-in user
    row("GET /", Need.SIGNED_IN, (t, x) -> get("/"));
    row("GET /account/password", Need.SIGNED_IN, (t, x) -> get("/account/password"));
    row("POST /account/password", Need.SIGNED_IN, (t, x) -> post("/account/password"));
    row("GET /api/me", Need.SIGNED_IN, (t, x) -> get("/api/me"));
    row("GET /api/system", Need.SIGNED_IN, (t, x) -> get("/api/system"));
    row("GET /api/organisations", Need.SIGNED_IN, (t, x) -> get("/api/organisations"));
    row("GET /roster", Need.SIGNED_IN, (t, x) -> get("/roster"));
    row("GET /rules", Need.SIGNED_IN, (t, x) -> get("/rules"));
    row("GET /api/rules", Need.SIGNED_IN, (t, x) -> get("/api/rules"));
    row("GET /elections", Need.SIGNED_IN, (t, x) -> get("/elections"));
    row(
        "GET /elections/new",
        Need.SIGNED_IN,
        (t, x) -> get("/elections/new").param("organisationId", "" + x.org()));
    // administrators
    row("GET /admin/audit", Need.ADMIN, (t, x) -> get("/admin/audit"));
    row("GET /admin/users", Need.ADMIN, (t, x) -> get("/admin/users"));
    row(
        "POST /admin/users",
        Need.ADMIN,
        (t, x) ->
            post("/admin/users")
                .param("username", "m" + System.nanoTime())
                .param("displayName", "矩阵"));
    row(
        "POST /admin/grants",
        Need.ADMIN,
        (t, x) ->
            post("/admin/grants")
                .param("username", "admin")
                .param("organisationId", "" + x.org())
                .param("role", "OBSERVER"));
    row(
        "POST /admin/organisations",
        Need.ADMIN,
        (t, x) ->
            post("/admin/organisations")
                .param("parentId", "" + x.org())
                .param("name", "矩阵新建")
                .param("kind", "BRANCH"));
    row("GET /admin/backup", Need.ADMIN, (t, x) -> get("/admin/backup"));
    row("GET /admin/backup/download", Need.ADMIN, (t, x) -> get("/admin/backup/download"));
    row(
        "POST /admin/backup/restore",
        Need.ADMIN,
        (t, x) ->
            multipart("/admin/backup/restore")
                .file(new MockMultipartFile("file", "x.zip", "application/zip", new byte[0])));
    // roster pages
    row(
        "GET /organisations/{id}/roster",
        Need.VIEW,
        (t, x) -> get("/organisations/{id}/roster", x.org()));
    row(
        "GET /organisations/{id}/roster/template.xlsx",
        Need.VIEW,
        (t, x) -> get("/organisations/{id}/roster/template.xlsx", x.org()));
    row(
        "GET /organisations/{id}/roster/export.xlsx",
        Need.MANAGE,
        (t, x) -> get("/organisations/{id}/roster/export.xlsx", x.org()));
    row(
        "GET /organisations/{id}/roster/import",
        Need.VIEW,
        (t, x) -> get("/organisations/{id}/roster/import", x.org()));
    row(
        "POST /organisations/{id}/roster/import",
        Need.MANAGE,
        (t, x) -> multipart("/organisations/{id}/roster/import", x.org()).file(junkXlsx()));
    row(
        "GET /organisations/{id}/roster/new",
        Need.MANAGE,
        (t, x) -> get("/organisations/{id}/roster/new", x.org()));
    row(
        "POST /organisations/{id}/roster/new",
        Need.MANAGE,
        (t, x) -> post("/organisations/{id}/roster/new", x.org()).param("name", "矩阵"));
    row(
        "GET /organisations/{id}/roster/{memberId}/edit",
        Need.MANAGE,
        (t, x) -> get("/organisations/{id}/roster/{m}/edit", x.org(), x.member()));
    row(
        "POST /organisations/{id}/roster/{memberId}/edit",
        Need.MANAGE,
        (t, x) ->
            post("/organisations/{id}/roster/{m}/edit", x.org(), x.member())
                .param("name", "")
                .param("version", "0"));
    row(
        "POST /organisations/{id}/roster/{memberId}/delete",
        Need.MANAGE,
        (t, x) ->
            post("/organisations/{id}/roster/{m}/delete", x.org(), t.member(x.org()))
                .param("version", "0"));
    // roster API
    row(
        "GET /api/organisations/{id}/members",
        Need.VIEW,
        (t, x) -> get("/api/organisations/{id}/members", x.org()));
    row(
        "POST /api/organisations/{id}/members/import",
        Need.MANAGE,
        (t, x) -> multipart("/api/organisations/{id}/members/import", x.org()).file(junkXlsx()));
    row(
        "GET /api/organisations/{id}/members/export",
        Need.MANAGE,
        (t, x) -> get("/api/organisations/{id}/members/export", x.org()));
    row(
        "GET /api/organisations/{id}/members/template",
        Need.VIEW,
        (t, x) -> get("/api/organisations/{id}/members/template", x.org()));
    // elections
    row(
        "POST /elections",
        Need.MANAGE,
        (t, x) ->
            post("/elections")
                .param("organisationId", "" + x.org())
                .param("title", "矩阵选举")
                .param("kind", "PARTY_BRANCH")
                .param("seats", "5")
                .param("electionDay", "2030-06-01")
                .param("hasCommittee", "true"));
    row("GET /elections/{id}", Need.VIEW, (t, x) -> get("/elections/{id}", x.election()));
  }

  private static MockMultipartFile junkXlsx() {
    return new MockMultipartFile(
        "file", "x.xlsx", "application/octet-stream", "not an xlsx".getBytes());
  }

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired OrganisationService organisations;
  @Autowired UserRepository users;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  private Target inside;
  private Target outside;
  private final Map<Role, String> userOf = new LinkedHashMap<>();

  @BeforeAll
  void fixtures() {
    String tag = Long.toString(System.nanoTime(), 36);
    long town = organisations.create("tester", null, "矩阵镇党委" + tag, "TOWN_COMMITTEE");
    long in = organisations.create("tester", town, "矩阵甲支部" + tag, "BRANCH");
    long out = organisations.create("tester", null, "矩阵乙镇党委" + tag, "TOWN_COMMITTEE");
    inside = new Target(in, member(in), election(in));
    outside = new Target(out, member(out), election(out));
    for (Role r : Role.values()) {
      String name = "matrix-" + r.name().toLowerCase() + "-" + tag;
      long id = users.insert(name, "矩阵" + r.labelZh(), "{noop}x", false, false, Instant.now());
      jdbc.update(
          "INSERT INTO role_grant (user_id, organisation_id, role, created_at) VALUES (?, ?, ?, ?)",
          id,
          in,
          r.name(),
          Timestamp.from(Instant.now()));
      userOf.put(r, name);
    }
  }

  long member(long org) {
    jdbc.update(
        "INSERT INTO party_member (organisation_id, name, gender, ethnicity, birth_date, resident_id,"
            + " education, join_date, membership, status, created_at, updated_at) VALUES"
            + " (?, '矩阵党员', 'MALE', '汉族', ?, ?, 'BACHELOR', ?, 'FULL', 'NORMAL', ?, ?)",
        org,
        Date.valueOf("1980-01-01"),
        String.format("M%017d", System.nanoTime() % 100_000_000_000_000_000L),
        Date.valueOf("2005-07-01"),
        Timestamp.from(Instant.now()),
        Timestamp.from(Instant.now()));
    return jdbc.queryForObject(
        "SELECT MAX(id) FROM party_member WHERE organisation_id = ?", Long.class, org);
  }

  private long election(long org) {
    jdbc.update(
        "INSERT INTO election (organisation_id, title, kind, profile_id, has_committee, seats,"
            + " election_day, status, created_by, created_at, updated_at) VALUES"
            + " (?, '矩阵选举', 'PARTY_BRANCH', 'PARTY_GRASSROOTS', TRUE, 5, ?, 'DRAFT', 'tester', ?, ?)",
        org,
        Date.valueOf("2030-06-01"),
        Timestamp.from(Instant.now()),
        Timestamp.from(Instant.now()));
    return jdbc.queryForObject(
        "SELECT MAX(id) FROM election WHERE organisation_id = ?", Long.class, org);
  }

  /** Every handler method as {@code METHOD /pattern}, with the package of its controller. */
  Map<String, String> endpoints() {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
      RequestMappingInfo info = e.getKey();
      var methods = info.getMethodsCondition().getMethods();
      List<String> verbs =
          methods.isEmpty() ? List.of("ANY") : methods.stream().map(Enum::name).sorted().toList();
      for (String pattern : info.getPatternValues()) {
        for (String verb : verbs) {
          out.put(verb + " " + pattern, e.getValue().getBeanType().getPackageName());
        }
      }
    }
    return out;
  }

  private boolean inProgress(String pkg) {
    return IN_PROGRESS.stream().anyMatch(p -> pkg.equals(p) || pkg.startsWith(p + "."));
  }

  @Test
  void everyEndpointIsInTheTable() {
    Map<String, String> all = endpoints();
    List<String> missing = new ArrayList<>();
    List<String> pending = new ArrayList<>();
    all.forEach(
        (key, pkg) -> {
          if (!TABLE.containsKey(key)) {
            (inProgress(pkg) ? pending : missing).add(key + "  (" + pkg + ")");
          }
        });
    System.out.println("权限矩阵：表中 " + TABLE.size() + " 个接口；尚在开发中的包的接口 " + pending.size() + " 个未列入：");
    pending.forEach(p -> System.out.println("  待补充 " + p));
    assertThat(missing).as("接口未列入权限矩阵 AuthorisationMatrixTest.TABLE，请补充").isEmpty();
    assertThat(new TreeSet<>(all.keySet())).as("表中有已不存在的接口").containsAll(TABLE.keySet());
  }

  @Test
  void unauthenticatedRequestsGet401ForTheApiAndTheLoginPageOtherwise() throws Exception {
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, String> e : endpoints().entrySet()) {
      String key = e.getKey();
      Row row = TABLE.get(key);
      if (row != null && row.need() == Need.PUBLIC) {
        MvcResult r = mvc.perform(row.request().apply(this, inside).with(csrf())).andReturn();
        if (r.getResponse().getStatus() == 401 || isLoginRedirect(r)) {
          wrong.add(key + " → " + r.getResponse().getStatus() + "（应公开）");
        }
        continue;
      }
      AbstractMockHttpServletRequestBuilder<?> req =
          row != null ? row.request().apply(this, inside) : generic(key);
      MvcResult r = mvc.perform(req.with(csrf())).andReturn();
      String path = key.substring(key.indexOf(' ') + 1);
      boolean ok =
          path.startsWith("/api/") ? r.getResponse().getStatus() == 401 : isLoginRedirect(r);
      if (!ok) {
        wrong.add(
            key + " → " + r.getResponse().getStatus() + " " + r.getResponse().getRedirectedUrl());
      }
    }
    // public endpoints outside the handler mapping: health, static files
    for (String open :
        List.of(
            "/actuator/health",
            "/css/app.css",
            "/js/app.js",
            "/webjars/bootstrap/css/bootstrap.min.css")) {
      int status = mvc.perform(get(open)).andReturn().getResponse().getStatus();
      if (status != 200) {
        wrong.add("GET " + open + " → " + status + "（应公开）");
      }
    }
    assertThat(wrong).as("未登录的请求应得到 401（接口）或跳转登录页（页面）").isEmpty();
  }

  @Test
  void everyRoleInsideAndOutsideGets403ExactlyWhereItMustBeDenied() throws Exception {
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    for (Map.Entry<String, Row> e : TABLE.entrySet()) {
      Row row = e.getValue();
      if (row.need() == Need.PUBLIC) {
        continue;
      }
      for (boolean in : new boolean[] {true, false}) {
        Target target = in ? inside : outside;
        // the system administrator
        checked++;
        check(
            wrong,
            e.getKey(),
            "ADMIN",
            in,
            true,
            row.request().apply(this, target).with(user("admin").roles("ADMIN", "USER")));
        for (Role role : Role.values()) {
          boolean allowed =
              switch (row.need()) {
                case SIGNED_IN -> true;
                case ADMIN -> false;
                default -> in && role.allows(row.need().permission());
              };
          checked++;
          check(
              wrong,
              e.getKey(),
              role.name(),
              in,
              allowed,
              row.request().apply(this, target).with(user(userOf.get(role)).roles("USER")));
        }
      }
    }
    System.out.println("权限矩阵：检查了 " + checked + " 个（接口 × 角色 × 组织内外）组合");
    assertThat(wrong).as("权限矩阵不符").isEmpty();
  }

  private void check(
      List<String> wrong,
      String key,
      String who,
      boolean in,
      boolean allowed,
      AbstractMockHttpServletRequestBuilder<?> req)
      throws Exception {
    MvcResult r = mvc.perform(req.with(csrf())).andReturn();
    int status = r.getResponse().getStatus();
    String where = key + " 以 " + who + "（" + (in ? "组织内" : "组织外") + "）";
    if (allowed && (status == 403 || status == 401 || isLoginRedirect(r))) {
      wrong.add(where + " 应允许，实际 " + status);
    }
    if (!allowed && status != 403) {
      wrong.add(where + " 应拒绝（403），实际 " + status);
    }
  }

  /** A request for an endpoint not in the table: path variables set to 1. */
  private static AbstractMockHttpServletRequestBuilder<?> generic(String key) {
    String verb = key.substring(0, key.indexOf(' '));
    String path = key.substring(key.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "1");
    return switch (verb) {
      case "POST" -> post(path);
      case "PUT" -> org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(path);
      case "DELETE" ->
          org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(path);
      case "PATCH" ->
          org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch(path);
      default -> get(path);
    };
  }

  private static boolean isLoginRedirect(MvcResult r) {
    String to = r.getResponse().getRedirectedUrl();
    return r.getResponse().getStatus() == 302 && to != null && to.endsWith("/login");
  }
}
