package xuanju.server.system;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import xuanju.server.audit.AuditLog;
import xuanju.server.voting.EntryConsistency;

/**
 * Start-up self-check after an unclean shutdown (异常关闭后的启动自检). A marker file in the data folder is
 * written when the application starts and removed when it stops in order; if it is there at start,
 * the last run ended by a power cut, a crash or a forced kill. Then, before anyone works, the audit
 * chain is verified and every ballot entry is compared with its records (counter = number of
 * records = highest position, no gap). A counter that disagrees while the records are complete is
 * brought back in line (the records are what count; the counter only shows progress); anything else
 * is reported. The outcome is logged, written to the audit log and shown to administrators on the
 * dashboard.
 *
 * <p>Why: the embedded H2 database can, in rare cases, reopen after a forced kill with an
 * uncommitted change of the transaction that was in flight (docs/security.md §5).
 */
@Component
public class StartupCheck {
  private static final Logger LOG = LoggerFactory.getLogger(StartupCheck.class);
  static final String MARKER = "xuanju.running";

  /** The outcome shown on the dashboard; {@code problems} empty when everything was consistent. */
  public record Report(boolean uncleanShutdown, List<String> repaired, List<String> problems) {
    public boolean ok() {
      return problems.isEmpty();
    }

    /** One line in Chinese for the log, the audit event and the dashboard. */
    public String summaryZh() {
      StringBuilder sb =
          new StringBuilder(uncleanShutdown ? "上次运行未正常关闭（断电、崩溃或被强制终止），启动自检：" : "数据自检（管理员发起）：");
      if (problems.isEmpty() && repaired.isEmpty()) {
        sb.append("审计链完整，各录入的选票序号连续、计数一致。");
      }
      if (!repaired.isEmpty()) {
        sb.append("已按选票记录更正")
            .append(repaired.size())
            .append("处录入计数（")
            .append(String.join("；", repaired));
        sb.append("）。");
      }
      if (!problems.isEmpty()) {
        sb.append("发现").append(problems.size()).append("个问题，请联系系统管理员核查：");
        sb.append(String.join("；", problems)).append("。");
      }
      return sb.toString();
    }
  }

  private final Path marker;
  private final boolean unclean;
  private final boolean command;
  private final AuditLog audit;
  private final EntryConsistency entries;
  private volatile Report latest;

  public StartupCheck(
      @Value("${xuanju.data-dir}") String dataDir,
      @Value("${xuanju.mode:serve}") String mode,
      AuditLog audit,
      EntryConsistency entries)
      throws IOException {
    this.audit = audit;
    this.entries = entries;
    this.command = "command".equals(mode);
    this.marker = Path.of(dataDir).resolve(MARKER);
    if (command) {
      // audit-verify, backup, restore: they neither change the marker nor run the check; the
      // server's next start does
      this.unclean = false;
      return;
    }
    Files.createDirectories(marker.getParent());
    String me = processId(ProcessHandle.current());
    String before = Files.exists(marker) ? Files.readString(marker).strip() : null;
    // unclean: a marker left by a process that is gone (not this JVM, which may start a second
    // application context on the same folder, and not another process still running)
    this.unclean = before != null && !before.equals(me) && !stillRunning(before);
    Files.writeString(marker, me);
  }

  /** Process id and start time: a process id alone is reused (in a container it is often 1). */
  static String processId(ProcessHandle p) {
    return p.pid() + " " + p.info().startInstant().map(Object::toString).orElse("?");
  }

  private static boolean stillRunning(String id) {
    try {
      long pid = Long.parseLong(id.split(" ")[0]);
      return ProcessHandle.of(pid).map(StartupCheck::processId).filter(id::equals).isPresent();
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Whether the previous run of this data folder ended without an orderly shutdown. */
  public boolean uncleanShutdown() {
    return unclean;
  }

  /** The report of this start's check, if one was made (only after an unclean shutdown). */
  public Optional<Report> latest() {
    return Optional.ofNullable(latest);
  }

  /** Takes the report off the dashboard (it stays in the log and the audit log). */
  public void dismiss() {
    latest = null;
  }

  @EventListener(ApplicationReadyEvent.class)
  void afterStart() {
    if (unclean) {
      Report r = check(true);
      if (r.ok()) {
        LOG.warn(r.summaryZh());
      } else {
        LOG.error(r.summaryZh());
      }
    }
  }

  /**
   * Runs the check now: the audit chain, then every ballot entry. Records the outcome in the audit
   * log and keeps it for the dashboard.
   */
  public Report check(boolean uncleanShutdown) {
    List<String> repaired = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    audit
        .alignHead()
        .ifPresent(m -> repaired.add("审计链头指向第" + m.from() + "条，其后已有事件，更正为第" + m.to() + "条"));
    audit
        .firstBrokenLink()
        .ifPresent(seq -> problems.add("审计链自第" + seq + "条起校验不通过（xuanju audit-verify 可复核）"));
    EntryConsistency.Result entries = this.entries.check();
    repaired.addAll(entries.corrected());
    problems.addAll(entries.problems());
    Report r = new Report(uncleanShutdown, List.copyOf(repaired), List.copyOf(problems));
    audit.append("system", "STARTUP_CHECK", "system", r.summaryZh()); // shortened there if long
    latest = r;
    return r;
  }

  /** An orderly stop: the next start is not after a crash. */
  @PreDestroy
  void orderlyStop() {
    if (command) {
      return;
    }
    try {
      if (Files.exists(marker)
          && Files.readString(marker).strip().equals(processId(ProcessHandle.current()))) {
        Files.delete(marker);
      }
    } catch (IOException e) {
      LOG.warn("未能删除运行标记文件 {}：{}", marker, e.toString());
    }
  }
}
