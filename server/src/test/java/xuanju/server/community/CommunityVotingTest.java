package xuanju.server.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import xuanju.core.community.CommitteePost;
import xuanju.core.outcome.RoundKind;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.district.StationService;
import xuanju.server.proxy.ProxyService;
import xuanju.server.support.DocumentWording;
import xuanju.server.support.PageText;
import xuanju.server.support.SignIn;

/**
 * Election day of a residents' committee election: one ballot with the posts 主任, 副主任, 委员, a central
 * station and a mobile box, proxies within the 选举办法's cap, a tally sheet per box and post, the
 * decision (turnout over half of the base, elected with over half of the ballots cast, carry-down,
 * 另行选举 with the one-third rule) and the page.
 */
class CommunityVotingTest extends CommunitySupport {
  private static final RequestPostProcessor ADMIN = user("admin").roles("ADMIN", "USER");
  private static final String[] MORE = {"甲一", "甲二", "甲三", "甲四", "甲五", "甲六"};

  @Autowired MockMvc mvc;
  @Autowired ElectionMethodService methods;
  @Autowired StationService stations;
  @Autowired CommunityBallotService ballots;
  @Autowired BoxCountService boxes;
  @Autowired PostTallyService sheets;
  @Autowired PostDecisionService decisions;
  @Autowired CommunityProxyService proxies;

  /** A community of 20 voters with its method adopted, the list published and two boxes. */
  record Ready(CommunityFixtures.Community c, long central, long mobile) {
    long e() {
      return c.election();
    }
  }

  Ready ready(String mode, String carryDown) {
    var c = standard(MORE);
    adopt(c, mode, carryDown);
    publish(c, all(c));
    long district =
        jdbc.queryForObject(
            "SELECT id FROM district WHERE election_id = ?", Long.class, c.election());
    long[] s = new long[2];
    as(() -> s[0] = stations.add(c.election(), district, "社区中心投票站", "社区办公楼", false));
    as(() -> s[1] = stations.add(c.election(), district, "流动票箱一", "", true));
    return new Ready(c, s[0], s[1]);
  }

  void adopt(CommunityFixtures.Community c, String mode, String carryDown) {
    as(() -> methods.draft(c.election(), mode, 3, true, carryDown));
    as(() -> methods.adopt(c.election(), LocalDate.now(), 30, 25, 20));
  }

  CommunityBallotService.Day day(long e) {
    List<CommunityBallotService.Day> out = new ArrayList<>();
    as(() -> out.add(ballots.day(e)));
    return out.get(0);
  }

  long open(Ready r) {
    long[] id = new long[1];
    as(() -> id[0] = ballots.openFirst(r.e()));
    return id[0];
  }

  void box(Ready r, long vote, long station, int issued, int returned, String why) {
    as(() -> boxes.record(r.e(), vote, station, issued, returned, why));
  }

  /** A post's sheet with the votes by name (absent = 0), in ballot order. */
  void sheet(
      Ready r,
      long vote,
      long station,
      CommitteePost p,
      int valid,
      int invalid,
      Map<String, Integer> votes,
      String writeIns) {
    var d = day(r.e());
    var round = d.current().orElseThrow().rounds().stream().filter(x -> x.post() == p).findFirst();
    List<Integer> counts =
        d.ballotNames(round.orElseThrow()).stream().map(n -> votes.getOrDefault(n, 0)).toList();
    as(() -> sheets.record(r.e(), vote, station, p.name(), valid, invalid, counts, writeIns));
    secondClerk(
        () -> sheets.record(r.e(), vote, station, p.name(), valid, invalid, counts, writeIns));
  }

  PostDecisionService.Decided decide(Ready r, long vote) {
    List<PostDecisionService.Decided> out = new ArrayList<>();
    as(() -> out.add(decisions.decide(r.e(), vote)));
    return out.get(0);
  }

  ProxyService.Form proxy(Ready r, String principal, String holder) {
    return new ProxyService.Form(
        r.c().id(principal), r.c().id(holder), LocalDate.now(), "外出务工", true, false, "", null, "");
  }

