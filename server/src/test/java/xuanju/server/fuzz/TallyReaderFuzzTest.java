package xuanju.server.fuzz;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import xuanju.core.rule.InvalidInputException;

/**
 * Fuzzing of the CLI's round-file reader (计票文件读取模糊测试), the input of {@code ./xuanju tally}: the
 * documented examples in {@code docs/examples/tally-*.json}, mutated byte-wise and JSON-wise
 * (numbers replaced by extreme values, keys dropped, values swapped for other types), read and
 * decided in-process exactly as the command does ({@code RoundFile.read} → {@code RoundReport.of} →
 * {@code json}/{@code text}). Property: the only exceptions are the documented input errors ({@link
 * InvalidInputException}, {@code CliException}) naming a field, never anything else.
 *
 * <p>The classes are looked up by name, so that the server build does not depend on the CLI version
 * installed; the test is skipped (not failed) when the installed CLI has no round reader yet.
 */
class TallyReaderFuzzTest {
  static final int ITERATIONS = Integer.getInteger("xuanju.fuzz.iterations", 25) * 20;

  @TempDir Path tmp;

  static Stream<Long> seeds() {
    return LongStream.of(20261121L, 42L, 99_991L).boxed();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void mutatedRoundFilesGiveOnlyDocumentedInputErrors(long seed) throws Exception {
    Method read;
    Method of;
    Method json;
    Method text;
    try {
      Class<?> roundFile = Class.forName("xuanju.cli.round.RoundFile");
      Class<?> report = Class.forName("xuanju.cli.round.RoundReport");
      read = roundFile.getMethod("read", Path.class);
      of = report.getMethod("of", roundFile);
      Class<?> reportType = of.getReturnType();
      json = report.getMethod("json", reportType);
      text = report.getMethod("text", reportType);
    } catch (ReflectiveOperationException e) {
      Assumptions.abort("安装的 xuanju-cli 中还没有计票文件读取类 xuanju.cli.round.RoundFile：" + e);
      return;
    }
    List<byte[]> corpus = corpus();
    Assumptions.assumeFalse(corpus.isEmpty(), "docs/examples 中没有 tally-*.json 示例");
    Mutator m = new Mutator(seed);
    Random r = m.random();
    int rejected = 0;
    for (int i = 0; i < ITERATIONS; i++) {
      byte[] base = corpus.get(r.nextInt(corpus.size()));
      byte[] input = r.nextBoolean() ? m.mutate(base, 6) : jsonMutation(base, r);
      Path file = Files.write(tmp.resolve("round.json"), input);
      try {
        Object report = of.invoke(null, read.invoke(null, file));
        json.invoke(null, report);
        text.invoke(null, report);
      } catch (InvocationTargetException e) {
        Throwable cause = e.getCause();
        if (cause instanceof InvalidInputException
            || cause.getClass().getName().equals("xuanju.cli.CliException")) {
          rejected++;
          continue;
        }
        Path saved = save(seed, i, input);
        fail(
            "计票文件读取抛出了未记载的异常（seed " + seed + "，第 " + i + " 个输入，已保存到 " + saved + "）：" + cause,
            cause);
      }
    }
    System.out.println(
        "计票文件模糊测试 seed "
            + seed
            + "："
            + ITERATIONS
            + " 个输入，判定 "
            + (ITERATIONS - rejected)
            + "，输入错误 "
            + rejected
            + "，未记载的异常 0");
  }

  /** Replaces a number, a string or a whole value of the JSON text with something else. */
  static byte[] jsonMutation(byte[] base, Random r) {
    String s = new String(base, StandardCharsets.UTF_8);
    String[] numbers = {
      "-1",
      "0",
      "2147483648",
      "9223372036854775808",
      "1e308",
      "0.5",
      "-0",
      "null",
      "\"5\"",
      "[]",
      "{}",
      "true"
    };
    StringBuilder out = new StringBuilder(s);
    int edits = 1 + r.nextInt(4);
    for (int k = 0; k < edits; k++) {
      String cur = out.toString();
      List<int[]> spans = new ArrayList<>();
      var matcher = java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?|\"[^\"]*\"").matcher(cur);
      while (matcher.find()) {
        spans.add(new int[] {matcher.start(), matcher.end()});
      }
      if (spans.isEmpty()) {
        break;
      }
      int[] span = spans.get(r.nextInt(spans.size()));
      String replacement =
          switch (r.nextInt(4)) {
            case 0 -> numbers[r.nextInt(numbers.length)];
            case 1 -> "\"" + "甲乙丙".charAt(r.nextInt(3)) + "\"";
            case 2 -> cur.substring(span[0], span[1]) + cur.substring(span[0], span[1]);
            default -> "\"\"";
          };
      out.replace(span[0], span[1], replacement);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  static List<byte[]> corpus() throws IOException {
    List<byte[]> out = new ArrayList<>();
    for (Path dir : List.of(Path.of("..", "docs", "examples"), Path.of("docs", "examples"))) {
      if (Files.isDirectory(dir)) {
        try (var files = Files.list(dir)) {
          for (Path p : files.sorted().toList()) {
            String name = p.getFileName().toString();
            if (name.startsWith("tally-") && name.endsWith(".json")) {
              out.add(Files.readAllBytes(p));
            }
          }
        }
        break;
      }
    }
    return out;
  }

  private static Path save(long seed, int i, byte[] input) throws IOException {
    Path dir = Path.of("target", "fuzz-failures");
    Files.createDirectories(dir);
    return Files.write(dir.resolve("tally-" + seed + "-" + i + ".json"), input);
  }
}
