package xuanju.server.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import xuanju.core.community.ElectorateMode;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.support.DocumentWording;
import xuanju.server.support.PageText;

/**
 * 选举办法 of a residents' committee election: drafted from the chosen settings, adopted by the 居民代表会议
 * (two thirds present, more than half in favour; otherwise refused with the numbers and nothing
 * stored), fixed once adopted, posted, printed as PDF and Word.
 */
class ElectionMethodTest extends CommunitySupport {
  private static final RequestPostProcessor ADMIN = user("admin").roles("ADMIN", "USER");

  @Autowired MockMvc mvc;
  @Autowired ElectionMethodService methods;

  private ElectionMethodService.View view(long election) {
    List<ElectionMethodService.View> out = new ArrayList<>();
    as(() -> out.add(methods.view(election)));
    return out.get(0);
  }

  private String adopted(long election) {
    return String.valueOf(
        jdbc.queryForObject(
            "SELECT adopted_on FROM community_election_method WHERE election_id = ?",
            Object.class,
            election));
  }

  @Test
  void draftedAdoptedFixedAndPosted() throws Exception {
    var c =
        CommunityFixtures.community(jdbc, orgs, elections, registration, CommunityFixtures.names());
    long e = c.election();
    LocalDate today = LocalDate.now();
    // the default draft before anything is saved
    assertThat(view(e).saved()).isFalse();
    assertThat(view(e).record().mode()).isEqualTo(ElectorateMode.ALL_VOTERS);
    // adoption needs a saved draft
    assertThatThrownBy(() -> as(() -> methods.adopt(e, today, 30, 25, 20)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("请先保存选举办法草案");

    // a fourth proxy is refused by the settings
    assertThatThrownBy(() -> as(() -> methods.draft(e, "HOUSEHOLD_REPRESENTATIVES", 4, true, "")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("每一选民接受的委托不得超过三人");
    as(() -> methods.draft(e, "HOUSEHOLD_REPRESENTATIVES", 2, false, "NO"));
    var v = view(e);
    assertThat(v.record().mode()).isEqualTo(ElectorateMode.HOUSEHOLD_REPRESENTATIVES);
    String text =
        String.join(
            "", v.method().sections().stream().flatMap(s -> s.paragraphs().stream()).toList());
    assertThat(text)
        .contains("每户派代表选举")
        .contains("每一选民接受的委托不得超过2人")
        .contains("不设另选他人栏")
        .contains("分别计票");

    // 19 of 30 present: the meeting could not be held; 10 of 20 in favour: not adopted
    assertThatThrownBy(() -> as(() -> methods.adopt(e, today, 30, 19, 19)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("到会19人，不足三分之二（至少20人）")
        .hasMessageContaining("村民委员会组织法");
    assertThatThrownBy(() -> as(() -> methods.adopt(e, today, 30, 20, 10)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("赞成10票，未超过到会人员的半数");
    assertThat(adopted(e)).isEqualTo("null");
    // posting before adoption is refused
    assertThatThrownBy(() -> as(() -> methods.post(e, today)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("须经居民代表会议通过后张榜公布");

    as(() -> methods.adopt(e, today, 30, 20, 11));
    assertThat(view(e).record().adoptionZh()).contains("组成人员30人，到会20人，赞成11票");
    assertThat(methods.adoptedMode(e)).contains(ElectorateMode.HOUSEHOLD_REPRESENTATIVES);
    // fixed once adopted
    assertThatThrownBy(() -> as(() -> methods.draft(e, "ALL_VOTERS", 3, true, "")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("不能修改");
    assertThat(view(e).record().mode()).isEqualTo(ElectorateMode.HOUSEHOLD_REPRESENTATIVES);
    as(() -> methods.post(e, today));
    assertThat(view(e).record().postedOn()).isEqualTo(today);

    // the page and the documents
    String html =
        mvc.perform(get("/elections/{id}/community/method", e).with(ADMIN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String page = PageText.visible(html);
    assertThat(page).contains("选举办法").contains("居民代表会议通过").contains("张榜公布").contains("第五章 委托投票与代写");
    assertThat(PageText.codeIn(page)).isEmpty();
    assertThat(html).contains("id=\"tab-method\"");
    byte[] pdf =
        mvc.perform(get("/elections/{id}/community/method.pdf", e).with(ADMIN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    String printed = DocumentWording.text("method.pdf", pdf).replaceAll("\\s+", "");
    assertThat(printed).contains("居民委员会选举办法").contains("每户派代表选举").contains("居民选举委员会");
    byte[] docx =
        mvc.perform(get("/elections/{id}/community/method.docx", e).with(ADMIN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(DocumentWording.text("method.docx", docx)).contains("委托投票");
    mvc.perform(get("/elections/{id}/community/method.exe", e).with(ADMIN))
        .andExpect(status().isBadRequest());
  }

  @Test
  void aRefusedFormShowsTheRuleAndChangesNothing() throws Exception {
    var c =
        CommunityFixtures.community(jdbc, orgs, elections, registration, CommunityFixtures.names());
    String body =
        mvc.perform(
                post("/elections/{id}/community/method/draft", c.election())
                    .param("mode", "EVERYONE")
                    .param("proxyCap", "3")
                    .with(ADMIN)
                    .with(csrf()))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(PageText.visible(body)).contains("选举方式：请从列表中选择").contains("居民委员会由本居住地区全体有选举权的居民");
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM community_election_method WHERE election_id = ?",
                Long.class,
                c.election()))
        .isZero();
  }
}
