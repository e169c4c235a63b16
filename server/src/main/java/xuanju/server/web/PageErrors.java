package xuanju.server.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import xuanju.core.rule.InvalidInputException;

/**
 * Errors on pages that the page itself did not handle (页面错误): a Chinese message with the right
 * status (400, 404, 409, 503) instead of a 500 page. JSON endpoints are answered by {@code
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

  private static ModelAndView page(HttpServletResponse res, int status, String message) {
    res.setStatus(status);
    ModelAndView mv = new ModelAndView("error");
    mv.setStatus(org.springframework.http.HttpStatus.valueOf(status));
    mv.addObject("status", status);
    mv.addObject("message", message);
    return mv;
  }
}
