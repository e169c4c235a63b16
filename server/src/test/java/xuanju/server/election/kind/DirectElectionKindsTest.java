package xuanju.server.election.kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import xuanju.core.rule.Finding;
import xuanju.core.rule.Findings;
import xuanju.server.access.Permission;
import xuanju.server.documents.DocumentContent;
import xuanju.server.election.Election;
import xuanju.server.election.ElectionForm;
import xuanju.server.election.ElectionKind;
import xuanju.server.election.ElectionService;
import xuanju.server.election.ElectionStatus;
import xuanju.server.nomination.NominationOverview;
import xuanju.server.nomination.NominationService;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.plan.PlanFixtures;
import xuanju.server.plan.PlanService;
import xuanju.server.plan.RuleBlockedException;
import xuanju.server.security.UserRepository;
import xuanju.server.support.H2AppTest;
import xuanju.server.support.SignIn;

/**
 * A residents' committee election in the same branch as a party branch election: its plan is
 * checked against its own rule set (the voter register, not the party roster), its request has its
 * own title and words, and its nominees need not be party members.
 */
class DirectElectionKindsTest extends H2AppTest {
  private static final AtomicInteger N = new AtomicInteger();

  @Autowired OrganisationService orgs;
  @Autowired UserRepository users;
  @Autowired JdbcTemplate jdbc;
  @Autowired ElectionService elections;
  @Autowired PlanService plans;
  @Autowired NominationService nomination;

  private long create(long org, ElectionKind kind) {
    return create(org, kind, 5);
  }

  private long create(long org, ElectionKind kind, int seats) {
    long[] id = new long[1];
    SignIn.as(
        "admin",
        true,
        () ->
            id[0] =
                elections.create(
                    new ElectionForm(
                        org,
                        "类型测试选举" + N.incrementAndGet(),
                        kind,
                        kind.defaultProfile(),
                        Map.of(),
                        "",
                        true,
                        seats,
                        1,
                        1,
                        null,
                        LocalDate.now().plusDays(40),
                        3)));
    return id[0];
  }

  private static <T> T asAdmin(java.util.function.Supplier<T> s) {
    Object[] out = new Object[1];
    SignIn.as("admin", true, () -> out[0] = s.get());
    return (T) out[0];
  }

