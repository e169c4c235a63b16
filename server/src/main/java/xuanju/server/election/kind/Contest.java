package xuanju.server.election.kind;

import java.util.Objects;

/**
 * A contest (选举职位): a post with its default number of seats, voted on at one stage. Several
 * contests may share a ballot day (e.g. 主任、副主任、委员; 镇人大代表 and 县人大代表).
 *
 * @param postZh the post, e.g. {@code 居民委员会主任}
 * @param defaultSeats the seats a new plan starts with (per district when {@code scope} is {@link
 *     Scope#PER_DISTRICT})
 * @param stage 1 for the election meeting or polling day, 2 for the committee's first plenum
 * @param scope whether the seats are for the whole organisation or per electoral district
 */
public record Contest(String postZh, int defaultSeats, int stage, Scope scope) {
  /** Where the seats of a contest are counted (名额范围). */
  public enum Scope {
    /** 全体: one count of seats for the organisation. */
    WHOLE,
    /** 每个选区: the seats are per electoral district (选区). */
    PER_DISTRICT
  }

  public Contest {
    Objects.requireNonNull(postZh, "postZh");
    Objects.requireNonNull(scope, "scope");
    if (defaultSeats < 1 || stage < 1 || stage > 2) {
      throw new IllegalArgumentException("contest " + postZh + ": seats >= 1, stage 1 or 2");
    }
  }

  /** A contest of the first stage for the whole organisation. */
  public static Contest of(String postZh, int defaultSeats) {
    return new Contest(postZh, defaultSeats, 1, Scope.WHOLE);
  }
}
