package xuanju.core.slate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import xuanju.core.quota.Gender;
import xuanju.core.quota.Person;

/** Builds pools for the slate tests and benchmarks: by hand, or seeded random ones. */
public final class SlatePools {
  private SlatePools() {}

  /** Election day of seed 003's district conference. */
  public static final LocalDate DAY = LocalDate.of(2019, 4, 10);

  /** A person with the given age on {@link #DAY}, gender, ethnicity and tags. */
  public static Nominee nominee(
      String id, long support, boolean woman, boolean minority, int age, String... tags) {
    return new Nominee(
        new Person(
            id,
            "人选" + id,
            woman ? Gender.FEMALE : Gender.MALE,
            DAY.minusYears(age).minusDays(1),
            minority ? "回族" : "汉族",
            true,
            Set.of(tags)),
        support);
  }

  /**
   * A random pool shaped like seed 003's recommendations: about a third leading cadres, the rest
   * grassroots (advanced models, some of them workers; professional staff; others) or neither;
   * about 40% women, 8% minorities, ages 30–62; support 0–300 votes.
   */
  public static List<Nominee> party(Random rnd, int size) {
    List<Nominee> pool = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      Set<String> tags = new LinkedHashSet<>();
      int role = rnd.nextInt(100);
      if (role < 35) {
        tags.add(Identity.LEADING_CADRE);
      } else if (role < 90) {
        tags.add(Identity.GRASSROOTS);
        int kind = rnd.nextInt(3);
        if (kind == 0) {
          tags.add(Identity.ADVANCED_MODEL);
        } else if (kind == 1) {
          tags.add(Identity.PROFESSIONAL);
        }
        if (kind != 1 && rnd.nextInt(3) == 0) {
          tags.add(Identity.WORKER);
        }
      }
      pool.add(
          nominee(
              "p" + i,
              rnd.nextInt(301),
              rnd.nextInt(100) < 40,
              rnd.nextInt(100) < 8,
              30 + rnd.nextInt(33),
              tags.toArray(String[]::new)));
    }
    return pool;
  }
}
