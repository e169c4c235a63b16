package xuanju.server.web;

/**
 * The answer when the database cannot do a request now (数据库暂时繁忙): a lock was not granted in time or
 * the database is unreachable. The request's transaction was rolled back.
 */
public final class DatabaseBusy {
  /** Chinese message shown on pages and returned by the API (HTTP 503). */
  public static final String MESSAGE = "数据库暂时繁忙，本次操作未保存，请稍后重试（重复提交同一张选票不会重复计入）";

  private DatabaseBusy() {}

  /**
   * What the log says about the failure: exception classes and SQL states only. The database's
   * message can quote the statement's parameters (a ballot's client id and marks), which must not
   * reach the log.
   */
  public static String describe(Throwable e) {
    StringBuilder sb = new StringBuilder(e.getClass().getSimpleName());
    for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
      sb.append(" ← ").append(c.getClass().getSimpleName());
      if (c instanceof java.sql.SQLException q && q.getSQLState() != null) {
        sb.append("(SQLState ").append(q.getSQLState()).append(')');
      }
    }
    return sb.toString();
  }
}
