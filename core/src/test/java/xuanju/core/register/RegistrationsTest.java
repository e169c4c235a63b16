package xuanju.core.register;

import static org.assertj.core.api.Assertions.assertThat;
import static xuanju.core.register.People.district;
import static xuanju.core.register.People.resident;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import xuanju.core.rule.Finding;

/** One person, one registration, and the lawful grounds of registration. */
class RegistrationsTest {
  static final LocalDate DAY = LocalDate.of(2026, 10, 8);
  static final RegistrationPlace ANGSU_3 = new RegistrationPlace("angsu", "昂素镇", "d3", "第三选区");
  static final RegistrationPlace TUKE_1 = new RegistrationPlace("tuke", "图克镇", "d1", "第一选区");

  final Resident zhang = resident("张三", LocalDate.of(1980, 4, 5));
  final Map<String, Registration> existing = new HashMap<>();

  @Test
  void secondRegistrationElsewhereIsRefusedSayingWhere() {
    existing.put(zhang.idNumber(), Registration.atHukou(zhang, ANGSU_3, LocalDate.of(2026, 10, 1)));
    RegistrationCheck c = Registrations.check(Registration.atHukou(zhang, TUKE_1, DAY), existing);
    assertThat(c.accepted()).isFalse();
    assertThat(c.existing()).isPresent();
    Finding f = c.findings().errors().get(0);
    assertThat(f.code()).isEqualTo("REGISTER.ONE_PLACE.ELSEWHERE");
    assertThat(f.messageZh())
        .startsWith("张三（1506**********")
        .contains("已于2026-10-01在昂素镇第三选区登记为选民（登记依据：户籍所在地）")
        .contains("不能再在图克镇第一选区登记")
        .contains("每一选民只能在一个选区进行选民登记");
    assertThat(f.facts())
        .containsEntry("existingUnit", "昂素镇")
        .containsEntry("existingDistrict", "第三选区");
  }

  @Test
  void sameDistrictTwiceIsRefusedAsDuplicate() {
    existing.put(zhang.idNumber(), Registration.atHukou(zhang, ANGSU_3, DAY));
    RegistrationCheck c = Registrations.check(Registration.atHukou(zhang, ANGSU_3, DAY), existing);
    assertThat(c.findings().errors())
        .extracting(Finding::code)
        .containsExactly("REGISTER.ONE_PLACE.ALREADY_HERE");
  }

  @Test
  void firstRegistrationAtHukouIsAcceptedWithItsGround() {
    RegistrationCheck c = Registrations.check(Registration.atHukou(zhang, ANGSU_3, DAY), existing);
    assertThat(c.accepted()).isTrue();
    assertThat(c.findings().codes()).containsExactly("REGISTER.BASIS.HUKOU");
  }

  @Test
  void migrantAtResidenceNeedsAFullCertificateIssuedBeforeRegistration() {
    Registration none = Registration.withCertificate(zhang, TUKE_1, null, DAY);
    assertThat(Registrations.check(none, existing).findings().errors())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo("REGISTER.BASIS.CERTIFICATE_MISSING");
              assertThat(f.messageZh()).contains("未提供证明");
            });

    Registration partial =
        Registration.withCertificate(
            zhang, TUKE_1, new VoterCertificate("昂素镇选举委员会", "", null), DAY);
    assertThat(Registrations.check(partial, existing).findings().errors().get(0).messageZh())
        .contains("证明缺少证明编号、出具日期");

    Registration late =
        Registration.withCertificate(
            zhang, TUKE_1, new VoterCertificate("昂素镇选举委员会", "2026-017", DAY.plusDays(1)), DAY);
    assertThat(Registrations.check(late, existing).findings().codes())
        .containsExactly("REGISTER.BASIS.CERTIFICATE_DATE");

    VoterCertificate good = new VoterCertificate("昂素镇选举委员会", "2026-017", DAY.minusDays(3));
    RegistrationCheck ok =
        Registrations.check(Registration.withCertificate(zhang, TUKE_1, good, DAY), existing);
    assertThat(ok.accepted()).isTrue();
    Finding n = ok.findings().notices().get(0);
    assertThat(n.code()).isEqualTo("REGISTER.BASIS.RESIDENCE_CERTIFICATE");
    assertThat(n.facts())
        .containsEntry("issuer", "昂素镇选举委员会")
        .containsEntry("number", "2026-017")
        .containsEntry("issuedOn", "2026-10-05");
    assertThat(n.rule().citation().article()).isEqualTo("第九条第二款");
  }

  @Test
  void staffRegisterAtTheirWorkplaceWhichMustBeNamed() {
    Resident clerk = Resident.builder(zhang.id(), "张三").workplace("昂素镇人民政府").build();
    RegistrationCheck ok =
        Registrations.check(Registration.atWorkplace(clerk, ANGSU_3, null, DAY), existing);
    assertThat(ok.accepted()).isTrue();
    assertThat(ok.findings().notices().get(0).facts()).containsEntry("workplace", "昂素镇人民政府");

    RegistrationCheck missing =
        Registrations.check(Registration.atWorkplace(zhang, ANGSU_3, "", DAY), existing);
    assertThat(missing.findings().codes()).containsExactly("REGISTER.BASIS.WORKPLACE_MISSING");
  }

  @Test
  void committeeDecisionMustBeRecorded() {
    Registration r =
        new Registration(
            zhang.idNumber(),
            "张三",
            ANGSU_3,
            RegistrationBasis.COMMITTEE_DECISION,
            null,
            "",
            "",
            DAY);
    assertThat(Registrations.check(r, existing).findings().codes())
        .containsExactly("REGISTER.BASIS.DECISION_MISSING");
    Registration ok =
        new Registration(
            zhang.idNumber(),
            "张三",
            ANGSU_3,
            RegistrationBasis.COMMITTEE_DECISION,
            null,
            "",
            "昂选委〔2026〕5号",
            DAY);
    assertThat(Registrations.check(ok, existing).accepted()).isTrue();
  }

  @Test
  void batchFindsDuplicatesWithinTheFileAndAgainstTheRegister() {
    Resident li = resident("李四", LocalDate.of(1990, 1, 2), 2, false);
    Resident wang = resident("王五", LocalDate.of(1991, 1, 2), 3, true);
    existing.put(wang.idNumber(), Registration.atHukou(wang, TUKE_1, DAY));
    List<RegistrationCheck> checks =
        Registrations.checkAll(
            List.of(
                Registration.atHukou(zhang, ANGSU_3, DAY),
                Registration.atHukou(li, ANGSU_3, DAY),
                Registration.atHukou(zhang, district("angsu", "d4"), DAY),
                Registration.atHukou(wang, ANGSU_3, DAY)),
            existing);
    assertThat(checks)
        .extracting(RegistrationCheck::accepted)
        .containsExactly(true, true, false, false);
    Finding dup = checks.get(2).findings().errors().get(0);
    assertThat(dup.code()).isEqualTo("REGISTER.ONE_PLACE.DUPLICATE_IN_BATCH");
    assertThat(dup.fields()).containsExactly("registrations[2].residentId");
    assertThat(dup.messageZh()).contains("第1条已出现，第3条重复");
    assertThat(checks.get(3).findings().codes()).contains("REGISTER.ONE_PLACE.ELSEWHERE");
  }
}
