package xuanju.server.delegates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import xuanju.server.support.PageText;

/**
 * The pages: an election of the new kind created from the "new election" page gets its own tabs
 * (not the party branch's), the page 名额与推荐提名 and a unit's page are Chinese without rule codes, a
 * good list is shown in stroke order, a wrong split and a bad .xlsx row are refused (400, the
 * message on the page, nothing changed), and the statistics download has numeric cells.
 */
class DelegatePageTest extends DelegateSupport {
  private static final RequestPostProcessor ADMIN = user("admin").roles("ADMIN", "USER");

  @Autowired MockMvc mvc;

  private String html(String url, Object... vars) throws Exception {
    return mvc.perform(get(url, vars).with(ADMIN))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  @Test
  void theNewElectionPageCreatesADelegatesElectionWithItsOwnTabs() throws Exception {
    long org = orgs.create("tester", null, "中共某区委员会" + System.nanoTime(), "TOWN_COMMITTEE");
    assertThat(html("/elections/new"))
        .contains("出席上级党代会代表选举")
        .contains("value=\"PARTY_CONGRESS_DELEGATES\"");
    String to =
        mvc.perform(
                post("/elections")
                    .with(ADMIN)
                    .with(csrf())
                    .param("organisationId", "" + org)
                    .param("title", "某区出席某市第十二次党代会代表选举")
                    .param("kind", "PARTY_CONGRESS_DELEGATES")
                    .param("seats", "16")
                    .param("electionDay", java.time.LocalDate.now().plusDays(60).toString()))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    long id = Long.parseLong(to.substring(to.lastIndexOf('/') + 1));
    assertThat(
            jdbc.queryForObject("SELECT profile_id FROM election WHERE id = ?", String.class, id))
        .isEqualTo("PARTY_LOCAL");
    String overview = html("/elections/{id}", id);
    assertThat(overview)
        .contains("id=\"tab-delegates\"")
        .doesNotContain("id=\"tab-plan\"") // the generic plan page is the party branch's
        .doesNotContain("id=\"tab-attendance\"")
        .doesNotContain("id=\"tab-nomination\"")
        .doesNotContain("id=\"tab-voting\"")
        .doesNotContain("id=\"tab-congress\"")
        .doesNotContain("id=\"tab-districts\"");
    String text = PageText.visible(overview).replaceAll("\\s+", "");
    assertThat(text)
        .contains("出席上级党代会代表选举")
        .contains("16名（不含上级党委提名）")
        .doesNotContain("书记/副书记")
        .doesNotContain("支部");
    // the dashboard and the list of elections show it
    assertThat(PageText.visible(html("/elections"))).contains("某区出席某市第十二次党代会代表选举");
    html("/");
    String page = html("/elections/{id}/delegates", id);
    assertThat(PageText.visible(page))
        .contains("代表名额分配")
        .contains("尚未登记代表名额分配")
        .contains("推荐单位与推荐人选");
    assertThat(PageText.codeIn(PageText.visible(page))).isEmpty();
  }

  @Test
  void aGoodListShowsAWrongSplitAndABadXlsxRowAreRefusedOnThePage() throws Exception {
    long e = election();
    mvc.perform(
            post("/elections/{id}/delegates/allocation", e)
                .with(ADMIN)
                .with(csrf())
                .param("congressName", "XX市第十二次党代会")
                .param("congressTotal", "760")
                .param("seats", "16")
                .param("document", "中共XX市委关于代表选举工作的通知")
                .param("marginPercent", "50")
                .param("version", "0"))
        .andExpect(status().is3xxRedirection());
    mvc.perform(
            post("/elections/{id}/delegates/units", e)
                .with(ADMIN)
                .with(csrf())
                .param("name", "区委教育工委")
                .param("quota", "11")
                .param("listSize", "17")
                .param("bureau", "6")
                .param("division", "3")
                .param("grassroots", "8"))
        .andExpect(status().is3xxRedirection());
    long u =
        jdbc.queryForObject(
            "SELECT id FROM delegate_unit WHERE election_id = ? AND name = '区委教育工委'",
            Long.class,
            e);
    String page = PageText.visible(html("/elections/{id}/delegates", e)).replaceAll("\\s+", "");
    assertThat(page)
        .contains("XX市第十二次党代会代表名额760名，分配本单位16名")
        .contains("区委教育工委")
        .contains("局级领导干部6名、处级领导干部3名、基层一线8名")
        .contains("未报送");

    // a good list
    mvc.perform(
            post("/elections/{id}/delegates/units/{u}/list", e, u)
                .with(ADMIN)
                .with(csrf())
                .param("list", "姓名\t性别\n" + goodList())
                .param("version", "" + version(u)))
        .andExpect(status().is3xxRedirection());
    assertThat(stored(u)).isEqualTo(17);
    String unitHtml = html("/elections/{id}/delegates/units/{u}", e, u);
    String unitText = PageText.visible(unitHtml).replaceAll("\\s+", "");
    assertThat(unitText).contains("已报送17名").contains("专业技术人员");
    assertThat(unitText.indexOf("王建国")).isLessThan(unitText.indexOf("黄丽"));
    assertThat(unitHtml).contains("data-confirm=");
    assertThat(PageText.codeIn(unitText)).isEmpty();
    String withPool = PageText.visible(html("/elections/{id}/delegates", e)).replaceAll("\\s+", "");
    assertThat(withPool).contains("推荐人选共17名").contains("女性至少7名").contains("推荐人选中还差2名");
    assertThat(PageText.codeIn(withPool)).isEmpty();

    // a wrong split: refused, the message on the page, nothing changed
    int version = version(u);
    long audit = auditCount(e);
    List<String> rows = new ArrayList<>(goodRows());
    rows.set(15, rows.get(15).replace("基层一线", "处级领导干部"));
    String refused =
        mvc.perform(
                post("/elections/{id}/delegates/units/{u}/list", e, u)
                    .with(ADMIN)
                    .with(csrf())
                    .param("list", String.join("\n", rows))
                    .param("version", "" + version))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String refusedText = PageText.visible(refused);
    assertThat(refusedText)
        .contains("推荐单位「区委教育工委」的人选类别（人选结构）不符")
        .contains("处级领导干部4名，应为3名")
        .contains("基层一线7名，应为8名")
        .contains("《XX区选举出席XX市第十二次党代会代表工作方案（003）》");
    assertThat(PageText.codeIn(refusedText)).isEmpty();
    assertThat(version(u)).isEqualTo(version);
    assertThat(auditCount(e)).isEqualTo(audit);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM delegate_recommendee WHERE unit_id = ? AND category = 'GRASSROOTS'",
                Integer.class,
                u))
        .isEqualTo(8);

