package xuanju.core.recall;

/**
 * The result of a recall check (罢免结果).
 *
 * @param petitionValid whether the petition met its threshold (true when not checked)
 * @param passed whether the recall vote passed
 */
public record RecallResult(boolean petitionValid, boolean passed) {}
