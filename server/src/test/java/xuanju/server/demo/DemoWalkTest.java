package xuanju.server.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import xuanju.server.attendance.AttendanceService;
import xuanju.server.election.ElectionService;
import xuanju.server.election.ElectionStatus;
import xuanju.server.nomination.NominationService;
import xuanju.server.nomination.Nominee;
import xuanju.server.nomination.Phase;
import xuanju.server.plan.ApprovalDecision;
import xuanju.server.results.ResultsService;
import xuanju.server.support.PageText;
import xuanju.server.support.SignIn;
import xuanju.server.voting.EntryService;
import xuanju.server.voting.VotingModel.BallotInput;
import xuanju.server.voting.VotingModel.Round;
import xuanju.server.voting.VotingServices;

/**
 * The demo can be walked from start to archive on the day it is loaded, without back-dating (issue
 * 14): a fresh installation loads the demo data, and the school branch's election goes through
 * 公示结束, 报上级审批, the town's approval, the five-category list adopted at the meeting, the members'
 * meeting (with the reason for voting before the approved day), the committee's plenum, the results
 * report, its approval and the archive — every date given is today, every step by the demo user who
 * would take it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@AutoConfigureMockMvc
class DemoWalkTest {
  static final Path DATA_DIR;

  static {
    try {
      DATA_DIR = Files.createTempDirectory("xuanju-demo-walk");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry r) {
    r.add("xuanju.data-dir", DATA_DIR::toString);
    r.add("xuanju.admin.initial-password", () -> "DemoWalk2026x");
    r.add("xuanju.demo", () -> "true");
    r.add("xuanju.integrity.check-interval", () -> "0");
  }

  @Autowired JdbcTemplate jdbc;
  @Autowired ElectionService elections;
  @Autowired NominationService nominations;
  @Autowired AttendanceService attendance;
  @Autowired VotingServices voting;
  @Autowired EntryService entries;
  @Autowired ResultsService results;
  @Autowired MockMvc mvc;

  static <T> T as(String user, Supplier<T> body) {
    List<T> out = new ArrayList<>();
    SignIn.as(user, false, () -> out.add(body.get()));
    return out.get(0);
  }

  static void run(String user, Runnable body) {
    SignIn.as(user, false, body);
  }

  int version(long e) {
    return as("demo_branch", () -> elections.get(e).version());
  }

  @Test
  void theSchoolElectionIsWalkedToTheArchiveOnTheDayTheDemoIsLoaded() throws Exception {
    LocalDate today = LocalDate.now();
    long e =
        jdbc.queryForObject(
            "SELECT id FROM election WHERE title = '中共代力吉镇中心小学党支部委员会换届选举'", Long.class);

    // 公示结束: the seeded posting day lies far enough back
    run("demo_branch", () -> nominations.closePublicity(e));
    assertThat(as("demo_branch", () -> nominations.state(e)).phase()).isEqualTo(Phase.REVIEW);

    // 确定预备人选并报上级: the smallest list the margin allows, tried from the seats up
    List<Nominee> preliminary =
        as("demo_branch", () -> nominations.nominees(e)).stream()
            .filter(Nominee::preliminary)
            .toList();
    boolean submitted = false;
    for (int n = DemoData.SCHOOL_SEATS + 1; n <= preliminary.size() && !submitted; n++) {
      List<Long> ids = preliminary.subList(0, n).stream().map(Nominee::id).toList();
      try {
        run("demo_branch", () -> nominations.submitPreCandidates(e, ids));
        submitted = true;
      } catch (RuntimeException refused) {
        assertThat(refused.getMessage()).contains("MARGIN");
      }
    }
    assertThat(submitted).as("预备人选已报上级").isTrue();

    // the town officer approves: formal candidates
    run("demo_town", () -> nominations.approve(e, version(e), "同意。"));
    assertThat(as("demo_branch", () -> elections.get(e)).status())
        .isEqualTo(ElectionStatus.CANDIDATES_APPROVED);

    // the meeting adopts the five-category list on the meeting day (today)
    var list = as("demo_branch", () -> attendance.list(e));
    var expected = as("demo_branch", () -> attendance.expected(e));
    int voters = expected.membersWithVote();
    run(
        "demo_branch",
        () -> attendance.adopt(e, list.version(), today, voters - 1, voters - 2, 0, 1));

    // election day: the ballot from the formal candidates, everyone expected checks in
    Round r1 = as("demo_branch", () -> voting.rounds().openFirstRoundFromNomination(e));
    int present = checkInAll(e, 1);
    assertThat(present).isEqualTo(voters - 1); // the excused teacher is not expected
    assertThatThrownBy(
            () -> run("demo_branch", () -> voting.rounds().beginVoting(e, 1, version(e))))
        .hasMessageContaining("VOTING.START.BEFORE_ELECTION_DAY");
    run("demo_branch", () -> voting.rounds().beginVoting(e, 1, version(e), "演示：经镇党委同意，党员大会提前两天召开"));

    // every ballot: 赞成 the first three candidates (stroke order), 不赞成 the rest
    List<String> ballots = new ArrayList<>();
    for (int i = 0; i < present; i++) {
      StringBuilder marks = new StringBuilder();
      for (int c = 0; c < r1.candidates().size(); c++) {
        marks.append(c < DemoData.SCHOOL_SEATS ? '1' : '2');
      }
      ballots.add(marks.toString());
    }
    count(e, r1, ballots);
    decide(e, r1.number());

    // the committee's first plenum elects the first of them secretary
    String secretary = r1.candidates().get(0).id();
    run(
        "demo_branch",
        () -> voting.secondStage().openSecondStage(e, List.of(secretary), List.of()));
    assertThat(checkInAll(e, 2)).isEqualTo(DemoData.SCHOOL_SEATS);
    run("demo_branch", () -> voting.rounds().beginVoting(e, 2, version(e)));
    int last = as("demo_branch", () -> voting.rounds().rounds(e)).size();
    Round r2 = as("demo_branch", () -> voting.rounds().round(e, last));
    count(e, r2, List.of("1", "1", "1"));
    decide(e, r2.number());

    // results reported, approved by the town, archived
    run("demo_branch", () -> results.submit(e, version(e)));
    run("demo_town", () -> results.decide(e, version(e), ApprovalDecision.APPROVED, "同意。"));
    run("demo_branch", () -> results.archive(e, version(e)));
    assertThat(as("demo_branch", () -> elections.get(e)).status())
        .isEqualTo(ElectionStatus.ARCHIVED);
    assertThat(as("demo_branch", () -> results.archiveZip(e)).length).isGreaterThan(10_000);

    // the reason for the early start is on record with the approved day
    assertThat(
            jdbc.queryForObject(
                "SELECT summary FROM audit_event WHERE action = 'VOTING_STARTED' AND subject = ?",
                String.class,
                "election:" + e))
        .contains("早于批准的选举日", "原因：演示：经镇党委同意");

    // every page of the walked election reads without rule codes (they stay in tooltips)
    // (the administrator of this fresh installation has changed the initial password)
    jdbc.update("UPDATE app_user SET must_change_password = FALSE WHERE username = 'admin'");
    List<String> problems = new ArrayList<>();
    int shown = 0;
    List<String> notShown = new ArrayList<>();
    String base = "/elections/" + e;
    List<String> pages =
        List.of(
            base,
            base + "/plan",
            base + "/attendance",
            base + "/nomination",
            base + "/voting",
            base + "/voting/rounds/1",
            base + "/voting/rounds/" + last,
            base + "/voting/checkin?stage=1",
            base + "/results",
            "/",
            "/desk",
            "/admin/audit");
    for (String who : List.of("demo_branch", "demo_town", "admin")) {
      var u = who.equals("admin") ? user(who).roles("ADMIN", "USER") : user(who).roles("USER");
      for (String p : pages) {
        var res = mvc.perform(get(p).with(u)).andReturn().getResponse();
        if (res.getStatus() != 200) {
          notShown.add(who + " " + p + " " + res.getStatus());
        } else {
          shown++;
          PageText.codeIn(res.getContentAsString())
              .ifPresent(around -> problems.add(who + " " + p + "：" + around));
        }
      }
    }
    assertThat(shown).as("页面（未显示：%s）", notShown).isGreaterThanOrEqualTo(30);
    assertThat(problems).isEmpty();
  }

  private int checkInAll(long e, int stage) {
    return as(
        "demo_clerk",
        () -> {
          var list = voting.checkIn().voters(e, stage);
          for (var v : list) {
            voting.checkIn().checkIn(e, stage, v.key());
          }
          return list.size();
        });
  }

  /** Clerk 甲 enters side A, clerk 乙 side B, the scrutineer settles; the box counts are recorded. */
  private void count(long e, Round r, List<String> ballots) {
    for (String side : List.of("A", "B")) {
      String clerk = side.equals("A") ? "demo_clerk" : "demo_clerk2";
      run(
          clerk,
          () -> {
            for (String b : ballots) {
              entries.submit(
                  e,
                  r.number(),
                  new BallotInput(
                      UUID.randomUUID().toString(),
                      null,
                      b,
                      null,
                      List.of(),
                      false,
                      null,
                      null,
                      side));
            }
          });
    }
    long stack = as("demo_branch", () -> voting.rounds().stacks(e, r.number())).get(0).id();
    run("demo_clerk", () -> entries.finishEntry(e, r.number(), stack, "A"));
    run("demo_clerk2", () -> entries.finishEntry(e, r.number(), stack, "B"));
    int v = as("demo_branch", () -> voting.rounds().stacks(e, r.number())).get(0).version();
    run("demo_scrutineer", () -> entries.settle(e, r.number(), stack, v));
    long box = as("demo_branch", () -> voting.stations().stations(e)).get(0).boxes().get(0).id();
    run(
        "demo_clerk",
        () ->
            voting.rounds().recordBoxCount(e, r.number(), box, ballots.size(), ballots.size(), 0));
  }

  private void decide(long e, int round) {
    run(
        "demo_branch",
        () -> voting.decisions().decide(e, round, voting.rounds().round(e, round).version()));
  }
}
