package xuanju.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;
import xuanju.core.roster.ResidentIds;
import xuanju.server.person.PopulationGenerator;
import xuanju.server.person.PopulationGenerator.Resident;
import xuanju.server.support.H2AppTest;

/**
 * The voter register of a town people's congress election in a real browser (乡镇人大选民登记，浏览器全流程). A
 * town of 3 villages and 2 communities imports 5,000 generated residents from .xlsx (after a file
 * with a malformed ID number is refused whole). Its election committee is appointed; the county's
 * decision on the number of deputies is recorded; 6 districts are formed and the seats are
 * apportioned by the proposal and checked (a district with 4 seats is refused); voters are
 * registered (a 17-year-old and a second registration are refused) and each list is published on
 * D−21; an objection is filed and decided (a late one is refused); a late addition is recorded with
 * its 变更公告; voter cards are printed; a proxy is registered (a fourth one for the same holder is
 * refused). Every count on the pages and in the documents is checked against the generated
 * population. A second cycle, five years later, starts from the first cycle's register and shows
 * the additions and removals.
 *
 * <p>Why a decided number of deputies: by 选举法 第十二条 a town of 5,000 people has 45 + 3 = 48 deputies,
 * and 6 districts of one to three deputies (第二十五条) hold at most 18. The test records the county
 * 人大常委会's decision of 12 deputies (the page warns that it lies outside the statutory range), which
 * keeps the issue's scenario of 6 districts.
 *
 * <p>The first cycle lies five years in the past (its dates are entered as they were), so that the
 * objection deadline and the second cycle can be shown without moving the clock.
 */
class TownRegisterBrowserTest extends H2AppTest {
  private static final long SEED = 47;
  private static final int PEOPLE = 5000;
  private static final String AREA = "150626";

  /** A district: a unit as a whole, or some of its groups. */
  record Plan(int number, String name, String unit, List<String> groups) {
    boolean has(Resident r) {
      return r.unit().equals(unit) && (groups.isEmpty() || groups.contains(r.group()));
    }

    List<String> values() {
      return groups.isEmpty()
          ? List.of(unit + "|")
          : groups.stream().map(g -> unit + "|" + g).toList();
    }
  }

  static final List<Plan> DISTRICTS =
      List.of(
          new Plan(1, "第一选区", "巴音村", List.of()),
          new Plan(2, "第二选区", "陶利村", List.of()),
          new Plan(3, "第三选区", "查汗村", List.of()),
          new Plan(4, "第四选区", "团结社区", List.of("第1网格", "第2网格", "第3网格")),
          new Plan(5, "第五选区", "团结社区", List.of("第4网格", "第5网格", "第6网格")),
          new Plan(6, "第六选区", "繁荣社区", List.of()));

  @LocalServerPort int port;
  Ui ui;

  @AfterEach
  void quit() {
    if (ui != null) {
      ui.driver.quit();
    }
  }

