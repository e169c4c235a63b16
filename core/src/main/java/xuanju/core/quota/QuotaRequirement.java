package xuanju.core.quota;

import java.util.Objects;
import xuanju.core.rule.Citation;
import xuanju.core.rule.Confidence;
import xuanju.core.rule.InvalidInputException;

/**
 * One composition requirement (结构要求), as data so a local plan can define its own: what is counted,
 * how it is compared, a number of people or a share of the list, and where the requirement comes
 * from. Exactly one of {@code count} and {@code share} is set.
 *
 * @param id stable id within its set, e.g. {@code ST-14}
 * @param attribute what is counted
 * @param comparison ≥, &gt;, ≤ or &lt;
 * @param count a number of people, or null for a share
 * @param share a share of the list, or null for a count
 * @param citation the source (seed rule id, local plan); may use {@link Confidence#PLAN}
 */
public record QuotaRequirement(
    String id,
    Attribute attribute,
    Comparison comparison,
    Long count,
    Share share,
    Citation citation) {
  public QuotaRequirement {
    if (id == null || id.isBlank()) {
      throw new InvalidInputException("id", "结构要求编号不能为空");
    }
    Objects.requireNonNull(attribute, "attribute");
    Objects.requireNonNull(comparison, "comparison");
    if ((count == null) == (share == null)) {
      throw new InvalidInputException(id, "结构要求须给出人数（count）或比例（share）之一");
    }
    if (count != null && count < 0) {
      throw new InvalidInputException(id + ".count", "人数不能为负数：" + count);
    }
    citation = citation == null ? Citation.of("选举工作方案（本地方案）", "", "", Confidence.PLAN) : citation;
  }

  public static QuotaRequirement count(
      String id, Attribute attribute, Comparison comparison, long count, Citation citation) {
    return new QuotaRequirement(id, attribute, comparison, count, null, citation);
  }

  public static QuotaRequirement share(
      String id, Attribute attribute, Comparison comparison, Share share, Citation citation) {
    return new QuotaRequirement(id, attribute, comparison, null, share, citation);
  }

  /** The rule code for this requirement's attribute and direction, e.g. {@code QUOTA.WOMEN.MIN}. */
  public QuotaRule rule() {
    boolean min = comparison.minimum();
    return switch (attribute.kind()) {
      case FEMALE -> min ? QuotaRule.WOMEN_MIN : QuotaRule.WOMEN_MAX;
      case MINORITY -> min ? QuotaRule.MINORITY_MIN : QuotaRule.MINORITY_MAX;
      case PARTY_MEMBER -> min ? QuotaRule.PARTY_MEMBER_MIN : QuotaRule.PARTY_MEMBER_MAX;
      case NON_PARTY_MEMBER -> min ? QuotaRule.NON_PARTY_MIN : QuotaRule.NON_PARTY_MAX;
      case AGE_AT_MOST, AGE_UNDER, AGE_AT_LEAST -> min ? QuotaRule.AGE_MIN : QuotaRule.AGE_MAX;
      case TAGS -> min ? QuotaRule.TAG_MIN : QuotaRule.TAG_MAX;
    };
  }

  /**
   * The number of people a list of {@code total} is held to: the least count needed for a minimum,
   * the most allowed for a cap. For a count requirement: the count (one more for "more than", one
   * less for "fewer than"); for a share: {@code ceil(total·p/q)} for "at least", {@code
   * floor(total·p/q) + 1} for "more than", {@code floor(total·p/q)} for "at most" and {@code
   * ceil(total·p/q) − 1} for "fewer than".
   */
  public long bound(long total) {
    if (count != null) {
      return switch (comparison) {
        case AT_LEAST, AT_MOST -> count;
        case MORE_THAN -> count + 1;
        case LESS_THAN -> count - 1;
      };
    }
    return switch (comparison) {
      case AT_LEAST -> share.ceilOf(total);
      case MORE_THAN -> share.floorOf(total) + 1;
      case AT_MOST -> share.floorOf(total);
      case LESS_THAN -> share.ceilOf(total) - 1;
    };
  }

  /** The requirement in Chinese: {@code 女性至少7名}, {@code 中共党员比例高于50%}. */
  public String requirementZh() {
    if (count != null) {
      return attribute.labelZh() + comparison.countZh() + count + "名";
    }
    return attribute.labelZh() + "比例" + comparison.shareZh() + share.displayZh();
  }
}
