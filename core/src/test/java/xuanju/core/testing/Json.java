package xuanju.core.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tiny recursive-descent JSON reader for test decks (core has no JSON library). Objects become
 * {@link LinkedHashMap}, arrays {@link ArrayList}, numbers {@link Long} (integers only), and
 * strings, booleans and null as usual.
 */
public final class Json {
  private final String s;
  private int i;

  private Json(String s) {
    this.s = s;
  }

  public static Object parse(String text) {
    Json j = new Json(text);
    j.ws();
    Object v = j.value();
    j.ws();
    if (j.i != j.s.length()) {
      throw j.error("trailing text");
    }
    return v;
  }

  private IllegalArgumentException error(String msg) {
    int line = 1;
    for (int k = 0; k < i && k < s.length(); k++) {
      if (s.charAt(k) == '\n') {
        line++;
      }
    }
    return new IllegalArgumentException("JSON " + msg + " at line " + line + " (offset " + i + ")");
  }

  private void ws() {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
  }

  private Object value() {
    if (i >= s.length()) {
      throw error("unexpected end");
    }
    char c = s.charAt(i);
    switch (c) {
      case '{':
        return object();
      case '[':
        return array();
      case '"':
        return string();
      case 't':
        return literal("true", Boolean.TRUE);
      case 'f':
        return literal("false", Boolean.FALSE);
      case 'n':
        return literal("null", null);
      default:
        if (c == '-' || Character.isDigit(c)) {
          return number();
        }
        throw error("unexpected '" + c + "'");
    }
  }

  private Object literal(String word, Object v) {
    if (!s.startsWith(word, i)) {
      throw error("expected " + word);
    }
    i += word.length();
    return v;
  }

  private Long number() {
    int start = i;
    if (s.charAt(i) == '-') {
      i++;
    }
    while (i < s.length() && Character.isDigit(s.charAt(i))) {
      i++;
    }
    if (i < s.length() && (s.charAt(i) == '.' || s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      throw error("only integers are supported");
    }
    return Long.parseLong(s.substring(start, i));
  }

  private String string() {
    StringBuilder sb = new StringBuilder();
    i++;
    while (true) {
      if (i >= s.length()) {
        throw error("unterminated string");
      }
      char c = s.charAt(i++);
      if (c == '"') {
        return sb.toString();
      }
      if (c == '\\') {
        char e = s.charAt(i++);
        switch (e) {
          case '"', '\\', '/' -> sb.append(e);
          case 'n' -> sb.append('\n');
          case 't' -> sb.append('\t');
          case 'r' -> sb.append('\r');
          case 'b' -> sb.append('\b');
          case 'f' -> sb.append('\f');
          case 'u' -> {
            sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
            i += 4;
          }
          default -> throw error("bad escape");
        }
      } else {
        sb.append(c);
      }
    }
  }

  private List<Object> array() {
    List<Object> list = new ArrayList<>();
    i++;
    ws();
    if (s.charAt(i) == ']') {
      i++;
      return list;
    }
    while (true) {
      ws();
      list.add(value());
      ws();
      char c = s.charAt(i++);
      if (c == ']') {
        return list;
      }
      if (c != ',') {
        i--;
        throw error("expected , or ]");
      }
    }
  }

  private Map<String, Object> object() {
    Map<String, Object> map = new LinkedHashMap<>();
    i++;
    ws();
    if (s.charAt(i) == '}') {
      i++;
      return map;
    }
    while (true) {
      ws();
      if (s.charAt(i) != '"') {
        throw error("expected key");
      }
      String k = string();
      ws();
      if (s.charAt(i++) != ':') {
        i--;
        throw error("expected :");
      }
      ws();
      if (map.put(k, value()) != null) {
        throw error("duplicate key " + k);
      }
      ws();
      char c = s.charAt(i++);
      if (c == '}') {
        return map;
      }
      if (c != ',') {
        i--;
        throw error("expected , or }");
      }
    }
  }
}