  @Test
  void aTownRegistersItsVotersAndCarriesTheRegisterIntoTheNextCycle() throws Exception {
    ui = new Ui(Browser.start(), port);
    int n = ThreadLocalRandom.current().nextInt(10_000, 100_000);
    String town = "图克镇" + n;
    String officer = "tk" + n;
    String password = "TuKe2026pass!";
    LocalDate today = LocalDate.now();
    LocalDate day1 = today.minusYears(5);
    LocalDate day2 = today.plusDays(40);
    PopulationGenerator gen = PopulationGenerator.of(PEOPLE, day1).withSeed(SEED);
    List<Resident> people = gen.people();
    Path dir = Files.createTempDirectory("xuanju-town");
    Path xlsx = dir.resolve(town + "居民名册.xlsx");
    gen.writeXlsx(xlsx);
    Predicate<Resident> adult1 = r -> !r.birthDate().isAfter(day1.minusYears(18));

    // 1. the administrator: the town and its officer
    ui.login(ADMIN, ADMIN_PASSWORD);
    ui.open("/admin/users");
    ui.type("org-name", town);
    ui.chooseValue(By.id("org-parent"), "");
    ui.chooseValue(By.id("org-kind"), "TOWN_COMMITTEE");
    ui.submit(By.id("create-org"));
    ui.noError();
    ui.type("new-username", officer);
    ui.type("new-display", "王选委");
    ui.submit(By.id("create-user"));
    ui.noError();
    String generated = Ui.generatedPassword(ui.text("admin-message"));
    ui.type("grant-user", officer);
    ui.choose(By.id("grant-org"), town);
    ui.chooseValue(By.id("grant-role"), "ELECTION_ADMIN");
    ui.submit(By.id("grant-submit"));
    ui.noError();
    ui.logout();

    // 2. the person register: a malformed ID number refuses the whole file, then 5,000 residents
    ui.firstLogin(officer, generated, password);
    ui.submit(By.id("nav-people"));
    assertThat(ui.text("org-name")).isEqualTo(town);
    assertThat(ui.present(By.id("empty-register"))).isTrue();
    Resident a = people.get(10);
    Resident b = people.get(11);
    String broken = a.residentId().substring(0, 17) + wrongCheck(a.residentId());
    Path bad = dir.resolve("有错误的名册.csv");
    Files.writeString(
        bad,
        PopulationGenerator.csvLine(PopulationGenerator.HEADERS)
            + PopulationGenerator.csvLine(b.cells())
            + PopulationGenerator.csvLine(replaceId(a, broken).cells()),
        StandardCharsets.UTF_8);
    ui.submit(By.id("import-link"));
    importFile(bad);
    assertThat(ui.text("import-failed")).contains("导入失败", "未导入任何居民");
    String errors = ui.text("import-errors");
    assertThat(errors).contains("第3行 公民身份号码：校验位错误");
    ui.open("/people");
    assertThat(ui.present(By.id("empty-register"))).as("有错误的文件不导入任何人").isTrue();
    ui.submit(By.id("import-link"));
    importFile(xlsx);
    assertThat(ui.text("import-ok")).contains("导入居民名册 " + PEOPLE + " 人");
    ui.open("/people");
    assertThat(ui.text("matching")).isEqualTo("共 " + PEOPLE + " 人");
    ui.shot("town-01-people");

    // 3. the election
    ui.submit(By.id("nav-elections"));
    ui.submit(By.id("new-election"));
    ui.choose(By.id("organisationId"), town);
    ui.chooseValue(By.id("kind"), "TOWN_PEOPLES_CONGRESS");
    String title1 = town + "第十八届人民代表大会代表选举";
    ui.type("title", title1);
    ui.date("electionDay", day1);
    ui.type("seats", "12");
    uncheck(ui.id("hasCommittee"));
    ui.submit(By.id("create-election"));
    ui.noError();
    long e1 = Long.parseLong(ui.path().substring("/elections/".length()));

    // 4. the election committee, the number of deputies, 6 districts and their seats
    ui.submit(By.id("tab-districts"));
    assertThat(ui.present(By.id("committee-none"))).isTrue();
    ui.type("c-by", "乌审旗人大常委会");
    ui.date("c-on", day1.minusDays(90));
    ui.type("c-doc", "乌人常发〔" + day1.getYear() + "〕3号");
    ui.submit(By.id("appoint"));
    ui.noError();
    ui.chooseValue(By.id("m-role"), "CHAIR");
    ui.type("m-name", "巴特尔");
    ui.submit(By.id("add-member"));
    ui.noError();
    assertThat(ui.text("committee-members")).contains("主任", "巴特尔");

    assertThat(ui.id("population").getAttribute("value")).isEqualTo(Integer.toString(PEOPLE));
    ui.type("decidedTotal", "12");
    ui.type("decidedBy", "乌审旗人大常委会");
    ui.type("decisionDocument", "乌人常发〔" + day1.getYear() + "〕8号");
    ui.date("decidedOn", day1.minusDays(80));
    ui.submit(By.id("save-total"));
    ui.noError();
    assertThat(ui.text("total")).isEqualTo("12");
    assertThat(ui.text("arithmetic")).contains("45", "48"); // 45 + ⌊5000 ÷ 1500⌋
    assertThat(ui.text("town-findings")).isNotEmpty();

    for (Plan p : DISTRICTS) {
      addDistrict(p);
    }
    assertThat(ui.driver.findElements(By.cssSelector("#districts tbody tr"))).hasSize(6);
    List<Integer> population = new ArrayList<>();
    for (Plan p : DISTRICTS) {
      int expected = (int) people.stream().filter(p::has).count();
      population.add(expected);
      assertThat(cell(p.number(), "population")).as(p.name() + "人口").isEqualTo("" + expected);
    }
    assertThat(population.stream().mapToInt(Integer::intValue).sum()).isEqualTo(PEOPLE);
    ui.submitConfirmed(By.id("apply-proposal"), "采用建议将改写各选区的名额");
    ui.noError();
    int seatSum = 0;
    for (Plan p : DISTRICTS) {
      int seats = Integer.parseInt(cell(p.number(), "seats"));
      assertThat(seats).as(p.name() + "名额").isBetween(1, 3);
      seatSum += seats;
      BigDecimal perDeputy = new BigDecimal(cell(p.number(), "per-deputy"));
      BigDecimal expected =
          BigDecimal.valueOf(population.get(p.number() - 1))
              .divide(BigDecimal.valueOf(seats), 2, RoundingMode.HALF_UP);
      assertThat(perDeputy.subtract(expected).abs())
          .as(p.name() + "每一代表所代表人口")
          .isLessThan(BigDecimal.ONE);
    }
    assertThat(seatSum).isEqualTo(12);
    String seatsOfFirst = cell(1, "seats");
    ui.fullShot("town-02-districts");

    // a district with 4 seats is refused and changes nothing
    ui.submit(By.linkText("第一选区"));
    ui.type("seats", "4");
    ui.submit(By.id("save-district"));
    assertThat(ui.text("error")).contains("4", "一名至三名");
    ui.open("/elections/" + e1 + "/districts");
    assertThat(cell(1, "seats")).isEqualTo(seatsOfFirst);

    // 5. registration: each district's adults on election day; minors are refused with the reason
    ui.submit(By.id("tab-register"));
    ui.date("registeredOn", day1.minusDays(30));
    ui.submitConfirmed(By.id("run"), "确定进行选民登记吗");
    ui.noError();
    List<Integer> listed = new ArrayList<>();
    for (Plan p : DISTRICTS) {
      int adults = (int) people.stream().filter(p::has).filter(adult1).count();
      int minors = (int) people.stream().filter(p::has).filter(adult1.negate()).count();
      listed.add(adults);
      assertThat(registerCell(p.number(), "listed")).as(p.name() + "列入名单").isEqualTo("" + adults);
      assertThat(registerCell(p.number(), "refused-UNDER_18"))
          .as(p.name() + "未满十八周岁")
          .isEqualTo("" + minors);
    }
    assertThat(ui.text("refusals-UNDER_18")).contains("未满十八周岁", "选举法");

    // the person turning 18 the day after election day is 17: refused, nothing changes
    Resident seventeen = people.get(1);
    assertThat(seventeen.birthDate()).isEqualTo(day1.minusYears(18).plusDays(1));
    Plan home = DISTRICTS.stream().filter(p -> p.has(seventeen)).findFirst().orElseThrow();
    registerOne(seventeen.residentId(), home, day1.minusDays(29), "");
    assertThat(ui.text("error")).contains("未满十八周岁");
    assertThat(registerCell(home.number(), "listed")).isEqualTo("" + listed.get(home.number() - 1));
    // a person registered twice is refused
    Resident voter = people.get(0); // turns 18 on election day: listed
    Plan voterHome = DISTRICTS.stream().filter(p -> p.has(voter)).findFirst().orElseThrow();
    registerOne(voter.residentId(), voterHome, day1.minusDays(29), "");
    assertThat(ui.text("error")).contains("已");
    assertThat(registerCell(voterHome.number(), "listed"))
        .isEqualTo("" + listed.get(voterHome.number() - 1));

    // publication on D−21, district by district
    for (Plan p : DISTRICTS) {
      ui.open("/elections/" + e1 + "/register");
      ui.submit(By.linkText(p.name()));
      assertThat(ui.text("voter-count")).isEqualTo("" + listed.get(p.number() - 1));
      ui.date("publishedOn", day1.minusDays(21));
      ui.submitConfirmed(By.id("publish"), "确定登记公布吗");
      ui.noError();
      assertThat(ui.text("published-on")).isEqualTo(day1.minusDays(21).toString());
    }
    ui.open("/elections/" + e1 + "/register");
    for (Plan p : DISTRICTS) {
      assertThat(registerCell(p.number(), "published")).isEqualTo(day1.minusDays(21).toString());
    }
    assertThat(ui.driver.findElements(By.cssSelector("#deadline-problems li"))).isEmpty();
    ui.fullShot("town-03-register");

    // the posting list of district 1: the count in the PDF and every voter in the .xlsx
    long d1 = districtId(1);
    String listPdf =
        Ui.pdfText(ui.download("/elections/" + e1 + "/register/districts/" + d1 + "/list.pdf"));
    assertThat(listPdf.replaceAll("\\s+", "")).contains("第一选区", "" + listed.get(0));
    int xlsxVoters =
        voterRows(ui.download("/elections/" + e1 + "/register/districts/" + d1 + "/list.xlsx"));
    assertThat(xlsxVoters).isEqualTo(listed.get(0));

    // 6. an objection in time, decided; a late one is refused
    Resident concerned =
        people.stream()
            .filter(DISTRICTS.get(0)::has)
            .filter(adult1.negate())
            .findFirst()
            .orElseThrow();
    fileObjection(
        "第一选区", day1.minusDays(19), "乌云", concerned.name(), concerned.name() + "已年满十八周岁，未列入名单");
    ui.noError();
    assertThat(ui.message()).contains("申诉");
    WebElement objection = ui.find(By.cssSelector(".objection"));
    assertThat(objection.getText()).contains("乌云", concerned.name());
    WebElement form = objection.findElement(By.cssSelector(".decide-form"));
    setDate(form.findElement(By.name("decidedOn")), day1.minusDays(17));
    new Select(form.findElement(By.name("outcome"))).selectByIndex(0);
    ui.type(form.findElement(By.name("decision")), "经核对身份证件，出生日期无误，未满十八周岁，维持名单");
    ui.type(form.findElement(By.name("notice")), "已当面告知申诉人处理决定及起诉权利");
    setDate(form.findElement(By.name("notifiedOn")), day1.minusDays(17));
    ui.submit(form.findElement(By.cssSelector("button[type=submit]")));
    ui.noError();
    assertThat(ui.find(By.cssSelector(".objection .outcome")).getText()).isNotBlank();
    fileObjection("第二选区", day1.minusDays(10), "其木格", "", "名单漏登");
    assertThat(ui.text("error")).contains("申诉");
    assertThat(ui.driver.findElements(By.cssSelector(".objection"))).hasSize(1);

    // 7. a late addition (补登) after publication, with its reason and the 变更公告
    String newcomerId = freeId(people, LocalDate.of(1985, 6, 15));
    ui.open("/people");
    ui.submit(By.id("add-person"));
    ui.type("unit", "巴音村");
    ui.type("group", "第一村民小组");
    ui.type("name", "阿拉坦");
    ui.type("residentId", newcomerId);
    ui.submit(By.id("person-save"));
    ui.noError();
    ui.open("/elections/" + e1 + "/register");
    registerOne(newcomerId, DISTRICTS.get(0), day1.minusDays(12), "由外地迁入本村，选民名单公布后补登");
    ui.noError();
    ui.open("/elections/" + e1 + "/register/districts/" + d1);
    assertThat(ui.text("voter-count")).isEqualTo("" + (listed.get(0) + 1));
    assertThat(ui.text("changes")).contains("补登", "阿拉坦", "迁入");
    // the list is paged (200 a page) and can be searched
    int pages = (listed.get(0) + 1 + 199) / 200;
    assertThat(ui.text("voter-page-of")).isEqualTo("第 1 / " + pages + " 页");
    assertThat(ui.driver.findElements(By.cssSelector("#voters tbody tr"))).hasSize(200);
    ui.type(By.cssSelector("#voter-search input[name=q]"), "阿拉坦");
    ui.submit(By.id("voter-search-submit"));
    long namesakes =
        people.stream()
            .filter(DISTRICTS.get(0)::has)
            .filter(adult1)
            .filter(r -> r.name().contains("阿拉坦"))
            .count();
    assertThat(ui.text("voter-matching")).isEqualTo("共 " + (namesakes + 1) + " 名");
    assertThat(ui.text("voters")).contains("阿拉坦", newcomerId);
    String changes =
        Ui.pdfText(ui.download("/elections/" + e1 + "/register/districts/" + d1 + "/changes.pdf"));
    assertThat(changes.replaceAll("\\s+", "")).contains("补登1名", "补登阿拉坦第一村民小组");
    listed.set(0, listed.get(0) + 1);

    // 8. voter cards: a station, the whole village assigned, the cards printed
    ui.open("/elections/" + e1 + "/districts/" + d1);
    ui.type("s-name", "巴音村村委会投票站");
    ui.type("s-address", "巴音村村委会");
    ui.submit(By.id("add-station"));
    ui.noError();
    ui.open("/elections/" + e1 + "/cards?districtId=" + d1);
    assertThat(ui.find(By.cssSelector("#districts .active")).getText())
        .contains(listed.get(0) + "人");
    ui.chooseValue(By.id("unit"), "巴音村");
    ui.chooseValue(By.id("residentsGroup"), "");
    ui.submit(By.cssSelector("#assign-group button[type=submit]"));
    ui.noError();
    assertThat(ui.find(By.cssSelector("#stations .station-count")).getText())
        .isEqualTo("" + listed.get(0));
    assertThat(ui.text("district-unassigned")).isEqualTo("0");
    byte[] cards = ui.download(ui.id("district-cards").getAttribute("href"));
    assertThat(Ui.pdfPages(cards)).isEqualTo((listed.get(0) + 9) / 10); // 10 cards a sheet
    assertThat(Ui.pdfText(cards).replaceAll("\\s+", ""))
        .contains("阿拉坦", voterOf(people, DISTRICTS.get(0), adult1).name());

    // 9. proxies: three for one holder, a fourth refused
    List<Resident> adults1 =
        people.stream().filter(DISTRICTS.get(0)::has).filter(adult1).limit(5).toList();
    Resident holder = adults1.get(0);
    for (int i = 1; i <= 3; i++) {
      recordProxy(adults1.get(i), holder, day1.minusDays(5));
      ui.noError();
    }
    assertThat(ui.driver.findElements(By.cssSelector("#proxy-table tbody tr"))).hasSize(3);
    assertThat(ui.text("proxy-table")).contains(holder.name(), adults1.get(1).name());
    recordProxy(adults1.get(4), holder, day1.minusDays(5));
    assertThat(ui.text("error")).contains("三");
    assertThat(ui.driver.findElements(By.cssSelector("#proxy-table tbody tr"))).hasSize(3);
    ui.fullShot("town-04-cards");

    // 10. five years on: a death and a move in the person register
    Resident dies = voterOf(people, DISTRICTS.get(1), adult1);
    Resident moves = adults1.get(4);
    openPerson(dies);
    ui.date("diedOn", today.minusMonths(8));
    ui.submitConfirmed(By.id("death-submit"), "确定登记该居民死亡吗");
    ui.noError();
    assertThat(ui.present(By.id("died-badge"))).isTrue();
    openPerson(moves);
    ui.submit(By.id("edit-person"));
    ui.type("unit", "陶利村");
    ui.type("group", "第二村民小组");
    ui.submit(By.id("person-save"));
    ui.noError();
    assertThat(ui.text("person-unit")).isEqualTo("陶利村");

    // the second cycle: same districts, the register carried over with its additions and removals
    ui.submit(By.id("nav-elections"));
    ui.submit(By.id("new-election"));
    ui.choose(By.id("organisationId"), town);
    ui.chooseValue(By.id("kind"), "TOWN_PEOPLES_CONGRESS");
    ui.type("title", town + "第十九届人民代表大会代表选举");
    ui.date("electionDay", day2);
    ui.type("seats", "12");
    uncheck(ui.id("hasCommittee"));
    ui.submit(By.id("create-election"));
    ui.noError();
    long e2 = Long.parseLong(ui.path().substring("/elections/".length()));
    ui.submit(By.id("tab-districts"));
    for (Plan p : DISTRICTS) {
      addDistrict(p);
    }
    ui.submit(By.id("tab-register"));
    ui.submit(By.id("carry-over-link"));
    ui.chooseValue(By.id("previous"), Long.toString(e1));
    ui.submit(By.id("preview"));
    ui.noError();
    Predicate<Resident> adult2 = r -> !r.birthDate().isAfter(day2.minusYears(18));
    int total = 0;
    for (Plan p : DISTRICTS) {
      int previous = listed.get(p.number() - 1);
      int newAdults =
          (int) people.stream().filter(p::has).filter(adult2).filter(adult1.negate()).count();
      int died = p.has(dies) ? 1 : 0;
      int out = p.number() == 1 ? 1 : 0;
      int in = p.number() == 2 ? 1 : 0;
      String row = "#summary tr[data-district='" + p.name() + "'] ";
      assertThat(text(row + ".previous")).as(p.name() + "上届").isEqualTo("" + previous);
      assertThat(text(row + ".reason-NEW_ADULT")).as(p.name() + "新满十八").isEqualTo("" + newAdults);
      assertThat(text(row + ".reason-DEATH")).as(p.name() + "死亡").isEqualTo("" + died);
      assertThat(text(row + ".reason-MOVED_OUT")).as(p.name() + "迁出").isEqualTo("" + out);
      assertThat(text(row + ".reason-MOVED_IN")).as(p.name() + "迁入").isEqualTo("" + in);
      int expected = previous + newAdults - died - out + in;
      assertThat(text(row + ".new")).as(p.name() + "本届").isEqualTo("" + expected);
      total += expected;
    }
    assertThat(text("#summary tr[data-district='合计'] .new")).isEqualTo("" + total);
    assertThat(ui.text("summary")).doesNotContain("不平衡");
    ui.fullShot("town-05-carry-over-preview");
    ui.submitConfirmed(By.id("apply"), "确定结转吗");
    ui.noError();
    ui.open("/elections/" + e2 + "/register");
    int registered2 = 0;
    for (Plan p : DISTRICTS) {
      registered2 += Integer.parseInt(registerCell(p.number(), "listed"));
    }
    assertThat(registered2).isEqualTo(total);
  }

