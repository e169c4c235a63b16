package xuanju.server.congress;

import java.time.LocalDate;
import java.util.List;
import xuanju.core.nomination.CongressNomination;
import xuanju.core.roster.ResidentIds;

/**
 * A recorded nomination of a deputy candidate (已登记的代表候选人推荐).
 *
 * @param organisations the nominating parties and organisations, empty for voters
 * @param nominators the nominating voters' resident ID numbers, empty for organisations
 * @param acceptedOn the day the nominee accepted, or null
 * @param preselectionVotes the votes in the 预选 that settled the formal list, or null
 */
public record DeputyNomination(
    long id,
    long districtId,
    String nomineeName,
    String nomineeId,
    List<String> organisations,
    List<String> nominators,
    LocalDate acceptedOn,
    Integer preselectionVotes,
    int version) {

  /** The nomination as core checks it. */
  CongressNomination core() {
    return new CongressNomination(
        nomineeName, nomineeId, organisations, nominators, acceptedOn != null);
  }

  /** 推荐方式 for the page: the organisations, or how many voters jointly. */
  public String byZh() {
    return organisations.isEmpty()
        ? "选民" + nominators.size() + "人联名推荐"
        : String.join("、", organisations) + (organisations.size() > 1 ? "联合推荐" : "推荐");
  }

  /** The nominee's ID number masked (脱敏). */
  public String maskedId() {
    return ResidentIds.mask(nomineeId);
  }
}
