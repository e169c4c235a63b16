package xuanju.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher {@code ./xuanju} (启动脚本) running the command-line tools from the plain jar with a
 * class-data sharing archive that it makes once after each build: the tools give the same output
 * and exit status whatever happens to the archive — first run, second run, two first runs at once,
 * an archive that is not one, an archive older than the jars, a JVM that cannot make one, a folder
 * the user may not write to. Each test builds an installation in a temporary folder (the script,
 * {@code cli/target/xuanju-cli.jar} from this module's classes, {@code cli/target/lib} from the
 * test class path, {@code docs/examples}), so the launcher finds nothing to build.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class LauncherTest {
  static final String NOTE = "正在为命令行工具生成类数据共享存档（每次构建后一次，约需数秒）…";
  static final List<String> TALLY = List.of("tally", "docs/examples/tally-g1-party-ballots.json");

  @TempDir Path root;

  /** A command that runs the launcher as another user (empty: as this one). */
  List<String> asUser = List.of();

  /** Each started process's output files (out-ID, err-ID in the installation folder). */
  final Map<Process, String> outputs = new HashMap<>();

  record Result(int status, String out, String err) {}

  String expected() throws IOException {
    return Files.readString(
        TimelineCommandTest.EXAMPLES.resolve("tally-g1-party-ballots.expected.json"));
  }

  Path target() {
    return root.resolve("cli/target");
  }

  Path archive() {
    return target().resolve("xuanju-cli.jsa");
  }

  /** An installation as the build leaves it, without the archive. */
  void install() throws IOException {
    Path script = root.resolve("xuanju");
    Files.copy(Path.of("../xuanju"), script);
    script.toFile().setExecutable(true);
    Path examples = root.resolve("docs/examples");
    Files.createDirectories(examples);
    try (Stream<Path> s = Files.list(TimelineCommandTest.EXAMPLES)) {
      for (Path f : s.toList()) {
        Files.copy(f, examples.resolve(f.getFileName()));
      }
    }
    Path lib = target().resolve("lib");
    Files.createDirectories(lib);
    Path classes = Path.of("target/classes").toAbsolutePath().normalize();
    jar(classes, target().resolve("xuanju-cli.jar"));
    int n = 0;
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path p = Path.of(entry).toAbsolutePath().normalize();
      if (p.equals(classes) || p.endsWith("test-classes") || !Files.exists(p)) {
        continue;
      }
      n++;
      Path to = lib.resolve(n + "-" + p.getFileName() + (Files.isDirectory(p) ? ".jar" : ""));
      if (Files.isDirectory(p)) {
        jar(p, to);
      } else if (p.toString().endsWith(".jar")) {
        Files.copy(p, to);
      }
    }
    // as after a build: the archive, when made, is newer than every jar
    FileTime built = FileTime.from(Instant.now().minusSeconds(60));
    try (Stream<Path> s = Files.walk(target())) {
      for (Path f : s.filter(Files::isRegularFile).toList()) {
        Files.setLastModifiedTime(f, built);
      }
    }
  }

  static void jar(Path dir, Path to) throws IOException {
    try (OutputStream o = Files.newOutputStream(to);
        JarOutputStream jar = new JarOutputStream(o);
        Stream<Path> s = Files.walk(dir)) {
      for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
        jar.putNextEntry(
            new JarEntry(dir.relativize(f).toString().replace(File.separatorChar, '/')));
        Files.copy(f, jar);
        jar.closeEntry();
      }
    }
  }

  Process start(Map<String, String> env, List<String> args) throws IOException {
    List<String> cmd = new ArrayList<>(asUser);
    cmd.addAll(List.of("bash", root.resolve("xuanju").toString()));
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile());
    pb.environment().remove("XUANJU_JAVA_OPTS");
    pb.environment()
        .put(
            "PATH",
            Path.of(System.getProperty("java.home"), "bin")
                + File.pathSeparator
                + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    pb.environment().putAll(env);
    String id = Long.toString(System.nanoTime());
    pb.redirectOutput(root.resolve("out-" + id).toFile());
    pb.redirectError(root.resolve("err-" + id).toFile());
    Process p = pb.start();
    outputs.put(p, id);
    return p;
  }

  Result finish(Process p) throws Exception {
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("./xuanju 在5分钟内结束").isTrue();
    String id = outputs.get(p);
    return new Result(
        p.exitValue(),
        Files.readString(root.resolve("out-" + id), StandardCharsets.UTF_8),
        Files.readString(root.resolve("err-" + id), StandardCharsets.UTF_8));
  }

  Result run(Map<String, String> env, List<String> args) throws Exception {
    return finish(start(env, args));
  }

  Result run() throws Exception {
    return run(Map.of(), TALLY);
  }

  void assertTallied(Result r) throws IOException {
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo(expected());
  }

  /**
   * A change in core only: Maven rebuilds but leaves the CLI jar as it was (its classes did not
   * change). The launcher must build once, not at every later run.
   */
  @Test
  void aChangeInCoreBuildsOnceNotAtEveryRun() throws Exception {
    install();
    Path mvnw = root.resolve("mvnw");
    // a stand-in for Maven that, like Maven with unchanged CLI classes, writes no jar
    Files.writeString(mvnw, "#!/bin/sh\necho build >> \"$(dirname \"$0\")/mvnw-calls\"\n");
    mvnw.toFile().setExecutable(true);
    Path source = root.resolve("core/src/main/java/Changed.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, "class Changed {}\n");
    Result first = run();
    assertTallied(first);
    assertThat(first.err()).contains("正在构建");
    Result second = run();
    assertTallied(second);
    assertThat(second.err()).doesNotContain("正在构建");
    assertThat(Files.readAllLines(root.resolve("mvnw-calls"))).hasSize(1);
  }

  @Test
  void firstRunsMakeTheArchiveOnceLaterRunsUseIt() throws Exception {
    install();
    // two first runs at once: both answer, one archive
    Process a = start(Map.of(), TALLY);
    Process b = start(Map.of(), TALLY);
    for (Result r : List.of(finish(a), finish(b))) {
      assertTallied(r);
      assertThat(r.err().strip()).isIn("", NOTE);
    }
    assertThat(archive()).isRegularFile();
    try (Stream<Path> s = Files.list(target())) {
      assertThat(s.map(f -> f.getFileName().toString()))
          .as("没有残留的临时文件")
          .containsExactlyInAnyOrder("lib", "xuanju-cli.jar", "xuanju-cli.jsa");
    }
    FileTime made = Files.getLastModifiedTime(archive());

    // the second run uses it and says nothing on stderr; the archive is not made again
    Result second = run();
    assertTallied(second);
    assertThat(second.err()).isEmpty();
    assertThat(Files.getLastModifiedTime(archive())).isEqualTo(made);
    // the archive really maps: with -Xshare:on the JVM would refuse to start without it
    Result on = run(Map.of("XUANJU_JAVA_OPTS", "-Xshare:on"), TALLY);
    assertTallied(on);
    assertThat(on.err()).isEmpty();
    // bad input still gives exit status 2 and one line
    Result bad = run(Map.of(), List.of("tally", "docs/examples/no-such-file.json"));
    assertThat(bad.status()).isEqualTo(2);
    assertThat(bad.out()).isEmpty();
    assertThat(bad.err()).startsWith("错误：").doesNotContain("cds").doesNotContain("warning");

    // an archive that is not one (damaged copy): the tools start without it, silently
    archive().toFile().setWritable(true);
    byte[] junk = new byte[4096];
    new Random(14).nextBytes(junk);
    Files.write(archive(), junk);
    Result damaged = run();
    assertTallied(damaged);
    assertThat(damaged.err()).isEmpty();

    // a new build (the jars newer than the archive): the archive is made again
    Files.setLastModifiedTime(archive(), FileTime.from(Instant.now().minusSeconds(120)));
    Result rebuilt = run();
    assertTallied(rebuilt);
    assertThat(rebuilt.err().strip()).isEqualTo(NOTE);
    assertThat(Files.size(archive())).isGreaterThan(junk.length);
    Result after = run(Map.of("XUANJU_JAVA_OPTS", "-Xshare:on"), TALLY);
    assertTallied(after);
    assertThat(after.err()).isEmpty();
  }

  @Test
  void aJvmThatCannotMakeTheArchiveIsAskedOnceAfterEachBuild() throws Exception {
    install();
    // a java that fails whenever it is asked to list or dump classes, and runs the tools otherwise
    Path bin = Files.createDirectories(root.resolve("fake-bin"));
    Path java = bin.resolve("java");
    Files.writeString(
        java,
        "#!/bin/sh\n"
            + "case \"$*\" in *-Xshare:off*|*-Xshare:dump*) exit 1 ;; esac\n"
            + "exec '"
            + Path.of(System.getProperty("java.home"), "bin", "java")
            + "' \"$@\"\n");
    java.toFile().setExecutable(true);
    Map<String, String> env =
        Map.of("PATH", bin + File.pathSeparator + System.getenv().getOrDefault("PATH", "/usr/bin"));
    Result first = run(env, TALLY);
    assertTallied(first);
    assertThat(first.err().strip()).isEqualTo(NOTE);
    assertThat(archive()).doesNotExist();
    assertThat(target().resolve("xuanju-cli.jsa.failed")).isRegularFile();
    Result second = run(env, TALLY);
    assertTallied(second);
    assertThat(second.err()).as("不再尝试生成存档").isEmpty();
  }

  @Test
  void aFolderTheUserMayNotWriteToStartsWithoutAnUpToDateArchive() throws Exception {
    install();
    Path t = target();
    // an archive left from an earlier build (older than the jars now installed)
    Files.write(archive(), new byte[] {1, 2, 3});
    Files.setLastModifiedTime(archive(), FileTime.from(Instant.now().minusSeconds(3600)));
    t.toFile().setWritable(false, false);
    try {
      if (Files.isWritable(t)) {
        // root may write anywhere: run the launcher as the user nobody, who may read the
        // installation but not write to it
        Path setpriv = Path.of("/usr/bin/setpriv");
        Assumptions.assumeTrue(Files.isExecutable(setpriv), "以 root 运行且没有 setpriv：无法模拟只读目录");
        try (Stream<Path> s = Files.walk(root)) {
          for (Path f : s.toList()) {
            f.toFile().setReadable(true, false);
            f.toFile().setExecutable(Files.isDirectory(f) || f.endsWith("xuanju"), false);
          }
        }
        asUser = List.of(setpriv.toString(), "--reuid=65534", "--regid=65534", "--clear-groups");
        Process probe =
            new ProcessBuilder(
                    Stream.concat(
                            asUser.stream(),
                            Stream.of(
                                "/bin/sh",
                                "-c",
                                "test -r \"$0\" && test -x \"$1\"",
                                root.resolve("xuanju").toString(),
                                Path.of(System.getProperty("java.home"), "bin", "java").toString()))
                        .toList())
                .start();
        Assumptions.assumeTrue(
            probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0,
            "用户 nobody 读不到临时目录或 JDK：无法模拟只读目录");
      }
      for (int i = 0; i < 2; i++) {
        Result r = run();
        assertTallied(r);
        assertThat(r.err()).isEmpty();
      }
      assertThat(Files.size(archive())).isEqualTo(3);
      try (Stream<Path> s = Files.list(t)) {
        assertThat(s.map(f -> f.getFileName().toString()))
            .containsExactlyInAnyOrder("lib", "xuanju-cli.jar", "xuanju-cli.jsa");
      }
    } finally {
      t.toFile().setWritable(true, true);
    }
  }
}
