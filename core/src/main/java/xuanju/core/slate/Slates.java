package xuanju.core.slate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import xuanju.core.quota.QuotaCheck;
import xuanju.core.quota.Quotas;
import xuanju.core.rule.Finding;
import xuanju.core.rule.Findings;

/**
 * Proposes a slate (提出代表人选建议名单): exactly N people from the pool, every locked person among them,
 * every composition requirement met, and the most recommendation votes in total; or, when there is
 * none, the reasons in Chinese with the numbers compared.
 *
 * <p>Counting arguments ({@code SLATE.POOL.*}, {@code SLATE.LOCK.*}, {@code SLATE.QUOTA.*}) are
 * tried first; each one proves that no slate exists. When they find nothing, the Choco solver
 * decides; if it finds no slate either, the requirements are dropped one by one while the rest
 * still admit no slate, leaving a smallest set that cannot hold together ({@code
 * SLATE.QUOTA.COMBINED}).
 */
public final class Slates {
  private Slates() {}

  /** The default time limit of one search. */
  public static final long DEFAULT_TIME_LIMIT_MILLIS = 10_000;

  public static SlateResult propose(SlateRequest request) {
    return propose(request, DEFAULT_TIME_LIMIT_MILLIS);
  }

  /**
   * @param timeLimitMillis the time limit of each solver search, 0 for none
   */
  public static SlateResult propose(SlateRequest request, long timeLimitMillis) {
    List<Group> groups = Group.of(request);
    List<Finding> warnings = poolWarnings(request);
    List<Finding> reasons = Counting.explain(request, groups);
    if (!reasons.isEmpty()) {
      return infeasible(reasons, warnings, 0);
    }
    ChocoSlate model = new ChocoSlate(request, groups);
    // first a short search in the order of priced support: it usually ends with the best slate
    ChocoSlate.Outcome o = model.maximise(timeLimitMillis, ChocoSlate.QUICK_FAILS);
    if (!o.complete()) {
      // no end yet: a conflict-directed search settles whether any slate exists, then the full one
      Boolean feasible = o.found() ? Boolean.TRUE : model.feasible(groups, timeLimitMillis);
      if (Boolean.TRUE.equals(feasible)) {
        o = model.maximise(timeLimitMillis, 0);
      } else if (Boolean.FALSE.equals(feasible)) {
        o = new ChocoSlate.Outcome(null, 0, true, o.nodes());
      }
    }
    if (!o.found()) {
      if (!o.complete()) {
        warnings.add(timeLimit(timeLimitMillis, "未找到名单，也未证明无解"));
        return new SlateResult(
            SlateResult.Status.UNKNOWN, List.of(), 0, null, Findings.of(warnings), o.nodes());
      }
      reasons.add(combined(request, groups, model, timeLimitMillis));
      return infeasible(reasons, warnings, o.nodes());
    }
    List<Integer> chosen = new ArrayList<>();
    for (int i : o.chosen()) {
      chosen.add(i);
    }
    chosen.sort(
        Comparator.<Integer>comparingLong(i -> -request.pool().get(i).support())
            .thenComparing(i -> i));
    var slate = chosen.stream().map(i -> request.pool().get(i)).toList();
    QuotaCheck check =
        Quotas.check(
            request.requirements(),
            slate.stream().map(Nominee::person).toList(),
            request.referenceDate());
    if (!o.complete()) {
      warnings.add(timeLimit(timeLimitMillis, "已得出的名单符合全部结构要求，但未证明推荐票总数最高"));
    }
    return new SlateResult(
        o.complete() ? SlateResult.Status.OPTIMAL : SlateResult.Status.FEASIBLE,
        slate,
        o.total(),
        check,
        Findings.of(warnings),
        o.nodes());
  }

  private static SlateResult infeasible(List<Finding> reasons, List<Finding> warnings, long nodes) {
    List<Finding> all = new ArrayList<>(reasons);
    all.addAll(warnings);
    return new SlateResult(
        SlateResult.Status.INFEASIBLE, List.of(), 0, null, Findings.of(all), nodes);
  }

  /** Missing data on the pool: such people count for no requirement that needs the data. */
  private static List<Finding> poolWarnings(SlateRequest r) {
    QuotaCheck pool =
        Quotas.check(
            r.requirements(), r.pool().stream().map(Nominee::person).toList(), r.referenceDate());
    return new ArrayList<>(pool.findings().warnings());
  }

  /** Drops requirements one by one while the rest still admit no slate. */
  private static Finding combined(
      SlateRequest r, List<Group> groups, ChocoSlate model, long timeLimitMillis) {
    List<Group> core = new ArrayList<>(groups);
    for (Group g : groups) {
      List<Group> without = new ArrayList<>(core);
      without.remove(g);
      if (Boolean.FALSE.equals(model.feasible(without, timeLimitMillis))) {
        core = without;
      }
    }
    List<String> texts = core.stream().map(Group::text).toList();
    List<String> fields = core.stream().map(g -> "requirements[" + g.index() + "]").toList();
    Map<String, Object> facts =
        Counting.facts(
            "requirements",
            String.join(",", core.stream().map(g -> g.requirement().id()).toList()),
            "seats",
            r.seats(),
            "locked",
            r.locked().size());
    String locks = r.locked().isEmpty() ? "" : "、已锁定" + r.locked().size() + "名";
    String m =
        core.isEmpty()
            ? "应选" + r.seats() + "名" + locks + "时不存在可行名单"
            : "应选"
                + r.seats()
                + "名"
                + locks
                + "时，以下结构要求不能同时满足："
                + String.join("；", texts)
                + "（放宽其中任何一项即可能有解）";
    return Counting.finding(SlateRule.QUOTA_COMBINED, fields, facts, m);
  }

  private static Finding timeLimit(long millis, String what) {
    return Counting.finding(
        SlateRule.SOLVE_TIME_LIMIT,
        List.of(),
        Counting.facts("timeLimitMillis", millis),
        "求解达到时间上限" + millis + "毫秒：" + what);
  }
}
