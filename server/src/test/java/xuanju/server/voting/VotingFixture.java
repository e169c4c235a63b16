package xuanju.server.voting;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;
import xuanju.core.quota.Gender;
import xuanju.server.access.Role;
import xuanju.server.election.ElectionForm;
import xuanju.server.election.ElectionKind;
import xuanju.server.election.ElectionService;
import xuanju.server.election.ElectionStatus;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.roster.RosterFixtures;
import xuanju.server.security.UserRepository;
import xuanju.server.support.SignIn;

/**
 * A branch with members, an election at CANDIDATES_APPROVED and clerks/scrutineer (test set-up).
 */
public final class VotingFixture {
  private static final AtomicInteger SEQ = new AtomicInteger();
  private static final String[] SURNAMES = {
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马",
    "罗"
  };
  private static final String[] GIVEN = {
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰"
  };

  public record Setup(
      long electionId,
      long organisationId,
      List<Long> memberIds,
      List<String> names,
      String clerk1,
      String clerk2,
      String scrutineer) {
    public String key(int i) {
      return "m" + memberIds.get(i);
    }
  }

  private VotingFixture() {}

  static String name(int i) {
    return SURNAMES[i % SURNAMES.length]
        + GIVEN[(i / SURNAMES.length) % GIVEN.length]
        + (i >= SURNAMES.length * GIVEN.length ? "" + i : "");
  }

  public static Setup create(
      OrganisationService orgs,
      ElectionService elections,
      UserRepository users,
      JdbcTemplate jdbc,
      int members,
      boolean hasCommittee,
      int seats,
      int deputySeats) {
    List<String> generated = new ArrayList<>();
    for (int i = 0; i < members; i++) {
      generated.add(name(i));
    }
    return create(orgs, elections, users, jdbc, generated, hasCommittee, seats, deputySeats);
  }

  /** {@link #create} with the members' names given (as people write them). */
  public static Setup create(
      OrganisationService orgs,
      ElectionService elections,
      UserRepository users,
      JdbcTemplate jdbc,
      List<String> memberNames,
      boolean hasCommittee,
      int seats,
      int deputySeats) {
    int members = memberNames.size();
    int n = SEQ.incrementAndGet();
    long town =
        orgs.create("test", null, "投票测试镇党委" + n + "-" + System.nanoTime(), "TOWN_COMMITTEE");
    long branch = orgs.create("test", town, "投票测试支部" + n, "BRANCH");
    List<Long> ids = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < members; i++) {
      String name = memberNames.get(i);
      Gender g = i % 2 == 0 ? Gender.MALE : Gender.FEMALE;
      ids.add(
          RosterFixtures.insertMember(
              jdbc, branch, name, g, LocalDate.of(1980, 1, 1), LocalDate.of(2005, 7, 1)));
      names.add(name);
    }
    long[] eid = new long[1];
    SignIn.as(
        "admin",
        true,
        () -> {
          eid[0] =
              elections.create(
                  new ElectionForm(
                      branch,
                      "中共投票测试支部委员会换届选举" + n,
                      ElectionKind.PARTY_BRANCH,
                      "PARTY_GRASSROOTS",
                      Map.of(),
                      "",
                      hasCommittee,
                      seats,
                      1,
                      deputySeats,
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
                eid[0],
                e.version(),
                xuanju.server.access.Permission.VIEW,
                path[i],
                path[i + 1],
                "TEST",
                "测试");
          }
        });
    String c1 = "clerka" + n;
    String c2 = "clerkb" + n;
    String sc = "scrut" + n;
    grant(users, jdbc, c1, branch, Role.CLERK);
    grant(users, jdbc, c2, branch, Role.CLERK);
    grant(users, jdbc, sc, branch, Role.SCRUTINEER);
    return new Setup(eid[0], branch, ids, names, c1, c2, sc);
  }

  /**
   * {@link #create} with six members and two seats, then the first round with the first three
   * members as candidates, everyone checked in and stage-1 voting begun (as the administrator).
   */
  static Setup begun(
      OrganisationService orgs,
      ElectionService elections,
      UserRepository users,
      JdbcTemplate jdbc,
      VotingServices voting) {
    Setup s = create(orgs, elections, users, jdbc, 6, true, 2, 0);
    List<VotingModel.CandidateRef> c = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      c.add(new VotingModel.CandidateRef(s.key(i), s.names().get(i), s.memberIds().get(i)));
    }
    SignIn.as(
        "admin",
        true,
        () -> {
          voting.rounds().openFirstRound(s.electionId(), c);
          for (var v : voting.checkIn().voters(s.electionId(), 1)) {
            voting.checkIn().checkIn(s.electionId(), 1, v.key());
          }
          voting.rounds().beginVoting(s.electionId(), 1, elections.get(s.electionId()).version());
        });
    return s;
  }

  /** The id of the only ballot entry of an election (after one clerk's first ballot). */
  static long onlyEntry(JdbcTemplate jdbc, long electionId) {
    return jdbc.queryForObject(
        "SELECT e.id FROM ballot_entry e JOIN ballot_stack k ON k.id = e.stack_id"
            + " JOIN voting_round v ON v.id = k.round_id WHERE v.election_id = ?",
        Long.class,
        electionId);
  }

  public static void grant(
      UserRepository users, JdbcTemplate jdbc, String username, long org, Role role) {
    grant(users, jdbc, username, "{noop}x", org, role);
  }

  public static void grant(
      UserRepository users, JdbcTemplate jdbc, String username, String hash, long org, Role role) {
    long id =
        users
            .findByUsername(username)
            .map(u -> u.id())
            .orElseGet(() -> users.insert(username, username, hash, false, false, Instant.now()));
    jdbc.update(
        "INSERT INTO role_grant (user_id, organisation_id, role, created_at) VALUES (?, ?, ?, ?)",
        id,
        org,
        role.name(),
        Timestamp.from(Instant.now()));
  }
}
