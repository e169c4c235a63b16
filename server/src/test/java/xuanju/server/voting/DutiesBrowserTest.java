package xuanju.server.voting;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import xuanju.server.access.Role;
import xuanju.server.browser.Browser;
import xuanju.server.browser.PageLoad;
import xuanju.server.election.ElectionService;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.security.UserRepository;
import xuanju.server.support.H2AppTest;
import xuanju.server.voting.VotingFixture.Setup;

/**
 * Separation of duties in a real browser (计票分工): a scrutineer who entered side A of a stack is told
 * at once that side B is not theirs, and later finds no ruling or settling controls on that stack;
 * a clerk releases an unfinished side B (asked to confirm, with a reason) and another clerk takes
 * it and goes on from the next ballot; a second scrutineer who entered nothing rules and settles;
 * the pages name people, never login names.
 */
class DutiesBrowserTest extends H2AppTest {
  static final String PASSWORD = "Duties-Pass-2026";

  @LocalServerPort int port;
  @Autowired ElectionService elections;
  @Autowired OrganisationService orgs;
  @Autowired UserRepository users;
  @Autowired JdbcTemplate jdbc;
  @Autowired PasswordEncoder encoder;
  @Autowired VotingServices voting;
  WebDriver d;
  WebDriverWait wait;

  @AfterEach
  void quit() {
    if (d != null) {
      d.quit();
    }
  }

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  void person(String login, String name, long org, Role role) {
    long id = users.insert(login, name, encoder.encode(PASSWORD), false, false, Instant.now());
    jdbc.update(
        "INSERT INTO role_grant (user_id, organisation_id, role, created_at) VALUES (?, ?, ?, ?)",
        id,
        org,
        role.name(),
        Timestamp.from(Instant.now()));
  }

  void login(String user) {
    d.manage().deleteAllCookies();
    d.get(url("/login"));
    d.findElement(By.id("username")).sendKeys(user);
    d.findElement(By.id("password")).sendKeys(PASSWORD);
    PageLoad.after(d, Duration.ofSeconds(30), () -> d.findElement(By.id("login-submit")).click());
  }

  void enter(long e, String side, String... ballots) {
    d.get(url("/elections/" + e + "/voting/rounds/1/entry?side=" + side));
    WebElement marks = d.findElement(By.id("marks"));
    int before = Integer.parseInt(d.findElement(By.id("next-position")).getText().strip()) - 1;
    for (String b : ballots) {
      marks.sendKeys(b + Keys.ENTER);
    }
    wait.until(
        x ->
            x.findElement(By.id("entered-count"))
                .getText()
                .strip()
                .equals(String.valueOf(ballots.length)));
    wait.until(x -> x.findElement(By.id("pending-count")).getText().strip().equals("0"));
    assertThat(before).isGreaterThanOrEqualTo(0);
  }

  void onRound(long e, By button) {
    d.get(url("/elections/" + e + "/voting/rounds/1"));
    PageLoad.after(d, Duration.ofSeconds(30), () -> d.findElement(button).click());
  }

