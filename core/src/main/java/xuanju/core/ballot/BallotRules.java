package xuanju.core.ballot;

import xuanju.core.profile.Param;
import xuanju.core.profile.Profile;
import xuanju.core.rule.InvalidInputException;

/**
 * The ballot-validity settings for one round (选票认定规则).
 *
 * @param seats 应选人数 of the round
 * @param candidates number of names printed on the ballot
 * @param writeInAllowed whether write-ins count at all
 * @param writeInRequiresNo whether each write-in needs a 不赞成 on a printed name
 * @param writeInWithoutMark what a write-in without a mark means
 */
public record BallotRules(
    int seats,
    int candidates,
    boolean writeInAllowed,
    boolean writeInRequiresNo,
    WriteInWithoutMark writeInWithoutMark) {
  public BallotRules {
    if (seats < 1) {
      throw new InvalidInputException("seats", "应选人数须至少为1");
    }
    if (candidates < 0) {
      throw new InvalidInputException("candidates", "候选人数不能为负数");
    }
  }

  /** The settings the profile gives for a round with these seats and printed candidates. */
  public static BallotRules of(Profile profile, int seats, int candidates) {
    return new BallotRules(
        seats,
        candidates,
        profile.flag(Param.WRITE_IN_ALLOWED),
        profile.flag(Param.WRITE_IN_REQUIRES_NO),
        WriteInWithoutMark.valueOf(profile.choice(Param.WRITE_IN_WITHOUT_MARK)));
  }
}
