package xuanju.server.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.sql.DataSource;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import xuanju.server.access.Role;
import xuanju.server.backup.BackupService;
import xuanju.server.plan.PlanFixtures;
import xuanju.server.support.H2AppTest;
import xuanju.server.support.SignIn;

/**
 * Ballot secrecy (无记名投票): the schema (every table, from JDBC metadata), every export (backup, every
 * file download of the election-day and results pages), the application log and the audit log never
 * put a voter identifier next to a ballot's contents.
 */
class BallotSecrecyTest extends H2AppTest {
  /** Columns that hold what a ballot says (one ballot's reading or the counts of a box). */
  static final Set<String> CONTENT_COLUMNS =
      Set.of(
          "marks",
          "write_ins",
          "write_in",
          "identifying",
          "counts_json",
          "write_ins_json",
          "reading");

  /** Words in a column name that point at a person, a check-in or a moment. */
  static final List<String> FORBIDDEN_IN_BALLOT_TABLES =
      List.of(
          "member",
          "voter",
          "checkin",
          "check_in",
          "person",
          "resident",
          "attendee",
          "name",
          "phone",
          "_at",
          "time",
          "date",
          "created",
          "seq");

  static final Set<Integer> TIME_TYPES =
      Set.of(
          Types.DATE,
          Types.TIME,
          Types.TIMESTAMP,
          Types.TIME_WITH_TIMEZONE,
          Types.TIMESTAMP_WITH_TIMEZONE);

  @Autowired DataSource dataSource;
  @Autowired ApplicationContext ctx;
  @Autowired JdbcTemplate jdbc;
  @Autowired MockMvc mvc;
  @Autowired BackupService backups;
  @Autowired Environment env;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Value("${local.server.port}")
  int port;

  record Column(String name, int type) {}

