package xuanju.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import xuanju.core.community.CommitteePost;
import xuanju.core.community.ReviewBody;
import xuanju.core.roster.ResidentIds;
import xuanju.server.community.ApplicationService;
import xuanju.server.community.PostTallyService;
import xuanju.server.community.QualificationReviewService;
import xuanju.server.community.RepresentativesService;
import xuanju.server.election.ElectionForm;
import xuanju.server.election.ElectionKind;
import xuanju.server.election.ElectionService;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.register.RegisterFixtures;
import xuanju.server.register.RegistrationService;
import xuanju.server.support.H2AppTest;
import xuanju.server.support.SignIn;

/**
 * A community's residents' committee election in a real browser (社区居民委员会换届选举，浏览器全流程), after seed
 * 002 (诺恩吉雅社区). A community of 2,000 residents in 8 grids imports its register through the register
 * page (the voter list itself is built through the service: it is tested by {@link
 * TownRegisterBrowserTest}). Through the pages: the two polling places (a central station and a
 * mobile box); the 居民选举委员会 of five, one member applying as 委员 (the formal list is refused while she
 * stays on; she leaves and the next in the original vote replaces her); written applications for
 * 主任, 副主任 and 委员 with the party organisation's recommendation and a non-voter refused; the joint
 * review with the six bodies' written opinions, one applicant barred by 第1项 of the checklist; a
 * candidate's spouse refused as 计票人 and as 代写人, a writer not vetted refused; the formal list per
 * post in 姓氏笔画 order (the barred applicant and too few 委员 refused); the 选举办法 drafted, two votes of
 * the 居民代表会议 below the threshold refused, adopted and posted; election day with three proxies for
 * one holder (a fourth refused), a first vote at exactly half of the voters (failed, held again),
 * 主任 and 副主任 elected, a 委员 seat filled by 另行选举, every number checked against what the test entered.
 *
 * <p>Each stage is one private method, so that the 社区换届 term, the supervision committee, the
 * representatives and the results documents can be appended.
 */
class CommunityBrowserTest extends H2AppTest {
  private static final int GRIDS = 8;
  private static final int PER_GRID = 250;
  private static final int MINORS_PER_GRID = 5;
  private static final int VOTERS = GRIDS * (PER_GRID - MINORS_PER_GRID);
  private static final DateTimeFormatter YMD = DateTimeFormatter.BASIC_ISO_DATE;

  /** The named residents of the scenario: committee, applicants, relatives and staff. */
  private static final List<String> NAMED =
      List.of(
          "郑美凡",
          "孙立平",
          "何淑珍",
          "吴国庆",
          "高丽华",
          "唐晓亮", // 居民选举委员会 (+ the replacement)
          "王建国",
          "丁秀英",
          "马占山", // 主任
          "石磊",
          "刘海燕", // 副主任
          "李红梅",
          "周晓东",
          "赵文博",
          "黄志强", // 委员 (and 高丽华)
          "张桂兰",
          "林涛",
          "韩冬梅",
          "许文",
          "许武" // 王建国's spouse, staff
          );

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired OrganisationService orgs;
  @Autowired ElectionService elections;
  @Autowired RegistrationService registration;
  @Autowired QualificationReviewService reviews;
  @Autowired RepresentativesService representatives;
  @Autowired ApplicationService applicationService;
  @Autowired PostTallyService tallies;
  Ui ui;

  @AfterEach
  void quit() {
    if (ui != null) {
      ui.driver.quit();
    }
  }

  private long street;
  private long community;
  private long branch;
  private final Map<Integer, List<String>> grids = new LinkedHashMap<>();
  private String communityName;
  private long election;
  private long district;
  private final Map<String, String> ids = new LinkedHashMap<>();
  private final List<String> others = new ArrayList<>();
  private final List<String> minors = new ArrayList<>();
  private final Map<String, Long> boxes = new LinkedHashMap<>();

