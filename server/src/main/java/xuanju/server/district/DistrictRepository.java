package xuanju.server.district;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import xuanju.core.district.DistrictBasis;

/**
 * The tables of districts, their units, polling stations and seat totals (选区、投票站、代表名额表), and the
 * counts of the person register they need. The register is the persons kept by the election's
 * organisation or an organisation below it, not deceased.
 */
@Repository
class DistrictRepository {
  /** The organisation and every organisation below it (the register's scope). */
  private static final String SUBTREE =
      "WITH RECURSIVE sub (id) AS (SELECT id FROM organisation WHERE id = ?"
          + " UNION SELECT o.id FROM organisation o JOIN sub s ON o.parent_id = s.id) ";

  private static final Comparator<UnitRef> UNIT_ORDER =
      Comparator.comparing(UnitRef::unit).thenComparing(UnitRef::group);

  private static final String LIVING = " p.died_on IS NULL";

  private final JdbcTemplate jdbc;

  DistrictRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Persons of the register in the organisation's subtree (居民名册人数). */
  long registerPopulation(long organisationId) {
    Long n =
        jdbc.queryForObject(
            SUBTREE
                + "SELECT COUNT(*) FROM person p WHERE p.organisation_id IN (SELECT id FROM sub) AND"
                + LIVING,
            Long.class,
            organisationId);
    return n == null ? 0 : n;
  }

  /** One unit or group of the register with its persons. */
  record UnitCount(UnitRef ref, long persons) {}

  /**
   * Every unit of the register (whole) and every 居民小组 of it, with its persons, by unit then group.
   */
  List<UnitCount> units(long organisationId) {
    // sorted here, not by the database, so that H2 and PostgreSQL (whose collation follows the
    // locale) list the units in the same order
    Map<String, Long> whole = new TreeMap<>();
    List<UnitCount> groups = new ArrayList<>();
    jdbc.query(
        SUBTREE
            + "SELECT p.unit, p.residents_group, COUNT(*) FROM person p"
            + " WHERE p.organisation_id IN (SELECT id FROM sub) AND"
            + LIVING
            + " AND p.unit <> '' GROUP BY p.unit, p.residents_group ORDER BY p.unit, p.residents_group",
        rs -> {
          String unit = rs.getString(1);
          String group = rs.getString(2);
          long n = rs.getLong(3);
          whole.merge(unit, n, Long::sum);
          if (group != null && !group.isEmpty()) {
            groups.add(new UnitCount(new UnitRef(unit, group), n));
          }
        },
        organisationId);
    groups.sort(Comparator.comparing((UnitCount g) -> g.ref().group()));
    List<UnitCount> out = new ArrayList<>();
    for (Map.Entry<String, Long> e : whole.entrySet()) {
      out.add(new UnitCount(new UnitRef(e.getKey(), ""), e.getValue()));
      for (UnitCount g : groups) {
        if (g.ref().unit().equals(e.getKey())) {
          out.add(g);
        }
      }
    }
    return out;
  }

  /** Per district of the election, the persons of the register in its units. */
  Map<Long, Long> districtPopulations(long electionId, long organisationId) {
    Map<Long, Long> out = new HashMap<>();
    jdbc.query(
        SUBTREE
            + "SELECT du.district_id, COUNT(*) FROM district_unit du JOIN person p ON p.unit = du.unit"
            + " AND (du.residents_group = '' OR du.residents_group = p.residents_group)"
            + " WHERE du.election_id = ? AND p.organisation_id IN (SELECT id FROM sub) AND"
            + LIVING
            + " GROUP BY du.district_id",
        rs -> {
          out.put(rs.getLong(1), rs.getLong(2));
        },
        organisationId,
        electionId);
    return out;
  }

