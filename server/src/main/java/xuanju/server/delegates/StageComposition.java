package xuanju.server.delegates;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import xuanju.core.quota.Comparison;
import xuanju.core.quota.QuotaCheck;
import xuanju.core.quota.QuotaResult;
import xuanju.core.quota.QuotaSets;
import xuanju.core.quota.Quotas;

/**
 * A stage list's composition (结构) against core's {@code PARTY_CONGRESS_DELEGATES} quota set, ages
 * on election day: for each requirement the list's count and whether it is met. Shown live with
 * every stage.
 */
public final class StageComposition {
  private StageComposition() {}

  /** One requirement: the list's count, the bound and whether the list meets it. */
  public record Line(String requirementZh, long count, long bound, boolean cap, boolean met) {
    public String statusZh() {
      if (met) {
        return "符合";
      }
      return cap ? "超过上限" + (count - bound) + "名" : "还差" + (bound - count) + "名";
    }
  }

  static List<Line> of(List<StageMember> active, LocalDate electionDay) {
    List<xuanju.core.quota.Person> persons = new ArrayList<>();
    for (StageMember m : active) {
      persons.add(m.person().person("m" + m.recommendeeId()));
    }
    QuotaCheck check =
        Quotas.check(QuotaSets.PARTY_CONGRESS_DELEGATES.requirements(), persons, electionDay);
    List<Line> out = new ArrayList<>();
    for (QuotaResult q : check.results()) {
      Comparison c = q.requirement().comparison();
      boolean cap = c == Comparison.AT_MOST || c == Comparison.LESS_THAN;
      out.add(new Line(q.requirement().requirementZh(), q.count(), q.bound(), cap, q.met()));
    }
    return out;
  }
}
