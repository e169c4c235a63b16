package xuanju.server.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import xuanju.server.access.Role;
import xuanju.server.election.ElectionService;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.security.UserRepository;
import xuanju.server.support.H2AppTest;
import xuanju.server.support.SignIn;
import xuanju.server.voting.EntryService;
import xuanju.server.voting.VotingFixture;
import xuanju.server.voting.VotingFixture.Setup;
import xuanju.server.voting.VotingModel;
import xuanju.server.voting.VotingServices;

/**
 * The town's desk (上级工作台): the demo town's six organisations with the overdue one first and red;
 * the inbox oldest first without the officer's own requests; the roll-up of an elected committee
 * checked against the members' records, on the page and in the .xlsx (numbers as numbers); nothing
 * for a branch administrator.
 */
class TownDeskTest extends H2AppTest {
  @Autowired DeskService desk;
  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired OrganisationService orgs;
  @Autowired ElectionService elections;
  @Autowired UserRepository users;
  @Autowired VotingServices voting;
  @Autowired EntryService entries;

  static <T> T as(String user, boolean admin, Supplier<T> body) {
    List<T> out = new ArrayList<>();
    SignIn.as(user, admin, () -> out.add(body.get()));
    return out.get(0);
  }

  @Test
  void theDemoTownShowsItsSixOrganisationsWithTheOverdueOneFirst() throws Exception {
    Desk d = as("demo_town", false, desk::load);
    assertThat(d.organisations().stream().map(Desk.OrgRow::name).toList())
        .containsExactlyInAnyOrder(
            "代力吉镇党委", "代力吉镇机关支部委员会", "代力吉镇中心小学党支部", "东营子村党支部", "西营子村党支部", "诺恩吉雅社区党总支");
    Desk.OrgRow first = d.organisations().get(0);
    assertThat(first.name()).isEqualTo("西营子村党支部");
    assertThat(first.overdue()).isPositive();
    assertThat(first.next().overdue()).isTrue();
    assertThat(d.overdueOrganisations()).isEqualTo(1);
    assertThat(
            d.organisations().stream().filter(o -> o.electionId() == null).map(Desk.OrgRow::name))
        .contains("诺恩吉雅社区党总支", "代力吉镇党委");
    String page =
        mvc.perform(get("/desk").with(user("demo_town").roles("USER")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("上级工作台", "尚未启动换届", "table-danger overdue", "已逾期");
    assertThat(page.indexOf("西营子村党支部")).isLessThan(page.indexOf("东营子村党支部"));
    // a branch administrator approves for nobody: an empty desk, no other organisation
    Desk none = as("demo_branch", false, desk::load);
    assertThat(none.empty()).isTrue();
    assertThat(
            mvc.perform(get("/desk").with(user("demo_branch").roles("USER")))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("您没有负责审批的组织")
        .doesNotContain("西营子村党支部");
  }

  @Test
  void theInboxIsOldestFirstAndTheRollupCountsTheElected() throws Exception {
    Setup s = VotingFixture.create(orgs, elections, users, jdbc, 10, true, 2, 0);
    long town =
        jdbc.queryForObject(
            "SELECT parent_id FROM organisation WHERE id = ?", Long.class, s.organisationId());
    String officer = "desk" + s.electionId();
    VotingFixture.grant(users, jdbc, officer, town, Role.UPPER_OFFICER);
    Instant now = Instant.now();
    request(s.electionId(), "RESULTS", "选举结果", "branchclerk", now.minus(1, ChronoUnit.DAYS));
    request(s.electionId(), "PLAN", "党员 10 名", "branchclerk", now.minus(3, ChronoUnit.DAYS));
    request(s.electionId(), "FORMAL_CANDIDATES", "本人报送", officer, now.minus(5, ChronoUnit.DAYS));
    Desk d = as(officer, false, desk::load);
    assertThat(d.inbox().stream().map(Desk.InboxItem::kindZh)).containsExactly("换届选举请示", "选举结果");
    assertThat(d.inbox().get(0).link()).isEqualTo("/elections/" + s.electionId() + "/plan");
    assertThat(d.inbox().get(0).daysWaiting()).isEqualTo(3);

    // an elected committee: members 0 and 1 get every 赞成; member 1 is young, a woman (odd
    // index), with a high-school education; member 0 has a degree
    jdbc.update(
        "UPDATE party_member SET education = 'BACHELOR' WHERE id = ?", s.memberIds().get(0));
    jdbc.update(
        "UPDATE party_member SET education = 'HIGH_SCHOOL', birth_date = ? WHERE id = ?",
        java.sql.Date.valueOf(java.time.LocalDate.now().minusYears(30)),
        s.memberIds().get(1));
    elect(s);
    jdbc.update("UPDATE election SET status = 'COMPLETED' WHERE id = ?", s.electionId());
    Desk after = as(officer, false, desk::load);
    String branch =
        jdbc.queryForObject(
            "SELECT name FROM organisation WHERE id = ?", String.class, s.organisationId());
    Desk.RollupRow row =
        after.rollup().stream()
            .filter(r -> r.organisation().equals(branch))
            .findFirst()
            .orElseThrow();
    assertThat(row.elected()).isEqualTo(2);
    assertThat(row.women()).isEqualTo(1);
    assertThat(row.aged35OrUnder()).isEqualTo(1);
    assertThat(row.collegeOrAbove()).isEqualTo(1);
    assertThat(row.bachelorOrAbove()).isEqualTo(1);
    Desk.RollupRow total = after.rollup().get(after.rollup().size() - 1);
    assertThat(total.organisation()).isEqualTo("合计");
    assertThat(total.elected())
        .isEqualTo(
            after.rollup().stream()
                .limit(after.rollup().size() - 1)
                .mapToInt(Desk.RollupRow::elected)
                .sum());

    byte[] xlsx =
        mvc.perform(get("/desk/rollup.xlsx").with(user(officer).roles("USER")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      var sheet = wb.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("换届结果汇总表");
      assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("当选委员");
      var r = sheet.getRow(3);
      assertThat(r.getCell(0).getStringCellValue()).isEqualTo(branch);
      assertThat(r.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(r.getCell(1).getNumericCellValue()).isEqualTo(2.0);
      assertThat(r.getCell(2).getNumericCellValue()).isEqualTo(1.0);
      assertThat(r.getCell(6).getStringCellValue()).isEqualTo("不适用");
    }
  }

  private void request(long election, String kind, String summary, String by, Instant at) {
    jdbc.update(
        "INSERT INTO approval_request (election_id, kind, summary, submitted_by, submitted_at)"
            + " VALUES (?, ?, ?, ?, ?)",
        election,
        kind,
        summary,
        by,
        Timestamp.from(at));
  }

  /** Round 1 with 3 candidates, 9 present, 9 ballots electing the first two; decided. */
  private void elect(Setup s) {
    long e = s.electionId();
    List<VotingModel.CandidateRef> c = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      c.add(new VotingModel.CandidateRef(s.key(i), s.names().get(i), s.memberIds().get(i)));
    }
    var round = as("admin", true, () -> voting.rounds().openFirstRound(e, c));
    SignIn.as(
        s.clerk1(),
        false,
        () -> {
          var voters = voting.checkIn().voters(e, 1);
          for (int i = 0; i < 9; i++) {
            voting.checkIn().checkIn(e, 1, voters.get(i).key());
          }
        });
    SignIn.as("admin", true, () -> voting.rounds().beginVoting(e, 1, elections.get(e).version()));
    StringBuilder marks = new StringBuilder();
    for (var cand : round.candidates()) {
      marks.append(Set.of(s.key(0), s.key(1)).contains(cand.id()) ? '1' : '2');
    }
    for (String side : List.of("A", "B")) {
      SignIn.as(
          side.equals("A") ? s.clerk1() : s.clerk2(),
          false,
          () -> {
            for (int i = 0; i < 9; i++) {
              entries.submit(
                  e,
                  1,
                  new VotingModel.BallotInput(
                      UUID.randomUUID().toString(),
                      null,
                      marks.toString(),
                      null,
                      List.of(),
                      false,
                      null,
                      null,
                      side));
            }
          });
    }
    long stack = as("admin", true, () -> voting.rounds().stacks(e, 1)).get(0).id();
    SignIn.as(s.clerk1(), false, () -> entries.finishEntry(e, 1, stack, "A"));
    SignIn.as(s.clerk2(), false, () -> entries.finishEntry(e, 1, stack, "B"));
    int v = as("admin", true, () -> voting.rounds().stacks(e, 1)).get(0).version();
    SignIn.as(s.scrutineer(), false, () -> entries.settle(e, 1, stack, v));
    long box = as("admin", true, () -> voting.stations().stations(e)).get(0).boxes().get(0).id();
    SignIn.as(s.clerk1(), false, () -> voting.rounds().recordBoxCount(e, 1, box, 9, 9, 0));
    SignIn.as(
        "admin",
        true,
        () -> voting.decisions().decide(e, 1, voting.rounds().round(e, 1).version()));
  }
}
