package xuanju.server.delegates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import xuanju.server.support.PageText;

/**
 * The page 考察与人选: Chinese without rule codes at every stage, the live composition, the proposal and
 * the infeasibility explanation; a decision by the wrong body posted from the page is refused (400,
 * the message on the page, nothing saved); the 名册 and the 情况报告 download.
 */
class DelegateStagePageTest extends DelegateStageSupport {
  private static final RequestPostProcessor ADMIN = user("admin").roles("ADMIN", "USER");

  @Autowired MockMvc mvc;

  private String text(String url, Object... vars) throws Exception {
    String html =
        mvc.perform(get(url, vars).with(ADMIN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String t = PageText.visible(html).replaceAll("\\s+", "");
    assertThat(PageText.codeIn(t)).isEmpty();
    return t;
  }

  @Test
  void thePageWalksTheStagesInChinese() throws Exception {
    long e = electionWithPool();
    assertThat(text("/elections/{id}/delegates/stages", e))
        .contains("考察与人选")
        .contains("初步人选考察对象")
        .contains("确定考察对象名单")
        .contains("推荐人选—34名");
    // the wrong body from the page: 400, the rule on the page, nothing saved
    var post =
        post("/elections/{id}/delegates/stages/decide", e)
            .with(ADMIN)
            .with(csrf())
            .param("stage", "SUBJECTS")
            .param("body", "PLENUM")
            .param("decidedOn", "2026-02-27")
            .param("document", "区委全会决议");
    for (long id : subjectIds(e)) {
      post.param("ids", Long.toString(id));
    }
    String refused =
        PageText.visible(
                mvc.perform(post)
                    .andExpect(status().isBadRequest())
                    .andReturn()
                    .getResponse()
                    .getContentAsString())
            .replaceAll("\\s+", "");
    assertThat(refused).contains("应由区委常委会作出，不能由区委全会作出");
    assertThat(PageText.codeIn(refused)).isEmpty();
    assertThat(steps(e)).isZero();

    long p = upToPreliminaryPublicity();
    as(
        () ->
            stages.withdraw(
                p,
                DelegateStage.PRELIMINARY,
                firstId(p, "吴刚"),
                LocalDate.of(2026, 3, 18),
                "本人因健康原因请辞"));
    String page = text("/elections/{id}/delegates/stages", p);
    assertThat(page)
        .contains("已得出推荐票总数最高的名单")
        .contains("女性")
        .contains("符合")
        .contains("考察预告")
        .contains("共5个工作日");
    // lock every remaining 初步人选 and ask for 17 of 20: explained with the numbers
    var locks =
        post("/elections/{id}/delegates/stages/locks", p)
            .with(ADMIN)
            .with(csrf())
            .param("size", "17");
    for (StageMember m : as(() -> stages.page(p, null)).preliminary().activeMembers()) {
      locks.param("locked", Long.toString(m.recommendeeId()));
    }
    mvc.perform(locks).andExpect(status().is3xxRedirection());
    assertThat(text("/elections/{id}/delegates/stages?size=17", p))
        .contains("不存在符合全部结构要求的名单")
        .contains("应选17名，但已锁定20名，多出3名");
    // decide, review, download
    as(() -> stages.lock(p, java.util.List.of()));
    var proposal = as(() -> stages.page(p, 18)).proposal();
    as(
        () ->
            stages.decideList(
                p,
                DelegateStage.PREPARATORY,
                "PLENUM",
                LocalDate.of(2026, 3, 27),
                "区委全会决议",
                proposal.ids()));
    step(p, StageStep.PREPARATORY_REVIEWED, LocalDate.of(2026, 3, 30));
    assertThat(text("/elections/{id}/delegates/stages", p))
        .contains("市委组织部已对预备人选进行初步审查")
        .contains("预备人选情况报告")
        .contains("批复文号")
        .contains("登记市委批复")
        .contains("预备人选登记表");
    byte[] xlsx =
        mvc.perform(get("/elections/{id}/delegates/stages/preparatory.xlsx", p).with(ADMIN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).contains("预备人选名册");
    }
    byte[] docx =
        mvc.perform(get("/elections/{id}/delegates/stages/preparatory-report.docx", p).with(ADMIN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(docx))) {
      String all = String.join("", d.getParagraphs().stream().map(x -> x.getText()).toList());
      assertThat(all)
          .contains("关于确定出席XX市第十二次党代会代表候选人预备人选的情况报告")
          .contains("圈选确定代表候选人预备人选18名")
          .contains("公示5个工作日");
    }
    byte[] subjects =
        mvc.perform(get("/elections/{id}/delegates/stages/subjects.xlsx", p).with(ADMIN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(subjects))) {
      assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).contains("初步人选考察对象名册");
    }
  }
}
