package xuanju.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.jdbc.core.JdbcTemplate;
import xuanju.core.quota.Gender;
import xuanju.server.community.RepresentativesService;
import xuanju.server.roster.RosterFixtures;
import xuanju.server.support.SignIn;

/**
 * The stages of {@link CommunityBrowserTest} after the residents' committee is elected
 * (社区“两委”换届的其余部分): the 社区换届 term page with the party organisation's election created from it and
 * its 分工 (一肩挑), the 居务监督委员会, the 居民代表 of the 8 grids and the 两委 summary in print.
 *
 * <p>The party election's result is written into its voting tables directly, as {@code
 * CommunityTermTest} does: the members' meeting is the subject of the party election's own browser
 * tests; here only its outcome is read.
 */
final class CommunityTermSteps {
  /** The party committee: name → post (书记 王建国 is elected 主任: 一肩挑). */
  static final Map<String, String> PARTY = party();

  private static Map<String, String> party() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("王建国", "SECRETARY");
    m.put("郑美凡", "FULL_TIME_DEPUTY_SECRETARY");
    m.put("刘海燕", "MEMBER");
    m.put("孙立平", "DISCIPLINE_MEMBER");
    m.put("李红梅", "MEMBER");
    return m;
  }

  private final Ui ui;
  private final JdbcTemplate jdbc;
  private final long election;
  private final long community;
  private final long branch;
  private final Map<String, String> ids;
  long term;

  CommunityTermSteps(
      Ui ui,
      JdbcTemplate jdbc,
      long election,
      long community,
      long branch,
      Map<String, String> ids) {
    this.ui = ui;
    this.jdbc = jdbc;
    this.election = election;
    this.community = community;
    this.branch = branch;
    this.ids = ids;
  }

  private String termUrl() {
    return "/community-terms/" + term;
  }

  private String part(String p) {
    return ui.text("part-" + p).replaceAll("\\s+", " ");
  }

  /**
   * The term with its two elections: the party election created from the term page, the residents'
   * committee election linked; the party result; the 分工 (refused without a 专职副书记); 一肩挑.
   */
  void termAndParty() {
    ui.open("/community-terms");
    select(By.id("organisationId"), "" + community);
    setValue(ui.id("name"), "诺恩吉雅社区“两委”换届");
    ui.submit(By.id("create-term"));
    ui.noError();
    assertThat(ui.path()).startsWith("/community-terms/");
    term = Long.parseLong(ui.path().substring("/community-terms/".length()));

    select(By.id("org-PARTY"), "" + branch);
    setValue(ui.id("title-PARTY"), "诺恩吉雅社区党总支委员会换届选举");
    ui.date("electionDay-PARTY", LocalDate.now().plusDays(10));
    ui.submit(By.id("create-button-PARTY"));
    ui.noError();
    select(By.id("electionId-RESIDENTS"), "" + election);
    ui.submit(By.id("link-button-RESIDENTS"));
    ui.noError();
    long party =
        jdbc.queryForObject(
            "SELECT party_election_id FROM community_term WHERE id = ?", Long.class, term);
    assertThat(jdbc.queryForObject("SELECT kind FROM election WHERE id = ?", String.class, party))
        .isEqualTo("PARTY_BRANCH");
    assertThat(part("PARTY")).contains("党组织选举等待");
    // the residents' committee was elected first: done, though the party part is not
    assertThat(part("RESIDENTS")).contains("已完成");

    // the members' meeting elected five, the committee 王建国 书记 and 郑美凡 副书记
    List<String> keys = new ArrayList<>();
    for (String n : PARTY.keySet()) {
      String rid = ids.get(n);
      Gender g = Character.getNumericValue(rid.charAt(16)) % 2 == 1 ? Gender.MALE : Gender.FEMALE;
      LocalDate born = LocalDate.parse(rid.substring(6, 14), DateTimeFormatter.BASIC_ISO_DATE);
      long m = RosterFixtures.insertMember(jdbc, branch, n, g, born, born.plusYears(22));
      jdbc.update("UPDATE party_member SET resident_id = ? WHERE id = ?", rid, m);
      keys.add("m" + m);
    }
    decidedRound(party, 1, 1, "MEMBERS", keys, keys);
    decidedRound(party, 2, 2, "SECRETARY", keys.subList(0, 2), keys.subList(0, 1));
    decidedRound(party, 3, 2, "DEPUTY", keys.subList(1, 3), keys.subList(1, 2));
    jdbc.update(
        "INSERT INTO voting_state (election_id, ready_for_results) VALUES (?, TRUE)", party);

    ui.open(termUrl());
    assertThat(part("PARTY")).contains("已完成");
    assertThat(part("RESIDENTS")).contains("已完成").doesNotContain("等待党组织换届完成");
    // no 专职副书记: refused, nothing stored
    posts(Map.of("郑美凡", "DEPUTY_SECRETARY"));
    assertThat(ui.text("error")).contains("没有专职副书记");
    assertThat(ui.present(By.id("posts-recorded"))).isFalse();
    posts(Map.of());
    ui.noError();
    assertThat(ui.text("posts-recorded")).isEqualTo("已确定");

    // the 两委 summary: 一肩挑, three cross-posted, the structure counted from the register
    assertThat(ui.text("one-shoulder")).isEqualTo("一肩挑：社区党组织书记王建国经法定程序当选居民委员会主任");
    Map<String, String[]> lines = new LinkedHashMap<>();
    for (WebElement l : ui.driver.findElements(By.cssSelector("#summary-table .summary-line"))) {
      List<WebElement> td = l.findElements(By.tagName("td"));
      lines.put(
          td.get(0).getText(),
          new String[] {td.get(1).getText(), td.get(2).getText(), td.get(3).getText()});
    }
    assertThat(lines.keySet())
        .containsExactlyInAnyOrder("王建国", "郑美凡", "刘海燕", "孙立平", "李红梅", "周晓东", "赵文博");
    assertThat(lines.get("王建国")).containsExactly("书记", "主任", "是");
    assertThat(lines.get("郑美凡")).containsExactly("专职副书记", "", "");
    assertThat(lines.get("刘海燕")).containsExactly("委员（拟任副主任）", "副主任", "是");
    assertThat(lines.get("李红梅")).containsExactly("委员", "委员", "是");
    assertThat(lines.get("周晓东")).containsExactly("", "委员", "");
    List<String> team = List.copyOf(lines.keySet());
    long women = team.stream().filter(n -> !male(ids.get(n))).count();
    assertThat(ui.text("structure"))
        .isEqualTo("班子成员7人：女性" + women + "人，35周岁以下7人，中共党员5人，大专（含大专）以上5人；居民委员会成员5人，其中中共党员3人");
    assertThat(ui.text("summary-findings")).contains("交叉任职3人");
    // the previous term had 4 of 7 with 大专 and 3 of 5 party members on the residents' committee:
    // this term (5 of 7, 3 of 5) is higher on the first only
    assertThat(ui.text("previous-checks")).contains("未登记上届人数");
    setValue(ui.id("previousTeamSize"), "7");
    setValue(ui.id("previousTeamCollege"), "4");
    setValue(ui.id("previousResidentsSize"), "5");
    setValue(ui.id("previousResidentsParty"), "6");
    ui.submitConfirmed(By.id("save-previous"), "确定登记上届班子情况吗");
    assertThat(ui.text("error")).contains("不能多于");
    ui.open(termUrl());
    setValue(ui.id("previousTeamSize"), "7");
    setValue(ui.id("previousTeamCollege"), "4");
    setValue(ui.id("previousResidentsSize"), "5");
    setValue(ui.id("previousResidentsParty"), "3");
    ui.submitConfirmed(By.id("save-previous"), "确定登记上届班子情况吗");
    ui.noError();
    List<String> checks =
        ui.driver.findElements(By.cssSelector("#previous-checks .previous-check")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(checks)
        .containsExactly(
            "“两委”班子成员中大专（含大专）以上文化程度：本届5/7（71%），上届4/7（57%），高于上届",
            "居民委员会成员中党员：本届3/5（60%），上届3/5（60%），未高于上届");
    ui.submitConfirmed(By.id("record-summary"), "确定登记本次“两委”班子汇总");
    ui.noError();
    assertThat(ui.text("summary-recorded")).contains("已登记", "一肩挑");
    assertThat(
            jdbc.queryForObject(
                "SELECT one_shoulder FROM community_term WHERE id = ?", Boolean.class, term))
        .isTrue();
  }

  /** Saves the 分工: the posts of {@link #PARTY} with {@code change} applied; 刘海燕 for 副主任. */
  private void posts(Map<String, String> change) {
    for (WebElement row : ui.driver.findElements(By.cssSelector("#posts-form .party-member"))) {
      String name = row.findElement(By.className("member-name")).getText();
      WebElement post = row.findElement(By.name("post"));
      setValue(post, change.getOrDefault(name, PARTY.get(name)));
      WebElement deputy = row.findElement(By.name("deputyDirector"));
      if (name.equals("刘海燕") != deputy.isSelected()) {
        ui.scroll(deputy);
        deputy.click();
      }
    }
    ui.submitConfirmed(By.id("save-posts"), "确定保存社区党组织委员会分工");
  }

  private static boolean male(String rid) {
    return Character.getNumericValue(rid.charAt(16)) % 2 == 1;
  }

  /** The 居务监督委员会 of three, chosen by the 居民代表会议; a 委员 just elected is refused. */
  void supervision() {
    ui.open("/elections/" + election + "/community/supervision");
    select(By.id("body"), "REPRESENTATIVES_MEETING");
    setValue(ui.id("required"), "30");
    setValue(ui.id("present"), "19");
    ui.submit(By.id("save-meeting"));
    assertThat(ui.text("error")).contains("三分之二");
    setValue(ui.id("required"), "30");
    setValue(ui.id("present"), "25");
    ui.submit(By.id("save-meeting"));
    ui.noError();
    nominee("周晓东", 20);
    assertThat(ui.text("error")).contains("周晓东", "居民委员会成员不得兼任居务监督委员会组成人员");
    nominee("孙立平", 22);
    ui.noError();
    nominee("何淑珍", 18);
    ui.noError();
    nominee("吴国庆", 13);
    ui.noError();
    long sun =
        jdbc.queryForObject(
            "SELECT n.id FROM community_supervision_nominee n JOIN person p ON p.id = n.person_id"
                + " WHERE n.election_id = ? AND p.resident_id = ?",
            Long.class,
            election,
            ids.get("孙立平"));
    ui.submit(By.id("chair-" + sun));
    ui.noError();
    String table = ui.text("nominee-table");
    assertThat(table).contains("孙立平", "何淑珍", "吴国庆").doesNotContain("周晓东");
    // the chair is the 纪检委员 of the term's 分工: no warning about the chair
    assertThat(ui.driver.findElements(By.cssSelector("[title='RESIDENTS.SUPERVISION.CHAIR']")))
        .isEmpty();
  }

  private void nominee(String name, int votes) {
    setValue(ui.id("residentId"), ids.get(name));
    setValue(ui.id("votes"), "" + votes);
    ui.submit(By.id("add-nominee"));
  }

  /**
   * The representatives of the 8 grids: the first two grids through the page (a meeting below two
   * thirds of the households and a nominee of another grid refused), the other six as the page
   * does.
   */
  void representatives(RepresentativesService reps, Map<Integer, List<String>> grids) {
    String page = "/elections/" + election + "/community/representatives";
    ui.open(page);
    grid(1, 100, 60, 2);
    assertThat(ui.text("error")).contains("三分之二");
    grid(1, 100, 80, 2);
    ui.noError();
    // the register counts 84 households by 户号: the entered 100 is flagged, not refused
    assertThat(ui.text("grid-" + gridId(1))).contains("填报的本网格户数100户与居民名册按户号登记的84户不一致");
    long first = gridId(1);
    gridNominee(first, grids.get(2).get(0), 60);
    assertThat(ui.text("error")).contains("本网格");
    gridNominee(first, grids.get(1).get(0), 61);
    ui.noError();
    gridNominee(first, grids.get(1).get(1), 55);
    ui.noError();
    SignIn.as(
        "admin",
        true,
        () -> {
          for (int g = 2; g <= grids.size(); g++) {
            reps.recordGrid(election, "第" + g + "网格", LocalDate.now(), 100, 80, 2);
            long id = gridId(g);
            reps.addNominee(election, id, grids.get(g).get(0), 61);
            reps.addNominee(election, id, grids.get(g).get(1), 55);
          }
        });
    ui.open(page);
    List<WebElement> rows = ui.driver.findElements(By.cssSelector("#register-table tbody tr"));
    assertThat(rows).hasSize(2 * grids.size());
    assertThat(rows.get(rows.size() - 1).getText()).contains("第" + grids.size() + "网格");
    ui.open(termUrl());
    assertThat(part("REPRESENTATIVES")).contains("已完成");
    assertThat(part("SUPERVISION")).contains("已完成");
  }

  private long gridId(int g) {
    return jdbc.queryForObject(
        "SELECT id FROM community_grid WHERE election_id = ? AND grid = ?",
        Long.class,
        election,
        "第" + g + "网格");
  }

  private void grid(int g, int households, int present, int seats) {
    select(By.id("grid"), "第" + g + "网格");
    setValue(ui.id("households"), "" + households);
    setValue(ui.id("present"), "" + present);
    setValue(ui.id("seats"), "" + seats);
    ui.submit(By.id("save-grid"));
  }

  private void gridNominee(long gridId, String residentId, int votes) {
    setValue(ui.id("residentId-" + gridId), residentId);
    setValue(ui.id("votes-" + gridId), "" + votes);
    ui.submit(By.id("add-nominee-" + gridId));
  }

  /** The 两委 summary as printed (PDF) and as Word: the same people, posts and 一肩挑. */
  void summaryDocuments() throws Exception {
    String pdf = Ui.pdfText(ui.download(termUrl() + "/summary.pdf")).replaceAll("\\s+", "");
    String docx;
    try (XWPFDocument d =
            new XWPFDocument(new ByteArrayInputStream(ui.download(termUrl() + "/summary.docx")));
        XWPFWordExtractor x = new XWPFWordExtractor(d)) {
      docx = x.getText().replaceAll("\\s+", "");
    }
    for (String text : List.of(pdf, docx)) {
      assertThat(text)
          .contains("社区“两委”班子成员情况汇总表", "王建国", "郑美凡", "孙立平", "周晓东", "赵文博", "一肩挑", "专职副书记");
      assertThat(text.indexOf("王建国")).isLessThan(text.indexOf("郑美凡"));
    }
  }

  private void decidedRound(
      long party, int number, int stage, String post, List<String> cands, List<String> won) {
    StringBuilder cj = new StringBuilder("[");
    for (String k : cands) {
      String name =
          jdbc.queryForObject(
              "SELECT name FROM party_member WHERE id = ?",
              String.class,
              Long.valueOf(k.substring(1)));
      cj.append(cj.length() > 1 ? "," : "")
          .append("{\"id\":\"")
          .append(k)
          .append("\",\"name\":\"")
          .append(name)
          .append("\",\"memberId\":")
          .append(k.substring(1))
          .append("}");
    }
    cj.append("]");
    String decision =
        "{\"outcomes\":[{\"type\":\"Elected\",\"seats\":"
            + won.size()
            + ",\"ids\":[\""
            + String.join("\",\"", won)
            + "\"],\"votes\":0,\"reduceAllowed\":false,\"actual\":0,\"minimum\":0}],"
            + "\"ranking\":[],\"trail\":[],\"valid\":30,\"invalid\":0,\"issued\":30,"
            + "\"returned\":30,\"expected\":30,\"present\":30}";
    jdbc.update(
        "INSERT INTO voting_round (election_id, number, stage, post, kind, further_round, seats,"
            + " candidates_json, definition_hash, expected, present, status, decision_json,"
            + " created_by, created_at) VALUES (?, ?, ?, ?, 'FIRST', 0, ?, ?, 'x', 30, 30,"
            + " 'DECIDED', ?, 'test', ?)",
        party,
        number,
        stage,
        post,
        won.size(),
        cj.toString(),
        decision,
        Timestamp.from(Instant.now()));
  }

  private void select(By by, String value) {
    WebElement e = ui.find(by);
    assertThat(e.findElements(By.tagName("option")).stream().map(o -> o.getAttribute("value")))
        .as("选项 %s", value)
        .contains(value);
    setValue(e, value);
  }

  private void setValue(WebElement e, String value) {
    ((JavascriptExecutor) ui.driver)
        .executeScript(
            "arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
            e,
            value);
  }

  static final Duration WAIT = Duration.ofSeconds(30);
}
