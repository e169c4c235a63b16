package xuanju.server.roster;

/**
 * One problem of an import (导入问题): the row as Excel numbers it (0 for the file as a whole), the
 * column's Chinese name, the rule code, the severity and the Chinese message.
 */
public record RowProblem(int row, String column, String code, String severity, String message) {
  /** {@code 第12行 公民身份号码：校验位错误（应为X）}; file problems give just the message. */
  public String display() {
    if (row <= 0) {
      return message;
    }
    return "第" + row + "行" + (column.isEmpty() ? "：" : " " + column + "：") + message;
  }
}
