package xuanju.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.support.H2AppTest;
import xuanju.server.support.SignIn;

/**
 * The audit log page (审计日志): Chinese actions, people and objects, filters by action, person, dates
 * and words, and pages of 50, newest first.
 */
class AuditPageWebTest extends H2AppTest {
  @Autowired MockMvc mvc;
  @Autowired AuditLog audit;
  @Autowired OrganisationService organisations;

  @Test
  void theLogIsReadInChineseFilteredAndPaged() throws Exception {
    int n = ThreadLocalRandom.current().nextInt(10_000, 100_000);
    String word = "审计页测试" + n;
    long org = organisations.create("admin", null, "审计页测试镇" + n, "TOWN_COMMITTEE");
    for (int i = 0; i < 120; i++) {
      SignIn.as(
          "admin",
          true,
          () -> audit.append("admin", "ROSTER_EXPORTED", "organisation:" + org, word + " 导出"));
    }
    audit.append("admin", "PLAN_UPDATED", "organisation:" + org, word + " 方案");

    Page all = page("/admin/audit?words=" + word);
    assertThat(all.matching()).isEqualTo("共 121 条");
    assertThat(all.rows()).hasSize(AuditBrowser.PAGE_SIZE);
    assertThat(all.html()).contains("第 1 / 3 页");
    // newest first, in Chinese, with the codes only in tooltips
    String first = all.rows().get(0);
    assertThat(first)
        .contains("title=\"PLAN_UPDATED\">修改选举工作方案</td>")
        .contains(">组织：审计页测试镇" + n + "</td>")
        .contains(">系统管理员</td>");
    assertThat(String.join("", all.rows()).replaceAll("title=\"[^\"]*\"", ""))
        .doesNotContain("ROSTER_EXPORTED", "organisation:");

    assertThat(page("/admin/audit?words=" + word + "&page=2").rows()).hasSize(21);
    assertThat(page("/admin/audit?words=" + word + "&action=PLAN_UPDATED").matching())
        .isEqualTo("共 1 条");
    String tomorrow = LocalDate.now().plusDays(1).toString();
    assertThat(
            page("/admin/audit?words=" + word + "&from=" + tomorrow + "&to=" + tomorrow).matching())
        .isEqualTo("共 0 条");
    String today = LocalDate.now().toString();
    assertThat(page("/admin/audit?words=" + word + "&from=" + today + "&to=" + today).matching())
        .isEqualTo("共 121 条");
    assertThat(page("/admin/audit?words=" + word + "&person=系统管理").matching()).isEqualTo("共 121 条");
    assertThat(page("/admin/audit?words=" + word + "&person=没有这个人").matching()).isEqualTo("共 0 条");
    // a LIKE wildcard in the words is taken literally
    assertThat(page("/admin/audit?words=%25%25%25").matching()).isEqualTo("共 0 条");
  }

  /** The parts of the page the test reads. */
  record Page(String html, String matching, List<String> rows) {}

  private Page page(String url) throws Exception {
    String html =
        mvc.perform(get(url).with(user(ADMIN).roles("ADMIN", "USER")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    Matcher m = Pattern.compile("id=\"audit-matching\"[^>]*>([^<]*)<").matcher(html);
    assertThat(m.find()).isTrue();
    String body = html.substring(html.indexOf("<tbody>", html.indexOf("id=\"audit-events\"")));
    body = body.substring(0, body.indexOf("</tbody>"));
    List<String> rows = new ArrayList<>();
    Matcher r = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL).matcher(body);
    while (r.find()) {
      rows.add(r.group(1));
    }
    return new Page(html, m.group(1), rows);
  }
}
