package xuanju.server.election.kind;

import static xuanju.server.election.kind.ApprovalBody.UPPER_PARTY_ORGANISATION;

import java.util.List;
import xuanju.server.plan.PlanChecks;

/**
 * 党支部委员会换届选举: the members' meeting (党员大会) elects the committee's members, then the new committee's
 * first plenum elects the secretary and deputies; without a committee (fewer than 7 members with a
 * vote) the members' meeting elects the secretary directly. The plan is checked against the party
 * roster ({@code PARTY.COMMITTEE.*}, {@code PARTY.PLAN.NO_VOTERS}); the request, the candidates and
 * the results go to the upper party organisation.
 */
public final class PartyBranchKind {
  private PartyBranchKind() {}

  public static final String REQUEST_TITLE = "关于召开党员大会进行换届选举的请示";

  public static final ElectionKindConfig CONFIG =
      new ElectionKindConfig(
          "党支部委员会换届选举",
          "PARTY_GRASSROOTS",
          "PARTY_BRANCH",
          Electorate.MEMBERS_MEETING,
          List.of(
              Contest.of("支部委员会委员", 5),
              new Contest("书记", 1, 2, Contest.Scope.WHOLE),
              new Contest("副书记", 1, 2, Contest.Scope.WHOLE)),
          new Stages("党员大会", true, "委员会第一次全体会议"),
          List.of(
              new ApprovalStep(ApprovalSubject.PLAN, UPPER_PARTY_ORGANISATION, "批复"),
              new ApprovalStep(ApprovalSubject.CANDIDATES, UPPER_PARTY_ORGANISATION, "审查同意"),
              new ApprovalStep(ApprovalSubject.RESULTS, UPPER_PARTY_ORGANISATION, "批准"),
              new ApprovalStep(ApprovalSubject.RESULTS_FILING, UPPER_PARTY_ORGANISATION, "备案")),
          NomineeEligibility.PARTY_MEMBER_ONE_YEAR,
          new KindDocuments(
              REQUEST_TITLE,
              "根据《中国共产党章程》《中国共产党基层组织选举工作条例》和《中国共产党支部工作条例（试行）》的有关规定",
              "关于同意%s召开党员大会进行换届选举的批复",
              "关于选举产生%1$s新一届%2$s的报告",
              "%s换届选举结果公告",
              "关于%s换届选举结果的批复",
              "采用无记名投票、差额选举的办法，由党员大会选举产生新一届支部委员会委员，再由支部委员会全体会议等额选举产生书记、副书记",
              "采用无记名投票的办法，由党员大会直接选举产生书记"),
          new KindWording(
              "党员大会",
              "召开党员大会",
              "党员",
              "支部委员会",
              "委员",
              "支部书记",
              "书记",
              "委员会第一次全体会议",
              "委员会全体会议",
              "《中国共产党基层组织选举工作条例》",
              "上级党组织",
              "你支部",
              "党员名册",
              "书记、副书记的选举结果报上级党组织批准，委员报上级党组织备案。",
              "",
              ""),
          f ->
              PlanChecks.check(
                  f.hasCommittee(),
                  f.seats(),
                  f.secretarySeats(),
                  f.deputySeats(),
                  f.membersWithVote()),
          PageSet.MEETING);
}
