package xuanju.server.web;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import xuanju.server.audit.AuditActions;
import xuanju.server.audit.AuditBrowser;
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
  private final AuditBrowser browser;

  AdminAuditController(AuditLog audit, StartupCheck check, AuditBrowser browser) {
    this.audit = audit;
    this.check = check;
    this.browser = browser;
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
  String audit(
      @RequestParam(defaultValue = "") String action,
      @RequestParam(defaultValue = "") String person,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          java.time.LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          java.time.LocalDate to,
      @RequestParam(defaultValue = "") String words,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    AuditBrowser.Filter f = new AuditBrowser.Filter(action, person, from, to, words);
    model.addAttribute("filter", f);
    model.addAttribute("result", browser.search(f, page));
    model.addAttribute("actions", AuditActions.all());
    model.addAttribute("brokenAt", audit.firstBrokenLink().orElse(null));
    return "admin/audit";
  }
}
