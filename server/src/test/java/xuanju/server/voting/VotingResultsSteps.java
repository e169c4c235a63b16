package xuanju.server.voting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import tools.jackson.databind.JsonNode;
import xuanju.cli.round.Json;
import xuanju.server.access.Role;
import xuanju.server.browser.Browser;
import xuanju.server.browser.PageLoad;
import xuanju.server.voting.VotingFixture.Setup;

/**
 * The results stage of {@link VotingBrowserTest} through the real pages (结果报送、批复与归档): the branch
 * administrator submits the results, a town officer (UPPER_OFFICER on the parent organisation)
 * approves, the results report PDF is read back with PDFBox and must carry the meeting's numbers,
 * then the administrator archives and the archive's manifest must list every file with its hash.
 */
final class VotingResultsSteps {
  /** Round 1 赞成 in the order of the candidates as named (the fifth and sixth tie). */
  static final int[] ROUND_ONE_YES = {40, 38, 35, 30, 25, 25};

  private final VotingBrowserTest t;
  private final WebDriver d;
  private final long e;

  private VotingResultsSteps(VotingBrowserTest t, long e) {
    this.t = t;
    this.d = t.d;
    this.e = e;
  }

  static void run(VotingBrowserTest t, Setup s, List<String> cands) throws Exception {
    new VotingResultsSteps(t, s.electionId()).run(s, cands);
  }

  private void run(Setup s, List<String> cands) throws Exception {
    long town =
        t.jdbc.queryForObject(
            "SELECT parent_id FROM organisation WHERE id = ?", Long.class, s.organisationId());
    String hash = t.encoder.encode(VotingBrowserTest.PASSWORD);
    String branchAdmin = "badm" + e;
    String officer = "town" + e;
    VotingFixture.grant(
        t.users, t.jdbc, branchAdmin, hash, s.organisationId(), Role.ELECTION_ADMIN);
    VotingFixture.grant(t.users, t.jdbc, officer, hash, town, Role.UPPER_OFFICER);

    // the branch administrator submits; the branch cannot approve its own results
    t.login(branchAdmin, VotingBrowserTest.PASSWORD);
    d.get(t.url("/elections/" + e + "/results"));
    assertThat(d.findElements(By.id("ready"))).hasSize(1);
    assertThat(d.findElements(By.id("decision-form"))).isEmpty();
    postConfirmed(By.id("submit-results"), "报送选举结果：委员应选5名、当选5名");
    assertThat(text("message")).isEqualTo("选举结果已报送上级党组织");
    assertThat(text("election-status")).isEqualTo("选举结果已报上级");
    assertThat(d.findElement(By.cssSelector("#requests tbody")).getText()).contains("待批复");
    Browser.screenshot(d, "results-01-submitted");
    t.logout();

    // the town officer approves: secretary and deputy approved, members recorded
    t.login(officer, VotingBrowserTest.PASSWORD);
    d.get(t.url("/elections/" + e + "/results"));
    assertThat(d.findElements(By.id("submit-results"))).isEmpty();
    assertThat(d.findElement(By.id("summaries")).getText())
        .contains(cands.get(0), cands.get(1), cands.get(4));
    d.findElement(By.id("comment")).sendKeys("同意。");
    postConfirmed(By.id("approve"), "的选举结果（委员应选5名、当选5名");
    assertThat(text("message")).isEqualTo("已批复同意：书记、副书记批准，委员备案");
    assertThat(text("election-status")).isEqualTo("选举完成");
    assertThat(d.findElement(By.cssSelector("#requests tbody")).getText()).contains("同意", officer);
    assertThat(d.findElements(By.id("reply-pdf"))).hasSize(1);
    assertThat(d.findElements(By.id("archive"))).isEmpty(); // the officer does not manage
    Browser.screenshot(d, "results-02-approved");

    // the results report, fetched with the officer's browser session
    HttpResponse<byte[]> pdf = download(d.findElement(By.id("report-pdf")).getAttribute("href"));
    assertThat(pdf.headers().firstValue("Content-Type").orElse("")).contains("application/pdf");
    checkReport(pdfText(pdf.body()), cands);
    t.logout();

    // the branch administrator archives; the archive is the stored zip with its manifest
    t.login(branchAdmin, VotingBrowserTest.PASSWORD);
    d.get(t.url("/elections/" + e + "/results"));
    postConfirmed(By.id("archive"), "归档后本次选举的请示、名单、选票记录和结果文书将封存");
    Matcher archived =
        Pattern.compile("已归档：(\\d+)个文件，SHA-256 ([0-9a-f]{16})…").matcher(text("message"));
    assertThat(archived.matches()).as(text("message")).isTrue();
    assertThat(text("election-status")).isEqualTo("已归档");
    t.scroll(d.findElement(By.id("archive-info")));
    Browser.screenshot(d, "results-03-archived");
    HttpResponse<byte[]> zip = download(d.findElement(By.id("archive-zip")).getAttribute("href"));
    assertThat(zip.headers().firstValue("Content-Type").orElse("")).contains("application/zip");
    assertThat(sha256(zip.body())).startsWith(archived.group(2));
    assertThat(d.findElement(By.id("archive-info")).getText()).contains(sha256(zip.body()));
    checkArchive(unzip(zip.body()), Integer.parseInt(archived.group(1)));
  }

