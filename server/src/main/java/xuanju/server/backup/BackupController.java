package xuanju.server.backup;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The backup page for system administrators (数据备份与恢复): download a backup of the whole database,
 * upload one to restore into an empty installation. {@code /admin/**} is for administrators only
 * ({@code SecurityConfig}); {@link BackupService} checks again.
 */
@Controller
class BackupController {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private final BackupService backups;
  private final Clock clock;

  BackupController(BackupService backups, Clock clock) {
    this.backups = backups;
    this.clock = clock;
  }

  @GetMapping("/admin/backup")
  String page(Model model) {
    model.addAttribute("schemaVersion", backups.schemaVersion());
    model.addAttribute("counts", backups.rowCounts());
    model.addAttribute("empty", backups.targetEmpty());
    return "admin/backup";
  }

  @GetMapping("/admin/backup/download")
  void download(HttpServletResponse response) throws IOException {
    String name =
        "xuanju-backup-" + STAMP.format(clock.instant().atZone(ZoneId.systemDefault())) + ".zip";
    response.setContentType("application/zip");
    response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
    response.setHeader("Cache-Control", "no-store");
    backups.backup(response.getOutputStream());
  }

  @PostMapping("/admin/backup/restore")
  String restore(@RequestParam("file") MultipartFile file, Model model, HttpServletRequest request)
      throws IOException {
    if (file.isEmpty()) {
      model.addAttribute("error", "请选择要恢复的备份文件（.zip）");
      return page(model);
    }
    Path tmp = Files.createTempFile("xuanju-restore-", ".zip");
    try {
      file.transferTo(tmp);
      Manifest m = backups.restore(tmp);
      // the accounts are now those of the backup: sign out and sign in again
      var session = request.getSession(false);
      if (session != null) {
        session.invalidate();
      }
      SecurityContextHolder.clearContext();
      return "redirect:/login?restored=" + m.totalRows();
    } catch (BackupException e) {
      model.addAttribute("error", e.getMessage());
      return page(model);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
