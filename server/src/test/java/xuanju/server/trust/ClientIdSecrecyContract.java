package xuanju.server.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import xuanju.core.roster.ResidentIds;
import xuanju.server.access.Role;
import xuanju.server.backup.BackupService;
import xuanju.server.election.ElectionService;
import xuanju.server.plan.ApprovalDecision;
import xuanju.server.results.ResultsService;
import xuanju.server.support.SignIn;
import xuanju.server.voting.BallotClientKeys;
import xuanju.server.voting.EntryService;
import xuanju.server.voting.VotingModel.BallotInput;
import xuanju.server.voting.VotingModel.Round;
import xuanju.server.voting.VotingServices;

/**
 * Ballot secrecy of the client's ballot id (选票提交编号不留痕迹), on every supported database: a clerk's
 * client sends a voter's resident ID number (a valid GB 11643 number) as the idempotency key of a
 * ballot. The number must leave no trace — in no column of any table (while the entry is open,
 * after 录入完毕, after the stack is settled and the election archived), in no entry of the backup, in
 * no file of the election archive, in no log line — while a resend is still recognised as long as
 * the entry is open and is refused (409, nothing added) once it is finished.
 */
interface ClientIdSecrecyContract {
  ApplicationContext ctx();

  int port();

  Pattern POSITION = Pattern.compile("\"position\"\\s*:\\s*(\\d+)");
  Pattern STACK = Pattern.compile("\"stackId\"\\s*:\\s*(\\d+)");

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  default void aResidentIdNumberSentAsBallotIdLeavesNoTraceAndResendsStayExactlyOnce(
      CapturedOutput output) throws Exception {
    ApplicationContext ctx = ctx();
    JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
    DataSource ds = ctx.getBean(DataSource.class);
    VotingServices voting = ctx.getBean(VotingServices.class);
    EntryService entries = ctx.getBean(EntryService.class);
    ElectionService elections = ctx.getBean(ElectionService.class);
    ResultsService results = ctx.getBean(ResultsService.class);

    var v = TrustFixture.votingBegun(ctx, 10);
    long id = v.electionId();
    String tag = v.tag();
    String clerkA = TrustFixture.user(ctx, "cid-a-" + tag, v.organisationId(), Role.CLERK);
    String clerkB = TrustFixture.user(ctx, "cid-b-" + tag, v.organisationId(), Role.CLERK);
    String scrutineer = TrustFixture.user(ctx, "cid-s-" + tag, v.organisationId(), Role.SCRUTINEER);
    String manager =
        TrustFixture.user(ctx, "cid-m-" + tag, v.organisationId(), Role.ELECTION_ADMIN);
    String officer = TrustFixture.user(ctx, "cid-o-" + tag, v.townId(), Role.UPPER_OFFICER);

    // a valid resident ID number that nothing holds yet, ending in X (so case matters)
    Random random = new Random(20261122L);
    String rid;
    do {
      rid = residentId(random);
    } while (!scan(ds, variants(rid)).isEmpty());
    assertThat(ResidentIds.isValid(rid, LocalDate.now())).as(rid).isTrue();
    List<String> traces = variants(rid);
    String label = "密" + tag;
    assertThat(scan(ds, List.of(label))).as("检查前没有这叠选票").isEmpty();

    // 1. clerk A enters 10 ballots over HTTP; the 4th carries the resident ID number as its id
    String base = "http://localhost:" + port();
    String url = "/api/elections/" + id + "/rounds/1/ballots";
    List<String> marks =
        List.of("110", "110", "110", "011", "110", "110", "011", "110", "110", "110");
    WebClient a = WebClient.signIn(base, clerkA, TrustFixture.PASSWORD);
    long stackId = 0;
    for (int i = 0; i < marks.size(); i++) {
      String cid = i == 3 ? rid : UUID.randomUUID().toString();
      var r = a.postJson(url, body(cid, marks.get(i), label, "A"));
      assertThat(r.status()).as(r.body()).isEqualTo(201);
      assertThat(number(POSITION, r.body())).isEqualTo(i + 1);
      stackId = number(STACK, r.body());
    }
    // a resend with the same id is recognised through the stored hash: 200, same position
    var again = a.postJson(url, body(rid, "011", label, "A"));
    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertThat(again.body()).contains("\"duplicate\":true");
    assertThat(number(POSITION, again.body())).isEqualTo(4);
    // the same id with other marks is refused, and the answer does not repeat the id
    var other = a.postJson(url, body(rid, "101", label, "A"));
    assertThat(other.status()).as(other.body()).isEqualTo(409);
    assertThat(other.body()).contains("ENTRY.CLIENT_ID.INVALID", "第4张").doesNotContain(rid);
    // bodies that carry the number badly are refused (400) without repeating it
    for (String bad :
        List.of(
            "{\"clientId\":" + rid + ",\"marks\":\"110\",\"stack\":\"" + label + "\"}",
            "{\"clientId\":[\"" + rid + "\"],\"marks\":\"110\",\"stack\":\"" + label + "\"}",
            // an unquoted token: the parser's own message would quote it (the log is checked below)
            "{\"clientId\":x" + rid + ",\"marks\":\"110\",\"stack\":\"" + label + "\"}",
            body(rid + "!", "110", label, "A"))) {
      var r = a.postJson(url, bad);
      assertThat(r.status()).as(bad + " → " + r.body()).isEqualTo(400);
      assertThat(hits(r.body(), traces)).as(r.body()).isEmpty();
    }
    long entryA =
        jdbc.queryForObject(
            "SELECT id FROM ballot_entry WHERE stack_id = ? AND side = 'A'", Long.class, stackId);
    assertThat(records(jdbc, entryA)).as("重发未重复计入").isEqualTo(10);

    // what is stored is the keyed hash of the id (while the entry is open), never the id
    String stored =
        jdbc.queryForObject(
            "SELECT client_id FROM ballot_record WHERE entry_id = ? AND position = 4",
            String.class,
            entryA);
    assertThat(stored)
        .isEqualTo(ctx.getBean(BallotClientKeys.class).hash(rid))
        .matches("[0-9a-f]{64}");
    assertThat(scan(ds, List.of(label))).as("扫描能找到这叠选票（对照）").isNotEmpty();
    assertThat(scan(ds, traces)).as("录入中：任何表都没有这个身份证号码").isEmpty();

    // 2. 录入完毕: the entry's hashes are dropped; a resend is answered 409 and adds nothing
    var done =
        a.postJson(
            "/api/elections/" + id + "/rounds/1/stacks/" + stackId + "/entries/A/finish", "{}");
    assertThat(done.status()).as(done.body()).isEqualTo(200);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM ballot_record WHERE entry_id = ? AND client_id IS NOT NULL",
                Long.class,
                entryA))
        .as("录入完毕后不再保留提交编号")
        .isZero();
    var late = a.postJson(url, body(rid, "011", label, "A"));
    assertThat(late.status()).as(late.body()).isEqualTo(409);
    assertThat(late.body()).contains("ENTRY.FINISHED", "不会重复计入").doesNotContain(rid);
    var lateOther = a.postJson(url, body(UUID.randomUUID().toString(), "110", label, "A"));
    assertThat(lateOther.status()).isEqualTo(409);
    assertThat(records(jdbc, entryA)).isEqualTo(10);
    assertThat(scan(ds, traces)).as("录入A完毕后：任何表都没有这个身份证号码").isEmpty();

    // 3. clerk B's pass (the same number again as one id), the scrutineer settles
    WebClient b = WebClient.signIn(base, clerkB, TrustFixture.PASSWORD);
    for (int i = 0; i < marks.size(); i++) {
      String cid = i == 3 ? rid : UUID.randomUUID().toString();
      var r = b.postJson(url, body(cid, marks.get(i), label, "B"));
      assertThat(r.status()).as(r.body()).isEqualTo(201);
    }
    var doneB =
        b.postJson(
            "/api/elections/" + id + "/rounds/1/stacks/" + stackId + "/entries/B/finish", "{}");
    assertThat(doneB.status()).as(doneB.body()).isEqualTo(200);
    long stack = stackId;
    int version = as(manager, () -> voting.rounds().stacks(id, 1)).get(0).version();
    run(scrutineer, () -> entries.settle(id, 1, stack, version));
    assertThat(as(manager, () -> voting.rounds().stacks(id, 1)).get(0).settled()).isTrue();
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM ballot_record r JOIN ballot_entry e ON e.id = r.entry_id"
                    + " WHERE e.stack_id = ? AND r.client_id IS NOT NULL",
                Long.class,
                stack))
        .isZero();
    assertThat(scan(ds, traces)).as("核对认定完毕后：任何表都没有这个身份证号码").isEmpty();

    // 4. the election to its archive: round 1 decided (members 0 and 1 elected), the secretary
    long box = as(manager, () -> voting.stations().stations(id)).get(0).boxes().get(0).id();
    run(clerkA, () -> voting.rounds().recordBoxCount(id, 1, box, 10, 10, 0));
    run(manager, () -> voting.decisions().decide(id, 1, voting.rounds().round(id, 1).version()));
    run(
        manager,
        () -> voting.secondStage().openSecondStage(id, List.of(v.names().get(0)), List.of()));
    run(
        clerkA,
        () ->
            voting
                .checkIn()
                .voters(id, 2)
                .forEach(voter -> voting.checkIn().checkIn(id, 2, voter.key())));
    run(manager, () -> voting.rounds().beginVoting(id, 2, elections.get(id).version()));
    int second = as(manager, () -> voting.rounds().rounds(id)).size();
    Round r2 = as(manager, () -> voting.rounds().round(id, second));
    List<String> yes = List.of("1", "1");
    run(clerkA, () -> yes.forEach(m -> entries.submit(id, second, ballot(m, "A"))));
    run(clerkB, () -> yes.forEach(m -> entries.submit(id, second, ballot(m, "B"))));
    long s2 = as(manager, () -> voting.rounds().stacks(id, second)).get(0).id();
    run(clerkA, () -> entries.finishEntry(id, second, s2, "A"));
    run(clerkB, () -> entries.finishEntry(id, second, s2, "B"));
    int v2 = as(manager, () -> voting.rounds().stacks(id, second)).get(0).version();
    run(scrutineer, () -> entries.settle(id, second, s2, v2));
    run(clerkA, () -> voting.rounds().recordBoxCount(id, second, box, 2, 2, 0));
    run(
        manager,
        () ->
            voting
                .decisions()
                .decide(id, r2.number(), voting.rounds().round(id, second).version()));
    run(manager, () -> voting.secondStage().recordPortfolio(id, v.names().get(1), "组织委员"));
    assertThat(as(manager, () -> voting.progress().readyForResults(id))).isTrue();
    run(manager, () -> results.submit(id, elections.get(id).version()));
    run(
        officer,
        () -> results.decide(id, elections.get(id).version(), ApprovalDecision.APPROVED, ""));
    run(manager, () -> results.archive(id, elections.get(id).version()));
    byte[] archive = as(manager, () -> results.archiveZip(id));
    assertThat(scan(ds, traces)).as("归档后：任何表都没有这个身份证号码").isEmpty();

    // 5. the election archive: every file, as text (PDF, Word, Excel extracted) and as bytes
    Map<String, byte[]> archived = unzip(archive);
    assertThat(archived).isNotEmpty();
    StringBuilder all = new StringBuilder();
    for (var f : archived.entrySet()) {
      String text = BallotSecrecyTest.text(f.getKey(), f.getValue());
      all.append(text);
      assertThat(hits(text, traces)).as("档案 " + f.getKey()).isEmpty();
      assertThat(hits(new String(f.getValue(), StandardCharsets.UTF_8), traces))
          .as("档案 " + f.getKey())
          .isEmpty();
    }
    assertThat(all.toString()).as("档案文字可读（对照）").contains(tag);

    // 6. the backup: every entry; the ballots are there, their client ids are not
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    SignIn.as("admin", true, () -> ctx.getBean(BackupService.class).backup(zip));
    Map<String, byte[]> backup = unzip(zip.toByteArray());
    String records = "";
    String stacks = "";
    for (var f : backup.entrySet()) {
      String text = new String(f.getValue(), StandardCharsets.UTF_8);
      assertThat(hits(text, traces)).as("备份 " + f.getKey()).isEmpty();
      if (f.getKey().endsWith("-ballot_record.jsonl")) {
        records = text;
      }
      if (f.getKey().endsWith("-ballot_stack.jsonl")) {
        stacks = text;
      }
    }
    assertThat(stacks).as("备份中有这叠选票（对照）").contains(label);
    assertThat(records).as("备份中有这些选票").contains("\"marks\":\"AYY\"", "\"client_id\":null");
    assertThat(records).doesNotContain("\"client_id\":\"");

    // 7. the application log: what the test captured and the log file
    System.out.println("提交编号检查：数据库、备份 " + backup.size() + " 个文件、档案 " + archived.size() + " 个文件");
    String log = output.getAll();
    Path file = Path.of(ctx.getBean(Environment.class).getRequiredProperty("logging.file.name"));
    if (Files.exists(file)) {
      log += Files.readString(file, StandardCharsets.UTF_8);
    }
    assertThat(log).as("捕获到了控制台输出（对照）").contains("提交编号检查");
    assertThat(hits(log, traces)).as("应用日志").isEmpty();
  }

  // ------------------------------------------------------------------ helpers

  private static <T> T as(String user, Supplier<T> body) {
    List<T> out = new ArrayList<>();
    SignIn.as(user, false, () -> out.add(body.get()));
    return out.get(0);
  }

  private static void run(String user, Runnable body) {
    SignIn.as(user, false, body);
  }

  private static BallotInput ballot(String marks, String side) {
    return new BallotInput(
        UUID.randomUUID().toString(), null, marks, null, List.of(), false, null, null, side);
  }

  private static String body(String clientId, String marks, String stack, String side) {
    return "{\"clientId\":\""
        + clientId
        + "\",\"marks\":\""
        + marks
        + "\",\"stack\":\""
        + stack
        + "\",\"entry\":\""
        + side
        + "\"}";
  }

  private static long number(Pattern p, String json) {
    Matcher m = p.matcher(json);
    assertThat(m.find()).as(json).isTrue();
    return Long.parseLong(m.group(1));
  }

  private static long records(JdbcTemplate jdbc, long entryId) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM ballot_record WHERE entry_id = ?", Long.class, entryId);
  }

  /** A valid GB 11643 number (region 320102, born 1967-12-31) whose check character is X. */
  static String residentId(Random random) {
    while (true) {
      String first17 = "32010219671231" + String.format("%03d", random.nextInt(1000));
      char check = ResidentIds.checkCharacter(first17);
      if (check == 'X') {
        return first17 + check;
      }
    }
  }

  /**
   * The number and its obvious variants: as sent (matched ignoring case, so also with a small x),
   * without the check character, reversed, with spaces, as hex and Base64 of its bytes, and its
   * plain (unkeyed) SHA-256, which anyone could compute from a list of ID numbers.
   */
  static List<String> variants(String rid) {
    byte[] bytes = rid.getBytes(StandardCharsets.UTF_8);
    List<String> out = new ArrayList<>();
    out.add(rid);
    out.add(rid.substring(0, 17));
    out.add(new StringBuilder(rid).reverse().toString());
    out.add(rid.substring(0, 6) + " " + rid.substring(6, 14) + " " + rid.substring(14));
    out.add(HexFormat.of().formatHex(bytes));
    out.add(Base64.getEncoder().encodeToString(bytes));
    out.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    for (String s : List.of(rid, rid.toLowerCase(Locale.ROOT))) {
      try {
        out.add(
            HexFormat.of()
                .formatHex(
                    MessageDigest.getInstance("SHA-256")
                        .digest(s.getBytes(StandardCharsets.UTF_8))));
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
    return out;
  }

  /** The variants found in a text, ignoring case. */
  static List<String> hits(String text, List<String> variants) {
    String t = text.toLowerCase(Locale.ROOT);
    return variants.stream().filter(x -> t.contains(x.toLowerCase(Locale.ROOT))).toList();
  }

  /** Every column of every table (JDBC metadata): "table.column: variant" for each value found. */
  static List<String> scan(DataSource ds, List<String> variants) throws Exception {
    List<String> found = new ArrayList<>();
    try (var con = ds.getConnection()) {
      DatabaseMetaData md = con.getMetaData();
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = md.getTables(null, con.getSchema(), "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_NAME"));
        }
      }
      assertThat(tables).contains("ballot_record", "audit_event", "party_member");
      for (String t : tables) {
        try (var st = con.createStatement();
            ResultSet rs = st.executeQuery("SELECT * FROM \"" + t + "\"")) {
          ResultSetMetaData cols = rs.getMetaData();
          while (rs.next()) {
            for (int i = 1; i <= cols.getColumnCount(); i++) {
              Object value = rs.getObject(i);
              if (value == null) {
                continue;
              }
              String text =
                  value instanceof byte[] b
                      ? new String(b, StandardCharsets.UTF_8) + " " + HexFormat.of().formatHex(b)
                      : String.valueOf(value);
              for (String hit : hits(text, variants)) {
                found.add(t + "." + cols.getColumnName(i) + "：" + hit);
              }
            }
          }
        }
      }
    }
    return found;
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
}
