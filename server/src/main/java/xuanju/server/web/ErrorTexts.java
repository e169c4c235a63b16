package xuanju.server.web;

/**
 * Chinese titles and explanations of HTTP error statuses (错误状态说明), for the error page, the JSON
 * error body of {@code /error} and Tomcat's own error reports ({@link ChineseErrorReportValve}).
 */
public final class ErrorTexts {
  private ErrorTexts() {}

  /** A short title, e.g. 请求有误. */
  public static String title(int status) {
    return switch (status) {
      case 400 -> "请求有误";
      case 401 -> "尚未登录";
      case 403 -> "没有权限访问此页面";
      case 404 -> "页面不存在";
      case 405 -> "不支持此请求方式";
      case 409 -> "当前不能进行此操作";
      case 413 -> "提交的内容过大";
      case 414 -> "网址过长";
      case 415 -> "不支持此请求内容类型";
      case 431 -> "请求头过大";
      case 503 -> "系统暂时繁忙";
      default -> status >= 500 ? "系统出错了" : "请求未能完成";
    };
  }

  /** One sentence saying what happened and what to do. */
  public static String explanation(int status) {
    return switch (status) {
      case 400 -> "请求的网址或内容不合规范（例如网址中含有编码的斜杠、点或分号），已被拒绝，未做任何更改。请从工作台重新进入。";
      case 401 -> "请先登录。";
      case 403 -> "您没有执行此操作的权限。";
      case 404 -> "要访问的页面或内容不存在，请检查网址。";
      case 405 -> "此网址不支持这种请求方式。";
      case 413 -> "提交的内容超过了大小上限。";
      case 414 -> "网址过长，已被拒绝。";
      case 415 -> "提交的内容类型不受支持。";
      case 431 -> "请求头过大，已被拒绝。";
      case 503 -> "系统暂时无法处理请求，请稍后重试。";
      default -> status >= 500 ? "请稍后重试；如问题持续，请联系系统管理员并告知发生时间。" : "请求未能完成，未做任何更改。";
    };
  }
}
