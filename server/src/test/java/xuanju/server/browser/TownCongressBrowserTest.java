package xuanju.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import xuanju.server.access.Role;
import xuanju.server.election.ElectionService;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.register.RegisterFixtures;
import xuanju.server.register.RegistrationService;
import xuanju.server.security.UserRepository;
import xuanju.server.support.H2AppTest;
import xuanju.server.support.SignIn;

/**
 * A town people's congress election day in a real browser (乡镇人大代表选举，浏览器全流程): a town of 3,000
 * registered voters in 6 districts, each with a town contest (镇人大代表) and a county contest
 * (县(旗)人大代表) in three county-level districts of two town districts each. Nominations by 10 voters
 * and by parties (with the refusals of 9 voters, of a voter of another district and of a party over
 * the seats), a 预选 in the first district, the formal lists; on election day 8 polling stations and
 * 3 mobile boxes with their custody (one staff refused) and staff (a candidate refused as a clerk),
 * ballots per box (more returned than issued refused; a difference explained), every tally sheet
 * entered twice by two clerks (one wrong entry corrected), one district failing turnout and voting
 * again, one 另行选举, and the town board checked number by number.
 *
 * <p>The register itself (tested through the browser by {@link TownRegisterBrowserTest}) is set up
 * through the services; everything from the nominations on goes through the pages.
 */
class TownCongressBrowserTest extends H2AppTest {
  private static final String CLERK_PASSWORD = "Clerk-Pass-2026";
  private static final int VOTERS_PER_DISTRICT = 500;

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired OrganisationService orgs;
  @Autowired ElectionService elections;
  @Autowired RegistrationService registration;
  @Autowired UserRepository users;
  Ui ui;

  @AfterEach
  void quit() {
    if (ui != null) {
      ui.driver.quit();
    }
  }

  /** A district of the scenario: its id, town seats, voters' ID numbers and stations. */
  static final class District {
    final int number;
    final long id;
    final List<String> voters = new ArrayList<>();
    final Map<String, Long> stations = new LinkedHashMap<>();

    District(int number, long id) {
      this.number = number;
      this.id = id;
    }

    String name() {
      return "第" + "一二三四五六".charAt(number - 1) + "选区";
    }
  }

  /** The ballots of one box in one vote: issued, returned, invalid, and each candidate's share. */
  record Box(String station, int issued, int returned, int invalid) {
    int valid() {
      return returned - invalid;
    }
  }

  static int yes(Box b, double share) {
    return (int) Math.floor(share * b.valid());
  }

  static int no(Box b, double share) {
    return (b.valid() - yes(b, share)) / 2;
  }

  private final Map<Integer, District> districts = new LinkedHashMap<>();
  private long election;

