package xuanju.server.security;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The person behind an account as pages show them (账户对应的姓名): the account's display name, never the
 * login name (pages and printed documents name people, not accounts). Templates call it as {@code
 * ${@userNames.of(login)}}.
 */
@Component("userNames")
public class UserNames {
  private final JdbcTemplate jdbc;

  public UserNames(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The display name of {@code login}; "" for none (e.g. a released entry), "（账户已删除）" if there is
   * no such account.
   */
  public String of(String login) {
    if (login == null || login.isBlank()) {
      return "";
    }
    List<String> names =
        jdbc.queryForList(
            "SELECT display_name FROM app_user WHERE username = ?", String.class, login);
    if (names.isEmpty()) {
      return "（账户已删除）";
    }
    String n = names.get(0);
    return n == null || n.isBlank() ? "（未填姓名）" : n;
  }
}
