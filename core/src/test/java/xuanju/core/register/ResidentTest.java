package xuanju.core.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import xuanju.core.quota.Attribute;
import xuanju.core.quota.Comparison;
import xuanju.core.quota.Gender;
import xuanju.core.quota.Person;
import xuanju.core.quota.QuotaCheck;
import xuanju.core.quota.QuotaRequirement;
import xuanju.core.quota.QuotaSets;
import xuanju.core.quota.Quotas;
import xuanju.core.rule.Citation;
import xuanju.core.rule.Confidence;
import xuanju.core.rule.InvalidInputException;

/**
 * The person value: fields derived from the resident ID, validation, and composition-quota tags.
 */
class ResidentTest {
  static final LocalDate D = LocalDate.of(2026, 11, 20);

  @Test
  void birthDateAndGenderComeFromTheResidentId() {
    Resident r =
        Resident.builder(People.id(LocalDate.of(1985, 7, 9), 12, false), "  乌  云  ")
            .ethnicity("蒙古")
            .address("昂素镇巴音温都尔嘎查3组")
            .hukouPlace("乌审旗昂素镇")
            .residencePlace("乌审旗嘎鲁图镇")
            .group("三组")
            .workplace("昂素镇卫生院")
            .occupation(Occupation.PROFESSIONAL)
            .politicalStatus(PoliticalStatus.MASSES)
            .tags(Set.of("基层一线"))
            .build();
    assertThat(r.name()).isEqualTo("乌 云");
    assertThat(r.birthDate()).isEqualTo(LocalDate.of(1985, 7, 9));
    assertThat(r.gender()).isEqualTo(Gender.FEMALE);
    assertThat(r.ethnicity()).isEqualTo("蒙古族");
    assertThat(r.minority()).isTrue();
    assertThat(r.partyMember()).isFalse();
    assertThat(r.ageOn(D, LeapDayBirthday.FEB_28)).isEqualTo(41);
    assertThat(r.labelZh()).isEqualTo("乌 云（1506**********" + r.idNumber().substring(14) + "）");
    assertThat(r.quotaTags()).containsExactlyInAnyOrder("专业技术人员", "专业技术", "基层一线");

    Person p = r.toQuotaPerson();
    assertThat(p.id()).isEqualTo(r.idNumber());
    assertThat(p.gender()).isEqualTo(Gender.FEMALE);
    assertThat(p.minority()).isTrue();
    assertThat(p.partyMember()).isFalse();
    assertThat(p.tags()).contains("专业技术", "基层一线");
    assertThat(r.toQuotaPerson("p-7").id()).isEqualTo("p-7");
  }

  @Test
  void partyMembershipFromStatusOrRosterLinkOrUnknown() {
    var id = People.id(LocalDate.of(1975, 1, 1), 5, true);
    assertThat(Resident.builder(id, "甲").build().partyMember()).isNull();
    assertThat(Resident.builder(id, "甲").partyMemberId("m-42").build().partyMember()).isTrue();
    assertThat(
            Resident.builder(id, "甲")
                .politicalStatus(PoliticalStatus.CPC_PROBATIONARY)
                .build()
                .partyMember())
        .isTrue();
    assertThatThrownBy(
            () ->
                Resident.builder(id, "甲")
                    .partyMemberId("m-42")
                    .politicalStatus(PoliticalStatus.MASSES)
                    .build())
        .isInstanceOf(InvalidInputException.class)
        .satisfies(x -> assertThat(((InvalidInputException) x).field()).isEqualTo("partyMemberId"))
        .hasMessageContaining("群众");
  }

  @Test
  void badFieldsAreRefusedNamingTheField() {
    var id = People.id(LocalDate.of(1975, 1, 1), 5, true);
    assertThatThrownBy(() -> Resident.builder(id, " ").build())
        .isInstanceOf(InvalidInputException.class)
        .satisfies(x -> assertThat(((InvalidInputException) x).field()).isEqualTo("name"));
    assertThatThrownBy(() -> Resident.builder(id, "甲").ethnicity("火星族").build())
        .isInstanceOf(InvalidInputException.class)
        .satisfies(x -> assertThat(((InvalidInputException) x).field()).isEqualTo("ethnicity"))
        .hasMessageContaining("火星族");
    assertThatThrownBy(() -> Resident.builder(id, "甲").address("长".repeat(201)).build())
        .isInstanceOf(InvalidInputException.class)
        .satisfies(x -> assertThat(((InvalidInputException) x).field()).isEqualTo("address"));
    assertThatThrownBy(
            () ->
                new Resident(
                    null, "甲", null, null, null, null, null, null, null, null, null, null, null))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(x -> assertThat(((InvalidInputException) x).field()).isEqualTo("residentId"));
    assertThatThrownBy(() -> Resident.builder(id, "甲").household("1".repeat(51)).build())
        .isInstanceOf(InvalidInputException.class)
        .satisfies(x -> assertThat(((InvalidInputException) x).field()).isEqualTo("household"))
        .hasMessageContaining("户号不能超过50个字");
    assertThat(Resident.builder(id, "甲").household(" 12-3 ").build().household()).isEqualTo("12-3");
    assertThat(Resident.builder(id, "甲").build().household()).isEmpty();
  }

