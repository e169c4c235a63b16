package xuanju.core.slate;

import java.util.Objects;
import xuanju.core.quota.Person;
import xuanju.core.rule.InvalidInputException;

/**
 * A recommended person in the pool (推荐人选): the person with the attributes the quotas look at, and
 * the support (推荐票数) the proposal maximises.
 *
 * @param person the person; tags follow the identity classification ({@link Identity})
 * @param support recommendation votes, 0 to {@link #MAX_SUPPORT}
 */
public record Nominee(Person person, long support) {
  /** The largest support one person may carry (keeps the solver's sums in range). */
  public static final long MAX_SUPPORT = 1_000_000;

  public Nominee {
    Objects.requireNonNull(person, "person");
    if (support < 0 || support > MAX_SUPPORT) {
      throw new InvalidInputException("support", "推荐票数应在0至" + MAX_SUPPORT + "之间，实际为 " + support);
    }
  }

  public String id() {
    return person.id();
  }
}
