package xuanju.server.delegates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import xuanju.core.outcome.RoundKind;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.support.PageText;

/**
 * Write-ins (另选他人) in the conference's count: a write-in with more than half of the 应到会 delegates
 * is elected and listed in the 代表名册, 代表登记表 and report with 产生方式 另选他人; a write-in in a tie re-vote,
 * a line without a name or with a negative number, and 赞成 votes (write-ins included) above 有效票 ×
 * 应选名额 are refused with nothing stored.
 */
class DelegateWriteInTest extends DelegateStageSupport {
  @Autowired ConferenceService conferences;
  @Autowired MockMvc mvc;

  static final LocalDate DAY = LocalDate.of(2026, 4, 8);

  long recorded(int present) {
    long e = upToPreliminaryPublicity();
    List<Long> ids = preliminaryIds(e).subList(0, 21);
    as(
        () ->
            stages.decideList(
                e, DelegateStage.PREPARATORY, "PLENUM", LocalDate.of(2026, 3, 27), "区委全会决议", ids));
    step(e, StageStep.PREPARATORY_REVIEWED, LocalDate.of(2026, 3, 30));
    step(e, StageStep.UPPER_APPROVAL, LocalDate.of(2026, 3, 31));
    as(() -> conferences.record(e, "区党代表会议", DAY, 308, present));
    return e;
  }

