package xuanju.server.delegates;

import java.time.Instant;

/**
 * A recommendation unit (推荐单位), e.g. a 区委直属党工委: its notional quota (推荐名额, 11), the names it must
 * submit (17) and their required split (6 局级 + 3 处级 + 8 基层一线), its participation once recorded
 * (null before) and when its current list was submitted (null before).
 */
public record RecommendationUnit(
    long id,
    String name,
    int quota,
    int listSize,
    int bureau,
    int division,
    int grassroots,
    Integer organisationsTotal,
    Integer organisationsJoined,
    Integer membersTotal,
    Integer membersJoined,
    Instant submittedAt,
    int version) {
  /** The required number of a category. */
  public int required(DelegateCategory c) {
    return switch (c) {
      case BUREAU -> bureau;
      case DIVISION -> division;
      case GRASSROOTS -> grassroots;
    };
  }

  /** 局级6名、处级3名、基层一线8名. */
  public String splitZh() {
    return "局级领导干部" + bureau + "名、处级领导干部" + division + "名、基层一线" + grassroots + "名";
  }

  public boolean submitted() {
    return submittedAt != null;
  }

  public boolean participationRecorded() {
    return membersTotal != null;
  }

  /** Whether every organisation and member took part (参与率100%). */
  public boolean fullParticipation() {
    return participationRecorded()
        && organisationsJoined.equals(organisationsTotal)
        && membersJoined.equals(membersTotal);
  }

  /** The members' participation in percent, one decimal (e.g. "98.5"), or "" if not recorded. */
  public String memberRateZh() {
    return rate(membersJoined, membersTotal);
  }

  public String organisationRateZh() {
    return rate(organisationsJoined, organisationsTotal);
  }

  static String rate(Integer joined, Integer total) {
    if (joined == null || total == null || total == 0) {
      return "";
    }
    long tenths = Math.round(joined * 1000.0 / total);
    return tenths % 10 == 0 ? Long.toString(tenths / 10) : (tenths / 10) + "." + (tenths % 10);
  }
}
