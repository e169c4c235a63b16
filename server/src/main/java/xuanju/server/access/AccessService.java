package xuanju.server.access;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.server.audit.AuditLog;

/**
 * Authorisation by role and organisation subtree (权限检查), enforced in the service layer: every
 * service method that reads or changes an organisation's data calls {@link #require} first. A role
 * granted on an organisation applies to its whole subtree; system administrators may do everything.
 * A denial throws {@link AccessDeniedException}, which the web layer turns into 403.
 */
@Service
public class AccessService {
  private final JdbcTemplate jdbc;
  private final AuditLog audit;
  private final Clock clock;

  public AccessService(JdbcTemplate jdbc, AuditLog audit, Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  /** The signed-in user's name, or throws if nobody is signed in. */
  public static String currentUser() {
    Authentication a = SecurityContextHolder.getContext().getAuthentication();
    if (a == null || !a.isAuthenticated() || "anonymousUser".equals(a.getName())) {
      throw new AccessDeniedException("请先登录");
    }
    return a.getName();
  }

  /** Whether the signed-in user is a system administrator. */
  public static boolean currentIsAdmin() {
    Authentication a = SecurityContextHolder.getContext().getAuthentication();
    return a != null
        && a.getAuthorities().stream().anyMatch(g -> "ROLE_ADMIN".equals(g.getAuthority()));
  }

  /**
   * Checks that the signed-in user holds a role allowing {@code permission} on the organisation or
   * one of its ancestors.
   *
   * @throws AccessDeniedException with a Chinese message when not
   */
  public void require(long organisationId, Permission permission) {
    if (!allowed(currentUser(), currentIsAdmin(), organisationId, permission)) {
      throw new AccessDeniedException("无权" + permission.labelZh() + "该组织的数据");
    }
  }

  /** The same check for a given user, without throwing. */
  @Transactional(readOnly = true)
  public boolean allowed(String username, boolean admin, long organisationId, Permission p) {
    if (admin) {
      return true;
    }
    // One query: the user's roles on the organisation and its ancestors (UNION stops on a cycle),
    // instead of loading every organisation and every grant on each check.
    return jdbc
        .query(
            "WITH RECURSIVE chain (id, parent_id) AS ("
                + " SELECT id, parent_id FROM organisation WHERE id = ?"
                + " UNION SELECT o.id, o.parent_id FROM organisation o JOIN chain c ON o.id = c.parent_id)"
                + " SELECT g.role FROM role_grant g JOIN app_user u ON u.id = g.user_id"
                + " JOIN chain c ON c.id = g.organisation_id WHERE u.username = ?",
            (rs, i) -> Role.valueOf(rs.getString(1)),
            organisationId,
            username)
        .stream()
        .anyMatch(r -> r.allows(p));
  }

  /** The organisations the user may see with {@code p}: every subtree they hold a role on. */
  @Transactional(readOnly = true)
  public Set<Long> visibleOrganisations(String username, boolean admin, Permission p) {
    Map<Long, Long> parents = parents();
    if (admin) {
      return new HashSet<>(parents.keySet());
    }
    Map<Long, List<Long>> children = new HashMap<>();
    parents.forEach(
        (child, parent) -> {
          if (parent != null) {
            children.computeIfAbsent(parent, k -> new ArrayList<>()).add(child);
          }
        });
    Set<Long> out = new HashSet<>();
    for (Grant g : grants(username)) {
      if (g.role().allows(p)) {
        List<Long> stack = new ArrayList<>(List.of(g.organisationId()));
        while (!stack.isEmpty()) {
          Long o = stack.remove(stack.size() - 1);
          if (out.add(o)) {
            stack.addAll(children.getOrDefault(o, List.of()));
          }
        }
      }
    }
    return out;
  }

  /** A role held on an organisation (角色授权). */
  public record Grant(long organisationId, Role role) {}

  public List<Grant> grants(String username) {
    return jdbc.query(
        "SELECT g.organisation_id, g.role FROM role_grant g JOIN app_user u ON u.id = g.user_id"
            + " WHERE u.username = ?",
        (rs, i) -> new Grant(rs.getLong(1), Role.valueOf(rs.getString(2))),
        username);
  }

  /** Grants a role (administrators only; audited). */
  @Transactional
  public void grant(String username, long organisationId, Role role) {
    if (!currentIsAdmin()) {
      throw new AccessDeniedException("只有系统管理员可以分配角色");
    }
    Long userId =
        jdbc
            .query("SELECT id FROM app_user WHERE username = ?", (rs, i) -> rs.getLong(1), username)
            .stream()
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("用户不存在：" + username));
    jdbc.update(
        "INSERT INTO role_grant (user_id, organisation_id, role, created_at) VALUES (?, ?, ?, ?)",
        userId,
        organisationId,
        role.name(),
        Timestamp.from(clock.instant()));
    audit.append(
        currentUser(),
        "ROLE_GRANTED",
        "user:" + username,
        "授予「" + role.labelZh() + "」角色，组织 " + organisationId);
  }

  /**
   * Revokes a role (撤销角色; administrators only; audited). The user loses the role's rights at their
   * next request: permissions are read from the grants at each check.
   *
   * @return a sentence naming the user, role and organisation
   */
  @Transactional
  public String revoke(long grantId) {
    if (!currentIsAdmin()) {
      throw new AccessDeniedException("只有系统管理员可以撤销角色");
    }
    List<String[]> rows =
        jdbc.query(
            "SELECT u.username, u.display_name, g.role, o.name FROM role_grant g JOIN app_user u"
                + " ON u.id = g.user_id JOIN organisation o ON o.id = g.organisation_id WHERE g.id"
                + " = ?",
            (rs, i) ->
                new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)},
            grantId);
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("该角色已撤销或不存在");
    }
    String[] r = rows.get(0);
    jdbc.update("DELETE FROM role_grant WHERE id = ?", grantId);
    String text = "撤销用户「" + r[1] + "」在" + r[3] + "的「" + Role.valueOf(r[2]).labelZh() + "」角色";
    audit.append(currentUser(), "ROLE_REVOKED", "user:" + r[0], text);
    return text;
  }

  private Map<Long, Long> parents() {
    Map<Long, Long> m = new HashMap<>();
    jdbc.query(
        "SELECT id, parent_id FROM organisation",
        rs -> {
          m.put(rs.getLong(1), (Long) rs.getObject(2, Long.class));
        });
    return m;
  }
}
