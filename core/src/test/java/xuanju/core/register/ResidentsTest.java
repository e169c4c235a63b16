package xuanju.core.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import xuanju.core.rule.Finding;

/** Checking a form or import row of the person register. */
class ResidentsTest {
  static final LocalDate TODAY = LocalDate.of(2026, 9, 1);
  final String id = People.idNumber(LocalDate.of(1988, 8, 8), 7, false);

  ResidentInput row(Map<ResidentField, String> v) {
    return new ResidentInput(v);
  }

  Map<ResidentField, String> good() {
    Map<ResidentField, String> v = new EnumMap<>(ResidentField.class);
    v.put(ResidentField.NAME, "其其格");
    v.put(ResidentField.RESIDENT_ID, id.toLowerCase());
    v.put(ResidentField.GENDER, "女");
    v.put(ResidentField.BIRTH_DATE, "1988年8月8日");
    v.put(ResidentField.ETHNICITY, "蒙古");
    v.put(ResidentField.GROUP, "二组");
    v.put(ResidentField.POLITICAL_STATUS, "群众");
    v.put(ResidentField.OCCUPATION, "农牧民");
    v.put(ResidentField.TAGS, "基层一线、先进模范");
    return v;
  }

  @Test
  void goodRowGivesTheResident() {
    ResidentCheck c = Residents.validate(row(good()), TODAY);
    assertThat(c.ok()).isTrue();
    Resident r = c.resident().orElseThrow();
    assertThat(r.idNumber()).isEqualTo(id);
    assertThat(r.ethnicity()).isEqualTo("蒙古族");
    assertThat(r.occupation()).isEqualTo(Occupation.FARMER);
    assertThat(r.quotaTags()).contains("农民", "农牧民", "基层一线", "先进模范");
    assertThat(r.group()).isEqualTo("二组");
  }

  @Test
  void everyProblemIsReportedNamingItsField() {
    Map<ResidentField, String> v = good();
    v.put(ResidentField.NAME, "");
    v.put(ResidentField.GENDER, "男");
    v.put(ResidentField.BIRTH_DATE, "1988-08-09");
    v.put(ResidentField.OCCUPATION, "宇航员");
    v.put(ResidentField.ETHNICITY, "火星族");
    ResidentCheck c = Residents.validate(row(v), TODAY);
    assertThat(c.ok()).isFalse();
    assertThat(c.resident()).isEmpty();
    assertThat(c.findings().errors())
        .extracting(Finding::code)
        .containsExactlyInAnyOrder(
            "REGISTER.FIELD.REQUIRED",
            "ROSTER.ID.GENDER_MISMATCH",
            "ROSTER.ID.BIRTH_MISMATCH",
            "REGISTER.FIELD.NOT_ALLOWED",
            "REGISTER.FIELD.NOT_ALLOWED");
    assertThat(c.on(ResidentField.OCCUPATION).get(0).messageZh())
        .contains("宇航员")
        .contains("工人、农民、专业技术人员");
    assertThat(c.on(ResidentField.NAME).get(0).messageZh()).isEqualTo("姓名必填，不能为空");
  }

  @Test
  void badResidentIdUsesTheGb11643Checks() {
    Map<ResidentField, String> v = good();
    v.put(ResidentField.RESIDENT_ID, id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1'));
    ResidentCheck c = Residents.validate(row(v), TODAY);
    assertThat(c.findings().codes()).contains("ROSTER.ID.CHECKSUM");
    assertThat(c.on(ResidentField.RESIDENT_ID)).isNotEmpty();
  }

  @Test
  void headersAreRecognised() {
    assertThat(ResidentField.byHeader("公民身份号码*")).contains(ResidentField.RESIDENT_ID);
    assertThat(ResidentField.byHeader("网格")).contains(ResidentField.GROUP);
    assertThat(ResidentField.byHeader("出生日期（2020-01-02）")).contains(ResidentField.BIRTH_DATE);
    assertThat(ResidentField.byHeader("备注")).isEmpty();
    assertThat(new ResidentInput(Map.of()).isBlank()).isTrue();
  }

  @Test
  void householdHeadersAreRecognised() {
    assertThat(ResidentField.byHeader("户号")).contains(ResidentField.HOUSEHOLD);
    assertThat(ResidentField.byHeader("户编号")).contains(ResidentField.HOUSEHOLD);
    assertThat(ResidentField.byHeader(" 户口簿编号 * ")).contains(ResidentField.HOUSEHOLD);
    assertThat(ResidentField.byHeader("户号（户口簿首页）")).contains(ResidentField.HOUSEHOLD);
    assertThat(ResidentField.byHeader("户号[选填]")).contains(ResidentField.HOUSEHOLD);
    assertThat(ResidentField.byHeader("户号*")).contains(ResidentField.HOUSEHOLD);
    assertThat(ResidentField.byHeader("户编号(选填)")).contains(ResidentField.HOUSEHOLD);
    assertThat(ResidentField.byHeader("户主")).isEmpty();
    assertThat(ResidentField.HOUSEHOLD.labelZh()).isEqualTo("户号");
    assertThat(ResidentField.HOUSEHOLD.required()).isFalse();
  }

  @Test
  void householdIsStrippedAndEmptyWhenAbsent() {
    Map<ResidentField, String> v = good();
    v.put(ResidentField.HOUSEHOLD, "  0301 0012 ");
    Resident r = Residents.validate(row(v), TODAY).resident().orElseThrow();
    assertThat(r.household()).isEqualTo("0301 0012");
    assertThat(Residents.validate(row(good()), TODAY).resident().orElseThrow().household())
        .isEmpty();
  }

  @Test
  void householdOfMoreThanFiftyCharactersIsRefusedNamingIt() {
    Map<ResidentField, String> v = good();
    v.put(ResidentField.HOUSEHOLD, "户".repeat(Resident.HOUSEHOLD_MAX));
    assertThat(Residents.validate(row(v), TODAY).ok()).isTrue();
    v.put(ResidentField.HOUSEHOLD, "户".repeat(Resident.HOUSEHOLD_MAX + 1));
    ResidentCheck c = Residents.validate(row(v), TODAY);
    assertThat(c.ok()).isFalse();
    assertThat(c.resident()).isEmpty();
    assertThat(c.on(ResidentField.HOUSEHOLD)).hasSize(1);
    Finding f = c.on(ResidentField.HOUSEHOLD).get(0);
    assertThat(f.code()).isEqualTo(RegisterRule.FIELD_TOO_LONG.code());
    assertThat(f.messageZh()).isEqualTo("户号不能超过50个字");
  }
}
