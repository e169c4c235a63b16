package xuanju.server.election.kind;

import static xuanju.server.election.kind.ApprovalBody.CIVIL_AFFAIRS;
import static xuanju.server.election.kind.ApprovalBody.ELECTION_COMMITTEE;
import static xuanju.server.election.kind.ApprovalBody.SUBDISTRICT_PARTY_WORKING_COMMITTEE;

import java.util.List;

/**
 * 社区居民委员会选举: the registered voters of the community (选民) elect the committee's 主任、副主任 and 委员
 * directly on one polling day; there is no second stage. The plan goes to the 街道党工委; the residents'
 * election committee (居民选举委员会) publishes the voter list, confirms the candidates and announces the
 * results, which are filed with the 民政部门. Until the voter register exists the plan check says so
 * ({@code RESIDENTS.PLAN.VOTER_REGISTER_PENDING}).
 */
public final class ResidentsCommitteeKind {
  private ResidentsCommitteeKind() {}

  public static final ElectionKindConfig CONFIG =
      new ElectionKindConfig(
          "社区居民委员会选举",
          "RESIDENTS_COMMITTEE",
          "RESIDENTS_COMMITTEE",
          Electorate.REGISTERED_VOTERS_BY_DISTRICT,
          List.of(Contest.of("居民委员会主任", 1), Contest.of("居民委员会副主任", 1), Contest.of("居民委员会委员", 3)),
          Stages.single("选举大会"),
          List.of(
              new ApprovalStep(ApprovalSubject.PLAN, SUBDISTRICT_PARTY_WORKING_COMMITTEE, "批复"),
              new ApprovalStep(ApprovalSubject.VOTER_LIST, ELECTION_COMMITTEE, "确认并公布"),
              new ApprovalStep(ApprovalSubject.CANDIDATES, ELECTION_COMMITTEE, "确认并公布"),
              new ApprovalStep(ApprovalSubject.RESULTS, ELECTION_COMMITTEE, "当场公布"),
              new ApprovalStep(
                  ApprovalSubject.RESULTS_FILING, SUBDISTRICT_PARTY_WORKING_COMMITTEE, "备案"),
              new ApprovalStep(ApprovalSubject.RESULTS_FILING, CIVIL_AFFAIRS, "备案")),
          NomineeEligibility.VOTER,
          new KindDocuments(
              "关于开展社区居民委员会换届选举工作的请示",
              "根据《中华人民共和国城市居民委员会组织法》和本省（自治区）居民委员会选举办法的有关规定",
              "关于同意%s开展社区居民委员会换届选举工作的批复",
              "关于选举产生%1$s新一届%2$s的报告",
              "%s居民委员会选举结果公告",
              "关于%s居民委员会选举结果的批复",
              "由本居住地区有选举权的居民采用无记名投票、差额选举的办法，直接选举产生居民委员会主任、副主任和委员",
              "由本居住地区有选举权的居民采用无记名投票的办法，直接选举产生居民委员会成员"),
          new KindWording(
              "选民",
              "召开选举大会",
              "选民",
              "居民委员会",
              "成员",
              "居民委员会主任",
              "主任",
              "",
              "",
              "《中华人民共和国城市居民委员会组织法》",
              "街道党工委",
              "你社区",
              "选民登记",
              "选举结果由居民选举委员会当场公布，并报街道党工委和民政部门备案。",
              "居民选举委员会",
              "居民会议或者居民代表会议、居民小组会议推选"),
          RegisterPlanCheck.of(
              new RegisterPlanCheck.Rules(
                  ResidentsCommitteeRule.NO_DISTRICTS,
                  null,
                  null,
                  ResidentsCommitteeRule.COMMITTEE_SIZE,
                  5,
                  9,
                  ResidentsCommitteeRule.REGISTER_OPEN,
                  ResidentsCommitteeRule.REGISTER_LATE)),
          PageSet.MEETING);
}
