package xuanju.server.delegates;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.core.rule.Citation;
import xuanju.core.rule.Confidence;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.audit.AuditLog;

/**
 * 党员“五必知” (seed 003 "工作要求"): each notification is recorded with what was made known, the day, to
 * whom and how. An item can only be made known once it exists (the recommended names, the 初步人选, the
 * 预备人选, the result); otherwise the order rule refuses it and nothing is saved. Reading needs VIEW,
 * recording MANAGE; every record is audited.
 */
@Service
public class NotificationService {
  /** The plan's words, shown with the list. */
  public static final String RULE_ZH =
      "要实现党员“五必知”：本支部推荐提名人选必知、党（工）委遴选结果必知、候选人初步人选必知、候选人预备人选必知、选举结果必知";

  public static final Citation CITATION =
      Citation.of("XX区选举出席XX市第十二次党代会代表工作方案（003）", "“工作要求”", "§4.6", Confidence.PLAN);

  private final StageGuard guard;
  private final StageRepository stages;
  private final ConferenceService conferences;
  private final AuditLog audit;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  NotificationService(
      StageGuard guard,
      StageRepository stages,
      ConferenceService conferences,
      AuditLog audit,
      JdbcTemplate jdbc,
      Clock clock) {
    this.guard = guard;
    this.stages = stages;
    this.conferences = conferences;
    this.audit = audit;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The recorded notifications (VIEW), by item and day. */
  @Transactional(readOnly = true)
  public List<Notification> list(long electionId) {
    guard.election(electionId, Permission.VIEW);
    return jdbc.query(
        "SELECT id, item, notified_on, audience, method FROM delegate_notification"
            + " WHERE election_id = ? ORDER BY notified_on, id",
        (rs, i) ->
            new Notification(
                rs.getLong(1),
                FiveMustKnow.valueOf(rs.getString(2)),
                rs.getObject(3, LocalDate.class),
                rs.getString(4),
                rs.getString(5)),
        electionId);
  }

  /** 两次公示: the vetting publicity and the 初步人选 publicity as recorded on 考察与人选 (VIEW). */
  @Transactional(readOnly = true)
  public List<StagePublicity> publicities(long electionId) {
    guard.election(electionId, Permission.VIEW);
    List<StagePublicity> out = new java.util.ArrayList<>();
    for (StagePublicity.Kind k : StagePublicity.Kind.values()) {
      stages.publicity(electionId, k).ifPresent(out::add);
    }
    return List.copyOf(out);
  }

  /** Records a notification (MANAGE); refused before the item exists. */
  @Transactional
  public void record(
      long electionId, FiveMustKnow item, LocalDate on, String audience, String method) {
    guard.election(electionId, Permission.MANAGE);
    if (item == null) {
      throw new InvalidInputException("item", "告知事项：请选择");
    }
    LocalDate day = StageGuard.required(on, "notifiedOn", "告知日期");
    String who = StageGuard.text(audience, "audience", "告知对象", 300);
    String how = StageGuard.text(method, "method", "告知方式", 200);
    Map<StageStep, StageDecision> done = guard.decisions(electionId);
    switch (item) {
      case RECOMMENDED, SELECTED -> {
        if (stages.pool(electionId).isEmpty()) {
          throw new IllegalStateException(
              StageRule.ORDER.refuse("尚无推荐人选，不能登记“" + item.labelZh() + "必知”"));
        }
      }
      case PRELIMINARY -> guard.require(done, StageStep.PRELIMINARY_DECIDED, "告知候选人初步人选前");
      case PREPARATORY -> guard.require(done, StageStep.PREPARATORY_DECIDED, "告知候选人预备人选前");
      case RESULT -> {
        if (!conferences.page(electionId).finished()) {
          throw new IllegalStateException(StageRule.ORDER.refuse("党代表会议尚未选举产生代表，不能登记“选举结果必知”"));
        }
      }
      default -> throw new IllegalStateException();
    }
    String actor = AccessService.currentUser();
    jdbc.update(
        "INSERT INTO delegate_notification (election_id, item, notified_on, audience, method,"
            + " recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        electionId,
        item.name(),
        Date.valueOf(day),
        who,
        how,
        actor,
        Timestamp.from(clock.instant()));
    audit.append(
        actor,
        "DELEGATE_NOTIFICATION_RECORDED",
        "election:" + electionId,
        day + "以" + how + "向" + who + "告知" + item.labelZh() + "（五必知）");
  }
}
