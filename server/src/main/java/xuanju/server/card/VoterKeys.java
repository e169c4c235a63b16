package xuanju.server.card;

import java.util.OptionalLong;

/**
 * The check-in key of a registered voter (签到键): {@code v<registration id>}, as election day's
 * check-in ({@code voting_checkin.person_key}) stores it. Party members are {@code m<member id>}.
 */
public final class VoterKeys {
  private VoterKeys() {}

  /** The key of a registration. */
  public static String key(long registrationId) {
    return "v" + registrationId;
  }

  /** The registration a key names, if it is a registered voter's key. */
  public static OptionalLong registrationId(String key) {
    if (key == null || key.length() < 2 || key.charAt(0) != 'v') {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(key.substring(1)));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
