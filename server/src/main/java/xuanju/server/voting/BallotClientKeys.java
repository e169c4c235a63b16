package xuanju.server.voting;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import xuanju.server.keys.KeyFiles;

/**
 * The keyed hash of a ballot's idempotency key (选票提交编号摘要). The entry page gives every ballot a
 * random id ({@code clientId}) so that a resend is not counted twice; what the client sends could
 * be anything (a clerk once typed a voter's resident ID number), so it is never stored. {@code
 * ballot_record.client_id} holds HMAC-SHA256 of the id under the installation key {@value
 * #KEY_NAME} (a file outside the database, {@link KeyFiles}), only while the entry is open; {@link
 * EntryService#finishEntry} sets it to NULL. Without the key file the stored value says nothing
 * about the id; backups and archives leave it out altogether.
 */
@Component
public class BallotClientKeys {
  /** Name of the key file ({@code keys/ballot-id.key}). */
  public static final String KEY_NAME = "ballot-id";

  private static final String ALGORITHM = "HmacSHA256";

  private final byte[] key;

  /**
   * Loads (or creates) the key at start-up, so a missing or unwritable key folder shows at once.
   */
  public BallotClientKeys(KeyFiles keys) {
    this.key = keys.loadOrCreate(KEY_NAME);
  }

  /** The stored form of a client's ballot id: 64 hex digits, the same for the same id. */
  public String hash(String clientId) {
    return hash(key, clientId);
  }

  /** HMAC-SHA256 of the UTF-8 bytes of {@code clientId} under {@code key}, as hex. */
  public static String hash(byte[] key, String clientId) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
      return HexFormat.of().formatHex(mac.doFinal(clientId.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
