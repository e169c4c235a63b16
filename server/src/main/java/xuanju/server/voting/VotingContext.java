package xuanju.server.voting;

import java.time.Clock;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import xuanju.core.profile.Profile;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.audit.AuditLog;
import xuanju.server.election.Election;
import xuanju.server.election.ElectionService;

/**
 * What every election-day service shares (选举大会公用): the election with the signed-in user's
 * permission checked, the rule profile, the audit log and the clock.
 */
@Component
public class VotingContext {
  private final ElectionService elections;
  private final AccessService access;
  private final AuditLog audit;
  private final Clock clock;

  public VotingContext(
      ElectionService elections, AccessService access, AuditLog audit, Clock clock) {
    this.elections = elections;
    this.access = access;
    this.audit = audit;
    this.clock = clock;
  }

  /** The election, if the signed-in user holds {@code p} on its organisation (else 403). */
  Election election(long id, Permission p) {
    return elections.get(id, p);
  }

  /** Whether the signed-in user holds {@code p} on the election's organisation. */
  public boolean can(Election e, Permission p) {
    return access.allowed(
        AccessService.currentUser(), AccessService.currentIsAdmin(), e.organisationId(), p);
  }

  /** Throws unless the user may settle differences (SCRUTINISE). */
  void requireScrutineer(Election e) {
    if (!can(e, Permission.SCRUTINISE)) {
      throw new AccessDeniedException("无权" + Permission.SCRUTINISE.labelZh() + "该组织的数据");
    }
  }

  /** The election's rule profile (with the local plan's overrides). */
  Profile profile(Election e) {
    return elections.profile(e);
  }

  /** Appends an election-day event to the audit log, as the signed-in user. */
  void log(Election e, String action, String summary) {
    audit.append(AccessService.currentUser(), action, "election:" + e.id(), summary);
  }

  AuditLog audit() {
    return audit;
  }

  Clock clock() {
    return clock;
  }
}
