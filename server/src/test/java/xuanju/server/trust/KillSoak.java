package xuanju.server.trust;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.builder.SpringApplicationBuilder;
import xuanju.server.XuanjuApplication;
import xuanju.server.access.Role;

/**
 * Kill soak of ballot entry (强制终止浸泡测试): the protocol of issue 13, run for many cycles. The real
 * server runs as a separate process; N clerks, each signed in with its own session, post ballots
 * into their own stacks through {@code POST /api/elections/{id}/rounds/{r}/ballots}; at a random
 * moment the server gets SIGKILL; it is started again after a delay; then every ballot sent in the
 * cycle is sent again with the same client id. An acknowledged ballot answered "new" (201) again is
 * <b>lost</b>; a ballot whose resend names another position than its acknowledgement, or a stack
 * whose records outnumber the distinct ballots sent to it, is <b>duplicated</b>. At the end the
 * database itself is checked: each stack's records are positions 1..n, n = the ballots sent.
 *
 * <p>Databases: {@code default} (the built-in PostgreSQL that Xuanju starts under its data folder;
 * every second cycle its server processes are SIGKILLed too, as in a power cut of the machine's
 * processes), {@code postgres} (a separate PostgreSQL server, only Xuanju is killed) and {@code h2}
 * (the embedded H2 file, for comparison). Run by {@code bench/kill-soak.sh}; a short run is {@link
 * KillSoakTest}.
 */
public final class KillSoak {
  /** How a run is set up. */
  public record Config(
      String database,
      int cycles,
      int clerks,
      double killMinSeconds,
      double killMaxSeconds,
      double restartDelaySeconds,
      long seed,
      Path workDir) {}

  /** What a run found. */
  public record Report(
      String database,
      int cycles,
      long sent,
      long acknowledged,
      long lost,
      long duplicated,
      long lostCycles,
      long busyRetries,
      long uncleanChecksSeen,
      List<String> problems) {
    public String summary() {
      return String.format(
          "kill-soak %s: %d cycles, %d ballots sent, %d acknowledged before a kill, %d lost (in %d"
              + " cycles), %d duplicated, %d resends after 503, start-up self-check seen after %d"
              + " kills, %d other problems",
          database,
          cycles,
          sent,
          acknowledged,
          lost,
          lostCycles,
          duplicated,
          busyRetries,
          uncleanChecksSeen,
          problems.size());
    }
  }

  private static final Pattern POSITION = Pattern.compile("\"position\"\\s*:\\s*(\\d+)");
  private static final String PASSWORD = "Soak-Admin-2026";

  private final Config config;
  private final Random random;
  private final List<String> args = new ArrayList<>();
  private final Path data;
  private String jdbcUrl;
  private String jdbcUser;
  private String jdbcPassword = "";
  private long sent;
  private long acked;
  private long lost;
  private long duplicated;
  private long lostCycles;
  private long busy;
  private long checksSeen;
  private final List<String> problems = Collections.synchronizedList(new ArrayList<>());

  /** Stack label → client ids sent to it (in any cycle) → the position it was given. */
  private final Map<String, Map<String, Integer>> known = new HashMap<>();

  private KillSoak(Config config) {
    this.config = config;
    this.random = new Random(config.seed());
    this.data = config.workDir().resolve("data");
  }

  public static Report run(Config config) throws Exception {
    return new KillSoak(config).soak();
  }

  private Report soak() throws Exception {
    Files.createDirectories(data);
    args.add("--xuanju.data-dir=" + data);
    args.add("--xuanju.admin.initial-password=" + PASSWORD);
    args.add("--xuanju.demo=false");
    switch (config.database()) {
      case "default" -> args.add("--xuanju.db=embedded");
      case "h2" -> {
        args.add("--xuanju.db=h2");
        jdbcUrl =
            "jdbc:h2:file:"
                + data.resolve("db").resolve("xuanju")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        jdbcUser = "xuanju";
      }
      case "postgres" -> {
        jdbcUrl = separatePostgres(config.workDir());
        jdbcUser = "postgres";
        args.add("--spring.datasource.url=" + jdbcUrl);
        args.add("--spring.datasource.username=postgres");
        args.add("--spring.datasource.password=");
      }
      default -> throw new IllegalArgumentException("database: default | postgres | h2");
    }

    // the election, prepared in-process on the same database, then closed
    TrustFixture.Voting v;
    String clerk;
    List<String> setup = new ArrayList<>(args);
    setup.add("--server.port=0");
    setup.add("--logging.level.root=WARN");
    try (var ctx =
        new SpringApplicationBuilder(XuanjuApplication.class).run(setup.toArray(String[]::new))) {
      v = TrustFixture.votingBegun(ctx, 10);
      clerk = TrustFixture.user(ctx, "soak-clerk-" + v.tag(), v.organisationId(), Role.CLERK);
      if ("default".equals(config.database())) {
        var env = ctx.getEnvironment();
        jdbcUrl = env.getProperty("spring.datasource.url");
        jdbcUser = env.getProperty("spring.datasource.username");
        jdbcPassword = env.getProperty("spring.datasource.password");
      }
    }
    String ballots = "/api/elections/" + v.electionId() + "/rounds/1/ballots";

    ServerProcess server = start(0);
    try {
      for (int cycle = 1; cycle <= config.cycles(); cycle++) {
        boolean powerCut = "default".equals(config.database()) && cycle % 2 == 0;
        List<Attempt> attempts = burst(server, ballots, clerk, cycle, powerCut);
        server.close();
        Thread.sleep((long) (config.restartDelaySeconds() * 1000));
        server = start(cycle);
        if (Files.readString(server.console).contains("上次运行未正常关闭")) {
          checksSeen++;
        }
        resend(server, ballots, clerk, attempts, cycle);
        if (cycle % 10 == 0 || cycle == config.cycles()) {
          System.out.printf(
              "[%s] cycle %d/%d: sent %d, acknowledged %d, lost %d, duplicated %d%n",
              config.database(), cycle, config.cycles(), sent, acked, lost, duplicated);
        }
      }
      server.stop();
    } finally {
      server.close();
    }
    checkDatabase(v.electionId());
    return new Report(
        config.database(),
        config.cycles(),
        sent,
        acked,
        lost,
        duplicated,
        lostCycles,
        busy,
        checksSeen,
        List.copyOf(problems));
  }

