package xuanju.server.plan;

import java.util.List;
import xuanju.core.rule.Finding;
import xuanju.core.rule.Rule;

/**
 * A step refused by a rule (规则阻止的操作): the Chinese message names the rule code. It is an {@link
 * IllegalStateException}, so the API answers 409; pages show the message and change nothing.
 */
public class RuleBlockedException extends IllegalStateException {
  private final List<String> codes;

  public RuleBlockedException(Rule rule, String messageZh) {
    super(messageZh + "（" + rule.code() + "）");
    this.codes = List.of(rule.code());
  }

  /** Blocked by several findings (all errors are listed, each with its code). */
  public RuleBlockedException(String leadZh, List<Finding> errors) {
    super(
        leadZh
            + String.join(
                "；", errors.stream().map(f -> f.messageZh() + "（" + f.code() + "）").toList()));
    this.codes = errors.stream().map(Finding::code).toList();
  }

  /** The rule codes that blocked the step. */
  public List<String> codes() {
    return codes;
  }
}
