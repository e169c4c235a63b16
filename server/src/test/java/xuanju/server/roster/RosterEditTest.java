package xuanju.server.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import xuanju.core.quota.Gender;
import xuanju.core.roster.Member;
import xuanju.core.roster.MemberInput;
import xuanju.core.roster.ResidentIds;
import xuanju.core.roster.RosterField;
import xuanju.server.audit.AuditLog;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.support.H2AppTest;

/** Adding, editing and removing a member by hand through the pages. */
class RosterEditTest extends H2AppTest {
  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired OrganisationService orgs;
  @Autowired AuditLog audit;

  @Test
  void addEditAndRemoveAMemberWithValidationLockingAndAudit() throws Exception {
    long org = RosterTestSupport.branch(orgs, "编辑测试党支部");
    Member m = RosterFixtures.member(new Random(31L));
    MemberInput in = m.toInput();

    // a wrong check character: the form comes back with the Chinese field error, nothing saved
    String id = m.residentId();
    char right = id.charAt(17);
    String badId = id.substring(0, 17) + (right == '0' ? '1' : '0');
    mvc.perform(
            form(
                post("/organisations/{id}/roster/new", org), in, RosterField.RESIDENT_ID, badId, 0))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("校验位错误（应为" + right + "）")))
        .andExpect(content().string(containsString("is-invalid")));
    assertThat(RosterTestSupport.count(jdbc, org)).isZero();

    // a good form is saved and audited
    mvc.perform(form(post("/organisations/{id}/roster/new", org), in, null, null, 0))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/organisations/" + org + "/roster"));
    long memberId =
        jdbc.queryForObject("SELECT id FROM party_member WHERE resident_id = ?", Long.class, id);
    assertThat(audit.latest(1).get(0).action()).isEqualTo("MEMBER_CREATED");
    assertThat(audit.latest(1).get(0).summary())
        .contains("新增党员「" + m.name() + "」")
        .contains(ResidentIds.mask(id))
        .doesNotContain(id);

    // the list masks the ID; the edit page shows it in full
    mvc.perform(get("/organisations/{id}/roster", org).with(RosterTestSupport.admin()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(ResidentIds.mask(id))))
        .andExpect(content().string(not(containsString(id))));
    mvc.perform(
            get("/organisations/{id}/roster/{mid}/edit", org, memberId)
                .with(RosterTestSupport.admin()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(id)));

    // edit with the current version: saved, version bumped, before/after audited
    String newEducation = m.education().labelZh().equals("研究生") ? "大学本科" : "研究生";
    mvc.perform(
            form(
                post("/organisations/{id}/roster/{mid}/edit", org, memberId),
                in,
                RosterField.EDUCATION,
                newEducation,
                0))
        .andExpect(status().is3xxRedirection());
    assertThat(audit.latest(1).get(0).action()).isEqualTo("MEMBER_UPDATED");
    assertThat(audit.latest(1).get(0).summary())
        .contains("学历 " + m.education().labelZh() + "→" + newEducation);
    assertThat(
            jdbc.queryForObject(
                "SELECT version FROM party_member WHERE id = ?", Integer.class, memberId))
        .isEqualTo(1);

    // a second edit still carrying version 0 is stale
    mvc.perform(
            form(
                post("/organisations/{id}/roster/{mid}/edit", org, memberId),
                in,
                RosterField.STATUS,
                "留置",
                0))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("该党员信息已被他人修改，请刷新后重试")));
    assertThat(
            jdbc.queryForObject(
                "SELECT status FROM party_member WHERE id = ?", String.class, memberId))
        .isEqualTo(m.status().name());

    // gender contradicting the ID is refused on the gender field's neighbour (the ID)
    String otherGender = m.gender() == Gender.MALE ? "女" : "男";
    mvc.perform(
            form(
                post("/organisations/{id}/roster/{mid}/edit", org, memberId),
                in,
                RosterField.GENDER,
                otherGender,
                1))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("第17位")));

    // removing with a stale version fails, with the current one succeeds
    mvc.perform(
            post("/organisations/{id}/roster/{mid}/delete", org, memberId)
                .param("version", "0")
                .with(RosterTestSupport.admin())
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    assertThat(RosterTestSupport.count(jdbc, org)).isEqualTo(1);
    mvc.perform(
            post("/organisations/{id}/roster/{mid}/delete", org, memberId)
                .param("version", "1")
                .with(RosterTestSupport.admin())
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    assertThat(RosterTestSupport.count(jdbc, org)).isZero();
    assertThat(audit.latest(1).get(0).action()).isEqualTo("MEMBER_DELETED");
    assertThat(audit.firstBrokenLink()).isEmpty();
  }

  @Test
  void aMemberOfAnotherBranchCannotBeAddedByHand() throws Exception {
    long a = RosterTestSupport.branch(orgs, "手工甲党支部");
    long b = RosterTestSupport.branch(orgs, "手工乙党支部");
    Member m = RosterFixtures.member(new Random(32L));
    mvc.perform(form(post("/organisations/{id}/roster/new", a), m.toInput(), null, null, 0))
        .andExpect(status().is3xxRedirection());
    mvc.perform(form(post("/organisations/{id}/roster/new", b), m.toInput(), null, null, 0))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("手工甲党支部")))
        .andExpect(content().string(containsString("一名党员只能编入一个党支部")));
    assertThat(RosterTestSupport.count(jdbc, b)).isZero();
  }

  @Test
  void unknownMemberIs404() throws Exception {
    long a = RosterTestSupport.branch(orgs, "查无此人党支部");
    mvc.perform(
            get("/organisations/{id}/roster/{mid}/edit", a, 987654321L)
                .with(RosterTestSupport.admin()))
        .andExpect(status().isNotFound());
  }

  private static MockHttpServletRequestBuilder form(
      MockHttpServletRequestBuilder req,
      MemberInput in,
      RosterField change,
      String value,
      int version) {
    for (RosterField f : RosterField.values()) {
      req.param(f.key(), f == change ? value : in.get(f));
    }
    return req.param("version", Integer.toString(version))
        .with(RosterTestSupport.admin())
        .with(csrf());
  }
}
