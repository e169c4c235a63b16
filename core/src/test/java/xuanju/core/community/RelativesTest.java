package xuanju.core.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import xuanju.core.community.Relation.Kinship;
import xuanju.core.community.Relatives.Conflict;
import xuanju.core.community.Relatives.Holder;
import xuanju.core.rule.InvalidInputException;

/** Close-relative avoidance (近亲属回避), seed 002 三（三）and 四（二）2（5）. */
class RelativesTest {
  static Holder h(String id, String name, Role... roles) {
    return new Holder(id, name, Set.of(roles));
  }

  @Test
  void eightRelationsWithTheirInverses() {
    assertThat(Relation.values())
        .extracting(Relation::labelZh)
        .containsExactly("配偶", "父母", "子女", "兄弟姐妹", "祖父母", "外祖父母", "孙子女", "外孙子女");
    for (Relation r : Relation.values()) {
      assertThat(r.inverse().inverse()).isEqualTo(r);
    }
    assertThat(Relation.GRANDPARENT.inverse()).isEqualTo(Relation.GRANDCHILD);
    assertThat(Relation.MATERNAL_GRANDCHILD.inverse()).isEqualTo(Relation.MATERNAL_GRANDPARENT);
  }

  /** Any of the eight relations between two 两委 members is a conflict. */
  @ParameterizedTest
  @EnumSource(Relation.class)
  void twoCommitteesMembersMayNotBeCloseRelatives(Relation rel) {
    List<Conflict> c =
        Relatives.conflicts(
            List.of(h("a", "张三", Role.RESIDENTS_COMMITTEE), h("b", "李四", Role.PARTY_COMMITTEE)),
            List.of(new Kinship("a", "b", rel)));
    assertThat(c).hasSize(1);
    assertThat(c.get(0).rule().code()).isEqualTo("COMMUNITY.RELATIVES.TWO_COMMITTEES");
    assertThat(c.get(0).relation()).contains(rel);
    assertThat(c.get(0).messageZh())
        .isEqualTo("李四是张三的" + rel.labelZh() + "；张三任居民委员会成员，李四任社区党组织委员会成员，社区“两委”成员须实行近亲属回避");
  }

  @Test
  void relationRecordedTheOtherWayRoundIsReadInverted() {
    List<Conflict> c =
        Relatives.conflicts(
            List.of(
                h("a", "张三", Role.RESIDENTS_COMMITTEE), h("b", "张小三", Role.RESIDENTS_COMMITTEE)),
            List.of(new Kinship("b", "a", Relation.PARENT)));
    assertThat(c.get(0).relation()).contains(Relation.CHILD);
    assertThat(c.get(0).messageZh()).startsWith("张小三是张三的子女；");
  }

  @Test
  void supervisionRelativeOfAResidentsCommitteeMemberIsAWarning() {
    List<Conflict> c =
        Relatives.conflicts(
            List.of(
                h("a", "张三", Role.RESIDENTS_COMMITTEE), h("b", "李四", Role.SUPERVISION_COMMITTEE)),
            List.of(new Kinship("a", "b", Relation.SPOUSE)));
    assertThat(c)
        .extracting(x -> x.rule().code())
        .containsExactly("RESIDENTS.SUPERVISION.RC_RELATIVE");
    assertThat(c.get(0).rule().severity().name()).isEqualTo("WARNING");
  }

  @Test
  void staffRelativesOfCandidates() {
    List<Holder> hs =
        List.of(
            h("c", "候选人甲", Role.CANDIDATE),
            h("s", "监票人乙", Role.SCRUTINEER),
            h("k", "计票人丙", Role.COUNTER),
            h("w", "代写人丁", Role.WRITER),
            h("x", "无关人戊", Role.COUNTER));
    List<Kinship> ks =
        List.of(
            new Kinship("c", "s", Relation.SIBLING),
            new Kinship("c", "k", Relation.MATERNAL_GRANDPARENT),
            new Kinship("w", "c", Relation.GRANDCHILD));
    assertThat(Relatives.conflicts(hs, ks))
        .extracting(x -> x.rule().code())
        .containsExactly(
            "RESIDENTS.STAFF.CANDIDATE_RELATIVE",
            "RESIDENTS.STAFF.CANDIDATE_RELATIVE",
            "RESIDENTS.WRITER.CANDIDATE_RELATIVE");
  }

