package xuanju.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import xuanju.server.support.H2AppTest;

/**
 * Requests Spring MVC cannot bind get Chinese 400 answers naming the parameter, never Spring's
 * English text ("JSON parse error", "For input string", "No enum constant xuanju.server…",
 * "Required parameter"): malformed JSON and body fields of the wrong type under {@code /api/},
 * non-numeric ids and unknown enum values on the API and on pages.
 */
class RequestErrorsWebTest extends H2AppTest {
  static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;

  private MockHttpServletResponse send(MockHttpServletRequestBuilder b) throws Exception {
    return mvc.perform(b.with(user(ADMIN).roles("ADMIN", "USER")).with(csrf()))
        .andReturn()
        .getResponse();
  }

  private static JsonNode json(MockHttpServletResponse r) throws Exception {
    return JSON.readTree(r.getContentAsString());
  }

  private static void noEnglish(MockHttpServletResponse r) throws Exception {
    assertThat(r.getContentAsString())
        .doesNotContain("JSON parse error")
        .doesNotContain("For input string")
        .doesNotContain("No enum constant")
        .doesNotContain("xuanju.server")
        .doesNotContain("Required")
        .doesNotContain("Exception")
        .doesNotContain("Bad Request");
  }

  private long anElection() {
    return jdbc.queryForObject("SELECT MIN(id) FROM election", Long.class);
  }

  @Test
  void malformedJsonGetsAChinese400() throws Exception {
    long id = anElection();
    for (String body : new String[] {"{not json", "{\"version\": 1,", "", "[1, 2"}) {
      MockHttpServletResponse r =
          send(
              post("/api/elections/{id}/results/decision", id)
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(body));
      assertThat(r.getStatus()).as(body).isEqualTo(400);
      JsonNode j = json(r);
      assertThat(j.get("error").asString()).isEqualTo("MALFORMED_JSON");
      assertThat(j.get("field").asString()).isEqualTo("body");
      assertThat(j.get("message").asString()).containsAnyOf("不是有效的JSON", "缺少请求内容");
      noEnglish(r);
    }
  }

  @Test
  void aBodyFieldOfTheWrongTypeIsNamed() throws Exception {
    long id = anElection();
    MockHttpServletResponse r =
        send(
            post("/api/elections/{id}/results/decision", id)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\": \"abc\", \"decision\": \"APPROVED\"}"));
    assertThat(r.getStatus()).isEqualTo(400);
    assertThat(json(r).get("field").asString()).isEqualTo("version");
    assertThat(json(r).get("message").asString()).isEqualTo("字段「version」的值无效，应为整数。");
    noEnglish(r);

    MockHttpServletResponse e =
        send(
            post("/api/elections/{id}/results/decision", id)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\": 1, \"decision\": \"MAYBE\"}"));
    assertThat(e.getStatus()).isEqualTo(400);
    assertThat(json(e).get("field").asString()).isEqualTo("decision");
    assertThat(json(e).get("message").asString()).contains("APPROVED", "RETURNED");
    noEnglish(e);

    MockHttpServletResponse nested =
        send(
            post("/api/elections/{id}/rounds/1/ballots", id)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"clientId\": \"x\", \"writeIns\": [{\"name\": [1]}]}"));
    assertThat(nested.getStatus()).isEqualTo(400);
    assertThat(json(nested).get("field").asString()).isEqualTo("writeIns[0].name");
    noEnglish(nested);
  }

  @Test
  void nonNumericIdsAndUnknownValuesOnTheApiNameTheParameter() throws Exception {
    MockHttpServletResponse id = send(get("/api/elections/abc/plan"));
    assertThat(id.getStatus()).isEqualTo(400);
    assertThat(json(id).get("field").asString()).isEqualTo("id");
    assertThat(json(id).get("message").asString()).isEqualTo("编号（id）的值「abc」无效，应为整数");
    noEnglish(id);

    long election = anElection();
    MockHttpServletResponse kind =
        send(get("/api/elections/{id}/approvals", election).param("kind", "NOPE"));
    assertThat(kind.getStatus()).isEqualTo(400);
    assertThat(json(kind).get("field").asString()).isEqualTo("kind");
    assertThat(json(kind).get("message").asString()).contains("「NOPE」无效", "PLAN");
    noEnglish(kind);

    MockHttpServletResponse decision =
        send(
            post("/api/elections/{id}/plan/decision", election)
                .param("version", "1")
                .param("decision", "MAYBE"));
    assertThat(decision.getStatus()).isEqualTo(400);
    assertThat(json(decision).get("field").asString()).isEqualTo("decision");
    noEnglish(decision);

    MockHttpServletResponse missing =
        send(post("/api/elections/{id}/plan/decision", election).param("decision", "APPROVED"));
    assertThat(missing.getStatus()).isEqualTo(400);
    assertThat(json(missing).get("field").asString()).isEqualTo("version");
    assertThat(json(missing).get("message").asString()).isEqualTo("缺少版本号（version）");
    noEnglish(missing);
  }

  @Test
  void nonNumericIdsAndUnknownValuesOnPagesGiveAChinesePageNamingTheParameter() throws Exception {
    MockHttpServletResponse id = send(get("/elections/abc"));
    assertThat(id.getStatus()).isEqualTo(400);
    assertThat(id.getContentAsString()).contains("请求有误", "编号的值「abc」无效，应为整数");
    noEnglish(id);

    MockHttpServletResponse round = send(get("/elections/{id}/voting/rounds/first", anElection()));
    assertThat(round.getStatus()).isEqualTo(400);
    assertThat(round.getContentAsString()).contains("轮次的值「first」无效，应为整数");
    noEnglish(round);

    // an enum value on a page: the allowed values by their Chinese names, no codes
    MockHttpServletResponse role =
        send(
            post("/admin/grants")
                .param("username", ADMIN)
                .param("organisationId", "1")
                .param("role", "KING"));
    assertThat(role.getStatus()).isEqualTo(400);
    assertThat(role.getContentAsString())
        .contains("角色的值「KING」无效，应为以下之一：")
        .contains(xuanju.server.access.Role.CLERK.labelZh())
        .doesNotContain("CLERK");
    noEnglish(role);

    MockHttpServletResponse date =
        send(
            post("/elections")
                .param("organisationId", "1")
                .param("title", "日期测试")
                .param("kind", "PARTY_BRANCH")
                .param("seats", "5")
                .param("electionDay", "明天"));
    assertThat(date.getStatus()).isEqualTo(400);
    assertThat(date.getContentAsString()).contains("选举日期的值「明天」无效，应为日期，格式如 2026-06-01");
    noEnglish(date);

    MockHttpServletResponse missing = send(post("/elections").param("title", "缺参数"));
    assertThat(missing.getStatus()).isEqualTo(400);
    assertThat(missing.getContentAsString()).contains("缺少");
    noEnglish(missing);
  }

  @Test
  void aValueTheDatabaseRefusesAsTooLongIsRecognised() {
    var tooLong =
        new DataIntegrityViolationException(
            "x", new SQLException("Value too long for column", "22001"));
    var nul =
        new DataIntegrityViolationException(
            "x", new SQLException("invalid byte sequence for encoding", "22021"));
    var unique =
        new DataIntegrityViolationException("x", new SQLException("duplicate key", "23505"));
    assertThat(RequestProblems.valueRefusedByDatabase(tooLong)).isTrue();
    assertThat(RequestProblems.valueRefusedByDatabase(nul)).isTrue();
    assertThat(RequestProblems.valueRefusedByDatabase(unique)).isFalse();
  }
}
