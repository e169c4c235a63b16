package xuanju.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.jdbc.core.JdbcTemplate;
import xuanju.server.community.PostTallyService;
import xuanju.server.support.SignIn;

/**
 * Election day of {@link CommunityBrowserTest} and its documents (社区居民委员会选举日与选举结果): proxies, the
 * first vote failing at exactly half of the voters, the vote held again, 另行选举 of one 委员, the
 * decision's trail, the 公告, the certificates and the 报告单, every number against what was entered.
 */
final class CommunityDaySteps {
  private final Ui ui;
  private final JdbcTemplate jdbc;
  private final PostTallyService tallies;
  private final long election;
  private final String communityName;
  private final Map<String, Long> boxes;
  private final List<String> others;
  private final int voters;
  private final List<Sheet> first = new ArrayList<>();
  private List<Sheet> second;
  private List<Sheet> third;

  CommunityDaySteps(
      Ui ui,
      JdbcTemplate jdbc,
      PostTallyService tallies,
      long election,
      String communityName,
      Map<String, Long> boxes,
      List<String> others,
      int voters) {
    this.ui = ui;
    this.jdbc = jdbc;
    this.tallies = tallies;
    this.election = election;
    this.communityName = communityName;
    this.boxes = boxes;
    this.others = others;
    this.voters = voters;
  }

  private String voting() {
    return "/elections/" + election + "/community/voting";
  }

  /** One box's tally sheet for one post: valid, invalid and the votes by name. */
  record Sheet(String box, String post, int valid, int invalid, Map<String, Integer> votes) {}

