package xuanju.server.backup;

/**
 * A backup file that cannot be restored, or a target that must not be overwritten (备份/恢复错误). The
 * message is Chinese and names the entry or table concerned; nothing has been written when it is
 * thrown.
 */
public class BackupException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public BackupException(String messageZh) {
    super(messageZh);
  }

  public BackupException(String messageZh, Throwable cause) {
    super(messageZh, cause);
  }
}