  // ------------------------------------------------------------------ steps

  private void importFile(Path file) {
    ui.id("file").sendKeys(file.toAbsolutePath().toString());
    ui.submit(By.id("import-submit"));
  }

  private void addDistrict(Plan p) {
    ui.type("name", p.name());
    Select units = new Select(ui.id("units"));
    for (String v : p.values()) {
      units.selectByValue(v);
    }
    ui.submit(By.id("add-district"));
    ui.noError();
  }

  private void registerOne(String residentId, Plan district, LocalDate on, String reason) {
    ui.type("residentId", residentId);
    ui.choose(By.id("districtId"), district.name());
    ui.date("oneRegisteredOn", on);
    ui.type("reason", reason);
    ui.submit(By.id("register-one"));
  }

  private void fileObjection(
      String district, LocalDate filedOn, String objector, String concerning, String content) {
    WebElement f = ui.id("objection-form");
    new Select(f.findElement(By.name("districtId"))).selectByVisibleText(district);
    setDate(f.findElement(By.name("filedOn")), filedOn);
    ui.type(f.findElement(By.name("objector")), objector);
    ui.type(f.findElement(By.name("concerning")), concerning);
    ui.type(f.findElement(By.name("content")), content);
    ui.submit(By.id("file-objection"));
  }

