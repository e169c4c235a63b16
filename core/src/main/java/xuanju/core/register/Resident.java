package xuanju.core.register;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import xuanju.core.quota.Gender;
import xuanju.core.quota.Person;
import xuanju.core.roster.Ethnicities;
import xuanju.core.roster.ResidentId;
import xuanju.core.roster.ResidentIds;
import xuanju.core.rule.InvalidInputException;

/**
 * A person of the person register (居民/选民), separate from the party roster. The birth date and
 * gender come from the resident ID (GB 11643), never typed separately.
 *
 * <p>Text fields are stripped; absent text is the empty string. Unknown ethnicity, political status
 * or occupation is {@code null}: composition quotas then report the person as missing data.
 *
 * @param id the validated resident ID (公民身份号码), from {@link ResidentIds#parse}
 * @param name 姓名, at most {@link #NAME_MAX} characters
 * @param ethnicity 民族, canonical ({@code 汉族}, {@code 蒙古族}; short forms accepted), or null if
 *     unknown
 * @param address 住址
 * @param hukouPlace 户籍地 (household-registration place)
 * @param residencePlace 现居住地 (where the person actually lives)
 * @param group 居民小组 / 村民小组 / 网格
 * @param household 户号 (household number in the 户籍/居住 records), empty if unknown; at most {@link
 *     #HOUSEHOLD_MAX} characters
 * @param workplace 工作单位, empty if none
 * @param partyMemberId the id of the person's entry in the party roster (党员名册), empty if none
 * @param politicalStatus 政治面貌, or null if unknown
 * @param occupation 身份/职业类别, or null if unknown
 * @param tags extra identity tags for composition quotas, e.g. {@code 基层一线}, {@code 先进模范}, {@code
 *     归侨}
 */
