package xuanju.core.profile;

import java.util.Objects;
import xuanju.core.rule.Citation;

/**
 * One parameter as set by a profile (参数设定): its current value, the profile's default and the legal
 * source of the default.
 *
 * @param param the parameter
 * @param value the effective value (after overrides), canonical text
 * @param defaultValue the profile's own value
 * @param citation the legal source of the default value
 */
public record Setting(Param param, String value, String defaultValue, Citation citation) {
  public Setting {
    Objects.requireNonNull(param, "param");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(defaultValue, "defaultValue");
    Objects.requireNonNull(citation, "citation");
  }

  /** Whether a local plan changed this value. */
  public boolean overridden() {
    return !value.equals(defaultValue);
  }
}
