package xuanju.server.community;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import xuanju.server.election.ElectionForm;
import xuanju.server.election.ElectionKind;
import xuanju.server.election.ElectionService;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.register.RegisterFixtures;
import xuanju.server.register.RegistrationService;
import xuanju.server.support.SignIn;

/**
 * A residents' committee election (社区居民委员会选举) of a new community with one district (no seats),
 * persons of the register and the voter list built: the test data of the community package,
 * following {@code RegisterFixtures} (which makes town people's congress elections).
 */
final class CommunityFixtures {
  private CommunityFixtures() {}

  /** The election and its persons (name → resident ID number), in the order given. */
  record Community(long election, long org, Map<String, String> ids) {
    String id(String name) {
      String id = ids.get(name);
      if (id == null) {
        throw new IllegalArgumentException(name);
      }
      return id;
    }
  }

  static Community community(
      JdbcTemplate jdbc,
      OrganisationService orgs,
      ElectionService elections,
      RegistrationService registration,
      List<String> names) {
    int n = RegisterFixtures.next();
    long org = RegisterFixtures.town(orgs, "诺恩吉雅社区" + n);
    long[] id = new long[1];
    SignIn.as(
        "admin",
        true,
        () ->
            id[0] =
                elections.create(
                    new ElectionForm(
                        org,
                        "社区居民委员会选举" + n,
                        ElectionKind.RESIDENTS_COMMITTEE,
                        ElectionKind.RESIDENTS_COMMITTEE.defaultProfile(),
                        Map.of(),
                        "",
                        false,
                        5,
                        0,
                        0,
                        null,
                        LocalDate.now().plusDays(40),
                        5)));
    String unit = "诺恩吉雅社区" + n;
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.update(
        "INSERT INTO district (election_id, number, name, basis, population, seats, created_at,"
            + " updated_at) VALUES (?, 1, ?, 'RESIDENCE', 0, NULL, ?, ?)",
        id[0],
        unit,
        now,
        now);
    long district =
        jdbc.queryForObject(
            "SELECT id FROM district WHERE election_id = ? AND number = 1", Long.class, id[0]);
    jdbc.update(
        "INSERT INTO district_unit (district_id, election_id, unit, residents_group) VALUES (?,"
            + " ?, ?, '')",
        district,
        id[0],
        unit);
    Map<String, String> ids = new java.util.LinkedHashMap<>();
    LocalDate adult = LocalDate.now().minusYears(40);
    for (String name : names) {
      long p = RegisterFixtures.person(jdbc, org, unit, "第1组", name, adult);
      ids.put(name, RegisterFixtures.residentIdOf(jdbc, p));
    }
    SignIn.as("admin", true, () -> registration.registerAll(id[0], null));
    return new Community(id[0], org, ids);
  }

  /** A person of the community's register who is not on the voter list (too young). */
  static String minor(JdbcTemplate jdbc, Community c, String name) {
    String unit =
        jdbc.queryForObject(
            "SELECT unit FROM district_unit WHERE election_id = ?", String.class, c.election());
    long p =
        RegisterFixtures.person(jdbc, c.org(), unit, "第1组", name, LocalDate.now().minusYears(10));
    return RegisterFixtures.residentIdOf(jdbc, p);
  }

  static List<String> names(String... n) {
    return new ArrayList<>(List.of(n));
  }
}
