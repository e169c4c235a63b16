package xuanju.server.delegates;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.audit.AuditLog;

/**
 * 考察 and the publicity rounds (seed 003 §4.6): the 考察预告 with the vetting and publicity in the
 * subjects' units, the opinions of the unit's party organisation and of the discipline organ per
 * subject, the district-wide publicity of the 初步人选 after the 市委's consent, and the complaints (举报)
 * of both publicities with their checks. Each period lasts at least 5 working days (core holiday
 * calendar, both ends included). MANAGE; refused changes name the rule and change nothing; every
 * change is audited.
 */
@Service
public class VettingService {
  private final StageRepository repo;
  private final StageGuard guard;
  private final AuditLog audit;
  private final Clock clock;

  VettingService(StageRepository repo, StageGuard guard, AuditLog audit, Clock clock) {
    this.repo = repo;
    this.guard = guard;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Records a publicity (MANAGE): {@code VETTING} after the 考察对象 are decided (考察预告 and the vetting
   * in the units), {@code PRELIMINARY} after the 市委's consent (district-wide and in the media).
   * Shorter than 5 working days is refused.
   */
  @Transactional
  public void recordPublicity(
      long electionId,
      StagePublicity.Kind kind,
      LocalDate announcedOn,
      LocalDate startsOn,
      LocalDate endsOn,
      String scope,
      String document) {
    guard.election(electionId, Permission.MANAGE);
    if (kind == null) {
      throw new InvalidInputException("kind", "公示：请选择");
    }
    LocalDate announced = StageGuard.required(announcedOn, "announcedOn", "发布日期");
    LocalDate from = StageGuard.required(startsOn, "startsOn", "开始日期");
    LocalDate to = StageGuard.required(endsOn, "endsOn", "结束日期");
    String where = StageGuard.text(scope, "scope", "公示范围", 300);
    String doc = StageGuard.text(document, "document", "公示通告或考察预告", 300);
    if (to.isBefore(from) || from.plusDays(366).isBefore(to)) {
      throw new InvalidInputException("endsOn", "结束日期应不早于开始日期，且期间不超过一年");
    }
    if (from.isBefore(announced)) {
      throw new InvalidInputException("startsOn", "开始日期不能早于发布日期");
    }
    StageRule rule =
        kind == StagePublicity.Kind.VETTING
            ? StageRule.VETTING_PUBLICITY_5WD
            : StageRule.PRELIMINARY_PUBLICITY_5WD;
    int days = WorkingDays.between(from, to);
    if (days < StageRule.MIN_WORKING_DAYS) {
      throw new InvalidInputException(
          "endsOn",
          rule.refuse(
              kind.labelZh()
                  + "为"
                  + from
                  + "至"
                  + to
                  + "，其中工作日"
                  + days
                  + "个，少于"
                  + StageRule.MIN_WORKING_DAYS
                  + "个工作日"));
    }
    Map<StageStep, StageDecision> done = guard.decisions(electionId);
    if (kind == StagePublicity.Kind.VETTING) {
      guard.require(done, StageStep.SUBJECTS_DECIDED, "发布考察预告前");
    } else {
      guard.require(done, StageStep.UPPER_CONSENT, "公示初步人选前");
    }
    if (repo.publicity(electionId, kind).isPresent()) {
      throw new IllegalStateException(kind.labelZh() + "已经登记");
    }
    String actor = AccessService.currentUser();
    repo.insertPublicity(
        electionId,
        new StagePublicity(kind, announced, from, to, where, doc, days),
        actor,
        clock.instant());
    audit.append(
        actor,
        "DELEGATE_PUBLICITY_RECORDED",
        "election:" + electionId,
        kind.labelZh()
            + "："
            + announced
            + "发布《"
            + doc
            + "》，"
            + from
            + "至"
            + to
            + "（"
            + days
            + "个工作日），范围："
            + where);
  }

  /**
   * Records a 考察对象's opinion (MANAGE): of the unit's party organisation or the discipline organ.
   */
  @Transactional
  public void recordOpinion(
      long electionId, long recommendeeId, boolean unitOrganisation, String opinion) {
    guard.election(electionId, Permission.MANAGE);
    String label = unitOrganisation ? "所在单位党组织意见" : "纪检机关意见";
    String text = StageGuard.text(opinion, "opinion", label, 1000);
    Map<StageStep, StageDecision> done = guard.decisions(electionId);
    if (done.containsKey(StageStep.PRELIMINARY_DECIDED)) {
      throw new IllegalStateException("初步人选名单已经确定，考察意见不能再修改");
    }
    StageMember m = subject(electionId, recommendeeId);
    repo.setOpinion(electionId, recommendeeId, unitOrganisation, text);
    audit.append(
        AccessService.currentUser(),
        "DELEGATE_VETTING_OPINION",
        "election:" + electionId,
        "登记考察对象" + m.name() + "（" + m.unitName() + "）的" + label + "：" + text);
  }

  /**
   * Records the opinion of a regulator (行政执法、行业监管等有关部门) on a 考察对象 tagged 企业 (MANAGE), before the
   * 初步人选 are fixed (seed 003 step 6); refused for a subject without the tag.
   */
  @Transactional
  public void recordRegulatorOpinion(
      long electionId, long recommendeeId, String department, String opinion) {
    guard.election(electionId, Permission.MANAGE);
    String dept = StageGuard.text(department, "department", "听取意见的部门", 200);
    String text = StageGuard.text(opinion, "regulatorOpinion", "主管部门或监管部门意见", 1000);
    Map<StageStep, StageDecision> done = guard.decisions(electionId);
    if (done.containsKey(StageStep.PRELIMINARY_DECIDED)) {
      throw new IllegalStateException("初步人选名单已经确定，有关部门的意见不能再修改");
    }
    StageMember m = subject(electionId, recommendeeId);
    if (!m.person().enterprise()) {
      throw new InvalidInputException(
          "recommendeeId",
          StageRule.REGULATOR_OPINIONS.refuse(
              m.name() + "（" + m.unitName() + "）未标注为企业人员，无需听取行业监管等部门的意见"));
    }
    repo.setRegulatorOpinion(electionId, recommendeeId, dept, text);
    audit.append(
        AccessService.currentUser(),
        "DELEGATE_REGULATOR_OPINION",
        "election:" + electionId,
        "登记考察对象" + m.name() + "（" + m.unitName() + "）的" + dept + "意见：" + text);
  }

  /** Records a complaint (举报) received during a publicity (MANAGE). */
  @Transactional
  public long recordComplaint(
      long electionId,
      StagePublicity.Kind kind,
      long recommendeeId,
      LocalDate receivedOn,
      String summary) {
    guard.election(electionId, Permission.MANAGE);
    if (kind == null) {
      throw new InvalidInputException("kind", "公示：请选择");
    }
    LocalDate on = StageGuard.required(receivedOn, "receivedOn", "收到日期");
    String text = StageGuard.text(summary, "summary", "举报内容摘要", 1000);
    if (repo.publicity(electionId, kind).isEmpty()) {
      throw new IllegalStateException(StageRule.ORDER.refuse(kind.labelZh() + "尚未登记，不能登记其间的举报"));
    }
    DelegateStage stage =
        kind == StagePublicity.Kind.VETTING ? DelegateStage.SUBJECTS : DelegateStage.PRELIMINARY;
    StageMember m =
        guard.active(electionId, stage).stream()
            .filter(x -> x.recommendeeId() == recommendeeId)
            .findFirst()
            .orElseThrow(
                () ->
                    new InvalidInputException("recommendeeId", "被举报人不在" + stage.labelZh() + "名单中"));
    String actor = AccessService.currentUser();
    long id =
        repo.insertComplaint(electionId, kind, recommendeeId, on, text, actor, clock.instant());
    audit.append(
        actor,
        "DELEGATE_COMPLAINT_RECORDED",
        "election:" + electionId,
        kind.labelZh() + "期间" + on + "收到关于" + m.name() + "（" + m.unitName() + "）的举报：" + text);
    return id;
  }

  /** Records the check of a complaint and its conclusion (MANAGE), once. */
  @Transactional
  public void checkComplaint(
      long electionId, long complaintId, LocalDate checkedOn, String conclusion) {
    guard.election(electionId, Permission.MANAGE);
    LocalDate on = StageGuard.required(checkedOn, "checkedOn", "核查日期");
    String text = StageGuard.text(conclusion, "conclusion", "核查结论", 1000);
    StageComplaint c =
        repo.complaints(electionId).stream()
            .filter(x -> x.id() == complaintId)
            .findFirst()
            .orElseThrow(() -> new InvalidInputException("complaintId", "本选举没有该举报"));
    if (on.isBefore(c.receivedOn())) {
      throw new InvalidInputException("checkedOn", "核查日期不能早于收到举报的日期" + c.receivedOn());
    }
    if (!repo.checkComplaint(electionId, complaintId, on, text)) {
      throw new IllegalStateException("该举报已经核查并作出结论");
    }
    audit.append(
        AccessService.currentUser(),
        "DELEGATE_COMPLAINT_CHECKED",
        "election:" + electionId,
        on + "核查关于" + c.name() + "的举报，结论：" + text);
  }

  private StageMember subject(long electionId, long recommendeeId) {
    return guard.active(electionId, DelegateStage.SUBJECTS).stream()
        .filter(x -> x.recommendeeId() == recommendeeId)
        .findFirst()
        .orElseThrow(() -> new InvalidInputException("recommendeeId", "该人选不在考察对象名单中"));
  }
}
