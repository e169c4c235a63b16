package xuanju.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import xuanju.core.names.NameOrder;
import xuanju.core.schedule.HolidayCalendar;
import xuanju.server.access.Role;
import xuanju.server.browser.DelegatePool.Person;
import xuanju.server.browser.DelegatePool.Unit;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.security.UserRepository;
import xuanju.server.support.H2AppTest;

/**
 * A district elects its delegates to the city's party congress in a real browser
 * (出席市党代会代表选举，浏览器全流程， seed 003), as the district's 组织部 officer does it: the election from the
 * new-election page, the seat allocation (16 of 760) and two 市委提名 candidates, 23 recommendation
 * units of 11 → 17, each unit's list uploaded as .xlsx (391 generated names; a wrong split refused
 * and corrected) with its participation; the 推荐人选名册 and 统计表 checked number by number; the 24 考察对象
 * decided by the 区委常委会 (the 区委全会 refused), the 考察预告 and vetting of 5 working days, a complaint
 * checked and its subject withdrawn, the opinions; the 21 初步人选 after the 区纪委, the 市委's consent and
 * a publicity of 5 working days (4 refused); the solver's proposal with a locked name, the 区委全会's
 * 21 预备人选 and the 市委组织部's review; the conference (154 of 308 refused), the ballot, the totals and
 * the delegates decided from them, the 代表名册 and the report; the two publicities and the 五必知.
 *
 * <p>Only the officer's account and the district organisation are set up through the services;
 * every step of the election goes through the pages. A form repeated many times (the other 22
 * units, 21 units' lists and participation, 45 opinions, four 五必知, the second 市委提名) is used once
 * through the page with its confirmation, then posted again from the page with the session and its
 * CSRF token without loading the page after each post (same endpoints and checks; a refusal fails
 * the test with the page's message), to stay within the time of a loaded machine. The dates entered
 * in the forms follow the seed's order counted back from the conference (60 days ahead), with
 * working days from core's holiday calendar, so the test runs on any day.
 *
 * <p>The page has no step to refill the 考察对象 after a withdrawal: the list goes down to 23 and the
 * 21 初步人选 are chosen from them.
 */
class DelegatesBrowserTest extends H2AppTest {
  private static final String PASSWORD = "Officer-Pass-2026";
  private static final HolidayCalendar CALENDAR = HolidayCalendar.tyme4j();
  private static final Comparator<String> STROKES = NameOrder.surnameStrokes();

  /** The unit whose participation is below 100 %, and the one whose first file is refused. */
  private static final int PARTIAL = 7;

  private static final int WRONG = 4;
  private static final String CONGRESS = "XX市第十二次党代会";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired OrganisationService orgs;
  @Autowired UserRepository users;
  Ui ui;
  private long organisation;
  private long election;

  @AfterEach
  void quit() {
    if (ui != null) {
      ui.driver.quit();
    }
  }

