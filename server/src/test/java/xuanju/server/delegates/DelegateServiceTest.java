package xuanju.server.delegates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import xuanju.core.rule.InvalidInputException;

/**
 * The recommendation stage at the service: a good unit list is stored and audited; a wrong count, a
 * wrong split, a cadre tagged as grassroots and a bad .xlsx row are refused with a Chinese message
 * naming the unit, the field and the rule, and change nothing; the pool's composition and the
 * documents' numbers follow the stored lists.
 */
class DelegateServiceTest extends DelegateSupport {

  @Test
  void aGoodListIsStoredInStrokeOrderAndAudited() {
    long e = election();
    allocate(e);
    long u = unit(e, "区委教育工委");
    long before = auditCount(e);
    as(() -> delegates.submitText(e, u, goodList(), version(u)));
    assertThat(stored(u)).isEqualTo(17);
    assertThat(auditCount(e)).isEqualTo(before + 1);
    assertThat(
            jdbc.queryForObject(
                "SELECT summary FROM audit_event WHERE subject = ? AND action = ?",
                String.class,
                "election:" + e,
                "DELEGATE_LIST_SUBMITTED"))
        .contains("区委教育工委", "17名", "局级领导干部6名", "处级领导干部3名", "基层一线8名");
    DelegateService.UnitRow row = as(() -> delegates.unit(e, u));
    assertThat(row.unit().submitted()).isTrue();
    assertThat(row.count(DelegateCategory.BUREAU)).isEqualTo(6);
    assertThat(row.count(DelegateCategory.GRASSROOTS)).isEqualTo(8);
    // 姓氏笔画: 王(4) 孙(6) 朱(6) 刘(6) 李(7) 杨(7) 吴(7) 何(7) 张(7) 陈(7) 林(8) 周(8) 赵(9) 胡(9) 徐(10) 高(10) 黄(11)
    List<String> names = row.people().stream().map(Recommendee::name).toList();
    assertThat(names.get(0)).isEqualTo("王建国");
    assertThat(names.get(names.size() - 1)).isEqualTo("黄丽");
    assertThat(names.indexOf("周强")).isLessThan(names.indexOf("赵磊"));
    // a second list replaces the first, whole
    List<String> rows = new ArrayList<>(goodRows());
    rows.set(0, rows.get(0).replace("王建国", "丁一"));
    as(() -> delegates.submitText(e, u, String.join("\n", rows), version(u)));
    assertThat(stored(u)).isEqualTo(17);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM delegate_recommendee WHERE unit_id = ? AND name = '王建国'",
                Integer.class,
                u))
        .isZero();
  }

  @Test
  void aWrongSplitIsRefusedNamingTheUnitTheFieldAndTheRuleAndNothingChanges() {
    long e = election();
    allocate(e);
    long u = unit(e, "区委卫生工委");
    as(() -> delegates.submitText(e, u, goodList(), version(u)));
    long audit = auditCount(e);
    int version = version(u);
    // one 处级 becomes 局级: 7 + 2 + 8
    List<String> rows = new ArrayList<>(goodRows());
    rows.set(6, rows.get(6).replace("处级领导干部", "局级领导干部").replace("赵磊", "丁二"));
    assertThatThrownBy(() -> as(() -> delegates.submitText(e, u, String.join("\n", rows), version)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("推荐单位「区委卫生工委」")
        .hasMessageContaining("人选类别")
        .hasMessageContaining("局级领导干部7名，应为6名")
        .hasMessageContaining("处级领导干部2名，应为3名")
        .hasMessageContaining("《XX区选举出席XX市第十二次党代会代表工作方案（003）》")
        .satisfies(x -> assertThat(((InvalidInputException) x).field()).isEqualTo("list.category"));
    // 16 names: the count rule
    List<String> sixteen = new ArrayList<>(goodRows().subList(0, 16));
    assertThatThrownBy(
            () -> as(() -> delegates.submitText(e, u, String.join("\n", sixteen), version)))
        .hasMessageContaining("推荐单位「区委卫生工委」的推荐人选数为16名，应为17名");
    // a 局级 cadre tagged 专业技术人员
    List<String> cadre = new ArrayList<>(goodRows());
    cadre.set(0, cadre.get(0).replace("区直某局局长\t\t", "区直某局局长\t专业技术人员\t"));
    assertThatThrownBy(
            () -> as(() -> delegates.submitText(e, u, String.join("\n", cadre), version)))
        .hasMessageContaining("王建国")
        .hasMessageContaining("领导干部不得占用基层一线");
    // nothing changed
    assertThat(version(u)).isEqualTo(version);
    assertThat(auditCount(e)).isEqualTo(audit);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM delegate_recommendee WHERE unit_id = ? AND name = '赵磊'",
                Integer.class,
                u))
        .isEqualTo(1);
    assertThat(stored(u)).isEqualTo(17);
  }

  @Test
  void aUnitsListSizeNeedsTheMarginAndItsSplitMustAddUp() {
    long e = election();
    assertThatThrownBy(() -> unit(e, "区委组织工委"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("请先登记代表名额分配");
    allocate(e);
    assertThatThrownBy(() -> as(() -> delegates.addUnit(e, "区委政法工委", 11, 16, 6, 3, 7)))
        .hasMessageContaining("推荐单位「区委政法工委」的应报人选数为16名")
        .hasMessageContaining("应不少于17名")
        .hasMessageContaining("差额不少于50%");
    assertThatThrownBy(() -> as(() -> delegates.addUnit(e, "区委政法工委", 11, 17, 6, 3, 7)))
        .hasMessageContaining("合计16名，与应报人选数17名不一致");
    assertThat(as(() -> delegates.page(e)).units()).isEmpty();
    long u = unit(e, "区委政法工委");
    assertThat(as(() -> delegates.page(e)).units()).hasSize(1);
    assertThat(u).isPositive();
  }

  @Test
  void aBadXlsxRowRefusesTheWholeFileAndAGoodFileImports() throws IOException {
    long e = election();
    allocate(e);
    long u = unit(e, "区委宣传工委");
    List<List<String>> rows = new ArrayList<>();
    for (String r : goodRows()) {
      rows.add(List.of(r.split("\t", -1)));
    }
    List<List<String>> bad = new ArrayList<>(rows);
    List<String> third = new ArrayList<>(bad.get(2));
    third.set(1, "未知");
    bad.set(2, third);
    long audit = auditCount(e);
    int version = version(u);
    byte[] badFile = xlsx(bad);
    assertThatThrownBy(
            () -> as(() -> delegates.importXlsx(e, u, new ByteArrayInputStream(badFile), version)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("推荐单位「区委宣传工委」")
        .hasMessageContaining("第5行") // a title row, the header, then the data from row 3
        .hasMessageContaining("性别应为“男”或“女”，实为“未知”");
    assertThat(stored(u)).isZero();
    assertThat(version(u)).isEqualTo(version);
    assertThat(auditCount(e)).isEqualTo(audit);
    // not an xlsx at all
    assertThatThrownBy(
            () ->
                as(
                    () ->
                        delegates.importXlsx(
                            e, u, new ByteArrayInputStream("姓名,性别".getBytes()), version)))
        .hasMessageContaining("文件不是 Excel 工作簿");
    byte[] goodFile = xlsx(rows);
    as(() -> delegates.importXlsx(e, u, new ByteArrayInputStream(goodFile), version));
    assertThat(stored(u)).isEqualTo(17);
    assertThat(
            jdbc.queryForObject(
                "SELECT summary FROM audit_event WHERE subject = ? AND action = ?",
                String.class,
                "election:" + e,
                "DELEGATE_LIST_SUBMITTED"))
        .contains("由Excel文件导入");
  }

  @Test
  void thePoolsCompositionAndTheDocumentsCountTheStoredLists() throws IOException {
    long e = election();
    allocate(e);
    long u1 = unit(e, "区委机关工委");
    long u2 = unit(e, "区委国资工委");
    as(() -> delegates.submitText(e, u1, goodList(), version(u1)));
    as(() -> delegates.recordParticipation(e, u1, 120, 120, 3000, 2950, version(u1)));
    assertThatThrownBy(
            () -> as(() -> delegates.recordParticipation(e, u2, 10, 11, 100, 90, version(u2))))
        .hasMessageContaining("推荐单位「区委国资工委」的参加推荐的基层党组织数（11）不能多于基层党组织数（10）");

    DelegateService.Page p = as(() -> delegates.page(e));
    assertThat(p.poolSize()).isEqualTo(17);
    assertThat(p.partialParticipation()).containsExactly("区委机关工委");
    // core PARTY_CONGRESS_DELEGATES against the pool of 17
    assertThat(p.pool())
        .extracting(DelegateService.PoolLine::requirementZh, DelegateService.PoolLine::count)
        .contains(
            org.assertj.core.groups.Tuple.tuple("女性至少7名", 5L),
            org.assertj.core.groups.Tuple.tuple("少数民族至少1名", 1L));
    DelegateService.PoolLine women =
        p.pool().stream().filter(l -> l.requirementZh().startsWith("女性")).findFirst().orElseThrow();
    assertThat(women.met()).isFalse();
    assertThat(women.statusZh()).isEqualTo("推荐人选中还差2名");
    assertThat(p.pool().stream().filter(DelegateService.PoolLine::cap).count()).isEqualTo(1);

    // 推荐提名工作统计表: numeric cells
    try (XSSFWorkbook wb =
        new XSSFWorkbook(new ByteArrayInputStream(as(() -> delegates.statistics(e)).bytes()))) {
      Sheet s = wb.getSheetAt(0);
      assertThat(s.getRow(0).getCell(0).getStringCellValue()).contains("推荐提名工作统计表");
      Row header = s.getRow(2);
      assertThat(header.getCell(0).getStringCellValue()).isEqualTo("推荐单位");
      Row first = s.getRow(3);
      assertThat(first.getCell(0).getStringCellValue()).isEqualTo("区委机关工委");
      double[] expected = {
        11, 17, 17, 6, 3, 8, 2, 1, 3, 5, 1, 11, 1836, 120, 120, 3000, 2950, 98.3
      };
      for (int i = 0; i < expected.length; i++) {
        assertThat(first.getCell(i + 1).getCellType())
            .as("column %d", i + 1)
            .isEqualTo(CellType.NUMERIC);
        assertThat(first.getCell(i + 1).getNumericCellValue())
            .as(header.getCell(i + 1).getStringCellValue())
            .isEqualTo(expected[i]);
      }
      Row second = s.getRow(4);
      assertThat(second.getCell(3).getNumericCellValue()).isZero();
      assertThat(second.getCell(14).getStringCellValue()).isEmpty(); // participation not recorded
      Row total = s.getRow(5);
      assertThat(total.getCell(0).getStringCellValue()).isEqualTo("合计");
      assertThat(total.getCell(1).getNumericCellValue()).isEqualTo(22);
      assertThat(total.getCell(3).getNumericCellValue()).isEqualTo(17);
    }
    // 推荐人选名册: the 17, in stroke order, numbers as numbers
    try (XSSFWorkbook wb =
        new XSSFWorkbook(new ByteArrayInputStream(as(() -> delegates.roster(e)).bytes()))) {
      Sheet s = wb.getSheetAt(0);
      assertThat(s.getRow(0).getCell(0).getStringCellValue()).contains("推荐人选名册");
      assertThat(s.getLastRowNum()).isEqualTo(2 + 17);
      Row first = s.getRow(3);
      assertThat(first.getCell(0).getNumericCellValue()).isEqualTo(1);
      assertThat(first.getCell(2).getStringCellValue()).isEqualTo("王建国");
      assertThat(first.getCell(4).getStringCellValue()).isEqualTo("1965年4月");
      assertThat(first.getCell(10).getNumericCellValue()).isEqualTo(100);
    }
  }

  @Test
  void anElectionOfAnotherKindHasNoDelegatesStage() {
    long org = orgs.create("tester", null, "某镇党委" + System.nanoTime(), "TOWN_COMMITTEE");
    long other =
        as(
            () ->
                elections.create(
                    new xuanju.server.election.ElectionForm(
                        org,
                        "某支部换届",
                        xuanju.server.election.ElectionKind.PARTY_BRANCH,
                        "PARTY_GRASSROOTS",
                        java.util.Map.of(),
                        "",
                        true,
                        5,
                        1,
                        1,
                        null,
                        java.time.LocalDate.now().plusDays(40),
                        5)));
    assertThatThrownBy(() -> as(() -> delegates.page(other)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("没有出席上级党代会代表的名额分配和推荐提名环节");
  }

  static byte[] xlsx(List<List<String>> rows) throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Sheet s = wb.createSheet("名单");
      s.createRow(0).createCell(0).setCellValue("区委宣传工委推荐人选名单");
      Row h = s.createRow(1);
      for (int i = 0; i < RecommendeeRows.HEADER.size(); i++) {
        h.createCell(i).setCellValue(RecommendeeRows.HEADER.get(i));
      }
      for (int r = 0; r < rows.size(); r++) {
        Row x = s.createRow(r + 2);
        for (int c = 0; c < rows.get(r).size(); c++) {
          String v = rows.get(r).get(c);
          if (c == 7) {
            x.createCell(c).setCellValue(Double.parseDouble(v));
          } else {
            x.createCell(c).setCellValue(v);
          }
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      return out.toByteArray();
    }
  }
}
