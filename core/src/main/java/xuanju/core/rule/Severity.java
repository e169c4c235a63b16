package xuanju.core.rule;

/**
 * How serious a rule finding is (严重程度).
 *
 * <p>{@link #ERROR} blocks a step or makes a result invalid; {@link #WARNING} must be acknowledged
 * and is recorded; {@link #NOTICE} is for information only.
 */
public enum Severity {
  ERROR,
  WARNING,
  NOTICE
}
