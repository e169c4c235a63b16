package xuanju.core.community;

import java.util.Objects;
import xuanju.core.profile.ProvincialVariant;
import xuanju.core.rule.Citation;
import xuanju.core.rule.Confidence;

/**
 * The provincial setting whether, when 主任, 副主任 and 委员 are elected on one ballot, a losing 主任
 * candidate's votes count towards 副主任 and 委员 (落选票数顺延计入, legal-rules C1.10, provincial samples R10):
 * a 委员 candidate's count is his votes as 主任 + 副主任 + 委员, a 副主任 candidate's as 主任 + 副主任.
 *
 * @param carryDown whether the votes carry down ({@code RESIDENTS.COUNT.CARRY_DOWN}) or each post
 *     is counted apart ({@code RESIDENTS.COUNT.SEPARATE})
 * @param citation where the value comes from
 * @param status confirmed, or to be checked against the provincial text
 * @param noteZh what was checked or must be
 */
public record CarryDown(
    boolean carryDown, Citation citation, ProvincialVariant.Status status, String noteZh) {
  public CarryDown {
    Objects.requireNonNull(citation, "citation");
    Objects.requireNonNull(status, "status");
    noteZh = noteZh == null ? "" : noteZh;
  }

  /** The rule the setting applies. */
  public CommunityRule rule() {
    return carryDown ? CommunityRule.COUNT_CARRY_DOWN : CommunityRule.COUNT_SEPARATE;
  }

  /**
   * 内蒙古 (the default variant): the 内蒙古 residents' committee rules are not in the reference
   * material, so the value of the provincial samples (carry down) is kept and marked 需要复核.
   */
  public static final CarryDown NEI_MONGOL =
      new CarryDown(
          true,
          Citation.of(
              "内蒙古自治区实施《中华人民共和国城市居民委员会组织法》办法", "", "未收入参考资料；R10; legal-rules C1.10", Confidence.I),
          ProvincialVariant.Status.NEEDS_REVIEW,
          "参考资料中没有内蒙古自治区办法原文，暂按省级选举办法样本（R10）落选票数顺延计入，须对照自治区办法复核");

  /** A local plan's own setting (本地选举办法规定), confirmed by the plan. */
  public static CarryDown byPlan(boolean carryDown, String planZh) {
    return new CarryDown(
        carryDown,
        Citation.of(planZh, "", "", Confidence.PLAN),
        ProvincialVariant.Status.CONFIRMED,
        "按本地选举办法");
  }
}
