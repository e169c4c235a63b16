package xuanju.server.election.kind;

import static xuanju.server.election.kind.ApprovalBody.COUNTY_PEOPLES_CONGRESS_STANDING_COMMITTEE;
import static xuanju.server.election.kind.ApprovalBody.ELECTION_COMMITTEE;
import static xuanju.server.election.kind.ApprovalBody.TOWN_PEOPLES_CONGRESS_PRESIDIUM;

import java.util.List;

/**
 * 乡镇人民代表大会代表选举: the registered voters of each electoral district (选区) elect 1 to 3 town deputies
 * (镇人大代表) directly, often on the same day as the county deputies (县(旗)人大代表); no second stage. The
 * county people's congress standing committee (县人大常委会) decides the election and the number of
 * deputies; the town election committee (选举委员会) forms the districts, publishes the voter list and
 * the candidates and confirms the results; the town congress presidium (镇人大主席团) receives the
 * deputies' credentials report. Until the voter register exists the plan check says so ({@code
 * NPC.PLAN.VOTER_REGISTER_PENDING}).
 */
public final class TownPeoplesCongressKind {
  private TownPeoplesCongressKind() {}

  public static final ElectionKindConfig CONFIG =
      new ElectionKindConfig(
          "乡镇人民代表大会代表选举",
          "PEOPLES_CONGRESS_DIRECT",
          "NPC_DIRECT",
          Electorate.REGISTERED_VOTERS_BY_DISTRICT,
          List.of(
              new Contest("镇人大代表", 2, 1, Contest.Scope.PER_DISTRICT),
              new Contest("县(旗)人大代表", 1, 1, Contest.Scope.PER_DISTRICT)),
          Stages.single("选民投票"),
          List.of(
              new ApprovalStep(
                  ApprovalSubject.PLAN, COUNTY_PEOPLES_CONGRESS_STANDING_COMMITTEE, "决定"),
              new ApprovalStep(ApprovalSubject.DISTRICTS, ELECTION_COMMITTEE, "划分并公布"),
              new ApprovalStep(ApprovalSubject.VOTER_LIST, ELECTION_COMMITTEE, "确认并公布"),
              new ApprovalStep(ApprovalSubject.CANDIDATES, ELECTION_COMMITTEE, "确定并公布"),
              new ApprovalStep(ApprovalSubject.RESULTS, ELECTION_COMMITTEE, "确认有效并宣布"),
              new ApprovalStep(
                  ApprovalSubject.RESULTS_FILING, TOWN_PEOPLES_CONGRESS_PRESIDIUM, "审查代表资格")),
          NomineeEligibility.VOTER,
          new KindDocuments(
              "关于开展乡镇人民代表大会代表换届选举工作的请示",
              "根据《中华人民共和国全国人民代表大会和地方各级人民代表大会选举法》和县人大常委会关于换届选举的决定",
              "关于同意%s开展乡镇人民代表大会代表换届选举工作的批复",
              "关于选举产生%1$s新一届%2$s的报告",
              "%s人民代表大会代表选举结果公告",
              "关于%s人民代表大会代表选举结果的批复",
              "按选区由选民采用无记名投票、差额选举的办法，直接选举产生镇人民代表大会代表",
              "按选区由选民采用无记名投票、差额选举的办法，直接选举产生镇人民代表大会代表"),
          new KindWording(
              "选民",
              "组织选民投票",
              "选民",
              "镇人民代表大会",
              "代表",
              "镇人民代表大会代表",
              "代表",
              "",
              "",
              "《中华人民共和国全国人民代表大会和地方各级人民代表大会选举法》",
              "县人大常委会",
              "你镇",
              "选民登记",
              "选举结果由选举委员会确定是否有效并予以宣布，代表资格由镇人民代表大会代表资格审查委员会审查。",
              "选举委员会",
              "县级人大常委会"),
          RegisterPlanCheck.of(
              new RegisterPlanCheck.Rules(
                  TownPeoplesCongressRule.NO_DISTRICTS,
                  TownPeoplesCongressRule.SEATS_MISMATCH,
                  TownPeoplesCongressRule.SEATS_OPEN,
                  null,
                  0,
                  0,
                  TownPeoplesCongressRule.REGISTER_OPEN,
                  TownPeoplesCongressRule.REGISTER_LATE)),
          PageSet.DISTRICT_CONTESTS);
}
