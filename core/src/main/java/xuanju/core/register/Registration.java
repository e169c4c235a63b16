package xuanju.core.register;

import java.time.LocalDate;
import xuanju.core.roster.ResidentIds;
import xuanju.core.rule.InvalidInputException;

/**
 * A voter's registration in one district (选民登记), or a request to register.
 *
 * @param residentId the 18-character resident ID number (the key: one registration per number)
 * @param name the voter's name, for messages
 * @param place the unit and district
 * @param basis the ground of registration
 * @param certificate the 选民资格证明, for {@link RegistrationBasis#RESIDENCE_WITH_CERTIFICATE}; else
 *     null
 * @param workplace the workplace, for {@link RegistrationBasis#WORKPLACE}; else empty
 * @param decisionRef the committee's decision, for {@link RegistrationBasis#COMMITTEE_DECISION};
 *     else empty
 * @param registeredOn the day of registration
 */
public record Registration(
    String residentId,
    String name,
    RegistrationPlace place,
    RegistrationBasis basis,
    VoterCertificate certificate,
    String workplace,
    String decisionRef,
    LocalDate registeredOn) {
  public Registration {
    if (residentId == null || residentId.isBlank()) {
      throw new InvalidInputException("residentId", "选民登记缺少公民身份号码");
    }
    residentId = ResidentIds.normalise(residentId);
    name = name == null ? "" : name.strip();
    if (place == null) {
      throw new InvalidInputException("place", "选民登记缺少登记地点");
    }
    if (basis == null) {
      throw new InvalidInputException("basis", "选民登记缺少登记依据");
    }
    if (registeredOn == null) {
      throw new InvalidInputException("registeredOn", "选民登记缺少登记日期");
    }
    workplace = workplace == null ? "" : workplace.strip();
    decisionRef = decisionRef == null ? "" : decisionRef.strip();
  }

  /** A registration at the 户籍地. */
  public static Registration atHukou(Resident r, RegistrationPlace place, LocalDate registeredOn) {
    return new Registration(
        r.idNumber(), r.name(), place, RegistrationBasis.HUKOU, null, "", "", registeredOn);
  }

  /** A registration where the person lives, with a 选民资格证明 from the 户籍地. */
  public static Registration withCertificate(
      Resident r, RegistrationPlace place, VoterCertificate certificate, LocalDate registeredOn) {
    return new Registration(
        r.idNumber(),
        r.name(),
        place,
        RegistrationBasis.RESIDENCE_WITH_CERTIFICATE,
        certificate,
        "",
        "",
        registeredOn);
  }

  /** A registration at the workplace ({@code workplace} defaults to the resident's). */
  public static Registration atWorkplace(
      Resident r, RegistrationPlace place, String workplace, LocalDate registeredOn) {
    String w = workplace == null || workplace.isBlank() ? r.workplace() : workplace;
    return new Registration(
        r.idNumber(), r.name(), place, RegistrationBasis.WORKPLACE, null, w, "", registeredOn);
  }

  /** The same registration in another place (e.g. after moving within the unit). */
  public Registration movedTo(RegistrationPlace newPlace) {
    return new Registration(
        residentId, name, newPlace, basis, certificate, workplace, decisionRef, registeredOn);
  }

  /** For messages: {@code 张三（1101**********002X）}. */
  public String labelZh() {
    return (name.isEmpty() ? "" : name) + "（" + ResidentIds.mask(residentId) + "）";
  }
}