  @Test
  void aDistrictElectsItsDelegatesToTheCityPartyCongress() throws Exception {
    long started = System.nanoTime();
    LocalDate day = LocalDate.now().plusDays(60);
    List<Unit> units = DelegatePool.generate(3L, PARTIAL);
    List<Person> pool = units.stream().flatMap(u -> u.people().stream()).toList();
    Map<String, Person> byName = new HashMap<>();
    pool.forEach(p -> byName.put(p.name(), p));
    String officer = setUp();
    ui = new Ui(Browser.start(), port);
    ui.login(officer, PASSWORD);

    // 1. the election, from the new-election page; the allocation and the 市委提名 candidates
    ui.open("/elections/new");
    ui.chooseValue(By.id("organisationId"), "" + organisation);
    ui.chooseValue(By.id("kind"), "PARTY_CONGRESS_DELEGATES");
    ui.type("title", "XX区出席XX市第十二次党代会代表选举");
    ui.date("electionDay", day);
    ui.type("seats", "16");
    ui.submit(By.id("create-election"));
    ui.noError();
    election = Long.parseLong(ui.path().substring("/elections/".length()));
    ui.submit(By.id("tab-delegates"));
    ui.type("congressName", CONGRESS);
    ui.type("congressTotal", "760");
    ui.type("seats", "16");
    ui.type("marginPercent", "50");
    ui.type("document", "中共XX市委关于中国共产党XX市第十二次代表大会代表选举工作的通知");
    ui.submit(By.id("save-allocation"));
    ui.noError();
    assertThat(ui.text("allocation")).contains("760", "16", "不含上级党委提名", "50");
    upper("乌云其木格", "女", LocalDate.of(1972, 8, 9), "蒙古族", "XX市某委员会副主任");
    assertThat(
            PagePosts.post(
                ui.driver,
                List.of(
                    PagePosts.request(
                        formAction("upper-form"),
                        Map.of(
                            "name",
                            "钱卫民",
                            "gender",
                            "男",
                            "birthDate",
                            "1966-03-21",
                            "ethnicity",
                            "汉族",
                            "occupation",
                            "XX市某局局长",
                            "document",
                            "中共XX市委关于提名钱卫民同志为代表候选人的通知"),
                        null))))
        .containsExactly("ok");

    // 2. 23 recommendation units of 11 → 17 (6 局级, 3 处级, 8 基层一线)
    ui.type("unitName", DelegatePool.UNITS.get(0));
    ui.type("quota", "11");
    ui.type("listSize", "17");
    ui.type("bureau", "6");
    ui.type("division", "3");
    ui.type("grassroots", "8");
    ui.submitConfirmed(By.id("add-unit"), "确认登记");
    ui.noError();
    assertThat(texts("#upper-nominees .upper-name")).containsExactly("乌云其木格", "钱卫民");
    List<Map<String, Object>> more = new ArrayList<>();
    for (String u : DelegatePool.UNITS.subList(1, DelegatePool.UNITS.size())) {
      more.add(
          PagePosts.request(
              formAction("unit-form"),
              Map.of(
                  "name",
                  u,
                  "quota",
                  "11",
                  "listSize",
                  "17",
                  "bureau",
                  "6",
                  "division",
                  "3",
                  "grassroots",
                  "8"),
              null));
    }
    assertThat(PagePosts.post(ui.driver, more)).as("登记推荐单位").allMatch("ok"::equals);
    ui.submit(By.id("tab-delegates"));
    assertThat(ui.text("unit-count")).isEqualTo("23");
    Map<String, String> unitPages = new LinkedHashMap<>();
    for (WebElement r : ui.driver.findElements(By.cssSelector("#units tbody tr"))) {
      unitPages.put(
          r.findElement(By.className("unit-name")).getText(),
          r.findElement(By.tagName("a")).getAttribute("href"));
    }
    assertThat(unitPages.keySet()).containsExactlyElementsOf(DelegatePool.UNITS);
    lap(started, "units");

    // 3. each unit's list uploaded as .xlsx; one with a wrong split is refused, then corrected
    Path dir = Files.createTempDirectory("xuanju-delegates-lists");
    List<Map<String, Object>> lists = new ArrayList<>();
    for (int i = 0; i < units.size(); i++) {
      Unit u = units.get(i);
      String page = path(unitPages.get(u.name()));
      if (i != 0 && i != WRONG) {
        lists.add(
            PagePosts.request(
                page + "/import",
                Map.of("version", "0"),
                List.of(u.name() + ".xlsx", DelegatePool.xlsx(u.name(), u.people(), i % 5 == 2))));
        lists.add(
            PagePosts.request(page + "/participation", DelegatePool.participation(u, 1), null));
        continue;
      }
      ui.driver.get(unitPages.get(u.name()));
      ui.ready();
      if (i == WRONG) {
        List<Person> wrong = new ArrayList<>(u.people());
        Person d = wrong.get(6);
        wrong.set(
            6,
            new Person(
                d.unit(),
                d.name(),
                d.female(),
                d.birth(),
                d.ethnicity(),
                DelegatePool.BUREAU,
                d.occupation(),
                d.tags(),
                d.votes()));
        upload(dir, u.name() + "（有误）", wrong, false);
        assertThat(ui.text("error"))
            .contains("推荐单位「" + u.name() + "」的人选类别（人选结构）不符")
            .contains("局级领导干部7名，应为6名", "处级领导干部2名，应为3名")
            .contains("推荐人选应符合规定的结构")
            .doesNotContain("DELEGATES.");
        assertThat(ui.present(By.id("not-submitted"))).as("有误的名单不应保存任何人选").isTrue();
        assertThat(ui.present(By.id("recommendees"))).isFalse();
      }
      upload(dir, u.name(), u.people(), i % 5 == 2);
      ui.noError();
      assertThat(ui.message()).contains("已从Excel文件导入推荐人选名单");
      assertThat(texts("#recommendees .r-name"))
          .as(u.name() + "的名单按姓氏笔画排序")
          .containsExactlyElementsOf(
              u.people().stream().map(Person::name).sorted(STROKES).toList());
      if (i == WRONG) {
        lists.add(
            PagePosts.request(page + "/participation", DelegatePool.participation(u, 1), null));
        continue;
      }
      ui.type("organisationsTotal", "" + u.organisationsTotal());
      ui.type("organisationsJoined", "" + u.organisationsJoined());
      ui.type("membersTotal", "" + u.membersTotal());
      ui.type("membersJoined", "" + u.membersJoined());
      ui.submit(By.id("save-participation"));
      ui.noError();
    }
    assertThat(PagePosts.post(ui.driver, lists)).as("各推荐单位导入名单、登记参与情况").allMatch("ok"::equals);
    lap(started, "lists");

    // 4. the page's numbers, the 推荐人选名册 and the 统计表 against the generated data
    ui.submit(By.id("tab-delegates"));
    assertThat(ui.text("submitted-count")).isEqualTo("23");
    assertThat(ui.text("pool-size")).isEqualTo("" + pool.size());
    assertThat(pool).hasSizeGreaterThan(350);
    assertThat(ui.text("participation-warning")).contains(units.get(PARTIAL).name(), "100%");
    DelegateDocumentChecks.pool(
        texts("#pool .pool-requirement"), texts("#pool .pool-count"), pool, day);
    DelegateDocumentChecks.roster(ui.download(delegates("recommended.xlsx")), units, byName, day);
    DelegateDocumentChecks.statistics(
        ui.download(delegates("statistics.xlsx")), units, day, PARTIAL);
    lap(started, "recommendation checked");

    // 5. the 24 考察对象: the 21 the officer will propose, the best-supported cadre left out (who
    // will be withdrawn after a complaint) and the two best-supported grassroots names left out
    List<Person> preliminary = DelegatePool.preliminary(pool, day);
    List<Person> rest =
        pool.stream()
            .filter(p -> !preliminary.contains(p))
            .sorted(Comparator.comparingInt(Person::votes).reversed())
            .toList();
    Person withdrawn = rest.stream().filter(Person::cadre).findFirst().orElseThrow();
    List<Person> subjects = new ArrayList<>(preliminary);
    subjects.add(withdrawn);
    rest.stream().filter(p -> !p.cadre()).limit(2).forEach(subjects::add);
    assertThat(subjects).hasSize(24);

    LocalDate subjectsDay = onOrAfterWorkday(day.minusDays(42));
    ui.submit(By.id("tab-delegate-stages"));
    tick("#subjects-form input[name=ids]", names(subjects));
    ui.chooseValue(By.id("subjects-body"), "PLENUM");
    ui.date("subjects-date", subjectsDay);
    ui.type("subjects-doc", "区委常委会会议纪要（考察对象）");
    ui.submitConfirmed(By.id("decide-subjects"), "确认确定");
    assertThat(ui.text("error")).contains("“研究提出考察对象名单”应由区委常委会作出，不能由区委全会作出");
    assertThat(ui.find(By.cssSelector("#overview-SUBJECTS .o-active")).getText()).isEqualTo("尚未确定");
    tick("#subjects-form input[name=ids]", names(subjects));
    ui.chooseValue(By.id("subjects-body"), "STANDING_COMMITTEE");
    ui.date("subjects-date", subjectsDay);
    ui.type("subjects-doc", "区委常委会会议纪要（考察对象）");
    ui.submitConfirmed(By.id("decide-subjects"), "确认确定");
    ui.noError();
    assertThat(ui.find(By.cssSelector("#overview-SUBJECTS .o-active")).getText()).isEqualTo("24名");
    assertThat(texts("#subjects .s-name"))
        .containsExactlyElementsOf(names(subjects).stream().sorted(STROKES).toList());
    step("subjects-report", subjectsDay.plusDays(1), "报送市委组织部的函", "确认登记报送市委组织部");
    assertThat(ui.text("subjects-reported")).contains("市委组织部");
    assertThat(DelegateDocumentChecks.rosterNames(ui.download(stages("subjects.xlsx"))))
        .hasSize(24);

    // 6. 考察: the 考察预告 and 5 working days of vetting in the units; a complaint against one
    // subject, checked, and the subject withdrawn; the opinions of the 23 left
    LocalDate vStart = CALENDAR.plusWorkdays(subjectsDay, 1);
    LocalDate vEnd = CALENDAR.plusWorkdays(vStart, 4);
    ui.date("v-announced", subjectsDay.plusDays(1));
    ui.date("v-start", vStart);
    ui.date("v-end", vEnd);
    ui.type("v-doc", "关于对出席市第十二次党代会代表候选人初步人选考察对象进行考察的预告");
    ui.submitConfirmed(By.id("record-vetting"), "确认登记");
    ui.noError();
    assertThat(ui.text("vetting")).contains(vStart + "至" + vEnd, "共5个工作日");
    WebElement complaint = ui.id("complaint-form-VETTING");
    new Select(complaint.findElement(By.name("recommendeeId")))
        .selectByVisibleText(withdrawn.name() + "（" + withdrawn.unit() + "）");
    setValue(complaint.findElement(By.name("receivedOn")), vStart.plusDays(1).toString());
    setValue(complaint.findElement(By.name("summary")), "反映其配偶经商办企业未如实报告");
    ui.submitConfirmed(By.cssSelector("#complaint-form-VETTING button"), "确认登记");
    ui.noError();
    assertThat(ui.text("complaints-VETTING")).contains(withdrawn.name(), "尚未核查");
    WebElement check = ui.find(By.cssSelector("#complaints-VETTING form"));
    setValue(check.findElement(By.name("checkedOn")), vStart.plusDays(2).toString());
    setValue(check.findElement(By.name("conclusion")), "经核查，反映问题属实，不再作为考察对象");
    ui.submitConfirmed(By.cssSelector("#complaints-VETTING form button"), "确认登记");
    ui.noError();
    assertThat(ui.text("complaints-VETTING")).contains("不再作为考察对象").doesNotContain("尚未核查");
    WebElement row = subjectRow(withdrawn.name());
    WebElement withdraw = row.findElement(By.cssSelector("form[action$='/withdraw']"));
    setValue(withdraw.findElement(By.name("on")), vStart.plusDays(2).toString());
    setValue(withdraw.findElement(By.name("reason")), "举报经核查属实");
    ui.submitConfirmed(
        By.cssSelector(
            "#subjects form[action$='/withdraw'] input[name=recommendeeId][value='"
                + withdraw.findElement(By.name("recommendeeId")).getAttribute("value")
                + "'] ~ button"),
        "确认撤出");
    ui.noError();
    assertThat(ui.text("subjects-withdrawn")).contains(withdrawn.name(), "举报经核查属实");
    assertThat(ui.find(By.cssSelector("#overview-SUBJECTS .o-active")).getText()).isEqualTo("23名");
    WebElement first = ui.find(By.cssSelector("#subjects input[name=opinion]"));
    first.sendKeys("同意推荐，政治素质好");
    // the first opinion form in the table is the one of this input (the first row's unit opinion)
    ui.submitConfirmed(
        By.cssSelector("#subjects form[action$='/opinion'] button"), "确认登记所在单位党组织意见");
    ui.noError();
    List<Map<String, Object>> opinions = new ArrayList<>();
    for (WebElement f :
        ui.driver.findElements(By.cssSelector("#subjects form[action$='/opinion']"))) {
      String source = f.findElement(By.name("source")).getAttribute("value");
      opinions.add(
          PagePosts.request(
              path(f.getAttribute("action")),
              Map.of(
                  "recommendeeId",
                  f.findElement(By.name("recommendeeId")).getAttribute("value"),
                  "source",
                  source,
                  "opinion",
                  source.equals("UNIT") ? "同意推荐，政治素质好" : "未发现违纪违法问题"),
              null));
    }
    assertThat(opinions).hasSize(45);
    assertThat(PagePosts.post(ui.driver, opinions)).as("考察意见").allMatch("ok"::equals);
    ui.submit(By.id("tab-delegate-stages"));
    assertThat(ui.present(By.cssSelector("#subjects input[name=opinion]"))).isFalse();
    lap(started, "vetting");

    // 7. 初步人选: the 区纪委 consulted, 21 decided by the 区委常委会, the 市委's consent, the publicity
    LocalDate discipline = CALENDAR.plusWorkdays(vEnd, 1);
    step("discipline", discipline, "区纪委关于考察对象党风廉政情况的意见", "确认登记");
    LocalDate prelimDay = CALENDAR.plusWorkdays(discipline, 1);
    tick("#preliminary-form input[name=ids]", names(preliminary));
    ui.date("preliminary-date", prelimDay);
    ui.type("preliminary-doc", "区委常委会会议纪要（初步人选）");
    ui.submitConfirmed(By.id("decide-preliminary"), "确认确定");
    ui.noError();
    assertThat(ui.find(By.cssSelector("#overview-PRELIMINARY .o-active")).getText())
        .isEqualTo("21名");
    assertThat(texts("#preliminary-composition .c-status")).isNotEmpty().allMatch("符合"::equals);
    LocalDate consent = CALENDAR.plusWorkdays(prelimDay, 1);
    step("consent", consent, "中共XX市委组织部关于同意XX区代表候选人初步人选的函", "确认登记市委同意");
    assertThat(ui.text("upper-consent")).contains("市委同意初步人选");
    LocalDate pStart = CALENDAR.plusWorkdays(consent, 1);
    publicity(consent, pStart, CALENDAR.plusWorkdays(pStart, 3));
    assertThat(ui.text("error")).contains("其中工作日4个，少于5个工作日").contains("公示");
    LocalDate pEnd = CALENDAR.plusWorkdays(pStart, 4);
    publicity(consent, pStart, pEnd);
    ui.noError();
    assertThat(ui.text("preliminary-publicity")).contains(pStart + "至" + pEnd, "共5个工作日");
    lap(started, "preliminary");

    // 8. 预备人选: the solver's proposal keeps a locked name; the 区委全会 decides 21, the 市委组织部 reviews
    Person locked = preliminary.stream().min(Comparator.comparingInt(Person::votes)).orElseThrow();
    tick("#locks-form input[name=locked]", List.of(locked.name()));
    ui.submit(By.id("save-locks"));
    ui.noError();
    assertThat(ui.message()).contains("已更新锁定的人选");
    assertThat(
            ((JavascriptExecutor) ui.driver)
                .executeScript(
                    "return Array.from(document.querySelectorAll('#locks-form input[name=locked]'))"
                        + ".filter(i => i.checked).map(i => i.parentElement.textContent.trim());"))
        .isEqualTo(List.of(locked.name()));
    ui.type("size", "17");
    ui.submit(By.cssSelector("#size-form button"));
    List<String> proposed = List.of(ui.text("proposal-names").split("、"));
    assertThat(proposed).hasSize(17).contains(locked.name());
    assertThat(names(preliminary)).containsAll(proposed);
    assertThat(DelegatePool.unmet(proposed.stream().map(byName::get).toList(), day))
        .as("建议名单应符合各项结构要求")
        .isEmpty();
    ui.submit(By.id("tab-delegate-stages"));
    assertThat(List.of(ui.text("proposal-names").split("、")))
        .containsExactlyInAnyOrderElementsOf(names(preliminary));
    LocalDate prepDay = CALENDAR.plusWorkdays(pEnd, 1);
    ui.chooseValue(By.id("preparatory-body"), "STANDING_COMMITTEE");
    ui.date("preparatory-date", prepDay);
    ui.type("preparatory-doc", "区委全会决议（预备人选）");
    ui.submitConfirmed(By.id("decide-preparatory"), "确认确定");
    assertThat(ui.text("error")).contains("“圈选确定预备人选”应由区委全会作出，不能由区委常委会作出");
    List<WebElement> ticked =
        ui.driver.findElements(By.cssSelector("#preparatory-form input[name=ids]"));
    assertThat(ticked).hasSize(21).allMatch(WebElement::isSelected);
    ui.chooseValue(By.id("preparatory-body"), "PLENUM");
    ui.date("preparatory-date", prepDay);
    ui.type("preparatory-doc", "区委全会决议（预备人选）");
    ui.submitConfirmed(By.id("decide-preparatory"), "确认确定");
    ui.noError();
    assertThat(texts("#preparatory .pr-name"))
        .containsExactlyElementsOf(names(preliminary).stream().sorted(STROKES).toList());
    step("review", CALENDAR.plusWorkdays(prepDay, 1), "市委组织部初步审查意见", "确认登记市委组织部初步审查");
    assertThat(ui.text("preparatory-reviewed")).contains("市委组织部");
    assertThat(DelegateDocumentChecks.rosterNames(ui.download(stages("preparatory.xlsx"))))
        .containsExactlyInAnyOrderElementsOf(names(preliminary));
    assertThat(
            DelegateDocumentChecks.rosterNames(
                ui.download(stages("preparatory-registration.xlsx"))))
        .containsExactlyElementsOf(names(preliminary).stream().sorted(STROKES).toList());
    // the 市委's 批复 of the 预备人选: the 市委组织部 is the wrong body, refused; then the 市委
    LocalDate approvalDay = CALENDAR.plusWorkdays(prepDay, 2);
    ui.chooseValue(By.id("approval-body"), "UPPER_ORGANISATION");
    step0("approval", approvalDay, "市委关于XX区出席市党代会代表预备人选的批复", "确认登记市委批复");
    assertThat(ui.text("error")).contains("市委");
    assertThat(ui.present(By.id("upper-approval"))).isFalse();
    ui.chooseValue(By.id("approval-body"), "UPPER_COMMITTEE");
    step("approval", approvalDay, "市委关于XX区出席市党代会代表预备人选的批复", "确认登记市委批复");
    assertThat(ui.text("upper-approval")).contains("市委批复同意预备人选名单");
    lap(started, "preparatory");

    // 9. the conference: 21 预备人选 and 2 市委提名 for 18 seats; the quorum; the ballot; the totals
    ui.submit(By.id("tab-delegate-conference"));
    List<String> candidates = new ArrayList<>(names(preliminary));
    candidates.addAll(List.of("乌云其木格", "钱卫民"));
    candidates.sort(STROKES);
    assertThat(texts("#candidates .c-name")).containsExactlyElementsOf(candidates);
    assertThat(ui.text("margin")).contains("应选代表18名（含市委提名2名），代表候选人23名", "符合差额要求");
    notify("RESULT", day);
    assertThat(ui.text("error")).contains("不能登记“选举结果必知”");
    conference(day, 154);
    assertThat(ui.text("error")).contains("155");
    conference(day, 290);
    ui.noError();
    assertThat(ui.text("conference")).contains("应到会代表308名，实到会代表290名");
    assertThat(Ui.pdfText(ui.download(conf("rounds/1/ballot.pdf"))).replaceAll("\\s+", ""))
        .contains("出席" + CONGRESS + "代表选举选票", "应选18名")
        .contains(candidates.toArray(String[]::new));
    List<String> ballot = texts("#count-form-1 tbody tr td:first-child");
    assertThat(ballot).containsExactlyElementsOf(candidates);
    Map<String, Integer> yes = DelegatePool.votes(ballot);
    int valid = 288;
    ui.type("issued-1", "290");
    ui.type("returned-1", "290");
    ui.type("valid-1", "" + valid);
    ui.type("invalid-1", "2");
    List<String> counts = new ArrayList<>();
    for (String n : ballot) {
      int y = yes.get(n);
      counts.addAll(List.of("" + y, "" + (valid - y) / 2, "" + (valid - y - (valid - y) / 2)));
    }
    // the 69 cells of the tally sheet, row by row (赞成、不赞成、弃权)
    ((JavascriptExecutor) ui.driver)
        .executeScript(
            "const v = arguments[0]; let k = 0;"
                + "for (const tr of document.querySelectorAll('#count-form-1 tbody tr'))"
                + " for (const i of tr.querySelectorAll('input')) i.value = v[k++];",
            counts);
    ui.submitConfirmed(By.cssSelector("#count-form-1 button"), "确认登记");
    ui.noError();
    // more than half of the 308 expected (155 votes) and the 18 with the most votes among them
    List<String> elected =
        ballot.stream()
            .filter(n -> yes.get(n) * 2 > 308)
            .sorted(Comparator.comparingInt(yes::get).reversed())
            .limit(18)
            .sorted(STROKES)
            .toList();
    assertThat(ballot.stream().filter(n -> yes.get(n) * 2 > 308)).hasSize(19);
    assertThat(texts("#elected .el-name")).containsExactlyElementsOf(elected);
    assertThat(ui.text("elected-summary")).contains("代表18名");
    DelegateDocumentChecks.delegates(ui.download(conf("delegates.xlsx")), elected, yes, byName);
    DelegateDocumentChecks.report(ui.download(conf("report.docx")), ballot, elected, yes, valid);
    lap(started, "conference");

    // 10. the two publicities and the 五必知
    assertThat(texts("#publicities li"))
        .hasSize(2)
        .allMatch(t -> t.contains("5个工作日"))
        .anyMatch(t -> t.startsWith("考察预告及在考察对象所在单位公示：" + vStart))
        .anyMatch(t -> t.startsWith("初步人选公示：" + pStart));
    Map<String, LocalDate> told =
        Map.of(
            "RECOMMENDED", subjectsDay.minusDays(3),
            "SELECTED", subjectsDay.plusDays(1),
            "PRELIMINARY", pStart,
            "PREPARATORY", prepDay.plusDays(1));
    List<Map<String, Object>> notices = new ArrayList<>();
    told.forEach(
        (item, on) ->
            notices.add(
                PagePosts.request(
                    formAction("notification-form"),
                    Map.of(
                        "item",
                        item,
                        "notifiedOn",
                        on.toString(),
                        "audience",
                        "全区各基层党组织和党员",
                        "method",
                        "支部党员大会通报"),
                    null)));
    assertThat(PagePosts.post(ui.driver, notices)).as("五必知").allMatch("ok"::equals);
    notify("RESULT", day.plusDays(1));
    ui.noError();
    for (String item : List.of("RECOMMENDED", "SELECTED", "PRELIMINARY", "PREPARATORY", "RESULT")) {
      assertThat(ui.text("item-" + item)).contains("全区各基层党组织和党员").doesNotContain("尚未登记");
    }
    lap(started, "done");
  }

