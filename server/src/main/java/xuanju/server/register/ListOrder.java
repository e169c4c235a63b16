package xuanju.server.register;

import java.util.Comparator;
import java.util.function.Function;
import xuanju.core.names.NameOrder;

/**
 * The order of a voter list (选民名单排列): by 居民小组 (natural order of the group names, so 第2组 comes
 * before 第10组), then by 姓氏笔画 (core {@link NameOrder#surnameStrokes()}), then by ID number.
 */
final class ListOrder {
  private ListOrder() {}

  private static final NameOrder STROKES = NameOrder.surnameStrokes();

  static <T> Comparator<T> of(
      Function<T, String> group, Function<T, String> name, Function<T, String> id) {
    return Comparator.comparing(group, ListOrder::compareGroups)
        .thenComparing(name, STROKES)
        .thenComparing(id);
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
