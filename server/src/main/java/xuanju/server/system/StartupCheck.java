package xuanju.server.system;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import xuanju.server.audit.AuditLog;
import xuanju.server.voting.BallotCoverage;
import xuanju.server.voting.EntryConsistency;

/**
 * The data self-check (数据自检): on every start, periodically while running, and when an administrator
 * asks. It verifies the keyed audit chain ({@link AuditLog#verify()}), recomputes the ballots'
 * running MACs and settled digests against the chain ({@link BallotCoverage}), and compares every
 * ballot entry with its records (counter = number of records = highest position, no gap). A counter
 * that disagrees while the records are complete is brought back in line (the records are what
 * count; the counter only shows progress); anything else is reported.
 *
 * <p>After an unclean shutdown (a marker file in the data folder is written when the application
 * starts and removed when it stops in order; if it is there at start, the last run ended by a power
 * cut, a crash or a forced kill) the outcome is always shown to administrators on the dashboard.
 * Otherwise only a failure is shown; a failure stays there until an administrator dismisses it,
 * even if a later periodic check passes. Start-up and administrator checks are written to the audit
 * log; a periodic check only when it finds a problem it had not reported before.
 *
 * <p>Why after a crash: the embedded H2 database can, in rare cases, reopen after a forced kill
 * with an uncommitted change of the transaction that was in flight (docs/security.md §5). Why
 * always and periodically: the database files can be edited while the server is stopped or behind
 * its back (docs/security.md §4).
 */
@Component
public class StartupCheck {
  private static final Logger LOG = LoggerFactory.getLogger(StartupCheck.class);
  static final String MARKER = "xuanju.running";

  /** What started a check. */
  public enum Trigger {
    UNCLEAN_START("上次运行未正常关闭（断电、崩溃或被强制终止），启动自检："),
    CLEAN_START("启动自检："),
    ADMIN("数据自检（管理员发起）："),
    PERIODIC("定时数据自检：");

    private final String prefix;

    Trigger(String prefix) {
      this.prefix = prefix;
    }
  }

  /** The outcome shown on the dashboard; {@code problems} empty when everything was consistent. */
  public record Report(Trigger trigger, List<String> repaired, List<String> problems) {
    public boolean ok() {
      return problems.isEmpty();
    }

    /** Whether this check followed an unclean shutdown. */
    public boolean uncleanShutdown() {
      return trigger == Trigger.UNCLEAN_START;
    }

    /** One line in Chinese for the log, the audit event and the dashboard. */
    public String summaryZh() {
      StringBuilder sb = new StringBuilder(trigger.prefix);
      if (problems.isEmpty() && repaired.isEmpty()) {
        sb.append("审计链完整，选票记录与审计链相符，各录入的选票序号连续、计数一致。");
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
  private final Duration interval;
  private final AuditLog audit;
  private final EntryConsistency entries;
  private final BallotCoverage ballots;
  private volatile Report latest;
  private volatile List<String> lastPeriodicProblems = List.of();
  private ScheduledExecutorService timer;

  public StartupCheck(
      @Value("${xuanju.data-dir}") String dataDir,
      @Value("${xuanju.mode:serve}") String mode,
      @Value("${xuanju.integrity.check-interval:10m}") Duration interval,
      AuditLog audit,
      EntryConsistency entries,
      BallotCoverage ballots)
      throws IOException {
    this.audit = audit;
    this.entries = entries;
    this.ballots = ballots;
    this.interval = interval;
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

  /** The report on the dashboard, if any (until dismissed). */
  public Optional<Report> latest() {
    return Optional.ofNullable(latest);
  }

  /** Takes the report off the dashboard (it stays in the log and the audit log). */
  public void dismiss() {
    latest = null;
  }

  @EventListener(ApplicationReadyEvent.class)
  void afterStart() {
    if (command) {
      return;
    }
    try {
      audit
          .chainKey(); // an upgraded installation introduces its key (and covers its ballots) first
    } catch (RuntimeException keyMissing) {
      // reported by the check below
    }
    Report r = check(unclean ? Trigger.UNCLEAN_START : Trigger.CLEAN_START);
    if (r.ok()) {
      if (unclean) {
        LOG.warn(r.summaryZh());
      } else {
        LOG.info(r.summaryZh());
      }
    } else {
      LOG.error(r.summaryZh());
    }
    if (!interval.isZero() && !interval.isNegative()) {
      timer =
          Executors.newSingleThreadScheduledExecutor(
              run -> {
                Thread t = new Thread(run, "xuanju-integrity-check");
                t.setDaemon(true);
                return t;
              });
      long ms = interval.toMillis();
      timer.scheduleWithFixedDelay(this::periodic, ms, ms, TimeUnit.MILLISECONDS);
    }
  }

  /** The periodic check (定时数据自检); never throws (the timer would stop). */
  void periodic() {
    try {
      Report r = check(Trigger.PERIODIC);
      if (!r.ok()) {
        LOG.error(r.summaryZh());
      }
    } catch (RuntimeException e) {
      LOG.error("定时数据自检未能完成：{}", e.toString());
    }
  }

  /** Runs the check now as after a start ({@code unclean}) or as an administrator asked. */
  public Report check(boolean uncleanShutdown) {
    return check(uncleanShutdown ? Trigger.UNCLEAN_START : Trigger.ADMIN);
  }

  /**
   * Runs the check now: the audit chain, the ballots against the chain, then every ballot entry's
   * counter. Records the outcome in the audit log and keeps it for the dashboard (see the class
   * comment for when).
   */
  public synchronized Report check(Trigger trigger) {
    List<String> repaired = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    // repairs only where a crash can explain a lag (as before): after an unclean shutdown, or when
    // an administrator asks; a clean start and the periodic check only report
    boolean repair = trigger == Trigger.UNCLEAN_START || trigger == Trigger.ADMIN;
    if (repair) {
      audit
          .alignHead()
          .ifPresent(m -> repaired.add("审计链头指向第" + m.from() + "条，其后已有事件，更正为第" + m.to() + "条"));
    }
    problems.addAll(audit.verify().problemsZh());
    problems.addAll(ballots.check());
    EntryConsistency.Result entries = this.entries.check(repair);
    repaired.addAll(entries.corrected());
    problems.addAll(entries.problems());
    Report r = new Report(trigger, List.copyOf(repaired), List.copyOf(problems));
    boolean record =
        trigger != Trigger.PERIODIC || (!r.ok() && !problems.equals(lastPeriodicProblems));
    if (trigger == Trigger.PERIODIC) {
      lastPeriodicProblems = List.copyOf(problems);
    }
    if (record) {
      try {
        audit.append(
            "system",
            trigger == Trigger.PERIODIC ? "INTEGRITY_CHECK" : "STARTUP_CHECK",
            "system",
            r.summaryZh()); // shortened there if long
      } catch (RuntimeException e) {
        LOG.error("数据自检的结果未能写入审计日志：{}", e.getMessage());
      }
    }
    Report shown = latest;
    boolean show = !r.ok() || trigger == Trigger.UNCLEAN_START || trigger == Trigger.ADMIN;
    if (show && (shown == null || !r.ok() || shown.ok())) {
      latest = r;
    }
    return r;
  }

  /** An orderly stop: the next start is not after a crash. */
  @PreDestroy
  void orderlyStop() {
    if (timer != null) {
      timer.shutdownNow();
    }
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
