package xuanju.server.delegates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import xuanju.server.documents.DocumentContent;

/**
 * Seed 003's additions to the stages: the regulators heard on the 考察对象 tagged 企业 before the 初步人选,
 * the 初步人选/预备人选 登记表 with 入党时间 and 学历, the 市委's 批复 of the 预备人选 before the conference (by the 市委
 * only), the stage counts as settings of the election, and the 推荐提名工作小结.
 */
class DelegateRegistrationTest extends DelegateStageSupport {
  @Autowired DelegateFormsService registration;
  @Autowired ConferenceService conferences;

  static final String FIRST = "区委教育工委";
  static final String SECOND = "区委卫生工委";

  /** The first unit's 高峰 works in an enterprise (企业) and gives 入党时间 and 学历; 吴刚 gives them too. */
  long electionWithEnterprisePool() {
    long e = election();
    allocate(e);
    List<String> rows = new ArrayList<>();
    for (String r : goodRows()) {
      if (r.startsWith("高峰\t")) {
        r = r.replaceFirst("\t\t(\\d+)$", "\t企业\t$1") + "\t2008-07-01\t大学本科";
      } else if (r.startsWith("吴刚\t")) {
        r = r + "\t2006.05\t硕士研究生";
      }
      rows.add(r);
    }
    long u1 = unit(e, FIRST);
    as(() -> delegates.submitText(e, u1, String.join("\n", rows), version(u1)));
    long u2 = unit(e, SECOND);
    as(() -> delegates.submitText(e, u2, goodList(), version(u2)));
    return e;
  }

  long idIn(long e, String name, String unit) {
    return jdbc.queryForObject(
        "SELECT r.id FROM delegate_recommendee r JOIN delegate_unit u ON u.id = r.unit_id"
            + " WHERE u.election_id = ? AND u.name = ? AND r.name = ?",
        Long.class,
        e,
        unit,
        name);
  }

