package xuanju.server.plan;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.springframework.jdbc.core.JdbcTemplate;
import xuanju.core.roster.Member;
import xuanju.core.roster.MemberStatus;
import xuanju.core.roster.Membership;
import xuanju.server.access.Role;
import xuanju.server.demo.DemoMembers;
import xuanju.server.election.ElectionForm;
import xuanju.server.election.ElectionKind;
import xuanju.server.election.ElectionService;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.security.UserRepository;
import xuanju.server.support.SignIn;

/** Set-up for the plan and attendance tests: a town, a branch with members, users, an election. */
public final class PlanFixtures {
  private static final AtomicInteger N = new AtomicInteger();
  private static final java.util.Set<String> IDS = new HashSet<>();

  private PlanFixtures() {}

  /** Organisation ids and user names of one scenario. */
  public record Scenario(
      long town,
      long branch,
      long otherBranch,
      String branchAdmin,
      String officer,
      List<Long> members) {}

  /**
   * A town with a branch of {@code full} full members and {@code probationary} probationary ones
   * (plus a sibling branch with 3 members), a branch administrator and a town officer.
   */
  public static Scenario scenario(
      OrganisationService orgs,
      UserRepository users,
      JdbcTemplate jdbc,
      int full,
      int probationary) {
    int n = N.incrementAndGet();
    long[] ids = new long[3];
    SignIn.as(
        "admin",
        true,
        () -> {
          ids[0] = orgs.create("admin", null, "方案测试镇党委" + n, "TOWN_COMMITTEE");
          ids[1] = orgs.create("admin", ids[0], "方案测试支部" + n, "BRANCH");
          ids[2] = orgs.create("admin", ids[0], "方案测试另一支部" + n, "BRANCH");
        });
    String admin = "h7admin" + n;
    String officer = "h7officer" + n;
    user(users, jdbc, admin, ids[1], Role.ELECTION_ADMIN);
    user(users, jdbc, officer, ids[0], Role.UPPER_OFFICER);
    List<Long> members = insert(jdbc, ids[1], full, probationary, 1000L + n);
    insert(jdbc, ids[2], 3, 0, 5000L + n);
    return new Scenario(ids[0], ids[1], ids[2], admin, officer, members);
  }

  public static void user(
      UserRepository users, JdbcTemplate jdbc, String name, long org, Role role) {
    long id =
        users
            .findByUsername(name)
            .map(u -> u.id())
            .orElseGet(() -> users.insert(name, name, "{noop}x", false, false, Instant.now()));
    jdbc.update(
        "INSERT INTO role_grant (user_id, organisation_id, role, created_at) VALUES (?, ?, ?, ?)",
        id,
        org,
        role.name(),
        Timestamp.from(Instant.now()));
  }

  /** Inserts members (probationary first); returns their ids in insertion order. */
  public static synchronized List<Long> insert(
      JdbcTemplate jdbc, long org, int full, int probationary, long seed) {
    // avoid IDs already in the database (demo data, other tests)
    IDS.addAll(jdbc.queryForList("SELECT resident_id FROM party_member", String.class));
    List<Member> ms =
        DemoMembers.generate(
            new Random(seed), full + probationary, probationary, 0, LocalDate.now(), IDS);
    List<Long> out = new ArrayList<>();
    for (Member m : ms) {
      jdbc.update(
          "INSERT INTO party_member (organisation_id, name, gender, ethnicity, birth_date,"
              + " resident_id, education, join_date, membership, status, phone, created_at,"
              + " updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
          org,
          m.name(),
          m.gender().name(),
          m.ethnicity(),
          Date.valueOf(m.birthDate()),
          m.residentId(),
          m.education().name(),
          Date.valueOf(m.joinDate()),
          m.membership().name(),
          MemberStatus.NORMAL.name(),
          m.phone(),
          Timestamp.from(Instant.now()),
          Timestamp.from(Instant.now()));
      out.add(
          jdbc.queryForObject(
              "SELECT id FROM party_member WHERE resident_id = ?", Long.class, m.residentId()));
    }
    assert ms.stream().filter(m -> m.membership() == Membership.PROBATIONARY).count()
        == probationary;
    return out;
  }

  /** Creates an election as the system administrator. */
  public static long election(
      ElectionService elections, long org, boolean hasCommittee, int seats, LocalDate day) {
    long[] id = new long[1];
    SignIn.as(
        "admin",
        true,
        () ->
            id[0] =
                elections.create(
                    new ElectionForm(
                        org,
                        "测试换届选举" + N.incrementAndGet(),
                        ElectionKind.PARTY_BRANCH,
                        "PARTY_GRASSROOTS",
                        java.util.Map.of(),
                        "",
                        hasCommittee,
                        seats,
                        1,
                        hasCommittee ? 1 : 0,
                        null,
                        day,
                        3)));
    return id[0];
  }

  public static String docxText(byte[] docx) throws Exception {
    try (var doc = new XWPFDocument(new java.io.ByteArrayInputStream(docx));
        var ex = new XWPFWordExtractor(doc)) {
      return ex.getText();
    }
  }

  public static String pdfText(byte[] pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
    }
  }
}
