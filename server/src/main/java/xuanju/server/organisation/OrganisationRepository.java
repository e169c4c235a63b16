package xuanju.server.organisation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Organisations in the database (组织表). */
@Repository
public class OrganisationRepository {
  private final JdbcTemplate jdbc;

  public OrganisationRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public List<Organisation> findAll() {
    return jdbc.query(
        "SELECT id, parent_id, name, kind FROM organisation ORDER BY id",
        (rs, i) ->
            new Organisation(
                rs.getLong("id"),
                (Long) rs.getObject("parent_id", Long.class),
                rs.getString("name"),
                rs.getString("kind")));
  }

  public long count() {
    Long n = jdbc.queryForObject("SELECT COUNT(*) FROM organisation", Long.class);
    return n == null ? 0 : n;
  }

  public long insert(Long parentId, String name, String kind, Instant now) {
    var keys = new GeneratedKeyHolder();
    jdbc.update(
        con -> {
          var ps =
              con.prepareStatement(
                  "INSERT INTO organisation (parent_id, name, kind, created_at, version)"
                      + " VALUES (?, ?, ?, ?, 0)",
                  new String[] {"id"});
          ps.setObject(1, parentId);
          ps.setString(2, name);
          ps.setString(3, kind);
          ps.setTimestamp(4, Timestamp.from(now));
          return ps;
        },
        keys);
    return keys.getKey().longValue();
  }
}
