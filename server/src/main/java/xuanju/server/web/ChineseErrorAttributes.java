package xuanju.server.web;

import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * The attributes of Spring Boot's {@code /error} answer in Chinese (错误信息中文化): {@code error} is the
 * Chinese title instead of the English reason phrase, {@code message} a Chinese explanation (never
 * the exception's text). Used by the error page and by the JSON body of errors no handler answered
 * (an unknown API path, a method not allowed, a request Spring Security's firewall rejected).
 */
@Component
class ChineseErrorAttributes extends DefaultErrorAttributes {
  @Override
  public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
    Map<String, Object> m = super.getErrorAttributes(request, options);
    int status = m.get("status") instanceof Integer i ? i : 500;
    m.put("error", ErrorTexts.title(status));
    m.put("message", ErrorTexts.explanation(status));
    m.remove("exception");
    m.remove("trace");
    m.remove("errors");
    return m;
  }
}
