package xuanju.server.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import xuanju.core.names.NameOrder;
import xuanju.core.roster.ResidentIds;
import xuanju.server.audit.AuditLog;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.support.H2AppTest;

/** The person-register import through the API, on H2: good files, row errors, conflicts. */
class PersonImportTest extends H2AppTest {
  static final LocalDate DAY = LocalDate.now().plusDays(60);

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired OrganisationService orgs;
  @Autowired AuditLog audit;
  @Autowired PersonRepository repository;
  @Autowired PersonImportService imports;
  final ObjectMapper json = new ObjectMapper();

  JsonNode upload(long org, String name, byte[] bytes, int expectedStatus) throws Exception {
    MvcResult r =
        mvc.perform(
                PeopleTestSupport.upload(org, name, bytes)
                    .with(PeopleTestSupport.admin())
                    .with(csrf()))
            .andReturn();
    String body = r.getResponse().getContentAsString();
    assertThat(r.getResponse().getStatus()).as(body).isEqualTo(expectedStatus);
    return json.readTree(body);
  }

  @Test
  void aGeneratedTownImportsFromXlsxAndListsInUnitGroupStrokeOrder() throws Exception {
    long org = PeopleTestSupport.town(orgs, "导入测试镇");
    PopulationGenerator gen = PopulationGenerator.of(600, DAY).withSeed(11);
    List<PopulationGenerator.Resident> people = gen.people();
    JsonNode report = upload(org, "居民.xlsx", gen.xlsx(), 200);
    assertThat(report.get("ok").asBoolean()).isTrue();
    assertThat(report.get("created").asInt()).isEqualTo(600);
    assertThat(report.get("updated").asInt()).isZero();
    assertThat(PeopleTestSupport.count(jdbc, org)).isEqualTo(600);
    assertThat(audit.latest(1).get(0).summary()).startsWith("导入居民名册 600 人（新增 600 人，更新 0 人）");
    assertThat(audit.latest(1).get(0).action()).isEqualTo("PEOPLE_IMPORTED");

    // every field landed: one person compared in full
    PopulationGenerator.Resident p0 = people.get(7);
    Person stored = repository.findByResidentId(p0.residentId()).orElseThrow();
    assertThat(stored.name()).isEqualTo(p0.name());
    assertThat(stored.unit()).isEqualTo(p0.unit());
    assertThat(stored.group()).isEqualTo(p0.group());
    assertThat(stored.hukouPlace()).isEqualTo(p0.hukouPlace());
    assertThat(stored.residencePlace()).isEqualTo(p0.residencePlace());
    assertThat(stored.address()).isEqualTo(p0.address());
    assertThat(stored.birthDate()).isEqualTo(p0.birthDate());
    assertThat(stored.ethnicity()).isEqualTo(p0.ethnicity());
    assertThat(stored.tagsText()).isEqualTo(p0.tags());
    assertThat(stored.household()).isNotEmpty().isEqualTo(p0.household());

    // counts per unit as generated
    Map<String, Long> perUnit =
        people.stream()
            .collect(
                Collectors.groupingBy(PopulationGenerator.Resident::unit, Collectors.counting()));
    for (var e : perUnit.entrySet()) {
      assertThat(repository.count(new PersonQuery(java.util.Set.of(org), "", e.getKey(), null)))
          .as(e.getKey())
          .isEqualTo(e.getValue());
    }
    // the first page: unit (natural order), group, then 姓氏笔画
    JsonNode page =
        json.readTree(
            mvc.perform(
                    get("/api/people")
                        .param("org", "" + org)
                        .param("size", "500")
                        .with(PeopleTestSupport.admin()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    assertThat(page.get("matching").asLong()).isEqualTo(600);
    List<String> firstGroupNames = new ArrayList<>();
    String unit0 = page.get("people").get(0).get("unit").asString();
    String group0 = page.get("people").get(0).get("group").asString();
    for (JsonNode n : page.get("people")) {
      if (n.get("unit").asString().equals(unit0) && n.get("group").asString().equals(group0)) {
        firstGroupNames.add(n.get("name").asString());
      }
    }
    // units in natural text order, then groups by number (第1网格 before 第2网格 …)
    List<String> expectedUnits = new ArrayList<>(perUnit.keySet());
    expectedUnits.sort(NaturalOrder.INSTANCE);
    assertThat(unit0).isEqualTo(expectedUnits.get(0));
    assertThat(group0).isEqualTo(unit0.endsWith("社区") ? "第1网格" : "第一村民小组");
    List<String> expected =
        people.stream()
            .filter(p -> p.unit().equals(unit0) && p.group().equals(group0))
            .map(PopulationGenerator.Resident::name)
            .sorted(NameOrder.surnameStrokes())
            .toList();
    assertThat(firstGroupNames).isEqualTo(expected);
    // IDs masked in the API list, never in full
    assertThat(page.toString()).doesNotContain(people.get(0).residentId());
    assertThat(page.get("people").get(0).get("residentIdMasked").asString())
        .matches("\\d{4}\\*{10}\\d{3}[\\dX]");

    // search by the start of an ID number and by name
    JsonNode byId =
        json.readTree(
            mvc.perform(
                    get("/api/people")
                        .param("q", p0.residentId().substring(0, 16))
                        .with(PeopleTestSupport.admin()))
                .andReturn()
                .getResponse()
                .getContentAsString());
    assertThat(byId.get("matching").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(byId.toString()).contains(p0.name());

    // the API gives each person's 户号, and a 户号 finds the whole household
    JsonNode byHousehold =
        json.readTree(
            mvc.perform(
                    get("/api/people")
                        .param("org", "" + org)
                        .param("q", p0.household())
                        .param("size", "500")
                        .with(PeopleTestSupport.admin()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    List<String> household =
        people.stream()
            .filter(p -> p.household().equals(p0.household()))
            .map(PopulationGenerator.Resident::name)
            .sorted()
            .toList();
    List<String> found = new ArrayList<>();
    for (JsonNode n : byHousehold.get("people")) {
      assertThat(n.get("household").asString()).isEqualTo(p0.household());
      found.add(n.get("name").asString());
    }
    assertThat(found.stream().sorted().toList()).isEqualTo(household);
  }

  @Test
  void aTooLongHouseholdIsRefusedNamingTheRowAndNothingIsWritten() throws Exception {
    long org = PeopleTestSupport.town(orgs, "户号测试镇");
    List<PopulationGenerator.Resident> people =
        PopulationGenerator.of(20, DAY).withSeed(19).people();
    List<List<String>> rows = new ArrayList<>();
    for (PopulationGenerator.Resident p : people) {
      rows.add(new ArrayList<>(p.cells()));
    }
    // data row 8 is file row 9: 51 characters
    rows.get(7).set(PopulationGenerator.HOUSEHOLD, "户".repeat(51));
    long before = PeopleTestSupport.countAll(jdbc);
    long auditBefore = audit.latest(1).get(0).seq();
    JsonNode report =
        upload(org, "long.csv", csv(rows, java.nio.charset.StandardCharsets.UTF_8), 422);
    assertThat(report.get("errorCount").asInt()).isEqualTo(1);
    JsonNode e = report.get("errors").get(0);
    assertThat(e.get("row").asInt()).isEqualTo(9);
    assertThat(e.get("column").asString()).isEqualTo("户号");
    assertThat(e.get("code").asString()).isEqualTo("REGISTER.FIELD.TOO_LONG");
    assertThat(e.get("message").asString()).isEqualTo("户号不能超过50个字");
    assertThat(PeopleTestSupport.countAll(jdbc)).isEqualTo(before);
    assertThat(audit.latest(1).get(0).seq()).isEqualTo(auditBefore);

    // 50 characters fit; then an update with a too-long 户号 changes nobody
    rows.get(7).set(PopulationGenerator.HOUSEHOLD, "户".repeat(50));
    upload(org, "ok.csv", csv(rows, java.nio.charset.StandardCharsets.UTF_8), 200);
    assertThat(repository.findByResidentId(people.get(7).residentId()).orElseThrow().household())
        .isEqualTo("户".repeat(50));
    rows.get(0).set(PopulationGenerator.HOUSEHOLD, "改过的户号");
    rows.get(3).set(PopulationGenerator.HOUSEHOLD, "1".repeat(60));
    JsonNode update =
        upload(org, "long2.csv", csv(rows, java.nio.charset.StandardCharsets.UTF_8), 422);
    assertThat(update.get("errors").get(0).get("row").asInt()).isEqualTo(5);
    assertThat(update.get("errors").get(0).get("column").asString()).isEqualTo("户号");
    Person first = repository.findByResidentId(people.get(0).residentId()).orElseThrow();
    assertThat(first.household()).isEqualTo(people.get(0).household());
    assertThat(first.version()).isZero();
  }

  @Test
  void aHouseholdColumnHeadedOtherwiseIsRead() throws Exception {
    long org = PeopleTestSupport.town(orgs, "户口簿测试镇");
    List<PopulationGenerator.Resident> people =
        PopulationGenerator.of(5, DAY).withSeed(20).people();
    List<String> headers = new ArrayList<>(PopulationGenerator.HEADERS);
    headers.set(PopulationGenerator.HOUSEHOLD, "户口簿编号（选填）");
    StringBuilder b = new StringBuilder(PopulationGenerator.csvLine(headers));
    for (PopulationGenerator.Resident p : people) {
      List<String> cells = new ArrayList<>(p.cells());
      cells.set(PopulationGenerator.HOUSEHOLD, " 户" + p.household() + " ");
      b.append(PopulationGenerator.csvLine(cells));
    }
    upload(org, "hk.csv", b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), 200);
    for (PopulationGenerator.Resident p : people) {
      assertThat(repository.findByResidentId(p.residentId()).orElseThrow().household())
          .isEqualTo("户" + p.household());
    }
  }

  @Test
  void aMalformedIdIsNamedByRowAndColumnInChineseAndNothingIsWritten() throws Exception {
    long org = PeopleTestSupport.town(orgs, "错误测试镇");
    List<PopulationGenerator.Resident> people =
        PopulationGenerator.of(45, DAY).withSeed(12).people();
    List<List<String>> rows = new ArrayList<>();
    for (PopulationGenerator.Resident p : people) {
      rows.add(new ArrayList<>(p.cells()));
    }
    // data row 11 is file row 12: break its check character
    String id = rows.get(10).get(PopulationGenerator.ID);
    char right = ResidentIds.checkCharacter(id.substring(0, 17));
    char wrong = right == '0' ? '1' : '0';
    rows.get(10).set(PopulationGenerator.ID, id.substring(0, 17) + wrong);
    long before = PeopleTestSupport.countAll(jdbc);
    long auditBefore = audit.latest(1).get(0).seq();
    JsonNode report =
        upload(org, "bad.csv", csv(rows, java.nio.charset.StandardCharsets.UTF_8), 422);
    assertThat(report.get("ok").asBoolean()).isFalse();
    assertThat(report.get("errorCount").asInt()).isEqualTo(1);
    JsonNode e = report.get("errors").get(0);
    assertThat(e.get("row").asInt()).isEqualTo(12);
    assertThat(e.get("column").asString()).isEqualTo("公民身份号码");
    assertThat(e.get("message").asString()).isEqualTo("校验位错误（应为" + right + "）");
    assertThat(PeopleTestSupport.countAll(jdbc)).isEqualTo(before);
    assertThat(audit.latest(1).get(0).seq()).isEqualTo(auditBefore);
  }

  @Test
  void aPersonTwiceInTheFileNamesBothRowsAndOtherRowErrorsAreAllReported() throws Exception {
    long org = PeopleTestSupport.town(orgs, "重复测试镇");
    List<PopulationGenerator.Resident> people =
        PopulationGenerator.of(30, DAY).withSeed(13).people();
    List<List<String>> rows = new ArrayList<>();
    for (PopulationGenerator.Resident p : people) {
      rows.add(new ArrayList<>(p.cells()));
    }
    rows.get(20)
        .set(
            PopulationGenerator.ID,
            rows.get(4).get(PopulationGenerator.ID)); // row 22 repeats row 6's ID
    rows.get(25).set(PopulationGenerator.POLITICAL_STATUS, "党外人士"); // row 27: not a 政治面貌
    long before = PeopleTestSupport.countAll(jdbc);
    JsonNode report =
        upload(org, "dup.csv", csv(rows, java.nio.charset.StandardCharsets.UTF_8), 422);
    assertThat(report.get("errorCount").asInt()).isEqualTo(2);
    JsonNode dup = report.get("errors").get(0);
    assertThat(dup.get("row").asInt()).isEqualTo(22);
    assertThat(dup.get("code").asString()).isEqualTo("PERSON.IMPORT.DUPLICATE_IN_FILE");
    assertThat(dup.get("message").asString()).contains("第6行").contains("第22行");
    JsonNode ps = report.get("errors").get(1);
    assertThat(ps.get("row").asInt()).isEqualTo(27);
    assertThat(ps.get("column").asString()).isEqualTo("政治面貌");
    assertThat(ps.get("message").asString()).contains("党外人士").contains("群众");
    assertThat(PeopleTestSupport.countAll(jdbc)).isEqualTo(before);
  }

  /**
   * Both ways of finding who already holds an ID number: the register's numbers scanned into memory
   * (a register no larger than the scan limit) and the look-up of every number (scan limit 0).
   */
  @ParameterizedTest(name = "scan limit {0}")
  @ValueSource(ints = {500_000, 0})
  void anIdInAnotherOrganisationsRegisterIsRefusedNamingWhereAndOwnPeopleAreUpdated(int limit)
      throws Exception {
    Object saved = ReflectionTestUtils.getField(imports, "scanLimit");
    ReflectionTestUtils.setField(imports, "scanLimit", limit);
    try {
      refusedElsewhereUpdatedHere(limit == 0 ? 100 : 0);
    } finally {
      ReflectionTestUtils.setField(imports, "scanLimit", saved);
    }
  }

  private void refusedElsewhereUpdatedHere(int seeds) throws Exception {
    // another day of reference: other birth dates, so other ID numbers than the other run's
    LocalDate day = DAY.plusDays(seeds / 10);
    long first = PeopleTestSupport.town(orgs, "甲镇" + seeds);
    long second = PeopleTestSupport.town(orgs, "乙镇" + seeds);
    PopulationGenerator gen = PopulationGenerator.of(40, day).withSeed(14 + seeds);
    List<PopulationGenerator.Resident> people = gen.people();
    upload(first, "a.xlsx", gen.xlsx(), 200);
    String firstName = orgs.all().stream().filter(o -> o.id() == first).findFirst().get().name();

    // the second town's file holds one of the first town's people (row 5)
    List<PopulationGenerator.Resident> others =
        PopulationGenerator.of(10, day).withSeed(15 + seeds).people();
    List<List<String>> rows = new ArrayList<>();
    for (PopulationGenerator.Resident p : others) {
      rows.add(new ArrayList<>(p.cells()));
    }
    rows.set(3, new ArrayList<>(people.get(2).cells()));
    long before = PeopleTestSupport.countAll(jdbc);
    JsonNode report =
        upload(second, "b.csv", csv(rows, java.nio.charset.StandardCharsets.UTF_8), 422);
    assertThat(report.get("errorCount").asInt()).isEqualTo(1);
    JsonNode e = report.get("errors").get(0);
    assertThat(e.get("row").asInt()).isEqualTo(5);
    assertThat(e.get("code").asString()).isEqualTo("PERSON.IMPORT.OTHER_ORGANISATION");
    assertThat(e.get("message").asString())
        .contains("「" + firstName + "」")
        .contains(people.get(2).unit() + people.get(2).group());
    assertThat(PeopleTestSupport.countAll(jdbc)).isEqualTo(before);

    // the first town imports again with one changed address and five new people: 更新 40, 新增 5
    List<List<String>> again = new ArrayList<>();
    for (PopulationGenerator.Resident p : people) {
      again.add(new ArrayList<>(p.cells()));
    }
    again.get(0).set(PopulationGenerator.ADDRESS, "新住址1号");
    again.get(1).set(PopulationGenerator.HOUSEHOLD, "新户号0001");
    for (PopulationGenerator.Resident p :
        PopulationGenerator.of(5, day).withSeed(16 + seeds).people()) {
      again.add(new ArrayList<>(p.cells()));
    }
    JsonNode ok = upload(first, "a2.csv", csv(again, Charset.forName("GBK")), 200);
    assertThat(ok.get("created").asInt()).isEqualTo(5);
    assertThat(ok.get("updated").asInt()).isEqualTo(40);
    assertThat(audit.latest(1).get(0).summary()).startsWith("导入居民名册 45 人（新增 5 人，更新 40 人）");
    Person changed = repository.findByResidentId(people.get(0).residentId()).orElseThrow();
    assertThat(changed.address()).isEqualTo("新住址1号");
    assertThat(changed.version()).isEqualTo(1);
    assertThat(changed.household()).isEqualTo(people.get(0).household());
    assertThat(repository.findByResidentId(people.get(1).residentId()).orElseThrow().household())
        .isEqualTo("新户号0001");
    assertThat(PeopleTestSupport.count(jdbc, first)).isEqualTo(45);
  }

  @Test
  void aGbkCsvReadsTheSameAsUtf8() throws Exception {
    long org = PeopleTestSupport.town(orgs, "编码测试镇");
    PopulationGenerator gen = PopulationGenerator.of(50, DAY).withSeed(17);
    JsonNode report = upload(org, "gbk.csv", gen.csv(Charset.forName("GBK")), 200);
    assertThat(report.get("created").asInt()).isEqualTo(50);
    PopulationGenerator.Resident p = gen.people().get(3);
    assertThat(repository.findByResidentId(p.residentId()).orElseThrow().name())
        .isEqualTo(p.name());
    assertThat(repository.findByResidentId(p.residentId()).orElseThrow().hukouPlace())
        .isEqualTo(p.hukouPlace());
  }

  @Test
  void filesThatAreNotRegistersAreRefusedInChinese() throws Exception {
    long org = PeopleTestSupport.town(orgs, "文件测试镇");
    JsonNode noHeader =
        upload(
            org,
            "x.csv",
            "a,b,c\r\n1,2,3\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
            422);
    assertThat(noHeader.get("errors").get(0).get("message").asString()).contains("找不到表头");
    JsonNode xls =
        upload(org, "old.xls", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0}, 422);
    assertThat(xls.get("errors").get(0).get("message").asString()).contains(".xls");
    JsonNode headerOnly =
        upload(
            org,
            "h.csv",
            PopulationGenerator.csvLine(PopulationGenerator.HEADERS)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8),
            422);
    assertThat(headerOnly.get("errors").get(0).get("message").asString()).contains("没有居民数据");
    assertThat(PeopleTestSupport.count(jdbc, org)).isZero();
  }

  @Test
  void twentyThousandRowsStreamIntoOneTransaction() throws Exception {
    long org = PeopleTestSupport.town(orgs, "大文件测试镇");
    PopulationGenerator gen = PopulationGenerator.of(20_000, DAY).withSeed(18);
    byte[] xlsx = gen.xlsx();
    JsonNode report = upload(org, "big.xlsx", xlsx, 200);
    assertThat(report.get("created").asInt()).isEqualTo(20_000);
    assertThat(PeopleTestSupport.count(jdbc, org)).isEqualTo(20_000);
    // those who turn 18 on the reference day are there with their birth dates
    long born18 =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM person WHERE organisation_id = ? AND birth_date = ?",
            Long.class,
            org,
            DAY.minusYears(18));
    assertThat(born18).isGreaterThanOrEqualTo(gen.turningEighteenOnTheDay());
    // the last page holds the rest
    List<Person> last = repository.page(PersonQuery.of(org), 19_950, 100);
    assertThat(last).hasSize(50);
    // streaming in order visits everyone once
    long[] n = {0};
    java.util.Set<Long> seen = new java.util.HashSet<>();
    repository.forEachInOrder(
        PersonQuery.of(org),
        p -> {
          n[0]++;
          seen.add(p.id());
        });
    assertThat(n[0]).isEqualTo(20_000);
    assertThat(seen).hasSize(20_000);
  }

  static byte[] csv(List<List<String>> rows, Charset cs) {
    StringBuilder b = new StringBuilder(PopulationGenerator.csvLine(PopulationGenerator.HEADERS));
    rows.forEach(r -> b.append(PopulationGenerator.csvLine(r)));
    return b.toString().getBytes(cs);
  }

  static Comparator<String> strokes() {
    return NameOrder.surnameStrokes();
  }
}
