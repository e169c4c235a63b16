package xuanju.server.voting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
import xuanju.server.voting.VotingFixture.Setup;

/**
 * Write-ins typed on the entry page (另选他人): one box per written-in person, the name taken whole — a
 * space, a comma or a middle dot inside a name does not make two people.
 */
class WriteInEntryBrowserTest extends H2AppTest {
  static final String PASSWORD = "Clerk-Pass-2026";

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

  @Test
  void eachWriteInBoxIsOnePersonWithTheNameAsWritten() throws Exception {
    Setup s = VotingFixture.begun(orgs, elections, users, jdbc, voting); // 2 seats, 3 candidates
    String clerk = "w" + s.clerk1();
    VotingFixture.grant(
        users, jdbc, clerk, encoder.encode(PASSWORD), s.organisationId(), Role.CLERK);

    d = Browser.start();
    WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(30));
    String base = "http://localhost:" + port;
    d.get(base + "/login");
    d.findElement(By.id("username")).sendKeys(clerk);
    d.findElement(By.id("password")).sendKeys(PASSWORD);
    PageLoad.after(d, Duration.ofSeconds(30), () -> d.findElement(By.id("login-submit")).click());
    d.get(base + "/elections/" + s.electionId() + "/voting/rounds/1/entry?side=A");
    List<WebElement> boxes = d.findElements(By.cssSelector(".writein"));
    assertThat(boxes).as("每个应选名额一个另选他人框").hasSize(2);
    d.findElement(By.id("marks")).sendKeys("220");
    boxes.get(0).sendKeys("阿拉坦 其其格");
    boxes.get(1).sendKeys("娜仁,图雅·巴特尔" + Keys.ENTER);
    wait.until(x -> x.findElement(By.id("entered-count")).getText().strip().equals("1"));
    assertThat(d.findElement(By.id("entered")).getText()).contains("：有效票");
    long entry = VotingFixture.onlyEntry(jdbc, s.electionId());
    assertThat(
            jdbc.queryForObject(
                "SELECT write_ins FROM ballot_record WHERE entry_id = ?", String.class, entry))
        .isEqualTo("Y:阿拉坦 其其格\nY:娜仁,图雅·巴特尔");
    assertThat(boxes.get(0).getAttribute("value")).isEmpty();
    assertThat(boxes.get(1).getAttribute("value")).isEmpty();
  }
}
