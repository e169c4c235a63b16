package xuanju.core.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import xuanju.core.rule.CoreRule;
import xuanju.core.rule.Rule;

/**
 * The index of every rule in the system (规则目录). It lives in its own package because it names every
 * capability's rule enum, while each capability depends on the {@code rule} types.
 *
 * <p>Each capability registers its rule enum here, one line each; a test checks that codes are
 * unique, well formed, and carry a Chinese message and a source.
 */
public final class RuleCatalog {
  private RuleCatalog() {}

  /** Every rule enum of core. Add your capability's enum here. */
  private static final List<Class<? extends Enum<? extends Rule>>> ENUMS =
      List.of(
          // rule enums are registered below, one line each
          xuanju.core.roster.RosterRule.class,
          xuanju.core.quorum.QuorumRule.class,
          xuanju.core.margin.MarginRule.class,
          xuanju.core.ballot.BallotRule.class,
          xuanju.core.tally.TallyRule.class,
          xuanju.core.outcome.CountRule.class,
          xuanju.core.proxy.ProxyRule.class,
          xuanju.core.recall.RecallRule.class,
          xuanju.core.schedule.ScheduleRule.class,
          xuanju.core.quota.QuotaRule.class,
          xuanju.core.names.NamesRule.class,
          xuanju.core.district.DistrictRule.class,
          xuanju.core.register.RegisterRule.class,
          xuanju.core.nomination.NominationRule.class,
          xuanju.core.community.CommunityRule.class,
          xuanju.core.community.BarringCase.class,
          xuanju.core.slate.SlateRule.class,
          CoreRule.class);

  public static List<Rule> all() {
    List<Rule> all = new ArrayList<>();
    for (Class<? extends Enum<? extends Rule>> e : ENUMS) {
      Arrays.stream(e.getEnumConstants()).map(Rule.class::cast).forEach(all::add);
    }
    return List.copyOf(all);
  }

  public static Optional<Rule> byCode(String code) {
    return all().stream().filter(r -> r.code().equals(code)).findFirst();
  }
}