  /** The districts of an election with units, stations and counts, by number. */
  List<DistrictRecord> districts(long electionId, long organisationId) {
    Map<Long, List<UnitRef>> units = new HashMap<>();
    jdbc.query(
        "SELECT district_id, unit, residents_group FROM district_unit WHERE election_id = ?"
            + " ORDER BY unit, residents_group",
        rs -> {
          units
              .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
              .add(new UnitRef(rs.getString(2), rs.getString(3)));
        },
        electionId);
    units.values().forEach(l -> l.sort(UNIT_ORDER));
    Map<Long, List<DistrictRecord.Station>> stations = new HashMap<>();
    jdbc.query(
        "SELECT s.id, s.district_id, s.name, s.address, s.mobile, s.version,"
            + " (SELECT COUNT(*) FROM voter_registration v WHERE v.station_id = s.id)"
            + " FROM polling_station s JOIN district d ON d.id = s.district_id"
            + " WHERE d.election_id = ? ORDER BY s.mobile, s.id",
        rs -> {
          stations
              .computeIfAbsent(rs.getLong(2), k -> new ArrayList<>())
              .add(
                  new DistrictRecord.Station(
                      rs.getLong(1),
                      rs.getString(3),
                      rs.getString(4),
                      rs.getBoolean(5),
                      rs.getInt(6),
                      rs.getLong(7)));
        },
        electionId);
    Map<Long, Long> counted = districtPopulations(electionId, organisationId);
    return jdbc.query(
        "SELECT d.id, d.number, d.name, d.basis, d.population, d.population_override,"
            + " d.population_note, d.seats, d.version,"
            + " (SELECT COUNT(*) FROM voter_registration v WHERE v.district_id = d.id)"
            + " FROM district d WHERE d.election_id = ? ORDER BY d.number",
        (rs, i) -> {
          long id = rs.getLong(1);
          long register = counted.getOrDefault(id, 0L);
          boolean overridden = rs.getBoolean(6);
          int seats = rs.getInt(8);
          Integer s = rs.wasNull() ? null : seats;
          return new DistrictRecord(
              id,
              rs.getInt(2),
              rs.getString(3),
              DistrictBasis.valueOf(rs.getString(4)),
              units.getOrDefault(id, List.of()),
              register,
              overridden ? rs.getLong(5) : register,
              overridden,
              rs.getString(7),
              s,
              rs.getInt(9),
              stations.getOrDefault(id, List.of()),
              rs.getLong(10));
        },
        electionId);
  }

  /** The election a district belongs to, if the district exists. */
  Optional<Long> electionOfDistrict(long districtId) {
    return jdbc
        .queryForList("SELECT election_id FROM district WHERE id = ?", Long.class, districtId)
        .stream()
        .findFirst();
  }

