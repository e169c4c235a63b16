package xuanju.core.margin;

import java.util.Objects;
import xuanju.core.rule.InvalidInputException;

/**
 * What to compute a candidate range for (差额计算条件).
 *
 * @param stage the nomination stage
 * @param post the post
 * @param seats 应选人数, ≥ 1
 * @param currentCommitteeSize 现有委员人数, used only when the profile's {@code marginBase} is {@code
 *     CURRENT_COMMITTEE}; 0 when unknown
 */
public record MarginQuery(Stage stage, Post post, int seats, int currentCommitteeSize) {
  public MarginQuery {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(post, "post");
    if (seats < 1) {
      throw new InvalidInputException("seats", "应选人数须至少为1，实为" + seats);
    }
    if (currentCommitteeSize < 0) {
      throw new InvalidInputException("currentCommitteeSize", "现有委员人数不能为负数");
    }
  }

  public static MarginQuery of(Stage stage, Post post, int seats) {
    return new MarginQuery(stage, post, seats, 0);
  }
}