  int rows(String table, long e) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM " + table + " WHERE election_id = ?", Integer.class, e);
  }

  /** Counts the open vote: 赞成 per key, the rest 不赞成; the given write-in lines. */
  void count(
      long e, int valid, Function<String, Long> yes, List<String> names, List<Long> writeIns) {
    ConferencePage.RoundView open = as(() -> conferences.page(e)).openRound();
    List<Long> y = new ArrayList<>();
    List<Long> n = new ArrayList<>();
    List<Long> a = new ArrayList<>();
    for (ConferenceCandidate c : open.candidates()) {
      y.add(yes.apply(c.key()));
      n.add(valid - yes.apply(c.key()));
      a.add(0L);
    }
    int no = open.round().number();
    as(() -> conferences.count(e, no, valid, valid, valid, 0, y, n, a, names, writeIns));
  }

  @Test
  void aWriteInWithMoreThanHalfIsElectedAndListedAsSuch() throws Exception {
    long e = recorded(290);
    List<String> keys =
        as(() -> conferences.page(e)).candidates().stream().map(ConferenceCandidate::key).toList();
    // 15 candidates with 200, the rest with 100, 田新民 written in by 200 and 丁力 by 3: 16 elected
    var admin = user("admin").roles("ADMIN", "USER");
    String before =
        mvc.perform(get("/elections/{id}/delegates/conference", e).with(admin))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(before)
        .contains("id=\"write-in-name-1-3\"")
        .contains("name=\"writeInName\"")
        .contains("name=\"writeInYes\"");
    var form =
        post("/elections/{id}/delegates/conference/rounds/1/count", e)
            .with(admin)
            .with(csrf())
            .param("issued", "290")
            .param("returned", "290")
            .param("valid", "290")
            .param("invalid", "0");
    for (int i = 0; i < keys.size(); i++) {
      form.param("yes", i < 15 ? "200" : "100")
          .param("no", i < 15 ? "90" : "190")
          .param("abstain", "0");
    }
    form.param("writeInName", "田新民", " 丁力 ", "").param("writeInYes", "200", "3", "");
    mvc.perform(form).andExpect(status().is3xxRedirection());

    assertThat(
            jdbc.queryForList(
                "SELECT write_in FROM delegate_conference_write_in WHERE election_id = ?"
                    + " ORDER BY line_no",
                String.class,
                e))
        .containsExactly("田新民", "丁力");
    ConferencePage p = as(() -> conferences.page(e));
    assertThat(p.finished()).isTrue();
    assertThat(p.elected()).hasSize(16);
    ConferencePage.Elected w =
        p.elected().stream().filter(x -> x.candidate().name().equals("田新民")).findFirst().get();
    assertThat(w.candidate().sourceZh()).isEqualTo("另选他人");
    assertThat(w.votes()).isEqualTo(200);
    assertThat(p.elected().stream().map(x -> x.candidate().name())).doesNotContain("丁力");
    assertThat(p.elected().stream().map(x -> x.candidate().name()))
        .isSortedAccordingTo(DelegateService.STROKES);
    assertThat(p.rounds().get(0).ranking())
        .anySatisfy(r -> assertThat(r.writeIn() && r.name().equals("丁力")).isTrue());

    // 代表名册: the write-in's row says 另选他人, the unknown fields blank
    try (XSSFWorkbook wb =
        new XSSFWorkbook(new ByteArrayInputStream(as(() -> conferences.roster(e)).bytes()))) {
      org.apache.poi.ss.usermodel.Row row = null;
      for (org.apache.poi.ss.usermodel.Row r : wb.getSheetAt(0)) {
        if (r.getCell(1) != null && r.getCell(1).toString().equals("田新民")) {
          row = r;
        }
      }
      assertThat(row).isNotNull();
      int source = ConferenceDocuments.ROSTER_HEADER.indexOf("产生方式");
      int votes = ConferenceDocuments.ROSTER_HEADER.indexOf("得票数");
      assertThat(row.getCell(source).toString()).isEqualTo("另选他人");
      assertThat(row.getCell(votes).toString()).startsWith("200");
      assertThat(row.getCell(ConferenceDocuments.ROSTER_HEADER.indexOf("性别")).toString()).isEmpty();
    }
    try (XSSFWorkbook wb =
        new XSSFWorkbook(new ByteArrayInputStream(as(() -> conferences.registration(e)).bytes()))) {
      assertThat(wb.getNumberOfSheets()).isEqualTo(16);
    }
    byte[] docx =
        mvc.perform(get("/elections/{id}/delegates/conference/report.docx", e).with(admin))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    String text;
    try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(docx));
        XWPFWordExtractor x = new XWPFWordExtractor(d)) {
      text = x.getText().replaceAll("\\s+", "");
    }
    assertThat(text).contains("田新民（另选他人）").contains("代表16名");
    String html =
        mvc.perform(get("/elections/{id}/delegates/conference", e).with(admin))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String visible = PageText.visible(html).replaceAll("\\s+", "");
    assertThat(PageText.codeIn(visible)).isEmpty();
    assertThat(visible).contains("田新民").contains("另选他人");
  }

  @Test
  void aWriteInInATieReVoteIsRefusedAndNothingStored() throws Exception {
    long e = recorded(300);
    List<String> keys =
        as(() -> conferences.page(e)).candidates().stream().map(ConferenceCandidate::key).toList();
    List<String> top = keys.subList(0, 14);
    List<String> tied = keys.subList(14, 17);
    count(
        e, 300, k -> top.contains(k) ? 250L : tied.contains(k) ? 180L : 50L, List.of(), List.of());
    ConferencePage.RoundView open = as(() -> conferences.page(e)).openRound();
    assertThat(open.round().kind()).isEqualTo(RoundKind.TIE_REVOTE);
    // the re-vote's form offers no write-in lines
    String html =
        mvc.perform(
                get("/elections/{id}/delegates/conference", e)
                    .with(user("admin").roles("ADMIN", "USER")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html).doesNotContain("write-in-name-2-").contains("本次为再次投票，不能另选他人。");
    long audit = auditCount(e);
    assertThatThrownBy(
            () ->
                count(
                    e,
                    300,
                    k -> k.equals(tied.get(2)) ? 100L : 150L,
                    List.of("田新民"),
                    List.of(160L)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("再次投票")
        .hasMessageContaining("不能登记另选他人")
        .hasMessageContaining("第四十五条")
        .hasMessageNotContaining("COUNT.");
    assertThat(rows("delegate_conference_write_in", e)).isZero();
    assertThat(as(() -> conferences.page(e)).openRound().round().number()).isEqualTo(2);
    assertThat(auditCount(e)).isEqualTo(audit);
    // without the write-in the re-vote is counted
    count(e, 300, k -> k.equals(tied.get(2)) ? 100L : 150L, List.of("", ""), List.of());
    assertThat(as(() -> conferences.page(e)).elected()).hasSize(16);
  }

  @Test
  void aWriteInTiedAtTheLastSeatIsPrintedOnTheReVoteAndCanWinIt() {
    long e = recorded(300);
    List<String> keys =
        as(() -> conferences.page(e)).candidates().stream().map(ConferenceCandidate::key).toList();
    List<String> top = keys.subList(0, 15);
    String rival = keys.get(15);
    count(
        e,
        300,
        k -> top.contains(k) ? 250L : k.equals(rival) ? 180L : 50L,
        List.of("田新民"),
        List.of(180L));
    ConferencePage p = as(() -> conferences.page(e));
    assertThat(p.elected()).hasSize(15);
    ConferencePage.RoundView open = p.openRound();
    assertThat(open.round().kind()).isEqualTo(RoundKind.TIE_REVOTE);
    assertThat(open.candidates().stream().map(ConferenceCandidate::key))
        .containsExactly(rival, "W田新民");
    count(e, 300, k -> k.equals(rival) ? 100L : 200L, List.of(), List.of());
    ConferencePage done = as(() -> conferences.page(e));
    assertThat(done.finished()).isTrue();
    assertThat(done.elected()).hasSize(16);
    assertThat(done.elected())
        .anySatisfy(
            x -> {
              assertThat(x.candidate().name()).isEqualTo("田新民");
              assertThat(x.candidate().sourceZh()).isEqualTo("另选他人");
              assertThat(x.roundNo()).isEqualTo(2);
            });
  }

  @Test
  void writeInVotesCountInTheSumOfTheBallots() {
    long e = recorded(290);
    long audit = auditCount(e);
    // 21 × 200 = 4200 for the candidates; with 2 × 288 written in 4776 > 288 × 16 = 4608
    assertThatThrownBy(() -> count(e, 288, k -> 200L, List.of("田新民", "丁力"), List.of(288L, 288L)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("赞成票合计4776张（候选人4200张、另选他人576张）")
        .hasMessageContaining("有效票288张与应选名额16名之积4608")
        .hasMessageContaining("第四十四条");
    // one write-in fewer fits: 4488
    assertThat(rows("delegate_conference_write_in", e)).isZero();
    assertThat(rows("delegate_conference_vote", e)).isZero();
    assertThat(auditCount(e)).isEqualTo(audit);
    count(e, 288, k -> 200L, List.of("田新民"), List.of(288L));
    assertThat(rows("delegate_conference_write_in", e)).isEqualTo(1);
  }

  @Test
  void aBadWriteInLineIsRefused() throws Exception {
    long e = recorded(290);
    long audit = auditCount(e);
    assertThatThrownBy(() -> count(e, 288, k -> 200L, List.of(" "), List.of(10L)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("另选他人第1行：姓名不能为空");
    assertThatThrownBy(() -> count(e, 288, k -> 200L, List.of("田新民", "丁力"), List.of(10L, -1L)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("另选他人第2行（丁力）的赞成票数：应为0或正整数");
    assertThatThrownBy(() -> count(e, 288, k -> 200L, List.of("田新民"), List.of(289L)))
        .hasMessageContaining("多于有效票288张");
    assertThatThrownBy(() -> count(e, 288, k -> 200L, List.of("田新民", "田新民"), List.of(10L, 10L)))
        .hasMessageContaining("已经登记过");
    String printed = as(() -> conferences.page(e)).candidates().get(0).name();
    assertThatThrownBy(() -> count(e, 288, k -> 200L, List.of(printed), List.of(10L)))
        .hasMessageContaining("是本次选票上的候选人");
    // from the page: a 400 page with the line's message
    var form =
        post("/elections/{id}/delegates/conference/rounds/1/count", e)
            .with(user("admin").roles("ADMIN", "USER"))
            .with(csrf())
            .param("issued", "288")
            .param("returned", "288")
            .param("valid", "288")
            .param("invalid", "0");
    for (int i = 0; i < 21; i++) {
      form.param("yes", "200").param("no", "88").param("abstain", "0");
    }
    form.param("writeInName", "田新民").param("writeInYes", "-5");
    String html =
        mvc.perform(form)
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(PageText.visible(html)).contains("另选他人第1行（田新民）的赞成票数：应为0或正整数");
    assertThat(rows("delegate_conference_write_in", e)).isZero();
    assertThat(rows("delegate_conference_vote", e)).isZero();
    assertThat(auditCount(e)).isEqualTo(audit);
  }
}
