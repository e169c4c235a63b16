package xuanju.core.slate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import xuanju.core.quota.Person;
import xuanju.core.quota.QuotaRequirement;
import xuanju.core.quota.Quotas;
import xuanju.core.rule.InvalidInputException;

/**
 * What the slate proposal is asked (建议名单的求解条件): the pool, the number of seats, the composition
 * requirements, the date ages are computed on and the people already settled.
 *
 * <p>The constructor refuses impossible input with {@link InvalidInputException}: no seats,
 * duplicate ids, a locked id not in the pool, a birth date after the reference date, an age
 * requirement without a date, and tags that break the identity classification ({@link Identity}).
 * Tags are normalised ({@code 专业技术人员} → {@code 专业技术}).
 *
 * @param pool the recommended people (推荐人选), in input order
 * @param seats N, the number of people on the slate (应选名额)
 * @param requirements the composition requirements, e.g. {@code
 *     QuotaSets.PARTY_CONGRESS_DELEGATES.requirements()}
 * @param referenceDate the date ages are computed on (election day); needed for age requirements
 * @param locked ids that must be on the slate (锁定人选)
 */
public record SlateRequest(
    List<Nominee> pool,
    int seats,
    List<QuotaRequirement> requirements,
    LocalDate referenceDate,
    Set<String> locked) {

  /** The most people a pool may hold. */
  public static final int MAX_POOL = 5_000;

  public SlateRequest {
    if (seats < 1) {
      throw new InvalidInputException("seats", "应选名额应为正整数，实际为 " + seats);
    }
    if (pool == null || pool.isEmpty()) {
      throw new InvalidInputException("people", "推荐人选名单为空");
    }
    if (pool.size() > MAX_POOL) {
      throw new InvalidInputException("people", "推荐人选不能超过" + MAX_POOL + "名，实际为 " + pool.size());
    }
    requirements = List.copyOf(requirements == null ? List.of() : requirements);
    List<Nominee> normalised = new ArrayList<>();
    for (int i = 0; i < pool.size(); i++) {
      Nominee n = pool.get(i);
      Person p = n.person();
      Person q =
          new Person(
              p.id(),
              p.name(),
              p.gender(),
              p.birthDate(),
              p.ethnicity(),
              p.partyMember(),
              Identity.normalise(p.tags()));
      Identity.check(q, "people[" + i + "]");
      normalised.add(new Nominee(q, n.support()));
    }
    pool = List.copyOf(normalised);
    // duplicate ids, birth dates after the reference date, an age requirement without a date
    Quotas.check(requirements, pool.stream().map(Nominee::person).toList(), referenceDate);
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < pool.size(); i++) {
      index.put(pool.get(i).id(), i);
    }
    Set<String> locks = new LinkedHashSet<>();
    int k = 0;
    for (String id : locked == null ? Set.<String>of() : locked) {
      if (!index.containsKey(id)) {
        throw new InvalidInputException("locked[" + k + "]", "锁定人选 \"" + id + "\" 不在推荐人选名单中");
      }
      locks.add(id);
      k++;
    }
    locked = Set.copyOf(locks);
  }

  /** Whether the person with this id is locked. */
  public boolean isLocked(String id) {
    return locked.contains(id);
  }
}