  long insertDistrict(
      long electionId,
      int number,
      String name,
      DistrictBasis basis,
      long population,
      boolean override,
      String note,
      Integer seats,
      Instant now) {
    var keys = new GeneratedKeyHolder();
    jdbc.update(
        con -> {
          var ps =
              con.prepareStatement(
                  "INSERT INTO district (election_id, number, name, basis, population,"
                      + " population_override, population_note, seats, created_at, updated_at,"
                      + " version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                  new String[] {"id"});
          ps.setLong(1, electionId);
          ps.setInt(2, number);
          ps.setString(3, name);
          ps.setString(4, basis.name());
          ps.setLong(5, population);
          ps.setBoolean(6, override);
          ps.setString(7, note);
          ps.setObject(8, seats);
          ps.setTimestamp(9, Timestamp.from(now));
          ps.setTimestamp(10, Timestamp.from(now));
          return ps;
        },
        keys);
    return keys.getKey().longValue();
  }

  /**
   * Updates a district if its version is still {@code version}; false when it changed meanwhile.
   */
  boolean updateDistrict(
      long id,
      int version,
      int number,
      String name,
      DistrictBasis basis,
      long population,
      boolean override,
      String note,
      Integer seats,
      Instant now) {
    return jdbc.update(
            "UPDATE district SET number = ?, name = ?, basis = ?, population = ?,"
                + " population_override = ?, population_note = ?, seats = ?, updated_at = ?,"
                + " version = version + 1 WHERE id = ? AND version = ?",
            number,
            name,
            basis.name(),
            population,
            override,
            note,
            seats,
            Timestamp.from(now),
            id,
            version)
        == 1;
  }

  void setSeats(long districtId, Integer seats, Instant now) {
    jdbc.update(
        "UPDATE district SET seats = ?, updated_at = ?, version = version + 1 WHERE id = ?",
        seats,
        Timestamp.from(now),
        districtId);
  }

  void replaceUnits(long electionId, long districtId, List<UnitRef> units) {
    jdbc.update("DELETE FROM district_unit WHERE district_id = ?", districtId);
    for (UnitRef u : units) {
      jdbc.update(
          "INSERT INTO district_unit (district_id, election_id, unit, residents_group)"
              + " VALUES (?, ?, ?, ?)",
          districtId,
          electionId,
          u.unit(),
          u.group());
    }
  }

  void deleteDistrict(long districtId) {
    jdbc.update("DELETE FROM polling_station WHERE district_id = ?", districtId);
    jdbc.update("DELETE FROM district_unit WHERE district_id = ?", districtId);
    jdbc.update("DELETE FROM district WHERE id = ?", districtId);
  }

  /** The unit rows of the election's other districts, with their district's name. */
  Map<UnitRef, String> unitOwners(long electionId, long exceptDistrictId) {
    Map<UnitRef, String> out = new HashMap<>();
    jdbc.query(
        "SELECT du.unit, du.residents_group, d.name FROM district_unit du"
            + " JOIN district d ON d.id = du.district_id WHERE du.election_id = ? AND d.id <> ?",
        rs -> {
          out.put(new UnitRef(rs.getString(1), rs.getString(2)), rs.getString(3));
        },
        electionId,
        exceptDistrictId);
    return out;
  }

  // --- seat total ---

  Optional<SeatTotalRecord> seatTotal(long electionId) {
    return jdbc
        .query(
            "SELECT population, population_note, ethnic_township, extra_document, computed_total,"
                + " decided_total, decided_by, decision_document, decided_on, deviation_limit,"
                + " version FROM seat_total WHERE election_id = ?",
            (rs, i) -> {
              int decided = rs.getInt(6);
              Integer d = rs.wasNull() ? null : decided;
              Date on = rs.getDate(9);
              return new SeatTotalRecord(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getBoolean(3),
                  rs.getString(4),
                  rs.getInt(5),
                  d,
                  rs.getString(7),
                  rs.getString(8),
                  on == null ? null : on.toLocalDate(),
                  rs.getString(10),
                  rs.getInt(11));
            },
            electionId)
        .stream()
        .findFirst();
  }

  /**
   * Stores the seat total: inserts it, or updates it if its version is still {@code version}.
   *
   * @return false when someone changed it meanwhile
   */
  boolean saveSeatTotal(long electionId, Integer version, SeatTotalRecord r, Instant now) {
    Date on = r.decidedOn() == null ? null : Date.valueOf(r.decidedOn());
    if (version == null) {
      jdbc.update(
          "INSERT INTO seat_total (election_id, population, population_note, ethnic_township,"
              + " extra_document, computed_total, decided_total, decided_by, decision_document,"
              + " decided_on, deviation_limit, updated_at, version)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
          electionId,
          r.population(),
          r.populationNote(),
          r.ethnicTownship(),
          r.extraDocument(),
          r.computedTotal(),
          r.decidedTotal(),
          r.decidedBy(),
          r.decisionDocument(),
          on,
          r.deviationLimit(),
          Timestamp.from(now));
      return true;
    }
    return jdbc.update(
            "UPDATE seat_total SET population = ?, population_note = ?, ethnic_township = ?,"
                + " extra_document = ?, computed_total = ?, decided_total = ?, decided_by = ?,"
                + " decision_document = ?, decided_on = ?, deviation_limit = ?, updated_at = ?,"
                + " version = version + 1 WHERE election_id = ? AND version = ?",
            r.population(),
            r.populationNote(),
            r.ethnicTownship(),
            r.extraDocument(),
            r.computedTotal(),
            r.decidedTotal(),
            r.decidedBy(),
            r.decisionDocument(),
            on,
            r.deviationLimit(),
            Timestamp.from(now),
            electionId,
            version)
        == 1;
  }

  // --- polling stations ---

  record StationRow(long id, long districtId, String name, int version, long voters) {}

  Optional<StationRow> station(long stationId) {
    return jdbc
        .query(
            "SELECT s.id, s.district_id, s.name, s.version,"
                + " (SELECT COUNT(*) FROM voter_registration v WHERE v.station_id = s.id)"
                + " FROM polling_station s WHERE s.id = ?",
            (rs, i) ->
                new StationRow(
                    rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getLong(5)),
            stationId)
        .stream()
        .findFirst();
  }

  boolean stationNameTaken(long districtId, String name, long exceptId) {
    Long n =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM polling_station WHERE district_id = ? AND name = ? AND id <> ?",
            Long.class,
            districtId,
            name,
            exceptId);
    return n != null && n > 0;
  }

  long insertStation(long districtId, String name, String address, boolean mobile, Instant now) {
    var keys = new GeneratedKeyHolder();
    jdbc.update(
        con -> {
          var ps =
              con.prepareStatement(
                  "INSERT INTO polling_station (district_id, name, address, mobile, created_at,"
                      + " version) VALUES (?, ?, ?, ?, ?, 0)",
                  new String[] {"id"});
          ps.setLong(1, districtId);
          ps.setString(2, name);
          ps.setString(3, address);
          ps.setBoolean(4, mobile);
          ps.setTimestamp(5, Timestamp.from(now));
          return ps;
        },
        keys);
    return keys.getKey().longValue();
  }

  boolean updateStation(long id, int version, String name, String address, boolean mobile) {
    return jdbc.update(
            "UPDATE polling_station SET name = ?, address = ?, mobile = ?, version = version + 1"
                + " WHERE id = ? AND version = ?",
            name,
            address,
            mobile,
            id,
            version)
        == 1;
  }

  void deleteStation(long id) {
    jdbc.update("DELETE FROM polling_station WHERE id = ?", id);
  }

  /** A person of the register in the organisation's subtree by ID number: id and name. */
  Optional<Object[]> person(long organisationId, String residentId) {
    return jdbc
        .query(
            SUBTREE
                + "SELECT p.id, p.name FROM person p WHERE p.resident_id = ?"
                + " AND p.organisation_id IN (SELECT id FROM sub)",
            (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)},
            organisationId,
            residentId)
        .stream()
        .findFirst();
  }
}
