package xuanju.core.rule;

/**
 * How sure we are of a rule's legal text (依据可信度), following the tags of the legal research notes.
 */
public enum Confidence {
  /** Verbatim: the article's own text was read. */
  V,
  /** Paraphrased copy: article numbers intact, exact wording unverified. */
  VP,
  /** Secondary: a handbook, official Q&A or local document states it. */
  S,
  /** Inferred: an engineering interpretation that needs legal review. */
  I,
  /** Taken from a local election plan (选举工作方案) rather than a law. */
  PLAN
}
