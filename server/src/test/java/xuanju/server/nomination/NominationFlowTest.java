package xuanju.server.nomination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import xuanju.core.schedule.PeriodUnit;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.access.Role;
import xuanju.server.audit.AuditLog;
import xuanju.server.election.ElectionForm;
import xuanju.server.election.ElectionKind;
import xuanju.server.election.ElectionService;
import xuanju.server.election.ElectionStatus;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.security.UserRepository;
import xuanju.server.support.DocumentWording;
import xuanju.server.support.H2AppTest;
import xuanju.server.support.SignIn;

/**
 * A 45-member branch goes from recommendations to 6 formal candidates for 5 seats; every refused
 * step shows its rule code and changes nothing.
 */
class NominationFlowTest extends H2AppTest {
  private static final AtomicInteger RUN = new AtomicInteger();
  private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000_000L);

  @Autowired MockMvc mvc;
  @Autowired NominationService nomination;
  @Autowired ElectionService elections;
  @Autowired OrganisationService organisations;
  @Autowired AccessService access;
  @Autowired UserRepository users;
  @Autowired AuditLog audit;
  @Autowired JdbcTemplate jdbc;

  long town;
  long branch;
  long otherBranch;
  long electionId;
  String clerk;
  String upper;
  final Map<String, Long> members = new LinkedHashMap<>();
  final LocalDate today = LocalDate.now();

  @BeforeEach
  void setUp() {
    int n = RUN.incrementAndGet();
    town = organisations.create("test", null, "提名测试镇党委" + n, "TOWN_COMMITTEE");
    branch = organisations.create("test", town, "提名测试支部" + n, "BRANCH");
    otherBranch = organisations.create("test", town, "提名测试另一支部" + n, "BRANCH");
    clerk = "h8branch" + n;
    upper = "h8upper" + n;
    users.insert(clerk, "支部管理员", "x", false, false, Instant.now());
    users.insert(upper, "镇党委审批人", "x", false, false, Instant.now());
    SignIn.as(
        "admin",
        true,
        () -> {
          access.grant(clerk, branch, Role.ELECTION_ADMIN);
          access.grant(upper, town, Role.UPPER_OFFICER);
        });
    // the ten people the story is about, then 35 more: 45 members
    LocalDate longAgo = today.minusYears(10);
    add("陈红", "FEMALE", "FULL", longAgo);
    add("王芳", "FEMALE", "FULL", longAgo);
    add("丁伟", "MALE", "FULL", longAgo);
    add("欧阳娜", "FEMALE", "FULL", longAgo);
    add("张强", "MALE", "FULL", longAgo);
    add("李静", "FEMALE", "FULL", longAgo);
    add("赵磊", "MALE", "FULL", longAgo); // 李静's spouse
    add("刘洋", "MALE", "PROBATIONARY", today.minusMonths(6)); // no right to stand
    add("杨帆", "MALE", "FULL", today.minusMonths(3)); // full member? party age < 1 year
    add("马丽", "FEMALE", "FULL", longAgo); // negative list
    String[] surnames = {"周", "吴", "郑", "孙", "钱", "冯", "褚", "卫", "蒋", "沈", "韩", "朱"};
    String[] given = {"一", "二", "三"};
    for (int i = 0; members.size() < 45; i++) {
      add(surnames[i % surnames.length] + given[i / surnames.length], "MALE", "FULL", longAgo);
    }
    insertMember(otherBranch, "外支部党员", "MALE", "FULL", longAgo);
    SignIn.as(
        "admin",
        true,
        () -> {
          electionId =
              elections.create(
                  new ElectionForm(
                      branch,
                      "提名测试支部委员会换届选举" + n,
                      ElectionKind.PARTY_BRANCH,
                      "PARTY_GRASSROOTS",
                      Map.of(),
                      "",
                      true,
                      5,
                      1,
                      0,
                      null,
                      today.plusDays(40),
                      3));
          var e = elections.get(electionId);
          e =
              elections.transition(
                  electionId,
                  e.version(),
                  Permission.MANAGE,
                  ElectionStatus.DRAFT,
                  ElectionStatus.PLAN_SUBMITTED,
                  "TEST",
                  "测试：报送方案");
          elections.transition(
              electionId,
              e.version(),
              Permission.APPROVE,
              ElectionStatus.PLAN_SUBMITTED,
              ElectionStatus.PLAN_APPROVED,
              "TEST",
              "测试：批复方案");
        });
  }

  private void add(String name, String gender, String membership, LocalDate join) {
    members.put(name, insertMember(branch, name, gender, membership, join));
  }

  private long insertMember(
      long org, String name, String gender, String membership, LocalDate join) {
    String rid = String.format("H8%016d", IDS.incrementAndGet());
    jdbc.update(
        "INSERT INTO party_member (organisation_id, name, gender, ethnicity, birth_date, resident_id,"
            + " education, join_date, membership, status, created_at, updated_at)"
            + " VALUES (?, ?, ?, '汉族', ?, ?, 'BACHELOR', ?, ?, 'NORMAL', ?, ?)",
        org,
        name,
        gender,
        Date.valueOf(LocalDate.of(1980, 3, 1)),
        rid,
        Date.valueOf(join),
        membership,
        Timestamp.from(Instant.now()),
        Timestamp.from(Instant.now()));
    return jdbc.queryForObject(
        "SELECT id FROM party_member WHERE resident_id = ?", Long.class, rid);
  }

  private void asClerk(Runnable r) {
    SignIn.as(clerk, false, r);
  }

  private long nomineeOf(String name) {
    return jdbc.queryForObject(
        "SELECT id FROM nominee WHERE election_id = ? AND member_id = ?",
        Long.class,
        electionId,
        members.get(name));
  }

  private List<Long> nominees(String... names) {
    List<Long> out = new ArrayList<>();
    for (String s : names) {
      out.add(nomineeOf(s));
    }
    return out;
  }

  /** Runs a step that must be refused: the rule code is named and nothing is written. */
  private void refused(Runnable step, String code, String messagePart) {
    long events = audit.count();
    String before = snapshot();
    asClerkOrCurrent(
        () ->
            assertThatThrownBy(step::run)
                .isInstanceOf(NominationBlockedException.class)
                .hasMessageContaining("[" + code + "]")
                .hasMessageContaining(messagePart));
    assertThat(snapshot()).isEqualTo(before);
    assertThat(audit.count()).isEqualTo(events);
  }

  /** The nomination page renders at the current stage and shows {@code text}. */
  private void pageShows(String text) {
    mockMvc(
        () ->
            mvc.perform(
                    get("/elections/{id}/nomination", electionId).with(user(clerk).roles("USER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(text))));
  }

  interface MvcCall {
    void run() throws Exception;
  }

  /** A MockMvc call inside a {@link SignIn} block: keeps the signed-in user around it. */
  private static void mockMvc(MvcCall call) {
    var auth = SecurityContextHolder.getContext().getAuthentication();
    try {
      call.run();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      SecurityContextHolder.getContext().setAuthentication(auth);
    }
  }

  private void asClerkOrCurrent(Runnable r) {
    r.run();
  }

  private String snapshot() {
    return jdbc.queryForList(
                "SELECT phase, version, publicity_posted FROM nomination WHERE election_id = ?",
                electionId)
            .toString()
        + jdbc.queryForList(
                "SELECT id, typed_votes, ballot_votes, upper_recommended, preliminary, pre_candidate,"
                    + " formal FROM nominee WHERE election_id = ? ORDER BY id",
                electionId)
            .toString()
        + jdbc.queryForObject(
            "SELECT COUNT(*) FROM nomination_ballot WHERE election_id = ?", Long.class, electionId)
        + jdbc.queryForObject(
            "SELECT COUNT(*) FROM approval_request WHERE election_id = ?", Long.class, electionId)
        + jdbc.queryForObject("SELECT status FROM election WHERE id = ?", String.class, electionId);
  }

  /**
   * The nominee choosers offer only members who may stand (not the probationary 刘洋), and every
   * chooser lists people in 姓氏笔画 order (丁 2 strokes first, 欧阳 before 赵 by the first character's
   * strokes), never the database's order.
   */
  @Test
  void theChoosersListPeopleWhoMayStandInStrokeOrder() {
    NominationOverview[] box = new NominationOverview[1];
    asClerk(() -> box[0] = nomination.overview(electionId));
    NominationOverview o = box[0];
    List<String> all = List.copyOf(o.members().values());
    List<String> electable = List.copyOf(o.electable().values());
    assertThat(all).hasSize(45).contains("刘洋");
    assertThat(electable).hasSize(44).doesNotContain("刘洋").contains("杨帆", "马丽");
    xuanju.core.names.NameOrder strokes = xuanju.core.names.NameOrder.surnameStrokes();
    assertThat(all).isSortedAccordingTo(strokes);
    assertThat(electable).isSortedAccordingTo(strokes);
    assertThat(all.get(0)).isEqualTo("丁伟");
    assertThat(all.indexOf("王芳")).isLessThan(all.indexOf("陈红"));
  }

  @Test
  void fortyFiveMemberBranchReachesSixFormalCandidatesInStrokeOrder() throws Exception {
    asClerk(
        () -> {
          nomination.saveSettings(
              electionId,
              MeetingRule.MORE_THAN_60,
              null,
              5,
              PeriodUnit.CALENDAR_DAYS,
              "COMMUNITY_TWO_COMMITTEES",
              null,
              null);
          // recommendations: typed totals, ballots one by one, the upper organisation's flag
          int votes = 40;
          for (String name : List.of("陈红", "王芳", "丁伟", "欧阳娜", "张强", "李静", "赵磊", "刘洋", "杨帆")) {
            nomination.addNominee(electionId, members.get(name), votes--, false);
          }
          nomination.addNominee(electionId, members.get("马丽"), 0, true);
          nomination.addNominee(electionId, members.get("周一"), 0, false);
          nomination.addBallot(electionId, List.of(members.get("陈红"), members.get("吴一")));
          nomination.addBallot(electionId, List.of(members.get("王芳")));
        });
    assertThat(
            jdbc.queryForObject(
                "SELECT ballot_votes FROM nominee WHERE id = ?", Integer.class, nomineeOf("吴一")))
        .isEqualTo(1);

    asClerk(
        () -> {
          // a ballot naming 6 for 5 seats is void
          refused(
              () ->
                  nomination.addBallot(
                      electionId,
                      List.of(
                          members.get("陈红"),
                          members.get("王芳"),
                          members.get("丁伟"),
                          members.get("张强"),
                          members.get("李静"),
                          members.get("周二"))),
              "PARTY.RECOMMEND.BALLOT_OVER_LIMIT",
              "推荐了6人，多于规定的5人");
          // a member of another branch
          long outsider =
              jdbc.queryForObject(
                  "SELECT id FROM party_member WHERE organisation_id = ?", Long.class, otherBranch);
          refused(
              () -> nomination.addNominee(electionId, outsider, 3, false),
              "PARTY.NOMINEE.NOT_IN_BRANCH",
              "不是");
          // the meeting: 27 of 45 is exactly 60%, not more
          nomination.recordMeeting(electionId, 45, 27);
          List<Long> ten = nominees("陈红", "王芳", "丁伟", "欧阳娜", "张强", "李静", "赵磊", "刘洋", "杨帆", "马丽");
          refused(
              () -> nomination.confirmPreliminary(electionId, ten, today),
              "PARTY.RECOMMEND.QUORUM_60",
              "应到45人，实到27人");
          nomination.recordMeeting(electionId, 45, 40);
          // too few for 5 seats at 30%: at least 7
          refused(
              () ->
                  nomination.confirmPreliminary(
                      electionId, nominees("陈红", "王芳", "丁伟", "欧阳娜", "张强", "李静"), today),
              "PARTY.MARGIN.PRELIMINARY",
              "初步人选至少7名，现有6名");
          // nobody recommended 周一
          List<Long> withUnrecommended = new ArrayList<>(ten);
          withUnrecommended.add(nomineeOf("周一"));
          refused(
              () -> nomination.confirmPreliminary(electionId, withUnrecommended, today),
              "PARTY.NOMINEE.NOT_RECOMMENDED",
              "周一");
          // posted today: the publicity has not run
          nomination.confirmPreliminary(electionId, ten, today);
          refused(
              () -> nomination.closePublicity(electionId),
              "PARTY.PUBLICITY.PRELIMINARY_CANDIDATES_5D",
              "公示期未满");
          // it was really posted ten days ago: start again with the right date
          nomination.reopen(electionId, "张贴日期登记有误");
          nomination.confirmPreliminary(electionId, ten, today.minusDays(10));
          pageShows("公示结束，进入资格审查");
          long report = nomination.addReport(electionId, today.minusDays(3), "反映马丽同志受处分影响期未满");
          refused(
              () -> nomination.closePublicity(electionId),
              "PARTY.PUBLICITY.REPORT_UNHANDLED",
              "反映马丽同志");
          nomination.handleReport(electionId, report, "支部会同纪检委员调阅处分决定", "反映属实，列入负面清单");
          nomination.closePublicity(electionId);
          assertThat(nomination.state(electionId).phase()).isEqualTo(Phase.REVIEW);

          // eligibility review
          nomination.disqualify(electionId, nomineeOf("马丽"), "受到党纪处分影响期未满", "镇纪委处分决定书");
          nomination.addRelation(
              electionId, members.get("李静"), members.get("赵磊"), RelationKind.SPOUSE, "");
          pageShows("确定勾选的预备人选并报上级党组织审批");
          pageShows("受到党纪处分影响期未满");
          refused(
              () ->
                  nomination.submitPreCandidates(
                      electionId, nominees("陈红", "王芳", "丁伟", "欧阳娜", "张强", "刘洋")),
              "PARTY.ELIGIBILITY.RIGHT_TO_STAND",
              "刘洋：预备党员");
          refused(
              () ->
                  nomination.submitPreCandidates(
                      electionId, nominees("陈红", "王芳", "丁伟", "欧阳娜", "张强", "杨帆")),
              "PARTY.ELIGIBILITY.PARTY_AGE_1Y",
              "杨帆");
          refused(
              () ->
                  nomination.submitPreCandidates(
                      electionId, nominees("陈红", "王芳", "丁伟", "欧阳娜", "张强", "马丽")),
              "PARTY.ELIGIBILITY.NEGATIVE_LIST",
              "受到党纪处分影响期未满");
          refused(
              () ->
                  nomination.submitPreCandidates(
                      electionId, nominees("陈红", "王芳", "丁伟", "欧阳娜", "李静", "赵磊")),
              "PARTY.AVOIDANCE.RELATIVES_CANDIDATES",
              "李静与赵磊为近亲属（配偶）");
          refused(
              () ->
                  nomination.submitPreCandidates(
                      electionId, nominees("陈红", "王芳", "丁伟", "欧阳娜", "张强")),
              "PARTY.MARGIN.PRE_CANDIDATES",
              "预备人选至少6名，现有5名");
          refused(
              () ->
                  nomination.submitPreCandidates(
                      electionId, nominees("陈红", "王芳", "丁伟", "欧阳娜", "张强", "周一")),
              "PARTY.NOMINEE.NOT_PRELIMINARY",
              "周一");
          // quotas are shown live: two men lack a woman
          var quota = nomination.quota(electionId, nominees("丁伟", "张强"));
          assertThat(quota.results())
              .anySatisfy(r -> assertThat(r.step().explanationZh()).contains("女性至少1名，现有0名，还差1名"));
          // a scrutineer who is a candidate's spouse is warned about
          nomination.submitPreCandidates(electionId, nominees("陈红", "王芳", "丁伟", "欧阳娜", "张强", "李静"));
          pageShows("预备人选已报上级党组织审批，等待批复");
          mockMvc(
              () ->
                  mvc.perform(
                          get("/elections/{id}/nomination/quota", electionId)
                              .with(user(clerk).roles("USER"))
                              .param("nomineeIds", Long.toString(nomineeOf("丁伟"))))
                      .andExpect(status().isOk())
                      .andExpect(content().string(containsString("还差1名"))));
          assertThat(nomination.staffConflicts(electionId, List.of(members.get("赵磊"))))
              .extracting(f -> f.code())
              .containsExactly("PARTY.AVOIDANCE.RELATIVE_STAFF");
          // not approved yet
          refused(
              () -> nomination.formalCandidates(electionId),
              "PARTY.CANDIDATES.APPROVAL_REQUIRED",
              "尚未经上级党组织批准");
          // the branch cannot approve its own candidates
          int version = elections.get(electionId).version();
          assertThatThrownBy(() -> nomination.approve(electionId, version, ""))
              .isInstanceOf(AccessDeniedException.class);
        });

    int version = SignInResult.version(elections, electionId);
    mvc.perform(
            post("/api/elections/{id}/nominees/approve", electionId)
                .with(user(clerk).roles("USER"))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"electionVersion\":" + version + ",\"comment\":\"\"}"))
        .andExpect(status().isForbidden());

    mvc.perform(
            post("/api/elections/{id}/nominees/approve", electionId)
                .with(user(upper).roles("USER"))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"electionVersion\":" + version + ",\"comment\":\"同意\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(6))
        .andExpect(jsonPath("$[0].name").value("丁伟"));

    List<String> expected = List.of("丁伟", "王芳", "李静", "张强", "陈红", "欧阳娜");
    SignIn.as(
        upper,
        false,
        () -> {
          assertThat(nomination.formalCandidates(electionId))
              .extracting(FormalCandidate::name)
              .isEqualTo(expected);
          assertThat(elections.get(electionId).status())
              .isEqualTo(ElectionStatus.CANDIDATES_APPROVED);
        });
    mvc.perform(
            get("/api/elections/{id}/nominees/formal", electionId).with(user(clerk).roles("USER")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[5].name").value("欧阳娜"))
        .andExpect(jsonPath("$[0].gender").value("男"));
    assertThat(
            jdbc.queryForList(
                "SELECT action FROM audit_event WHERE subject = ? ORDER BY seq",
                String.class,
                "election:" + electionId))
        .contains(
            "NOMINEE_ADDED",
            "NOMINATION_BALLOT",
            "PRELIMINARY_CONFIRMED",
            "NOMINATION_REOPENED",
            "PUBLICITY_REPORT_ADDED",
            "PUBLICITY_REPORT_HANDLED",
            "PUBLICITY_CLOSED",
            "NOMINEE_DISQUALIFIED",
            "RELATION_ADDED",
            "PRE_CANDIDATES_SUBMITTED",
            "CANDIDATES_APPROVED");

    // the documents, each checked as an official text (no codes, logins, English: issue 14)
    var clerkUser = user(clerk).roles("USER");
    List<String> wording = new ArrayList<>();
    List<String> tags =
        jdbc.queryForList(
            "SELECT name FROM organisation WHERE id IN (?, ?)", String.class, branch, town);
    for (String doc : List.of("preliminary-notice", "pre-candidates-notice", "formal-list")) {
      byte[] pdf =
          mvc.perform(
                  get("/elections/{id}/nomination/documents/{d}.pdf", electionId, doc)
                      .with(clerkUser))
              .andExpect(status().isOk())
              .andExpect(content().contentType(MediaType.APPLICATION_PDF))
              .andReturn()
              .getResponse()
              .getContentAsByteArray();
      assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1))
          .isEqualTo("%PDF-");
      byte[] docx =
          mvc.perform(
                  get("/elections/{id}/nomination/documents/{d}.docx", electionId, doc)
                      .with(clerkUser))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsByteArray();
      assertThat(docx[0]).isEqualTo((byte) 'P');
      assertThat(docx[1]).isEqualTo((byte) 'K');
      for (var f : java.util.Map.of(doc + ".pdf", pdf, doc + ".docx", docx).entrySet()) {
        wording.addAll(
            DocumentWording.problems(
                f.getKey(),
                DocumentWording.text(f.getKey(), f.getValue()),
                List.of(clerk, upper),
                tags));
      }
    }
    byte[] form =
        mvc.perform(
                get(
                        "/elections/{id}/nomination/nominees/{n}/registration.docx",
                        electionId,
                        nomineeOf("欧阳娜"))
                    .with(clerkUser))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    wording.addAll(
        DocumentWording.problems(
            "registration.docx",
            DocumentWording.text("registration.docx", form),
            List.of(clerk, upper),
            tags));
    assertThat(wording).isEmpty();
    mvc.perform(
            get(
                    "/elections/{id}/nomination/nominees/{n}/registration.docx",
                    electionId,
                    nomineeOf("丁伟"))
                .with(clerkUser))
        .andExpect(status().isOk())
        // Chinese file names (issue 14), UTF-8 encoded in the header
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                .string(
                    "Content-Disposition",
                    org.hamcrest.Matchers.containsString(
                        java.net.URLEncoder.encode(
                                "委员候选人登记表 丁伟.docx", java.nio.charset.StandardCharsets.UTF_8)
                            .replace("+", "%20"))));
    byte[] xlsx =
        mvc.perform(get("/elections/{id}/nomination/statistics.xlsx", electionId).with(clerkUser))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (var wb =
        new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
      var sheet = wb.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).endsWith("推荐情况统计表");
      assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("姓名"); // the header
      assertThat(sheet.getRow(3).getCell(1).getStringCellValue()).isEqualTo("陈红"); // 40 + 1 ballot
      assertThat(sheet.getRow(3).getCell(7).getNumericCellValue()).isEqualTo(41.0); // a number
    }
    SignIn.as(
        clerk,
        false,
        () -> {
          var content = nomination.document(electionId, NominationService.Doc.FORMAL_LIST);
          var table =
              (xuanju.server.documents.DocumentContent.Table)
                  content.blocks().stream()
                      .filter(b -> b instanceof xuanju.server.documents.DocumentContent.Table)
                      .findFirst()
                      .orElseThrow();
          assertThat(table.rows()).extracting(r -> r.get(1)).isEqualTo(expected);
        });

    // the page shows the formal candidates
    mvc.perform(get("/elections/{id}/nomination", electionId).with(clerkUser))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("正式候选人已确定")))
        .andExpect(content().string(containsString("欧阳娜")));
  }

  @Test
  void pageShowsARefusedStepWithItsRuleCodeAndWritesNothing() throws Exception {
    var clerkUser = user(clerk).roles("USER");
    asClerk(
        () -> {
          for (String name : List.of("陈红", "王芳", "丁伟")) {
            nomination.addNominee(electionId, members.get(name), 10, false);
          }
        });
    String before = snapshot();
    var req =
        post("/elections/{id}/nomination/preliminary", electionId)
            .with(clerkUser)
            .with(csrf())
            .param("postedOn", today.toString());
    for (String name : List.of("陈红", "王芳", "丁伟")) {
      req.param("nomineeIds", Long.toString(nomineeOf(name)));
    }
    mvc.perform(req)
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("error", containsString("初步人选至少7名，现有3名")))
        .andExpect(flash().attribute("error", containsString("[PARTY.MARGIN.PRELIMINARY]")));
    assertThat(snapshot()).isEqualTo(before);

    mvc.perform(get("/elections/{id}/nomination", electionId).with(clerkUser))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("两推一选进度")))
        .andExpect(content().string(containsString("陈红")));

    // the API answers 409 with the codes
    mvc.perform(
            post("/api/elections/{id}/nominees/preliminary", electionId)
                .with(clerkUser)
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"nomineeIds\":[" + nomineeOf("陈红") + "]}"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.codes[0]").value("PARTY.MARGIN.PRELIMINARY"));

    // an observer of another organisation sees nothing
    RequestPostProcessor stranger = user("h8stranger").roles("USER");
    mvc.perform(get("/api/elections/{id}/nominees", electionId).with(stranger))
        .andExpect(status().isForbidden());
  }

  /** Reads the election's version as the administrator. */
  static final class SignInResult {
    static int version(ElectionService elections, long id) {
      int[] v = new int[1];
      SignIn.as("admin", true, () -> v[0] = elections.get(id).version());
      return v[0];
    }
  }
}
