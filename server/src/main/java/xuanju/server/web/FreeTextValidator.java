package xuanju.server.web;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks a {@link FreeText} value: its length and its characters; null is left to the handler. */
public class FreeTextValidator implements ConstraintValidator<FreeText, String> {
  private FreeText spec;

  @Override
  public void initialize(FreeText spec) {
    this.spec = spec;
  }

  @Override
  public boolean isValid(String value, ConstraintValidatorContext context) {
    String problem = problem(spec, value);
    if (problem == null) {
      return true;
    }
    context.disableDefaultConstraintViolation();
    // the message holds only the label and numbers; braces and $ are escaped for the interpolator
    context
        .buildConstraintViolationWithTemplate(
            problem
                .replace("\\", "\\\\")
                .replace("{", "\\{")
                .replace("}", "\\}")
                .replace("$", "\\$"))
        .addConstraintViolation();
    return false;
  }

  /** The Chinese description of what is wrong with the value, or null when it is acceptable. */
  public static String problem(FreeText spec, String value) {
    return problem(spec.label(), spec.max(), spec.multiline(), value);
  }

  /**
   * The same check for a value that is not a request parameter of its own (e.g. one of several
   * values of a repeated form field, which Spring would split at commas): label, limit and whether
   * line breaks are allowed as in {@link FreeText}.
   */
  public static String problem(String label, int max, boolean multiline, String value) {
    if (value == null) {
      return null;
    }
    if (value.length() > max) {
      return label + "不能超过" + max + "个字（现为" + value.length() + "个字）";
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean lineBreak = c == '\n' || c == '\r' || c == '\t';
      if (lineBreak && !multiline) {
        return label + "不能包含换行符或制表符";
      }
      if (!lineBreak && (Character.isISOControl(c) || c == '\u2028' || c == '\u2029')) {
        return label + "不能包含控制字符";
      }
      if (Character.isSurrogate(c)
          && !(Character.isHighSurrogate(c)
              && i + 1 < value.length()
              && Character.isLowSurrogate(value.charAt(++i)))) {
        return label + "含有无效的字符";
      }
    }
    return null;
  }
}