  private static String text(DocumentContent d) {
    StringBuilder sb = new StringBuilder(d.title()).append('\n');
    for (DocumentContent.Block b : d.blocks()) {
      if (b instanceof DocumentContent.Heading h) {
        sb.append(h.text());
      } else if (b instanceof DocumentContent.Paragraph p) {
        sb.append(p.text());
      } else if (b instanceof DocumentContent.Table t) {
        t.rows().forEach(r -> sb.append(String.join("|", r)));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  @Test
  void residentsCommitteePlanIsCheckedAgainstTheVoterRegisterNotThePartyRoster() {
    // 8 members with a vote: the party branch rules would be satisfied by a committee plan
    var s = PlanFixtures.scenario(orgs, users, jdbc, 8, 1);
    long party = create(s.branch(), ElectionKind.PARTY_BRANCH);
    long residents = create(s.branch(), ElectionKind.RESIDENTS_COMMITTEE);

    Findings partyFindings = asAdmin(() -> plans.check(party));
    assertThat(partyFindings.ok()).isTrue();
    Findings f = asAdmin(() -> plans.check(residents));
    // no districts yet: a warning of the kind's own rule set, no party rule, nothing blocks
    assertThat(f.codes())
        .containsExactly("RESIDENTS.PLAN.NO_DISTRICTS")
        .noneMatch(c -> c.startsWith("PARTY."));
    assertThat(f.ok()).isTrue();

    // with too few members for a committee the party rules object; the residents' check does not
    var small = PlanFixtures.scenario(orgs, users, jdbc, 3, 0);
    long smallParty = create(small.branch(), ElectionKind.PARTY_BRANCH);
    long smallResidents = create(small.branch(), ElectionKind.RESIDENTS_COMMITTEE);
    assertThat(((Findings) asAdmin(() -> plans.check(smallParty))).codes())
        .contains("PARTY.COMMITTEE.NONE_UNDER_7");
    assertThat(((Findings) asAdmin(() -> plans.check(smallResidents))).codes())
        .containsExactly("RESIDENTS.PLAN.NO_DISTRICTS");

    // the plan may be reported before the register is built
    Election before = asAdmin(() -> elections.get(residents));
    SignIn.as("admin", true, () -> plans.submit(residents, before.version()));
    assertThat(asAdmin(() -> elections.get(residents)).status())
        .isEqualTo(ElectionStatus.PLAN_SUBMITTED);

    // a committee of 4 is outside 五至九人 (居组法第七条): blocked with the Chinese message, nothing changes
    long four = create(s.branch(), ElectionKind.RESIDENTS_COMMITTEE, 4);
    Findings ff = asAdmin(() -> plans.check(four));
    assertThat(ff.errors())
        .extracting(Finding::code)
        .containsExactly("RESIDENTS.PLAN.COMMITTEE_SIZE");
    assertThat(ff.errors().get(0).messageZh()).contains("五至九人", "方案应选4名");
    Election four0 = asAdmin(() -> elections.get(four));
    SignIn.as(
        "admin",
        true,
        () ->
            assertThatThrownBy(() -> plans.submit(four, four0.version()))
                .isInstanceOf(RuleBlockedException.class)
                .hasMessageContaining("五至九人"));
    Election after = asAdmin(() -> elections.get(four));
    assertThat(after.status()).isEqualTo(ElectionStatus.DRAFT);
    assertThat(after.version()).isEqualTo(four0.version());
  }

  @Test
  void eachKindsRequestHasItsOwnTitleAndWords() {
    var s = PlanFixtures.scenario(orgs, users, jdbc, 8, 1);
    long party = create(s.branch(), ElectionKind.PARTY_BRANCH);
    long residents = create(s.branch(), ElectionKind.RESIDENTS_COMMITTEE);
    long town = create(s.branch(), ElectionKind.TOWN_PEOPLES_CONGRESS);

    DocumentContent p = asAdmin(() -> plans.requestDocument(party));
    assertThat(p.title()).isEqualTo("关于召开党员大会进行换届选举的请示");
    assertThat(text(p)).contains("召开党员大会，进行换届选举", "一、党员基本情况", "有表决权、选举权和被选举权的党员8名");

    DocumentContent r = asAdmin(() -> plans.requestDocument(residents));
    assertThat(r.title()).isEqualTo("关于开展社区居民委员会换届选举工作的请示");
    assertThat(text(r))
        .contains("召开选举大会，进行换届选举", "《中华人民共和国城市居民委员会组织法》", "选民登记尚未完成", "居民委员会主任")
        .doesNotContain("党员大会", "支部委员会", "有表决权");

    DocumentContent t = asAdmin(() -> plans.requestDocument(town));
    assertThat(t.title()).isEqualTo("关于开展乡镇人民代表大会代表换届选举工作的请示");
    assertThat(text(t)).contains("镇人大代表（每个选区）").doesNotContain("党员大会");
  }

  @Test
  void residentsCommitteeNomineesNeedNotBePartyMembers() {
    var s = PlanFixtures.scenario(orgs, users, jdbc, 8, 1);
    long probationary = s.members().get(0); // probationary members are inserted first
    long party = create(s.branch(), ElectionKind.PARTY_BRANCH);
    long residents = create(s.branch(), ElectionKind.RESIDENTS_COMMITTEE);
    for (long id : List.of(party, residents)) {
      approvePlan(id);
      SignIn.as("admin", true, () -> nomination.addNominee(id, probationary, 3, false));
    }
    List<String> partyCodes = eligibilityCodes(party);
    assertThat(partyCodes).contains("PARTY.ELIGIBILITY.RIGHT_TO_STAND");
    List<String> residentsCodes = eligibilityCodes(residents);
    assertThat(residentsCodes).noneMatch(c -> c.startsWith("PARTY.ELIGIBILITY."));
    assertThat(residentsCodes).isEmpty();
  }

  private List<String> eligibilityCodes(long electionId) {
    NominationOverview o = asAdmin(() -> nomination.overview(electionId));
    assertThat(o.nominees()).hasSize(1);
    return o.nominees().get(0).eligibility().stream().map(Finding::code).toList();
  }

  /** Moves a draft to PLAN_APPROVED through the audited transitions (the register is not built). */
  private void approvePlan(long id) {
    SignIn.as(
        "admin",
        true,
        () -> {
          Election e = elections.get(id);
          e =
              elections.transition(
                  id,
                  e.version(),
                  Permission.MANAGE,
                  ElectionStatus.DRAFT,
                  ElectionStatus.PLAN_SUBMITTED,
                  "TEST",
                  "测试：报送方案");
          elections.transition(
              id,
              e.version(),
              Permission.APPROVE,
              ElectionStatus.PLAN_SUBMITTED,
              ElectionStatus.PLAN_APPROVED,
              "TEST",
              "测试：批复方案");
        });
  }
}
