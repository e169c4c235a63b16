package xuanju.core.rule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The findings of a check, errors, warnings and notices kept apart and each sorted by code so the
 * output order never changes (检查结果汇总).
 */
public record Findings(List<Finding> errors, List<Finding> warnings, List<Finding> notices) {
  private static final Comparator<Finding> BY_CODE = Comparator.comparing(Finding::code);

  public Findings {
    errors = sorted(errors);
    warnings = sorted(warnings);
    notices = sorted(notices);
  }

  private static List<Finding> sorted(List<Finding> in) {
    List<Finding> copy = new ArrayList<>(in);
    copy.sort(BY_CODE);
    return List.copyOf(copy);
  }

  public static Findings of(List<Finding> all) {
    List<Finding> e = new ArrayList<>();
    List<Finding> w = new ArrayList<>();
    List<Finding> n = new ArrayList<>();
    for (Finding f : all) {
      switch (f.severity()) {
        case ERROR -> e.add(f);
        case WARNING -> w.add(f);
        case NOTICE -> n.add(f);
      }
    }
    return new Findings(e, w, n);
  }

  public static Findings none() {
    return new Findings(List.of(), List.of(), List.of());
  }

  public boolean ok() {
    return errors.isEmpty();
  }

  public List<Finding> all() {
    List<Finding> all = new ArrayList<>(errors);
    all.addAll(warnings);
    all.addAll(notices);
    return List.copyOf(all);
  }

  public List<String> codes() {
    return all().stream().map(Finding::code).toList();
  }
}
