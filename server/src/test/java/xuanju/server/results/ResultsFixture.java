package xuanju.server.results;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import xuanju.core.quota.Gender;
import xuanju.server.access.Permission;
import xuanju.server.access.Role;
import xuanju.server.election.ElectionForm;
import xuanju.server.election.ElectionKind;
import xuanju.server.election.ElectionService;
import xuanju.server.election.ElectionStatus;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.roster.RosterFixtures;
import xuanju.server.security.UserRepository;
import xuanju.server.support.SignIn;
import xuanju.server.voting.EntryService;
import xuanju.server.voting.VotingModel.BallotInput;
import xuanju.server.voting.VotingModel.CandidateRef;
import xuanju.server.voting.VotingModel.Round;
import xuanju.server.voting.VotingModel.StoredDecision;
import xuanju.server.voting.VotingModel.WriteInInput;
import xuanju.server.voting.VotingServices;

/**
 * A branch election driven through election day with the real services (test set-up): a town with a
 * branch, members, an election at CANDIDATES_APPROVED, the branch's election admin, two clerks, a
 * scrutineer and the town's approving officer.
 */
final class ResultsFixture {
  private static final AtomicInteger SEQ = new AtomicInteger();
  private static final String[] SURNAMES = {
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙"
  };
  private static final String[] GIVEN = {"建国", "秀英", "志强", "桂兰", "海燕", "国华"};

  final ElectionService elections;
  final VotingServices voting;
  final EntryService entries;
  final long electionId;
  final long branch;
  final long town;
  final List<Long> memberIds = new ArrayList<>();
  final List<String> names = new ArrayList<>();
  final String admin;
  final String clerk1;
  final String clerk2;
  final String scrutineer;
  final String officer;

  static <T> T as(String user, Supplier<T> body) {
    List<T> out = new ArrayList<>();
    SignIn.as(user, user.equals("admin"), () -> out.add(body.get()));
    return out.get(0);
  }

  static void run(String user, Runnable body) {
    SignIn.as(user, user.equals("admin"), body);
  }

  ResultsFixture(
      OrganisationService orgs,
      ElectionService elections,
      VotingServices voting,
      EntryService entries,
      UserRepository users,
      JdbcTemplate jdbc,
      int members,
      boolean hasCommittee,
      int seats) {
    this.elections = elections;
    this.voting = voting;
    this.entries = entries;
    int n = SEQ.incrementAndGet();
    String tag = (System.nanoTime() % 1_000_000_000L) + "-" + n;
    town = orgs.create("test", null, "结果测试镇党委" + tag, "TOWN_COMMITTEE");
    branch = orgs.create("test", town, "结果测试支部" + tag, "BRANCH");
    for (int i = 0; i < members; i++) {
      String name = SURNAMES[i % SURNAMES.length] + GIVEN[(i / SURNAMES.length) % GIVEN.length];
      Gender g = i % 2 == 0 ? Gender.MALE : Gender.FEMALE;
      memberIds.add(
          RosterFixtures.insertMember(
              jdbc, branch, name, g, LocalDate.of(1975, 3, 1), LocalDate.of(2001, 7, 1)));
      names.add(name);
    }
    long[] eid = new long[1];
    run(
        "admin",
        () -> {
          eid[0] =
              elections.create(
                  new ElectionForm(
                      branch,
                      "中共结果测试支部委员会换届选举" + n,
                      ElectionKind.PARTY_BRANCH,
                      "PARTY_GRASSROOTS",
                      Map.of(),
                      "",
                      hasCommittee,
                      seats,
                      1,
                      0,
                      null,
                      LocalDate
                          .now(), // the meeting is today: voting before the approved day needs a
                      // reason
                      3));
          ElectionStatus[] path = {
            ElectionStatus.DRAFT,
            ElectionStatus.PLAN_SUBMITTED,
            ElectionStatus.PLAN_APPROVED,
            ElectionStatus.CANDIDATES_APPROVED
          };
          for (int i = 0; i + 1 < path.length; i++) {
            var e = elections.get(eid[0]);
            elections.transition(
                eid[0], e.version(), Permission.VIEW, path[i], path[i + 1], "TEST", "测试");
          }
        });
    electionId = eid[0];
    admin = "radmin" + tag;
    clerk1 = "rclerka" + tag;
    clerk2 = "rclerkb" + tag;
    scrutineer = "rscrut" + tag;
    officer = "rofficer" + tag;
    grant(users, jdbc, admin, branch, Role.ELECTION_ADMIN);
    grant(users, jdbc, clerk1, branch, Role.CLERK);
    grant(users, jdbc, clerk2, branch, Role.CLERK);
    grant(users, jdbc, scrutineer, branch, Role.SCRUTINEER);
    grant(users, jdbc, officer, town, Role.UPPER_OFFICER);
  }

  static void grant(UserRepository users, JdbcTemplate jdbc, String username, long org, Role role) {
    long id =
        users
            .findByUsername(username)
            .map(u -> u.id())
            .orElseGet(
                () -> users.insert(username, username, "{noop}x", false, false, Instant.now()));
    jdbc.update(
        "INSERT INTO role_grant (user_id, organisation_id, role, created_at) VALUES (?, ?, ?, ?)",
        id,
        org,
        role.name(),
        Timestamp.from(Instant.now()));
  }

  int version() {
    return as("admin", () -> elections.get(electionId)).version();
  }

