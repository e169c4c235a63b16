package xuanju.server.election.kind;

import xuanju.core.rule.Citation;
import xuanju.core.rule.Confidence;
import xuanju.core.rule.Rule;
import xuanju.core.rule.Severity;

/** The plan-check rules of the 居民委员会选举 (居民委员会选举方案核对规则). */
public enum ResidentsCommitteeRule implements Rule {
  /** 选民登记尚未完成，无法核对选民人数：方案须待选民登记完成后方可报送. */
  VOTER_REGISTER_PENDING(
      "RESIDENTS.PLAN.VOTER_REGISTER_PENDING",
      Severity.ERROR,
      "选民登记尚未完成，无法核对选民人数，方案暂不能报送",
      Citation.of("中华人民共和国城市居民委员会组织法", "第八条", "", Confidence.VP));

  private final String code;
  private final Severity severity;
  private final String messageZh;
  private final Citation citation;

  ResidentsCommitteeRule(String code, Severity severity, String messageZh, Citation citation) {
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
