package xuanju.server.web;

/**
 * The answer when the database cannot do a request now (数据库暂时繁忙): a lock was not granted in time or
 * the database is unreachable. The request's transaction was rolled back.
 */
public final class DatabaseBusy {
  /** Chinese message shown on pages and returned by the API (HTTP 503). */
  public static final String MESSAGE = "数据库暂时繁忙，本次操作未保存，请稍后重试（重复提交同一张选票不会重复计入）";

  private DatabaseBusy() {}
}
