// Load benchmark of the check-in look-up (签到查询压力测试). Not a test: drives a RUNNING server. N concurrent
// check-in desks each sign in with their own session, then send look-ups
//   GET /api/elections/{id}/voters/lookup?q=<name or ID number>   or   ?qr=<scanned voter card>
// taken from a query file (one per line: "q<TAB>text" or "qr<TAB>code"), closed loop (each desk sends its next
// look-up when the previous one is answered) or at a fixed total rate (--rate R; latency counted from the time a
// look-up was due). Reports throughput and p50/p95/p99/max latency, after a warm-up that is not measured.
//
//   java bench/VoterLookupBench.java --url http://localhost:8080 --election 1 --user desk --password ... \
//        --queries /tmp/queries.tsv --desks 20 --seconds 30 --warmup 10 [--rate 100]
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

public class VoterLookupBench {
  public static void main(String[] args) throws Exception {
    Map<String, String> a = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    String url = a.getOrDefault("url", "http://localhost:8080");
    long election = Long.parseLong(a.getOrDefault("election", "1"));
    String user = a.getOrDefault("user", "desk");
    String password = a.getOrDefault("password", "");
    int desks = Integer.parseInt(a.getOrDefault("desks", "20"));
    int seconds = Integer.parseInt(a.getOrDefault("seconds", "30"));
    int warmup = Integer.parseInt(a.getOrDefault("warmup", "10"));
    double rate = Double.parseDouble(a.getOrDefault("rate", "0"));
    List<String> queries = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(a.get("queries")), StandardCharsets.UTF_8)) {
      String[] p = line.split("\t", 2);
      if (p.length == 2) {
        queries.add(p[0] + "=" + URLEncoder.encode(p[1], StandardCharsets.UTF_8));
      }
    }
    String base = url + "/api/elections/" + election + "/voters/lookup?";

    ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    Map<String, ConcurrentLinkedQueue<Long>> byKind = new java.util.concurrent.ConcurrentHashMap<>();
    AtomicInteger errors = new AtomicInteger();
    AtomicInteger sent = new AtomicInteger();
    CountDownLatch ready = new CountDownLatch(desks);
    long[] start = new long[1];
    Object startLock = new Object();
    List<Thread> threads = new ArrayList<>();
    for (int d = 0; d < desks; d++) {
      int desk = d;
      Thread t =
          new Thread(
              () -> {
                try {
                  HttpClient http =
                      HttpClient.newBuilder()
                          .cookieHandler(new CookieManager())
                          .version(HttpClient.Version.HTTP_1_1)
                          .connectTimeout(Duration.ofSeconds(10))
                          .build();
                  signIn(http, url, user, password);
                  ready.countDown();
                  ready.await();
                  long t0;
                  synchronized (startLock) {
                    t0 = start[0];
                  }
                  long measureFrom = t0 + warmup * 1_000_000_000L;
                  long end = measureFrom + seconds * 1_000_000_000L;
                  double interval = rate > 0 ? desks / rate * 1e9 : 0;
                  long due = t0 + (long) (interval * desk / desks);
                  int i = desk;
                  while (true) {
                    if (rate > 0) {
                      long now = System.nanoTime();
                      if (due > now) {
                        Thread.sleep((due - now) / 1_000_000, (int) ((due - now) % 1_000_000));
                      }
                    }
                    long sentAt = rate > 0 ? due : System.nanoTime();
                    if (sentAt >= end) {
                      break;
                    }
                    String q = queries.get((i * 7919) % queries.size());
                    i += desks;
                    HttpResponse<String> r =
                        http.send(
                            HttpRequest.newBuilder(URI.create(base + q))
                                .header("Accept", "application/json")
                                .build(),
                            HttpResponse.BodyHandlers.ofString());
                    long lat = System.nanoTime() - sentAt;
                    if (r.statusCode() != 200 || !r.body().contains("\"voters\":[{")) {
                      errors.incrementAndGet();
                    }
                    if (sentAt >= measureFrom) {
                      latencies.add(lat);
                      String kind = q.startsWith("qr=") ? "QR" : kindOf(r.body());
                      byKind.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>()).add(lat);
                      sent.incrementAndGet();
                    }
                    due += (long) interval;
                  }
                } catch (Exception e) {
                  errors.incrementAndGet();
                  e.printStackTrace();
                  ready.countDown();
                }
              });
      threads.add(t);
    }
    synchronized (startLock) {
      start[0] = System.nanoTime() + 2_000_000_000L; // sign-ins finish first
    }
    threads.forEach(Thread::start);
    ready.await();
    synchronized (startLock) {
      start[0] = Math.max(start[0], System.nanoTime());
    }
    for (Thread t : threads) {
      t.join();
    }
    List<Long> all = new ArrayList<>(latencies);
    System.out.printf(
        "%d desks, %d s measured after %d s warm-up%s: %d look-ups, %.0f/s, errors %d%n",
        desks,
        seconds,
        warmup,
        rate > 0 ? ", fixed rate " + rate + "/s" : ", closed loop",
        all.size(),
        all.size() / (double) seconds,
        errors.get());
    System.out.println("  all      " + stats(all));
    for (Map.Entry<String, ConcurrentLinkedQueue<Long>> e : new java.util.TreeMap<>(byKind).entrySet()) {
      System.out.printf("  %-8s %s%n", e.getKey(), stats(new ArrayList<>(e.getValue())));
    }
  }

  static String kindOf(String body) {
    Matcher m = Pattern.compile("\"by\":\"([A-Z_]+)\"").matcher(body);
    return m.find() ? m.group(1) : "?";
  }

  static String stats(List<Long> l) {
    if (l.isEmpty()) {
      return "none";
    }
    Collections.sort(l);
    return String.format(
        "n=%d p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms",
        l.size(), pct(l, 50), pct(l, 95), pct(l, 99), l.get(l.size() - 1) / 1e6);
  }

  static double pct(List<Long> sorted, double p) {
    int i = (int) Math.ceil(p / 100 * sorted.size()) - 1;
    return sorted.get(Math.max(0, i)) / 1e6;
  }

  static String csrf(String html) {
    Matcher m = Pattern.compile("name=\"_csrf\"[^>]*(?:content|value)=\"([^\"]+)\"").matcher(html);
    if (m.find()) {
      return m.group(1);
    }
    throw new IllegalStateException("no CSRF token in page");
  }

  static void signIn(HttpClient http, String url, String user, String password) throws Exception {
    String login =
        http.send(HttpRequest.newBuilder(URI.create(url + "/login")).build(), HttpResponse.BodyHandlers.ofString())
            .body();
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
    HttpResponse<String> probe =
        http.send(HttpRequest.newBuilder(URI.create(url + "/")).build(), HttpResponse.BodyHandlers.ofString());
    if (probe.statusCode() != 200 || probe.body().contains("name=\"password\"")) {
      throw new IllegalStateException("sign-in failed for " + user + ": HTTP " + probe.statusCode());
    }
  }
}
