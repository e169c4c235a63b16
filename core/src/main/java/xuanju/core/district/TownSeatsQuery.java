package xuanju.core.district;

import xuanju.core.rule.InvalidInputException;

/**
 * What the town's total number of deputies is computed from (乡级人大代表总名额计算条件).
 *
 * @param kind 乡, 民族乡 or 镇; null when not stated (then the extra 5 % is not checked against the
 *     kind)
 * @param population the town's population, 1 … {@link District#MAX_POPULATION}
 * @param extraFivePercent whether the provincial 人大常委会 decided the extra 5 % (另加百分之五)
 * @param extraDocument that decision, or null when not given
 * @param decided the number the county 人大常委会 decided, or null
 */
public record TownSeatsQuery(
    TownKind kind,
    long population,
    boolean extraFivePercent,
    String extraDocument,
    DecidedTotal decided) {
  public TownSeatsQuery {
    if (population < 1 || population > District.MAX_POPULATION) {
      throw new InvalidInputException(
          "population", "人口应为1至" + District.MAX_POPULATION + "之间的整数，实为" + population);
    }
    extraDocument = extraDocument == null || extraDocument.isBlank() ? null : extraDocument.strip();
  }

  public static TownSeatsQuery of(TownKind kind, long population) {
    return new TownSeatsQuery(kind, population, false, null, null);
  }
}
