package xuanju.core.register;

import java.time.LocalDate;
import xuanju.core.rule.InvalidInputException;

/**
 * What is known of a person now, at the start of a new cycle (本届人口信息): the person, the district
 * they belong to now in this register's unit (by residence, workplace or certificate, as the server
 * assigns it), death and rights.
 *
 * @param resident the person
 * @param place the district the person belongs to now; null if the person no longer lives or works
 *     in the unit (moved away)
 * @param basis the ground of registration at {@code place}; null means {@link
 *     RegistrationBasis#HUKOU}
 * @param certificate the 选民资格证明 when {@code basis} is {@link
 *     RegistrationBasis#RESIDENCE_WITH_CERTIFICATE}, else null
 * @param deathDate the day of death, null if alive
 * @param status deprivations, incapacity, suspension
 * @param movedInFrom where the person moved in from (迁入前的地点), empty if they did not move in from
 *     outside the unit
 */
public record PopulationRecord(
    Resident resident,
    RegistrationPlace place,
    RegistrationBasis basis,
    VoterCertificate certificate,
    LocalDate deathDate,
    LegalStatus status,
    String movedInFrom) {
  public PopulationRecord {
    if (resident == null) {
      throw new InvalidInputException("resident", "人口信息缺少居民");
    }
    basis = basis == null ? RegistrationBasis.HUKOU : basis;
    status = status == null ? LegalStatus.none() : status;
    movedInFrom = movedInFrom == null ? "" : movedInFrom.strip();
  }

  /** A living person in {@code place} with nothing recorded against their rights. */
  public static PopulationRecord living(Resident r, RegistrationPlace place) {
    return new PopulationRecord(r, place, null, null, null, null, "");
  }

  public PopulationRecord withStatus(LegalStatus s) {
    return new PopulationRecord(resident, place, basis, certificate, deathDate, s, movedInFrom);
  }

  public PopulationRecord died(LocalDate day) {
    return new PopulationRecord(resident, place, basis, certificate, day, status, movedInFrom);
  }

  public PopulationRecord movedTo(RegistrationPlace p) {
    return new PopulationRecord(resident, p, basis, certificate, deathDate, status, movedInFrom);
  }

  public PopulationRecord movedInFrom(String from) {
    return new PopulationRecord(resident, place, basis, certificate, deathDate, status, from);
  }

  public String idNumber() {
    return resident.idNumber();
  }
}
