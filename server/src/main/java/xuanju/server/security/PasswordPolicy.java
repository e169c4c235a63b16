package xuanju.server.security;

/** The password rule (密码规则): at least 10 characters with letters and digits. */
public final class PasswordPolicy {
  private PasswordPolicy() {}

  /** A Chinese description of what is wrong with the password, or null if it is acceptable. */
  public static String problem(String password) {
    if (password == null || password.length() < 10) {
      return "新密码至少需要10个字符";
    }
    boolean letter = password.chars().anyMatch(Character::isLetter);
    boolean digit = password.chars().anyMatch(Character::isDigit);
    if (!letter || !digit) {
      return "新密码须同时包含字母和数字";
    }
    return null;
  }
}
