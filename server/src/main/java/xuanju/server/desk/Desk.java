package xuanju.server.desk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import xuanju.server.plan.Deadline;

/**
 * The town's desk (上级党组织工作台) as one page reads it: what waits for the officer, every organisation
 * under them, and the roll-up of the committees elected.
 *
 * @param inbox what waits for the signed-in officer's decision, oldest first
 * @param organisations every organisation under them (with or without an election), overdue first
 * @param rollup the elected committees per organisation, with the total last
 */
public record Desk(List<InboxItem> inbox, List<OrgRow> organisations, List<RollupRow> rollup) {

  /** Whether the officer is responsible for any organisation at all. */
  public boolean empty() {
    return organisations.isEmpty();
  }

  /** How many organisations have something overdue. */
  public long overdueOrganisations() {
    return organisations.stream().filter(o -> o.overdue() > 0).count();
  }

  /**
   * One request waiting for a decision (待办).
   *
   * @param kindZh what is asked (换届选举请示, 委员候选人预备人选, 选举结果 …)
   * @param link the page where the decision is taken
   */
  public record InboxItem(
      long electionId,
      String organisation,
      String electionTitle,
      String kindZh,
      String summary,
      Instant submittedAt,
      long daysWaiting,
      String link) {}

  /**
   * One organisation under the officer (所辖组织).
   *
   * @param electionId its current election, or null if none yet
   * @param stageZh the stage reached, or 尚未启动换届
   * @param termExpiry the term's expiry as planned, or null if unknown
   * @param next the next open deadline, or null
   * @param overdue how many open deadlines are past
   */
  public record OrgRow(
      long organisationId,
      String name,
      Long electionId,
      String stageZh,
      LocalDate termExpiry,
      Deadline next,
      int overdue) {}

  /**
   * The committee elected in one organisation (换届结果汇总), or the total ({@code organisation} 合计).
   *
   * @param oneShoulder members elected to the two posts at once (一肩挑), or null where the kind has
   *     no such post (a party branch alone)
   */
  public record RollupRow(
      String organisation,
      int elected,
      int women,
      int aged35OrUnder,
      int collegeOrAbove,
      int bachelorOrAbove,
      Integer oneShoulder) {}
}
