package xuanju.server.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import xuanju.core.roster.ResidentIds;
import xuanju.server.audit.AuditLog;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.support.PostgresAppTest;

/**
 * The person-register import on a real PostgreSQL 15: COPY of new people (empty strings kept apart
 * from NULL), updates by ID number, all-or-nothing with row errors, the ordered list.
 */
class PersonPostgresTest extends PostgresAppTest {
  static final LocalDate DAY = LocalDate.now().plusDays(60);

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired OrganisationService orgs;
  @Autowired AuditLog audit;
  @Autowired PersonRepository repository;
  @Autowired PersonImportService imports;
  final ObjectMapper json = new ObjectMapper();

  JsonNode upload(long org, String name, byte[] bytes, int expected) throws Exception {
    MvcResult r =
        mvc.perform(
                PeopleTestSupport.upload(org, name, bytes)
                    .with(PeopleTestSupport.admin())
                    .with(csrf()))
            .andReturn();
    String body = r.getResponse().getContentAsString();
    assertThat(r.getResponse().getStatus()).as(body).isEqualTo(expected);
    return json.readTree(body);
  }

  @Test
  void copyImportUpdatesAndAllOrNothingOnPostgres() throws Exception {
    long org = PeopleTestSupport.town(orgs, "PG导入镇");
    PopulationGenerator gen = PopulationGenerator.of(2500, DAY).withSeed(31);
    List<PopulationGenerator.Resident> people = gen.people();
    JsonNode ok = upload(org, "pg.xlsx", gen.xlsx(), 200);
    assertThat(ok.get("created").asInt()).isEqualTo(2500);
    assertThat(PeopleTestSupport.count(jdbc, org)).isEqualTo(2500);
    assertThat(audit.latest(1).get(0).summary()).startsWith("导入居民名册 2500 人（新增 2500 人，更新 0 人）");
    // empty text stays empty (not NULL), unknown political status stays NULL
    PopulationGenerator.Resident child =
        people.stream().filter(p -> p.politicalStatus().isEmpty()).findFirst().orElseThrow();
    Person c = repository.findByResidentId(child.residentId()).orElseThrow();
    assertThat(c.politicalStatus()).isNull();
    assertThat(c.workplace()).isEmpty();
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM person WHERE organisation_id = ? AND workplace IS NULL",
                Long.class,
                org))
        .isZero();
    Person stored = repository.findByResidentId(people.get(9).residentId()).orElseThrow();
    assertThat(stored.name()).isEqualTo(people.get(9).name());
    assertThat(stored.address()).isEqualTo(people.get(9).address());
    assertThat(stored.tagsText()).isEqualTo(people.get(9).tags());
    assertThat(stored.household()).isNotEmpty().isEqualTo(people.get(9).household());
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(DISTINCT household) FROM person WHERE organisation_id = ?",
                Long.class,
                org))
        .isEqualTo(people.stream().map(PopulationGenerator.Resident::household).distinct().count());

    // a bad row among the rest: nothing written, the row named
    List<List<String>> rows = new ArrayList<>();
    for (PopulationGenerator.Resident p : people.subList(0, 100)) {
      rows.add(new ArrayList<>(p.cells()));
    }
    rows.get(0).set(PopulationGenerator.ADDRESS, "改过的住址");
    rows.get(1).set(PopulationGenerator.HOUSEHOLD, "改过的户号");
    rows.get(70).set(PopulationGenerator.HOUSEHOLD, "户".repeat(51));
    String id = rows.get(50).get(PopulationGenerator.ID);
    rows.get(50)
        .set(
            PopulationGenerator.ID,
            id.substring(0, 17)
                + (ResidentIds.checkCharacter(id.substring(0, 17)) == '0' ? '1' : '0'));
    long before = PeopleTestSupport.countAll(jdbc);
    JsonNode bad =
        upload(
            org,
            "bad.csv",
            PersonImportTest.csv(rows, java.nio.charset.StandardCharsets.UTF_8),
            422);
    assertThat(bad.get("errors").get(0).get("row").asInt()).isEqualTo(52);
    assertThat(bad.get("errors").get(1).get("row").asInt()).isEqualTo(72);
    assertThat(bad.get("errors").get(1).get("column").asString()).isEqualTo("户号");
    assertThat(bad.get("errors").get(1).get("message").asString()).isEqualTo("户号不能超过50个字");
    assertThat(repository.findByResidentId(people.get(1).residentId()).orElseThrow().household())
        .isEqualTo(people.get(1).household());
    assertThat(repository.findByResidentId(people.get(0).residentId()).orElseThrow().address())
        .isEqualTo(people.get(0).address());
    assertThat(PeopleTestSupport.countAll(jdbc)).isEqualTo(before);

    // fixed: 100 updated, none new
    rows.get(50).set(PopulationGenerator.ID, id);
    rows.get(70).set(PopulationGenerator.HOUSEHOLD, people.get(70).household());
    JsonNode again =
        upload(
            org,
            "fixed.csv",
            PersonImportTest.csv(rows, java.nio.charset.StandardCharsets.UTF_8),
            200);
    assertThat(again.get("updated").asInt()).isEqualTo(100);
    assertThat(again.get("created").asInt()).isZero();
    assertThat(repository.findByResidentId(people.get(0).residentId()).orElseThrow().address())
        .isEqualTo("改过的住址");
    assertThat(repository.findByResidentId(people.get(1).residentId()).orElseThrow().household())
        .isEqualTo("改过的户号");

    // the ordered list pages through everyone exactly once
    java.util.Set<Long> seen = new java.util.HashSet<>();
    for (int page = 0; page < 26; page++) {
      repository.page(PersonQuery.of(org), page * 100L, 100).forEach(p -> seen.add(p.id()));
    }
    assertThat(seen).hasSize(2500);
  }

  /**
   * On PostgreSQL the new people stream into a COPY while the ID numbers already stored are looked
   * up on another connection: with the register scanned into memory and with every number looked up
   * (scan limit 0), an ID in another organisation's register is refused by row and nothing is
   * written; the organisation's own people are updated.
   */
  @org.junit.jupiter.params.ParameterizedTest(name = "scan limit {0}")
  @org.junit.jupiter.params.provider.ValueSource(ints = {500_000, 0})
  void anIdHeldElsewhereIsRefusedWhileTheCopyStreams(int limit) throws Exception {
    Object saved = org.springframework.test.util.ReflectionTestUtils.getField(imports, "scanLimit");
    org.springframework.test.util.ReflectionTestUtils.setField(imports, "scanLimit", limit);
    try {
      int seed = limit == 0 ? 200 : 100;
      LocalDate day = DAY.plusDays(seed / 10); // other ID numbers than the other run's
      long first = PeopleTestSupport.town(orgs, "PG甲镇" + limit);
      long second = PeopleTestSupport.town(orgs, "PG乙镇" + limit);
      List<PopulationGenerator.Resident> people =
          PopulationGenerator.of(300, day).withSeed(seed).people();
      List<List<String>> own = new ArrayList<>();
      people.forEach(p -> own.add(new ArrayList<>(p.cells())));
      upload(
          first, "a.csv", PersonImportTest.csv(own, java.nio.charset.StandardCharsets.UTF_8), 200);

      List<List<String>> rows = new ArrayList<>();
      PopulationGenerator.of(6000, day)
          .withSeed(seed + 1)
          .people()
          .forEach(p -> rows.add(new ArrayList<>(p.cells())));
      rows.set(5500, new ArrayList<>(people.get(7).cells()));
      long before = PeopleTestSupport.countAll(jdbc);
      JsonNode bad =
          upload(
              second,
              "b.csv",
              PersonImportTest.csv(rows, java.nio.charset.StandardCharsets.UTF_8),
              422);
      assertThat(bad.get("errorCount").asInt()).isEqualTo(1);
      assertThat(bad.get("errors").get(0).get("row").asInt()).isEqualTo(5502);
      assertThat(bad.get("errors").get(0).get("code").asString())
          .isEqualTo("PERSON.IMPORT.OTHER_ORGANISATION");
      assertThat(PeopleTestSupport.countAll(jdbc)).isEqualTo(before);
      assertThat(PeopleTestSupport.count(jdbc, second)).isZero();

      // the first town again with 20 new people: 更新 300, 新增 20
      PopulationGenerator.of(20, day)
          .withSeed(seed + 2)
          .people()
          .forEach(p -> own.add(new ArrayList<>(p.cells())));
      JsonNode ok =
          upload(
              first,
              "a2.csv",
              PersonImportTest.csv(own, java.nio.charset.StandardCharsets.UTF_8),
              200);
      assertThat(ok.get("created").asInt()).isEqualTo(20);
      assertThat(ok.get("updated").asInt()).isEqualTo(300);
      assertThat(PeopleTestSupport.count(jdbc, first)).isEqualTo(320);
    } finally {
      org.springframework.test.util.ReflectionTestUtils.setField(imports, "scanLimit", saved);
    }
  }
}
