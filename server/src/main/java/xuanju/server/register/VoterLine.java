package xuanju.server.register;

import java.time.LocalDate;
import xuanju.core.roster.ResidentIds;

/**
 * One voter of a district's list (选民名单中的一行).
 *
 * @param voterNo 选民证号 within the district
 * @param basisZh the ground of registration in Chinese
 * @param certificateZh the 选民资格证明 (issuer, number, date), or empty
 */
public record VoterLine(
    long registrationId,
    int voterNo,
    String name,
    String gender,
    LocalDate birthDate,
    String unit,
    String group,
    String residentId,
    String basisZh,
    String certificateZh,
    LocalDate registeredOn) {

  /** The ID number masked (脱敏), for lists outside the officer's register page. */
  public String maskedId() {
    return ResidentIds.mask(residentId);
  }

  /** 出生年月 as printed: {@code 1980年3月}. */
  public String birthMonthZh() {
    return birthDate.getYear() + "年" + birthDate.getMonthValue() + "月";
  }

  /** The 居民小组 as printed (未分组 when empty). */
  public String groupZh() {
    return group == null || group.isEmpty() ? "未分组" : group;
  }
}
