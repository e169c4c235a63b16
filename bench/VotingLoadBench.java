// Load benchmark of ballot entry (选票录入压力测试). Not a test: it starts nothing itself and drives a
// RUNNING server. Needs an election whose stage-1 voting has begun (round R open) and a user with COUNT
// permission on it. Each of N concurrent clerks signs in, then posts ballots over HTTP to
// POST /api/elections/{id}/rounds/{r}/ballots into its own stack ("bench-<run>-<i>", entry A) until the
// time or count limit; reports throughput and p50/p95/p99 latency.
//
// Two ways to load:
//   * closed loop (default): each clerk sends its next ballot as soon as the previous one is answered:
//     the highest throughput the machine reaches, and the latency at that saturation;
//   * fixed rate (--rate R): the clerks together send R ballots/s, each clerk on its own schedule
//     (one ballot every clerks/R seconds, the clerks' schedules staggered). Latency is measured from
//     the time a ballot was DUE, not from when it was sent, so a slow answer that delays the next
//     ballots counts against all of them (no "coordinated omission"). The run reports whether the
//     rate was sustained (ballots answered within the measured period / ballots due in it).
//
//   java bench/VotingLoadBench.java --url http://localhost:8080 --election 1 --round 1 \
//        --user demo_clerk --password ... --clerks 20 --seconds 30 --max 20000 --marks 110120 [--rate 200]
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class VotingLoadBench {
  public static void main(String[] args) throws Exception {
    Map<String, String> a = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    String url = a.getOrDefault("url", "http://localhost:8080");
    long election = Long.parseLong(a.getOrDefault("election", "1"));
    int round = Integer.parseInt(a.getOrDefault("round", "1"));
    String user = a.getOrDefault("user", "demo_clerk");
    String password = a.getOrDefault("password", "");
    int clerks = Integer.parseInt(a.getOrDefault("clerks", "20"));
    int seconds = Integer.parseInt(a.getOrDefault("seconds", "30"));
    int max = Integer.parseInt(a.getOrDefault("max", "100000"));
    String marks = a.getOrDefault("marks", "110120");
    // seconds of load before measuring (JIT warm-up, first ballot of each stack); 0 measures from the start
    int warmup = Integer.parseInt(a.getOrDefault("warmup", "10"));
    // ballots per second of all clerks together; 0: closed loop
    double rate = Double.parseDouble(a.getOrDefault("rate", "0"));
    String run = Long.toString(System.currentTimeMillis() % 100000);

    ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    AtomicInteger sent = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    AtomicInteger due = new AtomicInteger();
    AtomicInteger inTime = new AtomicInteger();
    CountDownLatch ready = new CountDownLatch(clerks);
    CountDownLatch done = new CountDownLatch(clerks);
    long[] start = new long[1];
    Object go = new Object();
    for (int c = 0; c < clerks; c++) {
      final int clerk = c;
      Thread t =
          new Thread(
              () -> {
                try {
                  HttpClient http =
                      HttpClient.newBuilder()
                          .cookieHandler(new CookieManager())
                          .connectTimeout(Duration.ofSeconds(10))
                          .build();
                  String token = signIn(http, url, user, password, election, round);
                  ready.countDown();
                  synchronized (go) {
                    while (start[0] == 0) {
                      go.wait();
                    }
                  }
                  long measureFrom = start[0] + warmup * 1_000_000_000L;
                  long end = measureFrom + seconds * 1_000_000_000L;
                  // fixed rate: this clerk's n-th ballot is due at first + n * interval
                  long interval = rate > 0 ? (long) (clerks * 1e9 / rate) : 0;
                  long next = start[0] + interval * clerk / clerks;
                  while (System.nanoTime() < end && sent.getAndIncrement() < max) {
                    long dueAt = System.nanoTime();
                    if (rate > 0) {
                      dueAt = next;
                      next += interval;
                      if (dueAt >= end) {
                        break;
                      }
                      if (dueAt >= measureFrom) {
                        due.incrementAndGet();
                      }
                      long wait = dueAt - System.nanoTime();
                      if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                      }
                    }
                    String body =
                        "{\"clientId\":\"" + UUID.randomUUID() + "\",\"marks\":\"" + marks
                            + "\",\"stack\":\"bench-" + run + "-" + clerk + "\",\"entry\":\"A\"}";
                    HttpRequest req =
                        HttpRequest.newBuilder(URI.create(url + "/api/elections/" + election + "/rounds/" + round + "/ballots"))
                            .header("Content-Type", "application/json")
                            .header("X-CSRF-TOKEN", token)
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build();
                    long t0 = rate > 0 ? dueAt : System.nanoTime();
                    HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
                    long dt = System.nanoTime() - t0;
                    if (res.statusCode() == 201) {
                      if (t0 >= measureFrom) {
                        latencies.add(dt);
                        if (t0 + dt <= end) {
                          inTime.incrementAndGet();
                        }
                      }
                    } else {
                      if (errors.incrementAndGet() <= 5) {
                        System.err.println("HTTP " + res.statusCode() + ": " + res.body());
                      }
                    }
                  }
                } catch (Exception e) {
                  errors.incrementAndGet();
                  System.err.println("clerk " + clerk + ": " + e);
                  ready.countDown();
                } finally {
                  done.countDown();
                }
              });
      t.start();
    }
    ready.await();
    long t0 = System.nanoTime();
    synchronized (go) {
      start[0] = t0;
      go.notifyAll();
    }
    done.await();
    double secs = (System.nanoTime() - t0) / 1e9 - warmup;
    List<Long> l = new ArrayList<>(latencies);
    Collections.sort(l);
    if (rate > 0) {
      System.out.printf(
          "rate=%.0f ballots/s due=%d answered=%d, of them within the measured period %d (%.1f%% of the rate sustained)%n",
          rate, due.get(), l.size(), inTime.get(), due.get() == 0 ? 0 : 100.0 * inTime.get() / due.get());
    }
    System.out.printf(
        "clerks=%d warmup=%ds ballots=%d errors=%d time=%.1fs throughput=%.0f ballots/s p50=%.1fms p95=%.1fms p99=%.1fms max=%.1fms%n",
        clerks, warmup, l.size(), errors.get(), secs, l.size() / secs, pct(l, 50), pct(l, 95), pct(l, 99),
        l.isEmpty() ? 0 : l.get(l.size() - 1) / 1e6);
  }

  static double pct(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, i)) / 1e6;
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
    throw new IllegalStateException("no CSRF token in page");
  }

  static String signIn(HttpClient http, String url, String user, String password, long election, int round)
      throws Exception {
    String login = http.send(HttpRequest.newBuilder(URI.create(url + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
    String form =
        "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
            + "&_csrf=" + URLEncoder.encode(csrf(login), StandardCharsets.UTF_8);
    http.send(
        HttpRequest.newBuilder(URI.create(url + "/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.discarding());
    HttpResponse<String> page =
        http.send(
            HttpRequest.newBuilder(URI.create(url + "/elections/" + election + "/voting/rounds/" + round + "/entry")).build(),
            HttpResponse.BodyHandlers.ofString());
    if (page.statusCode() != 200) {
      throw new IllegalStateException("sign-in or entry page failed: HTTP " + page.statusCode());
    }
    return csrf(page.body());
  }
}
