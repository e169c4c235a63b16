package xuanju.server.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import xuanju.core.community.CommunityRule;
import xuanju.core.community.Relation;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.register.RegisterFixtures;
import xuanju.server.support.PageText;

/**
 * The 居务监督委员会 and the 居民代表 of a residents' committee election: a member of the elected residents'
 * committee or a close relative of one refused as a nominee with nothing stored, the meeting's
 * quorum, the chair warning, the representatives' seats and turnout, and the register's order.
 */
class SupervisionRepresentativesTest extends CommunityDecidedSupport {
  private static final RequestPostProcessor ADMIN = user("admin").roles("ADMIN", "USER");

  @Autowired MockMvc mvc;
  @Autowired SupervisionService supervision;
  @Autowired RepresentativesService representatives;

  long nominees(long e) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM community_supervision_nominee WHERE election_id = ?", Long.class, e);
  }

  SupervisionService.View view(long e) {
    List<SupervisionService.View> out = new ArrayList<>();
    as(() -> out.add(supervision.view(e)));
    return out.get(0);
  }

  @Test
  void aResidentsCommitteeMemberOrRelativeIsRefusedAndNothingStored() throws Exception {
    var c = decided();
    long e = c.election();
    // the meeting's quorum as for the 选举办法: fewer than two thirds of 30 present is refused
    assertThatThrownBy(
            () ->
                as(
                    () ->
                        supervision.recordMeeting(
                            e, "REPRESENTATIVES_MEETING", LocalDate.now(), 30, 19)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(CommunityRule.METHOD_QUORUM.messageZh());
    assertThatThrownBy(
            () ->
                as(
                    () ->
                        supervision.recordMeeting(e, "RESIDENTS_MEETING", LocalDate.now(), 20, 10)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("未过半数");
    assertThat(view(e).meeting()).isEmpty();
    as(() -> supervision.recordMeeting(e, "REPRESENTATIVES_MEETING", LocalDate.now(), 30, 25));

    // 王主 was elected 主任 of the residents' committee on election day
    assertThatThrownBy(() -> as(() -> supervision.addNominee(e, c.id("王主"), 20, "")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("王主是本届居民委员会成员")
        .hasMessageContaining(CommunityRule.SUPERVISION_RC_MEMBER.messageZh())
        .hasMessageContaining("四（二）3（1）");
    assertThat(nominees(e)).isZero();

    // 甲三 is the spouse of 赵委 (elected 委员)
    as(() -> relatives.declare(e, c.id("赵委"), c.id("甲三"), Relation.SPOUSE));
    assertThatThrownBy(() -> as(() -> supervision.addNominee(e, c.id("甲三"), 20, "")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("甲三")
        .hasMessageContaining(CommunityRule.SUPERVISION_RC_RELATIVE.messageZh());
    assertThat(nominees(e)).isZero();

    // through the page: 400 with the Chinese message, nothing stored
    String html =
        mvc.perform(
                post("/elections/{id}/community/supervision/nominees", e)
                    .with(ADMIN)
                    .with(csrf())
                    .param("residentId", c.id("刘副"))
                    .param("votes", "20")
                    .param("partyPost", ""))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(PageText.visible(html)).contains("刘副是本届居民委员会成员");
    assertThat(nominees(e)).isZero();
    // a losing candidate may be nominated; more votes than present is refused
    assertThatThrownBy(() -> as(() -> supervision.addNominee(e, c.id("丁主"), 26, "")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("0至到会人数25");
    as(() -> supervision.addNominee(e, c.id("丁主"), 20, ""));
    assertThat(nominees(e)).isEqualTo(1);
    assertThat(audits(c, "COMMUNITY_SUPERVISION_NOMINEE")).isEqualTo(1);
    // one of three elected by over half of those present: the rest must be chosen again
    assertThat(view(e).findings())
        .anySatisfy(
            f -> {
              assertThat(f.code()).isEqualTo(CommunityRule.SUPERVISION_MAJORITY.code());
              assertThat(f.messageZh()).contains("过半数同意的被推选人1名");
            });
  }

  @Test
  void theChairRuleIsAWarningAndTheElectedNeedOverHalf() throws Exception {
    var c = decided();
    long e = c.election();
    as(() -> supervision.recordMeeting(e, "REPRESENTATIVES_MEETING", LocalDate.now(), 30, 24));
    as(() -> supervision.addNominee(e, c.id("甲一"), 20, "DISCIPLINE_MEMBER"));
    as(() -> supervision.addNominee(e, c.id("甲二"), 18, ""));
    as(() -> supervision.addNominee(e, c.id("甲四"), 16, ""));
    as(() -> supervision.addNominee(e, c.id("甲五"), 12, "")); // exactly half: not elected
    var v = view(e);
    assertThat(v.elected().stream().map(SupervisionService.Nominee::name))
        .containsExactly("甲一", "甲二", "甲四");
    long chairNot = v.elected().get(2).id();
    as(() -> supervision.chair(e, chairNot));
    assertThat(view(e).findings())
        .anySatisfy(
            f -> {
              assertThat(f.code()).isEqualTo(CommunityRule.SUPERVISION_CHAIR.code());
              assertThat(f.error()).isFalse();
              assertThat(f.messageZh()).contains("甲四").contains("纪委书记或纪检委员");
            });
    String html =
        mvc.perform(get("/elections/{id}/community/supervision", e).with(ADMIN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String page = PageText.visible(html);
    assertThat(page).contains("居务监督委员会").contains("当选（主任）").contains("纪委书记或纪检委员");
    assertThat(PageText.codeIn(page)).isEmpty();
    assertThat(html)
        .contains("id=\"tab-supervision\"")
        .contains("title=\"RESIDENTS.SUPERVISION.CHAIR\"");
    long chairOk = view(e).elected().get(0).id();
    as(() -> supervision.chair(e, chairOk));
    assertThat(view(e).findings()).noneMatch(f -> f.code().equals("RESIDENTS.SUPERVISION.CHAIR"));
    long notElected = view(e).nominees().get(3).id();
    assertThatThrownBy(() -> as(() -> supervision.chair(e, notElected)))
        .isInstanceOf(InvalidInputException.class);
    assertThat(audits(c, "COMMUNITY_SUPERVISION_CHAIR")).isEqualTo(2);
  }

  long grid(long e, String name) {
    return jdbc.queryForObject(
        "SELECT id FROM community_grid WHERE election_id = ? AND grid = ?", Long.class, e, name);
  }

  long gridRows(long e) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM community_grid WHERE election_id = ?", Long.class, e);
  }

  @Test
  void representativesSeatsTurnoutAndTheRegisterOrder() throws Exception {
    var c = standard("甲一", "甲五", "高六六");
    long e = c.election();
    String unit =
        jdbc.queryForObject(
            "SELECT unit FROM district_unit WHERE election_id = ?", String.class, e);
    long p2 =
        RegisterFixtures.person(jdbc, c.org(), unit, "第2组", "丁二", LocalDate.now().minusYears(30));
    String other = RegisterFixtures.residentIdOf(jdbc, p2);
    LocalDate today = LocalDate.now();
    // 120 households: at most ceil(120 / 50) = 3 seats
    assertThatThrownBy(() -> as(() -> representatives.recordGrid(e, "第1组", today, 120, 100, 4)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("至多3名")
        .hasMessageContaining(CommunityRule.REPRESENTATIVES_SEATS.messageZh());
    // 79 of 120 households is less than two thirds
    assertThatThrownBy(() -> as(() -> representatives.recordGrid(e, "第1组", today, 120, 79, 2)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("不足三分之二")
        .hasMessageContaining(CommunityRule.REPRESENTATIVES_TURNOUT.messageZh());
    assertThatThrownBy(() -> as(() -> representatives.recordGrid(e, "第9组", today, 50, 50, 1)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("不在");
    assertThat(gridRows(e)).isZero();
    as(() -> representatives.recordGrid(e, "第1组", today, 120, 80, 2));
    long g1 = grid(e, "第1组");
    as(() -> representatives.addNominee(e, g1, c.id("高六六"), 60));
    as(() -> representatives.addNominee(e, g1, c.id("甲五"), 45));
    // a third with over half of 80 would elect more than the 2 seats
    assertThatThrownBy(() -> as(() -> representatives.addNominee(e, g1, c.id("甲一"), 41)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("超过本网格名额2名");
    // all marks more than 80 households × 2 seats
    assertThatThrownBy(() -> as(() -> representatives.addNominee(e, g1, c.id("甲一"), 56)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("多于到会80户乘以名额2名");
    // a person of another grid
    assertThatThrownBy(() -> as(() -> representatives.addNominee(e, g1, other, 10)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("不是第1组的居民");
    as(() -> representatives.addNominee(e, g1, c.id("甲一"), 30)); // not over half: not elected
    as(() -> representatives.recordGrid(e, "第2组", today, 40, 30, 1));
    long g2 = grid(e, "第2组");
    as(() -> representatives.addNominee(e, g2, other, 25));
    assertThat(audits(c, "COMMUNITY_GRID_MEETING")).isEqualTo(2);

    // the register knows 第2组's households by 户号: two; 40 entered differs and the page says so
    jdbc.update("UPDATE person SET household = '二组1户' WHERE id = ?", p2);
    long p3 =
        RegisterFixtures.person(jdbc, c.org(), unit, "第2组", "丁三", LocalDate.now().minusYears(30));
    jdbc.update("UPDATE person SET household = '二组2户' WHERE id = ?", p3);
    List<RepresentativesService.View> out = new ArrayList<>();
    as(() -> out.add(representatives.view(e)));
    assertThat(out.get(0).registerHouseholds("第2组")).isEqualTo(2);
    assertThat(out.get(0).registerHouseholds("第1组")).isNull();
    // elected: 高六六, 甲五 (第1组) and 丁二 (第2组); 丁二 is a party member
    jdbc.update("UPDATE person SET political_status = 'CPC_MEMBER' WHERE id = ?", p2);
    as(() -> out.set(0, representatives.view(e)));
    assertThat(out.get(0).partyZh()).startsWith("当选居民代表3人，其中中共党员（含预备党员）1人；提倡依法将党员推选为居民代表");
    assertThat(out.get(0).grids().stream().filter(out.get(0)::householdsDiffer))
        .extracting(RepresentativesService.Grid::grid)
        .containsExactly("第2组");
    assertThat(
            mvc.perform(get("/elections/{id}/community/representatives", e).with(ADMIN))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("填报的本网格户数40户与居民名册按户号登记的2户不一致")
        .contains("第2组（居民名册登记2户）");
    // by grid, then 姓氏笔画 (甲 has fewer strokes than 高, though 高六六 had more votes)
    assertThat(out.get(0).register().stream().map(r -> r.grid() + r.name()))
        .containsExactly("第1组甲五", "第1组高六六", "第2组丁二");
    byte[] xlsx =
        mvc.perform(get("/elections/{id}/community/representatives/register.xlsx", e).with(ADMIN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    List<String> names = new ArrayList<>();
    try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      var sheet = wb.getSheetAt(0);
      for (int i = 0; i <= sheet.getLastRowNum(); i++) {
        var row = sheet.getRow(i);
        if (row != null
            && row.getCell(2) != null
            && row.getCell(0).toString().matches("\\d+(\\.0)?")) {
          names.add(row.getCell(1).toString() + row.getCell(2).toString());
        }
      }
    }
    assertThat(names).containsExactly("第1组甲五", "第1组高六六", "第2组丁二");
    String html =
        mvc.perform(get("/elections/{id}/community/representatives", e).with(ADMIN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(PageText.codeIn(PageText.visible(html))).isEmpty();
    assertThat(html).contains("id=\"tab-representatives\"").contains("id=\"register-xlsx\"");
    // the page refuses an over-seat grid with 400 and the Chinese message
    String refused =
        mvc.perform(
                post("/elections/{id}/community/representatives/grids", e)
                    .with(ADMIN)
                    .with(csrf())
                    .param("grid", "第2组")
                    .param("heldOn", today.toString())
                    .param("households", "40")
                    .param("present", "30")
                    .param("seats", "2"))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(PageText.visible(refused)).contains("至多1名");
  }
}
