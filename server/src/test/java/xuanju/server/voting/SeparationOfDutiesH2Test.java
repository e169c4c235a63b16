package xuanju.server.voting;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import xuanju.server.election.ElectionService;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.security.UserRepository;
import xuanju.server.support.H2AppTest;

class SeparationOfDutiesH2Test extends H2AppTest implements SeparationOfDutiesContract {
  @Autowired VotingServices voting;
  @Autowired EntryService entries;
  @Autowired ElectionService elections;
  @Autowired OrganisationService orgs;
  @Autowired UserRepository users;
  @Autowired JdbcTemplate jdbc;

  @Override
  public VotingServices voting() {
    return voting;
  }

  @Override
  public EntryService entries() {
    return entries;
  }

  @Override
  public ElectionService elections() {
    return elections;
  }

  @Override
  public OrganisationService orgs() {
    return orgs;
  }

  @Override
  public UserRepository users() {
    return users;
  }

  @Override
  public JdbcTemplate jdbc() {
    return jdbc;
  }
}
