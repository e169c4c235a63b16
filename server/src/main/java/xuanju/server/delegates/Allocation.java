package xuanju.server.delegates;

/**
 * The electing unit's seat allocation (代表名额分配): e.g. 16 of the 760 delegates of the city's 12th
 * congress, allocated by a document of the higher committee, with the recommendation units' margin
 * in percent (推荐单位按差额不少于50%, {@link DelegateRule#DEFAULT_MARGIN_PERCENT}).
 */
public record Allocation(
    String congressName,
    int congressTotal,
    int seats,
    String document,
    int marginPercent,
    int version) {
  /** The least list size for a notional quota: quota × (1 + margin), rounded up (11 → 17). */
  public int requiredListSize(int quota) {
    return (quota * (100 + marginPercent) + 99) / 100;
  }
}