  void electionDay() throws Exception {
    ui.open(voting());
    assertThat(ui.text("proxy-cap")).isEqualTo("3");
    // three voters ask the same holder; a fourth is refused
    String holder = others.get(10);
    for (int i = 0; i < 4; i++) {
      proxy(others.get(20 + i), holder);
      if (i < 3) {
        ui.noError();
      }
    }
    assertThat(ui.text("error")).contains("已接受3人委托", "每一选民接受的委托不得超过三人");
    assertThat(ui.text("proxy-count")).isEqualTo("3");

    ui.submitConfirmed(By.id("open-vote"), "确定开始投票");
    ui.noError();
    assertThat(ui.text("base")).isEqualTo("" + voters);
    assertThat(ballot())
        .containsExactly("主任（应选1名）：丁秀英、王建国", "副主任（应选1名）：石磊、刘海燕", "委员（应选3名）：李红梅、周晓东、赵文博、高丽华、黄志强");

    // the meeting's steps: statements, then the candidates vote together and leave
    assertThat(ui.text("day-steps")).contains("选举大会程序尚未登记“正式候选人竞职陈述”");
    ui.submitConfirmed(By.id("record-step"), "确认登记“正式候选人竞职陈述”");
    ui.noError();
    ui.submitConfirmed(By.id("record-step"), "确认登记“候选人集中投票”");
    ui.noError();
    ui.type("step-note", "候选人9名集中投票后离开会场");
    ui.submitConfirmed(By.id("record-step"), "确认登记“候选人集体回避（离开选举会场）”");
    ui.noError();
    assertThat(ui.text("day-steps")).contains("候选人9名集中投票后离开会场").doesNotContain("尚未登记");

    // check-in at the desk: all voters vote, one ballot each; a second check-in is refused
    assertThat(ui.text("electors-base")).isEqualTo("" + voters);
    for (String rid : List.of(others.get(30), others.get(31), others.get(30))) {
      ui.type("check-in-id", rid);
      ui.submit(By.id("check-in-submit"));
    }
    assertThat(ui.text("error")).contains("已经签到领票", "城市居民委员会组织法");
    assertThat(ui.text("check-in-count")).isEqualTo("2");
    ui.open(voting());

    // the first vote: exactly half of the voters take part, so it fails
    int half = voters / 2;
    box("社区中心投票站", half - 60, half - 60, "");
    box("流动票箱", 60, 60, "");
    Map<String, int[]> firstBoxes =
        Map.of("社区中心投票站", new int[] {half - 60}, "流动票箱", new int[] {60});
    for (String b : firstBoxes.keySet()) {
      int n = firstBoxes.get(b)[0];
      first.add(new Sheet(b, "DIRECTOR", n, 0, Map.of("王建国", n - 10, "丁秀英", 10)));
      first.add(new Sheet(b, "DEPUTY_DIRECTOR", n, 0, Map.of("刘海燕", n - 10, "石磊", 10)));
      first.add(new Sheet(b, "MEMBER", n, 0, Map.of("李红梅", n - 10, "周晓东", n - 20, "赵文博", n - 30)));
    }
    // the failed vote's sheets are entered as the page does (the next two votes use the page)
    long vote1 =
        jdbc.queryForObject(
            "SELECT MAX(id) FROM community_vote WHERE election_id = ?", Long.class, election);
    SignIn.as(
        "admin",
        true,
        () -> {
          for (Sheet x : first) {
            List<Integer> counts =
                BALLOT.get(x.post()).stream().map(n -> x.votes().getOrDefault(n, 0)).toList();
            tallies.record(
                election, vote1, boxes.get(x.box()), x.post(), x.valid(), x.invalid(), counts, "");
          }
        });
    SignIn.as(
        "clerk2",
        true,
        () -> {
          for (Sheet x : first) {
            List<Integer> counts =
                BALLOT.get(x.post()).stream().map(n -> x.votes().getOrDefault(n, 0)).toList();
            tallies.record(
                election, vote1, boxes.get(x.box()), x.post(), x.valid(), x.invalid(), counts, "");
          }
        });
    ui.open(voting());
    assertThat(boxRow("流动票箱").getText().replaceAll("\\s+", "")).contains("委员：已确认（有效票60张，无效票0张）");
    decide();
    assertThat(ui.text("history")).contains("参加投票" + half + "人，未超过计算基数的半数（至少须" + (half + 1) + "人）");
    ui.submitConfirmed(By.id("rerun"), "确定重新组织投票");
    ui.noError();
    assertThat(ui.text("vote-title")).contains("重新投票");

    // the vote held again: more returned than issued is refused; a difference is explained
    box("流动票箱", 117, 118, "");
    assertThat(ui.text("error")).contains("多于发出的");
    box("社区中心投票站", 1102, 1100, "");
    assertThat(ui.text("error")).contains("相差2张，未作说明");
    box("社区中心投票站", 1102, 1100, "两名选民领取选票后离开会场，未投入票箱");
    ui.noError();
    box("流动票箱", 118, 118, "");
    ui.noError();
    second =
        List.of(
            new Sheet("社区中心投票站", "DIRECTOR", 1090, 10, Map.of("王建国", 800, "丁秀英", 290)),
            new Sheet("流动票箱", "DIRECTOR", 118, 0, Map.of("王建国", 90, "丁秀英", 28)),
            new Sheet("社区中心投票站", "DEPUTY_DIRECTOR", 1095, 5, Map.of("刘海燕", 700, "石磊", 395)),
            new Sheet("流动票箱", "DEPUTY_DIRECTOR", 118, 0, Map.of("刘海燕", 70, "石磊", 48)),
            new Sheet(
                "社区中心投票站",
                "MEMBER",
                1080,
                20,
                Map.of("李红梅", 900, "周晓东", 700, "赵文博", 500, "高丽华", 400, "黄志强", 300)),
            new Sheet(
                "流动票箱",
                "MEMBER",
                118,
                0,
                Map.of("李红梅", 100, "周晓东", 80, "赵文博", 60, "高丽华", 50, "黄志强", 40)));
    for (int i = 0; i < second.size(); i++) {
      sheet(second.get(i), i == 0);
    }
    decide();
    int cast = 1100 + 118;
    assertThat(elected("主任")).containsExactly("王建国");
    assertThat(elected("副主任")).containsExactly("刘海燕");
    assertThat(elected("委员")).containsExactlyInAnyOrder("李红梅", "周晓东");
    checkTrail("第二次投票（重新投票）", "第三次投票", second, 1102 + 118, cast);
    assertThat(ui.text("history").replaceAll("\\s+", ""))
        .contains("参加投票人数" + cast + "人，登记选民数" + voters + "人，超过登记选民数的二分之一");
    assertThat(ui.text("vote-title")).contains("另行选举");
    // the two best of those not elected, in 姓氏笔画 order
    assertThat(ballot()).containsExactly("委员另行选举（应选1名）：赵文博、高丽华");

    // 另行选举 of one 委员: at least one third of the ballots cast, no turnout test
    box("社区中心投票站", 700, 700, "");
    box("流动票箱", 60, 60, "");
    third =
        List.of(
            new Sheet("社区中心投票站", "MEMBER", 690, 10, Map.of("赵文博", 420, "高丽华", 270)),
            new Sheet("流动票箱", "MEMBER", 60, 0, Map.of("赵文博", 40, "高丽华", 20)));
    for (Sheet s : third) {
      sheet(s, false);
    }
    decide();
    assertThat(ui.present(By.id("decide"))).isFalse();
    assertThat(elected("主任")).containsExactly("王建国");
    assertThat(elected("副主任")).containsExactly("刘海燕");
    assertThat(elected("委员")).containsExactlyInAnyOrder("李红梅", "周晓东", "赵文博");
    checkTrail("第三次投票（另行选举）", null, third, 760, 760);
    Browser.screenshot(ui.driver, "community-voting");
  }