    // a bad .xlsx row: refused, nothing changed
    List<List<String>> cells = new ArrayList<>();
    for (String r : goodRows()) {
      cells.add(new ArrayList<>(List.of(r.split("\t", -1))));
    }
    cells.get(9).set(2, "1985-13-40");
    String badImport =
        mvc.perform(
                multipart("/elections/{id}/delegates/units/{u}/import", e, u)
                    .file(
                        new MockMultipartFile(
                            "file",
                            "名单.xlsx",
                            "application/octet-stream",
                            DelegateServiceTest.xlsx(cells)))
                    .param("version", "" + version)
                    .with(ADMIN)
                    .with(csrf()))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(PageText.visible(badImport))
        .contains("推荐单位「区委教育工委」的推荐人选名单有误，未保存任何人选")
        .contains("第12行：出生日期应写作");
    assertThat(version(u)).isEqualTo(version);
    assertThat(auditCount(e)).isEqualTo(audit);

    // participation, then the statistics download
    mvc.perform(
            post("/elections/{id}/delegates/units/{u}/participation", e, u)
                .with(ADMIN)
                .with(csrf())
                .param("organisationsTotal", "40")
                .param("organisationsJoined", "40")
                .param("membersTotal", "800")
                .param("membersJoined", "800")
                .param("version", "" + version))
        .andExpect(status().is3xxRedirection());
    var xlsx =
        mvc.perform(get("/elections/{id}/delegates/statistics.xlsx", e).with(ADMIN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse();
    assertThat(xlsx.getContentType()).contains("spreadsheetml");
    try (XSSFWorkbook wb =
        new XSSFWorkbook(new ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
      var row = wb.getSheetAt(0).getRow(3);
      assertThat(row.getCell(0).getStringCellValue()).isEqualTo("区委教育工委");
      assertThat(row.getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(17);
      assertThat(row.getCell(18).getNumericCellValue()).isEqualTo(100);
    }
    mvc.perform(get("/elections/{id}/delegates/recommended.xlsx", e).with(ADMIN))
        .andExpect(status().isOk());
  }
}
