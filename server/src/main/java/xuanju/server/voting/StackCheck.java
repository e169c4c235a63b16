package xuanju.server.voting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import xuanju.core.ballot.BallotRules;
import xuanju.core.ballot.BallotVerdict;
import xuanju.core.ballot.Ballots;
import xuanju.server.voting.VotingModel.Difference;
import xuanju.server.voting.VotingModel.Reading;
import xuanju.server.voting.VotingModel.Ruling;
import xuanju.server.voting.VotingModel.Stack;

/**
 * The double-entry comparison of one stack (两遍录入核对): pairs entry A and entry B by position, lists
 * every difference and every questionable ballot, and gives the final readings once the scrutineer
 * has ruled.
 */
final class StackCheck {
  private StackCheck() {}

  /** Positions where A and B differ, or agree on a ballot that needs the scrutineers. */
  static List<Difference> differences(VotingRepository repo, Stack s, BallotRules rules) {
    List<Reading> a = s.a() == null ? List.of() : repo.readings(s.a().id());
    List<Reading> b = s.b() == null ? List.of() : repo.readings(s.b().id());
    Map<Integer, Ruling> rulings = new HashMap<>();
    repo.rulings(s.id()).forEach(r -> rulings.put(r.position(), r));
    List<Difference> out = new ArrayList<>();
    int n = Math.max(a.size(), b.size());
    for (int i = 0; i < n; i++) {
      Reading ra = i < a.size() ? a.get(i) : null;
      Reading rb = i < b.size() ? b.get(i) : null;
      String kind;
      if (ra == null) {
        kind = "ONLY_B";
      } else if (rb == null) {
        kind = "ONLY_A";
      } else if (!ra.canonical().equals(rb.canonical())) {
        kind = "MISMATCH";
      } else if (Ballots.judge(rules, BallotCodec.ballot(ra))
          instanceof BallotVerdict.NeedsReview) {
        kind = "REVIEW";
      } else {
        kind = null;
      }
      if (kind != null || rulings.containsKey(i + 1)) {
        out.add(
            new Difference(
                i + 1,
                kind == null ? "RULED" : kind,
                ra == null ? "（无）" : ra.display(),
                rb == null ? "（无）" : rb.display(),
                rulings.get(i + 1),
                ra,
                rb));
      }
    }
    return out;
  }

  /**
   * The readings that count: per position the scrutineer's ruling, else the agreed reading. Only
   * for a settled stack (or one whose differences are all ruled).
   */
  static List<Reading> finalReadings(VotingRepository repo, Stack s) {
    List<Reading> a = s.a() == null ? List.of() : repo.readings(s.a().id());
    List<Reading> b = s.b() == null ? List.of() : repo.readings(s.b().id());
    Map<Integer, Ruling> rulings = new HashMap<>();
    repo.rulings(s.id()).forEach(r -> rulings.put(r.position(), r));
    List<Reading> out = new ArrayList<>();
    int n = Math.max(a.size(), b.size());
    for (int i = 0; i < n; i++) {
      Ruling r = rulings.get(i + 1);
      if (r != null) {
        if (!r.absent()) {
          out.add(new Reading(r.marks(), r.writeIns(), r.identifying()));
        }
      } else {
        out.add(i < a.size() ? a.get(i) : b.get(i));
      }
    }
    return out;
  }
}
