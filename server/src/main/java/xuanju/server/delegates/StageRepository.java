package xuanju.server.delegates;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import xuanju.core.quota.Gender;

/** Persistence of the stages after 推荐提名 (tables of V39). */
@Repository
class StageRepository {
  private final JdbcTemplate jdbc;

  StageRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  private static final String PERSON_COLUMNS =
      "r.id, u.name, r.name, r.gender, r.birth_date, r.ethnicity, r.category, r.occupation,"
          + " r.tags, r.support_votes, r.party_joined, r.education";

  private static Recommendee person(ResultSet rs) throws SQLException {
    String tags = rs.getString(9);
    Set<String> t =
        tags == null || tags.isBlank()
            ? Set.of()
            : Arrays.stream(tags.split("、")).collect(Collectors.toSet());
    return new Recommendee(
        rs.getString(3),
        Gender.valueOf(rs.getString(4)),
        rs.getObject(5, LocalDate.class),
        rs.getString(6),
        DelegateCategory.valueOf(rs.getString(7)),
        rs.getString(8),
        t,
        rs.getInt(10),
        rs.getObject(11, LocalDate.class),
        rs.getString(12));
  }

  /** The recommended pool (every unit's current list), as stage members without a stage. */
  List<StageMember> pool(long electionId) {
    return jdbc.query(
        "SELECT "
            + PERSON_COLUMNS
            + " FROM delegate_recommendee r JOIN delegate_unit u ON u.id = r.unit_id"
            + " WHERE u.election_id = ? ORDER BY u.id, r.list_order",
        (rs, i) ->
            new StageMember(
                rs.getLong(1),
                rs.getString(2),
                person(rs),
                false,
                null,
                null,
                null,
                null,
                null,
                null),
        electionId);
  }

  /** A stage's list, withdrawn members included, in the pool's order. */
  List<StageMember> members(long electionId, DelegateStage stage) {
    return jdbc.query(
        "SELECT "
            + PERSON_COLUMNS
            + ", m.locked, m.unit_opinion, m.discipline_opinion, m.withdrawn_on, m.withdrawn_reason,"
            + " m.regulator_department, m.regulator_opinion"
            + " FROM delegate_stage_member m JOIN delegate_recommendee r ON r.id = m.recommendee_id"
            + " JOIN delegate_unit u ON u.id = r.unit_id"
            + " WHERE m.election_id = ? AND m.stage = ? ORDER BY u.id, r.list_order",
        (rs, i) ->
            new StageMember(
                rs.getLong(1),
                rs.getString(2),
                person(rs),
                rs.getBoolean(13),
                rs.getString(14),
                rs.getString(15),
                rs.getObject(16, LocalDate.class),
                rs.getString(17),
                rs.getString(18),
                rs.getString(19)),
        electionId,
        stage.name());
  }

  void insertMembers(long electionId, DelegateStage stage, Collection<Long> recommendeeIds) {
    List<Object[]> rows = new ArrayList<>();
    for (long id : recommendeeIds) {
      rows.add(new Object[] {electionId, stage.name(), id});
    }
    jdbc.batchUpdate(
        "INSERT INTO delegate_stage_member (election_id, stage, recommendee_id) VALUES (?, ?, ?)",
        rows);
  }

  boolean withdraw(
      long electionId, DelegateStage stage, long recommendeeId, LocalDate on, String reason) {
    return jdbc.update(
            "UPDATE delegate_stage_member SET withdrawn_on = ?, withdrawn_reason = ?"
                + " WHERE election_id = ? AND stage = ? AND recommendee_id = ?"
                + " AND withdrawn_on IS NULL",
            Date.valueOf(on),
            reason,
            electionId,
            stage.name(),
            recommendeeId)
        == 1;
  }

  void setOpinion(long electionId, long recommendeeId, boolean unit, String text) {
    jdbc.update(
        "UPDATE delegate_stage_member SET "
            + (unit ? "unit_opinion" : "discipline_opinion")
            + " = ? WHERE election_id = ? AND stage = ? AND recommendee_id = ?",
        text,
        electionId,
        DelegateStage.SUBJECTS.name(),
        recommendeeId);
  }

  void setRegulatorOpinion(long electionId, long recommendeeId, String department, String text) {
    jdbc.update(
        "UPDATE delegate_stage_member SET regulator_department = ?, regulator_opinion = ?"
            + " WHERE election_id = ? AND stage = ? AND recommendee_id = ?",
        department,
        text,
        electionId,
        DelegateStage.SUBJECTS.name(),
        recommendeeId);
  }

  /** The stage counts set for the election (each null for the default). */
  StageCounts stageCounts(long electionId) {
    return jdbc
        .query(
            "SELECT subjects_count, preliminary_count FROM delegate_stage_counts"
                + " WHERE election_id = ?",
            (rs, i) ->
                new StageCounts(rs.getObject(1, Integer.class), rs.getObject(2, Integer.class)),
            electionId)
        .stream()
        .findFirst()
        .orElse(StageCounts.DEFAULTS);
  }