  @Test
  void aTownElectsItsDeputiesInSixDistrictsOnOneDay() throws Exception {
    setUp();
    ui = new Ui(Browser.start(), port);
    ui.login(ADMIN, ADMIN_PASSWORD);

    // 1. county-level districts: two town districts each; four seats are refused
    ui.open("/elections/" + election + "/congress");
    countyDistrict(1, "县级第1选区", 4, 1, 2);
    assertThat(ui.text("error")).contains("一名至三名代表");
    countyDistrict(1, "县级第1选区", 1, 1, 2);
    ui.noError();
    countyDistrict(2, "县级第2选区", 1, 3, 4);
    countyDistrict(3, "县级第3选区", 2, 5, 6);
    assertThat(ui.text("counties")).contains("县级第1选区", "第一选区、第二选区", "县级第3选区");

    // 1a. the first district's working group: four are not enough, five with a registrar are set up
    // (late: the voter list's day, D−20, has passed); the town page shows the late steps in red
    District groupDistrict = districts.get(1);
    ui.open("/elections/" + election + "/districts/" + groupDistrict.id + "/group");
    String[][] group = {
      {"包联领导", "镇包扶联系领导", "LEADER"},
      {"登记员甲", "嘎查“两委”成员", "REGISTRAR"},
      {"成员乙", "监督委员会主任", "MEMBER"},
      {"成员丙", "挂职干部", "MEMBER"},
      {"成员丁", "嘎查“两委”成员", "MEMBER"}
    };
    for (int i = 0; i < group.length; i++) {
      if (i == 4) {
        ui.submitConfirmed(By.id("establish"), "发文设立");
        assertThat(ui.text("error")).contains("现有4人，应为5至7人");
      }
      ui.type("m-name", group[i][0]);
      ui.type("m-position", group[i][1]);
      ui.chooseValue(By.id("m-role"), group[i][2]);
      ui.submit(By.id("add-member"));
      ui.noError();
    }
    ui.type("g-doc", "乌兰镇选委〔2026〕2号");
    ui.submitConfirmed(By.id("establish"), "发文设立");
    ui.noError();
    assertThat(ui.text("group-status")).contains("设立", "乌兰镇选委〔2026〕2号");
    assertThat(ui.text("checklist")).contains("设立选区工作组", "逾期完成", "公布选民名单", "已逾期");
    ui.open("/elections/" + election + "/congress");
    assertThat(
            ui.find(
                    By.cssSelector(
                        "#progress tr[data-district='第一选区'] td[data-step='workingGroup']"))
                .getAttribute("class"))
        .contains("table-danger");
    assertThat(
            ui.find(
                    By.cssSelector(
                        "#progress tr[data-district='第二选区'] td[data-step='workingGroup']"))
                .getAttribute("data-state"))
        .isEqualTo("OVERDUE");
    assertThat(ui.text("progress-late")).contains("项逾期");

    // 2. nominations in the first district: a party up to the seats, ten voters jointly
    District d1 = districts.get(1);
    openNominations(d1, false);
    nominate("甲一", d1.voters.get(100), "中国共产党", List.of());
    nominate("乙二", d1.voters.get(101), "中国共产党", List.of());
    nominate("丙三", d1.voters.get(102), "中国共产党", List.of());
    assertThat(ui.text("error")).contains("不得超过应选名额");
    nominate("丙三", d1.voters.get(102), "", d1.voters.subList(0, 9));
    assertThat(ui.text("error")).contains("只有9人", "十人以上");
    List<String> outsider = new ArrayList<>(d1.voters.subList(0, 9));
    outsider.add(districts.get(2).voters.get(0));
    nominate("丙三", d1.voters.get(102), "", outsider);
    assertThat(ui.text("error")).contains("本选区登记在册的选民");
    nominate("丙三", d1.voters.get(102), "", d1.voters.subList(0, 10));
    ui.noError();
    nominate("丁四", d1.voters.get(103), "中国民主同盟", List.of());
    nominate("戊五", d1.voters.get(104), "妇女联合会", List.of());
    assertThat(ui.driver.findElements(By.cssSelector("#nominations tbody tr"))).hasSize(5);
    // the initial list is posted today: after D−15, so it is recorded with the warning
    ui.submit(By.id("record-initial-posting"));
    assertThat(ui.text("warning")).contains("晚于法定期限");
    assertThat(ui.text("initial-posting")).contains("晚于法定期限");
    // five for two seats is over the margin (3–4): the 预选 decides
    preselect(List.of(120, 95, 130, 60, 88), 4);
    ui.noError();
    assertThat(ui.text("formal-published")).contains("4", "预选");

    // the other districts: parties within the margin; the county contests likewise
    String[][] names = {
      {},
      {"己六", "庚七", "辛八"},
      {"壬九", "癸十", "子十一"},
      {"丑十二", "寅十三"},
      {"卯十四", "辰十五"},
      {"巳十六", "午十七", "未十八"}
    };
    for (int k = 2; k <= 6; k++) {
      District d = districts.get(k);
      openNominations(d, false);
      for (int i = 0; i < names[k - 1].length; i++) {
        nominate(
            names[k - 1][i], d.voters.get(100 + i), i % 2 == 0 ? "中国共产党" : "共产主义青年团", List.of());
      }
      publishFormal(names[k - 1].length);
    }
    String[][] county = {{"申一", "酉二"}, {"戌三", "亥四"}, {"天五", "地六", "玄七"}};
    for (int c = 0; c < 3; c++) {
      District d = districts.get(2 * c + 1);
      openNominations(d, true);
      for (int i = 0; i < county[c].length; i++) {
        nominate(county[c][i], d.voters.get(200 + i), i == 0 ? "中国共产党" : "中国农工民主党", List.of());
      }
      publishFormal(county[c].length);
    }

    // 3. election day arrives (the lists were published on time, D−8; the calendar moves, not the
    // clock): custody and staff of every box; no candidate counts
    jdbc.update(
        "UPDATE election SET election_day = ? WHERE id = ?",
        java.sql.Date.valueOf(LocalDate.now()),
        election);
    for (District d : districts.values()) {
      ui.open("/elections/" + election + "/districts/" + d.id + "/polling");
      for (Map.Entry<String, Long> s : d.stations.entrySet()) {
        custody(s.getValue(), "张监票" + d.number + "、李监票" + d.number, s.getKey().contains("流动"));
      }
    }
    ui.open("/elections/" + election + "/districts/" + d1.id + "/polling");
    long firstStation = d1.stations.values().iterator().next();
    WebElement only = station(firstStation);
    openDetails(only, 0);
    setValue(only.findElement(By.name("staff")), "张监票");
    setValue(only.findElement(By.name("sealNumbers")), "001");
    setValue(
        only.findElement(By.name("sealedAt")),
        LocalDateTime.now().minusHours(3).withNano(0).withSecond(0).toString());
    ui.submitConfirmed(By.cssSelector("#station-" + firstStation + " .record-custody"), "票箱保管记录");
    assertThat(ui.text("error")).contains("至少由二名监票人员");
    WebElement st = station(firstStation);
    openDetails(st, 1);
    setValue(st.findElement(By.name("name")), "甲一");
    setValue(st.findElement(By.name("residentId")), d1.voters.get(100));
    new Select(st.findElement(By.name("role"))).selectByValue("计票人");
    ui.submitConfirmed(By.cssSelector("#station-" + firstStation + " .add-staff"), "工作人员");
    assertThat(ui.text("error")).contains("代表候选人及其近亲属不得担任监票人、计票人");
    st = station(firstStation);
    openDetails(st, 1);
    setValue(st.findElement(By.name("name")), "王计票");
    setValue(st.findElement(By.name("residentId")), d1.voters.get(300));
    new Select(st.findElement(By.name("role"))).selectByValue("计票人");
    ui.submitConfirmed(By.cssSelector("#station-" + firstStation + " .add-staff"), "工作人员");
    ui.noError();
    assertThat(ui.text("station-" + firstStation)).contains("王计票（计票人）");

    // the votes open in every contest
    for (District d : districts.values()) {
      ui.open("/elections/" + election + "/districts/" + d.id + "/polling");
      ui.submitConfirmed(By.cssSelector("#contest-TOWN .open-vote"), "开始投票");
      ui.noError();
      if (d.number % 2 == 1) {
        ui.submitConfirmed(By.cssSelector("#contest-COUNTY .open-vote"), "开始投票");
        ui.noError();
      }
    }
    assertThat(ui.text("contest-TOWN")).contains("登记选民 500 人");
    assertThat(ui.text("contest-COUNTY")).contains("登记选民 1000 人");
    Map<Integer, List<String>> townNames = new LinkedHashMap<>();
    Map<Integer, List<String>> countyNames = new LinkedHashMap<>();
    for (District d : districts.values()) {
      ui.open(polling(d));
      townNames.put(d.number, ballotNames("TOWN"));
      countyNames.putIfAbsent((d.number - 1) / 2, ballotNames("COUNTY"));
    }
    assertThat(townNames.get(1)).as("预选的名单按得票多少排列").containsExactly("丙三", "甲一", "乙二", "戊五");

    // 4. the first votes: ballots per box (clerk A), every sheet entered by clerks A and B
    List<Sheet> first = new ArrayList<>();
    double[][] town = {
      {0.8, 0.6, 0.3, 0.2},
      {0.7, 0.55, 0.4},
      {0.7, 0.45, 0.4},
      {0.6, 0.35},
      {0.3, 0.65},
      {0.75, 0.6, 0.45}
    };
    double[][] countyShares = {{0.55, 0.4}, {0.6, 0.3}, {0.7, 0.6, 0.2}};
    int[][] ballots = {{180, 150, 20}, {200, 120, 15}, {300, 10}, {320}, {400}, {200}};
    for (District d : districts.values()) {
      int i = 0;
      for (Map.Entry<String, Long> st2 : d.stations.entrySet()) {
        int r = ballots[d.number - 1][i++];
        int invalid = r >= 100 ? 1 : 0;
        boolean explained = d.number == 2 && i == 1;
        first.add(
            new Sheet(
                d,
                "TOWN",
                st2.getValue(),
                new Box(st2.getKey(), r + (explained ? 1 : 0), r, invalid),
                town[d.number - 1]));
        first.add(
            new Sheet(
                d,
                "COUNTY",
                st2.getValue(),
                new Box(st2.getKey(), r, r, invalid),
                countyShares[(d.number - 1) / 2]));
      }
    }
    ui.logout();
    ui.login(clerks.get(0), CLERK_PASSWORD);
    // more returned than issued is refused, nothing recorded
    Sheet s1 = first.get(0);
    ui.open(polling(s1.district()));
    box(s1, s1.box().returned() - 1, "");
    assertThat(ui.text("error")).contains("多于发出的", "每次选举所投的票数多于投票人数的无效");
    Sheet s2a =
        first.stream()
            .filter(x -> x.box().issued() != x.box().returned())
            .findFirst()
            .orElseThrow();
    ui.open(polling(s2a.district()));
    box(s2a, s2a.box().issued(), "");
    assertThat(ui.text("error")).contains("相差1张，未作说明");
    for (Sheet x : first) {
      ui.open(polling(x.district()));
      box(x, x.box().issued(), x == s2a ? "一名选民领取选票后因急事离开，未投入票箱" : "");
      ui.noError();
    }
    for (Sheet x : first) {
      enter(x, false);
      assertThat(ui.message()).contains("待另一名计票人录入核对");
    }
    ui.logout();
    ui.login(clerks.get(1), CLERK_PASSWORD);
    enter(first.get(0), true);
    assertThat(ui.text("error")).contains("两次录入不一致");
    for (Sheet x : first) {
      enter(x, false);
      assertThat(ui.message()).contains("已确认");
    }
    ui.logout();

    // 5. the committee decides every contest
    ui.login(ADMIN, ADMIN_PASSWORD);
    for (District d : districts.values()) {
      ui.open(polling(d));
      ui.submitConfirmed(By.cssSelector("#contest-TOWN .decide"), "确定本次投票的结果");
      ui.noError();
      if (d.number % 2 == 1) {
        ui.submitConfirmed(By.cssSelector("#contest-COUNTY .decide"), "确定本次投票的结果");
        ui.noError();
      }
    }
    Map<String, List<String>> elected = new LinkedHashMap<>();
    for (District d : districts.values()) {
      ui.open(polling(d));
      if (d.number == 3) {
        assertThat(ui.text("contest-TOWN")).contains("另行选举");
      } else if (d.number == 6) {
        assertThat(ui.text("contest-TOWN")).contains("参加投票的选民200人，未超过选区全体选民的半数");
      } else {
        elected.put(
            d.name(),
            winners(
                townNames.get(d.number),
                town[d.number - 1],
                d.number == 4 || d.number == 5 ? 1 : 2));
        assertThat(ui.find(By.cssSelector("#contest-TOWN .elected-all")).getText())
            .isEqualTo("当选代表：" + String.join("、", elected.get(d.name())));
      }
    }
    // the results wait for the third and sixth districts
    ui.open("/elections/" + election + "/congress/results");
    assertThat(ui.text("level-TOWN")).contains("以下选区的选举结果尚未确定", "第三选区", "第六选区");
    assertThat(ui.present(By.cssSelector("#level-TOWN .step-form"))).isFalse();

    // 6. the sixth district votes again; the third holds its 另行选举
    District d3 = districts.get(3);
    District d6 = districts.get(6);
    ui.open(polling(d6));
    ui.submitConfirmed(By.cssSelector("#contest-TOWN .rerun"), "重新组织投票");
    ui.noError();
    assertThat(ballotNames("TOWN")).isEqualTo(townNames.get(6));
    ui.open(polling(d3));
    List<String> furtherNames = ballotNames("TOWN");
    List<String> firstWinners = winners(townNames.get(3), town[2], 1);
    List<String> rest = new ArrayList<>(townNames.get(3));
    rest.removeAll(firstWinners);
    assertThat(furtherNames).as("另行选举的候选人：未当选者按得票多少").containsExactly(rest.get(0), rest.get(1));
    double[] further = {0.6, 0.3};
    double[] rerunShares = town[5];
    List<Sheet> second = new ArrayList<>();
    second.add(
        new Sheet(
            d3, "TOWN", d3.stations.get("第三选区第一投票站"), new Box("第三选区第一投票站", 280, 280, 1), further));
    second.add(
        new Sheet(
            d3, "TOWN", d3.stations.get("第三选区流动票箱"), new Box("第三选区流动票箱", 10, 10, 0), further));
    second.add(
        new Sheet(
            d6,
            "TOWN",
            d6.stations.get("第六选区第一投票站"),
            new Box("第六选区第一投票站", 300, 300, 1),
            rerunShares));
    ui.logout();
    for (String clerk : clerks) {
      ui.login(clerk, CLERK_PASSWORD);
      for (Sheet x : second) {
        if (clerk.equals(clerks.get(0))) {
          ui.open(polling(x.district()));
          box(x, x.box().issued(), "");
          ui.noError();
        }
        enter(x, false);
        ui.noError();
      }
      ui.logout();
    }
    ui.login(ADMIN, ADMIN_PASSWORD);
    for (District d : List.of(d3, d6)) {
      ui.open(polling(d));
      ui.submitConfirmed(By.cssSelector("#contest-TOWN .decide"), "确定本次投票的结果");
      ui.noError();
    }
    List<String> d3Elected = new ArrayList<>(firstWinners);
    d3Elected.add(furtherNames.get(0));
    elected.put(d3.name(), d3Elected);
    elected.put(d6.name(), winners(townNames.get(6), rerunShares, 2));
    for (District d : List.of(d3, d6)) {
      ui.open(polling(d));
      assertThat(ui.find(By.cssSelector("#contest-TOWN .elected-all")).getText())
          .isEqualTo("当选代表：" + String.join("、", elected.get(d.name())));
    }
    int[] countySeats = {1, 1, 2};
    for (int c = 0; c < 3; c++) {
      elected.put(
          "县级第" + (c + 1) + "选区", winners(countyNames.get(c), countyShares[c], countySeats[c]));
    }

    // 7. the town board: every contest decided, every box reported
    ui.open("/elections/" + election + "/congress/live");
    assertThat(ui.text("live-contests")).isEqualTo("9");
    assertThat(ui.text("live-done")).isEqualTo("9");
    assertThat(ui.text("live-stations")).isEqualTo(ui.text("live-reported"));
    List<WebElement> rows = ui.driver.findElements(By.cssSelector("#live-rows tbody tr"));
    assertThat(rows).hasSize(9);
    for (WebElement r : rows) {
      String area = r.findElement(By.className("area")).getText();
      assertThat(r.findElement(By.className("elected")).getText())
          .as(area)
          .isEqualTo(String.join("、", elected.get(area)));
    }
    assertThat(rows.get(5).findElement(By.className("turnout")).getText()).isEqualTo("60.0%");

    // 8. results: the steps of each level in order, the announcement, certificates and statistics
    for (String level : List.of("TOWN", "COUNTY")) {
      for (String step : List.of("选举委员会", "代表资格审查委员会", level.equals("TOWN") ? "主席团" : "常委会")) {
        ui.open("/elections/" + election + "/congress/results");
        assertThat(ui.find(By.cssSelector("#level-" + level + " .step-form")).getText())
            .contains(step);
        setValue(ui.id("document-" + level), "乌选字〔2026〕" + step.length() + "号");
        ui.submitConfirmed(By.cssSelector("#level-" + level + " .record-step"), "确定记录");
        ui.noError();
      }
    }
    Map<String, List<Sheet>> mainSheets = new LinkedHashMap<>();
    for (Sheet x : first) {
      String key =
          x.level().equals("TOWN")
              ? x.district().name()
              : "县级第" + ((x.district().number - 1) / 2 + 1) + "选区";
      if (!(x.district().number == 6 && x.level().equals("TOWN"))) {
        mainSheets.computeIfAbsent(key, k -> new ArrayList<>()).add(x);
      }
    }
    mainSheets.put(d6.name(), List.of(second.get(2)));
    String townPdf =
        Ui.pdfText(
                ui.download(
                    "/elections/" + election + "/congress/results/announcement.pdf?level=TOWN"))
            .replaceAll("\\s+", "");
    String countyPdf =
        Ui.pdfText(
                ui.download(
                    "/elections/" + election + "/congress/results/announcement.pdf?level=COUNTY"))
            .replaceAll("\\s+", "");
    for (Map.Entry<String, List<Sheet>> e : mainSheets.entrySet()) {
      boolean isCounty = e.getKey().startsWith("县级");
      String text = isCounty ? countyPdf : townPdf;
      List<Sheet> sheets = e.getValue();
      long voted = sheets.stream().mapToLong(x -> x.box().returned()).sum();
      long valid = sheets.stream().mapToLong(x -> x.box().valid()).sum();
      long issued = sheets.stream().mapToLong(x -> x.box().issued()).sum();
      long registered = isCounty ? 1000 : 500;
      assertThat(text)
          .as(e.getKey())
          .contains(
              "选区登记选民"
                  + registered
                  + "人，参加投票"
                  + voted
                  + "人，发出选票"
                  + issued
                  + "张，收回选票"
                  + voted
                  + "张，其中有效票"
                  + valid
                  + "张，无效票"
                  + (voted - valid)
                  + "张");
      List<String> onBallot =
          isCounty
              ? countyNames.get(Integer.parseInt(e.getKey().replaceAll("\\D", "")) - 1)
              : townNames.get(sheets.get(0).district().number);
      double[] shares = sheets.get(0).shares();
      for (int i = 0; i < onBallot.size(); i++) {
        final int k = i;
        long votes = sheets.stream().mapToLong(x -> yes(x.box(), shares[k])).sum();
        boolean won =
            elected.get(e.getKey()).contains(onBallot.get(i))
                && !(e.getKey().equals(d3.name()) && onBallot.get(i).equals(furtherNames.get(0)));
        assertThat(text)
            .as(e.getKey() + onBallot.get(i))
            .contains(onBallot.get(i) + votes + (won ? "当选" : "未当选"));
      }
    }
    long townSeats = 2 + 2 + 2 + 1 + 1 + 2;
    assertThat(townPdf).contains("应选代表" + townSeats + "名，当选代表" + townSeats + "名");
    byte[] certificates =
        ui.download("/elections/" + election + "/congress/results/certificates.pdf?level=TOWN");
    assertThat(Ui.pdfPages(certificates)).isEqualTo((int) townSeats);
    String certText = Ui.pdfText(certificates);
    elected.entrySet().stream()
        .filter(x -> !x.getKey().startsWith("县级"))
        .forEach(x -> assertThat(certText).contains(x.getValue()));
    try (XSSFWorkbook wb =
        new XSSFWorkbook(
            new java.io.ByteArrayInputStream(
                ui.download("/elections/" + election + "/congress/results/statistics.xlsx")))) {
      StatisticsRows stats = new StatisticsRows(wb.getSheetAt(0));
      for (Map.Entry<String, List<Sheet>> e : mainSheets.entrySet()) {
        boolean isCounty = e.getKey().startsWith("县级");
        org.apache.poi.ss.usermodel.Row r = stats.find(e.getKey(), isCounty ? "县(旗)人大代表" : "镇人大代表");
        List<Sheet> sheets = e.getValue();
        assertThat(r.getCell(3).getNumericCellValue())
            .as(e.getKey() + " 登记选民")
            .isEqualTo(isCounty ? 1000 : 500);
        assertThat(r.getCell(4).getNumericCellValue())
            .as(e.getKey() + " 参加投票")
            .isEqualTo(sheets.stream().mapToLong(x -> x.box().returned()).sum());
        assertThat(r.getCell(6).getNumericCellValue())
            .as(e.getKey() + " 有效票")
            .isEqualTo(sheets.stream().mapToLong(x -> x.box().valid()).sum());
        assertThat(r.getCell(9).getNumericCellValue())
            .as(e.getKey() + " 当选")
            .isEqualTo(elected.get(e.getKey()).size());
        assertThat(r.getCell(10).getNumericCellValue()).as(e.getKey() + " 缺额").isZero();
      }
      assertThat(stats.find("合计", "镇人大代表").getCell(9).getNumericCellValue()).isEqualTo(townSeats);
    }
    Browser.screenshot(ui.driver, "town-congress-results");
  }

