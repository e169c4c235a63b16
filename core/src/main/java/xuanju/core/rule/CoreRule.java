package xuanju.core.rule;

/** Rules about input and profiles that every capability shares (通用规则). */
public enum CoreRule implements Rule {
  PROFILE_OVERRIDE_UNKNOWN(
      "PROFILE.OVERRIDE.UNKNOWN",
      Severity.ERROR,
      "本地方案覆盖了规则配置中不存在的参数",
      Citation.of("选举工作方案（本地方案）", "", "", Confidence.PLAN)),
  PROFILE_OVERRIDE_APPLIED(
      "PROFILE.OVERRIDE.APPLIED",
      Severity.NOTICE,
      "本次选举按本地方案调整了规则参数",
      Citation.of("选举工作方案（本地方案）", "", "", Confidence.PLAN));

  private final String code;
  private final Severity severity;
  private final String messageZh;
  private final Citation citation;

  CoreRule(String code, Severity severity, String messageZh, Citation citation) {
    this.code = code;
    this.severity = severity;
    this.messageZh = messageZh;
    this.citation = citation;
  }

  @Override
  public String code() {
    return code;
  }

  @Override
  public Severity severity() {
    return severity;
  }

  @Override
  public String messageZh() {
    return messageZh;
  }

  @Override
  public Citation citation() {
    return citation;
  }
}
