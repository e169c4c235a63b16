package xuanju.cli.round;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small strict reader for plain JSON documents (简单 JSON 文档的快速读取): objects, arrays, strings,
 * {@code true false null} and integers that fit a {@code long}, with nothing after the one value.
 * It gives the tree the mapper would give, and null for anything else — a syntax error, a duplicate
 * name, a fraction or exponent, a very long number, deep nesting, a byte-order mark — which {@link
 * Json#parse} then reads with the mapper, so errors and unusual numbers are exactly as before. It
 * exists because a short-lived command-line tool spends more time starting Jackson's parser than
 * reading a round file; {@code JsonTest} compares it with the mapper on examples and mutations.
 */
final class PlainJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Deeper documents are left to the mapper (and its own nesting limit). */
  private static final int MAX_DEPTH = 200;

  /** Longer names are left to the mapper (and its own name-length limit). */
  private static final int MAX_NAME = 10_000;

  private final String s;
  private final int n;
  private int i;
  private int depth;

  private PlainJson(String s) {
    this.s = s;
    this.n = s.length();
  }

  /** The tree of a plain document, or null when the mapper should read it. */
  static JsonNode read(String text) {
    if (text == null) {
      return null;
    }
    try {
      PlainJson p = new PlainJson(text);
      p.space();
      if (p.i >= p.n) {
        return null;
      }
      JsonNode v = p.value();
      if (v == null) {
        return null;
      }
      p.space();
      return p.i == p.n ? v : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private void space() {
    while (i < n) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
        i++;
      } else {
        return;
      }
    }
  }

  private JsonNode value() {
    if (i >= n) {
      return null;
    }
    char c = s.charAt(i);
    return switch (c) {
      case '{' -> object();
      case '[' -> array();
      case '"' -> {
        String v = string();
        yield v == null ? null : NODES.stringNode(v);
      }
      case 't' -> literal("true") ? NODES.booleanNode(true) : null;
      case 'f' -> literal("false") ? NODES.booleanNode(false) : null;
      case 'n' -> literal("null") ? NODES.nullNode() : null;
      default -> c == '-' || (c >= '0' && c <= '9') ? integer() : null;
    };
  }

  private boolean literal(String word) {
    if (!s.startsWith(word, i)) {
      return false;
    }
    i += word.length();
    return i >= n || !Character.isLetterOrDigit(s.charAt(i));
  }

  private JsonNode object() {
    if (++depth > MAX_DEPTH) {
      return null;
    }
    i++; // {
    ObjectNode o = NODES.objectNode();
    space();
    if (i < n && s.charAt(i) == '}') {
      i++;
      depth--;
      return o;
    }
    while (true) {
      space();
      if (i >= n || s.charAt(i) != '"') {
        return null;
      }
      String name = string();
      if (name == null || name.length() > MAX_NAME || o.has(name)) {
        return null;
      }
      space();
      if (i >= n || s.charAt(i) != ':') {
        return null;
      }
      i++;
      space();
      JsonNode v = value();
      if (v == null) {
        return null;
      }
      o.set(name, v);
      space();
      if (i >= n) {
        return null;
      }
      char c = s.charAt(i++);
      if (c == '}') {
        depth--;
        return o;
      }
      if (c != ',') {
        return null;
      }
    }
  }

  private JsonNode array() {
    if (++depth > MAX_DEPTH) {
      return null;
    }
    i++; // [
    ArrayNode a = NODES.arrayNode();
    space();
    if (i < n && s.charAt(i) == ']') {
      i++;
      depth--;
      return a;
    }
    while (true) {
      space();
      JsonNode v = value();
      if (v == null) {
        return null;
      }
      a.add(v);
      space();
      if (i >= n) {
        return null;
      }
      char c = s.charAt(i++);
      if (c == ']') {
        depth--;
        return a;
      }
      if (c != ',') {
        return null;
      }
    }
  }

  /** A string from its opening quote; null on a control character or a bad escape. */
  private String string() {
    int start = ++i;
    // the common case: no escape
    while (i < n) {
      char c = s.charAt(i);
      if (c == '"') {
        return s.substring(start, i++);
      }
      if (c == '\\') {
        break;
      }
      if (c < 0x20) {
        return null;
      }
      i++;
    }
    StringBuilder sb = new StringBuilder(s.length() - start < 64 ? 64 : 256);
    sb.append(s, start, i);
    while (i < n) {
      char c = s.charAt(i++);
      if (c == '"') {
        return sb.toString();
      }
      if (c < 0x20) {
        return null;
      }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      if (i >= n) {
        return null;
      }
      char e = s.charAt(i++);
      switch (e) {
        case '"', '\\', '/' -> sb.append(e);
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'u' -> {
          if (i + 4 > n) {
            return null;
          }
          int v = 0;
          for (int k = 0; k < 4; k++) {
            int d = Character.digit(s.charAt(i + k), 16);
            if (d < 0) {
              return null;
            }
            v = (v << 4) | d;
          }
          i += 4;
          sb.append((char) v);
        }
        default -> {
          return null;
        }
      }
    }
    return null; // not closed
  }

  /** An integer of at most 18 digits (int or long node as the mapper reads it); else null. */
  private JsonNode integer() {
    int start = i;
    if (s.charAt(i) == '-') {
      i++;
    }
    int digits = i;
    while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    int count = i - digits;
    if (count == 0 || count > 18 || (count > 1 && s.charAt(digits) == '0')) {
      return null;
    }
    if (i < n) {
      char c = s.charAt(i);
      if (c == '.' || c == 'e' || c == 'E' || Character.isLetterOrDigit(c)) {
        return null; // fractions and exponents: as the mapper reads them
      }
    }
    long v = Long.parseLong(s, start, i, 10);
    return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE
        ? NODES.numberNode((int) v)
        : NODES.numberNode(v);
  }
}
