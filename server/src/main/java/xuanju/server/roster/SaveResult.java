package xuanju.server.roster;

import java.util.List;
import java.util.Map;

/**
 * The outcome of adding or editing a member by hand (保存结果): the member's id when saved, or the
 * Chinese errors by form field ({@code residentId} → message) and a message for the whole form
 * (e.g. a stale edit). Warnings do not stop the save.
 */
public record SaveResult(
    boolean saved,
    long memberId,
    Map<String, String> fieldErrors,
    String formError,
    List<String> warnings) {
  public SaveResult {
    fieldErrors = Map.copyOf(fieldErrors);
    warnings = List.copyOf(warnings);
    formError = formError == null ? "" : formError;
  }
}
