package xuanju.server.community;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import xuanju.core.community.ChosenBy;
import xuanju.core.community.ElectionCommittee;
import xuanju.core.community.Relation;
import xuanju.core.community.Role;

/**
 * Storage of the residents' election committee, the declared close relations and the election staff
 * ({@code community_committee_member}, {@code community_kinship}, {@code community_staff}, V34),
 * and the look-ups of persons in the register and on the voter list.
 */
@Repository
public class CommitteeRepository {
  private static final String SUBTREE =
      "WITH RECURSIVE sub (id) AS (SELECT id FROM organisation WHERE id = ?"
          + " UNION SELECT o.id FROM organisation o JOIN sub s ON o.parent_id = s.id) ";

  private final JdbcTemplate jdbc;

  CommitteeRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A person found by ID number: id and name. */
  public record PersonRef(long id, String name) {}

  /** A living person of the register kept by the organisation or one below it. */
  Optional<PersonRef> registerPerson(long organisationId, String residentId) {
    return jdbc
        .query(
            SUBTREE
                + "SELECT p.id, p.name FROM person p WHERE p.resident_id = ? AND p.died_on IS NULL"
                + " AND p.organisation_id IN (SELECT id FROM sub)",
            (rs, i) -> new PersonRef(rs.getLong(1), rs.getString(2)),
            organisationId,
            residentId)
        .stream()
        .findFirst();
  }

  /** A voter listed (在册) on the election's voter list. */
  Optional<PersonRef> listedVoter(long electionId, String residentId) {
    return jdbc
        .query(
            "SELECT p.id, p.name FROM voter_registration r JOIN person p ON p.id = r.person_id"
                + " WHERE r.election_id = ? AND r.status = 'LISTED' AND p.resident_id = ?",
            (rs, i) -> new PersonRef(rs.getLong(1), rs.getString(2)),
            electionId,
            residentId)
        .stream()
        .findFirst();
  }

  /** A member of the committee as recorded, current or left. */
  public record Member(
      long id,
      long personId,
      String name,
      String maskedId,
      ChosenBy chosenBy,
      LocalDate chosenOn,
      boolean chair,
      Long replacesId,
      ElectionCommittee.Method method,
      LocalDate leftOn,
      String leftReason,
      int version) {
    public boolean current() {
      return leftOn == null;
    }
  }

  List<Member> members(long electionId) {
    return jdbc.query(
        "SELECT m.id, m.person_id, m.name, p.resident_id, m.chosen_by, m.chosen_on, m.chair,"
            + " m.replaces_id, m.replace_method, m.left_on, m.left_reason, m.version"
            + " FROM community_committee_member m JOIN person p ON p.id = m.person_id"
            + " WHERE m.election_id = ? ORDER BY m.id",
        (rs, i) ->
            new Member(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                xuanju.core.roster.ResidentIds.mask(rs.getString(4)),
                ChosenBy.valueOf(rs.getString(5)),
                rs.getObject(6, LocalDate.class),
                rs.getBoolean(7),
                (Long) rs.getObject(8, Long.class),
                rs.getString(9) == null ? null : ElectionCommittee.Method.valueOf(rs.getString(9)),
                rs.getObject(10, LocalDate.class),
                rs.getString(11),
                rs.getInt(12)),
        electionId);
  }

  void insertMember(
      long electionId,
      PersonRef person,
      ChosenBy chosenBy,
      LocalDate chosenOn,
      boolean chair,
      Long replacesId,
      ElectionCommittee.Method method,
      String user,
      Instant now) {
    jdbc.update(
        "INSERT INTO community_committee_member (election_id, person_id, name, chosen_by,"
            + " chosen_on, chair, replaces_id, replace_method, recorded_by, recorded_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        electionId,
        person.id(),
        person.name(),
        chosenBy.name(),
        Date.valueOf(chosenOn),
        chair,
        replacesId,
        method == null ? null : method.name(),
        user,
        Timestamp.from(now));
  }

  /** Records that a member left; false if someone changed the row meanwhile. */
  boolean leave(long memberId, int version, LocalDate leftOn, String reason) {
    return jdbc.update(
            "UPDATE community_committee_member SET left_on = ?, left_reason = ?, version ="
                + " version + 1 WHERE id = ? AND version = ? AND left_on IS NULL",
            Date.valueOf(leftOn),
            reason,
            memberId,
            version)
        == 1;
  }

  /** A declared relation with both names. */
  public record Kinship(
      long id,
      long personId,
      String personName,
      long relativeId,
      String relativeName,
      Relation relation) {
    Relation.Kinship core() {
      return new Relation.Kinship(String.valueOf(personId), String.valueOf(relativeId), relation);
    }
  }

  List<Kinship> kinships(long electionId) {
    return jdbc.query(
        "SELECT k.id, k.person_id, a.name, k.relative_id, b.name, k.relation"
            + " FROM community_kinship k JOIN person a ON a.id = k.person_id"
            + " JOIN person b ON b.id = k.relative_id WHERE k.election_id = ? ORDER BY k.id",
        (rs, i) ->
            new Kinship(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getLong(4),
                rs.getString(5),
                Relation.valueOf(rs.getString(6))),
        electionId);
  }

  boolean related(long electionId, long a, long b) {
    Long n =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM community_kinship WHERE election_id = ? AND ((person_id = ? AND"
                + " relative_id = ?) OR (person_id = ? AND relative_id = ?))",
            Long.class,
            electionId,
            a,
            b,
            b,
            a);
    return n != null && n > 0;
  }

  void insertKinship(
      long electionId, long personId, long relativeId, Relation r, String user, Instant now) {
    jdbc.update(
        "INSERT INTO community_kinship (election_id, person_id, relative_id, relation,"
            + " recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)",
        electionId,
        personId,
        relativeId,
        r.name(),
        user,
        Timestamp.from(now));
  }

  /** One member of the election staff. */
  public record Staff(
      long id, long personId, String name, String maskedId, Role role, boolean vetted) {}

  List<Staff> staff(long electionId) {
    return jdbc.query(
        "SELECT s.id, s.person_id, p.name, p.resident_id, s.role, s.vetted FROM community_staff s"
            + " JOIN person p ON p.id = s.person_id WHERE s.election_id = ? ORDER BY s.id",
        (rs, i) ->
            new Staff(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                xuanju.core.roster.ResidentIds.mask(rs.getString(4)),
                Role.valueOf(rs.getString(5)),
                rs.getBoolean(6)),
        electionId);
  }

  void insertStaff(
      long electionId, long personId, Role role, boolean vetted, String user, Instant now) {
    jdbc.update(
        "INSERT INTO community_staff (election_id, person_id, role, vetted, recorded_by,"
            + " recorded_at) VALUES (?, ?, ?, ?, ?, ?)",
        electionId,
        personId,
        role.name(),
        vetted,
        user,
        Timestamp.from(now));
  }

  boolean deleteStaff(long electionId, long staffId) {
    return jdbc.update(
            "DELETE FROM community_staff WHERE id = ? AND election_id = ?", staffId, electionId)
        == 1;
  }
}
