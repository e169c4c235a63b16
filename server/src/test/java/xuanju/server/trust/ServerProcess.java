package xuanju.server.trust;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real server as a separate operating-system process (独立进程中的服务器): {@code java -cp <the test
 * classpath> xuanju.server.XuanjuApplication …}, so that it can be killed with SIGKILL.
 */
final class ServerProcess implements AutoCloseable {
  private final Process process;
  final int port;
  final Path console;

  private ServerProcess(Process process, int port, Path console) {
    this.process = process;
    this.port = port;
    this.console = console;
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** The classpath of this test JVM (surefire hands it over in a property). */
  static String classpath() {
    String cp = System.getProperty("surefire.test.class.path");
    return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
  }

  /**
   * Starts the server with these arguments (plus {@code --server.port}) and waits until {@code
   * /actuator/health} answers 200.
   */
  static ServerProcess start(Path workDir, String name, List<String> args, String... jvmOptions)
      throws IOException, InterruptedException {
    // the free port is found by opening and closing a socket, so another process can take it before
    // the server binds it (a 200-cycle soak once stopped on this); then start again on another port
    for (int attempt = 1; ; attempt++) {
      try {
        return startOnce(
            workDir, name + (attempt == 1 ? "" : "-retry" + attempt), args, jvmOptions);
      } catch (IllegalStateException e) {
        if (attempt >= 3 || !e.getMessage().contains("already in use")) {
          throw e;
        }
      }
    }
  }

  private static ServerProcess startOnce(
      Path workDir, String name, List<String> args, String... jvmOptions)
      throws IOException, InterruptedException {
    int port = freePort();
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx512m");
    cmd.addAll(List.of(jvmOptions));
    cmd.add("-cp");
    cmd.add(classpath());
    cmd.add("xuanju.server.XuanjuApplication");
    cmd.add("--server.port=" + port);
    cmd.addAll(args);
    Path console = workDir.resolve(name + "-console.log");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.redirectOutput(console.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("XUANJU_"));
    Process p = pb.start();
    ServerProcess sp = new ServerProcess(p, port, console);
    sp.awaitHealthy(Duration.ofSeconds(240));
    return sp;
  }

  String url() {
    return "http://localhost:" + port;
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  private void awaitHealthy(Duration limit) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long end = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < end) {
      if (!process.isAlive()) {
        throw new IllegalStateException("服务器进程已退出（" + process.exitValue() + "）：\n" + tail(console));
      }
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create(url() + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    process.destroyForcibly();
    throw new IllegalStateException("服务器未能在时限内启动：\n" + tail(console));
  }

  /** SIGKILL (Process.destroyForcibly on Linux): no shutdown hook, no connection-pool close. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(60, TimeUnit.SECONDS);
  }

  /** SIGTERM: Spring's orderly shutdown. */
  void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
    keepConsole();
  }

  /**
   * Copies the console log out of the test's temporary folder into {@code target/trust-logs}, so a
   * failure on CI can be diagnosed after the folder is gone.
   */
  private void keepConsole() {
    try {
      Path keep = Path.of(System.getProperty("xuanju.trust-logs", "target/trust-logs"));
      Files.createDirectories(keep);
      Files.copy(
          console,
          keep.resolve(System.currentTimeMillis() + "-" + console.getFileName()),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      System.err.println("控制台日志未能保留：" + e);
    }
  }

  static String tail(Path file) {
    try {
      List<String> lines = Files.readAllLines(file);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(" + e + ")";
    }
  }
}
