package xuanju.server.voting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
import xuanju.server.support.SignIn;
import xuanju.server.voting.VotingFixture.Setup;

/**
 * Check-in with the keyboard only (键盘签到), in a real browser: the clerk types a name and presses
 * Enter (the only match is checked in, the field empties for the next person), picks one of several
 * matches with the arrow keys, and undoes a wrong check-in with Ctrl+Z after confirming; the count
 * of those present, the absentee list and the audit log follow.
 */
class CheckInKeyboardBrowserTest extends H2AppTest {
  static final String PASSWORD = "Checkin-Pass-2026";

  @LocalServerPort int port;
  @Autowired ElectionService elections;
  @Autowired OrganisationService orgs;
  @Autowired UserRepository users;
  @Autowired JdbcTemplate jdbc;
  @Autowired PasswordEncoder encoder;
  @Autowired VotingServices voting;
  WebDriver d;

  @AfterEach
  void quit() {
    if (d != null) {
      d.quit();
    }
  }

  int present() {
    return Integer.parseInt(d.findElement(By.id("present")).getText().strip());
  }

  @Test
  void threeMembersCheckedInByKeyboardAndTheLastUndone() throws Exception {
    Setup s = VotingFixture.create(orgs, elections, users, jdbc, 10, true, 2, 0);
    List<VotingModel.CandidateRef> c = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      c.add(new VotingModel.CandidateRef(s.key(i), s.names().get(i), s.memberIds().get(i)));
    }
    SignIn.as("admin", true, () -> voting.rounds().openFirstRound(s.electionId(), c));
    String clerk = "k" + s.clerk1();
    VotingFixture.grant(
        users, jdbc, clerk, encoder.encode(PASSWORD), s.organisationId(), Role.CLERK);
    // names that are found alone when typed in full
    List<String> unique =
        s.names().stream()
            .filter(n -> s.names().stream().filter(o -> o.contains(n)).count() == 1)
            .toList();
    assertThat(unique).hasSizeGreaterThanOrEqualTo(3);

    d = Browser.start();
    // the panel is replaced after every request: an element read during the swap may be stale
    var wait =
        new WebDriverWait(d, Duration.ofSeconds(30))
            .ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    String base = "http://localhost:" + port;
    d.get(base + "/login");
    d.findElement(By.id("username")).sendKeys(clerk);
    d.findElement(By.id("password")).sendKeys(PASSWORD + Keys.ENTER);
    wait.until(x -> x.findElements(By.id("current-user")).size() > 0);
    d.get(base + "/elections/" + s.electionId() + "/voting/checkin?stage=1");
    // the focus starts in the search field: everything below is typed into whatever has it
    wait.until(x -> "checkin-search".equals(x.switchTo().activeElement().getAttribute("id")));
    WebElement search = d.switchTo().activeElement();
    int before = present();

    // two by name + Enter: each the only match
    for (int i = 0; i < 2; i++) {
      String name = unique.get(i);
      search.sendKeys(name);
      wait.until(
          x -> x.findElements(By.cssSelector("#checkin-results .checkin-button")).size() == 1);
      search.sendKeys(Keys.ENTER);
      int expected = before + i + 1;
      wait.until(x -> present() == expected);
      assertThat(d.findElement(By.id("last-name")).getText()).isEqualTo(name);
      wait.until(x -> search.getAttribute("value").isEmpty());
      assertThat(d.switchTo().activeElement().getAttribute("id")).isEqualTo("checkin-search");
    }
    // the third from a list of several: the surname of the third name, arrows, Enter
    String third = unique.get(2);
    String surname = third.substring(0, 1);
    search.sendKeys(surname);
    wait.until(
        x ->
            x.findElements(By.cssSelector("#checkin-results tr")).stream()
                .anyMatch(r -> r.getText().contains(third)));
    List<WebElement> rows = d.findElements(By.cssSelector("#checkin-results tr"));
    int index = -1;
    int buttonsBefore = 0;
    for (WebElement r : rows) {
      boolean open = !r.findElements(By.cssSelector(".checkin-button")).isEmpty();
      if (r.getText().contains(third)) {
        index = buttonsBefore;
        break;
      }
      if (open) {
        buttonsBefore++;
      }
    }
    assertThat(index).isGreaterThanOrEqualTo(0);
    for (int i = 0; i <= index; i++) {
      search.sendKeys(Keys.ARROW_DOWN);
    }
    search.sendKeys(Keys.ENTER);
    wait.until(x -> present() == before + 3);
    assertThat(d.findElement(By.id("last-name")).getText()).isEqualTo(third);

    // a wrong check-in undone with Ctrl+Z, after confirming
    search.sendKeys(Keys.chord(Keys.CONTROL, "z"));
    Browser.acceptConfirmation(d, Duration.ofSeconds(20), "撤销" + third + "的签到吗");
    wait.until(x -> present() == before + 2);
    assertThat(d.findElement(By.id("undone-checkin")).getText()).contains(third);
    assertThat(d.findElement(By.id("absent-names")).getAttribute("textContent")).contains(third);
    assertThat(d.findElement(By.id("absent-names")).getAttribute("textContent"))
        .doesNotContain(unique.get(0));
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM audit_event WHERE action = 'VOTING_CHECKIN_UNDONE'"
                    + " AND subject = ? AND summary LIKE ?",
                Long.class,
                "election:" + s.electionId(),
                "%" + third + "%"))
        .isEqualTo(1);
    PageLoad.after(d, Duration.ofSeconds(30), () -> d.navigate().refresh());
    assertThat(present()).isEqualTo(before + 2);
  }
}
