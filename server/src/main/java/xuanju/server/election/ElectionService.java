package xuanju.server.election;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.core.profile.Profile;
import xuanju.core.profile.Profiles;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.audit.AuditLog;

/**
 * Elections (换届选举): creation from a profile with local overrides, reading with the access check,
 * and the stage transitions every capability uses (optimistic locking, audited).
 */
@Service
public class ElectionService {
  private final ElectionRepository repo;
  private final AccessService access;
  private final AuditLog audit;
  private final Clock clock;

  private final VariantResolver variants;

  public ElectionService(
      ElectionRepository repo,
      AccessService access,
      AuditLog audit,
      Clock clock,
      VariantResolver variants) {
    this.variants = variants;
    this.repo = repo;
    this.access = access;
    this.audit = audit;
    this.clock = clock;
  }

  /** Creates an election in DRAFT (新建选举). Needs MANAGE on the organisation. */
  @Transactional
  public long create(ElectionForm f) {
    access.require(f.organisationId(), Permission.MANAGE);
    if (f.title() == null || f.title().isBlank()) {
      throw new InvalidInputException("title", "选举名称不能为空");
    }
    if (f.kind() == null) {
      throw new InvalidInputException("kind", "请选择选举类型");
    }
    if (f.electionDay() == null) {
      throw new InvalidInputException("electionDay", "请填写选举日期");
    }
    if (f.seats() < 1 || f.seats() > 99) {
      throw new InvalidInputException("seats", "应选人数须在1至99之间");
    }
    if (f.secretarySeats() < 0 || f.deputySeats() < 0 || f.deputySeats() > 3) {
      throw new InvalidInputException("deputySeats", "书记、副书记职数不正确");
    }
    if (f.termYears() < 1 || f.termYears() > 5) {
      throw new InvalidInputException("termYears", "任期须为1至5年");
    }
    Profile p = Profiles.byId(f.profileId());
    if (!f.overrides().isEmpty()) {
      // validates names and values; an unknown override is PROFILE.OVERRIDE.UNKNOWN
      p.withOverrides(f.overrides(), f.overrideReason());
    }
    String actor = AccessService.currentUser();
    long id = repo.insert(f, actor, clock.instant());
    audit.append(
        actor,
        "ELECTION_CREATED",
        "election:" + id,
        "新建选举「"
            + f.title().strip()
            + "」，规则 "
            + f.profileId()
            + "，应选 "
            + f.seats()
            + " 名，选举日 "
            + f.electionDay()
            + (f.overrides().isEmpty()
                ? ""
                : "，本地方案调整 " + f.overrides() + "（" + f.overrideReason() + "）"));
    return id;
  }

  /** Reads an election; needs VIEW on its organisation. */
  @Transactional(readOnly = true)
  public Election get(long id) {
    Election e = repo.find(id).orElseThrow(() -> new InvalidInputException("id", "选举不存在：" + id));
    access.require(e.organisationId(), Permission.VIEW);
    return e;
  }

  /** Reads an election and checks {@code permission} on its organisation. */
  @Transactional(readOnly = true)
  public Election get(long id, Permission permission) {
    Election e = get(id);
    if (permission != Permission.VIEW) { // get(id) has checked VIEW: one query less per read
      access.require(e.organisationId(), permission);
    }
    return e;
  }

  /** The elections of every organisation the signed-in user may see. */
  @Transactional(readOnly = true)
  public List<Election> visible() {
    return repo.findByOrganisations(
        access.visibleOrganisations(
            AccessService.currentUser(), AccessService.currentIsAdmin(), Permission.VIEW));
  }

  /** The rule profile of the election with its local overrides applied. */
  public Profile profile(Election e) {
    Profile base = Profiles.byId(e.profileId());
    // the province's confirmed settings (省级变体), then the local plan's overrides (本地方案)
    Profile p = variants.variant(e.id()).map(v -> v.applyTo(base)).orElse(base);
    return e.overrides().isEmpty() ? p : p.withOverrides(e.overrides(), e.overrideReason());
  }

