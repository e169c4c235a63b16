package xuanju.core.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import xuanju.core.quota.Gender;
import xuanju.core.rule.Finding;

/** Checks of a member's input (ROSTER.FIELD.*, ROSTER.ID.*_MISMATCH, ROSTER.JOIN.*). */
class RosterTest {
  static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

  static MemberInput good() {
    return new MemberInput(
        "王秀英",
        "女",
        "汉族",
        "1949-12-31",
        "11010519491231002X",
        "大学本科",
        "1975-07-01",
        "正式党员",
        "正常",
        "13800138000");
  }

  @Test
  void aGoodInputGivesTheMember() {
    MemberCheck c = Roster.validate(good(), TODAY);
    assertThat(c.findings().all()).isEmpty();
    Member m = c.member().orElseThrow();
    assertThat(m.gender()).isEqualTo(Gender.FEMALE);
    assertThat(m.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
    assertThat(m.education()).isEqualTo(Education.BACHELOR);
    assertThat(m.membership()).isEqualTo(Membership.FULL);
    assertThat(m.status()).isEqualTo(MemberStatus.NORMAL);
    assertThat(m.maskedResidentId()).isEqualTo("1101**********002X");
    // and back to text and through the check again gives the same member
    assertThat(Roster.validate(m.toInput(), TODAY).member()).contains(m);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "巴特尔·额尔敦|巴特尔·额尔敦",
        "斯琴•高娃|斯琴•高娃",
        "阿拉坦 其其格|阿拉坦 其其格",
        "阿拉坦　其其格|阿拉坦 其其格",
        "'  阿拉坦 \t  其其格 '|阿拉坦 其其格",
        "娜仁,图雅|娜仁,图雅",
        "乌兰，其木格|乌兰，其木格",
        "哈斯、巴根|哈斯、巴根"
      })
  void namesAreKeptAsWrittenWithOneSpaceBetweenParts(String written, String kept) {
    MemberInput g = good();
    MemberCheck c =
        Roster.validate(
            new MemberInput(
                written,
                g.gender(),
                g.ethnicity(),
                g.birthDate(),
                g.residentId(),
                g.education(),
                g.joinDate(),
                g.membership(),
                g.status(),
                g.phone()),
            TODAY);
    assertThat(c.findings().errors()).isEmpty();
    assertThat(c.member().orElseThrow().name()).isEqualTo(kept);
  }

  @ParameterizedTest
  @CsvSource({
    "2020-01-02, 2020-01-02",
    "2020/1/2, 2020-01-02",
    "2020.1.2, 2020-01-02",
    "2020年1月2日, 2020-01-02",
    "20200102, 2020-01-02",
    "2020-01-02 00:00:00, 2020-01-02",
    "２０２０-０１-０２, 2020-01-02"
  })
  void datesInTheCommonForms(String text, LocalDate expected) {
    assertThat(Roster.parseDate(text)).contains(expected);
  }

  @ParameterizedTest
  @CsvSource({"2020-02-30", "2020-13-01", "1/2/2020", "明年", "2020-1"})
  void impossibleOrUnknownDates(String text) {
    assertThat(Roster.parseDate(text)).isEmpty();
  }

  @Test
  void roster_field_required_everyMissingRequiredFieldIsNamed() {
    MemberCheck c = Roster.validate(new MemberInput("", "", "", "", "", "", "", "", "", ""), TODAY);
    assertThat(c.member()).isEmpty();
    assertThat(c.findings().errors())
        .extracting(f -> f.fields().get(0))
        .containsExactlyInAnyOrder(
            "name",
            "gender",
            "ethnicity",
            "birthDate",
            "residentId",
            "education",
            "joinDate",
            "membership");
    assertThat(c.findings().codes()).containsOnly("ROSTER.FIELD.REQUIRED");
  }

  @Test
  void statusDefaultsToNormalAndPhoneIsOptional() {
    MemberInput in = good();
    in =
        new MemberInput(
            in.name(),
            in.gender(),
            in.ethnicity(),
            in.birthDate(),
            in.residentId(),
            in.education(),
            in.joinDate(),
            "预备",
            "",
            "");
    MemberCheck c = Roster.validate(in, TODAY);
    // a probationary member who joined in 1975 is flagged (probation is one year)
    assertThat(c.findings().codes()).containsExactly("ROSTER.PROBATION.OVERDUE");
    assertThat(c.member().orElseThrow().status()).isEqualTo(MemberStatus.NORMAL);
    assertThat(c.member().orElseThrow().membership()).isEqualTo(Membership.PROBATIONARY);
    assertThat(c.member().orElseThrow().phone()).isEmpty();
  }

  @Test
  void roster_field_not_allowed_listsTheAllowedValues() {
    MemberInput g = good();
    MemberCheck c =
        Roster.validate(
            new MemberInput(
                g.name(),
                "未知",
                "火星族",
                g.birthDate(),
                g.residentId(),
                "幼儿园",
                g.joinDate(),
                "正式党员",
                "休眠",
                g.phone()),
            TODAY);
    assertThat(c.findings().codes()).containsOnly("ROSTER.FIELD.NOT_ALLOWED").hasSize(4);
    assertThat(c.on(RosterField.EDUCATION).get(0).messageZh())
        .isEqualTo("「幼儿园」不是允许的值，应为：研究生、大学本科、大学专科、中专、高中、初中及以下");
    assertThat(c.on(RosterField.STATUS).get(0).messageZh()).contains("留党察看");
  }

