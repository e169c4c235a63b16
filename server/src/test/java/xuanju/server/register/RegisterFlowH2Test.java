package xuanju.server.register;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import xuanju.server.election.ElectionService;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.support.H2AppTest;

class RegisterFlowH2Test extends H2AppTest implements RegisterFlowContract {
  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired OrganisationService orgs;
  @Autowired ElectionService elections;
  @Autowired RegistrationService registration;
  @Autowired VoterListService lists;
  @Autowired CarryOverService carry;

  @Override
  public MockMvc mvc() {
    return mvc;
  }

  @Override
  public JdbcTemplate jdbc() {
    return jdbc;
  }

  @Override
  public OrganisationService orgs() {
    return orgs;
  }

  @Override
  public ElectionService elections() {
    return elections;
  }

  @Override
  public RegistrationService registration() {
    return registration;
  }

  @Override
  public VoterListService lists() {
    return lists;
  }

  @Override
  public CarryOverService carry() {
    return carry;
  }
}
