package dev.specgate.cli;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layers of every module on the command line's class path (core, report, web, lsp, mcp, cli):
 * no package cycles anywhere, core free of the surfaces, internals private to their module, and the
 * rule classes known only to the registry.
 */
@AnalyzeClasses(packages = "dev.specgate", importOptions = ImportOption.DoNotIncludeTests.class)
class LayersTest {

    @ArchTest
    static final ArchRule noPackageCycles =
            slices().matching("dev.specgate.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule coreKnowsNoSurface =
            noClasses()
                    .that()
                    .resideInAPackage("dev.specgate.core..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(
                            "dev.specgate.cli..",
                            "dev.specgate.web..",
                            "dev.specgate.report..",
                            "dev.specgate.lsp..",
                            "dev.specgate.mcp..",
                            "dev.specgate.maven..");

    @ArchTest
    static final ArchRule reportAndWebKnowOnlyCore =
            noClasses()
                    .that()
                    .resideInAnyPackage("dev.specgate.report..", "dev.specgate.web..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage("dev.specgate.cli..", "dev.specgate.lsp..", "picocli..");

    @ArchTest
    static final ArchRule theLanguageServerKnowsOnlyCore =
            noClasses()
                    .that()
                    .resideInAPackage("dev.specgate.lsp..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(
                            "dev.specgate.cli..",
                            "dev.specgate.report..",
                            "dev.specgate.web..",
                            "picocli..");

    @ArchTest
    static final ArchRule mcpKnowsOnlyCoreAndReport =
            noClasses()
                    .that()
                    .resideInAPackage("dev.specgate.mcp..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage("dev.specgate.cli..", "dev.specgate.web..", "picocli..");

    @ArchTest
    static final ArchRule webInternalsStayInWeb =
            classes()
                    .that()
                    .resideInAPackage("dev.specgate.web.internal..")
                    .should()
                    .onlyHaveDependentClassesThat()
                    .resideInAPackage("dev.specgate.web..");

    @ArchTest
    static final ArchRule coreInternalsStayInCore =
            classes()
                    .that()
                    .resideInAPackage("dev.specgate.core..internal..")
                    .should()
                    .onlyHaveDependentClassesThat()
                    .resideInAPackage("dev.specgate.core..");

    @ArchTest
    static final ArchRule onlyTheRegistryKnowsRuleClasses =
            classes()
                    .that()
                    .resideInAnyPackage(
                            "dev.specgate.core.rules.structure..",
                            "dev.specgate.core.rules.placeholder..",
                            "dev.specgate.core.rules.fields..",
                            "dev.specgate.core.rules.checklist..",
                            "dev.specgate.core.rules.links..",
                            "dev.specgate.core.rules.layout..",
                            "dev.specgate.core.rules.tasks..",
                            "dev.specgate.core.rules.input..")
                    .should()
                    .onlyHaveDependentClassesThat()
                    .resideInAnyPackage(
                            "dev.specgate.core.rules..", "dev.specgate.core.rules.registry..");

    @ArchTest
    static final ArchRule onlyTheFacadeBuildsCheckersAndDiscovery =
            noClasses()
                    .that()
                    .resideOutsideOfPackages("dev.specgate.core..")
                    .should()
                    .dependOnClassesThat()
                    .haveFullyQualifiedName("dev.specgate.core.check.SpecChecker$Builder")
                    .orShould()
                    .dependOnClassesThat()
                    .haveFullyQualifiedName("dev.specgate.core.discovery.ConfiguredDiscovery")
                    .orShould()
                    .dependOnClassesThat()
                    .haveFullyQualifiedName("dev.specgate.core.config.ConfigLoader");

    /**
     * A fix reaches a spec only through the façade (a run with fixing on, {@code
     * SpecProject.fixes}), which withholds the fixes that would void an approval: no surface, and
     * no other part of core, calls {@code SpecFixer.fix} itself.
     */
    @ArchTest
    static final ArchRule fixesGoThroughTheFacade =
            noClasses()
                    .that()
                    .resideOutsideOfPackages(
                            "dev.specgate.core.project..", "dev.specgate.core.fix..")
                    .should()
                    .callMethodWhere(
                            target(owner(name("dev.specgate.core.fix.SpecFixer")))
                                    .and(target(name("fix"))));
}
