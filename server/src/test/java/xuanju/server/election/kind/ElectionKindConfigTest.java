package xuanju.server.election.kind;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import xuanju.core.profile.Profiles;
import xuanju.core.rule.Findings;
import xuanju.core.schedule.TimelineTemplates;
import xuanju.server.election.ElectionKind;
import xuanju.server.plan.PlanChecks;

/**
 * Each election kind declares its electorate, contests, stages, approvals, documents and wording.
 */
class ElectionKindConfigTest {

  @ParameterizedTest
  @EnumSource(ElectionKind.class)
  void everyKindDeclaresTheWholeConfiguration(ElectionKind kind) {
    ElectionKindConfig c = kind.config();
    assertThat(c.labelZh()).isEqualTo(kind.labelZh()).matches(".*\\p{IsHan}.*");
    // the profile and timeline exist in core
    assertThat(Profiles.byId(c.defaultProfile())).isNotNull();
    assertThat(TimelineTemplates.byId(c.timelineTemplate())).isPresent();
    assertThat(c.electorate()).isNotNull();
    assertThat(c.contests())
        .isNotEmpty()
        .allSatisfy(x -> assertThat(x.defaultSeats()).isPositive());
    assertThat(c.contests(1)).isNotEmpty();
    assertThat(c.approver(ApprovalSubject.PLAN)).isPresent();
    assertThat(c.approver(ApprovalSubject.RESULTS)).isPresent();
    assertThat(c.approvals()).allSatisfy(a -> assertThat(a.displayZh()).matches(".*\\p{IsHan}.*"));
    assertThat(c.documents().requestTitle()).startsWith("关于").endsWith("的请示");
    assertThat(c.documents().replyTitle("某组织")).contains("某组织").endsWith("的批复");
    assertThat(c.documents().resultsReportTitle("某组织", c.wording().committee()))
        .contains("某组织", c.wording().committee());
    var w = c.wording();
    for (String s :
        List.of(
            w.electingBody(),
            w.votingEventZh(),
            w.electors(),
            w.committee(),
            w.committeeMember(),
            w.directOfficer(),
            w.officer(),
            w.statute(),
            w.upper(),
            w.addressee(),
            w.electorateRecord(),
            w.resultsFilingZh())) {
      assertThat(s).as(kind + " wording").matches("[\\p{IsHan}（）《》、，。()]+");
    }
    // a second stage needs the plenum's words, and only then
    assertThat(w.plenum().isEmpty()).isEqualTo(!c.stages().plenumElectsOfficers());
    assertThat(c.contests(2).isEmpty()).isEqualTo(!c.stages().plenumElectsOfficers());
  }

  @Test
  void thePartyBranchIsTodaysBehaviour() {
    ElectionKindConfig c = ElectionKind.PARTY_BRANCH.config();
    assertThat(c).isSameAs(PartyBranchKind.CONFIG);
    assertThat(c.labelZh()).isEqualTo("党支部委员会换届选举");
    assertThat(c.defaultProfile()).isEqualTo("PARTY_GRASSROOTS");
    assertThat(c.timelineTemplate()).isEqualTo("PARTY_BRANCH");
    assertThat(c.electorate()).isEqualTo(Electorate.MEMBERS_MEETING);
    assertThat(c.membersMeeting()).isTrue();
    assertThat(c.nomineeEligibility()).isEqualTo(NomineeEligibility.PARTY_MEMBER_ONE_YEAR);
    assertThat(c.stages().hasSecondStage(true)).isTrue();
    assertThat(c.stages().hasSecondStage(false)).isFalse();
    assertThat(c.contests(2)).extracting(Contest::postZh).containsExactly("书记", "副书记");
    assertThat(c.approver(ApprovalSubject.PLAN)).contains(ApprovalBody.UPPER_PARTY_ORGANISATION);
    assertThat(c.approver(ApprovalSubject.RESULTS)).contains(ApprovalBody.UPPER_PARTY_ORGANISATION);
    var d = c.documents();
    assertThat(d.requestTitle()).isEqualTo("关于召开党员大会进行换届选举的请示");
    assertThat(d.replyTitle("中共东营子村党支部")).isEqualTo("关于同意中共东营子村党支部召开党员大会进行换届选举的批复");
    assertThat(d.resultsReportTitle("中共东营子村党支部", "支部委员会")).isEqualTo("关于选举产生中共东营子村党支部新一届支部委员会的报告");
    assertThat(d.announcementTitle("中共东营子村党支部")).isEqualTo("中共东营子村党支部换届选举结果公告");
    assertThat(d.resultsReplyTitle("中共东营子村党支部")).isEqualTo("关于中共东营子村党支部换届选举结果的批复");
    var w = c.wording();
    assertThat(w.electingBody()).isEqualTo("党员大会");
    assertThat(w.votingEventZh()).isEqualTo("召开党员大会");
    assertThat(w.committee()).isEqualTo("支部委员会");
    assertThat(w.directOfficer()).isEqualTo("支部书记");
    assertThat(w.plenum()).isEqualTo("委员会第一次全体会议");
    assertThat(w.plenumShort()).isEqualTo("委员会全体会议");
    assertThat(w.statute()).isEqualTo("《中国共产党基层组织选举工作条例》");
    assertThat(w.upper()).isEqualTo("上级党组织");
    assertThat(w.addressee()).isEqualTo("你支部");
    assertThat(w.electorateRecord()).isEqualTo("党员名册");
    assertThat(w.resultsFilingZh()).isEqualTo("书记、副书记的选举结果报上级党组织批准，委员报上级党组织备案。");
  }

