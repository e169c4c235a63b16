package xuanju.server.district;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import xuanju.core.district.Apportionment;
import xuanju.core.district.District;
import xuanju.core.district.Proposal;
import xuanju.server.election.ElectionKind;
import xuanju.server.election.ElectionService;
import xuanju.server.organisation.OrganisationService;

/**
 * The districts page on every supported database: the election committee's appointment and members,
 * the seat total with its arithmetic, districts formed from the register's units with the check run
 * again after every change (4 seats refused, the deviation warning shown), the proposal, and
 * polling stations. Bad input gets a Chinese message and changes nothing.
 */
interface DistrictContract {
  MockMvc mvc();

  JdbcTemplate jdbc();

  OrganisationService orgs();

  ElectionService elections();

  RequestPostProcessor ADMIN = user("admin").roles("ADMIN", "USER");

  private DistrictFixtures.Town town(ElectionKind kind) {
    return DistrictFixtures.town(orgs(), elections(), jdbc(), kind);
  }

  private long count(String sql, Object... args) {
    Long n = jdbc().queryForObject(sql, Long.class, args);
    return n == null ? 0 : n;
  }

  private long audits(String action, String subject) {
    return count(
        "SELECT COUNT(*) FROM audit_event WHERE action = ? AND subject = ?", action, subject);
  }

  private String page(long election) throws Exception {
    return mvc()
        .perform(get("/elections/{id}/districts", election).with(ADMIN))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private static MockHttpServletRequestBuilder form(String url, Object... vars) {
    return post(url, vars).with(ADMIN).with(csrf());
  }

  private long district(long election, String name) {
    return jdbc()
        .queryForObject(
            "SELECT id FROM district WHERE election_id = ? AND name = ?",
            Long.class,
            election,
            name);
  }

  private void createDistrict(
      long election, int number, String name, Integer seats, String... units) throws Exception {
    var b =
        form("/elections/{id}/districts", election)
            .param("number", Integer.toString(number))
            .param("name", name)
            .param("basis", "RESIDENCE")
            .param("units", units);
    if (seats != null) {
      b.param("seats", seats.toString());
    }
    mvc().perform(b).andExpect(status().is3xxRedirection());
  }

  @Test
  default void committeeAppointmentAndMembersAreRecordedAndAudited() throws Exception {
    var t = town(ElectionKind.RESIDENTS_COMMITTEE);
    long id = t.election();
    // the kind's name of the body
    mvc()
        .perform(get("/elections/{id}/districts", id).with(ADMIN))
        .andExpect(content().string(containsString("居民选举委员会")))
        .andExpect(content().string(containsString("尚未登记")));
    // a member before the appointment: refused
    mvc()
        .perform(
            form("/elections/{id}/districts/committee/members", id)
                .param("name", "张三")
                .param("role", "CHAIR"))
        .andExpect(status().isConflict())
        .andExpect(content().string(containsString("请先登记居民选举委员会的任命")));
    // no document: refused, nothing stored
    mvc()
        .perform(
            form("/elections/{id}/districts/committee", id)
                .param("appointedBy", "居民会议")
                .param("appointedOn", LocalDate.now().minusDays(3).toString()))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("任命文件")));
    assertThat(count("SELECT COUNT(*) FROM election_committee WHERE election_id = ?", id)).isZero();

    mvc()
        .perform(
            form("/elections/{id}/districts/committee", id)
                .param("appointedBy", "社区居民会议推选")
                .param("appointedOn", LocalDate.now().minusDays(3).toString())
                .param("document", "居民会议记录（第3号）"))
        .andExpect(status().is3xxRedirection());
    assertThat(audits("ELECTION_COMMITTEE_APPOINTED", "election:" + id)).isEqualTo(1);

