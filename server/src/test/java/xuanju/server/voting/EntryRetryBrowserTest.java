package xuanju.server.voting;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
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
 * The entry page when the database is busy (数据库暂时繁忙): while another connection holds the entry's
 * row, the clerk's ballot is answered 503; the page says so, keeps the ballot in its queue and
 * sends it again with the same id; once the row is free it is saved exactly once and the message
 * goes.
 */
class EntryRetryBrowserTest extends H2AppTest {
  static final String PASSWORD = "Clerk-Pass-2026";

  @LocalServerPort int port;
  @Autowired ElectionService elections;
  @Autowired OrganisationService orgs;
  @Autowired UserRepository users;
  @Autowired JdbcTemplate jdbc;
  @Autowired PasswordEncoder encoder;
  @Autowired VotingServices voting;
  @Autowired DataSource dataSource;
  WebDriver d;

  @AfterEach
  void quit() {
    if (d != null) {
      d.quit();
    }
  }

  @Test
  void aBallotAnswered503IsResentWithTheSameIdAndSavedOnce() throws Exception {
    Setup s = VotingFixture.begun(orgs, elections, users, jdbc, voting);
    String clerk = "r" + s.clerk1();
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
    var marks = d.findElement(By.id("marks"));
    marks.sendKeys("120" + Keys.ENTER);
    wait.until(x -> x.findElement(By.id("entered-count")).getText().strip().equals("1"));
    long entry = VotingFixture.onlyEntry(jdbc, s.electionId());

    try (Connection holder = dataSource.getConnection()) {
      holder.setAutoCommit(false);
      try (PreparedStatement st =
          holder.prepareStatement("SELECT ballots FROM ballot_entry WHERE id = ? FOR UPDATE")) {
        st.setLong(1, entry);
        st.executeQuery().close();
      }
      marks.sendKeys("012" + Keys.ENTER);
      // H2 gives up waiting for the lock after 2 s: 503, and the page says it will resend
      wait.until(
          x -> {
            var error = x.findElement(By.id("entry-error"));
            return error.isDisplayed() && error.getText().contains("正在用同一编号重试");
          });
      assertThat(d.findElement(By.id("entry-error")).getText()).contains("数据库暂时繁忙");
      assertThat(d.findElement(By.id("pending-count")).getText().strip()).isEqualTo("1");
      assertThat(d.findElement(By.id("entered-count")).getText().strip()).isEqualTo("1");
      Browser.screenshot(d, "voting-entry-busy-retry");
      holder.rollback();
    }
    wait.until(x -> x.findElement(By.id("entered-count")).getText().strip().equals("2"));
    wait.until(x -> x.findElement(By.id("pending-count")).getText().strip().equals("0"));
    assertThat(d.findElement(By.id("entry-error")).isDisplayed()).isFalse();
    assertThat(
            jdbc.queryForList(
                "SELECT marks FROM ballot_record WHERE entry_id = ? ORDER BY position",
                String.class,
                entry))
        .as("两张各保存一次，顺序不变")
        .hasSize(2);
  }
}
