package xuanju.cli.round;

import java.io.StringWriter;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import xuanju.core.rule.InvalidInputException;

/**
 * Strict JSON reading and deterministic JSON writing for round files and decisions (JSON 读写工具). Bad
 * input throws {@link InvalidInputException} naming the field.
 *
 * <p>Reading and writing a tree go straight through Jackson's streaming parser and generator: the
 * command-line tools start without building an {@link JsonMapper} (about a tenth of a second of
 * start-up). Anything the streaming reader does not take as a plain document (an error, trailing
 * content, an empty text) is read again by {@link #mapper()}, which gives the same tree or the same
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

  private static final JsonFactory FACTORY =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

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
   * a final {@code \n}: the same input gives the same bytes.
   */
  public static String pretty(JsonNode node) {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    Separators sep =
        Separators.createDefaultInstance()
            .withObjectNameValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator("");
    PrettyPrinter pp =
        new DefaultPrettyPrinter(sep)
            .withObjectIndenter(indenter)
            .withArrayIndenter(indenter)
            .createInstance();
    StringWriter out = new StringWriter();
    ObjectWriteContext context =
        new ObjectWriteContext.Base() {
          @Override
          public PrettyPrinter getPrettyPrinter() {
            return pp;
          }

          @Override
          public boolean hasPrettyPrinter() {
            return true;
          }
        };
    try (JsonGenerator g = FACTORY.createGenerator(context, out)) {
      write(g, node);
    }
    return out + "\n";
  }

  private static void write(JsonGenerator g, JsonNode n) {
    switch (n.getNodeType()) {
      case OBJECT -> {
        g.writeStartObject(n, n.size());
        for (Map.Entry<String, JsonNode> e : n.properties()) {
          g.writeName(e.getKey());
          write(g, e.getValue());
        }
        g.writeEndObject();
      }
      case ARRAY -> {
        g.writeStartArray(n, n.size());
        for (JsonNode v : n) {
          write(g, v);
        }
        g.writeEndArray();
      }
      case STRING -> g.writeString(n.stringValue());
      case BOOLEAN -> g.writeBoolean(n.booleanValue());
      case NULL -> g.writeNull();
      case NUMBER -> {
        if (n.isInt()) {
          g.writeNumber(n.intValue());
        } else if (n.isLong()) {
          g.writeNumber(n.longValue());
        } else if (n.isBigInteger()) {
          g.writeNumber(n.bigIntegerValue());
        } else if (n.isDouble()) {
          g.writeNumber(n.doubleValue());
        } else if (n.isFloat()) {
          g.writeNumber(n.floatValue());
        } else if (n.isBigDecimal()) {
          g.writeNumber(n.decimalValue());
        } else {
          g.writeNumber(n.shortValue());
        }
      }
      default -> throw new IllegalArgumentException("不能写出的 JSON 节点：" + n.getNodeType());
    }
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
   * The tree of a plain JSON document (one value, nothing after it) read with the streaming parser;
   * null for anything else (then {@link #mapper()} reads it).
   */
  static JsonNode plain(String text) {
    try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), text)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        return null;
      }
      JsonNode root = value(p, t);
      return root != null && p.nextToken() == null ? root : null;
    } catch (JacksonException | IllegalArgumentException e) {
      return null;
    }
  }

  private static JsonNode value(JsonParser p, JsonToken t) {
    switch (t) {
      case START_OBJECT -> {
        ObjectNode o = NODES.objectNode();
        for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
          if (k != JsonToken.PROPERTY_NAME) {
            return null;
          }
          String name = p.currentName();
          JsonNode v = value(p, p.nextToken());
          if (v == null) {
            return null;
          }
          o.set(name, v);
        }
        return o;
      }
      case START_ARRAY -> {
        ArrayNode a = NODES.arrayNode();
        for (JsonToken k = p.nextToken(); k != JsonToken.END_ARRAY; k = p.nextToken()) {
          JsonNode v = value(p, k);
          if (v == null) {
            return null;
          }
          a.add(v);
        }
        return a;
      }
      case VALUE_STRING -> {
        return NODES.stringNode(p.getString());
      }
      case VALUE_TRUE -> {
        return NODES.booleanNode(true);
      }
      case VALUE_FALSE -> {
        return NODES.booleanNode(false);
      }
      case VALUE_NULL -> {
        return NODES.nullNode();
      }
      case VALUE_NUMBER_INT -> {
        return switch (p.getNumberType()) {
          case INT -> NODES.numberNode(p.getIntValue());
          case LONG -> NODES.numberNode(p.getLongValue());
          default -> null; // big integers: as the mapper reads them
        };
      }
      default -> {
        return null; // floating-point numbers and anything else: as the mapper reads them
      }
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
