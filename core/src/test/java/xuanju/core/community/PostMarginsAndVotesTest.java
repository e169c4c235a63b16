package xuanju.core.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import xuanju.core.profile.Profile;
import xuanju.core.profile.Profiles;
import xuanju.core.profile.ProvincialVariant;
import xuanju.core.profile.ProvincialVariants;
import xuanju.core.rule.Findings;
import xuanju.core.rule.InvalidInputException;

/**
 * Margins per post (主任、副主任、委员 each at least one more than the seats) and the carry-down setting.
 */
class PostMarginsAndVotesTest {
  static final Profile RC =
      ProvincialVariants.NEI_MONGOL.applyTo(Profiles.byId("RESIDENTS_COMMITTEE"));

  static Map<CommitteePost, Integer> posts(int director, int deputy, int member) {
    Map<CommitteePost, Integer> m = new EnumMap<>(CommitteePost.class);
    m.put(CommitteePost.DIRECTOR, director);
    m.put(CommitteePost.DEPUTY_DIRECTOR, deputy);
    m.put(CommitteePost.MEMBER, member);
    return m;
  }

  @Test
  void oneMoreThanTheSeatsOfEachPost() {
    assertThat(PostMargins.check(RC, posts(1, 1, 3), posts(2, 2, 4)).all()).isEmpty();
    Findings f = PostMargins.check(RC, posts(1, 1, 3), posts(1, 2, 3));
    assertThat(f.codes())
        .containsExactly("RESIDENTS.MARGIN.MORE_THAN_SEATS", "RESIDENTS.MARGIN.MORE_THAN_SEATS");
    assertThat(f.errors())
        .extracting(x -> x.messageZh())
        .containsExactlyInAnyOrder("主任：应选1名，候选人1名，少于最低2名", "委员：应选3名，候选人3名，少于最低4名");
    assertThat(f.errors())
        .extracting(x -> x.fields().get(0))
        .containsExactlyInAnyOrder("posts.DIRECTOR.candidates", "posts.MEMBER.candidates");
    assertThat(PostMargins.range(RC, CommitteePost.MEMBER, 3).min()).isEqualTo(4);
    assertThat(PostMargins.range(RC, CommitteePost.MEMBER, 3).max()).isEmpty();
  }

