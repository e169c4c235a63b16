package xuanju.core.outcome;

import xuanju.core.rule.InvalidInputException;

/**
 * The recorded consent to reduce seats instead of a further round (减少名额的同意记录).
 *
 * @param agreed electors who agreed
 * @param electors electors with a vote present (the base)
 * @param presidiumDecision whether the 主席团 decided it (代表大会)
 * @param recordZh where it is recorded, e.g. 会议记录第3页
 */
public record Consent(long agreed, long electors, boolean presidiumDecision, String recordZh) {
  public Consent {
    if (agreed < 0 || electors < 0 || agreed > electors) {
      throw new InvalidInputException("consent.agreed", "同意人数应在0与选举人数之间");
    }
    recordZh = recordZh == null ? "" : recordZh;
  }
}
