package xuanju.core.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import xuanju.core.community.Relation.Kinship;
import xuanju.core.community.SupervisionCommittee.Member;
import xuanju.core.rule.Findings;
import xuanju.core.rule.InvalidInputException;

/** The supervision committee (seed 002 四（二）3（1）) and the election staff (四（二）2（5）). */
class SupervisionAndStaffTest {
  static final Map<String, String> RC = Map.of("r1", "主任甲", "r2", "委员乙");
  static final Map<String, PartyPost> PARTY =
      Map.of("d1", PartyPost.DISCIPLINE_MEMBER, "s1", PartyPost.SECRETARY);

  static Member m(String id, String name) {
    return new Member(id, name, ChosenBy.REPRESENTATIVES_MEETING);
  }

  static Findings supervision(List<Member> ms, String chair, List<Kinship> ks) {
    return SupervisionCommittees.check(new SupervisionCommittee(ms, chair), RC, PARTY, ks);
  }

  @Test
  void threeMembersChairedByTheDisciplineMemberPass() {
    assertThat(
            supervision(List.of(m("d1", "纪检委员丙"), m("x", "丁"), m("y", "戊")), "d1", List.of()).all())
        .isEmpty();
  }

  @Test
  void sizeOtherThanThreeIsRefused() {
    Findings f = supervision(List.of(m("d1", "丙"), m("x", "丁")), "d1", List.of());
    assertThat(f.codes()).containsExactly("RESIDENTS.SUPERVISION.SIZE");
    assertThat(f.errors().get(0).messageZh()).isEqualTo("居务监督委员会现有2名成员，应由3人组成");
  }

  @Test
  void residentsCommitteeMemberMayNotSit() {
    Findings f = supervision(List.of(m("d1", "丙"), m("r2", "委员乙"), m("y", "戊")), "d1", List.of());
    assertThat(f.codes()).containsExactly("RESIDENTS.SUPERVISION.RC_MEMBER");
    assertThat(f.errors().get(0).messageZh()).isEqualTo("委员乙是居民委员会成员，不得兼任居务监督委员会成员");
  }

  @Test
  void relativeOfAResidentsCommitteeMemberIsWarned() {
    Findings f =
        supervision(
            List.of(m("d1", "丙"), m("x", "丁"), m("y", "戊")),
            "d1",
            List.of(new Kinship("r1", "y", Relation.SPOUSE)));
    assertThat(f.ok()).isTrue();
    assertThat(f.warnings())
        .extracting(x -> x.code())
        .containsExactly("RESIDENTS.SUPERVISION.RC_RELATIVE");
    assertThat(f.warnings().get(0).messageZh())
        .isEqualTo("主任甲是戊的配偶；戊任居务监督委员会成员，主任甲任居民委员会成员，居民委员会成员的近亲属不宜担任居务监督委员会成员");
  }

  @Test
  void chairShouldHoldTheDisciplinePost() {
    Findings secretary =
        supervision(List.of(m("s1", "书记"), m("x", "丁"), m("y", "戊")), "s1", List.of());
    assertThat(secretary.codes()).containsExactly("RESIDENTS.SUPERVISION.CHAIR");
    assertThat(secretary.warnings().get(0).messageZh())
        .isEqualTo("居务监督委员会主任书记是社区党组织书记，原则上应由纪委书记或纪检委员担任");
    Findings outsider =
        supervision(List.of(m("d1", "丙"), m("x", "丁"), m("y", "戊")), "x", List.of());
    assertThat(outsider.warnings().get(0).messageZh()).contains("丁不是社区党组织委员会成员");
    assertThatThrownBy(() -> new SupervisionCommittee(List.of(m("x", "丁")), "z"))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void membersAreChosenByTheRepresentativesOrResidentsMeeting() {
    Findings f =
        supervision(
            List.of(
                m("d1", "丙"),
                new Member("x", "丁", ChosenBy.RESIDENTS_MEETING),
                new Member("y", "戊", ChosenBy.OTHER)),
            "d1",
            List.of());
    assertThat(f.codes()).containsExactly("RESIDENTS.SUPERVISION.CHOSEN_BY");
  }

  @Test
  void writerMustBeVettedAndNotACandidatesRelative() {
    List<ElectionStaff.Member> staff =
        List.of(
            new ElectionStaff.Member("w1", "甲", Role.WRITER, false),
            new ElectionStaff.Member("w2", "乙", Role.WRITER, true),
            new ElectionStaff.Member("s1", "监票人丙", Role.SCRUTINEER, false));
    Findings f =
        ElectionStaff.check(
            staff,
            Map.of("c1", "候选人丁"),
            List.of(new Kinship("c1", "w2", Relation.MATERNAL_GRANDCHILD)));
    assertThat(f.codes())
        .containsExactly("RESIDENTS.WRITER.CANDIDATE_RELATIVE", "RESIDENTS.WRITER.NOT_VETTED");
    assertThat(f.errors().get(1).messageZh()).isEqualTo("代写人甲尚未经居民选举委员会审查登记");
    assertThat(f.errors().get(0).messageZh())
        .isEqualTo("候选人丁是乙的外祖父母；乙任代写人，候选人丁任居民委员会成员候选人，代写人不能与竞选人有近亲属关系");
  }

  @Test
  void candidateActingAsScrutineerOrWriterIsRefused() {
    Findings f =
        ElectionStaff.check(
            List.of(
                new ElectionStaff.Member("c1", "候选人丁", Role.SCRUTINEER, true),
                new ElectionStaff.Member("c2", "候选人戊", Role.WRITER, true),
                new ElectionStaff.Member("k", "计票人", Role.COUNTER, true)),
            Map.of("c1", "候选人丁", "c2", "候选人戊"),
            List.of(new Kinship("k", "c2", Relation.SIBLING)));
    assertThat(f.codes())
        .containsExactly(
            "RESIDENTS.STAFF.CANDIDATE",
            "RESIDENTS.STAFF.CANDIDATE_RELATIVE",
            "RESIDENTS.WRITER.CANDIDATE");
    assertThatThrownBy(() -> new ElectionStaff.Member("x", "x", Role.CANDIDATE, true))
        .isInstanceOf(InvalidInputException.class);
  }
}