  // --- set-up through the services: the district and its 组织部 officer ------------------------

  private String setUp() {
    String tag = Long.toString(System.nanoTime() % 1_000_000);
    organisation = orgs.create("tester", null, "中共XX" + tag + "区委员会", "TOWN_COMMITTEE");
    String login = "zzb" + tag;
    long uid =
        users.insert(
            login,
            "组织部干部",
            new BCryptPasswordEncoder(4).encode(PASSWORD),
            false,
            false,
            Instant.now());
    jdbc.update(
        "INSERT INTO role_grant (user_id, organisation_id, role, created_at) VALUES (?, ?, ?, ?)",
        uid,
        organisation,
        Role.ELECTION_ADMIN.name(),
        Timestamp.from(Instant.now()));
    return login;
  }

  // --- steps on the pages ---------------------------------------------------------------------

  private void upper(String name, String gender, LocalDate birth, String ethnicity, String post) {
    ui.type("upperName", name);
    ui.choose(By.id("upperGender"), gender);
    ui.date("upperBirth", birth);
    ui.type("upperEthnicity", ethnicity);
    ui.type("upperOccupation", post);
    ui.type("upperDocument", "中共XX市委关于提名" + name + "同志为代表候选人的通知");
    ui.submitConfirmed(By.id("add-upper"), "确认登记这名上级党委提名的代表候选人");
    ui.noError();
  }

