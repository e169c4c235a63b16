package xuanju.server.congress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import xuanju.cli.round.Json;
import xuanju.cli.round.RoundFile;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.congress.CongressResultsService.Step;
import xuanju.server.documents.DocxDocument;
import xuanju.server.documents.PdfDocument;
import xuanju.server.election.ElectionService;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.register.RegisterFixtures;
import xuanju.server.register.RegistrationService;
import xuanju.server.support.DocumentWording;
import xuanju.server.support.H2AppTest;
import xuanju.server.support.PageText;
import xuanju.server.support.SignIn;

/**
 * The results of a town deputies' election: a town contest decided after a 另行选举 and a county
 * contest held again after too low a turnout; the steps refused out of order and before every
 * contest is final, changing nothing; the announcement, the certificates, the statistics table and
 * the report read back number by number; the archive's round files decided again.
 */
class CongressResultsTest extends H2AppTest {
  private static final RequestPostProcessor ADMIN = user("admin").roles("ADMIN", "USER");

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired OrganisationService orgs;
  @Autowired ElectionService elections;
  @Autowired RegistrationService registration;
  @Autowired DeputyNominationService nominations;
  @Autowired FormalListService formal;
  @Autowired CountyDistrictService counties;
  @Autowired ContestVoteService votes;
  @Autowired TallySheets sheets;
  @Autowired CongressResultsService results;
  @Autowired CongressArchive archive;

  private record Town(
      long election, long district, List<String> voters, long station, String org) {}

  private Town town() {
    int n = RegisterFixtures.next();
    String org = "结果测试镇" + n;
    long orgId = RegisterFixtures.town(orgs, org);
    long election = RegisterFixtures.election(elections, orgId, LocalDate.now().plusDays(40));
    long district = RegisterFixtures.district(jdbc, election, 1, "第一选区", "东村" + n);
    LocalDate adult = LocalDate.now().minusYears(30);
    List<String> voters = new ArrayList<>();
    for (String name :
        List.of("王一", "李二", "张三", "刘四", "陈五", "杨六", "赵七", "黄八", "周九", "吴十", "徐甲", "孙乙")) {
      voters.add(
          RegisterFixtures.residentIdOf(
              jdbc, RegisterFixtures.person(jdbc, orgId, "东村" + n, "第1组", name, adult)));
    }
    // 王一: a woman, not a party member; 李二: a man, party member; 陈五: a woman, party member
    person(voters.get(0), "FEMALE", "MASSES");
    person(voters.get(1), "MALE", "CPC_MEMBER");
    person(voters.get(4), "FEMALE", "CPC_MEMBER");
    SignIn.as("admin", true, () -> registration.registerAll(election, null));
    jdbc.update("UPDATE voter_registration SET status = 'LISTED' WHERE election_id = ?", election);
    jdbc.update(
        "INSERT INTO polling_station (district_id, name, mobile, created_at) VALUES (?, ?, ?, ?)",
        district,
        "东村投票站",
        false,
        Timestamp.from(Instant.now()));
    long station =
        jdbc.queryForObject(
            "SELECT id FROM polling_station WHERE district_id = ?", Long.class, district);
    return new Town(election, district, voters, station, org);
  }

  private void person(String residentId, String gender, String status) {
    jdbc.update(
        "UPDATE person SET gender = ?, political_status = ? WHERE resident_id = ?",
        gender,
        status,
        residentId);
  }

  private static void as(String user, Runnable r) {
    SignIn.as(user, true, r);
  }

