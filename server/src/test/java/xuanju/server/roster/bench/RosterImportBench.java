package xuanju.server.roster.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import xuanju.core.roster.Member;
import xuanju.core.roster.RosterField;
import xuanju.server.XuanjuApplication;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.roster.ImportMode;
import xuanju.server.roster.ImportReport;
import xuanju.server.roster.RosterFixtures;
import xuanju.server.roster.RosterService;
import xuanju.server.support.EmbeddedPostgresHolder;

/**
 * Benchmark (not a test) of the roster import (党员名册导入基准): generates .xlsx files of 100,000 valid
 * members and times {@link RosterService#importXlsx} — streaming read, validation of every row,
 * conflict look-ups and batched inserts in one transaction — against the real application on an H2
 * file database and on embedded PostgreSQL 15. Also times the export of the imported roster.
 *
 * <p>Run with {@code bench/roster-import.sh [h2] [postgres]}. Arguments: databases to use (default
 * both); system property {@code rows} (default 100000).
 */
public final class RosterImportBench {
  private RosterImportBench() {}

  public static void main(String[] args) throws Exception {
    int rows = Integer.getInteger("rows", 100_000);
    List<String> dbs = args.length == 0 ? List.of("h2", "postgres") : List.of(args);
    Path dir = Files.createTempDirectory("xuanju-roster-bench");
    System.out.printf("生成测试文件：2 × %,d 行 …%n", rows);
    long g0 = System.nanoTime();
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Path f = dir.resolve("roster-" + i + ".xlsx");
      generate(f, rows, 1000L + i);
      files.add(f);
    }
    System.out.printf(
        "  用时 %.1f s，每个文件 %.1f MB%n",
        (System.nanoTime() - g0) / 1e9, Files.size(files.get(0)) / 1048576.0);

    for (String db : dbs) {
      run(db, dir, files, rows);
      // every database gets fresh files (the ID counter moved on, so IDs never repeat)
      files = List.of(regenerate(dir, rows, 3000L), regenerate(dir, rows, 3001L));
    }
  }

  private static Path regenerate(Path dir, int rows, long seed) throws IOException {
    Path f = dir.resolve("roster-" + seed + ".xlsx");
    generate(f, rows, seed);
    return f;
  }

  private static void run(String db, Path dir, List<Path> files, int rows) throws Exception {
    Path data = Files.createTempDirectory(dir, db);
    Map<String, Object> props = new java.util.HashMap<>();
    props.put("xuanju.data-dir", data.toString());
    props.put("xuanju.admin.initial-password", "BenchAdmin2026");
    props.put("server.port", "0");
    props.put("logging.level.root", "WARN");
    props.put("logging.level.xuanju.server.roster", "INFO");
    props.put("logging.file.name", data.resolve("bench.log").toString());
    if (db.equals("postgres")) {
      props.put("spring.datasource.url", EmbeddedPostgresHolder.newDatabaseUrl());
      props.put("spring.datasource.username", "postgres");
      props.put("spring.datasource.password", "");
    }
    // as command-line arguments: they override application.properties (default properties would
    // not)
    String[] cmd =
        props.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    try (ConfigurableApplicationContext ctx =
        new SpringApplicationBuilder(XuanjuApplication.class).run(cmd)) {
      RosterService roster = ctx.getBean(RosterService.class);
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
      long town = orgs.create("bench", null, "基准测试镇党委", "TOWN_COMMITTEE");
      int run = 0;
      for (Path f : files) {
        run++;
        long org = orgs.create("bench", town, "基准测试党支部" + run, "BRANCH");
        double load =
            java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage();
        long cpu0 = cpu();
        long t0 = System.nanoTime();
        ImportReport r;
        try (InputStream in = Files.newInputStream(f)) {
          r =
              roster.importXlsx(
                  org, f.getFileName().toString(), in, Files.size(f), ImportMode.REJECT_EXISTING);
        }
        double s = (System.nanoTime() - t0) / 1e9;
        if (!r.ok()) {
          throw new IllegalStateException(
              "导入失败：" + r.errors().subList(0, Math.min(5, r.errors().size())));
        }
        System.out.printf(
            "[%s | %s] 第%d次导入 %,d 行：%.2f s（%,.0f 行/秒），新增 %,d 人；本进程 CPU %.1f s；开始时系统负载 %.1f（%d 核）%n",
            db,
            product,
            run,
            rows,
            s,
            rows / s,
            r.created(),
            (cpu() - cpu0) / 1e9,
            load,
            Runtime.getRuntime().availableProcessors());
        long e0 = System.nanoTime();
        long ecpu0 = cpu();
        Path out = data.resolve("export-" + run + ".xlsx");
        int n;
        try (OutputStream o = Files.newOutputStream(out)) {
          n = roster.export(org, o);
        }
        System.out.printf(
            "[%s] 第%d次导出 %,d 行：%.2f s，%.1f MB；本进程 CPU %.1f s%n",
            db,
            run,
            n,
            (System.nanoTime() - e0) / 1e9,
            Files.size(out) / 1048576.0,
            (cpu() - ecpu0) / 1e9);
      }
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  /** CPU time of this JVM (all threads), ns; the database server of PostgreSQL is not included. */
  private static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** Writes {@code rows} valid members with SXSSF: text columns, date columns as Excel dates. */
  static void generate(Path file, int rows, long seed) throws IOException {
    Random r = new Random(seed);
    try (SXSSFWorkbook wb = new SXSSFWorkbook(200);
        OutputStream out = Files.newOutputStream(file)) {
      SXSSFSheet s = wb.createSheet("党员名册");
      CellStyle date = wb.createCellStyle();
      date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
      Row h = s.createRow(0);
      RosterField[] fields = RosterField.values();
      for (int c = 0; c < fields.length; c++) {
        h.createCell(c).setCellValue(fields[c].labelZh());
      }
      for (int i = 1; i <= rows; i++) {
        Member m = RosterFixtures.member(r);
        List<String> cells = RosterFixtures.row(m);
        Row row = s.createRow(i);
        for (int c = 0; c < fields.length; c++) {
          var cell = row.createCell(c);
          if (fields[c] == RosterField.BIRTH_DATE) {
            cell.setCellValue(m.birthDate());
            cell.setCellStyle(date);
          } else if (fields[c] == RosterField.JOIN_DATE) {
            cell.setCellValue(m.joinDate());
            cell.setCellStyle(date);
          } else {
            cell.setCellValue(cells.get(c));
          }
        }
      }
      wb.write(out);
    }
  }
}
