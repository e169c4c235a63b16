package xuanju.core.district;

import java.util.List;
import java.util.Optional;
import xuanju.core.rule.Findings;

/**
 * The town's total number of deputies (乡、民族乡、镇人民代表大会代表总名额): the arithmetic of 选举法（2020）第十二条, the
 * number the county 人大常委会 decided where it differs, and the total used for the districts.
 *
 * @param kind 乡/民族乡/镇, or null when not stated
 * @param population the town's population
 * @param base 基数 45
 * @param increase 按人口增加的名额: floor(population ÷ 1500)
 * @param formula base + increase, before the cap
 * @param cap 上限 160
 * @param capped min(formula, cap)
 * @param extra 另加百分之五: floor(capped × 5%) when decided and applicable, else 0
 * @param computed capped + extra: the number the law gives
 * @param lowerBound the fewest the law allows: 45, or 1 where the population is under 2,000
 * @param upperBound the most the law allows: {@code computed}
 * @param decided the county's decision, or null
 * @param total the total used: the decided number if there is one, else {@code computed}
 * @param stepsZh the arithmetic in Chinese, one line per step (e.g. {@code 基数45名 +
 *     人口52,300÷1,500取整34名 = 79名；未超过160名})
 * @param findings notices and warnings (decided number differs or is outside the law, 5 % for a 镇)
 */
public record TownSeats(
    TownKind kind,
    long population,
    int base,
    int increase,
    int formula,
    int cap,
    int capped,
    int extra,
    int computed,
    int lowerBound,
    int upperBound,
    DecidedTotal decided,
    int total,
    List<String> stepsZh,
    Findings findings) {
  public TownSeats {
    stepsZh = List.copyOf(stepsZh);
  }

  public Optional<DecidedTotal> decision() {
    return Optional.ofNullable(decided);
  }

  /** Whether a decided number differs from the computed one. */
  public boolean decidedDiffers() {
    return decided != null && decided.seats() != computed;
  }

  /** Whether the decided number lies outside {@code [lowerBound, upperBound]}. */
  public boolean decidedOutOfRange() {
    return decided != null && (decided.seats() < lowerBound || decided.seats() > upperBound);
  }
}
