package xuanju.core.rule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The index of every rule in the system (规则目录). Each capability registers its rule enum here, one
 * line each; a test checks that codes are unique, well formed, and carry a Chinese message and a
 * source.
 */
public final class RuleCatalog {
  private RuleCatalog() {}

  /** Every rule enum of core. Add your capability's enum here. */
  private static final List<Class<? extends Enum<? extends Rule>>> ENUMS =
      List.of(
          // rule enums are registered below, one line each
          CoreRule.class);

  public static List<Rule> all() {
    List<Rule> all = new ArrayList<>();
    for (Class<? extends Enum<? extends Rule>> e : ENUMS) {
      Arrays.stream(e.getEnumConstants()).map(Rule.class::cast).forEach(all::add);
    }
    return List.copyOf(all);
  }

  public static Optional<Rule> byCode(String code) {
    return all().stream().filter(r -> r.code().equals(code)).findFirst();
  }
}