  private ServerProcess start(int cycle) throws IOException, InterruptedException {
    return ServerProcess.start(
        config.workDir(), config.database() + "-" + cycle, args, "-XX:TieredStopAtLevel=1");
  }

  /**
   * One ballot as sent: its id, stack and marks, and the answer (status 0: no answer); also used by
   * {@link BallotDurabilityTest}.
   */
  static final class Attempt {
    final String clientId = UUID.randomUUID().toString();
    final String stack;
    final String marks;
    volatile int status;
    volatile int position;

    Attempt(String stack, String marks) {
      this.stack = stack;
      this.marks = marks;
    }

    String body() {
      return "{\"clientId\":\""
          + clientId
          + "\",\"marks\":\""
          + marks
          + "\",\"stack\":\""
          + stack
          + "\",\"entry\":\"A\"}";
    }

    boolean acknowledged() {
      return status == 200 || status == 201;
    }
  }

  private List<Attempt> burst(
      ServerProcess server, String ballots, String clerk, int cycle, boolean powerCut)
      throws Exception {
    List<WebClient> sessions = new ArrayList<>();
    for (int c = 0; c < config.clerks(); c++) {
      sessions.add(WebClient.signIn(server.url(), clerk, TrustFixture.PASSWORD));
    }
    List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch done = new CountDownLatch(config.clerks());
    long seed = random.nextLong();
    for (int c = 0; c < config.clerks(); c++) {
      final int client = c;
      Thread t =
          new Thread(
              () -> {
                Random r = new Random(seed + client);
                try {
                  while (!stop.get()) {
                    Attempt a = new Attempt("k" + client, marks(r));
                    attempts.add(a);
                    WebClient.Response resp = sessions.get(client).postJson(ballots, a.body());
                    a.status = resp.status();
                    if (a.acknowledged()) {
                      a.position = position(resp.body());
                    } else if (resp.status() != 503) {
                      problems.add("第" + cycle + "轮录入：" + resp.status() + " " + resp.body());
                      return;
                    }
                  }
                } catch (IOException | InterruptedException killed) {
                  // the server went away: this ballot has no answer
                } finally {
                  done.countDown();
                }
              },
              "soak-clerk-" + c);
      t.start();
    }
    double span = config.killMaxSeconds() - config.killMinSeconds();
    Thread.sleep((long) ((config.killMinSeconds() + random.nextDouble() * span) * 1000));
    // SIGKILL while the clerks are sending; then they see the connection fail and stop
    server.kill();
    if (powerCut) {
      killLocalPostgres();
    }
    stop.set(true);
    done.await();
    return attempts;
  }

  private void resend(
      ServerProcess server, String ballots, String clerk, List<Attempt> attempts, int cycle)
      throws Exception {
    WebClient s = WebClient.signIn(server.url(), clerk, TrustFixture.PASSWORD);
    boolean lostHere = false;
    List<Attempt> snapshot;
    synchronized (attempts) {
      snapshot = new ArrayList<>(attempts);
    }
    for (Attempt a : snapshot) {
      WebClient.Response r = s.postJson(ballots, a.body());
      for (int retry = 0; r.status() == 503 && retry < 60; retry++) {
        busy++;
        Thread.sleep(1000);
        r = s.postJson(ballots, a.body());
      }
      sent++;
      if (r.status() != 200 && r.status() != 201) {
        problems.add("第" + cycle + "轮重发 " + a.stack + "：" + r.status() + " " + r.body());
        continue;
      }
      int pos = position(r.body());
      if (a.acknowledged()) {
        acked++;
        if (r.status() == 201) {
          lost++;
          lostHere = true;
        } else if (pos != a.position) {
          duplicated++;
          problems.add("第" + cycle + "轮：确认时第" + a.position + "张，重发后第" + pos + "张");
        }
      }
      Integer before = known.computeIfAbsent(a.stack, k -> new HashMap<>()).put(a.clientId, pos);
      if (before != null && before != pos) {
        duplicated++;
      }
    }
    if (lostHere) {
      lostCycles++;
    }
  }

