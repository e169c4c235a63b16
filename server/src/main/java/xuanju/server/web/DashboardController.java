package xuanju.server.web;

import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.plan.DeadlineService;
import xuanju.server.system.StartupCheck;
import xuanju.server.system.SystemInfo;

/** The dashboard (工作台): what needs doing next. */
@Controller
class DashboardController {
  private final OrganisationService organisations;
  private final SystemInfo system;
  private final AccessService access;
  private final DeadlineService deadlines;
  private final StartupCheck startupCheck;

  DashboardController(
      OrganisationService organisations,
      SystemInfo system,
      AccessService access,
      DeadlineService deadlines,
      StartupCheck startupCheck) {
    this.organisations = organisations;
    this.system = system;
    this.access = access;
    this.deadlines = deadlines;
    this.startupCheck = startupCheck;
  }

  @GetMapping("/")
  String dashboard(Principal principal, Model model) {
    var visible =
        access.visibleOrganisations(
            principal.getName(), AccessService.currentIsAdmin(), Permission.VIEW);
    model.addAttribute(
        "organisations",
        organisations.all().stream().filter(o -> visible.contains(o.id())).toList());
    model.addAttribute("system", system);
    model.addAttribute("deadlines", deadlines.upcoming(3));
    if (AccessService.currentIsAdmin()) {
      startupCheck.latest().ifPresent(r -> model.addAttribute("startupCheck", r));
    }
    return "dashboard";
  }
}
