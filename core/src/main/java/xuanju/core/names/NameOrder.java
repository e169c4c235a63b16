package xuanju.core.names;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import xuanju.core.rule.Decision;
import xuanju.core.rule.Finding;
import xuanju.core.rule.Findings;
import xuanju.core.rule.InvalidInputException;
import xuanju.core.rule.Step;

/**
 * Orders full names by strokes (按姓氏笔画排序), the mainland rule for ballots and candidate lists.
 *
 * <p>Each character is compared by total stroke count, then by its strokes in writing order as 横 竖
 * 撇 点 折 (1–5), first stroke first (see {@link StrokeData#compareCharacters}). Names are compared
 * surname first (a {@linkplain CompoundSurnames compound surname} is one unit, so every 欧 name
 * comes before every 欧阳 name), then the given name character by character. Two styles differ only
 * in single given names:
 *
 * <ul>
 *   <li>{@link Style#SURNAME_STROKES} 按姓氏笔画 (party congresses, 政协): the missing second character of
 *       a single given name counts as an empty character, so within one surname single given names
 *       come first (田富 before 田大利; 王毅 before 王沪宁).
 *   <li>{@link Style#FULL_NAME_STROKES} 按姓名笔画 (people's congresses): the given name is compared
 *       character by character as written (田大利 before 田富).
 * </ul>
 *
 * <p>Characters without data sort after all known characters, by code point; spaces and the name
 * separator · are ignored. Names equal after that are ordered by their text, so the order is total
 * and does not depend on the input order. Immutable and thread-safe.
 */
public final class NameOrder implements Comparator<String> {
  /** Which ordering convention (排序方式). */
  public enum Style {
    /** 按姓氏笔画: same surname → single given names first. */
    SURNAME_STROKES(NamesRule.ORDER_SURNAME_STROKES),
    /** 按姓名笔画: same surname → given name character by character. */
    FULL_NAME_STROKES(NamesRule.ORDER_FULL_NAME_STROKES);

    private final NamesRule rule;

    Style(NamesRule rule) {
      this.rule = rule;
    }

    public NamesRule rule() {
      return rule;
    }
  }

  private final Style style;
  private final StrokeData data;

  private NameOrder(Style style, StrokeData data) {
    this.style = Objects.requireNonNull(style, "style");
    this.data = Objects.requireNonNull(data, "data");
  }

  /** 按姓氏笔画 with the standard table: the default for ballots (基层组织选举工作条例第二十四条). */
  public static NameOrder surnameStrokes() {
    return new NameOrder(Style.SURNAME_STROKES, StrokeData.standard());
  }

  /** 按姓名笔画 with the standard table. */
  public static NameOrder fullNameStrokes() {
    return new NameOrder(Style.FULL_NAME_STROKES, StrokeData.standard());
  }

  public static NameOrder of(Style style, StrokeData data) {
    return new NameOrder(style, data);
  }

  public Style style() {
    return style;
  }

  /**
   * Compares two full names, split by {@link PersonName#parse}.
   *
   * @throws InvalidInputException if a name is empty
   */
  @Override
  public int compare(String a, String b) {
    return key(a).compareTo(key(b));
  }

  /** The same order over names whose surname and given name are already known. */
  public Comparator<PersonName> persons() {
    return (a, b) ->
        key(a, a.surname() + "\u0000" + a.givenName())
            .compareTo(key(b, b.surname() + "\u0000" + b.givenName()));
  }

  /**
   * A sorted copy of the names (keys computed once per name).
   *
   * @throws InvalidInputException naming {@code names[i]} if a name is null or empty
   */
  public List<String> sort(Collection<String> names) {
    List<Key> keys = keys(names);
    keys.sort(null);
    return keys.stream().map(k -> k.text).toList();
  }

  /**
   * Sorts the names and records the rule applied and any characters without data. The step passes
   * when every character has full stroke data; otherwise the list must be checked by hand (see
   * {@link #missing}).
   */
  public Decision<List<String>> order(List<String> names) {
    List<String> sorted = sort(names);
    MissingStrokes missing = missing(names);
    Map<String, Long> inputs = new LinkedHashMap<>();
    inputs.put("names", (long) names.size());
    inputs.put("noData", (long) missing.noData().size());
    inputs.put("sequenceMissing", (long) missing.sequenceMissing().size());
    String how =
        style == Style.SURNAME_STROKES
            ? "按姓氏笔画为序排列%d个姓名（先比笔画数，再按横竖撇点折比笔顺，同姓者单名在前）"
            : "按姓名笔画为序排列%d个姓名（先比笔画数，再按横竖撇点折比笔顺，逐字比较）";
    String explanation =
        String.format(how, names.size())
            + missing.warningZh().map(w -> "；" + w + "，请人工核对").orElse("");
    Step step =
        new Step(
            style.rule(),
            inputs,
            "strokes, then sequence 1横2竖3撇4点5折, then next character",
            missing.isEmpty(),
            explanation);
    return new Decision<>(sorted, List.of(step));
  }

