package xuanju.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import xuanju.server.support.H2AppTest;

/**
 * Pages asked for something that does not exist (yet) answer 4xx with a Chinese page, never 500.
 */
class PageErrorsTest extends H2AppTest {
  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;

  @Test
  void missingThingsGiveAChinese4xxPageNotA500() throws Exception {
    long election =
        jdbc.queryForObject("SELECT MIN(id) FROM election WHERE status = 'DRAFT'", Long.class);
    var admin = user(ADMIN).roles("ADMIN", "USER");
    for (String path :
        new String[] {
          "/elections/" + election + "/voting/rounds/999999",
          "/elections/" + election + "/voting/rounds/999999/ballot.pdf",
          "/elections/" + election + "/plan/reply.pdf",
          "/elections/999999",
        }) {
      var res = mvc.perform(get(path).with(admin)).andReturn().getResponse();
      assertThat(res.getStatus()).as(path).isBetween(400, 499);
      assertThat(res.getContentAsString())
          .as(path)
          .doesNotContain("Exception")
          .doesNotContain("at xuanju.");
    }
  }
}
