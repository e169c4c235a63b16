package xuanju.server.nomination;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import xuanju.core.quota.Gender;
import xuanju.core.roster.Education;
import xuanju.core.roster.Member;
import xuanju.core.roster.MemberStatus;
import xuanju.core.roster.Membership;
import xuanju.core.schedule.PeriodUnit;

/** The nomination tables (两推一选数据): JDBC, no checks (the service checks). */
@Repository
class NominationRepository {
  private static final String NOMINEE_SELECT =
      "SELECT n.*, m.organisation_id AS m_org, m.name AS m_name, m.gender AS m_gender,"
          + " m.ethnicity AS m_ethnicity, m.birth_date AS m_birth_date, m.resident_id AS m_resident_id,"
          + " m.education AS m_education, m.join_date AS m_join_date, m.membership AS m_membership,"
          + " m.status AS m_status, m.phone AS m_phone"
          + " FROM nominee n JOIN party_member m ON m.id = n.member_id";

  private final JdbcTemplate jdbc;

  NominationRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  // ---- state ----

  Optional<NominationState> state(long electionId) {
    return jdbc
        .query(
            "SELECT * FROM nomination WHERE election_id = ?",
            NominationRepository::mapState,
            electionId)
        .stream()
        .findFirst();
  }

  /** The state row, created in RECOMMENDATION on first use. */
  NominationState ensureState(long electionId, Instant now) {
    return state(electionId)
        .orElseGet(
            () -> {
              jdbc.update(
                  "INSERT INTO nomination (election_id, phase, updated_at, version) VALUES (?, ?, ?, 0)",
                  electionId,
                  Phase.RECOMMENDATION.name(),
                  Timestamp.from(now));
              return state(electionId).orElseThrow();
            });
  }

  /**
   * Saves the state if it is still at {@code s.version()}; false when someone changed it meanwhile.
   */
  boolean saveState(NominationState s, Instant now) {
    return jdbc.update(
            "UPDATE nomination SET phase = ?, meeting_rule = ?, meeting_expected = ?, meeting_present = ?,"
                + " ballot_limit = ?, publicity_posted = ?, publicity_days = ?, publicity_unit = ?,"
                + " quota_set_id = ?, min_age = ?, max_age = ?, decided_by = ?, decided_at = ?,"
                + " decision_note = ?, updated_at = ?, version = version + 1"
                + " WHERE election_id = ? AND version = ?",
            s.phase().name(),
            s.meetingRule().name(),
            s.meetingExpected(),
            s.meetingPresent(),
            s.ballotLimit(),
            s.publicityPosted() == null ? null : Date.valueOf(s.publicityPosted()),
            s.publicityDays(),
            s.publicityUnit().name(),
            s.quotaSetId(),
            s.minAge(),
            s.maxAge(),
            s.decidedBy(),
            s.decidedAt() == null ? null : Timestamp.from(s.decidedAt()),
            s.decisionNote() == null ? "" : s.decisionNote(),
            Timestamp.from(now),
            s.electionId(),
            s.version())
        == 1;
  }

  static NominationState mapState(ResultSet rs, int row) throws SQLException {
    Date posted = rs.getDate("publicity_posted");
    Timestamp decided = rs.getTimestamp("decided_at");
    return new NominationState(
        rs.getLong("election_id"),
        Phase.valueOf(rs.getString("phase")),
        MeetingRule.valueOf(rs.getString("meeting_rule")),
        rs.getObject("meeting_expected", Integer.class),
        rs.getObject("meeting_present", Integer.class),
        rs.getObject("ballot_limit", Integer.class),
        posted == null ? null : posted.toLocalDate(),
        rs.getInt("publicity_days"),
        PeriodUnit.valueOf(rs.getString("publicity_unit")),
        rs.getString("quota_set_id"),
        rs.getObject("min_age", Integer.class),
        rs.getObject("max_age", Integer.class),
        rs.getString("decided_by"),
        decided == null ? null : decided.toInstant(),
        rs.getString("decision_note"),
        rs.getInt("version"));
  }

