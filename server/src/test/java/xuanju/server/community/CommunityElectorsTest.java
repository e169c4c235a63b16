package xuanju.server.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.support.PageText;

/**
 * The three lawful electorates on election day (居组法 第八条): the named 户代表 / 居民小组代表, the turnout base
 * fixed when the vote opens, and check-in (签到领票) that follows the way — one ballot per voter, per
 * household, or per group representative.
 */
class CommunityElectorsTest extends CommunitySupport {
  private static final RequestPostProcessor ADMIN = user("admin").roles("ADMIN", "USER");
  private static final String[] MORE = {"甲一", "甲二", "甲三", "甲四", "甲五", "甲六"};

  @Autowired MockMvc mvc;
  @Autowired ElectionMethodService methods;
  @Autowired CommunityBallotService ballots;
  @Autowired ElectorService electors;
  @Autowired xuanju.server.district.StationService stations;
  @Autowired BoxCountService boxes;
  @Autowired xuanju.server.card.VoterCardToken cards;

  /** 20 voters, the method adopted with the way given, the list published. */
  CommunityFixtures.Community ready(String mode) {
    var c = standard(MORE);
    as(() -> methods.draft(c.election(), mode, 3, true, "NO"));
    as(() -> methods.adopt(c.election(), LocalDate.now(), 30, 25, 20));
    publish(c, all(c));
    return c;
  }

  ElectorService.View view(long e) {
    List<ElectorService.View> out = new ArrayList<>();
    as(() -> out.add(electors.view(e)));
    return out.get(0);
  }

  int add(CommunityFixtures.Community c, String basis, String... names) {
    StringBuilder lines = new StringBuilder();
    for (String n : names) {
      lines.append(n).append(' ').append(c.id(n)).append('\n');
    }
    int[] n = new int[1];
    as(() -> n[0] = electors.addRepresentatives(c.election(), lines.toString(), basis));
    return n[0];
  }

  ElectorService.Admitted checkIn(CommunityFixtures.Community c, String name) {
    return checkIn(c, name, null);
  }

  ElectorService.Admitted checkIn(CommunityFixtures.Community c, String name, Long station) {
    List<ElectorService.Admitted> out = new ArrayList<>();
    as(() -> out.add(electors.checkIn(c.election(), c.id(name), station)));
    return out.get(0);
  }

  void set(CommunityFixtures.Community c, String column, String... valuesByPairs) {
    for (int i = 0; i < valuesByPairs.length; i += 2) {
      jdbc.update(
          "UPDATE person SET " + column + " = ? WHERE resident_id = ?",
          valuesByPairs[i + 1],
          c.id(valuesByPairs[i]));
    }
  }

