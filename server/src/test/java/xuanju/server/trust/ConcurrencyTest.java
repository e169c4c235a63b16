package xuanju.server.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import xuanju.server.access.Role;
import xuanju.server.election.ElectionService;
import xuanju.server.election.ElectionStatus;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.plan.PlanFixtures;
import xuanju.server.plan.PlanService;
import xuanju.server.security.UserRepository;
import xuanju.server.support.H2AppTest;
import xuanju.server.support.SignIn;

/**
 * Concurrency (并发): real threads, real HTTP sessions against the running application. Two clerks on
 * the same stack, two windows of one clerk on the same entry, two officers approving the same
 * request at once: no lost update, exactly one wins, the loser gets a Chinese 409.
 */
class ConcurrencyTest extends H2AppTest {
  @Autowired ApplicationContext ctx;
  @Autowired JdbcTemplate jdbc;
  @Autowired OrganisationService orgs;
  @Autowired UserRepository users;
  @Autowired ElectionService elections;
  @Autowired PlanService plans;

  @Value("${local.server.port}")
  int port;

  private String base() {
    return "http://localhost:" + port;
  }

  private static String ballot(String marks, String stack, String side, Integer position) {
    return "{\"clientId\":\""
        + UUID.randomUUID()
        + "\",\"marks\":\""
        + marks
        + "\",\"stack\":\""
        + stack
        + "\",\"entry\":\""
        + side
        + "\""
        + (position == null ? "" : ",\"position\":" + position)
        + "}";
  }

  /** Runs the tasks at the same instant (one barrier) and returns their results in order. */
  private static <T> List<T> atOnce(List<Callable<T>> tasks) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
    try {
      CyclicBarrier barrier = new CyclicBarrier(tasks.size());
      List<Future<T>> fs = new ArrayList<>();
      for (Callable<T> t : tasks) {
        fs.add(
            pool.submit(
                () -> {
                  barrier.await();
                  return t.call();
                }));
      }
      List<T> out = new ArrayList<>();
      for (Future<T> f : fs) {
        out.add(f.get());
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  private static <T> T asAdmin(java.util.function.Supplier<T> body) {
    List<T> out = new ArrayList<>();
    SignIn.as("admin", true, () -> out.add(body.get()));
    return out.get(0);
  }

  @Test
  void twoClerksRacingForTheSameSideOfAStackOneWinsTheOtherGetsAChinese409() throws Exception {
    var v = TrustFixture.votingBegun(ctx, 10);
    String c1 = TrustFixture.user(ctx, "race-a-" + v.tag(), v.organisationId(), Role.CLERK);
    String c2 = TrustFixture.user(ctx, "race-b-" + v.tag(), v.organisationId(), Role.CLERK);
    WebClient a = WebClient.signIn(base(), c1, TrustFixture.PASSWORD);
    WebClient b = WebClient.signIn(base(), c2, TrustFixture.PASSWORD);
    String url = "/api/elections/" + v.electionId() + "/rounds/1/ballots";
    int races = 10;
    for (int i = 0; i < races; i++) {
      String stack = "race" + i;
      List<WebClient.Response> r =
          atOnce(
              List.of(
                  () -> a.postJson(url, ballot("120", stack, "A", null)),
                  () -> b.postJson(url, ballot("210", stack, "A", null))));
      List<Integer> statuses = r.stream().map(WebClient.Response::status).sorted().toList();
      assertThat(statuses).as("第%d叠：恰好一人得到录入A", i).containsExactly(201, 409);
      WebClient.Response loser = r.get(0).status() == 409 ? r.get(0) : r.get(1);
      assertThat(loser.body()).contains("ENTRY.SIDE_TAKEN").contains("录入A正由另一名计票人进行");
    }
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM ballot_record r JOIN ballot_entry e ON e.id = r.entry_id"
                    + " JOIN ballot_stack s ON s.id = e.stack_id JOIN voting_round v ON v.id = s.round_id"
                    + " WHERE v.election_id = ?",
                Integer.class,
                v.electionId()))
        .as("每叠恰好保存了胜者的一张")
        .isEqualTo(races);
  }

