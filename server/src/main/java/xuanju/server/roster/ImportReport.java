package xuanju.server.roster;

import java.util.List;
import xuanju.core.roster.RosterRule;

/**
 * The outcome of an import (导入结果). When {@link #ok} is false nothing was written. At most {@link
 * #SHOWN} problems of each kind are listed; the counts are complete.
 *
 * @param rows data rows read from the file
 * @param created members added
 * @param updated members updated (mode {@link ImportMode#UPDATE_EXISTING})
 */
public record ImportReport(
    boolean ok,
    int rows,
    int created,
    int updated,
    int errorCount,
    List<RowProblem> errors,
    int warningCount,
    List<RowProblem> warnings) {
  static final int SHOWN = 1000;

  public ImportReport {
    errors = List.copyOf(errors);
    warnings = List.copyOf(warnings);
  }

  static ImportReport fileProblem(RosterRule rule, String message) {
    return new ImportReport(
        false,
        0,
        0,
        0,
        1,
        List.of(new RowProblem(0, "", rule.code(), "ERROR", message)),
        0,
        List.of());
  }

  /** {@code 导入党员名册 45 人} or a one-line summary of the errors. */
  public String summary() {
    if (ok) {
      return "导入党员名册 "
          + (created + updated)
          + " 人"
          + (updated > 0 ? "（新增 " + created + " 人，更新 " + updated + " 人）" : "");
    }
    return "导入失败：发现 " + errorCount + " 个错误，未导入任何党员。请改正后重新上传。";
  }
}