  /**
   * Moves an election to the next stage (阶段转换), checking the permission, the current stage and the
   * version the user saw (optimistic locking), and audits it.
   *
   * @throws IllegalStateException with a Chinese message when the stage or the version is not the
   *     expected one (the change was made by someone else meanwhile)
   */
  @Transactional
  public Election transition(
      long id,
      int expectedVersion,
      Permission permission,
      Set<ElectionStatus> from,
      ElectionStatus to,
      String action,
      String summaryZh) {
    Election e = get(id, permission);
    if (!from.contains(e.status())) {
      throw new IllegalStateException(
          "当前阶段为「"
              + e.status().labelZh()
              + "」，不能进行此操作（需处于："
              + from.stream().map(ElectionStatus::labelZh).collect(Collectors.joining("、"))
              + "）");
    }
    if (!repo.updateStatus(id, expectedVersion, from, to, clock.instant())) {
      throw new IllegalStateException("该选举已被他人修改，请刷新页面后重试");
    }
    audit.append(
        AccessService.currentUser(),
        action,
        "election:" + id,
        summaryZh + "（" + e.status().labelZh() + " → " + to.labelZh() + "）");
    return repo.find(id).orElseThrow();
  }

  /** Shorthand for a single source stage. */
  @Transactional
  public Election transition(
      long id,
      int expectedVersion,
      Permission permission,
      ElectionStatus from,
      ElectionStatus to,
      String action,
      String summaryZh) {
    return transition(id, expectedVersion, permission, Set.of(from), to, action, summaryZh);
  }

  /**
   * Changes the approved election day (变更选举日) after the plan was approved and before the voting
   * begins, with the reason recorded in the audit log (the other way, besides a recorded reason, to
   * vote on another day than the approved one: VOTING.START.BEFORE_ELECTION_DAY). The new day is
   * today or later. Needs MANAGE.
   *
   * @throws InvalidInputException (field {@code electionDay} or {@code reason}) on a missing or
   *     past day or a missing reason
   * @throws IllegalStateException in another stage or when someone else changed the election
   */
  @Transactional
  public Election changeElectionDay(long id, int expectedVersion, LocalDate day, String reason) {
    Election e = get(id, Permission.MANAGE);
    Set<ElectionStatus> from =
        Set.of(ElectionStatus.PLAN_APPROVED, ElectionStatus.CANDIDATES_APPROVED);
    if (!from.contains(e.status())) {
      throw new IllegalStateException(
          "当前阶段为「" + e.status().labelZh() + "」：选举日只能在方案批复后、开始投票前变更（方案批复前请直接修改方案）");
    }
    LocalDate today = LocalDate.now(clock);
    if (day == null) {
      throw new InvalidInputException("electionDay", "请填写新的选举日");
    }
    if (day.isBefore(today)) {
      throw new InvalidInputException("electionDay", "新的选举日" + day + "早于今天" + today);
    }
    if (day.equals(e.electionDay())) {
      throw new InvalidInputException("electionDay", "新的选举日与原选举日相同");
    }
    if (reason == null || reason.isBlank()) {
      throw new InvalidInputException("reason", "请填写变更选举日的原因");
    }
    String r = reason.strip();
    if (r.length() > 500) {
      throw new InvalidInputException("reason", "变更选举日的原因不能超过500字");
    }
    if (!repo.updateElectionDay(id, expectedVersion, from, day, clock.instant())) {
      throw new IllegalStateException("该选举已被他人修改，请刷新页面后重试");
    }
    audit.append(
        AccessService.currentUser(),
        "ELECTION_DAY_CHANGED",
        "election:" + id,
        "选举日由" + e.electionDay() + "变更为" + day + "，原因：" + r);
    return repo.find(id).orElseThrow();
  }

  static List<ElectionStatus> all() {
    return Arrays.asList(ElectionStatus.values());
  }
}
