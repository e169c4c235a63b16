package xuanju.server.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import xuanju.core.register.ChangeReason;
import xuanju.core.register.RegistrationBasis;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.election.ElectionService;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.plan.PlanFixtures;
import xuanju.server.support.SignIn;

/**
 * The voter register end to end (registration run, single registration, publication, posting list,
 * changes, objections, carry-over), run on H2 and on PostgreSQL.
 */
interface RegisterFlowContract {
  MockMvc mvc();

  JdbcTemplate jdbc();

  OrganisationService orgs();

  ElectionService elections();

  RegistrationService registration();

  VoterListService lists();

  CarryOverService carry();

  RequestPostProcessor ADMIN = user("admin").roles("ADMIN", "USER");

  /** One town with two districts and the people of the cases. */
  record Town(
      long org,
      String orgName,
      long election,
      LocalDate day,
      long d1,
      long d2,
      Map<String, Long> people,
      String otherTown) {}

  default Town town(LocalDate day) {
    JdbcTemplate jdbc = jdbc();
    int n = RegisterFixtures.next();
    String name = "登记测试镇" + n;
    long org = RegisterFixtures.town(orgs(), name);
    long e = RegisterFixtures.election(elections(), org, day);
    String a = "甲村" + n;
    String b = "乙村" + n;
    long d1 = RegisterFixtures.district(jdbc, e, 1, "第一选区", a);
    long d2 = RegisterFixtures.district(jdbc, e, 2, "第二选区", b + "/一组");
    Map<String, Long> p = new java.util.LinkedHashMap<>();
    p.put("丁一", RegisterFixtures.person(jdbc, org, a, "1组", "丁一", day.minusYears(40)));
    p.put("李明", RegisterFixtures.person(jdbc, org, a, "1组", "李明", day.minusYears(30)));
    p.put("王大山", RegisterFixtures.person(jdbc, org, a, "2组", "王大山", day.minusYears(50)));
    p.put("马十八", RegisterFixtures.person(jdbc, org, a, "2组", "马十八", day.minusYears(18)));
    p.put("赵小", RegisterFixtures.person(jdbc, org, a, "2组", "赵小", day.minusYears(18).plusDays(1)));
    p.put("钱某", RegisterFixtures.person(jdbc, org, a, "1组", "钱某", day.minusYears(45)));
    p.put("孙某", RegisterFixtures.person(jdbc, org, a, "1组", "孙某", day.minusYears(35)));
    p.put("周某", RegisterFixtures.person(jdbc, org, a, "1组", "周某", day.minusYears(25)));
    p.put("刘甲", RegisterFixtures.person(jdbc, org, b, "一组", "刘甲", day.minusYears(60)));
    p.put("陈乙", RegisterFixtures.person(jdbc, org, b, "一组", "陈乙", day.minusYears(22)));
    p.put("吴丙", RegisterFixtures.person(jdbc, org, b, "二组", "吴丙", day.minusYears(33)));
    RegisterFixtures.deprived(jdbc, p.get("钱某"), day.minusYears(1), day.plusYears(1));
    RegisterFixtures.incapable(jdbc, p.get("孙某"), LocalDate.now());
    // 周某 is already registered by another town's election of the same kind and year
    String other = "另一镇" + n;
    long otherOrg = RegisterFixtures.town(orgs(), other);
    long otherElection = RegisterFixtures.election(elections(), otherOrg, day);
    long otherDistrict = RegisterFixtures.district(jdbc, otherElection, 1, "第一选区", "丙村" + n);
    as(
        () ->
            registration()
                .registerOne(
                    otherElection,
                    form(
                        RegisterFixtures.residentIdOf(jdbc, p.get("周某")),
                        otherDistrict,
                        RegistrationBasis.HUKOU,
                        "")));
    return new Town(org, name, e, day, d1, d2, p, other);
  }

  static RegistrationForm form(String id, long district, RegistrationBasis basis, String reason) {
    return new RegistrationForm(id, district, basis, "", "", null, "", "", null, reason);
  }

