package xuanju.core.register;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import xuanju.core.quota.Gender;
import xuanju.core.roster.Ethnicities;
import xuanju.core.roster.ResidentId;
import xuanju.core.roster.ResidentIds;
import xuanju.core.roster.Roster;
import xuanju.core.roster.RosterRule;
import xuanju.core.rule.Finding;
import xuanju.core.rule.Findings;
import xuanju.core.rule.InvalidInputException;

/**
 * Checks a person's input for the person register (居民信息校验), for forms and import rows: required
 * fields, lengths, allowed values, the resident ID (GB 11643, {@link ResidentIds}) and the
 * agreement of a given birth date and gender with it. Every finding names its field; an import
 * prefixes the row.
 */
public final class Residents {
  private Residents() {}

  private static final Pattern TAG_SPLIT = Pattern.compile("[,，、;；\\s]+");

  /** Checks one input as of {@code today} (a birth date after today is refused). */
  public static ResidentCheck validate(ResidentInput in, LocalDate today) {
    List<Finding> out = new ArrayList<>();
    for (ResidentField f : ResidentField.values()) {
      if (f.required() && in.get(f).isBlank()) {
        out.add(Finding.of(RegisterRule.FIELD_REQUIRED, f.key(), f.labelZh() + "必填，不能为空"));
      }
    }
    ResidentId id = null;
    String rawId = in.get(ResidentField.RESIDENT_ID);
    if (!rawId.isBlank()) {
      List<Finding> idFindings = ResidentIds.check(rawId, today, ResidentField.RESIDENT_ID.key());
      out.addAll(idFindings);
      if (idFindings.isEmpty()) {
        id = ResidentIds.parse(rawId, today).orElseThrow();
      }
    }
    Gender gender = null;
    String g = in.get(ResidentField.GENDER);
    if (!g.isBlank()) {
      gender = Gender.parse(g).orElse(null);
      if (gender == null) {
        out.add(notAllowed(ResidentField.GENDER, g, "男、女"));
      }
    }
    LocalDate birth = null;
    String b = in.get(ResidentField.BIRTH_DATE);
    if (!b.isBlank()) {
      birth = Roster.parseDate(b).orElse(null);
      if (birth == null) {
        out.add(notAllowed(ResidentField.BIRTH_DATE, b, "如2020-01-02或2020/1/2的日期"));
      }
    }
    if (id != null && birth != null && !birth.equals(id.birthDate())) {
      out.add(
          new Finding(
              RosterRule.ID_BIRTH_MISMATCH,
              List.of(ResidentField.RESIDENT_ID.key(), ResidentField.BIRTH_DATE.key()),
              Map.of("birthDate", birth.toString(), "idBirthDate", id.birthDate().toString()),
              "出生日期" + birth + "与号码中的出生日期" + id.birthDate() + "不一致"));
    }
    if (id != null && gender != null && gender != id.gender()) {
      out.add(
          new Finding(
              RosterRule.ID_GENDER_MISMATCH,
              List.of(ResidentField.RESIDENT_ID.key(), ResidentField.GENDER.key()),
              Map.of("gender", gender.labelZh(), "idGender", id.gender().labelZh()),
              "性别填写为“" + gender.labelZh() + "”，但号码第17位表示“" + id.gender().labelZh() + "”"));
    }
    String name = in.get(ResidentField.NAME).strip();
    if (name.codePointCount(0, name.length()) > Resident.NAME_MAX) {
      out.add(tooLong(ResidentField.NAME, Resident.NAME_MAX));
    }
    for (ResidentField f :
        List.of(
            ResidentField.ADDRESS,
            ResidentField.HUKOU_PLACE,
            ResidentField.RESIDENCE_PLACE,
            ResidentField.GROUP,
            ResidentField.WORKPLACE)) {
      String v = in.get(f).strip();
      if (v.codePointCount(0, v.length()) > Resident.TEXT_MAX) {
        out.add(tooLong(f, Resident.TEXT_MAX));
      }
    }
    String household = in.get(ResidentField.HOUSEHOLD).strip();
    if (household.codePointCount(0, household.length()) > Resident.HOUSEHOLD_MAX) {
      out.add(tooLong(ResidentField.HOUSEHOLD, Resident.HOUSEHOLD_MAX));
    }
    String eth = in.get(ResidentField.ETHNICITY);
    if (!eth.isBlank() && Ethnicities.parse(eth).isEmpty()) {
      out.add(notAllowed(ResidentField.ETHNICITY, eth, "如“汉族”“蒙古族”的民族名称"));
    }
    PoliticalStatus ps = null;
    String p = in.get(ResidentField.POLITICAL_STATUS);
    if (!p.isBlank()) {
      ps = PoliticalStatus.parse(p).orElse(null);
      if (ps == null) {
        out.add(notAllowed(ResidentField.POLITICAL_STATUS, p, labels(PoliticalStatus.values())));
      }
    }
    Occupation occ = null;
    String o = in.get(ResidentField.OCCUPATION);
    if (!o.isBlank()) {
      occ = Occupation.parse(o).orElse(null);
      if (occ == null) {
        out.add(notAllowed(ResidentField.OCCUPATION, o, labels(Occupation.values())));
      }
    }
    Set<String> tags = new LinkedHashSet<>();
    for (String t : TAG_SPLIT.split(in.get(ResidentField.TAGS).strip())) {
      if (!t.isEmpty()) {
        tags.add(t);
      }
    }
    Findings findings = Findings.of(out);
    if (!findings.ok()) {
      return new ResidentCheck(Optional.empty(), findings);
    }
    try {
      Resident r =
          Resident.builder(id, name)
              .ethnicity(eth)
              .address(in.get(ResidentField.ADDRESS))
              .hukouPlace(in.get(ResidentField.HUKOU_PLACE))
              .residencePlace(in.get(ResidentField.RESIDENCE_PLACE))
              .group(in.get(ResidentField.GROUP))
              .household(household)
              .workplace(in.get(ResidentField.WORKPLACE))
              .politicalStatus(ps)
              .occupation(occ)
              .tags(tags)
              .build();
      return new ResidentCheck(Optional.of(r), findings);
    } catch (InvalidInputException e) {
      List<Finding> all = new ArrayList<>(out);
      all.add(Finding.of(RegisterRule.FIELD_NOT_ALLOWED, e.field(), e.getMessage()));
      return new ResidentCheck(Optional.empty(), Findings.of(all));
    }
  }

  private static Finding notAllowed(ResidentField f, String value, String allowed) {
    return new Finding(
        RegisterRule.FIELD_NOT_ALLOWED,
        List.of(f.key()),
        Map.of("value", value.strip()),
        f.labelZh() + "「" + value.strip() + "」无法识别，应填写" + allowed);
  }

  private static Finding tooLong(ResidentField f, int max) {
    return Finding.of(RegisterRule.FIELD_TOO_LONG, f.key(), f.labelZh() + "不能超过" + max + "个字");
  }

  private static String labels(Enum<?>[] values) {
    return String.join(
        "、",
        Arrays.stream(values)
            .map(v -> v instanceof Occupation oc ? oc.labelZh() : ((PoliticalStatus) v).labelZh())
            .toList());
  }
}
