package xuanju.server.desk.bench;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import xuanju.server.XuanjuApplication;
import xuanju.server.access.Role;
import xuanju.server.election.ElectionService;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.security.UserRepository;
import xuanju.server.support.EmbeddedPostgresHolder;
import xuanju.server.support.SignIn;
import xuanju.server.voting.EntryService;
import xuanju.server.voting.VotingFixture;
import xuanju.server.voting.VotingModel;
import xuanju.server.voting.VotingServices;

/**
 * Benchmark (not a test) of the town desk (上级工作台基准): one town with {@code orgs} organisations under
 * it (default 500): four in five with an election in a random stage and election day, each with its
 * plan's term expiry, one in ten with a pending request, one in five completed with the decided
 * first round of a real election copied in; then times {@code GET /desk} (controller, service and
 * the Thymeleaf page, through the security filters; no network) {@code runs} times after warming up
 * and prints the median and the 99th percentile. Run with {@code bench/town-desk.sh [postgres|h2]}.
 */
public final class TownDeskBench {
  private TownDeskBench() {}

  private static final String[] STATUSES = {
    "DRAFT", "PLAN_SUBMITTED", "PLAN_APPROVED", "CANDIDATES_APPROVED", "VOTING", "RESULTS_SUBMITTED"
  };

  public static void main(String[] args) throws Exception {
    int n = Integer.getInteger("orgs", 500);
    int runs = Integer.getInteger("runs", 200);
    String db = args.length == 0 ? "postgres" : args[0];
    Path data = Files.createTempDirectory("xuanju-desk-bench");
    Map<String, Object> props = new java.util.HashMap<>();
    props.put("xuanju.data-dir", data.toString());
    props.put("xuanju.admin.initial-password", "BenchAdmin2026");
    props.put("server.port", "0");
    props.put("logging.level.root", "WARN");
    props.put("logging.file.name", data.resolve("bench.log").toString());
    if (db.equals("postgres")) {
      props.put("spring.datasource.url", EmbeddedPostgresHolder.newDatabaseUrl());
      props.put("spring.datasource.username", "postgres");
      props.put("spring.datasource.password", "");
    }
    String[] cmd =
        props.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    try (ConfigurableApplicationContext ctx =
        new SpringApplicationBuilder(XuanjuApplication.class).run(cmd)) {
      JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
      OrganisationService orgs = ctx.getBean(OrganisationService.class);
      ElectionService elections = ctx.getBean(ElectionService.class);
      UserRepository users = ctx.getBean(UserRepository.class);
      String product =
          jdbc.execute(
              (java.sql.Connection c) ->
                  c.getMetaData().getDatabaseProductName()
                      + " "
                      + c.getMetaData().getDatabaseProductVersion());

      // one real decided election, whose first round is copied into the completed ones
      VotingFixture.Setup real = VotingFixture.create(orgs, elections, users, jdbc, 10, true, 2, 0);
      elect(ctx, real);
      long town =
          jdbc.queryForObject(
              "SELECT parent_id FROM organisation WHERE id = ?", Long.class, real.organisationId());
      long round =
          jdbc.queryForObject(
              "SELECT id FROM voting_round WHERE election_id = ? AND number = 1",
              Long.class,
              real.electionId());
      List<String> cols = new ArrayList<>();
      jdbc.query(
          "SELECT * FROM voting_round WHERE id = " + round,
          rs -> {
            var md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
              String c = md.getColumnName(i).toLowerCase(java.util.Locale.ROOT);
              if (!c.equals("id") && !c.equals("election_id")) {
                cols.add(c);
              }
            }
          });
      String copy =
          "INSERT INTO voting_round (election_id, "
              + String.join(", ", cols)
              + ") SELECT ?, "
              + String.join(", ", cols)
              + " FROM voting_round WHERE id = ?";

      Random rnd = new Random(20261205L);
      LocalDate today = LocalDate.now();
      long t0 = System.nanoTime();
      int withElection = 0;
      int completed = 0;
      int pending = 0;
      for (int i = 1; i <= n; i++) {
        long org = orgs.create("bench", town, "基准支部" + i, "BRANCH");
        if (i % 5 == 0) {
          continue; // no election yet
        }
        withElection++;
        boolean done = i % 5 == 1;
        String status = done ? "COMPLETED" : STATUSES[rnd.nextInt(STATUSES.length)];
        LocalDate day = today.plusDays(done ? -rnd.nextInt(300) : rnd.nextInt(90) - 10);
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update(
            "INSERT INTO election (organisation_id, title, kind, profile_id, has_committee, seats,"
                + " election_day, status, created_by, created_at, updated_at) VALUES (?, ?,"
                + " 'PARTY_BRANCH', 'PARTY_GRASSROOTS', TRUE, 5, ?, ?, 'bench', ?, ?)",
            org,
            "基准支部" + i + "换届选举",
            Date.valueOf(day),
            status,
            now,
            now);
        long e =
            jdbc.queryForObject(
                "SELECT id FROM election WHERE organisation_id = ?", Long.class, org);
        jdbc.update(
            "INSERT INTO election_plan (election_id, term_start, term_expiry, updated_by,"
                + " updated_at) VALUES (?, ?, ?, 'bench', ?)",
            e,
            Date.valueOf(day.minusYears(3)),
            Date.valueOf(day.plusDays(rnd.nextInt(30))),
            now);
        if (done) {
          completed++;
          jdbc.update(copy, e, round);
        } else if (i % 10 == 2) {
          pending++;
          jdbc.update(
              "INSERT INTO approval_request (election_id, kind, summary, submitted_by,"
                  + " submitted_at) VALUES (?, 'PLAN', '党员 30 名', 'bench', ?)",
              e,
              Timestamp.from(Instant.now().minusSeconds(rnd.nextInt(864000))));
        }
      }
      String officer = "benchtown";
      VotingFixture.grant(users, jdbc, officer, town, Role.UPPER_OFFICER);
      System.out.printf(
          "[%s | %s] 准备：%d 个组织（%d 个有选举，%d 个已完成，%d 件待办）：%.1f s（不计时）%n",
          db, product, n + 1, withElection, completed, pending, (System.nanoTime() - t0) / 1e9);

      MockMvc mvc =
          MockMvcBuilders.webAppContextSetup((WebApplicationContext) ctx)
              .apply(SecurityMockMvcConfigurers.springSecurity())
              .build();
      int bytes = 0;
      for (int i = 0; i < 50; i++) {
        bytes = page(mvc, officer).length();
      }
      double load =
          java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      long[] ns = new long[runs];
      for (int i = 0; i < runs; i++) {
        long s = System.nanoTime();
        page(mvc, officer);
        ns[i] = System.nanoTime() - s;
      }
      Arrays.sort(ns);
      // the service alone (queries and deadlines, no page)
      xuanju.server.desk.DeskService service = ctx.getBean(xuanju.server.desk.DeskService.class);
      long[] svc = new long[runs];
      for (int i = 0; i < runs; i++) {
        long s = System.nanoTime();
        SignIn.as(officer, false, service::load);
        svc[i] = System.nanoTime() - s;
      }
      Arrays.sort(svc);
      System.out.printf(
          "[%s] 其中 DeskService.load：中位数 %.1f ms，p99 %.1f ms%n",
          db, svc[runs / 2] / 1e6, svc[(int) Math.ceil(runs * 0.99) - 1] / 1e6);
      System.out.printf(
          "[%s] GET /desk（%d 个组织，页面 %d KB）%d 次：中位数 %.1f ms，p99 %.1f ms，最长 %.1f ms；开始时系统负载 %.1f（%d 核）%n",
          db,
          n + 1,
          bytes / 1024,
          runs,
          ns[runs / 2] / 1e6,
          ns[(int) Math.ceil(runs * 0.99) - 1] / 1e6,
          ns[runs - 1] / 1e6,
          load,
          Runtime.getRuntime().availableProcessors());
    }
  }

  private static String page(MockMvc mvc, String officer) throws Exception {
    var r = mvc.perform(get("/desk").with(user(officer).roles("USER"))).andReturn().getResponse();
    if (r.getStatus() != 200) {
      throw new IllegalStateException("GET /desk → " + r.getStatus());
    }
    String body = r.getContentAsString();
    if (!body.contains("基准支部500") && !body.contains("基准支部499")) {
      throw new IllegalStateException("页面缺少组织");
    }
    return body;
  }

  /** Round 1 of a real election: 3 candidates, 9 present and 9 ballots electing the first two. */
  private static void elect(ConfigurableApplicationContext ctx, VotingFixture.Setup s) {
    VotingServices voting = ctx.getBean(VotingServices.class);
    EntryService entries = ctx.getBean(EntryService.class);
    ElectionService elections = ctx.getBean(ElectionService.class);
    long e = s.electionId();
    List<VotingModel.CandidateRef> c = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      c.add(new VotingModel.CandidateRef(s.key(i), s.names().get(i), s.memberIds().get(i)));
    }
    VotingModel.Round[] round = new VotingModel.Round[1];
    SignIn.as("admin", true, () -> round[0] = voting.rounds().openFirstRound(e, c));
    SignIn.as(
        s.clerk1(),
        false,
        () -> {
          var voters = voting.checkIn().voters(e, 1);
          for (int i = 0; i < 9; i++) {
            voting.checkIn().checkIn(e, 1, voters.get(i).key());
          }
        });
    SignIn.as("admin", true, () -> voting.rounds().beginVoting(e, 1, elections.get(e).version()));
    String marks =
        round[0].candidates().stream()
            .map(x -> x.id().equals(s.key(0)) || x.id().equals(s.key(1)) ? "1" : "2")
            .collect(Collectors.joining());
    for (String side : List.of("A", "B")) {
      SignIn.as(
          side.equals("A") ? s.clerk1() : s.clerk2(),
          false,
          () -> {
            for (int i = 0; i < 9; i++) {
              entries.submit(
                  e,
                  1,
                  new VotingModel.BallotInput(
                      UUID.randomUUID().toString(),
                      null,
                      marks,
                      null,
                      List.of(),
                      false,
                      null,
                      null,
                      side));
            }
          });
    }
    long[] stack = new long[1];
    int[] version = new int[1];
    SignIn.as(
        "admin",
        true,
        () -> {
          stack[0] = voting.rounds().stacks(e, 1).get(0).id();
        });
    SignIn.as(s.clerk1(), false, () -> entries.finishEntry(e, 1, stack[0], "A"));
    SignIn.as(s.clerk2(), false, () -> entries.finishEntry(e, 1, stack[0], "B"));
    SignIn.as("admin", true, () -> version[0] = voting.rounds().stacks(e, 1).get(0).version());
    SignIn.as(s.scrutineer(), false, () -> entries.settle(e, 1, stack[0], version[0]));
    long[] box = new long[1];
    SignIn.as(
        "admin", true, () -> box[0] = voting.stations().stations(e).get(0).boxes().get(0).id());
    SignIn.as(s.clerk1(), false, () -> voting.rounds().recordBoxCount(e, 1, box[0], 9, 9, 0));
    SignIn.as(
        "admin",
        true,
        () -> voting.decisions().decide(e, 1, voting.rounds().round(e, 1).version()));
  }
}
