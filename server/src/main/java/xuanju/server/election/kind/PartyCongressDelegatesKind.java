package xuanju.server.election.kind;

import static xuanju.server.election.kind.ApprovalBody.ELECTING_UNIT_PARTY_COMMITTEE;
import static xuanju.server.election.kind.ApprovalBody.HIGHER_ORGANISATION_DEPARTMENT;
import static xuanju.server.election.kind.ApprovalBody.HIGHER_PARTY_COMMITTEE;

import java.util.List;
import xuanju.core.rule.Findings;

/**
 * 出席上级党代会代表选举 (seed 003): an electing unit (选举单位, e.g. a 区) elects its share of the delegates to a
 * higher party congress (e.g. 16 of the city congress's 760) at its party representatives'
 * conference (区党代表会议), together with the candidates nominated from above (市委提名). Recommendation
 * units (推荐单位) recommend names with a margin; the 区委常委会 proposes the vetting subjects and the
 * preliminary candidates, the 市委 consents, the 区委全会 selects the pre-candidates, the 市委组织部 reviews
 * them and the 市委 approves; the results are reported to the 市委. The kind's own pages are in package
 * {@code delegates} ({@link PageSet#DELEGATES}); its plan checks are the allocation's and the
 * units' (there is no roster to check a plan against).
 */
public final class PartyCongressDelegatesKind {
  private PartyCongressDelegatesKind() {}

  public static final ElectionKindConfig CONFIG =
      new ElectionKindConfig(
          "出席上级党代会代表选举",
          "PARTY_LOCAL",
          "PARTY_CONGRESS_DELEGATES",
          Electorate.CONFERENCE,
          List.of(Contest.of("出席上级党代会代表", 16)),
          Stages.single("党代表会议"),
          List.of(
              new ApprovalStep(
                  ApprovalSubject.PLAN, ELECTING_UNIT_PARTY_COMMITTEE, "制定（与上级党委组织部沟通）"),
              new ApprovalStep(
                  ApprovalSubject.CANDIDATES, ELECTING_UNIT_PARTY_COMMITTEE, "常委会提出考察对象和初步人选"),
              new ApprovalStep(ApprovalSubject.CANDIDATES, HIGHER_PARTY_COMMITTEE, "同意初步人选"),
              new ApprovalStep(
                  ApprovalSubject.CANDIDATES, ELECTING_UNIT_PARTY_COMMITTEE, "全会确定预备人选"),
              new ApprovalStep(
                  ApprovalSubject.CANDIDATES, HIGHER_ORGANISATION_DEPARTMENT, "初步审查预备人选"),
              new ApprovalStep(ApprovalSubject.CANDIDATES, HIGHER_PARTY_COMMITTEE, "批复预备人选"),
              new ApprovalStep(ApprovalSubject.RESULTS, HIGHER_PARTY_COMMITTEE, "审查（报送代表选举情况报告）")),
          NomineeEligibility.PARTY_MEMBER_ONE_YEAR,
          new KindDocuments(
              "关于选举出席上级党代表大会代表的请示",
              "根据《中国共产党章程》《中国共产党地方组织选举工作条例》和上级党委关于代表选举工作的通知",
              "关于同意%s选举出席上级党代表大会代表的批复",
              "关于%1$s选举出席%2$s代表的情况报告",
              "%s出席上级党代表大会代表选举结果公告",
              "关于%s出席上级党代表大会代表选举结果的批复",
              "由党代表会议采用无记名投票、差额选举的办法，选举产生出席上级党代表大会的代表",
              "由党代表会议采用无记名投票、差额选举的办法，选举产生出席上级党代表大会的代表"),
          new KindWording(
              "党代表会议",
              "召开党代表会议",
              "党代表会议代表",
              "上级党代表大会",
              "代表",
              "代表",
              "代表",
              "",
              "",
              "《中国共产党地方组织选举工作条例》",
              "上级党委",
              "你单位",
              "党代表会议代表名册",
              "选举结束后，向上级党委报送代表选举情况报告、代表名册和代表登记表。",
              "",
              ""),
          f -> Findings.none(),
          PageSet.DELEGATES);
}
