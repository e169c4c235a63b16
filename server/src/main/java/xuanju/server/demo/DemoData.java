package xuanju.server.demo;

import java.security.SecureRandom;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import xuanju.core.margin.Stage;
import xuanju.core.roster.Member;
import xuanju.core.roster.MemberStatus;
import xuanju.core.roster.Membership;
import xuanju.core.schedule.HolidayCalendar;
import xuanju.core.schedule.PeriodUnit;
import xuanju.server.access.Role;
import xuanju.server.attendance.AttendanceService;
import xuanju.server.attendance.ExclusionReasons;
import xuanju.server.attendance.ExclusionStatus;
import xuanju.server.audit.AuditLog;
import xuanju.server.election.ElectionForm;
import xuanju.server.election.ElectionKind;
import xuanju.server.election.ElectionRepository;
import xuanju.server.election.ElectionService;
import xuanju.server.election.ElectionStatus;
import xuanju.server.nomination.NominationChecks;
import xuanju.server.nomination.NominationService;
import xuanju.server.organisation.OrganisationRepository;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.plan.ApprovalDecision;
import xuanju.server.plan.ApprovalKind;
import xuanju.server.plan.PlanDetails;
import xuanju.server.security.UserRepository;

/**
 * Sample data (示例数据) for {@code ./xuanju serve --demo}, loaded once into an empty database (no
 * organisation yet): a town committee with branches of 45, 28, 12 and 6 members (valid resident
 * IDs, a few probationary members, one under 留党察看), four elections (one approved with an exclusion
 * list on publicity, two drafts, one of which contradicts its roster, and one whose preliminary
 * candidates' publicity has run, so that it can be walked to the archive on the day the data is
 * loaded), and five users with roles whose random passwords are printed once on the console.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "xuanju.demo", havingValue = "true")
public class DemoData implements ApplicationRunner {
  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
  private static final String ACTOR = "demo";
  private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

  /**
   * The demo users: name, display name, role, organisation keys (the branch users serve both the
   * organs branch and the school branch, whose election is ready to be walked through).
   */
  static final List<String[]> USERS =
      List.of(
          new String[] {"demo_town", "镇党委组织委员（演示）", "UPPER_OFFICER", "town"},
          new String[] {"demo_branch", "支部选举工作管理员（演示）", "ELECTION_ADMIN", "organs,school"},
          new String[] {"demo_clerk", "计票人甲（演示）", "CLERK", "organs,school"},
          new String[] {"demo_clerk2", "计票人乙（演示）", "CLERK", "organs,school"},
          new String[] {"demo_scrutineer", "监票人（演示）", "SCRUTINEER", "organs,school"});

  /**
   * The school branch's election: committee seats, and how many days ahead its approved day lies.
   */
  static final int SCHOOL_SEATS = 3;

  static final int SCHOOL_DAYS_AHEAD = 2;

  private final OrganisationRepository repo;
  private final OrganisationService orgs;
  private final JdbcTemplate jdbc;
  private final ElectionRepository elections;
  private final UserRepository users;
  private final PasswordEncoder encoder;
  private final AuditLog audit;
  private final Clock clock;
  private final ElectionService electionService;
  private final NominationService nominations;

  public DemoData(
      OrganisationRepository repo,
      OrganisationService orgs,
      JdbcTemplate jdbc,
      ElectionRepository elections,
      UserRepository users,
      PasswordEncoder encoder,
      AuditLog audit,
      Clock clock,
      ElectionService electionService,
      NominationService nominations) {
    this.repo = repo;
    this.orgs = orgs;
    this.jdbc = jdbc;
    this.elections = elections;
    this.users = users;
    this.encoder = encoder;
    this.audit = audit;
    this.clock = clock;
    this.electionService = electionService;
    this.nominations = nominations;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (repo.count() > 0) {
      return;
    }
    LocalDate today = LocalDate.now(clock);
    Instant now = clock.instant();
    long town = orgs.create(ACTOR, null, "代力吉镇党委", "TOWN_COMMITTEE");
    long organs = orgs.create(ACTOR, town, "代力吉镇机关支部委员会", "BRANCH");
    long school = orgs.create(ACTOR, town, "代力吉镇中心小学党支部", "BRANCH");
    long village = orgs.create(ACTOR, town, "东营子村党支部", "BRANCH");
    long smallVillage = orgs.create(ACTOR, town, "西营子村党支部", "BRANCH");
    orgs.create(ACTOR, town, "诺恩吉雅社区党总支", "GENERAL_BRANCH");
    long work = orgs.create(ACTOR, null, "旗直属机关党工委", "WORK_COMMITTEE");
    orgs.create(ACTOR, work, "旗民政局机关党支部", "BRANCH");
    orgs.create(ACTOR, work, "旗财政局第一党支部", "BRANCH");

    Random r = new Random(20261121L);
    Set<String> ids = new HashSet<>();
    List<Long> organMembers =
        insertMembers(organs, DemoMembers.generate(r, 45, 3, 1, today, ids), now);
    List<Member> schoolRoster = DemoMembers.generate(r, 28, 2, 0, today, ids);
    List<Long> schoolMembers = insertMembers(school, schoolRoster, now);
    insertMembers(village, DemoMembers.generate(r, 12, 1, 0, today, ids), now);
    insertMembers(smallVillage, DemoMembers.generate(r, 6, 0, 0, today, ids), now);

    // 1. the organs branch: plan approved, five-category list approved and on publicity
    long e1 =
        elections.insert(
            new ElectionForm(
                organs,
                "中共代力吉镇机关支部委员会换届选举",
                ElectionKind.PARTY_BRANCH,
                ElectionKind.PARTY_BRANCH.defaultProfile(),
                Map.of(),
                "",
                true,
                5,
                1,
                1,
                5,
                today.plusDays(20),
                3),
            ACTOR,
            now);
    details(
        e1,
        today.minusYears(3).plusDays(15),
        today.plusDays(15),
        PlanDetails.defaultMethod(true),
        "镇政府三楼会议室",
        now);
    long req =
        request(
            e1,
            ApprovalKind.PLAN,
            "党员 45 名；设支部委员会，委员 5 名",
            "demo_branch",
            now.minusSeconds(5 * 86400));
    decision(
        req,
        e1,
        ApprovalKind.PLAN,
        ApprovalDecision.APPROVED,
        "同意。请严格按照程序组织选举。",
        "demo_town",
        now.minusSeconds(3 * 86400));
    elections.updateStatus(e1, 0, List.of(ElectionStatus.DRAFT), ElectionStatus.PLAN_APPROVED, now);
    // two members with a vote (the list of members is ordered as inserted; skip probationary and
    // the disciplined one, which come first)
    exclusion(e1, organMembers.get(10), ExclusionReasons.DEFAULT.get(3), "长期卧床，经本人家属确认", now);
    exclusion(e1, organMembers.get(20), ExclusionReasons.DEFAULT.get(4), "借调至旗委组织部一年，组织关系未转出", now);
    long req2 =
        request(e1, ApprovalKind.EXCLUSIONS, "2 名", "demo_branch", now.minusSeconds(2 * 86400));
    decision(
        req2,
        e1,
        ApprovalKind.EXCLUSIONS,
        ApprovalDecision.APPROVED,
        "",
        "demo_town",
        now.minusSeconds(86400));
    jdbc.update(
        "INSERT INTO exclusion_list (election_id, status, publicity_date, version) VALUES (?, ?, ?, 3)",
        e1,
        ExclusionStatus.PUBLISHED.name(),
        Date.valueOf(today.minusDays(1)));

    // 2. the village branch: a draft plan consistent with the roster
    long e2 =
        elections.insert(
            new ElectionForm(
                village,
                "中共东营子村党支部委员会换届选举",
                ElectionKind.PARTY_BRANCH,
                ElectionKind.PARTY_BRANCH.defaultProfile(),
                Map.of(),
                "",
                true,
                3,
                1,
                0,
                3,
                today.plusDays(40),
                3),
            ACTOR,
            now);
    details(
        e2,
        today.minusYears(3).plusDays(40),
        today.plusDays(40),
        PlanDetails.defaultMethod(true),
        "村党群服务中心",
        now);
    // 3. the small branch: a draft that wrongly plans a committee for 6 members (blocked), four
    // days before its meeting: the posting of the preliminary candidates is overdue (the town desk
    // shows it red)
    elections.insert(
        new ElectionForm(
            smallVillage,
            "中共西营子村党支部换届选举",
            ElectionKind.PARTY_BRANCH,
            ElectionKind.PARTY_BRANCH.defaultProfile(),
            Map.of(),
            "",
            true,
            3,
            1,
            0,
            null,
            today.plusDays(4),
            3),
        ACTOR,
        now);

    Map<String, Long> orgByKey = new LinkedHashMap<>();
    orgByKey.put("town", town);
    orgByKey.put("organs", organs);
    orgByKey.put("school", school);
    StringBuilder printed = new StringBuilder();
    for (String[] u : USERS) {
      String password = randomPassword();
      long uid = users.insert(u[0], u[1], encoder.encode(password), false, false, now);
      for (String key : u[3].split(",")) {
        jdbc.update(
            "INSERT INTO role_grant (user_id, organisation_id, role, created_at) VALUES (?, ?, ?, ?)",
            uid,
            orgByKey.get(key),
            u[2],
            Timestamp.from(now));
      }
      audit.append(
          ACTOR,
          "ROLE_GRANTED",
          "user:" + u[0],
          "示例数据：创建用户并授予「" + Role.valueOf(u[2]).labelZh() + "」角色");
      printed.append(String.format("   %-16s %-18s %s%n", u[0], password, u[1]));
    }
    schoolElection(school, schoolRoster, schoolMembers, today, now);
    audit.append(ACTOR, "DEMO_LOADED", "demo", "载入示例数据：9 个组织、91 名党员、4 个选举、5 个演示用户");
    // Printed on the console only, once, like the administrator's password.
    System.out.println();
    System.out.println("==============================================================");
    System.out.println(" 已载入示例数据。演示用户（密码只显示这一次，仅供演示）：");
    System.out.print(printed);
    System.out.println("==============================================================");
    System.out.println();
    LOG.info("已载入示例数据：{} 个组织（演示用户的随机密码已显示在控制台）", repo.count());
  }

  /**
   * 4. The school branch (中心小学党支部): plan approved, one member excused from the meeting (list on
   * publicity), and the preliminary candidates fixed and posted long enough ago that their five-day
   * publicity has run. On the day the data is loaded it can be walked to the archive: 公示结束, 报上级审批,
   * the town approves, the members' meeting votes (two days before the approved day, so the reason
   * is recorded), the committee elects its secretary, results reported, approved, archived. The
   * nomination goes through the services as the branch's administrator.
   */
  private void schoolElection(
      long school, List<Member> roster, List<Long> memberIds, LocalDate today, Instant now) {
    LocalDate meeting = today.plusDays(SCHOOL_DAYS_AHEAD);
    long e =
        elections.insert(
            new ElectionForm(
                school,
                "中共代力吉镇中心小学党支部委员会换届选举",
                ElectionKind.PARTY_BRANCH,
                ElectionKind.PARTY_BRANCH.defaultProfile(),
                Map.of(),
                "",
                true,
                SCHOOL_SEATS,
                1,
                0,
                SCHOOL_SEATS,
                meeting,
                3),
            ACTOR,
            now);
    details(
        e,
        today.minusYears(3).plusDays(SCHOOL_DAYS_AHEAD),
        meeting,
        PlanDetails.defaultMethod(true),
        "中心小学会议室",
        now);
    long req =
        request(
            e,
            ApprovalKind.PLAN,
            "党员 " + roster.size() + " 名；设支部委员会，委员 " + SCHOOL_SEATS + " 名",
            "demo_branch",
            now.minusSeconds(20 * 86400));
    decision(
        req,
        e,
        ApprovalKind.PLAN,
        ApprovalDecision.APPROVED,
        "同意。",
        "demo_town",
        now.minusSeconds(18 * 86400));
    elections.updateStatus(e, 0, List.of(ElectionStatus.DRAFT), ElectionStatus.PLAN_APPROVED, now);

    // full members in good standing may stand (roster order = id order)
    List<Long> eligible = new ArrayList<>();
    for (int i = 0; i < roster.size(); i++) {
      Member m = roster.get(i);
      if (m.membership() == Membership.FULL && m.status() == MemberStatus.NORMAL) {
        eligible.add(memberIds.get(i));
      }
    }
    int withVote = eligible.size();
    // the posting day: the latest day whose five-day publicity ended before today
    LocalDate posted = today.minusDays(6);
    while (!NominationChecks.publicityEnd(
            posted, 5, PeriodUnit.CALENDAR_DAYS, HolidayCalendar.tyme4j())
        .isBefore(today)) {
      posted = posted.minusDays(1);
    }

    // the five-category list: one teacher on a year's secondment, approved and posted that day or,
    // when a holiday moves the end of its three-day publicity, earlier (the meeting adopts it
    // today)
    LocalDate listPosted = posted;
    while (!AttendanceService.publicityEnd(listPosted).isBefore(today)) {
      listPosted = listPosted.minusDays(1);
    }
    long excused = eligible.get(eligible.size() - 1);
    exclusion(e, excused, ExclusionReasons.DEFAULT.get(4), "支教交流一年，组织关系未转出", now);
    long req2 =
        request(e, ApprovalKind.EXCLUSIONS, "1 名", "demo_branch", now.minusSeconds(12 * 86400));
    decision(
        req2,
        e,
        ApprovalKind.EXCLUSIONS,
        ApprovalDecision.APPROVED,
        "",
        "demo_town",
        now.minusSeconds(11 * 86400));
    jdbc.update(
        "INSERT INTO exclusion_list (election_id, status, publicity_date, version) VALUES (?, ?, ?, 3)",
        e,
        ExclusionStatus.PUBLISHED.name(),
        Date.valueOf(listPosted));

    LocalDate postedOn = posted;
    asUser(
        "demo_branch",
        () -> {
          var profile = electionService.profile(electionService.get(e));
          int count = SCHOOL_SEATS + 1;
          while (!NominationChecks.margin(
                  profile, Stage.PRELIMINARY, SCHOOL_SEATS, SCHOOL_SEATS, count)
              .isEmpty()) {
            count++;
          }
          nominations.recordMeeting(e, withVote, withVote - 2);
          List<Long> nominees = new ArrayList<>();
          for (int i = 0; i < count; i++) {
            nominees.add(nominations.addNominee(e, eligible.get(i), 20 - 2 * i, false));
          }
          nominations.confirmPreliminary(e, nominees, postedOn);
        });
  }

  /** Runs seeding code as a demo user, so the services check and audit it as that person's work. */
  private static void asUser(String username, Runnable body) {
    var context = SecurityContextHolder.getContext();
    var previous = context.getAuthentication();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(
            username, null, List.of(new SimpleGrantedAuthority("ROLE_USER"))));
    try {
      body.run();
    } finally {
      context.setAuthentication(previous);
    }
  }

  private List<Long> insertMembers(long organisationId, List<Member> members, Instant now) {
    Timestamp ts = Timestamp.from(now);
    for (Member m : members) {
      jdbc.update(
          "INSERT INTO party_member (organisation_id, name, gender, ethnicity, birth_date,"
              + " resident_id, education, join_date, membership, status, phone, created_at,"
              + " updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
          organisationId,
          m.name(),
          m.gender().name(),
          m.ethnicity(),
          Date.valueOf(m.birthDate()),
          m.residentId(),
          m.education().name(),
          Date.valueOf(m.joinDate()),
          m.membership().name(),
          m.status().name(),
          m.phone(),
          ts,
          ts);
    }
    audit.append(
        ACTOR,
        "ROSTER_IMPORTED",
        "organisation:" + organisationId,
        "示例数据：载入党员名册 " + members.size() + " 人");
    return jdbc.queryForList(
        "SELECT id FROM party_member WHERE organisation_id = ? ORDER BY id",
        Long.class,
        organisationId);
  }

  private void details(
      long electionId,
      LocalDate start,
      LocalDate expiry,
      String method,
      String place,
      Instant now) {
    jdbc.update(
        "INSERT INTO election_plan (election_id, term_start, term_expiry, method, meeting_place,"
            + " updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        electionId,
        Date.valueOf(start),
        Date.valueOf(expiry),
        method,
        place,
        ACTOR,
        Timestamp.from(now));
  }

  private long request(long electionId, ApprovalKind kind, String summary, String by, Instant at) {
    jdbc.update(
        "INSERT INTO approval_request (election_id, kind, summary, submitted_by, submitted_at)"
            + " VALUES (?, ?, ?, ?, ?)",
        electionId,
        kind.name(),
        summary,
        by,
        Timestamp.from(at));
    return jdbc.queryForObject(
        "SELECT MAX(id) FROM approval_request WHERE election_id = ? AND kind = ?",
        Long.class,
        electionId,
        kind.name());
  }

  private void decision(
      long requestId,
      long electionId,
      ApprovalKind kind,
      ApprovalDecision d,
      String comment,
      String by,
      Instant at) {
    jdbc.update(
        "INSERT INTO approval (request_id, election_id, kind, decision, comment, decided_by,"
            + " decided_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        requestId,
        electionId,
        kind.name(),
        d.name(),
        comment,
        by,
        Timestamp.from(at));
  }

  private void exclusion(long electionId, long memberId, String reason, String note, Instant now) {
    jdbc.update(
        "INSERT INTO exclusion (election_id, member_id, reason, note, created_by, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?)",
        electionId,
        memberId,
        reason,
        note,
        "demo_branch",
        Timestamp.from(now));
  }

  static String randomPassword() {
    SecureRandom r = new SecureRandom();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 14; i++) {
      sb.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
    }
    sb.setCharAt(r.nextInt(7), (char) ('2' + r.nextInt(8)));
    sb.setCharAt(7 + r.nextInt(7), (char) ('a' + r.nextInt(26)));
    return sb.toString();
  }
}
