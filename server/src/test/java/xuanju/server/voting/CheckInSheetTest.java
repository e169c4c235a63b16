package xuanju.server.voting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import xuanju.core.names.NameOrder;
import xuanju.server.election.ElectionService;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.plan.PlanFixtures;
import xuanju.server.security.UserRepository;
import xuanju.server.support.H2AppTest;
import xuanju.server.voting.VotingFixture.Setup;

/**
 * The meeting's printable sign-in sheet (签到表) and the list of who has not checked in (未到会人员), both
 * in 姓氏笔画 order.
 */
class CheckInSheetTest extends H2AppTest {
  @Autowired MockMvc mvc;
  @Autowired VotingServices voting;
  @Autowired ElectionService elections;
  @Autowired OrganisationService orgs;
  @Autowired UserRepository users;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theSheetListsEveryoneAndThePageTheAbsent() throws Exception {
    List<String> names = new ArrayList<>(List.of("王春华", "丁一凡", "石磊", "刘晓燕", "李文", "罗志刚"));
    for (int i = 0; names.size() < 9; i++) {
      names.add(VotingFixture.name(i));
    }
    Setup s = VotingFixture.create(orgs, elections, users, jdbc, names, true, 5, 1);
    long e = s.electionId();
    // three check in
    VotingServiceTest.as(
        "admin",
        true,
        () -> {
          for (String n : List.of("王春华", "石磊", "李文")) {
            voting.checkIn().checkIn(e, 1, s.key(names.indexOf(n)));
          }
          return null;
        });
    List<String> absent =
        VotingServiceTest.as("admin", true, () -> voting.checkIn().absentees(e, 1)).stream()
            .map(VotingModel.Voter::name)
            .toList();
    List<String> expected = new ArrayList<>(names);
    expected.removeAll(List.of("王春华", "石磊", "李文"));
    expected.sort(NameOrder.surnameStrokes());
    assertThat(absent).containsExactlyElementsOf(expected);

    String page =
        mvc.perform(
                get("/elections/{id}/voting/checkin", e).with(user("admin").roles("ADMIN", "USER")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("尚未签到 <span id=\"absent-count\">" + expected.size() + "</span> 人");
    assertThat(page).contains(String.join("、", expected));

    byte[] pdf =
        mvc.perform(
                get("/elections/{id}/voting/checkin/sheet.pdf", e)
                    .with(user("admin").roles("ADMIN", "USER")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    String text = PlanFixtures.pdfText(pdf).replaceAll("\\s+", "");
    assertThat(
            xuanju.server.support.DocumentWording.problems(
                "sheet.pdf",
                xuanju.server.support.DocumentWording.text("sheet.pdf", pdf),
                List.of("admin"),
                jdbc.queryForList("SELECT name FROM organisation", String.class)))
        .isEmpty();
    assertThat(text).contains("签到表", "应到会" + names.size() + "人", "序号姓名签名备注");
    List<String> all = new ArrayList<>(names);
    all.sort(NameOrder.surnameStrokes());
    int at = -1;
    for (int i = 0; i < all.size(); i++) {
      int next = text.indexOf((i + 1) + all.get(i));
      assertThat(next).as("%s 按姓氏笔画排在第%d", all.get(i), i + 1).isGreaterThan(at);
      at = next;
    }
  }
}
