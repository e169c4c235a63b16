package xuanju.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import xuanju.server.support.H2AppTest;

/**
 * Over-size uploads over real HTTP (the limits are enforced by the servlet container, which MockMvc
 * bypasses): a Chinese page for pages (also when the CSRF token is a form field), an alert for
 * htmx, Chinese JSON for the API; never 403, 500 or a stack trace.
 */
class UploadLimitWebTest extends H2AppTest {
  private static final String PASSWORD = "Upload2026pass";
  private static final Pattern META_CSRF = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");
  private static final Pattern INPUT_CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired UserRepository users;
  @Autowired PasswordEncoder encoder;

  private HttpClient http;
  private String csrf;
  private long org;

  @BeforeEach
  void signIn() throws Exception {
    String name = "upload-" + System.nanoTime();
    users.insert(name, "上传测试", encoder.encode(PASSWORD), true, false, Instant.now());
    org = jdbc.queryForObject("SELECT MIN(id) FROM organisation", Long.class);
    http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    String login = get("/login").body();
    String token = find(INPUT_CSRF, login);
    String form =
        "username="
            + URLEncoder.encode(name, StandardCharsets.UTF_8)
            + "&password="
            + PASSWORD
            + "&_csrf="
            + URLEncoder.encode(token, StandardCharsets.UTF_8);
    var r =
        http.send(
            HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("error");
    csrf = find(META_CSRF, get("/organisations/" + org + "/roster/import").body());
  }

  @Test
  void aFileOverTheFileLimitOnAPageGetsAChinesePage() throws Exception {
    var r = upload("/organisations/" + org + "/roster/import", 21, true, false, false);
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(r.body()).contains("上传的文件超过大小上限").contains("20 MB").contains(UploadLimitFilter.CODE);
    assertThat(r.body()).doesNotContain("Exception").doesNotContain("at org.");
  }

  @Test
  void aPlainFormWithTheCsrfTokenInTheBodyGetsTheSamePageNot403() throws Exception {
    var r = upload("/organisations/" + org + "/roster/import", 21, false, true, false);
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(r.body()).contains("上传的文件超过大小上限");
  }

  @Test
  void aRequestOverTheRequestLimitIsRefusedUnread() throws Exception {
    var r = upload("/organisations/" + org + "/roster/import", 26, true, false, false);
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(r.body()).contains("25 MB").contains("本次上传约");
  }

  @Test
  void htmxGetsAnAlertSwappedIntoThePage() throws Exception {
    var r = upload("/organisations/" + org + "/roster/import", 21, true, false, true);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("HX-Retarget")).contains("main");
    assertThat(r.body()).contains("id=\"upload-too-large\"").contains("上传的文件超过大小上限");
  }

  @Test
  void theApiAnswersChineseJson() throws Exception {
    for (int mb : new int[] {21, 26}) {
      var r = upload("/api/organisations/" + org + "/members/import", mb, true, false, false);
      assertThat(r.statusCode()).as(mb + " MB").isEqualTo(413);
      assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
      assertThat(r.body())
          .contains("\"error\":\"UPLOAD_TOO_LARGE\"")
          .contains("\"field\":\"file\"")
          .contains("上传的文件超过大小上限");
    }
  }

  @Test
  void anUploadWithinTheLimitStillReachesTheApplication() throws Exception {
    var r = upload("/api/organisations/" + org + "/members/import", 0, true, false, false);
    assertThat(r.statusCode()).isNotIn(413, 403, 500);
    assertThat(r.body()).contains("ROSTER.IMPORT");
  }

  private HttpResponse<String> upload(
      String path, int megabytes, boolean header, boolean field, boolean htmx) throws Exception {
    String boundary = "----xuanju" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (field) {
      body.write(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
                  + csrf
                  + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    body.write(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"名册.xlsx\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.write(
        megabytes == 0
            ? "not an xlsx".getBytes(StandardCharsets.UTF_8)
            : new byte[megabytes * 1024 * 1024]);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    var b =
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    if (header) {
      b.header("X-CSRF-TOKEN", csrf);
    }
    if (htmx) {
      b.header("HX-Request", "true");
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path)).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static String find(Pattern p, String html) {
    Matcher m = p.matcher(html);
    assertThat(m.find())
        .as("CSRF token in %s", html.length() > 300 ? html.substring(0, 300) : html)
        .isTrue();
    return m.group(1);
  }
}