  static void as(Runnable r) {
    SignIn.as("admin", true, r);
  }

  default long listed(long election) {
    return jdbc()
        .queryForObject(
            "SELECT COUNT(*) FROM voter_registration WHERE election_id = ? AND status = 'LISTED'",
            Long.class,
            election);
  }

  @Test
  default void theRunListsTheVotersAndSaysWhyOthersAreNot() throws Exception {
    Town t = town(LocalDate.now().plusDays(40));
    AtomicReference<RegistrationService.RunResult> run = new AtomicReference<>();
    as(() -> run.set(registration().registerAll(t.election(), null)));
    var d1 = run.get().districts().get(0);
    var d2 = run.get().districts().get(1);
    assertThat(d1.listed()).isEqualTo(4);
    assertThat(d1.refused())
        .containsEntry(RefusalReason.UNDER_18, 1)
        .containsEntry(RefusalReason.DEPRIVED, 1)
        .containsEntry(RefusalReason.INCAPACITY, 1)
        .containsEntry(RefusalReason.ELSEWHERE, 1);
    assertThat(d2.listed()).isEqualTo(2); // 吴丙 of 二组 belongs to no district
    assertThat(listed(t.election())).isEqualTo(6);

    // list order: 1组 丁(2画) 李(7画), then 2组 马(3画) 王(4画); voter numbers in that order
    List<VoterLine>[] voters = new List[1];
    as(() -> voters[0] = lists().voters(t.election(), t.d1()));
    assertThat(voters[0]).extracting(VoterLine::name).containsExactly("丁一", "李明", "马十八", "王大山");
    assertThat(voters[0]).extracting(VoterLine::voterNo).containsExactly(1, 2, 3, 4);

    List<RegistrationService.RefusalView>[] refusals = new List[1];
    as(() -> refusals[0] = registration().refusals(t.election(), 100));
    assertThat(refusals[0])
        .filteredOn(r -> r.reason() == RefusalReason.UNDER_18)
        .singleElement()
        .satisfies(r -> assertThat(r.message()).contains("赵小").contains("未满十八周岁"));
    assertThat(refusals[0])
        .filteredOn(r -> r.reason() == RefusalReason.ELSEWHERE)
        .singleElement()
        .satisfies(
            r -> assertThat(r.message()).contains("周某").contains("在" + t.otherTown() + "第一选区登记"));

    // a second run changes nothing: everyone is already listed here
    as(() -> run.set(registration().registerAll(t.election(), null)));
    assertThat(run.get().listed()).isZero();
    assertThat(run.get().districts().get(0).alreadyHere()).isEqualTo(4);
    assertThat(listed(t.election())).isEqualTo(6);

    String page =
        mvc()
            .perform(get("/elections/{id}/register", t.election()).with(ADMIN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("未满十八周岁", "已在其他选区登记", "赵小", "第一选区").doesNotContain("REGISTER.");
  }

  @Test
  default void aRemovedRegistrationIsListedAgainOnItsOwnRowWithTheNextNumber() {
    Town t = town(LocalDate.now().plusDays(40));
    as(() -> registration().registerAll(t.election(), null));
    long li = t.people().get("李明");
    long row =
        jdbc()
            .queryForObject(
                "SELECT id FROM voter_registration WHERE election_id = ? AND person_id = ?",
                Long.class,
                t.election(),
                li);
    // 除名 before publication (e.g. carried over as moved out), then the run again
    jdbc().update("UPDATE voter_registration SET status = 'REMOVED' WHERE id = ?", row);
    AtomicReference<RegistrationService.RunResult> run = new AtomicReference<>();
    as(() -> run.set(registration().registerAll(t.election(), null)));
    assertThat(run.get().districts().get(0).listed()).isEqualTo(1);
    assertThat(run.get().districts().get(0).alreadyHere()).isEqualTo(3);
    assertThat(
            jdbc()
                .queryForMap(
                    "SELECT id, status, voter_no FROM voter_registration WHERE person_id = ? AND"
                        + " election_id = ?",
                    li,
                    t.election()))
        .containsEntry("id", row)
        .containsEntry("status", "LISTED")
        .containsEntry("voter_no", 5);
    assertThat(listed(t.election())).isEqualTo(6);
  }

  @Test
  default void anIncompleteLegalStatusRecordStopsTheRunAndNothingIsWritten() {
    Town t = town(LocalDate.now().plusDays(40));
    jdbc()
        .update(
            "INSERT INTO person_legal_status (person_id, kind, basis, authority, first_day,"
                + " recorded_by, recorded_at) VALUES (?, 'DEPRIVED', '', '', ?, 'test', ?)",
            t.people().get("王大山"),
            java.sql.Date.valueOf(LocalDate.now().minusYears(1)),
            java.sql.Timestamp.from(java.time.Instant.now()));
    as(
        () ->
            assertThatThrownBy(() -> registration().registerAll(t.election(), null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("王大山")
                .hasMessageContaining("法律状况记录不完整"));
    assertThat(listed(t.election())).isZero();
    assertThat(
            jdbc()
                .queryForObject(
                    "SELECT COUNT(*) FROM voter_refusal WHERE election_id = ?",
                    Long.class,
                    t.election()))
        .isZero();
  }

  @Test
  default void aSeventeenYearOldAndASecondRegistrationAreRefusedAndChangeNothing()
      throws Exception {
    Town t = town(LocalDate.now().plusDays(40));
    String minor = RegisterFixtures.residentIdOf(jdbc(), t.people().get("赵小"));
    String zhou = RegisterFixtures.residentIdOf(jdbc(), t.people().get("周某"));
    as(
        () -> {
          assertThatThrownBy(
                  () ->
                      registration()
                          .registerOne(
                              t.election(), form(minor, t.d1(), RegistrationBasis.HUKOU, "")))
              .isInstanceOf(InvalidInputException.class)
              .hasMessageContaining("赵小")
              .hasMessageContaining("未满十八周岁");
          assertThatThrownBy(
                  () ->
                      registration()
                          .registerOne(
                              t.election(), form(zhou, t.d1(), RegistrationBasis.HUKOU, "")))
              .isInstanceOf(InvalidInputException.class)
              .hasMessageContaining("已于")
              .hasMessageContaining(t.otherTown() + "第一选区登记为选民");
          // 现居住地 without the 选民资格证明: refused, naming what is missing
          String li = RegisterFixtures.residentIdOf(jdbc(), t.people().get("李明"));
          assertThatThrownBy(
                  () ->
                      registration()
                          .registerOne(
                              t.election(),
                              form(li, t.d2(), RegistrationBasis.RESIDENCE_WITH_CERTIFICATE, "")))
              .isInstanceOf(InvalidInputException.class)
              .hasMessageContaining("选民资格证明");
        });
    assertThat(listed(t.election())).isZero();

    // through the page: 400, the Chinese message with the field's Chinese name, nothing stored
    String body =
        mvc()
            .perform(
                post("/elections/{id}/register/one", t.election())
                    .with(ADMIN)
                    .with(csrf())
                    .param("residentId", minor)
                    .param("districtId", Long.toString(t.d1()))
                    .param("basis", "HUKOU"))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(body).contains("公民身份号码：").contains("未满十八周岁").doesNotContain("REGISTER.");
    assertThat(listed(t.election())).isZero();

    // with the certificate: listed, the certificate recorded and shown
    String li = RegisterFixtures.residentIdOf(jdbc(), t.people().get("李明"));
    as(
        () ->
            registration()
                .registerOne(
                    t.election(),
                    new RegistrationForm(
                        li,
                        t.d2(),
                        RegistrationBasis.RESIDENCE_WITH_CERTIFICATE,
                        "图克镇选举委员会",
                        "2026-017",
                        LocalDate.now().minusDays(3),
                        "",
                        "",
                        null,
                        "")));
    List<VoterLine>[] v = new List[1];
    as(() -> v[0] = lists().voters(t.election(), t.d2()));
    assertThat(v[0])
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.name()).isEqualTo("李明");
              assertThat(x.certificateZh()).contains("图克镇选举委员会").contains("2026-017");
            });
  }

  @Test
  default void publishPrintChangeAndObject() throws Exception {
    LocalDate today = LocalDate.now();
    Town t = town(today.plusDays(30));
    as(() -> registration().registerAll(t.election(), null));
    as(
        () -> {
          // on or after election day: refused by core
          assertThatThrownBy(() -> lists().publish(t.election(), t.d1(), t.day()))
              .isInstanceOf(InvalidInputException.class);
          // district 1 published long ago (its objection window has closed), district 2 two days
          // ago
          assertThat(lists().publish(t.election(), t.d1(), today.minusDays(19))).isEmpty();
          assertThat(lists().publish(t.election(), t.d2(), today.minusDays(2))).isEmpty();
          assertThatThrownBy(() -> lists().publish(t.election(), t.d2(), today))
              .isInstanceOf(IllegalStateException.class);
        });
    List<VoterListService.DistrictStatus>[] sts = new List[1];
    as(() -> sts[0] = lists().statuses(t.election()));
    var st = sts[0];
    assertThat(st.get(0).publishedOn()).isEqualTo(today.minusDays(19));
    assertThat(st.get(0).problems()).isEmpty();
    assertThat(st.get(0).deadlines().latestPublication()).isEqualTo(t.day().minusDays(20));

    // posting list: PDF text and xlsx cells carry the numbers
    byte[] pdf =
        mvc()
            .perform(
                get("/elections/{id}/register/districts/{d}/list.pdf", t.election(), t.d1())
                    .with(ADMIN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    String text = PlanFixtures.pdfText(pdf);
    // an official text: no rule codes, logins or English (issue 14)
    assertThat(
            xuanju.server.support.DocumentWording.problems(
                "list.pdf",
                xuanju.server.support.DocumentWording.text("list.pdf", pdf),
                List.of("admin"),
                List.of(t.orgName())))
        .isEmpty();
    assertThat(text)
        .contains(t.orgName() + "第一选区选民名单")
        .contains("本选区共有选民4名")
        .contains("1组（2名）")
        .contains("2组（2名）")
        .contains("丁一")
        .contains("王大山")
        .doesNotContain("赵小");
    assertThat(text.indexOf("丁一")).isLessThan(text.indexOf("李明"));
    assertThat(text.indexOf("马十八")).isLessThan(text.indexOf("王大山"));
    byte[] xlsx =
        mvc()
            .perform(
                get("/elections/{id}/register/districts/{d}/list.xlsx", t.election(), t.d1())
                    .with(ADMIN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      var sheet = wb.getSheetAt(0);
      // title, a line with the count, the header, then the 4 voters
      assertThat(sheet.getLastRowNum()).isEqualTo(6);
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).endsWith("选民名单");
      assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).startsWith("共 4 名选民");
      assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("居民小组");
      assertThat(sheet.getRow(3).getCell(2).getStringCellValue()).isEqualTo("丁一");
      assertThat(sheet.getRow(6).getCell(1).getNumericCellValue()).isEqualTo(4.0); // a number
      assertThat(sheet.getRow(6).getCell(0).getStringCellValue()).isEqualTo("2组");
    }

    // changes after publication: 除名 and 更正 with reasons, 补登 needs a reason
    as(
        () -> {
          long wang = lists().registrationId(t.election(), t.d1(), 4);
          assertThat(lists().remove(t.election(), wang, today, "已迁出本选区")).isEmpty();
          long li = lists().registrationId(t.election(), t.d1(), 2);
          lists().correct(t.election(), li, today, "出生年月原为1996年1月，更正为1996年2月", "登记有误");
          String wu = RegisterFixtures.residentIdOf(jdbc(), t.people().get("吴丙"));
          assertThatThrownBy(
                  () ->
                      registration()
                          .registerOne(t.election(), form(wu, t.d2(), RegistrationBasis.HUKOU, "")))
              .isInstanceOf(InvalidInputException.class)
              .hasMessageContaining("补登须写明理由");
          registration().registerOne(t.election(), form(wu, t.d2(), RegistrationBasis.HUKOU, "漏登"));
        });
    as(
        () -> {
          assertThat(lists().changes(t.election(), t.d1()))
              .extracting(VoterListService.ChangeView::kindZh)
              .containsExactly("除名", "更正");
          assertThat(lists().changes(t.election(), t.d2()))
              .singleElement()
              .satisfies(c -> assertThat(c.kindZh()).isEqualTo("补登"));
        });
    byte[] notice =
        mvc()
            .perform(
                get("/elections/{id}/register/districts/{d}/changes.pdf", t.election(), t.d1())
                    .with(ADMIN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(
            xuanju.server.support.DocumentWording.problems(
                "changes.pdf",
                xuanju.server.support.DocumentWording.text("changes.pdf", notice),
                List.of("admin"),
                List.of(t.orgName())))
        .isEmpty();
    assertThat(PlanFixtures.pdfText(notice))
        .contains("选民名单变更公告")
        .contains("补登0名，除名1名，更正1名")
        .contains("王大山")
        .contains("已迁出本选区");
    assertThat(listed(t.election())).isEqualTo(6); // 6 − 王大山 + 吴丙

    // an objection after the deadline: refused with the window, nothing saved
    long before = count("voter_objection", t.election());
    as(
        () ->
            assertThatThrownBy(
                    () -> lists().fileObjection(t.election(), t.d1(), "王五", "赵小", "本人未被列入", today))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("不在申诉期限内"));
    String body =
        mvc()
            .perform(
                post("/elections/{id}/register/objections", t.election())
                    .with(ADMIN)
                    .with(csrf())
                    .param("districtId", Long.toString(t.d1()))
                    .param("objector", "王五")
                    .param("content", "本人未被列入")
                    .param("filedOn", today.toString()))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(body).contains("申诉提出日期：").contains("不在申诉期限内");
    assertThat(count("voter_objection", t.election())).isEqualTo(before);

    // in time: registered, decided, with the decision day and the court day shown
    long[] id = new long[1];
    as(() -> id[0] = lists().fileObjection(t.election(), t.d2(), "刘甲", "吴丙", "吴丙漏登", today));
    as(
        () ->
            assertThat(
                    lists()
                        .decideObjection(
                            t.election(),
                            id[0],
                            today,
                            ObjectionOutcome.CORRECTED,
                            "经核实，予以补登",
                            "已书面告知申诉人",
                            today))
                .isEmpty());
    List<VoterListService.ObjectionView>[] os = new List[1];
    as(() -> os[0] = lists().objections(t.election()));
    var o = os[0].get(0);
    assertThat(o.outcomeZh()).isEqualTo("更正");
    assertThat(o.decisionDueBy()).isAfterOrEqualTo(today.plusDays(3));
    assertThat(o.courtBy()).isEqualTo(t.day().minusDays(5));
    String page =
        mvc()
            .perform(get("/elections/{id}/register", t.election()).with(ADMIN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("经核实，予以补登").contains(t.day().minusDays(5).toString());
    String dashboard =
        mvc()
            .perform(get("/").with(ADMIN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(dashboard).contains("选民名单公布（选举日的二十日以前）").contains("已公布（" + today.minusDays(2) + "）");
  }

  default long count(String table, long election) {
    return jdbc()
        .queryForObject(
            "SELECT COUNT(*) FROM " + table + " WHERE election_id = ?", Long.class, election);
  }

  @Test
  default void aSecondCycleStartsFromTheFirstAndShowsTheChanges() throws Exception {
    JdbcTemplate jdbc = jdbc();
    LocalDate today = LocalDate.now();
    LocalDate firstDay = today.minusYears(3);
    int n = RegisterFixtures.next();
    String name = "结转测试镇" + n;
    long org = RegisterFixtures.town(orgs(), name);
    long first = RegisterFixtures.election(elections(), org, firstDay);
    String a = "东村" + n;
    String b = "西村" + n;
    RegisterFixtures.district(jdbc, first, 1, "第一选区", a);
    RegisterFixtures.district(jdbc, first, 2, "第二选区", b);
    long kept = RegisterFixtures.person(jdbc, org, a, "", "张三", firstDay.minusYears(40));
    long dies = RegisterFixtures.person(jdbc, org, a, "", "李四", firstDay.minusYears(80));
    long moves = RegisterFixtures.person(jdbc, org, a, "", "王五", firstDay.minusYears(30));
    long deprived = RegisterFixtures.person(jdbc, org, b, "", "赵六", firstDay.minusYears(35));
    long young = RegisterFixtures.person(jdbc, org, b, "", "孙七", firstDay.minusYears(17));
    as(
        () ->
            registration()
                .registerAll(
                    first, firstDay.minusDays(30).isAfter(today) ? today : firstDay.minusDays(30)));
    assertThat(listed(first)).isEqualTo(4);

    // the cycle: a death, a move to 西村, a new deprivation, a new 18-year-old
    jdbc.update(
        "UPDATE person SET died_on = ? WHERE id = ?",
        java.sql.Date.valueOf(today.minusYears(1)),
        dies);
    jdbc.update("UPDATE person SET unit = ? WHERE id = ?", b, moves);
    RegisterFixtures.deprived(jdbc, deprived, today.minusMonths(6), today.plusYears(2));
    long second = RegisterFixtures.election(elections(), org, today.plusDays(40));
    long d1 = RegisterFixtures.district(jdbc, second, 1, "第一选区", a);
    long d2 = RegisterFixtures.district(jdbc, second, 2, "第二选区", b);

    CarryOverService.Computed[] c = new CarryOverService.Computed[1];
    as(() -> c[0] = carry().preview(second, first, null));
    var s1 = c[0].result().districts().get(0);
    var s2 = c[0].result().districts().get(1);
    assertThat(s1.previousTotal()).isEqualTo(3);
    assertThat(s1.removed())
        .containsEntry(ChangeReason.DEATH, 1)
        .containsEntry(ChangeReason.MOVED_OUT, 1);
    assertThat(s1.newTotal()).isEqualTo(1);
    assertThat(s2.previousTotal()).isEqualTo(1);
    assertThat(s2.added())
        .containsEntry(ChangeReason.NEW_ADULT, 1)
        .containsEntry(ChangeReason.MOVED_IN, 1);
    assertThat(s2.removed()).containsEntry(ChangeReason.DEPRIVED, 1);
    assertThat(s2.newTotal()).isEqualTo(2);
    assertThat(c[0].result().total().balanced()).isTrue();
    assertThat(listed(second)).isZero(); // a preview records nothing

    String preview =
        mvc()
            .perform(
                get("/elections/{id}/register/carry-over", second)
                    .param("previous", Long.toString(first))
                    .with(ADMIN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(preview)
        .contains("新满十八周岁")
        .contains("孙七")
        .contains("死亡")
        .doesNotContain("REGISTER.");

    int[] listed = new int[1];
    as(() -> listed[0] = carry().apply(second, first, null));
    assertThat(listed[0]).isEqualTo(3);
    assertThat(listed(second)).isEqualTo(3);
    List<VoterLine>[] v = new List[1];
    as(() -> v[0] = lists().voters(second, d2));
    assertThat(v[0]).extracting(VoterLine::name).containsExactlyInAnyOrder("王五", "孙七");
    var stored = carry().stored(second).orElseThrow(); // read without access check
    assertThat(stored.summaries()).allMatch(xuanju.core.register.DistrictSummary::balanced);
    assertThat(stored.summaries().get(2).newTotal()).isEqualTo(3); // 合计
    assertThat(stored.changes()).hasSize(5); // 死亡, 迁出+迁入 (one move), 被剥夺, 新满十八
    as(
        () ->
            assertThatThrownBy(() -> carry().apply(second, first, null))
                .isInstanceOf(IllegalStateException.class));
    assertThat(kept).isPositive();
  }
}
