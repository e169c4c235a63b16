package xuanju.server.attendance;

/**
 * A member left out of 应到会人数 (不参加党员大会的党员, 五类人员), with the reason and a note.
 *
 * @param hasVote whether the member still has a vote; an exclusion only counts when they do
 */
public record Exclusion(
    long id,
    long memberId,
    String name,
    String residentIdMasked,
    String gender,
    String reason,
    String note,
    boolean hasVote) {}
