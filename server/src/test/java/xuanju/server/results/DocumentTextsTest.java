package xuanju.server.results;

import static org.assertj.core.api.Assertions.assertThat;
import static xuanju.server.results.ResultsFixture.as;
import static xuanju.server.results.ResultsFixture.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import xuanju.server.election.ElectionService;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.plan.ApprovalDecision;
import xuanju.server.plan.PlanFixtures;
import xuanju.server.security.UserRepository;
import xuanju.server.support.DocumentWording;
import xuanju.server.support.H2AppTest;
import xuanju.server.voting.EntryService;
import xuanju.server.voting.VotingServices;

/**
 * Every document of an archived election reads as an official text (公文用语): rendered to text, no
 * document holds a rule code, a login name, "委员会委员会" or an English word (issue 14).
 */
class DocumentTextsTest extends H2AppTest {
  @Autowired VotingServices voting;
  @Autowired EntryService entries;
  @Autowired ElectionService elections;
  @Autowired OrganisationService orgs;
  @Autowired UserRepository users;
  @Autowired JdbcTemplate jdbc;
  @Autowired ResultsService results;

  @Test
  void theArchivedDocumentsHoldNoCodesLoginsRepeatsOrEnglish() throws Exception {
    ResultsFixture f =
        new ResultsFixture(orgs, elections, voting, entries, users, jdbc, 10, true, 3);
    f.stageOneWithTie();
    f.stageTwo();
    long id = f.electionId;
    run(f.admin, () -> results.submit(id, f.version()));
    run(f.officer, () -> results.decide(id, f.version(), ApprovalDecision.APPROVED, "同意。"));
    run(f.admin, () -> results.archive(id, f.version()));
    Map<String, byte[]> files = ResultsArchiveTest.unzip(as(f.admin, () -> results.archiveZip(id)));
    List<String> logins = List.of(f.admin, f.clerk1, f.clerk2, f.scrutineer, f.officer);
    // the fixture's organisations carry a Latin test tag in their names: not the documents' words
    List<String> orgNames =
        jdbc.queryForList(
            "SELECT o.name FROM organisation o JOIN election e ON e.organisation_id = o.id OR"
                + " o.id = (SELECT parent_id FROM organisation WHERE id = e.organisation_id)"
                + " WHERE e.id = ?",
            String.class,
            id);
    assertThat(orgNames).hasSize(2);

    List<String> problems = new ArrayList<>();
    int documents = 0;
    for (var e : files.entrySet()) {
      String text = DocumentWording.text(e.getKey(), e.getValue());
      if (text == null) {
        continue;
      }
      documents++;
      problems.addAll(DocumentWording.problems(e.getKey(), text, logins, orgNames));
    }
    assertThat(documents).as("归档中的文书").isGreaterThanOrEqualTo(8);
    // ballots: the plenum's first vote is 第1次投票 of that meeting; a branch has no 选举委员会 seal;
    // a re-vote between tied candidates does not speak of write-ins
    String plenum = PlanFixtures.pdfText(files.get("04-ballots/第3轮选票.pdf")).replaceAll("\\s+", "");
    assertThat(plenum).contains("第1次投票", "监票人（签名）").doesNotContain("第3轮", "选举委员会");
    String revote = PlanFixtures.pdfText(files.get("04-ballots/第2轮选票.pdf")).replaceAll("\\s+", "");
    assertThat(revote).contains("第2次投票").doesNotContain("含另选他人");
    // the tally report of round 1, for the chief scrutineer to sign (计票结果报告单)
    String tally =
        PlanFixtures.pdfText(
                xuanju.server.documents.PdfDocument.render(
                        as(f.admin, () -> results.tallyReport(id, 1)))
                    .pdf())
            .replaceAll("\\s+", "");
    assertThat(tally).contains("计票结果报告单", "应到会10人，实到会10人", "发出选票10张，收回10张", "总监票人（签名）", "计票人（签名）");
    assertThat(DocumentWording.RULE_CODE.matcher(tally).find()).isFalse();
    // the approver wrote only 同意。: the reply does not repeat it as a numbered item
    String reply = PlanFixtures.pdfText(files.get("05-results/选举结果批复.pdf")).replaceAll("\\s+", "");
    assertThat(reply).contains("此复。").doesNotContain("、同意。");
    assertThat(xuanju.server.plan.PlanDocuments.addsSomething("同意。")).isFalse();
    assertThat(xuanju.server.plan.PlanDocuments.addsSomething("请于选举后十日内报送选举结果")).isTrue();
    assertThat(problems).isEmpty();
  }
}
