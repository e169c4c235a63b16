package xuanju.server.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Users in the database (用户表). */
@Repository
public class UserRepository {
  private final JdbcTemplate jdbc;

  public UserRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public long count() {
    Long n = jdbc.queryForObject("SELECT COUNT(*) FROM app_user", Long.class);
    return n == null ? 0 : n;
  }

  public Optional<UserAccount> findByUsername(String username) {
    return jdbc
        .query("SELECT * FROM app_user WHERE username = ?", UserRepository::map, username)
        .stream()
        .findFirst();
  }

  public long insert(
      String username,
      String displayName,
      String passwordHash,
      boolean admin,
      boolean mustChange,
      Instant now) {
    jdbc.update(
        "INSERT INTO app_user (username, display_name, password_hash, is_admin, enabled,"
            + " must_change_password, failed_logins, created_at, version)"
            + " VALUES (?, ?, ?, ?, TRUE, ?, 0, ?, 0)",
        username,
        displayName,
        passwordHash,
        admin,
        mustChange,
        Timestamp.from(now));
    return findByUsername(username).orElseThrow().id();
  }

  public void recordSuccess(String username) {
    jdbc.update(
        "UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE username = ?", username);
  }

  /**
   * Changes the password if the row still has the expected version (optimistic locking).
   *
   * @return whether the row was updated
   */
  public boolean updatePassword(long id, int expectedVersion, String hash) {
    return jdbc.update(
            "UPDATE app_user SET password_hash = ?, must_change_password = FALSE,"
                + " version = version + 1 WHERE id = ? AND version = ?",
            hash,
            id,
            expectedVersion)
        == 1;
  }

  static UserAccount map(ResultSet rs, int row) throws SQLException {
    Timestamp locked = rs.getTimestamp("locked_until");
    return new UserAccount(
        rs.getLong("id"),
        rs.getString("username"),
        rs.getString("display_name"),
        rs.getString("password_hash"),
        rs.getBoolean("is_admin"),
        rs.getBoolean("enabled"),
        rs.getBoolean("must_change_password"),
        rs.getInt("failed_logins"),
        locked == null ? null : locked.toInstant(),
        rs.getInt("version"));
  }
}
