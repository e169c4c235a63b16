package xuanju.server.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import xuanju.server.audit.AuditLog;
import xuanju.server.system.StartupCheck;

/**
 * The audit log page for administrators (审计日志), and the data self-check (数据自检) an administrator can
 * run at any time (e.g. after restoring a backup); its outcome is shown on the dashboard.
 */
@Controller
class AdminAuditController {
  private final AuditLog audit;
  private final StartupCheck check;

  AdminAuditController(AuditLog audit, StartupCheck check) {
    this.audit = audit;
    this.check = check;
  }

  @PostMapping("/admin/integrity-check")
  String runCheck() {
    check.check(false);
    return "redirect:/";
  }

  @PostMapping("/admin/integrity-check/dismiss")
  String dismiss() {
    check.dismiss();
    return "redirect:/";
  }

  @GetMapping("/admin/audit")
  String audit(Model model) {
    model.addAttribute("events", audit.latest(200));
    model.addAttribute("brokenAt", audit.firstBrokenLink().orElse(null));
    return "admin/audit";
  }
}
