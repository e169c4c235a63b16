package xuanju.core.quota;

import java.util.Locale;
import java.util.Optional;

/** Gender (性别) as recorded for composition quotas. */
public enum Gender {
  MALE("男"),
  FEMALE("女");

  private final String labelZh;

  Gender(String labelZh) {
    this.labelZh = labelZh;
  }

  public String labelZh() {
    return labelZh;
  }

  /** Reads {@code 男}/{@code 女}, {@code M}/{@code F}, {@code male}/{@code female} (any case). */
  public static Optional<Gender> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "男", "m", "male" -> Optional.of(MALE);
      case "女", "f", "female" -> Optional.of(FEMALE);
      default -> Optional.empty();
    };
  }
}
