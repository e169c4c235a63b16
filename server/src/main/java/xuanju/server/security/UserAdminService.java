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

  public UserAdminService(
      UserRepository users,
      PasswordEncoder encoder,
      AuditLog audit,
      Clock clock,
      JdbcTemplate jdbc) {
    this.users = users;
    this.encoder = encoder;
    this.audit = audit;
    this.clock = clock;
    this.jdbc = jdbc;
  }

  /** A user with a readable list of their roles. */
  public record UserRow(String username, String displayName, boolean admin, List<String> roles) {}

  @Transactional(readOnly = true)
  public List<UserRow> list() {
    requireAdmin();
    return jdbc.query(
        "SELECT username, display_name, is_admin FROM app_user ORDER BY id",
        (rs, i) ->
            new UserRow(
                rs.getString(1),
                rs.getString(2),
                rs.getBoolean(3),
                jdbc.query(
                    "SELECT o.name, g.role FROM role_grant g JOIN app_user u ON u.id = g.user_id"
                        + " JOIN organisation o ON o.id = g.organisation_id WHERE u.username = ?"
                        + " ORDER BY g.id",
                    (r2, j) ->
                        r2.getString(1)
                            + "："
                            + xuanju.server.access.Role.valueOf(r2.getString(2)).labelZh(),
                    rs.getString(1))));
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