  @Test
  void aCommunityElectsItsResidentsCommittee() throws Exception {
    step("set-up", this::setUp);
    ui = new Ui(Browser.start(), port);
    ui.login(ADMIN, ADMIN_PASSWORD);
    step("register", this::importRegister);
    step("voters", this::registerVoters);
    step("stations", this::pollingPlaces);
    step("committee", this::electionCommittee);
    step("applications", this::applications);
    step("review", this::jointReview);
    step("relatives", this::relativesAndStaff);
    step("formal", this::formalList);
    step("method", this::electionMethod);
    CommunityDaySteps day =
        new CommunityDaySteps(ui, jdbc, tallies, election, communityName, boxes, others, VOTERS);
    step("day", day::electionDay);
    // the rest of the 换届 (pages of the term, the supervision committee, the representatives)
    CommunityTermSteps term = new CommunityTermSteps(ui, jdbc, election, community, branch, ids);
    step("term", term::termAndParty);
    step("supervision", term::supervision);
    step("representatives", () -> term.representatives(representatives, grids));
    step("results", day::results);
    step("summary", term::summaryDocuments);
    step("certificates and report", () -> day.certificatesAndReport(GRIDS));
  }

  /** A stage of the walk-through; its time goes to the test's output. */
  interface Stage {
    void run() throws Exception;
  }

  private void step(String name, Stage s) throws Exception {
    long t0 = System.nanoTime();
    s.run();
    System.out.printf(
        "CommunityBrowserTest %s: %d ms%n", name, (System.nanoTime() - t0) / 1_000_000);
  }

  // --- 1. the register and the polling places -----------------------------------------------

  /** 2,000 residents of 8 grids from a .csv through the register's import page. */
  private void importRegister() throws Exception {
    Path csv = Files.createTempDirectory("xuanju-community").resolve(communityName + "居民名册.csv");
    Files.writeString(csv, register(), StandardCharsets.UTF_8);
    ui.open("/people/import?org=" + community);
    ui.id("file").sendKeys(csv.toAbsolutePath().toString());
    ui.submit(By.id("import-submit"));
    assertThat(ui.text("import-ok")).contains("导入居民名册 " + GRIDS * PER_GRID + " 人");
    ui.open("/people?org=" + community);
    assertThat(ui.text("matching")).isEqualTo("共 " + GRIDS * PER_GRID + " 人");
    ui.open("/people?org=" + community + "&group=第" + GRIDS + "网格");
    assertThat(ui.text("matching")).isEqualTo("共 " + PER_GRID + " 人");
  }

