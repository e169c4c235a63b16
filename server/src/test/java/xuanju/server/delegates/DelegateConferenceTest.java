package xuanju.server.delegates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import xuanju.core.outcome.RankedCandidate;
import xuanju.core.outcome.RoundKind;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.support.PageText;

/**
 * The election at the 党代表会议: too few candidates for the 20 % margin and a conference without its
 * quorum are refused with the rule and change nothing; a candidate with exactly half of the 应到会
 * delegates is not elected and one with one vote more is (core RoundEngine, PARTY_LOCAL); a tie at
 * the last seat opens a re-vote among the tied; the report, the 代表名册 and the 代表登记表 carry the
 * numbers entered; the page shows no rule code.
 */
class DelegateConferenceTest extends DelegateStageSupport {
  @Autowired ConferenceService conferences;
  @Autowired MockMvc mvc;
  @Autowired DelegateChecklist checklist;
  @Autowired NotificationService notifications;

  static final LocalDate DAY = LocalDate.of(2026, 4, 8);

  /** Up to the 市委组织部's review of {@code size} 预备人选 (from the 21 初步人选). */
  long reviewed(int size) {
    long e = upToPreliminaryPublicity();
    List<Long> ids = preliminaryIds(e).subList(0, size);
    as(
        () ->
            stages.decideList(
                e, DelegateStage.PREPARATORY, "PLENUM", LocalDate.of(2026, 3, 27), "区委全会决议", ids));
    step(e, StageStep.PREPARATORY_REVIEWED, LocalDate.of(2026, 3, 30));
    step(e, StageStep.UPPER_APPROVAL, LocalDate.of(2026, 3, 31));
    return e;
  }

