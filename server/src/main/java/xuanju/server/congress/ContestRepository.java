package xuanju.server.congress;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Storage of the county-level districts ({@code county_district}, V30) and the contests' areas. */
@Repository
class ContestRepository {
  private final JdbcTemplate jdbc;

  ContestRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A town district as the contests see it. */
  record TownDistrict(long id, int number, String name, Integer seats, Long countyDistrictId) {}

  /** The election's town districts in number order. */
  List<TownDistrict> townDistricts(long electionId) {
    return jdbc.query(
        "SELECT id, number, name, seats, county_district_id FROM district WHERE election_id = ?"
            + " ORDER BY number",
        (rs, i) ->
            new TownDistrict(
                rs.getLong(1),
                rs.getInt(2),
                rs.getString(3),
                (Integer) rs.getObject(4, Integer.class),
                (Long) rs.getObject(5, Long.class)),
        electionId);
  }

  /** A county district as stored, with its member town districts in number order. */
  record CountyRow(long id, int number, String name, int seats, List<TownDistrict> members) {}

  List<CountyRow> countyDistricts(long electionId) {
    Map<Long, List<TownDistrict>> members = new LinkedHashMap<>();
    for (TownDistrict d : townDistricts(electionId)) {
      if (d.countyDistrictId() != null) {
        members.computeIfAbsent(d.countyDistrictId(), k -> new ArrayList<>()).add(d);
      }
    }
    return jdbc.query(
        "SELECT id, number, name, seats FROM county_district WHERE election_id = ? ORDER BY number",
        (rs, i) ->
            new CountyRow(
                rs.getLong(1),
                rs.getInt(2),
                rs.getString(3),
                rs.getInt(4),
                members.getOrDefault(rs.getLong(1), List.of())),
        electionId);
  }

  Optional<CountyRow> county(long electionId, long countyDistrictId) {
    return countyDistricts(electionId).stream().filter(c -> c.id() == countyDistrictId).findFirst();
  }

  long insertCounty(long electionId, int number, String name, int seats, String user, Instant now) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(
        con -> {
          var ps =
              con.prepareStatement(
                  "INSERT INTO county_district (election_id, number, name, seats, recorded_by,"
                      + " recorded_at) VALUES (?, ?, ?, ?, ?, ?)",
                  new String[] {"id"});
          ps.setLong(1, electionId);
          ps.setInt(2, number);
          ps.setString(3, name);
          ps.setInt(4, seats);
          ps.setString(5, user);
          ps.setTimestamp(6, Timestamp.from(now));
          return ps;
        },
        key);
    return key.getKey().longValue();
  }

  void assign(long districtId, long countyDistrictId) {
    jdbc.update(
        "UPDATE district SET county_district_id = ?, version = version + 1 WHERE id = ?",
        countyDistrictId,
        districtId);
  }
}
