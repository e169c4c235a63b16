package xuanju.server.community;

import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.core.community.CommitteePost;
import xuanju.core.community.Role;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.election.Election;

/**
 * 报名: a registered voter of the election applies in writing for one post of the residents'
 * committee (主任, 副主任 or 委员), and the community party organisation's recommendation (党组织推荐) is
 * marked. An applicant who is a close relative of the election staff is refused (近亲属回避); an
 * applicant who sits on the residents' election committee is recorded, and the committee then shows
 * that he or she must leave it.
 */
@Service
public class ApplicationService {
  private final CommunityContext ctx;

  ApplicationService(CommunityContext ctx) {
    this.ctx = ctx;
  }

  /** Records a written self-application (MANAGE). */
  @Transactional
  public void apply(
      long electionId,
      String residentId,
      CommitteePost post,
      LocalDate appliedOn,
      boolean partyRecommended) {
    Election e = ctx.election(electionId, Permission.MANAGE);
    refuseAfterPublication(e);
    CommitteeRepository.PersonRef p = ctx.voter(e, residentId, "residentId", "报名人");
    if (post == null) {
      throw new InvalidInputException("post", "报名职位：请选择主任、副主任或委员");
    }
    if (!CommunityContext.seats(e).containsKey(post)) {
      throw new InvalidInputException("post", "本次选举不设" + post.labelZh() + "职位");
    }
    if (appliedOn == null || appliedOn.isAfter(ctx.today())) {
      throw new InvalidInputException("appliedOn", "书面报名日期：请填写，且不能晚于今天");
    }
    ctx.applications.applications(electionId).stream()
        .filter(a -> a.personId() == p.id())
        .findFirst()
        .ifPresent(
            a -> {
              throw new IllegalStateException(
                  p.name() + "已于" + a.appliedOn() + "报名" + a.post().labelZh() + "，每人只能报名一个职位");
            });
    ctx.refuseNewConflicts(
        electionId,
        List.of(new CommunityContext.Extra(p.id(), p.name(), Role.CANDIDATE)),
        "报名未登记：");
    ctx.applications.insert(
        electionId,
        p.id(),
        post,
        appliedOn,
        partyRecommended,
        AccessService.currentUser(),
        ctx.clock.instant());
    boolean member =
        ctx.committee.members(electionId).stream()
            .anyMatch(m -> m.current() && m.personId() == p.id());
    ctx.audit(
        "COMMUNITY_APPLICATION_RECORDED",
        e,
        p.name()
            + "于"
            + appliedOn
            + "书面报名居民委员会"
            + post.labelZh()
            + (partyRecommended ? "，社区党组织推荐" : "")
            + (member ? "；其为居民选举委员会成员，应当退出居民选举委员会" : ""));
  }

  /** Marks the party organisation's recommendation of an applicant (MANAGE). */
  @Transactional
  public void recommend(long electionId, long applicationId, int version) {
    Election e = ctx.election(electionId, Permission.MANAGE);
    refuseAfterPublication(e);
    ApplicationRepository.Application a =
        ctx.applications
            .application(electionId, applicationId)
            .orElseThrow(() -> new InvalidInputException("applicationId", "本选举没有这项报名"));
    if (a.partyRecommended()) {
      throw new IllegalStateException(a.name() + "已标记为社区党组织推荐");
    }
    if (!ctx.applications.recommend(applicationId, version)) {
      throw new IllegalStateException("该报名已被他人修改，请刷新页面后重试");
    }
    ctx.audit(
        "COMMUNITY_APPLICATION_RECOMMENDED",
        e,
        a.name() + "（报名" + a.post().labelZh() + "）标记为社区党组织推荐");
  }

  private void refuseAfterPublication(Election e) {
    ctx.applications
        .published(e.id())
        .ifPresent(
            p -> {
              throw new IllegalStateException("正式候选人名单已于" + p.publishedOn() + "公布，不能再登记报名或推荐");
            });
  }
}
