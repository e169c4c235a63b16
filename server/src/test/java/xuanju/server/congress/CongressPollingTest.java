package xuanju.server.congress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.election.ElectionService;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.register.RegisterFixtures;
import xuanju.server.register.RegistrationService;
import xuanju.server.support.H2AppTest;
import xuanju.server.support.PageText;
import xuanju.server.support.SignIn;

/**
 * Election day of a town deputies' election through the services and pages: a county district from
 * two town districts, box custody and staff, ballots per box, tally sheets entered twice, the
 * decision with 另行选举, a county vote that fails turnout and is held again, and the town board.
 */
class CongressPollingTest extends H2AppTest {
  private static final RequestPostProcessor ADMIN = user("admin").roles("ADMIN", "USER");

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired OrganisationService orgs;
  @Autowired ElectionService elections;
  @Autowired RegistrationService registration;
  @Autowired DeputyNominationService nominations;
  @Autowired FormalListService formal;
  @Autowired CountyDistrictService counties;
  @Autowired PollingService polling;
  @Autowired ContestVoteService votes;
  @Autowired TallySheets sheets;
  @Autowired LiveBoardService board;

  private record Town(
      long election,
      long east,
      long west,
      List<String> eastVoters,
      List<String> westVoters,
      long station,
      long mobile) {}

  private Town town() {
    int n = RegisterFixtures.next();
    long org = RegisterFixtures.town(orgs, "投票测试镇" + n);
    long election = RegisterFixtures.election(elections, org, LocalDate.now().plusDays(40));
    long east = RegisterFixtures.district(jdbc, election, 1, "第一选区", "东村" + n);
    long west = RegisterFixtures.district(jdbc, election, 2, "第二选区", "西村" + n);
    LocalDate adult = LocalDate.now().minusYears(30);
    String[] names = {"王一", "李二", "张三", "刘四", "陈五", "杨六", "赵七", "黄八", "周九", "吴十", "徐十一", "孙十二"};
    List<String> eastVoters = new ArrayList<>();
    for (String name : names) {
      eastVoters.add(
          RegisterFixtures.residentIdOf(
              jdbc, RegisterFixtures.person(jdbc, org, "东村" + n, "第1组", name, adult)));
    }
    List<String> westVoters = new ArrayList<>();
    for (String name : List.of("郑西", "钱西")) {
      westVoters.add(
          RegisterFixtures.residentIdOf(
              jdbc, RegisterFixtures.person(jdbc, org, "西村" + n, "第1组", name, adult)));
    }
    SignIn.as("admin", true, () -> registration.registerAll(election, null));
    jdbc.update("UPDATE voter_registration SET status = 'LISTED' WHERE election_id = ?", election);
    long station = station(east, "东村投票站", false);
    long mobile = station(east, "东村流动票箱", true);
    return new Town(election, east, west, eastVoters, westVoters, station, mobile);
  }

  private long station(long district, String name, boolean mobile) {
    jdbc.update(
        "INSERT INTO polling_station (district_id, name, mobile, created_at) VALUES (?, ?, ?, ?)",
        district,
        name,
        mobile,
        Timestamp.from(Instant.now()));
    return jdbc.queryForObject(
        "SELECT id FROM polling_station WHERE district_id = ? AND name = ?",
        Long.class,
        district,
        name);
  }

  private static void as(String user, Runnable r) {
    SignIn.as(user, true, r);
  }

