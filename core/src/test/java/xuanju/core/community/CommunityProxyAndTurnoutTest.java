package xuanju.core.community;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import xuanju.core.profile.Profile;
import xuanju.core.profile.Profiles;
import xuanju.core.profile.ProvincialVariants;
import xuanju.core.proxy.Proxies;
import xuanju.core.proxy.ProxyRequest;
import xuanju.core.proxy.ProxyResult;
import xuanju.core.quorum.Electorate;
import xuanju.core.quorum.Meeting;
import xuanju.core.quorum.Quorum;
import xuanju.core.rule.Decision;

/**
 * The community election with the existing proxy and turnout rules (no new rules): the residents'
 * profile (as 内蒙古 applies it) caps a holder at 3 principals, and turnout must be over half.
 */
class CommunityProxyAndTurnoutTest {
  static final Profile RC =
      ProvincialVariants.NEI_MONGOL.applyTo(Profiles.byId("RESIDENTS_COMMITTEE"));

  static ProxyRequest req(String principal, String holder) {
    return new ProxyRequest(principal, holder, true, false, false, true);
  }

  @Test
  void aFourthProxyIsRefusedWithTheCapRule() {
    Decision<ProxyResult> d =
        Proxies.check(
            RC, List.of(req("a", "h"), req("b", "h"), req("c", "h"), req("d", "h"), req("e", "k")));
    assertThat(d.outcome().accepted())
        .extracting(ProxyRequest::principalId)
        .containsExactly("a", "b", "c", "e");
    assertThat(d.outcome().rejected()).hasSize(1);
    assertThat(d.outcome().rejected().get(0).request().principalId()).isEqualTo("d");
    assertThat(d.outcome().rejected().get(0).codes()).containsExactly("PROXY.PLAN.CAP");
  }

  @Test
  void unwrittenOrOutsideProxiesAreRefused() {
    Decision<ProxyResult> d =
        Proxies.check(
            RC,
            List.of(
                new ProxyRequest("a", "h", false, false, false, true),
                new ProxyRequest("b", "h", true, false, false, false)));
    assertThat(d.outcome().rejected())
        .extracting(r -> r.codes().get(0))
        .containsExactly("PROXY.PLAN.WRITTEN", "PROXY.PLAN.SAME_ELECTORATE");
  }

  /** Exactly half of the registered voters is not enough; one more is. */
  @Test
  void turnoutMustBeOverHalf() {
    for (long registered : new long[] {2, 10, 1000, 2468}) {
      long half = registered / 2;
      var atHalf = Quorum.check(RC, Meeting.ELECTORAL, Electorate.direct(registered, half, half));
      assertThat(atHalf.outcome().met()).as("%d of %d", half, registered).isFalse();
      assertThat(atHalf.codes()).endsWith("RESIDENTS.TURNOUT.HALF");
      assertThat(atHalf.outcome().minimum()).isEqualTo(half + 1);
      assertThat(
              Quorum.check(RC, Meeting.ELECTORAL, Electorate.direct(registered, half + 1, half + 1))
                  .outcome()
                  .met())
          .isTrue();
    }
  }

  static LongStream seeds() {
    return LongStream.of(3L, 33L, 333L, 20210128L, 1L << 40);
  }

  /**
   * Random request queues: every holder has at most 3 accepted, a request is refused for the cap
   * exactly when its holder already had 3, and turnout passes exactly when 2 × voted > registered.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void capAndTurnoutHoldOnRandomInput(long seed) {
    Random r = new Random(seed);
    for (int round = 0; round < 100; round++) {
      List<ProxyRequest> reqs = new ArrayList<>();
      int n = r.nextInt(40);
      for (int i = 0; i < n; i++) {
        reqs.add(req("p" + i, "h" + r.nextInt(5)));
      }
      ProxyResult res = Proxies.check(RC, reqs).outcome();
      Map<String, Integer> seen = new HashMap<>();
      for (ProxyRequest q : reqs) {
        int before = seen.getOrDefault(q.holderId(), 0);
        boolean accepted = res.accepted().contains(q);
        assertThat(accepted).isEqualTo(before < 3);
        if (accepted) {
          seen.put(q.holderId(), before + 1);
        }
      }
      long registered = 1 + r.nextInt(3000);
      long voted = r.nextInt((int) registered + 1);
      assertThat(
              Quorum.check(RC, Meeting.ELECTORAL, Electorate.direct(registered, voted, voted))
                  .outcome()
                  .met())
          .isEqualTo(2 * voted > registered);
    }
  }
}
