package xuanju.server.community;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import xuanju.core.community.CommunityTerms;
import xuanju.core.community.SupervisionCommittees;
import xuanju.core.community.TermPart;

/**
 * The 居务监督委员会's progress on the community's 换届 page (换届进度：居务监督委员会): started once its electing
 * meeting is recorded on the residents' committee election, done when three members are elected and
 * the chair is chosen.
 */
@Component
class SupervisionTermSource implements TermPartSource {
  private final SupervisionService supervision;

  SupervisionTermSource(SupervisionService supervision) {
    this.supervision = supervision;
  }

  @Override
  public TermPart part() {
    return TermPart.SUPERVISION;
  }

  @Override
  public CommunityTerms.Progress progress(TermRef term) {
    if (term.residentsElectionId().isEmpty()) {
      return CommunityTerms.Progress.notStarted("居务监督委员会推选等待：尚未关联居民委员会选举");
    }
    long id = term.residentsElectionId().get();
    Optional<SupervisionService.Meeting> m = supervision.meeting(id);
    if (m.isEmpty()) {
      return CommunityTerms.Progress.notStarted("居务监督委员会推选等待：推选会议尚未登记");
    }
    List<SupervisionService.Nominee> elected =
        supervision.nominees(id, m.get()).stream()
            .filter(SupervisionService.Nominee::elected)
            .toList();
    List<String> waiting = new ArrayList<>();
    if (elected.size() < SupervisionCommittees.SIZE) {
      waiting.add("居务监督委员会推选等待：已推选" + elected.size() + "名，应推选" + SupervisionCommittees.SIZE + "名");
    }
    if (elected.stream().noneMatch(SupervisionService.Nominee::chair)) {
      waiting.add("居务监督委员会推选等待：尚未确定主任");
    }
    return new CommunityTerms.Progress(true, waiting.isEmpty(), waiting);
  }
}
