package xuanju.server.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * Keeps rule codes out of the messages a page shows (页面提示不显示规则代码). Services put the code of the
 * rule they apply into their exceptions' messages ({@code …（PARTY.MARGIN.PRELIMINARY）}), which the
 * JSON API and the logs keep; before a page is rendered its {@code error} and {@code message} texts
 * lose the bracketed codes and a leading {@code CODE：}. The legal source stays in the sentence.
 */
@Component
public class UserTexts implements HandlerInterceptor {
  private static final String CODE = "[A-Z][A-Z0-9_]*(?:[._][A-Z0-9_]+)+";
  private static final Pattern BRACKETED =
      Pattern.compile("\\s*[（(\\[【]\\s*" + CODE + "(?:\\s*[,，、;；]\\s*" + CODE + ")*\\s*[）)\\]】]");
  private static final Pattern FIELD =
      Pattern.compile("字段\\s*([A-Za-z_][A-Za-z0-9_.\\[\\]]*)\\s*[：:]\\s*");
  private static final Pattern LEADING =
      Pattern.compile("(^|[；;。\\n]\\s*)" + CODE + "\\s*[：:]\\s*");

  /** The text without rule codes. */
  public static String withoutCodes(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String s = BRACKETED.matcher(text).replaceAll("");
    s = LEADING.matcher(s).replaceAll("$1");
    // 字段 staff[1]：… names the field in Chinese, or not at all
    return FIELD
        .matcher(s)
        .replaceAll(
            m -> {
              String zh = RequestProblems.fieldZh(m.group(1));
              return zh == null ? "" : java.util.regex.Matcher.quoteReplacement(zh + "：");
            });
  }

  /**
   * For templates: {@code ${@userTexts.plain(text)}} shows a service's sentence without its codes
   * (the full text may go into a {@code title} tooltip).
   */
  public String plain(String text) {
    return withoutCodes(text);
  }

  @Override
  public void postHandle(
      HttpServletRequest req, HttpServletResponse res, Object handler, ModelAndView mv) {
    if (mv == null || mv.getViewName() == null || mv.getViewName().startsWith("redirect:")) {
      return;
    }
    for (String key : new String[] {"error", "message"}) {
      if (mv.getModel().get(key) instanceof String s) {
        mv.getModel().put(key, withoutCodes(s));
      }
    }
  }
}
