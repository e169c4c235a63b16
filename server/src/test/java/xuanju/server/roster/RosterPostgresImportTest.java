package xuanju.server.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import xuanju.core.roster.Member;
import xuanju.core.roster.RosterField;
import xuanju.server.audit.AuditLog;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.support.PostgresAppTest;

/**
 * The roster import on a real PostgreSQL 15: batched inserts, all-or-nothing, export round trip.
 */
class RosterPostgresImportTest extends PostgresAppTest {
  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired OrganisationService orgs;
  @Autowired AuditLog audit;

  @Test
  void bulkImportBadFileAndRoundTripOnPostgres() throws Exception {
    long org = RosterTestSupport.branch(orgs, "PG导入党支部");
    // 2,500 rows: several JDBC batches of 1,000
    List<Member> members = RosterFixtures.members(15L, 2500);
    mvc.perform(
            RosterTestSupport.upload(
                    org, "pg.xlsx", RosterFixtures.xlsx(RosterFixtures.sheet(members)))
                .with(RosterTestSupport.admin())
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.created").value(2500));
    assertThat(RosterTestSupport.count(jdbc, org)).isEqualTo(2500);
    assertThat(audit.latest(1).get(0).summary()).startsWith("导入党员名册 2500 人");

    // 45 rows with one bad row: nothing written
    long other = RosterTestSupport.branch(orgs, "PG错误党支部");
    List<List<String>> sheet = RosterFixtures.sheet(RosterFixtures.members(16L, 45));
    sheet.get(30).set(RosterField.BIRTH_DATE.ordinal(), "1900-01-01");
    long before = RosterTestSupport.countAll(jdbc);
    mvc.perform(
            RosterTestSupport.upload(other, "bad.xlsx", RosterFixtures.xlsx(sheet))
                .with(RosterTestSupport.admin())
                .with(csrf()))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errorCount").value(1))
        .andExpect(jsonPath("$.errors[0].row").value(31))
        .andExpect(jsonPath("$.errors[0].column").value("公民身份号码"))
        .andExpect(jsonPath("$.errors[0].code").value("ROSTER.ID.BIRTH_MISMATCH"));
    assertThat(RosterTestSupport.countAll(jdbc)).isEqualTo(before);

    // export and re-import in update mode: same rows
    byte[] file =
        mvc.perform(
                get("/api/organisations/{id}/members/export", org).with(RosterTestSupport.admin()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    mvc.perform(
            RosterTestSupport.upload(org, "export.xlsx", file)
                .param("mode", "UPDATE_EXISTING")
                .with(RosterTestSupport.admin())
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.updated").value(2500))
        .andExpect(jsonPath("$.created").value(0));
    mvc.perform(get("/api/organisations/{id}/members", org).with(RosterTestSupport.admin()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.stats.total").value(2500));
    assertThat(audit.firstBrokenLink()).isEmpty();
  }
}
