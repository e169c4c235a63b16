package xuanju.server.api;

import java.util.Map;
import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.web.DatabaseBusy;

/**
 * Errors of the JSON API as Chinese JSON (接口错误): {@code {"error": CODE, "message": 中文, "field":
 * …}}, never a stack trace.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {
  private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<Map<String, String>> invalid(InvalidInputException e) {
    return ResponseEntity.badRequest()
        .body(
            Map.of(
                "error",
                "INVALID_INPUT",
                "field",
                e.field() == null ? "" : e.field(),
                "message",
                e.describe()));
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<Map<String, String>> bad(IllegalArgumentException e) {
    return ResponseEntity.badRequest()
        .body(Map.of("error", "BAD_REQUEST", "message", e.getMessage()));
  }

  @ExceptionHandler(IllegalStateException.class)
  ResponseEntity<Map<String, String>> conflict(IllegalStateException e) {
    return ResponseEntity.status(HttpStatus.CONFLICT)
        .body(Map.of("error", "CONFLICT", "message", e.getMessage()));
  }

  @ExceptionHandler({NoSuchElementException.class, EmptyResultDataAccessException.class})
  ResponseEntity<Map<String, String>> missing(RuntimeException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .body(Map.of("error", "NOT_FOUND", "message", "要查找的内容不存在"));
  }

  /**
   * The database could not do it now (a lock not granted in time, the database unreachable): the
   * transaction was rolled back, so nothing changed; the caller may send the same request again
   * (ballots carry their own id, so a repeated ballot is answered as a duplicate).
   */
  @ExceptionHandler({
    TransientDataAccessException.class,
    DataAccessResourceFailureException.class,
    CannotCreateTransactionException.class
  })
  ResponseEntity<Map<String, String>> busy(RuntimeException e) {
    LOG.warn("数据库暂时无法完成请求（已回滚）：{}", DatabaseBusy.describe(e));
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header("Retry-After", "1")
        .body(Map.of("error", "DATABASE_BUSY", "message", DatabaseBusy.MESSAGE));
  }
}