  // ---- nominees ----

  List<Nominee> nominees(long electionId) {
    return jdbc.query(
        NOMINEE_SELECT + " WHERE n.election_id = ? ORDER BY n.id",
        NominationRepository::mapNominee,
        electionId);
  }

  Optional<Nominee> nominee(long electionId, long nomineeId) {
    return jdbc
        .query(
            NOMINEE_SELECT + " WHERE n.election_id = ? AND n.id = ?",
            NominationRepository::mapNominee,
            electionId,
            nomineeId)
        .stream()
        .findFirst();
  }

  Optional<Nominee> nomineeByMember(long electionId, long memberId) {
    return jdbc
        .query(
            NOMINEE_SELECT + " WHERE n.election_id = ? AND n.member_id = ?",
            NominationRepository::mapNominee,
            electionId,
            memberId)
        .stream()
        .findFirst();
  }

  long insertNominee(
      long electionId, long memberId, int typedVotes, int ballotVotes, boolean upper, Instant now) {
    var keys = new GeneratedKeyHolder();
    jdbc.update(
        con -> {
          var ps =
              con.prepareStatement(
                  "INSERT INTO nominee (election_id, member_id, typed_votes, ballot_votes,"
                      + " upper_recommended, created_at, version) VALUES (?, ?, ?, ?, ?, ?, 0)",
                  new String[] {"id"});
          ps.setLong(1, electionId);
          ps.setLong(2, memberId);
          ps.setInt(3, typedVotes);
          ps.setInt(4, ballotVotes);
          ps.setBoolean(5, upper);
          ps.setTimestamp(6, Timestamp.from(now));
          return ps;
        },
        keys);
    return keys.getKey().longValue();
  }

  void updateRecommendation(long nomineeId, int typedVotes, boolean upper) {
    jdbc.update(
        "UPDATE nominee SET typed_votes = ?, upper_recommended = ?, version = version + 1 WHERE id = ?",
        typedVotes,
        upper,
        nomineeId);
  }

  void addBallotVote(long nomineeId) {
    jdbc.update(
        "UPDATE nominee SET ballot_votes = ballot_votes + 1, version = version + 1 WHERE id = ?",
        nomineeId);
  }

  void deleteNominee(long nomineeId) {
    jdbc.update("DELETE FROM nominee_disqualification WHERE nominee_id = ?", nomineeId);
    jdbc.update("DELETE FROM nominee WHERE id = ?", nomineeId);
  }

  /**
   * Puts exactly {@code ids} on the list named by {@code column} (preliminary / pre_candidate /
   * formal).
   */
  void setList(long electionId, String column, Collection<Long> ids) {
    if (!List.of("preliminary", "pre_candidate", "formal").contains(column)) {
      throw new IllegalArgumentException(column);
    }
    jdbc.update("UPDATE nominee SET " + column + " = FALSE WHERE election_id = ?", electionId);
    for (Long id : ids) {
      jdbc.update(
          "UPDATE nominee SET " + column + " = TRUE WHERE election_id = ? AND id = ?",
          electionId,
          id);
    }
  }

  static Nominee mapNominee(ResultSet rs, int row) throws SQLException {
    Member m =
        new Member(
            rs.getString("m_name"),
            Gender.valueOf(rs.getString("m_gender")),
            rs.getString("m_ethnicity"),
            rs.getDate("m_birth_date").toLocalDate(),
            rs.getString("m_resident_id"),
            Education.valueOf(rs.getString("m_education")),
            rs.getDate("m_join_date").toLocalDate(),
            Membership.valueOf(rs.getString("m_membership")),
            MemberStatus.valueOf(rs.getString("m_status")),
            rs.getString("m_phone"));
    return new Nominee(
        rs.getLong("id"),
        rs.getLong("election_id"),
        rs.getLong("member_id"),
        m,
        rs.getInt("typed_votes"),
        rs.getInt("ballot_votes"),
        rs.getBoolean("upper_recommended"),
        rs.getBoolean("preliminary"),
        rs.getBoolean("pre_candidate"),
        rs.getBoolean("formal"),
        rs.getInt("version"));
  }

