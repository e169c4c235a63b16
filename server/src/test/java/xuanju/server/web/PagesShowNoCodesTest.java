package xuanju.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import xuanju.server.support.H2AppTest;
import xuanju.server.support.PageText;

/**
 * The pages an officer reads show no rule codes (页面不显示规则代码): every page of the demo elections, the
 * dashboard, the town desk and the audit log, rendered and reduced to the text a reader sees (tags,
 * scripts and attributes such as tooltips removed), holds no {@code PARTY.QUORUM.4_5}-like code.
 * Codes may stay in tooltips ({@code title}) and the JSON API.
 */
class PagesShowNoCodesTest extends H2AppTest {
  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;

  @Test
  void noPageOfTheDemoShowsARuleCode() throws Exception {
    List<Long> ids =
        jdbc.queryForList(
            "SELECT id FROM election WHERE created_by = 'demo' ORDER BY id", Long.class);
    List<String> pages =
        new ArrayList<>(List.of("/", "/desk", "/elections", "/admin/audit", "/rules", "/people"));
    for (long id : ids) {
      for (String p : List.of("", "/plan", "/attendance", "/nomination", "/voting", "/results")) {
        pages.add("/elections/" + id + p);
      }
    }
    List<String> problems = new ArrayList<>();
    int shown = 0;
    for (String who : List.of("admin", "demo_town", "demo_branch")) {
      var u = who.equals("admin") ? user(who).roles("ADMIN", "USER") : user(who).roles("USER");
      for (String p : pages) {
        var res = mvc.perform(get(p).with(u)).andReturn().getResponse();
        if (res.getStatus() != 200) {
          continue;
        }
        shown++;
        PageText.codeIn(res.getContentAsString())
            .ifPresent(around -> problems.add(who + " " + p + "：" + around));
      }
    }
    assertThat(shown).as("页面").isGreaterThan(50);
    assertThat(problems).isEmpty();
  }

  @Test
  void theRuleCatalogueFindsACodeAndShowsItOnlyAsATooltip() throws Exception {
    String page =
        mvc.perform(get("/rules").param("q", "PARTY.QUORUM").with(user("demo_town").roles("USER")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("data-code=\"PARTY.QUORUM.4_5\"", "title=\"PARTY.QUORUM.4_5\"")
        .contains("《中国共产党基层组织选举工作条例（2020）》")
        .doesNotContain("legal-rules", "种子", "Xuanju");
    assertThat(PageText.codeIn(page)).isEmpty();
  }
}
