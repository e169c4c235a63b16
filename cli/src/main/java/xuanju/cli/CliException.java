package xuanju.cli;

/** Bad input on the command line (输入错误): printed as one line naming the field, exit status 2. */
public final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String field;

  public CliException(String field, String messageZh) {
    super(messageZh);
    this.field = field;
  }

  public String field() {
    return field;
  }

  /** {@code 错误：字段 candidates[2].id：未知的候选人 "x"}. */
  public String line() {
    return field == null || field.isEmpty()
        ? "错误：" + getMessage()
        : "错误：字段 " + field + "：" + getMessage();
  }
}
