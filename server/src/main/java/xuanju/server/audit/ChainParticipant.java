package xuanju.server.audit;

/**
 * A table kept under the audit key besides the chain itself (受审计链密钥保护的数据), e.g. the ballot records.
 * When the key is introduced, rotated or replaced, the participant brings its rows under the new
 * key and may record baseline events (e.g. the digest of every ballot stack settled so far), all in
 * the same transaction as the key's event.
 */
public interface ChainParticipant {
  /** Appends an event signed with the new key, as {@code system}. */
  @FunctionalInterface
  interface Appender {
    void append(String action, String subject, String summary);
  }

  /**
   * The key changed.
   *
   * @param oldKey the previous key when it is at hand (rotation), else null (introduction, or a
   *     lost key replaced)
   * @param newKey the key from now on
   * @param appender records events signed with the new key
   */
  void keyChanged(AuditKeys.Key oldKey, AuditKeys.Key newKey, Appender appender);
}
