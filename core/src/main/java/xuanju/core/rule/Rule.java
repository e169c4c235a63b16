package xuanju.core.rule;

/**
 * A rule the system applies (规则). Every rule has a stable code that is never renumbered or reused,
 * a severity, a Chinese message and its legal source.
 *
 * <p>Each capability keeps its rules in an enum implementing this interface (for example the
 * counting rules, the deadline rules); {@code xuanju.core.catalog.RuleCatalog} lists them all.
 *
 * <p>Codes take the form {@code REGIME.TOPIC.DETAIL}, upper case ASCII with dots and underscores,
 * e.g. {@code PARTY.QUORUM.4_5}.
 */
public interface Rule {
  /** The stable code, e.g. {@code PARTY.QUORUM.4_5}. */
  String code();

  Severity severity();

  /** The rule in one Chinese sentence, e.g. {@code 实到会有选举权的党员须超过应到会人数的五分之四}. */
  String messageZh();

  Citation citation();
}
