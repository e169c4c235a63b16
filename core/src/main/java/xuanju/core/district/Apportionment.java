package xuanju.core.district;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import xuanju.core.profile.Ratio;
import xuanju.core.rule.Decision;
import xuanju.core.rule.Finding;
import xuanju.core.rule.Findings;
import xuanju.core.rule.InvalidInputException;
import xuanju.core.rule.Step;

/**
 * Electoral districts and seats of a town's people's congress (选区划分与代表名额分配): the town's total
 * number of deputies, a proposal allocating it to districts, and the check of an allocation.
 *
 * <p><b>Proposal method.</b> Every district gets 1 … 3 seats (选举法 第二十五条) and population per deputy
 * should be 大体相等 (第二十六条). The deviation of a district is {@code (p/s − P/T) ÷ (P/T)}, with {@code
 * P/T} the town's population per deputy. The proposal first makes the largest deviation as small as
 * any allocation can (min–max, exact: for a bound {@code t} each district's allowed seats form an
 * interval, and {@code t} is feasible when the intervals' bounds bracket the seats left; the
 * smallest feasible {@code t} is one of the 3·n values a district can take). Among the allocations
 * that achieve it, it then gives the seats by equal proportions (Huntington–Hill): each district
 * starts at the least its interval allows and the next seat goes to the district with the highest
 * priority {@code p² ÷ (s·(s+1))} whose interval allows one more. Ties go to the larger population,
 * then to the district listed first. All arithmetic is in integers.
 */
public final class Apportionment {
  private Apportionment() {}

  /** 基数: the base number of deputies of a 乡, 民族乡 or 镇. */
  public static final int BASE = 45;

  /** One more deputy per 1,500 people. */
  public static final long PEOPLE_PER_EXTRA_DEPUTY = 1500;

  /** At most 160 deputies (before the extra 5 %). */
  public static final int CAP = 160;

  /** Below 2,000 people the total may be fewer than 45. */
  public static final long SMALL_TOWN = 2000;

  /** 另加百分之五. */
  public static final int EXTRA_PERCENT = 5;

  /** Each district elects 1 … 3 deputies. */
  public static final int MIN_SEATS = 1;

  public static final int MAX_SEATS = 3;

  /**
   * The default deviation limit: 20 %, a local-plan setting ({@link
   * DistrictRule#DISTRICT_DEVIATION_LIMIT}).
   */
  public static final Ratio DEFAULT_LIMIT = Ratio.of(1, 5);

  /** The most districts accepted in one town. */
  public static final int MAX_DISTRICTS = 1000;

  /** The town's total number of deputies, with the arithmetic (see {@link TownTotals}). */
  public static Decision<TownSeats> townSeats(TownSeatsQuery q) {
    return TownTotals.compute(q);
  }

  /**
   * Runs everything: the total, a proposal for the districts without seats, the check of all
   * districts' seats, and the best largest-deviation achievable.
   *
   * @throws InvalidInputException naming the field for duplicate district names, a unit in two
   *     districts, negative seats, a limit outside (0, 1], or seats that cannot be proposed (the
   *     seats left are fewer than the districts without seats, or more than three times as many)
   */
  public static ApportionmentResult apportion(ApportionmentInput in) {
    List<District> ds = in.districts();
    validate(in);
    Decision<TownSeats> town = townSeats(in.town());
    long pop = in.town().population();
    int total = town.outcome().total();
    Proposal proposal = null;
    List<Integer> seats = in.seats();
    List<Boolean> proposed = seats.stream().map(s -> s == null).toList();
    if (seats.contains(null)) {
      proposal = propose(pop, total, ds, seats);
      seats = proposal.seats();
    }
    DistrictCheck check = check(pop, total, ds, seats, proposed, in.limit());
    Deviation best = bestMaxDeviation(pop, total, ds).orElse(null);
    List<Finding> all = new ArrayList<>(town.outcome().findings().all());
    all.addAll(check.findings().all());
    if (proposal != null) {
      Map<String, Object> facts = new LinkedHashMap<>();
      facts.put("proposedDistricts", proposed.stream().filter(b -> b).count());
      facts.put("maxDeviationBasisPoints", proposal.maxDeviation().basisPoints());
      all.add(
          new Finding(
              DistrictRule.DISTRICT_PROPOSAL,
              List.of("districts"),
              facts,
              proposal.trail().get(0).explanationZh()));
    }
    return new ApportionmentResult(in, town, proposal, check, best, Findings.of(all));
  }

