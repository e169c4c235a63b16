package xuanju.core.district;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Keeps the rule-code table of {@code docs/formats/apportion.md} in step with {@link DistrictRule}.
 */
class ApportionDocTest {
  static final Path DOC = Path.of("..", "docs", "formats", "apportion.md");

  @Test
  void everyCodeIsListedWithItsSeverityAndConfidence() throws Exception {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    for (DistrictRule r : DistrictRule.values()) {
      String row =
          doc.lines()
              .filter(l -> l.startsWith("| `" + r.code() + "` |"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no row for " + r.code()));
      assertThat(row).as(r.code()).startsWith("| `" + r.code() + "` | " + r.severity() + " |");
      assertThat(row).as(r.code()).endsWith("| " + r.citation().confidence() + " |");
      assertThat(row).as(r.code()).contains(r.citation().article());
    }
  }
}
