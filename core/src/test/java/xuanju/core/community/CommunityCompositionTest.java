package xuanju.core.community;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import xuanju.core.quota.Gender;
import xuanju.core.quota.Person;
import xuanju.core.quota.QuotaCheck;
import xuanju.core.quota.QuotaSet;
import xuanju.core.quota.QuotaSets;
import xuanju.core.quota.Quotas;
import xuanju.core.quota.Share;
import xuanju.core.roster.Education;

/** The structure of the 两委 and the residents' committee, seed 002 ST-01 … ST-04. */
class CommunityCompositionTest {
  static final LocalDate D = LocalDate.of(2021, 1, 20);

  static Person p(String id, Gender g, int age, boolean party, Education e) {
    return EducationTags.tagged(new Person(id, id, g, D.minusYears(age), "汉族", party, Set.of()), e);
  }

  static List<Person> team() {
    List<Person> out = new ArrayList<>();
    out.add(p("a", Gender.MALE, 44, true, Education.BACHELOR));
    out.add(p("b", Gender.FEMALE, 35, true, Education.COLLEGE));
    out.add(p("c", Gender.MALE, 50, true, Education.HIGH_SCHOOL));
    out.add(p("d", Gender.MALE, 52, false, Education.SECONDARY_VOCATIONAL));
    out.add(p("e", Gender.MALE, 40, false, Education.POSTGRADUATE));
    return out;
  }

  @Test
  void collegeTagFollowsTheEducation() {
    assertThat(EducationTags.collegeOrAbove(Education.COLLEGE)).isTrue();
    assertThat(EducationTags.collegeOrAbove(Education.SECONDARY_VOCATIONAL)).isFalse();
    assertThat(EducationTags.collegeOrAbove(null)).isFalse();
    assertThat(team())
        .filteredOn(x -> x.tags().contains(QuotaSets.COLLEGE_TAG))
        .extracting(Person::id)
        .containsExactly("a", "b", "e");
  }

  /** 3 of 5 with 大专 or above: above a previous 2/5, not above a previous 3/5. */
  @Test
  void collegeShareMustBeHigherThanThePreviousTerm() {
    QuotaSet up = QuotaSets.communityTwoCommittees(Share.of(2, 5));
    QuotaCheck ok = Quotas.check(up.requirements(), team(), D);
    assertThat(ok.findings().ok()).isTrue();
    QuotaCheck same =
        Quotas.check(QuotaSets.communityTwoCommittees(Share.of(3, 5)).requirements(), team(), D);
    assertThat(same.findings().codes()).containsExactly("QUOTA.TAG.MIN");
    assertThat(same.findings().errors().get(0).messageZh())
        .isEqualTo("大专及以上比例高于60%（共5名，至少需4名），现有3名，还差1名");
  }

  /** ST-01 (35周岁以下, inclusive) and ST-02 (a woman): without b both fail. */
  @Test
  void youngMemberAndWoman() {
    List<Person> t = new ArrayList<>(team());
    t.remove(1);
    t.add(p("f", Gender.MALE, 36, true, Education.BACHELOR));
    QuotaCheck c = Quotas.check(QuotaSets.COMMUNITY_TWO_COMMITTEES.requirements(), t, D);
    assertThat(c.findings().codes()).containsExactlyInAnyOrder("QUOTA.AGE.MIN", "QUOTA.WOMEN.MIN");
    assertThat(
            Quotas.check(QuotaSets.COMMUNITY_TWO_COMMITTEES.requirements(), team(), D)
                .findings()
                .ok())
        .isTrue();
  }

  /** ST-04: 3 party members of 5 is more than half, and more than a previous 2/5 but not 3/5. */
  @Test
  void partyMembersMoreThanHalfAndAboveThePreviousTerm() {
    assertThat(
            Quotas.check(QuotaSets.residentsCommittee(Share.of(2, 5)).requirements(), team(), D)
                .findings()
                .ok())
        .isTrue();
    QuotaCheck c =
        Quotas.check(QuotaSets.residentsCommittee(Share.of(3, 5)).requirements(), team(), D);
    assertThat(c.findings().codes()).containsExactly("QUOTA.PARTY_MEMBER.MIN");
    List<Person> four = team().subList(1, 5);
    assertThat(
            Quotas.check(QuotaSets.RESIDENTS_COMMITTEE.requirements(), four, D).findings().codes())
        .containsExactly("QUOTA.PARTY_MEMBER.MIN");
  }
}
