package xuanju.server.election.kind;

import java.time.LocalDate;

/**
 * What the plan check of a direct election knows of its districts and voter register (选区与选民登记情况).
 *
 * @param districts the districts formed
 * @param districtsWithSeats the districts whose seats are fixed (per-district contests only)
 * @param seatSum the seats of those districts together
 * @param registered the registered voters of all districts
 * @param districtsWithoutVoters districts with no voter registered
 * @param unpublished districts whose voter list is not yet published
 * @param latestPublication the statutory last day to publish the lists (选举日前二十日)
 * @param today the day of the check
 */
public record RegisterFacts(
    int districts,
    int districtsWithSeats,
    int seatSum,
    long registered,
    int districtsWithoutVoters,
    int unpublished,
    LocalDate latestPublication,
    LocalDate today) {}
