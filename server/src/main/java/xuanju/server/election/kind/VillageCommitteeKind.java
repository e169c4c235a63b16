package xuanju.server.election.kind;

import static xuanju.server.election.kind.ApprovalBody.CIVIL_AFFAIRS;
import static xuanju.server.election.kind.ApprovalBody.ELECTION_COMMITTEE;
import static xuanju.server.election.kind.ApprovalBody.TOWN_PARTY_COMMITTEE;

import java.util.List;

/**
 * 村民委员会选举: the registered villagers (选民) elect the committee's 主任、副主任 and 委员 directly; no second
 * stage. The plan goes to the 乡镇党委; the villagers' election committee (村民选举委员会) publishes the voter
 * list and the candidates and announces the results, which are filed with the 民政部门. Until the voter
 * register exists the plan check says so ({@code VILLAGE.PLAN.VOTER_REGISTER_PENDING}).
 */
public final class VillageCommitteeKind {
  private VillageCommitteeKind() {}

  public static final ElectionKindConfig CONFIG =
      new ElectionKindConfig(
          "村民委员会选举",
          "VILLAGE_COMMITTEE",
          "VILLAGE_COMMITTEE",
          Electorate.REGISTERED_VOTERS_BY_DISTRICT,
          List.of(Contest.of("村民委员会主任", 1), Contest.of("村民委员会副主任", 1), Contest.of("村民委员会委员", 3)),
          Stages.single("村民选举大会"),
          List.of(
              new ApprovalStep(ApprovalSubject.PLAN, TOWN_PARTY_COMMITTEE, "批复"),
              new ApprovalStep(ApprovalSubject.VOTER_LIST, ELECTION_COMMITTEE, "确认并公布"),
              new ApprovalStep(ApprovalSubject.CANDIDATES, ELECTION_COMMITTEE, "确认并公布"),
              new ApprovalStep(ApprovalSubject.RESULTS, ELECTION_COMMITTEE, "当场公布"),
              new ApprovalStep(ApprovalSubject.RESULTS_FILING, CIVIL_AFFAIRS, "备案")),
          NomineeEligibility.VOTER,
          new KindDocuments(
              "关于开展村民委员会换届选举工作的请示",
              "根据《中华人民共和国村民委员会组织法》和本省（自治区）村民委员会选举办法的有关规定",
              "关于同意%s开展村民委员会换届选举工作的批复",
              "关于选举产生%1$s新一届%2$s的报告",
              "%s村民委员会选举结果公告",
              "关于%s村民委员会选举结果的批复",
              "由本村有选举权的村民采用无记名投票、差额选举的办法，直接选举产生村民委员会主任、副主任和委员",
              "由本村有选举权的村民采用无记名投票的办法，直接选举产生村民委员会成员"),
          new KindWording(
              "选民",
              "召开村民选举大会",
              "选民",
              "村民委员会",
              "成员",
              "村民委员会主任",
              "主任",
              "",
              "",
              "《中华人民共和国村民委员会组织法》",
              "乡镇党委",
              "你村",
              "选民登记",
              "选举结果由村民选举委员会当场公布，并报乡镇人民政府和民政部门备案。",
              "村民选举委员会",
              "村民会议或者村民代表会议、村民小组会议推选"),
          RegisterPlanCheck.of(
              new RegisterPlanCheck.Rules(
                  VillageCommitteeRule.NO_DISTRICTS,
                  null,
                  null,
                  VillageCommitteeRule.COMMITTEE_SIZE,
                  3,
                  7,
                  VillageCommitteeRule.REGISTER_OPEN,
                  VillageCommitteeRule.REGISTER_LATE)),
          PageSet.MEETING);
}
