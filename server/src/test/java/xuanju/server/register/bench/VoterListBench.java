package xuanju.server.register.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import xuanju.core.roster.ResidentIds;
import xuanju.server.XuanjuApplication;
import xuanju.server.documents.PdfDocument;
import xuanju.server.election.ElectionForm;
import xuanju.server.election.ElectionKind;
import xuanju.server.election.ElectionService;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.register.DistrictInfo;
import xuanju.server.register.RegisterDocuments;
import xuanju.server.register.RegistrationService;
import xuanju.server.register.VoterListService;
import xuanju.server.support.EmbeddedPostgresHolder;

/**
 * Benchmark (not a test) of the voter register (选民登记基准): inserts {@code people} persons spread over
 * {@code districts} districts (plain SQL, not timed), times {@link RegistrationService#registerAll}
 * (eligibility on election day, the one-registration check against the register, district
 * assignment, batched inserts) and then the posting list PDF of district 1 (read, sort by 居民小组 and
 * 姓氏笔画, render with the embedded font).
 *
 * <p>Run with {@code bench/voter-list.sh [h2] [postgres]}; system properties {@code people}
 * (default 20000) and {@code districts} (default 1).
 */
public final class VoterListBench {
  private VoterListBench() {}

  private static final String SURNAMES =
      "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
  private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉玲建国红梅志文斌宁";

  public static void main(String[] args) throws Exception {
    int people = Integer.getInteger("people", 20_000);
    int districts = Integer.getInteger("districts", 1);
    List<String> dbs = args.length == 0 ? List.of("h2", "postgres") : List.of(args);
    Path dir = Files.createTempDirectory("xuanju-voterlist-bench");
    for (String db : dbs) {
      run(db, dir, people, districts);
    }
  }

  private static void run(String db, Path dir, int people, int districts) throws Exception {
    Path data = Files.createTempDirectory(dir, db);
    Map<String, Object> props = new java.util.HashMap<>();
    props.put("xuanju.data-dir", data.toString());
    props.put("xuanju.admin.initial-password", "BenchAdmin2026");
    props.put("server.port", "0");
    props.put("logging.level.root", "WARN");
    props.put("logging.level.xuanju.server.register", "INFO");
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
      if (db.equals("postgres")) {
        product += ", lc_collate " + jdbc.queryForObject("SHOW lc_collate", String.class);
      }
      SecurityContextHolder.getContext()
          .setAuthentication(
              UsernamePasswordAuthenticationToken.authenticated(
                  "admin", "n/a", AuthorityUtils.createAuthorityList("ROLE_ADMIN", "ROLE_USER")));
      long org = ctx.getBean(OrganisationService.class).create("bench", null, "基准测试镇", "TOWN");
      LocalDate day = LocalDate.now().plusDays(40);
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
      long t0 = System.nanoTime();
      List<Long> districtIds = new ArrayList<>();
      for (int d = 1; d <= districts; d++) {
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
        districtIds.add(id);
        jdbc.update(
            "INSERT INTO district_unit (district_id, election_id, unit) VALUES (?, ?, ?)",
            id,
            election,
            "基准村" + d);
      }
      insertPeople(jdbc, org, people, districts);
      System.out.printf(
          "[%s | %s] 准备 %,d 名居民（%d 个选区）：%.1f s（不计时）%n",
          db, product, people, districts, (System.nanoTime() - t0) / 1e9);

      double load =
          java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      long t1 = System.nanoTime();
      var run = ctx.getBean(RegistrationService.class).registerAll(election, null);
      double reg = (System.nanoTime() - t1) / 1e9;
      int refused =
          run.districts().stream()
              .mapToInt(x -> x.refused().values().stream().mapToInt(Integer::intValue).sum())
              .sum();
      System.out.printf(
          "[%s] 选民登记 %,d 人（资格审核、一人一登记核对、按选区分配、写入）：%.2f s（%,.0f 人/秒），列入 %,d 名，不予登记 %,d 名；开始时系统负载 %.1f（%d 核）%n",
          db,
          people,
          reg,
          people / reg,
          run.listed(),
          refused,
          load,
          Runtime.getRuntime().availableProcessors());

      // voter numbers 1..n in every district, no gaps (the run numbers in chunks)
      jdbc.query(
          "SELECT district_id, COUNT(*), MIN(voter_no), MAX(voter_no) FROM voter_registration"
              + " WHERE election_id = ? GROUP BY district_id",
          rs -> {
            if (rs.getInt(3) != 1 || rs.getInt(4) != rs.getInt(2)) {
              throw new IllegalStateException("选民证号不连续：选区 " + rs.getLong(1));
            }
          },
          election);

      VoterListService lists = ctx.getBean(VoterListService.class);
      var e = ctx.getBean(ElectionService.class).get(election);
      for (int round = 1; round <= 2; round++) {
        long t2 = System.nanoTime();
        var voters = lists.voters(election, districtIds.get(0));
        DistrictInfo d = lists.district(e, districtIds.get(0));
        lists.publishedOn(d.id());
        var content =
            RegisterDocuments.postingList(
                e,
                d,
                voters,
                xuanju.core.register.RegisterDeadlines.deadlines(
                    xuanju.core.schedule.TimelineTemplates.NPC_DIRECT, day, null, null));
        var pdf = PdfDocument.render(content);
        double s = (System.nanoTime() - t2) / 1e9;
        System.out.printf(
            "[%s] 第%d次 张榜名单 PDF：第1选区 %,d 名选民，%d 页，%.1f MB：%.2f s%n",
            db, round, voters.size(), pdf.pageCount(), pdf.pdf().length / 1048576.0, s);
      }
    }
  }

  private static void insertPeople(JdbcTemplate jdbc, long org, int people, int districts) {
    Random rnd = new Random(42);
    Timestamp now = Timestamp.from(Instant.now());
    List<Object[]> batch = new ArrayList<>();
    LocalDate base = LocalDate.of(1940, 1, 1);
    for (int i = 0; i < people; i++) {
      LocalDate birth = base.plusDays(rnd.nextInt(365 * 70));
      boolean male = rnd.nextBoolean();
      String area = Integer.toString(110000 + i / 500);
      String first17 =
          area
              + birth.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
              + String.format("%03d", (i % 500) * 2 + (male ? 1 : 0));
      String id = first17 + ResidentIds.checkCharacter(first17);
      String name =
          SURNAMES.charAt(rnd.nextInt(SURNAMES.length()))
              + ""
              + GIVEN.charAt(rnd.nextInt(GIVEN.length()))
              + (rnd.nextBoolean() ? "" : "" + GIVEN.charAt(rnd.nextInt(GIVEN.length())));
      int d = 1 + i % districts;
      batch.add(
          new Object[] {
            org,
            "基准村" + d,
            name,
            id,
            male ? "MALE" : "FEMALE",
            Date.valueOf(birth),
            "第" + (1 + rnd.nextInt(40)) + "组",
            now,
            now
          });
      if (batch.size() == 5000) {
        flush(jdbc, batch);
      }
    }
    flush(jdbc, batch);
  }

  private static void flush(JdbcTemplate jdbc, List<Object[]> batch) {
    if (batch.isEmpty()) {
      return;
    }
    jdbc.batchUpdate(
        "INSERT INTO person (organisation_id, unit, name, resident_id, gender, birth_date,"
            + " residents_group, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        batch);
    batch.clear();
  }
}
