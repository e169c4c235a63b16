package xuanju.server.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.exc.MismatchedInputException;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.web.DatabaseBusy;
import xuanju.server.web.RequestProblems;

/**
 * Errors of the JSON API as Chinese JSON (接口错误): {@code {"error": CODE, "message": 中文, "field":
 * …}}, never a stack trace and never Spring's English text: malformed JSON and a body field of the
 * wrong type ({@code MALFORMED_JSON}, {@code INVALID_INPUT} with the field's path), a parameter
 * that is not a number, a date or an allowed value, a missing parameter, a free text too long
 * ({@code web.FreeText}), a value the database refused as too long.
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

  private static ResponseEntity<Map<String, String>> badRequest(
      String error, String field, String message) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("error", error);
    body.put("field", field == null ? "" : field);
    body.put("message", message);
    return ResponseEntity.badRequest().body(body);
  }

  /** Malformed JSON, or a field of the wrong type: 400 naming the field. */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
    Throwable cause = e.getCause();
    if (cause instanceof JacksonException j && !j.getPath().isEmpty()) {
      String field = path(j.getPath());
      Class<?> target = j instanceof MismatchedInputException m ? m.getTargetType() : null;
      return badRequest(
          "INVALID_INPUT",
          field,
          "字段「" + field + "」的值无效，应为" + RequestProblems.expected(target) + "。");
    }
    if (cause instanceof JacksonException j) {
      TokenStreamLocation at = j.getLocation();
      String where =
          at != null && at.getLineNr() > 0
              ? "（第" + at.getLineNr() + "行第" + at.getColumnNr() + "列附近）"
              : "";
      return badRequest("MALFORMED_JSON", "body", "请求内容不是有效的JSON" + where + "，请检查括号、引号和逗号。");
    }
    return badRequest("MALFORMED_JSON", "body", "缺少请求内容，或请求内容无法读取（应为JSON）。");
  }

  private static String path(List<JacksonException.Reference> refs) {
    StringBuilder sb = new StringBuilder();
    for (JacksonException.Reference r : refs) {
      if (r.getPropertyName() != null) {
        if (!sb.isEmpty()) {
          sb.append('.');
        }
        sb.append(r.getPropertyName());
      } else if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  /** A parameter that is not a number, a date or an allowed value. */
  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Map<String, String>> mismatch(MethodArgumentTypeMismatchException e) {
    RequestProblems.Problem p = RequestProblems.typeMismatch(e, false);
    return badRequest("INVALID_INPUT", p.field(), p.message());
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<Map<String, String>> missing(MissingServletRequestParameterException e) {
    RequestProblems.Problem p = RequestProblems.missing(e.getParameterName(), false);
    return badRequest("INVALID_INPUT", p.field(), p.message());
  }

  @ExceptionHandler(MissingServletRequestPartException.class)
  ResponseEntity<Map<String, String>> missingPart(MissingServletRequestPartException e) {
    return badRequest(
        "INVALID_INPUT", e.getRequestPartName(), "缺少上传的文件（" + e.getRequestPartName() + "）");
  }

  /** A {@code web.FreeText} too long or with control characters: nothing was done. */
  @ExceptionHandler({MethodArgumentNotValidException.class, HandlerMethodValidationException.class})
  ResponseEntity<Map<String, String>> invalidText(Exception e) {
    RequestProblems.Problem p = RequestProblems.invalid(e);
    return badRequest("INVALID_INPUT", p.field(), p.message());
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Map<String, String>> mediaType(HttpMediaTypeNotSupportedException e) {
    return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
        .body(
            Map.of(
                "error",
                "UNSUPPORTED_MEDIA_TYPE",
                "message",
                "不支持此请求内容类型"
                    + (e.getContentType() == null ? "" : "（" + e.getContentType() + "）")
                    + "，请按接口说明发送（通常为 application/json）"));
  }

  /** A value the checks let through but the database refused (too long): rolled back, 400. */
  @ExceptionHandler(DataIntegrityViolationException.class)
  ResponseEntity<Map<String, String>> refused(DataIntegrityViolationException e) {
    if (!RequestProblems.valueRefusedByDatabase(e)) {
      throw e;
    }
    LOG.warn("数据库拒绝了过长或含无效字符的输入（已回滚）");
    return badRequest("INVALID_INPUT", "", RequestProblems.VALUE_REFUSED);
  }
}
