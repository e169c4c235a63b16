package xuanju.server.congress;

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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import xuanju.core.rule.InvalidInputException;
import xuanju.core.schedule.StepState;
import xuanju.server.election.ElectionService;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.register.RegisterFixtures;
import xuanju.server.register.RegistrationService;
import xuanju.server.register.VoterListService;
import xuanju.server.support.H2AppTest;
import xuanju.server.support.PageText;
import xuanju.server.support.SignIn;

/**
 * 选区工作组 and 选区工作进度 of a town deputies' election, through the services and the pages: a group of 5–7
 * with one registrar set up by the committee's document, changes that would break it refused with
 * the rule and nothing changed; the statutory checklist per district with its late steps red on the
 * town page.
 */
class WorkingGroupAndProgressTest extends H2AppTest {
  private static final RequestPostProcessor ADMIN = user("admin").roles("ADMIN", "USER");

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired OrganisationService orgs;
  @Autowired ElectionService elections;
  @Autowired RegistrationService registration;
  @Autowired VoterListService voterLists;
  @Autowired DeputyNominationService nominations;
  @Autowired InitialListService initialLists;
  @Autowired WorkingGroupService groups;
  @Autowired DistrictProgressService progress;

  private record Town(long election, long east, long west, List<String> eastVoters) {}

  /** Two districts; election day 12 days ahead, so the voter list (D−20) was due 8 days ago. */
  private Town town() {
    int n = RegisterFixtures.next();
    long org = RegisterFixtures.town(orgs, "工作组测试镇" + n);
    long election = RegisterFixtures.election(elections, org, LocalDate.now().plusDays(12));
    long east = RegisterFixtures.district(jdbc, election, 1, "第一选区", "东村" + n);
    long west = RegisterFixtures.district(jdbc, election, 2, "第二选区", "西村" + n);
    LocalDate adult = LocalDate.now().minusYears(30);
    List<String> voters = new ArrayList<>();
    for (String name : new String[] {"王一", "李二", "张三"}) {
      long p = RegisterFixtures.person(jdbc, org, "东村" + n, "第1组", name, adult);
      voters.add(RegisterFixtures.residentIdOf(jdbc, p));
    }
    RegisterFixtures.person(jdbc, org, "西村" + n, "第1组", "郑西", adult);
    SignIn.as("admin", true, () -> registration.registerAll(election, null));
    return new Town(election, east, west, voters);
  }

  private long add(Town t, String name, String id, String role) {
    long[] out = new long[1];
    SignIn.as(
        "admin",
        true,
        () -> out[0] = groups.addMember(t.election(), t.east(), name, id, "嘎查“两委”成员", role));
    return out[0];
  }

  private static <T> T admin(java.util.function.Supplier<T> read) {
    List<T> out = new ArrayList<>();
    SignIn.as("admin", true, () -> out.add(read.get()));
    return out.get(0);
  }

