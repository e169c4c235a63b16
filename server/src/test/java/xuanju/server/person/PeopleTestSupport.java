package xuanju.server.person;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import xuanju.server.access.Role;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.security.UserRepository;

/** Shared set-up of the person register's application tests. */
final class PeopleTestSupport {
  private static final AtomicInteger ORGS = new AtomicInteger();

  private PeopleTestSupport() {}

  static RequestPostProcessor admin() {
    return user("admin").roles("ADMIN", "USER");
  }

  /** A new town with a unique name. */
  static long town(OrganisationService orgs, String name) {
    return orgs.create(
        "test",
        null,
        name + ORGS.incrementAndGet() + "-" + System.nanoTime() % 100000,
        "TOWN_COMMITTEE");
  }

  /** A user holding {@code role} on {@code organisationId}. */
  static void userWithRole(
      UserRepository users, JdbcTemplate jdbc, String username, long organisationId, Role role) {
    long id =
        users
            .findByUsername(username)
            .map(u -> u.id())
            .orElseGet(
                () -> users.insert(username, username, "{noop}x", false, false, Instant.now()));
    jdbc.update(
        "INSERT INTO role_grant (user_id, organisation_id, role, created_at) VALUES (?, ?, ?, ?)",
        id,
        organisationId,
        role.name(),
        Timestamp.from(Instant.now()));
  }

  static MockMultipartHttpServletRequestBuilder upload(long org, String filename, byte[] bytes) {
    return (MockMultipartHttpServletRequestBuilder)
        multipart("/api/people/import")
            .file(new MockMultipartFile("file", filename, "application/octet-stream", bytes))
            .param("org", Long.toString(org));
  }

  static long count(JdbcTemplate jdbc, long org) {
    Long n =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM person WHERE organisation_id = ?", Long.class, org);
    return n == null ? 0 : n;
  }

  static long countAll(JdbcTemplate jdbc) {
    Long n = jdbc.queryForObject("SELECT COUNT(*) FROM person", Long.class);
    return n == null ? 0 : n;
  }
}
