package xuanju.cli.round;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import xuanju.core.rule.InvalidInputException;

/**
 * The streaming JSON reader and writer ({@link Json#parse}, {@link Json#pretty}) against the mapper
 * they replace on the command line's start-up path: the same trees (node types included) or the
 * same error for the examples, their mutations and edge cases; the same bytes written.
 */
class JsonTest {
  static final Path EXAMPLES = Path.of("..", "docs", "examples");

  /** What the mapper reads: the tree's text with every node's type, or the error. */
  static String mapperRead(String text) {
    try {
      return typed(Json.mapper().readTree(text));
    } catch (Exception e) {
      return "error";
    }
  }

  static String read(String text) {
    try {
      return typed(Json.parse(text, "f.json"));
    } catch (InvalidInputException e) {
      return "error";
    }
  }

  static String errorOf(String text) {
    try {
      Json.parse(text, "f.json");
      return "none";
    } catch (InvalidInputException e) {
      return e.field() + " " + e.getMessage();
    }
  }

  /** The tree with the Java class of every node, so an int read as a long is a difference. */
  static String typed(JsonNode n) {
    if (n == null) {
      return "null-tree";
    }
    StringBuilder sb = new StringBuilder(n.getClass().getSimpleName());
    if (n.isObject()) {
      sb.append('{');
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        sb.append(e.getKey()).append('=').append(typed(e.getValue())).append(',');
      }
      sb.append('}');
    } else if (n.isArray()) {
      sb.append('[');
      n.forEach(v -> sb.append(typed(v)).append(','));
      sb.append(']');
    } else {
      sb.append('(').append(n).append(')');
    }
    return sb.toString();
  }

  /** The writer the command line used before: the mapper with the same pretty printer. */
  static String mapperPretty(JsonNode node) {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    Separators sep =
        Separators.createDefaultInstance()
            .withObjectNameValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator("");
    DefaultPrettyPrinter pp =
        new DefaultPrettyPrinter(sep).withObjectIndenter(indenter).withArrayIndenter(indenter);
    return Json.mapper().writer().with(pp).writeValueAsString(node) + "\n";
  }

  static List<String> examples() throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      for (Path p : files.sorted().toList()) {
        if (p.toString().endsWith(".json")) {
          out.add(Files.readString(p));
        }
      }
    }
    return out;
  }

  static final String[] REPLACEMENTS = {
    "0",
    "-0",
    "1",
    "-1",
    "2147483647",
    "2147483648",
    "-2147483649",
    "9223372036854775807",
    "9223372036854775808",
    "123456789012345678901234567890",
    "0.5",
    "-0.0",
    "1e308",
    "1e400",
    "1E2",
    "1.0",
    "3.141592653589793238462643383279",
    "NaN",
    "01",
    "\"\"",
    "\"\\u0000\\n\\\"é\"",
    "null",
    "true",
    "false",
    "[]",
    "{}",
    "[1,]",
    "{\"a\":1,\"a\":2}",
    "\"甲\"",
    "}",
    ",",
    ""
  };

  @Test
  void theStreamingReaderReadsExamplesAndMutationsAsTheMapperDoes() throws IOException {
    List<String> texts = new ArrayList<>(examples());
    assertThat(texts).hasSizeGreaterThan(10);
    texts.addAll(
        List.of(
            "",
            " ",
            "{}",
            "[]",
            "1",
            "\"x\"",
            "{} {}",
            "{}x",
            "{} ",
            "[1] [2]",
            "{\"a\":1}//",
            "{\"a\":1,\"a\":2}",
            "{\"a\":{\"b\":1,\"b\":1}}",
            "{'a':1}",
            "{\"a\":1,}",
            "[1,2",
            "\uFEFF{}",
            "{\"a\":9223372036854775808}",
            "{\"a\":1.5e3}",
            "{\"a\":-0}"));
    Random r = new Random(20261204);
    List<String> base = examples();
    for (int i = 0; i < 2000; i++) {
      String s = base.get(r.nextInt(base.size()));
      var m =
          java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?|\"[^\"]*\"|[\\[\\]{},:]").matcher(s);
      List<int[]> spans = new ArrayList<>();
      while (m.find()) {
        spans.add(new int[] {m.start(), m.end()});
      }
      int[] span = spans.get(r.nextInt(spans.size()));
      texts.add(
          s.substring(0, span[0])
              + REPLACEMENTS[r.nextInt(REPLACEMENTS.length)]
              + s.substring(span[1]));
    }
    int errors = 0;
    for (String text : texts) {
      String expected = mapperRead(text);
      assertThat(read(text)).as(text).isEqualTo(expected);
      if (expected.equals("error")) {
        errors++;
        // the error is the mapper's, converted as always
        try {
          Json.mapper().readTree(text);
        } catch (tools.jackson.core.JacksonException e) {
          assertThat(errorOf(text)).startsWith("f.json 不是有效的 JSON，");
        }
      }
    }
    assertThat(errors).isBetween(100, texts.size() - 100);
  }

  @Test
  void theStreamingWriterWritesTheMapperBytes() throws IOException {
    for (String text : examples()) {
      JsonNode tree = Json.parse(text, "f.json");
      assertThat(Json.pretty(tree)).isEqualTo(mapperPretty(tree));
    }
    JsonNodeFactory f = JsonNodeFactory.instance;
    Random r = new Random(7);
    for (int i = 0; i < 300; i++) {
      JsonNode tree = randomTree(f, r, 0);
      assertThat(Json.pretty(tree)).isEqualTo(mapperPretty(tree));
    }
  }

  static JsonNode randomTree(JsonNodeFactory f, Random r, int depth) {
    int kind = depth > 3 ? 2 + r.nextInt(10) : r.nextInt(12);
    switch (kind) {
      case 0 -> {
        ObjectNode o = f.objectNode();
        for (int k = r.nextInt(4); k > 0; k--) {
          o.set("k" + r.nextInt(5) + "名", randomTree(f, r, depth + 1));
        }
        return o;
      }
      case 1 -> {
        ArrayNode a = f.arrayNode();
        for (int k = r.nextInt(4); k > 0; k--) {
          a.add(randomTree(f, r, depth + 1));
        }
        return a;
      }
      case 2 -> {
        return f.stringNode("巴特尔·额尔敦 \"引号\" \\ / \n\t\u0001 é 😀");
      }
      case 3 -> {
        return f.numberNode(r.nextInt());
      }
      case 4 -> {
        return f.numberNode(r.nextLong());
      }
      case 5 -> {
        return f.numberNode(r.nextDouble() * 1e6);
      }
      case 6 -> {
        return f.numberNode(new BigInteger("123456789012345678901234567890"));
      }
      case 7 -> {
        return f.numberNode(new BigDecimal("3.14159265358979323846"));
      }
      case 8 -> {
        return f.booleanNode(r.nextBoolean());
      }
      case 9 -> {
        return f.nullNode();
      }
      case 10 -> {
        return f.numberNode(r.nextFloat());
      }
      default -> {
        return f.stringNode("");
      }
    }
  }
}