  long checkIns(CommunityFixtures.Community c) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM community_check_in k JOIN community_vote v ON v.id = k.vote_id"
            + " WHERE v.election_id = ?",
        Long.class,
        c.election());
  }

  /** Every voter's household: pairs in the order of the ids, so 20 voters make 10 households. */
  void pairsOfHouseholds(CommunityFixtures.Community c) {
    int i = 0;
    for (String id : c.ids().values()) {
      jdbc.update("UPDATE person SET household = ? WHERE resident_id = ?", "户" + (i++ / 2 + 1), id);
    }
  }

  @Test
  void householdsVoteOneBallotEach() throws Exception {
    var c = ready("HOUSEHOLD_REPRESENTATIVES");
    long e = c.election();
    // a representative without 户号 is refused, nothing stored
    assertThatThrownBy(() -> add(c, "各户书面确定", "甲一"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("第1行：甲一没有户号");
    pairsOfHouseholds(c);
    // 甲一 and 甲二 share 户1: naming both is refused, nothing stored
    assertThatThrownBy(() -> add(c, "各户书面确定", "甲一", "甲二"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("户1确定了2名户代表")
        .hasMessageContaining("每户只能一名");
    assertThat(view(e).representativeCount()).isZero();
    assertThat(add(c, "各户书面确定", "甲一")).isEqualTo(1);
    assertThat(add(c, "各户书面确定", "甲一")).isZero();
    assertThatThrownBy(() -> add(c, "各户书面确定", "甲二"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("每户只能一名");
    assertThat(view(e).base()).isEqualTo(10);
    long district =
        jdbc.queryForObject("SELECT id FROM district WHERE election_id = ?", Long.class, e);
    long[] s = new long[2];
    as(() -> s[0] = stations.add(e, district, "社区中心投票站", "社区办公楼", false));
    as(() -> s[1] = stations.add(e, district, "流动票箱一", "", true));

    as(() -> ballots.openFirst(e));
    var v = view(e);
    assertThat(v.locked()).isTrue();
    assertThat(v.base()).isEqualTo(10);
    assertThat(v.baseNoteZh()).contains("共10户").contains("已确定户代表1名");
    assertThatThrownBy(() -> add(c, "各户书面确定", "甲三"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("投票已经开始");

    // 户1 named 甲一: 甲二 is not its representative
    assertThatThrownBy(() -> checkIn(c, "甲二"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("甲二不是本户确定的户代表");
    assertThat(checkIn(c, "甲一", s[0]).messageZh()).contains("甲一（户号户1）").contains("已签到1户");
    // 户2 named no one: the first member who comes takes its one ballot, here at the mobile box
    assertThat(checkIn(c, "甲三", s[1]).checkIns()).isEqualTo(2);
    assertThatThrownBy(() -> checkIn(c, "甲四", s[0]))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("甲四所在户（户2）已有人签到领票")
        .hasMessageContaining("城市居民委员会组织法");
    assertThat(checkIns(c)).isEqualTo(2);
    assertThat(audits(c, "COMMUNITY_CHECK_IN")).isEqualTo(2);
    // 甲三's check-in was a typing mistake: undone with a reason, then 甲四 takes 户2's ballot
    assertThatThrownBy(() -> as(() -> electors.undoCheckIn(e, c.id("甲三"), "")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("请写明撤销签到的原因");
    assertThatThrownBy(() -> as(() -> electors.undoCheckIn(e, c.id("甲五"), "输错")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("甲五本次投票没有签到领票");
    as(() -> electors.undoCheckIn(e, c.id("甲三"), "身份证号输入错误，未发出选票"));
    assertThat(audits(c, "COMMUNITY_CHECK_IN_UNDONE")).isOne();
    assertThat(checkIn(c, "甲四", s[1]).checkIns()).isEqualTo(2);
    assertThat(view(e).checkInsAt(s[1])).isEqualTo(1L);

    // each box's ballots issued against its check-ins: the mobile box issued 2 for 1 household
    long vote = day(e);
    as(() -> boxes.record(e, vote, s[0], 1, 1, ""));
    as(() -> boxes.record(e, vote, s[1], 2, 2, ""));
    String page =
        PageText.visible(
            mvc.perform(get("/elections/{id}/community/voting", e).with(ADMIN))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    assertThat(page).contains("发出选票2张与本票箱签到领票1户不一致").doesNotContain("发出选票1张与本票箱签到领票1户不一致");
  }

  long day(long e) {
    return jdbc.queryForObject(
        "SELECT MAX(id) FROM community_vote WHERE election_id = ?", Long.class, e);
  }

  @Test
  void groupRepresentativesTwoOrThreePerGroup() {
    var c = ready("GROUP_REPRESENTATIVES");
    long e = c.election();
    // 3 groups: the fixture's 第1组 and two more
    set(c, "residents_group", "甲一", "第2组", "甲二", "第2组", "甲三", "第2组", "甲四", "第2组");
    set(c, "residents_group", "甲五", "第3组", "甲六", "第3组");
    assertThat(view(e).findings().errors())
        .extracting(f -> f.messageZh())
        .contains("居民小组第2组选出代表0人，应为二至三人");
    assertThatThrownBy(() -> as(() -> ballots.openFirst(e)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("第1组选出代表0人");

    add(c, "第1组居民小组会议推选", "王主", "高一");
    add(c, "第2组居民小组会议推选", "甲一", "甲二", "甲三");
    // a fourth of 第2组: refused, nothing stored
    assertThatThrownBy(() -> add(c, "第2组居民小组会议补选", "甲四"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("居民小组第2组选出代表4人，应为二至三人");
    add(c, "第3组居民小组会议推选", "甲五");
    // 第3组 has one: the vote cannot open
    assertThatThrownBy(() -> as(() -> ballots.openFirst(e)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("居民小组第3组选出代表1人");
    assertThat(view(e).units().get("第2组"))
        .extracting(r -> r.name())
        .containsExactlyInAnyOrder("甲一", "甲二", "甲三");
    // withdrawing and replacing before the vote
    long fifth =
        view(e).units().get("第3组").stream()
            .filter(r -> r.name().equals("甲五"))
            .findFirst()
            .orElseThrow()
            .registrationId();
    as(() -> electors.removeRepresentative(e, fifth));
    assertThat(audits(c, "COMMUNITY_ELECTOR_REMOVED")).isEqualTo(1);
    add(c, "第3组居民小组会议推选", "甲五", "甲六");
    as(() -> ballots.openFirst(e));
    assertThat(view(e).base()).isEqualTo(7);
    assertThat(view(e).baseNoteZh()).isEqualTo("3个居民小组选出的代表7人");

    assertThatThrownBy(() -> checkIn(c, "甲四"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("甲四不是居民小组选出的代表");
    assertThat(checkIn(c, "甲一").messageZh()).isEqualTo("已签到领票：甲一（第2组）；本次投票已签到1人");
    assertThatThrownBy(() -> checkIn(c, "甲一"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("甲一已经签到领票");
    assertThat(checkIns(c)).isEqualTo(1);
  }

  @Test
  void allVotersCheckInOnceThroughThePageAndTheApi() throws Exception {
    var c = ready("ALL_VOTERS");
    long e = c.election();
    assertThatThrownBy(() -> add(c, "推选", "甲一"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("不需确定户代表或居民小组代表");
    // before the vote opens there is nothing to check in to
    assertThatThrownBy(() -> checkIn(c, "甲一"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("尚未开始投票");
    as(() -> ballots.openFirst(e));

    mvc.perform(
            post("/elections/{id}/community/voting/check-in", e)
                .with(ADMIN)
                .with(csrf())
                .param("residentId", c.id("甲一")))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("message", "已签到领票：甲一（第1组）；本次投票已签到1人"));
    String again =
        mvc.perform(
                post("/elections/{id}/community/voting/check-in", e)
                    .with(ADMIN)
                    .with(csrf())
                    .param("residentId", c.id("甲一")))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(PageText.visible(again)).contains("甲一已经签到领票").doesNotContain("RESIDENTS.");
    String minor = CommunityFixtures.minor(jdbc, c, "童一");
    mvc.perform(
            post("/api/elections/{id}/community/check-ins", e)
                .with(ADMIN)
                .with(csrf())
                .contentType("application/json")
                .content("{\"residentId\": \"" + minor + "\"}"))
        .andExpect(status().isBadRequest());
    String json =
        mvc.perform(
                post("/api/elections/{id}/community/check-ins", e)
                    .with(ADMIN)
                    .with(csrf())
                    .contentType("application/json")
                    .content("{\"residentId\": \"" + c.id("甲二") + "\"}"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(json).contains("\"name\":\"甲二\"").contains("\"checkIns\":2");
    assertThat(checkIns(c)).isEqualTo(2);
    // the voter card's QR text, as a scanner types it; an altered one is refused
    var reg =
        jdbc.queryForMap(
            "SELECT r.district_id, r.voter_no FROM voter_registration r JOIN person p ON p.id ="
                + " r.person_id WHERE r.election_id = ? AND p.resident_id = ?",
            e,
            c.id("甲三"));
    String qr =
        cards.encode(
            e,
            ((Number) reg.get("district_id")).longValue(),
            ((Number) reg.get("voter_no")).intValue());
    String altered = qr.substring(0, qr.length() - 1) + (qr.endsWith("A") ? "B" : "A");
    assertThatThrownBy(() -> as(() -> electors.checkIn(e, altered, null)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("二维码无效");
    List<ElectorService.Admitted> byCard = new ArrayList<>();
    as(() -> byCard.add(electors.checkIn(e, qr.toLowerCase(java.util.Locale.ROOT), null)));
    assertThat(byCard.get(0).name()).isEqualTo("甲三");
    assertThat(checkIns(c)).isEqualTo(3);
    String html =
        mvc.perform(get("/elections/{id}/community/voting", e).with(ADMIN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html).contains("id=\"check-in-count\">3<").contains("id=\"check-in-form\"");
    assertThat(PageText.visible(html)).contains("已签到领票").contains("登记参加选举的居民20人");
    String electorsJson =
        mvc.perform(get("/api/elections/{id}/community/electors", e).with(ADMIN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(electorsJson).contains("\"base\":20").contains("\"checkIns\":3");
  }
}
