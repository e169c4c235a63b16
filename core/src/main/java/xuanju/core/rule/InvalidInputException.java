package xuanju.core.rule;

/**
 * Input that cannot happen at all (输入错误): an unknown candidate, a negative count, a missing total.
 * Rule findings on plausible input are returned as values, never thrown.
 *
 * <p>The message is in Chinese and names the field, e.g. {@code 字段 candidates[3].id：未知的候选人 "c9"}.
 */
public class InvalidInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String field;

  public InvalidInputException(String field, String messageZh) {
    super(messageZh);
    this.field = field;
  }

  /** The path of the offending field, e.g. {@code ballots[12].marks[3]}. */
  public String field() {
    return field;
  }

  /** The message with the field named first: {@code 字段 x：…}. */
  public String describe() {
    return field == null || field.isEmpty() ? getMessage() : "字段 " + field + "：" + getMessage();
  }
}
