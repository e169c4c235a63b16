package xuanju.server.election.kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import xuanju.core.rule.Finding;
import xuanju.core.rule.Findings;
import xuanju.core.rule.Rule;

/**
 * The plan check of the kinds whose electorate is the voter register (直接选举的方案核对): the plan may be
 * reported before the register is built, so an unfinished register is a warning with the statutory
 * day; a list published late, a committee size outside the law, or district seats that do not add
 * up to the plan's seats block the request. Each kind gives its own rules ({@link Rules}).
 */
final class RegisterPlanCheck {
  private RegisterPlanCheck() {}

  /**
   * The rules of one kind.
   *
   * @param seatsMismatch, seatsOpen for per-district contests (town congress), else null
   * @param committeeSize with {@code minSize}..{@code maxSize}, for committees, else null
   */
  record Rules(
      Rule noDistricts,
      Rule seatsMismatch,
      Rule seatsOpen,
      Rule committeeSize,
      int minSize,
      int maxSize,
      Rule registerOpen,
      Rule registerLate) {}

  static PlanCheck of(Rules r) {
    return facts -> check(r, facts);
  }

  static Findings check(Rules r, PlanFacts f) {
    List<Finding> out = new ArrayList<>();
    if (r.committeeSize() != null && (f.seats() < r.minSize() || f.seats() > r.maxSize())) {
      out.add(
          new Finding(
              r.committeeSize(),
              List.of("seats"),
              Map.<String, Object>of("seats", f.seats(), "min", r.minSize(), "max", r.maxSize()),
              r.committeeSize().messageZh() + "，方案应选" + f.seats() + "名"));
    }
    RegisterFacts g = f.register();
    if (g == null || g.districts() == 0) {
      out.add(
          new Finding(
              r.noDistricts(),
              List.of("districts"),
              Map.<String, Object>of("districts", 0),
              r.noDistricts().messageZh()));
      return Findings.of(out);
    }
    if (r.seatsMismatch() != null) {
      if (g.districtsWithSeats() < g.districts()) {
        out.add(
            new Finding(
                r.seatsOpen(),
                List.of("districts"),
                Map.<String, Object>of(
                    "districts", g.districts(), "withSeats", g.districtsWithSeats()),
                r.seatsOpen().messageZh()
                    + "：共"
                    + g.districts()
                    + "个选区，已确定名额的"
                    + g.districtsWithSeats()
                    + "个"));
      } else if (g.seatSum() != f.seats()) {
        out.add(
            new Finding(
                r.seatsMismatch(),
                List.of("seats"),
                Map.<String, Object>of("seats", f.seats(), "seatSum", g.seatSum()),
                "各选区应选代表名额之和为" + g.seatSum() + "名，与方案的应选" + f.seats() + "名不一致"));
      }
    }
    boolean open = g.registered() == 0 || g.districtsWithoutVoters() > 0 || g.unpublished() > 0;
    if (open) {
      boolean late = g.unpublished() > 0 && g.today().isAfter(g.latestPublication());
      Rule rule = late ? r.registerLate() : r.registerOpen();
      out.add(
          new Finding(
              rule,
              List.of("voterRegister"),
              Map.<String, Object>of(
                  "registered", g.registered(),
                  "districtsWithoutVoters", g.districtsWithoutVoters(),
                  "unpublished", g.unpublished()),
              (late ? "选民名单逾期未公布" : "选民登记尚未完成")
                  + "：已登记选民"
                  + g.registered()
                  + "名，"
                  + (g.districtsWithoutVoters() > 0
                      ? g.districtsWithoutVoters() + "个选区尚未登记选民，"
                      : "")
                  + g.unpublished()
                  + "个选区尚未公布选民名单；选民名单最迟应于"
                  + g.latestPublication()
                  + "公布"));
    }
    return Findings.of(out);
  }
}
