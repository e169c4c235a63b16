package xuanju.server.register;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;
import xuanju.core.roster.ResidentIds;
import xuanju.server.election.ElectionForm;
import xuanju.server.election.ElectionKind;
import xuanju.server.election.ElectionService;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.support.SignIn;

/**
 * Test data of the voter register in plain SQL: organisations, town people's congress elections,
 * districts with units, persons with valid resident ID numbers, legal status rows. Independent of
 * the person-register package.
 */
public final class RegisterFixtures {
  private static final AtomicInteger N = new AtomicInteger();
  private static final AtomicInteger SEQ = new AtomicInteger();
  private static final DateTimeFormatter YMD = DateTimeFormatter.BASIC_ISO_DATE;

  private RegisterFixtures() {}

  public static int next() {
    return N.incrementAndGet();
  }

  public static long town(OrganisationService orgs, String name) {
    long[] id = new long[1];
    SignIn.as("admin", true, () -> id[0] = orgs.create("admin", null, name, "TOWN_COMMITTEE"));
    return id[0];
  }

  public static long election(ElectionService elections, long org, LocalDate day) {
    long[] id = new long[1];
    SignIn.as(
        "admin",
        true,
        () ->
            id[0] =
                elections.create(
                    new ElectionForm(
                        org,
                        "镇人大代表选举" + next(),
                        ElectionKind.TOWN_PEOPLES_CONGRESS,
                        ElectionKind.TOWN_PEOPLES_CONGRESS.defaultProfile(),
                        Map.of(),
                        "",
                        false,
                        2,
                        0,
                        0,
                        null,
                        day,
                        5)));
    return id[0];
  }

  /** A district formed from units; each unit is "村" or "村/小组". */
  public static long district(
      JdbcTemplate jdbc, long election, int number, String name, String... units) {
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.update(
        "INSERT INTO district (election_id, number, name, basis, population, seats, created_at,"
            + " updated_at) VALUES (?, ?, ?, 'RESIDENCE', 0, 2, ?, ?)",
        election,
        number,
        name,
        now,
        now);
    long id =
        jdbc.queryForObject(
            "SELECT id FROM district WHERE election_id = ? AND number = ?",
            Long.class,
            election,
            number);
    for (String u : units) {
      String[] p = u.split("/");
      jdbc.update(
          "INSERT INTO district_unit (district_id, election_id, unit, residents_group) VALUES (?,"
              + " ?, ?, ?)",
          id,
          election,
          p[0],
          p.length > 1 ? p[1] : "");
    }
    return id;
  }

  /** A valid, unused resident ID number for a person born on {@code birth}. */
  static String residentId(LocalDate birth, boolean male) {
    int s = SEQ.incrementAndGet();
    String area = String.format("65%04d", 1000 + (s / 400) % 9000);
    int seq = (s % 400) * 2 + (male ? 1 : 0);
    String first17 = area + birth.format(YMD) + String.format("%03d", seq);
    return first17 + ResidentIds.checkCharacter(first17);
  }

  /** Inserts a person; returns the id. */
  public static long person(
      JdbcTemplate jdbc, long org, String unit, String group, String name, LocalDate birth) {
    String rid = residentId(birth, name.hashCode() % 2 == 0);
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.update(
        "INSERT INTO person (organisation_id, unit, name, resident_id, gender, birth_date,"
            + " residents_group, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        org,
        unit,
        name,
        rid,
        Character.getNumericValue(rid.charAt(16)) % 2 == 1 ? "MALE" : "FEMALE",
        Date.valueOf(birth),
        group,
        now,
        now);
    return jdbc.queryForObject("SELECT id FROM person WHERE resident_id = ?", Long.class, rid);
  }

  public static String residentIdOf(JdbcTemplate jdbc, long personId) {
    return jdbc.queryForObject(
        "SELECT resident_id FROM person WHERE id = ?", String.class, personId);
  }

  static void deprived(JdbcTemplate jdbc, long person, LocalDate from, LocalDate until) {
    jdbc.update(
        "INSERT INTO person_legal_status (person_id, kind, basis, authority, first_day, last_day,"
            + " recorded_by, recorded_at) VALUES (?, 'DEPRIVED', '(2024)内0621刑初15号',"
            + " '达拉特旗人民法院', ?, ?, 'test', ?)",
        person,
        Date.valueOf(from),
        until == null ? null : Date.valueOf(until),
        Timestamp.from(Instant.now()));
  }

  static void incapable(JdbcTemplate jdbc, long person, LocalDate confirmedOn) {
    jdbc.update(
        "INSERT INTO person_legal_status (person_id, kind, reason, evidence, confirmed_on,"
            + " decision_ref, recorded_by, recorded_at) VALUES (?, 'INCAPACITY',"
            + " '精神病患者，经医院诊断不能行使选举权利', 'HOSPITAL_CERTIFICATE', ?, '选委〔2026〕3号', 'test', ?)",
        person,
        Date.valueOf(confirmedOn),
        Timestamp.from(Instant.now()));
  }
}
