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
   * Packages whose endpoints are still being written. plan, attendance, nomination and voting were
   * moved into the table by h13; results was still being written then.
   */
  static final List<String> IN_PROGRESS = List.of();

  /** The ids a request is built from: one organisation, a member and an election of it. */
  record Target(long org, long member, long election) {}

  /** An endpoint's need and request builder. */
  record Row(
      Need need,
      BiFunction<AuthorisationMatrixTest, Target, AbstractMockHttpServletRequestBuilder<?>>
          request) {}

  static final Map<String, Row> TABLE = new LinkedHashMap<>();

  /** Allowed requests whose exception no handler answered (printed, not a permission failure). */
  static final java.util.Set<String> UNHANDLED = java.util.concurrent.ConcurrentHashMap.newKeySet();

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
    // the town desk shows only organisations the user approves for (none for most: an empty page)
    row("GET /desk", Need.SIGNED_IN, (t, x) -> get("/desk"));
    row("GET /desk/rollup.xlsx", Need.SIGNED_IN, (t, x) -> get("/desk/rollup.xlsx"));
    row(
        "GET /elections/new",
        Need.SIGNED_IN,
        (t, x) -> get("/elections/new").param("organisationId", "" + x.org()));
    // administrators
    row("GET /admin/audit", Need.ADMIN, (t, x) -> get("/admin/audit"));
    row("POST /admin/integrity-check", Need.ADMIN, (t, x) -> post("/admin/integrity-check"));
    row(
        "POST /admin/integrity-check/dismiss",
        Need.ADMIN,
        (t, x) -> post("/admin/integrity-check/dismiss"));
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
    // a user and a grant that do not exist: the matrix must not lock out or reset anyone
    row(
        "POST /admin/users/{username}/reset-password",
        Need.ADMIN,
        (t, x) -> post("/admin/users/{u}/reset-password", "matrix-nobody"));
    row(
        "POST /admin/users/{username}/enabled",
        Need.ADMIN,
        (t, x) -> post("/admin/users/{u}/enabled", "matrix-nobody").param("enabled", "false"));
    row(
        "POST /admin/grants/{grantId}/revoke",
        Need.ADMIN,
        (t, x) -> post("/admin/grants/{g}/revoke", 0));
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
    planRows();
    attendanceRows();
    nominationRows();
    votingRows();
    resultsRows();
    districtRows();
    registerRows();
    cardRows();
    communityRows();
    communityVotingRows();
    communityAfterRows();
    communityTermRows();
    delegatesRows();
  }

  /** 出席上级党代会代表选举 (issue 12): 名额与推荐提名, a unit's list, the downloads. */
  private static void delegatesRows() {
    String p = "/elections/{id}/delegates";
    row("GET " + p, Need.VIEW, (t, x) -> get(p, x.election()));
    row(
        "GET " + p + "/units/{unitId}",
        Need.VIEW,
        (t, x) -> get(p + "/units/999999999", x.election()));
    for (String doc :
        List.of(
            "/recommended.xlsx",
            "/recommended-registration.xlsx",
            "/statistics.xlsx",
            "/list-template.xlsx")) {
      row("GET " + p + doc, Need.VIEW, (t, x) -> get(p + doc, x.election()));
    }
    for (String tail :
        List.of(
            "/allocation",
            "/upper-nominees",
            "/units",
            "/units/{unitId}/list",
            "/units/{unitId}/participation",
            "/units/{unitId}/correct",
            "/upper-nominees/{nomineeId}/correct")) {
      String path = p + tail;
      row(
          "POST " + path,
          Need.MANAGE,
          (t, x) ->
              post(
                  path.replace("{unitId}", "999999999").replace("{nomineeId}", "999999999"),
                  x.election()));
    }
    row(
        "POST " + p + "/units/{unitId}/import",
        Need.MANAGE,
        (t, x) -> multipart(p + "/units/999999999/import", x.election()).file(junkXlsx()));
    delegateStageRows();
  }

  /** 考察与人选 (issue 12): the stages after 推荐提名, their changes and downloads. */
  private static void delegateStageRows() {
    String p = "/elections/{id}/delegates/stages";
    row("GET " + p, Need.VIEW, (t, x) -> get(p, x.election()));
    for (String doc :
        List.of(
            "/subjects.xlsx",
            "/preparatory.xlsx",
            "/preparatory-report.docx",
            "/preliminary-registration.xlsx",
            "/preparatory-registration.xlsx")) {
      row("GET " + p + doc, Need.VIEW, (t, x) -> get(p + doc, x.election()));
    }
    for (String tail :
        List.of(
            "/decide",
            "/step",
            "/withdraw",
            "/locks",
            "/publicity",
            "/opinion",
            "/complaints",
            "/complaints/{complaintId}/check",
            "/regulator",
            "/counts")) {
      String path = p + tail;
      row(
          "POST " + path,
          Need.MANAGE,
          (t, x) -> post(path.replace("{complaintId}", "999999999"), x.election()));
    }
    row(
        "GET /elections/{id}/delegates/summary.docx",
        Need.VIEW,
        (t, x) -> get("/elections/{id}/delegates/summary.docx", x.election()));
    delegateConferenceRows();
  }

  /** 代表会议选举 (issue 12): the conference, the counts, the ballot and the documents. */
  private static void delegateConferenceRows() {
    String p = "/elections/{id}/delegates/conference";
    row("GET " + p, Need.VIEW, (t, x) -> get(p, x.election()));
    row(
        "GET " + p + "/rounds/{roundNo}/ballot.pdf",
        Need.VIEW,
        (t, x) -> get(p + "/rounds/1/ballot.pdf", x.election()));
    for (String doc : List.of("/report.docx", "/delegates.xlsx", "/registration.xlsx")) {
      row("GET " + p + doc, Need.VIEW, (t, x) -> get(p + doc, x.election()));
    }
    row("POST " + p, Need.MANAGE, (t, x) -> post(p, x.election()));
    row(
        "POST " + p + "/notifications",
        Need.MANAGE,
        (t, x) -> post(p + "/notifications", x.election()));
    row(
        "POST " + p + "/rounds/{roundNo}/count",
        Need.MANAGE,
        (t, x) -> post(p + "/rounds/1/count", x.election()));
    row(
        "POST " + p + "/rounds/{roundNo}/reduce",
        Need.MANAGE,
        (t, x) -> post(p + "/rounds/1/reduce", x.election()));
  }

  /** 选区与选举委员会 (district): pages of the districts, seats, stations and committee. */
  private static void districtRows() {
    String p = "/elections/{id}/districts";
    row("GET " + p, Need.VIEW, (t, x) -> get(p, x.election()));
    row("GET " + p + "/{districtId}", Need.VIEW, (t, x) -> get(p + "/1", x.election()));
    row(
        "POST " + p,
        Need.MANAGE,
        (t, x) -> post(p, x.election()).param("number", "1").param("name", "矩阵选区"));
    for (String action :
        List.of(
            "committee",
            "committee/members",
            "variant",
            "seat-total",
            "apply-proposal",
            "one-per-unit")) {
      row("POST " + p + "/" + action, Need.MANAGE, (t, x) -> post(p + "/" + action, x.election()));
    }
    row(
        "POST " + p + "/committee/members/{memberId}/delete",
        Need.MANAGE,
        (t, x) -> post(p + "/committee/members/{m}/delete", x.election(), 999_999_999L));
    row(
        "GET " + p + "/{districtId}/nominations",
        Need.VIEW,
        (t, x) -> get(p + "/999999999/nominations", x.election()));
    row(
        "GET " + p + "/{districtId}/nominations/initial-list.pdf",
        Need.VIEW,
        (t, x) -> get(p + "/999999999/nominations/initial-list.pdf", x.election()));
    row(
        "GET " + p + "/{districtId}/nominations/formal-list.pdf",
        Need.VIEW,
        (t, x) -> get(p + "/999999999/nominations/formal-list.pdf", x.election()));
    for (String tail :
        List.of(
            "/{districtId}",
            "/{districtId}/nominations",
            "/{districtId}/nominations/{nominationId}/accept",
            "/{districtId}/nominations/formal-list",
            "/{districtId}/nominations/preselection",
            "/{districtId}/nominations/meetings",
            "/{districtId}/nominations/ratios",
            "/{districtId}/nominations/initial-list",
            "/{districtId}/group/members",
            "/{districtId}/group/members/{memberId}/delete",
            "/{districtId}/group/members/{memberId}/designate",
            "/{districtId}/group/establish",
            "/{districtId}/group/size",
            "/{districtId}/delete",
            "/{districtId}/stations",
            "/{districtId}/stations/{stationId}",
            "/{districtId}/stations/{stationId}/delete")) {
      String path = p + tail;
      row(
          "POST " + path,
          Need.MANAGE,
          (t, x) ->
              post(
                  path.replaceAll("\\{(districtId|stationId|nominationId|memberId)}", "999999999"),
                  x.election()));
    }
    row(
        "GET " + p + "/{districtId}/group",
        Need.VIEW,
        (t, x) -> get(p + "/999999999/group", x.election()));
    // 选举日 (issue 10): the district's polling page, the ballot, the town page and its board
    row(
        "GET " + p + "/{districtId}/polling",
        Need.VIEW,
        (t, x) -> get(p + "/999999999/polling", x.election()));
    row(
        "GET " + p + "/{districtId}/polling/ballot.pdf",
        Need.VIEW,
        (t, x) -> get(p + "/999999999/polling/ballot.pdf", x.election()));
    for (String action : List.of("custody", "staff", "open", "decide", "rerun")) {
      row(
          "POST " + p + "/{districtId}/polling/" + action,
          Need.MANAGE,
          (t, x) ->
              post(p + "/999999999/polling/" + action, x.election())
                  .param("stationId", "999999999")
                  .param("roundId", "999999999"));
    }
    for (String action : List.of("box", "sheet")) {
      row(
          "POST " + p + "/{districtId}/polling/" + action,
          Need.COUNT,
          (t, x) ->
              post(p + "/999999999/polling/" + action, x.election())
                  .param("stationId", "999999999")
                  .param("roundId", "999999999"));
    }
    String c = "/elections/{id}/congress";
    row("GET " + c, Need.VIEW, (t, x) -> get(c, x.election()));
    row("GET " + c + "/live", Need.VIEW, (t, x) -> get(c + "/live", x.election()));
    row("GET " + c + "/live/table", Need.VIEW, (t, x) -> get(c + "/live/table", x.election()));
    row(
        "POST " + c + "/county-districts",
        Need.MANAGE,
        (t, x) -> post(c + "/county-districts", x.election()));
    String cr = c + "/results";
    for (String tail :
        List.of("", "/announcement.pdf", "/certificates.pdf", "/statistics.xlsx", "/archive.zip")) {
      row("GET " + cr + tail, Need.VIEW, (t, x) -> get(cr + tail, x.election()));
    }
    row(
        "GET " + cr + "/report.{format}",
        Need.VIEW,
        (t, x) -> get(cr + "/report.docx", x.election()));
    row(
        "POST " + cr + "/steps",
        Need.MANAGE,
        (t, x) ->
            post(cr + "/steps", x.election()).param("level", "TOWN").param("step", "CONFIRMED"));
  }

  /** 选民登记 (register): the register page, the district lists and their documents. */
  private static void registerRows() {
    String p = "/elections/{id}/register";
    String d = p + "/districts/{districtId}";
    row("GET " + p, Need.VIEW, (t, x) -> get(p, x.election()));
    row("GET " + p + "/carry-over", Need.VIEW, (t, x) -> get(p + "/carry-over", x.election()));
    for (String tail : List.of("", "/list.pdf", "/list.xlsx", "/changes.pdf")) {
      row(
          "GET " + d + tail,
          Need.VIEW,
          (t, x) -> get(d.replace("{districtId}", "999999999") + tail, x.election()));
    }
    row("POST " + p + "/run", Need.MANAGE, (t, x) -> post(p + "/run", x.election()));
    row(
        "POST " + p + "/one",
        Need.MANAGE,
        (t, x) ->
            post(p + "/one", x.election())
                .param("residentId", "11010519491231002X")
                .param("districtId", "999999999")
                .param("basis", "HUKOU"));
    row(
        "POST " + p + "/objections",
        Need.MANAGE,
        (t, x) ->
            post(p + "/objections", x.election())
                .param("districtId", "999999999")
                .param("objector", "矩阵")
                .param("content", "矩阵"));
    row(
        "POST " + p + "/carry-over",
        Need.MANAGE,
        (t, x) -> post(p + "/carry-over", x.election()).param("previous", "999999999"));
    row(
        "POST " + p + "/objections/{objectionId}/decision",
        Need.MANAGE,
        (t, x) -> post(p + "/objections/999999999/decision", x.election()));
    for (String action : List.of("publish", "remove", "correct")) {
      row(
          "POST " + d + "/" + action,
          Need.MANAGE,
          (t, x) ->
              post(d.replace("{districtId}", "999999999") + "/" + action, x.election())
                  .param("voterNo", "1"));
    }
  }

  /** 社区“两委” (issue 11): the page 候选人与资格审查, its notice and its forms. */
  private static void communityRows() {
    String p = "/elections/{id}/community";
    row("GET " + p + "/candidates", Need.VIEW, (t, x) -> get(p + "/candidates", x.election()));
    row("GET " + p + "/method", Need.VIEW, (t, x) -> get(p + "/method", x.election()));
    row("GET " + p + "/method.{format}", Need.VIEW, (t, x) -> get(p + "/method.pdf", x.election()));
    row(
        "GET " + p + "/candidates/formal-list.pdf",
        Need.VIEW,
        (t, x) -> get(p + "/candidates/formal-list.pdf", x.election()));
    for (String tail :
        List.of(
            "/committee/members",
            "/committee/members/{memberId}/leave",
            "/applications",
            "/applications/{applicationId}/recommend",
            "/applications/{applicationId}/opinions",
            "/kinships",
            "/staff",
            "/staff/{staffId}/delete",
            "/formal-list",
            "/method/draft",
            "/method/adopt",
            "/method/post")) {
      String path = p + tail;
      row(
          "POST " + path,
          Need.MANAGE,
          (t, x) ->
              post(
                  path.replaceAll("\\{(memberId|applicationId|staffId)}", "999999999"),
                  x.election()));
    }
  }

  /** 社区“两委”换届 (issue 11): the list, the term page, its summary and its forms. */
  private static void communityTermRows() {
    String p = "/community-terms";
    row("GET " + p, Need.SIGNED_IN, (t, x) -> get(p));
    row(
        "POST " + p,
        Need.MANAGE,
        (t, x) ->
            post(p)
                .param("organisationId", "" + x.org())
                .param("name", "矩阵换届")
                .param("year", "2031"));
    row("GET " + p + "/{id}", Need.VIEW, (t, x) -> get(p + "/{id}", t.term(x.org())));
    row(
        "GET " + p + "/{id}/summary.{format}",
        Need.VIEW,
        (t, x) -> get(p + "/{id}/summary.pdf", t.term(x.org())));
    // /delete removes the matrix term when allowed; term(org) makes it again for the next request
    for (String tail :
        List.of(
            "/deadlines",
            "/link",
            "/elections",
            "/party-posts",
            "/summary",
            "/previous",
            "/unlink",
            "/delete")) {
      row(
          "POST " + p + "/{id}" + tail,
          Need.MANAGE,
          (t, x) -> post(p + "/{id}" + tail, t.term(x.org())).param("part", "PARTY"));
    }
  }

  /** 居民委员会选举日 (issue 11): the page, the ballot, and its forms. */
  private static void communityVotingRows() {
    String v = "/elections/{id}/community/voting";
    row("GET " + v, Need.VIEW, (t, x) -> get(v, x.election()));
    row("GET " + v + "/ballot.pdf", Need.VIEW, (t, x) -> get(v + "/ballot.pdf", x.election()));
    row(
        "GET /api/elections/{id}/community/votes",
        Need.VIEW,
        (t, x) -> get("/api/elections/{id}/community/votes", x.election()));
    row(
        "GET /api/elections/{id}/community/electors",
        Need.VIEW,
        (t, x) -> get("/api/elections/{id}/community/electors", x.election()));
    row(
        "POST /api/elections/{id}/community/check-ins",
        Need.COUNT,
        (t, x) ->
            post("/api/elections/{id}/community/check-ins", x.election())
                .contentType("application/json")
                .content("{\"residentId\": \"\"}"));
    row(
        "POST " + v + "/check-in",
        Need.COUNT,
        (t, x) -> post(v + "/check-in", x.election()).param("residentId", ""));
    row(
        "POST " + v + "/check-in/undo",
        Need.COUNT,
        (t, x) -> post(v + "/check-in/undo", x.election()).param("residentId", ""));
    row(
        "POST " + v + "/electors/remove",
        Need.MANAGE,
        (t, x) -> post(v + "/electors/remove", x.election()).param("registrationId", "999999999"));
    for (String action : List.of("open", "decide", "rerun", "proxies", "steps", "electors")) {
      row(
          "POST " + v + "/" + action,
          Need.MANAGE,
          (t, x) -> post(v + "/" + action, x.election()).param("voteId", "999999999"));
    }
    for (String action : List.of("box", "sheet")) {
      row(
          "POST " + v + "/" + action,
          Need.COUNT,
          (t, x) ->
              post(v + "/" + action, x.election())
                  .param("voteId", "999999999")
                  .param("stationId", "999999999"));
    }
  }

  /** 居民委员会选举结果、居务监督委员会、居民代表 (issue 11): pages, documents and forms. */
  private static void communityAfterRows() {
    String p = "/elections/{id}/community";
    for (String tail :
        List.of(
            "/results",
            "/results/announcement.pdf",
            "/results/certificates.pdf",
            "/results/report.docx",
            "/results/archive.zip",
            "/supervision",
            "/representatives",
            "/representatives/register.xlsx")) {
      row("GET " + p + tail, Need.VIEW, (t, x) -> get(p + tail, x.election()));
    }
    for (String tail :
        List.of(
            "/supervision/meeting",
            "/supervision/nominees",
            "/supervision/nominees/{nomineeId}/delete",
            "/supervision/nominees/{nomineeId}/chair",
            "/representatives/grids",
            "/representatives/nominees",
            "/representatives/nominees/{nomineeId}/delete",
            "/results/write-ins")) {
      String path = p + tail;
      row(
          "POST " + path,
          Need.MANAGE,
          (t, x) -> post(path.replace("{nomineeId}", "999999999"), x.election()));
    }
  }

  /** 选民证与委托投票 (cards, proxies) and the check-in look-up. */
  private static void cardRows() {
    String p = "/elections/{id}/cards";
    row("GET " + p, Need.VIEW, (t, x) -> get(p, x.election()));
    row(
        "GET /elections/{id}/checkin-lookup",
        Need.VIEW,
        (t, x) -> get("/elections/{id}/checkin-lookup", x.election()));
    row(
        "GET /api/elections/{id}/voters/lookup",
        Need.VIEW,
        (t, x) -> get("/api/elections/{id}/voters/lookup", x.election()).param("q", "张"));
    row(
        "GET " + p + "/voter-cards.pdf",
        Need.VIEW,
        (t, x) -> get(p + "/voter-cards.pdf", x.election()));
    row(
        "GET " + p + "/register-book.pdf",
        Need.VIEW,
        (t, x) -> get(p + "/register-book.pdf", x.election()).param("stationId", "999999999"));
    row(
        "GET " + p + "/proxies/{proxyId}/letter.pdf",
        Need.VIEW,
        (t, x) -> get(p + "/proxies/999999999/letter.pdf", x.election()));
    row(
        "POST " + p + "/assign-group",
        Need.MANAGE,
        (t, x) ->
            post(p + "/assign-group", x.election())
                .param("districtId", "999999999")
                .param("unit", "矩阵村")
                .param("stationId", "999999999"));
    row(
        "POST " + p + "/assign-one",
        Need.MANAGE,
        (t, x) ->
            post(p + "/assign-one", x.election())
                .param("districtId", "999999999")
                .param("voterNo", "1"));
    row(
        "POST " + p + "/proxies",
        Need.MANAGE,
        (t, x) ->
            post(p + "/proxies", x.election())
                .param("principalId", "11010519491231002X")
                .param("holderId", "11010519491231002X")
                .param("reason", "矩阵"));
    for (String action : List.of("consent", "withdraw")) {
      row(
          "POST " + p + "/proxies/{proxyId}/" + action,
          Need.MANAGE,
          (t, x) -> post(p + "/proxies/999999999/" + action, x.election()).param("version", "0"));
    }
  }

  /** 结果与归档 (results): pages, documents and API. */
  private static void resultsRows() {
    row(
        "GET /elections/{id}/results",
        Need.VIEW,
        (t, x) -> get("/elections/{id}/results", x.election()));
    row(
        "POST /elections/{id}/results/submit",
        Need.MANAGE,
        (t, x) -> post("/elections/{id}/results/submit", x.election()).param("version", "99"));
    row(
        "POST /elections/{id}/results/decision",
        Need.APPROVE,
        (t, x) ->
            post("/elections/{id}/results/decision", x.election())
                .param("version", "99")
                .param("decision", "APPROVED"));
    row(
        "POST /elections/{id}/results/archive",
        Need.MANAGE,
        (t, x) -> post("/elections/{id}/results/archive", x.election()).param("version", "99"));
    row(
        "GET /elections/{id}/results/report.{format}",
        Need.VIEW,
        (t, x) -> get("/elections/{id}/results/report.docx", x.election()));
    row(
        "GET /elections/{id}/results/rounds/{r}/tally-report.{format}",
        Need.VIEW,
        (t, x) -> get("/elections/{id}/results/rounds/1/tally-report.pdf", x.election()));
    row(
        "GET /elections/{id}/results/announcement.{format}",
        Need.VIEW,
        (t, x) -> get("/elections/{id}/results/announcement.docx", x.election()));
    row(
        "GET /elections/{id}/results/reply.{format}",
        Need.VIEW,
        (t, x) -> get("/elections/{id}/results/reply.docx", x.election()));
    row(
        "GET /elections/{id}/results/statistics.xlsx",
        Need.VIEW,
        (t, x) -> get("/elections/{id}/results/statistics.xlsx", x.election()));
    row(
        "GET /elections/{id}/results/archive.zip",
        Need.VIEW,
        (t, x) -> get("/elections/{id}/results/archive.zip", x.election()));
    row(
        "GET /api/elections/{id}/results",
        Need.VIEW,
        (t, x) -> get("/api/elections/{id}/results", x.election()));
    row(
        "POST /api/elections/{id}/results/submit",
        Need.MANAGE,
        (t, x) ->
            post("/api/elections/{id}/results/submit", x.election())
                .contentType("application/json")
                .content("{\"version\": 99}"));
    row(
        "POST /api/elections/{id}/results/decision",
        Need.APPROVE,
        (t, x) ->
            post("/api/elections/{id}/results/decision", x.election())
                .contentType("application/json")
                .content("{\"version\": 99, \"decision\": \"APPROVED\", \"comment\": \"\"}"));
    row(
        "POST /api/elections/{id}/results/archive",
        Need.MANAGE,
        (t, x) ->
            post("/api/elections/{id}/results/archive", x.election())
                .contentType("application/json")
                .content("{\"version\": 99}"));
  }

  /** 方案与请示 (plan): pages and API. */
  private static void planRows() {
    row("GET /elections/{id}/plan", Need.VIEW, (t, x) -> get("/elections/{id}/plan", x.election()));
    row(
        "POST /elections/{id}/plan",
        Need.MANAGE,
        (t, x) ->
            post("/elections/{id}/plan", x.election())
                .param("version", "0")
                .param("seats", "5")
                .param("electionDay", "2030-06-01"));
    row(
        "POST /elections/{id}/plan/submit",
        Need.MANAGE,
        (t, x) -> post("/elections/{id}/plan/submit", x.election()).param("version", "99"));
    row(
        "POST /elections/{id}/plan/decision",
        Need.APPROVE,
        (t, x) ->
            post("/elections/{id}/plan/decision", x.election())
                .param("version", "99")
                .param("decision", "APPROVED"));
    row(
        "GET /elections/{id}/plan/request.{format}",
        Need.VIEW,
        (t, x) -> get("/elections/{id}/plan/request.docx", x.election()));
    row(
        "GET /elections/{id}/plan/reply.{format}",
        Need.VIEW,
        (t, x) -> get("/elections/{id}/plan/reply.docx", x.election()));
    row(
        "GET /api/elections/{id}/plan",
        Need.VIEW,
        (t, x) -> get("/api/elections/{id}/plan", x.election()));
    row(
        "POST /api/elections/{id}/plan/submit",
        Need.MANAGE,
        (t, x) -> post("/api/elections/{id}/plan/submit", x.election()).param("version", "99"));
    row(
        "POST /api/elections/{id}/plan/decision",
        Need.APPROVE,
        (t, x) ->
            post("/api/elections/{id}/plan/decision", x.election())
                .param("version", "99")
                .param("decision", "APPROVED"));
    row(
        "GET /api/elections/{id}/approvals",
        Need.VIEW,
        (t, x) -> get("/api/elections/{id}/approvals", x.election()).param("kind", "PLAN"));
  }

  /** 应到会人数 (attendance): pages and API. */
  private static void attendanceRows() {
    String p = "/elections/{id}/attendance";
    row("GET " + p, Need.VIEW, (t, x) -> get(p, x.election()));
    row(
        "POST " + p + "/exclusions",
        Need.MANAGE,
        (t, x) ->
            post(p + "/exclusions", x.election())
                .param("memberId", "" + x.member())
                .param("reason", "矩阵"));
    row(
        "POST " + p + "/exclusions/{exclusionId}/delete",
        Need.MANAGE,
        (t, x) -> post(p + "/exclusions/{e}/delete", x.election(), 999_999_999L));
    row(
        "POST " + p + "/submit",
        Need.MANAGE,
        (t, x) -> post(p + "/submit", x.election()).param("version", "99"));
    row(
        "POST " + p + "/decision",
        Need.APPROVE,
        (t, x) ->
            post(p + "/decision", x.election())
                .param("version", "99")
                .param("decision", "APPROVED"));
    row(
        "POST " + p + "/publish",
        Need.MANAGE,
        (t, x) -> post(p + "/publish", x.election()).param("version", "99"));
    row(
        "POST " + p + "/adopt",
        Need.MANAGE,
        (t, x) ->
            post(p + "/adopt", x.election())
                .param("version", "99")
                .param("present", "1")
                .param("yes", "1"));
    row(
        "GET " + p + "/publicity.{format}",
        Need.VIEW,
        (t, x) -> get(p + "/publicity.docx", x.election()));
    for (String api : List.of("expected", "voters", "exclusions")) {
      row(
          "GET /api" + p + "/" + api,
          Need.VIEW,
          (t, x) -> get("/api" + p + "/" + api, x.election()));
    }
  }

  /** 候选人推荐 (nomination): pages and API. */
  private static void nominationRows() {
    String p = "/elections/{id}/nomination";
    row("GET " + p, Need.VIEW, (t, x) -> get(p, x.election()));
    row("GET " + p + "/quota", Need.VIEW, (t, x) -> get(p + "/quota", x.election()));
    row(
        "POST " + p + "/settings",
        Need.MANAGE,
        (t, x) ->
            post(p + "/settings", x.election())
                .param("meetingRule", "NONE")
                .param("publicityDays", "5")
                .param("publicityUnit", "CALENDAR_DAYS"));
    row(
        "POST " + p + "/meeting",
        Need.MANAGE,
        (t, x) -> post(p + "/meeting", x.election()).param("expected", "5").param("present", "5"));
    row(
        "POST " + p + "/nominees",
        Need.MANAGE,
        (t, x) -> post(p + "/nominees", x.election()).param("memberId", "" + x.member()));
    row(
        "POST " + p + "/nominees/{nid}",
        Need.MANAGE,
        (t, x) -> post(p + "/nominees/{n}", x.election(), 999_999_999L));
    for (String action :
        List.of(
            "/nominees/{nid}/delete",
            "/nominees/{nid}/disqualify",
            "/disqualifications/{did}/delete",
            "/relations/{rid}/delete",
            "/reports/{rid}")) {
      row(
          "POST " + p + action,
          Need.MANAGE,
          (t, x) ->
              post(p + action.replaceAll("\\{[a-z]+}", "999999999"), x.election())
                  .param("reason", "矩阵"));
    }
    for (String action :
        List.of(
            "/ballots",
            "/preliminary",
            "/reopen",
            "/reports",
            "/publicity/close",
            "/pre-candidates")) {
      row("POST " + p + action, Need.MANAGE, (t, x) -> post(p + action, x.election()));
    }
    row(
        "POST " + p + "/relations",
        Need.MANAGE,
        (t, x) ->
            post(p + "/relations", x.election())
                .param("memberA", "" + x.member())
                .param("memberB", "" + x.member())
                .param("kind", "SPOUSE"));
    row(
        "POST " + p + "/return",
        Need.APPROVE,
        (t, x) -> post(p + "/return", x.election()).param("comment", "矩阵"));
    row(
        "POST " + p + "/approve",
        Need.APPROVE,
        (t, x) -> post(p + "/approve", x.election()).param("version", "99"));
    row(
        "GET " + p + "/documents/{doc}.{ext}",
        Need.VIEW,
        (t, x) -> get(p + "/documents/formal-list.docx", x.election()));
    row(
        "GET " + p + "/nominees/{nid}/registration.{ext}",
        Need.VIEW,
        (t, x) -> get(p + "/nominees/{n}/registration.docx", x.election(), 999_999_999L));
    row(
        "GET " + p + "/statistics.xlsx",
        Need.VIEW,
        (t, x) -> get(p + "/statistics.xlsx", x.election()));
    String a = "/api/elections/{id}/nominees";
    for (String read : List.of("", "/state", "/formal")) {
      row("GET " + a + read, Need.VIEW, (t, x) -> get(a + read, x.election()));
    }
    row(
        "POST " + a,
        Need.MANAGE,
        (t, x) ->
            json(
                post(a, x.election()),
                "{\"memberId\":" + x.member() + ",\"typedVotes\":0,\"upperRecommended\":false}"));
    row(
        "POST " + a + "/ballots",
        Need.MANAGE,
        (t, x) -> json(post(a + "/ballots", x.election()), "{\"memberIds\":[]}"));
    row(
        "POST " + a + "/preliminary",
        Need.MANAGE,
        (t, x) -> json(post(a + "/preliminary", x.election()), "{\"nomineeIds\":[]}"));
    row(
        "POST " + a + "/publicity/close",
        Need.MANAGE,
        (t, x) -> post(a + "/publicity/close", x.election()));
    row(
        "POST " + a + "/pre-candidates",
        Need.MANAGE,
        (t, x) -> json(post(a + "/pre-candidates", x.election()), "{\"nomineeIds\":[]}"));
    row(
        "POST " + a + "/approve",
        Need.APPROVE,
        (t, x) -> json(post(a + "/approve", x.election()), "{\"electionVersion\":99}"));
  }

  /** 选举大会 (voting): pages and the entry API. */
  private static void votingRows() {
    String p = "/elections/{id}/voting";
    row("GET " + p, Need.VIEW, (t, x) -> get(p, x.election()));
    row(
        "POST " + p + "/stations",
        Need.MANAGE,
        (t, x) -> post(p + "/stations", x.election()).param("name", "矩阵站"));
    row(
        "POST " + p + "/boxes",
        Need.MANAGE,
        (t, x) ->
            post(p + "/boxes", x.election()).param("stationId", "999999999").param("name", "矩阵箱"));
    row(
        "POST " + p + "/boxes/{box}/seal",
        Need.COUNT,
        (t, x) ->
            post(p + "/boxes/999999999/seal", x.election())
                .param("sealNumber", "1")
                .param("version", "0"));
    row(
        "POST " + p + "/boxes/{box}/open",
        Need.COUNT,
        (t, x) -> post(p + "/boxes/999999999/open", x.election()).param("version", "0"));
    row(
        "POST " + p + "/candidates",
        Need.MANAGE,
        (t, x) -> post(p + "/candidates", x.election()).param("names", "矩阵"));
    row(
        "POST " + p + "/candidates/nomination",
        Need.MANAGE,
        (t, x) -> post(p + "/candidates/nomination", x.election()));
    row(
        "POST " + p + "/begin",
        Need.MANAGE,
        (t, x) -> post(p + "/begin", x.election()).param("stage", "1").param("version", "99"));
    row(
        "POST " + p + "/election-day",
        Need.MANAGE,
        (t, x) ->
            post(p + "/election-day", x.election())
                .param("version", "99")
                .param("electionDay", "2099-01-01")
                .param("reason", "矩阵"));
    row(
        "POST " + p + "/second-stage",
        Need.MANAGE,
        (t, x) -> post(p + "/second-stage", x.election()).param("secretary", "矩阵"));
    row(
        "POST " + p + "/portfolios",
        Need.MANAGE,
        (t, x) ->
            post(p + "/portfolios", x.election()).param("name", "矩阵").param("portfolio", "组织"));
    row("GET " + p + "/checkin", Need.VIEW, (t, x) -> get(p + "/checkin", x.election()));
    row(
        "GET " + p + "/checkin/sheet.pdf",
        Need.VIEW,
        (t, x) -> get(p + "/checkin/sheet.pdf", x.election()));
    row(
        "GET " + p + "/checkin/search",
        Need.VIEW,
        (t, x) -> get(p + "/checkin/search", x.election()).param("q", "矩阵"));
    row(
        "POST " + p + "/checkin",
        Need.COUNT,
        (t, x) -> post(p + "/checkin", x.election()).param("key", "m" + x.member()));
    String r = p + "/rounds/{r}";
    row("GET " + r, Need.VIEW, (t, x) -> get(r, x.election(), 1));
    row("GET " + r + "/ballot.pdf", Need.VIEW, (t, x) -> get(r + "/ballot.pdf", x.election(), 1));
    row(
        "POST " + r + "/counts",
        Need.COUNT,
        (t, x) ->
            post(r + "/counts", x.election(), 1)
                .param("boxId", "999999999")
                .param("issued", "1")
                .param("returned", "1"));
    row(
        "POST " + r + "/aggregate",
        Need.COUNT,
        (t, x) ->
            post(r + "/aggregate", x.election(), 1)
                .param("boxId", "999999999")
                .param("valid", "1")
                .param("invalid", "0"));
    // the keyboard entry page is shown to viewers; saving a ballot (the API below) needs COUNT
    row("GET " + r + "/entry", Need.VIEW, (t, x) -> get(r + "/entry", x.election(), 1));
    row(
        "POST " + r + "/stacks/{s}/finish",
        Need.COUNT,
        (t, x) -> post(r + "/stacks/{s}/finish", x.election(), 1, 999_999_999L).param("side", "A"));
    row(
        "POST " + r + "/stacks/{s}/release",
        Need.COUNT,
        (t, x) ->
            post(r + "/stacks/{s}/release", x.election(), 1, 999_999_999L)
                .param("side", "A")
                .param("reason", "换人"));
    row(
        "GET " + r + "/stacks/{s}",
        Need.VIEW,
        (t, x) -> get(r + "/stacks/{s}", x.election(), 1, 999_999_999L));
    row(
        "POST " + r + "/stacks/{s}/rulings",
        Need.SCRUTINISE,
        (t, x) ->
            post(r + "/stacks/{s}/rulings", x.election(), 1, 999_999_999L).param("position", "1"));
    row(
        "POST " + r + "/stacks/{s}/settle",
        Need.SCRUTINISE,
        (t, x) ->
            post(r + "/stacks/{s}/settle", x.election(), 1, 999_999_999L).param("version", "0"));
    row(
        "POST " + r + "/decide",
        Need.MANAGE,
        (t, x) -> post(r + "/decide", x.election(), 1).param("version", "0"));
    row(
        "POST " + r + "/next",
        Need.MANAGE,
        (t, x) -> post(r + "/next", x.election(), 1).param("outcome", "0"));
    row(
        "POST " + r + "/reduce",
        Need.MANAGE,
        (t, x) -> post(r + "/reduce", x.election(), 1).param("agreed", "1").param("electors", "1"));
    row("GET " + r + "/live", Need.VIEW, (t, x) -> get(r + "/live", x.election(), 1));
    row("GET " + r + "/live/panel", Need.VIEW, (t, x) -> get(r + "/live/panel", x.election(), 1));
    String a = "/api/elections/{id}";
    row(
        "POST " + a + "/rounds/{r}/ballots",
        Need.COUNT,
        (t, x) ->
            json(
                post(a + "/rounds/{r}/ballots", x.election(), 1),
                "{\"clientId\":\"" + java.util.UUID.randomUUID() + "\",\"marks\":\"1\"}"));
    row(
        "POST " + a + "/rounds/{r}/stacks/{s}/entries/{side}/finish",
        Need.COUNT,
        (t, x) ->
            post(a + "/rounds/{r}/stacks/{s}/entries/A/finish", x.election(), 1, 999_999_999L));
    row(
        "GET " + a + "/rounds/{r}/stacks/{s}/differences",
        Need.VIEW,
        (t, x) -> get(a + "/rounds/{r}/stacks/{s}/differences", x.election(), 1, 999_999_999L));
    row(
        "GET " + a + "/rounds/{r}/tally",
        Need.VIEW,
        (t, x) -> get(a + "/rounds/{r}/tally", x.election(), 1));
    row(
        "GET " + a + "/voting/quorum",
        Need.VIEW,
        (t, x) -> get(a + "/voting/quorum", x.election()));
  }

  private static AbstractMockHttpServletRequestBuilder<?> json(
      AbstractMockHttpServletRequestBuilder<?> b, String body) {
    return b.contentType(org.springframework.http.MediaType.APPLICATION_JSON).content(body);
  }

  // person register (居民名册, issue 9): the organisation of a person is the one that keeps them
  static {
    row("GET /people", Need.VIEW, (t, x) -> get("/people").param("org", "" + x.org()));
    row("GET /people/template.xlsx", Need.SIGNED_IN, (t, x) -> get("/people/template.xlsx"));
    row(
        "GET /people/import",
        Need.VIEW,
        (t, x) -> get("/people/import").param("org", "" + x.org()));
    row(
        "POST /people/import",
        Need.MANAGE,
        (t, x) -> multipart("/people/import").file(junkXlsx()).param("org", "" + x.org()));
    row("GET /people/new", Need.MANAGE, (t, x) -> get("/people/new").param("org", "" + x.org()));
    row(
        "POST /people/new",
        Need.MANAGE,
        (t, x) -> post("/people/new").param("org", "" + x.org()).param("name", ""));
    row("GET /people/{id}", Need.VIEW, (t, x) -> get("/people/{id}", t.person(x.org())));
    row(
        "GET /people/{id}/edit",
        Need.MANAGE,
        (t, x) -> get("/people/{id}/edit", t.person(x.org())));
    row(
        "POST /people/{id}/edit",
        Need.MANAGE,
        (t, x) -> post("/people/{id}/edit", t.person(x.org())).param("name", ""));
    row(
        "POST /people/{id}/death",
        Need.MANAGE,
        (t, x) ->
            post("/people/{id}/death", t.person(x.org()))
                .param("version", "0")
                .param("diedOn", "2025-01-01"));
    row(
        "GET /people/{id}/status/new",
        Need.MANAGE,
        (t, x) -> get("/people/{id}/status/new", t.person(x.org())));
    row(
        "POST /people/{id}/status/new",
        Need.MANAGE,
        (t, x) -> post("/people/{id}/status/new", t.person(x.org())).param("kind", "DEPRIVED"));
    row(
        "GET /people/{id}/status/{statusId}/edit",
        Need.MANAGE,
        (t, x) -> {
          long p = t.person(x.org());
          return get("/people/{id}/status/{s}/edit", p, t.legalStatus(p));
        });
    row(
        "POST /people/{id}/status/{statusId}/edit",
        Need.MANAGE,
        (t, x) -> {
          long p = t.person(x.org());
          return post("/people/{id}/status/{s}/edit", p, t.legalStatus(p))
              .param("kind", "DEPRIVED");
        });
    row(
        "POST /people/{id}/status/{statusId}/delete",
        Need.MANAGE,
        (t, x) -> {
          long p = t.person(x.org());
          return post("/people/{id}/status/{s}/delete", p, t.legalStatus(p));
        });
    row("GET /api/people", Need.VIEW, (t, x) -> get("/api/people").param("org", "" + x.org()));
    row(
        "POST /api/people/import",
        Need.MANAGE,
        (t, x) -> multipart("/api/people/import").file(junkXlsx()).param("org", "" + x.org()));
  }

  private static final java.util.concurrent.atomic.AtomicInteger PERSON_SERIAL =
      new java.util.concurrent.atomic.AtomicInteger();

  /** A person of the organisation with a valid, unused ID number. */
  long person(long org) {
    int n = PERSON_SERIAL.incrementAndGet();
    java.time.LocalDate birth = java.time.LocalDate.of(1931, 1, 1).plusDays(n);
    String first17 =
        "110101"
            + birth.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
            + "99"
            + (n % 10);
    String id = first17 + xuanju.core.roster.ResidentIds.checkCharacter(first17);
    jdbc.update(
        "INSERT INTO person (organisation_id, name, resident_id, gender, birth_date, created_at,"
            + " updated_at) VALUES (?, '矩阵居民', ?, 'MALE', ?, ?, ?)",
        org,
        id,
        Date.valueOf(birth),
        Timestamp.from(Instant.now()),
        Timestamp.from(Instant.now()));
    return jdbc.queryForObject("SELECT id FROM person WHERE resident_id = ?", Long.class, id);
  }

  /** A legal-status record of the person. */
  long legalStatus(long person) {
    jdbc.update(
        "INSERT INTO person_legal_status (person_id, kind, basis, first_day, recorded_by,"
            + " recorded_at) VALUES (?, 'DEPRIVED', '矩阵判决', ?, 'tester', ?)",
        person,
        Date.valueOf("2020-01-01"),
        Timestamp.from(Instant.now()));
    return jdbc.queryForObject(
        "SELECT MAX(id) FROM person_legal_status WHERE person_id = ?", Long.class, person);
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

  /** A community's 换届 of the organisation (one per organisation, made on first use). */
  long term(long org) {
    List<Long> ids =
        jdbc.queryForList(
            "SELECT id FROM community_term WHERE organisation_id = ? AND name = '矩阵换届'",
            Long.class,
            org);
    if (!ids.isEmpty()) {
      return ids.get(0);
    }
    jdbc.update(
        "INSERT INTO community_term (organisation_id, name, term_year, party_deadline,"
            + " residents_deadline, representatives_deadline, supervision_deadline, created_by,"
            + " created_at) VALUES (?, '矩阵换届', 2031, ?, ?, ?, ?, 'tester', ?)",
        org,
        Date.valueOf("2031-01-15"),
        Date.valueOf("2031-01-31"),
        Date.valueOf("2031-01-31"),
        Date.valueOf("2031-03-31"),
        Timestamp.from(Instant.now()));
    return jdbc.queryForObject(
        "SELECT MIN(id) FROM community_term WHERE organisation_id = ? AND name = '矩阵换届'",
        Long.class,
        org);
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
    // (API requests are sent without a CSRF token: 401 for every method, h13 item 6)
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
      String path = key.substring(key.indexOf(' ') + 1);
      // API calls without a CSRF token: a caller without a session gets 401 whatever the method,
      // not the CSRF filter's 403 (SecurityConfig.accessDenied); pages send the token as forms do
      MvcResult r = mvc.perform(path.startsWith("/api/") ? req : req.with(csrf())).andReturn();
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
    new TreeSet<>(UNHANDLED).forEach(u -> System.out.println("  允许但未处理的异常（500）：" + u));
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
    String where = key + " 以 " + who + "（" + (in ? "组织内" : "组织外") + "）";
    MvcResult r;
    try {
      r = mvc.perform(req.with(csrf())).andReturn();
    } catch (Exception e) {
      // an exception no handler turned into an answer (a real server shows the error page, 500)
      Throwable root = e;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      UNHANDLED.add(key + "：" + root.getClass().getSimpleName() + " " + root.getMessage());
      if (!allowed) {
        wrong.add(where + " 应拒绝（403），实际未处理的异常 " + root);
      }
      return;
    }
    int status = r.getResponse().getStatus();
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
