package xuanju.server.delegates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import xuanju.core.rule.InvalidInputException;

/**
 * The stages after 推荐提名 at the service: a list with the wrong count, a decision by the wrong body
 * and a publicity shorter than 5 working days are refused with a Chinese message naming the rule,
 * and nothing changes; a 考察对象 is withdrawn after a complaint and the list shrinks; the solver
 * proposes the 预备人选 and explains a lock that cannot hold.
 */
class DelegateStageTest extends DelegateStageSupport {

  @Test
  void aStageListWithTheWrongCountIsRefusedAndNothingChanges() {
    long e = electionWithPool();
    long audit = auditCount(e);
    List<Long> ids = new ArrayList<>(subjectIds(e));
    assertThat(ids).hasSize(24);
    List<Long> short23 = ids.subList(0, 23);
    assertThatThrownBy(
            () ->
                as(
                    () ->
                        stages.decideList(
                            e,
                            DelegateStage.SUBJECTS,
                            "STANDING_COMMITTEE",
                            LocalDate.of(2026, 2, 27),
                            MINUTES,
                            short23)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("考察对象名单为23名，按代表名额16名应为24名")
        .hasMessageContaining("代表名额的1.5倍")
        .hasMessageContaining("《XX区选举出席XX市第十二次党代会代表工作方案（003）》")
        .hasMessageNotContaining("DELEGATES.");
    assertThat(members(e, DelegateStage.SUBJECTS)).isZero();
    assertThat(steps(e)).isZero();
    assertThat(auditCount(e)).isEqualTo(audit);
    // the right count is taken, and the 推荐人选 lists can no longer be replaced
    decideSubjects(e);
    assertThat(members(e, DelegateStage.SUBJECTS)).isEqualTo(24);
    long u =
        jdbc.queryForObject(
            "SELECT MIN(id) FROM delegate_unit WHERE election_id = ?", Long.class, e);
    assertThatThrownBy(() -> as(() -> delegates.submitText(e, u, goodList(), version(u))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("推荐人选名单不能再修改");
    // 初步人选: 21 required, 20 refused
    vettingNotice(e);
    opinions(e);
    step(e, StageStep.DISCIPLINE_CONSULTED, LocalDate.of(2026, 3, 9));
    List<Long> twenty = preliminaryIds(e).subList(0, 20);
    assertThatThrownBy(
            () ->
                as(
                    () ->
                        stages.decideList(
                            e,
                            DelegateStage.PRELIMINARY,
                            "STANDING_COMMITTEE",
                            LocalDate.of(2026, 3, 12),
                            MINUTES,
                            twenty)))
        .hasMessageContaining("初步人选名单为20名，按代表名额16名应为21名");
    assertThat(members(e, DelegateStage.PRELIMINARY)).isZero();
  }

  @Test
  void approvalByTheWrongBodyIsRefusedAndNothingChanges() {
    long e = electionWithPool();
    long audit = auditCount(e);
    assertThatThrownBy(
            () ->
                as(
                    () ->
                        stages.decideList(
                            e,
                            DelegateStage.SUBJECTS,
                            "PLENUM",
                            LocalDate.of(2026, 2, 27),
                            "区委全会决议",
                            subjectIds(e))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("“研究提出考察对象名单”应由区委常委会作出，不能由区委全会作出")
        .hasMessageContaining("考察对象和初步人选由区委常委会研究提出");
    assertThat(members(e, DelegateStage.SUBJECTS)).isZero();
    assertThat(steps(e)).isZero();
    assertThat(auditCount(e)).isEqualTo(audit);
    // the 市委's consent given by the 市委组织部 is refused too
    long p = upToPreliminaryPublicity();
    int before = steps(p);
    assertThatThrownBy(
            () ->
                as(
                    () ->
                        stages.recordStep(
                            p,
                            StageStep.PREPARATORY_REVIEWED,
                            "STANDING_COMMITTEE",
                            LocalDate.of(2026, 3, 30),
                            "审查意见")))
        .hasMessageContaining("“初步审查预备人选”应由市委组织部作出，不能由区委常委会作出");
    assertThatThrownBy(
            () ->
                as(
                    () ->
                        stages.decideList(
                            p,
                            DelegateStage.PREPARATORY,
                            "STANDING_COMMITTEE",
                            LocalDate.of(2026, 3, 27),
                            MINUTES,
                            preliminaryIds(p))))
        .hasMessageContaining("应由区委全会作出，不能由区委常委会作出");
    assertThat(steps(p)).isEqualTo(before);
    assertThat(members(p, DelegateStage.PREPARATORY)).isZero();
  }

  @Test
  void aPublicityShorterThanFiveWorkingDaysIsRefused() {
    long e = electionWithPool();
    decideSubjects(e);
    long audit = auditCount(e);
    // Friday 13 to Wednesday 18 March 2026: six calendar days, four working days
    assertThatThrownBy(
            () ->
                as(
                    () ->
                        vetting.recordPublicity(
                            e,
                            StagePublicity.Kind.VETTING,
                            LocalDate.of(2026, 3, 12),
                            LocalDate.of(2026, 3, 13),
                            LocalDate.of(2026, 3, 18),
                            "考察对象所在单位",
                            "考察预告")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("其中工作日4个，少于5个工作日")
        .hasMessageContaining("在考察对象所在单位公示5个工作日");
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM delegate_publicity WHERE election_id = ?", Integer.class, e))
        .isZero();
    assertThat(auditCount(e)).isEqualTo(audit);
    // the 初步人选's publicity: 16–19 March is four working days, refused likewise
    long p = upToPreliminaryPublicityExceptThePublicity();
    assertThatThrownBy(
            () ->
                as(
                    () ->
                        vetting.recordPublicity(
                            p,
                            StagePublicity.Kind.PRELIMINARY,
                            LocalDate.of(2026, 3, 14),
                            LocalDate.of(2026, 3, 16),
                            LocalDate.of(2026, 3, 19),
                            "全区范围",
                            "公示通告")))
        .hasMessageContaining("初步人选公示为2026-03-16至2026-03-19，其中工作日4个")
        .hasMessageContaining("在全区范围内进行公示");
    // and the 预备人选 cannot be decided without it
    assertThatThrownBy(
            () ->
                as(
                    () ->
                        stages.decideList(
                            p,
                            DelegateStage.PREPARATORY,
                            "PLENUM",
                            LocalDate.of(2026, 3, 27),
                            "区委全会",
                            preliminaryIds(p))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("初步人选尚未公示");
    // five working days are taken
    vettingNotice(e);
    assertThat(as(() -> stages.page(e, null)).vetting().workingDays()).isEqualTo(5);
  }

  long upToPreliminaryPublicityExceptThePublicity() {
    long e = electionWithPool();
    decideSubjects(e);
    vettingNotice(e);
    opinions(e);
    step(e, StageStep.DISCIPLINE_CONSULTED, LocalDate.of(2026, 3, 9));
    decidePreliminary(e);
    step(e, StageStep.UPPER_CONSENT, LocalDate.of(2026, 3, 13));
    return e;
  }

  @Test
  void aVettingSubjectIsWithdrawnAfterAComplaint() {
    long e = electionWithPool();
    decideSubjects(e);
    vettingNotice(e);
    opinions(e);
    step(e, StageStep.DISCIPLINE_CONSULTED, LocalDate.of(2026, 3, 9));
    long wang = firstId(e, "王建国");
    long complaint =
        as(
            () ->
                vetting.recordComplaint(
                    e, StagePublicity.Kind.VETTING, wang, LocalDate.of(2026, 3, 4), "反映其违规兼职取酬"));
    // an unchecked complaint holds up the 初步人选
    assertThatThrownBy(() -> decidePreliminary(e))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("关于王建国的举报尚未核查")
        .hasMessageContaining("进行核查、作出结论");
    as(
        () ->
            vetting.checkComplaint(
                e, complaint, LocalDate.of(2026, 3, 6), "经核查，反映问题属实，不宜继续作为考察对象"));
    long audit = auditCount(e);
    as(
        () ->
            stages.withdraw(
                e, DelegateStage.SUBJECTS, wang, LocalDate.of(2026, 3, 6), "举报经核查属实，不再作为考察对象"));
    assertThat(members(e, DelegateStage.SUBJECTS)).isEqualTo(23);
    assertThat(auditCount(e)).isEqualTo(audit + 1);
    StagePage page = as(() -> stages.page(e, null));
    assertThat(page.subjects().active()).isEqualTo(23);
    assertThat(page.subjects().withdrawn())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.name()).isEqualTo("王建国");
              assertThat(m.withdrawnReason()).contains("举报经核查属实");
            });
    assertThat(page.complaints("VETTING"))
        .singleElement()
        .satisfies(c -> assertThat(c.checked()).isTrue());
    // the withdrawn subject cannot be made a 初步人选
    List<Long> withWang = new ArrayList<>(preliminaryIds(e).subList(0, 20));
    withWang.add(wang);
    assertThatThrownBy(
            () ->
                as(
                    () ->
                        stages.decideList(
                            e,
                            DelegateStage.PRELIMINARY,
                            "STANDING_COMMITTEE",
                            LocalDate.of(2026, 3, 12),
                            MINUTES,
                            withWang)))
        .hasMessageContaining("初步人选名单中有1人不在考察对象名单中")
        .hasMessageContaining("逐级遴选");
    decidePreliminary(e);
    assertThat(members(e, DelegateStage.PRELIMINARY)).isEqualTo(21);
  }

  @Test
  void theSolverProposesThePreparatoryListAndExplainsAnImpossibleLock() {
    long e = upToPreliminaryPublicity();
    StagePage page = as(() -> stages.page(e, 18));
    PreparatoryProposal.Result r = page.proposal();
    assertThat(r.found()).isTrue();
    assertThat(r.chosen()).hasSize(18);
    // the proposal meets every quota (checked independently) and is in 姓氏笔画 order
    assertThat(StageComposition.of(r.chosen(), page.election().electionDay()))
        .allSatisfy(l -> assertThat(l.met()).as(l.requirementZh()).isTrue());
    List<String> names = r.chosen().stream().map(StageMember::name).toList();
    assertThat(names).isSortedAccordingTo(DelegateService.STROKES);
    assertThat(r.support())
        .isEqualTo(r.chosen().stream().mapToLong(m -> m.person().supportVotes()).sum());
    // decided by the 区委全会 from the proposal, reviewed by the 市委组织部
    as(
        () ->
            stages.decideList(
                e,
                DelegateStage.PREPARATORY,
                "PLENUM",
                LocalDate.of(2026, 3, 27),
                "区委全会决议",
                r.ids()));
    step(e, StageStep.PREPARATORY_REVIEWED, LocalDate.of(2026, 3, 30));
    assertThat(members(e, DelegateStage.PREPARATORY)).isEqualTo(18);
    assertThat(as(() -> stages.page(e, null)).proposal()).isNull();

    // another election: the officer locks all 21 and asks for 17 — explained with the numbers
    long f = upToPreliminaryPublicity();
    as(() -> stages.lock(f, preliminaryIds(f)));
    PreparatoryProposal.Result none = as(() -> stages.page(f, 17)).proposal();
    assertThat(none.found()).isFalse();
    assertThat(none.statusZh()).isEqualTo("不存在符合全部结构要求的名单");
    assertThat(String.join("；", none.reasons())).contains("应选17名，但已锁定21名，多出4名");
  }
}