  // ---- members of the branch ----

  /** The organisation a member belongs to, if the member exists. */
  Optional<Long> memberOrganisation(long memberId) {
    return jdbc
        .query(
            "SELECT organisation_id FROM party_member WHERE id = ?",
            (rs, i) -> rs.getLong(1),
            memberId)
        .stream()
        .findFirst();
  }

  /** id → name of the organisation's members, by name. */
  Map<Long, String> memberNames(long organisationId) {
    return memberNames(organisationId, false);
  }

  /**
   * The organisation's members (id → name) in 姓氏笔画 order (core {@link
   * xuanju.core.names.NameOrder#surnameStrokes()}), for the choosers; with {@code mayStand} only
   * those with 被选举权 (core {@link xuanju.core.roster.Roster#votingRight}: full members whose rights
   * are not suspended).
   */
  Map<Long, String> memberNames(long organisationId, boolean mayStand) {
    record Line(long id, String name) {}
    List<Line> lines = new ArrayList<>();
    jdbc.query(
        "SELECT id, name, membership, status FROM party_member WHERE organisation_id = ?",
        rs -> {
          if (mayStand
              && !xuanju.core.roster.Roster.votingRight(
                      Membership.valueOf(rs.getString(3)), MemberStatus.valueOf(rs.getString(4)))
                  .outcome()
                  .hasVote()) {
            return;
          }
          lines.add(new Line(rs.getLong(1), rs.getString(2)));
        },
        organisationId);
    xuanju.core.names.NameOrder order = xuanju.core.names.NameOrder.surnameStrokes();
    lines.sort(Comparator.comparing(Line::name, order).thenComparingLong(Line::id));
    Map<Long, String> out = new LinkedHashMap<>();
    lines.forEach(l -> out.put(l.id(), l.name()));
    return out;
  }

  // ---- ballots ----

  void insertBallot(long electionId, List<Long> memberIds, String actor, Instant now) {
    jdbc.update(
        "INSERT INTO nomination_ballot (election_id, member_ids, entered_by, entered_at)"
            + " VALUES (?, ?, ?, ?)",
        electionId,
        memberIds.stream().map(String::valueOf).collect(Collectors.joining(",")),
        actor,
        Timestamp.from(now));
  }

  long ballotCount(long electionId) {
    Long n =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM nomination_ballot WHERE election_id = ?", Long.class, electionId);
    return n == null ? 0 : n;
  }

  // ---- reports ----

  List<PublicityReport> reports(long electionId) {
    return jdbc.query(
        "SELECT * FROM nomination_report WHERE election_id = ? ORDER BY received_on, id",
        (rs, i) ->
            new PublicityReport(
                rs.getLong("id"),
                rs.getLong("election_id"),
                rs.getDate("received_on").toLocalDate(),
                rs.getString("content"),
                rs.getString("handling"),
                rs.getString("outcome"),
                rs.getString("created_by")),
        electionId);
  }

  long insertReport(
      long electionId, LocalDate receivedOn, String content, String actor, Instant now) {
    var keys = new GeneratedKeyHolder();
    jdbc.update(
        con -> {
          var ps =
              con.prepareStatement(
                  "INSERT INTO nomination_report (election_id, received_on, content, created_by,"
                      + " created_at) VALUES (?, ?, ?, ?, ?)",
                  new String[] {"id"});
          ps.setLong(1, electionId);
          ps.setDate(2, Date.valueOf(receivedOn));
          ps.setString(3, content);
          ps.setString(4, actor);
          ps.setTimestamp(5, Timestamp.from(now));
          return ps;
        },
        keys);
    return keys.getKey().longValue();
  }

