package xuanju.server.voting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import xuanju.server.election.ElectionService;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.security.UserRepository;
import xuanju.server.support.H2AppTest;
import xuanju.server.voting.VotingFixture.Setup;
import xuanju.server.voting.VotingModel.BallotInput;
import xuanju.server.voting.VotingModel.CandidateRef;
import xuanju.server.voting.VotingModel.Round;
import xuanju.server.voting.VotingModel.StageSummary;
import xuanju.server.voting.VotingModel.WriteInInput;

/**
 * Names as people write them (姓名照写): members whose names hold a middle dot, a bullet, a space, a
 * comma or a 顿号 — common for Mongolian names in 内蒙古 — go through a party branch's election day by
 * the pages' forms, which choose people by record and never split text.
 */
class NamesAsWrittenTest extends H2AppTest {
  static final String DOT = "巴特尔·额尔敦";
  static final String SPACE = "阿拉坦 其其格";
  static final String BULLET = "斯琴•高娃";
  static final String COMMA = "娜仁,图雅";
  static final String WIDE_COMMA = "乌兰，其木格";
  static final String ENUMERATION = "哈斯、巴根";
  static final List<String> WRITTEN = List.of(DOT, SPACE, BULLET, COMMA, WIDE_COMMA, ENUMERATION);

  @Autowired MockMvc mvc;
  @Autowired VotingServices voting;
  @Autowired EntryService entries;
  @Autowired ElectionService elections;
  @Autowired OrganisationService orgs;
  @Autowired UserRepository users;
  @Autowired JdbcTemplate jdbc;

  static final RequestPostProcessor ADMIN_USER = user("admin").roles("ADMIN", "USER");

  Setup setup() {
    List<String> names = new ArrayList<>(WRITTEN);
    for (int i = 0; names.size() < 10; i++) {
      names.add(VotingFixture.name(i));
    }
    return VotingFixture.create(orgs, elections, users, jdbc, names, true, 5, 1);
  }

  String key(Setup s, String name) {
    return s.key(s.names().indexOf(name));
  }

  /** Posts a form as this user and returns the flash map's notice, failing on an error. */
  String form(MockHttpServletRequestBuilder request, RequestPostProcessor who) throws Exception {
    MvcResult r =
        mvc.perform(request.with(who).with(csrf()))
            .andExpect(status().is3xxRedirection())
            .andReturn();
    assertThat(r.getFlashMap().get("error")).as("页面错误").isNull();
    return (String) r.getFlashMap().get("notice");
  }

  String error(MockHttpServletRequestBuilder request) throws Exception {
    MvcResult r =
        mvc.perform(request.with(ADMIN_USER).with(csrf()))
            .andExpect(status().is3xxRedirection())
            .andReturn();
    return (String) r.getFlashMap().get("error");
  }

  static String base(Setup s) {
    return "/elections/" + s.electionId() + "/voting";
  }

  void checkInEveryone(Setup s, int stage) throws Exception {
    for (var v :
        VotingServiceTest.as("admin", true, () -> voting.checkIn().voters(s.electionId(), stage))) {
      mvc.perform(
              post(base(s) + "/checkin")
                  .param("stage", String.valueOf(stage))
                  .param("key", v.key())
                  .with(user(s.clerk1()).roles("USER"))
                  .with(csrf()))
          .andExpect(status().isOk());
    }
  }

  void begin(Setup s, int stage) throws Exception {
    form(
        post(base(s) + "/begin")
            .param("stage", String.valueOf(stage))
            .param(
                "version",
                String.valueOf(
                    VotingServiceTest.as("admin", true, () -> elections.get(s.electionId()))
                        .version())),
        ADMIN_USER);
  }

  static BallotInput ballot(String marks, List<WriteInInput> writeIns, String side) {
    return new BallotInput(
        UUID.randomUUID().toString(), null, marks, null, writeIns, false, null, null, side);
  }

  /** Double entry of the ballots; when {@code ruling} is given the scrutineer rules ballot 1. */
  void count(
      Setup s,
      Round r,
      List<String> ballots,
      Function<String, MockHttpServletRequestBuilder> ruling)
      throws Exception {
    long e = s.electionId();
    VotingServiceTest.run(
        s.clerk1(),
        () -> ballots.forEach(b -> entries.submit(e, r.number(), ballot(b, List.of(), "A"))));
    VotingServiceTest.run(
        s.clerk2(),
        () -> ballots.forEach(b -> entries.submit(e, r.number(), ballot(b, List.of(), "B"))));
    long stack =
        VotingServiceTest.as("admin", true, () -> voting.rounds().stacks(e, r.number()))
            .get(0)
            .id();
    VotingServiceTest.run(s.clerk1(), () -> entries.finishEntry(e, r.number(), stack, "A"));
    VotingServiceTest.run(s.clerk2(), () -> entries.finishEntry(e, r.number(), stack, "B"));
    if (ruling != null) {
      String url = base(s) + "/rounds/" + r.number() + "/stacks/" + stack + "/rulings";
      form(ruling.apply(url), user(s.scrutineer()).roles("USER"));
    }
    int v =
        VotingServiceTest.as("admin", true, () -> voting.rounds().stacks(e, r.number()))
            .get(0)
            .version();
    VotingServiceTest.run(s.scrutineer(), () -> entries.settle(e, r.number(), stack, v));
    long box =
        VotingServiceTest.as("admin", true, () -> voting.stations().stations(e))
            .get(0)
            .boxes()
            .get(0)
            .id();
    VotingServiceTest.run(
        s.clerk1(),
        () ->
            voting.rounds().recordBoxCount(e, r.number(), box, ballots.size(), ballots.size(), 0));
  }

