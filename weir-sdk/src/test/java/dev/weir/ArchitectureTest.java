package dev.weir;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the SDK's dependencies honest: what a flow author depends on must not pull in the server. */
class ArchitectureTest {

    private static final JavaClasses SDK = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.weir");

    @Test
    void theSdkNeverDependsOnServerCode() {
        noClasses().should().dependOnClassesThat().resideInAPackage("dev.weir.server..")
                .allowEmptyShould(false)
                .check(SDK);
    }

    @Test
    void theSdkNeverDependsOnJdbcOrAnHttpServer() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("java.sql..", "javax.sql..", "io.javalin..", "org.eclipse.jetty..")
                .check(SDK);
    }

    @Test
    void theBuildingBlocksAndTheSharedModelDoNotReachIntoTheEngine() {
        noClasses().that().resideInAnyPackage("dev.weir.state..", "dev.weir.run..", "dev.weir.orchestrator..",
                        "dev.weir.core..", "dev.weir.result..", "dev.weir.cache..", "dev.weir.schema..",
                        "dev.weir.validation..")
                .should().dependOnClassesThat().resideInAPackage("dev.weir.internal..")
                .check(SDK);
    }
}
