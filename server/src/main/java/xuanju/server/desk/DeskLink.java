package xuanju.server.desk;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;

/**
 * Whether the navigation offers the town's desk (上级工作台): only to people who approve for some
 * organisation (and administrators). Templates call it as {@code ${@deskLink.shown()}}.
 */
@Component("deskLink")
public class DeskLink {
  private final AccessService access;

  DeskLink(AccessService access) {
    this.access = access;
  }

  public boolean shown() {
    Authentication a = SecurityContextHolder.getContext().getAuthentication();
    if (a == null || !a.isAuthenticated() || "anonymousUser".equals(a.getName())) {
      return false;
    }
    try {
      return AccessService.currentIsAdmin()
          || !access.visibleOrganisations(a.getName(), false, Permission.APPROVE).isEmpty();
    } catch (RuntimeException e) {
      return false; // e.g. on an error page while the database is unavailable
    }
  }
}