  @Test
  void postWithoutSeatsIsSkippedButMayNotHaveCandidates() {
    assertThat(PostMargins.check(RC, posts(1, 0, 4), posts(2, 0, 5)).all()).isEmpty();
    assertThatThrownBy(() -> PostMargins.check(RC, posts(1, 0, 4), posts(2, 1, 5)))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void neiMongolCarryDownIsKeptAndMarkedForReview() {
    assertThat(CarryDown.NEI_MONGOL.carryDown()).isTrue();
    assertThat(CarryDown.NEI_MONGOL.status()).isEqualTo(ProvincialVariant.Status.NEEDS_REVIEW);
    assertThat(CarryDown.NEI_MONGOL.rule().code()).isEqualTo("RESIDENTS.COUNT.CARRY_DOWN");
    assertThat(CarryDown.NEI_MONGOL.citation().display())
        .isEqualTo("《内蒙古自治区实施《中华人民共和国城市居民委员会组织法》办法》");
    CarryDown plan = CarryDown.byPlan(false, "诺恩吉雅社区居民委员会选举办法");
    assertThat(plan.rule().code()).isEqualTo("RESIDENTS.COUNT.SEPARATE");
    assertThat(plan.status()).isEqualTo(ProvincialVariant.Status.CONFIRMED);
  }

  /** 张: 主任 40, 委员 5; 李: 主任 60 (elected); 王: 副主任 30, 委员 10; 赵: 委员 35. */
  @Test
  void carryDownAddsTheHigherPostsVotes() {
    Map<String, Map<CommitteePost, Long>> v = new LinkedHashMap<>();
    v.put("张", Map.of(CommitteePost.DIRECTOR, 40L, CommitteePost.MEMBER, 5L));
    v.put("李", Map.of(CommitteePost.DIRECTOR, 60L));
    v.put("王", Map.of(CommitteePost.DEPUTY_DIRECTOR, 30L, CommitteePost.MEMBER, 10L));
    v.put("赵", Map.of(CommitteePost.MEMBER, 35L));
    Set<String> above = Set.of("李");
    assertThat(PostVotes.counts(CarryDown.NEI_MONGOL, CommitteePost.DEPUTY_DIRECTOR, v, above))
        .containsExactly(Map.entry("张", 40L), Map.entry("王", 30L));
    assertThat(PostVotes.counts(CarryDown.NEI_MONGOL, CommitteePost.MEMBER, v, Set.of("李", "张")))
        .containsExactly(Map.entry("王", 40L), Map.entry("赵", 35L));
    CarryDown separate = CarryDown.byPlan(false, "本地办法");
    assertThat(PostVotes.counts(separate, CommitteePost.MEMBER, v, above))
        .containsExactly(Map.entry("张", 5L), Map.entry("王", 10L), Map.entry("赵", 35L));
    assertThat(PostVotes.counts(separate, CommitteePost.DIRECTOR, v, Set.of()))
        .containsExactly(Map.entry("张", 40L), Map.entry("李", 60L));
  }

  static LongStream seeds() {
    return LongStream.of(6L, 19L, 2018L, 20210115L, 4242L);
  }

  /**
   * Random ballots: without carry-down a post counts its own marks; with it, the sum of that post
   * and those above; the director's count is the same either way and carry-down never lowers a
   * count.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void carryDownIsTheSumOfTheHigherPosts(long seed) {
    Random r = new Random(seed);
    CarryDown separate = CarryDown.byPlan(false, "本地办法");
    for (int round = 0; round < 200; round++) {
      Map<String, Map<CommitteePost, Long>> v = new LinkedHashMap<>();
      int n = 1 + r.nextInt(8);
      for (int i = 0; i < n; i++) {
        Map<CommitteePost, Long> m = new EnumMap<>(CommitteePost.class);
        for (CommitteePost p : CommitteePost.values()) {
          if (r.nextBoolean()) {
            m.put(p, (long) r.nextInt(500));
          }
        }
        v.put("c" + i, m);
      }
      for (CommitteePost post : CommitteePost.values()) {
        Map<String, Long> with = PostVotes.counts(CarryDown.NEI_MONGOL, post, v, Set.of());
        Map<String, Long> without = PostVotes.counts(separate, post, v, Set.of());
        for (Map.Entry<String, Map<CommitteePost, Long>> e : v.entrySet()) {
          long own = e.getValue().getOrDefault(post, -1L);
          assertThat(without.getOrDefault(e.getKey(), -1L)).isEqualTo(own);
          long sum = 0;
          boolean any = false;
          for (CommitteePost p : CommitteePost.values()) {
            if (p.ordinal() <= post.ordinal() && e.getValue().containsKey(p)) {
              sum += e.getValue().get(p);
              any = true;
            }
          }
          assertThat(with.getOrDefault(e.getKey(), -1L)).isEqualTo(any ? sum : -1L);
          assertThat(with.getOrDefault(e.getKey(), 0L))
              .isGreaterThanOrEqualTo(without.getOrDefault(e.getKey(), 0L));
        }
        if (post == CommitteePost.DIRECTOR) {
          assertThat(with).isEqualTo(without);
        }
      }
    }
  }

  /**
   * Random seats and candidates: an error for a post exactly when its candidates do not exceed its
   * seats.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void marginErrorIffCandidatesDoNotExceedSeats(long seed) {
    Random r = new Random(seed);
    for (int round = 0; round < 200; round++) {
      Map<CommitteePost, Integer> seats = posts(1, r.nextInt(3), 1 + r.nextInt(7));
      Map<CommitteePost, Integer> cands = new EnumMap<>(CommitteePost.class);
      int expected = 0;
      for (CommitteePost p : CommitteePost.values()) {
        int s = seats.get(p);
        int c = s == 0 ? 0 : r.nextInt(s + 3);
        cands.put(p, c);
        expected += s > 0 && c <= s ? 1 : 0;
      }
      assertThat(PostMargins.check(RC, seats, cands).errors()).hasSize(expected);
    }
  }
}