  /** Every stack: records at positions 1..n, n = the distinct ballots sent, counter n. */
  private void checkDatabase(long electionId) throws Exception {
    String sql =
        "SELECT s.label, COUNT(*), COUNT(DISTINCT r.position), MAX(r.position), MAX(e.ballots)"
            + " FROM ballot_record r JOIN ballot_entry e ON e.id = r.entry_id"
            + " JOIN ballot_stack s ON s.id = e.stack_id JOIN voting_round v ON v.id = s.round_id"
            + " WHERE v.election_id = "
            + electionId
            + " GROUP BY s.label";
    if ("default".equals(config.database())) {
      // the built-in server was stopped with the application: start it to look
      try (var ctx =
          new SpringApplicationBuilder(XuanjuApplication.class)
              .web(org.springframework.boot.WebApplicationType.NONE)
              .run(args.toArray(String[]::new))) {
        jdbcUrl = ctx.getEnvironment().getProperty("spring.datasource.url");
        check(sql);
      }
    } else {
      check(sql);
    }
  }

  private void check(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(jdbcUrl, jdbcUser, jdbcPassword);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        String stack = rs.getString(1);
        long n = known.getOrDefault(stack, Map.of()).size();
        long records = rs.getLong(2);
        if (records != n || rs.getLong(3) != n || rs.getLong(4) != n || rs.getLong(5) != n) {
          duplicated += Math.max(0, records - n);
          problems.add(
              String.format(
                  "第 %s 叠：发出 %d 张，记录 %d 条，位置 %d 个（最大 %d），计数 %d",
                  stack, n, records, rs.getLong(3), rs.getLong(4), rs.getLong(5)));
        }
      }
    }
  }

  /** SIGKILL to the built-in server's postmaster and every process it started. */
  private void killLocalPostgres() throws IOException, InterruptedException {
    Path pid = data.resolve("pg").resolve("cluster").resolve("postmaster.pid");
    if (!Files.exists(pid)) {
      return;
    }
    long pm = Long.parseLong(Files.readAllLines(pid).get(0).strip());
    ProcessHandle.of(pm)
        .ifPresent(
            p -> {
              p.descendants().forEach(ProcessHandle::destroyForcibly);
              p.destroyForcibly();
            });
    for (int i = 0;
        i < 100 && ProcessHandle.of(pm).map(ProcessHandle::isAlive).orElse(false);
        i++) {
      Thread.sleep(50);
    }
  }

  /**
   * A separate PostgreSQL server for the {@code postgres} run, with production settings (fsync and
   * synchronous_commit on); it outlives the killed application, as a database server would.
   */
  private static String separatePostgres(Path work) throws Exception {
    var pg =
        io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("max_connections", "100")
            .setDataDirectory(work.resolve("separate-pg"))
            .start();
    try (Connection c = pg.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE xuanju_soak");
    }
    return pg.getJdbcUrl("postgres", "xuanju_soak");
  }

  static String marks(Random r) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 3; i++) {
      b.append("120".charAt(r.nextInt(3)));
    }
    return b.toString();
  }

  static int position(String json) {
    Matcher m = POSITION.matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("回执中没有位置：" + json);
    }
    return Integer.parseInt(m.group(1));
  }

  /**
   * {@code bench/kill-soak.sh}: arguments {@code --db default|postgres|h2 --cycles N --clerks N
   * ...}.
   */
  public static void main(String[] argv) throws Exception {
    Map<String, String> a = new HashMap<>();
    for (int i = 0; i + 1 < argv.length; i += 2) {
      a.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
    }
    Path work = Files.createTempDirectory("xuanju-kill-soak");
    Config config =
        new Config(
            a.getOrDefault("db", "default"),
            Integer.parseInt(a.getOrDefault("cycles", "200")),
            Integer.parseInt(a.getOrDefault("clerks", "4")),
            Double.parseDouble(a.getOrDefault("kill-min", "2")),
            Double.parseDouble(a.getOrDefault("kill-max", "4.5")),
            Double.parseDouble(a.getOrDefault("restart-delay", "3")),
            Long.parseLong(a.getOrDefault("seed", "20261204")),
            work);
    long t0 = System.nanoTime();
    Report r = run(config);
    System.out.println(r.summary());
    System.out.printf("time: %.0f s, work folder %s%n", (System.nanoTime() - t0) / 1e9, work);
    r.problems().stream().limit(20).forEach(p -> System.out.println("  " + p));
    System.exit(r.lost() == 0 && r.duplicated() == 0 && r.problems().isEmpty() ? 0 : 1);
  }
}