  /** Rows of the statistics sheet found by their first two cells. */
  record StatisticsRows(org.apache.poi.ss.usermodel.Sheet sheet) {
    org.apache.poi.ss.usermodel.Row find(String district, String level) {
      for (org.apache.poi.ss.usermodel.Row r : sheet) {
        if (r.getCell(0) != null
            && r.getCell(1) != null
            && r.getCell(0).getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
            && district.equals(r.getCell(0).getStringCellValue())
            && level.equals(r.getCell(1).getStringCellValue())) {
          return r;
        }
      }
      throw new AssertionError("统计表中没有" + district + level);
    }
  }

  /** One box's tally sheet in one contest, with its candidates' shares by ballot position. */
  record Sheet(District district, String level, long station, Box box, double[] shares) {}

  private String polling(District d) {
    return "/elections/" + election + "/districts/" + d.id + "/polling";
  }

  private WebElement row(Sheet x) {
    return ui.find(
        By.cssSelector("#contest-" + x.level() + " tr[data-station='" + x.station() + "']"));
  }

  private void box(Sheet x, int issued, String why) {
    WebElement r = row(x);
    setValue(r.findElement(By.name("issued")), "" + issued);
    setValue(r.findElement(By.name("returned")), "" + x.box().returned());
    setValue(r.findElement(By.name("spoiled")), "0");
    setValue(r.findElement(By.name("explanation")), why);
    ui.submit(r.findElement(By.cssSelector(".record-box")));
  }