  @Test
  void delegatesToAHigherCongressHaveTheirOwnPagesAndTheLocalProfile() {
    ElectionKindConfig c = ElectionKind.PARTY_CONGRESS_DELEGATES.config();
    assertThat(c).isSameAs(PartyCongressDelegatesKind.CONFIG);
    assertThat(c.labelZh()).isEqualTo("出席上级党代会代表选举");
    assertThat(c.defaultProfile()).isEqualTo("PARTY_LOCAL");
    assertThat(c.timelineTemplate()).isEqualTo("PARTY_CONGRESS_DELEGATES");
    assertThat(c.electorate()).isEqualTo(Electorate.CONFERENCE);
    assertThat(c.membersMeeting()).isFalse();
    assertThat(c.electorate().registersVoters()).isFalse();
    assertThat(c.pages()).isEqualTo(PageSet.DELEGATES);
    assertThat(c.stages().hasSecondStage(true)).isFalse();
    assertThat(c.contests()).extracting(Contest::defaultSeats).containsExactly(16);
    // 区委常委会 → 市委 consent → 区委全会 → 市委组织部 review → 市委 批复 (seed 003)
    assertThat(c.approvals(ApprovalSubject.CANDIDATES))
        .extracting(ApprovalStep::body)
        .containsExactly(
            ApprovalBody.ELECTING_UNIT_PARTY_COMMITTEE,
            ApprovalBody.HIGHER_PARTY_COMMITTEE,
            ApprovalBody.ELECTING_UNIT_PARTY_COMMITTEE,
            ApprovalBody.HIGHER_ORGANISATION_DEPARTMENT,
            ApprovalBody.HIGHER_PARTY_COMMITTEE);
    assertThat(c.approver(ApprovalSubject.RESULTS)).contains(ApprovalBody.HIGHER_PARTY_COMMITTEE);
    assertThat(c.wording().electingBody()).isEqualTo("党代表会议");
    // the other kinds keep their pages
    assertThat(ElectionKind.PARTY_BRANCH.config().pages()).isEqualTo(PageSet.MEETING);
    assertThat(ElectionKind.RESIDENTS_COMMITTEE.config().pages()).isEqualTo(PageSet.MEETING);
    assertThat(ElectionKind.TOWN_PEOPLES_CONGRESS.config().pages())
        .isEqualTo(PageSet.DISTRICT_CONTESTS);
  }

  @Test
  void thePartyBranchPlanCheckIsThePartyRosterRules() {
    PlanCheck check = ElectionKind.PARTY_BRANCH.config().planCheck();
    int[][] plans = {
      {0, 1, 1, 0, 6},
      {0, 1, 1, 0, 7},
      {1, 3, 1, 0, 6},
      {1, 3, 1, 0, 0},
      {0, 1, 1, 2, 5},
      {1, 9, 1, 1, 40}
    };
    for (int[] p : plans) {
      Findings f = check.check(new PlanFacts(p[0] == 1, p[1], p[2], p[3], p[4]));
      assertThat(f.codes()).isEqualTo(PlanChecks.check(p[0] == 1, p[1], p[2], p[3], p[4]).codes());
    }
    assertThat(check.check(new PlanFacts(false, 1, 1, 0, 7)).codes())
        .containsExactly("PARTY.COMMITTEE.REQUIRED_7");
  }

