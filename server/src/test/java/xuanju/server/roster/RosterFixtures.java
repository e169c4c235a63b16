package xuanju.server.roster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.jdbc.core.JdbcTemplate;
import xuanju.core.quota.Gender;
import xuanju.core.roster.Education;
import xuanju.core.roster.Ethnicities;
import xuanju.core.roster.Member;
import xuanju.core.roster.MemberInput;
import xuanju.core.roster.MemberStatus;
import xuanju.core.roster.Membership;
import xuanju.core.roster.ResidentIds;
import xuanju.core.roster.RosterField;

/**
 * Test data for the roster: unique valid resident IDs, seeded random members, and .xlsx files built
 * with POI in the test (no binary fixtures).
 */
public final class RosterFixtures {
  private RosterFixtures() {}

  /** Shared by every test class in the JVM, so IDs never collide in the shared test database. */
  private static final AtomicLong COUNTER = new AtomicLong();

  private static final String[] SURNAMES = {
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马",
    "罗", "欧阳", "司马", "包", "乌云", "巴特尔"
  };
  private static final String[] GIVEN = {
    "伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰",
    "霞", "平", "刚", "桂英", "其其格", "那仁"
  };

  /** A fresh valid resident ID of the given gender (17th digit odd for men). */
  public static String nextId(Gender gender) {
    long n = COUNTER.getAndIncrement();
    LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(n % 15000);
    long seq = 2 * (n / 15000) + (gender == Gender.MALE ? 1 : 0);
    if (seq > 999) {
      throw new IllegalStateException("测试身份号码用完了");
    }
    String first17 = "150102" + birth.toString().replace("-", "") + String.format("%03d", seq);
    return first17 + ResidentIds.checkCharacter(first17);
  }

  /**
   * Inserts a full, normal member (汉族, 本科) with a fresh resident ID straight into the roster table
   * and returns the member's id (for election fixtures that need many members quickly).
   */
  public static long insertMember(
      JdbcTemplate jdbc,
      long organisationId,
      String name,
      Gender gender,
      LocalDate born,
      LocalDate joined) {
    String rid = nextId(gender);
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.update(
        "INSERT INTO party_member (organisation_id, name, gender, ethnicity, birth_date, resident_id,"
            + " education, join_date, membership, status, created_at, updated_at, version)"
            + " VALUES (?, ?, ?, '汉族', ?, ?, 'BACHELOR', ?, 'FULL', 'NORMAL', ?, ?, 0)",
        organisationId,
        name,
        gender.name(),
        Date.valueOf(born),
        rid,
        Date.valueOf(joined),
        now,
        now);
    return jdbc.queryForObject(
        "SELECT id FROM party_member WHERE resident_id = ?", Long.class, rid);
  }

  /** A random valid member (seeded), with a fresh ID. Full members joined at least a year ago. */
  public static Member member(Random r) {
    Gender g = r.nextBoolean() ? Gender.MALE : Gender.FEMALE;
    String id = nextId(g);
    LocalDate birth = ResidentIds.parse(id, LocalDate.now()).orElseThrow().birthDate();
    Membership kind = r.nextInt(10) == 0 ? Membership.PROBATIONARY : Membership.FULL;
    LocalDate today = LocalDate.now();
    LocalDate join =
        kind == Membership.PROBATIONARY
            ? today.minusDays(1 + r.nextInt(300))
            : birth.plusYears(18 + r.nextInt(15)).plusDays(r.nextInt(365));
    if (kind == Membership.FULL && join.isAfter(today.minusYears(1).minusDays(1))) {
      join = today.minusYears(2);
    }
    MemberStatus status =
        r.nextInt(20) == 0
            ? MemberStatus.values()[1 + r.nextInt(MemberStatus.values().length - 1)]
            : MemberStatus.NORMAL;
    String ethnicity = r.nextInt(5) == 0 ? Ethnicities.all().get(r.nextInt(56)) : "汉族";
    return new Member(
        SURNAMES[r.nextInt(SURNAMES.length)] + GIVEN[r.nextInt(GIVEN.length)],
        g,
        ethnicity,
        birth,
        id,
        Education.values()[r.nextInt(Education.values().length)],
        join,
        kind,
        status,
        r.nextInt(3) == 0
            ? ""
            : "1" + (3 + r.nextInt(7)) + String.format("%09d", r.nextInt(1_000_000_000)));
  }

  public static List<Member> members(long seed, int n) {
    Random r = new Random(seed);
    List<Member> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(member(r));
    }
    return out;
  }

  /** The member as the text of a spreadsheet row, in template column order. */
  public static List<String> row(Member m) {
    MemberInput in = m.toInput();
    List<String> cells = new ArrayList<>();
    for (RosterField f : RosterField.values()) {
      cells.add(in.get(f));
    }
    return cells;
  }

  public static List<String> header() {
    List<String> h = new ArrayList<>();
    for (RosterField f : RosterField.values()) {
      h.add(f.labelZh());
    }
    return h;
  }

  /** A workbook whose first sheet holds {@code rows} as text cells (first row = header). */
  public static byte[] xlsx(List<List<String>> rows) {
    return xlsx(rows, false);
  }

  /**
   * Like {@link #xlsx(List)}; with {@code dateCells} the date columns hold real Excel dates
   * (numeric cells formatted {@code yyyy/m/d}) instead of text.
   */
  public static byte[] xlsx(List<List<String>> rows, boolean dateCells) {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Sheet s = wb.createSheet("党员名册");
      CellStyle date = wb.createCellStyle();
      date.setDataFormat(wb.createDataFormat().getFormat("yyyy/m/d"));
      List<String> header = rows.isEmpty() ? List.of() : rows.get(0);
      for (int r = 0; r < rows.size(); r++) {
        Row row = s.createRow(r);
        List<String> cells = rows.get(r);
        for (int c = 0; c < cells.size(); c++) {
          String v = cells.get(c);
          if (v == null) {
            continue;
          }
          var cell = row.createCell(c);
          String col = c < header.size() ? header.get(c) : "";
          if (dateCells && r > 0 && (col.equals("出生日期") || col.equals("入党时间")) && !v.isEmpty()) {
            cell.setCellValue(LocalDate.parse(v));
            cell.setCellStyle(date);
          } else {
            cell.setCellValue(v);
          }
        }
      }
      s.createRow(rows.size() + 3); // trailing empty row is ignored
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Header plus the members' rows. */
  public static List<List<String>> sheet(List<Member> members) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(header());
    for (Member m : members) {
      rows.add(new ArrayList<>(row(m)));
    }
    return rows;
  }

  /** Reads an .xlsx back with the production reader (rows in order). */
  public static List<RosterXlsxReader.Row> read(byte[] xlsx) throws RosterFileException {
    List<RosterXlsxReader.Row> rows = new ArrayList<>();
    RosterXlsxReader.read(new java.io.ByteArrayInputStream(xlsx), Integer.MAX_VALUE, rows::add);
    return rows;
  }
}