  /** The 公告 checked number by number against the boxes and sheets entered on election day. */
  void results() throws Exception {
    ui.open("/elections/" + election + "/community/results");
    assertThat(ui.present(By.id("results-complete"))).isTrue();
    String pdf =
        Ui.pdfText(ui.download("/elections/" + election + "/community/results/announcement.pdf"))
            .replaceAll("\\s+", "");
    assertThat(pdf).contains(communityName + "居民委员会选举结果公告");
    Map<String, String> all = Map.of("DIRECTOR", "主任", "DEPUTY_DIRECTOR", "副主任", "MEMBER", "委员");
    int half = voters / 2;
    checkVote(pdf, "第一次投票", half, half, first, all);
    checkVote(pdf, "第二次投票（重新投票）", 1102 + 118, 1100 + 118, second, all);
    checkVote(pdf, "第三次投票（另行选举）", 760, 760, third, Map.of("MEMBER", "委员另行选举"));
    assertThat(pdf)
        .contains("主任（应选1名，当选1名）", "副主任（应选1名，当选1名）", "委员（应选3名，当选3名）")
        .contains("主任王建国" + total(second, "王建国"))
        .contains("副主任刘海燕" + total(second, "刘海燕"))
        .contains(
            "委员李红梅"
                + total(second, "李红梅")
                + "委员周晓东"
                + total(second, "周晓东")
                + "委员赵文博"
                + total(third, "赵文博"));
  }

  /** One vote's sentence of the 公告: base, ballots, turnout, valid and invalid per post. */
  private void checkVote(
      String pdf,
      String title,
      int issued,
      int returned,
      List<Sheet> sheets,
      Map<String, String> labels) {
    StringBuilder want =
        new StringBuilder(title)
            .append("：登记选民")
            .append(voters)
            .append("人，发出选票")
            .append(issued)
            .append("张，收回选票")
            .append(returned)
            .append("张，参选率")
            .append(
                java.math.BigDecimal.valueOf(returned * 100L)
                    .divide(
                        java.math.BigDecimal.valueOf(voters), 2, java.math.RoundingMode.HALF_UP))
            .append("%。");
    for (String post : List.of("DIRECTOR", "DEPUTY_DIRECTOR", "MEMBER")) {
      List<Sheet> of = sheets.stream().filter(x -> x.post().equals(post)).toList();
      if (of.isEmpty()) {
        continue;
      }
      int seats = labels.size() == 1 ? 1 : post.equals("MEMBER") ? 3 : 1;
      want.append(labels.get(post))
          .append("（应选")
          .append(seats)
          .append("名）有效票")
          .append(of.stream().mapToInt(Sheet::valid).sum())
          .append("张、无效票")
          .append(of.stream().mapToInt(Sheet::invalid).sum())
          .append("张；");
    }
    assertThat(pdf).as(title).contains(want);
  }