  @ParameterizedTest
  @EnumSource(
      value = ElectionKind.class,
      names = {"RESIDENTS_COMMITTEE", "VILLAGE_COMMITTEE", "TOWN_PEOPLES_CONGRESS"})
  void directElectionsUseTheVoterRegisterAndNoPartyRules(ElectionKind kind) {
    ElectionKindConfig c = kind.config();
    assertThat(c.electorate()).isEqualTo(Electorate.REGISTERED_VOTERS_BY_DISTRICT);
    assertThat(c.membersMeeting()).isFalse();
    assertThat(c.nomineeEligibility()).isEqualTo(NomineeEligibility.VOTER);
    assertThat(c.stages().hasSecondStage(true)).isFalse();
    assertThat(c.approver(ApprovalSubject.PLAN)).isNotEqualTo(java.util.Optional.empty());
    assertThat(c.approver(ApprovalSubject.PLAN).get())
        .isNotEqualTo(ApprovalBody.UPPER_PARTY_ORGANISATION);
    assertThat(c.approver(ApprovalSubject.RESULTS)).contains(ApprovalBody.ELECTION_COMMITTEE);
    assertThat(c.documents().requestTitle()).doesNotContain("党员大会");
    assertThat(c.wording().electingBody()).isEqualTo("选民");
    assertThat(c.wording().committee()).doesNotContain("支部");
    // without districts the check warns in the kind's own rule set and never uses party rules
    int seats =
        kind == ElectionKind.VILLAGE_COMMITTEE
            ? 5
            : kind == ElectionKind.TOWN_PEOPLES_CONGRESS ? 12 : 7;
    for (long withVote : new long[] {0, 6, 7, 40}) {
      Findings f = c.planCheck().check(new PlanFacts(true, seats, 1, 1, withVote));
      assertThat(f.ok()).isTrue();
      assertThat(f.codes()).hasSize(1).noneMatch(code -> code.startsWith("PARTY."));
      assertThat(f.codes().get(0)).endsWith(".PLAN.NO_DISTRICTS");
    }
  }

  @Test
  void eachKindHasItsOwnContestsAndApprovalBodies() {
    assertThat(ElectionKind.RESIDENTS_COMMITTEE.config().contests())
        .extracting(Contest::postZh, Contest::defaultSeats)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("居民委员会主任", 1),
            org.assertj.core.groups.Tuple.tuple("居民委员会副主任", 1),
            org.assertj.core.groups.Tuple.tuple("居民委员会委员", 3));
    assertThat(ElectionKind.RESIDENTS_COMMITTEE.config().approver(ApprovalSubject.PLAN))
        .contains(ApprovalBody.SUBDISTRICT_PARTY_WORKING_COMMITTEE);
    assertThat(ElectionKind.RESIDENTS_COMMITTEE.config().approvals(ApprovalSubject.RESULTS_FILING))
        .extracting(ApprovalStep::body)
        .contains(ApprovalBody.CIVIL_AFFAIRS);
    var town = ElectionKind.TOWN_PEOPLES_CONGRESS.config();
    assertThat(town.contests())
        .allSatisfy(x -> assertThat(x.scope()).isEqualTo(Contest.Scope.PER_DISTRICT))
        .extracting(Contest::postZh)
        .containsExactly("镇人大代表", "县(旗)人大代表");
    assertThat(town.approver(ApprovalSubject.PLAN))
        .contains(ApprovalBody.COUNTY_PEOPLES_CONGRESS_STANDING_COMMITTEE);
    assertThat(town.approvals(ApprovalSubject.RESULTS_FILING))
        .extracting(ApprovalStep::body)
        .containsExactly(ApprovalBody.TOWN_PEOPLES_CONGRESS_PRESIDIUM);
    assertThat(town.approver(ApprovalSubject.DISTRICTS)).contains(ApprovalBody.ELECTION_COMMITTEE);
    assertThat(ElectionKind.VILLAGE_COMMITTEE.config().wording().committee()).isEqualTo("村民委员会");
  }
}
