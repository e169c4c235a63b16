package xuanju.server.nomination;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import xuanju.core.margin.MarginRange;
import xuanju.core.quota.QuotaCheck;
import xuanju.core.rule.Finding;
import xuanju.server.election.Election;

/**
 * Everything the nomination page shows (两推一选概况), computed by the service.
 *
 * @param nominees by recommendations, most first
 * @param margins the candidate range per stage key ({@code PRELIMINARY}, {@code PRE_CANDIDATES},
 *     {@code FORMAL})
 * @param publicityEnd the last day of the publicity, or null before posting
 * @param blocking what stops the current stage from closing now (empty when it may close)
 * @param quota the composition check of the current list (pre-candidates, else preliminary), or
 *     null without a quota set
 * @param members the branch's members (id → name) in 姓氏笔画 order, for the relation choosers
 * @param electable the members who may stand (被选举权), in 姓氏笔画 order, for the nominee choosers
 */
public record NominationOverview(
    Election election,
    NominationState state,
    List<Row> nominees,
    List<PublicityReport> reports,
    List<Relation> relations,
    Map<String, MarginRange> margins,
    LocalDate publicityEnd,
    List<Finding> blocking,
    List<Finding> relatives,
    QuotaCheck quota,
    List<FormalCandidate> formal,
    Map<Long, String> members,
    Map<Long, String> electable,
    long ballots,
    boolean canManage,
    boolean canApprove) {

  /** A nominee with the review's outcome. */
  public record Row(
      Nominee nominee, int rank, List<Disqualification> negatives, List<Finding> eligibility) {
    public boolean eligible() {
      return eligibility.isEmpty();
    }
  }
}