  /**
   * The certificates (one page per member) and the 报告单 with the committees and the representatives.
   */
  void certificatesAndReport(int grids) throws Exception {
    String base = "/elections/" + election + "/community/results";
    byte[] certificates = ui.download(base + "/certificates.pdf");
    assertThat(Ui.pdfPages(certificates)).isEqualTo(5);
    String certText = Ui.pdfText(certificates).replaceAll("\\s+", "");
    for (String n : List.of("王建国", "刘海燕", "李红梅", "周晓东", "赵文博")) {
      assertThat(certText).contains(n + "同志");
    }
    String report;
    try (var d =
            new org.apache.poi.xwpf.usermodel.XWPFDocument(
                new java.io.ByteArrayInputStream(ui.download(base + "/report.docx")));
        var x = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(d)) {
      report = x.getText().replaceAll("\\s+", "");
    }
    assertThat(report)
        .contains("居民委员会成员", "王建国", "赵文博", "居务监督委员会成员")
        .contains("主任孙立平22", "成员何淑珍18", "成员吴国庆13")
        .contains("居民代表：" + grids + "个网格共推选居民代表" + 2 * grids + "名");
  }

  private static int total(List<Sheet> sheets, String name) {
    return sheets.stream().mapToInt(x -> x.votes().getOrDefault(name, 0)).sum();
  }

  private void proxy(String principal, String holder) {
    setValue(ui.find(By.cssSelector("#proxy-form input[name=principalId]")), principal);
    setValue(ui.find(By.cssSelector("#proxy-form input[name=holderId]")), holder);
    ui.date(By.cssSelector("#proxy-form input[name=authorisedOn]"), LocalDate.now());
    setValue(ui.find(By.cssSelector("#proxy-form input[name=reason]")), "外出务工");
    ui.check(ui.id("written"));
    ui.submit(By.cssSelector("#proxy-form button"));
  }

  private List<String> ballot() {
    return ui.driver.findElements(By.cssSelector("#ballot-posts li")).stream()
        .map(WebElement::getText)
        .toList();
  }

  private WebElement boxRow(String box) {
    return ui.find(By.cssSelector("#boxes tr[data-station='" + boxes.get(box) + "']"));
  }

  private void box(String box, int issued, int returned, String why) {
    WebElement r = boxRow(box);
    setValue(r.findElement(By.name("issued")), "" + issued);
    setValue(r.findElement(By.name("returned")), "" + returned);
    setValue(r.findElement(By.name("explanation")), why);
    ui.submit(r.findElement(By.cssSelector(".box-form button")));
  }

  /** The names on the ballot per post, in 姓氏笔画 order (checked on the page before use). */
  private static final Map<String, List<String>> BALLOT =
      Map.of(
          "DIRECTOR", List.of("丁秀英", "王建国"),
          "DEPUTY_DIRECTOR", List.of("石磊", "刘海燕"),
          "MEMBER", List.of("李红梅", "周晓东", "赵文博", "高丽华", "黄志强"));

  private static final Map<String, String> POSTS =
      Map.of("DIRECTOR", "主任", "DEPUTY_DIRECTOR", "副主任", "MEMBER", "委员");