  long audits(long e, String action) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM audit_event WHERE subject = ? AND action = ?",
        Long.class,
        "election:" + e,
        action);
  }

  @Test
  void anEnterpriseSubjectNeedsTheRegulatorsOpinionBeforeThePreliminaryDecision() {
    long e = electionWithEnterprisePool();
    decideSubjects(e);
    vettingNotice(e);
    opinions(e);
    step(e, StageStep.DISCIPLINE_CONSULTED, LocalDate.of(2026, 3, 9));
    StagePage page = as(() -> stages.page(e, null));
    assertThat(page.enterpriseSubjects()).extracting(StageMember::unitName).containsExactly(FIRST);
    long audit = auditCount(e);

    assertThatThrownBy(() -> decidePreliminary(e))
        .hasMessageContaining("以下企业的考察对象尚未登记行政执法、行业监管等有关部门的意见：高峰（区委教育工委）")
        .hasMessageContaining(StageRule.REGULATOR_OPINIONS.messageZh());
    assertThat(members(e, DelegateStage.PRELIMINARY)).isZero();
    assertThat(auditCount(e)).isEqualTo(audit);

    // the other unit's 高峰 is not tagged 企业: refused, nothing stored
    long other = idIn(e, "高峰", SECOND);
    assertThatThrownBy(
            () -> as(() -> vetting.recordRegulatorOpinion(e, other, "区市场监管局", "未发现违法违规问题")))
        .hasMessageContaining("高峰（区委卫生工委）未标注为企业人员");
    assertThat(auditCount(e)).isEqualTo(audit);

    long enterprise = idIn(e, "高峰", FIRST);
    as(() -> vetting.recordRegulatorOpinion(e, enterprise, "区市场监管局", "该企业近三年无行政处罚记录"));
    assertThat(audits(e, "DELEGATE_REGULATOR_OPINION")).isEqualTo(1);
    StageMember m = as(() -> stages.page(e, null)).enterpriseSubjects().get(0);
    assertThat(m.regulatorDepartment()).isEqualTo("区市场监管局");
    assertThat(m.regulatorOpinion()).isEqualTo("该企业近三年无行政处罚记录");

    decidePreliminary(e);
    assertThat(members(e, DelegateStage.PRELIMINARY)).isEqualTo(21);
    assertThatThrownBy(() -> as(() -> vetting.recordRegulatorOpinion(e, enterprise, "区税务局", "无欠税")))
        .hasMessageContaining("初步人选名单已经确定");
  }

  @Test
  void theRegistrationFormsListThePeopleWithPartyEntryAndEducation() throws Exception {
    long e = electionWithEnterprisePool();
    // the 推荐人选登记表: every recommended name, by unit, with the 登记表's fields
    List<List<String>> rec = rows(as(() -> delegates.recommendedRegistration(e)));
    assertThat(rec.get(0)).isEqualTo(RegistrationDocuments.HEADER);
    long pool =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM delegate_recommendee r JOIN delegate_unit u ON u.id = r.unit_id"
                + " WHERE u.election_id = ?",
            Long.class,
            e);
    assertThat(rec.subList(1, rec.size())).hasSize((int) pool);
    assertThat(rec.subList(1, rec.size()))
        .anySatisfy(
            r ->
                assertThat(r.subList(1, 11))
                    .containsExactly(
                        "高峰",
                        "男",
                        "汉族",
                        "1985年6月",
                        "2008年7月",
                        "大学本科",
                        "某街道社区党委书记",
                        "基层一线",
                        "基层一线、企业",
                        FIRST));
    decideSubjects(e);
    vettingNotice(e);
    opinions(e);
    as(() -> vetting.recordRegulatorOpinion(e, idIn(e, "高峰", FIRST), "区市场监管局", "该企业近三年无行政处罚记录"));
    step(e, StageStep.DISCIPLINE_CONSULTED, LocalDate.of(2026, 3, 9));
    assertThatThrownBy(() -> as(() -> registration.registration(e, DelegateStage.PRELIMINARY)))
        .hasMessageContaining("初步人选名单尚未确定，还不能生成初步人选登记表");
    decidePreliminary(e);

    List<List<String>> rows =
        rows(as(() -> registration.registration(e, DelegateStage.PRELIMINARY)));
    assertThat(rows.get(0)).isEqualTo(RegistrationDocuments.HEADER);
    List<List<String>> people = rows.subList(1, rows.size());
    assertThat(people).hasSize(21);
    List<String> names = people.stream().map(r -> r.get(1)).toList();
    List<String> sorted = new ArrayList<>(names);
    sorted.sort(DelegateService.STROKES);
    assertThat(names).isEqualTo(sorted);
    List<String> gao =
        people.stream()
            .filter(r -> r.get(1).equals("高峰") && r.get(10).equals(FIRST))
            .findFirst()
            .orElseThrow();
    assertThat(gao)
        .containsExactly(
            gao.get(0),
            "高峰",
            "男",
            "汉族",
            "1985年6月",
            "2008年7月",
            "大学本科",
            "某街道社区党委书记",
            "基层一线",
            "基层一线、企业",
            FIRST);
    List<String> wu =
        people.stream()
            .filter(r -> r.get(1).equals("吴刚") && r.get(10).equals(FIRST))
            .findFirst()
            .orElseThrow();
    assertThat(wu.subList(5, 7)).containsExactly("2006年5月", "硕士研究生");
    List<String> wuOther =
        people.stream()
            .filter(r -> r.get(1).equals("吴刚") && r.get(10).equals(SECOND))
            .findFirst()
            .orElseThrow();
    assertThat(wuOther.subList(5, 7)).containsExactly("", "");

    // the 预备人选登记表 once the 区委全会 has decided
    step(e, StageStep.UPPER_CONSENT, LocalDate.of(2026, 3, 13));
    preliminaryPublicity(e);
    assertThatThrownBy(() -> as(() -> registration.registration(e, DelegateStage.PREPARATORY)))
        .hasMessageContaining("预备人选名单尚未确定");
    List<Long> ids = preliminaryIds(e).subList(0, 18);
    as(
        () ->
            stages.decideList(
                e, DelegateStage.PREPARATORY, "PLENUM", LocalDate.of(2026, 3, 27), "区委全会决议", ids));
    List<List<String>> prep =
        rows(as(() -> registration.registration(e, DelegateStage.PREPARATORY)));
    assertThat(prep).hasSize(19);
  }

  void preliminaryPublicity(long e) {
    as(
        () ->
            vetting.recordPublicity(
                e,
                StagePublicity.Kind.PRELIMINARY,
                LocalDate.of(2026, 3, 14),
                LocalDate.of(2026, 3, 16),
                LocalDate.of(2026, 3, 20),
                "全区范围，XX报、XX政务网",
                "出席市第十二次党代会代表候选人初步人选公示通告"));
  }

  private List<List<String>> rows(DelegateService.Download d) throws Exception {
    List<List<String>> out = new ArrayList<>();
    DataFormatter f = new DataFormatter();
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(d.bytes()))) {
      Sheet s = wb.getSheetAt(0);
      boolean header = false;
      for (org.apache.poi.ss.usermodel.Row r : s) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < RegistrationDocuments.HEADER.size(); i++) {
          cells.add(r.getCell(i) == null ? "" : f.formatCellValue(r.getCell(i)));
        }
        header = header || cells.get(0).equals("序号");
        if (header) {
          out.add(cells);
        }
      }
    }
    return out;
  }

  @Test
  void theUpperCommitteesApprovalIsItsOwnStepBeforeTheConference() {
    long e = upToPreliminaryPublicity();
    List<Long> ids = preliminaryIds(e);
    as(
        () ->
            stages.decideList(
                e, DelegateStage.PREPARATORY, "PLENUM", LocalDate.of(2026, 3, 27), "区委全会决议", ids));
    // before the 市委组织部's review: refused by the order
    assertThatThrownBy(() -> step(e, StageStep.UPPER_APPROVAL, LocalDate.of(2026, 3, 31)))
        .hasMessageContaining("须先市委组织部初步审查预备人选");
    step(e, StageStep.PREPARATORY_REVIEWED, LocalDate.of(2026, 3, 30));
    int before = steps(e);
    long audit = auditCount(e);
    // the conference waits for the 批复
    assertThatThrownBy(
            () -> as(() -> conferences.record(e, "区党代表会议", LocalDate.of(2026, 4, 8), 308, 290)))
        .hasMessageContaining("市委尚未批复预备人选名单")
        .hasMessageContaining(StageRule.UPPER_APPROVAL.messageZh());
    assertThat(as(() -> conferences.page(e)).ready()).isFalse();
    // the wrong body
    assertThatThrownBy(
            () ->
                as(
                    () ->
                        stages.recordStep(
                            e,
                            StageStep.UPPER_APPROVAL,
                            "UPPER_ORGANISATION",
                            LocalDate.of(2026, 3, 31),
                            "X组字〔2026〕12号")))
        .hasMessageContaining("“批复预备人选名单”应由市委作出，不能由市委组织部作出");
    assertThat(steps(e)).isEqualTo(before);
    assertThat(auditCount(e)).isEqualTo(audit);

    as(
        () ->
            stages.recordStep(
                e,
                StageStep.UPPER_APPROVAL,
                "UPPER_COMMITTEE",
                LocalDate.of(2026, 3, 31),
                "X委〔2026〕12号"));
    StageDecision d = as(() -> stages.page(e, null)).decisions().get(StageStep.UPPER_APPROVAL);
    assertThat(d.body()).isEqualTo(StageBody.UPPER_COMMITTEE);
    assertThat(d.document()).isEqualTo("X委〔2026〕12号");
    assertThat(d.decidedOn()).isEqualTo(LocalDate.of(2026, 3, 31));
    assertThat(audits(e, "DELEGATE_STAGE_APPROVED")).isGreaterThanOrEqualTo(1);
    assertThatThrownBy(() -> step(e, StageStep.UPPER_APPROVAL, LocalDate.of(2026, 4, 1)))
        .hasMessageContaining("已经登记");
    as(() -> conferences.record(e, "区党代表会议", LocalDate.of(2026, 4, 8), 308, 290));
    assertThat(as(() -> conferences.page(e)).recorded()).isTrue();
  }

  @Test
  void theStageCountsAreSettingsOfTheElection() {
    long e = electionWithPool();
    StagePage fresh = as(() -> stages.page(e, null));
    assertThat(fresh.counts()).isEqualTo(StageCounts.DEFAULTS);
    assertThat(fresh.subjects().required()).isEqualTo(24);
    assertThat(fresh.preliminary().required()).isEqualTo(21);
    long audit = auditCount(e);
    // 初步人选 not more than the seats, and 考察对象 fewer than the 初步人选: refused, nothing stored
    assertThatThrownBy(() -> as(() -> stages.saveStageCounts(e, null, 16)))
        .hasMessageContaining("初步人选人数为16名，应多于代表名额16名")
        .hasMessageContaining(StageRule.STAGE_COUNTS.messageZh());
    assertThatThrownBy(() -> as(() -> stages.saveStageCounts(e, 19, 20)))
        .hasMessageContaining("考察对象人数为19名，应不少于初步人选20名");
    assertThat(auditCount(e)).isEqualTo(audit);

    as(() -> stages.saveStageCounts(e, 23, 20));
    assertThat(audits(e, "DELEGATE_STAGE_COUNTS_SAVED")).isEqualTo(1);
    StagePage set = as(() -> stages.page(e, null));
    assertThat(set.subjects().required()).isEqualTo(23);
    assertThat(set.preliminary().required()).isEqualTo(20);
    assertThat(set.counts().subjectsZh(16)).isEqualTo("23名（本选举设定）");

    // the default 24 is now refused, 23 decided
    assertThatThrownBy(() -> decideSubjects(e)).hasMessageContaining("考察对象名单为24名，按代表名额16名应为23名");
    List<Long> ids = new ArrayList<>(subjectIds(e));
    ids.remove(ids.size() - 1);
    as(
        () ->
            stages.decideList(
                e,
                DelegateStage.SUBJECTS,
                "STANDING_COMMITTEE",
                LocalDate.of(2026, 2, 27),
                MINUTES,
                ids));
    assertThat(members(e, DelegateStage.SUBJECTS)).isEqualTo(23);
    assertThatThrownBy(() -> as(() -> stages.saveStageCounts(e, 24, 20)))
        .hasMessageContaining("考察对象名单已经确定，考察对象人数不能再修改");
    // the 初步人选 may still change (back to the default 21)
    as(() -> stages.saveStageCounts(e, 23, null));
    assertThat(as(() -> stages.page(e, null)).preliminary().required()).isEqualTo(21);
  }

  @Test
  void theSummaryTellsTheRecommendationFromTheStoredData() {
    long e = electionWithPool();
    long first =
        jdbc.queryForObject(
            "SELECT id FROM delegate_unit WHERE election_id = ? AND name = ?",
            Long.class,
            e,
            FIRST);
    as(() -> delegates.recordParticipation(e, first, 40, 40, 1000, 990, version(first)));
    String t = text(as(() -> registration.summary(e)));
    assertThat(t)
        .contains("关于出席XX市第十二次党代会代表推荐提名工作的小结")
        .contains("代表名额760名，分配我区16名（不含市委提名）")
        .contains("我区以2个推荐单位进行推荐提名")
        .contains("共有基层党组织40个，参加推荐40个（参与率100%）；党员1000名，参加推荐990名（参与率99%）")
        .contains("参与率未达到100%的推荐单位：区委教育工委")
        .contains("共推荐人选34名，其中局级领导干部12名、处级领导干部6名、基层一线16名；女性10名，少数民族2名")
        .contains("区委卫生工委|未登记")
        .contains("区委教育工委|17|6|3|8|");
    // every quota of the pool, with the pool's count
    for (DelegateService.PoolLine l : as(() -> delegates.page(e)).pool()) {
      assertThat(t).contains(l.requirementZh() + "，推荐人选中有" + l.count() + "名");
    }
  }

  static String text(DocumentContent c) {
    StringBuilder b = new StringBuilder(c.title()).append('\n');
    for (DocumentContent.Block x : c.blocks()) {
      if (x instanceof DocumentContent.Heading h) {
        b.append(h.text());
      } else if (x instanceof DocumentContent.Paragraph p) {
        b.append(p.text());
      } else if (x instanceof DocumentContent.Table t) {
        t.rows().forEach(r -> b.append(String.join("|", r)).append('\n'));
      }
      b.append('\n');
    }
    return b.toString();
  }
}
