package xuanju.core.register;

import java.time.LocalDate;
import xuanju.core.rule.InvalidInputException;

/**
 * A change of the voter list after publication (选民名单公布后的变更), recorded with its reason and published
 * in a 变更公告.
 *
 * @param kind 补登, 除名 or 更正
 * @param name whose entry changed
 * @param changedOn the day of the change
 * @param reason why; required
 */
public record ListChange(Kind kind, String name, LocalDate changedOn, String reason) {

  /** The kind of change (变更类别). */
  public enum Kind {
    ADDITION("补登"),
    REMOVAL("除名"),
    CORRECTION("更正");

    private final String labelZh;

    Kind(String labelZh) {
      this.labelZh = labelZh;
    }

    public String labelZh() {
      return labelZh;
    }
  }

  public ListChange {
    if (kind == null) {
      throw new InvalidInputException("change.kind", "名单变更须写明类别（补登、除名或更正）");
    }
    name = name == null ? "" : name.strip();
    if (changedOn == null) {
      throw new InvalidInputException("change.changedOn", "名单变更须记录日期");
    }
    if (reason == null || reason.isBlank()) {
      throw new InvalidInputException("change.reason", "名单变更（" + kind.labelZh() + "）须写明理由");
    }
    reason = reason.strip();
  }
}