  /** Nominates by a party and publishes the formal list of a contest; returns nomination ids. */
  private List<Long> formalList(
      Town t, long district, ContestLevel level, List<String> ids, List<String> names) {
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      String party = i % 2 == 0 ? "中国共产党" : "中国民主同盟";
      int k = i;
      as(
          "admin",
          () ->
              out.add(
                  nominations.nominate(
                      t.election(), district, level, names.get(k), ids.get(k), party, "", true)));
    }
    as(
        "admin",
        () ->
            formal.publish(
                t.election(),
                district,
                level,
                out,
                LocalDate.now(),
                FormalListBasis.WITHIN_MARGIN));
    return out;
  }

  private long current(Town t, long district, ContestLevel level) {
    long[] id = new long[1];
    as(
        "admin",
        () -> id[0] = votes.day(t.election(), district, level).current().orElseThrow().id());
    return id[0];
  }

  private void box(Town t, long round, long station, int issued, int returned, String why) {
    as("admin", () -> votes.recordBox(t.election(), round, station, issued, returned, 0, why));
  }

  private TallySheets.EntryResult sheet(
      String clerk,
      Town t,
      long round,
      long station,
      int valid,
      int invalid,
      List<Integer> yes,
      List<Integer> no) {
    TallySheets.EntryResult[] r = new TallySheets.EntryResult[1];
    as(clerk, () -> r[0] = sheets.enter(t.election(), round, station, valid, invalid, yes, no, ""));
    return r[0];
  }

  private long boxes(long round) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM box_count WHERE round_id = ?", Long.class, round);
  }

  @Test
  void aTownContestCountsBoxesTwiceEnteredSheetsAndHoldsAFurtherRound() throws Exception {
    Town t = town();
    List<String> v = t.eastVoters();
    formalList(t, t.east(), ContestLevel.TOWN, v.subList(0, 3), List.of("王一", "李二", "张三"));
    // custody: one staff is not enough; a mobile box opened without the signed register is refused
    assertThatThrownBy(
            () ->
                as(
                    "admin",
                    () ->
                        polling.recordCustody(
                            t.election(),
                            t.station(),
                            "赵七",
                            "001",
                            Instant.now(),
                            null,
                            false,
                            "")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("至少由二名监票人员");
    assertThatThrownBy(
            () ->
                as(
                    "admin",
                    () ->
                        polling.recordCustody(
                            t.election(),
                            t.mobile(),
                            "赵七、黄八",
                            "002",
                            Instant.now().minusSeconds(3600),
                            Instant.now(),
                            false,
                            "")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("登记造册并签名");
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM box_custody WHERE station_id IN (?, ?)",
                Long.class,
                t.station(),
                t.mobile()))
        .isZero();
    as(
        "admin",
        () ->
            polling.recordCustody(
                t.election(),
                t.mobile(),
                "赵七、黄八",
                "002",
                Instant.now().minusSeconds(3600),
                Instant.now(),
                true,
                "周九"));
    // a candidate, or a declared close relative of one, may not count
    assertThatThrownBy(
            () ->
                as(
                    "admin",
                    () -> polling.addStaff(t.election(), t.station(), "王一", v.get(0), "计票人", "")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("代表候选人及其近亲属不得担任监票人、计票人");
    assertThatThrownBy(
            () ->
                as(
                    "admin",
                    () -> polling.addStaff(t.election(), t.station(), "吴十", v.get(9), "监票人", "王一")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("近亲属");
    as("admin", () -> polling.addStaff(t.election(), t.station(), "吴十", v.get(9), "计票人", ""));
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM station_staff WHERE station_id = ?", Long.class, t.station()))
        .isEqualTo(1);

    as("admin", () -> votes.openFirst(t.election(), t.east(), ContestLevel.TOWN));
    long r1 = current(t, t.east(), ContestLevel.TOWN);
    assertThatThrownBy(() -> box(t, r1, t.station(), 9, 10, ""))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("收回选票10张，多于发出的9张");
    assertThatThrownBy(() -> box(t, r1, t.station(), 8, 7, ""))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("相差1张，未作说明");
    assertThat(boxes(r1)).isZero();
    box(t, r1, t.station(), 8, 7, "一名选民领票后未投入票箱");
    box(t, r1, t.mobile(), 2, 2, "");
    // the sheet must add up to the returned ballots
    assertThatThrownBy(
            () -> sheet("clerkA", t, r1, t.station(), 7, 1, List.of(6, 3, 2), List.of(1, 1, 3)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("合计8张，而收回选票7张");
    // 王一 8, 李二 4 (not over half of 9), 张三 3: one seat to 另行选举 between 李二 and 张三
    assertThat(
            sheet("clerkA", t, r1, t.station(), 7, 0, List.of(6, 3, 2), List.of(1, 1, 3))
                .confirmed())
        .isFalse();
    TallySheets.EntryResult wrong =
        sheet("clerkB", t, r1, t.station(), 7, 0, List.of(6, 4, 2), List.of(1, 1, 3));
    assertThat(wrong.confirmed()).isFalse();
    assertThat(wrong.differences()).containsExactly("李二的赞成/反对（4/1 / 3/1）");
    assertThatThrownBy(() -> as("admin", () -> votes.decide(t.election(), r1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("尚未核对或确认计票单：东村投票站、东村流动票箱");
    assertThatThrownBy(
            () -> sheet("clerkC", t, r1, t.station(), 7, 0, List.of(6, 3, 2), List.of(1, 1, 3)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("两名计票人");
    assertThat(
            sheet("clerkB", t, r1, t.station(), 7, 0, List.of(6, 3, 2), List.of(1, 1, 3))
                .confirmed())
        .isTrue();
    sheet("clerkA", t, r1, t.mobile(), 2, 0, List.of(2, 1, 1), List.of(0, 0, 0));
    sheet("clerkB", t, r1, t.mobile(), 2, 0, List.of(2, 1, 1), List.of(0, 0, 0));
    as("admin", () -> votes.decide(t.election(), r1));

    ContestVoteService.ContestDay[] day = new ContestVoteService.ContestDay[1];
    as("admin", () -> day[0] = votes.day(t.election(), t.east(), ContestLevel.TOWN));
    assertThat(day[0].rounds()).hasSize(2);
    CongressRound first = day[0].rounds().get(0);
    assertThat(first.outcome()).contains("当选：王一").contains("不足的1名另行选举（候选人：李二、张三");
    assertThat(first.trail()).contains("NPC.TURNOUT.HALF|1|");
    CongressRound further = day[0].rounds().get(1);
    assertThat(further.kindZh()).isEqualTo("另行选举");
    assertThat(day[0].ballotNames()).containsExactly("李二", "张三");

    // 另行选举: the most votes win with at least one third of the ballots (李二 4 of 9)
    long r2 = further.id();
    box(t, r2, t.station(), 7, 7, "");
    box(t, r2, t.mobile(), 2, 2, "");
    sheet("clerkA", t, r2, t.station(), 7, 0, List.of(3, 2), List.of(2, 2));
    sheet("clerkB", t, r2, t.station(), 7, 0, List.of(3, 2), List.of(2, 2));
    sheet("clerkA", t, r2, t.mobile(), 2, 0, List.of(1, 0), List.of(0, 1));
    sheet("clerkB", t, r2, t.mobile(), 2, 0, List.of(1, 0), List.of(0, 1));
    as("admin", () -> votes.decide(t.election(), r2));
    as("admin", () -> day[0] = votes.day(t.election(), t.east(), ContestLevel.TOWN));
    assertThat(day[0].rounds()).hasSize(2);
    assertThat(day[0].rounds().get(1).finalResult()).isTrue();
    assertThat(day[0].electedNames()).containsExactly("王一", "李二");

    String page =
        PageText.visible(
            mvc.perform(
                    get("/elections/{id}/districts/{d}/polling", t.election(), t.east())
                        .with(ADMIN))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    assertThat(page.replaceAll("\\s+", ""))
        .contains("第一选区（镇人大代表）")
        .contains("当选代表：王一、李二")
        .contains("另行选举")
        .doesNotContain("NPC.");
  }

  @Test
  void theBoundariesAreAccepted() {
    Town t = town();
    // a county district of exactly three seats (选举法第二十五条: 一名至三名)
    as("admin", () -> counties.form(t.election(), 1, "县级第1选区", 3, List.of(t.east())));
    assertThat(
            jdbc.queryForObject(
                "SELECT seats FROM county_district WHERE election_id = ?",
                Integer.class,
                t.election()))
        .isEqualTo(3);
    // a sheet whose marks are exactly valid ballots × seats (4 × 2 = 8) is taken; one more is not
    List<String> v = t.eastVoters();
    formalList(t, t.east(), ContestLevel.TOWN, v.subList(0, 3), List.of("王一", "李二", "张三"));
    as("admin", () -> votes.openFirst(t.election(), t.east(), ContestLevel.TOWN));
    long r1 = current(t, t.east(), ContestLevel.TOWN);
    box(t, r1, t.station(), 4, 4, "");
    assertThatThrownBy(
            () -> sheet("clerkA", t, r1, t.station(), 4, 0, List.of(4, 4, 1), List.of(0, 0, 0)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("合计9票，超过有效票数4乘以应选名额2");
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM tally_sheet_entry WHERE round_id = ?", Long.class, r1))
        .isZero();
    assertThat(
            sheet("clerkA", t, r1, t.station(), 4, 0, List.of(4, 3, 1), List.of(0, 0, 0))
                .confirmed())
        .isFalse();
    assertThat(
            sheet("clerkB", t, r1, t.station(), 4, 0, List.of(4, 3, 1), List.of(0, 0, 0))
                .confirmed())
        .isTrue();
  }

  @Test
  void aCountyContestSpansTwoTownDistrictsFailsTurnoutAndIsHeldAgain() throws Exception {
    Town t = town();
    assertThatThrownBy(
            () ->
                as(
                    "admin",
                    () -> counties.form(t.election(), 1, "县级第1选区", 4, List.of(t.east(), t.west()))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("一名至三名代表");
    as("admin", () -> counties.form(t.election(), 1, "县级第1选区", 1, List.of(t.east(), t.west())));
    assertThatThrownBy(
            () -> as("admin", () -> counties.form(t.election(), 2, "县级第2选区", 1, List.of(t.west()))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("已属于另一个县级选区");
    // nominated from the east page, voted on in both districts: one contest
    formalList(
        t,
        t.east(),
        ContestLevel.COUNTY,
        List.of(t.eastVoters().get(4), t.westVoters().get(0)),
        List.of("陈五", "郑西"));
    as("admin", () -> votes.openFirst(t.election(), t.west(), ContestLevel.COUNTY));
    long r1 = current(t, t.west(), ContestLevel.COUNTY);
    ContestVoteService.ContestDay[] day = new ContestVoteService.ContestDay[1];
    as("admin", () -> day[0] = votes.day(t.election(), t.east(), ContestLevel.COUNTY));
    assertThat(day[0].current().orElseThrow().registered()).isEqualTo(14);
    assertThat(day[0].ballotNames()).containsExactly("陈五", "郑西");
    // 7 of 14 voted: not over half, the vote is invalid
    box(t, r1, t.station(), 6, 6, "");
    box(t, r1, t.mobile(), 1, 1, "");
    sheet("a", t, r1, t.station(), 6, 0, List.of(5, 1), List.of(1, 5));
    sheet("b", t, r1, t.station(), 6, 0, List.of(5, 1), List.of(1, 5));
    sheet("a", t, r1, t.mobile(), 1, 0, List.of(1, 0), List.of(0, 1));
    sheet("b", t, r1, t.mobile(), 1, 0, List.of(1, 0), List.of(0, 1));
    as("admin", () -> votes.decide(t.election(), r1));
    as("admin", () -> day[0] = votes.day(t.election(), t.east(), ContestLevel.COUNTY));
    CongressRound failed = day[0].current().orElseThrow();
    assertThat(failed.turnoutFailed()).isTrue();
    assertThat(failed.outcome()).contains("参加投票的选民7人，未超过选区全体选民的半数");
    assertThat(day[0].electedNames()).isEmpty();

    LiveBoardService.Board b0 = boardOf(t);
    assertThat(b0.rows())
        .extracting(r -> r.area().titleZh())
        .containsExactly("第一选区（镇人大代表）", "第二选区（镇人大代表）", "县级第1选区（县(旗)人大代表）");
    assertThat(b0.rows().get(2).turnoutZh()).isEqualTo("50.0%");
    assertThat(b0.done()).isZero();

    mvc.perform(
            post("/elections/{id}/districts/{d}/polling/rerun", t.election(), t.east())
                .param("roundId", "" + r1)
                .with(ADMIN)
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    long r2 = current(t, t.west(), ContestLevel.COUNTY);
    assertThat(r2).isNotEqualTo(r1);
    box(t, r2, t.station(), 9, 9, "");
    box(t, r2, t.mobile(), 2, 2, "");
    sheet("a", t, r2, t.station(), 9, 0, List.of(7, 2), List.of(2, 7));
    sheet("b", t, r2, t.station(), 9, 0, List.of(7, 2), List.of(2, 7));
    sheet("a", t, r2, t.mobile(), 2, 0, List.of(2, 0), List.of(0, 2));
    sheet("b", t, r2, t.mobile(), 2, 0, List.of(2, 0), List.of(0, 2));
    as("admin", () -> votes.decide(t.election(), r2));
    LiveBoardService.Board b1 = boardOf(t);
    assertThat(b1.rows().get(2).elected()).isEqualTo("陈五");
    assertThat(b1.rows().get(2).done()).isTrue();
    assertThat(b1.done()).isEqualTo(1);

    String live =
        PageText.visible(
            mvc.perform(get("/elections/{id}/congress/live", t.election()).with(ADMIN))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    assertThat(live).contains("县级第1选区").contains("陈五").contains("重新投票");
  }

  private LiveBoardService.Board boardOf(Town t) {
    LiveBoardService.Board[] b = new LiveBoardService.Board[1];
    as("admin", () -> b[0] = board.board(t.election()));
    return b[0];
  }
}
