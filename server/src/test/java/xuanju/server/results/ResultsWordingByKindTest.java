package xuanju.server.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import xuanju.server.documents.DocumentContent;
import xuanju.server.election.Election;
import xuanju.server.election.ElectionKind;
import xuanju.server.election.ElectionStatus;
import xuanju.server.plan.Approval;
import xuanju.server.plan.ApprovalDecision;
import xuanju.server.voting.VotingModel.Post;
import xuanju.server.voting.VotingModel.StageSummary;

/** The results documents speak the election kind's words (党员大会 / 选民, 支部委员会 / 居民委员会). */
class ResultsWordingByKindTest {
  private static final LocalDate DAY = LocalDate.of(2026, 12, 20);

  private static ResultsFacts facts(ElectionKind kind) {
    Election e =
        new Election(
            1,
            2,
            "东营子社区",
            "换届选举",
            kind,
            kind.defaultProfile(),
            Map.of(),
            "",
            true,
            5,
            1,
            1,
            null,
            DAY,
            3,
            ElectionStatus.VOTING,
            0);
    return new ResultsFacts(
        e,
        "中共东营子社区委员会",
        "上级",
        DAY,
        null,
        List.of(),
        List.of(
            new StageSummary(
                1, Post.MEMBERS, 5, List.of("丁一", "王二", "张三", "李四", "赵五"), 0, 0, true, List.of())),
        List.of("丁一", "王二", "张三", "李四", "赵五"),
        Map.of(),
        DAY);
  }

  private static String text(DocumentContent d) {
    StringBuilder sb = new StringBuilder(d.title()).append('\n');
    for (DocumentContent.Block b : d.blocks()) {
      if (b instanceof DocumentContent.Heading h) {
        sb.append(h.text());
      } else if (b instanceof DocumentContent.Paragraph p) {
        sb.append(p.text());
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  @Test
  void partyBranchDocumentsKeepTheirWords() {
    ResultsFacts f = facts(ElectionKind.PARTY_BRANCH);
    assertThat(ResultsDocuments.report(f).title()).isEqualTo("关于选举产生中共东营子社区委员会新一届支部委员会的报告");
    assertThat(text(ResultsDocuments.report(f)))
        .contains("根据《中国共产党基层组织选举工作条例》和上级党组织的批复", "召开党员大会，采取无记名投票方式进行换届选举", "党员大会选举委员");
    assertThat(text(ResultsDocuments.announcement(f)))
        .contains("召开党员大会，会议以无记名投票方式选举产生了新一届支部委员会。当选委员（5名", "书记、副书记的选举结果报上级党组织批准，委员报上级党组织备案。");
  }

  @Test
  void residentsCommitteeDocumentsSayVotersAndResidentsCommittee() {
    ResultsFacts f = facts(ElectionKind.RESIDENTS_COMMITTEE);
    DocumentContent report = ResultsDocuments.report(f);
    assertThat(report.title()).isEqualTo("关于选举产生中共东营子社区委员会新一届居民委员会的报告");
    assertThat(text(report))
        .contains("《中华人民共和国城市居民委员会组织法》和街道党工委的批复", "召开选举大会", "选民选举委员")
        .doesNotContain("党员大会", "支部委员会", "中国共产党基层组织选举工作条例");
    DocumentContent a = ResultsDocuments.announcement(f);
    assertThat(a.title()).isEqualTo("中共东营子社区委员会居民委员会选举结果公告");
    assertThat(text(a))
        .contains("新一届居民委员会。当选成员（5名", "选举结果由居民选举委员会当场公布，并报街道党工委和民政部门备案。")
        .doesNotContain("党员大会", "支部委员会", "书记");
    var reply =
        ResultsDocuments.reply(
            f,
            new Approval(
                1,
                1,
                1,
                xuanju.server.plan.ApprovalKind.RESULTS,
                ApprovalDecision.APPROVED,
                "",
                "officer",
                java.time.Instant.EPOCH),
            DAY);
    assertThat(text(reply)).contains("你社区《关于选举产生").doesNotContain("你支部", "支部委员会");
  }
}
