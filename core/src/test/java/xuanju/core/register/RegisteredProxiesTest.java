package xuanju.core.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static xuanju.core.register.People.district;
import static xuanju.core.register.People.resident;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import xuanju.core.profile.Profiles;
import xuanju.core.proxy.ProxyResult;
import xuanju.core.rule.Finding;
import xuanju.core.rule.InvalidInputException;
import xuanju.core.rule.Step;

/** Proxies between registered voters, through the existing proxy rules. */
class RegisteredProxiesTest {
  static final LocalDate DAY = LocalDate.of(2026, 10, 8);
  static final RegistrationPlace D1 = district("angsu", "d1");
  static final RegistrationPlace D2 = district("angsu", "d2");

  final Map<String, Registration> register = new HashMap<>();
  final List<Resident> voters = new ArrayList<>();

  RegisteredProxiesTest() {
    for (int i = 0; i < 6; i++) {
      Resident r = resident("选民" + i, LocalDate.of(1970 + i, 1, 1), i, true);
      voters.add(r);
      register.put(r.idNumber(), Registration.atHukou(r, i < 5 ? D1 : D2, DAY));
    }
  }

  String id(int i) {
    return voters.get(i).idNumber();
  }

  @Test
  void fourthProxyToOneHolderIsRefusedByTheCap() {
    List<RegisteredProxyRequest> q = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      q.add(new RegisteredProxyRequest(id(i), id(0), true, true, false));
    }
    RegisteredProxies.Result res =
        RegisteredProxies.check(Profiles.byId("PEOPLES_CONGRESS_DIRECT"), q, register);
    assertThat(res.refused()).isEmpty();
    assertThat(res.accepted()).hasSize(3);
    List<ProxyResult.Rejected> rejected = res.decision().outcome().rejected();
    assertThat(rejected)
        .singleElement()
        .satisfies(r -> assertThat(r.codes()).containsExactly("NPC.PROXY.CAP"));
    assertThat(rejected.get(0).request().principalId()).isEqualTo(id(4));
    for (Step s : res.decision().trail()) {
      for (Resident v : voters) {
        assertThat(s.explanationZh()).doesNotContain(v.idNumber());
      }
    }
    assertThat(res.decision().trail().get(0).explanationZh()).contains("选民1（1506**********");
  }

  @Test
  void holderOfAnotherDistrictFailsTheSameDistrictRule() {
    RegisteredProxies.Result res =
        RegisteredProxies.check(
            Profiles.byId("PEOPLES_CONGRESS_DIRECT"),
            List.of(new RegisteredProxyRequest(id(1), id(5), true, true, false)),
            register);
    assertThat(res.decision().outcome().rejected().get(0).codes())
        .containsExactly("NPC.PROXY.SAME_ELECTORATE");
  }

  @Test
  void unregisteredPeopleAndSelfAreRefusedBeforeTheProxyRules() {
    Resident stranger = resident("外人", LocalDate.of(1980, 2, 2), 99, false);
    RegisteredProxies.Result res =
        RegisteredProxies.check(
            Profiles.byId("PEOPLES_CONGRESS_DIRECT"),
            List.of(
                new RegisteredProxyRequest(stranger.idNumber(), id(0), true, true, false),
                new RegisteredProxyRequest(id(1), stranger.idNumber(), true, true, false),
                new RegisteredProxyRequest(id(2), id(2), true, true, false),
                new RegisteredProxyRequest(id(3), id(0), true, true, false)),
            register);
    assertThat(res.refused()).hasSize(3);
    assertThat(res.findings().errors())
        .extracting(Finding::code)
        .containsExactlyInAnyOrder(
            "REGISTER.PROXY.PRINCIPAL_NOT_REGISTERED",
            "REGISTER.PROXY.HOLDER_NOT_REGISTERED",
            "REGISTER.PROXY.SELF");
    assertThat(res.findings().errors())
        .filteredOn(f -> f.code().equals("REGISTER.PROXY.HOLDER_NOT_REGISTERED"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.messageZh())
                    .contains("第2条委托")
                    .contains("选民1（")
                    .doesNotContain(stranger.idNumber()));
    assertThat(res.accepted()).extracting(p -> p.principalId()).containsExactly(id(3));
  }

  @Test
  void withoutConsentOrWritingTheLawRefuses() {
    RegisteredProxies.Result res =
        RegisteredProxies.check(
            Profiles.byId("PEOPLES_CONGRESS_DIRECT"),
            List.of(new RegisteredProxyRequest(id(1), id(0), false, false, false)),
            register);
    assertThat(res.decision().outcome().rejected().get(0).codes())
        .containsExactlyInAnyOrder("NPC.PROXY.WRITTEN", "NPC.PROXY.CONSENT");
  }

  @Test
  void samePrincipalTwiceIsBadInput() {
    assertThatThrownBy(
            () ->
                RegisteredProxies.check(
                    Profiles.byId("PEOPLES_CONGRESS_DIRECT"),
                    List.of(
                        new RegisteredProxyRequest(id(1), id(0), true, true, false),
                        new RegisteredProxyRequest(id(1), id(2), true, true, false)),
                    register))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            x ->
                assertThat(((InvalidInputException) x).field())
                    .isEqualTo("requests[1].principalId"));
  }
}