  @Test
  void vocabulariesReadLabelsAndShortForms() {
    assertThat(Occupation.parse("农牧民")).contains(Occupation.FARMER);
    assertThat(Occupation.parse("领导干部")).contains(Occupation.LEADING_CADRE);
    assertThat(Occupation.parse("工人")).contains(Occupation.WORKER);
    assertThat(Occupation.parse("宇航员")).isEmpty();
    assertThat(PoliticalStatus.parse("党员")).contains(PoliticalStatus.CPC_MEMBER);
    assertThat(PoliticalStatus.parse("群众")).contains(PoliticalStatus.MASSES);
    assertThat(PoliticalStatus.parse(null)).isEmpty();
  }

  /** Town deputies (004 ST-20): non-CPC ≥ 35 %, checked over registered people. */
  @Test
  void townCongressQuotaRunsOverRegisteredPeople() {
    List<Person> ten = deputies(10, 4, 4);
    QuotaCheck ok = Quotas.check(QuotaSets.TOWN_CONGRESS_DEPUTIES.requirements(), ten, D);
    assertThat(ok.allMet()).isTrue();
    assertThat(ok.results().get(0).count()).isEqualTo(4);

    QuotaCheck short1 =
        Quotas.check(QuotaSets.TOWN_CONGRESS_DEPUTIES.requirements(), deputies(10, 3, 4), D);
    assertThat(short1.allMet()).isFalse();
    assertThat(short1.results().get(0).missing()).isEqualTo(1);

    // 连任代表 about one third (ST-20): 3 of 10 is one short of ceil(10/3) = 4
    QuotaCheck fewIncumbents =
        Quotas.check(QuotaSets.TOWN_CONGRESS_DEPUTIES.requirements(), deputies(10, 4, 3), D);
    assertThat(fewIncumbents.allMet()).isFalse();
    assertThat(fewIncumbents.results().get(0).met()).isTrue();
    assertThat(fewIncumbents.results().get(1).count()).isEqualTo(3);
    assertThat(fewIncumbents.results().get(1).missing()).isEqualTo(1);
  }

  @Test
  void occupationTagsMatchTheBuiltInDelegateQuotas() {
    List<Person> people = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      people.add(
          Resident.builder(People.id(LocalDate.of(1980, 1, 1 + i), i, i % 2 == 0), "干部" + i)
              .occupation(Occupation.LEADING_CADRE)
              .politicalStatus(PoliticalStatus.CPC_MEMBER)
              .build()
              .toQuotaPerson());
    }
    people.add(
        Resident.builder(People.id(LocalDate.of(1990, 1, 1), 9, false), "技术员")
            .occupation(Occupation.PROFESSIONAL)
            .build()
            .toQuotaPerson());
    var cite = Citation.of("测试", "", "", Confidence.PLAN);
    List<QuotaRequirement> reqs =
        List.of(
            QuotaRequirement.count("cadres", Attribute.tagged("领导干部"), Comparison.AT_MOST, 3, cite),
            QuotaRequirement.count("pro", Attribute.tagged("专业技术"), Comparison.AT_LEAST, 1, cite),
            QuotaRequirement.count("women", Attribute.female(), Comparison.AT_LEAST, 3, cite));
    QuotaCheck c = Quotas.check(reqs, people, D);
    assertThat(c.results().get(0).count()).isEqualTo(4);
    assertThat(c.results().get(0).met()).isFalse();
    assertThat(c.results().get(1).met()).isTrue();
    assertThat(c.results().get(2).count()).isEqualTo(3);
  }

  private static List<Person> deputies(int n, int nonCpc, int incumbents) {
    List<Person> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(
          Resident.builder(People.id(LocalDate.of(1970 + i, 3, 1), i, true), "代表" + i)
              .politicalStatus(
                  i < nonCpc ? PoliticalStatus.NON_PARTISAN : PoliticalStatus.CPC_MEMBER)
              .tags(n - i <= incumbents ? Set.of(QuotaSets.INCUMBENT_TAG) : Set.of())
              .build()
              .toQuotaPerson());
    }
    return out;
  }
}
