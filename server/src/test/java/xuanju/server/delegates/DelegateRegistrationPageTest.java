package xuanju.server.delegates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import xuanju.server.support.PageText;

/**
 * The additions on the page 考察与人选: the step list, the stage counts and the regulators' opinions on
 * the 企业 subjects, in Chinese without codes; bad input posted from the page refused with 400 and
 * nothing saved; the 登记表 and the 小结 download.
 */
class DelegateRegistrationPageTest extends DelegateStageSupport {
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

  private String refused(MockHttpServletRequestBuilder post) throws Exception {
    String t =
        PageText.visible(
                mvc.perform(post.with(ADMIN).with(csrf()))
                    .andExpect(status().isBadRequest())
                    .andReturn()
                    .getResponse()
                    .getContentAsString())
            .replaceAll("\\s+", "");
    assertThat(PageText.codeIn(t)).isEmpty();
    return t;
  }

  private byte[] download(String url, Object... vars) throws Exception {
    return mvc.perform(get(url, vars).with(ADMIN))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsByteArray();
  }

  @Test
  void theStepsCountsAndRegulatorsOnThePage() throws Exception {
    long e = election();
    allocate(e);
    long u1 = unit(e, "区委教育工委");
    String rows = goodList().replaceFirst("(高峰\\t[^\\n]*?)\\t\\t(\\d+)", "$1\t企业\t$2");
    as(() -> delegates.submitText(e, u1, rows, version(u1)));
    long u2 = unit(e, "区委卫生工委");
    as(() -> delegates.submitText(e, u2, goodList(), version(u2)));

    assertThat(text("/elections/{id}/delegates/stages", e))
        .contains("各阶段人数")
        .contains("考察对象24名（默认：代表名额的150%）")
        .contains("初步人选21名（默认：代表名额的130%）")
        .contains("审批环节")
        .contains("批复预备人选名单市委尚未登记");
    // counts posted from the page: a bad one refused with 400, nothing stored
    String bad =
        refused(
            post("/elections/{id}/delegates/stages/counts", e)
                .param("subjectsCount", "")
                .param("preliminaryCount", "16"));
    assertThat(bad).contains("初步人选人数为16名，应多于代表名额16名");
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM delegate_stage_counts WHERE election_id = ?",
                Integer.class,
                e))
        .isZero();

    decideSubjects(e);
    vettingNotice(e);
    opinions(e);
    assertThat(text("/elections/{id}/delegates/stages", e))
        .contains("听取有关部门意见（企业的考察对象）")
        .contains("研究提出考察对象名单区委常委会区委常委会于2026-02-27登记");
    long gao =
        jdbc.queryForObject(
            "SELECT r.id FROM delegate_recommendee r WHERE r.unit_id = ? AND r.name = '高峰'",
            Long.class,
            u1);
    String empty =
        refused(
            post("/elections/{id}/delegates/stages/regulator", e)
                .param("recommendeeId", Long.toString(gao))
                .param("department", "")
                .param("regulatorOpinion", "无"));
    assertThat(empty).contains("听取意见的部门：不能为空");
    mvc.perform(
            post("/elections/{id}/delegates/stages/regulator", e)
                .with(ADMIN)
                .with(csrf())
                .param("recommendeeId", Long.toString(gao))
                .param("department", "区市场监管局")
                .param("regulatorOpinion", "该企业近三年无行政处罚记录"))
        .andExpect(status().is3xxRedirection());
    assertThat(text("/elections/{id}/delegates/stages", e)).contains("区市场监管局：该企业近三年无行政处罚记录");

    step(e, StageStep.DISCIPLINE_CONSULTED, LocalDate.of(2026, 3, 9));
    decidePreliminary(e);
    assertThat(text("/elections/{id}/delegates/stages", e)).contains("初步人选登记表");
    assertThat(download("/elections/{id}/delegates/stages/preliminary-registration.xlsx", e))
        .isNotEmpty();
    try (XWPFDocument doc =
            new XWPFDocument(
                new ByteArrayInputStream(download("/elections/{id}/delegates/summary.docx", e)));
        XWPFWordExtractor x = new XWPFWordExtractor(doc)) {
      assertThat(x.getText()).contains("代表推荐提名工作的小结").contains("共推荐人选34名");
    }
    assertThat(text("/elections/{id}/delegates", e)).contains("推荐提名工作小结");
  }
}
