package xuanju.core.schedule;

/** Where a calendar day's kind comes from (数据来源). */
public enum CalendarSource {
  /** An operator entry loaded into the calendar (本地录入). */
  OPERATOR,
  /** The tyme4j library's legal-holiday table (tyme4j 法定假日数据). */
  TYME4J,
  /** No entry: Monday to Friday work, Saturday and Sunday rest (按星期推定). */
  WEEKDAY_RULE
}
