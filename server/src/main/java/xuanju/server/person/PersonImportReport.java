package xuanju.server.person;

import java.util.List;
import xuanju.server.roster.RowProblem;

/**
 * The outcome of a person-register import (居民名册导入结果). When {@link #ok} is false nothing was
 * written. At most {@link #SHOWN} problems of each kind are listed; the counts are complete.
 *
 * @param rows data rows read from the file
 * @param created people added (新增)
 * @param updated people of this organisation's register updated from the file (更新)
 */
public record PersonImportReport(
    boolean ok,
    int rows,
    int created,
    int updated,
    int errorCount,
    List<RowProblem> errors,
    int warningCount,
    List<RowProblem> warnings) {
  public static final int SHOWN = 1000;

  public PersonImportReport {
    errors = List.copyOf(errors);
    warnings = List.copyOf(warnings);
  }

  static PersonImportReport fileProblem(ImportProblem p, String message) {
    return new PersonImportReport(
        false,
        0,
        0,
        0,
        1,
        List.of(new RowProblem(0, "", p.code(), "ERROR", message)),
        0,
        List.of());
  }

  /** {@code 导入居民名册 45 人（新增 40 人，更新 5 人）} or a one-line summary of the errors. */
  public String summary() {
    if (ok) {
      return "导入居民名册 " + (created + updated) + " 人（新增 " + created + " 人，更新 " + updated + " 人）";
    }
    return "导入失败：发现 " + errorCount + " 个错误，未导入任何居民。请改正后重新上传。";
  }
}
