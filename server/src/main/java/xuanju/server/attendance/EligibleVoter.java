package xuanju.server.attendance;

/**
 * A member who may vote at the meeting (应到会党员): on the roster with a vote and not excluded.
 *
 * @param residentIdMasked the resident ID masked ({@code 1522**********002X})
 */
public record EligibleVoter(long memberId, String name, String residentIdMasked) {}
