package xuanju.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * Over-size uploads (上传文件超过大小上限) answered in Chinese before anything else reads the request: JSON
 * {@code 413 {"error": "UPLOAD_TOO_LARGE", "field": "file", "message": …}} under {@code /api/}, a
 * Chinese page (or, for htmx, an alert swapped into the page) elsewhere, never a stack trace.
 *
 * <p>It runs before Spring Security: otherwise the CSRF filter would read the form's {@code _csrf}
 * field from the over-size body, fail to parse it and answer 403 instead. A request whose declared
 * length exceeds {@code spring.servlet.multipart.max-request-size} is refused unread; otherwise the
 * parts are parsed here, and a part over {@code max-file-size} is refused the same way.
 */
public class UploadLimitFilter extends OncePerRequestFilter {
  /** The rule code shown with the message. */
  public static final String CODE = "UPLOAD.SIZE.LIMIT";

  private final long maxRequestBytes;
  private final long maxFileBytes;

  public UploadLimitFilter(DataSize maxRequest, DataSize maxFile) {
    this.maxRequestBytes = maxRequest.toBytes();
    this.maxFileBytes = maxFile.toBytes();
  }

  /** Registers the filter after character encoding and before Spring Security. */
  @Configuration
  @ConditionalOnWebApplication
  static class Registration {
    @Bean
    FilterRegistrationBean<UploadLimitFilter> uploadLimitFilter(
        @Value("${spring.servlet.multipart.max-request-size:25MB}") DataSize maxRequest,
        @Value("${spring.servlet.multipart.max-file-size:20MB}") DataSize maxFile) {
      FilterRegistrationBean<UploadLimitFilter> r =
          new FilterRegistrationBean<>(new UploadLimitFilter(maxRequest, maxFile));
      r.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
      r.addUrlPatterns("/*");
      return r;
    }
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String type = request.getContentType();
    return type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long length = request.getContentLengthLong();
    if (length > maxRequestBytes) {
      refuse(request, response, length);
      return;
    }
    try {
      request.getParts();
    } catch (IllegalStateException | ServletException | IOException e) {
      if (isSizeProblem(e)) {
        refuse(request, response, -1);
        return;
      }
      // any other multipart problem is left to the application, which reports it per field
    }
    chain.doFilter(request, response);
  }

  static boolean isSizeProblem(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String name = t.getClass().getSimpleName();
      String msg = t.getMessage() == null ? "" : t.getMessage();
      if (name.contains("SizeLimitExceeded")
          || name.contains("SizeException")
          || name.contains("MaxUploadSize")
          || msg.contains("exceeds its maximum permitted size")
          || msg.contains("exceeds the configured maximum")) {
        return true;
      }
    }
    return false;
  }

  /** The Chinese message, with the limit and (when known) the size sent. */
  String message(long length) {
    String sent = length > 0 ? "（本次上传约 " + mb(length) + "）" : "";
    return "上传的文件超过大小上限：单个文件不超过 "
        + mb(maxFileBytes)
        + "，一次上传合计不超过 "
        + mb(maxRequestBytes)
        + sent
        + "。请拆分后分批上传。";
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response, long length)
      throws IOException {
    String msg = message(length);
    String path = request.getRequestURI().substring(request.getContextPath().length());
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    if (path.startsWith("/api/")) {
      response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      response.setContentType("application/json;charset=UTF-8");
      response
          .getWriter()
          .write(
              "{\"error\":\"UPLOAD_TOO_LARGE\",\"code\":\""
                  + CODE
                  + "\",\"field\":\"file\",\"message\":\""
                  + msg.replace("\\", "\\\\").replace("\"", "\\\"")
                  + "\"}");
      return;
    }
    String alert =
        "<div id=\"upload-too-large\" class=\"alert alert-danger\" role=\"alert\">"
            + "<strong>文件过大</strong>："
            + HtmlUtils.htmlEscape(msg)
            + " <span class=\"font-monospace small\">"
            + CODE
            + "</span></div>";
    response.setContentType("text/html;charset=UTF-8");
    if ("true".equals(request.getHeader("HX-Request"))) {
      // htmx swaps only 2xx answers: show the alert at the top of the page's main area
      response.setStatus(HttpServletResponse.SC_OK);
      response.setHeader("HX-Retarget", "main");
      response.setHeader("HX-Reswap", "afterbegin");
      response.getWriter().write(alert);
      return;
    }
    response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
    String ctx = request.getContextPath();
    response
        .getWriter()
        .write(
            "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\">"
                + "<title>文件过大 · 选举管理系统</title>"
                + "<link rel=\"stylesheet\" href=\""
                + ctx
                + "/webjars/bootstrap/css/bootstrap.min.css\"></head><body>"
                + "<main class=\"container\" style=\"max-width: 720px; margin-top: 10vh;\">"
                + "<h1 class=\"h3\">上传的文件过大</h1>"
                + alert
                + "<a class=\"btn btn-outline-secondary\" href=\""
                + ctx
                + "/\">返回工作台</a></main></body></html>");
  }

  private static String mb(long bytes) {
    if (bytes % (1024 * 1024) == 0) {
      return bytes / (1024 * 1024) + " MB";
    }
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
  }
}
