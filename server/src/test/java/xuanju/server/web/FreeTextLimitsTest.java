package xuanju.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import xuanju.server.support.H2AppTest;

/**
 * Free text (自由文本) at every POST endpoint: every {@code String} request parameter and JSON body
 * field carries a {@link FreeText} limit, and a value one character over the limit, or with a NUL
 * character, is refused before anything happens — 400 JSON naming the field under {@code /api/},
 * the form shown again with the Chinese message and the input kept on pages — never a 500, and no
 * row of any table changes. The endpoints and fields are found from the handler mapping, so a new
 * endpoint is covered (and must declare its limits) without editing this test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FreeTextLimitsTest extends H2AppTest {
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final String REFERER = "http://localhost/elections/1/voting?tab=1";

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;
  @Autowired xuanju.server.organisation.OrganisationService organisations;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  /** One free-text input: where it is sent and its declared limit. */
  record Input(String endpoint, HandlerMethod handler, String field, FreeText spec, boolean body) {
    @Override
    public String toString() {
      return endpoint + " " + field + "（" + spec.label() + "，" + spec.max() + "字）";
    }
  }

  /** What is sent: too long, or a NUL character. */
  enum Bad {
    TOO_LONG,
    NUL
  }

  record Case(Input input, Bad bad) {
    @Override
    public String toString() {
      return input + (bad == Bad.TOO_LONG ? " 超长" : " 含NUL");
    }
  }

  /** Every POST handler with its pattern. */
  Map<String, HandlerMethod> postHandlers() {
    Map<String, HandlerMethod> out = new LinkedHashMap<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
      if (!e.getKey().getMethodsCondition().getMethods().contains(RequestMethod.POST)) {
        continue;
      }
      for (String pattern : e.getKey().getPatternValues()) {
        out.put("POST " + pattern, e.getValue());
      }
    }
    return out;
  }

  /**
   * Every free-text input of every POST endpoint; unlimited ones are collected in {@code missing}.
   */
  List<Input> inputs(List<String> missing) {
    List<Input> out = new ArrayList<>();
    postHandlers()
        .forEach(
            (endpoint, h) -> {
              for (MethodParameter p : h.getMethodParameters()) {
                if (p.hasParameterAnnotation(RequestParam.class)
                    && p.getParameterType() == String.class) {
                  String name = RequestProblems.parameterName(p);
                  FreeText t = p.getParameterAnnotation(FreeText.class);
                  if (t == null) {
                    missing.add(endpoint + " " + name);
                  } else {
                    out.add(new Input(endpoint, h, name, t, false));
                  }
                }
                if (p.hasParameterAnnotation(RequestBody.class)) {
                  bodyInputs(endpoint, h, p.getParameterType(), "", out, missing);
                }
              }
            });
    return out;
  }

  private static void bodyInputs(
      String endpoint,
      HandlerMethod h,
      Class<?> type,
      String prefix,
      List<Input> out,
      List<String> missing) {
    if (!type.isRecord()) {
      return;
    }
    for (RecordComponent c : type.getRecordComponents()) {
      String path = prefix + c.getName();
      if (c.getType() == String.class) {
        FreeText t = c.getAnnotation(FreeText.class);
        if (t == null) {
          t = fieldAnnotation(type, c.getName());
        }
        if (t == null) {
          missing.add(endpoint + " body." + path);
        } else {
          out.add(new Input(endpoint, h, path, t, true));
        }
      }
      Class<?> element = listElement(c.getGenericType());
      if (element != null && element.isRecord()) {
        bodyInputs(endpoint, h, element, path + "[0].", out, missing);
      }
    }
  }

  private static FreeText fieldAnnotation(Class<?> type, String name) {
    try {
      return type.getDeclaredField(name).getAnnotation(FreeText.class);
    } catch (NoSuchFieldException e) {
      return null;
    }
  }

  private static Class<?> listElement(Type t) {
    if (t instanceof ParameterizedType pt
        && pt.getRawType() == List.class
        && pt.getActualTypeArguments()[0] instanceof Class<?> c) {
      return c;
    }
    return null;
  }

  Stream<Case> cases() {
    List<Case> out = new ArrayList<>();
    for (Input i : inputs(new ArrayList<>())) {
      out.add(new Case(i, Bad.TOO_LONG));
      out.add(new Case(i, Bad.NUL));
    }
    return out.stream();
  }

  @Test
  void everyFreeTextInputOfAPostEndpointDeclaresItsLimit() {
    List<String> missing = new ArrayList<>();
    List<Input> all = inputs(missing);
    System.out.println("自由文本字段：" + all.size() + " 个（POST 接口的字符串参数与请求体字段）");
    all.forEach(i -> System.out.println("  " + i));
    assertThat(missing).as("没有 @FreeText 长度上限的自由文本字段").isEmpty();
    // the probe's organisation name and the other texts the task names are among them
    assertThat(all.stream().map(Input::toString))
        .anyMatch(s -> s.startsWith("POST /admin/organisations name（组织名称，200字）"))
        .anyMatch(s -> s.contains("/elections title（选举名称"))
        .anyMatch(s -> s.contains("writeIns[0].name（另选他人的姓名，50字）"))
        .anyMatch(s -> s.contains("/admin/users displayName（姓名，100字）"));
    // the limits never exceed the columns they are stored in
    assertThat(all)
        .filteredOn(
            i -> i.endpoint().equals("POST /admin/organisations") && i.field().equals("name"))
        .allMatch(i -> i.spec().max() <= columnSize("organisation", "name"));
    assertThat(all)
        .filteredOn(i -> i.endpoint().equals("POST /elections") && i.field().equals("title"))
        .allMatch(i -> i.spec().max() <= columnSize("election", "title"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void aBadValueIsRefusedNamingTheFieldAndNothingIsSaved(Case c) throws Exception {
    Input in = c.input();
    String bad = c.bad() == Bad.TOO_LONG ? "长".repeat(in.spec().max() + 1) : "甲\u0000乙";
    Map<String, Long> before = rowCounts();
    MvcResult r = mvc.perform(request(in, bad)).andReturn();
    MockHttpServletResponse res = r.getResponse();
    assertThat(res.getStatus()).as(c + " 不应出现500").isLessThan(500);
    String expected =
        c.bad() == Bad.TOO_LONG
            ? in.spec().label() + "不能超过" + in.spec().max() + "个字（现为" + (in.spec().max() + 1) + "个字）"
            : in.spec().label() + "不能包含";
    String path = in.endpoint().substring("POST ".length());
    if (path.startsWith("/api/")) {
      assertThat(res.getStatus()).as(c.toString()).isEqualTo(400);
      JsonNode body = JSON.readTree(res.getContentAsString());
      assertThat(body.get("error").asString()).isEqualTo("INVALID_INPUT");
      assertThat(body.get("field").asString()).isEqualTo(in.field());
      assertThat(body.get("message").asString()).contains(expected);
    } else {
      // the form's page again (a redirect back to it), with the message and the input kept
      assertThat(res.getStatus()).as(c.toString()).isEqualTo(302);
      assertThat(res.getRedirectedUrl()).isEqualTo("/elections/1/voting?tab=1");
      assertThat((String) r.getFlashMap().get("error")).contains(expected);
      JsonNode kept = JSON.readTree((String) r.getFlashMap().get("keptInput"));
      assertThat(kept.get("action").asString()).isEqualTo(r.getRequest().getRequestURI());
      if (in.spec().secret()) {
        assertThat(kept.get("values").has(in.field())).as("密码不得回传").isFalse();
      } else {
        assertThat(kept.get("values").get(in.field()).asString()).isEqualTo(bad);
      }
    }
    assertThat(rowCounts()).as(c + " 不应保存任何内容").isEqualTo(before);
  }

  @Test
  void theProbesOrganisationNameShowsTheFormAgainWithTheMessageAndTheInput() throws Exception {
    String name = "组".repeat(300);
    long before = count("organisation");
    MvcResult r =
        mvc.perform(
                post("/admin/organisations")
                    .with(user(ADMIN).roles("ADMIN", "USER"))
                    .with(csrf())
                    .header("Referer", "http://localhost/admin/users")
                    .param("name", name)
                    .param("kind", "BRANCH"))
            .andReturn();
    assertThat(r.getResponse().getStatus()).isEqualTo(302);
    assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/admin/users");
    String page =
        mvc.perform(
                get("/admin/users")
                    .with(user(ADMIN).roles("ADMIN", "USER"))
                    .flashAttrs(r.getFlashMap()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("组织名称不能超过200个字（现为300个字）");
    assertThat(page).contains("name=\"kept-input\"").contains(name);
    assertThat(count("organisation")).isEqualTo(before);
    // without a page to go back to: a Chinese 400 page
    MockHttpServletResponse direct =
        mvc.perform(
                post("/admin/organisations")
                    .with(user(ADMIN).roles("ADMIN", "USER"))
                    .with(csrf())
                    .param("name", name)
                    .param("kind", "BRANCH"))
            .andReturn()
            .getResponse();
    assertThat(direct.getStatus()).isEqualTo(400);
    assertThat(direct.getContentAsString()).contains("组织名称不能超过200个字").contains("请求有误");
    assertThat(count("organisation")).isEqualTo(before);
  }

  @Test
  void theRosterFormIsShownAgainWithItsInputForEveryOverLongField() throws Exception {
    // an organisation of its own: the demo branches' member counts are checked elsewhere
    long org = organisations.create("tester", null, "长文本测试支部" + System.nanoTime(), "BRANCH");
    long before = count("party_member");
    for (String field :
        List.of(
            "name",
            "gender",
            "ethnicity",
            "birthDate",
            "residentId",
            "education",
            "joinDate",
            "membership",
            "status",
            "phone")) {
      String bad = "长".repeat(301);
      MockHttpServletResponse res =
          mvc.perform(validMember(org).param(field, bad)).andReturn().getResponse();
      assertThat(res.getStatus()).as(field).isEqualTo(200);
      assertThat(res.getContentAsString()).as(field).contains(bad);
      assertThat(count("party_member")).as(field).isEqualTo(before);
    }
    // the same form with every field valid is saved: the refusals above were the long values
    MockHttpServletResponse ok = mvc.perform(validMember(org)).andReturn().getResponse();
    assertThat(ok.getStatus()).as(ok.getContentAsString()).isEqualTo(302);
    assertThat(count("party_member")).isEqualTo(before + 1);
  }

  /** The roster form of a new member with every field valid. */
  private static MockHttpServletRequestBuilder validMember(long org) {
    return post("/organisations/{id}/roster/new", org)
        .with(user(ADMIN).roles("ADMIN", "USER"))
        .with(csrf())
        .param("name", "王长河")
        .param("gender", "男")
        .param("ethnicity", "汉族")
        .param("birthDate", "1980-01-02")
        .param("residentId", "110105198001020011")
        .param("education", "大学本科")
        .param("joinDate", "2005-07-01")
        .param("membership", "正式党员")
        .param("status", "正常")
        .param("phone", "13800000000");
  }

  private MockHttpServletRequestBuilder request(Input in, String bad) {
    String pattern = in.endpoint().substring("POST ".length());
    String path = pattern.replaceAll("\\{[^}]+}", "1");
    MockHttpServletRequestBuilder b =
        post(path).with(user(ADMIN).roles("ADMIN", "USER")).with(csrf()).header("Referer", REFERER);
    for (MethodParameter p : in.handler().getMethodParameters()) {
      if (!p.hasParameterAnnotation(RequestParam.class)) {
        continue;
      }
      Class<?> t = p.getParameterType();
      String name = RequestProblems.parameterName(p);
      if (t == String.class) {
        b.param(name, !in.body() && name.equals(in.field()) ? bad : "x");
      } else if (sample(t) != null) {
        b.param(name, String.valueOf(sample(t)));
      }
    }
    for (MethodParameter p : in.handler().getMethodParameters()) {
      if (p.hasParameterAnnotation(RequestBody.class)) {
        Object body = body(p.getParameterType(), "", in.body() ? in.field() : null, bad);
        b.contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body));
      }
      assertThat(p.hasParameterAnnotation(ModelAttribute.class))
          .as("form objects are tested separately")
          .isFalse();
      assertThat(
              p.hasParameterAnnotation(PathVariable.class) && p.getParameterType() == String.class)
          .isFalse();
    }
    return b;
  }

  /** A JSON body for a record, with {@code bad} at {@code target} and harmless values elsewhere. */
  private static Map<String, Object> body(Class<?> type, String prefix, String target, String bad) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (RecordComponent c : type.getRecordComponents()) {
      String path = prefix + c.getName();
      Class<?> t = c.getType();
      if (t == String.class) {
        m.put(c.getName(), path.equals(target) ? bad : "x");
      } else if (listElement(c.getGenericType()) != null
          && listElement(c.getGenericType()).isRecord()) {
        m.put(
            c.getName(),
            List.of(body(listElement(c.getGenericType()), path + "[0].", target, bad)));
      } else if (t.isPrimitive() || t.isEnum()) {
        m.put(c.getName(), sample(t));
      }
    }
    return m;
  }

  /** A valid value of a simple parameter type, or null for types left out. */
  private static Object sample(Class<?> t) {
    if (t == int.class || t == long.class || t == Integer.class || t == Long.class) {
      return 1;
    }
    if (t == boolean.class || t == Boolean.class) {
      return false;
    }
    if (t == LocalDate.class) {
      return "2030-01-01";
    }
    if (t.isEnum()) {
      return ((Enum<?>) t.getEnumConstants()[0]).name();
    }
    return null;
  }

  private long count(String table) {
    Long n = jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    return n == null ? 0 : n;
  }

  private int columnSize(String table, String column) {
    try (Connection c = dataSource.getConnection();
        ResultSet rs = c.getMetaData().getColumns(null, null, table, column)) {
      assertThat(rs.next()).as(table + "." + column).isTrue();
      return rs.getInt("COLUMN_SIZE");
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The number of rows of every table. */
  private Map<String, Long> rowCounts() throws Exception {
    Map<String, Long> out = new LinkedHashMap<>();
    List<String> tables = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      DatabaseMetaData md = c.getMetaData();
      try (ResultSet rs = md.getTables(null, "public", "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_NAME"));
        }
      }
    }
    for (String t : tables) {
      if (!t.equals("flyway_schema_history")) {
        out.put(t, count("\"" + t + "\""));
      }
    }
    assertThat(out).containsKeys("organisation", "audit_event", "election");
    return out;
  }
}
