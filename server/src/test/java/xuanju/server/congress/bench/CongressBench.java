package xuanju.server.congress.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import xuanju.server.congress.ContestLevel;
import xuanju.server.congress.ContestVoteService;
import xuanju.server.congress.CountyDistrictService;
import xuanju.server.congress.LiveBoardService;
import xuanju.server.election.ElectionKind;
import xuanju.server.election.ElectionService;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.security.UserRepository;
import xuanju.server.support.EmbeddedPostgresHolder;

/**
 * Benchmarks (not tests) of a town deputies' election day (选举日基准) on the real application with an
 * H2 file database or embedded PostgreSQL 15: a town of {@code -Ddistricts=100} districts with 4
 * stations each (3 fixed, 1 mobile box), a county contest over every 4 districts, three formal
 * candidates per town contest and two per county contest, every vote open.
 *
 * <ul>
 *   <li>{@code board <db>}: 90 % of the boxes reconciled with their tally sheets confirmed and half
 *       of the contests decided, then the town board refreshed over HTTP ({@code GET
 *       /elections/{id}/congress/live/table}) {@code -Drefreshes=50} times: p50, p99, max;
 *   <li>{@code serve <db>}: every box reconciled, 20 clerk users, a file of the sheets to enter
 *       ({@code district round station returned candidates} per line); prints {@code READY <url>
 *       <election> <password> <file>} and serves until killed ({@code bench/tally-sheets.sh}).
 * </ul>
 */
public final class CongressBench {
  static final String PASSWORD = "Bench-Clerk-2026";

  private CongressBench() {}

  public static void main(String[] args) throws Exception {
    String mode = args.length > 0 ? args[0] : "board";
    String db = args.length > 1 ? args[1] : "postgres";
    Path data = Files.createTempDirectory("xuanju-congress-bench-" + db);
    Map<String, Object> props = new HashMap<>();
    props.put("xuanju.data-dir", data.toString());
    props.put("xuanju.admin.initial-password", "BenchAdmin2026");
    props.put("server.port", Integer.toString(freePort()));
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
    CardFixture f =
        CardFixture.election(
            ctx.getBean(OrganisationService.class),
            ctx.getBean(ElectionService.class),
            jdbc,
            ElectionKind.TOWN_PEOPLES_CONGRESS);
    int districts = Integer.getInteger("districts", 100);
    long t0 = System.nanoTime();
    Town town = town(ctx, f, jdbc, districts);
    System.out.printf(
        "set-up: %d districts, %d stations, %d votes open: %.1f s%n",
        districts, town.stations.size(), town.rounds.size(), (System.nanoTime() - t0) / 1e9);
    String url = "http://localhost:" + props.get("server.port");
    if (mode.equals("board")) {
      try {
        board(ctx, jdbc, f, town, url);
      } finally {
        ctx.close();
      }
      System.exit(0);
    }
    serve(ctx, jdbc, f, town, url);
  }

  /** A vote of a contest with the stations it counts and its number of candidates. */
  record Vote(long round, long homeDistrict, List<long[]> stations, int candidates) {}

  record Town(List<long[]> stations, List<Vote> rounds) {}

