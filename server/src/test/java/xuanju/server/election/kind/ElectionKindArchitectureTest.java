package xuanju.server.election.kind;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import xuanju.server.election.ElectionKind;

/**
 * Behaviour that belongs to one election kind lives in its configuration ({@code election.kind}),
 * not in an {@code if (kind == …)} spread through services: no class outside {@code election} and
 * {@code demo} names an {@link ElectionKind} constant (a comparison, a switch or a lookup).
 */
class ElectionKindArchitectureTest {
  private static final Set<String> CONSTANTS =
      Arrays.stream(ElectionKind.values()).map(Enum::name).collect(Collectors.toSet());

  private static final DescribedPredicate<JavaFieldAccess> KIND_CONSTANT =
      DescribedPredicate.describe(
          "an ElectionKind constant",
          a ->
              a.getTargetOwner().isEquivalentTo(ElectionKind.class)
                  && CONSTANTS.contains(a.getName()));

  private static final ArchRule NO_KIND_CONSTANTS_OUTSIDE_ELECTION =
      noClasses()
          .that()
          .resideOutsideOfPackages("xuanju.server.election..", "xuanju.server.demo..")
          .should()
          .accessFieldWhere(KIND_CONSTANT)
          .because("选举类型的差异应由选举类型配置（election.kind）声明，而不是在各服务中判断类型");

  @Test
  void noServiceComparesElectionKindConstants() {
    JavaClasses main =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("xuanju.server");
    assertThat(main.contain(ElectionKind.class)).isTrue();
    NO_KIND_CONSTANTS_OUTSIDE_ELECTION.check(main);
  }

  @Test
  void theRuleSeesAConstantNamedOutsideElection() {
    // the plan test fixtures name ElectionKind.PARTY_BRANCH: the rule must report them
    JavaClasses fixtures =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
            .importPackages("xuanju.server.plan");
    assertThat(NO_KIND_CONSTANTS_OUTSIDE_ELECTION.evaluate(fixtures).hasViolation()).isTrue();
  }
}
