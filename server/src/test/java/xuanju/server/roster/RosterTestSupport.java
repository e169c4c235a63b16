package xuanju.server.roster;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import xuanju.server.access.Role;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.security.UserRepository;

/** Shared set-up of the roster's application tests: organisations, users, uploads. */
final class RosterTestSupport {
  private static final AtomicInteger ORGS = new AtomicInteger();
  static final String XLSX = RosterController.XLSX;

  private RosterTestSupport() {}

  static RequestPostProcessor admin() {
    return user("admin").roles("ADMIN", "USER");
  }

  /** A new branch under a new town committee, with unique names. */
  static long branch(OrganisationService orgs, String name) {
    int n = ORGS.incrementAndGet();
    long town = orgs.create("test", null, "测试镇党委" + n, "TOWN_COMMITTEE");
    return orgs.create("test", town, name + n, "BRANCH");
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

  static MockMultipartHttpServletRequestBuilder upload(
      long organisationId, String filename, byte[] bytes) {
    return multipart("/api/organisations/{id}/members/import", organisationId)
        .file(new MockMultipartFile("file", filename, XLSX, bytes));
  }

  static long count(JdbcTemplate jdbc, long organisationId) {
    Long n =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM party_member WHERE organisation_id = ?",
            Long.class,
            organisationId);
    return n == null ? 0 : n;
  }

  static long countAll(JdbcTemplate jdbc) {
    Long n = jdbc.queryForObject("SELECT COUNT(*) FROM party_member", Long.class);
    return n == null ? 0 : n;
  }

  /** Runs service calls directly as the administrator. */
  static void signInAsAdmin() {
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(
                "admin", "n/a", AuthorityUtils.createAuthorityList("ROLE_ADMIN", "ROLE_USER")));
  }

  static void signOut() {
    SecurityContextHolder.clearContext();
  }
}
