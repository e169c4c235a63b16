package xuanju.server.security;

/**
 * The password rule (密码规则): 10 to 64 characters with letters and digits. The upper limit keeps the
 * password within BCrypt's 72 bytes (64 characters of up to 3 bytes in UTF-8 may exceed it, so the
 * bytes are checked too).
 */
public final class PasswordPolicy {
  /** The most characters a password may have. */
  public static final int MAX_LENGTH = 64;

  private PasswordPolicy() {}

  /** A Chinese description of what is wrong with the password, or null if it is acceptable. */
  public static String problem(String password) {
    if (password == null || password.length() < 10) {
      return "新密码至少需要10个字符";
    }
    if (password.length() > MAX_LENGTH
        || password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72) {
      return "新密码不能超过" + MAX_LENGTH + "个字符（汉字等按多个字符计）";
    }
    boolean letter = password.chars().anyMatch(Character::isLetter);
    boolean digit = password.chars().anyMatch(Character::isDigit);
    if (!letter || !digit) {
      return "新密码须同时包含字母和数字";
    }
    return null;
  }
}
