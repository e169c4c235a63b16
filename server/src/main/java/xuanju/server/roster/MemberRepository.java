package xuanju.server.roster;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import xuanju.core.quota.Gender;
import xuanju.core.roster.Education;
import xuanju.core.roster.Member;
import xuanju.core.roster.MemberStatus;
import xuanju.core.roster.Membership;

/** The party-member table (党员名册表), JDBC. Enum columns store the English keys. */
@Repository
class MemberRepository {
  static final int BATCH = 1000;
  private static final String COLUMNS =
      "id, organisation_id, name, gender, ethnicity, birth_date, resident_id, education, join_date,"
          + " membership, status, phone, version";

  private final JdbcTemplate jdbc;
  private volatile Boolean postgres;

  MemberRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Who already holds a resident ID (for conflicts): member, organisation and its name. */
  record Holder(long memberId, long organisationId, String organisationName, int version) {}

  /** Members of an organisation ordered by name, optionally filtered by a name fragment. */
  List<MemberRecord> page(long organisationId, String nameLike, int offset, int limit) {
    if (nameLike == null || nameLike.isBlank()) {
      return jdbc.query(
          "SELECT "
              + COLUMNS
              + " FROM party_member WHERE organisation_id = ?"
              + " ORDER BY name, id LIMIT ? OFFSET ?",
          MemberRepository::map,
          organisationId,
          limit,
          offset);
    }
    return jdbc.query(
        "SELECT "
            + COLUMNS
            + " FROM party_member WHERE organisation_id = ? AND name LIKE ?"
            + " ORDER BY name, id LIMIT ? OFFSET ?",
        MemberRepository::map,
        organisationId,
        "%" + escapeLike(nameLike.strip()) + "%",
        limit,
        offset);
  }

  long count(long organisationId, String nameLike) {
    Long n =
        nameLike == null || nameLike.isBlank()
            ? jdbc.queryForObject(
                "SELECT COUNT(*) FROM party_member WHERE organisation_id = ?",
                Long.class,
                organisationId)
            : jdbc.queryForObject(
                "SELECT COUNT(*) FROM party_member WHERE organisation_id = ? AND name LIKE ?",
                Long.class,
                organisationId,
                "%" + escapeLike(nameLike.strip()) + "%");
    return n == null ? 0 : n;
  }

  /** Counts per membership and status, for the statistics row. */
  Map<String, Long> countsByMembershipAndStatus(long organisationId) {
    Map<String, Long> out = new HashMap<>();
    jdbc.query(
        "SELECT membership, status, COUNT(*) FROM party_member WHERE organisation_id = ?"
            + " GROUP BY membership, status",
        rs -> {
          out.put(rs.getString(1) + "/" + rs.getString(2), rs.getLong(3));
        },
        organisationId);
    return out;
  }

  Optional<MemberRecord> find(long id) {
    return jdbc
        .query("SELECT " + COLUMNS + " FROM party_member WHERE id = ?", MemberRepository::map, id)
        .stream()
        .findFirst();
  }

