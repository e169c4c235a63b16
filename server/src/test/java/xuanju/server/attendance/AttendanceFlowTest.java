package xuanju.server.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.election.ElectionService;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.plan.ApprovalDecision;
import xuanju.server.plan.PlanFixtures;
import xuanju.server.plan.RuleBlockedException;
import xuanju.server.security.UserRepository;
import xuanju.server.support.H2AppTest;
import xuanju.server.support.SignIn;

class AttendanceFlowTest extends H2AppTest {
  @Autowired MockMvc mvc;
  @Autowired OrganisationService orgs;
  @Autowired UserRepository users;
  @Autowired JdbcTemplate jdbc;
  @Autowired ElectionService elections;
  @Autowired AttendanceService attendance;

  static final String ILL = ExclusionReasons.DEFAULT.get(0);
  static final String AWAY = ExclusionReasons.DEFAULT.get(4);

  private long exclusions(long id) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM exclusion WHERE election_id = ?", Long.class, id);
  }

  private int version(long id) {
    int[] v = new int[1];
    SignIn.as("admin", true, () -> v[0] = attendance.list(id).version());
    return v[0];
  }

  @Test
  void exclusionsApprovedPublishedAndAdoptedReduceTheExpectedCount() throws Exception {
    // 10 full + 2 probationary; one full member becomes 留党察看 → 9 with a vote
    var s = PlanFixtures.scenario(orgs, users, jdbc, 10, 2);
    jdbc.update(
        "UPDATE party_member SET status = 'DISCIPLINE_PROBATION' WHERE id = ?", s.members().get(2));
    long id = PlanFixtures.election(elections, s.branch(), true, 3, LocalDate.now().plusDays(30));
    var branchAdmin = user(s.branchAdmin()).roles("USER");
    var officer = user(s.officer()).roles("USER");

    SignIn.as(
        s.branchAdmin(),
        false,
        () -> {
          Expected x = attendance.expected(id);
          assertThat(x.membersWithVote()).isEqualTo(9);
          assertThat(x.excluded()).isZero();
          assertThat(x.expected()).isEqualTo(9);
          assertThat(x.codes()).containsExactly("PARTY.VOTE.FULL_MEMBER", "PARTY.EXPECTED.COUNT");
          assertThat(x.trail().get(0).inputs())
              .containsEntry("total", 12L)
              .containsEntry("probationary", 2L)
              .containsEntry("suspended", 1L);
          assertThat(attendance.eligibleVoters(id)).hasSize(9);
        });

    long ill = s.members().get(5);
    long away = s.members().get(6);
    mvc.perform(
            post("/elections/{id}/attendance/exclusions", id)
                .with(branchAdmin)
                .with(csrf())
                .param("memberId", Long.toString(ill))
                .param("reason", ILL)
                .param("note", "住院治疗"))
        .andExpect(status().is3xxRedirection());
    SignIn.as(s.branchAdmin(), false, () -> attendance.addExclusion(id, away, AWAY, ""));

    // a probationary member, a member of another branch, an unknown reason: refused, nothing stored
    long probationary = s.members().get(0);
    long otherBranchMember =
        jdbc.queryForObject(
            "SELECT MIN(id) FROM party_member WHERE organisation_id = ?",
            Long.class,
            s.otherBranch());
    mvc.perform(
            post("/elections/{id}/attendance/exclusions", id)
                .with(branchAdmin)
                .with(csrf())
                .param("memberId", Long.toString(otherBranchMember))
                .param("reason", ILL))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString(AttendanceRule.EXCLUSION_MEMBER.messageZh())))
        .andExpect(
            content().string(org.hamcrest.Matchers.not(containsString("PARTY.EXCLUSION.MEMBER"))));
    SignIn.as(
        s.branchAdmin(),
        false,
        () -> {
          assertThatThrownBy(() -> attendance.addExclusion(id, probationary, ILL, ""))
              .isInstanceOf(InvalidInputException.class)
              .hasMessageContaining("没有表决权");
          assertThatThrownBy(() -> attendance.addExclusion(id, s.members().get(7), "不想参加", ""))
              .isInstanceOf(InvalidInputException.class)
              .hasMessageContaining("PARTY.EXCLUSION.REASON");
        });
    assertThat(exclusions(id)).isEqualTo(2);

    // listed but not approved: not deducted, the trail says why
    SignIn.as(
        s.branchAdmin(),
        false,
        () -> {
          Expected x = attendance.expected(id);
          assertThat(x.expected()).isEqualTo(9);
          assertThat(x.codes()).contains("PARTY.EXCLUSION.UPPER_CONSENT");
          assertThat(x.trail().get(1).passed()).isFalse();
        });

    mvc.perform(
            post("/elections/{id}/attendance/submit", id)
                .with(branchAdmin)
                .with(csrf())
                .param("version", Integer.toString(version(id))))
        .andExpect(status().is3xxRedirection());
    // the branch administrator may not approve: 403
    mvc.perform(
            post("/elections/{id}/attendance/decision", id)
                .with(branchAdmin)
                .with(csrf())
                .param("version", Integer.toString(version(id)))
                .param("decision", "APPROVED"))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/elections/{id}/attendance/decision", id)
                .with(officer)
                .with(csrf())
                .param("version", Integer.toString(version(id)))
                .param("decision", "APPROVED"))
        .andExpect(status().is3xxRedirection());

    // posted yesterday: the 3-day period has not run, adoption today is refused (公示期未满)
    LocalDate today = LocalDate.now();
    SignIn.as(
        s.branchAdmin(), false, () -> attendance.publish(id, version(id), today.minusDays(1)));
    int published = version(id);
    mvc.perform(
            post("/elections/{id}/attendance/adopt", id)
                .with(branchAdmin)
                .with(csrf())
                .param("version", Integer.toString(published))
                .param("adoptedDate", today.toString())
                .param("present", "8")
                .param("yes", "8"))
        .andExpect(status().isConflict())
        .andExpect(content().string(containsString("公示期未满")))
        .andExpect(
            content()
                .string(
                    org.hamcrest.Matchers.not(containsString("PARTY.EXCLUSION.PUBLICITY_RUN"))));
    assertThat(version(id)).isEqualTo(published);
    SignIn.as(
        s.branchAdmin(), false, () -> assertThat(attendance.expected(id).expected()).isEqualTo(9));

    // the notice names both members and the numbers
    byte[] docx =
        mvc.perform(get("/elections/{id}/attendance/publicity.docx", id).with(branchAdmin))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    String text = PlanFixtures.docxText(docx);
    String illName =
        jdbc.queryForObject("SELECT name FROM party_member WHERE id = ?", String.class, ill);
    assertThat(text)
        .contains(AttendanceDocuments.PUBLICITY_TITLE)
        .contains(illName)
        .contains("住院治疗")
        .contains("有表决权的党员9名")
        .contains("应到会人数为7名")
        .contains("中共方案测试镇党委");
    byte[] pdf =
        mvc.perform(get("/elections/{id}/attendance/publicity.pdf", id).with(branchAdmin))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(PlanFixtures.pdfText(pdf)).contains("应到会人数为7名").contains(illName);

    // the vote must pass (yes*2 > present)
    SignIn.as(
        s.branchAdmin(),
        false,
        () -> {
          // move the posting back so that the period has run
          jdbc.update(
              "UPDATE exclusion_list SET publicity_date = ? WHERE election_id = ?",
              java.sql.Date.valueOf(today.minusDays(10)),
              id);
          assertThatThrownBy(() -> attendance.adopt(id, published, today, 8, 4, 4, 0))
              .isInstanceOf(RuleBlockedException.class)
              .hasMessageContaining("PARTY.EXCLUSION.ADOPTED");
          assertThatThrownBy(() -> attendance.adopt(id, published, today, 10, 10, 0, 0))
              .isInstanceOf(InvalidInputException.class);
          attendance.adopt(id, published, today, 8, 7, 1, 0);
          Expected x = attendance.expected(id);
          assertThat(x.membersWithVote()).isEqualTo(9);
          assertThat(x.excluded()).isEqualTo(2);
          assertThat(x.expected()).isEqualTo(7);
          assertThat(x.codes())
              .containsExactly(
                  "PARTY.VOTE.FULL_MEMBER",
                  "PARTY.EXCLUSION.UPPER_CONSENT",
                  "PARTY.PUBLICITY.FIVE_CATEGORIES_3D",
                  "PARTY.EXCLUSION.ADOPTED",
                  "PARTY.EXPECTED.COUNT");
          assertThat(x.trail().get(4).inputs())
              .containsEntry("membersWithVote", 9L)
              .containsEntry("excluded", 2L)
              .containsEntry("expected", 7L);
          var voters = attendance.eligibleVoters(id);
          assertThat(voters).hasSize(7);
          assertThat(voters).extracting(EligibleVoter::memberId).doesNotContain(ill, away);
          assertThat(voters.get(0).residentIdMasked()).contains("*");
        });

    mvc.perform(
            get("/api/elections/{id}/attendance/expected", id)
                .with(user("admin").roles("ADMIN", "USER")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.expected").value(7))
        .andExpect(jsonPath("$.trail[4].code").value("PARTY.EXPECTED.COUNT"));
    mvc.perform(get("/elections/{id}/attendance", id).with(branchAdmin))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("应到会人数 = 有表决权的党员9名 − 经批准不计入的党员2名 = 7名")));
  }

  @Test
  void publicityThatCannotRunOutBeforeTheMeetingIsRefused() {
    var s = PlanFixtures.scenario(orgs, users, jdbc, 8, 0);
    long id = PlanFixtures.election(elections, s.branch(), true, 3, LocalDate.now().plusDays(2));
    SignIn.as(
        s.branchAdmin(), false, () -> attendance.addExclusion(id, s.members().get(1), ILL, ""));
    SignIn.as(s.branchAdmin(), false, () -> attendance.submit(id, version(id)));
    SignIn.as(
        s.officer(),
        false,
        () -> attendance.decide(id, version(id), ApprovalDecision.APPROVED, ""));
    int v = version(id);
    SignIn.as(
        s.branchAdmin(),
        false,
        () ->
            assertThatThrownBy(() -> attendance.publish(id, v, LocalDate.now()))
                .isInstanceOf(RuleBlockedException.class)
                .hasMessageContaining("PARTY.PUBLICITY.FIVE_CATEGORIES_3D"));
    assertThat(version(id)).isEqualTo(v);
    SignIn.as(
        "admin",
        true,
        () -> assertThat(attendance.list(id).status()).isEqualTo(ExclusionStatus.APPROVED));
  }

  @Test
  void publicityEndIsThreeDaysAfterPostingOrTheNextWorkingDay() {
    // 2026-11-02 (Monday) → 11-05 (Thursday); 2026-11-05 (Thursday) → 11-08 is a Sunday → 11-09
    assertThat(AttendanceService.publicityEnd(LocalDate.of(2026, 11, 2)))
        .isEqualTo(LocalDate.of(2026, 11, 5));
    assertThat(AttendanceService.publicityEnd(LocalDate.of(2026, 11, 5)))
        .isEqualTo(LocalDate.of(2026, 11, 9));
  }
}
