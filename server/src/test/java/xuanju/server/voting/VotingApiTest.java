package xuanju.server.voting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import xuanju.server.election.ElectionService;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.security.UserRepository;
import xuanju.server.support.H2AppTest;
import xuanju.server.system.StartupCheck;
import xuanju.server.voting.VotingFixture.Setup;

/** The entry API over HTTP, and the ballot-secrecy check of the schema. */
class VotingApiTest extends H2AppTest {
  @Autowired MockMvc mvc;
  @Autowired VotingServices voting;
  @Autowired ElectionService elections;
  @Autowired OrganisationService orgs;
  @Autowired UserRepository users;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;
  @Autowired StartupCheck startupCheck;

  private ResultActions postAs(String url, RequestPostProcessor clerk, String body)
      throws Exception {
    return mvc.perform(
        post(url).with(clerk).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body));
  }

  private Setup votingBegun() {
    return VotingFixture.begun(orgs, elections, users, jdbc, voting);
  }

  /**
   * A lock the database does not grant in time (here: another connection holds the entry's row)
   * answers 503 with the Chinese message and saves nothing; the same ballot sent again afterwards
   * is saved once.
   */
  @Test
  void aLockNotGrantedInTimeAnswers503AndTheRetryIsSavedOnce() throws Exception {
    Setup s = votingBegun();
    String url = "/api/elections/" + s.electionId() + "/rounds/1/ballots";
    var clerk = user(s.clerk1()).roles("USER");
    String first = "{\"clientId\":\"" + UUID.randomUUID() + "\",\"marks\":\"120\",\"entry\":\"A\"}";
    postAs(url, clerk, first).andExpect(status().isCreated());
    long entry = VotingFixture.onlyEntry(jdbc, s.electionId());
    String second =
        "{\"clientId\":\"" + UUID.randomUUID() + "\",\"marks\":\"012\",\"entry\":\"A\"}";
    try (var holder = dataSource.getConnection()) {
      holder.setAutoCommit(false);
      try (var st =
          holder.prepareStatement("SELECT ballots FROM ballot_entry WHERE id = ? FOR UPDATE")) {
        st.setLong(1, entry);
        st.executeQuery().close();
      }
      postAs(url, clerk, second)
          .andExpect(status().isServiceUnavailable())
          .andExpect(jsonPath("$.error").value("DATABASE_BUSY"))
          .andExpect(jsonPath("$.message").value(containsString("数据库暂时繁忙")))
          .andExpect(content().string(not(containsString("Exception"))));
      holder.rollback();
    }
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM ballot_record WHERE entry_id = ?", Long.class, entry))
        .as("被拒绝的那张没有保存")
        .isEqualTo(1L);
    postAs(url, clerk, second)
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.position").value(2));
    postAs(url, clerk, second)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.duplicate").value(true));
  }

  /**
   * The position of a new ballot comes from the records, not from the entry's counter: a counter
   * ahead of the records (what an uncommitted increment made visible by a crashed embedded database
   * looks like) leaves no gap, and the counter is brought back in line.
   */
  @Test
  void aCounterAheadOfTheRecordsLeavesNoGap() throws Exception {
    Setup s = votingBegun();
    String url = "/api/elections/" + s.electionId() + "/rounds/1/ballots";
    var clerk = user(s.clerk1()).roles("USER");
    for (int i = 1; i <= 2; i++) {
      postAs(url, clerk, "{\"clientId\":\"" + UUID.randomUUID() + "\",\"marks\":\"120\"}")
          .andExpect(status().isCreated())
          .andExpect(jsonPath("$.position").value(i));
    }
    long entry = VotingFixture.onlyEntry(jdbc, s.electionId());
    jdbc.update("UPDATE ballot_entry SET ballots = ballots + 3 WHERE id = ?", entry);
    postAs(url, clerk, "{\"clientId\":\"" + UUID.randomUUID() + "\",\"marks\":\"012\"}")
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.position").value(3));
    assertThat(
            jdbc.queryForList(
                "SELECT position FROM ballot_record WHERE entry_id = ? ORDER BY position",
                Integer.class,
                entry))
        .containsExactly(1, 2, 3);
    assertThat(
            jdbc.queryForObject(
                "SELECT ballots FROM ballot_entry WHERE id = ?", Integer.class, entry))
        .isEqualTo(3);
  }

  /**
   * The start-up self-check (run here directly; the application runs it after an unclean shutdown):
   * a counter that disagrees with complete records is corrected, a gap is reported, both are in the
   * audit log, and the administrator's dashboard shows the outcome.
   */
  @Test
  void startupCheckCorrectsCountersReportsGapsAndShowsOnTheDashboard() throws Exception {
    Setup s = votingBegun();
    String url = "/api/elections/" + s.electionId() + "/rounds/1/ballots";
    var clerk = user(s.clerk1()).roles("USER");
    for (int i = 1; i <= 3; i++) {
      postAs(url, clerk, "{\"clientId\":\"" + UUID.randomUUID() + "\",\"marks\":\"120\"}")
          .andExpect(status().isCreated());
    }
    long entry = VotingFixture.onlyEntry(jdbc, s.electionId());
    jdbc.update("UPDATE ballot_entry SET ballots = 4 WHERE id = ?", entry);

    StartupCheck.Report fixed = startupCheck.check(true);
    assertThat(fixed.ok()).as(fixed.summaryZh()).isTrue();
    assertThat(fixed.repaired()).anyMatch(r -> r.contains("编号" + entry + "）计数4→3"));
    assertThat(
            jdbc.queryForObject(
                "SELECT ballots FROM ballot_entry WHERE id = ?", Integer.class, entry))
        .isEqualTo(3);
    assertThat(
            jdbc.queryForObject(
                "SELECT summary FROM audit_event WHERE action = 'STARTUP_CHECK' ORDER BY seq DESC"
                    + " FETCH FIRST 1 ROWS ONLY",
                String.class))
        .contains("计数4→3");

    // a gap (position 2 missing) is reported, not "repaired"
    var kept =
        jdbc.queryForMap(
            "SELECT client_id, marks FROM ballot_record WHERE entry_id = ? AND position = 2",
            entry);
    jdbc.update("DELETE FROM ballot_record WHERE entry_id = ? AND position = 2", entry);
    try {
      StartupCheck.Report gap = startupCheck.check(true);
      assertThat(gap.ok()).isFalse();
      assertThat(gap.problems()).anyMatch(p -> p.contains("编号" + entry + "）选票序号不连续：2张，最大序号3"));
      mvc.perform(get("/").with(user(ADMIN).roles("ADMIN", "USER")))
          .andExpect(status().isOk())
          .andExpect(content().string(containsString("id=\"startup-check\"")))
          .andExpect(content().string(containsString("选票序号不连续")));
      mvc.perform(get("/").with(user(s.clerk1()).roles("USER")))
          .andExpect(status().isOk())
          .andExpect(content().string(not(containsString("startup-check"))));
    } finally {
      jdbc.update(
          "INSERT INTO ballot_record (entry_id, position, client_id, marks) VALUES (?, 2, ?, ?)",
          entry,
          kept.get("client_id"),
          kept.get("marks"));
    }
    assertThat(startupCheck.check(true).ok()).isTrue();
    startupCheck.dismiss(); // later tests sharing this application see a plain dashboard
  }

  @Test
  void clerksPostBallotsAsJsonIdempotentlyWithChineseErrors() throws Exception {
    Setup s = votingBegun();
    String url = "/api/elections/" + s.electionId() + "/rounds/1/ballots";
    String id = UUID.randomUUID().toString();
    String body = "{\"clientId\":\"" + id + "\",\"marks\":\"12?\",\"entry\":\"A\"}";
    var clerk = user(s.clerk1()).roles("USER");
    postAs(url, clerk, body)
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.position").value(1))
        .andExpect(jsonPath("$.verdict").value("NEEDS_REVIEW"))
        .andExpect(jsonPath("$.duplicate").value(false));
    postAs(url, clerk, body)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.position").value(1))
        .andExpect(jsonPath("$.duplicate").value(true));
    postAs(
            url,
            clerk,
            "{\"clientId\":\"" + UUID.randomUUID() + "\",\"marks\":\"1201\",\"entry\":\"A\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.message").value(containsString("ENTRY.MARKS.COUNT")))
        .andExpect(jsonPath("$.message").value(containsString("3名候选人")));
    postAs(
            url,
            clerk,
            "{\"clientId\":\"" + UUID.randomUUID() + "\",\"marks\":\"120\",\"entry\":\"B\"}")
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.message").value(containsString("ENTRY.SECOND_SAME_USER")));
    // an observer-less outsider may not enter
    mvc.perform(
            post(url)
                .with(user("outsider-" + s.electionId()).roles("USER"))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"clientId\":\"" + UUID.randomUUID() + "\",\"marks\":\"120\"}"))
        .andExpect(status().isForbidden());
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM ballot_record r JOIN ballot_entry e ON e.id = r.entry_id"
                    + " JOIN ballot_stack s ON s.id = e.stack_id JOIN voting_round v ON v.id = s.round_id"
                    + " WHERE v.election_id = ?",
                Long.class,
                s.electionId()))
        .isEqualTo(1);

    mvc.perform(get("/api/openapi.json").with(clerk))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("/api/elections/{id}/rounds/{r}/ballots")));
    // the pages render
    mvc.perform(
            get("/elections/" + s.electionId() + "/voting")
                .with(user("admin").roles("ADMIN", "USER")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("投票轮次")));
    mvc.perform(
            get("/elections/" + s.electionId() + "/voting/rounds/1")
                .with(user("admin").roles("ADMIN", "USER")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("下载选票")));
    mvc.perform(get("/elections/" + s.electionId() + "/voting/rounds/1/live").with(clerk))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("hx-trigger=\"every 3s\"")));
    mvc.perform(get("/elections/" + s.electionId() + "/voting/rounds/1/entry?side=A").with(clerk))
        .andExpect(status().isOk());
    mvc.perform(
            get("/elections/"
                    + s.electionId()
                    + "/voting/checkin/search?stage=1&q="
                    + s.names().get(0))
                .with(clerk))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(s.names().get(0))));
  }

  @Test
  void ballotTablesHoldNoVoterReferenceAndNoTime() throws Exception {
    try (var con = dataSource.getConnection()) {
      DatabaseMetaData md = con.getMetaData();
      for (String table : List.of("ballot_record", "ballot_ruling")) {
        List<String> columns = new ArrayList<>();
        try (ResultSet rs = md.getColumns(null, null, table, null)) {
          while (rs.next()) {
            String name = rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
            int type = rs.getInt("DATA_TYPE");
            columns.add(name);
            assertThat(name)
                .as(table + "." + name)
                .doesNotContain(
                    "member",
                    "voter",
                    "checkin",
                    "check_in",
                    "person",
                    "attendee",
                    "_at",
                    "time",
                    "date",
                    "created",
                    "seq");
            assertThat(type)
                .as(table + "." + name + " type")
                .isNotIn(
                    Types.DATE,
                    Types.TIME,
                    Types.TIMESTAMP,
                    Types.TIME_WITH_TIMEZONE,
                    Types.TIMESTAMP_WITH_TIMEZONE);
          }
        }
        assertThat(columns).as(table).contains("position", "marks");
        try (ResultSet rs = md.getImportedKeys(null, null, table)) {
          while (rs.next()) {
            assertThat(rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT))
                .as(table + " references")
                .isIn("ballot_entry", "ballot_stack");
          }
        }
      }
    }
  }
}
