package xuanju.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import xuanju.server.support.H2AppTest;

/**
 * The preparation of a branch election in a real browser (党支部换届选举筹备，浏览器全流程): the administrator sets
 * up a town, a branch and two users; the branch administrator imports a 45-member roster, creates
 * the election (5 seats) and reports the plan; the town officer approves; the five-category
 * exclusions are approved, published and adopted (43 expected); recommendations lead to a
 * preliminary list of 7, its publicity with one report handled, 6 pre-candidates, and after the
 * officer's approval 6 formal candidates in surname-stroke order. Every step is done by typing and
 * clicking on the real pages; screenshots go to {@code target/screenshots/prep-*.png}.
 */
class PreparationBrowserTest extends H2AppTest {
  /** The six formal candidates in surname-stroke order: 丁2 王4 石5 刘6 李7 罗8. */
  static final List<String> STROKE_ORDER = List.of("丁一凡", "王春华", "石磊", "刘晓燕", "李文", "罗志刚");

  @LocalServerPort int port;
  Ui ui;

  @AfterEach
  void quit() {
    if (ui != null) {
      ui.driver.quit();
    }
  }

  @Test
  void branchElectionIsPreparedFromRosterToFormalCandidates() throws Exception {
    long started = System.nanoTime();
    ui = new Ui(Browser.start(), port);
    int n = ThreadLocalRandom.current().nextInt(10_000, 100_000);
    String town = "红旗镇党委" + n;
    String branch = "红旗镇第一党支部" + n;
    String branchAdmin = "h12branch" + n;
    String officer = "h12town" + n;
    String branchPassword = "ZhiBu2026pass";
    String officerPassword = "ZhenWei2026pass";
    LocalDate today = LocalDate.now();

    // the people: 8 are recommended (votes), 2 are excluded from the meeting, 45 in all
    Map<String, Integer> votes = new LinkedHashMap<>();
    votes.put("李文", 38);
    votes.put("刘晓燕", 36);
    votes.put("罗志刚", 35);
    votes.put("王春华", 33);
    votes.put("丁一凡", 30);
    votes.put("石磊", 29);
    votes.put("高峰", 25);
    votes.put("胡明", 3);
    List<BranchMembers.Person> people = BranchMembers.branch(new ArrayList<>(votes.keySet()), 45);
    assertThat(people).hasSize(45);
    String excludedA = people.get(20).name();
    String excludedB = people.get(31).name();
    Path rosterFile = BranchMembers.file("中共" + branch + "党员名册", people);

    // 1. the administrator: town, branch, two users with roles
    ui.login(ADMIN, ADMIN_PASSWORD);
    ui.open("/admin/users");
    ui.type("org-name", town);
    ui.chooseValue(By.id("org-parent"), "");
    ui.chooseValue(By.id("org-kind"), "TOWN_COMMITTEE");
    ui.submit(By.id("create-org"));
    ui.noError();
    assertThat(ui.text("admin-message")).contains(town);
    ui.type("org-name", branch);
    ui.choose(By.id("org-parent"), town);
    ui.chooseValue(By.id("org-kind"), "BRANCH");
    ui.submit(By.id("create-org"));
    ui.noError();
    assertThat(ui.text("org-list")).contains(town, branch);

    String branchGenerated = createUser(branchAdmin, "张支书");
    String officerGenerated = createUser(officer, "赵组织委员");
    grant(branchAdmin, branch, "ELECTION_ADMIN", "选举工作管理员");
    grant(officer, town, "UPPER_OFFICER", "上级组织审批人员");
    assertThat(ui.text("users")).contains(branchAdmin, officer, "张支书", "赵组织委员");
    ui.shot("prep-01-admin-users");
    ui.logout();

    // 2. the branch administrator: first login, roster import of 45 members
    ui.firstLogin(branchAdmin, branchGenerated, branchPassword);
    assertThat(ui.text("organisations")).contains(branch).doesNotContain(town);
    ui.submit(By.id("nav-roster"));
    ui.submit(By.linkText(branch));
    assertThat(ui.text("org-name")).isEqualTo(branch);
    assertThat(ui.text("stat-total")).isEqualTo("0");
    assertThat(ui.present(By.id("empty-roster"))).isTrue();
    ui.submit(By.id("import-link"));
    ui.id("file").sendKeys(rosterFile.toAbsolutePath().toString());
    assertThat(ui.id("mode-REJECT_EXISTING").isSelected()).isTrue();
    ui.id("import-submit").click(); // htmx: the result replaces #import-result
    WebElement outcome =
        new WebDriverWait(ui.driver, java.time.Duration.ofSeconds(60))
            .until(
                ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#import-ok, #import-failed")));
    assertThat(outcome.getAttribute("id")).as("导入结果：%s", outcome.getText()).isEqualTo("import-ok");
    assertThat(outcome.getText()).contains("45");
    ui.shot("prep-02-roster-import");
    ui.submit(By.linkText("查看名册"));
    assertThat(ui.text("stat-total")).isEqualTo("45");
    assertThat(ui.text("stat-full")).isEqualTo("45");
    assertThat(ui.text("stat-probationary")).isEqualTo("0");
    assertThat(ui.text("stat-vote")).isEqualTo("45");
    assertThat(ui.driver.findElements(By.cssSelector("#members tbody tr"))).hasSize(45);
    assertThat(ui.text("members")).contains("李文", excludedA, "1509**********");
    ui.fullShot("prep-03-roster");

    // 3. the election: 5 seats
    ui.submit(By.id("nav-elections"));
    ui.submit(By.id("new-election"));
    ui.choose(By.id("organisationId"), branch);
    ui.chooseValue(By.id("kind"), "PARTY_BRANCH");
    String title = "中共" + branch + "委员会换届选举";
    ui.type("title", title);
    LocalDate electionDay = today.plusDays(40);
    ui.date("electionDay", electionDay);
    ui.type("seats", "5");
    ui.submit(By.id("create-election"));
    ui.noError();
    assertThat(ui.path()).matches("/elections/\\d+");
    long electionId = Long.parseLong(ui.path().substring("/elections/".length()));
    assertThat(ui.text("election-title")).isEqualTo(title);
    assertThat(ui.text("election-status")).isEqualTo("方案起草中");
    assertThat(ui.text("plan-facts")).contains("5 名", electionDay.toString());
    ui.shot("prep-04-election");

    // 4. the plan and its request
    ui.submit(By.id("tab-plan"));
    assertThat(ui.text("with-vote")).isEqualTo("45 名");
    assertThat(ui.present(By.id("findings-ok"))).isTrue();
    ui.date("termStart", today.minusYears(3).plusDays(40));
    ui.date("termExpiry", today.plusDays(40));
    ui.type("method", "党员大会无记名投票，差额选举产生支部委员会委员5名，委员会选举书记、副书记");
    ui.type("meetingPlace", "红旗镇党群服务中心会议室");
    ui.submit(By.id("save-plan"));
    ui.noError();
    assertThat(ui.message()).contains("方案已保存");
    assertThat(ui.id("seats").getAttribute("value")).isEqualTo("5");
    ui.submitConfirmed(By.id("submit-plan"), "应选5名，选举日" + electionDay + "，有表决权的党员45名");
    ui.noError();
    assertThat(ui.message()).contains("请示已报送上级党组织");
    assertThat(ui.text("election-status")).isEqualTo("请示已报上级待批复");
    assertThat(ui.text("requests")).contains(branchAdmin, "待批复");
    ui.fullShot("prep-05-plan-submitted");
    ui.logout();

    // 5. the town officer: first login, approves the request
    ui.firstLogin(officer, officerGenerated, officerPassword);
    assertThat(ui.text("organisations")).contains(town, branch);
    ui.submit(By.id("nav-elections"));
    assertThat(ui.text("elections")).contains(title, "请示已报上级待批复");
    ui.submit(By.linkText(title));
    ui.submit(By.id("tab-plan"));
    assertThat(ui.present(By.id("plan-form"))).isFalse(); // the officer cannot edit the plan
    ui.type("comment", "同意你支部按方案进行换届选举");
    ui.submitConfirmed(By.id("approve"), "确定同意" + branch + "的换届选举请示（应选5名");
    ui.noError();
    assertThat(ui.message()).contains("已批复同意");
    assertThat(ui.text("election-status")).isEqualTo("上级已批复，候选人推荐中");
    assertThat(ui.text("requests")).contains("同意你支部按方案进行换届选举", officer);
    ui.fullShot("prep-06-plan-approved");
    ui.logout();

    // 6. five-category exclusions (五类人员): two members, reported to the town
    ui.login(branchAdmin, branchPassword);
    ui.open("/elections/" + electionId);
    ui.submit(By.id("tab-attendance"));
    assertThat(ui.text("expected")).isEqualTo("45");
    String reasonA = firstOption(By.id("reason"));
    exclude(excludedA, reasonA, "长期住院治疗");
    exclude(excludedB, "自费出国半年以上", "2026年3月出国");
    assertThat(ui.text("exclusions")).contains(excludedA, excludedB, "自费出国半年以上");
    ui.submit(By.id("submit-list"));
    ui.noError();
    assertThat(ui.message()).contains("名单已报上级党组织");
    ui.shot("prep-07-attendance-submitted");
    ui.logout();

    ui.login(officer, officerPassword);
    ui.open("/elections/" + electionId + "/attendance");
    ui.submit(By.cssSelector("#list-decision button[value=APPROVED]"));
    ui.noError();
    assertThat(ui.message()).contains("已同意名单");
    ui.logout();

    // posted ten days ago, adopted today by the members' meeting
    ui.login(branchAdmin, branchPassword);
    ui.open("/elections/" + electionId + "/attendance");
    LocalDate posted = today.minusDays(10);
    ui.date("postingDate", posted);
    ui.submit(By.cssSelector("#publish button[type=submit]"));
    ui.noError();
    assertThat(ui.message()).contains("已登记张贴公示");
    assertThat(ui.text("publicity")).contains(posted.toString());
    ui.type("present", "40");
    ui.type("yes", "39");
    ui.type("no", "1");
    ui.type("abstain", "0");
    ui.submit(By.cssSelector("#adopt button[type=submit]"));
    ui.noError();
    assertThat(ui.message()).contains("已登记党员大会通过名单");
    assertThat(ui.text("adopted")).contains("到会 40", "赞成 39");
    assertThat(ui.text("members-with-vote")).isEqualTo("45");
    assertThat(ui.text("excluded")).isEqualTo("2");
    assertThat(ui.text("expected")).isEqualTo("43");
    assertThat(ui.driver.findElements(By.cssSelector("#voters tr"))).hasSize(43);
    assertThat(ui.text("voters")).doesNotContain(excludedA).doesNotContain(excludedB);
    ui.fullShot("prep-08-attendance-adopted");

    // 7. recommendations (两推): meeting rule, attendance, typed totals, one ballot
    ui.submit(By.id("tab-nomination"));
    ui.find(By.cssSelector("details.card > summary")).click();
    ui.chooseValue(By.cssSelector("#settings-form select[name=meetingRule]"), "MORE_THAN_60");
    ui.submit(By.cssSelector("#settings-form button[type=submit]"));
    ui.noError();
    assertThat(ui.message()).contains("设置已保存");
    ui.type(By.cssSelector("#meeting-form input[name=expected]"), "43");
    ui.type(By.cssSelector("#meeting-form input[name=present]"), "40");
    ui.submit(By.cssSelector("#meeting-form button[type=submit]"));
    ui.noError();
    assertThat(ui.message()).contains("推荐会人数已登记");
    for (var v : votes.entrySet()) {
      ui.choose(By.cssSelector("#add-nominee-form select[name=memberId]"), v.getKey());
      ui.type(By.cssSelector("#add-nominee-form input[name=typedVotes]"), v.getValue().toString());
      if (v.getKey().equals("高峰")) {
        ui.check(ui.find(By.cssSelector("#add-nominee-form input[name=upperRecommended]")));
      }
      ui.submit(By.cssSelector("#add-nominee-form button[type=submit]"));
      ui.noError();
      assertThat(ui.message()).contains("已加入推荐名单");
    }
    Select ballot = new Select(ui.find(By.cssSelector("#ballot-form select[name=memberIds]")));
    ballot.selectByVisibleText("石磊");
    ballot.selectByVisibleText("胡明");
    ui.submit(By.cssSelector("#ballot-form button[type=submit]"));
    ui.noError();
    assertThat(ui.message()).contains("推荐票已录入");
    assertThat(ui.driver.findElements(By.cssSelector("#nominees tbody tr[id^=nominee-]")))
        .hasSize(8);
    assertThat(cell("石磊", 7)).startsWith("30"); // 29 typed + 1 ballot
    assertThat(cell("高峰", 8)).isEqualTo("是");
    ui.fullShot("prep-09-nomination-recommendation");

    // too few: 6 for 5 seats is refused with the rule code, then 7 are confirmed, posted 15 days
    // ago
    List<String> preliminary = List.of("李文", "刘晓燕", "罗志刚", "王春华", "丁一凡", "石磊", "高峰");
    for (String name : preliminary.subList(0, 6)) {
      ui.check(row("nominees", name).findElement(By.name("nomineeIds")));
    }
    ui.submitConfirmed(By.id("confirm-preliminary"), "公示开始后名单不能更改");
    assertThat(ui.text("flash-error")).contains("至少7名").doesNotContain("PARTY.");
    for (String name : preliminary) {
      ui.check(row("nominees", name).findElement(By.name("nomineeIds")));
    }
    LocalDate postedOn = today.minusDays(15);
    ui.date(By.cssSelector("input[name=postedOn]"), postedOn);
    ui.submitConfirmed(By.id("confirm-preliminary"), "公示开始后名单不能更改");
    ui.noError();
    assertThat(ui.message()).contains("初步人选已确定，公示开始");
    assertThat(ui.text("publicity")).contains(postedOn.toString(), "5日");
    assertThat(
            ui.driver.findElements(
                By.xpath("//table[@id='nominees']//span[normalize-space()='初步人选']")))
        .hasSize(7);

    // 8. publicity: a report registered and handled, then the publicity is closed
    ui.date(By.cssSelector("#report-form input[name=receivedOn]"), today.minusDays(12));
    ui.type(By.cssSelector("#report-form input[name=content]"), "反映高峰同志长期不参加组织生活");
    ui.submit(By.cssSelector("#report-form button[type=submit]"));
    ui.noError();
    assertThat(ui.message()).contains("举报已登记");
    assertThat(ui.text("reports")).contains("反映高峰同志长期不参加组织生活", "未处理");
    ui.shot("prep-10-nomination-publicity");
    WebElement reportRow = row("reports", "反映高峰同志长期不参加组织生活");
    ui.type(reportRow.findElement(By.name("handling")), "支部会同纪检委员核查组织生活记录");
    reportRow = row("reports", "反映高峰同志长期不参加组织生活");
    ui.type(reportRow.findElement(By.name("outcome")), "反映不属实，已向举报人反馈");
    ui.submit(row("reports", "反映高峰同志长期不参加组织生活").findElement(By.tagName("button")));
    ui.noError();
    assertThat(ui.message()).contains("查核处理情况已记录");
    assertThat(ui.text("reports")).contains("已处理");
    ui.submitConfirmed(By.id("close-publicity"), "进入资格审查");
    ui.noError();
    assertThat(ui.message()).contains("公示结束");

    // 9. review: 6 pre-candidates reported to the town
    for (String name : STROKE_ORDER) {
      ui.check(row("pre-form", name).findElement(By.name("nomineeIds")));
    }
    ui.fullShot("prep-11-nomination-review");
    ui.submit(By.id("submit-pre"));
    ui.noError();
    assertThat(ui.message()).contains("预备人选已确定并报上级党组织审批");
    assertThat(ui.text("step-approval")).contains("等待批复");
    assertThat(
            ui.driver.findElements(
                By.xpath("//table[@id='nominees']//span[normalize-space()='预备人选']")))
        .hasSize(6);
    ui.fullShot("prep-12-nomination-submitted");
    ui.logout();

    // 10. the officer approves: 6 formal candidates in stroke order
    ui.login(officer, officerPassword);
    ui.open("/elections/" + electionId + "/nomination");
    ui.type(By.cssSelector("#approve-form input[name=comment]"), "经审查，同意");
    ui.submit(By.cssSelector("#approve-form button[type=submit]"));
    ui.noError();
    assertThat(ui.message()).contains("已批准，正式候选人已确定");
    assertThat(ui.text("election-status")).isEqualTo("正式候选人已确定");
    List<String> formal =
        ui.driver.findElements(By.cssSelector("#formal li span:first-child")).stream()
            .map(e -> e.getText().strip())
            .toList();
    assertThat(formal).containsExactlyElementsOf(STROKE_ORDER);
    assertThat(ui.text("margins")).contains("应选 5 名");
    ui.fullShot("prep-13-formal-candidates");
    ui.logout();

    long seconds = (System.nanoTime() - started) / 1_000_000_000L;
    System.out.println("PreparationBrowserTest: 浏览器全流程用时 " + seconds + " 秒");
  }

  /** On /admin/users: creates a user and returns the generated password shown once. */
  private String createUser(String username, String displayName) {
    ui.type("new-username", username);
    ui.type("new-display", displayName);
    ui.submit(By.id("create-user"));
    ui.noError();
    String msg = ui.text("admin-message");
    assertThat(msg).contains("已创建用户 " + username);
    return Ui.generatedPassword(msg);
  }

  private void grant(String username, String organisation, String role, String roleZh) {
    ui.type("grant-user", username);
    ui.choose(By.id("grant-org"), organisation);
    ui.chooseValue(By.id("grant-role"), role);
    ui.submit(By.id("grant-submit"));
    ui.noError();
    assertThat(ui.text("admin-message")).contains(username, roleZh);
  }

  private void exclude(String name, String reason, String note) {
    ui.choose(By.id("memberId"), name);
    ui.choose(By.id("reason"), reason);
    ui.type("note", note);
    ui.submit(By.cssSelector("#add-exclusion button[type=submit]"));
    ui.noError();
    assertThat(ui.message()).contains("已列入名单");
  }

  private String firstOption(By select) {
    return new Select(ui.find(select)).getOptions().get(0).getText();
  }

  /** The row of the table (or form) with id {@code containerId} that has a cell {@code text}. */
  private WebElement row(String containerId, String text) {
    return ui.find(
        By.xpath("//*[@id='" + containerId + "']//tr[td[normalize-space()='" + text + "']]"));
  }

  /** The text of cell {@code column} (1-based) of the nominee row named {@code name}. */
  private String cell(String name, int column) {
    return row("nominees", name).findElement(By.xpath("./td[" + column + "]")).getText().strip();
  }
}
