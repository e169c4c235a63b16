package xuanju.server.community;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.core.community.ChosenBy;
import xuanju.core.community.CommunityRule;
import xuanju.core.community.ElectionCommittee;
import xuanju.core.community.ElectionCommittees;
import xuanju.core.rule.Finding;
import xuanju.core.rule.Findings;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.election.Election;

/**
 * The residents' election committee (居民选举委员会) of the community workflow: its members, how and when
 * each was chosen, a member who leaves (e.g. on becoming a candidate) and who replaces him or her.
 * Checked with core {@link ElectionCommittees}: a member not chosen by a 居民会议, 居民代表会议 or 居民小组会议, or
 * a member who is a candidate, is refused; the committee's size (odd, at least three, the plan's
 * five) and unfilled places are shown on the page and bar the publication of the formal list.
 */
@Service
public class ElectionCommitteeService {
  private final CommunityContext ctx;

  ElectionCommitteeService(CommunityContext ctx) {
    this.ctx = ctx;
  }

  /** The members as recorded and what core says of the committee. */
  public record View(List<CommitteeRepository.Member> members, Findings findings) {
    public List<CommitteeRepository.Member> current() {
      return members.stream().filter(CommitteeRepository.Member::current).toList();
    }

    /** Members who left and whose place nobody took yet. */
    public List<CommitteeRepository.Member> vacancies() {
      Set<Long> filled =
          members.stream()
              .map(CommitteeRepository.Member::replacesId)
              .filter(x -> x != null)
              .collect(Collectors.toSet());
      return members.stream().filter(m -> !m.current() && !filled.contains(m.id())).toList();
    }

    public String nameOf(Long memberId) {
      return members.stream()
          .filter(m -> memberId != null && m.id() == memberId)
          .map(CommitteeRepository.Member::name)
          .findFirst()
          .orElse("");
    }
  }

  @Transactional(readOnly = true)
  public View view(long electionId) {
    ctx.election(electionId, Permission.VIEW);
    return new View(ctx.committee.members(electionId), ctx.committeeFindings(electionId));
  }

  /**
   * Records a member (MANAGE). {@code replacesMemberId} names the member who left whose place this
   * one takes, with {@code method}; both null for an original member.
   */
  @Transactional
  public void addMember(
      long electionId,
      String residentId,
      ChosenBy chosenBy,
      LocalDate chosenOn,
      boolean chair,
      Long replacesMemberId,
      ElectionCommittee.Method method) {
    Election e = ctx.election(electionId, Permission.MANAGE);
    CommitteeRepository.PersonRef p =
        ctx.registerPerson(e, residentId, "residentId", "居民选举委员会成员的公民身份号码");
    if (chosenBy == null) {
      throw new InvalidInputException("chosenBy", "推选方式：请选择");
    }
    if (chosenOn == null || chosenOn.isAfter(ctx.today())) {
      throw new InvalidInputException("chosenOn", "推选日期：请填写，且不能晚于今天");
    }
    List<CommitteeRepository.Member> members = ctx.committee.members(electionId);
    for (CommitteeRepository.Member m : members) {
      if (m.personId() == p.id()) {
        throw new IllegalStateException(
            p.name() + (m.current() ? "已是居民选举委员会成员" : "已于" + m.leftOn() + "退出居民选举委员会，不能再次登记"));
      }
      if (chair && m.current() && m.chair()) {
        throw new IllegalStateException("居民选举委员会已有主任" + m.name() + "，不能再登记一名主任");
      }
    }
    CommitteeRepository.Member left = null;
    if (replacesMemberId != null || method != null) {
      if (replacesMemberId == null || method == null) {
        throw new InvalidInputException("method", "递补时须同时选择退出的成员和递补方式");
      }
      left =
          new View(members, Findings.none())
              .vacancies().stream()
                  .filter(m -> m.id() == replacesMemberId)
                  .findFirst()
                  .orElseThrow(() -> new IllegalStateException("所选成员没有退出，或者其位置已有人递补，不能再记录递补"));
    }
    // the committee as it would be: a member not duly chosen, or a candidate, is refused
    List<CommitteeRepository.Member> after = new ArrayList<>(members);
    after.add(
        new CommitteeRepository.Member(
            -1,
            p.id(),
            p.name(),
            "",
            chosenBy,
            chosenOn,
            chair,
            replacesMemberId,
            method,
            null,
            "",
            0));
    Findings before =
        ElectionCommittees.check(ctx.coreCommittee(members), ctx.candidateIds(electionId), 0);
    Findings now =
        ElectionCommittees.check(ctx.coreCommittee(after), ctx.candidateIds(electionId), 0);
    Set<String> old = before.errors().stream().map(Finding::messageZh).collect(Collectors.toSet());
    List<Finding> refused =
        now.errors().stream()
            .filter(
                f ->
                    f.rule() == CommunityRule.ELECTION_COMMITTEE_CHOSEN_BY
                        || f.rule() == CommunityRule.ELECTION_COMMITTEE_CANDIDATE)
            .filter(f -> !old.contains(f.messageZh()))
            .toList();
    if (!refused.isEmpty()) {
      throw new IllegalStateException("未登记：" + CommunityContext.errors(Findings.of(refused)));
    }
    ctx.committee.insertMember(
        electionId,
        p,
        chosenBy,
        chosenOn,
        chair,
        replacesMemberId,
        method,
        AccessService.currentUser(),
        ctx.clock.instant());
    ctx.audit(
        "COMMUNITY_COMMITTEE_MEMBER_ADDED",
        e,
        "居民选举委员会："
            + p.name()
            + "经"
            + chosenBy.labelZh().replace("推选", "")
            + "于"
            + chosenOn
            + "推选为"
            + (chair ? "主任" : "成员")
            + (left == null ? "" : "，" + method.labelZh() + "接替" + left.name()));
  }

  /** Records that a member left the committee (MANAGE), e.g. on becoming a candidate. */
  @Transactional
  public void leave(long electionId, long memberId, int version, LocalDate leftOn, String reason) {
    Election e = ctx.election(electionId, Permission.MANAGE);
    CommitteeRepository.Member m =
        ctx.committee.members(electionId).stream()
            .filter(x -> x.id() == memberId)
            .findFirst()
            .orElseThrow(() -> new InvalidInputException("memberId", "本选举的居民选举委员会没有这名成员"));
    if (!m.current()) {
      throw new IllegalStateException(m.name() + "已于" + m.leftOn() + "退出居民选举委员会");
    }
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty()) {
      throw new InvalidInputException("reason", "退出原因：不能为空");
    }
    if (leftOn == null || leftOn.isAfter(ctx.today())) {
      throw new InvalidInputException("leftOn", "退出日期：请填写，且不能晚于今天");
    }
    if (!ctx.committee.leave(memberId, version, leftOn, why)) {
      throw new IllegalStateException("该成员已被他人修改，请刷新页面后重试");
    }
    ctx.audit(
        "COMMUNITY_COMMITTEE_MEMBER_LEFT",
        e,
        "居民选举委员会：" + m.name() + "于" + leftOn + "退出（" + why + "），待依次递补或另行推选");
  }
}