  void saveStageCounts(
      long electionId, Integer subjects, Integer preliminary, String actor, Instant at) {
    jdbc.update("DELETE FROM delegate_stage_counts WHERE election_id = ?", electionId);
    jdbc.update(
        "INSERT INTO delegate_stage_counts (election_id, subjects_count, preliminary_count,"
            + " recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?)",
        electionId,
        subjects,
        preliminary,
        actor,
        Timestamp.from(at));
  }

  void setLocks(long electionId, Collection<Long> locked) {
    jdbc.update(
        "UPDATE delegate_stage_member SET locked = FALSE WHERE election_id = ? AND stage = ?",
        electionId,
        DelegateStage.PRELIMINARY.name());
    for (long id : locked) {
      jdbc.update(
          "UPDATE delegate_stage_member SET locked = TRUE"
              + " WHERE election_id = ? AND stage = ? AND recommendee_id = ?",
          electionId,
          DelegateStage.PRELIMINARY.name(),
          id);
    }
  }

  List<StageDecision> decisions(long electionId) {
    return jdbc.query(
        "SELECT step, body, decided_on, document, required_count FROM delegate_stage_step"
            + " WHERE election_id = ?",
        (rs, i) ->
            new StageDecision(
                StageStep.valueOf(rs.getString(1)),
                StageBody.valueOf(rs.getString(2)),
                rs.getObject(3, LocalDate.class),
                rs.getString(4),
                rs.getObject(5, Integer.class)),
        electionId);
  }

  /** Records a step once; false when it is already recorded. */
  boolean insertDecision(long electionId, StageDecision d, String actor, Instant at) {
    Integer n =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM delegate_stage_step WHERE election_id = ? AND step = ?",
            Integer.class,
            electionId,
            d.step().name());
    if (n != null && n > 0) {
      return false;
    }
    jdbc.update(
        "INSERT INTO delegate_stage_step (election_id, step, body, decided_on, document,"
            + " required_count, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        electionId,
        d.step().name(),
        d.body().name(),
        Date.valueOf(d.decidedOn()),
        d.document(),
        d.requiredCount(),
        actor,
        Timestamp.from(at));
    return true;
  }

  boolean anyStep(long electionId) {
    Integer n =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM delegate_stage_step WHERE election_id = ?",
            Integer.class,
            electionId);
    return n != null && n > 0;
  }

  Optional<StagePublicity> publicity(long electionId, StagePublicity.Kind kind) {
    return jdbc
        .query(
            "SELECT announced_on, starts_on, ends_on, scope, document FROM delegate_publicity"
                + " WHERE election_id = ? AND kind = ?",
            (rs, i) -> {
              LocalDate from = rs.getObject(2, LocalDate.class);
              LocalDate to = rs.getObject(3, LocalDate.class);
              return new StagePublicity(
                  kind,
                  rs.getObject(1, LocalDate.class),
                  from,
                  to,
                  rs.getString(4),
                  rs.getString(5),
                  WorkingDays.between(from, to));
            },
            electionId,
            kind.name())
        .stream()
        .findFirst();
  }

  void insertPublicity(long electionId, StagePublicity p, String actor, Instant at) {
    jdbc.update(
        "INSERT INTO delegate_publicity (election_id, kind, announced_on, starts_on, ends_on,"
            + " scope, document, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        electionId,
        p.kind().name(),
        Date.valueOf(p.announcedOn()),
        Date.valueOf(p.startsOn()),
        Date.valueOf(p.endsOn()),
        p.scope(),
        p.document(),
        actor,
        Timestamp.from(at));
  }

  List<StageComplaint> complaints(long electionId) {
    return jdbc.query(
        "SELECT c.id, c.kind, c.recommendee_id, r.name, c.received_on, c.summary, c.checked_on,"
            + " c.conclusion FROM delegate_complaint c"
            + " JOIN delegate_recommendee r ON r.id = c.recommendee_id"
            + " WHERE c.election_id = ? ORDER BY c.id",
        (rs, i) ->
            new StageComplaint(
                rs.getLong(1),
                StagePublicity.Kind.valueOf(rs.getString(2)),
                rs.getLong(3),
                rs.getString(4),
                rs.getObject(5, LocalDate.class),
                rs.getString(6),
                rs.getObject(7, LocalDate.class),
                rs.getString(8)),
        electionId);
  }

  long insertComplaint(
      long electionId,
      StagePublicity.Kind kind,
      long recommendeeId,
      LocalDate receivedOn,
      String summary,
      String actor,
      Instant at) {
    jdbc.update(
        "INSERT INTO delegate_complaint (election_id, kind, recommendee_id, received_on, summary,"
            + " recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        electionId,
        kind.name(),
        recommendeeId,
        Date.valueOf(receivedOn),
        summary,
        actor,
        Timestamp.from(at));
    return jdbc.queryForObject(
        "SELECT MAX(id) FROM delegate_complaint WHERE election_id = ?", Long.class, electionId);
  }

  boolean checkComplaint(long electionId, long complaintId, LocalDate on, String conclusion) {
    return jdbc.update(
            "UPDATE delegate_complaint SET checked_on = ?, conclusion = ?"
                + " WHERE election_id = ? AND id = ? AND checked_on IS NULL",
            Date.valueOf(on),
            conclusion,
            electionId,
            complaintId)
        == 1;
  }
}