  CandidateRef candidate(int i) {
    return new CandidateRef("m" + memberIds.get(i), names.get(i), memberIds.get(i));
  }

  /** Opens round 1 with the first {@code candidates} members, checks in {@code present}, begins. */
  Round start(int candidates, int present) {
    List<CandidateRef> c = new ArrayList<>();
    for (int i = 0; i < candidates; i++) {
      c.add(candidate(i));
    }
    Round r = as(admin, () -> voting.rounds().openFirstRound(electionId, c));
    checkIn(1, present);
    run(admin, () -> voting.rounds().beginVoting(electionId, 1, version()));
    return r;
  }

  void checkIn(int stage, int count) {
    run(
        clerk1,
        () -> {
          var voters = voting.checkIn().voters(electionId, stage);
          for (int i = 0; i < count; i++) {
            voting.checkIn().checkIn(electionId, stage, voters.get(i).key());
          }
        });
  }

  /** Keys in the round's ballot (stroke) order from marks given per candidate name. */
  static String keys(Round r, Map<String, Character> byName) {
    StringBuilder sb = new StringBuilder();
    for (CandidateRef c : r.candidates()) {
      sb.append(byName.getOrDefault(c.name(), '2'));
    }
    return sb.toString();
  }

  static BallotInput ballot(String marks, String side) {
    return new BallotInput(
        UUID.randomUUID().toString(), null, marks, null, List.of(), false, null, null, side);
  }

  /** Both clerks enter the same ballots, the scrutineer settles, the box counts are recorded. */
  void count(Round r, List<String> ballots) {
    count(r, ballots, ballots.stream().map(b -> List.<String>of()).toList());
  }

  /**
   * {@link #count(Round, List)} with write-ins (另选他人): {@code writeIns.get(i)} are the names
   * written on ballot i, each marked 赞成.
   */
  void count(Round r, List<String> ballots, List<List<String>> writeIns) {
    for (String side : List.of("A", "B")) {
      run(
          side.equals("A") ? clerk1 : clerk2,
          () -> {
            for (int i = 0; i < ballots.size(); i++) {
              List<WriteInInput> w =
                  writeIns.get(i).stream().map(n -> new WriteInInput(n, "1")).toList();
              entries.submit(
                  electionId,
                  r.number(),
                  new BallotInput(
                      UUID.randomUUID().toString(),
                      null,
                      ballots.get(i),
                      null,
                      w,
                      false,
                      null,
                      null,
                      side));
            }
          });
    }
    long stack = as(admin, () -> voting.rounds().stacks(electionId, r.number())).get(0).id();
    run(clerk1, () -> entries.finishEntry(electionId, r.number(), stack, "A"));
    run(clerk2, () -> entries.finishEntry(electionId, r.number(), stack, "B"));
    int v = as(admin, () -> voting.rounds().stacks(electionId, r.number())).get(0).version();
    run(scrutineer, () -> entries.settle(electionId, r.number(), stack, v));
    long box = as(admin, () -> voting.stations().stations(electionId)).get(0).boxes().get(0).id();
    run(
        clerk1,
        () ->
            voting
                .rounds()
                .recordBoxCount(electionId, r.number(), box, ballots.size(), ballots.size(), 0));
  }

  StoredDecision decide(int round) {
    return as(
        admin,
        () ->
            voting
                .decisions()
                .decide(electionId, round, voting.rounds().round(electionId, round).version()));
  }

  /**
   * Stage 1 of a 3-seat committee from 4 candidates and 10 present: members 0 and 1 elected, 2 and
   * 3 tie at 6 votes; the re-vote elects member 2 (7 to 3). Returns the three rounds' numbers.
   */
  void stageOneWithTie() {
    start(4, 10);
    stageOneWithTieAfterStart();
  }

  /** {@link #stageOneWithTie()} once round 1 has begun. */
  void stageOneWithTieAfterStart() {
    Round r1 = as(admin, () -> voting.rounds().round(electionId, 1));
    String a = names.get(0);
    String b = names.get(1);
    String c = names.get(2);
    String d = names.get(3);
    List<String> ballots = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      Map<String, Character> m = new java.util.HashMap<>();
      m.put(a, '1');
      if (i < 8) {
        m.put(b, '1');
        m.put(i < 4 ? c : d, '1');
      } else {
        m.put(c, '1');
        m.put(d, '1');
      }
      ballots.add(keys(r1, m));
    }
    count(r1, ballots);
    decide(r1.number());
    Round r2 = as(admin, () -> voting.decisions().openNextRound(electionId, r1.number(), 1));
    List<String> revote = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      revote.add(keys(r2, Map.of(i < 7 ? c : d, '1', i < 7 ? d : c, '2')));
    }
    count(r2, revote);
    decide(r2.number());
  }

  /** The committee's plenum elects member 0 secretary unanimously; member 1 gets a portfolio. */
  void stageTwo() {
    run(
        admin,
        () -> voting.secondStage().openSecondStage(electionId, List.of(names.get(0)), List.of()));
    checkIn(2, 3);
    run(admin, () -> voting.rounds().beginVoting(electionId, 2, version()));
    int number = as(admin, () -> voting.rounds().rounds(electionId)).size();
    Round r3 = as(admin, () -> voting.rounds().round(electionId, number));
    count(r3, List.of("1", "1", "1"));
    decide(r3.number());
    run(admin, () -> voting.secondStage().recordPortfolio(electionId, names.get(1), "组织委员"));
  }
}