  /** The report's numbers: 应到会/实到会, every 赞成 of round 1, the re-vote, the elected, the officers. */
  static void checkReport(String text, List<String> cands) throws Exception {
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("results-report.txt"), text);
    String flat = text.replaceAll("\\s+", "");
    String spaced = text.replaceAll("\\s+", " ");
    assertThat(flat)
        .contains(
            "党员大会应到会45人，实到会42人",
            "超过应到会人数的五分之四（至少须37人），会议（投票）有效（《中国共产党基层组织选举工作条例",
            "发出选票42张，收回42张，其中有效票42张，无效票0张",
            "票数相等，不能确定当选人；应就此2人再次投票，选出1名，以得票多的当选（《全国人民代表大会和地方各级人民代表大会选举法（2020）》第四十五条）",
            "委员会第一次全体会议应到会5人，实到会5人",
            "第2轮·委员·再次投票（票数相等）")
        // the rules as sentences with their source, never as codes (issue 14)
        .doesNotContain("PARTY.QUORUM.4_5", "COUNT.TIE.REVOTE");
    // round 1: 赞成/不赞成/弃权 and the result of each candidate (a tie for the fifth seat)
    for (int i = 0; i < 6; i++) {
      int yes = ROUND_ONE_YES[i];
      String result = i < 4 ? "当选" : "票数相等";
      assertThat(spaced).as(cands.get(i)).containsPattern(row(cands.get(i), yes, 42 - yes, result));
    }
    // round 2, the re-vote among the tied: 30 to 12
    assertThat(spaced).containsPattern(row(cands.get(4), 30, 12, "当选"));
    assertThat(spaced).containsPattern(row(cands.get(5), 12, 30, "未当选"));
    // the elected committee, secretary and deputy, the portfolio
    Matcher members = Pattern.compile("党员大会选举委员（应选5名）：当选5名：([^。]+)。").matcher(flat);
    assertThat(members.find()).as("当选委员").isTrue();
    assertThat(members.group(1).split("、"))
        .containsExactlyInAnyOrderElementsOf(cands.subList(0, 5));
    assertThat(flat)
        .contains(
            "委员会全体会议选举书记（应选1名）：当选1名：" + cands.get(0) + "。",
            "委员会全体会议选举副书记（应选1名）：当选1名：" + cands.get(1) + "。",
            "未当选：" + cands.get(5) + "。",
            cands.get(2) + "组织委员");
  }

  /** A ranking row: name, 赞成, 不赞成, 弃权 (0: every ballot marked each candidate), result. */
  static Pattern row(String name, int yes, int no, String result) {
    return Pattern.compile(
        "(^| )"
            + Pattern.quote(name)
            + " "
            + yes
            + " "
            + no
            + " 0 "
            + Pattern.quote(result)
            + "( |$)");
  }

  /** Every file of the zip is in the manifest with its size and SHA-256, and nothing else. */
  static void checkArchive(Map<String, byte[]> files, int count) throws Exception {
    assertThat(files).hasSize(count).containsKey("manifest.json");
    JsonNode manifest =
        Json.parse(new String(files.get("manifest.json"), StandardCharsets.UTF_8), "manifest");
    List<String> listed = new ArrayList<>();
    for (JsonNode n : manifest.get("files")) {
      String path = n.get("path").asString();
      listed.add(path);
      assertThat(files).as(path).containsKey(path);
      assertThat(sha256(files.get(path))).as(path).isEqualTo(n.get("sha256").asString());
      assertThat((long) files.get(path).length).as(path).isEqualTo(n.get("bytes").asLong());
    }
    listed.add("manifest.json");
    assertThat(files.keySet()).containsExactlyInAnyOrderElementsOf(listed);
    assertThat(listed)
        .contains(
            "04-ballots/第1轮选票.pdf",
            "04-ballots/第4轮选票.pdf",
            "05-results/选举结果报告.pdf",
            "05-results/选举结果批复.pdf",
            "05-results/选举结果统计表.xlsx",
            "rounds/round-1.json",
            "rounds/round-1-ballots.csv",
            "rounds/round-2.tally.json",
            "decisions.json",
            "audit-events.csv");
    assertThat(manifest.get("rounds").size()).isEqualTo(4);
    // the archived report is the one downloaded before (same stored decisions)
    assertThat(pdfText(files.get("05-results/选举结果报告.pdf"))).contains("实到会42人");
  }

  private String text(String id) {
    return d.findElement(By.id(id)).getText().strip();
  }

  /** Clicks a button whose form asks first; checks the question, accepts, waits for the page. */
  private void postConfirmed(By by, String question) {
    PageLoad.after(
        d,
        Duration.ofSeconds(30),
        () -> {
          t.click(by);
          Browser.acceptConfirmation(d, Duration.ofSeconds(10), question);
        });
    assertThat(d.findElements(By.id("error"))).as("页面错误").isEmpty();
  }

  /** Clicks a button that posts a form and waits for the next page. */
  private void post(By by) {
    PageLoad.after(d, Duration.ofSeconds(30), () -> t.click(by));
    assertThat(d.findElements(By.id("error"))).as("页面错误").isEmpty();
  }

  /** GET with the browser's session cookie; must answer 200. */
  private HttpResponse<byte[]> download(String href) throws Exception {
    String cookie = d.manage().getCookieNamed("JSESSIONID").getValue();
    HttpResponse<byte[]> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(href))
                    .header("Cookie", "JSESSIONID=" + cookie)
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).as(href).isEqualTo(200);
    return r;
  }

  static String pdfText(byte[] pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc);
    }
  }

  static Map<String, byte[]> unzip(byte[] zip) throws Exception {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry z;
      while ((z = in.getNextEntry()) != null) {
        out.put(z.getName(), in.readAllBytes());
      }
    }
    return out;
  }

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
