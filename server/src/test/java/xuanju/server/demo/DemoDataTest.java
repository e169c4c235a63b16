package xuanju.server.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import xuanju.core.roster.ResidentIds;
import xuanju.server.attendance.AttendanceService;
import xuanju.server.support.H2AppTest;
import xuanju.server.support.SignIn;

/** The demo data loads into the (empty) test database at start-up and loads only once. */
class DemoDataTest extends H2AppTest {
  @Autowired DemoData demo;
  @Autowired JdbcTemplate jdbc;
  @Autowired MockMvc mvc;
  @Autowired AttendanceService attendance;
  @Autowired xuanju.server.nomination.NominationService nominations;

  private long count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Long.class, args);
  }

  private long members(String organisation) {
    return count(
        "SELECT COUNT(*) FROM party_member m JOIN organisation o ON o.id = m.organisation_id"
            + " WHERE o.name = ?",
        organisation);
  }

  @Test
  void loadedBranchesMembersElectionsAndUsers() {
    assertThat(members("代力吉镇机关支部委员会")).isEqualTo(45);
    assertThat(members("代力吉镇中心小学党支部")).isEqualTo(28);
    assertThat(members("东营子村党支部")).isEqualTo(12);
    assertThat(members("西营子村党支部")).isEqualTo(6);

    // every demo ID passes the GB 11643 check and agrees with the birth date and gender
    List<Map<String, Object>> rows =
        jdbc.queryForList(
            "SELECT m.resident_id, m.birth_date, m.gender, m.membership, m.status FROM party_member m"
                + " JOIN organisation o ON o.id = m.organisation_id WHERE o.name IN"
                + " ('代力吉镇机关支部委员会', '代力吉镇中心小学党支部', '东营子村党支部', '西营子村党支部')");
    assertThat(rows).hasSize(91);
    for (var r : rows) {
      String id = (String) r.get("resident_id");
      assertThat(ResidentIds.check(id, LocalDate.now(), "id")).as(id).isEmpty();
      assertThat(id.substring(6, 14)).isEqualTo(r.get("birth_date").toString().replace("-", ""));
      int genderDigit = id.charAt(16) - '0';
      assertThat(genderDigit % 2 == 1).isEqualTo("MALE".equals(r.get("gender")));
    }
    assertThat(rows.stream().filter(r -> "PROBATIONARY".equals(r.get("membership"))).count())
        .isEqualTo(6);
    assertThat(rows.stream().filter(r -> "DISCIPLINE_PROBATION".equals(r.get("status"))).count())
        .isEqualTo(1);

    assertThat(
            jdbc.queryForList(
                "SELECT status FROM election WHERE created_by = 'demo' ORDER BY id", String.class))
        .containsExactly("PLAN_APPROVED", "DRAFT", "DRAFT", "PLAN_APPROVED");
    long approved = organsElection();
    SignIn.as(
        "demo_branch",
        false,
        () -> {
          var x = attendance.expected(approved);
          // 45 − 3 probationary − 1 留党察看 = 41 with a vote; the list is on publicity, not adopted
          assertThat(x.membersWithVote()).isEqualTo(41);
          assertThat(x.expected()).isEqualTo(41);
          assertThat(attendance.list(approved).exclusions()).hasSize(2);
        });
    // the town officer on the town; the branch users on the organs branch and the school branch
    for (String u :
        List.of("demo_town", "demo_branch", "demo_clerk", "demo_clerk2", "demo_scrutineer")) {
      assertThat(
              count(
                  "SELECT COUNT(*) FROM role_grant g JOIN app_user a ON a.id = g.user_id"
                      + " WHERE a.username = ?",
                  u))
          .as(u)
          .isEqualTo(u.equals("demo_town") ? 1 : 2);
    }
  }

  private long organsElection() {
    return count("SELECT id FROM election WHERE title = '中共代力吉镇机关支部委员会换届选举'");
  }

  @Test
  void theSchoolElectionWaitsAtTheEndOfItsPreliminaryPublicity() {
    long school = count("SELECT id FROM election WHERE title = '中共代力吉镇中心小学党支部委员会换届选举'");
    LocalDate today = LocalDate.now();
    SignIn.as(
        "demo_branch",
        false,
        () -> {
          var state = nominations.state(school);
          assertThat(state.phase()).isEqualTo(xuanju.server.nomination.Phase.PUBLICITY);
          // posted in the seeded past: the publicity has run, no back-dating is needed today
          assertThat(state.publicityPosted()).isBefore(today.minusDays(5));
          assertThat(nominations.overview(school).toString()).isNotEmpty();
          assertThat(nominations.nominees(school).stream().filter(n -> n.preliminary()).count())
              .isGreaterThanOrEqualTo(DemoData.SCHOOL_SEATS + 1);
          assertThat(attendance.list(school).exclusions()).hasSize(1);
        });
    assertThat(
            jdbc.queryForObject(
                "SELECT election_day FROM election WHERE id = ?", LocalDate.class, school))
        .isEqualTo(today.plusDays(DemoData.SCHOOL_DAYS_AHEAD));
  }

  @Test
  void runningAgainChangesNothing() throws Exception {
    long orgs = count("SELECT COUNT(*) FROM organisation");
    long members = count("SELECT COUNT(*) FROM party_member");
    long elections = count("SELECT COUNT(*) FROM election");
    long users = count("SELECT COUNT(*) FROM app_user");
    long audit = count("SELECT COUNT(*) FROM audit_event");
    demo.run(null);
    assertThat(count("SELECT COUNT(*) FROM organisation")).isEqualTo(orgs);
    assertThat(count("SELECT COUNT(*) FROM party_member")).isEqualTo(members);
    assertThat(count("SELECT COUNT(*) FROM election")).isEqualTo(elections);
    assertThat(count("SELECT COUNT(*) FROM app_user")).isEqualTo(users);
    assertThat(count("SELECT COUNT(*) FROM audit_event")).isEqualTo(audit);
  }

  @Test
  void theTownOfficerSeesTheDeadlinesAndThePlans() throws Exception {
    var officer = user("demo_town").roles("USER");
    mvc.perform(get("/").with(officer))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"deadlines\"")))
        .andExpect(content().string(containsString("代力吉镇机关支部委员会")))
        .andExpect(content().string(containsString("公示委员候选人初步人选")));
    long approved = organsElection();
    mvc.perform(get("/elections/{id}/plan", approved).with(officer))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("同意。请严格按照程序组织选举。")));
    mvc.perform(get("/elections/{id}/attendance", approved).with(officer))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("长期卧床")));
  }
}
