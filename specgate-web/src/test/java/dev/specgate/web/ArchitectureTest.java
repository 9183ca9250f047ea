package dev.specgate.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The web module's layering: core only below it; one adapter reads core's model. */
class ArchitectureTest {

    private final JavaClasses classes =
            new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("dev.specgate.web");

    @Test
    void webDependsOnCoreOnlyNeverOnTheCommandLine() {
        noClasses()
                .that()
                .resideInAPackage("dev.specgate.web..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.specgate.cli..", "picocli..")
                .check(classes);
    }

    @Test
    void viewsAndTemplatesNeverReadCoresModel() {
        noClasses()
                .that()
                .resideInAnyPackage("dev.specgate.web.view..", "dev.specgate.web.templates..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.specgate.core..")
                .check(classes);
    }

    @Test
    void onlyTheAdapterReadsCoresDocumentModelAndRules() {
        noClasses()
                .that()
                .resideInAPackage("dev.specgate.web..")
                .and()
                .doNotHaveFullyQualifiedName("dev.specgate.web.internal.CoreAdapter")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.specgate.core.model..",
                        "dev.specgate.core.rules..",
                        "dev.specgate.core.parse..",
                        "dev.specgate.core.input..",
                        "dev.specgate.core.schema..")
                .check(classes);
    }
}
