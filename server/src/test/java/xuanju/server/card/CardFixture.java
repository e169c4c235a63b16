package xuanju.server.card;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import xuanju.core.roster.ResidentIds;
import xuanju.server.election.ElectionForm;
import xuanju.server.election.ElectionKind;
import xuanju.server.election.ElectionService;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.support.SignIn;

/**
 * Test data for the cards and proxies: an election of registered voters with districts, polling
 * stations, persons and registrations inserted with plain SQL (the person, district and register
 * packages are built by other branches). ID numbers are valid GB 11643 numbers, unique per JVM run
 * (random start).
 */
public final class CardFixture {
  private static final AtomicInteger SEQ = new AtomicInteger();
  private static final AtomicInteger PERSON =
      new AtomicInteger(ThreadLocalRandom.current().nextInt(0, 400_000));
  private static final String[] SURNAMES = {
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马",
    "罗"
  };
  private static final String[] GIVEN = {
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超"
  };

  private final JdbcTemplate jdbc;
  public final long organisationId;
  public final long electionId;
  private final String tag;

  private CardFixture(JdbcTemplate jdbc, long organisationId, long electionId, String tag) {
    this.jdbc = jdbc;
    this.organisationId = organisationId;
    this.electionId = electionId;
    this.tag = tag;
  }

  /** A new town and an election of {@code kind} (registered voters) 40 days ahead. */
  public static CardFixture election(
      OrganisationService orgs, ElectionService elections, JdbcTemplate jdbc, ElectionKind kind) {
    int n = SEQ.incrementAndGet();
    String tag = Long.toString(System.nanoTime() % 100000) + "-" + n;
    long[] ids = new long[2];
    SignIn.as(
        "admin",
        true,
        () -> {
          ids[0] = orgs.create("test", null, "选民证测试镇" + tag, "TOWN_COMMITTEE");
          ids[1] =
              elections.create(
                  new ElectionForm(
                      ids[0],
                      "选民证测试镇第十九届人民代表大会代表选举" + tag,
                      kind,
                      kind.defaultProfile(),
                      Map.of(),
                      "",
                      false,
                      3,
                      0,
                      0,
                      null,
                      LocalDate.now().plusDays(40),
                      5));
        });
    return new CardFixture(jdbc, ids[0], ids[1], tag);
  }

  /** A district of the election. */
  public long district(int number, String name) {
    Instant now = Instant.now();
    return insert(
        "INSERT INTO district (election_id, number, name, basis, population, seats, created_at,"
            + " updated_at) VALUES (?, ?, ?, 'RESIDENCE', 0, 2, ?, ?)",
        electionId,
        number,
        name,
        Timestamp.from(now),
        Timestamp.from(now));
  }

  /** A polling station of a district; {@code mobile} for a 流动票箱. */
  public long station(long districtId, String name, boolean mobile) {
    return insert(
        "INSERT INTO polling_station (district_id, name, address, mobile, created_at)"
            + " VALUES (?, ?, ?, ?, ?)",
        districtId,
        name,
        name + "门前",
        mobile,
        Timestamp.from(Instant.now()));
  }

  /** A registered voter. */
  public record Voter(
      long personId,
      long registrationId,
      String name,
      String residentId,
      long districtId,
      int voterNo) {}

  /** A valid, unique resident ID number (born 1950–1980, Beijing Dongcheng). */
  public static String nextResidentId() {
    int n = PERSON.incrementAndGet();
    LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(n / 900);
    String first17 =
        "110101" + birth.toString().replace("-", "") + String.format("%03d", n % 900 + 100);
    return first17 + ResidentIds.checkCharacter(first17);
  }

  /** A unique name (two or three characters and the run tag, so names do not collide). */
  public String name(int i) {
    return SURNAMES[i % SURNAMES.length]
        + GIVEN[(i / SURNAMES.length) % GIVEN.length]
        + "甲乙丙丁戊己庚辛壬癸".charAt((i / (SURNAMES.length * GIVEN.length)) % 10)
        + tag;
  }

  /**
   * Registers {@code count} persons of a unit and 居民小组 in a district, voter numbers from {@code
   * firstNo}.
   */
  public List<Voter> voters(
      long districtId, String unit, String group, int count, int firstNo, int nameOffset) {
    List<Voter> out = new ArrayList<>();
    Instant now = Instant.now();
    for (int i = 0; i < count; i++) {
      String id = nextResidentId();
      String name = name(nameOffset + i);
      long person =
          insert(
              "INSERT INTO person (organisation_id, unit, name, resident_id, gender, birth_date,"
                  + " address, residents_group, created_at, updated_at)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
              organisationId,
              unit,
              name,
              id,
              (id.charAt(16) - '0') % 2 == 1 ? "男" : "女",
              Date.valueOf(
                  LocalDate.of(
                      Integer.parseInt(id.substring(6, 10)),
                      Integer.parseInt(id.substring(10, 12)),
                      Integer.parseInt(id.substring(12, 14)))),
              unit + group + (i + 1) + "号",
              group,
              Timestamp.from(now),
              Timestamp.from(now));
      long reg =
          insert(
              "INSERT INTO voter_registration (election_id, district_id, person_id, scope, voter_no,"
                  + " basis, registered_on, status, created_at, updated_at)"
                  + " VALUES (?, ?, ?, ?, ?, 'HUKOU', ?, 'LISTED', ?, ?)",
              electionId,
              districtId,
              person,
              "TEST:" + electionId,
              firstNo + i,
              Date.valueOf(LocalDate.now()),
              Timestamp.from(now),
              Timestamp.from(now));
      out.add(new Voter(person, reg, name, id, districtId, firstNo + i));
    }
    return out;
  }

  private long insert(String sql, Object... args) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.update(
        c -> {
          var ps = c.prepareStatement(sql, new String[] {"id"});
          for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
          }
          return ps;
        },
        keys);
    return keys.getKey().longValue();
  }
}
