package xuanju.core.tally;

import java.util.Objects;
import xuanju.core.rule.InvalidInputException;

/**
 * A candidate printed on the ballot (候选人), in ballot order.
 *
 * @param id stable id (unique in the round)
 * @param name display name
 * @param eligible false when the candidate was disqualified (资格被取消) and so cannot be elected
 */
public record Candidate(String id, String name, boolean eligible) {
  public Candidate {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new InvalidInputException("candidates.id", "候选人编号不能为空");
    }
    name = name == null || name.isBlank() ? id : name;
  }

  public static Candidate of(String id, String name) {
    return new Candidate(id, name, true);
  }
}
