package xuanju.server.delegates;

import java.time.LocalDate;

/**
 * A person on a stage's list (or in the recommended pool, {@code stage} null): the recommended name
 * of V38 with the unit that recommended it, and what the stage recorded about the person.
 *
 * @param recommendeeId the id of the recommended name ({@code delegate_recommendee.id}), the same
 *     in every stage
 * @param locked whether the officer keeps this 初步人选 in the 预备人选 proposal
 * @param unitOpinion 所在单位党组织意见 (考察对象), null until recorded
 * @param disciplineOpinion 纪检机关意见 (考察对象), null until recorded
 * @param withdrawnOn the day the person was withdrawn from the list, null while on it
 * @param regulatorDepartment the department heard on a 考察对象 tagged 企业 (行政执法、行业监管等有关部门), null until
 *     recorded
 * @param regulatorOpinion that department's opinion (主管部门/监管部门意见), null until recorded
 */
public record StageMember(
    long recommendeeId,
    String unitName,
    Recommendee person,
    boolean locked,
    String unitOpinion,
    String disciplineOpinion,
    LocalDate withdrawnOn,
    String withdrawnReason,
    String regulatorDepartment,
    String regulatorOpinion) {

  public String name() {
    return person.name();
  }

  public boolean active() {
    return withdrawnOn == null;
  }

  /** Whether the regulators must be heard (企业) and have not been yet. */
  public boolean regulatorMissing() {
    return person.enterprise() && regulatorOpinion == null;
  }

  /** Both vetting opinions recorded. */
  public boolean vetted() {
    return unitOpinion != null && disciplineOpinion != null;
  }
}
