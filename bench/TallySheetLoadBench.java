// Load benchmark of tally-sheet entry (计票单录入压力测试, issue 10). Not a test: drives a RUNNING server set up
// by xuanju.server.congress.bench.CongressBench serve (bench/tally-sheets.sh). 20 clerks (bench-clerk-0..19),
// each signed in with its own session, in 10 pairs: both clerks of a pair enter the same sheets (双人录入), the
// second entry of each sheet confirming it. Each entry is one form POST
//   POST /elections/{id}/districts/{d}/polling/sheet  (roundId, stationId, valid, invalid, yes…, no…)
// answered by a redirect. Closed loop by default, or a fixed total rate (--rate R, latency from the time an
// entry was due). Reports entries/s and p50/p95/p99/max after a warm-up that is not measured.
//
//   java bench/TallySheetLoadBench.java --url http://localhost:8080 --election 1 --password ... \
//        --sheets /tmp/sheets.txt --clerks 20 --warmup 5 [--rate 50]
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class TallySheetLoadBench {
  public static void main(String[] args) throws Exception {
    Map<String, String> a = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    String url = a.getOrDefault("url", "http://localhost:8080");
    long election = Long.parseLong(a.getOrDefault("election", "1"));
    String password = a.getOrDefault("password", "");
    int clerks = Integer.parseInt(a.getOrDefault("clerks", "20"));
    int warmup = Integer.parseInt(a.getOrDefault("warmup", "5"));
    double rate = Double.parseDouble(a.getOrDefault("rate", "0"));
    List<String[]> sheets = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(a.get("sheets")), StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        sheets.add(line.trim().split(" "));
      }
    }
    int pairs = clerks / 2;
    ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    AtomicInteger errors = new AtomicInteger();
    AtomicInteger measured = new AtomicInteger();
    CountDownLatch ready = new CountDownLatch(clerks);
    CountDownLatch done = new CountDownLatch(clerks);
    long[] start = new long[1];
    Object go = new Object();
    String[] firstError = new String[1];
    for (int c = 0; c < clerks; c++) {
      final int clerk = c;
      new Thread(() -> {
        try {
          HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
              .connectTimeout(Duration.ofSeconds(10)).build();
          String token = signIn(http, url, "bench-clerk-" + clerk, password, election);
          List<String[]> mine = new ArrayList<>();
          for (int i = 0; i < sheets.size(); i++) {
            if (i % pairs == clerk / 2) {
              mine.add(sheets.get(i));
            }
          }
          ready.countDown();
          synchronized (go) {
            while (start[0] == 0) {
              go.wait();
            }
          }
          double interval = rate > 0 ? clerks / rate * 1e9 : 0;
          long offset = rate > 0 ? (long) (interval * clerk / clerks) : 0;
          for (int i = 0; i < mine.size(); i++) {
            String[] s = mine.get(i);
            long due = start[0] + offset + (long) (interval * i);
            if (rate > 0) {
              long wait = due - System.nanoTime();
              if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
              }
            }
            long t0 = rate > 0 ? due : System.nanoTime();
            int n = Integer.parseInt(s[4]);
            StringBuilder form = new StringBuilder("_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
                + "&roundId=" + s[1] + "&stationId=" + s[2] + "&valid=390&invalid=10&writeIns=");
            for (int k = 0; k < n; k++) {
              form.append("&yes=120&no=50");
            }
            HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(url + "/elections/" + election + "/districts/" + s[0] + "/polling/sheet"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
            long t1 = System.nanoTime();
            if (r.statusCode() != 302) {
              errors.incrementAndGet();
              synchronized (firstError) {
                if (firstError[0] == null) {
                  Matcher m = Pattern.compile("id=\"error\"[^>]*>([^<]*)<").matcher(r.body());
                  firstError[0] = "HTTP " + r.statusCode() + (m.find() ? " " + m.group(1) : "");
                }
              }
            }
            if (t0 - start[0] >= warmup * 1_000_000_000L) {
              latencies.add(t1 - t0);
              measured.incrementAndGet();
            }
          }
        } catch (Exception e) {
          errors.incrementAndGet();
          e.printStackTrace();
          ready.countDown();
        } finally {
          done.countDown();
        }
      }).start();
    }
    ready.await();
    synchronized (go) {
      start[0] = System.nanoTime();
      go.notifyAll();
    }
    done.await();
    double total = (System.nanoTime() - start[0]) / 1e9;
    List<Long> l = new ArrayList<>(latencies);
    Collections.sort(l);
    double measuredSeconds = total - warmup;
    System.out.printf("%d clerks, %d sheets, %d entries in %.1f s (%.1f entries/s overall)%n",
        clerks, sheets.size(), sheets.size() * 2, total, sheets.size() * 2 / total);
    if (!l.isEmpty()) {
      System.out.printf("measured after %d s warm-up: %d entries, %.1f entries/s; p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms; %d errors%s%n",
          warmup, l.size(), l.size() / measuredSeconds, pct(l, 0.50), pct(l, 0.95), pct(l, 0.99),
          l.get(l.size() - 1) / 1e6, errors.get(), firstError[0] == null ? "" : " (first: " + firstError[0] + ")");
    }
  }

  static double pct(List<Long> sorted, double p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * p) - 1)) / 1e6;
  }

  static String csrf(String html) {
    Matcher m = Pattern.compile("name=\"_csrf\"[^>]*content=\"([^\"]+)\"").matcher(html);
    if (m.find()) {
      return m.group(1);
    }
    m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(html);
    if (m.find()) {
      return m.group(1);
    }
    throw new IllegalStateException("no CSRF token");
  }

  static String signIn(HttpClient http, String url, String user, String password, long election) throws Exception {
    String login = http.send(HttpRequest.newBuilder(URI.create(url + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
        + "&_csrf=" + URLEncoder.encode(csrf(login), StandardCharsets.UTF_8);
    http.send(HttpRequest.newBuilder(URI.create(url + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
    HttpResponse<String> page = http.send(
        HttpRequest.newBuilder(URI.create(url + "/elections/" + election + "/congress/live")).build(),
        HttpResponse.BodyHandlers.ofString());
    if (page.statusCode() != 200) {
      throw new IllegalStateException("sign-in failed: HTTP " + page.statusCode());
    }
    return csrf(page.body());
  }
}