  private static void validate(ApportionmentInput in) {
    List<District> ds = in.districts();
    if (ds.size() > MAX_DISTRICTS) {
      throw new InvalidInputException(
          "districts", "选区过多（" + ds.size() + "个），最多" + MAX_DISTRICTS + "个");
    }
    Map<String, Integer> names = new HashMap<>();
    Map<String, Integer> units = new HashMap<>();
    for (int i = 0; i < ds.size(); i++) {
      District d = ds.get(i);
      Integer prev = names.putIfAbsent(d.name(), i);
      if (prev != null) {
        throw new InvalidInputException(
            "districts[" + i + "].name", "选区名称重复：" + d.name() + "（与 districts[" + prev + "] 相同）");
      }
      for (int u = 0; u < d.units().size(); u++) {
        Integer owner = units.putIfAbsent(d.units().get(u), i);
        if (owner != null) {
          throw new InvalidInputException(
              "districts[" + i + "].units[" + u + "]",
              d.units().get(u) + " 已划入" + ds.get(owner).name() + "，同一单位不能划入两个选区（每一选民只能在一个选区登记）");
        }
      }
      Integer s = in.seats().get(i);
      if (s != null && (s < 0 || s > 1000)) {
        throw new InvalidInputException("districts[" + i + "].seats", "应选代表名额应为0至1000之间的整数，实为" + s);
      }
    }
    Ratio l = in.limit();
    if (l.numerator() == 0 || l.numerator() > l.denominator()) {
      throw new InvalidInputException("maxDeviation", "偏离幅度上限应大于0且不超过100%，实为" + l);
    }
  }

