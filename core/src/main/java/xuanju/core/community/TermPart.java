package xuanju.core.community;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Optional;

/**
 * A part of a community's 换届 (社区换届的组成部分), in the order seed 002 holds them: the party organisation
 * first (党组织换届先行), then the residents' committee under its leadership, the residents'
 * representatives with it, and the supervision committee after both.
 */
public enum TermPart {
  /** 党组织: the community party organisation's committee and its secretary and deputies. */
  PARTY("党组织", "PARTY_BRANCH", MonthDay.of(1, 15), "方案二：党总支选举工作1月中旬前完成"),
  /** 居民委员会. */
  RESIDENTS("居民委员会", "RESIDENTS_COMMITTEE", MonthDay.of(1, 31), "方案二：居民委员会选举于1月底前完成"),
  /** 居民代表: chosen with the residents' committee election (推选与居民委员会选举同步进行). */
  REPRESENTATIVES("居民代表", null, MonthDay.of(1, 31), "方案四（二）3（2）：居民代表的推选与居民委员会选举同步进行"),
  /** 居务监督委员会. */
  SUPERVISION("居务监督委员会", null, MonthDay.of(3, 31), "方案二：居务监督委员会推选工作于3月底前完成");

  private final String labelZh;
  private final String timelineTemplate;
  private final MonthDay defaultDeadline;
  private final String sourceZh;

  TermPart(String labelZh, String timelineTemplate, MonthDay deadline, String sourceZh) {
    this.labelZh = labelZh;
    this.timelineTemplate = timelineTemplate;
    this.defaultDeadline = deadline;
    this.sourceZh = sourceZh;
  }

  public String labelZh() {
    return labelZh;
  }

  /**
   * The timeline template id (core {@code TimelineTemplates}) of the election kind that holds this
   * part, when the part is an election of its own; empty for the parts chosen by other bodies.
   */
  public Optional<String> timelineTemplate() {
    return Optional.ofNullable(timelineTemplate);
  }

  /** The plan's deadline in the term's year (seed 002: the year after the term was started). */
  public LocalDate defaultDeadline(int year) {
    return defaultDeadline.atYear(year);
  }

  /** Where the default deadline comes from, in words. */
  public String sourceZh() {
    return sourceZh;
  }
}
