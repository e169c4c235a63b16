package xuanju.server.security;

import java.security.SecureRandom;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import xuanju.server.audit.AuditLog;

/**
 * First-run set-up of the administrator (首次运行创建管理员). There is no built-in default password: the
 * password comes from {@code XUANJU_ADMIN_PASSWORD}, or a random one is generated and printed once
 * on the console (never into the log file). Either way it must be changed at the first login
 * ({@link PasswordChangeInterceptor}): a password from the environment may sit in a service file, a
 * shell history or the process environment, so it is an initial password like a generated one.
 */
@Component
@Order(0)
public class AdminBootstrap implements ApplicationRunner {
  private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);
  private static final String ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

  private final UserRepository users;
  private final PasswordEncoder encoder;
  private final AuditLog audit;
  private final Clock clock;
  private final String username;
  private final String initialPassword;
  private final boolean commandMode;

  public AdminBootstrap(
      UserRepository users,
      PasswordEncoder encoder,
      AuditLog audit,
      Clock clock,
      @Value("${xuanju.admin.username:admin}") String username,
      @Value("${xuanju.admin.initial-password:}") String initialPassword,
      @Value("${xuanju.mode:serve}") String mode) {
    this.users = users;
    this.encoder = encoder;
    this.audit = audit;
    this.clock = clock;
    this.username = username;
    this.initialPassword = initialPassword;
    this.commandMode = "command".equals(mode);
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (commandMode || users.count() > 0) {
      return;
    }
    boolean generated = initialPassword == null || initialPassword.isBlank();
    String password = generated ? randomPassword() : initialPassword;
    if (!generated && PasswordPolicy.problem(password) != null) {
      throw new IllegalStateException(
          "XUANJU_ADMIN_PASSWORD 不符合密码规则：" + PasswordPolicy.problem(password));
    }
    // must change at the first login, whether generated or from XUANJU_ADMIN_PASSWORD
    users.insert(username, "系统管理员", encoder.encode(password), true, true, clock.instant());
    audit.append("system", "ADMIN_CREATED", "user:" + username, "首次运行，创建系统管理员账户");
    if (generated) {
      // Printed on the console only, once; the log file never holds it.
      System.out.println();
      System.out.println("==============================================================");
      System.out.println(" 首次运行：已创建系统管理员账户");
      System.out.println("   用户名：" + username);
      System.out.println("   初始密码：" + password);
      System.out.println(" 此密码只显示这一次。首次登录后须修改密码。");
      System.out.println("==============================================================");
      System.out.println();
      LOG.info("已创建系统管理员账户 {}（随机初始密码已显示在控制台）", username);
    } else {
      LOG.info("已按 XUANJU_ADMIN_PASSWORD 创建系统管理员账户 {}（首次登录后须修改密码）", username);
    }
  }

  static String randomPassword() {
    SecureRandom r = new SecureRandom();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      sb.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
    }
    // guarantee the policy (letters and digits)
    sb.setCharAt(r.nextInt(8), (char) ('2' + r.nextInt(8)));
    sb.setCharAt(8 + r.nextInt(8), (char) ('a' + r.nextInt(26)));
    return sb.toString();
  }
}