  private void upload(Path dir, String title, List<Person> people, boolean reversed)
      throws Exception {
    Path file = dir.resolve(title + ".xlsx");
    Files.write(file, DelegatePool.xlsx(title + "推荐人选名单", people, reversed));
    ui.id("file").sendKeys(file.toAbsolutePath().toString());
    ui.submitConfirmed(By.id("import-list"), "确认导入");
  }

  /** Records a step with its body, date and document on 考察与人选 (forms with the prefix's ids). */
  private void step(String prefix, LocalDate on, String document, String question) {
    step0(prefix, on, document, question);
    ui.noError();
  }

  private void step0(String prefix, LocalDate on, String document, String question) {
    ui.date(prefix + "-date", on);
    ui.type(prefix + "-doc", document);
    ui.submitConfirmed(By.cssSelector("#" + prefix + "-form button"), question);
  }

  private void publicity(LocalDate announced, LocalDate from, LocalDate to) {
    ui.date("pp-announced", announced);
    ui.date("pp-start", from);
    ui.date("pp-end", to);
    ui.type("pp-doc", "出席市第十二次党代会代表候选人初步人选公示通告");
    ui.submitConfirmed(By.id("record-publicity"), "确认登记");
  }

  private void conference(LocalDate on, int present) {
    ui.date("c-date", on);
    ui.type("c-expected", "308");
    ui.type("c-present", "" + present);
    ui.submitConfirmed(By.cssSelector("#conference-form button"), "确认登记");
  }

