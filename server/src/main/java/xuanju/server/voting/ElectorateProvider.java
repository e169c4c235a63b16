package xuanju.server.voting;

import java.util.List;
import xuanju.server.election.Election;
import xuanju.server.election.kind.Electorate;
import xuanju.server.voting.VotingModel.Voter;

/**
 * The voters of one kind of electorate (选举人来源), as election day needs them: who may vote, how many
 * are expected and how that number was found. One bean per {@link Electorate}; {@link
 * ElectorateSource} picks the one the election's kind declares.
 */
public interface ElectorateProvider {
  /** The electorate this provider serves. */
  Electorate electorate();

  /** Who may vote, by name. */
  List<Voter> eligibleVoters(Election e);

  /** 应到人数. */
  long expected(Election e);

  /** How {@link #expected} was found, in Chinese. */
  String expectedZh(Election e);

  /**
   * The voters whose votes the voter {@code holderKey} casts by proxy (委托投票): checked in with the
   * holder. None unless the electorate has proxies.
   */
  default List<Voter> proxiesHeldBy(Election e, String holderKey) {
    return List.of();
  }
}
