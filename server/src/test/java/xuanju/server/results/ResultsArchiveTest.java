package xuanju.server.results;

import static org.assertj.core.api.Assertions.assertThat;
import static xuanju.server.results.ResultsFixture.as;
import static xuanju.server.results.ResultsFixture.run;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import xuanju.cli.round.Json;
import xuanju.cli.round.RoundFile;
import xuanju.cli.round.RoundReport;
import xuanju.core.outcome.RoundResult;
import xuanju.core.outcome.SeatOutcome;
import xuanju.core.rule.Decision;
import xuanju.server.election.ElectionService;
import xuanju.server.election.ElectionStatus;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.plan.ApprovalDecision;
import xuanju.server.security.UserRepository;
import xuanju.server.support.H2AppTest;
import xuanju.server.voting.EntryService;
import xuanju.server.voting.VotingModel.Round;
import xuanju.server.voting.VotingModel.StepDto;
import xuanju.server.voting.VotingModel.StoredDecision;
import xuanju.server.voting.VotingServices;

/**
 * The whole results stage of a decided election: submission, approval, archive; the archive is
 * unzipped, every manifest hash checked, and every round file decided again by the command line's
 * reader in-process, which must give the stored elected ids and trail codes.
 */
class ResultsArchiveTest extends H2AppTest {
  @Autowired ResultsService results;
  @Autowired VotingServices voting;
  @Autowired EntryService entries;
  @Autowired ElectionService elections;
  @Autowired OrganisationService orgs;
  @Autowired UserRepository users;
  @Autowired JdbcTemplate jdbc;

  ResultsFixture decidedElection() {
    ResultsFixture f =
        new ResultsFixture(orgs, elections, voting, entries, users, jdbc, 10, true, 3);
    f.stageOneWithTie();
    f.stageTwo();
    assertThat(as(f.admin, () -> voting.progress().readyForResults(f.electionId))).isTrue();
    return f;
  }

