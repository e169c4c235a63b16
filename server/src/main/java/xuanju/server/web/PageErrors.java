package xuanju.server.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;
import xuanju.core.rule.InvalidInputException;

/**
 * Errors on pages that the page itself did not handle (页面错误): a Chinese message with the right
 * status (400, 404, 409, 503) instead of a 500 page, naming the parameter by its Chinese name (not
 * a number, not a date, not an allowed value, missing). A {@link FreeText} too long or with control
 * characters shows the form again: a redirect back to the page the form was on (its {@code
 * Referer}), with the message and the input kept ({@code keptInput}, filled back into the form by
 * {@code app.js}; passwords are never sent back). JSON endpoints are answered by {@code
 * api.ApiErrors} first.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {
  private static final Logger LOG = LoggerFactory.getLogger(PageErrors.class);

  @ExceptionHandler(InvalidInputException.class)
  ModelAndView invalid(InvalidInputException e, HttpServletResponse res) {
    return page(res, HttpServletResponse.SC_BAD_REQUEST, e.describe());
  }

  @ExceptionHandler({NoSuchElementException.class, EmptyResultDataAccessException.class})
  ModelAndView missing(RuntimeException e, HttpServletResponse res) {
    return page(res, HttpServletResponse.SC_NOT_FOUND, "要查找的内容不存在");
  }

  @ExceptionHandler(IllegalStateException.class)
  ModelAndView conflict(IllegalStateException e, HttpServletResponse res) {
    return page(res, HttpServletResponse.SC_CONFLICT, e.getMessage());
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ModelAndView bad(IllegalArgumentException e, HttpServletResponse res) {
    return page(res, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
  }

  /** A lock not granted in time or the database unreachable: rolled back, try again. */
  @ExceptionHandler({
    TransientDataAccessException.class,
    DataAccessResourceFailureException.class,
    CannotCreateTransactionException.class
  })
  ModelAndView busy(RuntimeException e, HttpServletResponse res) {
    LOG.warn("数据库暂时无法完成请求（已回滚）：{}", DatabaseBusy.describe(e));
    res.setHeader("Retry-After", "1");
    return page(res, HttpServletResponse.SC_SERVICE_UNAVAILABLE, DatabaseBusy.MESSAGE);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ModelAndView mismatch(MethodArgumentTypeMismatchException e, HttpServletResponse res) {
    return page(
        res, HttpServletResponse.SC_BAD_REQUEST, RequestProblems.typeMismatch(e, true).message());
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ModelAndView missing(MissingServletRequestParameterException e, HttpServletResponse res) {
    return page(
        res,
        HttpServletResponse.SC_BAD_REQUEST,
        RequestProblems.missing(e.getParameterName(), true).message());
  }

  @ExceptionHandler(MissingServletRequestPartException.class)
  ModelAndView missingPart(HttpServletResponse res) {
    return page(res, HttpServletResponse.SC_BAD_REQUEST, "请选择要上传的文件");
  }

  /** A value the checks let through but the database refused (too long): rolled back, 400. */
  @ExceptionHandler(DataIntegrityViolationException.class)
  ModelAndView refused(DataIntegrityViolationException e, HttpServletResponse res) {
    if (!RequestProblems.valueRefusedByDatabase(e)) {
      throw e;
    }
    LOG.warn("数据库拒绝了过长或含无效字符的输入（已回滚）");
    return page(res, HttpServletResponse.SC_BAD_REQUEST, RequestProblems.VALUE_REFUSED);
  }

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * A {@link FreeText} too long or with control characters (checked before the handler ran, so
   * nothing was saved): back to the form's page with the message and the input kept.
   */
  @ExceptionHandler({MethodArgumentNotValidException.class, HandlerMethodValidationException.class})
  ModelAndView invalidText(
      Exception e, HttpServletRequest req, HttpServletResponse res, HandlerMethod handler)
      throws IOException {
    String message = RequestProblems.invalid(e).message();
    if ("true".equals(req.getHeader("HX-Request"))) {
      // htmx swaps only 2xx answers: show the alert at the top of the page's main area
      res.setStatus(HttpServletResponse.SC_OK);
      res.setHeader("HX-Retarget", "main");
      res.setHeader("HX-Reswap", "afterbegin");
      res.setContentType("text/html;charset=UTF-8");
      res.getWriter()
          .write(
              "<div class=\"alert alert-danger\" role=\"alert\" id=\"input-error\">"
                  + HtmlUtils.htmlEscape(message)
                  + "</div>");
      return new ModelAndView();
    }
    String back = backTo(req);
    if (back == null) {
      return page(res, HttpServletResponse.SC_BAD_REQUEST, message);
    }
    FlashMap flash = RequestContextUtils.getOutputFlashMap(req);
    flash.put("error", message);
    flash.put("keptInput", keptInput(req, handler));
    return new ModelAndView("redirect:" + back);
  }

  /** The path (and query) of the page the form was posted from, on this server; null if unknown. */
  static String backTo(HttpServletRequest req) {
    String referer = req.getHeader("Referer");
    if (referer == null || referer.isBlank()) {
      return null;
    }
    try {
      URI uri = URI.create(referer.strip());
      String path = uri.getRawPath();
      String ctx = req.getContextPath();
      if (path == null || !path.startsWith(ctx + "/") || path.startsWith("//")) {
        return null;
      }
      // only the path of this application: never a redirect to another site
      String local = path.substring(ctx.length());
      return local + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    } catch (IllegalArgumentException ex) {
      return null;
    }
  }

  /** The posted form as JSON {@code {"action": path, "values": {name: value}}}, without secrets. */
  static String keptInput(HttpServletRequest req, HandlerMethod handler) {
    Set<String> secret = new HashSet<>(Set.of("_csrf", "password"));
    if (handler != null) {
      for (var p : handler.getMethodParameters()) {
        FreeText t = p.getParameterAnnotation(FreeText.class);
        if (t != null && t.secret()) {
          secret.add(RequestProblems.parameterName(p));
        }
      }
    }
    Map<String, String> values = new LinkedHashMap<>();
    req.getParameterMap()
        .forEach(
            (name, v) -> {
              if (!secret.contains(name) && v != null && v.length == 1) {
                values.put(name, v[0]);
              }
            });
    Map<String, Object> kept = new LinkedHashMap<>();
    kept.put("action", req.getRequestURI());
    kept.put("values", values);
    return JSON.writeValueAsString(kept);
  }

  private static ModelAndView page(HttpServletResponse res, int status, String message) {
    res.setStatus(status);
    ModelAndView mv = new ModelAndView("error");
    mv.setStatus(org.springframework.http.HttpStatus.valueOf(status));
    mv.addObject("status", status);
    mv.addObject("message", UserTexts.withoutCodes(message));
    return mv;
  }
}
