package xuanju.server.security;

import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.server.access.AccessService;
import xuanju.server.audit.AuditLog;

/** User management by system administrators (用户管理). */
@Service
public class UserAdminService {
  private final UserRepository users;
  private final PasswordEncoder encoder;
  private final AuditLog audit;
  private final Clock clock;
  private final JdbcTemplate jdbc;
  private final RevokedSessions sessions;

  public UserAdminService(
      UserRepository users,
      PasswordEncoder encoder,
      AuditLog audit,
      Clock clock,
      JdbcTemplate jdbc,
      RevokedSessions sessions) {
    this.users = users;
    this.encoder = encoder;
    this.audit = audit;
    this.clock = clock;
    this.jdbc = jdbc;
    this.sessions = sessions;
  }

  /** A role of a user at an organisation, with the grant's id (for revoking it). */
  public record GrantRow(long id, String organisation, String roleZh) {
    /** e.g. {@code 红旗镇党委：上级组织审批人员}. */
    public String labelZh() {
      return organisation + "：" + roleZh;
    }
  }

  /** A user with their state and roles. */
  public record UserRow(
      String username,
      String displayName,
      boolean admin,
      boolean enabled,
      boolean mustChangePassword,
      List<GrantRow> grants) {
    /** The roles as readable labels. */
    public List<String> roles() {
      return grants.stream().map(GrantRow::labelZh).toList();
    }
  }

  @Transactional(readOnly = true)
  public List<UserRow> list() {
    requireAdmin();
    java.util.Map<String, List<GrantRow>> grants = new java.util.HashMap<>();
    jdbc.query(
        "SELECT u.username, g.id, o.name, g.role FROM role_grant g JOIN app_user u ON u.id ="
            + " g.user_id JOIN organisation o ON o.id = g.organisation_id ORDER BY g.id",
        rs -> {
          grants
              .computeIfAbsent(rs.getString(1), k -> new java.util.ArrayList<>())
              .add(
                  new GrantRow(
                      rs.getLong(2),
                      rs.getString(3),
                      xuanju.server.access.Role.valueOf(rs.getString(4)).labelZh()));
        });
    return jdbc.query(
        "SELECT username, display_name, is_admin, enabled, must_change_password FROM app_user"
            + " ORDER BY id",
        (rs, i) ->
            new UserRow(
                rs.getString(1),
                rs.getString(2),
                rs.getBoolean(3),
                rs.getBoolean(4),
                rs.getBoolean(5),
                grants.getOrDefault(rs.getString(1), List.of())));
  }

  /**
   * Resets a user's password (重置密码): a new generated password, to be changed at the next sign-in;
   * the lock-out is cleared and the user's open sessions end. Audited.
   *
   * @return the new password, shown once to the administrator
   */
  @Transactional
  public String resetPassword(String username) {
    requireAdmin();
    UserAccount u = existing(username);
    String password = AdminBootstrap.randomPassword();
    jdbc.update(
        "UPDATE app_user SET password_hash = ?, must_change_password = TRUE, failed_logins = 0,"
            + " locked_until = NULL, version = version + 1 WHERE username = ?",
        encoder.encode(password),
        username);
    sessions.revoke(username);
    audit.append(
        AccessService.currentUser(),
        "PASSWORD_RESET",
        "user:" + username,
        "重置用户「" + u.displayName() + "」的密码，须在下次登录时修改；其已登录的会话失效");
    return password;
  }

  /**
   * Disables (停用) or enables (启用) a user. A disabled user cannot sign in and their open sessions
   * end; their roles stay recorded. An administrator cannot disable their own account or the last
   * enabled administrator. Audited.
   */
  @Transactional
  public void setEnabled(String username, boolean enabled) {
    requireAdmin();
    UserAccount u = existing(username);
    if (u.enabled() == enabled) {
      throw new IllegalArgumentException(
          "用户「" + u.displayName() + "」已" + (enabled ? "是启用状态" : "停用"));
    }
    if (!enabled && username.equals(AccessService.currentUser())) {
      throw new IllegalArgumentException("不能停用自己的账户");
    }
    if (!enabled && u.admin()) {
      Integer admins =
          jdbc.queryForObject(
              "SELECT COUNT(*) FROM app_user WHERE is_admin = TRUE AND enabled = TRUE",
              Integer.class);
      if (admins != null && admins <= 1) {
        throw new IllegalArgumentException("不能停用最后一个启用的系统管理员");
      }
    }
    jdbc.update(
        "UPDATE app_user SET enabled = ?, version = version + 1 WHERE username = ?",
        enabled,
        username);
    if (!enabled) {
      sessions.revoke(username);
    }
    audit.append(
        AccessService.currentUser(),
        enabled ? "USER_ENABLED" : "USER_DISABLED",
        "user:" + username,
        (enabled ? "启用用户「" : "停用用户「")
            + u.displayName()
            + "」"
            + (enabled ? "" : "，其已登录的会话失效，角色记录保留"));
  }

  private UserAccount existing(String username) {
    return users
        .findByUsername(username)
        .orElseThrow(() -> new IllegalArgumentException("用户不存在：" + username));
  }

  /**
   * Creates a user with a generated password that must be changed at the first login.
   *
   * @return the generated password, shown once to the administrator
   */
  @Transactional
  public String create(String username, String displayName) {
    requireAdmin();
    if (username == null || !username.matches("[A-Za-z0-9_.-]{3,64}")) {
      throw new IllegalArgumentException("用户名须为3至64位字母、数字、下划线、点或连字符");
    }
    if (displayName == null || displayName.isBlank()) {
      throw new IllegalArgumentException("姓名不能为空");
    }
    if (displayName.strip().length() > 100) {
      throw new IllegalArgumentException("姓名不能超过100个字");
    }
    if (displayName.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("姓名不能包含换行符或控制字符");
    }
    if (users.findByUsername(username).isPresent()) {
      throw new IllegalArgumentException("用户名已存在：" + username);
    }
    String password = AdminBootstrap.randomPassword();
    users.insert(
        username, displayName.strip(), encoder.encode(password), false, true, clock.instant());
    audit.append(
        AccessService.currentUser(),
        "USER_CREATED",
        "user:" + username,
        "新建用户「" + displayName.strip() + "」（" + username + "）");
    return password;
  }

  private static void requireAdmin() {
    if (!AccessService.currentIsAdmin()) {
      throw new AccessDeniedException("只有系统管理员可以管理用户");
    }
  }
}
