package xuanju.core.rule;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A rule finding on some input (检查结果): which rule, which fields are involved (as paths such as
 * {@code candidates[2].votes}), the facts compared and the Chinese message with numbers filled in.
 */
public record Finding(Rule rule, List<String> fields, Map<String, Object> facts, String messageZh) {
  public Finding {
    Objects.requireNonNull(rule, "rule");
    fields = List.copyOf(fields);
    facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    messageZh = messageZh == null || messageZh.isEmpty() ? rule.messageZh() : messageZh;
  }

  public static Finding of(Rule rule, String field, String messageZh) {
    return new Finding(rule, List.of(field), Map.of(), messageZh);
  }

  public Severity severity() {
    return rule.severity();
  }

  public String code() {
    return rule.code();
  }
}
