package xuanju.server.card;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import xuanju.server.keys.KeyFiles;

/**
 * The text in a voter card's QR code (选民证二维码): {@code XJ1-<election>-<district>-<voter no>-<mac>},
 * the ids in base 36 and the mac the first 80 bits of HMAC-SHA256 over the rest, in base 32, all
 * upper case (QR alphanumeric mode, a small code). It carries no ID number or name: the check-in
 * look-up finds the registration by (district, voter number) and refuses a code whose mac does not
 * verify (a forged or altered card). The key is the installation's {@code voter-card} key file
 * ({@link KeyFiles}), outside the database; losing it only means reprinting cards.
 */
@Component
public class VoterCardToken {
  static final String KEY_NAME = "voter-card";
  private static final String PREFIX = "XJ1";
  private static final Pattern FORMAT =
      Pattern.compile("XJ1-([0-9A-Z]{1,13})-([0-9A-Z]{1,13})-([0-9A-Z]{1,7})-([A-Z2-7]{16})");
  private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

  private final KeyFiles keys;
  private volatile byte[] key;

  public VoterCardToken(KeyFiles keys) {
    this.keys = keys;
  }

  /** What a card's code names. */
  public record Card(long electionId, long districtId, int voterNo) {}

  /** The code for a card. */
  public String encode(long electionId, long districtId, int voterNo) {
    String body =
        PREFIX
            + "-"
            + Long.toString(electionId, 36).toUpperCase(Locale.ROOT)
            + "-"
            + Long.toString(districtId, 36).toUpperCase(Locale.ROOT)
            + "-"
            + Integer.toString(voterNo, 36).toUpperCase(Locale.ROOT);
    return body + "-" + mac(body);
  }

  /** The card a code names, if it is well formed and its mac verifies; else empty. */
  public Optional<Card> decode(String code) {
    if (code == null) {
      return Optional.empty();
    }
    Matcher m = FORMAT.matcher(code.strip().toUpperCase(Locale.ROOT));
    if (!m.matches()) {
      return Optional.empty();
    }
    String body = PREFIX + "-" + m.group(1) + "-" + m.group(2) + "-" + m.group(3);
    byte[] expected = mac(body).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, m.group(4).getBytes(StandardCharsets.US_ASCII))) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new Card(
              Long.parseLong(m.group(1), 36),
              Long.parseLong(m.group(2), 36),
              Integer.parseInt(m.group(3), 36)));
    } catch (NumberFormatException tooLarge) {
      return Optional.empty();
    }
  }

  private String mac(String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key(), "HmacSHA256"));
      byte[] h = mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
      return base32(h, 10);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private byte[] key() {
    byte[] k = key;
    if (k == null) {
      k = keys.loadOrCreate(KEY_NAME);
      key = k;
    }
    return k;
  }

  /** The first {@code bytes} bytes (a multiple of 5) in RFC 4648 base 32 without padding. */
  static String base32(byte[] h, int bytes) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < bytes; i += 5) {
      long v = 0;
      for (int j = 0; j < 5; j++) {
        v = (v << 8) | (h[i + j] & 0xFF);
      }
      for (int j = 7; j >= 0; j--) {
        out.append(BASE32[(int) ((v >>> (5 * j)) & 31)]);
      }
    }
    return out.toString();
  }
}
