package dev.specgate.core.layout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.schema.TemplateSchema;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The folders a project shares between features: the template's (read once per template) and the
 * spec's own entries', each template's answer its own when several are asked in turn (a portfolio
 * with a team template beside the built-in one).
 */
class SharedFoldersTest {

    /** A team's template: its features' code under {@code services/[feature-name]/}. */
    private static final TemplateSchema TEAM =
            TemplateSchema.derive(
                    "team-template.md",
                    """
                    # Technical Specification: [Feature Name]

                    **Document Status:** Draft | Review | Approved | Implementation
                    **Author:** [Name]

                    ## File Organization

                    - Service code: `services/[feature-name]/`
                    - Contract tests: `tests/contract/[feature-name]/` (if applicable)
                    """);

    /** An entry of a spec's File Organization, as written there (the spec's own shared folder). */
    private static LayoutEntry entry(String written) {
        return new LayoutEntry(
                "Implementation",
                "Käse-Export (Übersicht)",
                written,
                written.replace("[feature-name]", "käse-export"),
                LayoutEntry.Kind.DIRECTORY,
                false,
                12,
                3);
    }

    @Test
    void eachTemplateAskedInTurnGivesItsOwnFoldersAndTheSpecsOwn() {
        Set<String> builtin = SharedFolders.of(TemplateSchema.builtin(), List.of());
        Set<String> team = SharedFolders.of(TEAM, List.of(entry("lib\\Plugins\\[feature-name]\\")));
        Set<String> builtinAgain =
                SharedFolders.of(TemplateSchema.builtin(), List.of(entry("./web/[feature-name]/")));

        assertThat(builtin)
                .contains("src", "src/core", "src/api", "tests/unit", "docs/api")
                .doesNotContain("services", "lib");
        assertThat(team)
                .containsExactlyInAnyOrder(
                        "services", "tests", "tests/contract", "lib", "lib/plugins");
        // the spec's entry of one call is not kept for the next: the template's set is a copy
        assertThat(builtinAgain).containsAll(builtin).contains("web").doesNotContain("lib");
        assertThat(builtinAgain.size()).isEqualTo(builtin.size() + 1);
        assertThat(SharedFolders.of(TemplateSchema.builtin(), List.of())).isEqualTo(builtin);
    }
}
