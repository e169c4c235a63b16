package xuanju.server.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.stereotype.Component;
import xuanju.core.catalog.RuleCatalog;
import xuanju.core.rule.Rule;

/**
 * Every rule the system applies (规则目录): the core catalogue plus the rule enums of the server's
 * capabilities (plan, attendance, nomination, voting …), found on the class path so that a new
 * capability's rules are listed without registration.
 */
@Component
public class RuleRegistry {
  private final List<Rule> all;

  public RuleRegistry() {
    List<Rule> rules = new ArrayList<>(RuleCatalog.all());
    rules.addAll(serverRules());
    rules.sort(Comparator.comparing(Rule::code));
    this.all = List.copyOf(rules);
  }

  /** Every rule, sorted by code. */
  public List<Rule> all() {
    return all;
  }

  public Optional<Rule> byCode(String code) {
    return all.stream().filter(r -> r.code().equals(code)).findFirst();
  }

  /** The rule enums declared in {@code xuanju.server}. */
  static List<Rule> serverRules() {
    var scanner =
        new ClassPathScanningCandidateComponentProvider(false) {
          @Override
          protected boolean isCandidateComponent(
              org.springframework.beans.factory.annotation.AnnotatedBeanDefinition d) {
            return d.getMetadata().isIndependent();
          }
        };
    scanner.addIncludeFilter(new AssignableTypeFilter(Rule.class));
    List<Rule> out = new ArrayList<>();
    for (var bd : scanner.findCandidateComponents("xuanju.server")) {
      try {
        Class<?> c = Class.forName(bd.getBeanClassName());
        if (c.isEnum() && Rule.class.isAssignableFrom(c)) {
          Arrays.stream(c.getEnumConstants()).map(Rule.class::cast).forEach(out::add);
        }
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
    }
    return out;
  }
}
