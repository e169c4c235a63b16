package xuanju.server.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import xuanju.core.register.Eligibility;
import xuanju.core.register.EligibilityResult;
import xuanju.core.register.LegalStatus;
import xuanju.core.roster.ResidentIds;
import xuanju.server.access.Role;
import xuanju.server.audit.AuditLog;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.security.UserRepository;
import xuanju.server.support.H2AppTest;

/** The person register's pages: forms, legal-status records, death, access, on H2. */
class PersonPagesTest extends H2AppTest {
  static final LocalDate DAY = LocalDate.now().plusDays(60);

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired OrganisationService orgs;
  @Autowired UserRepository users;
  @Autowired AuditLog audit;
  @Autowired PersonRepository repository;

  /** A town with 30 generated people (seed {@code seed}). */
  long townWithPeople(String name, long seed) throws Exception {
    long org = PeopleTestSupport.town(orgs, name);
    byte[] xlsx = PopulationGenerator.of(30, DAY).withSeed(seed).xlsx();
    MockHttpServletResponse r =
        mvc.perform(
                multipart("/people/import")
                    .file(new MockMultipartFile("file", "p.xlsx", "application/octet-stream", xlsx))
                    .param("org", "" + org)
                    .with(PeopleTestSupport.admin())
                    .with(csrf()))
            .andReturn()
            .getResponse();
    assertThat(r.getContentAsString()).contains("导入居民名册 30 人（新增 30 人，更新 0 人）");
    return org;
  }

  static MockHttpServletRequestBuilder personForm(
      String url, String residentId, String... overrides) {
    java.util.Map<String, String> v = new java.util.LinkedHashMap<>();
    v.put("unit", "巴音村");
    v.put("group", "第一村民小组");
    v.put("name", "王长河");
    v.put("residentId", residentId);
    v.put("ethnicity", "汉族");
    v.put("address", "巴音村1号");
    v.put("hukouPlace", "内蒙古自治区鄂尔多斯市乌审旗");
    v.put("residencePlace", "巴音村");
    v.put("workplace", "");
    v.put("politicalStatus", "群众");
    v.put("occupation", "农民");
    v.put("tags", "基层一线");
    v.put("version", "0");
    for (int i = 0; i < overrides.length; i += 2) {
      v.put(overrides[i], overrides[i + 1]);
    }
    MockHttpServletRequestBuilder b = post(url).with(PeopleTestSupport.admin()).with(csrf());
    v.forEach(b::param);
    return b;
  }

  static String validId(String first17) {
    return first17 + ResidentIds.checkCharacter(first17);
  }

  @Test
  void theFormRefusesABadIdInChineseAndSavesAGoodOneAuditedWithTheIdMasked() throws Exception {
    long org = PeopleTestSupport.town(orgs, "表单测试镇");
    String bad = validId("15062619800102003");
    bad = bad.substring(0, 17) + (bad.charAt(17) == '0' ? '1' : '0');
    long before = PeopleTestSupport.countAll(jdbc);
    MockHttpServletResponse r =
        mvc.perform(personForm("/people/new?org=" + org, bad)).andReturn().getResponse();
    assertThat(r.getStatus()).isEqualTo(200);
    assertThat(r.getContentAsString()).contains("校验位错误").contains("请改正标出的项目后再保存");
    assertThat(PeopleTestSupport.countAll(jdbc)).isEqualTo(before);

    String good = validId("15062619800102003");
    MvcResult ok = mvc.perform(personForm("/people/new?org=" + org, good)).andReturn();
    assertThat(ok.getResponse().getStatus()).isEqualTo(302);
    Person p = repository.findByResidentId(good).orElseThrow();
    assertThat(ok.getResponse().getRedirectedUrl()).isEqualTo("/people/" + p.id());
    assertThat(p.birthDate()).isEqualTo(LocalDate.of(1980, 1, 2));
    assertThat(p.tags()).containsExactly("基层一线");
    var event = audit.latest(1).get(0);
    assertThat(event.action()).isEqualTo("PERSON_CREATED");
    assertThat(event.summary())
        .contains("王长河")
        .contains(ResidentIds.mask(good))
        .doesNotContain(good);

    // the same ID again: refused, naming where the person already is
    MockHttpServletResponse again =
        mvc.perform(personForm("/people/new?org=" + org, good)).andReturn().getResponse();
    assertThat(again.getContentAsString()).contains("已在").contains("巴音村第一村民小组");

    // edit: a new address is saved and audited as a difference; a stale version is refused
    MockHttpServletResponse edit =
        mvc.perform(personForm("/people/" + p.id() + "/edit", good, "address", "巴音村2号"))
            .andReturn()
            .getResponse();
    assertThat(edit.getStatus()).isEqualTo(302);
    assertThat(repository.find(p.id()).orElseThrow().address()).isEqualTo("巴音村2号");
    assertThat(audit.latest(1).get(0).summary()).contains("住址 巴音村1号→巴音村2号");
    MockHttpServletResponse stale =
        mvc.perform(personForm("/people/" + p.id() + "/edit", good, "address", "巴音村3号"))
            .andReturn()
            .getResponse();
    assertThat(stale.getContentAsString()).contains("已被他人修改");
    assertThat(repository.find(p.id()).orElseThrow().address()).isEqualTo("巴音村2号");

    // a group longer than its column: a Chinese field error, nothing saved
    MockHttpServletResponse longGroup =
        mvc.perform(
                personForm(
                    "/people/" + p.id() + "/edit", good, "group", "组".repeat(60), "version", "1"))
            .andReturn()
            .getResponse();
    assertThat(longGroup.getContentAsString()).contains("居民小组不能超过50个字");
  }

