package xuanju.server.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import xuanju.core.community.BarringCase;
import xuanju.core.community.CommitteePost;
import xuanju.core.community.ReviewBody;
import xuanju.server.support.DocumentWording;
import xuanju.server.support.PageText;

/**
 * The page 候选人与资格审查 and the printed formal list: Chinese throughout, no rule code, a refused form
 * shows the rule's message with 400/409 and changes nothing, the notice in stroke order.
 */
class CommunityPageTest extends CommunitySupport {
  private static final RequestPostProcessor ADMIN = user("admin").roles("ADMIN", "USER");

  @Autowired MockMvc mvc;

  private String page(long election) throws Exception {
    return mvc.perform(get("/elections/{id}/community/candidates", election).with(ADMIN))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  @Test
  void thePageIsChineseAndARefusalNamesTheRuleAndChangesNothing() throws Exception {
    var c = standard("程委");
    apply(c, "程委", CommitteePost.MEMBER);
    opinion(c, "程委", ReviewBody.PUBLIC_SECURITY, BarringCase.GANG, "旗公安局认定材料");
    String html = page(c.election());
    String text = PageText.visible(html);
    assertThat(text)
        .contains("候选人与资格审查")
        .contains("居民选举委员会")
        .contains("书面报名与资格联审")
        .contains("近亲属回避与选举工作人员")
        .contains("正式候选人名单")
        .contains("审查合格")
        .contains("不能确定为候选人")
        .contains("涉及黑恶势力");
    assertThat(text.replaceAll("\\s+", "")).contains("主任：应选1名").contains("委员：应选3名");
    assertThat(PageText.codeIn(text)).isEmpty();
    assertThat(html)
        .contains("id=\"tab-community\"")
        .contains("data-confirm=")
        .contains("/js/roster.js");
    assertThat(text).doesNotContainPattern("\\b(DIRECTOR|MEMBER|COURT|CRIMINAL|admin)\\b");

    // the barred applicant chosen: 409, the message on the page, nothing published
    var req = post("/elections/{id}/community/formal-list", c.election()).with(ADMIN).with(csrf());
    for (long id : all(c)) {
      req.param("applicationIds", "" + id);
    }
    String refused =
        mvc.perform(req.param("publishedOn", LocalDate.now().toString()))
            .andExpect(status().isConflict())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(PageText.visible(refused)).contains("程委不能确定为候选人（第3项").contains("涉及黑恶势力或被认定为“村霸”的");
    assertThat(PageText.codeIn(PageText.visible(refused))).isEmpty();
    assertThat(published(c)).isZero();

    // an unknown post: 400 with the field's Chinese name
    mvc.perform(
            post("/elections/{id}/community/applications", c.election())
                .with(ADMIN)
                .with(csrf())
                .param("residentId", c.id("程委"))
                .param("post", "BOSS"))
        .andExpect(status().isBadRequest());
  }

  @Test
  void theFormalListIsPrintedInStrokeOrder() throws Exception {
    var c = standard();
    List<Long> ids = all(c);
    var req = post("/elections/{id}/community/formal-list", c.election()).with(ADMIN).with(csrf());
    for (long id : ids) {
      req.param("applicationIds", "" + id);
    }
    mvc.perform(req.param("publishedOn", LocalDate.now().toString()))
        .andExpect(status().is3xxRedirection());
    byte[] pdf =
        mvc.perform(
                get("/elections/{id}/community/candidates/formal-list.pdf", c.election())
                    .with(ADMIN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    String text = DocumentWording.text("正式候选人名单.pdf", pdf);
    String flat = text.replaceAll("\\s+", "");
    assertThat(flat).contains("居民委员会成员正式候选人名单").contains("主任候选人（应选1名）");
    assertThat(flat.indexOf("丁主")).isLessThan(flat.indexOf("王主"));
    assertThat(flat.indexOf("石副")).isLessThan(flat.indexOf("刘副"));
    assertThat(flat.indexOf("李委")).isLessThan(flat.indexOf("周委"));
    assertThat(flat.indexOf("周委")).isLessThan(flat.indexOf("赵委"));
    assertThat(flat.indexOf("赵委")).isLessThan(flat.indexOf("黄委"));
    assertThat(flat).contains("居民选举委员会");
    assertThat(DocumentWording.problems("正式候选人名单.pdf", text, List.of("admin"), List.of()))
        .isEmpty();
    String after = PageText.visible(page(c.election()));
    assertThat(after).contains("打印正式候选人名单");
  }
}
