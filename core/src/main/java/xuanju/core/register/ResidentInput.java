package xuanju.core.register;

import java.util.EnumMap;
import java.util.Map;

/**
 * A person as typed into a form or a row of an import file (居民信息原始输入): every field as text, not yet
 * checked. {@link Residents#validate} turns it into a {@link Resident} or findings.
 *
 * @param values the text of each field; absent fields are empty
 */
public record ResidentInput(Map<ResidentField, String> values) {
  public ResidentInput {
    Map<ResidentField, String> v = new EnumMap<>(ResidentField.class);
    for (ResidentField f : ResidentField.values()) {
      String s = values == null ? null : values.get(f);
      v.put(f, s == null ? "" : s);
    }
    values = java.util.Collections.unmodifiableMap(v);
  }

  /** The text of one field, empty if absent. */
  public String get(ResidentField f) {
    return values.get(f);
  }

  /** Whether every field is blank (an empty spreadsheet row). */
  public boolean isBlank() {
    return values.values().stream().allMatch(String::isBlank);
  }
}
