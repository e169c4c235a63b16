package xuanju.server.person;

import java.util.List;
import java.util.Map;

/**
 * The outcome of a form (保存结果): saved with the record's id, or the Chinese errors per form field
 * and for the form as a whole; warnings to show either way.
 */
public record PersonSaveResult(
    boolean saved,
    long id,
    Map<String, String> fieldErrors,
    String formError,
    List<String> warnings) {
  public PersonSaveResult {
    fieldErrors = Map.copyOf(fieldErrors);
    warnings = List.copyOf(warnings);
  }

  static PersonSaveResult ok(long id, List<String> warnings) {
    return new PersonSaveResult(true, id, Map.of(), "", warnings);
  }

  static PersonSaveResult invalid(Map<String, String> fieldErrors) {
    return new PersonSaveResult(false, 0, fieldErrors, "请改正标出的项目后再保存", List.of());
  }

  static PersonSaveResult refused(String formError) {
    return new PersonSaveResult(false, 0, Map.of(), formError, List.of());
  }

  /** The error of one field, or null. */
  public String error(String field) {
    return fieldErrors.get(field);
  }
}
