package dev.specgate.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps core free of front-end dependencies and its parser internals private. */
@AnalyzeClasses(
        packages = "dev.specgate.core",
        importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreHasNoCliWebOrLspDependency =
            noClasses()
                    .that()
                    .resideInAPackage("dev.specgate.core..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(
                            "picocli..",
                            "com.fasterxml.jackson..",
                            "io.javalin..",
                            "gg.jte..",
                            "org.eclipse.lsp4j..",
                            "dev.specgate.cli..");

    @ArchTest
    static final ArchRule parserInternalsAreUsedOnlyByTheParser =
            classes()
                    .that()
                    .resideInAPackage("dev.specgate.core.parse.internal..")
                    .should()
                    .onlyHaveDependentClassesThat()
                    .resideInAPackage("dev.specgate.core.parse..");

    @ArchTest
    static final ArchRule onlyTheParserUsesCommonmark =
            noClasses()
                    .that()
                    .resideOutsideOfPackage("dev.specgate.core.parse..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage("org.commonmark..");

    @ArchTest
    static final ArchRule modelDependsOnNothingButItselfAndPositions =
            classes()
                    .that()
                    .resideInAPackage("dev.specgate.core.model..")
                    .should()
                    .onlyDependOnClassesThat()
                    .resideInAnyPackage("java..", "dev.specgate.core", "dev.specgate.core.model..");
}
