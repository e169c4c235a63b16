package xuanju.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import xuanju.core.names.NameOrder;
import xuanju.server.browser.DelegatePool.Person;
import xuanju.server.browser.DelegatePool.Unit;

/**
 * The numbers {@link DelegatesBrowserTest} reads back (代表选举文书核对): the page's pool counts, the
 * 推荐人选名册 and 推荐提名工作统计表 against the generated lists, and the 代表名册 and the 代表选举情况报告 against the
 * totals entered. Each document is opened with POI.
 */
final class DelegateDocumentChecks {
  private DelegateDocumentChecks() {}

  private static final Comparator<String> STROKES = NameOrder.surnameStrokes();

  /** 推荐人选结构: each line's count against the pool. */
  static void pool(List<String> req, List<String> count, List<Person> pool, LocalDate day) {
    assertThat(req).hasSize(8);
    for (int i = 0; i < req.size(); i++) {
      String r = req.get(i);
      Predicate<Person> p;
      if (r.startsWith("领导干部")) {
        p = Person::cadre;
      } else if (r.startsWith("基层一线")) {
        p = x -> !x.cadre();
      } else if (r.startsWith("先进模范且工人")) {
        p = x -> x.model() && x.worker();
      } else if (r.startsWith("先进模范")) {
        p = Person::model;
      } else if (r.startsWith("专业技术")) {
        p = Person::professional;
      } else if (r.startsWith("女性")) {
        p = Person::female;
      } else if (r.startsWith("少数民族")) {
        p = Person::minority;
      } else {
        assertThat(r).startsWith("50周岁以下");
        p = x -> x.ageOn(day) <= 50;
      }
      assertThat(count.get(i)).as(r).isEqualTo(pool.stream().filter(p).count() + "名");
    }
  }

