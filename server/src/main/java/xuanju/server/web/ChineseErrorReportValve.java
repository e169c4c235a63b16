package xuanju.server.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Tomcat's own error reports in Chinese (服务器层错误页). Requests Tomcat refuses before the application
 * sees them — a URL with an encoded slash or dot ({@code %2f}, {@code %2e%2e}), {@code /..;/} at
 * the root, a NUL or backslash — used to get Tomcat's English "HTTP Status 400 – Bad Request" page.
 * This valve replaces Tomcat's {@link ErrorReportValve} on the host: a Chinese page, or Chinese
 * JSON under {@code /api/}, no server version, no stack trace.
 */
public class ChineseErrorReportValve extends ErrorReportValve {
  public ChineseErrorReportValve() {
    setShowReport(false);
    setShowServerInfo(false);
  }

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0) {
      return;
    }
    AtomicBoolean ioAllowed = new AtomicBoolean(true);
    response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
    if (!ioAllowed.get()) {
      return;
    }
    String uri = request.getCoyoteRequest().requestURI().toString();
    boolean api = uri != null && uri.startsWith("/api/");
    String body =
        api
            ? "{\"error\":\"HTTP_"
                + status
                + "\",\"message\":\""
                + ErrorTexts.title(status)
                + "："
                + ErrorTexts.explanation(status)
                + "\"}"
            : "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>"
                + ErrorTexts.title(status)
                + " · 选举管理系统</title></head><body style=\"font-family:sans-serif;"
                + "max-width:640px;margin:10vh auto;\"><h1>"
                + ErrorTexts.title(status)
                + "</h1><p id=\"error-message\">"
                + ErrorTexts.explanation(status)
                + "</p><p>状态码 "
                + status
                + "。</p><p><a href=\"/\">返回工作台</a></p></body></html>";
    try {
      response.setContentType(api ? "application/json" : "text/html");
      response.setCharacterEncoding("UTF-8");
      response.setHeader("Content-Language", "zh-CN");
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(body);
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // the client is gone or the response cannot be written: nothing more to do
    }
  }

  /** Puts the valve on Tomcat's host in place of the default one (after Spring Boot's set-up). */
  @Configuration(proxyBeanMethods = false)
  static class Registration {
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> chineseErrorReports() {
      return new Customizer();
    }
  }

  static final class Customizer
      implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {
    @Override
    public void customize(TomcatServletWebServerFactory factory) {
      factory.addContextCustomizers(
          context -> {
            Container parent = context.getParent();
            if (parent instanceof StandardHost host) {
              for (Valve v : host.getPipeline().getValves()) {
                if (v instanceof ErrorReportValve && !(v instanceof ChineseErrorReportValve)) {
                  host.getPipeline().removeValve(v);
                }
              }
              host.setErrorReportValveClass(ChineseErrorReportValve.class.getName());
              host.getPipeline().addValve(new ChineseErrorReportValve());
            }
          });
    }

    @Override
    public int getOrder() {
      // after Spring Boot's own customizer, which adds an ErrorReportValve of its own
      return Ordered.LOWEST_PRECEDENCE;
    }
  }
}
