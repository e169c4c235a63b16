package xuanju.server.person;

import java.util.Comparator;

/**
 * Orders unit and group names as people read them (自然顺序): numbers in Arabic or Chinese numerals
 * compare by value, so 第2网格 comes before 第10网格 and 第二村民小组 before 第十村民小组; the rest by text.
 */
final class NaturalOrder implements Comparator<String> {
  static final NaturalOrder INSTANCE = new NaturalOrder();
  private static final String CN = "零一二三四五六七八九";

  private NaturalOrder() {}

  @Override
  public int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char x = a.charAt(i);
      char y = b.charAt(j);
      if (numeral(x) && numeral(y)) {
        int ei = end(a, i);
        int ej = end(b, j);
        long va = value(a.substring(i, ei));
        long vb = value(b.substring(j, ej));
        if (va != vb) {
          return Long.compare(va, vb);
        }
        i = ei;
        j = ej;
        continue;
      }
      if (x != y) {
        return Character.compare(x, y);
      }
      i++;
      j++;
    }
    int c = Integer.compare(a.length() - i, b.length() - j);
    return c != 0 ? c : a.compareTo(b);
  }

  private static boolean numeral(char c) {
    return (c >= '0' && c <= '9') || CN.indexOf(c) >= 0 || c == '十' || c == '百';
  }

  private static int end(String s, int from) {
    boolean digits = Character.isDigit(s.charAt(from));
    int k = from;
    while (k < s.length()
        && (digits ? Character.isDigit(s.charAt(k)) : !Character.isDigit(s.charAt(k)))
        && numeral(s.charAt(k))) {
      k++;
    }
    return k;
  }

  /** The value of a run of Arabic digits or of Chinese numerals up to 999. */
  static long value(String run) {
    if (Character.isDigit(run.charAt(0))) {
      return run.length() > 18 ? Long.MAX_VALUE : Long.parseLong(run);
    }
    long total = 0;
    long digit = 0;
    for (char c : run.toCharArray()) {
      int d = CN.indexOf(c);
      if (d >= 0) {
        digit = d;
      } else if (c == '十') {
        total += (digit == 0 ? 1 : digit) * 10;
        digit = 0;
      } else if (c == '百') {
        total += (digit == 0 ? 1 : digit) * 100;
        digit = 0;
      }
    }
    return total + digit;
  }
}
