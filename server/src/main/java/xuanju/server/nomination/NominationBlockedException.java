package xuanju.server.nomination;

import java.util.List;
import java.util.stream.Collectors;
import xuanju.core.rule.Finding;

/**
 * A nomination step refused by a rule (操作被规则阻止): nothing was written. The message lists each
 * finding in Chinese with its rule code in brackets, e.g. {@code 初步人选至少7名，现有6名（…）
 * [PARTY.MARGIN.PRELIMINARY]}. An {@link IllegalStateException}, so the API answers 409.
 */
public class NominationBlockedException extends IllegalStateException {
  private static final long serialVersionUID = 1L;
  private final transient List<Finding> findings;

  public NominationBlockedException(List<Finding> findings) {
    super(describe(findings));
    this.findings = List.copyOf(findings);
  }

  public List<Finding> findings() {
    return findings;
  }

  public List<String> codes() {
    return findings.stream().map(Finding::code).toList();
  }

  static String describe(List<Finding> findings) {
    return findings.stream()
        .map(f -> f.messageZh() + " [" + f.code() + "]")
        .collect(Collectors.joining("；"));
  }
}
