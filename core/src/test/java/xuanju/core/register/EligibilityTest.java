package xuanju.core.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static xuanju.core.register.People.resident;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import xuanju.core.rule.Finding;
import xuanju.core.rule.InvalidInputException;

/** Worked examples of 选民资格 on election day, by hand. */
class EligibilityTest {
  static final LocalDate D = LocalDate.of(2026, 11, 20);

  @Test
  void eighteenthBirthdayOnElectionDayIsEligible() {
    Resident r = resident("李明", LocalDate.of(2008, 11, 20));
    EligibilityResult e = Eligibility.decide(r, LegalStatus.none(), D);
    assertThat(e.eligible()).isTrue();
    assertThat(e.code()).isEqualTo("REGISTER.ELIGIBILITY.ELIGIBLE");
    assertThat(e.ageOnElectionDay()).isEqualTo(18);
    assertThat(e.eighteenthBirthday()).isEqualTo(D);
    assertThat(e.messageZh()).contains("李明").contains("当日年满十八周岁").contains("第四条");
    assertThat(e.findings().all()).hasSize(1);
  }

  @Test
  void seventeenYearOldIsRefusedWithPersonDatesAndArticle() {
    Resident r = resident("王小红", LocalDate.of(2008, 11, 21), 3, false);
    EligibilityResult e = Eligibility.decide(r, LegalStatus.none(), D);
    assertThat(e.eligible()).isFalse();
    assertThat(e.status()).isEqualTo(EligibilityResult.Status.UNDER_18);
    assertThat(e.code()).isEqualTo("REGISTER.ELIGIBILITY.UNDER_18");
    assertThat(e.ageOnElectionDay()).isEqualTo(17);
    Finding f = e.reason();
    assertThat(f.severity()).isEqualTo(xuanju.core.rule.Severity.ERROR);
    assertThat(f.facts())
        .containsEntry("eighteenthBirthday", "2026-11-21")
        .containsEntry("electionDay", "2026-11-20")
        .containsEntry("ageOnElectionDay", 17)
        .containsEntry("daysShort", 1L);
    assertThat(e.messageZh())
        .startsWith("王小红（1506**********")
        .contains("2026-11-21年满十八周岁")
        .contains("选举日2026-11-20时为17周岁")
        .contains("没有选举权")
        .contains("《全国人民代表大会和地方各级人民代表大会选举法（2020）》第四条");
    assertThat(e.messageZh()).doesNotContain(r.idNumber());
  }

  @Test
  void leapDayBirthIsEighteenOnTwentyEighthFebruaryByDefault() {
    Resident r = resident("赵闰", LocalDate.of(2008, 2, 29));
    LocalDate feb28 = LocalDate.of(2026, 2, 28);
    EligibilityResult byDefault = Eligibility.decide(r, LegalStatus.none(), feb28);
    assertThat(byDefault.eligible()).isTrue();
    assertThat(byDefault.findings().codes()).contains("REGISTER.ELIGIBILITY.LEAP_DAY_BIRTH");
    assertThat(byDefault.findings().notices())
        .filteredOn(f -> f.rule() == RegisterRule.LEAP_DAY_BIRTH)
        .singleElement()
        .satisfies(f -> assertThat(f.messageZh()).contains("2月28日").contains("须法律审核"));

    EligibilityResult march =
        Eligibility.decide(r, LegalStatus.none(), feb28, LeapDayBirthday.MAR_1);
    assertThat(march.status()).isEqualTo(EligibilityResult.Status.UNDER_18);
    assertThat(march.eighteenthBirthday()).isEqualTo(LocalDate.of(2026, 3, 1));

    assertThat(Eligibility.decide(r, LegalStatus.none(), feb28.minusDays(1)).eligible()).isFalse();
  }

  @Test
  void deprivedOnElectionDayIsExcludedWithLegalBasis() {
    Resident r = resident("钱某", LocalDate.of(1980, 5, 1));
    Deprivation d =
        new Deprivation("（2023）蒙0626刑初45号刑事判决书", "乌审旗人民法院", LocalDate.of(2023, 6, 1), D);
    EligibilityResult e = Eligibility.decide(r, LegalStatus.deprived(d), D);
    assertThat(e.status()).isEqualTo(EligibilityResult.Status.DEPRIVED);
    assertThat(e.code()).isEqualTo("REGISTER.ELIGIBILITY.DEPRIVED");
    assertThat(e.messageZh())
        .contains("乌审旗人民法院（2023）蒙0626刑初45号刑事判决书")
        .contains("2023-06-01至2026-11-20")
        .contains("第四条第二款");
    assertThat(e.reason().facts()).containsEntry("until", "2026-11-20");

    Deprivation ended = new Deprivation("判决书", "", LocalDate.of(2023, 6, 1), D.minusDays(1));
    assertThat(Eligibility.decide(r, LegalStatus.deprived(ended), D).eligible()).isTrue();

    Deprivation life = new Deprivation("判决书", "", LocalDate.of(2010, 1, 1), null);
    EligibilityResult forLife = Eligibility.decide(r, LegalStatus.deprived(life), D);
    assertThat(forLife.eligible()).isFalse();
    assertThat(forLife.messageZh()).contains("2010-01-01起终身");

    Deprivation future = new Deprivation("判决书", "", D.plusDays(1), null);
    assertThat(Eligibility.decide(r, LegalStatus.deprived(future), D).eligible()).isTrue();
  }

