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
    if (name.strip().length() > 200) {
      throw new IllegalArgumentException("组织名称不能超过200个字（现为" + name.strip().length() + "个字）");
    }
    if (name.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("组织名称不能包含换行符或控制字符");
    }
    if (kind == null || !kind.matches("[A-Z_]{1,40}")) {
      throw new IllegalArgumentException("组织类型无效，请从列表中选择");
    }
    if (parentId != null && repo.findAll().stream().noneMatch(o -> o.id() == parentId)) {
      throw new IllegalArgumentException("上级组织不存在");
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
