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
import xuanju.core.community.TwoCommittees.PartySeat;
import xuanju.core.community.TwoCommittees.ResidentsSeat;
import xuanju.core.rule.InvalidInputException;

/** 一肩挑 and 交叉任职 (seed 002 三（一）、三（四）). */
class TwoCommitteesTest {
  /** Seed 002's shape: a party committee of 5 with a full-time deputy; 主任 is the secretary. */
  static List<PartySeat> party() {
    return List.of(
        new PartySeat("s", "杭书记", PartyPost.SECRETARY),
        new PartySeat("d", "姜副书记", PartyPost.DEPUTY_SECRETARY),
        new PartySeat("j", "纪检委员", PartyPost.DISCIPLINE_MEMBER),
        new PartySeat("m1", "梁委员", PartyPost.MEMBER),
        new PartySeat("m2", "郑委员", PartyPost.MEMBER));
  }

  @Test
  void secretaryAsDirectorIsOneShoulder() {
    TwoCommitteesSummary s =
        TwoCommittees.summarise(
            party(),
            List.of(
                new ResidentsSeat("s", "杭书记", CommitteePost.DIRECTOR),
                new ResidentsSeat("m1", "梁委员", CommitteePost.DEPUTY_DIRECTOR),
                new ResidentsSeat("r1", "居委甲", CommitteePost.MEMBER),
                new ResidentsSeat("m2", "郑委员", CommitteePost.MEMBER),
                new ResidentsSeat("r2", "居委乙", CommitteePost.MEMBER)));
    assertThat(s.oneShoulder()).isTrue();
    assertThat(s.crossPosted()).isEqualTo(3);
    assertThat(s.teamSize()).isEqualTo(7);
    assertThat(s.crossShareOfPartyZh()).isEqualTo("3/5（60%）");
    assertThat(s.crossShareOfResidentsZh()).isEqualTo("3/5（60%）");
    assertThat(s.people().get(0).postsZh()).isEqualTo("社区党组织书记、居民委员会主任");
    assertThat(s.people().get(6).postsZh()).isEqualTo("居民委员会委员");
    assertThat(s.partyByPost()).containsEntry(PartyPost.MEMBER, 2);
    assertThat(s.residentsByPost()).containsEntry(CommitteePost.MEMBER, 3);
    assertThat(s.findings().codes()).containsExactly("COMMUNITY.TWO_COMMITTEES.CROSS_POST");
    assertThat(s.findings().notices().get(0).messageZh())
        .isEqualTo("交叉任职3人，占社区党组织委员会3/5（60%），占居民委员会3/5（60%）；书记杭书记兼任居民委员会主任（“一肩挑”）");
  }

  @Test
  void anotherDirectorIsWarned() {
    TwoCommitteesSummary s =
        TwoCommittees.summarise(
            party(),
            List.of(
                new ResidentsSeat("r1", "居委甲", CommitteePost.DIRECTOR),
                new ResidentsSeat("s", "杭书记", CommitteePost.MEMBER)));
    assertThat(s.oneShoulder()).isFalse();
    assertThat(s.findings().warnings())
        .extracting(f -> f.code())
        .containsExactly("COMMUNITY.TWO_COMMITTEES.ONE_SHOULDER");
    assertThat(s.findings().warnings().get(0).messageZh())
        .isEqualTo("书记杭书记未担任居民委员会主任（主任为居委甲），未实现“一肩挑”");
    assertThat(TwoCommittees.summarise(party(), List.of()).findings().warnings().get(0).messageZh())
        .startsWith("居民委员会尚未产生主任");
    assertThat(
            TwoCommittees.summarise(List.of(), List.of()).findings().warnings().get(0).messageZh())
        .startsWith("社区党组织尚未产生书记");
  }

  @Test
  void impossibleResultsAreInputErrors() {
    List<PartySeat> twoSecretaries = new ArrayList<>(party());
    twoSecretaries.add(new PartySeat("x", "某", PartyPost.SECRETARY));
    assertThatThrownBy(() -> TwoCommittees.summarise(twoSecretaries, List.of()))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(
            () ->
                TwoCommittees.summarise(
                    List.of(),
                    List.of(
                        new ResidentsSeat("a", "甲", CommitteePost.MEMBER),
                        new ResidentsSeat("a", "甲", CommitteePost.DIRECTOR))))
        .isInstanceOf(InvalidInputException.class);
  }

  static LongStream seeds() {
    return LongStream.of(9L, 99L, 2021L, 20210131L, 555L);
  }

  /**
   * Random results: team size = |party ∪ residents|, cross-posted = |party ∩ residents|, one line
   * per person, and 一肩挑 exactly when the secretary's residents' post is 主任.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void countsAreThoseOfTheUnionAndIntersection(long seed) {
    Random r = new Random(seed);
    for (int round = 0; round < 200; round++) {
      int pool = 3 + r.nextInt(12);
      List<PartySeat> party = new ArrayList<>();
      List<ResidentsSeat> residents = new ArrayList<>();
      Set<String> p = new HashSet<>();
      Set<String> q = new HashSet<>();
      boolean secretary = false;
      boolean director = false;
      String secretaryId = null;
      String directorId = null;
      for (int i = 0; i < pool; i++) {
        String id = "x" + i;
        if (r.nextBoolean()) {
          PartyPost post = !secretary && r.nextInt(3) == 0 ? PartyPost.SECRETARY : PartyPost.MEMBER;
          if (post == PartyPost.SECRETARY) {
            secretary = true;
            secretaryId = id;
          }
          party.add(new PartySeat(id, id, post));
          p.add(id);
        }
        if (r.nextBoolean()) {
          CommitteePost post =
              !director && r.nextInt(3) == 0 ? CommitteePost.DIRECTOR : CommitteePost.MEMBER;
          if (post == CommitteePost.DIRECTOR) {
            director = true;
            directorId = id;
          }
          residents.add(new ResidentsSeat(id, id, post));
          q.add(id);
        }
      }
      TwoCommitteesSummary s = TwoCommittees.summarise(party, residents);
      Set<String> union = new HashSet<>(p);
      union.addAll(q);
      Set<String> both = new HashSet<>(p);
      both.retainAll(q);
      assertThat(s.teamSize()).isEqualTo(union.size());
      assertThat(s.crossPosted()).isEqualTo(both.size());
      assertThat(s.people().stream().filter(TwoCommitteesSummary.Line::crossPosted).count())
          .isEqualTo(both.size());
      assertThat(s.oneShoulder()).isEqualTo(secretaryId != null && secretaryId.equals(directorId));
      assertThat(s.findings().warnings().isEmpty()).isEqualTo(s.oneShoulder());
    }
  }
}
