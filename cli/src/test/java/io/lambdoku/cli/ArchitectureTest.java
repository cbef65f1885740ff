package io.lambdoku.cli;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The module arrows of design.md §1: core depends on nothing of ours nor on any SDK, SQLite or picocli. */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // the aws test-jar (moto helpers, conformance targets) is on this module's test classpath
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("io.lambdoku");

    @Test
    void coreDependsOnNoBackendNoCliAndNoInfrastructure() {
        noClasses().that().resideInAPackage("io.lambdoku.core..")
                .should().dependOnClassesThat().resideInAnyPackage("io.lambdoku.local..", "io.lambdoku.aws..",
                        "io.lambdoku.cli..", "software.amazon..", "org.sqlite..", "java.sql..", "picocli..")
                .check(classes);
    }

    /** core reads JSON files (lambdoku.json, plan files) with jackson's streaming parser and jackson-jr, nothing heavier. */
    @Test
    void coreReadsJsonWithJacksonCoreAndJacksonJrOnly() {
        noClasses().that().resideInAPackage("io.lambdoku.core..")
                .should().dependOnClassesThat(resideInAPackage("com.fasterxml..")
                        .and(not(resideInAnyPackage("com.fasterxml.jackson.core..", "com.fasterxml.jackson.jr.."))))
                .check(classes);
    }

    /**
     * cli holds no deploy logic: of the packages that read, build, plan and apply it uses only the entry
     * points a second front end (the dashboard, the reactor) would use too; the steps behind them
     * (Deployer, DeployPlan, HandlerCheck, zipping, substitution…) are the engine's own.
     */
    @Test
    void cliUsesTheDeployEngineOnlyThroughItsEntryPoints() {
        Set<String> entryPoints = Set.of(
                "io.lambdoku.core.code.PackageBuilder", "io.lambdoku.core.code.PackageSpec", "io.lambdoku.core.code.Zips",
                "io.lambdoku.core.deploy.Manifest", "io.lambdoku.core.deploy.ManifestReader",
                "io.lambdoku.core.deploy.DeployerPolicy", "io.lambdoku.core.deploy.DeployerPolicy$Scope",
                "io.lambdoku.core.deploy.DeployerPolicy$Result", "io.lambdoku.core.code.S3Package",
                "io.lambdoku.core.plan.Engine", "io.lambdoku.core.plan.Engine$Options", "io.lambdoku.core.plan.Targets",
                "io.lambdoku.core.plan.Targets$Request", "io.lambdoku.core.plan.Target", "io.lambdoku.core.plan.Plan",
                "io.lambdoku.core.plan.FunctionPlan", "io.lambdoku.core.plan.ResourceChange",
                "io.lambdoku.core.plan.ResourceChange$Action", "io.lambdoku.core.plan.Applied",
                "io.lambdoku.core.plan.PlanFile", "io.lambdoku.core.plan.PlanFile$Saved", "io.lambdoku.core.plan.Parallel",
                "io.lambdoku.core.plan.Parallel$Attempt", "io.lambdoku.core.plan.StalePlanException");
        noClasses().that().resideInAPackage("io.lambdoku.cli..")
                .should().dependOnClassesThat(resideInAnyPackage("io.lambdoku.core.code..", "io.lambdoku.core.deploy..",
                        "io.lambdoku.core.plan..").and(not(DescribedPredicate.describe("an entry point",
                        (JavaClass c) -> entryPoints.contains(c.getName())))))
                .check(classes);
    }

    @Test
    void localKnowsNothingOfTheCli() {
        noClasses().that().resideInAPackage("io.lambdoku.local..")
                .should().dependOnClassesThat().resideInAnyPackage("io.lambdoku.cli..", "io.lambdoku.aws..", "picocli..")
                .check(classes);
    }

    @Test
    void awsKnowsNothingOfTheCliNorTheLocalBackend() {
        noClasses().that().resideInAPackage("io.lambdoku.aws..")
                .should().dependOnClassesThat().resideInAnyPackage("io.lambdoku.cli..", "io.lambdoku.local..", "picocli..",
                        "org.sqlite..")
                .check(classes);
    }

    @Test
    void backendsKnowNothingOfReleasesOrPipelines() {
        noClasses().that().resideInAnyPackage("io.lambdoku.local..", "io.lambdoku.aws..")
                .should().dependOnClassesThat().resideInAnyPackage("io.lambdoku.core.release..",
                        "io.lambdoku.core.pipeline..", "io.lambdoku.core.config..", "io.lambdoku.core.app..")
                .check(classes);
    }
}