  private void notify(String item, LocalDate on) {
    ui.chooseValue(By.id("n-item"), item);
    ui.date("n-date", on);
    ui.type("n-audience", "全区各基层党组织和党员");
    ui.type("n-method", "支部党员大会通报");
    ui.submitConfirmed(By.cssSelector("#notification-form button"), "确认登记");
  }

  /**
   * Ticks the checkboxes whose label starts with one of the names (「姓名（…）」 or the name), in one
   * script for the long lists of the stages' forms; fails unless each name has its box.
   */
  private void tick(String css, List<String> names) {
    Object ticked =
        ((JavascriptExecutor) ui.driver)
            .executeScript(
                "const names = arguments[1]; let n = 0;"
                    + "for (const i of document.querySelectorAll(arguments[0])) {"
                    + " const t = i.parentElement.textContent.trim();"
                    + " if (names.some(x => t === x || t.startsWith(x + '（'))) {"
                    + "  i.checked = true; n++; } }"
                    + "return n;",
                css,
                names);
    assertThat(((Number) ticked).intValue()).as("勾选 %s", names).isEqualTo(names.size());
  }

  private WebElement subjectRow(String name) {
    return ui.find(
        By.xpath("//table[@id='subjects']//tr[td[@class='s-name' and text()='" + name + "']]"));
  }

