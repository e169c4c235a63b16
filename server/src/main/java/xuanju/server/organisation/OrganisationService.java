package xuanju.server.organisation;

import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.server.audit.AuditLog;

/** Organisation tree operations (组织管理); every change is audited. */
@Service
public class OrganisationService {
  private final OrganisationRepository repo;
  private final AuditLog audit;
  private final Clock clock;

  public OrganisationService(OrganisationRepository repo, AuditLog audit, Clock clock) {
    this.repo = repo;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public List<Organisation> all() {
    return repo.findAll();
  }

  @Transactional
  public long create(String actor, Long parentId, String name, String kind) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("组织名称不能为空");
    }
    long id = repo.insert(parentId, name.strip(), kind, clock.instant());
    audit.append(
        actor,
        "ORGANISATION_CREATED",
        "organisation:" + id,
        "新建组织「" + name.strip() + "」（" + kind + "）" + (parentId == null ? "" : "，上级 " + parentId));
    return id;
  }
}
