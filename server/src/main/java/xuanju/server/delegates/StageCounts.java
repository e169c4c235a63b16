package xuanju.server.delegates;

/**
 * 考察对象和初步人选的人数: settings of the election (seed 003: 24 考察对象 and 21 初步人选 for 16 seats, rule {@link
 * StageRule#STAGE_COUNTS}). A value not set is the seed's ratio over the seats, rounded up: {@link
 * StageRule#DEFAULT_SUBJECTS_PERCENT} (150 %) and {@link StageRule#DEFAULT_PRELIMINARY_PERCENT}
 * (130 %).
 *
 * @param subjectsSet the number of 考察对象 set for the election, null for the default
 * @param preliminarySet the number of 初步人选 set for the election, null for the default
 */
public record StageCounts(Integer subjectsSet, Integer preliminarySet) {
  static final StageCounts DEFAULTS = new StageCounts(null, null);

  static int percentOf(int seats, int percent) {
    return (seats * percent + 99) / 100;
  }

  public static int defaultSubjects(int seats) {
    return percentOf(seats, StageRule.DEFAULT_SUBJECTS_PERCENT);
  }

  public static int defaultPreliminary(int seats) {
    return percentOf(seats, StageRule.DEFAULT_PRELIMINARY_PERCENT);
  }

  /** The number of 考察对象 for an election of {@code seats}. */
  public int subjects(int seats) {
    return subjectsSet != null ? subjectsSet : defaultSubjects(seats);
  }

  /** The number of 初步人选 for an election of {@code seats}. */
  public int preliminary(int seats) {
    return preliminarySet != null ? preliminarySet : defaultPreliminary(seats);
  }

  /** How the page describes the setting, e.g. 24名（按代表名额的150%，默认） or 22名（本选举设定）. */
  public String subjectsZh(int seats) {
    return subjects(seats)
        + "名"
        + (subjectsSet == null
            ? "（默认：代表名额的" + StageRule.DEFAULT_SUBJECTS_PERCENT + "%）"
            : "（本选举设定）");
  }

  public String preliminaryZh(int seats) {
    return preliminary(seats)
        + "名"
        + (preliminarySet == null
            ? "（默认：代表名额的" + StageRule.DEFAULT_PRELIMINARY_PERCENT + "%）"
            : "（本选举设定）");
  }
}
