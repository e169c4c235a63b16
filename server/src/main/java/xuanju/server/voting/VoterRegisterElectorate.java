package xuanju.server.voting;

import java.util.List;
import org.springframework.stereotype.Component;
import xuanju.server.election.Election;
import xuanju.server.election.kind.Electorate;
import xuanju.server.voting.VotingModel.Voter;

/**
 * Registered voters by district (选区选民). The voter register (选民登记) is not built yet: nobody is
 * listed and nothing is expected, and the explanation says so. The plan check of these kinds blocks
 * the request meanwhile, so no such election reaches election day.
 */
@Component
class VoterRegisterElectorate implements ElectorateProvider {
  @Override
  public Electorate electorate() {
    return Electorate.REGISTERED_VOTERS_BY_DISTRICT;
  }

  @Override
  public List<Voter> eligibleVoters(Election e) {
    return List.of();
  }

  @Override
  public long expected(Election e) {
    return 0;
  }

  @Override
  public String expectedZh(Election e) {
    return "选民登记尚未完成，无法确定应参加投票的选民人数";
  }
}