  boolean updateReport(
      long electionId, long reportId, String handling, String outcome, String actor, Instant now) {
    return jdbc.update(
            "UPDATE nomination_report SET handling = ?, outcome = ?, handled_by = ?, handled_at = ?"
                + " WHERE id = ? AND election_id = ?",
            handling,
            outcome,
            actor,
            Timestamp.from(now),
            reportId,
            electionId)
        == 1;
  }

  // ---- negative list ----

  Map<Long, List<Disqualification>> disqualifications(long electionId) {
    Map<Long, List<Disqualification>> out = new LinkedHashMap<>();
    jdbc.query(
        "SELECT d.* FROM nominee_disqualification d JOIN nominee n ON n.id = d.nominee_id"
            + " WHERE n.election_id = ? ORDER BY d.id",
        rs -> {
          Disqualification d =
              new Disqualification(
                  rs.getLong("id"),
                  rs.getLong("nominee_id"),
                  rs.getString("reason"),
                  rs.getString("evidence"),
                  rs.getString("recorded_by"),
                  rs.getTimestamp("recorded_at").toInstant());
          out.computeIfAbsent(d.nomineeId(), k -> new java.util.ArrayList<>()).add(d);
        },
        electionId);
    return out;
  }

  void insertDisqualification(
      long nomineeId, String reason, String evidence, String actor, Instant now) {
    jdbc.update(
        "INSERT INTO nominee_disqualification (nominee_id, reason, evidence, recorded_by, recorded_at)"
            + " VALUES (?, ?, ?, ?, ?)",
        nomineeId,
        reason,
        evidence,
        actor,
        Timestamp.from(now));
  }

  Optional<Disqualification> disqualification(long electionId, long id) {
    return disqualifications(electionId).values().stream()
        .flatMap(List::stream)
        .filter(d -> d.id() == id)
        .findFirst();
  }

  void deleteDisqualification(long id) {
    jdbc.update("DELETE FROM nominee_disqualification WHERE id = ?", id);
  }

  // ---- relations ----

  /** The relations with at least one member of the organisation. */
  List<Relation> relations(long organisationId) {
    return jdbc.query(
        "SELECT r.*, a.name AS name_a, b.name AS name_b FROM relation r"
            + " JOIN party_member a ON a.id = r.member_a JOIN party_member b ON b.id = r.member_b"
            + " WHERE a.organisation_id = ? OR b.organisation_id = ? ORDER BY r.id",
        (rs, i) ->
            new Relation(
                rs.getLong("id"),
                rs.getLong("member_a"),
                rs.getString("name_a"),
                rs.getLong("member_b"),
                rs.getString("name_b"),
                RelationKind.valueOf(rs.getString("kind")),
                rs.getString("note")),
        organisationId,
        organisationId);
  }

  boolean relationExists(long a, long b, RelationKind kind) {
    Long n =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM relation WHERE member_a = ? AND member_b = ? AND kind = ?",
            Long.class,
            a,
            b,
            kind.name());
    return n != null && n > 0;
  }

  long insertRelation(long a, long b, RelationKind kind, String note, String actor, Instant now) {
    var keys = new GeneratedKeyHolder();
    jdbc.update(
        con -> {
          var ps =
              con.prepareStatement(
                  "INSERT INTO relation (member_a, member_b, kind, note, created_by, created_at)"
                      + " VALUES (?, ?, ?, ?, ?, ?)",
                  new String[] {"id"});
          ps.setLong(1, a);
          ps.setLong(2, b);
          ps.setString(3, kind.name());
          ps.setString(4, note);
          ps.setString(5, actor);
          ps.setTimestamp(6, Timestamp.from(now));
          return ps;
        },
        keys);
    return keys.getKey().longValue();
  }

  void deleteRelation(long id) {
    jdbc.update("DELETE FROM relation WHERE id = ?", id);
  }
}