  @Test
  void candidateMayNotBeStaffHimself() {
    List<Conflict> c =
        Relatives.conflicts(
            List.of(h("c", "甲", Role.CANDIDATE, Role.WRITER, Role.SCRUTINEER)), List.of());
    assertThat(c)
        .extracting(x -> x.rule().code())
        .containsExactlyInAnyOrder("RESIDENTS.WRITER.CANDIDATE", "RESIDENTS.STAFF.CANDIDATE");
  }

  @Test
  void relativesInUnrelatedPlacesAreNoConflict() {
    assertThat(
            Relatives.conflicts(
                List.of(
                    h("a", "甲", Role.PARTY_COMMITTEE),
                    h("b", "乙", Role.SUPERVISION_COMMITTEE),
                    h("c", "丙", Role.SCRUTINEER)),
                List.of(
                    new Kinship("a", "b", Relation.SPOUSE), new Kinship("b", "c", Relation.CHILD))))
        .isEmpty();
  }

  @Test
  void inputErrors() {
    assertThatThrownBy(() -> new Kinship("a", "a", Relation.SPOUSE))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> Relatives.conflicts(List.of(h("a", "甲"), h("a", "乙")), List.of()))
        .isInstanceOf(InvalidInputException.class);
  }

  static LongStream seeds() {
    return LongStream.of(4L, 13L, 1045L, 20210301L, 8675309L);
  }

  /**
   * Random people, places and relations: the conflicts do not depend on the order of the holders or
   * on which side a relation was recorded from, and each related pair yields one conflict per pair
   * of places that the rule table ({@link Relatives#ruleFor}) forbids.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void conflictsAreSymmetricAndCountedPerPairOfPlaces(long seed) {
    Random r = new Random(seed);
    Role[] roles = Role.values();
    for (int round = 0; round < 100; round++) {
      int n = 2 + r.nextInt(12);
      List<Holder> hs = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Set<Role> mine = EnumSet.noneOf(Role.class);
        int k = r.nextInt(3);
        for (int j = 0; j < k; j++) {
          mine.add(roles[r.nextInt(roles.length)]);
        }
        hs.add(new Holder("p" + i, "人" + i, mine));
      }
      List<Kinship> ks = new ArrayList<>();
      List<Kinship> flipped = new ArrayList<>();
      long expected = 0;
      boolean[][] related = new boolean[n][n];
      for (int e = 0; e < n; e++) {
        int a = r.nextInt(n);
        int b = r.nextInt(n);
        if (a == b || related[a][b]) {
          continue;
        }
        related[a][b] = related[b][a] = true;
        Relation rel = Relation.values()[r.nextInt(Relation.values().length)];
        ks.add(new Kinship("p" + a, "p" + b, rel));
        flipped.add(new Kinship("p" + b, "p" + a, rel.inverse()));
        for (Role x : hs.get(a).roles()) {
          for (Role y : hs.get(b).roles()) {
            expected += Relatives.ruleFor(x, y) == null ? 0 : 1;
          }
        }
      }
      for (Holder h : hs) {
        if (h.roles().contains(Role.CANDIDATE)) {
          expected += h.roles().stream().filter(Role::staff).count();
        }
      }
      List<String> one = keys(Relatives.conflicts(hs, ks));
      List<Holder> shuffled = new ArrayList<>(hs);
      Collections.shuffle(shuffled, r);
      assertThat(keys(Relatives.conflicts(shuffled, flipped))).isEqualTo(one);
      assertThat((long) one.size()).isEqualTo(expected);
    }
  }

  private static List<String> keys(List<Conflict> cs) {
    List<String> out = new ArrayList<>();
    for (Conflict c : cs) {
      String a = c.personId();
      String b = c.relativeId();
      out.add(c.rule().code() + ":" + (a.compareTo(b) <= 0 ? a + "-" + b : b + "-" + a));
    }
    Collections.sort(out);
    return out;
  }
}