  /**
   * Enters a sheet through the page (the first clerk), the counts in the order of the page's names
   * (absent = 0), then the second clerk's entry as the page does; with {@code mistake} the second
   * clerk first misreads one count, the page shows the disagreement, and the clerk corrects it.
   */
  private void sheet(Sheet s, boolean mistake) {
    WebElement r = boxRow(s.box());
    WebElement form =
        r.findElements(By.cssSelector("form.sheet-form")).stream()
            .filter(f -> s.post().equals(f.findElement(By.name("post")).getAttribute("value")))
            .findFirst()
            .orElseThrow();
    WebElement details = form.findElement(By.xpath(".."));
    if (details.getAttribute("open") == null) {
      ui.scroll(details);
      details.findElement(By.tagName("summary")).click();
    }
    setValue(form.findElement(By.name("valid")), "" + s.valid());
    setValue(form.findElement(By.name("invalid")), "" + s.invalid());
    List<WebElement> rows = form.findElements(By.xpath(".//tbody/tr"));
    for (WebElement row : rows) {
      String name = row.findElement(By.tagName("td")).getText();
      setValue(row.findElement(By.name("counts")), "" + s.votes().getOrDefault(name, 0));
    }
    List<String> order = rows.stream().map(x -> x.findElement(By.tagName("td")).getText()).toList();
    assertThat(order).containsAll(s.votes().keySet());
    ui.submit(form.findElement(By.cssSelector("button")));
    ui.noError();
    assertThat(ui.text("message")).contains("待另一名计票人录入核对");
    long vote =
        jdbc.queryForObject(
            "SELECT MAX(id) FROM community_vote WHERE election_id = ?", Long.class, election);
    List<Integer> counts = order.stream().map(n -> s.votes().getOrDefault(n, 0)).toList();
    if (mistake) {
      List<Integer> misread = new ArrayList<>(counts);
      misread.set(0, counts.get(0) + 1);
      misread.set(1, counts.get(1) - 1);
      second(vote, s, misread);
      ui.open(voting());
      assertThat(boxRow(s.box()).getText().replaceAll("\\s+", ""))
          .contains(POSTS.get(s.post()) + "：两次录入不一致");
    }
    second(vote, s, counts);
    ui.open(voting());
    assertThat(boxRow(s.box()).getText().replaceAll("\\s+", ""))
        .contains(POSTS.get(s.post()) + "：已确认（有效票" + s.valid() + "张，无效票" + s.invalid() + "张）");
  }

  /** The second clerk's entry of a sheet (entered as the page does). */
  private void second(long vote, Sheet s, List<Integer> counts) {
    SignIn.as(
        "clerk2",
        true,
        () ->
            tallies.record(
                election, vote, boxes.get(s.box()), s.post(), s.valid(), s.invalid(), counts, ""));
  }

  private void decide() {
    ui.submitConfirmed(By.id("decide"), "确定根据各票箱的计票单确定本次投票的结果");
    ui.noError();
  }

  private List<String> elected(String post) {
    return ui.driver.findElements(By.cssSelector("#history .elected-post")).stream()
        .map(WebElement::getText)
        .filter(t -> t.startsWith("当选" + post + "："))
        .flatMap(t -> Arrays.stream(t.substring(("当选" + post + "：").length()).split("、")))
        .toList();
  }

  /**
   * The decision's trail of one vote (from {@code title} to {@code next}, or the end) against the
   * sheets entered: ballots issued and returned, valid and invalid per post, every candidate's
   * total over the boxes.
   */
  private void checkTrail(String title, String next, List<Sheet> sheets, int issued, int cast) {
    String history = ui.text("history").replaceAll("\\s+", "");
    int from = history.indexOf(title);
    assertThat(from).as(title).isNotNegative();
    String vote = history.substring(from, next == null ? history.length() : history.indexOf(next));
    assertThat(vote).contains("收回选票" + cast + "张，发出选票" + issued + "张");
    Map<String, int[]> posts = new LinkedHashMap<>();
    Map<String, Integer> totals = new LinkedHashMap<>();
    for (Sheet s : sheets) {
      int[] p = posts.computeIfAbsent(s.post(), k -> new int[2]);
      p[0] += s.valid();
      p[1] += s.invalid();
      s.votes().forEach((n, v) -> totals.merge(n, v, Integer::sum));
    }
    posts.forEach(
        (post, p) ->
            assertThat(vote)
                .as(post)
                .contains("有效票" + p[0] + "张、无效票" + p[1] + "张，合计" + cast + "张"));
    totals.forEach(
        (name, v) -> assertThat(vote).as(name).containsPattern("候选人" + name + "得(赞成)?票" + v + "票"));
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
