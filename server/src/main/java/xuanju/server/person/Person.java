package xuanju.server.person;

import java.time.LocalDate;
import java.util.List;
import xuanju.core.quota.Gender;
import xuanju.core.register.LeapDayBirthday;
import xuanju.core.register.Occupation;
import xuanju.core.register.PoliticalStatus;
import xuanju.core.register.Resident;
import xuanju.core.roster.ResidentId;
import xuanju.core.roster.ResidentIds;

/**
 * A person of the person register (居民名册中的一个人), as stored in the {@code person} table. Birth date
 * and gender come from the resident ID. Text fields are never null (empty when absent); ethnicity,
 * political status and occupation are null when unknown.
 *
 * @param organisationId the organisation whose officers keep the record (access is scoped by it)
 * @param unit 村 / 社区 / 单位
 * @param group 居民小组 / 村民小组 / 网格
 * @param household 户号 (household number), empty when unknown
 * @param residentId the full 18-character resident ID number (公民身份号码); personal data: show {@link
 *     #maskedResidentId()} unless an officer needs the full number
 * @param partyMemberId the person's entry in the party roster (党员名册), or null
 * @param tags extra identity tags (其他身份), sorted
 * @param diedOn the day of death (死亡日期), or null
 * @param version optimistic-lock version, for edits
 */
public record Person(
    long id,
    long organisationId,
    String unit,
    String group,
    String household,
    String name,
    String residentId,
    Gender gender,
    LocalDate birthDate,
    String ethnicity,
    String address,
    String hukouPlace,
    String residencePlace,
    String workplace,
    Long partyMemberId,
    PoliticalStatus politicalStatus,
    Occupation occupation,
    List<String> tags,
    LocalDate diedOn,
    int version) {

  private static final LocalDate FAR_FUTURE = LocalDate.of(9999, 12, 31);

  public Person {
    tags = List.copyOf(tags);
  }

  /** The ID number masked for lists: {@code 1506**********002X}. */
  public String maskedResidentId() {
    return ResidentIds.mask(residentId);
  }

  /**
   * The name with the masked ID, for messages and the audit log: {@code 张三（1506**********002X）}.
   */
  public String labelZh() {
    return name + "（" + maskedResidentId() + "）";
  }

  /** Whether no death is recorded on or before {@code day}. */
  public boolean aliveOn(LocalDate day) {
    return diedOn == null || diedOn.isAfter(day);
  }

  /** Age in full years (周岁) on {@code day}, 29 February births as 28 February. */
  public int ageOn(LocalDate day) {
    return resident().ageOn(day, LeapDayBirthday.FEB_28);
  }

  /** The tags as one text, {@code 基层一线、先进模范}. */
  public String tagsText() {
    return String.join("、", tags);
  }

  /** The core person (居民) for the register rules ({@code core.register}). */
  public Resident resident() {
    ResidentId id = ResidentIds.parse(residentId, FAR_FUTURE).orElseThrow();
    return Resident.builder(id, name)
        .ethnicity(ethnicity)
        .address(address)
        .hukouPlace(hukouPlace)
        .residencePlace(residencePlace)
        .group(group)
        .household(household)
        .workplace(workplace)
        .partyMemberId(partyMemberId == null ? "" : partyMemberId.toString())
        .politicalStatus(politicalStatus)
        .occupation(occupation)
        .tags(java.util.Set.copyOf(tags))
        .build();
  }
}
