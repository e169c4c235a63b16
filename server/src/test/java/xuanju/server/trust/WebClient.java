package xuanju.server.trust;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A signed-in browser-like HTTP session (会话) for the trust tests: form login with the CSRF token,
 * session cookie, and the CSRF header on every state change. Real HTTP against a real server.
 */
final class WebClient {
  private static final Pattern META = Pattern.compile("name=\"_csrf\"[^>]*content=\"([^\"]+)\"");
  private static final Pattern INPUT = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

  /** Status and body of one answer. */
  record Response(int status, String body) {}

  private final HttpClient http;
  private final String base;
  private String token;

  private WebClient(String base) {
    this.base = base;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  /** Signs in through the login form; throws when the sign-in does not succeed. */
  static WebClient signIn(String base, String user, String password)
      throws IOException, InterruptedException {
    WebClient c = new WebClient(base);
    String login = c.get("/login").body();
    Response r =
        c.send(
            HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        form(
                            Map.of(
                                "username", user, "password", password, "_csrf", csrf(login))))));
    if (r.status() != 302) {
      throw new IllegalStateException("登录失败：HTTP " + r.status());
    }
    Response home = c.get("/");
    if (home.status() != 200) {
      throw new IllegalStateException("登录后首页 HTTP " + home.status());
    }
    c.token = csrf(home.body());
    return c;
  }

  static String csrf(String html) {
    Matcher m = META.matcher(html);
    if (m.find()) {
      return m.group(1);
    }
    m = INPUT.matcher(html);
    if (m.find()) {
      return m.group(1);
    }
    throw new IllegalStateException("页面中没有 CSRF 令牌");
  }

  static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  Response get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  byte[] bytes(String path) throws IOException, InterruptedException {
    HttpResponse<byte[]> r =
        http.send(
            HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("GET " + path + " → HTTP " + r.statusCode());
    }
    return r.body();
  }

  Response postJson(String path, String json) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .header("X-CSRF-TOKEN", token)
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  Response postForm(String path, Map<String, String> fields)
      throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-CSRF-TOKEN", token)
            .POST(HttpRequest.BodyPublishers.ofString(form(fields))));
  }

  private Response send(HttpRequest.Builder b) throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    return new Response(r.statusCode(), r.body());
  }
}
