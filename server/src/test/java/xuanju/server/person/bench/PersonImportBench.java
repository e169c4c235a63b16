package xuanju.server.person.bench;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import xuanju.server.XuanjuApplication;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.person.PersonImportReport;
import xuanju.server.person.PersonImportService;
import xuanju.server.person.PopulationGenerator;
import xuanju.server.support.EmbeddedPostgresHolder;

/**
 * Benchmark (not a test) of the person-register import (居民名册导入基准): generates one file of N
 * residents with {@link PopulationGenerator} and times {@link PersonImportService#importFile} —
 * streaming read, {@code Residents.validate} of every row, duplicate and holder look-ups, the spool
 * and the bulk write in one transaction — against the real application on an H2 file database and
 * on embedded PostgreSQL 15. Eligibility and district assignment are not part of the import (they
 * belong to the voter register).
 *
 * <p>Run with {@code bench/person-import.sh [h2] [postgres]}. System properties: {@code rows}
 * (default 1000000), {@code format} ({@code xlsx} or {@code csv}, default xlsx).
 */
public final class PersonImportBench {
  private PersonImportBench() {}

  public static void main(String[] args) throws Exception {
    int rows = Integer.getInteger("rows", 1_000_000);
    String format = System.getProperty("format", "xlsx");
    List<String> dbs = args.length == 0 ? List.of("h2", "postgres") : List.of(args);
    Path dir = Files.createTempDirectory("xuanju-person-bench");
    Path file = dir.resolve("people." + format);
    PopulationGenerator gen = PopulationGenerator.of(rows, LocalDate.now().plusDays(60));
    System.out.printf("生成测试文件：%,d 行（%s）…%n", rows, format);
    long g0 = System.nanoTime();
    if (format.equals("csv")) {
      gen.writeCsv(file);
    } else {
      gen.writeXlsx(file);
    }
    System.out.printf(
        "  用时 %.1f s，文件 %.1f MB%n", (System.nanoTime() - g0) / 1e9, Files.size(file) / 1048576.0);
    try {
      for (String db : dbs) {
        run(db, dir, file, rows);
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static void run(String db, Path dir, Path file, int rows) throws Exception {
    Path data = Files.createTempDirectory(dir, db);
    Map<String, Object> props = new java.util.HashMap<>();
    props.put("xuanju.data-dir", data.toString());
    props.put("xuanju.admin.initial-password", "BenchAdmin2026");
    props.put("xuanju.db", "h2");
    props.put("server.port", "0");
    props.put("logging.level.root", "WARN");
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
      PersonImportService imports = ctx.getBean(PersonImportService.class);
      OrganisationService orgs = ctx.getBean(OrganisationService.class);
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
      long org = orgs.create("bench", null, "基准测试镇", "TOWN_COMMITTEE");
      double load =
          java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      long cpu0 = cpu();
      long t0 = System.nanoTime();
      PersonImportReport r;
      try (InputStream in = Files.newInputStream(file)) {
        r = imports.importFile(org, file.getFileName().toString(), in, Files.size(file));
      }
      double s = (System.nanoTime() - t0) / 1e9;
      if (!r.ok()) {
        throw new IllegalStateException(
            "导入失败：" + r.errors().subList(0, Math.min(5, r.errors().size())));
      }
      Long stored =
          jdbc.queryForObject(
              "SELECT COUNT(*) FROM person WHERE organisation_id = ?", Long.class, org);
      System.out.printf(
          "[%s | %s] 导入 %,d 行：%.1f s（%,.0f 行/秒），新增 %,d 人（库中 %,d 人）；本进程 CPU %.1f s；开始时系统负载 %.1f（%d 核）%n",
          db,
          product,
          rows,
          s,
          rows / s,
          r.created(),
          stored,
          (cpu() - cpu0) / 1e9,
          load,
          Runtime.getRuntime().availableProcessors());
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  /** CPU time of this JVM (all threads), ns; the PostgreSQL server processes are not included. */
  private static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