  private static Town town(
      ConfigurableApplicationContext ctx, CardFixture f, JdbcTemplate jdbc, int n) {
    List<Long> ds = new ArrayList<>();
    List<long[]> stations = new ArrayList<>(); // {stationId, districtId}
    for (int k = 1; k <= n; k++) {
      long d = f.district(k, "第" + k + "选区");
      ds.add(d);
      for (int s = 1; s <= 4; s++) {
        stations.add(
            new long[] {
              f.station(d, "第" + k + "选区" + (s == 4 ? "流动票箱" : "第" + s + "投票站"), s == 4), d
            });
      }
    }
    CountyDistrictService counties = ctx.getBean(CountyDistrictService.class);
    for (int c = 0; c * 4 < n; c++) {
      counties.form(
          f.electionId,
          c + 1,
          "县级第" + (c + 1) + "选区",
          1,
          ds.subList(c * 4, Math.min(n, c * 4 + 4)));
    }
    Instant now = Instant.now();
    for (long d : ds) {
      nominate(jdbc, f, d, "TOWN", 3, now);
    }
    for (int c = 0; c * 4 < n; c++) {
      nominate(jdbc, f, ds.get(c * 4), "COUNTY", 2, now);
    }
    ContestVoteService votes = ctx.getBean(ContestVoteService.class);
    for (long d : ds) {
      votes.openFirst(f.electionId, d, ContestLevel.TOWN);
    }
    for (int c = 0; c * 4 < n; c++) {
      votes.openFirst(f.electionId, ds.get(c * 4), ContestLevel.COUNTY);
    }
    jdbc.update(
        "UPDATE congress_round SET registered = 2000 * (CASE WHEN level = 'COUNTY' THEN 4 ELSE 1 END) WHERE election_id = ?",
        f.electionId);
    List<Vote> rounds = new ArrayList<>();
    jdbc.query(
        "SELECT id, home_district_id, level, candidates FROM congress_round WHERE election_id = ?"
            + " ORDER BY id",
        rs -> {
          long home = rs.getLong(2);
          boolean county = rs.getString(3).equals("COUNTY");
          List<long[]> mine =
              stations.stream()
                  .filter(s -> county ? ds.indexOf(s[1]) / 4 == ds.indexOf(home) / 4 : s[1] == home)
                  .toList();
          rounds.add(new Vote(rs.getLong(1), home, mine, rs.getString(4).split(",").length));
        },
        f.electionId);
    return new Town(stations, rounds);
  }

  private static void nominate(
      JdbcTemplate jdbc, CardFixture f, long district, String level, int count, Instant now) {
    for (int i = 0; i < count; i++) {
      jdbc.update(
          "INSERT INTO deputy_nomination (election_id, district_id, nominee_name, nominee_id,"
              + " organisations, accepted_on, recorded_by, recorded_at, formal, level)"
              + " VALUES (?, ?, ?, ?, '中国共产党', ?, 'bench', ?, TRUE, ?)",
          f.electionId,
          district,
          f.name((int) (district * 10 + i)),
          CardFixture.nextResidentId(),
          Date.valueOf(LocalDate.now()),
          Timestamp.from(now),
          level);
    }
    jdbc.update(
        "INSERT INTO deputy_contest_list (district_id, level, election_id, published_on, basis,"
            + " candidates, recorded_by, recorded_at) VALUES (?, ?, ?, ?, 'WITHIN_MARGIN', ?, 'bench', ?)",
        district,
        level,
        f.electionId,
        Date.valueOf(LocalDate.now()),
        count,
        Timestamp.from(now));
  }

  /** Box counts (and, when {@code sheets}, two equal tally-sheet entries) of a vote's stations. */
  private static void count(JdbcTemplate jdbc, Vote v, double share, boolean sheets) {
    Timestamp now = Timestamp.from(Instant.now());
    int i = 0;
    for (long[] s : v.stations()) {
      if (i++ >= Math.round(v.stations().size() * share)) {
        break;
      }
      jdbc.update(
          "INSERT INTO box_count (round_id, station_id, issued, returned, spoiled, explanation,"
              + " recorded_by, recorded_at) VALUES (?, ?, 400, 400, 0, '', 'bench', ?)",
          v.round(),
          s[0],
          now);
      if (sheets) {
        StringBuilder counts = new StringBuilder();
        for (int c = 0; c < v.candidates(); c++) {
          counts.append(c == 0 ? "" : ";").append(300 - 20 * c).append("/50");
        }
        for (int e = 1; e <= 2; e++) {
          jdbc.update(
              "INSERT INTO tally_sheet_entry (round_id, station_id, entry_no, clerk, valid, invalid,"
                  + " counts, write_ins) VALUES (?, ?, ?, ?, 390, 10, ?, '')",
              v.round(),
              s[0],
              e,
              "bench" + e,
              counts.toString());
        }
      }
    }
  }

