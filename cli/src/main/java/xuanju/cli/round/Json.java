package xuanju.cli.round;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.io.NumberOutput;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import xuanju.core.rule.InvalidInputException;

/**
 * Strict JSON reading and deterministic JSON writing for round files and decisions (JSON 读写工具). Bad
 * input throws {@link InvalidInputException} naming the field.
 *
 * <p>A short-lived tool spends more time starting Jackson than reading a round file, so plain
 * documents are read by {@link PlainJson} and trees are written by {@link #pretty} itself, byte for
 * byte as the mapper would. Anything the plain reader does not take (an error, trailing content, an
 * empty text, a fraction) is read again by {@link #mapper()}, which gives the same tree or the same
 * error as always.
 */
public final class Json {
  private Json() {}

  /** A mapper that rejects trailing tokens and duplicate keys; built on first use. */
  public static JsonMapper mapper() {
    return Mapper.INSTANCE;
  }

  private static final class Mapper {
    static final JsonMapper INSTANCE =
        JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
  }

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** A new empty JSON object. */
  public static ObjectNode object() {
    return NODES.objectNode();
  }

  /** A JSON string. */
  public static JsonNode textNode(String text) {
    return NODES.stringNode(text);
  }

  /**
   * Pretty-printed JSON with two-space indentation and {@code \n} line ends on every platform, plus
   * a final {@code \n}: the same input gives the same bytes. Written straight into a builder, byte
   * for byte what the mapper writes with a {@code DefaultPrettyPrinter} (two-space indenter for
   * objects and arrays, {@code ": "} after names, {@code {}} and {@code []} when empty; {@code
   * JsonTest} compares them), without the generator's start-up cost in a short-lived tool.
   */
  public static String pretty(JsonNode node) {
    StringBuilder sb = new StringBuilder(8192);
    write(sb, node, 0);
    return sb.append('\n').toString();
  }

  private static void indent(StringBuilder sb, int depth) {
    sb.append('\n');
    for (int i = 0; i < depth; i++) {
      sb.append("  ");
    }
  }

  private static void write(StringBuilder sb, JsonNode n, int depth) {
    switch (n.getNodeType()) {
      case OBJECT -> {
        sb.append('{');
        if (n.isEmpty()) {
          sb.append('}');
          return;
        }
        boolean first = true;
        for (Map.Entry<String, JsonNode> e : n.properties()) {
          if (!first) {
            sb.append(',');
          }
          first = false;
          indent(sb, depth + 1);
          string(sb, e.getKey());
          sb.append(": ");
          write(sb, e.getValue(), depth + 1);
        }
        indent(sb, depth);
        sb.append('}');
      }
      case ARRAY -> {
        sb.append('[');
        if (n.isEmpty()) {
          sb.append(']');
          return;
        }
        boolean first = true;
        for (JsonNode v : n) {
          if (!first) {
            sb.append(',');
          }
          first = false;
          indent(sb, depth + 1);
          write(sb, v, depth + 1);
        }
        indent(sb, depth);
        sb.append(']');
      }
      case STRING -> string(sb, n.stringValue());
      case BOOLEAN -> sb.append(n.booleanValue());
      case NULL -> sb.append("null");
      case NUMBER -> {
        if (n.isInt()) {
          sb.append(n.intValue());
        } else if (n.isLong()) {
          sb.append(n.longValue());
        } else if (n.isBigInteger()) {
          sb.append(n.bigIntegerValue());
        } else if (n.isDouble()) {
          double d = n.doubleValue();
          if (Double.isNaN(d) || Double.isInfinite(d)) {
            string(sb, NumberOutput.toString(d, false));
          } else {
            sb.append(NumberOutput.toString(d, false));
          }
        } else if (n.isFloat()) {
          float f = n.floatValue();
          if (Float.isNaN(f) || Float.isInfinite(f)) {
            string(sb, NumberOutput.toString(f, false));
          } else {
            sb.append(NumberOutput.toString(f, false));
          }
        } else if (n.isBigDecimal()) {
          sb.append(n.decimalValue().toString());
        } else {
          sb.append(n.shortValue());
        }
      }
      default -> throw new IllegalArgumentException("不能写出的 JSON 节点：" + n.getNodeType());
    }
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  /** A JSON string as the generator escapes it: {@code " \\}, short escapes, {@code \\u00XX}. */
  private static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\') {
        sb.append(c);
        continue;
      }
      sb.append('\\');
      switch (c) {
        case '"' -> sb.append('"');
        case '\\' -> sb.append('\\');
        case '\b' -> sb.append('b');
        case '\t' -> sb.append('t');
        case '\f' -> sb.append('f');
        case '\n' -> sb.append('n');
        case '\r' -> sb.append('r');
        default -> sb.append("u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    sb.append('"');
  }

  /**
   * Parses JSON text.
   *
   * @param label the field named in an error (usually the file name)
   * @throws InvalidInputException with line and column on malformed JSON
   */
  public static JsonNode parse(String text, String label) {
    JsonNode tree = plain(text);
    if (tree != null) {
      return tree;
    }
    try {
      return mapper().readTree(text);
    } catch (JacksonException e) {
      String where =
          e.getLocation() == null
              ? ""
              : "第" + e.getLocation().getLineNr() + "行第" + e.getLocation().getColumnNr() + "列：";
      String msg = e.getOriginalMessage();
      int cut = msg.indexOf(" (start marker");
      msg = (cut > 0 ? msg.substring(0, cut) : msg).lines().findFirst().orElse("");
      throw new InvalidInputException(label, "不是有效的 JSON，" + where + msg);
    }
  }

  /**
   * The tree of a plain JSON document (one value, nothing after it), read by {@link PlainJson};
   * null for anything else (then {@link #mapper()} reads it).
   */
  static JsonNode plain(String text) {
    return PlainJson.read(text);
  }

  static void checkFields(JsonNode n, Set<String> allowed, String prefix) {
    for (String name : n.propertyNames()) {
      if (!allowed.contains(name)) {
        throw new InvalidInputException(
            prefix + name, "未知字段，可用：" + String.join("、", new TreeSet<>(allowed)));
      }
    }
  }

  static boolean present(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v != null && !v.isNull();
  }

  static String string(JsonNode v, String field) {
    if (v == null || !v.isString()) {
      throw new InvalidInputException(field, "应为字符串");
    }
    return v.stringValue();
  }

  static String optionalString(JsonNode n, String name, String path) {
    JsonNode v = n.get(name);
    return v == null || v.isNull() ? null : string(v, path + name);
  }

  static long count(JsonNode v, String field) {
    if (v == null || v.isNull()) {
      throw new InvalidInputException(field, "缺少字段");
    }
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw new InvalidInputException(field, "应为整数，实际为 " + v);
    }
    long x = v.longValue();
    if (x < 0) {
      throw new InvalidInputException(field, "票数或人数不能为负数：" + x);
    }
    return x;
  }

  static int integer(JsonNode v, String field) {
    if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) {
      throw new InvalidInputException(field, "应为整数，实际为 " + v);
    }
    return v.intValue();
  }
}
