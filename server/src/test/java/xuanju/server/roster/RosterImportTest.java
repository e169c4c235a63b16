package xuanju.server.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import xuanju.core.roster.Member;
import xuanju.core.roster.ResidentIds;
import xuanju.core.roster.Roster;
import xuanju.core.roster.RosterField;
import xuanju.server.audit.AuditLog;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.support.H2AppTest;

/** Import and export of the roster through the API, on H2. */
class RosterImportTest extends H2AppTest {
  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired OrganisationService orgs;
  @Autowired AuditLog audit;
  @Autowired RosterService roster;
  final ObjectMapper json = new ObjectMapper();

  @AfterEach
  void signOut() {
    RosterTestSupport.signOut();
  }

  @Test
  void aGoodFileOf45MembersImportsAndIsAudited() throws Exception {
    long org = RosterTestSupport.branch(orgs, "导入测试党支部");
    List<Member> members = RosterFixtures.members(45L, 45);
    mvc.perform(
            RosterTestSupport.upload(
                    org, "名册.xlsx", RosterFixtures.xlsx(RosterFixtures.sheet(members)))
                .with(RosterTestSupport.admin())
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.ok").value(true))
        .andExpect(jsonPath("$.created").value(45))
        .andExpect(jsonPath("$.rows").value(45));
    assertThat(RosterTestSupport.count(jdbc, org)).isEqualTo(45);
    assertThat(audit.latest(1).get(0).summary()).startsWith("导入党员名册 45 人");
    assertThat(audit.latest(1).get(0).action()).isEqualTo("ROSTER_IMPORTED");

    JsonNode list =
        body(
            mvc.perform(
                    get("/api/organisations/{id}/members", org)
                        .param("size", "500")
                        .with(RosterTestSupport.admin())
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn());
    assertThat(list.get("stats").get("total").asLong()).isEqualTo(45);
    long full = members.stream().filter(m -> m.membership().name().equals("FULL")).count();
    long votes = members.stream().filter(m -> Roster.votingRight(m).outcome().hasVote()).count();
    assertThat(list.get("stats").get("full").asLong()).isEqualTo(full);
    assertThat(list.get("stats").get("probationary").asLong()).isEqualTo(45 - full);
    assertThat(list.get("stats").get("withVote").asLong()).isEqualTo(votes);
    // lists show the ID masked, never in full
    JsonNode first = list.get("members").get(0);
    assertThat(first.get("residentIdMasked").asString()).matches("\\d{4}\\*{10}\\d{3}[\\dX]");
    assertThat(list.toString()).doesNotContain(members.get(0).residentId());
  }

  @Test
  void namesWithDotsSpacesAndCommasImportWhole() throws Exception {
    long org = RosterTestSupport.branch(orgs, "姓名照写党支部");
    List<String> names =
        List.of("巴特尔·额尔敦", "阿拉坦 其其格", "斯琴•高娃", "娜仁,图雅", "乌兰，其木格", "哈斯、巴根", "  图门\u3000 吉日嘎拉 ");
    List<List<String>> sheet = RosterFixtures.sheet(RosterFixtures.members(1407L, names.size()));
    for (int i = 0; i < names.size(); i++) {
      sheet.get(i + 1).set(RosterField.NAME.ordinal(), names.get(i)); // row 0 is the header
    }
    mvc.perform(
            RosterTestSupport.upload(org, "名册.xlsx", RosterFixtures.xlsx(sheet))
                .with(RosterTestSupport.admin())
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.ok").value(true))
        .andExpect(jsonPath("$.created").value(names.size()));
    // kept as written; only the spaces around a name are dropped and a run of spaces is one
    assertThat(
            jdbc.queryForList(
                "SELECT name FROM party_member WHERE organisation_id = ? ORDER BY id",
                String.class,
                org))
        .containsExactly("巴特尔·额尔敦", "阿拉坦 其其格", "斯琴•高娃", "娜仁,图雅", "乌兰，其木格", "哈斯、巴根", "图门 吉日嘎拉");
  }

  @Test
  void oneBadRowAmong45NamesRowColumnAndRuleAndWritesNothing() throws Exception {
    long org = RosterTestSupport.branch(orgs, "错误测试党支部");
    List<List<String>> sheet = RosterFixtures.sheet(RosterFixtures.members(4545L, 45));
    // data row 11 is Excel row 12: break its check character
    List<String> bad = sheet.get(11);
    String id = bad.get(RosterField.RESIDENT_ID.ordinal());
    char right = ResidentIds.checkCharacter(id.substring(0, 17));
    char wrong = right == '0' ? '1' : '0';
    bad.set(RosterField.RESIDENT_ID.ordinal(), id.substring(0, 17) + wrong);
    long before = RosterTestSupport.countAll(jdbc);
    long auditBefore = audit.latest(1).get(0).seq();

    JsonNode report =
        body(
            mvc.perform(
                    RosterTestSupport.upload(org, "名册.xlsx", RosterFixtures.xlsx(sheet))
                        .with(RosterTestSupport.admin())
                        .with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andReturn());
    assertThat(report.get("ok").asBoolean()).isFalse();
    assertThat(report.get("errorCount").asInt()).isEqualTo(1);
    JsonNode e = report.get("errors").get(0);
    assertThat(e.get("row").asInt()).isEqualTo(12);
    assertThat(e.get("column").asString()).isEqualTo("公民身份号码");
    assertThat(e.get("code").asString()).isEqualTo("ROSTER.ID.CHECKSUM");
    assertThat(e.get("message").asString()).isEqualTo("校验位错误（应为" + right + "）");
    assertThat(
            new RowProblem(12, "公民身份号码", "ROSTER.ID.CHECKSUM", "ERROR", "校验位错误（应为" + right + "）")
                .display())
        .isEqualTo("第12行 公民身份号码：校验位错误（应为" + right + "）");
    assertThat(RosterTestSupport.countAll(jdbc)).isEqualTo(before);
    assertThat(audit.latest(1).get(0).seq()).isEqualTo(auditBefore);
  }

  @Test
  void everyErrorOfAFileIsCollectedPerRow() throws Exception {
    long org = RosterTestSupport.branch(orgs, "多错误党支部");
    List<List<String>> sheet = RosterFixtures.sheet(RosterFixtures.members(99L, 6));
    sheet.get(1).set(RosterField.NAME.ordinal(), "");
    sheet.get(2).set(RosterField.JOIN_DATE.ordinal(), "2020-02-30");
    sheet.get(3).set(RosterField.EDUCATION.ordinal(), "幼儿园");
    sheet.get(4).set(RosterField.GENDER.ordinal(), sheet.get(4).get(1).equals("男") ? "女" : "男");
    sheet.get(5).set(RosterField.JOIN_DATE.ordinal(), LocalDate.now().plusDays(3).toString());
    JsonNode report =
        body(
            mvc.perform(
                    RosterTestSupport.upload(org, "名册.xlsx", RosterFixtures.xlsx(sheet))
                        .with(RosterTestSupport.admin())
                        .with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andReturn());
    List<String> seen = new ArrayList<>();
    report
        .get("errors")
        .forEach(e -> seen.add(e.get("row").asInt() + " " + e.get("code").asString()));
    assertThat(seen)
        .containsExactly(
            "2 ROSTER.FIELD.REQUIRED",
            "3 ROSTER.FIELD.DATE",
            "4 ROSTER.FIELD.NOT_ALLOWED",
            "5 ROSTER.ID.GENDER_MISMATCH",
            "6 ROSTER.JOIN.FUTURE");
    assertThat(RosterTestSupport.count(jdbc, org)).isZero();
  }

  @Test
  void duplicateIdWithinTheFile() throws Exception {
    long org = RosterTestSupport.branch(orgs, "重复测试党支部");
    List<Member> members = new ArrayList<>(RosterFixtures.members(77L, 8));
    List<List<String>> sheet = RosterFixtures.sheet(members);
    sheet.set(7, new ArrayList<>(sheet.get(3))); // Excel row 8 repeats row 4
    JsonNode report =
        body(
            mvc.perform(
                    RosterTestSupport.upload(org, "名册.xlsx", RosterFixtures.xlsx(sheet))
                        .with(RosterTestSupport.admin())
                        .with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andReturn());
    JsonNode e = report.get("errors").get(0);
    assertThat(report.get("errorCount").asInt()).isEqualTo(1);
    assertThat(e.get("code").asString()).isEqualTo("ROSTER.IMPORT.DUPLICATE_IN_FILE");
    assertThat(e.get("row").asInt()).isEqualTo(8);
    assertThat(e.get("message").asString()).contains("与第4行");
    assertThat(RosterTestSupport.count(jdbc, org)).isZero();
  }

  @Test
  void memberOfAnotherBranchIsAConflictNamingThatBranch() throws Exception {
    long a = RosterTestSupport.branch(orgs, "甲党支部");
    long b = RosterTestSupport.branch(orgs, "乙党支部");
    List<Member> members = RosterFixtures.members(88L, 10);
    mvc.perform(
            RosterTestSupport.upload(
                    a, "a.xlsx", RosterFixtures.xlsx(RosterFixtures.sheet(members)))
                .with(RosterTestSupport.admin())
                .with(csrf()))
        .andExpect(status().isOk());
    String aName = orgs.all().stream().filter(o -> o.id() == a).findFirst().orElseThrow().name();

    List<Member> forB = new ArrayList<>(RosterFixtures.members(89L, 5));
    forB.add(2, members.get(6)); // Excel row 4
    long before = RosterTestSupport.countAll(jdbc);
    JsonNode report =
        body(
            mvc.perform(
                    RosterTestSupport.upload(
                            b, "b.xlsx", RosterFixtures.xlsx(RosterFixtures.sheet(forB)))
                        .with(RosterTestSupport.admin())
                        .with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andReturn());
    JsonNode e = report.get("errors").get(0);
    assertThat(report.get("errorCount").asInt()).isEqualTo(1);
    assertThat(e.get("code").asString()).isEqualTo("ROSTER.IMPORT.OTHER_ORGANISATION");
    assertThat(e.get("row").asInt()).isEqualTo(4);
    assertThat(e.get("message").asString()).contains("「" + aName + "」");
    assertThat(RosterTestSupport.countAll(jdbc)).isEqualTo(before);
  }

  @Test
  void existingMembersAreRejectedByDefaultAndUpdatedOnRequest() throws Exception {
    long org = RosterTestSupport.branch(orgs, "更新测试党支部");
    List<Member> members = RosterFixtures.members(66L, 5);
    byte[] file = RosterFixtures.xlsx(RosterFixtures.sheet(members));
    mvc.perform(
            RosterTestSupport.upload(org, "x.xlsx", file)
                .with(RosterTestSupport.admin())
                .with(csrf()))
        .andExpect(status().isOk());
    mvc.perform(
            RosterTestSupport.upload(org, "x.xlsx", file)
                .with(RosterTestSupport.admin())
                .with(csrf()))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errorCount").value(5))
        .andExpect(jsonPath("$.errors[0].code").value("ROSTER.IMPORT.ALREADY_IN_ORGANISATION"));

    List<List<String>> changed = RosterFixtures.sheet(members);
    changed.get(2).set(RosterField.EDUCATION.ordinal(), "研究生");
    List<Member> extra = RosterFixtures.members(67L, 2);
    changed.add(RosterFixtures.row(extra.get(0)));
    changed.add(RosterFixtures.row(extra.get(1)));
    mvc.perform(
            RosterTestSupport.upload(org, "x.xlsx", RosterFixtures.xlsx(changed))
                .param("mode", "UPDATE_EXISTING")
                .with(RosterTestSupport.admin())
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.created").value(2))
        .andExpect(jsonPath("$.updated").value(5));
    assertThat(RosterTestSupport.count(jdbc, org)).isEqualTo(7);
    assertThat(
            jdbc.queryForObject(
                "SELECT education FROM party_member WHERE resident_id = ?",
                String.class,
                members.get(1).residentId()))
        .isEqualTo("POSTGRADUATE");
    assertThat(audit.latest(1).get(0).summary()).startsWith("导入党员名册 7 人（新增 2 人，更新 5 人）");
  }

  @Test
  void wrongFileTypesGetAClearError() throws Exception {
    long org = RosterTestSupport.branch(orgs, "文件类型党支部");
    mvc.perform(
            RosterTestSupport.upload(
                    org, "名册.xlsx", "这不是表格".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .with(RosterTestSupport.admin())
                .with(csrf()))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("ROSTER.IMPORT.FILE_TYPE"))
        .andExpect(jsonPath("$.errors[0].row").value(0));
    byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0, 0, 0};
    mvc.perform(
            RosterTestSupport.upload(org, "名册.xls", xls)
                .with(RosterTestSupport.admin())
                .with(csrf()))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("ROSTER.IMPORT.FILE_TYPE"))
        .andExpect(jsonPath("$.errors[0].message").value(containsString("另存为")));
    mvc.perform(
            RosterTestSupport.upload(
                    org, "名册.csv", "姓名,性别".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .with(RosterTestSupport.admin())
                .with(csrf()))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("ROSTER.IMPORT.FILE_TYPE"));
    assertThat(RosterTestSupport.count(jdbc, org)).isZero();
  }

  @Test
  void fileOverTheSizeLimitIsRefusedBeforeReading() {
    long org = RosterTestSupport.branch(orgs, "大小测试党支部");
    RosterTestSupport.signInAsAdmin();
    ImportReport r =
        roster.importXlsx(
            org,
            "big.xlsx",
            new ByteArrayInputStream(new byte[0]),
            roster.maxBytes() + 1,
            ImportMode.REJECT_EXISTING);
    assertThat(r.ok()).isFalse();
    assertThat(r.errors().get(0).code()).isEqualTo("ROSTER.IMPORT.TOO_LARGE");
    assertThat(r.errors().get(0).message()).contains("超过上限");
  }

  @Test
  void templateWithItsExampleRowIsRefusedOnRowTwo() throws Exception {
    long org = RosterTestSupport.branch(orgs, "模板测试党支部");
    byte[] template =
        mvc.perform(
                get("/organisations/{id}/roster/template.xlsx", org)
                    .with(RosterTestSupport.admin())
                    .with(csrf()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    mvc.perform(
            RosterTestSupport.upload(org, "模板.xlsx", template)
                .with(RosterTestSupport.admin())
                .with(csrf()))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].row").value(2))
        .andExpect(jsonPath("$.errors[0].code").value("ROSTER.IMPORT.EXAMPLE_ROW"));
  }

  @Test
  void exportReimportsCleanly() throws Exception {
    long org = RosterTestSupport.branch(orgs, "导出测试党支部");
    List<Member> members = RosterFixtures.members(2026L, 45);
    mvc.perform(
            RosterTestSupport.upload(
                    org, "in.xlsx", RosterFixtures.xlsx(RosterFixtures.sheet(members), true))
                .with(RosterTestSupport.admin())
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.created").value(45));
    var before =
        jdbc.queryForList(
            "SELECT name, gender, ethnicity, birth_date, resident_id, education, join_date, membership,"
                + " status, phone FROM party_member WHERE organisation_id = ? ORDER BY resident_id",
            org);

    MvcResult exported =
        mvc.perform(
                get("/api/organisations/{id}/members/export", org)
                    .with(RosterTestSupport.admin())
                    .with(csrf()))
            .andExpect(status().isOk())
            .andReturn();
    assertThat(exported.getResponse().getContentType()).isEqualTo(RosterTestSupport.XLSX);
    assertThat(exported.getResponse().getHeader("Content-Disposition")).contains("attachment");
    byte[] file = exported.getResponse().getContentAsByteArray();
    // the exported rows are exactly the imported members
    List<Member> back = new ArrayList<>();
    for (var row : RosterFixtures.read(file)) {
      back.add(Roster.validate(row.input(), LocalDate.now()).member().orElseThrow());
    }
    assertThat(back).containsExactlyInAnyOrderElementsOf(members);

    // into the same organisation: every member already there → updated, nothing changes
    mvc.perform(
            RosterTestSupport.upload(org, "out.xlsx", file)
                .param("mode", "UPDATE_EXISTING")
                .with(RosterTestSupport.admin())
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.created").value(0))
        .andExpect(jsonPath("$.updated").value(45));
    var after =
        jdbc.queryForList(
            "SELECT name, gender, ethnicity, birth_date, resident_id, education, join_date, membership,"
                + " status, phone FROM party_member WHERE organisation_id = ? ORDER BY resident_id",
            org);
    assertThat(after).isEqualTo(before);

    // and after removing them, the export alone rebuilds the roster
    jdbc.update("DELETE FROM party_member WHERE organisation_id = ?", org);
    mvc.perform(
            RosterTestSupport.upload(org, "out.xlsx", file)
                .with(RosterTestSupport.admin())
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.created").value(45));
  }

  @Test
  void importPageShowsTheErrorTableAndThenTheCount() throws Exception {
    long branch = RosterTestSupport.branch(orgs, "页面导入党支部");
    List<List<String>> sheet = RosterFixtures.sheet(RosterFixtures.members(303L, 3));
    String id = sheet.get(2).get(RosterField.RESIDENT_ID.ordinal());
    char right = ResidentIds.checkCharacter(id.substring(0, 17));
    sheet
        .get(2)
        .set(RosterField.RESIDENT_ID.ordinal(), id.substring(0, 17) + (right == '0' ? '1' : '0'));
    mvc.perform(
            multipart("/organisations/{id}/roster/import", branch)
                .file(
                    new MockMultipartFile(
                        "file", "名册.xlsx", RosterTestSupport.XLSX, RosterFixtures.xlsx(sheet)))
                .with(RosterTestSupport.admin())
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("第3行 公民身份号码：校验位错误（应为" + right + "）")))
        .andExpect(content().string(containsString("id=\"import-errors\"")));
    assertThat(RosterTestSupport.count(jdbc, branch)).isZero();

    sheet.get(2).set(RosterField.RESIDENT_ID.ordinal(), id);
    mvc.perform(
            multipart("/organisations/{id}/roster/import", branch)
                .file(
                    new MockMultipartFile(
                        "file", "名册.xlsx", RosterTestSupport.XLSX, RosterFixtures.xlsx(sheet)))
                .with(RosterTestSupport.admin())
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("导入党员名册 3 人")));
    mvc.perform(get("/organisations/{id}/roster", branch).with(RosterTestSupport.admin()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"stat-total\">3<")));
  }

  private JsonNode body(MvcResult r) throws Exception {
    return json.readTree(
        r.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
  }
}
