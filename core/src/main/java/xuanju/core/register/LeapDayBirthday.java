package xuanju.core.register;

/**
 * When a person born on 29 February has their birthday in a common year (平年) — the day their age in
 * full years (周岁) goes up (闰日出生者的周岁生日).
 *
 * <p>No election law says. The default {@link #FEB_28} follows 民法典 第二百零二条 by analogy ("按照年、月计算期间的，
 * 到期月的对应日为期间的最后一日；没有对应日的，月末日为期间的最后一日"): February has no 29th, so its last day counts. This is an
 * engineering reading (tag I) that needs legal review; {@link #MAR_1} is the alternative an
 * installation may choose. {@link java.time.LocalDate#plusYears} agrees with {@link #FEB_28}; note
 * that {@link java.time.Period#between} (used by composition quotas for age bands) behaves like
 * {@link #MAR_1}.
 */
public enum LeapDayBirthday {
  /** 2月28日 in a common year (default; 民法典 第二百零二条 by analogy, needs review). */
  FEB_28,
  /** 3月1日 in a common year. */
  MAR_1
}