  private static void board(
      ConfigurableApplicationContext ctx, JdbcTemplate jdbc, CardFixture f, Town town, String url)
      throws Exception {
    ContestVoteService votes = ctx.getBean(ContestVoteService.class);
    int k = 0;
    for (Vote v : town.rounds()) {
      boolean whole = k++ % 2 == 0;
      count(jdbc, v, whole ? 1.0 : 0.8, true);
      if (whole) {
        votes.decide(f.electionId, v.round());
      }
    }
    jdbc.execute("ANALYZE");
    LiveBoardService board = ctx.getBean(LiveBoardService.class);
    LiveBoardService.Board b = board.board(f.electionId);
    System.out.printf(
        "board: %d contests, %d stations, %d reported, %d decided%n",
        b.contests(), b.stations(), b.reported(), b.done());
    clerks(ctx, jdbc, f, 1);
    HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    signIn(http, url, "bench-clerk-0", PASSWORD);
    int n = Integer.getInteger("refreshes", 50);
    long[] ms = new long[n];
    int bytes = 0;
    for (int i = -10; i < n; i++) {
      long t = System.nanoTime();
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(url + "/elections/" + f.electionId + "/congress/live/table"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException("HTTP " + r.statusCode());
      }
      if (i >= 0) {
        ms[i] = System.nanoTime() - t;
        bytes = r.body().length();
      }
    }
    Arrays.sort(ms);
    System.out.printf(
        "live board over HTTP, %d refreshes after 10 warm-up: p50 %.1f ms, p99 %.1f ms, max %.1f ms (%,d characters)%n",
        n, ms[n / 2] / 1e6, ms[(int) Math.ceil(n * 0.99) - 1] / 1e6, ms[n - 1] / 1e6, bytes);
  }

  private static void serve(
      ConfigurableApplicationContext ctx, JdbcTemplate jdbc, CardFixture f, Town town, String url)
      throws Exception {
    for (Vote v : town.rounds()) {
      count(jdbc, v, 1.0, false);
    }
    jdbc.execute("ANALYZE");
    clerks(ctx, jdbc, f, 20);
    Path file = Files.createTempFile("xuanju-sheets", ".txt");
    List<String> lines = new ArrayList<>();
    for (Vote v : town.rounds()) {
      for (long[] s : v.stations()) {
        lines.add(s[1] + " " + v.round() + " " + s[0] + " 400 " + v.candidates());
      }
    }
    // stations finish counting at different times: the sheets reach the clerks in no district order
    java.util.Collections.shuffle(lines, new java.util.Random(10));
    Files.write(file, lines, StandardCharsets.UTF_8);
    System.out.println("READY " + url + " " + f.electionId + " " + PASSWORD + " " + file);
    Thread.currentThread().join();
  }

  /** Clerk users bench-clerk-0… with the 计票人 role on the town. */
  private static void clerks(
      ConfigurableApplicationContext ctx, JdbcTemplate jdbc, CardFixture f, int n) {
    UserRepository users = ctx.getBean(UserRepository.class);
    String hash = new BCryptPasswordEncoder(4).encode(PASSWORD);
    for (int i = 0; i < n; i++) {
      long uid = users.insert("bench-clerk-" + i, "计票员" + i, hash, false, false, Instant.now());
      jdbc.update(
          "INSERT INTO role_grant (user_id, organisation_id, role, created_at) VALUES (?, ?, ?, ?)",
          uid,
          f.organisationId,
          Role.CLERK.name(),
          Timestamp.from(Instant.now()));
    }
  }

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

  static void signIn(HttpClient http, String url, String user, String password) throws Exception {
    String login =
        http.send(
                HttpRequest.newBuilder(URI.create(url + "/login")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher m = CSRF.matcher(login);
    if (!m.find()) {
      throw new IllegalStateException("no CSRF token on the login page");
    }
    String form =
        "username="
            + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8)
            + "&_csrf="
            + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
    http.send(
        HttpRequest.newBuilder(URI.create(url + "/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.discarding());
  }

  private static int freePort() throws java.io.IOException {
    try (var s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
