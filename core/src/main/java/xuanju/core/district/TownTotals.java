package xuanju.core.district;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import xuanju.core.rule.Decision;
import xuanju.core.rule.Finding;
import xuanju.core.rule.Findings;
import xuanju.core.rule.Step;

/**
 * The town's total number of deputies (乡级人大代表总名额计算), 选举法（2020）第十二条、第十三条.
 *
 * <p>{@code computed = min(45 + ⌊population ÷ 1500⌋, 160) + extra}, where {@code extra = ⌊that ×
 * 5%⌋} when the provincial 人大常委会 decided the extra 5 % for a 乡 or 民族乡. "每一千五百人可以增加一名代表" is read as
 * whole multiples of 1,500 (去尾); the law does not say how to round, so the rounding carries its own
 * rule ({@link DistrictRule#TOWN_SEATS_ROUNDING}, confidence I). The cap of 160 applies to 第一款; the
 * extra 5 % of 第三款 is added after it ("另加").
 *
 * <p>The law allows any total from 45 (or fewer where the population is under 2,000) up to the
 * computed one: the increase is worded "可以增加". A number the county 人大常委会 decided (第十三条) is used as
 * the total; it is reported next to the computed one, with a warning when it lies outside that
 * range.
 */
final class TownTotals {
  private TownTotals() {}

