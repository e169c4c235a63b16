package xuanju.server.district;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import xuanju.server.election.ElectionService;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.support.H2AppTest;

/** {@link DistrictContract} on H2. */
class DistrictH2Test extends H2AppTest implements DistrictContract {
  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired OrganisationService orgs;
  @Autowired ElectionService elections;

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
}
