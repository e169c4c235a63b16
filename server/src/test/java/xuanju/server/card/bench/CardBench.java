package xuanju.server.card.bench;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import xuanju.server.XuanjuApplication;
import xuanju.server.access.Role;
import xuanju.server.card.CardFixture;
import xuanju.server.card.CardService;
import xuanju.server.card.VoterCardToken;
import xuanju.server.documents.PdfDocument;
import xuanju.server.election.ElectionKind;
import xuanju.server.election.ElectionService;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.security.UserRepository;
import xuanju.server.support.EmbeddedPostgresHolder;

/**
 * Benchmarks (not tests) of the voter cards and the check-in look-up (选民证与签到查询基准), on the real
 * application with an H2 file database or embedded PostgreSQL 15:
 *
 * <ul>
 *   <li>{@code cards <db>}: registers {@code -Dvoters=10000} voters in one district (two stations)
 *       and times {@link CardService#cards} three times (the first in a cold JVM);
 *   <li>{@code serve <db>}: registers {@code -Dvoters=20000} voters in 4 districts, 1 % of them
 *       with a valid proxy, runs {@code ANALYZE} (as autovacuum would soon after the bulk load),
 *       creates a desk user (计票人), writes a file of look-up queries (exact names, ID numbers,
 *       scanned QR codes, name prefixes) and prints {@code READY <url> <election> <user> <password>
 *       <query file>}; then serves until killed ({@code bench/voter-lookup.sh}).
 * </ul>
 */
public final class CardBench {
  static final String PASSWORD = "Bench-Desk-2026";

  private CardBench() {}

