package xuanju.server.trust;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
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
import xuanju.server.voting.VotingModel.CandidateRef;
import xuanju.server.voting.VotingServices;

/**
 * Set-up for the trust tests (可信测试的准备): a branch whose members are all checked in, an election
 * whose stage-1 voting has begun (round 1 open, three candidates for two seats), and users with
 * real (BCrypt) passwords so that they can sign in over HTTP.
 */
final class TrustFixture {
  static final String PASSWORD = "Trust-Pass-2026";
  private static final AtomicInteger SEQ = new AtomicInteger();
  private static final String[] SURNAMES = {"欧阳", "司马", "诸葛", "上官", "皇甫", "令狐", "慕容", "东方"};
  private static final String[] GIVEN = {"青松", "翠柏", "秋菊", "冬梅", "春兰", "夏荷"};

  /** The election and who is in it. */
  record Voting(
      long electionId,
      long organisationId,
      long townId,
      List<Long> memberIds,
      List<String> names,
      List<String> residentIds,
      String tag) {
    String key(int i) {
      return "m" + memberIds.get(i);
    }
  }

  private TrustFixture() {}

  /** A unique tag for names in this run. */
  static String tag() {
    return Long.toString(System.nanoTime(), 36) + SEQ.incrementAndGet();
  }

  /**
   * A branch of {@code members} members (all checked in) and an election at VOTING with round 1
   * open: candidates are the first three members, two seats.
   */
  static Voting votingBegun(ApplicationContext ctx, int members) {
    OrganisationService orgs = ctx.getBean(OrganisationService.class);
    ElectionService elections = ctx.getBean(ElectionService.class);
    VotingServices voting = ctx.getBean(VotingServices.class);
    JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
    String tag = tag();
    long town = orgs.create("test", null, "可信测试镇党委" + tag, "TOWN_COMMITTEE");
    long branch = orgs.create("test", town, "可信测试支部" + tag, "BRANCH");
    List<Long> ids = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<String> rids = new ArrayList<>();
    Instant now = Instant.now();
    for (int i = 0; i < members; i++) {
      // unusual two-character surnames with a numbered given name: easy to find in any text
      String name =
          SURNAMES[i % SURNAMES.length]
              + GIVEN[(i / SURNAMES.length) % GIVEN.length]
              + tag
              + "x"
              + i;
      Gender g = i % 2 == 0 ? Gender.MALE : Gender.FEMALE;
      String rid = RosterFixtures.nextId(g);
      jdbc.update(
          "INSERT INTO party_member (organisation_id, name, gender, ethnicity, birth_date,"
              + " resident_id, education, join_date, membership, status, created_at, updated_at,"
              + " version) VALUES (?, ?, ?, '汉族', ?, ?, 'BACHELOR', ?, 'FULL', 'NORMAL', ?, ?, 0)",
          branch,
          name,
          g.name(),
          Date.valueOf(LocalDate.of(1980, 1, 1)),
          rid,
          Date.valueOf(LocalDate.of(2005, 7, 1)),
          Timestamp.from(now),
          Timestamp.from(now));
      ids.add(
          jdbc.queryForObject(
              "SELECT id FROM party_member WHERE resident_id = ?", Long.class, rid));
      names.add(name);
      rids.add(rid);
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
                      "中共可信测试支部委员会换届选举" + tag,
                      ElectionKind.PARTY_BRANCH,
                      "PARTY_GRASSROOTS",
                      Map.of(),
                      "",
                      true,
                      2,
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
          List<CandidateRef> c = new ArrayList<>();
          for (int i = 0; i < 3; i++) {
            c.add(new CandidateRef("m" + ids.get(i), names.get(i), ids.get(i)));
          }
          voting.rounds().openFirstRound(eid[0], c);
          for (var v : voting.checkIn().voters(eid[0], 1)) {
            voting.checkIn().checkIn(eid[0], 1, v.key());
          }
          voting.rounds().beginVoting(eid[0], 1, elections.get(eid[0]).version());
        });
    return new Voting(eid[0], branch, town, ids, names, rids, tag);
  }

  /** A user with the password {@link #PASSWORD} and a role on an organisation. */
  static String user(ApplicationContext ctx, String username, long org, Role role) {
    UserRepository users = ctx.getBean(UserRepository.class);
    JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
    long id =
        users
            .findByUsername(username)
            .map(u -> u.id())
            .orElseGet(
                () ->
                    users.insert(
                        username,
                        username,
                        new BCryptPasswordEncoder(4).encode(PASSWORD),
                        false,
                        false,
                        Instant.now()));
    jdbc.update(
        "INSERT INTO role_grant (user_id, organisation_id, role, created_at) VALUES (?, ?, ?, ?)",
        id,
        org,
        role.name(),
        Timestamp.from(Instant.now()));
    return username;
  }
}