  private void recordProxy(Resident principal, Resident holder, LocalDate on) {
    ui.type("principalId", principal.residentId());
    ui.type("holderId", holder.residentId());
    ui.date("authorisedOn", on);
    ui.type(By.cssSelector("#record-proxy #reason"), "外出务工，选举日不能回村");
    ui.date("consentOn", on.plusDays(1));
    ui.type("consentBy", "选举委员会主任 巴特尔");
    ui.submit(By.id("record-proxy-submit"));
  }

  private void openPerson(Resident r) {
    ui.open("/people?q=" + r.residentId());
    ui.submit(By.linkText(r.name()));
    assertThat(ui.text("person-name")).isEqualTo(r.name());
  }

  private void setDate(WebElement e, LocalDate day) {
    ui.date(By.cssSelector("#" + idOf(e)), day);
  }

  private String idOf(WebElement e) {
    String id = e.getAttribute("id");
    if (id == null || id.isEmpty()) {
      id = "x" + ThreadLocalRandom.current().nextInt(1_000_000);
      ((org.openqa.selenium.JavascriptExecutor) ui.driver)
          .executeScript("arguments[0].id = arguments[1];", e, id);
    }
    return id;
  }

  private void uncheck(WebElement box) {
    ui.scroll(box);
    if (box.isSelected()) {
      box.click();
    }
  }