  public static void main(String[] args) throws Exception {
    String mode = args.length > 0 ? args[0] : "cards";
    String db = args.length > 1 ? args[1] : "h2";
    Path data = Files.createTempDirectory("xuanju-card-bench-" + db);
    Map<String, Object> props = new HashMap<>();
    props.put("xuanju.data-dir", data.toString());
    props.put("xuanju.admin.initial-password", "BenchAdmin2026");
    props.put("server.port", mode.equals("serve") ? Integer.toString(freePort()) : "0");
    props.put("logging.level.root", "WARN");
    props.put("logging.file.name", data.resolve("bench.log").toString());
    props.put("xuanju.integrity.check-interval", "0");
    if (db.equals("postgres")) {
      props.put("spring.datasource.url", EmbeddedPostgresHolder.newDatabaseUrl());
      props.put("spring.datasource.username", "postgres");
      props.put("spring.datasource.password", "");
    }
    String[] cmd =
        props.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    ConfigurableApplicationContext ctx =
        new SpringApplicationBuilder(XuanjuApplication.class).run(cmd);
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(
                "admin", "n/a", AuthorityUtils.createAuthorityList("ROLE_ADMIN", "ROLE_USER")));
    JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
    String product =
        jdbc.execute(
            (java.sql.Connection c) ->
                c.getMetaData().getDatabaseProductName()
                    + " "
                    + c.getMetaData().getDatabaseProductVersion());
    CardFixture f =
        CardFixture.election(
            ctx.getBean(OrganisationService.class),
            ctx.getBean(ElectionService.class),
            jdbc,
            ElectionKind.TOWN_PEOPLES_CONGRESS);
    if (mode.equals("cards")) {
      try {
        cards(ctx, f, jdbc, db + " | " + product);
      } finally {
        ctx.close();
      }
      System.exit(0);
    }
    serve(ctx, f, jdbc, props.get("server.port").toString());
  }

  private static void cards(
      ConfigurableApplicationContext ctx, CardFixture f, JdbcTemplate jdbc, String label) {
    int n = Integer.getInteger("voters", 10_000);
    long d = f.district(1, "基准选区");
    long s1 = f.station(d, "第一投票站", false);
    long s2 = f.station(d, "第二投票站", false);
    long t0 = System.nanoTime();
    List<Long> regs = bulkVoters(jdbc, f, d, "基准村", n, 0);
    jdbc.update(
        "UPDATE voter_registration SET station_id = CASE WHEN MOD(voter_no, 2) = 0 THEN ? ELSE ? END"
            + " WHERE district_id = ?",
        s1,
        s2,
        d);
    System.out.printf(
        "[%s] 登记 %,d 名选民（批量写入）：%.1f s%n", label, regs.size(), (System.nanoTime() - t0) / 1e9);
    CardService cards = ctx.getBean(CardService.class);
    for (int run = 1; run <= 3; run++) {
      double load =
          java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      long t = System.nanoTime();
      PdfDocument.Result pdf = cards.cards(f.electionId, d, null);
      double sec = (System.nanoTime() - t) / 1e9;
      System.out.printf(
          "[%s] 第%d次打印选民证 %,d 张：%.2f s（%d 页，%.1f MB）；开始时系统负载 %.1f%n",
          label, run, n, sec, pdf.pageCount(), pdf.pdf().length / 1048576.0, load);
      String out = System.getProperty("out");
      if (out != null && run == 3) {
        try {
          Files.write(Path.of(out), pdf.pdf());
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    }
  }

  private static void serve(
      ConfigurableApplicationContext ctx, CardFixture f, JdbcTemplate jdbc, String port)
      throws Exception {
    int n = Integer.getInteger("voters", 20_000);
    int districts = 4;
    List<String[]> queries = new ArrayList<>();
    VoterCardToken tokens = ctx.getBean(VoterCardToken.class);
    for (int k = 1; k <= districts; k++) {
      long d = f.district(k, "第" + k + "片区");
      bulkVoters(jdbc, f, d, "片区" + k, n / districts, (k - 1) * (n / districts));
      jdbc.query(
          "SELECT p.name, p.resident_id, r.voter_no FROM voter_registration r"
              + " JOIN person p ON p.id = r.person_id WHERE r.district_id = ?",
          rs -> {
            queries.add(
                new String[] {
                  rs.getString(1), rs.getString(2), tokens.encode(f.electionId, d, rs.getInt(3))
                });
          },
          d);
    }
    // 1 % of the voters gave a valid proxy to the next voter of their district (委托投票)
    jdbc.update(
        "INSERT INTO voter_proxy (election_id, principal_registration_id, holder_registration_id,"
            + " active_principal_id, authorised_on, reason, written, consent_on, consent_by, status,"
            + " recorded_by, created_at, updated_at)"
            + " SELECT r.election_id, r.id, h.id, r.id, ?, '外出务工', TRUE, ?, '选举委员会', 'VALID',"
            + " 'bench', ?, ? FROM voter_registration r JOIN voter_registration h"
            + " ON h.district_id = r.district_id AND h.voter_no = r.voter_no + 1"
            + " WHERE r.election_id = ? AND MOD(r.voter_no, 100) = 0",
        Date.valueOf(LocalDate.now()),
        Date.valueOf(LocalDate.now()),
        Timestamp.from(Instant.now()),
        Timestamp.from(Instant.now()),
        f.electionId);
    // what autovacuum's analyze does in production a minute after a bulk load: without statistics
    // the planner takes the new tables for empty and scans the election's registrations per look-up
    long ta = System.nanoTime();
    jdbc.execute("ANALYZE");
    System.out.printf("ANALYZE after the bulk load: %.1f s%n", (System.nanoTime() - ta) / 1e9);
    String user = "bench-desk";
    UserRepository users = ctx.getBean(UserRepository.class);
    long uid =
        users.insert(
            user, user, new BCryptPasswordEncoder(4).encode(PASSWORD), false, false, Instant.now());
    jdbc.update(
        "INSERT INTO role_grant (user_id, organisation_id, role, created_at) VALUES (?, ?, ?, ?)",
        uid,
        f.organisationId,
        Role.CLERK.name(),
        Timestamp.from(Instant.now()));
    Path file = Files.createTempFile("xuanju-lookup-queries", ".tsv");
    Random rnd = new Random(7);
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
      for (int i = 0; i < 20_000; i++) {
        String[] v = queries.get(rnd.nextInt(queries.size()));
        switch (i % 4) {
          case 0 -> w.println("q\t" + v[0]);
          case 1 -> w.println("q\t" + v[1]);
          case 2 -> w.println("qr\t" + v[2]);
          default -> w.println("q\t" + v[0].substring(0, 2));
        }
      }
    }
    System.out.println(
        "READY http://localhost:"
            + port
            + " "
            + f.electionId
            + " "
            + user
            + " "
            + PASSWORD
            + " "
            + file);
    System.out.flush();
    Thread.currentThread().join();
  }

  /**
   * Registers {@code count} new persons of a unit in a district with batched inserts; voter numbers
   * from {@code offset + 1}. Returns the registration ids.
   */
  static List<Long> bulkVoters(
      JdbcTemplate jdbc, CardFixture f, long districtId, String unit, int count, int offset) {
    Instant now = Instant.now();
    List<Object[]> persons = new ArrayList<>(count);
    List<String> ids = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String id = CardFixture.nextResidentId();
      ids.add(id);
      persons.add(
          new Object[] {
            f.organisationId,
            unit,
            f.name(offset + i),
            id,
            (id.charAt(16) - '0') % 2 == 1 ? "男" : "女",
            Date.valueOf(
                LocalDate.of(
                    Integer.parseInt(id.substring(6, 10)),
                    Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)))),
            "第" + (i % 12 + 1) + "组",
            Timestamp.from(now),
            Timestamp.from(now)
          });
    }
    jdbc.batchUpdate(
        "INSERT INTO person (organisation_id, unit, name, resident_id, gender, birth_date,"
            + " residents_group, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        persons);
    jdbc.update(
        "INSERT INTO voter_registration (election_id, district_id, person_id, scope, voter_no,"
            + " basis, registered_on, status, created_at, updated_at)"
            + " SELECT ?, ?, p.id, ?, CAST(? AS INTEGER) + CAST(ROW_NUMBER() OVER (ORDER BY p.id) AS INTEGER), 'HUKOU', ?, 'LISTED',"
            + " ?, ? FROM person p WHERE p.organisation_id = ? AND p.unit = ?",
        f.electionId,
        districtId,
        "BENCH:" + f.electionId,
        offset,
        Date.valueOf(LocalDate.now()),
        Timestamp.from(now),
        Timestamp.from(now),
        f.organisationId,
        unit);
    return jdbc.queryForList(
        "SELECT id FROM voter_registration WHERE district_id = ?", Long.class, districtId);
  }

  static int freePort() throws java.io.IOException {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
