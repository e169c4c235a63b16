package xuanju.server.browser;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import xuanju.core.roster.ResidentIds;

/**
 * Party members of a test branch (测试支部党员) and the roster workbook (.xlsx) a branch would fill in,
 * with the columns documented in {@code docs/formats/roster-xlsx.md}. Resident IDs are valid (GB
 * 11643 check character), use an area code no other test uses (150926) and are unique in the JVM.
 */
final class BranchMembers {
  static final String AREA = "150926";
  static final List<String> HEADER =
      List.of("序号", "姓名", "性别", "民族", "出生日期", "公民身份号码", "学历", "入党时间", "党员类别", "党籍状态", "联系电话");

  private static final AtomicInteger SERIAL = new AtomicInteger();

  private BranchMembers() {}

  /** One member: full member (正式党员), status 正常, joined at 25. */
  record Person(String name, boolean male, String ethnicity, LocalDate birth, String residentId) {
    LocalDate joined() {
      return birth.plusYears(25).withDayOfMonth(1);
    }
  }

  /** A member with a fresh valid ID; birth dates spread over 1966–1995. */
  static Person person(String name, boolean male) {
    int n = SERIAL.getAndIncrement();
    LocalDate birth = LocalDate.of(1966, 3, 1).plusDays(263L * n % 10_950);
    int seq = (2 * (n % 400) + 10) + (male ? 1 : 0);
    String first17 = AREA + birth.toString().replace("-", "") + String.format("%03d", seq);
    String id = first17 + ResidentIds.checkCharacter(first17);
    return new Person(name, male, n % 9 == 4 ? "蒙古族" : "汉族", birth, id);
  }

  /**
   * {@code named} first, then generated names until there are {@code total} members; names are
   * unique.
   */
  static List<Person> branch(List<String> named, int total) {
    String[] surnames = {"周", "吴", "郑", "孙", "钱", "冯", "褚", "卫", "蒋", "沈", "韩", "朱", "秦", "尤", "许"};
    String[] given = {"建国", "秀兰", "志强", "海燕", "文斌", "丽华", "振华", "春梅"};
    List<Person> out = new ArrayList<>();
    for (int i = 0; i < named.size(); i++) {
      out.add(person(named.get(i), i % 2 == 0));
    }
    for (int i = 0; out.size() < total; i++) {
      String name = surnames[i % surnames.length] + given[(i / surnames.length) % given.length];
      if (named.contains(name)) {
        continue;
      }
      out.add(person(name, i % 3 != 0));
    }
    return out;
  }

  /** The roster workbook: a title row, the header, one row per member (text cells). */
  static byte[] workbook(String title, List<Person> people) {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Sheet s = wb.createSheet("党员名册");
      s.createRow(0).createCell(0).setCellValue(title);
      Row h = s.createRow(1);
      for (int c = 0; c < HEADER.size(); c++) {
        h.createCell(c).setCellValue(HEADER.get(c));
      }
      int r = 2;
      for (Person p : people) {
        Row row = s.createRow(r);
        List<String> cells =
            List.of(
                Integer.toString(r - 1),
                p.name(),
                p.male() ? "男" : "女",
                p.ethnicity(),
                p.birth().toString(),
                p.residentId(),
                r % 2 == 0 ? "大学本科" : "高中",
                p.joined().toString(),
                "正式党员",
                "正常",
                String.format("139%08d", 47_100_000 + r));
        for (int c = 0; c < cells.size(); c++) {
          row.createCell(c).setCellValue(cells.get(c));
        }
        r++;
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes the workbook to a temporary file for the browser's file chooser. */
  static Path file(String title, List<Person> people) throws IOException {
    Path dir = Files.createTempDirectory("xuanju-roster");
    Path f = dir.resolve("党员名册.xlsx");
    Files.write(f, workbook(title, people));
    return f;
  }
}
