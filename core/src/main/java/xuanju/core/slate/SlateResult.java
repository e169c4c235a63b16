package xuanju.core.slate;

import java.util.List;
import java.util.Objects;
import xuanju.core.quota.QuotaCheck;
import xuanju.core.rule.Findings;

/**
 * The slate proposal (代表人选建议名单) or why there is none.
 *
 * @param status the outcome
 * @param slate the proposed people, by support (highest first), then input order; empty without a
 *     slate
 * @param totalSupport the support of the slate
 * @param check the slate checked independently by {@code Quotas.check}; null without a slate
 * @param findings errors explaining infeasibility ({@code SLATE.*}), warnings ({@code
 *     QUOTA.DATA.MISSING} on the pool, {@code SLATE.SOLVE.TIME_LIMIT})
 * @param nodes search nodes the solver visited (for the benchmarks)
 */
public record SlateResult(
    Status status,
    List<Nominee> slate,
    long totalSupport,
    QuotaCheck check,
    Findings findings,
    long nodes) {

  /** The outcome of the proposal (求解结果). */
  public enum Status {
    /** A slate with the most support (最优名单). */
    OPTIMAL("已得出推荐票总数最高的名单"),
    /** A slate meeting every quota, found before the time limit; not proven best (可行名单). */
    FEASIBLE("已得出符合全部结构要求的名单，但未证明推荐票总数最高"),
    /** No slate exists (无解), with the reasons in the findings. */
    INFEASIBLE("不存在符合全部结构要求的名单"),
    /** The time limit ended the search before a slate or a proof (未得出结论). */
    UNKNOWN("在时间上限内未得出结论");

    private final String labelZh;

    Status(String labelZh) {
      this.labelZh = labelZh;
    }

    public String labelZh() {
      return labelZh;
    }
  }

  public SlateResult {
    Objects.requireNonNull(status, "status");
    slate = List.copyOf(slate);
    Objects.requireNonNull(findings, "findings");
  }

  public boolean hasSlate() {
    return status == Status.OPTIMAL || status == Status.FEASIBLE;
  }
}
