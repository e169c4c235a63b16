package xuanju.server.delegates;

import java.time.LocalDate;

/**
 * A candidate on the conference's ballot: a 预备人选 (key {@code R} + the recommended name's id) or a
 * candidate nominated from above (市委提名, key {@code U} + its id), or a person written in on the
 * ballots (另选他人, key {@code W} + the name; only the name is known).
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

  /** The key of a write-in (另选他人) name. */
  static String writeInKey(String name) {
    return WRITE_IN + name;
  }

  static final String WRITE_IN = "W";

  /** A person written in on the ballots (另选他人): only the name is known, the rest blank. */
  static ConferenceCandidate writeIn(String name) {
    return new ConferenceCandidate(writeInKey(name), name, "", null, "", "", "另选他人", "", "");
  }

  public boolean isWriteIn() {
    return key.startsWith(WRITE_IN);
  }

  /** 出生年月, e.g. 1975年3月 (blank when not known, as for a write-in). */
  public String birthMonthZh() {
    return birthDate == null ? "" : birthDate.getYear() + "年" + birthDate.getMonthValue() + "月";
  }
}
