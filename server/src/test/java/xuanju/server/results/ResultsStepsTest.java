package xuanju.server.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static xuanju.server.results.ResultsFixture.as;
import static xuanju.server.results.ResultsFixture.run;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.election.ElectionService;
import xuanju.server.election.ElectionStatus;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.plan.ApprovalDecision;
import xuanju.server.security.UserRepository;
import xuanju.server.support.H2AppTest;
import xuanju.server.voting.EntryService;
import xuanju.server.voting.VotingServices;

/** The blocked steps of the results stage, through the services and over HTTP. */
class ResultsStepsTest extends H2AppTest {
  @Autowired ResultsService results;
  @Autowired VotingServices voting;
  @Autowired EntryService entries;
  @Autowired ElectionService elections;
  @Autowired OrganisationService orgs;
  @Autowired UserRepository users;
  @Autowired JdbcTemplate jdbc;
  @Autowired MockMvc mvc;

  ResultsFixture fixture() {
    return new ResultsFixture(orgs, elections, voting, entries, users, jdbc, 10, true, 3);
  }

  ElectionStatus stage(ResultsFixture f) {
    return as(f.admin, () -> elections.get(f.electionId)).status();
  }

  static String body(int version) {
    return "{\"version\":" + version + "}";
  }

  @Test
  void submittingBeforeEveryVoteHasAResultIsRefusedWithTheRule() throws Exception {
    ResultsFixture f = fixture();
    f.start(4, 10); // round 1 open, nothing decided
    assertThatThrownBy(() -> run(f.admin, () -> results.submit(f.electionId, f.version())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("RESULTS.SUBMIT.NOT_READY")
        .hasMessageContaining("尚未判定");
    mvc.perform(
            post("/api/elections/{id}/results/submit", f.electionId)
                .with(user(f.admin).roles("USER"))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body(f.version())))
        .andExpect(status().isConflict())
        .andExpect(
            content().string(org.hamcrest.Matchers.containsString("RESULTS.SUBMIT.NOT_READY")));
    // stage 1 decided but the plenum has not voted yet: still refused
    f.stageOneWithTieAfterStart();
    assertThatThrownBy(() -> run(f.admin, () -> results.submit(f.electionId, f.version())))
        .hasMessageContaining("RESULTS.SUBMIT.NOT_READY");
    assertThat(stage(f)).isEqualTo(ElectionStatus.VOTING);
    // archive before approval
    assertThatThrownBy(() -> run(f.admin, () -> results.archive(f.electionId, f.version())))
        .hasMessageContaining("RESULTS.ARCHIVE.NOT_APPROVED");
  }

  @Test
  void onlyTheUpperOrganisationDecidesOnceAndOnlyAnApprovedElectionIsArchived() throws Exception {
    ResultsFixture f = fixture();
    f.stageOneWithTie();
    f.stageTwo();
    long id = f.electionId;
    // the approving officer cannot submit (no MANAGE)
    assertThatThrownBy(() -> run(f.officer, () -> results.submit(id, f.version())))
        .isInstanceOf(AccessDeniedException.class);
    mvc.perform(
            post("/api/elections/{id}/results/submit", id)
                .with(user(f.admin).roles("USER"))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body(f.version())))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("RESULTS_SUBMITTED"));
    // archive before approval
    mvc.perform(
            post("/api/elections/{id}/results/archive", id)
                .with(user(f.admin).roles("USER"))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body(f.version())))
        .andExpect(status().isConflict())
        .andExpect(
            content().string(org.hamcrest.Matchers.containsString("RESULTS.ARCHIVE.NOT_APPROVED")));
    // a branch user cannot approve (403), neither through the service nor over HTTP
    assertThatThrownBy(
            () ->
                run(f.admin, () -> results.decide(id, f.version(), ApprovalDecision.APPROVED, "")))
        .isInstanceOf(AccessDeniedException.class);
    String decision =
        "{\"version\":" + f.version() + ",\"decision\":\"APPROVED\",\"comment\":\"\"}";
    mvc.perform(
            post("/api/elections/{id}/results/decision", id)
                .with(user(f.clerk1).roles("USER"))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(decision))
        .andExpect(status().isForbidden());
    // returning needs a comment, and sends the election back to VOTING
    assertThatThrownBy(
            () ->
                run(
                    f.officer,
                    () -> results.decide(id, f.version(), ApprovalDecision.RETURNED, " ")))
        .isInstanceOf(InvalidInputException.class);
    run(f.officer, () -> results.decide(id, f.version(), ApprovalDecision.RETURNED, "请补充委员分工"));
    assertThat(stage(f)).isEqualTo(ElectionStatus.VOTING);
    run(f.admin, () -> voting.secondStage().recordPortfolio(id, f.names.get(2), "宣传委员"));
    run(f.admin, () -> results.submit(id, f.version()));
    // approve once over HTTP; the second time is a conflict
    String approve = "{\"version\":" + f.version() + ",\"decision\":\"APPROVED\",\"comment\":\"\"}";
    mvc.perform(
            post("/api/elections/{id}/results/decision", id)
                .with(user(f.officer).roles("USER"))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(approve))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("COMPLETED"));
    String again = "{\"version\":" + f.version() + ",\"decision\":\"APPROVED\",\"comment\":\"\"}";
    mvc.perform(
            post("/api/elections/{id}/results/decision", id)
                .with(user(f.officer).roles("USER"))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(again))
        .andExpect(status().isConflict());
    assertThatThrownBy(
            () ->
                run(
                    f.officer,
                    () -> results.decide(id, f.version(), ApprovalDecision.APPROVED, "")))
        .isInstanceOf(IllegalStateException.class);
    assertThat(as(f.admin, () -> results.view(id)).history()).hasSize(2);
    // the reply names the secretary; the page shows everything
    String reply =
        xuanju.server.plan.PlanFixtures.pdfText(
            xuanju.server.documents.PdfDocument.render(as(f.admin, () -> results.reply(id))).pdf());
    assertThat(reply).contains("同意" + f.names.get(0) + "任", "备案");
    mvc.perform(get("/elections/{id}/results", id).with(user(f.officer).roles("USER")))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("宣传委员")));
    // the archive download before archiving is refused with the rule
    mvc.perform(get("/elections/{id}/results/archive.zip", id).with(user(f.admin).roles("USER")))
        .andExpect(status().isConflict());
    // the officer (no MANAGE) cannot archive; the branch can, once
    assertThatThrownBy(() -> run(f.officer, () -> results.archive(id, f.version())))
        .isInstanceOf(AccessDeniedException.class);
    mvc.perform(
            post("/elections/{id}/results/archive", id)
                .with(user(f.admin).roles("USER"))
                .with(csrf())
                .param("version", "" + f.version()))
        .andExpect(status().is3xxRedirection());
    assertThat(stage(f)).isEqualTo(ElectionStatus.ARCHIVED);
    mvc.perform(get("/elections/{id}/results/archive.zip", id).with(user(f.officer).roles("USER")))
        .andExpect(status().isOk())
        .andExpect(content().contentType("application/zip"));
    assertThatThrownBy(() -> run(f.admin, () -> results.archive(id, f.version())))
        .hasMessageContaining("RESULTS.ARCHIVE.NOT_APPROVED");
  }
}