public record Resident(
    ResidentId id,
    String name,
    String ethnicity,
    String address,
    String hukouPlace,
    String residencePlace,
    String group,
    String household,
    String workplace,
    String partyMemberId,
    PoliticalStatus politicalStatus,
    Occupation occupation,
    Set<String> tags) {

  /** The longest name accepted (characters). */
  public static final int NAME_MAX = 50;

  /** The longest address, place, group or workplace accepted (characters). */
  public static final int TEXT_MAX = 200;

  /** The longest 户号 accepted (characters). */
  public static final int HOUSEHOLD_MAX = 50;

  private static final Pattern SPACES = Pattern.compile("\\s+");

  public Resident {
    if (id == null) {
      throw new InvalidInputException("residentId", "公民身份号码不能为空");
    }
    name = name == null ? "" : collapseSpaces(name.strip());
    if (name.isEmpty()) {
      throw new InvalidInputException("name", "姓名不能为空（" + id.masked() + "）");
    }
    if (name.codePointCount(0, name.length()) > NAME_MAX) {
      throw new InvalidInputException("name", "姓名不能超过" + NAME_MAX + "个字");
    }
    if (ethnicity != null && !ethnicity.isBlank()) {
      String raw = ethnicity;
      ethnicity =
          Ethnicities.parse(raw)
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "ethnicity", "「" + raw.strip() + "」不是有效的民族名称，应填写如“汉族”“蒙古族”"));
    } else {
      ethnicity = null;
    }
    address = text("address", address);
    hukouPlace = text("hukouPlace", hukouPlace);
    residencePlace = text("residencePlace", residencePlace);
    group = text("group", group);
    household = household == null ? "" : household.strip();
    if (household.codePointCount(0, household.length()) > HOUSEHOLD_MAX) {
      throw new InvalidInputException("household", "户号不能超过" + HOUSEHOLD_MAX + "个字（" + name + "）");
    }
    workplace = text("workplace", workplace);
    partyMemberId = partyMemberId == null ? "" : partyMemberId.strip();
    if (!partyMemberId.isEmpty() && politicalStatus != null && !politicalStatus.cpc()) {
      throw new InvalidInputException(
          "partyMemberId", name + "关联了党员名册，但政治面貌填写为“" + politicalStatus.labelZh() + "”，两者矛盾");
    }
    tags = tags == null || tags.isEmpty() ? Set.of() : cleanTags(tags);
  }

  private static Set<String> cleanTags(Set<String> tags) {
    Set<String> t = new TreeSet<>();
    for (String s : tags) {
      if (s == null || s.isBlank()) {
        throw new InvalidInputException("tags", "身份标签不能为空");
      }
      t.add(s.strip());
    }
    return Set.copyOf(t);
  }

  /** Runs of whitespace as one space; the regular expression only where there is any. */
  private static String collapseSpaces(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        return SPACES.matcher(s).replaceAll(" ");
      }
    }
    return s;
  }

  private static String text(String field, String value) {
    String v = value == null ? "" : value.strip();
    if (v.codePointCount(0, v.length()) > TEXT_MAX) {
      throw new InvalidInputException(field, "不能超过" + TEXT_MAX + "个字");
    }
    return v;
  }

  /** A builder for the optional fields. */
  public static Builder builder(ResidentId id, String name) {
    return new Builder(id, name);
  }

  /** The 18-character resident ID number. */
  public String idNumber() {
    return id.value();
  }

  /** 出生日期, from the resident ID. */
  public LocalDate birthDate() {
    return id.birthDate();
  }

  /** 性别, from the resident ID. */
  public Gender gender() {
    return id.gender();
  }

  /** The name with the masked ID, for messages and lists: {@code 张三（1101**********002X）}. */
  public String labelZh() {
    return name + "（" + id.masked() + "）";
  }

  /** Age in full years (周岁) on {@code day}; 29 February births per {@code rule}. */
  public int ageOn(LocalDate day, LeapDayBirthday rule) {
    return Ages.fullYears(birthDate(), day, rule);
  }

  /**
   * Whether the person is a CPC member: from the political status when known, else true when linked
   * to the party roster, else null (unknown).
   */
  public Boolean partyMember() {
    if (politicalStatus != null) {
      return politicalStatus.cpc();
    }
    return partyMemberId.isEmpty() ? null : Boolean.TRUE;
  }

  /** Whether the person is of an ethnic minority (少数民族); null when unknown. */
  public Boolean minority() {
    return ethnicity == null ? null : !ethnicity.equals(Person.HAN);
  }

  /** The identity tags for composition quotas: the occupation's tags and the extra tags. */
  public Set<String> quotaTags() {
    Set<String> out = new LinkedHashSet<>();
    if (occupation != null) {
      out.addAll(occupation.quotaTags());
    }
    out.addAll(tags);
    return Set.copyOf(out);
  }

  /**
   * The person for composition quotas (结构比例检查), identified by the resident ID number: 妇女 from the
   * gender, 少数民族 from the ethnicity, 非中共 from {@link #partyMember()}, ages from the birth date,
   * identity tags from {@link #quotaTags()}.
   */
  public Person toQuotaPerson() {
    return toQuotaPerson(idNumber());
  }

  /** The person for composition quotas under the caller's own id (e.g. a database key). */
  public Person toQuotaPerson(String personId) {
    return new Person(personId, name, gender(), birthDate(), ethnicity, partyMember(), quotaTags());
  }

  /** Builds a {@link Resident}; every optional field starts empty or unknown. */
  public static final class Builder {
    private final ResidentId id;
    private final String name;
    private String ethnicity;
    private String address;
    private String hukouPlace;
    private String residencePlace;
    private String group;
    private String household;
    private String workplace;
    private String partyMemberId;
    private PoliticalStatus politicalStatus;
    private Occupation occupation;
    private Set<String> tags = Set.of();

    private Builder(ResidentId id, String name) {
      this.id = Objects.requireNonNull(id, "id");
      this.name = name;
    }

    public Builder ethnicity(String v) {
      ethnicity = v;
      return this;
    }

    public Builder address(String v) {
      address = v;
      return this;
    }

    public Builder hukouPlace(String v) {
      hukouPlace = v;
      return this;
    }

    public Builder residencePlace(String v) {
      residencePlace = v;
      return this;
    }

    public Builder group(String v) {
      group = v;
      return this;
    }

    /** 户号. */
    public Builder household(String v) {
      household = v;
      return this;
    }

    public Builder workplace(String v) {
      workplace = v;
      return this;
    }

    public Builder partyMemberId(String v) {
      partyMemberId = v;
      return this;
    }

    public Builder politicalStatus(PoliticalStatus v) {
      politicalStatus = v;
      return this;
    }

    public Builder occupation(Occupation v) {
      occupation = v;
      return this;
    }

    public Builder tags(Set<String> v) {
      tags = v;
      return this;
    }

    public Resident build() {
      return new Resident(
          id,
          name,
          ethnicity,
          address,
          hukouPlace,
          residencePlace,
          group,
          household,
          workplace,
          partyMemberId,
          politicalStatus,
          occupation,
          tags);
    }
  }
}
