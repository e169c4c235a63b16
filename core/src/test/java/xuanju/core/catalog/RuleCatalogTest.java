package xuanju.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import xuanju.core.rule.CoreRule;
import xuanju.core.rule.Rule;

class RuleCatalogTest {
  @Test
  void codesAreUniqueWellFormedAndCarryChineseMessageAndSource() {
    Set<String> seen = new HashSet<>();
    assertThat(RuleCatalog.all()).isNotEmpty();
    for (Rule r : RuleCatalog.all()) {
      assertThat(seen.add(r.code())).as("duplicate code %s", r.code()).isTrue();
      assertThat(r.code()).as("code form").matches("[A-Z0-9_]+(\\.[A-Z0-9_]+){1,4}");
      assertThat(r.messageZh())
          .as("Chinese message of %s", r.code())
          .isNotBlank()
          .matches(".*\\p{IsHan}.*");
      assertThat(r.citation()).as("citation of %s", r.code()).isNotNull();
      assertThat(r.citation().document()).isNotBlank();
      assertThat(r.severity()).isNotNull();
    }
  }

  @Test
  void lookupByCode() {
    assertThat(RuleCatalog.byCode("PROFILE.OVERRIDE.UNKNOWN"))
        .contains(CoreRule.PROFILE_OVERRIDE_UNKNOWN);
    assertThat(RuleCatalog.byCode("NO.SUCH.CODE")).isEmpty();
  }
}