  /** Enters a sheet on its district's page; {@code wrong}: one more 赞成 for the first candidate. */
  private void enter(Sheet x, boolean wrong) {
    ui.open(polling(x.district()));
    WebElement r = row(x);
    openDetails(r, 0);
    setValue(r.findElement(By.name("valid")), "" + x.box().valid());
    setValue(r.findElement(By.name("invalid")), "" + x.box().invalid());
    List<WebElement> yes = r.findElements(By.name("yes"));
    List<WebElement> no = r.findElements(By.name("no"));
    assertThat(yes).hasSize(x.shares().length);
    for (int i = 0; i < yes.size(); i++) {
      setValue(yes.get(i), "" + (yes(x.box(), x.shares()[i]) + (wrong && i == 0 ? 1 : 0)));
      setValue(no.get(i), "" + no(x.box(), x.shares()[i]));
    }
    ui.submit(r.findElement(By.cssSelector(".enter-sheet")));
  }

  private List<String> ballotNames(String level) {
    return List.of(
        ui.find(By.cssSelector("#contest-" + level + " .ballot-names")).getText().split("、"));
  }

  /** The names at the positions with the highest shares, as many as seats, best first. */
  private static List<String> winners(List<String> names, double[] shares, int seats) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < shares.length; i++) {
      order.add(i);
    }
    order.sort((a, b) -> Double.compare(shares[b], shares[a]));
    return order.subList(0, seats).stream().map(names::get).toList();
  }

  // --- set-up through the services ---------------------------------------------------------

  private void setUp() {
    int n = RegisterFixtures.next();
    long org = RegisterFixtures.town(orgs, "乌兰镇" + n);
    election = RegisterFixtures.election(elections, org, LocalDate.now().plusDays(8));
    LocalDate adult = LocalDate.now().minusYears(35);
    Timestamp now = Timestamp.from(Instant.now());
    for (int k = 1; k <= 6; k++) {
      District d = new District(k, 0);
      long id = RegisterFixtures.district(jdbc, election, k, d.name(), "村" + k + "-" + n);
      District real = new District(k, id);
      districts.put(k, real);
      jdbc.update("UPDATE district SET seats = ? WHERE id = ?", k == 4 || k == 5 ? 1 : 2, id);
      for (int i = 0; i < VOTERS_PER_DISTRICT; i++) {
        long p =
            RegisterFixtures.person(
                jdbc,
                org,
                "村" + k + "-" + n,
                "第" + (i % 5 + 1) + "组",
                "选民" + k + "-" + i,
                adult.minusDays(i));
        real.voters.add(RegisterFixtures.residentIdOf(jdbc, p));
      }
      List<String> stations = new ArrayList<>();
      stations.add(d.name() + "第一投票站");
      if (k <= 2) {
        stations.add(d.name() + "第二投票站");
      }
      if (k <= 3) {
        stations.add(d.name() + "流动票箱");
      }
      for (String s : stations) {
        jdbc.update(
            "INSERT INTO polling_station (district_id, name, address, mobile, created_at)"
                + " VALUES (?, ?, ?, ?, ?)",
            id,
            s,
            s + "所在村委会",
            s.contains("流动"),
            now);
        real.stations.put(
            s,
            jdbc.queryForObject(
                "SELECT id FROM polling_station WHERE district_id = ? AND name = ?",
                Long.class,
                id,
                s));
      }
    }
    SignIn.as("admin", true, () -> registration.registerAll(election, null));
    jdbc.update("UPDATE voter_registration SET status = 'LISTED' WHERE election_id = ?", election);
    String hash = new BCryptPasswordEncoder(4).encode(CLERK_PASSWORD);
    for (String clerk : List.of("clerk-a" + n, "clerk-b" + n)) {
      long uid =
          users.insert(
              clerk,
              clerk.startsWith("clerk-a") ? "赵计票" : "钱计票",
              hash,
              false,
              false,
              Instant.now());
      jdbc.update(
          "INSERT INTO role_grant (user_id, organisation_id, role, created_at) VALUES (?, ?, ?, ?)",
          uid,
          org,
          Role.CLERK.name(),
          now);
    }
    clerks = List.of("clerk-a" + n, "clerk-b" + n);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM voter_registration WHERE election_id = ? AND status = 'LISTED'",
                Long.class,
                election))
        .isEqualTo(6L * VOTERS_PER_DISTRICT);
  }

  private List<String> clerks;

  // --- page helpers -------------------------------------------------------------------------

  private void countyDistrict(int number, String name, int seats, int... members) {
    ui.open("/elections/" + election + "/congress");
    setValue(ui.id("county-number"), "" + number);
    setValue(ui.id("county-name"), name);
    setValue(ui.id("county-seats"), "" + seats);
    for (int m : members) {
      ui.check(ui.id("member-" + districts.get(m).id));
    }
    ui.submitConfirmed(By.id("form-county"), "县级人大代表选区");
  }

  private void openNominations(District d, boolean county) {
    ui.open(
        "/elections/"
            + election
            + "/districts/"
            + d.id
            + "/nominations"
            + (county ? "?level=COUNTY" : ""));
  }

  private void nominate(String name, String id, String parties, List<String> voters) {
    ui.type("nomineeName", name);
    ui.type("nomineeId", id);
    ui.type("organisations", parties);
    setValue(ui.id("nominators"), String.join("\n", voters));
    ui.check(ui.id("accepted"));
    ui.submitConfirmed(By.id("nominate"), "登记这项推荐");
  }

  private void preselect(List<Integer> votes, int size) {
    List<WebElement> inputs =
        ui.driver.findElements(By.cssSelector("#preselection input[name=votes]"));
    assertThat(inputs).hasSize(votes.size());
    for (int i = 0; i < votes.size(); i++) {
      setValue(inputs.get(i), "" + votes.get(i));
    }
    setValue(ui.id("size"), "" + size);
    ui.submitConfirmed(By.id("publish-preselection"), "按预选结果公布");
  }

  private void publishFormal(int count) {
    List<WebElement> boxes =
        ui.driver.findElements(By.cssSelector("#formal-form input[name=nominationIds]"));
    assertThat(boxes).hasSize(count);
    boxes.forEach(ui::check);
    ui.chooseValue(By.id("basis"), "WITHIN_MARGIN");
    ui.submitConfirmed(By.id("publish-formal"), "公布正式代表候选人名单");
    ui.noError();
  }

  private WebElement station(long id) {
    return ui.id("station-" + id);
  }

  private void openDetails(WebElement scope, int index) {
    WebElement d = scope.findElements(By.tagName("details")).get(index);
    if (d.getAttribute("open") == null) {
      ui.scroll(d);
      d.findElement(By.tagName("summary")).click();
    }
  }

  private void custody(long stationId, String staff, boolean mobile) {
    WebElement s = station(stationId);
    openDetails(s, 0);
    setValue(s.findElement(By.name("staff")), staff);
    setValue(s.findElement(By.name("sealNumbers")), "封" + stationId);
    LocalDateTime sealed = LocalDateTime.now().minusHours(3).withNano(0).withSecond(0);
    setValue(s.findElement(By.name("sealedAt")), sealed.toString());
    setValue(s.findElement(By.name("openedAt")), sealed.plusHours(2).toString());
    if (mobile) {
      ui.check(s.findElement(By.name("registerSigned")));
    }
    ui.submitConfirmed(By.cssSelector("#station-" + stationId + " .record-custody"), "票箱保管记录");
    ui.noError();
  }

  private void setValue(WebElement e, String value) {
    ((JavascriptExecutor) ui.driver)
        .executeScript(
            "arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
            e,
            value);
  }
}
