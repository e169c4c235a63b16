package xuanju.core.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import xuanju.core.community.ElectionCommittee.Member;
import xuanju.core.community.ElectionCommittee.Method;
import xuanju.core.community.ElectionCommittee.Replacement;
import xuanju.core.rule.Findings;
import xuanju.core.rule.InvalidInputException;

/** The residents' election committee (居民选举委员会), seed 002 SZ-09 and 村组法 第十二条 by analogy. */
class ElectionCommitteesTest {
  private static List<Member> members(int n) {
    List<Member> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new Member("p" + i, "成员" + i, ChosenBy.REPRESENTATIVES_MEETING, i == 0));
    }
    return out;
  }

  private static Findings check(List<Member> m, List<Replacement> r, Set<String> candidates) {
    return ElectionCommittees.check(
        new ElectionCommittee(m, r), candidates, ElectionCommittees.SEED_002_SIZE);
  }

  @Test
  void fiveLawfullyChosenMembersPass() {
    Findings f = check(members(5), List.of(), Set.of("x"));
    assertThat(f.all()).isEmpty();
  }

  @Test
  void evenCountIsRefused() {
    Findings f = check(members(4), List.of(), Set.of());
    assertThat(f.errors())
        .extracting(x -> x.code())
        .containsExactly("RESIDENTS.ELECTION_COMMITTEE.ODD");
    assertThat(f.warnings())
        .extracting(x -> x.code())
        .containsExactly("RESIDENTS.ELECTION_COMMITTEE.SIZE");
    assertThat(f.errors().get(0).messageZh()).isEqualTo("居民选举委员会现有4名成员，应为奇数");
  }

  @Test
  void fewerThanThreeIsRefused() {
    Findings f = check(members(1), List.of(), Set.of());
    assertThat(f.codes()).contains("RESIDENTS.ELECTION_COMMITTEE.AT_LEAST_3");
    assertThat(f.codes()).doesNotContain("RESIDENTS.ELECTION_COMMITTEE.ODD");
  }

  @Test
  void sevenIsLawfulButNotThePlannedFive() {
    Findings f = check(members(7), List.of(), Set.of());
    assertThat(f.ok()).isTrue();
    assertThat(f.codes()).containsExactly("RESIDENTS.ELECTION_COMMITTEE.SIZE");
    assertThat(
            ElectionCommittees.check(new ElectionCommittee(members(7), List.of()), Set.of(), 0)
                .all())
        .isEmpty();
  }

  @Test
  void appointedMemberIsRefused() {
    List<Member> m = new ArrayList<>(members(4));
    m.add(new Member("boss", "王五", ChosenBy.OTHER, false));
    Findings f = check(m, List.of(), Set.of());
    assertThat(f.codes()).containsExactly("RESIDENTS.ELECTION_COMMITTEE.CHOSEN_BY");
    assertThat(f.errors().get(0).fields()).containsExactly("members[4].chosenBy");
    assertThat(f.errors().get(0).messageZh()).startsWith("王五不是由居民会议");
  }

  @Test
  void memberWhoIsACandidateMustLeave() {
    Findings f = check(members(5), List.of(), Set.of("p2"));
    assertThat(f.codes()).containsExactly("RESIDENTS.ELECTION_COMMITTEE.CANDIDATE");
    assertThat(f.errors().get(0).messageZh()).startsWith("成员2已被提名为居民委员会成员候选人，应当退出");
  }

  @Test
  void leftWithoutReplacementIsAVacancy() {
    List<Member> m = members(4);
    Findings f =
        check(m, List.of(new Replacement("p9", "赵六", "被提名为居民委员会成员候选人", null, null)), Set.of("p9"));
    assertThat(f.codes())
        .containsExactlyInAnyOrder(
            "RESIDENTS.ELECTION_COMMITTEE.ODD",
            "RESIDENTS.ELECTION_COMMITTEE.VACANCY",
            "RESIDENTS.ELECTION_COMMITTEE.SIZE");
  }

  @Test
  void replacementIsRecorded() {
    List<Member> m = members(5);
    Findings f =
        check(
            m,
            List.of(new Replacement("p9", "赵六", "被提名为候选人", "p4", Method.NEXT_IN_ORIGINAL_VOTE)),
            Set.of("p9"));
    assertThat(f.ok()).isTrue();
    assertThat(f.notices())
        .extracting(x -> x.code())
        .containsExactly("RESIDENTS.ELECTION_COMMITTEE.REPLACED");
    assertThat(f.notices().get(0).messageZh()).isEqualTo("赵六退出后，按照原推选结果依次递补由成员4接任");
  }

  @Test
  void inconsistentRecordsAreInputErrors() {
    assertThatThrownBy(
            () -> check(members(5), List.of(new Replacement("p1", "甲", "", null, null)), Set.of()))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(
            () ->
                check(
                    members(5),
                    List.of(new Replacement("p9", "甲", "", "nobody", Method.NEW_CHOICE)),
                    Set.of()))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> new Replacement("p9", "甲", "", "p1", null))
        .isInstanceOf(InvalidInputException.class);
  }

  static LongStream seeds() {
    return LongStream.of(1L, 7L, 2020L, 20210128L, 99991L);
  }

  /**
   * Random committees and candidate sets: one CANDIDATE error per member who is a candidate, ODD
   * iff the size is even, and the committee passes iff none of the error conditions holds.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void errorsMatchAnIndependentCount(long seed) {
    Random r = new Random(seed);
    for (int round = 0; round < 200; round++) {
      int n = r.nextInt(10);
      List<Member> m = new ArrayList<>();
      Set<String> candidates = new HashSet<>();
      int candidateMembers = 0;
      int appointed = 0;
      for (int i = 0; i < n; i++) {
        ChosenBy by = ChosenBy.values()[r.nextInt(ChosenBy.values().length)];
        appointed += by == ChosenBy.OTHER ? 1 : 0;
        m.add(new Member("p" + i, "成员" + i, by, false));
        if (r.nextInt(4) == 0) {
          candidates.add("p" + i);
          candidateMembers++;
        }
      }
      Findings f = check(m, List.of(), candidates);
      long cand =
          f.codes().stream().filter("RESIDENTS.ELECTION_COMMITTEE.CANDIDATE"::equals).count();
      assertThat(cand).isEqualTo(candidateMembers);
      assertThat(f.codes().contains("RESIDENTS.ELECTION_COMMITTEE.ODD")).isEqualTo(n % 2 == 0);
      assertThat(f.ok()).isEqualTo(n % 2 == 1 && n >= 3 && candidateMembers == 0 && appointed == 0);
    }
  }
}
