package xuanju.server.election;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Elections in the database (选举表). */
@Repository
public class ElectionRepository {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String SELECT =
      "SELECT e.*, o.name AS organisation_name FROM election e"
          + " JOIN organisation o ON o.id = e.organisation_id";

  private final JdbcTemplate jdbc;

  public ElectionRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Election> find(long id) {
    return jdbc.query(SELECT + " WHERE e.id = ?", ElectionRepository::map, id).stream().findFirst();
  }

  public List<Election> findByOrganisations(Collection<Long> organisationIds) {
    if (organisationIds.isEmpty()) {
      return List.of();
    }
    String in = String.join(",", organisationIds.stream().map(x -> "?").toList());
    return jdbc.query(
        SELECT + " WHERE e.organisation_id IN (" + in + ") ORDER BY e.election_day DESC, e.id DESC",
        ElectionRepository::map,
        organisationIds.toArray());
  }

  public long insert(ElectionForm f, String actor, Instant now) {
    var keys = new GeneratedKeyHolder();
    jdbc.update(
        con -> {
          var ps =
              con.prepareStatement(
                  "INSERT INTO election (organisation_id, title, kind, profile_id, overrides_json,"
                      + " override_reason, has_committee, seats, secretary_seats, deputy_seats,"
                      + " current_committee_size, election_day, term_years, status, created_by,"
                      + " created_at, updated_at, version)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                  new String[] {"id"});
          int i = 1;
          ps.setLong(i++, f.organisationId());
          ps.setString(i++, f.title().strip());
          ps.setString(i++, f.kind().name());
          ps.setString(i++, f.profileId());
          ps.setString(i++, JSON.writeValueAsString(new LinkedHashMap<>(f.overrides())));
          ps.setString(i++, f.overrideReason() == null ? "" : f.overrideReason().strip());
          ps.setBoolean(i++, f.hasCommittee());
          ps.setInt(i++, f.seats());
          ps.setInt(i++, f.secretarySeats());
          ps.setInt(i++, f.deputySeats());
          ps.setObject(i++, f.currentCommitteeSize());
          ps.setDate(i++, Date.valueOf(f.electionDay()));
          ps.setInt(i++, f.termYears());
          ps.setString(i++, ElectionStatus.DRAFT.name());
          ps.setString(i++, actor);
          ps.setTimestamp(i++, Timestamp.from(now));
          ps.setTimestamp(i++, Timestamp.from(now));
          return ps;
        },
        keys);
    return keys.getKey().longValue();
  }

  /**
   * Moves the election to {@code to} if it is still at {@code expectedVersion} and in one of {@code
   * from}.
   *
   * @return whether the row was updated
   */
  public boolean updateStatus(
      long id,
      int expectedVersion,
      Collection<ElectionStatus> from,
      ElectionStatus to,
      Instant now) {
    return guardedUpdate("status", to.name(), id, expectedVersion, from, now);
  }

  /**
   * Sets the election day if the election has the expected version and one of the stages.
   *
   * @return whether the row was updated
   */
  public boolean updateElectionDay(
      long id, int expectedVersion, Collection<ElectionStatus> from, LocalDate day, Instant now) {
    return guardedUpdate("election_day", Date.valueOf(day), id, expectedVersion, from, now);
  }

  /** Sets one column (and the version) if the row is at the expected version and in a stage. */
  private boolean guardedUpdate(
      String column,
      Object value,
      long id,
      int expectedVersion,
      Collection<ElectionStatus> from,
      Instant now) {
    String in = String.join(",", from.stream().map(x -> "?").toList());
    Object[] args = new Object[4 + from.size()];
    args[0] = value;
    args[1] = Timestamp.from(now);
    args[2] = id;
    args[3] = expectedVersion;
    int i = 4;
    for (ElectionStatus s : from) {
      args[i++] = s.name();
    }
    return jdbc.update(
            "UPDATE election SET "
                + column
                + " = ?, updated_at = ?, version = version + 1"
                + " WHERE id = ? AND version = ? AND status IN ("
                + in
                + ")",
            args)
        == 1;
  }

  static Election map(ResultSet rs, int row) throws SQLException {
    Map<String, String> overrides =
        JSON.readValue(rs.getString("overrides_json"), new TypeReference<Map<String, String>>() {});
    return new Election(
        rs.getLong("id"),
        rs.getLong("organisation_id"),
        rs.getString("organisation_name"),
        rs.getString("title"),
        ElectionKind.valueOf(rs.getString("kind")),
        rs.getString("profile_id"),
        overrides,
        rs.getString("override_reason"),
        rs.getBoolean("has_committee"),
        rs.getInt("seats"),
        rs.getInt("secretary_seats"),
        rs.getInt("deputy_seats"),
        (Integer) rs.getObject("current_committee_size", Integer.class),
        rs.getDate("election_day").toLocalDate(),
        rs.getInt("term_years"),
        ElectionStatus.valueOf(rs.getString("status")),
        rs.getInt("version"));
  }
}
