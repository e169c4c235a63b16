package xuanju.core.roster;

import java.time.LocalDate;
import java.util.Objects;
import xuanju.core.quota.Gender;

/**
 * A party member of an organisation's roster (党员), checked and normalised.
 *
 * @param residentId 公民身份号码, 18 characters, check character upper case
 * @param phone 联系电话, empty when not given
 */
public record Member(
    String name,
    Gender gender,
    String ethnicity,
    LocalDate birthDate,
    String residentId,
    Education education,
    LocalDate joinDate,
    Membership membership,
    MemberStatus status,
    String phone) {
  public Member {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(gender, "gender");
    Objects.requireNonNull(ethnicity, "ethnicity");
    Objects.requireNonNull(birthDate, "birthDate");
    Objects.requireNonNull(residentId, "residentId");
    Objects.requireNonNull(education, "education");
    Objects.requireNonNull(joinDate, "joinDate");
    Objects.requireNonNull(membership, "membership");
    Objects.requireNonNull(status, "status");
    phone = phone == null ? "" : phone;
  }

  /** The masked resident ID for lists: {@code 1101**********002X}. */
  public String maskedResidentId() {
    return ResidentIds.mask(residentId);
  }

  /** The member back as form or spreadsheet text (dates ISO), e.g. to fill an edit form. */
  public MemberInput toInput() {
    return new MemberInput(
        name,
        gender.labelZh(),
        ethnicity,
        birthDate.toString(),
        residentId,
        education.labelZh(),
        joinDate.toString(),
        membership.labelZh(),
        status.labelZh(),
        phone);
  }
}
