package xuanju.server.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import xuanju.server.audit.AuditLog;

/** The audit log page for administrators (审计日志). */
@Controller
class AdminAuditController {
  private final AuditLog audit;

  AdminAuditController(AuditLog audit) {
    this.audit = audit;
  }

  @GetMapping("/admin/audit")
  String audit(Model model) {
    model.addAttribute("events", audit.latest(200));
    model.addAttribute("brokenAt", audit.firstBrokenLink().orElse(null));
    return "admin/audit";
  }
}