  private long members(Town t) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM working_group_member WHERE district_id = ?", Long.class, t.east());
  }

  @Test
  void groupOfFiveToSevenWithOneRegistrarIsSetUpAndKeptSo() {
    Town t = town();
    LocalDate today = LocalDate.now();
    add(t, "王一", t.eastVoters().get(0), "LEADER");
    long registrar = add(t, "李二", t.eastVoters().get(1), "REGISTRAR");
    for (String name : new String[] {"张三", "刘四"}) {
      add(t, name, "", "MEMBER");
    }
    // a second registrar is refused: designate instead
    assertThatThrownBy(() -> add(t, "陈五", "", "REGISTRAR"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("已有选民登记员")
        .hasMessageContaining("保证每一选区有1名选民登记员");
    // a second leader is refused under the leader's rule, not the registrar's
    assertThatThrownBy(() -> add(t, "陈六", "", "LEADER"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("已有组长")
        .hasMessageContaining("设组长1名")
        .hasMessageNotContaining("选民登记员");
    // the same person in two districts' groups is refused
    assertThatThrownBy(
            () ->
                SignIn.as(
                    "admin",
                    true,
                    () ->
                        groups.addMember(
                            t.election(), t.west(), "王一", t.eastVoters().get(0), "", "MEMBER")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("王一已是第一选区工作组的成员");
    assertThat(members(t)).isEqualTo(4);

    // four members: not set up
    WorkingGroupService.Group g = admin(() -> groups.group(t.election(), t.east()));
    assertThat(g.problems()).containsExactly("现有4人，应为5至7人");
    assertThatThrownBy(
            () ->
                SignIn.as(
                    "admin",
                    true,
                    () ->
                        groups.establish(
                            t.election(), t.east(), g.version(), "某镇选举委员会", "选委〔2026〕3号", today)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("现有4人，应为5至7人")
        .hasMessageContaining("各选区工作组由5至7人组成");
    assertThat(admin(() -> groups.group(t.election(), t.east())).established()).isFalse();

    long fifth = add(t, "陈五", "", "MEMBER");
    int v = admin(() -> groups.group(t.election(), t.east())).version();
    SignIn.as(
        "admin",
        true,
        () -> groups.establish(t.election(), t.east(), v, "某镇选举委员会", "选委〔2026〕3号", today));
    WorkingGroupService.Group set = admin(() -> groups.group(t.election(), t.east()));
    assertThat(set.established()).isTrue();
    assertThat(set.registrar().orElseThrow().name()).isEqualTo("李二");
    assertThat(set.members().get(0).role()).isEqualTo(WorkingGroupRole.LEADER);

    // once set up: not below five, not without a registrar
    assertThatThrownBy(
            () ->
                SignIn.as("admin", true, () -> groups.removeMember(t.election(), t.east(), fifth)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("请先增加接替的成员");
    assertThatThrownBy(
            () ->
                SignIn.as(
                    "admin", true, () -> groups.removeMember(t.election(), t.east(), registrar)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("请先把另一名成员设为选民登记员");
    assertThat(members(t)).isEqualTo(5);

    // the registrar is replaced by designating another member: never two
    SignIn.as("admin", true, () -> groups.designate(t.election(), t.east(), fifth, "REGISTRAR"));
    WorkingGroupService.Group after = admin(() -> groups.group(t.election(), t.east()));
    assertThat(after.registrar().orElseThrow().name()).isEqualTo("陈五");
    assertThat(after.members().stream().filter(m -> m.role() == WorkingGroupRole.REGISTRAR))
        .hasSize(1);
    add(t, "杨六", "", "MEMBER");
    SignIn.as("admin", true, () -> groups.removeMember(t.election(), t.east(), registrar));
    assertThat(members(t)).isEqualTo(5);
    assertThat(admin(() -> groups.group(t.election(), t.east())).problems()).isEmpty();
  }

  @Test
  void sizeIsASettingWithItsBasis() {
    Town t = town();
    assertThat(admin(() -> groups.size(t.election()))).isEqualTo(WorkingGroupService.DEFAULT_SIZE);
    assertThatThrownBy(
            () -> SignIn.as("admin", true, () -> groups.setSize(t.election(), 7, 5, "某旗方案")))
        .isInstanceOf(InvalidInputException.class);
    SignIn.as("admin", true, () -> groups.setSize(t.election(), 3, 5, "某旗人大常委会方案"));
    assertThat(admin(() -> groups.group(t.election(), t.east())).size().textZh()).isEqualTo("3至5人");
    assertThat(admin(() -> groups.group(t.election(), t.east())).problems())
        .contains("现有0人，应为3至5人");
  }

  @Test
  void checklistShowsLateStepsRedOnTheTownPage() throws Exception {
    Town t = town();
    LocalDate today = LocalDate.now();
    // 第一选区: group set up today (due D−20 = 8 days ago: late), list published 10 days ago (on
    // time), an objection filed 9 days ago and not decided (due 3 days after: overdue)
    for (String name : new String[] {"王一", "李二", "张三", "刘四", "陈五"}) {
      add(t, name, "", name.equals("李二") ? "REGISTRAR" : "MEMBER");
    }
    SignIn.as(
        "admin",
        true,
        () -> groups.establish(t.election(), t.east(), 0, "某镇选举委员会", "选委〔2026〕3号", today));
    SignIn.as("admin", true, () -> voterLists.publish(t.election(), t.east(), today.minusDays(10)));
    SignIn.as(
        "admin",
        true,
        () ->
            voterLists.fileObjection(
                t.election(), t.east(), "周九", "王一", "王一的出生日期登记有误", today.minusDays(9)));
    // initial list: empty, refused; then a party nomination, posted 4 days ago (due D−15 = 3 days
    // ago)
    assertThatThrownBy(
            () ->
                SignIn.as(
                    "admin",
                    true,
                    () ->
                        initialLists.record(
                            t.election(), t.east(), ContestLevel.TOWN, today.minusDays(4))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("初步代表候选人名单为空");
    SignIn.as(
        "admin",
        true,
        () ->
            nominations.nominate(
                t.election(), t.east(), "王一", t.eastVoters().get(0), "中国共产党某镇委员会", "", true));
    List<java.util.Optional<String>> warnings = new ArrayList<>();
    SignIn.as(
        "admin",
        true,
        () ->
            warnings.add(
                initialLists.record(
                    t.election(), t.east(), ContestLevel.TOWN, today.minusDays(4))));
    assertThat(warnings.get(0)).isEmpty();

    DistrictProgressService.TownProgress tp = admin(() -> progress.town(t.election()));
    var east = tp.rows().get(0);
    var west = tp.rows().get(1);
    assertThat(east.steps().get("workingGroup").state()).isEqualTo(StepState.DONE_LATE);
    assertThat(east.steps().get("workingGroup").due()).isEqualTo(today.minusDays(8));
    assertThat(east.steps().get("voterList").state()).isEqualTo(StepState.DONE);
    assertThat(east.steps().get("objectionDecision").state()).isEqualTo(StepState.OVERDUE);
    assertThat(east.steps().get("objectionDecision").due())
        .isAfter(today.minusDays(9))
        .isBefore(today);
    assertThat(east.steps().get("objectionDecision").noteZh()).isEqualTo("申诉1件，已处理0件");
    assertThat(east.steps().get("candidateList.TOWN").state()).isEqualTo(StepState.DONE);
    assertThat(east.steps().get("formalList.TOWN").state()).isEqualTo(StepState.OPEN);
    assertThat(east.steps().get("electionDay").state()).isEqualTo(StepState.OPEN);
    assertThat(east.steps()).doesNotContainKey("formalList.COUNTY");
    assertThat(east.late()).isEqualTo(2);
    assertThat(west.steps().get("workingGroup").state()).isEqualTo(StepState.OVERDUE);
    assertThat(west.steps().get("voterList").state()).isEqualTo(StepState.OVERDUE);
    assertThat(west.steps().get("candidateList.TOWN").state()).isEqualTo(StepState.OVERDUE);
    assertThat(tp.late()).isEqualTo(2 + west.late());

    // a late posting is recorded with the statutory day in the warning
    SignIn.as(
        "admin",
        true,
        () -> warnings.add(initialLists.record(t.election(), t.east(), ContestLevel.TOWN, today)));
    assertThat(warnings.get(1).orElseThrow()).contains("晚于法定期限").contains("第三十二条");
    assertThat(
            admin(() -> progress.district(t.election(), t.east()))
                .steps()
                .get("candidateList.TOWN")
                .state())
        .isEqualTo(StepState.DONE_LATE);

    String town =
        mvc.perform(get("/elections/{id}/congress", t.election()).with(ADMIN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(PageText.visible(town)).contains("各选区法定时间进度").contains(tp.late() + 1 + "项逾期");
    assertThat(town).contains("data-step=\"voterList\" data-state=\"OVERDUE\"");
    assertThat(town)
        .containsPattern(
            "data-step=\"voterList\" data-state=\"OVERDUE\" class=\"table-danger text-danger late\"");
    String page =
        mvc.perform(get("/elections/{id}/districts/{d}/group", t.election(), t.east()).with(ADMIN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(PageText.visible(page))
        .contains("选区工作组与工作进度")
        .contains("选民登记员")
        .contains("已于" + today + "设立")
        .contains("申诉1件，已处理0件")
        .doesNotContain("NPC.");
  }

  @Test
  void pageRefusesBadInputInChineseAndChangesNothing() throws Exception {
    Town t = town();
    String body =
        mvc.perform(
                post("/elections/{id}/districts/{d}/group/establish", t.election(), t.east())
                    .param("version", "0")
                    .param("establishedBy", "某镇选举委员会")
                    .param("document", "选委〔2026〕3号")
                    .param("establishedOn", LocalDate.now().toString())
                    .with(ADMIN)
                    .with(csrf()))
            .andExpect(status().isConflict())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(PageText.visible(body)).contains("现有0人，应为5至7人");
    mvc.perform(
            post("/elections/{id}/districts/{d}/group/members", t.election(), t.east())
                .param("name", "")
                .param("role", "MEMBER")
                .with(ADMIN)
                .with(csrf()))
        .andExpect(status().isBadRequest());
    mvc.perform(
            post("/elections/{id}/districts/{d}/group/members", t.election(), t.east())
                .param("name", "王一")
                .param("residentId", "123")
                .param("role", "MEMBER")
                .with(ADMIN)
                .with(csrf()))
        .andExpect(status().isBadRequest());
    assertThat(members(t)).isZero();
    mvc.perform(
            post("/elections/{id}/districts/{d}/group/members", t.election(), t.east())
                .param("name", "王一")
                .param("position", "镇包扶联系领导")
                .param("role", "LEADER")
                .with(ADMIN)
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    assertThat(members(t)).isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM audit_event WHERE action = 'WORKING_GROUP_MEMBER_ADDED'"
                    + " AND subject = ?",
                Long.class,
                "district:" + t.east()))
        .isEqualTo(1);
  }
}
