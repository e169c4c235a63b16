package xuanju.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import xuanju.server.support.H2AppTest;

/**
 * Requests refused by the servlet container (Tomcat) or by Spring Security's firewall before the
 * application sees them get a Chinese answer, not Tomcat's English "HTTP Status 400 – Bad Request"
 * page. MockMvc bypasses Tomcat, so this test sends the literal request line over a socket to the
 * real embedded server.
 */
class ServerErrorPagesTest extends H2AppTest {
  @LocalServerPort int port;

  /** The raw answer (status line, headers, body) to a GET of exactly this request target. */
  String raw(String target, String accept) throws Exception {
    try (Socket s = new Socket("localhost", port)) {
      s.setSoTimeout(20_000);
      OutputStream o = s.getOutputStream();
      o.write(
          ("GET "
                  + target
                  + " HTTP/1.1\r\nHost: localhost\r\nAccept: "
                  + accept
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      o.flush();
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void encodedDotsSlashesAndPathParametersGetAChinese400Page() throws Exception {
    for (String target :
        new String[] {
          // refused by Tomcat itself
          "/%2e%2e/etc/passwd",
          "/a/%2f/b",
          "/..;/admin/audit",
          "/login/..%2f",
          "/a%00b",
          "/login%5c..",
          // refused by Spring Security's firewall
          "/%2e/login",
          "/css/..;/login",
          "/login;jsessionid=1",
        }) {
      String r = raw(target, "text/html");
      assertThat(r).as(target).startsWith("HTTP/1.1 400");
      assertThat(r)
          .as(target)
          .contains("请求有误")
          .containsIgnoringCase("Content-Language: zh-CN")
          .doesNotContain("HTTP Status")
          .doesNotContain("Bad Request")
          .doesNotContain("Apache Tomcat");
    }
  }

  @Test
  void theSameUnderTheApiIsChineseJson() throws Exception {
    for (String target : new String[] {"/api/%2e%2e/me", "/api/a%2fb", "/api/me;x=1"}) {
      String r = raw(target, "application/json");
      assertThat(r).as(target).startsWith("HTTP/1.1 400");
      assertThat(r).as(target).contains("请求有误").doesNotContain("Bad Request");
      String body = r.substring(r.indexOf("\r\n\r\n") + 4);
      assertThat(body.strip()).as(target).contains("{").contains("\"error\"");
    }
  }

  @Test
  void anOrdinaryPageStillWorksAndIsMarkedChinese() throws Exception {
    String r = raw("/login", "text/html");
    assertThat(r).startsWith("HTTP/1.1 200").containsIgnoringCase("Content-Language: zh-CN");
  }
}
