package xuanju.server.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import xuanju.server.support.PageText;

/**
 * Undoing a mistaken link or term: an election unlinked from a part with a reason (audited, the
 * election kept and free to be linked again), refused without a reason, for a part that is 已完成 (the
 * residents' committee elected), once the party 分工 or the 两委 summary is recorded, and for a part
 * with nothing linked; a term deleted only when no election is linked. Every refusal changes
 * nothing.
 */
class CommunityTermUnlinkTest extends CommunityDecidedSupport {
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

  private String refused(MockHttpServletRequestBuilder b, ResultMatcher s) throws Exception {
    return PageText.visible(
        mvc.perform(b).andExpect(s).andReturn().getResponse().getContentAsString());
  }

  private long createTerm(long org, String name) throws Exception {
    String loc =
        mvc.perform(
                form("/community-terms")
                    .param("organisationId", "" + org)
                    .param("name", name)
                    .param("year", "" + (LocalDate.now().getYear() + 1)))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    return Long.parseLong(loc.substring("/community-terms/".length()));
  }

  private Long linked(long term, String column) {
    return jdbc.queryForObject(
        "SELECT " + column + " FROM community_term WHERE id = ?", Long.class, term);
  }

  private long audits(long term, String action) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM audit_event WHERE action = ? AND subject = ?",
        Long.class,
        action,
        "community-term:" + term);
  }

  private MockHttpServletRequestBuilder unlink(String url, String part, String reason) {
    return form(url + "/unlink").param("part", part).param("reason", reason);
  }

  @Test
  void aMistakenLinkIsUndoneAndAnEmptyTermDeleted() throws Exception {
    var c = decided(); // the residents' committee elected: that part is 已完成
    long branch = orgs.create("test", c.org(), "诺恩吉雅社区党总支" + c.election(), "BRANCH");
    long term = createTerm(c.org(), "诺恩吉雅社区“两委”换届");
    String url = "/community-terms/" + term;
    mvc.perform(
            form(url + "/elections")
                .param("part", "PARTY")
                .param("organisationId", "" + branch)
                .param("electionDay", LocalDate.now().plusDays(30).toString()))
        .andExpect(status().is3xxRedirection());
    long party = linked(term, "party_election_id");
    mvc.perform(
            form(url + "/link").param("part", "RESIDENTS").param("electionId", "" + c.election()))
        .andExpect(status().is3xxRedirection());

    String html = page(url);
    String text = PageText.visible(html);
    assertThat(html).contains("id=\"unlink-PARTY\"").contains("id=\"unlink-button-PARTY\"");
    assertThat(html).doesNotContain("id=\"unlink-button-RESIDENTS\"");
    assertThat(text).contains("该部分已完成，选举结果已确定，不能取消关联");
    assertThat(html).doesNotContain("id=\"delete-term\""); // elections linked: no delete button
    assertThat(PageText.codeIn(text)).isEmpty();

    // the residents' committee is elected (已完成): refused, still linked, nothing audited
    assertThat(refused(unlink(url, "RESIDENTS", "关联错了"), status().isConflict()))
        .contains("已产生选举结果（居民委员会已完成），结果已确定，不能取消关联");
    assertThat(linked(term, "residents_election_id")).isEqualTo(c.election());
    // no reason; nothing linked to the part of another term; an unknown part
    assertThat(refused(unlink(url, "PARTY", "  "), status().isBadRequest())).contains("请写明取消关联的理由");
    assertThat(refused(unlink(url, "SUPERVISION", "x"), status().isBadRequest()))
        .contains("请选择党组织或居民委员会");
    // the 分工 recorded from the party election, or the 两委 summary recorded: refused
    jdbc.update(
        "INSERT INTO community_term_party_post (term_id, member_key, name, post) VALUES (?, 'm1',"
            + " '王主', 'SECRETARY')",
        term);
    assertThat(refused(unlink(url, "PARTY", "关联错了"), status().isConflict()))
        .contains("确定社区党组织委员会分工，不能取消关联");
    jdbc.update("DELETE FROM community_term_party_post WHERE term_id = ?", term);
    jdbc.update(
        "UPDATE community_term SET summary_recorded_at = ? WHERE id = ?",
        Timestamp.from(Instant.now()),
        term);
    assertThat(refused(unlink(url, "PARTY", "关联错了"), status().isConflict()))
        .contains("已登记“两委”班子汇总，不能取消关联");
    jdbc.update("UPDATE community_term SET summary_recorded_at = NULL WHERE id = ?", term);
    assertThat(linked(term, "party_election_id")).isEqualTo(party);
    assertThat(audits(term, "COMMUNITY_TERM_UNLINKED")).isZero();

    // the term cannot be deleted while elections are linked
    assertThat(refused(form(url + "/delete"), status().isConflict()))
        .contains("本换届已关联选举")
        .contains("请先取消关联，再删除换届");
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM community_term WHERE id = ?", Long.class, term))
        .isOne();

    // the party election unlinked with the reason: audited, kept, free for another term
    mvc.perform(unlink(url, "PARTY", "应关联到下一年度的换届")).andExpect(status().is3xxRedirection());
    assertThat(linked(term, "party_election_id")).isNull();
    assertThat(audits(term, "COMMUNITY_TERM_UNLINKED")).isOne();
    assertThat(
            jdbc.queryForObject(
                "SELECT summary FROM audit_event WHERE action = 'COMMUNITY_TERM_UNLINKED' AND"
                    + " subject = ?",
                String.class,
                "community-term:" + term))
        .contains("党组织取消关联选举")
        .contains("应关联到下一年度的换届");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM election WHERE id = ?", Long.class, party))
        .isOne();
    assertThat(refused(unlink(url, "PARTY", "再次"), status().isConflict()))
        .contains("本换届的党组织尚未关联选举");
    long other = createTerm(c.org(), "误建的换届");
    String otherUrl = "/community-terms/" + other;
    mvc.perform(form(otherUrl + "/link").param("part", "PARTY").param("electionId", "" + party))
        .andExpect(status().is3xxRedirection());
    assertThat(linked(other, "party_election_id")).isEqualTo(party);

    // the mistaken term: unlinked, then deleted (audited); the list no longer shows it
    assertThat(refused(form(otherUrl + "/delete"), status().isConflict())).contains("党组织「");
    mvc.perform(unlink(otherUrl, "PARTY", "误建换届")).andExpect(status().is3xxRedirection());
    assertThat(page(otherUrl)).contains("id=\"delete-term\"");
    mvc.perform(form(otherUrl + "/delete"))
        .andExpect(status().is3xxRedirection())
        .andExpect(
            r -> assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/community-terms"));
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM community_term WHERE id = ?", Long.class, other))
        .isZero();
    assertThat(audits(other, "COMMUNITY_TERM_DELETED")).isOne();
    assertThat(PageText.visible(page("/community-terms"))).doesNotContain("误建的换届");
    // the first term keeps its residents' committee election
    assertThat(linked(term, "residents_election_id")).isEqualTo(c.election());
  }
}
