package xuanju.cli.round;

import java.util.Set;
import java.util.TreeSet;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import xuanju.core.rule.InvalidInputException;

/**
 * Strict JSON reading and deterministic JSON writing for round files and decisions (JSON 读写工具). Bad
 * input throws {@link InvalidInputException} naming the field.
 */
public final class Json {
  private Json() {}

  /** A mapper that rejects trailing tokens and duplicate keys. */
  public static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  /**
   * Pretty-printed JSON with two-space indentation and {@code \n} line ends on every platform, plus
   * a final {@code \n}: the same input gives the same bytes.
   */
  public static String pretty(JsonNode node) {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    Separators sep =
        Separators.createDefaultInstance()
            .withObjectNameValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator("");
    DefaultPrettyPrinter pp =
        new DefaultPrettyPrinter(sep).withObjectIndenter(indenter).withArrayIndenter(indenter);
    return MAPPER.writer().with(pp).writeValueAsString(node) + "\n";
  }

  /**
   * Parses JSON text.
   *
   * @param label the field named in an error (usually the file name)
   * @throws InvalidInputException with line and column on malformed JSON
   */
  public static JsonNode parse(String text, String label) {
    try {
      return MAPPER.readTree(text);
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
