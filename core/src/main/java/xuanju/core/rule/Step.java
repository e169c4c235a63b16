package xuanju.core.rule;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One step of a decision's rule trail (判定依据): the rule applied, the numbers it compared, the test
 * as written, whether it passed, and a Chinese explanation with the numbers filled in.
 *
 * @param rule the rule applied
 * @param inputs the named numbers compared, in a stable order (e.g. {@code yes=41, present=80})
 * @param test the comparison as written, e.g. {@code yes*2 > present}
 * @param passed whether the test held
 * @param explanationZh e.g. {@code 候选人甲得赞成票41票，超过实到会有选举权人数80人的半数，当选}
 */
public record Step(
    Rule rule, Map<String, Long> inputs, String test, boolean passed, String explanationZh) {
  public Step {
    Objects.requireNonNull(rule, "rule");
    inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    test = test == null ? "" : test;
    explanationZh = explanationZh == null ? "" : explanationZh;
  }

  public String code() {
    return rule.code();
  }
}
