package xuanju.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import xuanju.server.audit.AuditLog;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.security.UserRepository;

/** The persistence contract on the H2 database. */
class H2PersistenceTest extends H2AppTest implements PersistenceContract {
  @Autowired JdbcTemplate jdbc;
  @Autowired AuditLog audit;
  @Autowired OrganisationService organisations;
  @Autowired UserRepository users;

  @Override
  public JdbcTemplate jdbc() {
    return jdbc;
  }

  @Override
  public AuditLog audit() {
    return audit;
  }

  @Override
  public OrganisationService organisations() {
    return organisations;
  }

  @Override
  public UserRepository users() {
    return users;
  }

  @Test
  void runsOnTheRealDatabase() throws Exception {
    try (var c = jdbc.getDataSource().getConnection()) {
      assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("H2");
    }
  }
}