  private String cell(int district, String cls) {
    return ui.find(By.cssSelector("#district-" + district + " ." + cls)).getText().strip();
  }

  private String registerCell(int district, String cls) {
    return ui.find(By.cssSelector("#districts #district-" + district + " ." + cls))
        .getText()
        .strip();
  }

  private String text(String css) {
    return ui.find(By.cssSelector(css)).getText().strip();
  }

  private long districtId(int number) {
    String href =
        ui.find(By.cssSelector("#districts #district-" + number + " a")).getAttribute("href");
    String[] parts = href.split("/");
    return Long.parseLong(parts[parts.length - 1]);
  }

  /** The rows of the posting list's sheet whose second column (选民证号) holds a number. */
  private static int voterRows(byte[] xlsx) throws Exception {
    org.apache.poi.ss.usermodel.DataFormatter f = new org.apache.poi.ss.usermodel.DataFormatter();
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet s = wb.getSheetAt(0);
      int count = 0;
      for (var row : s) {
        var c = row.getCell(1);
        if (c != null && f.formatCellValue(c).strip().matches("\\d+")) {
          count++;
        }
      }
      return count;
    }
  }

  private static Resident voterOf(List<Resident> people, Plan p, Predicate<Resident> adult) {
    return people.stream().filter(p::has).filter(adult).skip(7).findFirst().orElseThrow();
  }

  private static char wrongCheck(String id) {
    char right = ResidentIds.checkCharacter(id.substring(0, 17));
    return right == '1' ? '2' : '1';
  }

  private static Resident replaceId(Resident r, String id) {
    return new Resident(
        r.unit(),
        r.group(),
        r.household(),
        r.name(),
        id,
        r.ethnicity(),
        r.address(),
        r.hukouPlace(),
        r.residencePlace(),
        r.workplace(),
        r.politicalStatus(),
        r.occupation(),
        r.tags());
  }

  /** An ID number of the area and day that no generated person holds. */
  private static String freeId(List<Resident> people, LocalDate birth) {
    String day = birth.format(DateTimeFormatter.BASIC_ISO_DATE);
    for (int seq = 999; seq > 0; seq -= 2) {
      String first17 = AREA + day + String.format("%03d", seq);
      String id = first17 + ResidentIds.checkCharacter(first17);
      if (people.stream().noneMatch(r -> r.residentId().equals(id))) {
        return id;
      }
    }
    throw new IllegalStateException("no free ID");
  }
}
