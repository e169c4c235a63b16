package xuanju.server.delegates;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.audit.AuditLog;
import xuanju.server.election.Election;

/**
 * The staged list after 推荐提名 (seed 003 §4.6): each stage's list chosen from the one before with its
 * required count and decided by its body (考察对象 and 初步人选: 区委常委会; 预备人选: 区委全会), the other approvals
 * (reported to the 市委组织部, 区纪委 consulted, 市委 consent, 市委组织部 review), the withdrawal of a person, and
 * the locks the 预备人选 proposal keeps. Reading needs VIEW, every change MANAGE; a refused change
 * names the rule and changes nothing; every change is audited.
 */
@Service
public class StageService {
  private final StageRepository repo;
  private final DelegateRepository allocations;
  private final StageGuard guard;
  private final AuditLog audit;
  private final Clock clock;

  StageService(
      StageRepository repo,
      DelegateRepository allocations,
      StageGuard guard,
      AuditLog audit,
      Clock clock) {
    this.repo = repo;
    this.allocations = allocations;
    this.guard = guard;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Checks MANAGE on the election before a form's values are read, so that a user without it gets
   * 403 whatever the form holds.
   */
  @Transactional(readOnly = true)
  public void requireManage(long electionId) {
    guard.election(electionId, Permission.MANAGE);
  }

  /** The page's data (VIEW); the proposal only while the 预备人选 are still to be decided. */
  @Transactional(readOnly = true)
  public StagePage page(long electionId, Integer proposalSize) {
    return build(electionId, proposalSize, true);
  }

  /** The page's data without the proposal (VIEW), for the documents. */
  @Transactional(readOnly = true)
  public StagePage lists(long electionId) {
    return build(electionId, null, false);
  }

  private StagePage build(long electionId, Integer proposalSize, boolean withProposal) {
    Election e = guard.election(electionId, Permission.VIEW);
    Map<StageStep, StageDecision> done = guard.decisions(electionId);
    List<StageMember> pool = sorted(repo.pool(electionId));
    List<StagePage.StageView> views = new ArrayList<>();
    StageCounts counts = repo.stageCounts(electionId);
    int preliminaryCount = 0;
    for (DelegateStage s : DelegateStage.values()) {
      List<StageMember> members = sorted(repo.members(electionId, s));
      StageDecision d = done.get(s.decision());
      int required =
          d != null && d.requiredCount() != null
              ? d.requiredCount()
              : s.requiredCount(e.seats(), preliminaryCount, counts);
      List<StageMember> active = members.stream().filter(StageMember::active).toList();
      if (s == DelegateStage.PRELIMINARY) {
        preliminaryCount = d == null ? required : active.size();
      }
      views.add(
          new StagePage.StageView(
              s, members, required, d, StageComposition.of(active, e.electionDay())));
    }
    PreparatoryProposal.Result proposal = null;
    int size = 0;
    if (withProposal
        && done.containsKey(StageStep.PRELIMINARY_DECIDED)
        && !done.containsKey(StageStep.PREPARATORY_DECIDED)) {
      List<StageMember> prelim = views.get(1).activeMembers();
      size = proposalSize == null ? prelim.size() : proposalSize;
      if (size < 1 || size > prelim.size()) {
        throw new InvalidInputException("size", "建议名单人数：应为1至" + prelim.size() + "之间的整数（不超过初步人选人数）");
      }
      proposal = PreparatoryProposal.propose(prelim, size, e.electionDay());
    }
    String congress =
        allocations.allocation(electionId).map(Allocation::congressName).orElse("上级党代会");
    return new StagePage(
        e,
        congress,
        pool,
        List.copyOf(views),
        done,
        repo.publicity(electionId, StagePublicity.Kind.VETTING).orElse(null),
        repo.publicity(electionId, StagePublicity.Kind.PRELIMINARY).orElse(null),
        repo.complaints(electionId),
        proposal,
        size,
        counts);
  }

  private static List<StageMember> sorted(List<StageMember> members) {
    List<StageMember> out = new ArrayList<>(members);
    out.sort(Comparator.comparing(StageMember::name, DelegateService.STROKES));
    return List.copyOf(out);
  }

  /**
   * Decides a stage's list (MANAGE): the body must be the stage's, the stage before must be done,
   * the people must be on the list before and their number the required one.
   */
  @Transactional
  public void decideList(
      long electionId,
      DelegateStage stage,
      String body,
      LocalDate decidedOn,
      String document,
      Collection<Long> recommendeeIds) {
    Election e = guard.election(electionId, Permission.MANAGE);
    StageStep step = stage.decision();
    StageBody b = StageGuard.body(body, step);
    LocalDate on = StageGuard.required(decidedOn, "decidedOn", "决定日期");
    String doc = StageGuard.text(document, "document", "会议纪要或文件", 300);
    Map<StageStep, StageDecision> done = guard.decisions(electionId);
    if (done.containsKey(step)) {
      throw new IllegalStateException(stage.labelZh() + "名单已经确定，不能再次确定");
    }
    List<StageMember> from = previousList(electionId, stage, done, on);
    Set<Long> ids = new LinkedHashSet<>(recommendeeIds == null ? List.of() : recommendeeIds);
    Set<Long> allowed = from.stream().map(StageMember::recommendeeId).collect(Collectors.toSet());
    List<Long> foreign = ids.stream().filter(id -> !allowed.contains(id)).toList();
    if (!foreign.isEmpty()) {
      throw new InvalidInputException(
          "ids",
          StageRule.FROM_PREVIOUS.refuse(
              stage.labelZh() + "名单中有" + foreign.size() + "人不在" + stage.fromZh() + "名单中"));
    }
    int required = stage.requiredCount(e.seats(), from.size(), repo.stageCounts(electionId));
    checkCount(stage, ids.size(), required, e.seats());
    String actor = AccessService.currentUser();
    repo.insertDecision(
        electionId, new StageDecision(step, b, on, doc, required), actor, clock.instant());
    repo.insertMembers(electionId, stage, ids);
    audit.append(
        actor,
        "DELEGATE_STAGE_DECIDED",
        "election:" + electionId,
        b.labelZh()
            + on
            + step.labelZh()
            + "："
            + stage.labelZh()
            + ids.size()
            + "名，依据《"
            + doc
            + "》");
  }

  /** The list the stage chooses from, after the checks that the stage before is complete. */
  private List<StageMember> previousList(
      long electionId, DelegateStage stage, Map<StageStep, StageDecision> done, LocalDate on) {
    switch (stage) {
      case SUBJECTS -> {
        List<StageMember> pool = repo.pool(electionId);
        if (pool.isEmpty()) {
          throw new IllegalStateException(StageRule.ORDER.refuse("尚无推荐人选，不能提出考察对象名单"));
        }
        return pool;
      }
      case PRELIMINARY -> {
        guard.require(done, StageStep.SUBJECTS_DECIDED, "提出初步人选名单前");
        StagePublicity v =
            repo.publicity(electionId, StagePublicity.Kind.VETTING)
                .orElseThrow(
                    () ->
                        new IllegalStateException(
                            StageRule.ORDER.refuse("尚未登记考察预告及考察对象所在单位公示，不能提出初步人选名单")));
        if (!on.isAfter(v.endsOn())) {
          throw new IllegalStateException(
              StageRule.VETTING_PUBLICITY_5WD.refuse(
                  "考察及公示至" + v.endsOn() + "结束，初步人选名单应在其后研究提出（决定日期为" + on + "）"));
        }
        List<StageMember> subjects = guard.active(electionId, DelegateStage.SUBJECTS);
        List<String> missing =
            subjects.stream().filter(m -> !m.vetted()).map(StageMember::name).toList();
        if (!missing.isEmpty()) {
          throw new IllegalStateException(
              StageRule.VETTING_OPINIONS.refuse(
                  "以下考察对象尚未登记所在单位党组织和纪检机关的意见："
                      + String.join("、", missing.stream().limit(10).toList())
                      + (missing.size() > 10 ? "等" + missing.size() + "人" : "")));
        }
        List<String> regulators =
            subjects.stream()
                .filter(StageMember::regulatorMissing)
                .map(m -> m.name() + "（" + m.unitName() + "）")
                .toList();
        if (!regulators.isEmpty()) {
          throw new IllegalStateException(
              StageRule.REGULATOR_OPINIONS.refuse(
                  "以下企业的考察对象尚未登记行政执法、行业监管等有关部门的意见：" + String.join("、", regulators)));
        }
        openComplaints(electionId, StagePublicity.Kind.VETTING);
        guard.require(done, StageStep.DISCIPLINE_CONSULTED, "初步人选名单确定前");
        return subjects;
      }
      case PREPARATORY -> {
        guard.require(done, StageStep.UPPER_CONSENT, "确定预备人选前");
        StagePublicity p =
            repo.publicity(electionId, StagePublicity.Kind.PRELIMINARY)
                .orElseThrow(
                    () -> new IllegalStateException(StageRule.ORDER.refuse("初步人选尚未公示，不能确定预备人选")));
        if (!on.isAfter(p.endsOn())) {
          throw new IllegalStateException(
              StageRule.PRELIMINARY_PUBLICITY_5WD.refuse(
                  "初步人选公示至" + p.endsOn() + "结束，预备人选应在公示期满后确定（决定日期为" + on + "）"));
        }
        openComplaints(electionId, StagePublicity.Kind.PRELIMINARY);
        return guard.active(electionId, DelegateStage.PRELIMINARY);
      }
      default -> throw new IllegalStateException();
    }
  }

  private void openComplaints(long electionId, StagePublicity.Kind kind) {
    List<String> open =
        repo.complaints(electionId).stream()
            .filter(c -> c.kind() == kind && !c.checked())
            .map(StageComplaint::name)
            .toList();
    if (!open.isEmpty()) {
      throw new IllegalStateException(
          StageRule.COMPLAINTS_CHECKED.refuse(
              kind.labelZh() + "期间关于" + String.join("、", open) + "的举报尚未核查、作出结论"));
    }
  }

  private static void checkCount(DelegateStage stage, int count, int required, int seats) {
    switch (stage) {
      case SUBJECTS -> {
        if (count != required) {
          throw new InvalidInputException(
              "ids",
              StageRule.SUBJECTS_COUNT.refuse(
                  "考察对象名单为" + count + "名，按代表名额" + seats + "名应为" + required + "名"));
        }
      }
      case PRELIMINARY -> {
        if (count != required) {
          throw new InvalidInputException(
              "ids",
              StageRule.PRELIMINARY_COUNT.refuse(
                  "初步人选名单为" + count + "名，按代表名额" + seats + "名应为" + required + "名"));
        }
      }
      case PREPARATORY -> {
        if (count > required || count <= seats) {
          throw new InvalidInputException(
              "ids",
              StageRule.PREPARATORY_COUNT.refuse(
                  "预备人选名单为" + count + "名，应多于代表名额" + seats + "名，且不超过初步人选" + required + "名"));
        }
      }
      default -> throw new IllegalStateException();
    }
  }

  /**
   * Records an approval that is not a list (MANAGE): 考察对象名册 reported to the 市委组织部, the 区纪委
   * consulted, the 市委's consent, the 市委组织部's review, the 市委's 批复 of the 预备人选 (the document is its
   * 文号); each by its own body, once, in order.
   */
  @Transactional
  public void recordStep(
      long electionId, StageStep step, String body, LocalDate decidedOn, String document) {
    guard.election(electionId, Permission.MANAGE);
    if (step == null || step.decidesList()) {
      throw new InvalidInputException("step", "审批环节：请选择");
    }
    StageBody b = StageGuard.body(body, step);
    LocalDate on = StageGuard.required(decidedOn, "decidedOn", "日期");
    String doc = StageGuard.text(document, "document", "文件或记录", 300);
    Map<StageStep, StageDecision> done = guard.decisions(electionId);
    if (done.containsKey(step)) {
      throw new IllegalStateException("“" + step.labelZh() + "”已经登记");
    }
    guard.require(done, step.before(), "登记“" + step.labelZh() + "”前");
    String actor = AccessService.currentUser();
    repo.insertDecision(
        electionId, new StageDecision(step, b, on, doc, null), actor, clock.instant());
    audit.append(
        actor,
        "DELEGATE_STAGE_APPROVED",
        "election:" + electionId,
        b.labelZh() + on + step.labelZh() + "，依据《" + doc + "》");
  }

  /**
   * Withdraws a person from a stage's list (MANAGE), e.g. a 考察对象 after a complaint was checked: the
   * reason is recorded and the list shrinks; the person's row stays.
   */
  @Transactional
  public void withdraw(
      long electionId, DelegateStage stage, long recommendeeId, LocalDate on, String reason) {
    guard.election(electionId, Permission.MANAGE);
    if (stage == null || stage == DelegateStage.PREPARATORY) {
      throw new InvalidInputException("stage", "只能从考察对象或初步人选名单中撤出人选");
    }
    LocalDate day = StageGuard.required(on, "on", "撤出日期");
    String why = StageGuard.text(reason, "reason", "撤出原因", 500);
    Map<StageStep, StageDecision> done = guard.decisions(electionId);
    DelegateStage next = DelegateStage.values()[stage.ordinal() + 1];
    if (done.containsKey(next.decision())) {
      throw new IllegalStateException(
          StageRule.ORDER.refuse(next.labelZh() + "名单已经确定，不能再从" + stage.labelZh() + "名单中撤出人选"));
    }
    StageMember m =
        repo.members(electionId, stage).stream()
            .filter(x -> x.recommendeeId() == recommendeeId && x.active())
            .findFirst()
            .orElseThrow(
                () ->
                    new InvalidInputException("recommendeeId", "该人选不在" + stage.labelZh() + "名单中"));
    repo.withdraw(electionId, stage, recommendeeId, day, why);
    audit.append(
        AccessService.currentUser(),
        "DELEGATE_STAGE_WITHDRAWN",
        "election:" + electionId,
        day + "将" + m.name() + "（" + m.unitName() + "）撤出" + stage.labelZh() + "名单，原因：" + why);
  }

  /**
   * Sets the numbers of 考察对象 and 初步人选 for the election (MANAGE; null = the seed's default ratio).
   * The 初步人选 must be more than the seats and the 考察对象 at least the 初步人选; a number cannot change
   * once its list is decided.
   */
  @Transactional
  public void saveStageCounts(long electionId, Integer subjects, Integer preliminary) {
    Election e = guard.election(electionId, Permission.MANAGE);
    int seats = e.seats();
    StageCounts next = new StageCounts(subjects, preliminary);
    StageCounts now = repo.stageCounts(electionId);
    int s = next.subjects(seats);
    int p = next.preliminary(seats);
    if (p <= seats || p > 10 * seats) {
      throw new InvalidInputException(
          "preliminaryCount",
          StageRule.STAGE_COUNTS.refuse(
              "初步人选人数为" + p + "名，应多于代表名额" + seats + "名，且不超过" + 10 * seats + "名"));
    }
    if (s < p || s > 10 * seats) {
      throw new InvalidInputException(
          "subjectsCount",
          StageRule.STAGE_COUNTS.refuse(
              "考察对象人数为" + s + "名，应不少于初步人选" + p + "名，且不超过" + 10 * seats + "名"));
    }
    Map<StageStep, StageDecision> done = guard.decisions(electionId);
    if (done.containsKey(StageStep.SUBJECTS_DECIDED) && s != now.subjects(seats)) {
      throw new IllegalStateException("考察对象名单已经确定，考察对象人数不能再修改");
    }
    if (done.containsKey(StageStep.PRELIMINARY_DECIDED) && p != now.preliminary(seats)) {
      throw new IllegalStateException("初步人选名单已经确定，初步人选人数不能再修改");
    }
    String actor = AccessService.currentUser();
    repo.saveStageCounts(electionId, subjects, preliminary, actor, clock.instant());
    audit.append(
        actor,
        "DELEGATE_STAGE_COUNTS_SAVED",
        "election:" + electionId,
        "设定考察对象人数" + next.subjectsZh(seats) + "，初步人选人数" + next.preliminaryZh(seats));
  }

  /** Sets which 初步人选 the 预备人选 proposal keeps (MANAGE). */
  @Transactional
  public void lock(long electionId, Collection<Long> recommendeeIds) {
    guard.election(electionId, Permission.MANAGE);
    Map<StageStep, StageDecision> done = guard.decisions(electionId);
    guard.require(done, StageStep.PRELIMINARY_DECIDED, "锁定人选前");
    if (done.containsKey(StageStep.PREPARATORY_DECIDED)) {
      throw new IllegalStateException("预备人选名单已经确定，不能再锁定人选");
    }
    Map<Long, StageMember> prelim =
        guard.active(electionId, DelegateStage.PRELIMINARY).stream()
            .collect(Collectors.toMap(StageMember::recommendeeId, m -> m));
    Set<Long> ids = new LinkedHashSet<>(recommendeeIds == null ? List.of() : recommendeeIds);
    List<String> names = new ArrayList<>();
    for (long id : ids) {
      StageMember m = prelim.get(id);
      if (m == null) {
        throw new InvalidInputException("locked", StageRule.FROM_PREVIOUS.refuse("锁定的人选不在初步人选名单中"));
      }
      names.add(m.name());
    }
    repo.setLocks(electionId, ids);
    names.sort(DelegateService.STROKES);
    audit.append(
        AccessService.currentUser(),
        "DELEGATE_STAGE_LOCKED",
        "election:" + electionId,
        names.isEmpty() ? "取消全部锁定的初步人选" : "锁定初步人选" + names.size() + "名：" + String.join("、", names));
  }

  /** 初步人选考察对象名册 or 预备人选名册 (.xlsx, VIEW). */
  @Transactional(readOnly = true)
  public DelegateService.Download roster(long electionId, DelegateStage stage) {
    StagePage p = build(electionId, null, false);
    String what =
        stage == DelegateStage.SUBJECTS
            ? "初步人选考察对象名册"
            : stage.labelZh().replace("代表候选人", "") + "名册";
    return new DelegateService.Download(
        StageDocuments.roster(p, stage, what).toBytes(), StageDocuments.title(p, what) + ".xlsx");
  }

  /** The report's content (VIEW): 关于确定代表候选人预备人选的情况报告. */
  @Transactional(readOnly = true)
  public xuanju.server.documents.DocumentContent preparatoryReport(long electionId) {
    StagePage p = build(electionId, null, false);
    if (!p.preparatory().decided()) {
      throw new IllegalStateException("区委全会尚未确定预备人选，还不能生成预备人选情况报告");
    }
    return StageDocuments.preparatoryReport(p);
  }
}
