package xuanju.server.register;

import java.time.LocalDate;
import xuanju.core.quota.Gender;
import xuanju.core.register.Resident;
import xuanju.core.roster.ResidentId;
import xuanju.core.roster.ResidentIds;

/**
 * A person of the person register (居民) as the voter register reads it.
 *
 * @param unit the 村/社区/单位
 * @param group the 居民小组/网格
 * @param diedOn the day of death, or null
 */
public record PersonRow(
    long id,
    long organisationId,
    String name,
    String residentId,
    String gender,
    LocalDate birthDate,
    String unit,
    String group,
    String address,
    String hukouPlace,
    String residencePlace,
    String workplace,
    LocalDate diedOn) {

  /** The core resident (the ID was validated when the person was recorded). */
  public Resident resident() {
    Gender g =
        Gender.parse(gender)
            .orElse(
                Character.getNumericValue(residentId.charAt(16)) % 2 == 1
                    ? Gender.MALE
                    : Gender.FEMALE);
    return Resident.builder(new ResidentId(residentId, birthDate, g), name)
        .address(address)
        .hukouPlace(hukouPlace)
        .residencePlace(residencePlace)
        .group(group)
        .workplace(workplace)
        .build();
  }

  /** 男 / 女. */
  public String genderZh() {
    return Gender.parse(gender).map(Gender::labelZh).orElse(gender);
  }

  /** For messages and lists: {@code 张三（1101**********002X）}. */
  public String labelZh() {
    return name + "（" + ResidentIds.mask(residentId) + "）";
  }
}
