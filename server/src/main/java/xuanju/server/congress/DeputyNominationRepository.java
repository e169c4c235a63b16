package xuanju.server.congress;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Storage of the nominations of deputy candidates ({@code deputy_nomination}, V25). */
@Repository
class DeputyNominationRepository {
  private final JdbcTemplate jdbc;

  DeputyNominationRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The district's nominations in the order they were recorded. */
  List<DeputyNomination> ofDistrict(long districtId, ContestLevel level) {
    Map<Long, List<String>> nominators = new LinkedHashMap<>();
    jdbc.query(
        "SELECT n.nomination_id, n.resident_id FROM deputy_nominator n"
            + " JOIN deputy_nomination d ON d.id = n.nomination_id WHERE d.district_id = ?"
            + " AND d.level = ? ORDER BY n.nomination_id, n.resident_id",
        rs -> {
          nominators.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
        },
        districtId,
        level.name());
    return jdbc.query(
        "SELECT id, district_id, nominee_name, nominee_id, organisations, accepted_on, version,"
            + " preselection_votes FROM deputy_nomination WHERE district_id = ? AND level = ?"
            + " ORDER BY id",
        (rs, i) -> {
          String orgs = rs.getString(5);
          return new DeputyNomination(
              rs.getLong(1),
              rs.getLong(2),
              rs.getString(3),
              rs.getString(4),
              orgs.isEmpty() ? List.of() : Arrays.asList(orgs.split("、")),
              nominators.getOrDefault(rs.getLong(1), List.of()),
              rs.getObject(6, LocalDate.class),
              (Integer) rs.getObject(8, Integer.class),
              rs.getInt(7));
        },
        districtId,
        level.name());
  }

  /** The resident ID numbers of the listed voters of these districts. */
  Set<String> listedVoters(List<Long> districtIds) {
    Set<String> out = new HashSet<>();
    for (long districtId : districtIds) {
      out.addAll(
          jdbc.queryForList(
              "SELECT p.resident_id FROM voter_registration r JOIN person p ON p.id = r.person_id"
                  + " WHERE r.district_id = ? AND r.status = 'LISTED'",
              String.class,
              districtId));
    }
    return out;
  }

  long insert(
      long electionId,
      long districtId,
      ContestLevel level,
      String name,
      String nomineeId,
      List<String> organisations,
      List<String> nominators,
      LocalDate acceptedOn,
      String user,
      Instant now) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(
        con -> {
          var ps =
              con.prepareStatement(
                  "INSERT INTO deputy_nomination (election_id, district_id, nominee_name,"
                      + " nominee_id, organisations, accepted_on, recorded_by, recorded_at, level)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  new String[] {"id"});
          ps.setLong(1, electionId);
          ps.setLong(2, districtId);
          ps.setString(3, name);
          ps.setString(4, nomineeId);
          ps.setString(5, String.join("、", organisations));
          ps.setDate(6, acceptedOn == null ? null : Date.valueOf(acceptedOn));
          ps.setString(7, user);
          ps.setTimestamp(8, Timestamp.from(now));
          ps.setString(9, level.name());
          return ps;
        },
        key);
    long id = key.getKey().longValue();
    jdbc.batchUpdate(
        "INSERT INTO deputy_nominator (nomination_id, resident_id) VALUES (?, ?)",
        nominators,
        500,
        (ps, v) -> {
          ps.setLong(1, id);
          ps.setString(2, v);
        });
    return id;
  }

  /** What the person register holds of a nominee (基本情况), by resident ID number. */
  record Facts(String gender, LocalDate birthDate, String ethnicity, String workplace) {}

  Map<String, Facts> facts(List<String> residentIds) {
    Map<String, Facts> out = new HashMap<>();
    for (String id : residentIds) {
      jdbc.query(
          "SELECT gender, birth_date, ethnicity, workplace FROM person WHERE resident_id = ?",
          rs -> {
            out.put(
                id,
                new Facts(
                    rs.getString(1),
                    rs.getObject(2, LocalDate.class),
                    rs.getString(3),
                    rs.getString(4)));
          },
          id);
    }
    return out;
  }

  /** The published formal list of a district, if any. */
  record FormalList(LocalDate publishedOn, FormalListBasis basis, int candidates) {}

  Optional<FormalList> formalList(long districtId, ContestLevel level) {
    return jdbc
        .query(
            "SELECT published_on, basis, candidates FROM deputy_contest_list"
                + " WHERE district_id = ? AND level = ?",
            (rs, i) ->
                new FormalList(
                    rs.getObject(1, LocalDate.class),
                    FormalListBasis.valueOf(rs.getString(2)),
                    rs.getInt(3)),
            districtId,
            level.name())
        .stream()
        .findFirst();
  }

  /** The ids of the district's nominations on the formal list. */
  Set<Long> formalIds(long districtId, ContestLevel level) {
    return new HashSet<>(
        jdbc.queryForList(
            "SELECT id FROM deputy_nomination WHERE district_id = ? AND level = ? AND formal",
            Long.class,
            districtId,
            level.name()));
  }

  void publishFormal(
      long electionId,
      long districtId,
      ContestLevel level,
      List<Long> nominationIds,
      LocalDate publishedOn,
      FormalListBasis basis,
      String user,
      Instant now) {
    jdbc.update(
        "INSERT INTO deputy_contest_list (district_id, level, election_id, published_on, basis,"
            + " candidates, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        districtId,
        level.name(),
        electionId,
        Date.valueOf(publishedOn),
        basis.name(),
        nominationIds.size(),
        user,
        Timestamp.from(now));
    for (long id : nominationIds) {
      jdbc.update(
          "UPDATE deputy_nomination SET formal = TRUE, version = version + 1"
              + " WHERE id = ? AND district_id = ?",
          id,
          districtId);
    }
  }

  /** A formal candidate as the person register knows him or her (for the composition). */
  record FormalPerson(
      String residentId, String name, String ethnicity, String politicalStatus, String tags) {}

  /** The formal candidates of every district of the election, once each. */
  List<FormalPerson> formalPeople(long electionId) {
    Map<String, FormalPerson> out = new LinkedHashMap<>();
    jdbc.query(
        "SELECT n.nominee_id, n.nominee_name, p.ethnicity, p.political_status, p.tags"
            + " FROM deputy_nomination n LEFT JOIN person p ON p.resident_id = n.nominee_id"
            + " WHERE n.election_id = ? AND n.formal AND n.level = 'TOWN' ORDER BY n.id",
        rs -> {
          out.putIfAbsent(
              rs.getString(1),
              new FormalPerson(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5)));
        },
        electionId);
    return new ArrayList<>(out.values());
  }

  /** Records the 预选 votes of nominations. */
  void preselectionVotes(Map<Long, Integer> votes) {
    votes.forEach(
        (id, v) ->
            jdbc.update(
                "UPDATE deputy_nomination SET preselection_votes = ?, version = version + 1"
                    + " WHERE id = ?",
                v,
                id));
  }

  /** Records the acceptance; false when someone changed the nomination meanwhile. */
  boolean accept(long nominationId, int version, LocalDate on) {
    return jdbc.update(
            "UPDATE deputy_nomination SET accepted_on = ?, version = version + 1"
                + " WHERE id = ? AND version = ? AND accepted_on IS NULL",
            Date.valueOf(on),
            nominationId,
            version)
        == 1;
  }
}
