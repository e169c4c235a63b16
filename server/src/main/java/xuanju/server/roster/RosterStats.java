package xuanju.server.roster;

/**
 * Head counts of a roster (名册统计): all records, full and probationary members, and members with a
 * vote (正式党员 whose rights are not suspended; PARTY.VOTE.*).
 */
public record RosterStats(long total, long full, long probationary, long withVote) {}