  /**
   * Proposes seats for the districts whose entry in {@code fixed} is null; the others keep theirs.
   *
   * @param townPopulation P
   * @param total T, the town's total number of deputies
   * @param fixed per district its fixed seats, or null to propose; null list: propose all
   * @throws InvalidInputException (field {@code districts}) when the seats left cannot be given 1 …
   *     3 per district
   */
  public static Proposal propose(
      long townPopulation, int total, List<District> districts, List<Integer> fixed) {
    int n = districts.size();
    List<Integer> free = new ArrayList<>();
    long left = total;
    for (int i = 0; i < n; i++) {
      Integer f = fixed == null ? null : fixed.get(i);
      if (f == null) {
        free.add(i);
      } else {
        left -= f;
      }
    }
    int m = free.size();
    if (left < (long) m * MIN_SEATS || left > (long) m * MAX_SEATS) {
      String what =
          m == n
              ? "代表总名额" + total + "名无法分配给" + n + "个选区"
              : "除已确定名额的" + (n - m) + "个选区外，还余" + left + "名，无法分配给其余" + m + "个选区";
      throw new InvalidInputException(
          "districts",
          what
              + "：每一选区选一名至三名代表（选举法第二十五条），"
              + m
              + "个选区共可分配"
              + m * MIN_SEATS
              + "至"
              + m * MAX_SEATS
              + "名");
    }
    long[] pops = new long[m];
    for (int k = 0; k < m; k++) {
      pops[k] = districts.get(free.get(k)).population();
    }
    MinMax mm =
        m == 0
            ? new MinMax(Deviation.ZERO, new int[0], new int[0])
            : minMax(townPopulation, total, pops, (int) left);
    int[] s = mm.lo.clone();
    int rest = (int) left;
    for (int v : s) {
      rest -= v;
    }
    while (rest > 0) {
      int best = -1;
      for (int k = 0; k < m; k++) {
        if (s[k] < mm.hi[k] && (best < 0 || higherPriority(pops[k], s[k], pops[best], s[best]))) {
          best = k;
        }
      }
      s[best]++;
      rest--;
    }
    List<Integer> seats = new ArrayList<>();
    List<Boolean> proposed = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      seats.add(fixed == null ? null : fixed.get(i));
      proposed.add(seats.get(i) == null);
    }
    Deviation max = Deviation.ZERO;
    int bottleneck = -1;
    for (int k = 0; k < m; k++) {
      seats.set(free.get(k), s[k]);
      Deviation d = Deviation.of(pops[k], s[k], townPopulation, total);
      if (bottleneck < 0 || d.compareTo(max) > 0) {
        max = d;
        bottleneck = free.get(k);
      }
    }
    List<Step> trail = new ArrayList<>();
    Map<String, Long> in = new LinkedHashMap<>();
    in.put("total", (long) total);
    in.put("districts", (long) n);
    in.put("proposedDistricts", (long) m);
    in.put("seatsToPropose", left);
    in.put("maxDeviationBasisPoints", max.basisPoints());
    String text =
        m == 0
            ? "各选区的名额均已确定，无需分配"
            : "按同等比例法将"
                + left
                + "名分配给"
                + m
                + "个选区（每一选区一至三名），最大偏离为"
                + max.magnitudeZh()
                + "（"
                + districts.get(bottleneck).name()
                + "）；任何其他分配方案的最大偏离都不会更小";
    trail.add(
        new Step(
            DistrictRule.DISTRICT_PROPOSAL,
            in,
            "minimise max|p*T - P*s|/(P*s), then priority p^2/(s*(s+1))",
            true,
            text));
    for (int k = 0; k < m; k++) {
      District d = districts.get(free.get(k));
      Map<String, Long> di = new LinkedHashMap<>();
      di.put("population", d.population());
      di.put("lowest", (long) mm.lo[k]);
      di.put("highest", (long) mm.hi[k]);
      di.put("seats", (long) s[k]);
      trail.add(
          new Step(
              DistrictRule.DISTRICT_PROPOSAL,
              di,
              "lowest <= seats <= highest",
              true,
              d.name()
                  + "：人口"
                  + n(d.population())
                  + "人，建议"
                  + s[k]
                  + "名（不超过最大偏离的名额为"
                  + (mm.lo[k] == mm.hi[k] ? mm.lo[k] + "名" : mm.lo[k] + "至" + mm.hi[k] + "名")
                  + "）"));
    }
    return new Proposal(seats, proposed, max, bottleneck, trail);
  }

  /**
   * The smallest largest-deviation any allocation of {@code total} seats to these districts (1 … 3
   * each) can have; empty when no such allocation exists.
   */
  public static Optional<Deviation> bestMaxDeviation(
      long townPopulation, int total, List<District> districts) {
    int n = districts.size();
    if (total < n * MIN_SEATS || total > n * MAX_SEATS) {
      return Optional.empty();
    }
    long[] pops = districts.stream().mapToLong(District::population).toArray();
    return Optional.of(minMax(townPopulation, total, pops, total).bound);
  }

  /** The seat intervals that achieve the smallest feasible bound on the deviations. */
  private record MinMax(Deviation bound, int[] lo, int[] hi) {}

  private static MinMax minMax(long townPopulation, int total, long[] pops, int seats) {
    int m = pops.length;
    List<Deviation> candidates = new ArrayList<>();
    for (long p : pops) {
      for (int s = MIN_SEATS; s <= MAX_SEATS; s++) {
        candidates.add(Deviation.of(p, s, townPopulation, total));
      }
    }
    candidates.sort(Deviation::compareTo);
    int[] lo = new int[m];
    int[] hi = new int[m];
    for (Deviation t : candidates) {
      long sumLo = 0;
      long sumHi = 0;
      boolean ok = true;
      for (int k = 0; k < m && ok; k++) {
        lo[k] = 0;
        hi[k] = 0;
        for (int s = MIN_SEATS; s <= MAX_SEATS; s++) {
          if (Deviation.of(pops[k], s, townPopulation, total).compareTo(t) <= 0) {
            if (lo[k] == 0) {
              lo[k] = s;
            }
            hi[k] = s;
          }
        }
        ok = lo[k] > 0;
        sumLo += lo[k];
        sumHi += hi[k];
      }
      if (ok && sumLo <= seats && seats <= sumHi) {
        return new MinMax(t, lo, hi);
      }
    }
    throw new IllegalStateException("the largest candidate is always feasible");
  }

  /**
   * Whether district a (population pa, seats sa) comes before district b for the next seat: {@code
   * pa²/(sa(sa+1)) > pb²/(sb(sb+1))}; on a tie the larger population. Equal populations and seats
   * keep the earlier district (the caller scans in order).
   */
  static boolean higherPriority(long pa, int sa, long pb, int sb) {
    long left = Math.multiplyExact(Math.multiplyExact(pa, pa), (long) sb * (sb + 1));
    long right = Math.multiplyExact(Math.multiplyExact(pb, pb), (long) sa * (sa + 1));
    if (left != right) {
      return left > right;
    }
    return pa > pb;
  }

  /**
   * Checks an allocation: every district 1 … 3 seats (error), seats adding up to the total (error),
   * populations adding up to the town's (warning), and each district's deviation within the limit
   * (warning).
   *
   * @param seats per district its seats (≥ 0; null or negative is bad input naming the district)
   * @param proposed per district whether its seats were proposed; null when none were
   */
  public static DistrictCheck check(
      long townPopulation,
      int total,
      List<District> districts,
      List<Integer> seats,
      List<Boolean> proposed,
      Ratio limit) {
    List<DistrictResult> results = new ArrayList<>();
    List<Step> trail = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    long seatSum = 0;
    long popSum = 0;
    String avg = n(townPopulation) + "÷" + total;
    for (int i = 0; i < districts.size(); i++) {
      District d = districts.get(i);
      Integer given = seats.get(i);
      if (given == null || given < 0) {
        throw new InvalidInputException(
            "districts[" + i + "].seats", given == null ? "缺少应选代表名额" : "应选代表名额不能为负数");
      }
      int s = given;
      boolean prop = proposed != null && proposed.get(i);
      seatSum += s;
      popSum += d.population();
      String field = "districts[" + i + "].seats";
      if (s < MIN_SEATS || s > MAX_SEATS) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("district", d.name());
        facts.put("seats", s);
        findings.add(
            new Finding(
                DistrictRule.DISTRICT_SEATS_1_TO_3,
                List.of(field),
                facts,
                d.name()
                    + "应选"
                    + s
                    + "名代表，不符合每一选区选一名至三名代表的规定（"
                    + DistrictRule.DISTRICT_SEATS_1_TO_3.citation().display()
                    + "）"));
      }
      Deviation dev = null;
      boolean exceeds = false;
      if (s >= 1) {
        dev = Deviation.of(d.population(), s, townPopulation, total);
        exceeds = dev.exceeds(limit);
        DistrictResult probe = new DistrictResult(d, s, prop, dev, exceeds);
        String per = probe.perDeputy().orElseThrow().toPlainString();
        Map<String, Long> in = new LinkedHashMap<>();
        in.put("population", d.population());
        in.put("seats", (long) s);
        in.put("townPopulation", townPopulation);
        in.put("total", (long) total);
        in.put("deviationBasisPoints", dev.basisPoints());
        in.put("limitNumerator", limit.numerator());
        in.put("limitDenominator", limit.denominator());
        String text =
            d.name()
                + "：人口"
                + n(d.population())
                + "人，应选"
                + s
                + "名，每一代表所代表的人口"
                + per
                + "人，"
                + dev.zh()
                + (exceeds ? "，超过" : "，未超过")
                + percentZh(limit);
        trail.add(
            new Step(
                DistrictRule.DISTRICT_EQUAL_POPULATION,
                in,
                "|population*total - townPopulation*seats|*"
                    + limit.denominator()
                    + " <= townPopulation*seats*"
                    + limit.numerator(),
                !exceeds,
                text));
        if (exceeds) {
          Map<String, Object> facts = new LinkedHashMap<>();
          facts.put("district", d.name());
          facts.put("population", d.population());
          facts.put("seats", s);
          facts.put("perDeputy", per);
          facts.put("average", avg);
          facts.put("deviationPercent", dev.percent().toPlainString());
          facts.put("limit", percentZh(limit));
          findings.add(
              new Finding(
                  DistrictRule.DISTRICT_DEVIATION_LIMIT,
                  List.of(field),
                  facts,
                  d.name()
                      + "每一代表所代表的人口为"
                      + per
                      + "人，"
                      + dev.zh()
                      + "，超过本地方案规定的"
                      + percentZh(limit)
                      + "（"
                      + DistrictRule.DISTRICT_EQUAL_POPULATION.citation().display()
                      + "：各选区每一代表所代表的人口数应当大体相等）"));
        }
      }
      results.add(new DistrictResult(d, s, prop, dev, exceeds));
    }
    Map<String, Long> sum = new LinkedHashMap<>();
    sum.put("seatsSum", seatSum);
    sum.put("total", (long) total);
    String sumText = "各选区名额之和" + seatSum + "名，代表总名额" + total + "名";
    trail.add(
        new Step(
            DistrictRule.DISTRICT_SEATS_SUM,
            sum,
            "seatsSum == total",
            seatSum == total,
            sumText + (seatSum == total ? "，相等" : "，不相等")));
    if (seatSum != total) {
      Map<String, Object> facts = new LinkedHashMap<>();
      facts.put("seatsSum", seatSum);
      facts.put("total", total);
      findings.add(
          new Finding(
              DistrictRule.DISTRICT_SEATS_SUM,
              List.of("districts"),
              facts,
              sumText
                  + "，"
                  + (seatSum > total ? "多" + (seatSum - total) : "少" + (total - seatSum))
                  + "名"));
    }
    Map<String, Long> ps = new LinkedHashMap<>();
    ps.put("populationSum", popSum);
    ps.put("townPopulation", townPopulation);
    String popText = "各选区人口之和" + n(popSum) + "人，全镇（乡）人口" + n(townPopulation) + "人";
    trail.add(
        new Step(
            DistrictRule.DISTRICT_POPULATION_SUM,
            ps,
            "populationSum == townPopulation",
            popSum == townPopulation,
            popText + (popSum == townPopulation ? "，相等" : "，不相等")));
    if (popSum != townPopulation) {
      Map<String, Object> facts = new LinkedHashMap<>();
      facts.put("populationSum", popSum);
      facts.put("townPopulation", townPopulation);
      findings.add(
          new Finding(
              DistrictRule.DISTRICT_POPULATION_SUM,
              List.of("population"),
              facts,
              popText + "，不相等；平均数按全镇（乡）人口计算，请核对各选区人口"));
    }
    return new DistrictCheck(
        townPopulation, total, limit, results, seatSum, popSum, trail, Findings.of(findings));
  }

  /** E.g. {@code 20%}, {@code 12.5%}, or {@code 1/7} when not a short decimal. */
  public static String percentZh(Ratio r) {
    BigDecimal pct = BigDecimal.valueOf(r.numerator()).multiply(BigDecimal.valueOf(100));
    try {
      return pct.divide(BigDecimal.valueOf(r.denominator())).stripTrailingZeros().toPlainString()
          + "%";
    } catch (ArithmeticException e) {
      return r.toString();
    }
  }

  /** A whole number with thousands separators, e.g. {@code 52,300}. */
  static String n(long v) {
    return String.format(Locale.ROOT, "%,d", v);
  }
}
