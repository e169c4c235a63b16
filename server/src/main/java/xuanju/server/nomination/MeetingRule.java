package xuanju.server.nomination;

import java.util.Optional;

/**
 * When the recommendation meeting is valid (推荐会有效人数), as the plan says: more than 60% (QU-10), more
 * than half (QU-11), or no requirement.
 */
public enum MeetingRule {
  /** 方案未规定推荐会有效人数 */
  NONE("不设要求", 0, 1, null),
  /** 超过应到会人数的60% (QU-10) */
  MORE_THAN_60("超过应到会人数的60%", 3, 5, NominationRule.RECOMMEND_QUORUM_60),
  /** 超过应到会人数的一半 (QU-11) */
  MORE_THAN_HALF("超过应到会人数的一半", 1, 2, NominationRule.RECOMMEND_QUORUM_HALF);

  private final String labelZh;
  private final int numerator;
  private final int denominator;
  private final NominationRule rule;

  MeetingRule(String labelZh, int numerator, int denominator, NominationRule rule) {
    this.labelZh = labelZh;
    this.numerator = numerator;
    this.denominator = denominator;
    this.rule = rule;
  }

  public String labelZh() {
    return labelZh;
  }

  public int numerator() {
    return numerator;
  }

  public int denominator() {
    return denominator;
  }

  public Optional<NominationRule> rule() {
    return Optional.ofNullable(rule);
  }
}
