package xuanju.server.web;

import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.system.SystemInfo;

/** The dashboard (工作台): what needs doing next. */
@Controller
class DashboardController {
  private final OrganisationService organisations;
  private final SystemInfo system;

  DashboardController(OrganisationService organisations, SystemInfo system) {
    this.organisations = organisations;
    this.system = system;
  }

  @GetMapping("/")
  String dashboard(Principal principal, Model model) {
    model.addAttribute("organisations", organisations.all());
    model.addAttribute("system", system);
    return "dashboard";
  }
}
