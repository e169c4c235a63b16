package xuanju.server.voting;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import xuanju.server.voting.VotingModel.Reading;
import xuanju.server.voting.VotingModel.Stack;

/**
 * The readings that count for a round (计入结果的选票): for every settled stack and position, the
 * scrutineer's ruling if any, else the agreed reading. The one place this is computed, used by the
 * round decision and by the results archive. The caller has checked the permission.
 */
@Component
public class SettledReadings {
  private final VotingRepository repo;

  SettledReadings(VotingRepository repo) {
    this.repo = repo;
  }

  /** The final readings of every settled stack of the round. */
  @Transactional(readOnly = true)
  public List<Reading> of(long roundId) {
    List<Reading> out = new ArrayList<>();
    for (Stack s : repo.stacks(roundId)) {
      if (s.settled()) {
        out.addAll(StackCheck.finalReadings(repo, s));
      }
    }
    return out;
  }
}
