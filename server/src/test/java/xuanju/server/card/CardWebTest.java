package xuanju.server.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import xuanju.server.audit.AuditLog;
import xuanju.server.card.CardFixture.Voter;
import xuanju.server.election.ElectionKind;
import xuanju.server.election.ElectionService;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.support.H2AppTest;

/**
 * The page 选民证与委托投票 and the look-up API over HTTP: the page shows the counts, a proxy beyond the
 * cap comes back as a Chinese message and saves nothing, the cards download as a PDF, and the
 * look-up answers JSON with the ID number masked.
 */
class CardWebTest extends H2AppTest {
  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired OrganisationService orgs;
  @Autowired ElectionService elections;
  @Autowired AuditLog audit;

  private static RequestPostProcessor admin() {
    return user("admin").roles("ADMIN", "USER");
  }

  private long count(String sql, Object... args) {
    Long n = jdbc.queryForObject(sql, Long.class, args);
    return n == null ? 0 : n;
  }

  @Test
  void pageFormsDownloadsAndLookUp() throws Exception {
    CardFixture f = CardFixture.election(orgs, elections, jdbc, ElectionKind.TOWN_PEOPLES_CONGRESS);
    long d1 = f.district(1, "东营子村");
    long hall = f.station(d1, "东营子村委会投票站", false);
    long mobile = f.station(d1, "东营子流动票箱", true);
    List<Voter> v = f.voters(d1, "东营子村", "一组", 6, 1, 0);

    mvc.perform(
            post("/elections/{id}/cards/assign-group", f.electionId)
                .param("districtId", Long.toString(d1))
                .param("unit", "东营子村")
                .param("residentsGroup", "一组")
                .param("stationId", Long.toString(hall))
                .with(admin())
                .with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("message", "已分配6名选民"));
    String page =
        mvc.perform(get("/elections/{id}/cards", f.electionId).with(admin()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("选民证与委托投票").contains("东营子村委会投票站").contains("登记册");
    assertThat(page).contains("id=\"listed\">6<").contains("id=\"unassigned\">0<");
    for (Voter x : v) {
      assertThat(page).doesNotContain(x.residentId());
    }

    // a register book only for a mobile box: Chinese message, 400
    mvc.perform(
            get("/elections/{id}/cards/register-book.pdf", f.electionId)
                .param("stationId", Long.toString(hall))
                .with(admin()))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("不是流动票箱")));
    mvc.perform(
            get("/elections/{id}/cards/register-book.pdf", f.electionId)
                .param("stationId", Long.toString(mobile))
                .with(admin()))
        .andExpect(status().isOk())
        .andExpect(content().contentType("application/pdf"));
    byte[] cards =
        mvc.perform(
                get("/elections/{id}/cards/voter-cards.pdf", f.electionId)
                    .param("districtId", Long.toString(d1))
                    .with(admin()))
            .andExpect(status().isOk())
            .andExpect(content().contentType("application/pdf"))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(new String(cards, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("%PDF-");
    // the cards and the mobile box's register book read as official texts (issue 14); the QR code
    // is an image, not text
    byte[] book =
        mvc.perform(
                get("/elections/{id}/cards/register-book.pdf", f.electionId)
                    .param("stationId", Long.toString(mobile))
                    .with(admin()))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    List<String> orgNames = jdbc.queryForList("SELECT name FROM organisation", String.class);
    for (var doc :
        java.util.Map.of("voter-cards.pdf", cards, "register-book.pdf", book).entrySet()) {
      assertThat(
              xuanju.server.support.DocumentWording.problems(
                  doc.getKey(),
                  xuanju.server.support.DocumentWording.text(doc.getKey(), doc.getValue()),
                  List.of("admin"),
                  orgNames))
          .isEmpty();
    }

    // three proxies for one holder, then a fourth through the form: refused, nothing saved
    for (int i = 1; i <= 4; i++) {
      var r =
          mvc.perform(
                  post("/elections/{id}/cards/proxies", f.electionId)
                      .param("principalId", v.get(i).residentId())
                      .param("holderId", v.get(0).residentId())
                      .param("authorisedOn", LocalDate.now().toString())
                      .param("reason", "外出务工")
                      .param("written", "true")
                      .param("consentOn", LocalDate.now().toString())
                      .param("consentBy", "选举委员会主任 王某")
                      .with(admin())
                      .with(csrf()))
              .andExpect(status().is3xxRedirection());
      if (i < 4) {
        r.andExpect(flash().attribute("message", "已登记委托投票"));
      } else {
        long audited = audit.latest(1).get(0).seq();
        r.andExpect(
            flash().attribute("error", org.hamcrest.Matchers.containsString("每一选民接受的委托不得超过三人")));
        assertThat(audit.latest(1).get(0).seq()).isEqualTo(audited);
      }
    }
    assertThat(count("SELECT COUNT(*) FROM voter_proxy WHERE election_id = ?", f.electionId))
        .isEqualTo(3);
    long proxyId = count("SELECT MIN(id) FROM voter_proxy WHERE election_id = ?", f.electionId);
    mvc.perform(
            get("/elections/{id}/cards/proxies/{p}/letter.pdf", f.electionId, proxyId)
                .with(admin()))
        .andExpect(status().isOk())
        .andExpect(content().contentType("application/pdf"));

    // the look-up API: masked ID number, the proxies, a tampered code refused with 400
    String json =
        mvc.perform(
                get("/api/elections/{id}/voters/lookup", f.electionId)
                    .param("q", v.get(0).name())
                    .with(admin()))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.by").value("NAME"))
            .andExpect(jsonPath("$.voters[0].voterNo").value(1))
            .andExpect(jsonPath("$.voters[0].holds.length()").value(3))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(json).doesNotContain(v.get(0).residentId());
    mvc.perform(
            get("/api/elections/{id}/voters/lookup", f.electionId)
                .param("qr", "XJ1-1-1-1-AAAAAAAAAAAAAAAA")
                .with(admin()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("qr"));
    mvc.perform(get("/elections/{id}/checkin-lookup", f.electionId).with(admin()))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("选举日签到查询")));
  }
}
