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
 */
public record Electorate(
    long expected,
    long present,
    long registered,
    long totalDeputies,
    long ballotsIssued,
    long ballotsReturned) {
  public Electorate {
    check("electorate.expected", expected);
    check("electorate.present", present);
    check("electorate.registered", registered);
    check("electorate.totalDeputies", totalDeputies);
    check("electorate.ballotsIssued", ballotsIssued);
    check("electorate.ballotsReturned", ballotsReturned);
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

  /** An indirect election: all deputies, deputies present, ballots issued and returned. */
  public static Electorate indirect(long totalDeputies, long present, long issued, long returned) {
    return new Electorate(0, present, 0, totalDeputies, issued, returned);
  }

  /** The same electorate with a new round's ballot counts (present may change too). */
  public Electorate withBallots(long present, long issued, long returned) {
    return new Electorate(expected, present, registered, totalDeputies, issued, returned);
  }
}
