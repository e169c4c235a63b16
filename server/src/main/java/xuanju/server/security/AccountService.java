package xuanju.server.security;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.server.audit.AuditLog;

/**
 * Accounts (账户): loading users for login, password change. Repeated failures are throttled per
 * client, not per account ({@link LoginThrottle}): an account is never locked for everybody.
 */
@Service
public class AccountService implements UserDetailsService {
  private final UserRepository users;
  private final PasswordEncoder encoder;
  private final AuditLog audit;
  private final LoginThrottle throttle;

  public AccountService(
      UserRepository users, PasswordEncoder encoder, AuditLog audit, LoginThrottle throttle) {
    this.users = users;
    this.encoder = encoder;
    this.audit = audit;
    this.throttle = throttle;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    UserAccount u =
        users.findByUsername(username).orElseThrow(() -> new UsernameNotFoundException("用户名或密码错误"));
    // no account lock: failures are throttled per client (LoginThrottle, LoginThrottleFilter)
    return User.withUsername(u.username())
        .password(u.passwordHash())
        .roles(u.admin() ? new String[] {"ADMIN", "USER"} : new String[] {"USER"})
        .disabled(!u.enabled())
        .build();
  }

  @EventListener
  @Transactional
  public void onFailure(AuthenticationFailureBadCredentialsEvent e) {
    String name = String.valueOf(e.getAuthentication().getPrincipal());
    String from = client(e.getAuthentication().getDetails());
    if (from != null) {
      // counted for any typed name, so that the throttle does not tell which accounts exist
      throttle.failed(from, name);
    }
    if (users.findByUsername(name).isPresent()) {
      audit.append(
          name, "LOGIN_FAILED", "user:" + name, "登录失败（密码错误）" + (from == null ? "" : "，来自 " + from));
    }
  }

  @EventListener
  @Transactional
  public void onSuccess(AuthenticationSuccessEvent e) {
    String name = e.getAuthentication().getName();
    users.recordSuccess(name);
    String from = client(e.getAuthentication().getDetails());
    if (from != null) {
      throttle.succeeded(from, name);
    }
  }

  /** The client address of a form sign-in, or null for other authentications. */
  private static String client(Object details) {
    return details instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
  }

  /** Whether the user must change the password before doing anything else. */
  public boolean mustChangePassword(String username) {
    return users.findByUsername(username).map(UserAccount::mustChangePassword).orElse(false);
  }

  /**
   * Changes a user's password (修改密码).
   *
   * @throws IllegalArgumentException with a Chinese message when the current password is wrong or
   *     the new one is too weak
   */
  @Transactional
  public void changePassword(String username, String current, String next, String repeat) {
    UserAccount u = users.findByUsername(username).orElseThrow();
    // BCrypt reads at most 72 bytes (and refuses more): a longer one cannot be the current password
    if (current == null
        || current.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72
        || !encoder.matches(current, u.passwordHash())) {
      throw new IllegalArgumentException("当前密码不正确");
    }
    String problem = PasswordPolicy.problem(next);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    if (!next.equals(repeat)) {
      throw new IllegalArgumentException("两次输入的新密码不一致");
    }
    if (!users.updatePassword(u.id(), u.version(), encoder.encode(next))) {
      throw new IllegalStateException("账户已被他人修改，请重新操作");
    }
    audit.append(username, "PASSWORD_CHANGED", "user:" + username, "修改了登录密码");
  }
}
