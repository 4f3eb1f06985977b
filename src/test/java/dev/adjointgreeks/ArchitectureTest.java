package dev.adjointgreeks;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaModifier.ABSTRACT;
import static com.tngtech.archunit.core.domain.properties.HasModifiers.Predicates.modifier;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import dev.adjointgreeks.model.PathModel;

/**
 * The layers of the main code and the dependencies they must not have, checked on the compiled
 * classes (test classes are not imported). From the bottom: {@code ad} (the tape and the scalars)
 * depends on nothing in the project; {@code closedform} on {@code ad} alone; models, products and
 * {@code libor} sit below the Monte Carlo code and the engine; {@code scenario} and {@code batch}
 * find models through their descriptors; only {@code cli} knows picocli and only {@code spark}
 * knows Spark. A package's subpackages count as part of it ({@code scenario.shock} is
 * {@code scenario}), and no two top-level packages reach each other.
 */
class ArchitectureTest {

    private static final String ROOT = "dev.adjointgreeks";
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages(ROOT);

    /** {@code dev.adjointgreeks.<name>} and its subpackages. */
    private static String pkg(String name) {
        return ROOT + "." + name + "..";
    }

    private static String[] pkgs(String... names) {
        String[] out = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            out[i] = pkg(names[i]);
        }
        return out;
    }

    /** A class of the project outside the given top-level packages. */
    private static DescribedPredicate<JavaClass> projectOutside(String... names) {
        return resideInAPackage(ROOT + "..").and(not(resideInAnyPackage(pkgs(names))))
                .as("classes of the project outside " + String.join(", ", names));
    }

    @Test
    void importsTheMainClasses() {
        // a rule over no classes passes whatever it says: make sure the import found the code
        if (MAIN.size() < 100 || MAIN.stream().anyMatch(c -> c.getSimpleName().endsWith("Test"))) {
            throw new AssertionError("expected the main classes only, imported " + MAIN.size());
        }
    }

    @Test
    void adDependsOnNothingInTheProject() {
        noClasses().that().resideInAPackage(pkg("ad"))
                .should().dependOnClassesThat(projectOutside("ad"))
                .check(MAIN);
    }

    @Test
    void closedFormDependsOnAdAlone() {
        noClasses().that().resideInAPackage(pkg("closedform"))
                .should().dependOnClassesThat(projectOutside("closedform", "ad"))
                .check(MAIN);
    }

    @Test
    void curveAndSurfaceDependOnAdAlone() {
        // market-data math sits just above ad: models read curves and surfaces, never the reverse
        noClasses().that().resideInAnyPackage(pkgs("curve", "surface"))
                .should().dependOnClassesThat(projectOutside("ad", "curve", "surface"))
                .check(MAIN);
    }

    @Test
    void crifAndSensitivityRowsKnowOnlyCurvesAndIo() {
        noClasses().that().resideInAnyPackage(pkgs("crif", "sensitivity"))
                .should().dependOnClassesThat(projectOutside("curve", "crif", "sensitivity", "io"))
                .check(MAIN);
    }

    @Test
    void productDoesNotDependOnEngineMonteCarloScenarioOrBatch() {
        noClasses().that().resideInAPackage(pkg("product"))
                .should().dependOnClassesThat().resideInAnyPackage(pkgs("engine", "mc", "scenario", "batch"))
                .check(MAIN);
    }

    @Test
    void productDoesNotDependOnClosedForm() {
        noClasses().that().resideInAPackage(pkg("product"))
                .should().dependOnClassesThat().resideInAPackage(pkg("closedform"))
                .check(MAIN);
    }

    @Test
    void nnDoesNotDependOnDemoScenarioOrBench() {
        noClasses().that().resideInAPackage(pkg("nn"))
                .should().dependOnClassesThat().resideInAnyPackage(pkgs("demo", "scenario", "bench"))
                .check(MAIN);
    }

    @Test
    void liborDoesNotDependOnBench() {
        noClasses().that().resideInAPackage(pkg("libor"))
                .should().dependOnClassesThat().resideInAPackage(pkg("bench"))
                .check(MAIN);
    }

    @Test
    void liborDoesNotDependOnScenario() {
        noClasses().that().resideInAPackage(pkg("libor"))
                .should().dependOnClassesThat().resideInAPackage(pkg("scenario"))
                .check(MAIN);
    }

    /** A model a scenario may name only through its descriptor: any class implementing {@link PathModel}. */
    private static final DescribedPredicate<JavaClass> CONCRETE_MODEL = assignableTo(PathModel.class)
            .and(not(JavaClass.Predicates.INTERFACES)).and(not(modifier(ABSTRACT)))
            .as("concrete models");

    @Test
    void theConcreteModelRuleSeesTheModels() {
        // the next rule would pass vacuously if the predicate matched nothing
        long models = MAIN.stream().filter(CONCRETE_MODEL).count();
        if (models < 5 || MAIN.stream().filter(CONCRETE_MODEL).noneMatch(c -> c.getSimpleName().equals("LiborMarket"))) {
            throw new AssertionError("concrete models found: " + models);
        }
    }

    @Test
    void scenarioDoesNotDependOnLiborOrAnyConcreteModel() {
        noClasses().that().resideInAPackage(pkg("scenario"))
                .should().dependOnClassesThat().resideInAPackage(pkg("libor"))
                .orShould().dependOnClassesThat(CONCRETE_MODEL)
                .check(MAIN);
    }

    @Test
    void onlyCliUsesPicocli() {
        noClasses().that().resideOutsideOfPackage(pkg("cli"))
                .should().dependOnClassesThat().resideInAPackage("picocli..")
                .check(MAIN);
    }

    @Test
    void engineScenarioAndBatchNeverDependOnCli() {
        noClasses().that().resideInAnyPackage(pkgs("engine", "scenario", "batch"))
                .should().dependOnClassesThat().resideInAPackage(pkg("cli"))
                .check(MAIN);
    }

    @Test
    void onlySparkUsesSpark() {
        noClasses().that().resideOutsideOfPackage(pkg("spark"))
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "scala..")
                .check(MAIN);
    }

    @Test
    void noCyclesBetweenTopLevelPackages() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(MAIN);
    }
}
