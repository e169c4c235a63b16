package xuanju.server.delegates;

import java.time.LocalDate;

/** A recorded 五必知 notification: what the members were told, when, to whom and how. */
public record Notification(
    long id, FiveMustKnow item, LocalDate notifiedOn, String audience, String method) {}