  @Test
  void incapacityNeedsTheCommitteesConfirmation() {
    Resident r = resident("孙某", LocalDate.of(1970, 1, 1));
    Incapacity reported =
        Incapacity.reported("精神病患者，不能表达本人意志", Incapacity.Evidence.HOSPITAL_CERTIFICATE);
    EligibilityResult e1 = Eligibility.decide(r, LegalStatus.incapable(reported), D);
    assertThat(e1.eligible()).isTrue();
    assertThat(e1.findings().warnings())
        .extracting(Finding::code)
        .containsExactly("REGISTER.ELIGIBILITY.INCAPACITY_UNCONFIRMED");

    Incapacity confirmed =
        Incapacity.confirmed(
            "精神病患者，不能表达本人意志",
            Incapacity.Evidence.HOSPITAL_CERTIFICATE,
            LocalDate.of(2026, 10, 10),
            "昂选委〔2026〕3号");
    EligibilityResult e2 = Eligibility.decide(r, LegalStatus.incapable(confirmed), D);
    assertThat(e2.status()).isEqualTo(EligibilityResult.Status.INCAPACITY);
    assertThat(e2.messageZh())
        .contains("精神病患者，不能表达本人意志")
        .contains("医院证明")
        .contains("2026-10-10确认（昂选委〔2026〕3号）")
        .contains("不列入选民名单")
        .contains("第二十七条第二款");
    assertThat(e2.findings().warnings()).isEmpty();

    Incapacity noEvidence =
        Incapacity.confirmed("不能行使选举权利", null, LocalDate.of(2026, 10, 10), "纪要第3号");
    assertThat(Eligibility.decide(r, LegalStatus.incapable(noEvidence), D).findings().codes())
        .contains("REGISTER.ELIGIBILITY.INCAPACITY", "REGISTER.ELIGIBILITY.INCAPACITY_EVIDENCE");

    Incapacity confirmedAfter =
        Incapacity.confirmed("x", Incapacity.Evidence.GUARDIAN_CONSENT, D.plusDays(1), "纪要");
    assertThat(Eligibility.decide(r, LegalStatus.incapable(confirmedAfter), D).eligible()).isTrue();

    Incapacity intermittent =
        new Incapacity(
            "间歇性精神病", Incapacity.Evidence.HOSPITAL_CERTIFICATE, true, D.minusDays(30), "纪要", null);
    EligibilityResult e3 = Eligibility.decide(r, LegalStatus.incapable(intermittent), D);
    assertThat(e3.eligible()).isTrue();
    assertThat(e3.findings().codes()).contains("REGISTER.ELIGIBILITY.INTERMITTENT");

    Incapacity ended =
        new Incapacity(
            "x",
            Incapacity.Evidence.HOSPITAL_CERTIFICATE,
            false,
            D.minusDays(900),
            "纪要",
            D.minusDays(1));
    EligibilityResult e4 = Eligibility.decide(r, LegalStatus.incapable(ended), D);
    assertThat(e4.eligible()).isTrue();
    assertThat(e4.findings().codes()).containsExactly("REGISTER.ELIGIBILITY.ELIGIBLE");
  }

  @Test
  void suspendedVoterStaysListedButFlagged() {
    Resident r = resident("周某", LocalDate.of(1990, 3, 3));
    VotingSuspension s = new VotingSuspension("乌审旗人民检察院", "乌检停字〔2026〕1号", D.minusDays(10), null);
    EligibilityResult e = Eligibility.decide(r, LegalStatus.suspended(s), D);
    assertThat(e.eligible()).isTrue();
    assertThat(e.suspended()).isTrue();
    assertThat(e.findings().warnings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo("REGISTER.ELIGIBILITY.SUSPENDED");
              assertThat(f.messageZh()).contains("乌审旗人民检察院").contains("仍列入选民名单");
            });
    VotingSuspension released = new VotingSuspension("法院", "文号", D.minusDays(10), D);
    assertThat(Eligibility.decide(r, LegalStatus.suspended(released), D).suspended()).isFalse();
  }

  @Test
  void underAgeAndDeprivedReportsBothAndDecidesByAge() {
    Resident r = resident("吴某", LocalDate.of(2009, 1, 1));
    Deprivation d = new Deprivation("判决书", "", LocalDate.of(2025, 1, 1), null);
    EligibilityResult e = Eligibility.decide(r, LegalStatus.deprived(d), D);
    assertThat(e.status()).isEqualTo(EligibilityResult.Status.UNDER_18);
    assertThat(e.findings().errors())
        .extracting(Finding::code)
        .containsExactly("REGISTER.ELIGIBILITY.DEPRIVED", "REGISTER.ELIGIBILITY.UNDER_18");
    assertThat(e.code()).isEqualTo("REGISTER.ELIGIBILITY.UNDER_18");
  }

  @Test
  void recordsWithoutTheirBasisAreRefusedNamingTheField() {
    assertThatThrownBy(() -> new Deprivation(" ", "法院", D, null))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            x -> assertThat(((InvalidInputException) x).field()).isEqualTo("deprivation.basis"))
        .hasMessageContaining("法律依据");
    assertThatThrownBy(() -> new Incapacity("x", Incapacity.Evidence.NONE, false, D, "", null))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            x ->
                assertThat(((InvalidInputException) x).field())
                    .isEqualTo("incapacity.decisionRef"));
    assertThatThrownBy(() -> Eligibility.decide(null, LegalStatus.none(), D))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(
            () -> Eligibility.decide(resident("甲", LocalDate.of(1990, 1, 1)), null, null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("选举日");
  }

  @Test
  void bornAfterElectionDayIsUnderAgeWithAgeZero() {
    Resident baby = resident("新生", LocalDate.of(2026, 11, 25));
    EligibilityResult e = Eligibility.decide(baby, LegalStatus.none(), D);
    assertThat(e.status()).isEqualTo(EligibilityResult.Status.UNDER_18);
    assertThat(e.ageOnElectionDay()).isZero();
    assertThat(List.of(e.findings().errors().get(0).facts().get("ageOnElectionDay")))
        .containsExactly(0);
  }
}