  /** The characters of the names that lack stroke data, with findings naming the positions. */
  public MissingStrokes missing(List<String> names) {
    TreeSet<Integer> none = new TreeSet<>();
    TreeSet<Integer> countOnly = new TreeSet<>();
    TreeMap<Integer, String> noneFields = new TreeMap<>();
    TreeMap<Integer, String> countOnlyFields = new TreeMap<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (name == null) {
        throw new InvalidInputException("names[" + i + "]", "姓名不能为空");
      }
      for (int cp : NameText.codePoints(name)) {
        switch (data.coverage(cp)) {
          case NONE -> {
            none.add(cp);
            noneFields.put(i, "names[" + i + "]");
          }
          case COUNT_ONLY -> {
            countOnly.add(cp);
            countOnlyFields.put(i, "names[" + i + "]");
          }
          case FULL -> {}
        }
      }
    }
    List<String> noData = asStrings(none);
    List<String> sequenceMissing = asStrings(countOnly);
    List<Finding> findings = new ArrayList<>();
    if (!noData.isEmpty()) {
      findings.add(
          new Finding(
              NamesRule.STROKES_MISSING,
              List.copyOf(noneFields.values()),
              Map.of("characters", String.join("、", noData), "count", noData.size()),
              "以下汉字缺少笔画数据：" + String.join("、", noData)));
    }
    if (!sequenceMissing.isEmpty()) {
      findings.add(
          new Finding(
              NamesRule.STROKES_SEQUENCE_MISSING,
              List.copyOf(countOnlyFields.values()),
              Map.of(
                  "characters", String.join("、", sequenceMissing), "count", sequenceMissing.size()),
              "以下汉字缺少笔顺数据（仅按笔画数排序）：" + String.join("、", sequenceMissing)));
    }
    return new MissingStrokes(noData, sequenceMissing, Findings.of(findings));
  }

  private static List<String> asStrings(TreeSet<Integer> cps) {
    return cps.stream().map(cp -> new String(Character.toChars(cp))).toList();
  }

  private List<Key> keys(Collection<String> names) {
    Objects.requireNonNull(names, "names");
    List<Key> keys = new ArrayList<>(names.size());
    int i = 0;
    for (String n : names) {
      String field = "names[" + i + "]";
      if (n == null) {
        throw new InvalidInputException(field, "姓名不能为空");
      }
      try {
        keys.add(key(n));
      } catch (InvalidInputException e) {
        throw new InvalidInputException(field, e.getMessage());
      }
      i++;
    }
    return keys;
  }

  private Key key(String fullName) {
    return key(PersonName.parse(fullName), fullName);
  }

  /**
   * The name prepared once for this order, for sorting many names: {@code sortKey(a).compareTo(
   * sortKey(b))} equals {@code compare(a, b)}, without splitting the names again at every
   * comparison.
   *
   * @throws InvalidInputException if the name is empty
   */
  public SortKey sortKey(String fullName) {
    return key(fullName);
  }

  /** A name prepared for comparison in one order ({@link #sortKey}). */
  public interface SortKey extends Comparable<SortKey> {}

  private Key key(PersonName p, String text) {
    return new Key(orderKeys(p.surname()), orderKeys(p.givenName()), text);
  }

  /**
   * The characters as {@link StrokeData#orderKey}s (compared as numbers, as data compares them).
   */
  private int[] orderKeys(String s) {
    int[] cps = NameText.codePoints(s);
    for (int i = 0; i < cps.length; i++) {
      cps[i] = data.orderKey(cps[i]);
    }
    return cps;
  }

  /** A name prepared for comparison: its characters as {@link StrokeData#orderKey}s. */
  private final class Key implements SortKey {
    final int[] surname;
    final int[] given;
    final String text;

    Key(int[] surname, int[] given, String text) {
      this.surname = surname;
      this.given = given;
      this.text = text;
    }

    @Override
    public int compareTo(SortKey other) {
      Key o = (Key) other;
      int c = compareChars(surname, o.surname);
      if (c != 0) {
        return c;
      }
      if (style == Style.SURNAME_STROKES) {
        c = Integer.compare(given.length, o.given.length);
        if (c != 0) {
          return c;
        }
      }
      c = compareChars(given, o.given);
      return c != 0 ? c : text.compareTo(o.text);
    }

    private int compareChars(int[] a, int[] b) {
      int n = Math.min(a.length, b.length);
      for (int i = 0; i < n; i++) {
        int c = Integer.compare(a[i], b[i]);
        if (c != 0) {
          return c;
        }
      }
      return Integer.compare(a.length, b.length);
    }
  }
}
