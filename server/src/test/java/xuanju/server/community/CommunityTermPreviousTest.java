package xuanju.server.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import xuanju.server.plan.PlanFixtures;
import xuanju.server.support.PageText;

/**
 * The previous term's figures on the term page (上届班子情况, seed 002 三（四）, ST-03 and ST-04): without
 * them the summary says it cannot compare; refusals (a part above its whole, a pair half filled, a
 * negative count) name the field and change nothing; once recorded the summary, its PDF and its
 * Word document give this term's and the previous term's shares with the verdict, an equal share
 * being not higher.
 *
 * <p>The residents' committee is elected on election day ({@link CommunityDecidedSupport}: 王主, 刘副,
 * 赵委, 李委, 周委); no party 分工 is recorded, so the 两委 team is these five.
 */
class CommunityTermPreviousTest extends CommunityDecidedSupport {
  private static final RequestPostProcessor ADMIN = user("admin").roles("ADMIN", "USER");

  @Autowired MockMvc mvc;

  private MockHttpServletRequestBuilder form(String url) {
    return post(url).with(ADMIN).with(csrf());
  }

  private String page(String url) throws Exception {
    return mvc.perform(get(url).with(ADMIN))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private MockHttpServletRequestBuilder previous(
      String url, String teamSize, String teamCollege, String rcSize, String rcParty) {
    var b = form(url + "/previous");
    Map.of(
            "previousTeamSize", teamSize,
            "previousTeamCollege", teamCollege,
            "previousResidentsSize", rcSize,
            "previousResidentsParty", rcParty)
        .forEach((k, v) -> b.param(k, v));
    return b;
  }

  private Map<String, Object> stored(long term) {
    return jdbc.queryForMap(
        "SELECT previous_team_size AS ts, previous_team_college AS tc, previous_residents_size AS"
            + " rs, previous_residents_party AS rp FROM community_term WHERE id = ?",
        term);
  }

  private long audits(long term) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM audit_event WHERE action = 'COMMUNITY_TERM_PREVIOUS' AND subject = ?",
        Long.class,
        "community-term:" + term);
  }

  private String refused(MockHttpServletRequestBuilder b) throws Exception {
    return PageText.visible(
        mvc.perform(b)
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString());
  }

  @Test
  void thePreviousFiguresAreRecordedAndComparedInThePageAndDocuments() throws Exception {
    var c = decided();
    // of the five elected: 王主, 刘副 and 赵委 party members; 王主 and 李委 with 大专 or above
    jdbc.update(
        "UPDATE person SET political_status = 'CPC_MEMBER' WHERE resident_id IN (?, ?, ?)",
        c.id("王主"),
        c.id("刘副"),
        c.id("赵委"));
    jdbc.update(
        "UPDATE person SET tags = '大专及以上' WHERE resident_id IN (?, ?)", c.id("王主"), c.id("李委"));
    int year = LocalDate.now().getYear() + 1;
    String loc =
        mvc.perform(
                form("/community-terms")
                    .param("organisationId", "" + c.org())
                    .param("name", "诺恩吉雅社区“两委”换届")
                    .param("year", "" + year))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    long term = Long.parseLong(loc.substring("/community-terms/".length()));
    String url = "/community-terms/" + term;
    mvc.perform(
            form(url + "/link").param("part", "RESIDENTS").param("electionId", "" + c.election()))
        .andExpect(status().is3xxRedirection());

    // nothing recorded: the comparison says it cannot judge (a warning, not a pass)
    String html = page(url);
    String text = PageText.visible(html);
    assertThat(text)
        .contains("尚未登记上届班子情况")
        .contains("“两委”班子成员中大专（含大专）以上文化程度：本届2/5（40%）；未登记上届人数，不能判断是否高于上届")
        .contains("居民委员会成员中党员：本届3/5（60%）；未登记上届人数，不能判断是否高于上届");
    assertThat(html)
        .contains("title=\"COMMUNITY.TWO_COMMITTEES.COLLEGE_ABOVE_PREVIOUS\"")
        .contains("title=\"RESIDENTS.STRUCTURE.PARTY_ABOVE_PREVIOUS\"")
        .contains("id=\"previous-form\"");
    assertThat(PageText.codeIn(text)).isEmpty();

    // refusals name the field in Chinese and store nothing
    assertThat(refused(previous(url, "7", "8", "", "")))
        .contains("上届“两委”班子成员中大专（含大专）以上文化程度人数（8人）不能多于上届“两委”班子成员人数（7人）");
    assertThat(refused(previous(url, "7", "", "", ""))).contains("请同时填写上届“两委”班子成员中大专");
    assertThat(refused(previous(url, "7", "3", "5", "-1"))).contains("上届居民委员会成员中党员人数不能为负数");
    assertThat(refused(previous(url, "", "", "", ""))).contains("请填写上届");
    assertThat(stored(term)).containsEntry("TS", null).containsEntry("RP", null);
    assertThat(audits(term)).isZero();

    // recorded: 3 of 7 with 大专 (2/5 now is lower), 2 of 5 party members (3/5 now is higher)
    mvc.perform(previous(url, "7", "3", "5", "2")).andExpect(status().is3xxRedirection());
    assertThat(stored(term))
        .containsEntry("TS", 7)
        .containsEntry("TC", 3)
        .containsEntry("RS", 5)
        .containsEntry("RP", 2);
    assertThat(audits(term)).isOne();
    String college = "“两委”班子成员中大专（含大专）以上文化程度：本届2/5（40%），上届3/7（43%），未高于上届";
    String party = "居民委员会成员中党员：本届3/5（60%），上届2/5（40%），高于上届";
    html = page(url);
    text = PageText.visible(html);
    assertThat(text)
        .contains("已登记：“两委”班子成员7人，其中大专（含大专）以上文化程度3人；居民委员会成员5人，其中党员2人")
        .contains(college)
        .contains(party);
    assertThat(html).contains("value=\"7\"").contains("value=\"3\"");
    assertThat(PageText.codeIn(text)).isEmpty();

    // a later refusal changes nothing either
    assertThat(refused(previous(url, "5", "6", "", ""))).contains("不能多于");
    assertThat(stored(term)).containsEntry("TS", 7).containsEntry("RP", 2);
    assertThat(audits(term)).isOne();

    byte[] pdf =
        mvc.perform(get(url + "/summary.pdf").with(ADMIN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(PlanFixtures.pdfText(pdf))
        .contains("与上届比较：")
        .contains(college.replaceAll("\\s+", ""))
        .contains(party);
    byte[] docx =
        mvc.perform(get(url + "/summary.docx").with(ADMIN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(PlanFixtures.docxText(docx)).contains("与上届比较：" + college + "；" + party + "。");

    // recorded again (replacing both pairs): the same 2/5 as before is not higher; 1/5 before is
    mvc.perform(previous(url, "5", "1", "5", "3")).andExpect(status().is3xxRedirection());
    text = PageText.visible(page(url));
    assertThat(text)
        .contains("“两委”班子成员中大专（含大专）以上文化程度：本届2/5（40%），上届1/5（20%），高于上届")
        .contains("居民委员会成员中党员：本届3/5（60%），上届3/5（60%），未高于上届");
    assertThat(audits(term)).isEqualTo(2);
  }
}
