package xuanju.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.api.Test;

/**
 * Keeps core pure: no Spring, servlet, JDBC or persistence types; only the JDK, tyme4j and Choco
 * (in the slate package); no package cycles.
 */
class ArchitectureTest {
  private static final JavaClasses CORE =
      new ClassFileImporter()
          .withImportOption(ArchitectureTest::mainClassesOnly)
          .importPackages("xuanju.core");

  @Test
  void coreUsesNoFrameworkOrDatabaseTypes() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..",
            "jakarta.servlet..",
            "javax.servlet..",
            "java.sql..",
            "javax.sql..",
            "jakarta.persistence..",
            "org.hibernate..",
            "org.flywaydb..")
        .check(CORE);
  }

  /** The allow-list: the JDK, tyme4j (holidays) and Choco (the slate solver), nothing else. */
  @Test
  void coreDependsOnlyOnTheJdkTyme4jAndChoco() {
    classes()
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "xuanju.core..", "com.tyme..", "org.chocosolver..")
        .check(CORE);
  }

  @Test
  void onlyTheSlatePackageUsesTheSolver() {
    noClasses()
        .that()
        .resideOutsideOfPackage("xuanju.core.slate..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.chocosolver..")
        .check(CORE);
  }

  @Test
  void corePackagesHaveNoCycles() {
    SlicesRuleDefinition.slices()
        .matching("xuanju.core.(*)..")
        .should()
        .beFreeOfCycles()
        .check(CORE);
  }

  /** Main classes only, whatever the build folder is called (test classes live in test-classes). */
  private static boolean mainClassesOnly(com.tngtech.archunit.core.importer.Location location) {
    return !location.contains("/test-classes/");
  }
}