  @Test
  void shortFormsAreAccepted() {
    MemberInput g = good();
    Member m =
        Roster.validate(
                new MemberInput(
                    g.name(),
                    "女",
                    "蒙古",
                    g.birthDate(),
                    g.residentId(),
                    "本科",
                    g.joinDate(),
                    "正式",
                    "被留置",
                    ""),
                TODAY)
            .member()
            .orElseThrow();
    assertThat(m.ethnicity()).isEqualTo("蒙古族");
    assertThat(m.education()).isEqualTo(Education.BACHELOR);
    assertThat(m.status()).isEqualTo(MemberStatus.DETAINED);
  }

  @Test
  void roster_id_birth_mismatch() {
    MemberInput g = good();
    MemberCheck c =
        Roster.validate(
            new MemberInput(
                g.name(),
                g.gender(),
                g.ethnicity(),
                "1949/12/30",
                g.residentId(),
                g.education(),
                g.joinDate(),
                g.membership(),
                g.status(),
                g.phone()),
            TODAY);
    assertThat(c.findings().codes()).containsExactly("ROSTER.ID.BIRTH_MISMATCH");
    assertThat(c.findings().errors().get(0).fields()).containsExactly("residentId", "birthDate");
    assertThat(c.findings().errors().get(0).messageZh())
        .isEqualTo("出生日期1949-12-30与号码中的出生日期1949-12-31不一致");
  }

  @Test
  void roster_id_gender_mismatch() {
    MemberInput g = good();
    MemberCheck c =
        Roster.validate(
            new MemberInput(
                g.name(),
                "男",
                g.ethnicity(),
                g.birthDate(),
                g.residentId(),
                g.education(),
                g.joinDate(),
                g.membership(),
                g.status(),
                g.phone()),
            TODAY);
    assertThat(c.findings().codes()).containsExactly("ROSTER.ID.GENDER_MISMATCH");
    assertThat(c.findings().errors().get(0).messageZh()).contains("第17位为2").contains("应为“女”");
  }

  @Test
  void roster_join_future_and_before_birth() {
    MemberInput g = good();
    assertThat(Roster.validate(withJoin(g, "2026-03-02"), TODAY).findings().codes())
        .containsExactly("ROSTER.JOIN.FUTURE");
    assertThat(Roster.validate(withJoin(g, "2026-03-01"), TODAY).findings().codes())
        .containsExactly("ROSTER.FULL.WITHIN_ONE_YEAR");
    assertThat(Roster.validate(withJoin(g, "1940-01-01"), TODAY).findings().codes())
        .containsExactly("ROSTER.JOIN.BEFORE_BIRTH");
  }

  /** 入党 one day before the 18th birthday warns; on the birthday it does not. */
  @Test
  void roster_join_under_18_isAWarningOnly() {
    MemberInput g = good();
    MemberCheck early = Roster.validate(withJoin(g, "1967-12-30"), TODAY);
    assertThat(early.findings().errors()).isEmpty();
    assertThat(early.findings().warnings())
        .extracting(Finding::code)
        .containsExactly("ROSTER.JOIN.UNDER_18");
    assertThat(early.member()).isPresent();
    assertThat(Roster.validate(withJoin(g, "1967-12-31"), TODAY).findings().all()).isEmpty();
  }

  @Test
  void roster_import_example_row() {
    MemberInput g = good();
    MemberCheck c =
        Roster.validate(
            new MemberInput(
                "【示例】张三",
                g.gender(),
                g.ethnicity(),
                g.birthDate(),
                g.residentId(),
                g.education(),
                g.joinDate(),
                g.membership(),
                g.status(),
                g.phone()),
            TODAY);
    assertThat(c.findings().codes()).containsExactly("ROSTER.IMPORT.EXAMPLE_ROW");
  }

  @ParameterizedTest
  @CsvSource({
    "13800138000, true",
    "0471-1234567, true",
    "047112345678, true",
    "12345, false",
    "138001380001, false",
    "电话, false"
  })
  void roster_field_phone(String phone, boolean ok) {
    MemberInput g = good();
    MemberCheck c =
        Roster.validate(
            new MemberInput(
                g.name(),
                g.gender(),
                g.ethnicity(),
                g.birthDate(),
                g.residentId(),
                g.education(),
                g.joinDate(),
                g.membership(),
                g.status(),
                phone),
            TODAY);
    assertThat(c.ok()).isEqualTo(ok);
    if (!ok) {
      assertThat(c.findings().codes()).containsExactly("ROSTER.FIELD.PHONE");
    }
  }

  @Test
  void headersAreMatchedLeniently() {
    assertThat(RosterField.byHeader("出生日期（2020-01-02）")).contains(RosterField.BIRTH_DATE);
    assertThat(RosterField.byHeader(" 姓名* ")).contains(RosterField.NAME);
    assertThat(RosterField.byHeader("备注")).isEqualTo(Optional.empty());
  }

  private static MemberInput withJoin(MemberInput g, String join) {
    return new MemberInput(
        g.name(),
        g.gender(),
        g.ethnicity(),
        g.birthDate(),
        g.residentId(),
        g.education(),
        join,
        g.membership(),
        g.status(),
        g.phone());
  }
}