  /** 推荐人选名册: every row's unit, name and fields; units in order, names in stroke order. */
  static void roster(byte[] xlsx, List<Unit> units, Map<String, Person> byName, LocalDate day)
      throws Exception {
    List<Row> rows = dataRows(xlsx, "序号");
    List<String> expectedOrder = new ArrayList<>();
    units.forEach(
        u -> u.people().stream().map(Person::name).sorted(STROKES).forEach(expectedOrder::add));
    assertThat(rows.stream().map(r -> str(r, 2)).toList()).containsExactlyElementsOf(expectedOrder);
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      Person p = byName.get(str(r, 2));
      assertThat(num(r, 0)).isEqualTo(i + 1);
      assertThat(str(r, 1)).isEqualTo(p.unit());
      assertThat(str(r, 3)).isEqualTo(p.gender());
      assertThat(str(r, 4)).isEqualTo(p.birth().getYear() + "年" + p.birth().getMonthValue() + "月");
      assertThat(num(r, 5)).as(p.name() + " 年龄").isEqualTo(p.ageOn(day));
      assertThat(str(r, 6)).isEqualTo(p.ethnicity());
      assertThat(str(r, 7)).isEqualTo(p.category());
      assertThat(str(r, 8)).isEqualTo(p.occupation());
      assertThat(str(r, 9)).isEqualTo(p.tags());
      assertThat(num(r, 10)).isEqualTo(p.votes());
    }
  }

  /** 推荐提名工作统计表: each unit's counts and participation, then 合计. */
  static void statistics(byte[] xlsx, List<Unit> units, LocalDate day, int partial)
      throws Exception {
    List<Row> rows = dataRows(xlsx, "推荐单位");
    assertThat(rows).hasSize(units.size() + 1);
    long[] total = new long[18];
    for (int i = 0; i <= units.size(); i++) {
      Row r = rows.get(i);
      long[] v;
      if (i < units.size()) {
        Unit u = units.get(i);
        assertThat(str(r, 0)).isEqualTo(u.name());
        v =
            new long[] {
              11,
              17,
              u.people().size(),
              u.count(p -> p.category().equals(DelegatePool.BUREAU)),
              u.count(p -> p.category().equals(DelegatePool.DIVISION)),
              u.count(p -> !p.cadre()),
              u.count(Person::model),
              u.count(Person::worker),
              u.count(Person::professional),
              u.count(Person::female),
              u.count(Person::minority),
              u.count(p -> p.ageOn(day) <= 50),
              u.people().stream().mapToLong(Person::votes).sum(),
              u.organisationsTotal(),
              u.organisationsJoined(),
              u.membersTotal(),
              u.membersJoined()
            };
        for (int k = 0; k < v.length; k++) {
          total[k] += v[k];
        }
      } else {
        assertThat(str(r, 0)).isEqualTo("合计");
        v = total;
      }
      for (int k = 0; k < 17; k++) {
        assertThat(num(r, k + 1)).as(str(r, 0) + " 第" + (k + 2) + "列").isEqualTo(v[k]);
      }
      double rate = Math.round(v[16] * 1000.0 / v[15]) / 10.0;
      assertThat(r.getCell(18).getNumericCellValue()).as(str(r, 0) + " 党员参与率").isEqualTo(rate);
    }
    assertThat(rows.get(partial).getCell(18).getNumericCellValue()).isLessThan(100);
  }

  /** 代表名册: the elected in stroke order with their votes and how they were nominated. */
  static void delegates(
      byte[] xlsx, List<String> elected, Map<String, Integer> yes, Map<String, Person> byName)
      throws Exception {
    List<Row> rows = dataRows(xlsx, "序号");
    assertThat(rows.stream().map(r -> str(r, 1)).toList()).containsExactlyElementsOf(elected);
    for (Row r : rows) {
      String name = str(r, 1);
      assertThat(num(r, 8)).as(name + " 得票数").isEqualTo((long) yes.get(name));
      Person p = byName.get(name);
      if (p == null) {
        assertThat(str(r, 7)).as(name).contains("市委提名");
      } else {
        assertThat(str(r, 6)).as(name).isEqualTo(p.category());
        assertThat(str(r, 2)).isEqualTo(p.gender());
      }
      assertThat(str(r, 9)).isEqualTo("第1次投票");
    }
  }

  /** 代表选举情况报告: the conference, the count, every candidate's votes and the elected. */
  static void report(
      byte[] docx, List<String> ballot, List<String> elected, Map<String, Integer> yes, int valid)
      throws Exception {
    String text;
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
        XWPFWordExtractor x = new XWPFWordExtractor(doc)) {
      text = x.getText();
    }
    assertThat(text)
        .contains("应到会代表308名，实到会代表290名")
        .contains("应选代表18名（含市委提名2名），代表候选人23名（预备人选21名、市委提名2名），差额5名")
        .contains("发出选票290张，收回选票290张，其中有效票288张，无效票2张")
        .contains("至少155票")
        .contains("代表18名（按姓氏笔画排列）：" + String.join("、", elected));
    for (String n : ballot) {
      int y = yes.get(n);
      assertThat(text)
          .as(n)
          .containsPattern(
              n
                  + "\\t"
                  + y
                  + "\\t"
                  + (valid - y) / 2
                  + "\\t"
                  + (valid - y - (valid - y) / 2)
                  + "\\t"
                  + (elected.contains(n) ? "当选" : "未当选"));
    }
  }

  /** The rows under the header row whose first cell is {@code first}. */
  private static List<Row> dataRows(byte[] xlsx, String first) throws Exception {
    List<Row> out = new ArrayList<>();
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet s = wb.getSheetAt(0);
      boolean below = false;
      for (Row r : s) {
        if (below && r.getCell(0) != null && !str(r, 0).isBlank()) {
          out.add(r);
        } else if (r.getCell(0) != null && first.equals(str(r, 0))) {
          below = true;
        }
      }
    }
    return out;
  }

  static List<String> rosterNames(byte[] xlsx) throws Exception {
    return dataRows(xlsx, "序号").stream().map(r -> str(r, 1)).toList();
  }

  private static String str(Row r, int c) {
    Cell cell = r.getCell(c);
    if (cell == null) {
      return "";
    }
    return cell.getCellType() == CellType.NUMERIC
        ? Long.toString((long) cell.getNumericCellValue())
        : cell.getStringCellValue();
  }

  private static long num(Row r, int c) {
    Cell cell = r.getCell(c);
    assertThat(cell.getCellType()).as("第%d列应为数字", c + 1).isEqualTo(CellType.NUMERIC);
    return (long) cell.getNumericCellValue();
  }
}
