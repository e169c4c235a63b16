package xuanju.server.delegates;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.core.quota.Gender;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.audit.AuditLog;

/**
 * Corrections (更正) of a recommendation unit (推荐单位) and of a candidate nominated from above (市委提名)
 * before the stage lists are decided (MANAGE): each with its reason, checked like a new entry,
 * audited with what changed; refused once the 考察对象 are decided ({@link StageRule#ORDER}).
 */
@Service
public class DelegateCorrectionService {
  private final DelegateRepository repo;
  private final StageGuard guard;
  private final AuditLog audit;
  private final Clock clock;

  DelegateCorrectionService(
      DelegateRepository repo, StageGuard guard, AuditLog audit, Clock clock) {
    this.repo = repo;
    this.guard = guard;
    this.audit = audit;
    this.clock = clock;
  }

  /** Whether corrections are still possible (VIEW): the 考察对象 are not decided yet. */
  @Transactional(readOnly = true)
  public boolean open(long electionId) {
    guard.election(electionId, Permission.VIEW);
    return !guard.decisions(electionId).containsKey(StageStep.SUBJECTS_DECIDED);
  }

  private void beforeSubjects(long electionId, String what) {
    if (guard.decisions(electionId).containsKey(StageStep.SUBJECTS_DECIDED)) {
      throw new IllegalStateException(StageRule.ORDER.refuse("考察对象名单已经确定，不能再更正" + what));
    }
  }

  /**
   * Corrects a unit's name, quota, list size and split (MANAGE) with the reason. The same checks as
   * a new unit; a unit that has submitted its list keeps it, so the corrected size and split must
   * match it ({@link DelegateRule#SPLIT}).
   */
  @Transactional
  public void correctUnit(
      long electionId,
      long unitId,
      String name,
      Integer quota,
      Integer listSize,
      Integer bureau,
      Integer division,
      Integer grassroots,
      String reason,
      int expectedVersion) {
    guard.election(electionId, Permission.MANAGE);
    RecommendationUnit u =
        repo.unit(electionId, unitId)
            .orElseThrow(() -> new InvalidInputException("unitId", "推荐单位不存在"));
    beforeSubjects(electionId, "推荐单位「" + u.name() + "」");
    String why = StageGuard.text(reason, "reason", "更正原因", 500);
    Allocation a =
        repo.allocation(electionId)
            .orElseThrow(() -> new IllegalStateException("请先登记代表名额分配（含推荐差额比例）"));
    String n = StageGuard.text(name, "name", "推荐单位名称", 100);
    if (!n.equals(u.name()) && repo.unitNameTaken(electionId, n)) {
      throw new InvalidInputException("name", "推荐单位「" + n + "」已经登记");
    }
    if (quota == null || quota < 1 || quota > 999) {
      throw new InvalidInputException("quota", "推荐单位「" + n + "」的推荐名额：应为1至999之间的整数");
    }
    int required = a.requiredListSize(quota);
    if (listSize == null || listSize < required || listSize > 9_999) {
      throw new InvalidInputException(
          "listSize",
          DelegateRule.RECOMMENDATION_MARGIN.refuse(
              "推荐单位「"
                  + n
                  + "」的应报人选数"
                  + (listSize == null ? "未填写" : "为" + listSize + "名")
                  + "，按推荐名额"
                  + quota
                  + "名、差额不少于"
                  + a.marginPercent()
                  + "%计算，应不少于"
                  + required
                  + "名"));
    }
    int b = count(bureau, "bureau", "局级领导干部人数");
    int d = count(division, "division", "处级领导干部人数");
    int g = count(grassroots, "grassroots", "基层一线人数");
    if (b + d + g != listSize) {
      throw new InvalidInputException(
          "grassroots",
          DelegateRule.SPLIT.refuse(
              "推荐单位「" + n + "」的人选结构合计" + (b + d + g) + "名，与应报人选数" + listSize + "名不一致"));
    }
    if (u.submitted()) {
      List<Recommendee> list = repo.lists(electionId).getOrDefault(unitId, List.of());
      int lb = (int) list.stream().filter(r -> r.category() == DelegateCategory.BUREAU).count();
      int ld = (int) list.stream().filter(r -> r.category() == DelegateCategory.DIVISION).count();
      int lg = list.size() - lb - ld;
      if (lb != b || ld != d || lg != g) {
        throw new InvalidInputException(
            "grassroots",
            DelegateRule.SPLIT.refuse(
                "推荐单位「"
                    + u.name()
                    + "」已报送的名单为局级"
                    + lb
                    + "名、处级"
                    + ld
                    + "名、基层一线"
                    + lg
                    + "名，更正后的结构为局级"
                    + b
                    + "名、处级"
                    + d
                    + "名、基层一线"
                    + g
                    + "名，二者不一致"));
      }
    }
    List<String> changes = new ArrayList<>();
    change(changes, "名称", u.name(), n);
    change(changes, "推荐名额", u.quota() + "名", quota + "名");
    change(changes, "应报人选", u.listSize() + "名", listSize + "名");
    change(changes, "人选结构", u.splitZh(), "局级领导干部" + b + "名、处级领导干部" + d + "名、基层一线" + g + "名");
    if (changes.isEmpty()) {
      throw new InvalidInputException("name", "推荐单位「" + u.name() + "」的信息没有变化，无需更正");
    }
    if (!repo.correctUnit(unitId, expectedVersion, n, quota, listSize, b, d, g)) {
      throw new IllegalStateException("推荐单位「" + u.name() + "」的情况已被他人修改，请刷新页面后重试");
    }
    audit.append(
        AccessService.currentUser(),
        "DELEGATE_UNIT_CORRECTED",
        "election:" + electionId,
        "更正推荐单位「" + u.name() + "」：" + String.join("；", changes) + "。更正原因：" + why);
  }

