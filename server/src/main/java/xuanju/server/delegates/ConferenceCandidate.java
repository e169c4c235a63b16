package xuanju.server.delegates;

import java.time.LocalDate;

/**
 * A candidate on the conference's ballot: a 预备人选 (key {@code R} + the recommended name's id) or a
 * candidate nominated from above (市委提名, key {@code U} + its id).
 *
 * @param sourceZh 预备人选 or 市委提名
 * @param unitName the recommending unit, or the nominating document for a 市委提名 candidate
 * @param categoryZh 局级领导干部 … or 市委提名
 */
public record ConferenceCandidate(
    String key,
    String name,
    String gender,
    LocalDate birthDate,
    String ethnicity,
    String occupation,
    String sourceZh,
    String unitName,
    String categoryZh) {

  static ConferenceCandidate of(StageMember m) {
    Recommendee r = m.person();
    return new ConferenceCandidate(
        "R" + m.recommendeeId(),
        r.name(),
        r.gender().labelZh(),
        r.birthDate(),
        r.ethnicity(),
        r.occupation(),
        "预备人选",
        m.unitName(),
        r.category().labelZh());
  }

  static ConferenceCandidate of(UpperNominee n) {
    return new ConferenceCandidate(
        "U" + n.id(),
        n.name(),
        n.gender(),
        n.birthDate(),
        n.ethnicity(),
        n.occupation(),
        "市委提名",
        n.document(),
        "市委提名");
  }

  /** 出生年月, e.g. 1975年3月. */
  public String birthMonthZh() {
    return birthDate.getYear() + "年" + birthDate.getMonthValue() + "月";
  }
}
