package xuanju.core.rule;

/**
 * How sure we are of a rule's legal text (依据可信度), following the tags of the legal research notes.
 */
public enum Confidence {
  /** Verbatim: the article's own text was read. */
  V("原文"),
  /** Paraphrased copy: article numbers intact, exact wording unverified. */
  VP("转述"),
  /** Secondary: a handbook, official Q&A or local document states it. */
  S("二手资料"),
  /** Inferred: an engineering interpretation that needs legal review. */
  I("推断（待审核）"),
  /** Taken from a local election plan (选举工作方案) rather than a law. */
  PLAN("地方工作方案");

  private final String labelZh;

  Confidence(String labelZh) {
    this.labelZh = labelZh;
  }

  /** How the rule catalogue names it. */
  public String labelZh() {
    return labelZh;
  }
}
