package xuanju.server.register.bench;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import xuanju.server.XuanjuApplication;
import xuanju.server.database.LocalPostgres;
import xuanju.server.election.ElectionForm;
import xuanju.server.election.ElectionKind;
import xuanju.server.election.ElectionService;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.person.PersonImportReport;
import xuanju.server.person.PersonImportService;
import xuanju.server.person.PopulationGenerator;
import xuanju.server.register.RegistrationService;
import xuanju.server.support.EmbeddedPostgresHolder;

/**
 * Benchmark (not a test) of the whole way from a residents' file to the voter register (居民名册导入并
 * 登记选民基准), the "import 1,000,000 residents, with eligibility, duplicate checks and district
 * assignment": {@link PersonImportService#importFile} of a generated file ({@link
 * PopulationGenerator}: {@code units} villages of 10 groups each), then — the districts formed, one
 * village each, by plain SQL, not timed — {@link RegistrationService#registerAll} (eligibility on
 * election day, the one-registration check, district assignment, voter numbers). Both timed; the
 * figure is their sum. Checks afterwards that everyone was either listed or refused, and that the
 * voter numbers of every district run 1..n.
 *
 * <p>Run with {@code bench/residents-register.sh [h2] [postgres]}; system properties {@code people}
 * (default 1000000), {@code units} (default 50), {@code format} (csv or xlsx, default csv).
 */
public final class ResidentsToRegisterBench {
  private ResidentsToRegisterBench() {}

  public static void main(String[] args) throws Exception {
    int people = Integer.getInteger("people", 1_000_000);
    int units = Integer.getInteger("units", 50);
    String format = System.getProperty("format", "csv");
    List<String> dbs = args.length == 0 ? List.of("h2", "postgres") : List.of(args);
    // the shared buffers the built-in database would have on this machine (LocalPostgres)
    if (System.getProperty("xuanju.test.pg.shared-buffers") == null) {
      System.setProperty("xuanju.test.pg.shared-buffers", LocalPostgres.sharedBuffers());
    }
    Path dir = Files.createTempDirectory("xuanju-residents-register-bench");
    Path file = dir.resolve("residents." + format);
    LocalDate day = LocalDate.now().plusDays(40);
    Map<String, List<String>> villages = new LinkedHashMap<>();
    for (int u = 1; u <= units; u++) {
      List<String> groups = new ArrayList<>();
      for (int g = 1; g <= 10; g++) {
        groups.add("第" + g + "组");
      }
      villages.put("基准" + u + "村", groups);
    }
    PopulationGenerator gen = PopulationGenerator.of(people, day).withUnits(villages);
    long g0 = System.nanoTime();
    if (format.equals("csv")) {
      gen.writeCsv(file);
    } else {
      gen.writeXlsx(file);
    }
    System.out.printf(
        "生成 %,d 名居民（%d 个村，%s，%.1f MB）：%.1f s（不计时）%n",
        people, units, format, Files.size(file) / 1048576.0, (System.nanoTime() - g0) / 1e9);
    try {
      for (String db : dbs) {
        run(db, dir, file, people, villages, day);
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static void run(
      String db, Path dir, Path file, int people, Map<String, List<String>> villages, LocalDate day)
      throws Exception {
    Path data = Files.createTempDirectory(dir, db);
    Map<String, Object> props = new java.util.HashMap<>();
    props.put("xuanju.data-dir", data.toString());
    props.put("xuanju.admin.initial-password", "BenchAdmin2026");
    props.put("server.port", "0");
    props.put("logging.level.root", "WARN");
    props.put("logging.level.xuanju.server.register", "INFO");
    props.put("logging.level.xuanju.server.person", "INFO");
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
      String product =
          jdbc.execute(
              (java.sql.Connection c) ->
                  c.getMetaData().getDatabaseProductName()
                      + " "
                      + c.getMetaData().getDatabaseProductVersion());
      SecurityContextHolder.getContext()
          .setAuthentication(
              UsernamePasswordAuthenticationToken.authenticated(
                  "admin", "n/a", AuthorityUtils.createAuthorityList("ROLE_ADMIN", "ROLE_USER")));
      long org = ctx.getBean(OrganisationService.class).create("bench", null, "基准测试镇", "TOWN");
      double load0 = load();
      long cpu0 = cpu();
      long t0 = System.nanoTime();
      PersonImportReport r;
      try (InputStream in = Files.newInputStream(file)) {
        r =
            ctx.getBean(PersonImportService.class)
                .importFile(org, file.getFileName().toString(), in, Files.size(file));
      }
      double imported = (System.nanoTime() - t0) / 1e9;
      if (!r.ok()) {
        throw new IllegalStateException(
            "导入失败：" + r.errors().subList(0, Math.min(5, r.errors().size())));
      }

      long election =
          ctx.getBean(ElectionService.class)
              .create(
                  new ElectionForm(
                      org,
                      "基准测试镇人大代表选举",
                      ElectionKind.TOWN_PEOPLES_CONGRESS,
                      ElectionKind.TOWN_PEOPLES_CONGRESS.defaultProfile(),
                      Map.of(),
                      "",
                      false,
                      2,
                      0,
                      0,
                      null,
                      day,
                      5));
      int d = 0;
      for (String unit : villages.keySet()) {
        d++;
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update(
            "INSERT INTO district (election_id, number, name, basis, population, seats,"
                + " created_at, updated_at) VALUES (?, ?, ?, 'RESIDENCE', 0, 2, ?, ?)",
            election,
            d,
            "第" + d + "选区",
            now,
            now);
        long id =
            jdbc.queryForObject(
                "SELECT id FROM district WHERE election_id = ? AND number = ?",
                Long.class,
                election,
                d);
        jdbc.update(
            "INSERT INTO district_unit (district_id, election_id, unit) VALUES (?, ?, ?)",
            id,
            election,
            unit);
      }

      double load1 = load();
      long t1 = System.nanoTime();
      var run = ctx.getBean(RegistrationService.class).registerAll(election, null);
      double registered = (System.nanoTime() - t1) / 1e9;
      long cpu = cpu() - cpu0;
      int refused =
          run.districts().stream()
              .mapToInt(x -> x.refused().values().stream().mapToInt(Integer::intValue).sum())
              .sum();
      if (run.listed() + refused != people) {
        throw new IllegalStateException(
            "列入 " + run.listed() + " + 不予登记 " + refused + " ≠ " + people);
      }
      jdbc.query(
          "SELECT district_id, COUNT(*), MIN(voter_no), MAX(voter_no) FROM voter_registration"
              + " WHERE election_id = ? GROUP BY district_id",
          rs -> {
            if (rs.getInt(3) != 1 || rs.getInt(4) != rs.getInt(2)) {
              throw new IllegalStateException("选民证号不连续：选区 " + rs.getLong(1));
            }
          },
          election);
      System.out.printf(
          "[%s | %s] %,d 名居民：导入 %.1f s + 选民登记 %.1f s = %.1f s；列入 %,d 名，不予登记 %,d 名；"
              + "本进程 CPU %.1f s；系统负载 %.1f / %.1f / %.1f（开始、登记前、结束；%d 核）%n",
          db,
          product,
          people,
          imported,
          registered,
          imported + registered,
          run.listed(),
          refused,
          cpu / 1e9,
          load0,
          load1,
          load(),
          Runtime.getRuntime().availableProcessors());
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  private static double load() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  /** CPU time of this JVM (all threads), ns; the PostgreSQL server processes are not included. */
  private static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