  @Test
  void theFormSavesShowsAndChangesTheHouseholdAndRefusesOneTooLong() throws Exception {
    long org = PeopleTestSupport.town(orgs, "户号表单测试镇");
    String id = validId("15062619750304005");
    MvcResult created =
        mvc.perform(personForm("/people/new?org=" + org, id, "household", " 0301-0012 "))
            .andReturn();
    assertThat(created.getResponse().getStatus()).isEqualTo(302);
    Person p = repository.findByResidentId(id).orElseThrow();
    assertThat(p.household()).isEqualTo("0301-0012");

    // shown on the person's page, in the list, in the edit form; found by the list's search
    String detail = page("/people/" + p.id());
    assertThat(detail).contains("<th>户号</th>").contains(">0301-0012</td>");
    assertThat(page("/people?org=" + org)).contains("<th>户号</th>").contains(">0301-0012</td>");
    assertThat(page("/people/" + p.id() + "/edit"))
        .contains("户号")
        .contains("name=\"household\" value=\"0301-0012\"");
    assertThat(page("/people?org=" + org + "&q=0301-0012")).contains("王长河");
    assertThat(page("/people?org=" + org + "&q=0301-0099")).doesNotContain("王长河");

    // edited: saved and audited as a difference
    MockHttpServletResponse edit =
        mvc.perform(personForm("/people/" + p.id() + "/edit", id, "household", "0301-0013"))
            .andReturn()
            .getResponse();
    assertThat(edit.getStatus()).isEqualTo(302);
    Person after = repository.find(p.id()).orElseThrow();
    assertThat(after.household()).isEqualTo("0301-0013");
    assertThat(audit.latest(1).get(0).summary()).contains("户号 0301-0012→0301-0013");

    // 51 characters: a Chinese error on the field, nothing saved
    MockHttpServletResponse tooLong =
        mvc.perform(
                personForm(
                    "/people/" + p.id() + "/edit",
                    id,
                    "household",
                    "户".repeat(51),
                    "version",
                    "" + after.version()))
            .andReturn()
            .getResponse();
    assertThat(tooLong.getStatus()).isEqualTo(200);
    assertThat(tooLong.getContentAsString())
        .contains("请改正标出的项目后再保存")
        .containsPattern("id=\"household-error\"[^>]*>户号不能超过50个字<");
    Person unchanged = repository.find(p.id()).orElseThrow();
    assertThat(unchanged.household()).isEqualTo("0301-0013");
    assertThat(unchanged.version()).isEqualTo(after.version());
  }

  @Test
  void theImportTemplateHasTheHouseholdColumnAndItsNote() throws Exception {
    byte[] xlsx =
        mvc.perform(get("/people/template.xlsx").with(PeopleTestSupport.admin()))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (var wb =
        new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
      List<String> headers = new java.util.ArrayList<>();
      wb.getSheet(PersonTemplate.DATA_SHEET)
          .getRow(0)
          .forEach(c -> headers.add(c.getStringCellValue()));
      assertThat(headers).containsSubsequence("居民小组", "户号", "姓名");
      StringBuilder help = new StringBuilder();
      wb.getSheet(PersonTemplate.HELP_SHEET)
          .forEach(r -> help.append(r.getCell(0).getStringCellValue()).append('\n'));
      assertThat(help.toString()).contains("户号：居民户口簿或社区户籍登记的户号，每户派代表选举时按户号计算户数，最多50个字。");
    }
  }

  String page(String url) throws Exception {
    MockHttpServletResponse r =
        mvc.perform(get(url).with(PeopleTestSupport.admin())).andReturn().getResponse();
    assertThat(r.getStatus()).as(url).isEqualTo(200);
    return r.getContentAsString();
  }

