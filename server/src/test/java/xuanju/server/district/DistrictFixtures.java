package xuanju.server.district;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;
import xuanju.server.election.ElectionForm;
import xuanju.server.election.ElectionKind;
import xuanju.server.election.ElectionService;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.support.SignIn;

/**
 * Set-up for the district tests: a town whose person register (filled with plain SQL, as the person
 * import would) has 东村 120, 西村 90, 南村 80 (一组 40, 二组 40), 北社区 150 and 中社区 60 persons (500 in all),
 * and an election of the given kind.
 */
final class DistrictFixtures {
  private static final AtomicInteger N = new AtomicInteger();
  private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

  private DistrictFixtures() {}

  record Town(long organisation, long election, String name) {}

  static Town town(
      OrganisationService orgs, ElectionService elections, JdbcTemplate jdbc, ElectionKind kind) {
    int n = N.incrementAndGet();
    String name = "选区测试镇" + n + "-" + IDS.get() % 10000;
    long[] ids = new long[2];
    SignIn.as(
        "admin",
        true,
        () -> {
          ids[0] = orgs.create("admin", null, name, "TOWN_COMMITTEE");
          ids[1] =
              elections.create(
                  new ElectionForm(
                      ids[0],
                      name + "换届选举",
                      kind,
                      kind.defaultProfile(),
                      Map.of(),
                      "",
                      true,
                      5,
                      1,
                      1,
                      null,
                      LocalDate.now().plusDays(60),
                      5));
        });
    persons(jdbc, ids[0], "东村", "", 120);
    persons(jdbc, ids[0], "西村", "", 90);
    persons(jdbc, ids[0], "南村", "一组", 40);
    persons(jdbc, ids[0], "南村", "二组", 40);
    persons(jdbc, ids[0], "北社区", "", 150);
    persons(jdbc, ids[0], "中社区", "", 60);
    return new Town(ids[0], ids[1], name);
  }

  /** Inserts {@code count} persons of a unit (and group); returns their resident ID numbers. */
  static List<String> persons(JdbcTemplate jdbc, long org, String unit, String group, int count) {
    List<Object[]> rows = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    Timestamp now = Timestamp.from(Instant.now());
    for (int i = 0; i < count; i++) {
      String id = String.format("15%016d", IDS.incrementAndGet());
      ids.add(id);
      rows.add(
          new Object[] {
            org, unit, "居民" + i, id, "女", Date.valueOf(LocalDate.of(1980, 1, 1)), group, now, now
          });
    }
    jdbc.batchUpdate(
        "INSERT INTO person (organisation_id, unit, name, resident_id, gender, birth_date,"
            + " residents_group, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows);
    return ids;
  }

  /** Registers a voter of a district, assigned to a station (plain SQL, as the register would). */
  static void registerVoter(
      JdbcTemplate jdbc, long election, long district, Long station, String residentId) {
    long person =
        jdbc.queryForObject("SELECT id FROM person WHERE resident_id = ?", Long.class, residentId);
    Timestamp now = Timestamp.from(Instant.now());
    Integer no =
        jdbc.queryForObject(
            "SELECT COALESCE(MAX(voter_no), 0) + 1 FROM voter_registration WHERE district_id = ?",
            Integer.class,
            district);
    jdbc.update(
        "INSERT INTO voter_registration (election_id, district_id, person_id, scope, station_id,"
            + " voter_no, basis, registered_on, status, created_at, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, 'RESIDENCE', ?, 'LISTED', ?, ?)",
        election,
        district,
        person,
        "TEST:" + election,
        station,
        no,
        Date.valueOf(LocalDate.now()),
        now,
        now);
  }
}
