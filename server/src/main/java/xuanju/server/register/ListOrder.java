package xuanju.server.register;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import xuanju.core.names.NameOrder;

/**
 * The order of a voter list (选民名单排列): by 居民小组 (natural order of the group names, so 第2组 comes
 * before 第10组 and 第二组 before 第十组), then by 姓氏笔画 (core {@link NameOrder#surnameStrokes()}), then by
 * ID number.
 */
final class ListOrder {
  private ListOrder() {}

  private static final NameOrder STROKES = NameOrder.surnameStrokes();

  static <T> Comparator<T> of(
      Function<T, String> group, Function<T, String> name, Function<T, String> id) {
    return Comparator.comparing((T t) -> arabic(group.apply(t)), ListOrder::compareGroups)
        .thenComparing(name, STROKES)
        .thenComparing(id);
  }

  /**
   * Sorts {@code items} in the same order as {@link #of}, with the group numbers and the names
   * prepared once per item instead of at every comparison (a million people: seconds, not minutes).
   */
  static <T> void sort(
      List<T> items, Function<T, String> group, Function<T, String> name, Function<T, String> id) {
    // the few distinct groups ranked once, then compared as numbers
    Map<String, Integer> rank = new HashMap<>();
    for (T t : items) {
      rank.putIfAbsent(group.apply(t), 0);
    }
    List<String> groups = new ArrayList<>(rank.keySet());
    groups.sort(Comparator.comparing(ListOrder::arabic, ListOrder::compareGroups));
    for (int i = 0, r = 0; i < groups.size(); i++) {
      if (i > 0 && compareGroups(arabic(groups.get(i - 1)), arabic(groups.get(i))) != 0) {
        r++;
      }
      rank.put(groups.get(i), r);
    }
    List<Keyed<T>> keyed = new ArrayList<>(items.size());
    for (T t : items) {
      keyed.add(
          new Keyed<>(rank.get(group.apply(t)), STROKES.sortKey(name.apply(t)), id.apply(t), t));
    }
    keyed.sort(
        Comparator.comparingInt((Keyed<T> k) -> k.group)
            .thenComparing(k -> k.name)
            .thenComparing(k -> k.id));
    for (int i = 0; i < keyed.size(); i++) {
      items.set(i, keyed.get(i).item);
    }
  }

  private record Keyed<T>(int group, NameOrder.SortKey name, String id, T item) {}

  private static final String DIGITS = "零一二三四五六七八九";

  /** Chinese numerals up to 九十九 written as Arabic numbers: {@code 第十二组} → {@code 第12组}. */
  static String arabic(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < s.length()) {
      int j = i;
      while (j < s.length() && (DIGITS.indexOf(s.charAt(j)) >= 0 || s.charAt(j) == '十')) {
        j++;
      }
      if (j == i) {
        out.append(s.charAt(i++));
        continue;
      }
      String run = s.substring(i, j);
      int ten = run.indexOf('十');
      int value;
      if (ten < 0) {
        value = 0;
        for (char c : run.toCharArray()) {
          value = value * 10 + DIGITS.indexOf(c);
        }
      } else if (run.indexOf('十', ten + 1) < 0 && ten <= 1 && run.length() - ten <= 2) {
        int tens = ten == 0 ? 1 : DIGITS.indexOf(run.charAt(0));
        int ones = ten == run.length() - 1 ? 0 : DIGITS.indexOf(run.charAt(ten + 1));
        value = tens * 10 + ones;
      } else {
        out.append(run);
        i = j;
        continue;
      }
      out.append(value);
      i = j;
    }
    return out.toString();
  }

  /** Group names compared with their embedded numbers as numbers (第2组 before 第10组). */
  static int compareGroups(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char x = a.charAt(i);
      char y = b.charAt(j);
      if (Character.isDigit(x) && Character.isDigit(y)) {
        int si = i;
        int sj = j;
        while (i < a.length() && Character.isDigit(a.charAt(i))) {
          i++;
        }
        while (j < b.length() && Character.isDigit(b.charAt(j))) {
          j++;
        }
        long nx = Long.parseLong(a.substring(si, Math.min(i, si + 18)));
        long ny = Long.parseLong(b.substring(sj, Math.min(j, sj + 18)));
        if (nx != ny) {
          return Long.compare(nx, ny);
        }
      } else {
        if (x != y) {
          return Character.compare(x, y);
        }
        i++;
        j++;
      }
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