  /** Streams an organisation's members in name order (for export), without loading them all. */
  void forEach(long organisationId, Consumer<MemberRecord> sink) {
    jdbc.query(
        con -> {
          PreparedStatement ps =
              con.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + " FROM party_member WHERE organisation_id = ?"
                      + " ORDER BY name, id");
          ps.setFetchSize(1000);
          ps.setLong(1, organisationId);
          return ps;
        },
        rs -> {
          sink.accept(map(rs, 0));
        });
  }

  /**
   * The current holders of the given resident IDs, in any organisation, looked up in chunks of 500.
   *
   * <p>On PostgreSQL the lookups run with {@code plan_cache_mode = force_custom_plan} for the rest
   * of the transaction: the JDBC driver prepares a repeated statement on the server, and a generic
   * plan made while the table was small (a sequential scan) would otherwise be reused after a large
   * import and take seconds per chunk.
   */
  Map<String, Holder> holders(Collection<String> residentIds) {
    Map<String, Holder> out = new HashMap<>();
    if (residentIds.isEmpty()) {
      return out;
    }
    if (isPostgres()) {
      jdbc.execute("SET LOCAL plan_cache_mode = force_custom_plan");
    }
    List<String> all = new ArrayList<>(residentIds);
    for (int from = 0; from < all.size(); from += 500) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
      String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
      jdbc.query(
          "SELECT m.resident_id, m.id, m.organisation_id, o.name, m.version FROM party_member m"
              + " JOIN organisation o ON o.id = m.organisation_id WHERE m.resident_id IN ("
              + marks
              + ")",
          rs -> {
            out.put(
                rs.getString(1),
                new Holder(rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getInt(5)));
          },
          chunk.toArray());
    }
    return out;
  }

  private boolean isPostgres() {
    if (postgres == null) {
      postgres =
          jdbc.execute(
              (org.springframework.jdbc.core.ConnectionCallback<Boolean>)
                  c ->
                      c.getMetaData()
                          .getDatabaseProductName()
                          .toLowerCase(java.util.Locale.ROOT)
                          .contains("postgres"));
    }
    return postgres;
  }

  /** Inserts members in batches of {@value #BATCH}. */
  void insertAll(long organisationId, List<Member> members, Instant now) {
    Timestamp ts = Timestamp.from(now);
    jdbc.batchUpdate(
        "INSERT INTO party_member (organisation_id, name, gender, ethnicity, birth_date,"
            + " resident_id, education, join_date, membership, status, phone, created_at,"
            + " updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
        members,
        BATCH,
        (ps, m) -> {
          ps.setLong(1, organisationId);
          int i = bind(ps, 2, m);
          ps.setTimestamp(i, ts);
          ps.setTimestamp(i + 1, ts);
        });
  }

  /** Updates members by id (import in "update existing" mode), bumping their versions. */
  void updateAll(Map<Long, Member> byId, Instant now) {
    Timestamp ts = Timestamp.from(now);
    jdbc.batchUpdate(
        "UPDATE party_member SET name = ?, gender = ?, ethnicity = ?, birth_date = ?,"
            + " resident_id = ?, education = ?, join_date = ?, membership = ?, status = ?,"
            + " phone = ?, updated_at = ?, version = version + 1 WHERE id = ?",
        new ArrayList<>(byId.entrySet()),
        BATCH,
        (ps, e) -> {
          int i = bind(ps, 1, e.getValue());
          ps.setTimestamp(i, ts);
          ps.setLong(i + 1, e.getKey());
        });
  }

  long insert(long organisationId, Member m, Instant now) {
    var keys = new GeneratedKeyHolder();
    Timestamp ts = Timestamp.from(now);
    jdbc.update(
        con -> {
          PreparedStatement ps =
              con.prepareStatement(
                  "INSERT INTO party_member (organisation_id, name, gender, ethnicity,"
                      + " birth_date, resident_id, education, join_date, membership, status,"
                      + " phone, created_at, updated_at, version)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                  new String[] {"id"});
          ps.setLong(1, organisationId);
          int i = bind(ps, 2, m);
          ps.setTimestamp(i, ts);
          ps.setTimestamp(i + 1, ts);
          return ps;
        },
        keys);
    return keys.getKey().longValue();
  }

  /** Updates one member if its version is still {@code expectedVersion}. */
  boolean update(long id, int expectedVersion, Member m, Instant now) {
    return jdbc.update(
            con -> {
              PreparedStatement ps =
                  con.prepareStatement(
                      "UPDATE party_member SET name = ?, gender = ?, ethnicity = ?,"
                          + " birth_date = ?, resident_id = ?, education = ?, join_date = ?,"
                          + " membership = ?, status = ?, phone = ?, updated_at = ?,"
                          + " version = version + 1 WHERE id = ? AND version = ?");
              int i = bind(ps, 1, m);
              ps.setTimestamp(i, Timestamp.from(now));
              ps.setLong(i + 1, id);
              ps.setInt(i + 2, expectedVersion);
              return ps;
            })
        == 1;
  }

  /** Deletes one member if its version is still {@code expectedVersion}. */
  boolean delete(long id, int expectedVersion) {
    return jdbc.update("DELETE FROM party_member WHERE id = ? AND version = ?", id, expectedVersion)
        == 1;
  }

  /** Binds the ten member columns from {@code first}; returns the next parameter index. */
  private static int bind(PreparedStatement ps, int first, Member m) throws SQLException {
    int i = first;
    ps.setString(i++, m.name());
    ps.setString(i++, m.gender().name());
    ps.setString(i++, m.ethnicity());
    ps.setObject(i++, m.birthDate());
    ps.setString(i++, m.residentId());
    ps.setString(i++, m.education().name());
    ps.setObject(i++, m.joinDate());
    ps.setString(i++, m.membership().name());
    ps.setString(i++, m.status().name());
    ps.setString(i++, m.phone());
    return i;
  }

  static MemberRecord map(ResultSet rs, int row) throws SQLException {
    Member m =
        new Member(
            rs.getString("name"),
            Gender.valueOf(rs.getString("gender")),
            rs.getString("ethnicity"),
            rs.getObject("birth_date", java.time.LocalDate.class),
            rs.getString("resident_id"),
            Education.valueOf(rs.getString("education")),
            rs.getObject("join_date", java.time.LocalDate.class),
            Membership.valueOf(rs.getString("membership")),
            MemberStatus.valueOf(rs.getString("status")),
            rs.getString("phone"));
    return new MemberRecord(
        rs.getLong("id"), rs.getLong("organisation_id"), m, rs.getInt("version"));
  }

  private static String escapeLike(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
