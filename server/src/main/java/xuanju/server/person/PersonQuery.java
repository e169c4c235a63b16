package xuanju.server.person;

import java.util.Set;

/**
 * A search of the person register (居民查询).
 *
 * @param organisations the organisations searched; null = every organisation (callers check access)
 * @param text a name fragment, the start of an ID number (at least 4 characters) or a unit
 *     fragment; empty = everyone
 * @param unit only this 村/社区/单位 (exact); null = any
 * @param group only this 居民小组 (exact); null = any
 */
public record PersonQuery(Set<Long> organisations, String text, String unit, String group) {
  public PersonQuery {
    organisations = organisations == null ? null : Set.copyOf(organisations);
    text = text == null ? "" : text.strip();
    unit = unit == null || unit.isBlank() ? null : unit.strip();
    group = group == null ? null : group.strip();
  }

  /** Everyone of one organisation. */
  public static PersonQuery of(long organisationId) {
    return new PersonQuery(Set.of(organisationId), "", null, null);
  }

  /** The people of one organisation's unit and group ({@code group} null = the whole unit). */
  public static PersonQuery of(long organisationId, String unit, String group) {
    return new PersonQuery(Set.of(organisationId), "", unit == null ? "" : unit, group);
  }
}
