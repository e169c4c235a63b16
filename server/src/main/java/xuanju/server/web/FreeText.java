package xuanju.server.web;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A free-text input (自由文本字段) of a form or of the API, with its Chinese name and its limit: at most
 * {@link #max()} characters (the size of the column it is stored in, or less), no control
 * characters (a single-line field also no line breaks). Checked by Spring MVC before the handler
 * runs, so nothing is saved: the API answers 400 {@code {"error": "INVALID_INPUT", "field": …,
 * "message": "组织名称不能超过200个字（现为300个字）"}}, a page is shown again with the message and the input kept
 * ({@link PageErrors}). Every {@code String} request parameter and body field of a POST endpoint
 * carries it ({@code web.FreeTextLimitsTest}).
 */
@Documented
@Constraint(validatedBy = FreeTextValidator.class)
@Target({PARAMETER, FIELD, TYPE_USE})
@Retention(RUNTIME)
public @interface FreeText {
  /** The field's Chinese name, as the form shows it (e.g. 组织名称). */
  String label();

  /** The most characters allowed. */
  int max();

  /** Whether line breaks (and tabs) are allowed (a text area). */
  boolean multiline() default false;

  /** A password: never sent back to the browser when the form is shown again. */
  boolean secret() default false;

  String message() default "";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