  /** Corrects a candidate nominated from above (MANAGE) with the reason. */
  @Transactional
  public void correctUpperNominee(
      long electionId,
      long nomineeId,
      String name,
      String gender,
      LocalDate birthDate,
      String ethnicity,
      String occupation,
      String document,
      String reason) {
    guard.election(electionId, Permission.MANAGE);
    UpperNominee old =
        repo.upperNominees(electionId).stream()
            .filter(x -> x.id() == nomineeId)
            .findFirst()
            .orElseThrow(() -> new InvalidInputException("nomineeId", "该上级党委提名的代表候选人不存在"));
    beforeSubjects(electionId, "上级党委提名的代表候选人" + old.name());
    String why = StageGuard.text(reason, "reason", "更正原因", 500);
    String n = StageGuard.text(name, "name", "姓名", 50);
    Gender g =
        Gender.parse(gender).orElseThrow(() -> new InvalidInputException("gender", "性别：应为“男”或“女”"));
    if (birthDate == null || birthDate.isAfter(LocalDate.now(clock).minusYears(18))) {
      throw new InvalidInputException("birthDate", "出生日期：不能为空，且应年满18周岁");
    }
    String eth = StageGuard.text(ethnicity, "ethnicity", "民族", 20);
    String occ = StageGuard.text(occupation, "occupation", "工作单位及职务", 200);
    String doc = StageGuard.text(document, "document", "提名文件", 300);
    List<String> changes = new ArrayList<>();
    change(changes, "姓名", old.name(), n);
    change(changes, "性别", old.gender(), g.labelZh());
    change(changes, "出生日期", String.valueOf(old.birthDate()), birthDate.toString());
    change(changes, "民族", old.ethnicity(), eth);
    change(changes, "工作单位及职务", old.occupation(), occ);
    change(changes, "提名文件", old.document(), doc);
    if (changes.isEmpty()) {
      throw new InvalidInputException("name", "上级党委提名的代表候选人" + old.name() + "的信息没有变化，无需更正");
    }
    repo.correctUpperNominee(electionId, nomineeId, n, g, birthDate, eth, occ, doc);
    audit.append(
        AccessService.currentUser(),
        "DELEGATE_UPPER_NOMINEE_CORRECTED",
        "election:" + electionId,
        "更正上级党委提名的代表候选人" + old.name() + "：" + String.join("；", changes) + "。更正原因：" + why);
  }

  private static void change(List<String> out, String label, String before, String after) {
    if (!before.equals(after)) {
      out.add(label + "由“" + before + "”改为“" + after + "”");
    }
  }

  private static int count(Integer v, String field, String label) {
    if (v == null || v < 0 || v > 9_999) {
      throw new InvalidInputException(field, label + "：应为0或正整数");
    }
    return v;
  }
}