  void decide(Setup s, int round) throws Exception {
    form(
        post(base(s) + "/rounds/" + round + "/decide")
            .param(
                "version",
                String.valueOf(
                    VotingServiceTest.as(
                            "admin", true, () -> voting.rounds().round(s.electionId(), round))
                        .version())),
        ADMIN_USER);
  }

  static List<String> repeat(String keys, int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(keys);
    }
    return out;
  }

  StageSummary summary(Setup s, int stage, VotingModel.Post post) {
    return VotingServiceTest.as("admin", true, () -> voting.progress().summaries(s.electionId()))
        .stream()
        .filter(x -> x.stage() == stage && x.post() == post)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aBranchElectsMembersWithDotsSpacesAndCommasAndTheyBecomeSecretaryAndDeputy()
      throws Exception {
    Setup s = setup();
    long e = s.electionId();
    // the page offers every voter by record, the names whole
    String page =
        mvc.perform(get(base(s)).with(ADMIN_USER)).andReturn().getResponse().getContentAsString();
    for (String n : WRITTEN) {
      assertThat(page).contains("value=\"" + key(s, n) + "\"").contains(">" + n + "<");
    }

    // round 1: the six written names and one more, ticked by record
    List<String> ticked = new ArrayList<>(WRITTEN);
    ticked.add(s.names().get(6));
    MockHttpServletRequestBuilder open = post(base(s) + "/candidates");
    ticked.forEach(n -> open.param("keys", key(s, n)));
    assertThat(form(open, ADMIN_USER)).isEqualTo("已生成第一轮选票");
    Round r1 = VotingServiceTest.as("admin", true, () -> voting.rounds().round(e, 1));
    assertThat(r1.candidates())
        .extracting(CandidateRef::name)
        .containsExactlyInAnyOrderElementsOf(ticked);
    assertThat(r1.candidates())
        .extracting(CandidateRef::id)
        .containsExactlyInAnyOrderElementsOf(ticked.stream().map(n -> key(s, n)).toList());
    // the ballot prints the names as written
    assertThat(VotingServiceTest.as("admin", true, () -> voting.rounds().layout(e, 1)).candidates())
        .containsExactlyInAnyOrderElementsOf(ticked);
    assertThat(VotingServiceTest.as("admin", true, () -> voting.rounds().ballotPdf(e, 1)))
        .isNotEmpty();

    checkInEveryone(s, 1);
    begin(s, 1);
    // five elected (all but 斯琴•高娃 and the seventh); ballot 1, ruled by the scrutineer, votes
    // against 哈斯、巴根 and writes in two people whose names hold a comma and a space
    Map<String, Character> yes = new HashMap<>();
    for (String n : List.of(DOT, SPACE, COMMA, WIDE_COMMA, ENUMERATION)) {
      yes.put(n, '1');
    }
    yes.put(BULLET, '2');
    yes.put(ticked.get(6), '2');
    String keys = VotingServiceTest.keys(r1, yes);
    Map<String, Character> ruledYes = new HashMap<>(yes);
    ruledYes.put(ENUMERATION, '2');
    Function<String, MockHttpServletRequestBuilder> ruling =
        url ->
            post(url)
                .param("position", "1")
                .param("marks", VotingServiceTest.keys(r1, ruledYes))
                .param("writeIn", "宝音,额尔德尼")
                .param("writeIn", "")
                .param("reason", "按原票认定");
    count(s, r1, repeat(keys, 10), ruling);
    decide(s, 1);
    var live = VotingServiceTest.as("admin", true, () -> voting.rounds().liveTally(e, 1));
    assertThat(live.tally().writeIns()).containsOnlyKeys("宝音,额尔德尼");
    List<String> committee = List.of(DOT, SPACE, COMMA, WIDE_COMMA, ENUMERATION);
    assertThat(summary(s, 1, VotingModel.Post.MEMBERS).elected())
        .containsExactlyInAnyOrderElementsOf(committee);

    // stage 2: the committee's members are offered by record; 巴特尔·额尔敦 for secretary and
    // 阿拉坦 其其格 for deputy, each one person (等额)
    page =
        mvc.perform(get(base(s)).with(ADMIN_USER)).andReturn().getResponse().getContentAsString();
    for (String n : committee) {
      assertThat(page).contains("name=\"secretary\" value=\"" + key(s, n) + "\"");
    }
    assertThat(
            form(
                post(base(s) + "/second-stage")
                    .param("secretary", key(s, DOT))
                    .param("deputy", key(s, SPACE)),
                ADMIN_USER))
        .isEqualTo("已召开委员会第一次全体会议");
    Round sec = VotingServiceTest.as("admin", true, () -> voting.rounds().round(e, 2));
    Round dep = VotingServiceTest.as("admin", true, () -> voting.rounds().round(e, 3));
    assertThat(sec.candidates()).extracting(CandidateRef::name).containsExactly(DOT);
    assertThat(sec.candidates()).extracting(CandidateRef::id).containsExactly(key(s, DOT));
    assertThat(dep.candidates()).extracting(CandidateRef::name).containsExactly(SPACE);
    checkInEveryone(s, 2);
    assertThat(VotingServiceTest.as("admin", true, () -> voting.checkIn().checkedIn(e, 2)))
        .containsExactlyInAnyOrderElementsOf(committee);
    begin(s, 2);
    count(s, sec, repeat("1", 5), null);
    count(s, dep, repeat("1", 5), null);
    decide(s, 2);
    decide(s, 3);
    assertThat(summary(s, 2, VotingModel.Post.SECRETARY).elected()).containsExactly(DOT);
    assertThat(summary(s, 2, VotingModel.Post.DEPUTY).elected()).containsExactly(SPACE);
    assertThat(VotingServiceTest.as("admin", true, () -> voting.progress().readyForResults(e)))
        .isTrue();

    // the portfolio of 娜仁,图雅 chosen by record
    form(
        post(base(s) + "/portfolios").param("member", key(s, COMMA)).param("portfolio", "组织委员"),
        ADMIN_USER);
    assertThat(VotingServiceTest.as("admin", true, () -> voting.secondStage().portfolios(e)))
        .containsExactly(Map.entry(COMMA, "组织委员"));
  }

  @Test
  void aTypedLineIsOnePersonAndARosterNameMustBeTicked() throws Exception {
    Setup s = setup();
    // a roster member typed instead of ticked is refused and nothing is created
    String err =
        error(post(base(s) + "/candidates").param("names", SPACE + "\n" + s.names().get(7)));
    assertThat(err).contains("第1行「" + SPACE + "」是名册中的党员");
    assertThat(VotingServiceTest.as("admin", true, () -> voting.rounds().rounds(s.electionId())))
        .isEmpty();
    // an unknown record is refused
    assertThat(error(post(base(s) + "/candidates").param("keys", "m999999999")))
        .contains("有选举权的党员中没有这条记录");
    // someone not on the roster: the whole line, commas and spaces included, is one candidate
    MockHttpServletRequestBuilder open =
        post(base(s) + "/candidates").param("names", "\r\n宝音,额尔德尼\r\n图门 吉日嘎拉\n");
    for (int i = 0; i < 4; i++) {
      open.param("keys", s.key(i));
    }
    form(open, ADMIN_USER);
    assertThat(
            VotingServiceTest.as("admin", true, () -> voting.rounds().round(s.electionId(), 1))
                .candidates())
        .extracting(CandidateRef::name)
        .containsExactlyInAnyOrder(DOT, SPACE, BULLET, COMMA, "宝音,额尔德尼", "图门 吉日嘎拉");
  }

  @Test
  void secondStageCandidatesAreCommitteeRecordsAndAmbiguousNamesAreRefused() {
    // two members of the same name elected: by name the choice is ambiguous, by key it is not
    List<String> names = new ArrayList<>(List.of(DOT, DOT, SPACE));
    for (int i = 0; names.size() < 9; i++) {
      names.add(VotingFixture.name(i));
    }
    Setup s = VotingFixture.create(orgs, elections, users, jdbc, names, true, 3, 1);
    long e = s.electionId();
    List<CandidateRef> c = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      c.add(new CandidateRef(s.key(i), s.names().get(i), s.memberIds().get(i)));
    }
    VotingServiceTest.run("admin", () -> voting.rounds().openFirstRound(e, c));
    VotingServiceTest.run(
        "admin",
        () -> {
          for (var v : voting.checkIn().voters(e, 1)) {
            voting.checkIn().checkIn(e, 1, v.key());
          }
          voting.rounds().beginVoting(e, 1, elections.get(e).version());
        });
    Round r = VotingServiceTest.as("admin", true, () -> voting.rounds().round(e, 1));
    StringBuilder b = new StringBuilder();
    for (CandidateRef x : r.candidates()) {
      b.append(x.id().equals(s.key(3)) ? '2' : '1');
    }
    try {
      count(s, r, repeat(b.toString(), 9), null);
    } catch (Exception ex) {
      throw new IllegalStateException(ex);
    }
    VotingServiceTest.run(
        "admin", () -> voting.decisions().decide(e, 1, voting.rounds().round(e, 1).version()));
    assertThat(VotingServiceTest.as("admin", true, () -> voting.progress().committeeByKey(e)))
        .containsOnlyKeys(s.key(0), s.key(1), s.key(2));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                VotingServiceTest.run(
                    "admin",
                    () -> voting.secondStage().openSecondStage(e, List.of(DOT), List.of(SPACE))))
        .hasMessageContaining("新当选的委员中有2名「" + DOT + "」");
    // a whole name that one member has still works (service callers), and keys always do
    List<Round> stage2 =
        VotingServiceTest.as(
            "admin",
            true,
            () -> voting.secondStage().openSecondStage(e, List.of(s.key(1)), List.of(SPACE)));
    assertThat(stage2.get(0).candidates()).extracting(CandidateRef::id).containsExactly(s.key(1));
    assertThat(stage2.get(1).candidates()).extracting(CandidateRef::id).containsExactly(s.key(2));
  }

  @Test
  void boxStaffAreOnePersonPerField() throws Exception {
    Setup s = setup();
    form(post(base(s) + "/stations").param("name", "第二投票站"), ADMIN_USER);
    long station =
        VotingServiceTest.as("admin", true, () -> voting.stations().stations(s.electionId()))
            .stream()
            .filter(x -> x.name().equals("第二投票站"))
            .findFirst()
            .orElseThrow()
            .id();
    form(
        post(base(s) + "/boxes")
            .param("stationId", String.valueOf(station))
            .param("name", "第二票箱")
            .param("staff", SPACE)
            .param("staff", COMMA)
            .param("staff", ENUMERATION)
            .param("staff", ""),
        ADMIN_USER);
    var box =
        VotingServiceTest.as("admin", true, () -> voting.stations().stations(s.electionId()))
            .stream()
            .flatMap(x -> x.boxes().stream())
            .filter(x -> x.name().equals("第二票箱"))
            .findFirst()
            .orElseThrow();
    assertThat(box.staff()).containsExactly(SPACE, COMMA, ENUMERATION);
    // a single field keeps its comma (no conversion splits it)
    form(
        post(base(s) + "/boxes")
            .param("stationId", String.valueOf(station))
            .param("name", "第三票箱")
            .param("staff", COMMA),
        ADMIN_USER);
    assertThat(
            VotingServiceTest.as("admin", true, () -> voting.stations().stations(s.electionId()))
                .stream()
                .flatMap(x -> x.boxes().stream())
                .filter(x -> x.name().equals("第三票箱"))
                .findFirst()
                .orElseThrow()
                .staff())
        .containsExactly(COMMA);
    // rows written before (joined with 、) still read as several people
    assertThat(VotingRepository.staffOf("张三、李四")).containsExactly("张三", "李四");
    assertThat(VotingRepository.staffOf(VotingRepository.staffText(List.of(ENUMERATION, SPACE))))
        .containsExactly(ENUMERATION, SPACE);
    assertThat(VotingRepository.staffOf("")).isEmpty();
    // each field is checked as free text: a line break, a control character or more than 50
    // characters is refused with the field named, and no box is added
    long before =
        VotingServiceTest.as("admin", true, () -> voting.stations().stations(s.electionId()))
            .stream()
            .mapToLong(x -> x.boxes().size())
            .sum();
    Function<String, String> refused =
        bad -> {
          try {
            return error(
                post(base(s) + "/boxes")
                    .param("stationId", String.valueOf(station))
                    .param("name", "第四票箱")
                    .param("staff", DOT)
                    .param("staff", bad));
          } catch (Exception ex) {
            throw new IllegalStateException(ex);
          }
        };
    assertThat(refused.apply("阿拉坦\n其其格")).contains("staff[1]").contains("负责人员姓名不能包含换行符");
    assertThat(refused.apply("阿拉坦\u0000其其格")).contains("staff[1]").contains("负责人员姓名不能包含控制字符");
    assertThat(refused.apply("巴".repeat(51)))
        .contains("staff[1]")
        .contains("负责人员姓名不能超过50个字（现为51个字）");
    assertThat(
            VotingServiceTest.as("admin", true, () -> voting.stations().stations(s.electionId()))
                .stream()
                .mapToLong(x -> x.boxes().size())
                .sum())
        .isEqualTo(before);
  }
}