    List<String> ids = DistrictFixtures.persons(jdbc(), t.organisation(), "东村", "", 1);
    jdbc().update("UPDATE person SET name = '李主任' WHERE resident_id = ?", ids.get(0));
    mvc()
        .perform(
            form("/elections/{id}/districts/committee/members", id)
                .param("role", "CHAIR")
                .param("residentId", ids.get(0)))
        .andExpect(status().is3xxRedirection());
    mvc()
        .perform(
            form("/elections/{id}/districts/committee/members", id)
                .param("role", "MEMBER")
                .param("name", "王委员"))
        .andExpect(status().is3xxRedirection());
    // a second chair, an unknown ID number: refused with the rule, nothing stored
    mvc()
        .perform(
            form("/elections/{id}/districts/committee/members", id)
                .param("role", "CHAIR")
                .param("name", "赵某"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("已有主任李主任")));
    mvc()
        .perform(
            form("/elections/{id}/districts/committee/members", id)
                .param("role", "MEMBER")
                .param("residentId", "159999999999999999"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("居民名册中没有号码为")))
        .andExpect(content().string(not(containsString("159999999999999999"))));
    long committee =
        jdbc()
            .queryForObject(
                "SELECT id FROM election_committee WHERE election_id = ?", Long.class, id);
    assertThat(
            count(
                "SELECT COUNT(*) FROM election_committee_member WHERE committee_id = ?", committee))
        .isEqualTo(2);
    assertThat(
            count(
                "SELECT COUNT(*) FROM election_committee_member WHERE committee_id = ?"
                    + " AND person_id IS NOT NULL AND name = '李主任' AND role = 'CHAIR'",
                committee))
        .isEqualTo(1);
    assertThat(audits("ELECTION_COMMITTEE_MEMBER_ADDED", "election:" + id)).isEqualTo(2);
    // the audit log never holds the ID number
    assertThat(
            count("SELECT COUNT(*) FROM audit_event WHERE summary LIKE ?", "%" + ids.get(0) + "%"))
        .isZero();
    String html = page(id);
    assertThat(html).contains("社区居民会议推选", "居民会议记录（第3号）", "李主任", "王委员", "主任", "委员");
    assertThat(html).doesNotContain(ids.get(0));
    // the committee's office: recorded with the committee, listed after its members
    mvc()
        .perform(
            form("/elections/{id}/districts/committee/members", id)
                .param("role", "OFFICE_DIRECTOR")
                .param("name", "孙办公"))
        .andExpect(status().is3xxRedirection());
    String withOffice = page(id);
    assertThat(withOffice).contains("办公室主任", "孙办公");
    assertThat(withOffice.indexOf("孙办公")).isGreaterThan(withOffice.indexOf("王委员"));
  }

  @Test
  default void seatTotalShowsTheArithmeticAndTheArticleAndRecordsTheCountyDecision()
      throws Exception {
    var t = town(ElectionKind.TOWN_PEOPLES_CONGRESS);
    long id = t.election();
    // a population other than the register's without saying where it comes from: refused
    mvc()
        .perform(form("/elections/{id}/districts/seat-total", id).param("population", "52300"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("人口数来源")))
        .andExpect(content().string(containsString("居民名册人数500")));
    assertThat(count("SELECT COUNT(*) FROM seat_total WHERE election_id = ?", id)).isZero();

    mvc()
        .perform(
            form("/elections/{id}/districts/seat-total", id)
                .param("population", "52300")
                .param("populationNote", "统计部门2025年末户籍人口"))
        .andExpect(status().is3xxRedirection());
    String html = page(id);
    assertThat(html).contains("基数45名 + 人口52,300÷1,500取整34名 = 79名", "第十二条", "统计部门2025年末户籍人口");
    assertThat(
            jdbc()
                .queryForObject(
                    "SELECT computed_total FROM seat_total WHERE election_id = ?",
                    Integer.class,
                    id))
        .isEqualTo(79);

    // the county decided 12 (register population 500): recorded with its document and date
    int version =
        jdbc()
            .queryForObject(
                "SELECT version FROM seat_total WHERE election_id = ?", Integer.class, id);
    mvc()
        .perform(
            form("/elections/{id}/districts/seat-total", id)
                .param("version", Integer.toString(version))
                .param("decidedTotal", "12")
                .param("decidedBy", "示例县人大常委会"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("决定文件")));
    mvc()
        .perform(
            form("/elections/{id}/districts/seat-total", id)
                .param("version", Integer.toString(version))
                .param("decidedTotal", "12")
                .param("decidedBy", "示例县人大常委会")
                .param("decisionDocument", "示人常发〔2026〕5号")
                .param("decidedOn", LocalDate.now().minusDays(1).toString()))
        .andExpect(status().is3xxRedirection());
    html = page(id);
    assertThat(html)
        .contains("基数45名 + 人口500÷1,500取整0名 = 45名", "示人常发〔2026〕5号", "按决定的12名分配")
        .contains("id=\"total\">12<");
    assertThat(audits("SEAT_TOTAL_SAVED", "election:" + id)).isEqualTo(2);
  }

  @Test
  default void districtsAreCheckedAfterEveryChangeFourSeatsRefusedDeviationWarned()
      throws Exception {
    var t = town(ElectionKind.TOWN_PEOPLES_CONGRESS);
    long id = t.election();
    mvc()
        .perform(
            form("/elections/{id}/districts/seat-total", id)
                .param("decidedTotal", "12")
                .param("decisionDocument", "示人常发〔2026〕6号")
                .param("decidedOn", LocalDate.now().minusDays(1).toString()))
        .andExpect(status().is3xxRedirection());
    createDistrict(id, 1, "第一选区", 3, "东村|");
    createDistrict(id, 2, "第二选区", 2, "西村|");
    // 联合选区: 南村一组 and 中社区
    createDistrict(id, 3, "第三选区", 2, "南村|一组", "中社区|");
    createDistrict(id, 4, "第四选区", null, "南村|二组");
    long before = count("SELECT COUNT(*) FROM district WHERE election_id = ?", id);

    // 4 seats: the Chinese error names the district and the rule, nothing is saved
    mvc()
        .perform(
            form("/elections/{id}/districts", id)
                .param("number", "5")
                .param("name", "第五选区")
                .param("basis", "RESIDENCE")
                .param("units", "北社区|")
                .param("seats", "4"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("第五选区应选4名代表，不符合每一选区选一名至三名代表的规定")))
        .andExpect(content().string(containsString("第二十五条第二款")));
    assertThat(count("SELECT COUNT(*) FROM district WHERE election_id = ?", id)).isEqualTo(before);
    assertThat(count("SELECT COUNT(*) FROM district_unit WHERE election_id = ?", id)).isEqualTo(5);
    // a unit already in a district, a whole unit whose group is elsewhere, a unit not in the
    // register
    mvc()
        .perform(
            form("/elections/{id}/districts", id)
                .param("number", "5")
                .param("name", "第五选区")
                .param("basis", "RESIDENCE")
                .param("units", "北社区|", "南村|"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("只能划入一个选区")));
    mvc()
        .perform(
            form("/elections/{id}/districts", id)
                .param("number", "5")
                .param("name", "第五选区")
                .param("basis", "RESIDENCE")
                .param("units", "外村|"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("居民名册中没有外村")));
    assertThat(count("SELECT COUNT(*) FROM district WHERE election_id = ?", id)).isEqualTo(before);

    createDistrict(id, 5, "第五选区", 1, "北社区|");
    // edit: 4 seats refused on an existing district too, its seats unchanged
    long d4 = district(id, "第四选区");
    int v4 = jdbc().queryForObject("SELECT version FROM district WHERE id = ?", Integer.class, d4);
    mvc()
        .perform(
            form("/elections/{id}/districts/{d}", id, d4)
                .param("version", Integer.toString(v4))
                .param("number", "4")
                .param("name", "第四选区")
                .param("basis", "RESIDENCE")
                .param("units", "南村|二组")
                .param("seats", "4"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("第四选区应选4名代表")));
    assertThat(jdbc().queryForObject("SELECT seats FROM district WHERE id = ?", Integer.class, d4))
        .isNull();
    // 3 seats for 40 people: allowed, with the deviation warning on the page
    mvc()
        .perform(
            form("/elections/{id}/districts/{d}", id, d4)
                .param("version", Integer.toString(v4))
                .param("number", "4")
                .param("name", "第四选区")
                .param("basis", "RESIDENCE")
                .param("units", "南村|二组")
                .param("seats", "3"))
        .andExpect(status().is3xxRedirection());
    String html = page(id);
    // average 500 ÷ 12 = 41.7; 第四选区 40 ÷ 3 = 13.3, 68.0 % below
    assertThat(html)
        .contains("41.7", "第四选区每一代表所代表的人口为13.3人，比平均数少68.0%，超过本地方案规定的20%")
        .contains("联合选区", "中社区、南村（一组）");
    // the seats add up to 3+2+2+3+1 = 11, not 12: the sum check says so
    assertThat(html).contains("各选区名额之和11名，代表总名额12名，少1名");

    // the proposal: the core's allocation, applied on request
    List<District> ds =
        List.of(
            District.of("第一选区", 120, "东村"),
            District.of("第二选区", 90, "西村"),
            District.of("第三选区", 100, "南村（一组）", "中社区"),
            District.of("第四选区", 40, "南村（二组）"),
            District.of("第五选区", 150, "北社区"));
    Proposal expected = Apportionment.propose(500, 12, ds, null);
    mvc()
        .perform(form("/elections/{id}/districts/apply-proposal", id))
        .andExpect(status().is3xxRedirection());
    List<Integer> seats =
        jdbc()
            .queryForList(
                "SELECT seats FROM district WHERE election_id = ? ORDER BY number",
                Integer.class,
                id);
    assertThat(seats).isEqualTo(expected.seats());
    assertThat(seats.stream().mapToInt(Integer::intValue).sum()).isEqualTo(12);
    assertThat(page(id)).doesNotContain("各选区名额之和").doesNotContain("第四选区每一代表所代表的人口为13.3人");
    assertThat(audits("DISTRICT_SEATS_APPLIED", "election:" + id)).isEqualTo(1);
    assertThat(audits("DISTRICT_CREATED", "election:" + id)).isEqualTo(5);
  }

  @Test
  default void populationFromTheRegisterOrTypedInWithItsSource() throws Exception {
    var t = town(ElectionKind.TOWN_PEOPLES_CONGRESS);
    long id = t.election();
    createDistrict(id, 1, "东村选区", null, "东村|");
    mvc()
        .perform(
            form("/elections/{id}/districts", id)
                .param("number", "2")
                .param("name", "西村选区")
                .param("basis", "RESIDENCE")
                .param("units", "西村|")
                .param("population", "130"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("人口数来源")));
    mvc()
        .perform(
            form("/elections/{id}/districts", id)
                .param("number", "2")
                .param("name", "西村选区")
                .param("basis", "RESIDENCE")
                .param("units", "西村|")
                .param("population", "130")
                .param("populationNote", "名册尚缺外出务工人员，采用派出所户籍数"))
        .andExpect(status().is3xxRedirection());
    long east = district(id, "东村选区");
    long west = district(id, "西村选区");
    String east1 =
        mvc()
            .perform(get("/elections/{id}/districts/{d}", id, east).with(ADMIN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(east1).contains("id=\"district-population\">120<", "按居民名册计算");
    // the register grows: the computed population follows, the typed-in one does not
    DistrictFixtures.persons(jdbc(), t.organisation(), "东村", "", 5);
    DistrictFixtures.persons(jdbc(), t.organisation(), "西村", "", 5);
    mvc()
        .perform(get("/elections/{id}/districts/{d}", id, east).with(ADMIN))
        .andExpect(content().string(containsString("id=\"district-population\">125<")));
    mvc()
        .perform(get("/elections/{id}/districts/{d}", id, west).with(ADMIN))
        .andExpect(content().string(containsString("id=\"district-population\">130<")))
        .andExpect(content().string(containsString("名册尚缺外出务工人员")));
  }

  @Test
  default void pollingStationsAndDeletionRefusedWhileVotersAreAssigned() throws Exception {
    var t = town(ElectionKind.TOWN_PEOPLES_CONGRESS);
    long id = t.election();
    createDistrict(id, 1, "东村选区", null, "东村|");
    long d = district(id, "东村选区");
    mvc()
        .perform(
            form("/elections/{id}/districts/{d}/stations", id, d)
                .param("name", "东村投票站")
                .param("address", "东村村委会"))
        .andExpect(status().is3xxRedirection());
    mvc()
        .perform(
            form("/elections/{id}/districts/{d}/stations", id, d)
                .param("name", "东村流动票箱")
                .param("mobile", "true"))
        .andExpect(status().is3xxRedirection());
    mvc()
        .perform(form("/elections/{id}/districts/{d}/stations", id, d).param("name", "东村投票站"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("已有投票站东村投票站")));
    assertThat(count("SELECT COUNT(*) FROM polling_station WHERE district_id = ?", d)).isEqualTo(2);
    long fixed =
        jdbc()
            .queryForObject(
                "SELECT id FROM polling_station WHERE district_id = ? AND mobile = FALSE",
                Long.class,
                d);
    long mobile =
        jdbc()
            .queryForObject(
                "SELECT id FROM polling_station WHERE district_id = ? AND mobile = TRUE",
                Long.class,
                d);
    mvc()
        .perform(get("/elections/{id}/districts/{d}", id, d).with(ADMIN))
        .andExpect(content().string(containsString("流动票箱")))
        .andExpect(content().string(containsString("东村村委会")))
        .andExpect(content().string(containsString("data-confirm=\"确定删除投票站东村投票站吗")));

    String voter =
        jdbc()
            .queryForObject(
                "SELECT MIN(resident_id) FROM person WHERE organisation_id = ? AND unit = '东村'",
                String.class,
                t.organisation());
    DistrictFixtures.registerVoter(jdbc(), id, d, fixed, voter);
    mvc()
        .perform(form("/elections/{id}/districts/{d}/stations/{s}/delete", id, d, fixed))
        .andExpect(status().isConflict())
        .andExpect(content().string(containsString("投票站东村投票站已分配选民1名，不能删除")));
    mvc()
        .perform(form("/elections/{id}/districts/{d}/delete", id, d))
        .andExpect(status().isConflict())
        .andExpect(content().string(containsString("东村选区已登记选民1名，不能删除")));
    mvc()
        .perform(form("/elections/{id}/districts/{d}/stations/{s}/delete", id, d, mobile))
        .andExpect(status().is3xxRedirection());
    assertThat(count("SELECT COUNT(*) FROM polling_station WHERE district_id = ?", d)).isEqualTo(1);
    assertThat(audits("POLLING_STATION_DELETED", "station:" + mobile)).isEqualTo(1);
    assertThat(audits("POLLING_STATION_CREATED", "district:" + d)).isEqualTo(2);
  }

  @Test
  default void residentsCommitteeHasOneDistrictPerCommunityWithoutSeats() throws Exception {
    var t = town(ElectionKind.RESIDENTS_COMMITTEE);
    long id = t.election();
    String html = page(id);
    assertThat(html).doesNotContain("代表总名额").doesNotContain("应选代表名额");
    createDistrict(id, 1, "北社区", 3, "北社区|");
    // seats are not stored where the contests are not per district
    assertThat(
            jdbc()
                .queryForObject(
                    "SELECT seats FROM district WHERE election_id = ?", Integer.class, id))
        .isNull();
    mvc()
        .perform(form("/elections/{id}/districts/one-per-unit", id))
        .andExpect(status().is3xxRedirection());
    assertThat(
            jdbc()
                .queryForList(
                    "SELECT name FROM district WHERE election_id = ? ORDER BY number",
                    String.class,
                    id))
        .containsExactly("北社区", "东村", "中社区", "南村", "西村");
    // a seat total is refused for this kind
    mvc()
        .perform(form("/elections/{id}/districts/seat-total", id).param("decidedTotal", "5"))
        .andExpect(status().isConflict())
        .andExpect(content().string(containsString("不按选区分配代表名额")));
  }

  @Test
  default void provincialVariantChosenPerElectionShowsWhatNeedsReview() throws Exception {
    var t = town(ElectionKind.VILLAGE_COMMITTEE);
    long id = t.election();
    assertThat(page(id)).contains("本选举未适用省级变体");
    mvc()
        .perform(form("/elections/{id}/districts/variant", id).param("variant", "XX"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("省级变体：没有这一选项")));
    mvc()
        .perform(form("/elections/{id}/districts/variant", id).param("variant", "NEI_MONGOL"))
        .andExpect(status().is3xxRedirection());
    String html = page(id);
    assertThat(html)
        .contains("内蒙古自治区", "（本选举选定）", "需要复核", "已核实", "《内蒙古自治区村民委员会选举办法》")
        .contains("流动票箱");
    assertThat(audits("PROVINCIAL_VARIANT_CHOSEN", "election:" + id)).isEqualTo(1);
  }
}