  private void registerVoters() {
    SignIn.as("admin", true, () -> registration.registerAll(election, null));
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM voter_registration WHERE election_id = ? AND status = 'LISTED'",
                Long.class,
                election))
        .isEqualTo((long) VOTERS);
  }

  /** The central station and a mobile box, on the district's page. */
  private void pollingPlaces() {
    ui.open("/elections/" + election + "/districts/" + district);
    for (String[] s : new String[][] {{"社区中心投票站", "社区党群服务中心"}, {"流动票箱", "行动不便的选民家中"}}) {
      setValue(ui.id("s-name"), s[0]);
      setValue(ui.id("s-address"), s[1]);
      if (s[0].equals("流动票箱")) {
        ui.check(ui.id("s-mobile"));
      }
      ui.submit(By.id("add-station"));
      ui.noError();
      boxes.put(
          s[0],
          jdbc.queryForObject(
              "SELECT id FROM polling_station WHERE district_id = ? AND name = ?",
              Long.class,
              district,
              s[0]));
    }
    assertThat(
            ui.driver.findElements(By.cssSelector("#stations input[name=name]")).stream()
                .map(x -> x.getAttribute("value")))
        .containsExactly("社区中心投票站", "流动票箱");
  }

  // --- 2. the residents' election committee ---------------------------------------------------

  private String candidates() {
    return "/elections/" + election + "/community/candidates";
  }

  private void electionCommittee() {
    ui.open(candidates());
    assertThat(ui.text("planned-size")).isEqualTo("5");
    // a member appointed instead of chosen is refused, nothing recorded
    addMember("唐晓亮", "OTHER", false, null);
    assertThat(ui.text("error")).contains("唐晓亮不是由居民会议、居民代表会议或居民小组会议推选产生的");
    assertThat(ui.present(By.id("no-members"))).isTrue();
    for (String m : List.of("郑美凡", "孙立平", "何淑珍", "吴国庆", "高丽华")) {
      addMember(m, "RESIDENTS_MEETING", m.equals("郑美凡"), null);
      ui.noError();
    }
    assertThat(memberNames()).containsExactly("郑美凡", "孙立平", "何淑珍", "吴国庆", "高丽华");
    assertThat(ui.text("committee-findings")).doesNotContain("应当退出");
  }

  private void addMember(String name, String chosenBy, boolean chair, String replaces) {
    setValue(ui.id("member-residentId"), ids.get(name));
    select(By.id("chosenBy"), chosenBy);
    if (chair) {
      ui.check(ui.id("chair"));
    }
    if (replaces != null) {
      selectText(By.id("replacesMemberId"), replaces);
      select(By.id("method"), "NEXT_IN_ORIGINAL_VOTE");
    }
    ui.submitConfirmed(By.id("add-member"), "登记这名居民选举委员会成员");
  }

  private List<String> memberNames() {
    return ui.driver.findElements(By.cssSelector("#committee-members .member-name")).stream()
        .map(WebElement::getText)
        .toList();
  }

  // --- 3. applications, the joint review, relatives ------------------------------------------

  /** Applicants by post (主任 DIRECTOR, 副主任 DEPUTY_DIRECTOR, 委员 MEMBER). */
  private static final Map<String, String> APPLICANTS = applicants();

  private static Map<String, String> applicants() {
    Map<String, String> m = new LinkedHashMap<>();
    for (String n : List.of("王建国", "丁秀英", "马占山")) {
      m.put(n, "DIRECTOR");
    }
    for (String n : List.of("石磊", "刘海燕")) {
      m.put(n, "DEPUTY_DIRECTOR");
    }
    for (String n : List.of("李红梅", "周晓东", "赵文博", "黄志强", "高丽华")) {
      m.put(n, "MEMBER");
    }
    return m;
  }

  private void applications() {
    ui.open(candidates());
    // a resident under 18 is not on the voter list
    apply(minors.get(0), "MEMBER", false);
    assertThat(ui.text("error")).contains("不是本次选举登记在册的选民");
    // the four 委员 applicants other than 高丽华 are entered as the page does (they would repeat it)
    List<String> byService = List.of("李红梅", "周晓东", "赵文博", "黄志强");
    SignIn.as(
        "admin",
        true,
        () -> {
          for (String n : byService) {
            applicationService.apply(
                election, ids.get(n), CommitteePost.MEMBER, LocalDate.now(), false);
          }
        });
    for (Map.Entry<String, String> a : APPLICANTS.entrySet()) {
      if (!byService.contains(a.getKey())) {
        apply(ids.get(a.getKey()), a.getValue(), a.getKey().equals("王建国"));
        ui.noError();
      }
    }
    // a second application of the same person is refused
    apply(ids.get("石磊"), "MEMBER", false);
    assertThat(ui.text("error")).contains("石磊", "每人只能报名一个职位");
    // the party organisation recommends 刘海燕 after her application
    ui.submitConfirmed(
        By.cssSelector(
            "form[action$='/applications/" + applicationId("刘海燕") + "/recommend'] button"),
        "确认社区党组织推荐刘海燕");
    ui.noError();
    assertThat(applicantRow("刘海燕").getText()).contains("社区党组织推荐");
    assertThat(applicantRow("王建国").getText()).contains("社区党组织推荐");
    assertThat(applicantRow("石磊").getText()).doesNotContain("社区党组织推荐");
    assertThat(ui.driver.findElements(By.cssSelector("#applications tbody tr")))
        .hasSize(APPLICANTS.size());
    // 高丽华, a member of the election committee, applied: the committee shows that she must leave
    assertThat(ui.text("committee-findings")).contains("高丽华", "应当退出居民选举委员会");
  }

  private void apply(String residentId, String post, boolean recommended) {
    setValue(ui.id("apply-residentId"), residentId);
    select(By.id("post"), post);
    if (recommended) {
      ui.check(ui.id("partyRecommended"));
    }
    ui.submitConfirmed(By.id("apply"), "登记这项书面报名");
  }

  private static final List<String> BODIES =
      List.of(
          "ORGANISATION", "CIVIL_AFFAIRS", "PUBLIC_SECURITY", "DISCIPLINE", "COURT", "PETITIONS");

  /** Every body's written opinion on every applicant; the court names 第1项 for 马占山. */
  private void jointReview() throws Exception {
    ui.open(candidates());
    assertThat(ui.text("required-bodies"))
        .contains("组织部门", "民政部门", "公安机关", "纪检监察机关", "人民法院", "信访部门");
    for (String a : APPLICANTS.keySet()) {
      if (a.equals("马占山")) {
        opinion(a, "ORGANISATION", null, "");
        opinion(a, "COURT", "CRIMINAL", "（2024）内0525刑初36号刑事判决书");
        continue;
      }
      if (a.equals("王建国")) {
        // two bodies through the page: still waiting for the other four
        opinion(a, "ORGANISATION", null, "");
        opinion(a, "CIVIL_AFFAIRS", null, "");
        assertThat(applicantRow(a).findElement(By.className("review")).getText()).contains("待联审");
      }
      // the remaining written opinions are entered as the page does (they would only repeat it)
      long app = applicationId(a);
      SignIn.as(
          "admin",
          true,
          () -> {
            for (String body : BODIES) {
              if (!a.equals("王建国") || !List.of("ORGANISATION", "CIVIL_AFFAIRS").contains(body)) {
                reviews.recordOpinion(
                    election, app, ReviewBody.valueOf(body), true, LocalDate.now(), null, "", null);
              }
            }
          });
    }
    ui.open(candidates());
    for (String a : APPLICANTS.keySet()) {
      String review = applicantRow(a).findElement(By.className("review")).getText();
      if (a.equals("马占山")) {
        assertThat(review).contains("不能确定为候选人", "第1项");
      } else {
        assertThat(review).as(a).contains("审查合格");
      }
    }
    assertThat(applicantRow("马占山").getText()).contains("人民法院：书面提出第1项情形（（2024）内0525刑初36号刑事判决书）");
  }

  private void opinion(String applicant, String body, String barringCase, String evidence) {
    long app = applicationId(applicant);
    String form = "form[action$='/applications/" + app + "/opinions']";
    WebElement details = ui.find(By.cssSelector(form)).findElement(By.xpath(".."));
    if (details.getAttribute("open") == null) {
      ui.scroll(details);
      details.findElement(By.tagName("summary")).click();
    }
    select(By.cssSelector(form + " select[name=body]"), body);
    if (barringCase != null) {
      select(By.cssSelector(form + " select[name=barringCase]"), barringCase);
      setValue(ui.find(By.cssSelector(form + " input[name=evidence]")), evidence);
    }
    ui.submitConfirmed(By.cssSelector(form + " button"), "登记这项联审意见");
    ui.noError();
  }

  /** 王建国's wife may not count or write ballots; a writer must be vetted. */
  private void relativesAndStaff() {
    ui.open(candidates());
    setValue(ui.find(By.cssSelector("#kinship-form input[name=personId]")), ids.get("王建国"));
    select(By.cssSelector("#kinship-form select[name=relation]"), "SPOUSE");
    setValue(ui.find(By.cssSelector("#kinship-form input[name=relativeId]")), ids.get("张桂兰"));
    ui.submitConfirmed(By.id("declare"), "登记这项近亲属关系");
    ui.noError();
    assertThat(ui.text("kinships")).contains("张桂兰是王建国的配偶");
    staff("张桂兰", "COUNTER", false);
    assertThat(ui.text("error")).contains("张桂兰", "候选人的近亲属不得担任监票人、计票人");
    staff("张桂兰", "WRITER", true);
    assertThat(ui.text("error")).contains("代写人不能与竞选人有近亲属");
    staff("许武", "WRITER", false);
    assertThat(ui.text("error")).contains("代写人许武尚未经居民选举委员会审查登记");
    staff("林涛", "SCRUTINEER", false);
    ui.noError();
    staff("韩冬梅", "COUNTER", false);
    ui.noError();
    staff("许文", "WRITER", true);
    ui.noError();
    String staff = ui.text("staff");
    assertThat(staff).contains("林涛", "韩冬梅", "许文", "已审查登记").doesNotContain("张桂兰", "许武");
  }

  private void staff(String name, String role, boolean vetted) {
    setValue(ui.find(By.cssSelector("#staff-form input[name=residentId]")), ids.get(name));
    select(By.cssSelector("#staff-form select[name=role]"), role);
    if (vetted) {
      ui.check(ui.id("vetted"));
    }
    ui.submitConfirmed(By.id("add-staff"), "登记这名选举工作人员");
  }

  // --- 4. the formal list ----------------------------------------------------------------------

  private void formalList() {
    ui.open(candidates());
    assertThat(ui.text("margins")).contains("主任：应选1名", "副主任：应选1名", "委员：应选3名", "差额选举");
    // the barred applicant is refused with the case of the checklist
    ui.check(ui.id("formal-" + applicationId("马占山")));
    ui.submitConfirmed(By.id("publish-formal"), "确定公布正式候选人名单");
    assertThat(ui.text("error")).contains("资格联审未通过", "马占山", "第1项");
    assertThat(ui.present(By.id("formal-published"))).isFalse();
    // 高丽华 is still on the election committee
    ui.submitConfirmed(By.id("publish-formal"), "确定公布正式候选人名单");
    assertThat(ui.text("error")).contains("居民选举委员会不符合规定", "高丽华", "应当退出居民选举委员会");
    // she leaves; 唐晓亮, next in the original vote, takes her place
    WebElement row =
        ui.driver.findElements(By.cssSelector("#committee-members tbody tr")).stream()
            .filter(r -> r.findElement(By.className("member-name")).getText().equals("高丽华"))
            .findFirst()
            .orElseThrow();
    confirmed(row.findElement(By.cssSelector("button")), "确认高丽华退出居民选举委员会");
    ui.noError();
    addMember("唐晓亮", "RESIDENTS_MEETING", false, "高丽华");
    ui.noError();
    assertThat(ui.text("committee-members")).contains("退出（被提名为居民委员会成员候选人）", "（按照原推选结果依次递补，接替高丽华）");
    assertThat(ui.text("committee-findings")).doesNotContain("应当退出");
    // three 委员 for three seats is no 差额
    for (String n : List.of("周晓东", "赵文博")) {
      WebElement box = ui.id("formal-" + applicationId(n));
      ui.scroll(box);
      box.click();
    }
    ui.submitConfirmed(By.id("publish-formal"), "确定公布正式候选人名单");
    assertThat(ui.text("error")).contains("候选人人数不符合差额要求", "委员");
    assertThat(ui.present(By.id("formal-published"))).isFalse();
    ui.submitConfirmed(By.id("publish-formal"), "确定公布正式候选人名单");
    ui.noError();
    // per post in 姓氏笔画 order: 丁2 王4; 石5 刘6; 李7 周8 赵9 高10 黄11
    List<List<String>> lists =
        ui.driver.findElements(By.cssSelector("#formal-published .formal-names")).stream()
            .map(ol -> ol.findElements(By.tagName("li")).stream().map(WebElement::getText).toList())
            .toList();
    assertThat(lists)
        .containsExactly(
            List.of("丁秀英", "王建国"),
            List.of("石磊", "刘海燕"),
            List.of("李红梅", "周晓东", "赵文博", "高丽华", "黄志强"));
    assertThat(ui.text("formal-published")).contains("正式候选人 9 名");
  }

  // --- 5. the election method ------------------------------------------------------------------

  private void electionMethod() {
    ui.open("/elections/" + election + "/community/method");
    assertThat(ui.text("adoption")).isEqualTo("尚未通过");
    select(By.id("mode"), "ALL_VOTERS");
    setValue(ui.id("proxyCap"), "3");
    select(By.id("carryDown"), "NO");
    ui.check(ui.id("writeIns"));
    ui.submit(By.id("save-draft"));
    ui.noError();
    // 19 of 30 present is under two thirds; 12 of 25 in favour is not over half
    adopt(30, 19, 19);
    assertThat(ui.text("error")).contains("30", "19", "三分之二");
    assertThat(ui.text("adoption")).isEqualTo("尚未通过");
    adopt(30, 25, 12);
    assertThat(ui.text("error")).contains("25", "12", "过半数");
    adopt(30, 25, 20);
    ui.noError();
    assertThat(ui.present(By.id("draft-form"))).as("通过后不能再修改").isFalse();
    ui.submit(By.id("post"));
    ui.noError();
    assertThat(ui.text("posted")).contains(LocalDate.now().toString(), "张榜公布");
    assertThat(ui.text("method-text")).contains("委托", "代写", "另选他人");
  }

  private void adopt(int members, int attended, int votesFor) {
    setValue(ui.id("members"), "" + members);
    setValue(ui.id("attended"), "" + attended);
    setValue(ui.id("votesFor"), "" + votesFor);
    ui.submitConfirmed(By.id("adopt"), "确定登记居民代表会议通过选举办法");
  }

  // --- set-up through the services ----------------------------------------------------------

  private long applicationId(String name) {
    return jdbc.queryForObject(
        "SELECT a.id FROM community_application a JOIN person p ON p.id = a.person_id"
            + " WHERE a.election_id = ? AND p.resident_id = ?",
        Long.class,
        election,
        ids.get(name));
  }

  private WebElement applicantRow(String name) {
    return ui.driver.findElements(By.cssSelector("#applications tbody tr")).stream()
        .filter(r -> r.findElement(By.className("applicant")).getText().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("报名表中没有" + name));
  }

  /** The street, the community, the election and its one district of the whole community. */
  private void setUp() {
    int n = RegisterFixtures.next();
    communityName = "诺恩吉雅社区" + n;
    long[] id = new long[3];
    SignIn.as(
        "admin",
        true,
        () -> {
          id[0] = orgs.create("admin", null, "大沁他拉街道党工委" + n, "TOWN_COMMITTEE");
          id[1] = orgs.create("admin", id[0], communityName, "COMMUNITY");
          branch = orgs.create("admin", id[1], "诺恩吉雅社区党总支" + n, "BRANCH");
          id[2] =
              elections.create(
                  new ElectionForm(
                      id[1],
                      communityName + "第十一届居民委员会选举",
                      ElectionKind.RESIDENTS_COMMITTEE,
                      ElectionKind.RESIDENTS_COMMITTEE.defaultProfile(),
                      Map.of(),
                      "",
                      false,
                      5,
                      0,
                      0,
                      null,
                      LocalDate.now().plusDays(40),
                      5));
        });
    street = id[0];
    community = id[1];
    election = id[2];
    district = RegisterFixtures.district(jdbc, election, 1, communityName, communityName);
    jdbc.update("UPDATE district SET seats = NULL WHERE id = ?", district);
  }

  /**
   * The register as .csv: 8 grids of 250 in households of three (84 per grid), 5 of them under 18
   * in each; the named residents in the first grids, the others with generated names (surnames none
   * of the named ones have).
   */
  private String register() {
    String[] surnames = {"包", "白", "宝", "乌", "额", "巴", "那", "其", "图", "萨"};
    String given = "日格乐雅娜苏达尔布和敖嘎森";
    StringBuilder out = new StringBuilder("社区,网格,姓名,公民身份号码,政治面貌,户号\n");
    LocalDate adult = LocalDate.now().minusYears(30);
    LocalDate child = LocalDate.now().minusYears(10);
    int k = 0;
    int seq = (int) (System.nanoTime() % 400);
    for (int g = 1; g <= GRIDS; g++) {
      for (int i = 0; i < PER_GRID; i++, k++) {
        boolean minor = i >= PER_GRID - MINORS_PER_GRID;
        String name;
        boolean male;
        if (!minor && k < NAMED.size()) {
          name = NAMED.get(k);
          male = !List.of("丁秀英", "刘海燕", "李红梅", "高丽华", "张桂兰", "韩冬梅", "何淑珍", "郑美凡").contains(name);
        } else {
          name =
              surnames[k % surnames.length]
                  + given.charAt((k / 10) % given.length())
                  + given.charAt((k / 130) % given.length());
          male = k % 2 == 0;
        }
        LocalDate birth = (minor ? child : adult).minusDays(k);
        String first17 =
            "150525"
                + birth.format(YMD)
                + String.format("%03d", ((seq + k) % 400) * 2 + (male ? 1 : 0));
        String rid = first17 + ResidentIds.checkCharacter(first17);
        if (minor) {
          minors.add(rid);
        } else if (k < NAMED.size()) {
          ids.put(name, rid);
        } else {
          others.add(rid);
          grids.computeIfAbsent(g, x -> new ArrayList<>()).add(rid);
        }
        out.append(communityName)
            .append(",第")
            .append(g)
            .append("网格,")
            .append(name)
            .append(',')
            .append(rid)
            .append(',')
            .append(k < 12 ? "中共党员" : "群众")
            .append(',')
            .append(String.format("%d-%03d", g, i / 3 + 1))
            .append('\n');
      }
    }
    return out.toString();
  }

  /** Clicks a button whose form asks for confirmation and waits for the next page. */
  private void confirmed(WebElement button, String question) {
    ui.scroll(button);
    PageLoad.after(
        ui.driver,
        java.time.Duration.ofSeconds(30),
        () -> {
          try {
            button.click();
          } catch (org.openqa.selenium.ElementClickInterceptedException moved) {
            ui.scroll(button);
            button.click();
          }
          Browser.acceptConfirmation(ui.driver, java.time.Duration.ofSeconds(30), question);
        });
  }

  /**
   * Chooses an option without clicking (the click that opens a select scrolls the page smoothly,
   * which moved the next button away on a loaded machine).
   */
  private void select(By by, String value) {
    WebElement e = ui.find(by);
    assertThat(e.findElements(By.tagName("option")).stream().map(o -> o.getAttribute("value")))
        .as("选项 %s", value)
        .contains(value);
    ((JavascriptExecutor) ui.driver)
        .executeScript(
            "arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
            e,
            value);
  }

  private void selectText(By by, String text) {
    WebElement option =
        ui.find(by).findElements(By.tagName("option")).stream()
            .filter(o -> o.getText().strip().equals(text))
            .findFirst()
            .orElseThrow(() -> new AssertionError("没有选项" + text));
    select(by, option.getAttribute("value"));
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