  int rows(String table, long e) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM " + table + " WHERE election_id = ?", Integer.class, e);
  }

  /**
   * Enters the open vote: every candidate's 赞成 from {@code yes} (by candidate key: the two units'
   * lists share names), the rest 不赞成.
   */
  void count(long e, int issued, int valid, int invalid, Function<String, Long> yes) {
    ConferencePage.RoundView open = as(() -> conferences.page(e)).openRound();
    List<Long> y = new ArrayList<>();
    List<Long> n = new ArrayList<>();
    List<Long> a = new ArrayList<>();
    for (ConferenceCandidate c : open.candidates()) {
      long v = yes.apply(c.key());
      y.add(v);
      n.add(valid - v);
      a.add(0L);
    }
    int no = open.round().number();
    as(() -> conferences.count(e, no, issued, issued, valid, invalid, y, n, a));
  }

  @Test
  void aMarginUnderTwentyPercentIsRefusedAndNothingChanges() {
    long e = reviewed(18);
    long audit = auditCount(e);
    assertThatThrownBy(() -> as(() -> conferences.record(e, "区党代表会议", DAY, 308, 290)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("代表候选人18名（预备人选18名、市委提名0名），应选代表16名，候选人应至少20名")
        .hasMessageContaining("差额不少于20%")
        .hasMessageContaining("《中国共产党地方组织选举工作条例（2020）》")
        .hasMessageNotContaining("PARTY_LOCAL.");
    // two 市委提名 candidates join the ballot and the seats: 20 for 18, at least 22 — still refused
    for (String name : List.of("马国庆", "丁红")) {
      as(
          () ->
              delegates.addUpperNominee(
                  e, name, "女", LocalDate.of(1972, 5, 1), "汉族", "市某局局长", "市委提名通知"));
    }
    assertThatThrownBy(() -> as(() -> conferences.record(e, "区党代表会议", DAY, 308, 290)))
        .hasMessageContaining("代表候选人20名（预备人选18名、市委提名2名），应选代表18名，候选人应至少22名");
    assertThat(rows("delegate_conference", e)).isZero();
    assertThat(rows("delegate_conference_candidate", e)).isZero();
    assertThat(rows("delegate_conference_round", e)).isZero();
    assertThat(auditCount(e)).isEqualTo(audit + 2); // the two nominees only
    assertThat(as(() -> conferences.page(e)).marginOk()).isFalse();
  }

  @Test
  void theConferenceNeedsTheReviewAndMoreThanHalfPresent() {
    long early = upToPreliminaryPublicity();
    assertThatThrownBy(() -> as(() -> conferences.record(early, "区党代表会议", DAY, 308, 290)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("初步审查预备人选");
    long e = reviewed(21);
    long audit = auditCount(e);
    assertThatThrownBy(() -> as(() -> conferences.record(e, "区党代表会议", DAY, 308, 154)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("154")
        .hasMessageContaining("至少须155人")
        .hasMessageContaining("第二十四条")
        .hasMessageNotContaining("PARTY_LOCAL.");
    assertThat(rows("delegate_conference", e)).isZero();
    assertThat(auditCount(e)).isEqualTo(audit);
    as(() -> conferences.record(e, "区党代表会议", DAY, 308, 155));
    assertThat(rows("delegate_conference_candidate", e)).isEqualTo(21);
    assertThat(auditCount(e)).isEqualTo(audit + 1);
  }

  @Test
  void exactlyHalfOfTheExpectedIsNotElectedAndOneMoreIs() throws Exception {
    long e = reviewed(21);
    as(() -> conferences.record(e, "区党代表会议", DAY, 308, 290));
    ConferencePage before = as(() -> conferences.page(e));
    assertThat(before.candidates().stream().map(ConferenceCandidate::name))
        .hasSize(21)
        .isSortedAccordingTo(DelegateService.STROKES);
    List<String> names = before.candidates().stream().map(ConferenceCandidate::key).toList();
    String half = names.get(0); // 154 = half of 308: more than half of the 290 present, not elected
    String more = names.get(1); // 155
    List<String> strong = names.subList(2, 17); // 15 with 200
    String halfName = before.byKey().get(half).name();
    count(
        e,
        290,
        288,
        2,
        n -> n.equals(half) ? 154L : n.equals(more) ? 155L : strong.contains(n) ? 200L : 100L);

    ConferencePage p = as(() -> conferences.page(e));
    ConferencePage.RoundView r = p.rounds().get(0);
    Map<String, RankedCandidate.Status> status = new HashMap<>();
    r.ranking().forEach(x -> status.put(x.id(), x.status()));
    assertThat(status.get(half)).isEqualTo(RankedCandidate.Status.NOT_ELECTED);
    assertThat(status.get(more)).isEqualTo(RankedCandidate.Status.ELECTED);
    assertThat(p.elected()).hasSize(16);
    assertThat(p.elected().stream().map(x -> x.candidate().key()))
        .contains(more)
        .doesNotContain(half);
    assertThat(p.elected().stream().map(x -> x.candidate().name()))
        .isSortedAccordingTo(DelegateService.STROKES);
    assertThat(p.finished()).isTrue();
    assertThat(r.trail().stream().map(s -> s.code()))
        .contains("PARTY_LOCAL.QUORUM.HALF", "PARTY_LOCAL.THRESHOLD.HALF_EXPECTED");
    assertThat(r.trail().stream().map(s -> s.explanationZh()))
        .anySatisfy(t -> assertThat(t).contains(halfName).contains("154").contains("未超过"));

    // the report's numbers
    byte[] docx =
        mvc.perform(
                get("/elections/{id}/delegates/conference/report.docx", e)
                    .with(user("admin").roles("ADMIN", "USER")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    String text;
    try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(docx));
        XWPFWordExtractor x = new XWPFWordExtractor(d)) {
      text = x.getText().replaceAll("\\s+", "");
    }
    assertThat(text)
        .contains("应到会代表308名，实到会代表290名")
        .contains("应选代表16名（含市委提名0名），代表候选人21名")
        .contains("差额5名，差额比例31.3%")
        .contains("发出选票290张，收回选票290张，其中有效票288张，无效票2张")
        .contains("至少155票")
        .contains("代表16名");
    // 代表名册: 16 rows in stroke order; 代表登记表: one sheet each
    byte[] roster = as(() -> conferences.roster(e)).bytes();
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(roster))) {
      var sheet = wb.getSheetAt(0);
      List<String> listed = new ArrayList<>();
      for (var row : sheet) {
        if (row.getCell(0) != null && row.getCell(0).toString().matches("\\d+(\\.0)?")) {
          listed.add(row.getCell(1).toString());
        }
      }
      assertThat(listed).hasSize(16);
      assertThat(listed).isSortedAccordingTo(DelegateService.STROKES);
    }
    try (XSSFWorkbook wb =
        new XSSFWorkbook(new ByteArrayInputStream(as(() -> conferences.registration(e)).bytes()))) {
      assertThat(wb.getNumberOfSheets()).isEqualTo(16);
    }
    // the page: Chinese, no codes; the ballot prints
    String html =
        mvc.perform(
                get("/elections/{id}/delegates/conference", e)
                    .with(user("admin").roles("ADMIN", "USER")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html).contains("title=\"PARTY_LOCAL.QUORUM.HALF\"");
    String visible = PageText.visible(html).replaceAll("\\s+", "");
    assertThat(PageText.codeIn(visible)).isEmpty();
    assertThat(visible).contains("代表会议选举").contains("选举产生出席XX市第十二次党代会代表16名");
    byte[] pdf =
        mvc.perform(
                get("/elections/{id}/delegates/conference/rounds/1/ballot.pdf", e)
                    .with(user("admin").roles("ADMIN", "USER")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("%PDF-");
    // a second count of the same vote is refused
    long audit = auditCount(e);
    List<Long> zeros = java.util.Collections.nCopies(21, 0L);
    assertThatThrownBy(
            () -> as(() -> conferences.count(e, 1, 290, 290, 288, 2, zeros, zeros, zeros)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("不是待计票的投票");
    assertThat(auditCount(e)).isEqualTo(audit);
  }

  @Test
  void aTieAtTheLastSeatOpensAReVoteAmongTheTied() {
    long e = reviewed(21);
    as(() -> conferences.record(e, "区党代表会议", DAY, 308, 300));
    List<String> names =
        as(() -> conferences.page(e)).candidates().stream().map(ConferenceCandidate::key).toList();
    List<String> top = names.subList(0, 14);
    List<String> tied = names.subList(14, 17);
    count(e, 300, 300, 0, n -> top.contains(n) ? 250L : tied.contains(n) ? 180L : 50L);
    ConferencePage p = as(() -> conferences.page(e));
    assertThat(p.elected()).hasSize(14);
    assertThat(p.finished()).isFalse();
    ConferencePage.RoundView next = p.openRound();
    assertThat(next.round().kind()).isEqualTo(RoundKind.TIE_REVOTE);
    assertThat(next.round().seats()).isEqualTo(2);
    assertThat(next.candidates().stream().map(ConferenceCandidate::key))
        .containsExactlyElementsOf(tied); // the ballot's stroke order
    assertThat(p.rounds().get(0).outcomeZh())
        .anySatisfy(o -> assertThat(o).contains("得票相等（各180票）").contains("再次投票，选出2名"));
    // the re-vote: the most votes win
    count(e, 300, 300, 0, n -> n.equals(tied.get(2)) ? 100L : 150L);
    ConferencePage done = as(() -> conferences.page(e));
    assertThat(done.finished()).isTrue();
    assertThat(done.elected()).hasSize(16);
    assertThat(done.elected().stream().map(x -> x.candidate().key()))
        .contains(tied.get(0), tied.get(1))
        .doesNotContain(tied.get(2));
  }

  @Test
  void aShortfallIsReducedByTheOfficersRecordedChoiceInsteadOfAFurtherRound() {
    long e = reviewed(21);
    as(() -> conferences.record(e, "区党代表会议", DAY, 308, 300));
    List<String> keys =
        as(() -> conferences.page(e)).candidates().stream().map(ConferenceCandidate::key).toList();
    // 15 of 16 pass (more than 154 votes), the others get 100: one seat short, a 另行选举 opens
    List<String> top = keys.subList(0, 15);
    count(e, 300, 300, 0, n -> top.contains(n) ? 250L : 100L);
    ConferencePage p = as(() -> conferences.page(e));
    assertThat(p.elected()).hasSize(15);
    assertThat(p.openRound().round().kind()).isEqualTo(RoundKind.FURTHER);
    assertThat(p.reducible(p.rounds().get(0))).isTrue();
    long audit = auditCount(e);
    // half of the 300 present is not enough: refused, the 另行选举 stays
    assertThatThrownBy(() -> as(() -> conferences.reduceSeats(e, 1, 150, "经大会表决")))
        .hasMessageContaining("同意减少名额的150人，选举人300人，未超过半数，不能减少名额，应另行选举");
    assertThatThrownBy(() -> as(() -> conferences.reduceSeats(e, 1, 301, "经大会表决")))
        .hasMessageContaining("应在0至实到会代表300名之间");
    assertThat(auditCount(e)).isEqualTo(audit);
    assertThat(as(() -> conferences.page(e)).openRound()).isNotNull();

    as(() -> conferences.reduceSeats(e, 1, 151, "经大会举手表决，151名代表同意减少1个名额"));
    ConferencePage done = as(() -> conferences.page(e));
    assertThat(done.openRound()).isNull();
    assertThat(done.finished()).isTrue();
    assertThat(done.elected()).hasSize(15);
    assertThat(done.rounds()).hasSize(1);
    assertThat(done.rounds().get(0).outcomeZh()).anySatisfy(o -> assertThat(o).contains("减少名额1名"));
    assertThat(done.rounds().get(0).trail())
        .anySatisfy(t -> assertThat(t.explanationZh()).contains("同意减少名额的151人，选举人300人，超过半数，减少1个名额"));
    assertThat(auditCount(e)).isEqualTo(audit + 1);
    // nothing left to reduce
    assertThatThrownBy(() -> as(() -> conferences.reduceSeats(e, 1, 200, "再次")))
        .hasMessageContaining("没有待进行的另行选举");
  }

  @Test
  void theChecklistCountsBackFromTheConferenceDayAndTakesTheRecordedDays() throws Exception {
    long e = reviewed(21);
    as(() -> conferences.record(e, "区党代表会议", DAY, 308, 290));
    LocalDate d = as(() -> conferences.page(e)).election().electionDay();
    Map<String, xuanju.core.schedule.ChecklistStep> steps = new HashMap<>();
    as(() -> checklist.steps(e)).forEach(s -> steps.put(s.id(), s));
    assertThat(steps)
        .containsKeys(
            "plan",
            "deployment",
            "recommendation",
            "subjects",
            "vetting",
            "vettingPublicity",
            "preliminary",
            "preliminaryPublicity",
            "preparatory",
            "conference");
    var subjects = steps.get("subjects");
    assertThat(subjects.due()).isEqualTo(d.minusDays(40));
    assertThat(subjects.done()).isEqualTo(LocalDate.of(2026, 2, 27));
    assertThat(subjects.state()).isEqualTo(xuanju.core.schedule.StepState.DONE);
    assertThat(steps.get("preparatory").due()).isEqualTo(d.minusDays(10));
    assertThat(steps.get("preparatory").done()).isEqualTo(LocalDate.of(2026, 3, 27));
    assertThat(steps.get("preliminaryPublicity").done()).isEqualTo(LocalDate.of(2026, 3, 20));
    assertThat(steps.get("preliminaryPublicity").noteZh()).contains("5个工作日");
    assertThat(steps.get("conference").done()).isEqualTo(DAY);
    assertThat(steps.get("plan").done()).isNull();
    String html =
        mvc.perform(get("/elections/{id}/delegates", e).with(user("admin").roles("ADMIN", "USER")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String visible = PageText.visible(html).replaceAll("\\s+", "");
    assertThat(PageText.codeIn(visible)).isEmpty();
    assertThat(visible).contains("工作进度").contains("确定初步人选考察对象名单").contains("按期完成");
    assertThat(html).contains("title=\"DELEGATES.DEADLINE.SUBJECTS\"");
  }

  @Test
  void fiveMustKnowNotificationsAreRecordedOnlyOnceTheirItemExists() throws Exception {
    long e = reviewed(21);
    long audit = auditCount(e);
    assertThatThrownBy(
            () ->
                as(
                    () ->
                        notifications.record(
                            e, FiveMustKnow.RESULT, DAY, "全区各基层党组织和党员", "支部党员大会通报")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("党代表会议尚未选举产生代表")
        .hasMessageNotContaining("DELEGATES.");
    assertThat(as(() -> notifications.list(e))).isEmpty();
    assertThat(auditCount(e)).isEqualTo(audit);
    as(
        () ->
            notifications.record(
                e, FiveMustKnow.PREPARATORY, LocalDate.of(2026, 3, 28), "全区各基层党组织和党员", "支部党员大会通报"));
    List<Notification> ns = as(() -> notifications.list(e));
    assertThat(ns).hasSize(1);
    assertThat(ns.get(0).item()).isEqualTo(FiveMustKnow.PREPARATORY);
    assertThat(ns.get(0).audience()).isEqualTo("全区各基层党组织和党员");
    assertThat(auditCount(e)).isEqualTo(audit + 1);
    String html =
        mvc.perform(
                get("/elections/{id}/delegates/conference", e)
                    .with(user("admin").roles("ADMIN", "USER")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String visible = PageText.visible(html).replaceAll("\\s+", "");
    assertThat(PageText.codeIn(visible)).isEmpty();
    assertThat(visible)
        .contains("两次公示")
        .contains("考察预告及在考察对象所在单位公示：2026-03-02至2026-03-06，5个工作日")
        .contains("2026-03-28，以支部党员大会通报告知全区各基层党组织和党员")
        .contains("选举结果必知尚未登记");
  }

  /**
   * The conference, its counts and the 五必知 cannot be undone, so their forms ask first: the page
   * loads the script that shows each form's data-confirm question (it did not, and they posted at
   * once).
   */
  @Test
  void theConferencePageAsksBeforeItsFormsPost() throws Exception {
    long e = reviewed(21);
    String html =
        mvc.perform(
                get("/elections/{id}/delegates/conference", e)
                    .with(user("admin").roles("ADMIN", "USER")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html)
        .contains("id=\"conference-form\"")
        .contains("id=\"notification-form\"")
        .contains("data-confirm=")
        .contains("/js/roster.js");
  }

  @Test
  void aCountPostedFromThePageWithBadSumsIsRefusedAndAGoodOneDecides() throws Exception {
    long e = reviewed(21);
    as(() -> conferences.record(e, "区党代表会议", DAY, 308, 290));
    long audit = auditCount(e);
    var admin = user("admin").roles("ADMIN", "USER");
    var bad =
        post("/elections/{id}/delegates/conference/rounds/1/count", e)
            .with(admin)
            .with(
                org.springframework.security.test.web.servlet.request
                    .SecurityMockMvcRequestPostProcessors.csrf())
            .param("issued", "290")
            .param("returned", "290")
            .param("valid", "290")
            .param("invalid", "0");
    for (int i = 0; i < 21; i++) {
      bad.param("yes", i == 0 ? "100" : "200").param("no", "90").param("abstain", "0");
    }
    String html =
        mvc.perform(bad)
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(PageText.visible(html)).contains("不等于有效票数290");
    assertThat(rows("delegate_conference_vote", e)).isZero();
    assertThat(as(() -> conferences.page(e)).openRound().round().number()).isEqualTo(1);
    assertThat(auditCount(e)).isEqualTo(audit);
    // the same form with good sums: 16 with 200 elected, the rest with 100 not
    var good =
        post("/elections/{id}/delegates/conference/rounds/1/count", e)
            .with(admin)
            .with(
                org.springframework.security.test.web.servlet.request
                    .SecurityMockMvcRequestPostProcessors.csrf())
            .param("issued", "290")
            .param("returned", "290")
            .param("valid", "290")
            .param("invalid", "0");
    for (int i = 0; i < 21; i++) {
      good.param("yes", i < 16 ? "200" : "100")
          .param("no", i < 16 ? "90" : "190")
          .param("abstain", "0");
    }
    mvc.perform(good).andExpect(status().is3xxRedirection());
    ConferencePage p = as(() -> conferences.page(e));
    assertThat(p.finished()).isTrue();
    assertThat(p.elected().stream().map(x -> x.candidate().key()))
        .containsExactlyInAnyOrderElementsOf(
            p.candidates().subList(0, 16).stream().map(ConferenceCandidate::key).toList());
    assertThat(auditCount(e)).isEqualTo(audit + 1);
  }
}