  @Test
  void entrantsDoNotJudgeTheirStackAndAReleasedSideIsTakenOver() throws Exception {
    Setup s = VotingFixture.begun(orgs, elections, users, jdbc, voting);
    long e = s.electionId();
    long org = s.organisationId();
    String n = String.valueOf(e);
    person("dsa" + n, "监票人甲", org, Role.SCRUTINEER);
    person("dcb" + n, "计票人乙", org, Role.CLERK);
    person("dcc" + n, "计票人丙", org, Role.CLERK);
    person("dsd" + n, "监票人丁", org, Role.SCRUTINEER);
    d = Browser.start();
    wait = new WebDriverWait(d, Duration.ofSeconds(30));

    // the scrutineer enters side A and finishes it
    login("dsa" + n);
    enter(e, "A", "110", "120", "100");
    onRound(e, By.cssSelector(".finish-a"));
    wait.until(x -> x.findElements(By.id("voting-notice")).size() > 0);
    // side B is refused on the page itself, before any ballot is typed
    d.get(url("/elections/" + e + "/voting/rounds/1/entry?side=B"));
    assertThat(d.findElement(By.id("entry-refused")).getText()).contains("须由另一名计票人独立完成");
    assertThat(d.findElements(By.id("marks"))).isEmpty();

    // a clerk starts side B, is called away and releases it (confirmation, reason)
    login("dcb" + n);
    enter(e, "B", "110", "210");
    d.get(url("/elections/" + e + "/voting/rounds/1"));
    WebElement release = d.findElement(By.cssSelector(".release-form"));
    release.findElement(By.cssSelector(".release-reason")).sendKeys("计票人乙临时离开");
    release.findElement(By.cssSelector(".release-b")).click();
    Browser.acceptConfirmation(d, Duration.ofSeconds(20), "确定释放录入B吗");
    wait.until(x -> x.findElements(By.id("voting-notice")).size() > 0);
    assertThat(d.findElement(By.cssSelector("#stacks .entry-b")).getText()).contains("已释放，待接手");

    // another clerk takes side B and goes on from the 3rd ballot
    login("dcc" + n);
    d.get(url("/elections/" + e + "/voting/rounds/1/entry?side=B"));
    assertThat(d.findElement(By.id("next-position")).getText().strip()).isEqualTo("3");
    d.findElement(By.id("marks")).sendKeys("100" + Keys.ENTER);
    wait.until(x -> x.findElement(By.id("pending-count")).getText().strip().equals("0"));
    onRound(e, By.cssSelector(".finish-b"));
    wait.until(x -> x.findElements(By.id("voting-notice")).size() > 0);
    String stacks = d.findElement(By.id("stacks")).getText();
    assertThat(stacks).contains("监票人甲 3张", "计票人丙 3张").doesNotContain("dsa" + n, "dcc" + n);

    // the scrutineer who entered side A finds no ruling or settling controls on this stack
    login("dsa" + n);
    d.get(url("/elections/" + e + "/voting/rounds/1"));
    PageLoad.after(
        d, Duration.ofSeconds(30), () -> d.findElement(By.cssSelector(".compare-link")).click());
    assertThat(d.findElement(By.id("entrant-notice")).getText()).contains("不能认定");
    assertThat(d.findElements(By.cssSelector(".ruling-save"))).isEmpty();
    assertThat(d.findElements(By.id("settle"))).isEmpty();
    String stackUrl = d.getCurrentUrl();

    // a scrutineer who entered nothing rules on the difference and settles
    login("dsd" + n);
    d.get(stackUrl);
    WebElement row = d.findElement(By.id("difference-2"));
    // A read 120, B 210: the first two candidates are highlighted on both sides
    assertThat(row.findElements(By.cssSelector(".reading-a .differs"))).hasSize(2);
    assertThat(row.findElements(By.cssSelector(".reading-b .differs"))).hasSize(2);
    assertThat(row.findElement(By.cssSelector(".reading-a")).getText()).startsWith("○×—");
    // the original paper agrees with entry A: one click
    PageLoad.after(
        d, Duration.ofSeconds(30), () -> row.findElement(By.cssSelector(".as-a")).click());
    assertThat(d.findElement(By.cssSelector("#difference-2 .ruling")).getText())
        .startsWith("○×—")
        .contains("按录入A");
    assertThat(d.findElement(By.id("differences")).getText())
        .contains("监票人丁")
        .doesNotContain("dsd" + n);
    d.findElement(By.id("settle")).click();
    Browser.acceptConfirmation(d, Duration.ofSeconds(20), "确定核对认定完毕吗");
    wait.until(x -> x.findElements(By.id("voting-notice")).size() > 0);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM ballot_stack st JOIN voting_round r ON r.id = st.round_id"
                    + " WHERE r.election_id = ? AND st.settled_by = ?",
                Long.class,
                e,
                "dsd" + n))
        .isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM audit_event WHERE action IN ('BALLOT_ENTRY_RELEASED',"
                    + " 'BALLOT_ENTRY_TAKEN') AND subject = ?",
                Long.class,
                "election:" + e))
        .isEqualTo(2);
  }
}
