package xuanju.server.election.kind;

import xuanju.core.rule.Citation;
import xuanju.core.rule.Confidence;
import xuanju.core.rule.Rule;
import xuanju.core.rule.Severity;

/** The plan-check rules of the 乡镇人民代表大会代表选举 (乡镇人大代表选举方案核对规则). */
public enum TownPeoplesCongressRule implements Rule {
  /** 选民登记尚未完成，无法核对选民人数：方案须待选民登记完成后方可报送. */
  VOTER_REGISTER_PENDING(
      "NPC.PLAN.VOTER_REGISTER_PENDING",
      Severity.ERROR,
      "选民登记尚未完成，无法核对选民人数，方案暂不能报送",
      Citation.of("中华人民共和国全国人民代表大会和地方各级人民代表大会选举法（第七章 选民登记）", "", "", Confidence.I));

  private final String code;
  private final Severity severity;
  private final String messageZh;
  private final Citation citation;

  TownPeoplesCongressRule(String code, Severity severity, String messageZh, Citation citation) {
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
