package xuanju.server.voting;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import xuanju.server.election.Election;
import xuanju.server.election.kind.Electorate;
import xuanju.server.voting.VotingModel.Voter;

/**
 * Who may vote on election day and how many are expected (应到人数): the one place election day asks
 * it. The election's kind declares its {@link Electorate} (党员大会, 选区选民 …); the {@link
 * ElectorateProvider} of that electorate answers.
 */
@Component
public class ElectorateSource {
  private final Map<Electorate, ElectorateProvider> providers = new EnumMap<>(Electorate.class);

  public ElectorateSource(List<ElectorateProvider> providers) {
    providers.forEach(p -> this.providers.put(p.electorate(), p));
  }

  private ElectorateProvider provider(Election e) {
    Electorate el = e.kind().config().electorate();
    ElectorateProvider p = providers.get(el);
    if (p == null) {
      throw new IllegalStateException("本系统尚不能登记此类选举的选举人（" + el.labelZh() + "）");
    }
    return p;
  }

  /** The people who may vote, by name. */
  public List<Voter> eligibleVoters(Election e) {
    return provider(e).eligibleVoters(e);
  }

  /** 应到人数. */
  public long expected(Election e) {
    return provider(e).expected(e);
  }

  /** How {@link #expected} was found, in Chinese. */
  public String expectedZh(Election e) {
    return provider(e).expectedZh(e);
  }

  /** The voters whose votes {@code holderKey} casts by proxy (委托投票). */
  public List<Voter> proxiesHeldBy(Election e, String holderKey) {
    return provider(e).proxiesHeldBy(e, holderKey);
  }
}
