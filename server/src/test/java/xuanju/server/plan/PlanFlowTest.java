package xuanju.server.plan;

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
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import xuanju.server.election.Election;
import xuanju.server.election.ElectionService;
import xuanju.server.election.ElectionStatus;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.security.UserRepository;
import xuanju.server.support.H2AppTest;
import xuanju.server.support.SignIn;

class PlanFlowTest extends H2AppTest {
  @Autowired MockMvc mvc;
  @Autowired OrganisationService orgs;
  @Autowired UserRepository users;
  @Autowired JdbcTemplate jdbc;
  @Autowired ElectionService elections;
  @Autowired PlanService plans;
  @Autowired ApprovalService approvals;

  private Election load(long id) {
    Election[] e = new Election[1];
    SignIn.as("admin", true, () -> e[0] = elections.get(id));
    return e[0];
  }

  private long requests(long id) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM approval_request WHERE election_id = ?", Long.class, id);
  }

  private long audits() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM audit_event", Long.class);
  }

  @Test
  void submitReturnResubmitApproveWithDocuments() throws Exception {
    var s = PlanFixtures.scenario(orgs, users, jdbc, 8, 1);
    long id = PlanFixtures.election(elections, s.branch(), false, 1, LocalDate.now().plusDays(40));
    var branchAdmin = user(s.branchAdmin()).roles("USER");
    var officer = user(s.officer()).roles("USER");

    // the page shows the roster counts and the finding that blocks the request
    mvc.perform(get("/elections/{id}/plan", id).with(branchAdmin))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("PARTY.COMMITTEE.REQUIRED_7")))
        .andExpect(content().string(containsString("8 名")));

    // submitting a plan without committee for 8 members with a vote is blocked and changes nothing
    Election before = load(id);
    long auditsBefore = audits();
    mvc.perform(
            post("/elections/{id}/plan/submit", id)
                .with(branchAdmin)
                .with(csrf())
                .param("version", Integer.toString(before.version())))
        .andExpect(status().isConflict())
        .andExpect(content().string(containsString("PARTY.COMMITTEE.REQUIRED_7")))
        .andExpect(content().string(containsString("应设立支部委员会")));
    assertThat(load(id).status()).isEqualTo(ElectionStatus.DRAFT);
    assertThat(load(id).version()).isEqualTo(before.version());
    assertThat(requests(id)).isZero();
    assertThat(audits()).isEqualTo(auditsBefore);

    // the administrator fixes the plan: a committee of 3 with 1 deputy
    mvc.perform(
            post("/elections/{id}/plan", id)
                .with(branchAdmin)
                .with(csrf())
                .param("version", Integer.toString(before.version()))
                .param("hasCommittee", "true")
                .param("seats", "3")
                .param("secretarySeats", "1")
                .param("deputySeats", "1")
                .param("electionDay", LocalDate.now().plusDays(40).toString())
                .param("termYears", "3")
                .param("termStart", "2023-12-01")
                .param("termExpiry", "2026-12-01")
                .param("meetingPlace", "村部会议室"))
        .andExpect(status().is3xxRedirection());
    Election fixed = load(id);
    assertThat(fixed.hasCommittee()).isTrue();
    assertThat(fixed.seats()).isEqualTo(3);

    mvc.perform(
            post("/elections/{id}/plan/submit", id)
                .with(branchAdmin)
                .with(csrf())
                .param("version", Integer.toString(fixed.version())))
        .andExpect(status().is3xxRedirection());
    Election submitted = load(id);
    assertThat(submitted.status()).isEqualTo(ElectionStatus.PLAN_SUBMITTED);
    assertThat(requests(id)).isEqualTo(1);

    // the branch administrator cannot approve their own request (no APPROVE permission): 403
    mvc.perform(
            post("/elections/{id}/plan/decision", id)
                .with(branchAdmin)
                .with(csrf())
                .param("version", Integer.toString(submitted.version()))
                .param("decision", "APPROVED"))
        .andExpect(status().isForbidden());
    assertThat(load(id).status()).isEqualTo(ElectionStatus.PLAN_SUBMITTED);

    // returning needs a comment
    mvc.perform(
            post("/elections/{id}/plan/decision", id)
                .with(officer)
                .with(csrf())
                .param("version", Integer.toString(submitted.version()))
                .param("decision", "RETURNED"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString(PlanRule.RETURN_COMMENT.messageZh())))
        .andExpect(
            content()
                .string(
                    org.hamcrest.Matchers.not(containsString("PARTY.APPROVAL.RETURN_COMMENT"))));
    assertThat(load(id).status()).isEqualTo(ElectionStatus.PLAN_SUBMITTED);

    mvc.perform(
            post("/elections/{id}/plan/decision", id)
                .with(officer)
                .with(csrf())
                .param("version", Integer.toString(submitted.version()))
                .param("decision", "RETURNED")
                .param("comment", "请补充任期届满时间的依据"))
        .andExpect(status().is3xxRedirection());
    Election returned = load(id);
    assertThat(returned.status()).isEqualTo(ElectionStatus.DRAFT);
    assertThat(
            jdbc.queryForObject(
                "SELECT comment FROM approval WHERE election_id = ? AND decision = 'RETURNED'",
                String.class,
                id))
        .isEqualTo("请补充任期届满时间的依据");

    // the returned reply document carries the comment
    byte[] returnedReply =
        mvc.perform(get("/elections/{id}/plan/reply.docx", id).with(branchAdmin))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(PlanFixtures.docxText(returnedReply)).contains("请补充任期届满时间的依据");

    // resubmit through the API, approve through the API, approving twice is a conflict
    mvc.perform(
            post("/api/elections/{id}/plan/submit", id)
                .with(branchAdmin)
                .with(csrf())
                .param("version", Integer.toString(returned.version())))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("PLAN_SUBMITTED"));
    int v = load(id).version();
    mvc.perform(
            post("/api/elections/{id}/plan/decision", id)
                .with(officer)
                .with(csrf())
                .param("version", Integer.toString(v))
                .param("decision", "APPROVED")
                .param("comment", "同意"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("PLAN_APPROVED"));
    int approvedVersion = load(id).version();
    mvc.perform(
            post("/api/elections/{id}/plan/decision", id)
                .with(officer)
                .with(csrf())
                .param("version", Integer.toString(approvedVersion))
                .param("decision", "APPROVED"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.message").value(containsString("没有待批复的请示")));
    assertThat(load(id).version()).isEqualTo(approvedVersion);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM approval WHERE election_id = ?", Long.class, id))
        .isEqualTo(2);

    // editing is closed after approval
    mvc.perform(
            post("/elections/{id}/plan", id)
                .with(branchAdmin)
                .with(csrf())
                .param("version", Integer.toString(approvedVersion))
                .param("hasCommittee", "true")
                .param("seats", "5")
                .param("electionDay", LocalDate.now().plusDays(40).toString()))
        .andExpect(status().isConflict());
    assertThat(load(id).seats()).isEqualTo(3);

    // the request: .docx opened with POI, .pdf text with the numbers
    byte[] docx =
        mvc.perform(get("/elections/{id}/plan/request.docx", id).with(branchAdmin))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    String text = PlanFixtures.docxText(docx);
    assertThat(text)
        .contains(PlanDocuments.REQUEST_TITLE)
        .contains("本支部现有党员9名，其中正式党员8名，预备党员1名")
        .contains("有表决权、选举权和被选举权的党员8名")
        .contains("新一届支部委员会由3名委员组成，设书记1名、副书记1名")
        .contains("2026年12月1日届满")
        .contains("中共方案测试镇党委")
        .contains("妥否，请批示");
    byte[] pdf =
        mvc.perform(get("/elections/{id}/plan/request.pdf", id).with(branchAdmin))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(PlanFixtures.pdfText(pdf))
        .contains("关于召开党员大会进行换届选举的请示")
        .contains("本支部现有党员9名")
        .contains("委员正式候选人");
    byte[] reply =
        mvc.perform(get("/elections/{id}/plan/reply.pdf", id).with(officer))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(PlanFixtures.pdfText(reply)).contains("同意你支部").contains("由3名委员组成");

    // the audit log holds every step
    assertThat(
            jdbc.queryForList(
                "SELECT action FROM audit_event WHERE subject = ? ORDER BY seq",
                String.class,
                "election:" + id))
        .contains(
            "PLAN_UPDATED",
            "PLAN_SUBMITTED",
            "APPROVAL_REQUESTED",
            "APPROVAL_DECIDED",
            "PLAN_RETURNED",
            "PLAN_APPROVED");
  }

  @Test
  void smallBranchWithACommitteeIsBlockedAndOwnRequestCannotBeDecided() {
    var s = PlanFixtures.scenario(orgs, users, jdbc, 5, 0);
    long id = PlanFixtures.election(elections, s.branch(), true, 3, LocalDate.now().plusDays(30));
    SignIn.as(
        s.branchAdmin(),
        false,
        () -> {
          var f = plans.check(id);
          assertThat(f.codes()).contains("PARTY.COMMITTEE.NONE_UNDER_7");
          assertThatThrownBy(() -> plans.submit(id, load(id).version()))
              .isInstanceOf(RuleBlockedException.class)
              .hasMessageContaining("不足7名")
              .hasMessageContaining("PARTY.COMMITTEE.NONE_UNDER_7");
        });
    assertThat(load(id).status()).isEqualTo(ElectionStatus.DRAFT);
    assertThat(requests(id)).isZero();

    // a user who is both branch administrator and town officer submits; deciding it is refused
    String both = s.officer() + "b";
    PlanFixtures.user(users, jdbc, both, s.branch(), xuanju.server.access.Role.ELECTION_ADMIN);
    PlanFixtures.user(users, jdbc, both, s.town(), xuanju.server.access.Role.UPPER_OFFICER);
    long ok =
        PlanFixtures.election(elections, s.otherBranch(), false, 1, LocalDate.now().plusDays(30));
    PlanFixtures.user(users, jdbc, both, s.otherBranch(), xuanju.server.access.Role.ELECTION_ADMIN);
    SignIn.as(both, false, () -> plans.submit(ok, load(ok).version()));
    // the page offers the submitter no 同意/退回, and the town officer does
    SignIn.as(both, false, () -> assertThat(plans.view(ok).canApprove()).isFalse());
    SignIn.as(s.officer(), false, () -> assertThat(plans.view(ok).canApprove()).isTrue());
    SignIn.as(
        both,
        false,
        () ->
            assertThatThrownBy(
                    () -> plans.decide(ok, load(ok).version(), ApprovalDecision.APPROVED, ""))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("PARTY.APPROVAL.OWN_REQUEST"));
    assertThat(load(ok).status()).isEqualTo(ElectionStatus.PLAN_SUBMITTED);
    SignIn.as(
        s.officer(),
        false,
        () -> plans.decide(ok, load(ok).version(), ApprovalDecision.APPROVED, ""));
    assertThat(load(ok).status()).isEqualTo(ElectionStatus.PLAN_APPROVED);
  }
}
