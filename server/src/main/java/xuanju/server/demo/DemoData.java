package xuanju.server.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import xuanju.server.organisation.OrganisationRepository;
import xuanju.server.organisation.OrganisationService;

/**
 * Sample data (示例数据) for {@code ./xuanju serve --demo}: a town with its branches, loaded once into
 * an empty database.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "xuanju.demo", havingValue = "true")
public class DemoData implements ApplicationRunner {
  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
  private final OrganisationRepository repo;
  private final OrganisationService orgs;

  public DemoData(OrganisationRepository repo, OrganisationService orgs) {
    this.repo = repo;
    this.orgs = orgs;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (repo.count() > 0) {
      return;
    }
    long town = orgs.create("demo", null, "代力吉镇党委", "TOWN_COMMITTEE");
    orgs.create("demo", town, "代力吉镇机关支部委员会", "BRANCH");
    orgs.create("demo", town, "代力吉镇中心小学党支部", "BRANCH");
    orgs.create("demo", town, "东营子村党支部", "BRANCH");
    orgs.create("demo", town, "诺恩吉雅社区党总支", "GENERAL_BRANCH");
    long organs = orgs.create("demo", null, "旗直属机关党工委", "WORK_COMMITTEE");
    orgs.create("demo", organs, "旗民政局机关党支部", "BRANCH");
    orgs.create("demo", organs, "旗财政局第一党支部", "BRANCH");
    LOG.info("已载入示例数据：{} 个组织", repo.count());
  }
}
