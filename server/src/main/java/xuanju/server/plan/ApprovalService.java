package xuanju.server.plan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.audit.AuditLog;
import xuanju.server.election.Election;
import xuanju.server.election.ElectionService;

/**
 * Requests to the upper organisation and its decisions (请示与批复), for every stage that needs one
 * ({@link ApprovalKind}: the plan, the exclusion list, pre-candidates, formal candidates, results).
 *
 * <p>The branch submits (MANAGE on the election's organisation); the upper organisation decides
 * (APPROVE: a role such as 上级组织审批人员 on an ancestor; a branch's 选举工作管理员 does not hold it). A request
 * is pending until decided; it can be decided once. Nobody decides their own request (system
 * administrators excepted). Every call joins the caller's transaction and is audited, so a stage
 * transition and its approval are stored together.
 */
@Service
public class ApprovalService {
  private final JdbcTemplate jdbc;
  private final ElectionService elections;
  private final AccessService access;
  private final AuditLog audit;
  private final Clock clock;

  public ApprovalService(
      JdbcTemplate jdbc,
      ElectionService elections,
      AccessService access,
      AuditLog audit,
      Clock clock) {
    this.jdbc = jdbc;
    this.elections = elections;
    this.access = access;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Records a request (报送请示). Needs MANAGE.
   *
   * @throws IllegalStateException if a request of this kind is still pending
   */
  @Transactional
  public ApprovalRequest submit(long electionId, ApprovalKind kind, String summaryZh) {
    Election e = elections.get(electionId, Permission.MANAGE);
    if (pendingRow(electionId, kind).isPresent()) {
      throw new IllegalStateException("「" + kind.labelZh() + "」已有待批复的请示，请等待上级批复");
    }
    String actor = AccessService.currentUser();
    var now = clock.instant();
    var keys = new GeneratedKeyHolder();
    String summary = summaryZh == null ? "" : summaryZh;
    jdbc.update(
        con -> {
          var ps =
              con.prepareStatement(
                  "INSERT INTO approval_request (election_id, kind, summary, submitted_by,"
                      + " submitted_at) VALUES (?, ?, ?, ?, ?)",
                  new String[] {"id"});
          ps.setLong(1, electionId);
          ps.setString(2, kind.name());
          ps.setString(3, summary.length() > 2000 ? summary.substring(0, 2000) : summary);
          ps.setString(4, actor);
          ps.setTimestamp(5, Timestamp.from(now));
          return ps;
        },
        keys);
    long id = keys.getKey().longValue();
    audit.append(
        actor,
        "APPROVAL_REQUESTED",
        "election:" + electionId,
        "报送「"
            + kind.labelZh()
            + "」请示，组织「"
            + e.organisationName()
            + "」"
            + (summary.isEmpty() ? "" : "：" + summary));
    return request(id).orElseThrow();
  }

  /**
   * Decides the pending request of this kind (批复). Needs APPROVE on the election's organisation.
   *
   * @throws AccessDeniedException without APPROVE, or for one's own request
   * @throws IllegalStateException if nothing is pending (e.g. decided already)
   * @throws InvalidInputException when returning without a comment
   */
  @Transactional
  public Approval decide(
      long electionId, ApprovalKind kind, ApprovalDecision decision, String comment) {
    Election e = elections.get(electionId, Permission.APPROVE);
    String c = comment == null ? "" : comment.strip();
    if (decision == ApprovalDecision.RETURNED && c.isEmpty()) {
      throw new InvalidInputException(
          "comment",
          PlanRule.RETURN_COMMENT.messageZh() + "（" + PlanRule.RETURN_COMMENT.code() + "）");
    }
    if (c.length() > 2000) {
      throw new InvalidInputException("comment", "批复意见不能超过2000字");
    }
    ApprovalRequest pending =
        pendingRow(electionId, kind)
            .orElseThrow(
                () -> new IllegalStateException("「" + kind.labelZh() + "」没有待批复的请示（可能已经批复）"));
    String actor = AccessService.currentUser();
    if (actor.equals(pending.submittedBy()) && !AccessService.currentIsAdmin()) {
      throw new AccessDeniedException(
          PlanRule.OWN_REQUEST.messageZh() + "（" + PlanRule.OWN_REQUEST.code() + "）");
    }
    var now = clock.instant();
    var keys = new GeneratedKeyHolder();
    try {
      jdbc.update(
          con -> {
            var ps =
                con.prepareStatement(
                    "INSERT INTO approval (request_id, election_id, kind, decision, comment,"
                        + " decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    new String[] {"id"});
            ps.setLong(1, pending.id());
            ps.setLong(2, electionId);
            ps.setString(3, kind.name());
            ps.setString(4, decision.name());
            ps.setString(5, c);
            ps.setString(6, actor);
            ps.setTimestamp(7, Timestamp.from(now));
            return ps;
          },
          keys);
    } catch (DuplicateKeyException ex) {
      throw new IllegalStateException("「" + kind.labelZh() + "」的请示已被他人批复，请刷新页面");
    }
    audit.append(
        actor,
        "APPROVAL_DECIDED",
        "election:" + electionId,
        "批复「"
            + kind.labelZh()
            + "」："
            + decision.labelZh()
            + "，组织「"
            + e.organisationName()
            + "」"
            + (c.isEmpty() ? "" : "，意见：" + c));
    return latest(electionId, kind).orElseThrow();
  }

  /** The pending request of this kind, if any. Needs VIEW. */
  @Transactional(readOnly = true)
  public Optional<ApprovalRequest> pending(long electionId, ApprovalKind kind) {
    elections.get(electionId);
    return pendingRow(electionId, kind);
  }

  /** Every request of this kind with its decision, oldest first. Needs VIEW. */
  @Transactional(readOnly = true)
  public List<ApprovalRequest> history(long electionId, ApprovalKind kind) {
    elections.get(electionId);
    return jdbc.query(
        SELECT + " WHERE r.election_id = ? AND r.kind = ? ORDER BY r.id",
        ApprovalService::map,
        electionId,
        kind.name());
  }

  /** The latest decision of this kind, if any. Needs VIEW. */
  @Transactional(readOnly = true)
  public Optional<Approval> latest(long electionId, ApprovalKind kind) {
    elections.get(electionId);
    return jdbc
        .query(
            SELECT
                + " WHERE r.election_id = ? AND r.kind = ? AND a.id IS NOT NULL ORDER BY a.id DESC",
            ApprovalService::map,
            electionId,
            kind.name())
        .stream()
        .findFirst()
        .map(ApprovalRequest::approval);
  }

  /** Whether the latest decision of this kind is an approval (已批复同意). Needs VIEW. */
  @Transactional(readOnly = true)
  public boolean approved(long electionId, ApprovalKind kind) {
    return latest(electionId, kind)
            .map(a -> a.decision() == ApprovalDecision.APPROVED)
            .orElse(false)
        && pendingRow(electionId, kind).isEmpty();
  }

  /** Whether the signed-in user may decide requests of this election (shows the buttons). */
  public boolean canApprove(Election e) {
    return access.allowed(
        AccessService.currentUser(),
        AccessService.currentIsAdmin(),
        e.organisationId(),
        Permission.APPROVE);
  }

  /**
   * Whether the signed-in user may decide the pending request of this kind (shows 同意/退回): they may
   * approve for the organisation, and the request was not submitted by themselves (不得批复本人报送的请示,
   * {@link PlanRule#OWN_REQUEST}; the service refuses it too).
   */
  @Transactional(readOnly = true)
  public boolean canDecide(Election e, ApprovalKind kind) {
    if (!canApprove(e)) {
      return false;
    }
    if (AccessService.currentIsAdmin()) {
      return true;
    }
    String me = AccessService.currentUser();
    return pendingRow(e.id(), kind).map(r -> !me.equals(r.submittedBy())).orElse(true);
  }

  private static final String SELECT =
      "SELECT r.id AS r_id, r.election_id, r.kind, r.summary, r.submitted_by, r.submitted_at,"
          + " a.id AS a_id, a.decision, a.comment, a.decided_by, a.decided_at"
          + " FROM approval_request r LEFT JOIN approval a ON a.request_id = r.id";

  private Optional<ApprovalRequest> pendingRow(long electionId, ApprovalKind kind) {
    return jdbc
        .query(
            SELECT + " WHERE r.election_id = ? AND r.kind = ? AND a.id IS NULL ORDER BY r.id DESC",
            ApprovalService::map,
            electionId,
            kind.name())
        .stream()
        .findFirst();
  }

  private Optional<ApprovalRequest> request(long id) {
    return jdbc.query(SELECT + " WHERE r.id = ?", ApprovalService::map, id).stream().findFirst();
  }

  private static ApprovalRequest map(ResultSet rs, int row) throws SQLException {
    long electionId = rs.getLong("election_id");
    ApprovalKind kind = ApprovalKind.valueOf(rs.getString("kind"));
    long requestId = rs.getLong("r_id");
    Approval a = null;
    long aid = rs.getLong("a_id");
    if (!rs.wasNull()) {
      a =
          new Approval(
              aid,
              requestId,
              electionId,
              kind,
              ApprovalDecision.valueOf(rs.getString("decision")),
              rs.getString("comment"),
              rs.getString("decided_by"),
              rs.getTimestamp("decided_at").toInstant());
    }
    return new ApprovalRequest(
        requestId,
        electionId,
        kind,
        rs.getString("summary"),
        rs.getString("submitted_by"),
        rs.getTimestamp("submitted_at").toInstant(),
        a);
  }
}
