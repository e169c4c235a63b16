package xuanju.server.voting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import xuanju.server.election.ElectionService;
import xuanju.server.election.ElectionStatus;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.security.UserRepository;
import xuanju.server.support.H2AppTest;
import xuanju.server.voting.VotingFixture.Setup;
import xuanju.server.voting.VotingModel.CandidateRef;

/**
 * Voting before the approved election day (提前投票): refused without a reason, and the reason goes
 * into the audit log with the approved day; on the day itself nothing is asked.
 */
class EarlyVotingTest extends H2AppTest {
  @Autowired VotingServices voting;
  @Autowired ElectionService elections;
  @Autowired OrganisationService orgs;
  @Autowired UserRepository users;
  @Autowired JdbcTemplate jdbc;
  @Autowired MockMvc mvc;

  Setup readyToBegin(LocalDate electionDay) {
    Setup s = VotingFixture.create(orgs, elections, users, jdbc, 10, true, 2, 0);
    jdbc.update(
        "UPDATE election SET election_day = ? WHERE id = ?",
        Date.valueOf(electionDay),
        s.electionId());
    List<CandidateRef> c = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      c.add(new CandidateRef(s.key(i), s.names().get(i), s.memberIds().get(i)));
    }
    VotingServiceTest.run("admin", () -> voting.rounds().openFirstRound(s.electionId(), c));
    VotingServiceTest.run(
        s.clerk1(),
        () -> {
          var voters = voting.checkIn().voters(s.electionId(), 1);
          for (var v : voters) {
            voting.checkIn().checkIn(s.electionId(), 1, v.key());
          }
        });
    return s;
  }

  static final RequestPostProcessor ADMIN = user("admin").roles("ADMIN", "USER");

  /** The 变更选举日 form as the administrator posts it. */
  ResultActions changeDay(long e, String day, String reason) throws Exception {
    return mvc.perform(
        post("/elections/{id}/voting/election-day", e)
            .param("version", String.valueOf(version(e)))
            .param("electionDay", day)
            .param("reason", reason)
            .with(ADMIN)
            .with(csrf()));
  }

  /** The 宣布开始投票 form of stage 1 as the administrator posts it (reason may be null). */
  MvcResult begin(long e, String earlyReason) throws Exception {
    var request =
        post("/elections/{id}/voting/begin", e)
            .param("stage", "1")
            .param("version", String.valueOf(version(e)));
    if (earlyReason != null) {
      request.param("earlyReason", earlyReason);
    }
    return mvc.perform(request.with(ADMIN).with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andReturn();
  }

  int version(long e) {
    return VotingServiceTest.as("admin", true, () -> elections.get(e).version());
  }

  ElectionStatus statusOf(long e) {
    return VotingServiceTest.as("admin", true, () -> elections.get(e).status());
  }

  private String lastStartAudit(long electionId) {
    return jdbc.queryForObject(
        "SELECT summary FROM audit_event WHERE action = 'VOTING_STARTED' AND subject = ?"
            + " ORDER BY seq DESC LIMIT 1",
        String.class,
        "election:" + electionId);
  }

  @Test
  void beforeTheApprovedDayTheServiceAsksForAReasonAndRecordsIt() {
    LocalDate day = LocalDate.now().plusDays(3);
    Setup s = readyToBegin(day);
    long e = s.electionId();
    int version = version(e);
    for (String blank : new String[] {null, "  "}) {
      assertThatThrownBy(
              () ->
                  VotingServiceTest.run(
                      "admin", () -> voting.rounds().beginVoting(e, 1, version, blank)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("VOTING.START.BEFORE_ELECTION_DAY")
          .hasMessageContaining("今天早3天");
    }
    assertThat(statusOf(e)).isEqualTo(ElectionStatus.CANDIDATES_APPROVED);
    assertThat(voting.progress().begun(e, 1)).isFalse();

    var q =
        VotingServiceTest.as(
            "admin", true, () -> voting.rounds().beginVoting(e, 1, version, "经镇党委同意，党员大会提前召开"));
    assertThat(q.present()).isEqualTo(10);
    assertThat(statusOf(e)).isEqualTo(ElectionStatus.VOTING);
    assertThat(lastStartAudit(e))
        .contains("应到会10人，实到会10人")
        .contains(
            "早于批准的选举日（"
                + day.getYear()
                + "年"
                + day.getMonthValue()
                + "月"
                + day.getDayOfMonth()
                + "日）3天开始投票，原因：经镇党委同意，党员大会提前召开");
  }

  @Test
  void oneDayBeforeTheApprovedDayIsAlreadyEarly() {
    Setup s = readyToBegin(LocalDate.now().plusDays(1));
    long e = s.electionId();
    assertThatThrownBy(
            () ->
                VotingServiceTest.run(
                    "admin", () -> voting.rounds().beginVoting(e, 1, version(e), null)))
        .hasMessageContaining("VOTING.START.BEFORE_ELECTION_DAY")
        .hasMessageContaining("今天早1天");
    assertThat(statusOf(e)).isEqualTo(ElectionStatus.CANDIDATES_APPROVED);
  }

  @Test
  void onTheApprovedDayNoReasonIsAskedAndNoneRecorded() {
    Setup s = readyToBegin(LocalDate.now());
    long e = s.electionId();
    VotingServiceTest.run("admin", () -> voting.rounds().beginVoting(e, 1, version(e), null));
    assertThat(statusOf(e)).isEqualTo(ElectionStatus.VOTING);
    assertThat(lastStartAudit(e)).doesNotContain("早于批准的选举日");
  }

  @Test
  void orTheElectionDayIsChangedWithItsReasonAndThenNoReasonIsAsked() throws Exception {
    LocalDate day = LocalDate.now().plusDays(5);
    Setup s = readyToBegin(day);
    long e = s.electionId();
    assertThat(
            mvc.perform(get("/elections/{id}/voting", e).with(ADMIN))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("id=\"change-day-form\"", "变更选举日将记入操作日志");
    // a day that cannot be read: a Chinese error page naming the field, nothing changes
    String unreadable =
        changeDay(e, "12月5日", "改期")
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(unreadable).contains("选举日期").doesNotContain("Exception", "electionDay");
    // refused: no reason, a past day; nothing changes
    for (String[] bad :
        new String[][] {
          {LocalDate.now().toString(), ""}, {LocalDate.now().minusDays(1).toString(), "改期"}
        }) {
      MvcResult r = changeDay(e, bad[0], bad[1]).andExpect(status().is3xxRedirection()).andReturn();
      assertThat((String) r.getFlashMap().get("error")).as(bad[0]).isNotBlank();
    }
    assertThat(VotingServiceTest.as("admin", true, () -> elections.get(e)).electionDay())
        .isEqualTo(day);

    MvcResult changed =
        changeDay(e, LocalDate.now().toString(), "经镇党委同意，党员大会改在今天召开")
            .andExpect(status().is3xxRedirection())
            .andReturn();
    assertThat(changed.getFlashMap().get("error")).isNull();
    assertThat(VotingServiceTest.as("admin", true, () -> elections.get(e)).electionDay())
        .isEqualTo(LocalDate.now());
    assertThat(
            jdbc.queryForObject(
                "SELECT summary FROM audit_event WHERE action = 'ELECTION_DAY_CHANGED' AND subject = ?",
                String.class,
                "election:" + e))
        .contains("变更为" + LocalDate.now(), "原因：经镇党委同意，党员大会改在今天召开");
    // on the (new) day nothing more is asked
    VotingServiceTest.run("admin", () -> voting.rounds().beginVoting(e, 1, version(e), null));
    assertThat(statusOf(e)).isEqualTo(ElectionStatus.VOTING);
    // once voting began the day can no longer change
    assertThatThrownBy(
            () ->
                VotingServiceTest.run(
                    "admin",
                    () ->
                        elections.changeElectionDay(
                            e, version(e), LocalDate.now().plusDays(1), "再改")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("开始投票前");
  }

  @Test
  void thePageShowsTheApprovedDayAndTakesTheReason() throws Exception {
    LocalDate day = LocalDate.now().plusDays(2);
    Setup s = readyToBegin(day);
    long e = s.electionId();
    String page =
        mvc.perform(get("/elections/{id}/voting", e).with(ADMIN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("id=\"early-warning\"", "name=\"earlyReason\"", "今天早于批准的选举日2天")
        .contains(day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日");

    // without a reason: a Chinese error, nothing begun
    MvcResult refused = begin(e, null);
    assertThat((String) refused.getFlashMap().get("error")).contains("须写明原因", "今天早2天");
    // the page shows the message without the rule code
    String shown =
        mvc.perform(
                get(refused.getResponse().getRedirectedUrl())
                    .flashAttrs(refused.getFlashMap())
                    .with(ADMIN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(shown).contains("须写明原因").doesNotContain("VOTING.START");
    assertThat(voting.progress().begun(e, 1)).isFalse();

    MvcResult begun = begin(e, "牧区党员集中返乡，经镇党委同意提前两天召开");
    assertThat(begun.getFlashMap().get("error")).isNull();
    assertThat(voting.progress().begun(e, 1)).isTrue();
    assertThat(lastStartAudit(e)).contains("原因：牧区党员集中返乡，经镇党委同意提前两天召开");
    // once begun, the warning is gone
    assertThat(
            mvc.perform(get("/elections/{id}/voting", e).with(ADMIN))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .doesNotContain("id=\"early-warning\"");
  }
}
