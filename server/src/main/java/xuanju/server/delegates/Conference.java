package xuanju.server.delegates;

import java.time.LocalDate;

/**
 * The 党代表会议 that elects the delegates (e.g. the 区党代表会议, whose members are drawn from the 308
 * delegates of the district's congress; seed 003 "代表选举并上报市委").
 *
 * @param expected 应到会代表 (the base of the quorum and of the winning threshold, PARTY_LOCAL)
 * @param present 实到会代表
 * @param seats the seats of the vote: the allocated seats plus the 市委提名 candidates
 */
public record Conference(String name, LocalDate heldOn, int expected, int present, int seats) {}
