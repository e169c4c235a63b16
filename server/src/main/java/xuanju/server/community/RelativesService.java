package xuanju.server.community;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.core.community.CommunityRule;
import xuanju.core.community.ElectionStaff;
import xuanju.core.community.Relation;
import xuanju.core.community.Relatives;
import xuanju.core.community.Role;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.election.Election;

/**
 * 近亲属回避: the close relations declared between persons of the register (core {@link Relation}), the
 * election staff (监票人, 计票人, 代写人) and the conflicts core {@link Relatives#conflicts} finds across
 * the applicants and the staff. A staff member who is a candidate or a candidate's close relative,
 * a writer not vetted, or an applicant who is a close relative of the staff is refused with the
 * rule named and nothing is recorded; a relation declared later is recorded and its conflict bars
 * the formal list until a staff member is withdrawn.
 */
@Service
public class RelativesService {
  private final CommunityContext ctx;

  RelativesService(CommunityContext ctx) {
    this.ctx = ctx;
  }

  /** One conflict in words, with the rule's name for the tooltip and whether it bars. */
  public record ConflictLine(String messageZh, String ruleZh, String code, boolean bars) {}

  /** The relations, the staff and the conflicts. */
  public record View(
      List<CommitteeRepository.Kinship> kinships,
      List<CommitteeRepository.Staff> staff,
      List<ConflictLine> conflicts) {}

  @Transactional(readOnly = true)
  public View view(long electionId) {
    ctx.election(electionId, Permission.VIEW);
    var kin = ctx.committee.kinships(electionId);
    var staff = ctx.committee.staff(electionId);
    List<ConflictLine> lines = new ArrayList<>();
    for (var s : staff) {
      if (s.role() == Role.WRITER && !s.vetted()) {
        lines.add(line("代写人" + s.name() + "尚未经居民选举委员会审查登记", CommunityRule.WRITER_NOT_VETTED));
      }
    }
    for (Relatives.Conflict c :
        Relatives.conflicts(
            ctx.holders(electionId, List.of()),
            kin.stream().map(CommitteeRepository.Kinship::core).toList())) {
      lines.add(line(c.messageZh(), c.rule()));
    }
    return new View(kin, staff, lines);
  }

  private static ConflictLine line(String message, CommunityRule rule) {
    return new ConflictLine(
        message,
        rule.messageZh() + "（" + rule.citation().display() + "）",
        rule.code(),
        rule.severity() == xuanju.core.rule.Severity.ERROR);
  }

  /** Records a declared relation (MANAGE): the relative is the person's {@code relation}. */
  @Transactional
  public void declare(
      long electionId, String personResidentId, String relativeResidentId, Relation relation) {
    Election e = ctx.election(electionId, Permission.MANAGE);
    var a = ctx.registerPerson(e, personResidentId, "personId", "本人");
    var b = ctx.registerPerson(e, relativeResidentId, "relativeId", "近亲属");
    if (relation == null) {
      throw new InvalidInputException("relation", "关系：请选择");
    }
    if (a.id() == b.id()) {
      throw new InvalidInputException("relativeId", "近亲属不能是本人");
    }
    if (ctx.committee.related(electionId, a.id(), b.id())) {
      throw new IllegalStateException(a.name() + "与" + b.name() + "的关系已经登记");
    }
    ctx.committee.insertKinship(
        electionId, a.id(), b.id(), relation, AccessService.currentUser(), ctx.clock.instant());
    ctx.audit(
        "COMMUNITY_KINSHIP_DECLARED",
        e,
        "登记近亲属关系：" + b.name() + "是" + a.name() + "的" + relation.labelZh());
  }

  /** Records a member of the election staff (MANAGE); {@code vetted} needed for a writer. */
  @Transactional
  public void addStaff(long electionId, String residentId, Role role, boolean vetted) {
    Election e = ctx.election(electionId, Permission.MANAGE);
    var p = ctx.registerPerson(e, residentId, "residentId", "工作人员");
    if (role == null || !role.staff()) {
      throw new InvalidInputException("role", "岗位：请选择监票人、计票人或代写人");
    }
    boolean twice =
        ctx.committee.staff(electionId).stream()
            .anyMatch(s -> s.personId() == p.id() && s.role() == role);
    if (twice) {
      throw new IllegalStateException(p.name() + "已登记为" + role.labelZh());
    }
    var check =
        ElectionStaff.check(
            List.of(new ElectionStaff.Member(String.valueOf(p.id()), p.name(), role, vetted)),
            java.util.Map.of(),
            List.of());
    if (!check.errors().isEmpty()) {
      throw new InvalidInputException("vetted", "未登记：" + CommunityContext.errors(check));
    }
    ctx.refuseNewConflicts(
        electionId,
        List.of(new CommunityContext.Extra(p.id(), p.name(), role)),
        "未登记" + role.labelZh() + "：");
    ctx.committee.insertStaff(
        electionId, p.id(), role, vetted, AccessService.currentUser(), ctx.clock.instant());
    ctx.audit(
        "COMMUNITY_STAFF_ASSIGNED",
        e,
        p.name() + "担任" + role.labelZh() + (role == Role.WRITER ? "，已经居民选举委员会审查登记" : ""));
  }

  /** Withdraws a staff assignment (MANAGE), e.g. after a relation to a candidate came to light. */
  @Transactional
  public void removeStaff(long electionId, long staffId) {
    Election e = ctx.election(electionId, Permission.MANAGE);
    var s =
        ctx.committee.staff(electionId).stream()
            .filter(x -> x.id() == staffId)
            .findFirst()
            .orElseThrow(() -> new InvalidInputException("staffId", "本选举没有这名工作人员"));
    ctx.committee.deleteStaff(electionId, staffId);
    ctx.audit("COMMUNITY_STAFF_WITHDRAWN", e, "撤换" + s.role().labelZh() + s.name());
  }
}
