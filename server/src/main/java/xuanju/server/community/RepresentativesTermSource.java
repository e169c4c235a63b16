package xuanju.server.community;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import xuanju.core.community.CommunityTerms;
import xuanju.core.community.TermPart;

/**
 * The 居民代表's progress on the community's 换届 page (换届进度：居民代表): started once one grid has held its
 * households' meeting, done when every grid (居民小组) of the register has elected its representatives.
 */
@Component
class RepresentativesTermSource implements TermPartSource {
  private final RepresentativesService representatives;

  RepresentativesTermSource(RepresentativesService representatives) {
    this.representatives = representatives;
  }

  @Override
  public TermPart part() {
    return TermPart.REPRESENTATIVES;
  }

  @Override
  public CommunityTerms.Progress progress(TermRef term) {
    if (term.residentsElectionId().isEmpty()) {
      return CommunityTerms.Progress.notStarted("居民代表推选等待：尚未关联居民委员会选举");
    }
    List<RepresentativesService.Grid> grids =
        representatives.grids(term.residentsElectionId().get());
    List<String> names = representatives.gridNames(term.organisationId());
    if (names.isEmpty()) {
      return CommunityTerms.Progress.notStarted("居民代表推选等待：居民名册尚未划分网格（居民小组）");
    }
    if (grids.isEmpty()) {
      return CommunityTerms.Progress.notStarted("居民代表推选等待：" + names.size() + "个网格均未召开推选会议");
    }
    Set<String> held =
        grids.stream()
            .filter(g -> !g.elected().isEmpty())
            .map(RepresentativesService.Grid::grid)
            .collect(Collectors.toSet());
    List<String> missing = names.stream().filter(n -> !held.contains(n)).toList();
    List<String> waiting = new ArrayList<>();
    if (!missing.isEmpty()) {
      waiting.add(
          "居民代表推选等待："
              + missing.size()
              + "个网格尚未推选出居民代表（"
              + String.join("、", missing.subList(0, Math.min(5, missing.size())))
              + (missing.size() > 5 ? "等" : "")
              + "）");
    }
    return new CommunityTerms.Progress(true, waiting.isEmpty(), waiting);
  }
}