  private String formAction(String formId) {
    return path(ui.id(formId).getAttribute("action"));
  }

  // --- small helpers --------------------------------------------------------------------------

  private static List<String> names(List<Person> people) {
    return people.stream().map(Person::name).toList();
  }

  @SuppressWarnings("unchecked")
  private List<String> texts(String css) {
    return (List<String>)
        ((JavascriptExecutor) ui.driver)
            .executeScript(
                "return Array.from(document.querySelectorAll(arguments[0]))"
                    + ".map(e => e.textContent.trim());",
                css);
  }

  private void setValue(WebElement e, String value) {
    ((JavascriptExecutor) ui.driver)
        .executeScript(
            "arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
            e,
            value);
  }

  private static LocalDate onOrAfterWorkday(LocalDate d) {
    LocalDate x = d;
    while (!CALENDAR.isWorkday(x)) {
      x = x.plusDays(1);
    }
    return x;
  }

  private String path(String url) {
    return url.startsWith(ui.base()) ? url.substring(ui.base().length()) : url;
  }

  private String delegates(String file) {
    return "/elections/" + election + "/delegates/" + file;
  }

  private String stages(String file) {
    return delegates("stages/" + file);
  }

  private String conf(String file) {
    return delegates("conference/" + file);
  }

  private static void lap(long started, String what) {
    System.out.printf(
        "DelegatesBrowserTest %s: %.1f s%n", what, (System.nanoTime() - started) / 1e9);
  }
}