  static Map<String, byte[]> unzip(byte[] zip) throws Exception {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        out.put(e.getName(), in.readAllBytes());
      }
    }
    return out;
  }

  @Test
  void archiveOfADecidedElectionReproducesEveryRoundWithTheCommandLine(@TempDir Path dir)
      throws Exception {
    ResultsFixture f = decidedElection();
    long id = f.electionId;
    run(f.admin, () -> results.submit(id, f.version()));
    assertThat(as(f.admin, () -> elections.get(id)).status())
        .isEqualTo(ElectionStatus.RESULTS_SUBMITTED);
    run(f.officer, () -> results.decide(id, f.version(), ApprovalDecision.APPROVED, ""));
    assertThat(as(f.admin, () -> elections.get(id)).status()).isEqualTo(ElectionStatus.COMPLETED);
    var info = as(f.admin, () -> results.archive(id, f.version()));
    assertThat(as(f.admin, () -> elections.get(id)).status()).isEqualTo(ElectionStatus.ARCHIVED);

    byte[] zip = as(f.admin, () -> results.archiveZip(id));
    assertThat(ElectionArchive.sha256(zip)).isEqualTo(info.sha256());
    Map<String, byte[]> files = unzip(zip);
    assertThat(files).hasSize(info.files());

    // every file is in the manifest with its size and hash, and nothing else is
    JsonNode manifest =
        Json.parse(new String(files.get("manifest.json"), StandardCharsets.UTF_8), "manifest");
    List<String> listed = new ArrayList<>();
    for (JsonNode n : manifest.get("files")) {
      String path = n.get("path").asString();
      listed.add(path);
      assertThat(files).as(path).containsKey(path);
      assertThat(ElectionArchive.sha256(files.get(path)))
          .as(path)
          .isEqualTo(n.get("sha256").asString());
      assertThat((long) files.get(path).length).isEqualTo(n.get("bytes").asLong());
    }
    listed.add("manifest.json");
    assertThat(files.keySet()).containsExactlyInAnyOrderElementsOf(listed);
    // the audit chain's head when archived, as printed on the archived documents (§4)
    JsonNode head = manifest.get("auditChainHead");
    String code = head.get("code").asString();
    assertThat(code)
        .isEqualTo(
            "审计链校验码：第"
                + head.get("seq").asLong()
                + "条 "
                + head.get("hash").asString().substring(0, 4)
                + " "
                + head.get("hash").asString().substring(4, 8)
                + " "
                + head.get("hash").asString().substring(8, 12)
                + " "
                + head.get("hash").asString().substring(12, 16));
    assertThat(
            jdbc.queryForObject(
                "SELECT hash FROM audit_event WHERE seq = ?",
                String.class,
                head.get("seq").asLong()))
        .isEqualTo(head.get("hash").asString());
    assertThat(xuanju.server.plan.PlanFixtures.pdfText(files.get("05-results/选举结果报告.pdf")))
        .contains("审计链校验码：第");
    assertThat(files)
        .containsKeys(
            "05-results/选举结果报告.pdf",
            "05-results/选举结果报告.docx",
            "05-results/当选公告.pdf",
            "05-results/选举结果统计表.xlsx",
            "05-results/选举结果批复.pdf",
            "04-ballots/第1轮选票.pdf",
            "decisions.json",
            "audit-events.csv");

    // write the archive out and run every round file through the CLI's reader
    for (var e : files.entrySet()) {
      Path p = dir.resolve(e.getKey());
      Files.createDirectories(p.getParent());
      Files.write(p, e.getValue());
    }
    List<Round> rounds = as(f.admin, () -> voting.rounds().rounds(id));
    assertThat(rounds).hasSize(3);
    for (Round r : rounds) {
      StoredDecision sd = voting.progress().decisionOf(r).orElseThrow();
      Path roundFile = dir.resolve("rounds/round-" + r.number() + ".json");
      RoundFile file = RoundFile.read(roundFile);
      assertThat(file.ballotsFile()).isEqualTo("round-" + r.number() + "-ballots.csv");
      assertThat(file.ballots().size()).isEqualTo((int) sd.returned());
      Decision<RoundResult> d = file.decide();
      List<String> cliElected = new ArrayList<>();
      for (SeatOutcome o : d.outcome().outcomes()) {
        if (o instanceof SeatOutcome.Elected x) {
          cliElected.addAll(x.candidateIds());
        }
      }
      List<String> storedElected =
          sd.outcomes().stream()
              .filter(o -> o.type().equals("Elected"))
              .flatMap(o -> o.ids().stream())
              .toList();
      assertThat(cliElected).as(r.labelZh()).isEqualTo(storedElected);
      assertThat(d.codes())
          .as(r.labelZh())
          .isEqualTo(sd.trail().stream().map(StepDto::code).toList());
      // the CLI's output is the archived tally file, byte for byte
      String out = Json.pretty(RoundReport.json(RoundReport.of(file)));
      assertThat(out)
          .isEqualTo(Files.readString(dir.resolve("rounds/round-" + r.number() + ".tally.json")));
      // ballots are sorted canonically, not in entry order
      List<String> lines =
          Files.readAllLines(dir.resolve("rounds/round-" + r.number() + "-ballots.csv"));
      List<String> body = lines.subList(1, lines.size());
      assertThat(body).isSorted();
    }
    // round 1 ended in a tie, the re-vote elected member 2, the plenum member 0
    assertThat(voting.progress().decisionOf(rounds.get(0)).orElseThrow().outcomes().get(1).type())
        .isEqualTo("TieRevoteNeeded");
    assertThat(voting.progress().decisionOf(rounds.get(1)).orElseThrow().outcomes().get(0).ids())
        .containsExactly("m" + f.memberIds.get(2));

    // the audit events are this election's, including the archive transition
    String audit = new String(files.get("audit-events.csv"), StandardCharsets.UTF_8);
    assertThat(audit)
        .contains(
            "RESULTS_SUBMITTED", "RESULTS_APPROVED", "ELECTION_ARCHIVED", "VOTING_ROUND_DECIDED");
    assertThat(audit.lines().skip(1)).allMatch(l -> l.contains("election:" + id));
    // the ballot files hold no voter name
    for (String name : f.names) {
      for (Round r : rounds) {
        assertThat(
                new String(
                    files.get("rounds/round-" + r.number() + "-ballots.csv"),
                    StandardCharsets.UTF_8))
            .doesNotContain(name);
      }
    }
    // decisions.json holds the stored decisions
    JsonNode decisions =
        Json.parse(new String(files.get("decisions.json"), StandardCharsets.UTF_8), "decisions");
    assertThat(decisions.size()).isEqualTo(3);
    assertThat(decisions.get(1).get("parentRound").asInt()).isEqualTo(1);
    assertThat(decisions.get(0).get("decision").get("valid").asLong()).isEqualTo(10);
    // the stored archive does not change on a second download
    assertThat(as(f.admin, () -> results.archiveZip(id))).isEqualTo(zip);
  }

  /**
   * Write-ins that a spreadsheet would run as formulas (CSV formula injection) are stored in the
   * archive's ballot CSV with an apostrophe in front, so no cell starts with {@code = + - @}, a tab
   * or a carriage return; the command line reads them back as written and reproduces the result.
   */
  @Test
  void formulaLikeWriteInsAreNeutralisedInTheArchiveAndTheTallyStillReproducesTheResult(
      @TempDir Path dir) throws Exception {
    ResultsFixture f =
        new ResultsFixture(orgs, elections, voting, entries, users, jdbc, 10, true, 3);
    Round r1 = f.start(4, 10);
    List<String> writeInNames = List.of("=1+1", "-1+1", "+1", "@a", "=1+1", "'=SUM(A1)");
    List<String> ballots = new ArrayList<>();
    List<List<String>> writeIns = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      Map<String, Character> m = new java.util.HashMap<>();
      m.put(f.names.get(0), '1');
      m.put(f.names.get(1), '1');
      if (i < 4) {
        m.put(f.names.get(2), '1');
        writeIns.add(List.of());
      } else {
        writeIns.add(List.of(writeInNames.get(i - 4)));
      }
      ballots.add(ResultsFixture.keys(r1, m));
    }
    f.count(r1, ballots, writeIns);
    StoredDecision sd = f.decide(r1.number());
    Map<String, Long> storedWriteIns = new LinkedHashMap<>();
    sd.ranking().stream()
        .filter(c -> c.writeIn())
        .forEach(c -> storedWriteIns.put(c.name(), c.yes()));
    assertThat(storedWriteIns)
        .containsEntry("=1+1", 2L)
        .containsEntry("-1+1", 1L)
        .containsEntry("+1", 1L)
        .containsEntry("@a", 1L)
        .containsEntry("'=SUM(A1)", 1L);
    // only members 0 and 1 have a majority; the committee is completed in a further round
    Round r2 = as(f.admin, () -> voting.decisions().openNextRound(f.electionId, r1.number(), 1));
    List<String> second = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      second.add(ResultsFixture.keys(r2, Map.of(f.names.get(2), '1')));
    }
    f.count(r2, second);
    f.decide(r2.number());
    f.stageTwo();
    long id = f.electionId;
    run(f.admin, () -> results.submit(id, f.version()));
    run(f.officer, () -> results.decide(id, f.version(), ApprovalDecision.APPROVED, ""));
    as(f.admin, () -> results.archive(id, f.version()));
    Map<String, byte[]> files = unzip(as(f.admin, () -> results.archiveZip(id)));
    for (var e : files.entrySet()) {
      Path p = dir.resolve(e.getKey());
      Files.createDirectories(p.getParent());
      Files.write(p, e.getValue());
    }

    // no cell of any CSV of the archive starts like a formula
    for (var e : files.entrySet()) {
      if (!e.getKey().endsWith(".csv")) {
        continue;
      }
      for (String line : new String(e.getValue(), StandardCharsets.UTF_8).split("\n", -1)) {
        for (String cell : cells(line)) {
          assertThat(cell)
              .as(e.getKey() + "：" + line)
              .doesNotStartWith("=")
              .doesNotStartWith("+")
              .doesNotStartWith("-")
              .doesNotStartWith("@")
              .doesNotStartWith("\t")
              .doesNotStartWith("\r");
        }
      }
    }
    String csv = Files.readString(dir.resolve("rounds/round-1-ballots.csv"));
    assertThat(csv).contains("'=1+1:Y", "'-1+1:Y", "'+1:Y", "'@a:Y", "''=SUM(A1):Y");

    // the command line reads the names back as written in, and reproduces the stored result
    RoundFile file = RoundFile.read(dir.resolve("rounds/round-1.json"));
    String out = Json.pretty(RoundReport.json(RoundReport.of(file)));
    assertThat(out).isEqualTo(Files.readString(dir.resolve("rounds/round-1.tally.json")));
    Map<String, Long> cliWriteIns = new LinkedHashMap<>();
    for (JsonNode c : Json.parse(out, "tally").get("ranking")) {
      if (c.get("writeIn").asBoolean()) {
        cliWriteIns.put(c.get("name").asString(), c.get("yes").asLong());
      }
    }
    assertThat(cliWriteIns).isEqualTo(storedWriteIns);
    List<String> cliElected = new ArrayList<>();
    for (SeatOutcome o : file.decide().outcome().outcomes()) {
      if (o instanceof SeatOutcome.Elected x) {
        cliElected.addAll(x.candidateIds());
      }
    }
    assertThat(cliElected)
        .isEqualTo(
            sd.outcomes().stream()
                .filter(o -> o.type().equals("Elected"))
                .flatMap(o -> o.ids().stream())
                .toList());
  }

  /** The cells of a CSV line (double quotes, {@code ""} inside). */
  static List<String> cells(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cur.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }

  @Test
  void documentsCarryTheStoredNumbers() throws Exception {
    ResultsFixture f = decidedElection();
    long id = f.electionId;
    StoredDecision first =
        voting.progress().decisionOf(as(f.admin, () -> voting.rounds().round(id, 1))).orElseThrow();
    String pdf =
        xuanju.server.plan.PlanFixtures.pdfText(
            xuanju.server.documents.PdfDocument.render(as(f.admin, () -> results.report(id)))
                .pdf());
    // 应到会10, 实到会10, the quorum rule, every candidate's votes as stored
    // the rules as Chinese sentences with their source, no codes (issue 14)
    String flat = pdf.replaceAll("\\s+", "");
    assertThat(flat)
        .contains(
            "应到会10人，实到会10人",
            "超过应到会人数的五分之四（至少须9人），会议（投票）有效（《中国共产党基层组织选举工作条例",
            "票数相等，不能确定当选人",
            "第四十五条）")
        .doesNotContain("PARTY.QUORUM.4_5", "COUNT.TIE.REVOTE");
    for (var c : first.ranking()) {
      assertThat(pdf).contains(c.name());
    }
    assertThat(pdf).contains("有效票10张", "再次投票", f.names.get(1), "组织委员");
    String docx =
        xuanju.server.plan.PlanFixtures.docxText(
            xuanju.server.documents.DocxDocument.render(
                as(f.admin, () -> results.announcement(id))));
    assertThat(docx).contains(f.names.get(0) + "为书记", "实到会10人");
    byte[] xlsx = as(f.admin, () -> results.statistics(id)).toBytes();
    try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      var sheet = wb.getSheetAt(0);
      var fmt = new org.apache.poi.ss.usermodel.DataFormatter();
      // a title row, then one line per decided round with 应到会/实到会, then the header
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).endsWith("选举结果统计表");
      assertThat(sheet.getRow(1).getCell(0).getStringCellValue())
          .startsWith("第1轮")
          .contains("应到会 " + first.expected() + " 人，实到会 " + first.present() + " 人");
      Map<String, String> yesOfRound1 = new LinkedHashMap<>();
      for (int i = 1; i <= sheet.getLastRowNum(); i++) {
        var row = sheet.getRow(i);
        if (fmt.formatCellValue(row.getCell(0)).equals("1")) {
          yesOfRound1.put(
              fmt.formatCellValue(row.getCell(12)), fmt.formatCellValue(row.getCell(14)));
        }
      }
      Map<String, String> stored = new LinkedHashMap<>();
      first.ranking().forEach(c -> stored.put(c.name(), Long.toString(c.yes())));
      assertThat(yesOfRound1).isEqualTo(stored);
      assertThat(stored.get(f.names.get(0))).isEqualTo("10");
      assertThat(stored.get(f.names.get(1))).isEqualTo("8");
    }
  }
}