  @Test
  void refusedUntilTheMethodIsAdoptedAndTheListPublished() {
    var c = standard();
    long e = c.election();
    assertThatThrownBy(() -> as(() -> ballots.openFirst(e)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("选举办法尚未经居民代表会议通过");
    adopt(c, "HOUSEHOLD_REPRESENTATIVES", "");
    assertThatThrownBy(() -> as(() -> ballots.openFirst(e)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("正式候选人名单尚未公布");
    publish(c, all(c));
    // households vote, but the register has no 户号 for them: refused, nothing opened
    assertThatThrownBy(() -> as(() -> ballots.openFirst(e)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("有14人没有户号")
        .hasMessageContaining("城市居民委员会组织法");
    assertThat(day(e).votes()).isEmpty();
    // two voters per household: 7 households
    int i = 0;
    for (String id : c.ids().values()) {
      jdbc.update("UPDATE person SET household = ? WHERE resident_id = ?", "H" + (i++ / 2), id);
    }
    as(() -> ballots.openFirst(e));
    var v = day(e).current().orElseThrow();
    assertThat(v.base()).isEqualTo(7);
    assertThat(v.baseNoteZh()).contains("登记参加选举的居民14人，共7户");
    assertThat(v.rounds().stream().map(x -> x.post()))
        .containsExactly(
            CommitteePost.DIRECTOR, CommitteePost.DEPUTY_DIRECTOR, CommitteePost.MEMBER);
    assertThat(day(e).ballotNames(v.rounds().get(0))).containsExactly("丁主", "王主");
    assertThat(v.rounds().get(2).seats()).isEqualTo(3);
    assertThatThrownBy(() -> as(() -> ballots.openFirst(e)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("投票已经开始");
    assertThat(audits(c, "COMMUNITY_VOTE_OPENED")).isEqualTo(1);
  }

  @Test
  void aFullDayWithAMobileBoxAndAProxy() throws Exception {
    Ready r = ready("ALL_VOTERS", "NO");
    as(() -> proxies.record(r.e(), proxy(r, "甲一", "甲二")));
    long vote = open(r);
    assertThat(day(r.e()).current().orElseThrow().base()).isEqualTo(20);

    // a difference needs the written explanation; more returned than issued is refused
    assertThatThrownBy(() -> box(r, vote, r.mobile(), 3, 2, ""))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("相差1张，未作说明");
    assertThatThrownBy(() -> box(r, vote, r.mobile(), 2, 3, ""))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("多于发出的2张");
    // a sheet before the box's ballots are reconciled is refused
    assertThatThrownBy(
            () -> sheet(r, vote, r.central(), CommitteePost.DIRECTOR, 14, 0, Map.of(), ""))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("请先登记本票箱发出和收回的选票数");
    box(r, vote, r.central(), 14, 14, "");
    box(r, vote, r.mobile(), 3, 2, "一名行动不便的选民放弃投票，空白选票当场收回作废");

    // the sheet must add up to the box's returned ballots
    assertThatThrownBy(
            () -> sheet(r, vote, r.central(), CommitteePost.DIRECTOR, 12, 1, Map.of(), ""))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("合计应等于本票箱收回的选票14张");
    sheet(r, vote, r.central(), CommitteePost.DIRECTOR, 13, 1, Map.of("王主", 9, "丁主", 4), "");
    sheet(r, vote, r.mobile(), CommitteePost.DIRECTOR, 2, 0, Map.of("王主", 1, "丁主", 1), "");
    sheet(
        r, vote, r.central(), CommitteePost.DEPUTY_DIRECTOR, 14, 0, Map.of("刘副", 10, "石副", 4), "");
    sheet(r, vote, r.mobile(), CommitteePost.DEPUTY_DIRECTOR, 2, 0, Map.of("刘副", 1, "石副", 1), "");
    // not every sheet yet: refused
    assertThatThrownBy(() -> decide(r, vote))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("社区中心投票站")
        .hasMessageContaining("流动票箱一");
    // more marks than valid ballots times seats is refused
    assertThatThrownBy(
            () ->
                sheet(
                    r,
                    vote,
                    r.mobile(),
                    CommitteePost.MEMBER,
                    2,
                    0,
                    Map.of("赵委", 2, "李委", 2, "周委", 2),
                    "高六 1"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("多于有效票2张乘以应选名额3名");
    sheet(
        r,
        vote,
        r.central(),
        CommitteePost.MEMBER,
        14,
        0,
        Map.of("赵委", 12, "李委", 11, "周委", 10, "黄委", 3),
        "高六 2");
    sheet(r, vote, r.mobile(), CommitteePost.MEMBER, 2, 0, Map.of("赵委", 1, "李委", 1, "周委", 1), "");
    // before the decision the page offers it, with a confirmation
    String open =
        mvc.perform(get("/elections/{id}/community/voting", r.e()).with(ADMIN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(open)
        .contains("id=\"decide-form\"")
        .contains("data-confirm=\"确定根据各票箱的计票单确定本次投票的结果吗");
    var d = decide(r, vote);
    assertThat(d.nextVote()).isEmpty();
    assertThat(d.posts().get(CommitteePost.MEMBER).outcome().electedIds()).hasSize(3);
    var after = day(r.e());
    assertThat(after.elected().get(CommitteePost.DIRECTOR)).containsExactly("王主");
    assertThat(after.elected().get(CommitteePost.DEPUTY_DIRECTOR)).containsExactly("刘副");
    assertThat(after.elected().get(CommitteePost.MEMBER))
        .containsExactlyInAnyOrder("赵委", "李委", "周委");
    var first = after.votes().get(0);
    assertThat(first.decided()).isTrue();
    assertThat(first.rounds().get(0).trailLines().stream().map(t -> t.code()))
        .contains("RESIDENTS.TURNOUT.HALF", "RESIDENTS.COUNT.SEPARATE");
    assertThat(audits(r.c(), "COMMUNITY_BOX_COUNTED")).isEqualTo(2);
    // six sheets, each entered by two clerks
    assertThat(audits(r.c(), "COMMUNITY_SHEET_ENTERED")).isEqualTo(12);
    assertThat(audits(r.c(), "COMMUNITY_VOTE_DECIDED")).isEqualTo(1);
    // decided: nothing more may change
    assertThatThrownBy(() -> box(r, vote, r.central(), 14, 14, ""))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("已经确定");

    // the page: Chinese, the codes only in the tooltips
    String html =
        mvc.perform(get("/elections/{id}/community/voting", r.e()).with(ADMIN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String page = PageText.visible(html);
    assertThat(page)
        .contains("选举日投票与计票")
        .contains("当选主任：王主")
        .contains("流动票箱一")
        .contains("一名行动不便的选民放弃投票")
        .contains("超过登记选民数的二分之一");
    assertThat(page.replaceAll("\\s+", "")).contains("委托投票（有效及待同意的委托1项）");
    assertThat(PageText.codeIn(page)).isEmpty();
    assertThat(html)
        .contains("id=\"tab-community-voting\"")
        .contains("title=\"RESIDENTS.TURNOUT.HALF\"")
        .doesNotContain("id=\"decide-form\"");
    // the JSON names the rules by code
    String json =
        mvc.perform(get("/api/elections/{id}/community/votes", r.e()).with(ADMIN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(json)
        .contains("\"code\":\"RESIDENTS.TURNOUT.HALF\"")
        .contains("\"code\":\"RESIDENTS.COUNT.SEPARATE\"")
        .contains("\"elected\":[\"王主\"]");
    byte[] pdf =
        mvc.perform(get("/elections/{id}/community/voting/ballot.pdf", r.e()).with(ADMIN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    String printed = DocumentWording.text("ballot.pdf", pdf).replaceAll("\\s+", "");
    assertThat(printed)
        .contains("居民委员会成员选举选票")
        .contains("主任（应选1名）")
        .contains("副主任（应选1名）")
        .contains("委员（应选3名）")
        .contains("另选他人");
    assertThat(printed.indexOf("丁主")).isLessThan(printed.indexOf("王主"));
  }

  /** Two clerks enter each sheet; it counts only once both agree (RESIDENTS.COUNT.DOUBLE_ENTRY). */
  @Test
  void eachSheetIsEnteredTwiceAndCountsOnlyWhenBothAgree() throws Exception {
    Ready r = ready("ALL_VOTERS", "NO");
    long vote = open(r);
    box(r, vote, r.central(), 14, 14, "");
    box(r, vote, r.mobile(), 0, 0, "");
    for (CommitteePost p : List.of(CommitteePost.DEPUTY_DIRECTOR, CommitteePost.MEMBER)) {
      sheet(r, vote, r.central(), p, 14, 0, Map.of("刘副", 10, "赵委", 12, "李委", 11, "周委", 9), "");
    }
    for (CommitteePost p : CommitteePost.values()) {
      sheet(r, vote, r.mobile(), p, 0, 0, Map.of(), "");
    }
    var round = day(r.e()).current().orElseThrow().rounds().get(0);
    List<Integer> right =
        day(r.e()).ballotNames(round).stream().map(n -> n.equals("王主") ? 10 : 4).toList();
    List<Integer> wrong =
        day(r.e()).ballotNames(round).stream().map(n -> n.equals("王主") ? 11 : 3).toList();
    List<PostTallyService.EntryResult> out = new ArrayList<>();
    long station = r.central();
    as(() -> out.add(sheets.record(r.e(), vote, station, "DIRECTOR", 14, 0, right, "")));
    assertThat(out.get(0).entryNo()).isEqualTo(1);
    assertThat(out.get(0).confirmed()).isFalse();
    // the same clerk again corrects entry 1, it is not a second entry
    as(() -> out.add(sheets.record(r.e(), vote, station, "DIRECTOR", 14, 0, right, "")));
    assertThat(out.get(1).entryNo()).isEqualTo(1);
    assertThat(day(r.e()).sheetStateZh(station, CommitteePost.DIRECTOR)).contains("待另一名计票人录入核对");
    // a second clerk who reads it differently: not confirmed, the difference named
    secondClerk(() -> out.add(sheets.record(r.e(), vote, station, "DIRECTOR", 14, 0, wrong, "")));
    assertThat(out.get(2).entryNo()).isEqualTo(2);
    assertThat(out.get(2).confirmed()).isFalse();
    assertThat(out.get(2).differences()).containsExactlyInAnyOrder("王主（11 / 10）", "丁主（3 / 4）");
    assertThat(day(r.e()).sheet(station, CommitteePost.DIRECTOR)).isNull();
    // a third clerk may not enter; the decision waits for agreement
    assertThatThrownBy(
            () ->
                SignIn.as(
                    "clerk3",
                    true,
                    () -> sheets.record(r.e(), vote, station, "DIRECTOR", 14, 0, right, "")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("已由两名计票人录入");
    assertThatThrownBy(() -> decide(r, vote))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("未经两名计票人录入一致")
        .hasMessageContaining("社区中心投票站");
    // the second clerk corrects: confirmed, and then fixed
    secondClerk(() -> out.add(sheets.record(r.e(), vote, station, "DIRECTOR", 14, 0, right, "")));
    assertThat(out.get(3).confirmed()).isTrue();
    assertThat(out.get(3).messageZh("社区中心投票站", "主任")).isEqualTo("社区中心投票站主任计票单第2次录入与另一次一致，已确认");
    assertThatThrownBy(
            () -> as(() -> sheets.record(r.e(), vote, station, "DIRECTOR", 14, 0, wrong, "")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("已经两次录入一致并确认");
    assertThat(decide(r, vote).posts().get(CommitteePost.DIRECTOR).outcome().electedIds())
        .hasSize(1);
  }

  @Test
  void aFourthProxyIsRefused() {
    Ready r = ready("ALL_VOTERS", "");
    for (String p : List.of("甲二", "甲三", "甲四")) {
      as(() -> proxies.record(r.e(), proxy(r, p, "甲一")));
    }
    assertThatThrownBy(() -> as(() -> proxies.record(r.e(), proxy(r, "甲五", "甲一"))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("甲一已接受3人委托")
        .hasMessageContaining("每一选民接受的委托不得超过三人");
    List<Integer> n = new ArrayList<>();
    as(() -> n.add(proxies.live(r.e()).size()));
    assertThat(n).containsExactly(3);
  }

  @Test
  void turnoutAtExactlyHalfFailsAndTheVoteIsHeldAgain() {
    Ready r = ready("ALL_VOTERS", "");
    long vote = open(r);
    box(r, vote, r.central(), 10, 10, "");
    box(r, vote, r.mobile(), 0, 0, "");
    for (CommitteePost p : CommitteePost.values()) {
      sheet(r, vote, r.central(), p, 10, 0, Map.of("王主", 9, "刘副", 9, "赵委", 9), "");
      sheet(r, vote, r.mobile(), p, 0, 0, Map.of(), "");
    }
    var d = decide(r, vote);
    assertThat(d.nextVote()).isEmpty();
    assertThat(d.posts().get(CommitteePost.DIRECTOR).outcome().electedIds()).isEmpty();
    var v = day(r.e()).votes().get(0);
    assertThat(v.turnoutFailed()).isTrue();
    assertThat(v.rounds().get(0).outcome())
        .contains("参加投票10人，未超过计算基数的半数（至少须11人）")
        .contains("须有过半数登记选民参加投票");
    assertThat(day(r.e()).elected()).isEmpty();
    // only a vote that failed its turnout is held again, with the same posts
    long again = -1;
    long[] id = new long[1];
    as(() -> id[0] = decisions.rerun(r.e(), vote));
    again = id[0];
    var second = day(r.e()).current().orElseThrow();
    assertThat(second.id()).isEqualTo(again);
    assertThat(second.number()).isEqualTo(2);
    assertThat(second.rounds()).hasSize(3);
    assertThat(second.titleZh()).contains("重新投票");
    assertThatThrownBy(() -> as(() -> decisions.rerun(r.e(), vote)))
        .isInstanceOf(IllegalStateException.class);
  }

  /** The first vote elects 王主, 刘副, 赵委 and 李委: one 委员 seat goes to 另行选举. */
  CommunityVote memberShort(Ready r) {
    long vote = open(r);
    box(r, vote, r.central(), 16, 16, "");
    box(r, vote, r.mobile(), 0, 0, "");
    sheet(r, vote, r.central(), CommitteePost.DIRECTOR, 16, 0, Map.of("王主", 10, "丁主", 6), "");
    sheet(
        r, vote, r.central(), CommitteePost.DEPUTY_DIRECTOR, 16, 0, Map.of("刘副", 11, "石副", 5), "");
    sheet(
        r,
        vote,
        r.central(),
        CommitteePost.MEMBER,
        16,
        0,
        Map.of("赵委", 12, "李委", 10, "周委", 6, "黄委", 5),
        "");
    for (CommitteePost p : CommitteePost.values()) {
      sheet(r, vote, r.mobile(), p, 0, 0, Map.of(), "");
    }
    var d = decide(r, vote);
    assertThat(d.nextVote()).isPresent();
    return day(r.e()).current().orElseThrow();
  }

  @Test
  void aMemberVacancyIsFilledByAFurtherVote() {
    Ready r = ready("ALL_VOTERS", "NO");
    var further = memberShort(r);
    assertThat(further.titleZh()).contains("另行选举");
    assertThat(further.rounds()).hasSize(1);
    var round = further.rounds().get(0);
    assertThat(round.post()).isEqualTo(CommitteePost.MEMBER);
    assertThat(round.kind()).isEqualTo(RoundKind.FURTHER);
    assertThat(round.seats()).isEqualTo(1);
    assertThat(day(r.e()).ballotNames(round)).contains("周委", "黄委").doesNotContain("赵委", "李委");
    assertThat(day(r.e()).votes().get(0).rounds().get(2).outcome()).contains("另行选举");

    // the further vote: 周委's 8 of 13 is at least one third of the ballots cast; no turnout test
    long v2 = further.id();
    box(r, v2, r.central(), 9, 9, "");
    box(r, v2, r.mobile(), 4, 4, "");
    sheet(r, v2, r.central(), CommitteePost.MEMBER, 9, 0, Map.of("周委", 5, "黄委", 4), "");
    sheet(r, v2, r.mobile(), CommitteePost.MEMBER, 4, 0, Map.of("周委", 3, "黄委", 1), "");
    var d2 = decide(r, v2);
    assertThat(d2.nextVote()).isEmpty();
    assertThat(day(r.e()).elected().get(CommitteePost.MEMBER))
        .containsExactlyInAnyOrder("赵委", "李委", "周委");
    assertThat(day(r.e()).votes().get(1).rounds().get(0).finalResult()).isTrue();
  }

  @Test
  void aFurtherVoteBelowOneThirdLeavesTheSeatVacant() {
    Ready r = ready("ALL_VOTERS", "NO");
    long v2 = memberShort(r).id();
    box(r, v2, r.central(), 13, 13, "");
    box(r, v2, r.mobile(), 0, 0, "");
    // 4 of 13 is less than one third of the ballots cast
    sheet(r, v2, r.central(), CommitteePost.MEMBER, 13, 0, Map.of("周委", 4, "黄委", 3), "");
    sheet(r, v2, r.mobile(), CommitteePost.MEMBER, 0, 0, Map.of(), "");
    var d = decide(r, v2);
    assertThat(d.nextVote()).isEmpty();
    var round = day(r.e()).votes().get(1).rounds().get(0);
    assertThat(round.elected()).isEmpty();
    assertThat(round.outcome()).contains("委员1个名额另行选举后仍选不足，暂作缺额");
    assertThat(round.finalResult()).isTrue();
    assertThat(day(r.e()).elected().get(CommitteePost.MEMBER))
        .containsExactlyInAnyOrder("赵委", "李委");
  }

  @Test
  void theMeetingStepsAreRecordedInOrderAndShownUntilDone() throws Exception {
    Ready r = ready("ALL_VOTERS", "");
    String url = "/elections/" + r.e() + "/community/voting";
    // before the vote is opened: refused, nothing stored
    mvc.perform(post(url + "/steps").param("step", "STATEMENTS").with(ADMIN).with(csrf()))
        .andExpect(status().is4xxClientError());
    open(r);
    String html = page(url);
    assertThat(PageText.visible(html)).contains("选举大会程序尚未登记“正式候选人竞职陈述”").contains("登记：正式候选人竞职陈述");
    assertThat(html).contains("title=\"RESIDENTS.DAY.STATEMENTS\"");
    // the candidates leaving before they voted: refused naming the rule, nothing stored
    mvc.perform(post(url + "/steps").param("step", "STATEMENTS").with(ADMIN).with(csrf()))
        .andExpect(status().is3xxRedirection());
    String refused =
        mvc.perform(
                post(url + "/steps").param("step", "CANDIDATES_WITHDREW").with(ADMIN).with(csrf()))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(PageText.visible(refused)).contains("请先登记“候选人集中投票”").contains("候选人在选举日应先集中投票、再集体回避");
    assertThat(steps(r)).isEqualTo(1);
    // a second statements step is refused too
    mvc.perform(post(url + "/steps").param("step", "STATEMENTS").with(ADMIN).with(csrf()))
        .andExpect(status().isBadRequest());
    mvc.perform(post(url + "/steps").param("step", "CANDIDATES_VOTED").with(ADMIN).with(csrf()))
        .andExpect(status().is3xxRedirection());
    assertThat(PageText.visible(page(url))).contains("选举大会程序尚未登记“候选人集体回避（离开选举会场）”");
    mvc.perform(
            post(url + "/steps")
                .param("step", "CANDIDATES_WITHDREW")
                .param("note", "候选人全部投票后离开会场")
                .with(ADMIN)
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    html = page(url);
    String text = PageText.visible(html);
    assertThat(text).doesNotContain("选举大会程序尚未登记").contains("候选人全部投票后离开会场");
    assertThat(html).doesNotContain("id=\"step-form\"");
    assertThat(PageText.codeIn(text)).isEmpty();
    assertThat(steps(r)).isEqualTo(3);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM audit_event WHERE action = 'COMMUNITY_DAY_STEP' AND subject = ?",
                Long.class,
                "election:" + r.e()))
        .isEqualTo(3);
  }

  private long steps(Ready r) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM community_day_step WHERE election_id = ?", Long.class, r.e());
  }

  private String page(String url) throws Exception {
    return mvc.perform(get(url).with(ADMIN))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void aRefusedFormShowsTheMessageAndChangesNothing() throws Exception {
    var c = standard();
    String body =
        mvc.perform(
                post("/elections/{id}/community/voting/open", c.election())
                    .with(ADMIN)
                    .with(csrf()))
            .andExpect(status().isConflict())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(PageText.visible(body)).contains("选举办法尚未经居民代表会议通过，不能开始投票");
    // a bad form names the field in Chinese only
    String bad =
        mvc.perform(
                post("/elections/{id}/community/voting/box", c.election())
                    .param("voteId", "999999999")
                    .param("stationId", "999999999")
                    .with(ADMIN)
                    .with(csrf()))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(PageText.visible(bad)).contains("本选举没有这次投票").doesNotContain("voteId");
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM community_vote WHERE election_id = ?",
                Long.class,
                c.election()))
        .isZero();
    mvc.perform(
            post("/elections/{id}/community/voting/sheet", c.election())
                .param("voteId", "999999999")
                .param("stationId", "999999999")
                .param("post", "MEMBER")
                .with(ADMIN)
                .with(csrf()))
        .andExpect(status().isBadRequest());
  }

  @Test
  void aLosingDirectorIsCarriedDownToMemberWhenTheMethodSaysSo() {
    for (String setting : List.of("YES", "NO")) {
      Ready r = ready("ALL_VOTERS", setting);
      long vote = open(r);
      box(r, vote, r.central(), 14, 14, "");
      box(r, vote, r.mobile(), 2, 2, "");
      sheet(r, vote, r.central(), CommitteePost.DIRECTOR, 14, 0, Map.of("王主", 9, "丁主", 5), "");
      sheet(r, vote, r.mobile(), CommitteePost.DIRECTOR, 2, 0, Map.of("王主", 1, "丁主", 1), "");
      sheet(
          r,
          vote,
          r.central(),
          CommitteePost.DEPUTY_DIRECTOR,
          14,
          0,
          Map.of("刘副", 10, "石副", 4),
          "");
      sheet(r, vote, r.mobile(), CommitteePost.DEPUTY_DIRECTOR, 2, 0, Map.of("刘副", 1, "石副", 1), "");
      // 丁主 is written in as 委员 by four voters: with carry-down his 6 votes as 主任 count too
      sheet(
          r,
          vote,
          r.central(),
          CommitteePost.MEMBER,
          14,
          0,
          Map.of("赵委", 12, "李委", 11, "周委", 2, "黄委", 2),
          "丁主 3");
      sheet(r, vote, r.mobile(), CommitteePost.MEMBER, 2, 0, Map.of("赵委", 1, "李委", 1), "丁主 1");
      var d = decide(r, vote);
      var day = day(r.e());
      var member = day.votes().get(0).rounds().get(2);
      if (setting.equals("YES")) {
        assertThat(day.elected().get(CommitteePost.MEMBER))
            .containsExactlyInAnyOrder("赵委", "李委", "丁主");
        assertThat(day.elected().get(CommitteePost.DIRECTOR)).containsExactly("王主");
        assertThat(member.trailLines().get(0).code()).isEqualTo("RESIDENTS.COUNT.CARRY_DOWN");
        assertThat(member.trailLines().get(0).textZh()).contains("落选的上一职位候选人所得票数计入其本职位得票");
        assertThat(d.nextVote()).isEmpty();
      } else {
        // counted apart: 丁主 has only his 4 write-in votes, and one 委员 seat goes to 另行选举
        assertThat(day.elected().get(CommitteePost.MEMBER)).containsExactlyInAnyOrder("赵委", "李委");
        assertThat(member.trailLines().get(0).code()).isEqualTo("RESIDENTS.COUNT.SEPARATE");
        assertThat(d.nextVote()).isPresent();
      }
    }
  }
}