  @Test
  void legalStatusRecordsAreCheckedSavedAndDecideEligibility() throws Exception {
    long org = townWithPeople("资格测试镇", 21);
    Person p =
        repository.page(PersonQuery.of(org), 0, 30).stream()
            .filter(x -> x.ageOn(DAY) >= 18)
            .findFirst()
            .orElseThrow();
    String url = "/people/" + p.id() + "/status/new";
    // a deprivation without its judgment number
    MockHttpServletResponse missing =
        mvc.perform(
                post(url)
                    .with(PeopleTestSupport.admin())
                    .with(csrf())
                    .param("kind", "DEPRIVED")
                    .param("authority", "乌审旗人民法院")
                    .param("firstDay", "2024-01-10"))
            .andReturn()
            .getResponse();
    assertThat(missing.getContentAsString()).contains("剥夺政治权利须记录法律依据");
    assertThat(repository.legalStatusRecords(p.id())).isEmpty();
    // until before from
    MockHttpServletResponse order =
        mvc.perform(
                post(url)
                    .with(PeopleTestSupport.admin())
                    .with(csrf())
                    .param("kind", "DEPRIVED")
                    .param("basis", "（2023）蒙0626刑初45号")
                    .param("firstDay", "2024-01-10")
                    .param("lastDay", "2023-01-10"))
            .andReturn()
            .getResponse();
    assertThat(order.getContentAsString()).contains("早于开始日期");
    // a good one, in force on election day
    MockHttpServletResponse ok =
        mvc.perform(
                post(url)
                    .with(PeopleTestSupport.admin())
                    .with(csrf())
                    .param("kind", "DEPRIVED")
                    .param("basis", "（2023）蒙0626刑初45号")
                    .param("authority", "乌审旗人民法院")
                    .param("firstDay", "2024-01-10")
                    .param("lastDay", DAY.plusYears(1).toString()))
            .andReturn()
            .getResponse();
    assertThat(ok.getStatus()).isEqualTo(302);
    assertThat(audit.latest(1).get(0).summary())
        .contains("剥夺政治权利")
        .contains("（2023）蒙0626刑初45号")
        .doesNotContain(p.residentId());
    LegalStatus status = repository.legalStatus(p.id());
    EligibilityResult e = Eligibility.decide(p.resident(), status, DAY);
    assertThat(e.status()).isEqualTo(EligibilityResult.Status.DEPRIVED);

    // incapacity confirmed without the committee's decision: refused; with it: saved
    MockHttpServletResponse noDecision =
        mvc.perform(
                post(url)
                    .with(PeopleTestSupport.admin())
                    .with(csrf())
                    .param("kind", "INCAPACITY")
                    .param("reason", "精神病患者，经医院诊断不能行使选举权利")
                    .param("evidence", "HOSPITAL_CERTIFICATE")
                    .param("confirmedOn", "2026-01-05"))
            .andReturn()
            .getResponse();
    assertThat(noDecision.getContentAsString()).contains("须记录确认决定");
    MockHttpServletResponse suspended =
        mvc.perform(
                post(url)
                    .with(PeopleTestSupport.admin())
                    .with(csrf())
                    .param("kind", "SUSPENDED")
                    .param("authority", "乌审旗人民检察院")
                    .param("basis", "乌检停字〔2026〕1号")
                    .param("firstDay", "2026-01-05"))
            .andReturn()
            .getResponse();
    assertThat(suspended.getStatus()).isEqualTo(302);
    List<LegalStatusRecord> records = repository.legalStatusRecords(p.id());
    assertThat(records)
        .extracting(LegalStatusRecord::kind)
        .containsExactly(LegalStatusKind.DEPRIVED, LegalStatusKind.SUSPENDED);
    assertThat(repository.legalStatus(p.id()).suspension().decidedBy()).isEqualTo("乌审旗人民检察院");

    // the detail page lists them; editing the deprivation to have ended restores eligibility
    String page =
        mvc.perform(get("/people/" + p.id()).with(PeopleTestSupport.admin()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("（2023）蒙0626刑初45号").contains("乌审旗人民检察院").contains(p.residentId());
    long dep = records.get(0).id();
    MockHttpServletResponse ended =
        mvc.perform(
                post("/people/" + p.id() + "/status/" + dep + "/edit")
                    .with(PeopleTestSupport.admin())
                    .with(csrf())
                    .param("kind", "DEPRIVED")
                    .param("basis", "（2023）蒙0626刑初45号")
                    .param("authority", "乌审旗人民法院")
                    .param("firstDay", "2024-01-10")
                    .param("lastDay", "2025-01-09"))
            .andReturn()
            .getResponse();
    assertThat(ended.getStatus()).isEqualTo(302);
    assertThat(Eligibility.decide(p.resident(), repository.legalStatus(p.id()), DAY).eligible())
        .isTrue();
    mvc.perform(
            post("/people/" + p.id() + "/status/" + dep + "/delete")
                .with(PeopleTestSupport.admin())
                .with(csrf()))
        .andReturn();
    assertThat(repository.legalStatusRecords(p.id())).hasSize(1);
    assertThat(audit.latest(1).get(0).action()).isEqualTo("PERSON_LEGAL_STATUS_DELETED");
  }

  @Test
  void aDeathIsRecordedWithItsDayAndAFutureDayIsRefused() throws Exception {
    long org = townWithPeople("死亡登记测试镇", 22);
    Person p = repository.page(PersonQuery.of(org), 0, 1).get(0);
    MvcResult future =
        mvc.perform(
                post("/people/" + p.id() + "/death")
                    .with(PeopleTestSupport.admin())
                    .with(csrf())
                    .param("version", "" + p.version())
                    .param("diedOn", LocalDate.now().plusDays(3).toString()))
            .andReturn();
    assertThat((String) future.getFlashMap().get("error")).contains("晚于今天");
    assertThat(repository.find(p.id()).orElseThrow().diedOn()).isNull();
    LocalDate day = LocalDate.now().minusDays(2);
    mvc.perform(
            post("/people/" + p.id() + "/death")
                .with(PeopleTestSupport.admin())
                .with(csrf())
                .param("version", "" + p.version())
                .param("diedOn", day.toString()))
        .andReturn();
    assertThat(repository.find(p.id()).orElseThrow().diedOn()).isEqualTo(day);
    assertThat(audit.latest(1).get(0).summary())
        .contains("死亡日期 " + day)
        .contains(p.maskedResidentId());
  }

  @Test
  void anotherOrganisationsPeopleAreOutOfReachAndViewersCannotChangeAnything() throws Exception {
    long mine = townWithPeople("本镇", 23);
    long theirs = townWithPeople("外镇", 24);
    String officer = "people-officer-" + System.nanoTime();
    String viewer = "people-viewer-" + System.nanoTime();
    PeopleTestSupport.userWithRole(users, jdbc, officer, mine, Role.ELECTION_ADMIN);
    PeopleTestSupport.userWithRole(users, jdbc, viewer, mine, Role.OBSERVER);
    Person own = repository.page(PersonQuery.of(mine), 0, 1).get(0);
    Person foreign = repository.page(PersonQuery.of(theirs), 0, 1).get(0);
    var asOfficer = user(officer).roles("USER");
    var asViewer = user(viewer).roles("USER");

    assertThat(status(get("/people/" + own.id()).with(asOfficer))).isEqualTo(200);
    assertThat(status(get("/people/" + foreign.id()).with(asOfficer))).isEqualTo(403);
    assertThat(status(get("/people").param("org", "" + theirs).with(asOfficer))).isEqualTo(403);
    assertThat(status(get("/api/people").param("org", "" + theirs).with(asOfficer))).isEqualTo(403);
    // the API without an organisation searches only the visible ones
    String found =
        mvc.perform(get("/api/people").param("q", foreign.name()).with(asOfficer))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(found).doesNotContain("\"organisationId\":" + theirs);
    assertThat(
            status(
                personForm("/people/" + foreign.id() + "/edit", foreign.residentId())
                    .with(asOfficer)))
        .isEqualTo(403);
    assertThat(
            status(
                multipart("/people/import")
                    .file(new MockMultipartFile("file", "p.csv", "text/csv", new byte[] {1}))
                    .param("org", "" + theirs)
                    .with(asOfficer)
                    .with(csrf())))
        .isEqualTo(403);
    assertThat(
            status(
                post("/people/" + foreign.id() + "/death")
                    .param("version", "0")
                    .param("diedOn", "2025-01-01")
                    .with(asOfficer)
                    .with(csrf())))
        .isEqualTo(403);
    assertThat(repository.find(foreign.id()).orElseThrow().diedOn()).isNull();
    // a viewer sees the own register with masked numbers and cannot change it
    String viewPage =
        mvc.perform(get("/people/" + own.id()).with(asViewer))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(viewPage).contains(own.maskedResidentId()).doesNotContain(own.residentId());
    assertThat(
            status(
                post("/people/" + own.id() + "/status/new")
                    .param("kind", "DEPRIVED")
                    .param("basis", "x")
                    .param("firstDay", "2024-01-01")
                    .with(asViewer)
                    .with(csrf())))
        .isEqualTo(403);
    assertThat(repository.legalStatusRecords(own.id())).isEmpty();
    // the list page of the own register shows masked numbers only
    String list =
        mvc.perform(get("/people").param("org", "" + mine).with(asOfficer))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(list)
        .contains(own.name())
        .contains(own.maskedResidentId())
        .doesNotContain(own.residentId());
  }

  private int status(org.springframework.test.web.servlet.RequestBuilder b) throws Exception {
    return mvc.perform(b).andReturn().getResponse().getStatus();
  }
}
