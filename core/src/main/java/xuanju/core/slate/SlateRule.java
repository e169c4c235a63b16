package xuanju.core.slate;

import xuanju.core.rule.Citation;
import xuanju.core.rule.Confidence;
import xuanju.core.rule.Rule;
import xuanju.core.rule.Severity;

/**
 * The rules of the slate proposal (代表人选建议名单规则): identity classification of the pool (代表身份界定,
 * refused as bad input) and the reasons no slate can meet the quotas (无解原因), each found by a
 * counting argument on the pool, the seats and the locked people.
 */
public enum SlateRule implements Rule {
  /** 领导干部不得占用基层一线名额 (代表身份界定说明; 004 ST-22). */
  IDENTITY_CADRE_GRASSROOTS(
      "SLATE.IDENTITY.CADRE_GRASSROOTS",
      "代表身份界定：领导干部不得占用基层一线（先进模范、专业技术人员、工人）代表名额",
      Sources.IDENTITY),
  /** 先进模范、专业技术人员属于基层一线. */
  IDENTITY_SUBCATEGORY(
      "SLATE.IDENTITY.SUBCATEGORY",
      "代表身份界定：先进模范人物和专业技术人员是基层一线代表的组成部分，须同时界定为基层一线",
      Sources.PLAN_003),
  /** 一人只界定为一类 (按主要工作和代表性界定). */
  IDENTITY_ONE_CATEGORY(
      "SLATE.IDENTITY.ONE_CATEGORY", "代表身份界定：兼有多种身份的，按其主要工作和代表性界定为先进模范或专业技术人员之一", Sources.IDENTITY),
  /** The pool has fewer people than seats. */
  POOL_TOO_SMALL("SLATE.POOL.TOO_SMALL", "推荐人选人数少于应选名额，无法组成名单", Sources.ENGINE),
  /** More locked people than seats. */
  LOCKS_TOO_MANY("SLATE.LOCK.TOO_MANY", "已锁定人选多于应选名额", Sources.ENGINE),
  /** A minimum needs more qualifying people than the pool has. */
  QUOTA_SHORT("SLATE.QUOTA.SHORT", "推荐人选中符合某项结构要求的人数少于该要求的最低人数", Sources.QUOTA),
  /** A minimum needs more qualifying people than the seats left after the locks. */
  QUOTA_OPEN_SEATS("SLATE.QUOTA.OPEN_SEATS", "锁定人选后剩余的名额不足以满足某项结构要求的最低人数", Sources.QUOTA),
  /** The locked people alone break a cap. */
  QUOTA_LOCKS_OVER_CAP("SLATE.QUOTA.LOCKS_OVER_CAP", "已锁定人选已超过某项结构要求的最高人数", Sources.QUOTA),
  /** Too few people outside a capped group to fill the seats. */
  QUOTA_CAP_FILL("SLATE.QUOTA.CAP_FILL", "某类人选有最高人数限制，但推荐人选中该类以外的人数不足以补足应选名额", Sources.QUOTA),
  /** Two or more requirements together need more than the seats or the pool allow. */
  QUOTA_CONFLICT("SLATE.QUOTA.CONFLICT", "两项或多项结构要求相互冲突，在应选名额内不能同时满足", Sources.QUOTA),
  /** The solver found no slate; the smallest set of requirements that cannot hold together. */
  QUOTA_COMBINED("SLATE.QUOTA.COMBINED", "以下几项结构要求在现有推荐人选和锁定人选下不能同时满足（由求解器逐项排除得出）", Sources.QUOTA),
  /** The time limit ended the search before optimality was proven. */
  SOLVE_TIME_LIMIT(
      "SLATE.SOLVE.TIME_LIMIT",
      Severity.WARNING,
      "求解达到时间上限：名单符合全部结构要求，但未证明推荐票总数最高",
      Sources.ENGINE);

  private final String code;
  private final Severity severity;
  private final String messageZh;
  private final Citation citation;

  SlateRule(String code, String messageZh, Citation citation) {
    this(code, Severity.ERROR, messageZh, citation);
  }

  SlateRule(String code, Severity severity, String messageZh, Citation citation) {
    this.code = code;
    this.severity = severity;
    this.messageZh = messageZh;
    this.citation = citation;
  }

  @Override
  public String code() {
    return code;
  }

  @Override
  public Severity severity() {
    return severity;
  }

  @Override
  public String messageZh() {
    return messageZh;
  }

  @Override
  public Citation citation() {
    return citation;
  }

  /** The sources the rules cite. */
  private static final class Sources {
    static final String DOC_003 = "XX区选举出席XX市第十二次党代会代表工作方案（003）";
    static final Citation PLAN_003 = Citation.of(DOC_003, "一、1", "ST-13", Confidence.PLAN);
    static final Citation IDENTITY =
        Citation.of(DOC_003 + "附件2 代表身份界定说明；昂素镇人民代表大会换届选举工作方案（004）", "", "ST-22", Confidence.PLAN);
    static final Citation QUOTA = Citation.of("选举工作方案（本地方案）中的结构要求", "", "ST", Confidence.PLAN);
    static final Citation ENGINE = Citation.of("Xuanju 工程推定（待法律审核）", "", "", Confidence.I);
  }
}