  private List<Long> formalList(Town t, ContestLevel level, List<Integer> who, List<String> names) {
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < who.size(); i++) {
      int k = i;
      as(
          "admin",
          () ->
              out.add(
                  nominations.nominate(
                      t.election(),
                      t.district(),
                      level,
                      names.get(k),
                      t.voters().get(who.get(k)),
                      k % 2 == 0 ? "中国共产党" : "中国民主同盟",
                      "",
                      true)));
    }
    as(
        "admin",
        () ->
            formal.publish(
                t.election(),
                t.district(),
                level,
                out,
                LocalDate.now(),
                FormalListBasis.WITHIN_MARGIN));
    return out;
  }

  private long current(Town t, ContestLevel level) {
    long[] id = new long[1];
    as(
        "admin",
        () -> id[0] = votes.day(t.election(), t.district(), level).current().orElseThrow().id());
    return id[0];
  }

  /** One box: ballots issued and returned, the sheet entered twice, the vote decided. */
  private void vote(
      Town t, long round, int ballots, int valid, List<Integer> yes, List<Integer> no) {
    as("admin", () -> votes.recordBox(t.election(), round, t.station(), ballots, ballots, 0, ""));
    for (String clerk : List.of("clerkA", "clerkB")) {
      as(
          clerk,
          () ->
              sheets.enter(t.election(), round, t.station(), valid, ballots - valid, yes, no, ""));
    }
    as("admin", () -> votes.decide(t.election(), round));
  }

  private void step(Town t, ContestLevel level, Step step, LocalDate on) {
    as("admin", () -> results.record(t.election(), level, step, "", "选举委员会决定", on, ""));
  }

  private long count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Long.class, args);
  }

  private long changes(Town t) {
    return count("SELECT COUNT(*) FROM congress_result_step WHERE election_id = ?", t.election())
        + count(
            "SELECT COUNT(*) FROM audit_event WHERE action = 'CONGRESS_RESULTS_STEP'"
                + " AND subject = ?",
            "election:" + t.election());
  }

  private static String flat(String s) {
    return s.replaceAll("\\s+", "");
  }

  private static void wordingOk(String name, String text, String org) {
    assertThat(
            DocumentWording.problems(
                name, text, List.of("admin", "clerkA", "clerkB"), List.of(org)))
        .isEmpty();
    assertThat(text).doesNotContain("党员大会").doesNotContain("书记");
  }

  @Test
  void stepsInOrderDocumentsNumberByNumberAndAnArchiveTheCommandLineReproduces() throws Exception {
    Town t = town();
    CongressResultsService.Results[] r = new CongressResultsService.Results[1];
    as("admin", () -> r[0] = results.results(t.election()));
    assertThat(r[0].levels()).extracting(l -> l.level()).containsExactly(ContestLevel.TOWN);
    LocalDate day = r[0].election().electionDay();
    List<Long> town = formalList(t, ContestLevel.TOWN, List.of(0, 1, 2), List.of("王一", "李二", "张三"));
    as("admin", () -> counties.form(t.election(), 1, "县级第1选区", 1, List.of(t.district())));
    formalList(t, ContestLevel.COUNTY, List.of(4, 5), List.of("陈五", "杨六"));
    // the ballot lists them in stroke order: 杨六, 陈五

    // town, first vote: 王一 8 of 9 elected; one seat to 另行选举 between 李二 (4) and 张三 (3)
    as("admin", () -> votes.openFirst(t.election(), t.district(), ContestLevel.TOWN));
    long t1 = current(t, ContestLevel.TOWN);
    vote(t, t1, 9, 9, List.of(8, 4, 3), List.of(1, 1, 3));
    long t2 = current(t, ContestLevel.TOWN);
    assertThat(t2).isNotEqualTo(t1);

    // before the 另行选举 is decided nothing may be confirmed, and nothing out of order
    long before = changes(t);
    assertThatThrownBy(() -> step(t, ContestLevel.TOWN, Step.CONFIRMED, day))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("以下选区的选举结果尚未确定：第一选区")
        .hasMessageContaining("第四十六条")
        .hasMessageNotContaining("NPC.");
    assertThatThrownBy(() -> step(t, ContestLevel.TOWN, Step.REVIEWED, day))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("须在“选举委员会确认选举有效并宣布”之后记录");
    assertThat(changes(t)).isEqualTo(before);
    as("admin", () -> r[0] = results.results(t.election()));
    assertThatThrownBy(() -> CongressResultsDocuments.announcement(r[0], ContestLevel.TOWN))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("尚未确定");

    // 另行选举: 李二 5 of 8 valid ballots (one invalid)
    vote(t, t2, 9, 8, List.of(5, 2), List.of(3, 4));
    assertThatThrownBy(() -> step(t, ContestLevel.TOWN, Step.CONFIRMED, day.minusDays(1)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("早于选举日");
    step(t, ContestLevel.TOWN, Step.CONFIRMED, day);
    assertThatThrownBy(() -> step(t, ContestLevel.TOWN, Step.CONFIRMED, day))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("不能重复记录");
    assertThatThrownBy(() -> step(t, ContestLevel.TOWN, Step.ACCEPTED, day.plusDays(5)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("须在“代表资格审查委员会审查”之后记录");
    assertThatThrownBy(() -> step(t, ContestLevel.TOWN, Step.REVIEWED, day.minusDays(1)))
        .isInstanceOf(InvalidInputException.class);
    long once = changes(t);
    assertThat(once).isEqualTo(before + 2); // one row and one audit event
    step(t, ContestLevel.TOWN, Step.REVIEWED, day.plusDays(2));
    step(t, ContestLevel.TOWN, Step.ACCEPTED, day.plusDays(5));
    assertThat(
            jdbc.queryForObject(
                "SELECT summary FROM audit_event WHERE action = 'CONGRESS_RESULTS_STEP'"
                    + " AND subject = ? ORDER BY seq DESC LIMIT 1",
                String.class,
                "election:" + t.election()))
        .contains("镇人大主席团确认")
        .contains(t.org() + "人民代表大会主席团")
        .contains("当选2名");

    // the county contest is not final: no archive yet, no county confirmation
    assertThatThrownBy(() -> as("admin", () -> archive.zip(t.election())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("县(旗)人大代表尚未“县（旗）人大常委会确认”");
    as("admin", () -> votes.openFirst(t.election(), t.district(), ContestLevel.COUNTY));
    long c1 = current(t, ContestLevel.COUNTY);
    vote(t, c1, 5, 5, List.of(1, 4), List.of(4, 1)); // 5 of 12: invalid
    assertThatThrownBy(() -> step(t, ContestLevel.COUNTY, Step.CONFIRMED, day))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("县(旗)人大代表以下选区的选举结果尚未确定：县级第1选区");
    as("admin", () -> votes.rerun(t.election(), c1));
    long c2 = current(t, ContestLevel.COUNTY);
    vote(t, c2, 10, 9, List.of(2, 7), List.of(6, 2)); // ballot order 杨六, 陈五
    for (Step s : Step.values()) {
      step(t, ContestLevel.COUNTY, s, day.plusDays(s.ordinal() * 3L));
    }

    as("admin", () -> r[0] = results.results(t.election()));
    // announcement of the town deputies, number by number
    byte[] ann =
        PdfDocument.render(CongressResultsDocuments.announcement(r[0], ContestLevel.TOWN)).pdf();
    String a = DocumentWording.text("announcement.pdf", ann);
    wordingOk("announcement.pdf", a, t.org());
    assertThat(flat(a))
        .contains(t.org() + "人民代表大会代表选举结果公告")
        .contains("第四十六条")
        .contains("第一次投票：选区登记选民12人，参加投票9人，发出选票9张，收回选票9张，其中有效票9张，无效票0张")
        .contains("王一8当选")
        .contains("李二4未当选")
        .contains("张三3未当选")
        .contains("另行选举：选区登记选民12人，参加投票9人，发出选票9张，收回选票9张，其中有效票8张，无效票1张")
        .contains("李二5当选")
        .contains("张三2未当选")
        .contains("当选代表（按姓氏笔画排列）：王一、李二。")
        .contains(t.org() + "选举委员会");
    String county =
        flat(
            DocumentWording.text(
                "county.pdf",
                PdfDocument.render(CongressResultsDocuments.announcement(r[0], ContestLevel.COUNTY))
                    .pdf()));
    assertThat(county)
        .contains("县（旗）人民代表大会代表选举结果公告")
        .contains("参加投票的选民5人，未超过选区全体选民的半数")
        .contains("重新投票：选区登记选民12人，参加投票10人，发出选票10张，收回选票10张，其中有效票9张，无效票1张")
        .contains("陈五7当选")
        .contains("杨六2未当选");

    // certificates: one page each, in stroke order (王 4 strokes before 李 7)
    byte[] certs = CongressResultsDocuments.certificates(r[0], ContestLevel.TOWN);
    try (var doc = Loader.loadPDF(certs)) {
      assertThat(doc.getNumberOfPages()).isEqualTo(2);
      PDFTextStripper s = new PDFTextStripper();
      s.setStartPage(1);
      s.setEndPage(1);
      String p1 = flat(s.getText(doc));
      s.setStartPage(2);
      s.setEndPage(2);
      String p2 = flat(s.getText(doc));
      assertThat(p1).contains("当选证书").contains("王一同志").contains("第一选区").contains("任期：5年");
      assertThat(p1).contains(t.org() + "人民代表大会代表").doesNotContain("李二");
      assertThat(p2).contains("李二同志").contains(t.org() + "人民代表大会主席团确认");
    }
    wordingOk("certificates.pdf", DocumentWording.text("c.pdf", certs), t.org());

    // statistics: numeric cells
    byte[] xlsx = CongressResultsDocuments.statistics(r[0]).toBytes();
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      var sheet = wb.getSheetAt(0);
      int head = 2;
      assertThat(sheet.getRow(head).getCell(5).getStringCellValue()).isEqualTo("投票率（%）");
      assertRow(sheet.getRow(head + 1), "第一选区", 2, 12, 9, 75.0, 9, 0, 3, 2, 0, 1, 1);
      assertRow(sheet.getRow(head + 2), "合计", 2, 12, 9, 75.0, 9, 0, 3, 2, 0, 1, 1);
      assertRow(sheet.getRow(head + 3), "县级第1选区", 1, 12, 10, 83.3, 9, 1, 2, 1, 0, 1, 0);
      assertRow(sheet.getRow(head + 4), "合计", 1, 12, 10, 83.3, 9, 1, 2, 1, 0, 1, 0);
    }

    // the report to the county 人大常委会
    String report =
        DocumentWording.text(
            "report.docx", DocxDocument.render(CongressResultsDocuments.report(r[0])));
    wordingOk("report.docx", report, t.org());
    assertThat(flat(report))
        .contains("关于" + t.org() + "人民代表大会代表和县（旗）人民代表大会代表选举结果的报告")
        .contains("县（旗）人民代表大会常务委员会：")
        .contains("应选代表2名；登记选民12人，参加投票9人，投票率75.0%")
        .contains("当选2名；其中女性代表1名，占50.0%，非中共党员代表1名，占50.0%")
        .contains("县级第1选区第一次投票：参加投票的选民5人");

    // the archive: manifest hashes, every round file decided again as stored
    Map<String, byte[]> files = unzip(archiveBytes(t));
    JsonNode manifest =
        Json.parse(new String(files.get("manifest.json"), StandardCharsets.UTF_8), "m");
    assertThat(manifest.get("files")).hasSize(files.size() - 1);
    for (JsonNode f : manifest.get("files")) {
      assertThat(CongressArchive.sha256(files.get(f.get("path").asString())))
          .isEqualTo(f.get("sha256").asString());
    }
    Map<String, Long> rounds = new LinkedHashMap<>();
    rounds.put("rounds/town-district-" + t.district() + "-round-1.json", t1);
    rounds.put("rounds/town-district-" + t.district() + "-round-2.json", t2);
    long cd = count("SELECT id FROM county_district WHERE election_id = ?", t.election());
    rounds.put("rounds/county-district-" + cd + "-round-1.json", c1);
    rounds.put("rounds/county-district-" + cd + "-round-2.json", c2);
    assertThat(files.keySet().stream().filter(p -> p.matches("rounds/.*-round-\\d+\\.json")))
        .containsExactlyInAnyOrderElementsOf(rounds.keySet());
    for (var e : rounds.entrySet()) {
      String text = new String(files.get(e.getKey()), StandardCharsets.UTF_8);
      RoundFile file = RoundFile.parse(Json.parse(text, e.getKey()), null);
      String stored =
          jdbc.queryForObject(
              "SELECT elected FROM congress_round WHERE id = ?", String.class, e.getValue());
      assertThat(String.join(",", file.decide().outcome().electedIds()))
          .as(e.getKey())
          .isEqualTo(stored == null ? "" : stored);
    }
    assertThat(new String(files.get(rounds.keySet().iterator().next()), StandardCharsets.UTF_8))
        .contains("PEOPLES_CONGRESS_DIRECT")
        .containsPattern("\"registered\"\\s*:\\s*12\\b");
    assertThat(files)
        .containsKeys(
            "announcement-town.pdf", "certificates-county.pdf", "statistics.xlsx", "report.docx");

    // a stored decision the tally sheets do not give refuses the archive
    jdbc.update("UPDATE congress_round SET elected = ? WHERE id = ?", "" + town.get(2), t2);
    assertThatThrownBy(() -> archiveBytes(t))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("重新计票的结果与存储的结果不一致");
    jdbc.update("UPDATE congress_round SET elected = ? WHERE id = ?", "" + town.get(1), t2);

    // the page and the downloads
    String page =
        PageText.visible(
            mvc.perform(get("/elections/{id}/congress/results", t.election()).with(ADMIN))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    assertThat(flat(page))
        .contains("第一选区")
        .contains("王一、李二")
        .contains("镇人大主席团确认")
        .doesNotContain("NPC.");
    mvc.perform(
            post("/elections/{id}/congress/results/steps", t.election())
                .param("level", "TOWN")
                .param("step", "CONFIRMED")
                .param("onDate", day.toString())
                .with(ADMIN)
                .with(csrf()))
        .andExpect(status().isConflict());
    for (String path :
        List.of(
            "/announcement.pdf?level=COUNTY",
            "/certificates.pdf?level=TOWN",
            "/statistics.xlsx",
            "/report.docx",
            "/archive.zip")) {
      mvc.perform(get("/elections/{id}/congress/results" + path, t.election()).with(ADMIN))
          .andExpect(status().isOk());
    }
  }

  private byte[] archiveBytes(Town t) {
    byte[][] out = new byte[1][];
    as("admin", () -> out[0] = archive.zip(t.election()));
    return out[0];
  }

  private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (ZipInputStream in =
        new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        out.put(e.getName(), in.readAllBytes());
      }
    }
    return out;
  }

  private static void assertRow(Row row, String district, double... numbers) {
    assertThat(row.getCell(0).getStringCellValue()).isEqualTo(district);
    for (int i = 0; i < numbers.length; i++) {
      var cell = row.getCell(2 + i);
      assertThat(cell.getCellType())
          .as(district + " column " + (2 + i))
          .isEqualTo(CellType.NUMERIC);
      assertThat(cell.getNumericCellValue())
          .as(district + " column " + (2 + i))
          .isEqualTo(numbers[i]);
    }
  }
}