  /** Every table of the schema: name → columns, and name → the tables it references. */
  private Map<String, List<Column>> columns(Map<String, Set<String>> references) throws Exception {
    Map<String, List<Column>> out = new LinkedHashMap<>();
    try (var con = dataSource.getConnection()) {
      DatabaseMetaData md = con.getMetaData();
      String schema = con.getSchema();
      try (ResultSet rs = md.getTables(null, schema, "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          out.put(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT), new ArrayList<>());
        }
      }
      for (String t : out.keySet()) {
        try (ResultSet rs = md.getColumns(null, schema, t, null)) {
          while (rs.next()) {
            out.get(t)
                .add(
                    new Column(
                        rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
                        rs.getInt("DATA_TYPE")));
          }
        }
        Set<String> refs = new TreeSet<>();
        try (ResultSet rs = md.getImportedKeys(null, schema, t)) {
          while (rs.next()) {
            refs.add(rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT));
          }
        }
        references.put(t, refs);
      }
    }
    return out;
  }

  @Test
  void noTableHoldingBallotContentsReferencesAVoterACheckInOrATime() throws Exception {
    Map<String, Set<String>> refs = new HashMap<>();
    Map<String, List<Column>> tables = columns(refs);
    assertThat(tables)
        .containsKeys("ballot_record", "ballot_ruling", "voting_checkin", "party_member");
    List<String> ballotTables =
        tables.entrySet().stream()
            .filter(e -> e.getValue().stream().anyMatch(c -> CONTENT_COLUMNS.contains(c.name())))
            .map(Map.Entry::getKey)
            .sorted()
            .toList();
    System.out.println("含选票内容的表：" + ballotTables + "（共检查 " + tables.size() + " 张表）");
    assertThat(ballotTables).contains("ballot_record", "ballot_ruling", "aggregate_count");
    List<String> wrong = new ArrayList<>();
    for (String t : ballotTables) {
      for (Column c : tables.get(t)) {
        for (String word : FORBIDDEN_IN_BALLOT_TABLES) {
          if (c.name().contains(word)) {
            wrong.add(t + "." + c.name() + "（含「" + word + "」）");
          }
        }
        if (TIME_TYPES.contains(c.type())) {
          wrong.add(t + "." + c.name() + "（时间类型）");
        }
      }
      // everything reachable over foreign keys from a ballot table
      Set<String> reach = new TreeSet<>();
      List<String> todo = new ArrayList<>(refs.getOrDefault(t, Set.of()));
      while (!todo.isEmpty()) {
        String next = todo.remove(todo.size() - 1);
        if (reach.add(next)) {
          todo.addAll(refs.getOrDefault(next, Set.of()));
        }
      }
      for (String person :
          List.of("party_member", "voting_checkin", "voting_box_voter", "app_user")) {
        if (reach.contains(person)) {
          wrong.add(t + " 经外键可达 " + person);
        }
      }
    }
    assertThat(wrong).as("含选票内容的表不得引用选民、签到或时间").isEmpty();
  }

  @Test
  void theCheckInTableHoldsNoBallotReferenceAndNothingReferencesIt() throws Exception {
    Map<String, Set<String>> refs = new HashMap<>();
    Map<String, List<Column>> tables = columns(refs);
    for (Column c : tables.get("voting_checkin")) {
      assertThat(c.name())
          .as("voting_checkin." + c.name())
          .doesNotContain(
              "ballot", "stack", "entry", "position", "client", "marks", "round", "box");
    }
    assertThat(refs.get("voting_checkin")).as("签到表只引用选举").containsOnly("election");
    refs.forEach((t, r) -> assertThat(r).as(t + " 不得引用签到表").doesNotContain("voting_checkin"));
  }

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void exportsLogsAndAuditNeverPutAVoterNextToBallotContents(CapturedOutput output)
      throws Exception {
    var v = TrustFixture.votingBegun(ctx, 10);
    String clerk =
        TrustFixture.user(ctx, "secret-clerk-" + v.tag(), v.organisationId(), Role.CLERK);
    WebClient c = WebClient.signIn("http://localhost:" + port, clerk, TrustFixture.PASSWORD);
    String url = "/api/elections/" + v.electionId() + "/rounds/1/ballots";
    List<String> clientIds = new ArrayList<>();
    java.util.Random random = new java.util.Random(20261121L);
    for (int i = 0; i < 5; i++) {
      clientIds.add(post(c, url, clientIds, random));
    }
    // single ballots are not audited one by one: no event (and so no time) per ballot
    long before = auditEvents(v.electionId());
    for (int i = 0; i < 15; i++) {
      clientIds.add(post(c, url, clientIds, random));
    }
    assertThat(auditEvents(v.electionId())).as("逐张录入不写审计日志").isEqualTo(before);
    // a time-based client id is refused
    var v1 = c.postJson(url, body("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "120"));
    assertThat(v1.status()).isEqualTo(400);
    assertThat(v1.body()).contains("ENTRY.CLIENT_ID.INVALID");

    // who must never stand next to ballot contents: every member (name, ID number, voter key)
    List<String> voterIds = new ArrayList<>();
    for (int i = 0; i < v.memberIds().size(); i++) {
      voterIds.add(v.residentIds().get(i));
      if (i >= 3) { // candidates' names are printed on the ballot by design
        voterIds.add(v.names().get(i));
      }
    }

    // the backup: per table file
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    SignIn.as("admin", true, () -> backups.backup(zip));
    Map<String, String> files = unzip(zip.toByteArray());
    String records =
        files.entrySet().stream()
            .filter(e -> e.getKey().endsWith("-ballot_record.jsonl"))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElseThrow();
    // the ballots are in the backup (their readings), their client ids are not: the column is
    // written as null (ClientIdSecrecyContract checks every table, backup entry, archive and log)
    assertThat(records.lines().count()).as("备份中有这些选票").isGreaterThanOrEqualTo(clientIds.size());
    assertThat(records).contains("\"client_id\":null").doesNotContain("\"client_id\":\"");
    int checkedFiles = 0;
    for (var f : files.entrySet()) {
      checkedFiles++;
      for (String id : clientIds) {
        assertThat(f.getValue()).as("备份 " + f.getKey() + " 中不应有选票编号").doesNotContain(id);
      }
      // a table file holding ballot contents (a content column) must not name a voter
      boolean ballots =
          CONTENT_COLUMNS.stream().anyMatch(col -> f.getValue().contains("\"" + col + "\":"));
      checkDocument("备份 " + f.getKey(), f.getValue(), ballots, voterIds);
    }
    String checkins =
        files.entrySet().stream()
            .filter(e -> e.getKey().endsWith("-voting_checkin.jsonl"))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElseThrow();
    assertThat(checkins).as("签到记录在备份中（作对照）").contains(v.names().get(5));
    assertThat(checkins).doesNotContain("\"marks\"", "\"position\"", "\"client_id\"");

    // every file download of the election-day and results pages
    List<String> downloads = new ArrayList<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
      if (!ResponseEntity.class.isAssignableFrom(e.getValue().getMethod().getReturnType())) {
        continue;
      }
      var verbs = e.getKey().getMethodsCondition().getMethods();
      if (!verbs.isEmpty() && verbs.stream().noneMatch(m -> m.name().equals("GET"))) {
        continue;
      }
      for (String pattern : e.getKey().getPatternValues()) {
        if (!pattern.matches("/elections/\\{id}/(voting|results)/.*")) {
          continue;
        }
        for (String format : List.of("pdf", "docx", "xlsx", "csv", "zip")) {
          String path =
              pattern
                  .replace("{id}", "" + v.electionId())
                  .replace("{r}", "1")
                  .replace("{format}", format)
                  .replace("{ext}", format);
          if (path.contains("{")) {
            continue;
          }
          MvcResult r =
              mvc.perform(get(path).with(user("admin").roles("ADMIN", "USER"))).andReturn();
          int status = r.getResponse().getStatus();
          System.out.println("下载 " + path + " → " + status);
          if (status == 200) {
            downloads.add(path);
            String t = text(path, r.getResponse().getContentAsByteArray());
            checkDocument(path, t, clientIds.stream().anyMatch(t::contains), voterIds);
          }
          if (!pattern.contains("{format}") && !pattern.contains("{ext}")) {
            break;
          }
        }
      }
    }
    assertThat(downloads).as("至少检查了选票PDF").anyMatch(p -> p.endsWith("ballot.pdf"));
    System.out.println("检查了备份中的 " + checkedFiles + " 个文件和下载 " + downloads);

    // the application log written while the ballots were entered (console; the log file of a
    // separate server process is checked by BallotDurabilityTest)
    String logText = output.getAll();
    Path log = Path.of(env.getRequiredProperty("logging.file.name"));
    if (Files.exists(log)) {
      logText += Files.readString(log, StandardCharsets.UTF_8);
    }
    assertThat(logText).as("捕获到了控制台输出").contains("下载 ");
    checkDocument("应用日志", logText, true, voterIds);
    for (String id : clientIds) {
      assertThat(logText).as("日志中不应出现选票编号").doesNotContain(id);
    }
    for (String id : voterIds) {
      assertThat(logText).as("日志中不应出现党员姓名或身份证号码").doesNotContain(id);
    }
    // the audit log: no ballot id, ever
    List<String> summaries =
        jdbc.queryForList(
            "SELECT summary FROM audit_event WHERE subject = ?",
            String.class,
            "election:" + v.electionId());
    for (String s : summaries) {
      for (String id : clientIds) {
        assertThat(s).doesNotContain(id);
      }
    }
  }

  private long auditEvents(long electionId) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM audit_event WHERE subject = ?", Long.class, "election:" + electionId);
  }

  private static String body(String id, String marks) {
    return "{\"clientId\":\""
        + id
        + "\",\"marks\":\""
        + marks
        + "\",\"stack\":\"s1\",\"entry\":\"A\"}";
  }

  private static String post(WebClient c, String url, List<String> ids, java.util.Random r)
      throws Exception {
    String id = UUID.randomUUID().toString();
    var res = c.postJson(url, body(id, BallotDurabilityTest.marks(r)));
    assertThat(res.status()).as(res.body()).isEqualTo(201);
    return id;
  }

  /**
   * A document that holds ballot contents must not name a voter; the check is per file (a backup's
   * table files are separate documents).
   */
  private static void checkDocument(
      String what, String text, boolean hasBallots, List<String> voterIds) {
    if (!hasBallots) {
      return;
    }
    for (String id : voterIds) {
      assertThat(text).as(what + "：含选票内容的文件中不得出现选民身份").doesNotContain(id);
    }
  }

  private static Map<String, String> unzip(byte[] zip) throws Exception {
    Map<String, String> out = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        byte[] b = in.readAllBytes();
        out.put(e.getName(), text(e.getName(), b));
      }
    }
    return out;
  }

  /** The text of a downloaded file: PDF, Word, Excel, zip (all its entries) or plain text. */
  static String text(String name, byte[] b) throws Exception {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith(".pdf")) {
      return PlanFixtures.pdfText(b);
    }
    if (n.endsWith(".docx")) {
      return PlanFixtures.docxText(b);
    }
    if (n.endsWith(".xlsx")) {
      StringBuilder s = new StringBuilder();
      try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(b))) {
        for (Sheet sheet : wb) {
          for (Row row : sheet) {
            for (Cell cell : row) {
              s.append(cell.toString()).append('\t');
            }
            s.append('\n');
          }
        }
      }
      return s.toString();
    }
    if (n.endsWith(".zip")) {
      StringBuilder s = new StringBuilder();
      unzip(b).forEach((k, val) -> s.append(k).append('\n').append(val).append('\n'));
      return s.toString();
    }
    return new String(b, StandardCharsets.UTF_8);
  }
}
