package xuanju.server.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import org.junit.jupiter.api.Test;
import xuanju.core.catalog.RuleCatalog;
import xuanju.core.rule.Rule;

/**
 * Every rule of core and server together: unique, well-formed codes with a Chinese message and
 * source.
 */
class RuleRegistryTest {
  @Test
  void coreAndServerRulesTogetherAreUniqueAndComplete() {
    var registry = new RuleRegistry();
    assertThat(registry.all().size()).isGreaterThan(RuleCatalog.all().size());
    var seen = new HashSet<String>();
    for (Rule r : registry.all()) {
      assertThat(seen.add(r.code())).as("duplicate rule code %s", r.code()).isTrue();
      assertThat(r.code()).matches("[A-Z0-9_]+(\\.[A-Z0-9_]+){1,4}");
      assertThat(r.messageZh()).matches(".*\\p{IsHan}.*");
      assertThat(r.citation().document()).isNotBlank();
    }
  }

  @Test
  void serverCapabilitiesAreFoundWithoutRegistration() {
    assertThat(RuleRegistry.serverRules())
        .extracting(r -> r.getClass().getPackageName())
        .contains("xuanju.server.plan", "xuanju.server.attendance", "xuanju.server.nomination");
  }
}