  static Decision<TownSeats> compute(TownSeatsQuery q) {
    long pop = q.population();
    int base = Apportionment.BASE;
    int increase = (int) (pop / Apportionment.PEOPLE_PER_EXTRA_DEPUTY);
    int formula = base + increase;
    int cap = Apportionment.CAP;
    int capped = Math.min(formula, cap);
    boolean small = pop < Apportionment.SMALL_TOWN;
    List<String> lines = new ArrayList<>();
    List<Step> trail = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();

    String line =
        "基数"
            + base
            + "名 + 人口"
            + Apportionment.n(pop)
            + "÷"
            + Apportionment.n(Apportionment.PEOPLE_PER_EXTRA_DEPUTY)
            + "取整"
            + increase
            + "名 = "
            + formula
            + "名；"
            + (formula > cap ? "超过" + cap + "名，按" + cap + "名计" : "未超过" + cap + "名");
    lines.add(line);
    Map<String, Long> in = new LinkedHashMap<>();
    in.put("population", pop);
    in.put("base", (long) base);
    in.put("increase", (long) increase);
    in.put("formula", (long) formula);
    in.put("cap", (long) cap);
    in.put("capped", (long) capped);
    trail.add(
        new Step(
            DistrictRule.TOWN_SEATS_FORMULA,
            in,
            "capped = min(45 + floor(population/1500), 160)",
            true,
            line));
    Map<String, Long> r = new LinkedHashMap<>();
    r.put("population", pop);
    r.put("peoplePerDeputy", Apportionment.PEOPLE_PER_EXTRA_DEPUTY);
    r.put("remainder", pop % Apportionment.PEOPLE_PER_EXTRA_DEPUTY);
    r.put("increase", (long) increase);
    trail.add(
        new Step(
            DistrictRule.TOWN_SEATS_ROUNDING,
            r,
            "increase = floor(population/1500)",
            true,
            "人口"
                + Apportionment.n(pop)
                + "÷1,500 = "
                + increase
                + "余"
                + Apportionment.n(pop % Apportionment.PEOPLE_PER_EXTRA_DEPUTY)
                + "，不足1,500人的部分不增加名额"));
    if (small) {
      lines.add(
          "人口"
              + Apportionment.n(pop)
              + "人不足"
              + Apportionment.n(Apportionment.SMALL_TOWN)
              + "人，代表总名额可以少于"
              + base
              + "名");
    }

    int extra = 0;
    if (q.extraFivePercent()) {
      String doc = q.extraDocument() == null ? "未写明决定文件" : "决定：" + q.extraDocument();
      if (q.kind() != null && !q.kind().extraFivePercentListed()) {
        String msg = "本地为" + q.kind().zh() + "，选举法第十二条第三款的另加百分之五只列举县、自治县、乡、民族乡，不另加名额（" + doc + "）";
        lines.add(msg);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("kind", q.kind().name());
        findings.add(
            new Finding(
                DistrictRule.TOWN_SEATS_EXTRA_NOT_LISTED, List.of("extraFivePercent"), facts, msg));
      } else {
        extra = capped * Apportionment.EXTRA_PERCENT / 100;
        BigDecimal exact =
            BigDecimal.valueOf(capped * Apportionment.EXTRA_PERCENT, 2).stripTrailingZeros();
        String msg =
            "另加百分之五："
                + capped
                + "×5% = "
                + exact.toPlainString()
                + "，取整"
                + extra
                + "名，"
                + capped
                + " + "
                + extra
                + " = "
                + (capped + extra)
                + "名（"
                + doc
                + "）";
        lines.add(msg);
        Map<String, Long> e = new LinkedHashMap<>();
        e.put("capped", (long) capped);
        e.put("percent", (long) Apportionment.EXTRA_PERCENT);
        e.put("extra", (long) extra);
        trail.add(
            new Step(
                DistrictRule.TOWN_SEATS_EXTRA_5_PERCENT,
                e,
                "extra = floor(capped*5/100)",
                true,
                msg));
      }
    }
    int computed = capped + extra;
    int lower = small ? 1 : base;
    int upper = computed;
    lines.add(
        "按人口计算的代表总名额："
            + computed
            + "名；选举法允许的范围："
            + (small
                ? "不多于"
                    + upper
                    + "名（人口不足"
                    + Apportionment.n(Apportionment.SMALL_TOWN)
                    + "人，可以少于"
                    + base
                    + "名）"
                : lower == upper ? lower + "名" : lower + "至" + upper + "名"));

    DecidedTotal d = q.decided();
    int total = computed;
    if (d != null) {
      total = d.seats();
      boolean inRange = d.seats() >= lower && d.seats() <= upper;
      String msg =
          "县级人大常委会决定代表总名额"
              + d.seats()
              + "名（"
              + d.document()
              + "），"
              + (d.seats() == computed
                  ? "与按人口计算的名额相同"
                  : "与按人口计算的" + computed + "名不同，按决定的" + d.seats() + "名分配");
      lines.add(msg);
      Map<String, Long> di = new LinkedHashMap<>();
      di.put("decided", (long) d.seats());
      di.put("computed", (long) computed);
      di.put("lowerBound", (long) lower);
      di.put("upperBound", (long) upper);
      trail.add(
          new Step(
              DistrictRule.TOWN_SEATS_DECIDED,
              di,
              "lowerBound <= decided && decided <= upperBound",
              inRange,
              msg));
      if (d.seats() != computed) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("decided", d.seats());
        facts.put("computed", computed);
        facts.put("document", d.document());
        findings.add(
            new Finding(
                DistrictRule.TOWN_SEATS_DECIDED, List.of("decidedTotal.seats"), facts, msg));
      }
      if (!inRange) {
        String out =
            "县级人大常委会决定的代表总名额"
                + d.seats()
                + "名不在选举法第十二条允许的"
                + lower
                + "至"
                + upper
                + "名之内（"
                + (d.seats() < lower ? "少于" + lower + "名" : "多于按人口计算的" + upper + "名")
                + "），请核对决定文件";
        lines.add(out);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("decided", d.seats());
        facts.put("lowerBound", lower);
        facts.put("upperBound", upper);
        findings.add(
            new Finding(
                DistrictRule.TOWN_SEATS_DECIDED_OUT_OF_RANGE,
                List.of("decidedTotal.seats"),
                facts,
                out));
      }
    }
    lines.add("本次分配采用的代表总名额：" + total + "名");
    TownSeats seats =
        new TownSeats(
            q.kind(),
            pop,
            base,
            increase,
            formula,
            cap,
            capped,
            extra,
            computed,
            lower,
            upper,
            d,
            total,
            lines,
            Findings.of(findings));
    return new Decision<>(seats, trail);
  }
}
