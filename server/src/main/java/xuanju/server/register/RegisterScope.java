package xuanju.server.register;

import xuanju.server.election.Election;

/**
 * The register (选民登记册) that "one person, one registration" (每一选民只能在一个选区进行选民登记) applies to: the same
 * kind of election in the same cycle, across the installation. A resident is lawfully a voter of
 * the community's 居委会 election and of the town's people's congress election at the same time; those
 * are two registers. The cycle is the calendar year of the election day.
 *
 * <p>The scope is stored in {@code voter_registration.scope} (e.g. {@code
 * TOWN_PEOPLES_CONGRESS:2026}); the database's unique key {@code (scope, person_id)} is the last
 * line behind the service's check. This is the only place the scope is defined.
 */
public final class RegisterScope {
  private RegisterScope() {}

  /** The scope of an election's register: its kind and the year of its election day. */
  public static String of(Election e) {
    return e.kind().name() + ":" + e.electionDay().getYear();
  }
}