  @Test
  void windowsOfBothClerksWritingOneStackAtOnceLoseNoBallotAndStalePositionsGet409()
      throws Exception {
    var v = TrustFixture.votingBegun(ctx, 10);
    String c1 = TrustFixture.user(ctx, "win-a-" + v.tag(), v.organisationId(), Role.CLERK);
    String c2 = TrustFixture.user(ctx, "win-b-" + v.tag(), v.organisationId(), Role.CLERK);
    String url = "/api/elections/" + v.electionId() + "/rounds/1/ballots";
    int windows = 3;
    int each = 25;
    List<WebClient> sessions = new ArrayList<>();
    for (int w = 0; w < windows; w++) {
      sessions.add(WebClient.signIn(base(), c1, TrustFixture.PASSWORD));
      sessions.add(WebClient.signIn(base(), c2, TrustFixture.PASSWORD));
    }
    List<String> problems = Collections.synchronizedList(new ArrayList<>());
    List<Callable<Integer>> tasks = new ArrayList<>();
    for (int s = 0; s < sessions.size(); s++) {
      WebClient client = sessions.get(s);
      String side = s % 2 == 0 ? "A" : "B";
      tasks.add(
          () -> {
            int ok = 0;
            for (int i = 0; i < each; i++) {
              var r = client.postJson(url, ballot("120", "shared", side, null));
              if (r.status() == 201) {
                ok++;
              } else {
                problems.add(side + " " + r.status() + " " + r.body());
              }
            }
            return ok;
          });
    }
    List<Integer> ok = atOnce(tasks);
    assertThat(problems).isEmpty();
    assertThat(ok.stream().mapToInt(Integer::intValue).sum()).isEqualTo(2 * windows * each);
    for (String side : List.of("A", "B")) {
      List<Integer> positions =
          jdbc.queryForList(
              "SELECT r.position FROM ballot_record r JOIN ballot_entry e ON e.id = r.entry_id"
                  + " JOIN ballot_stack s ON s.id = e.stack_id JOIN voting_round v ON v.id = s.round_id"
                  + " WHERE v.election_id = ? AND e.side = ? ORDER BY r.position",
              Integer.class,
              v.electionId(),
              side);
      assertThat(positions)
          .as("录入%s：%d个窗口各%d张，位置1..%d无缺无重", side, windows, each, windows * each)
          .isEqualTo(IntStream.rangeClosed(1, windows * each).boxed().toList());
      assertThat(
              jdbc.queryForObject(
                  "SELECT e.ballots FROM ballot_entry e JOIN ballot_stack s ON s.id = e.stack_id"
                      + " JOIN voting_round v ON v.id = s.round_id"
                      + " WHERE v.election_id = ? AND e.side = ?",
                  Integer.class,
                  v.electionId(),
                  side))
          .isEqualTo(windows * each);
    }
    // two windows of clerk A both believe the next ballot is number n+1: one wins, one gets 409
    int next = windows * each + 1;
    for (int round = 0; round < 5; round++) {
      int pos = next + round;
      List<WebClient.Response> r =
          atOnce(
              List.of(
                  () -> sessions.get(0).postJson(url, ballot("120", "shared", "A", pos)),
                  () -> sessions.get(2).postJson(url, ballot("012", "shared", "A", pos))));
      assertThat(r.stream().map(WebClient.Response::status).sorted().toList())
          .as("两个窗口同时写第%d张", pos)
          .containsExactly(201, 409);
      WebClient.Response loser = r.get(0).status() == 409 ? r.get(0) : r.get(1);
      assertThat(loser.body()).contains("ENTRY.POSITION.CONFLICT").contains("页面上为第" + pos + "张");
    }
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM ballot_record r JOIN ballot_entry e ON e.id = r.entry_id"
                    + " JOIN ballot_stack s ON s.id = e.stack_id JOIN voting_round v ON v.id = s.round_id"
                    + " WHERE v.election_id = ? AND e.side = 'A'",
                Integer.class,
                v.electionId()))
        .isEqualTo(windows * each + 5);
  }

  @Test
  void twoOfficersApprovingTheSamePlanAtOnceExactlyOneWinsTheOtherGetsAChinese409()
      throws Exception {
    var s = PlanFixtures.scenario(orgs, users, jdbc, 5, 0);
    String tag = TrustFixture.tag();
    String o1 = TrustFixture.user(ctx, "officer-a-" + tag, s.town(), Role.UPPER_OFFICER);
    String o2 = TrustFixture.user(ctx, "officer-b-" + tag, s.town(), Role.UPPER_OFFICER);
    WebClient a = WebClient.signIn(base(), o1, TrustFixture.PASSWORD);
    WebClient b = WebClient.signIn(base(), o2, TrustFixture.PASSWORD);
    for (int i = 0; i < 5; i++) {
      long id =
          PlanFixtures.election(elections, s.otherBranch(), false, 1, LocalDate.now().plusDays(30));
      SignIn.as("admin", true, () -> plans.submit(id, elections.get(id).version()));
      int version = asAdmin(() -> elections.get(id)).version();
      String url = "/api/elections/" + id + "/plan/decision";
      Map<String, String> form =
          Map.of("version", "" + version, "decision", "APPROVED", "comment", "同意");
      List<WebClient.Response> r =
          atOnce(List.of(() -> a.postForm(url, form), () -> b.postForm(url, form)));
      assertThat(r.stream().map(WebClient.Response::status).sorted().toList())
          .as("第%d次：两名上级同时批复", i)
          .containsExactly(200, 409);
      WebClient.Response loser = r.get(0).status() == 409 ? r.get(0) : r.get(1);
      assertThat(loser.body()).containsPattern("[\\u4e00-\\u9fff]{4,}");
      assertThat(loser.body()).containsAnyOf("已被他人", "没有待批复", "已被他人修改", "刷新");
      assertThat(
              jdbc.queryForObject(
                  "SELECT COUNT(*) FROM approval WHERE election_id = ?", Integer.class, id))
          .as("只有一条批复")
          .isEqualTo(1);
      assertThat(
              jdbc.queryForObject(
                  "SELECT COUNT(*) FROM audit_event WHERE subject = ? AND action = 'APPROVAL_DECIDED'",
                  Integer.class,
                  "election:" + id))
          .isEqualTo(1);
      var after = asAdmin(() -> elections.get(id));
      assertThat(after.status()).isEqualTo(ElectionStatus.PLAN_APPROVED);
      assertThat(after.version()).isEqualTo(version + 1);
    }
  }
}
