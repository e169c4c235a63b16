package xuanju.core.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property tests over seeded random name lists (the seed is in each test name): the order is a
 * total order, sorting does not depend on the input order, and the stroke count of the first
 * differing character decides when it differs.
 */
class NameOrderPropertyTest {
  private static final StrokeData DATA = StrokeData.standard();
  private static final String GIVEN_CHARS =
      "一丁三大小文王毅强希明华国中立东新建平军红英兰芳娜丽敏伟涛洋鸿磊杰峰清宁乐际坤奇薛祥近兴瑞沪力泰" + "鸣富利少晨春其亮克洁篪晓渡又侠全声琨正卫尔家吉";

  static LongStream seeds() {
    return LongStream.of(1L, 42L, 2024L, 20221023L, 987654321L);
  }

  private static List<String> randomNames(long seed, int n) {
    Random r = new Random(seed);
    String surnames = StrokeDataTest.TOP_100_SURNAMES;
    List<String> compound = new ArrayList<>(CompoundSurnames.all());
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      StringBuilder sb = new StringBuilder();
      int kind = r.nextInt(20);
      if (kind == 0) {
        sb.append(compound.get(r.nextInt(compound.size())));
      } else {
        sb.append(surnames.charAt(r.nextInt(surnames.length())));
      }
      int given = r.nextInt(10) < 4 ? 1 : 2;
      if (r.nextInt(25) == 0) {
        given = 0;
      }
      for (int g = 0; g < given; g++) {
        int special = r.nextInt(40);
        if (special == 0) {
          sb.appendCodePoint(0x20000 + r.nextInt(50)); // Ext-B: count only
        } else if (special == 1) {
          sb.append((char) ('A' + r.nextInt(3))); // no data
        } else {
          sb.append(GIVEN_CHARS.charAt(r.nextInt(GIVEN_CHARS.length())));
        }
      }
      if (r.nextInt(15) == 0 && sb.length() == 2) {
        sb.insert(1, '\u3000'); // padded two-character name
      }
      out.add(sb.toString());
    }
    // force some duplicates and near-duplicates
    out.add(out.get(0));
    out.add(out.get(1) + "·");
    return out;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void antisymmetricAndZeroOnlyForEqualText(long seed) {
    for (NameOrder order : List.of(NameOrder.surnameStrokes(), NameOrder.fullNameStrokes())) {
      List<String> names = randomNames(seed, 80);
      for (String a : names) {
        for (String b : names) {
          int ab = order.compare(a, b);
          int ba = order.compare(b, a);
          assertThat(Integer.signum(ab)).as("%s vs %s", a, b).isEqualTo(-Integer.signum(ba));
          assertThat(ab == 0).as("%s vs %s", a, b).isEqualTo(a.equals(b));
        }
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void transitive(long seed) {
    for (NameOrder order : List.of(NameOrder.surnameStrokes(), NameOrder.fullNameStrokes())) {
      List<String> names = randomNames(seed, 30);
      for (String a : names) {
        for (String b : names) {
          for (String c : names) {
            if (order.compare(a, b) <= 0 && order.compare(b, c) <= 0) {
              assertThat(order.compare(a, c)).as("%s <= %s <= %s", a, b, c).isLessThanOrEqualTo(0);
            }
          }
        }
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void stableUnderShuffling(long seed) {
    NameOrder order = NameOrder.surnameStrokes();
    List<String> names = randomNames(seed, 200);
    List<String> reference = order.sort(names);
    Random r = new Random(seed ^ 0x5DEECE66DL);
    for (int i = 0; i < 10; i++) {
      List<String> copy = new ArrayList<>(names);
      Collections.shuffle(copy, r);
      assertThat(order.sort(copy)).isEqualTo(reference);
      copy.sort(order); // the Comparator and sort() agree
      assertThat(copy).isEqualTo(reference);
    }
    for (int i = 1; i < reference.size(); i++) {
      assertThat(order.compare(reference.get(i - 1), reference.get(i))).isLessThanOrEqualTo(0);
    }
  }

  /**
   * Independent check: when the surnames' first characters differ in stroke count, count decides.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void strokeCountOfFirstCharacterDecides(long seed) {
    NameOrder order = NameOrder.surnameStrokes();
    List<String> names = randomNames(seed, 80);
    int checked = 0;
    for (String a : names) {
      for (String b : names) {
        int ca = DATA.strokes(a.codePointAt(0)).orElseThrow();
        int cb = DATA.strokes(b.codePointAt(0)).orElseThrow();
        if (ca != cb) {
          checked++;
          assertThat(Integer.signum(order.compare(a, b)))
              .as("%s (%d) vs %s (%d)", a, ca, b, cb)
              .isEqualTo(Integer.signum(Integer.compare(ca, cb)));
        }
      }
    }
    assertThat(checked).isGreaterThan(1000);
  }

  /** Within one surname, 按姓氏笔画 puts every single given name before every double one. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void singleGivenNamesFirstWithinASurname(long seed) {
    NameOrder order = NameOrder.surnameStrokes();
    List<String> sorted = order.sort(randomNames(seed, 300));
    for (int i = 1; i < sorted.size(); i++) {
      PersonName p = PersonName.parse(sorted.get(i - 1));
      PersonName q = PersonName.parse(sorted.get(i));
      if (p.surname().equals(q.surname())) {
        int lp = NameText.codePoints(p.givenName()).length;
        int lq = NameText.codePoints(q.givenName()).length;
        assertThat(lp).as("%s before %s", p, q).isLessThanOrEqualTo(lq);
      }
    }
  }
}
