package xuanju.core.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import xuanju.core.rule.InvalidInputException;

class ElectionMethodsTest {
  private static ElectionMethods.Settings settings(
      ElectorateMode mode, int proxies, boolean carry) {
    return new ElectionMethods.Settings(
        "诺恩吉雅社区",
        mode,
        Map.of(
            CommitteePost.DIRECTOR, 1, CommitteePost.DEPUTY_DIRECTOR, 1, CommitteePost.MEMBER, 3),
        proxies,
        true,
        carry ? CarryDown.NEI_MONGOL : CarryDown.byPlan(false, "某省居民委员会选举办法"));
  }

  @Test
  void theDraftHasEveryRequiredContentFilledWithTheSettings() {
    ElectionMethods.Method m =
        ElectionMethods.draft(settings(ElectorateMode.HOUSEHOLD_REPRESENTATIVES, 2, true));
    String text =
        String.join(
            "\n",
            m.sections().stream()
                .flatMap(s -> Stream.concat(Stream.of(s.titleZh()), s.paragraphs().stream()))
                .toList());
    assertThat(m.titleZh()).startsWith("诺恩吉雅社区");
    // the seed's required contents (seed-rules §4.4 step 2)
    assertThat(text)
        .contains("选民资格", "不宜确定为候选人", "候选人的产生", "委托投票", "有效选票", "回避", "违法行为")
        .contains("主任1人、副主任1人、委员3人", "共5人")
        .contains("每户派代表选举", "登记参加选举的户数")
        .contains("每一选民接受的委托不得超过2人")
        .contains("计入其副主任、委员得票")
        .contains("三分之一");
    for (BarringCase c : BarringCase.values()) {
      assertThat(text).contains(c.textZh());
    }
    String separate =
        ElectionMethods.draft(settings(ElectorateMode.ALL_VOTERS, 3, false)).sections().stream()
            .flatMap(s -> s.paragraphs().stream())
            .reduce("", String::concat);
    assertThat(separate).contains("分别计票").contains("某省居民委员会选举办法").doesNotContain("每户派代表");
  }

  @ParameterizedTest
  @CsvSource({"0", "4"})
  void aProxyCapOutsideOneToThreeIsRefused(int cap) {
    assertThatThrownBy(() -> settings(ElectorateMode.ALL_VOTERS, cap, true))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("每一选民接受的委托不得超过三人");
  }

  @Test
  void noSeatsIsRefused() {
    assertThatThrownBy(
            () ->
                new ElectionMethods.Settings(
                    "某社区", ElectorateMode.ALL_VOTERS, Map.of(), 3, true, CarryDown.NEI_MONGOL))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("应选名额");
  }

  @ParameterizedTest
  @CsvSource({
    // members, attended, for, adopted
    "30, 20, 11, true",
    "30, 19, 19, false",
    "30, 20, 10, false",
    "31, 21, 11, true",
    "31, 20, 20, false",
    "3, 2, 2, true",
  })
  void adoptionNeedsTwoThirdsPresentAndMoreThanHalfOfThem(
      int members, int attended, int votes, boolean adopted) {
    var f = ElectionMethods.adoption(members, attended, votes);
    assertThat(f.ok()).isEqualTo(adopted);
    if (!adopted) {
      assertThat(f.errors().get(0).messageZh()).contains(String.valueOf(attended));
      assertThat(f.errors().get(0).code()).isEqualTo("RESIDENTS.METHOD.QUORUM");
    }
  }

  static Stream<Arguments> meetings() {
    Random r = new Random(5);
    return IntStream.range(0, 300)
        .mapToObj(
            i -> {
              int members = 1 + r.nextInt(80);
              int attended = r.nextInt(members + 1);
              return Arguments.of(members, attended, r.nextInt(attended + 1));
            });
  }

  @ParameterizedTest
  @MethodSource("meetings")
  void adoptionMatchesTheArithmetic(int members, int attended, int votes) {
    boolean expected = 3L * attended >= 2L * members && 2L * votes > attended;
    assertThat(ElectionMethods.adoption(members, attended, votes).ok()).isEqualTo(expected);
  }

  @Test
  void impossibleNumbersAreRefused() {
    assertThatThrownBy(() -> ElectionMethods.adoption(10, 11, 5))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("到会人数11多于组成人员10人");
    assertThatThrownBy(() -> ElectionMethods.adoption(10, 8, 9))
        .isInstanceOf(InvalidInputException.class);
  }
}
