package xuanju.core.quorum;

/**
 * The result of a quorum, turnout or ballot-count check (有效性检查结果).
 *
 * @param met whether the meeting or vote is valid
 * @param actual the number counted (present, voted, ballots returned)
 * @param base the number compared with (expected, registered, all deputies, ballots issued)
 * @param minimum for quorum and turnout: the smallest {@code actual} that passes; for the ballot
 *     count: the largest {@code actual} that passes
 * @param ruleCode the rule applied
 */
public record QuorumCheck(boolean met, long actual, long base, long minimum, String ruleCode) {}
