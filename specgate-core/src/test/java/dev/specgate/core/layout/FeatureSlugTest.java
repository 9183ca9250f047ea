package dev.specgate.core.layout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.authoring.SpecScaffold;
import dev.specgate.core.schema.TemplateSchema;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FeatureSlugTest {

    /** MADR's template: front matter fields, no File field and so no file-name convention. */
    private static final TemplateSchema ADR =
            TemplateSchema.derive(
                    "adr-template.md",
                    """
                    ---
                    status: "{proposed | rejected | accepted | deprecated}"
                    date: {YYYY-MM-DD when the decision was last updated}
                    ---

                    # {short title of solved problem and solution}

                    ## Context and Problem Statement

                    {Describe the context and problem statement.}

                    ## Decision Outcome

                    Chosen option: "{title of option 1}", because {justification}.
                    """);

    @Test
    void theBuiltInTemplatesFileConventionGivesTheSlug() {
        assertThat(
                        FeatureSlug.of(
                                Path.of("directives/spec/2026-10-02_spec_webhook-retry-queue.md"),
                                TemplateSchema.builtin()))
                .isEqualTo("webhook-retry-queue");
    }

    @Test
    void aSpecNewNamedFromATemplateWithoutAFileFieldGivesItsSlugBack() {
        String name = new SpecScaffold(ADR).fileName(LocalDate.of(2026, 12, 5), "use-postgres");

        assertThat(name).isEqualTo("2026-12-05_spec_use-postgres.md");
        // tasks names its list <date>_task_<slug>.md from this: not ..._task_2026-12-05_spec_...
        assertThat(FeatureSlug.of(Path.of("directives/spec/" + name), ADR))
                .isEqualTo("use-postgres");
    }

    @Test
    void aSlugThatBreaksTheConventionIsMadeSafeAsNewMakesOne() {
        TemplateSchema builtin = TemplateSchema.builtin();
        assertThat(FeatureSlug.of(Path.of("directives/spec/2026-01-03_spec_ü+x.md"), builtin))
                .isEqualTo("u-x");
        assertThat(FeatureSlug.of(Path.of("directives/spec/2026-01-03_spec_Export.MD"), builtin))
                .isEqualTo("export");
        assertThat(FeatureSlug.of(Path.of("directives/spec/2026-01-03_spec_日本.md"), builtin))
                .isEqualTo("日本");
        assertThat(FeatureSlug.of(Path.of("docs/Notes on Café.md"), builtin))
                .isEqualTo("notes-on-cafe");
    }

    @Test
    void aNameOfAnotherFormIsItsBaseNameLowercased() {
        assertThat(FeatureSlug.of(Path.of("docs/decisions/0005-Store-Money.md"), ADR))
                .isEqualTo("0005-store-money");
        assertThat(FeatureSlug.of(Path.of("docs/decisions/README"), ADR)).isEqualTo("readme");
    }
}
