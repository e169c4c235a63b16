package xuanju.server.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import xuanju.server.audit.AuditLog;
import xuanju.server.audit.AuditWitness;
import xuanju.server.support.H2AppTest;

/**
 * The start-up self-check and the audit chain's head. A head behind the events (an event whose head
 * update a crash lost) is moved to the newest event, so the next event continues the chain instead
 * of colliding with an existing number; a head ahead of the events (what deleting events looks
 * like) is never "repaired" but reported.
 */
class StartupCheckTest extends H2AppTest {
  @Autowired StartupCheck startupCheck;
  @Autowired AuditLog audit;
  @Autowired AuditWitness witness;
  @Autowired JdbcTemplate jdbc;
  @Autowired MockMvc mvc;

  private Map<String, Object> event(long seq) {
    return jdbc.queryForMap("SELECT seq, hash FROM audit_event WHERE seq = ?", seq);
  }

  @Test
  void aHeadBehindTheEventsIsMovedToTheNewestEventAndTheChainContinues() {
    audit.append("test", "TEST_EVENT", "test", "启动自检测试之前的事件");
    long last = jdbc.queryForObject("SELECT MAX(seq) FROM audit_event", Long.class);
    jdbc.update(
        "UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1",
        last - 1,
        event(last - 1).get("hash"));

    StartupCheck.Report r = startupCheck.check(true);

    assertThat(r.repaired())
        .anyMatch(x -> x.contains("审计链头指向第" + (last - 1) + "条") && x.contains("第" + last + "条"));
    assertThat(r.ok()).as(r.summaryZh()).isTrue();
    AuditLog.Event next = audit.latest(1).get(0);
    assertThat(next.seq()).isEqualTo(last + 1);
    assertThat(next.action()).isEqualTo("STARTUP_CHECK");
    assertThat(audit.firstBrokenLink()).isEmpty();
    assertThat(startupCheck.check(true).repaired()).isEmpty();
    startupCheck.dismiss();
    assertThat(startupCheck.latest()).isEmpty();
  }

  @Test
  void anAdministratorRunsTheCheckFromTheAuditPageAndDismissesItsNotice() throws Exception {
    var admin = user(ADMIN).roles("ADMIN", "USER");
    mvc.perform(get("/admin/audit").with(admin))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"run-integrity-check\"")));
    mvc.perform(post("/admin/integrity-check").with(admin).with(csrf()))
        .andExpect(status().is3xxRedirection());
    assertThat(startupCheck.latest()).isPresent();
    mvc.perform(get("/").with(admin))
        .andExpect(content().string(containsString("数据自检（管理员发起）：审计链完整")))
        .andExpect(content().string(containsString("id=\"dismiss-startup-check\"")));
    assertThat(
            jdbc.queryForObject(
                "SELECT action FROM audit_event ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY",
                String.class))
        .isEqualTo("STARTUP_CHECK");
    mvc.perform(post("/admin/integrity-check/dismiss").with(admin).with(csrf()))
        .andExpect(status().is3xxRedirection());
    assertThat(startupCheck.latest()).isEmpty();
    mvc.perform(get("/").with(admin))
        .andExpect(content().string(not(containsString("startup-check"))));
  }

  @Test
  void aHeadAheadOfTheEventsIsReportedNotRepaired() {
    long last = jdbc.queryForObject("SELECT MAX(seq) FROM audit_event", Long.class);
    String hash = (String) event(last).get("hash");
    jdbc.update(
        "UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1", last + 5, "f".repeat(64));
    try {
      StartupCheck.Report r = startupCheck.check(true);
      assertThat(r.repaired()).noneMatch(x -> x.contains("审计链头"));
      assertThat(r.problems()).anyMatch(x -> x.contains("审计链自第") && x.contains("校验不通过"));
    } finally {
      // put the log back as it was (the check's own event was chained onto the false head)
      jdbc.update("DELETE FROM audit_event WHERE seq > ?", last);
      jdbc.update("UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1", last, hash);
      witness.resetTo(audit.head()); // the check's event had moved the witness past `last`
    }
    assertThat(audit.firstBrokenLink()).isEmpty();
    startupCheck.dismiss(); // later tests sharing this application see a plain dashboard
  }
}
