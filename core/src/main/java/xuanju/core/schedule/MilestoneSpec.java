package xuanju.core.schedule;

import java.util.Objects;
import xuanju.core.rule.InvalidInputException;
import xuanju.core.rule.Rule;

/**
 * One milestone of a timeline template (时间节点定义), as data: how its date follows from the anchor day
 * or from an earlier milestone, and which rule it applies.
 *
 * @param id stable id, used for actual dates and in JSON (e.g. {@code voterList})
 * @param kind deadline, window or the anchor event
 * @param relation how the dates are computed from the anchor
 * @param anchor the id of an earlier milestone whose date (its actual date if given, else its last
 *     day) this one counts from; {@code null} for the anchor day (election day or meeting day)
 * @param days the number N of the rule (0 for the event)
 * @param unit calendar or working days; ignored when {@code unitFromSettings}
 * @param unitFromSettings take the unit from {@link ScheduleSettings#publicityUnit()}
 * @param rule the rule, with its code and citation
 * @param titleZh short Chinese title for tables, e.g. {@code 公布选民名单}
 */
public record MilestoneSpec(
    String id,
    MilestoneKind kind,
    Relation relation,
    String anchor,
    int days,
    PeriodUnit unit,
    boolean unitFromSettings,
    Rule rule,
    String titleZh) {

  /** How a milestone's dates follow from its anchor (计算方式). */
  public enum Relation {
    /** At the latest N days (or working days) before the anchor: {@code anchor − N} (…日以前). */
    AT_LATEST_BEFORE,
    /**
     * Within N days after the anchor, the anchor day not counted (民法典 第二百零一条): from {@code anchor +
     * 1} to {@code anchor + N} (…之日起N日内).
     */
    WITHIN_AFTER,
    /**
     * A publicity period of N days that must run out before the anchor day: the latest posting day
     * P such that the period P+1 … P+N (shifted per settings) ends no later than the day before.
     */
    PUBLICITY_BEFORE,
    /** The anchor day itself. */
    ON
  }

  public MilestoneSpec {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(relation, "relation");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(titleZh, "titleZh");
    if (!id.matches("[a-zA-Z][a-zA-Z0-9_]*")) {
      throw new InvalidInputException("milestones." + id, "事项编号只能由字母、数字和下划线组成");
    }
    if (days < 0) {
      throw new InvalidInputException("milestones." + id + ".days", "天数不能为负数：" + days);
    }
    boolean ok =
        switch (relation) {
          case AT_LATEST_BEFORE -> kind == MilestoneKind.DEADLINE;
          case WITHIN_AFTER -> kind == MilestoneKind.DEADLINE || kind == MilestoneKind.WINDOW;
          case PUBLICITY_BEFORE -> kind == MilestoneKind.WINDOW;
          case ON -> kind == MilestoneKind.EVENT && anchor == null;
        };
    if (!ok) {
      throw new InvalidInputException(
          "milestones." + id, "计算方式 " + relation + " 与类型 " + kind + " 不匹配");
    }
  }

  public static MilestoneSpec event(String id, Rule rule, String titleZh) {
    return new MilestoneSpec(
        id,
        MilestoneKind.EVENT,
        Relation.ON,
        null,
        0,
        PeriodUnit.CALENDAR_DAYS,
        false,
        rule,
        titleZh);
  }

  /** A deadline of {@code days} calendar days before the anchor day. */
  public static MilestoneSpec daysBefore(String id, int days, Rule rule, String titleZh) {
    return new MilestoneSpec(
        id,
        MilestoneKind.DEADLINE,
        Relation.AT_LATEST_BEFORE,
        null,
        days,
        PeriodUnit.CALENDAR_DAYS,
        false,
        rule,
        titleZh);
  }

  /** A window or deadline of {@code days} calendar days after {@code anchor} (null: anchor day). */
  public static MilestoneSpec daysAfter(
      String id, MilestoneKind kind, String anchor, int days, Rule rule, String titleZh) {
    return new MilestoneSpec(
        id,
        kind,
        Relation.WITHIN_AFTER,
        anchor,
        days,
        PeriodUnit.CALENDAR_DAYS,
        false,
        rule,
        titleZh);
  }

  /** A publicity period of {@code days} in the settings' unit, ending before the anchor day. */
  public static MilestoneSpec publicity(String id, int days, Rule rule, String titleZh) {
    return new MilestoneSpec(
        id,
        MilestoneKind.WINDOW,
        Relation.PUBLICITY_BEFORE,
        null,
        days,
        PeriodUnit.CALENDAR_DAYS,
        true,
        rule,
        titleZh);
  }

  /** The unit this milestone uses under these settings. */
  public PeriodUnit unitUnder(ScheduleSettings settings) {
    return unitFromSettings ? settings.publicityUnit() : unit;
  }
}
