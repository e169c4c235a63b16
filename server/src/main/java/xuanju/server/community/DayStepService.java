package xuanju.server.community;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.core.community.DayStep;
import xuanju.core.community.ElectionDaySteps;
import xuanju.core.rule.Finding;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.election.Election;

/**
 * The election meeting's steps on the day (选举大会程序环节登记), seed 002 四（二）2（5）: 竞职陈述, then the
 * candidates vote together (候选人集中投票), then they leave (候选人集体回避). Recorded in that order, each once,
 * after the vote is opened; the day page shows what is still missing before counting.
 */
@Service
public class DayStepService {
  private final CommunityContext ctx;
  private final JdbcTemplate jdbc;

  DayStepService(CommunityContext ctx, JdbcTemplate jdbc) {
    this.ctx = ctx;
    this.jdbc = jdbc;
  }

  /** A recorded step with its local time and note. */
  public record Recorded(DayStep step, LocalDateTime at, String note) {}

  /** The steps recorded, in order, and what is still missing before counting (Chinese lines). */
  public record View(List<Recorded> recorded, List<Finding> missing, List<DayStep> next) {}

  @Transactional(readOnly = true)
  public View view(long electionId) {
    ctx.election(electionId, Permission.VIEW);
    List<Recorded> rec = recorded(electionId);
    Set<DayStep> done = done(rec);
    List<DayStep> next =
        java.util.Arrays.stream(DayStep.values()).filter(s -> !done.contains(s)).limit(1).toList();
    return new View(rec, ElectionDaySteps.beforeCounting(done).all(), next);
  }

  /**
   * Records a step (MANAGE): refused, nothing stored, before the vote is opened, out of order or a
   * second time.
   */
  @Transactional
  public void record(long electionId, String stepName, String note) {
    Election e = ctx.election(electionId, Permission.MANAGE);
    DayStep step;
    try {
      step = DayStep.valueOf(stepName == null ? "" : stepName.strip());
    } catch (IllegalArgumentException ex) {
      throw new InvalidInputException("step", "程序环节：请从列表中选择");
    }
    Integer votes =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM community_vote WHERE election_id = ?", Integer.class, electionId);
    if (votes == null || votes == 0) {
      throw new InvalidInputException("step", "尚未开始投票，不能登记选举大会程序环节");
    }
    // lock the election's steps so two clerks cannot record out of order at the same moment
    jdbc.queryForList("SELECT id FROM election WHERE id = ? FOR UPDATE", electionId);
    Set<DayStep> done = done(recorded(electionId));
    var errors = ElectionDaySteps.record(done, step).errors();
    if (!errors.isEmpty()) {
      Finding f = errors.get(0);
      throw new InvalidInputException("step", f.messageZh() + CommunityContext.basis(f.rule()));
    }
    String n = note == null ? "" : note.strip();
    jdbc.update(
        "INSERT INTO community_day_step (election_id, step, note, recorded_by, recorded_at)"
            + " VALUES (?, ?, ?, ?, ?)",
        electionId,
        step.name(),
        n,
        AccessService.currentUser(),
        Timestamp.from(Instant.now(ctx.clock)));
    ctx.audit(
        "COMMUNITY_DAY_STEP", e, "选举大会程序：" + step.labelZh() + (n.isEmpty() ? "" : "（" + n + "）"));
  }

  private List<Recorded> recorded(long electionId) {
    ZoneId zone = ctx.clock.getZone();
    return jdbc
        .query(
            "SELECT step, recorded_at, note FROM community_day_step WHERE election_id = ?",
            (rs, i) ->
                new Recorded(
                    DayStep.valueOf(rs.getString(1)),
                    LocalDateTime.ofInstant(rs.getTimestamp(2).toInstant(), zone),
                    rs.getString(3)),
            electionId)
        .stream()
        .sorted(java.util.Comparator.comparing(r -> r.step().ordinal()))
        .toList();
  }

  private static Set<DayStep> done(List<Recorded> rec) {
    Set<DayStep> s = EnumSet.noneOf(DayStep.class);
    rec.forEach(r -> s.add(r.step()));
    return s;
  }
}
