package xuanju.server.community;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.election.Election;

/**
 * Who a write-in member is (另选他人当选者的身份): the ballot names them only, so the residents' election
 * committee records the voter of the list they are (same name). From then on the results carry
 * their person like every other member: the supervision committee's member and relative checks, the
 * 两委 summary and its structure count them.
 */
@Service
public class WriteInIdentityService {
  private final CommunityContext ctx;
  private final CommunityVotingRepository repo;
  private final CommunityResultsService results;

  WriteInIdentityService(
      CommunityContext ctx, CommunityVotingRepository repo, CommunityResultsService results) {
    this.ctx = ctx;
    this.repo = repo;
    this.results = results;
  }

  /**
   * Records who the write-in member {@code name} is (MANAGE). Refused, nothing stored: no such
   * write-in member still unidentified; an ID number not on the election's voter list; a voter of
   * another name; someone already a member.
   */
  @Transactional
  public void identify(long electionId, String name, String residentId) {
    Election e = ctx.election(electionId, Permission.MANAGE);
    String n = name == null ? "" : name.strip();
    CommunityResultsService.Results r = results.results(e.id());
    boolean open =
        r.members().stream()
            .anyMatch(
                m ->
                    m.personId() == null
                        && m.name().equals(n)
                        && m.key().startsWith(CommunityBallotService.WRITE_IN));
    if (!open) {
      throw new InvalidInputException("name", "「" + n + "」不是以另选他人方式当选、尚未登记身份的居民委员会成员");
    }
    CommitteeRepository.PersonRef p = ctx.voter(e, residentId, "residentId", "当选人");
    if (!p.name().equals(n)) {
      throw new InvalidInputException(
          "residentId", "该公民身份号码登记的居民是" + p.name() + "，与选票上另选的「" + n + "」不是同一姓名，请核对");
    }
    if (r.byPerson().containsKey(p.id())) {
      throw new InvalidInputException("residentId", p.name() + "已是本届居民委员会成员，不能重复登记");
    }
    repo.identifyElected(e.id(), n, p.id(), AccessService.currentUser(), ctx.clock.instant());
    ctx.audit("COMMUNITY_WRITE_IN_IDENTIFIED", e, "登记另选他人当选者的身份：" + n);
  }
}
