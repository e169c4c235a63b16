package xuanju.core.quorum;

import xuanju.core.rule.InvalidInputException;

/**
 * The head counts of one voting round (选举人数统计). Fields a regime does not use are 0.
 *
 * @param expected 应到会人数 (party: members with a vote, minus approved exclusions)
 * @param present 实到会有选举权人数 (party) or deputies present (indirect)
 * @param registered 登记选民数 (direct, village, residents)
 * @param totalDeputies 全体代表人数 (indirect elections)
 * @param ballotsIssued 发出选票数 (= voters who received a ballot)
 * @param ballotsReturned 收回选票数 (= ballots cast, incl. void and blank)
 * @param registeredZh what {@code registered} counts, in words (default 登记选民数; a residents'
 *     committee elected by households counts 登记参加选举的户数)
 * @param registeredUnitZh its unit (人, or 户)
 */
public record Electorate(
    long expected,
    long present,
    long registered,
    long totalDeputies,
    long ballotsIssued,
    long ballotsReturned,
    String registeredZh,
    String registeredUnitZh) {
  public Electorate {
    registeredZh = registeredZh == null || registeredZh.isBlank() ? "登记选民数" : registeredZh;
    registeredUnitZh =
        registeredUnitZh == null || registeredUnitZh.isBlank() ? "人" : registeredUnitZh;
    check("electorate.expected", expected);
    check("electorate.present", present);
    check("electorate.registered", registered);
    check("electorate.totalDeputies", totalDeputies);
    check("electorate.ballotsIssued", ballotsIssued);
    check("electorate.ballotsReturned", ballotsReturned);
  }

  /** The head counts, the registered base counted in voters (登记选民数). */
  public Electorate(
      long expected,
      long present,
      long registered,
      long totalDeputies,
      long ballotsIssued,
      long ballotsReturned) {
    this(expected, present, registered, totalDeputies, ballotsIssued, ballotsReturned, null, null);
  }

  private static void check(String field, long v) {
    if (v < 0) {
      throw new InvalidInputException(field, "人数不能为负数：" + v);
    }
  }

  /** A party meeting: 应到会, 实到会, ballots issued and returned. */
  public static Electorate party(long expected, long present, long issued, long returned) {
    return new Electorate(expected, present, 0, 0, issued, returned);
  }

  /** A direct, village or residents' election: registered voters, ballots issued and returned. */
  public static Electorate direct(long registered, long issued, long returned) {
    return new Electorate(0, 0, registered, 0, issued, returned);
  }

  /**
   * A direct election whose base is not the registered voters, e.g. the households of a residents'
   * committee elected by household representatives.
   *
   * @param baseZh what the base counts (登记参加选举的户数)
   * @param unitZh its unit (户)
   */
  public static Electorate direct(
      long base, String baseZh, String unitZh, long issued, long returned) {
    return new Electorate(0, 0, base, 0, issued, returned, baseZh, unitZh);
  }

  /** An indirect election: all deputies, deputies present, ballots issued and returned. */
  public static Electorate indirect(long totalDeputies, long present, long issued, long returned) {
    return new Electorate(0, present, 0, totalDeputies, issued, returned);
  }

  /** The same electorate with a new round's ballot counts (present may change too). */
  public Electorate withBallots(long present, long issued, long returned) {
    return new Electorate(
        expected,
        present,
        registered,
        totalDeputies,
        issued,
        returned,
        registeredZh,
        registeredUnitZh);
  }
}
