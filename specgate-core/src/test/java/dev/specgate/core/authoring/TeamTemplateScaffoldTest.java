package dev.specgate.core.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.project.ConfigChoice;
import dev.specgate.core.project.SpecProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code new} from a team's own template, as a team writes one: front matter (BOM, CRLF) or a
 * leading list, its own date fields, lists of values to choose from.
 */
class TeamTemplateScaffoldTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    /** The team-yaml family's template, saved with a BOM and CRLF, with a required list too. */
    private static final String FRONT_MATTER_TEMPLATE =
            "\uFEFF"
                    + """
                    ---
                    title: "[Feature title]"
                    status: "[Draft | In Review | Approved | Shipped]"
                    owner: "[Owner name]"
                    reviewers:
                      - "[First reviewer]"
                      - "[Second reviewer]"
                    labels: [api, web, mobile]  # optional: the areas it touches
                    platforms:
                      - ios
                      - android
                    created: YYYY-MM-DD
                    updated: YYYY-MM-DD
                    review-by: YYYY-MM-DD
                    ---

                    # [Feature title]

                    ## Summary

                    [One paragraph: what changes and why it matters to users.]

                    ## Design

                    ```yaml
                    retry: [1s, 2s, 4s]
                    ```
                    """
                            .replace("\n", "\r\n");

    @Test
    void fillsTheTeamsDatesOfWritingAndLeavesItsDatesToComeAndItsChoicesToTheAuthor(
            @TempDir Path root) throws Exception {
        SpecProject project = project(root, FRONT_MATTER_TEMPLATE);

        NewSpec made =
                new SpecScaffold(project.schema())
                        .create(
                                "Réessais de paiement",
                                "reessais-de-paiement",
                                TODAY,
                                Optional.empty(),
                                Optional.empty());

        assertThat(made.bytes()).startsWith(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        assertThat(made.markdown())
                .startsWith(
                        "---\r\n"
                                + "title: \"Réessais de paiement\"\r\n"
                                + "status: \"Draft\"\r\n"
                                + "owner: \"[Owner name]\"\r\n"
                                + "reviewers:\r\n"
                                + "  - \"[First reviewer]\"\r\n"
                                + "  - \"[Second reviewer]\"\r\n"
                                + "labels: []  # optional: the areas it touches\r\n"
                                + "platforms: []\r\n"
                                + "created: 2026-12-07\r\n"
                                + "updated: 2026-12-07\r\n"
                                + "review-by: YYYY-MM-DD\r\n"
                                + "---\r\n")
                .contains("retry: [1s, 2s, 4s]");
        // what check says of it is exactly what the author must still write, all warnings
        List<String> said = findings(project, root, made);
        assertThat(said)
                .containsExactly(
                        "placeholder-template:4 template placeholder '[Owner name]' left in"
                                + " 'owner:'",
                        "placeholder-template:6 template placeholder '[First reviewer]' left in"
                                + " 'reviewers:'",
                        "placeholder-template:7 template placeholder '[Second reviewer]' left in"
                                + " 'reviewers:'",
                        "field-value:9 'platforms' lists nothing: choose one or more of ios,"
                                + " android",
                        "placeholder-date:12 date placeholder 'YYYY-MM-DD' left in"
                                + " 'review-by:': write a date as YYYY-MM-DD",
                        "placeholder-template:19 template placeholder '[One paragraph: what"
                                + " changes and why it matters to users.]' left in");
    }

    @Test
    void aRequiredListLeftEmptyIsAnErrorOnceTheSpecLeavesDraftAndAnOptionalOneIsNot(
            @TempDir Path root) throws Exception {
        SpecProject project = project(root, FRONT_MATTER_TEMPLATE);
        String text =
                new SpecScaffold(project.schema())
                        .create("Payment retries", TODAY, Optional.empty(), Optional.empty())
                        .markdown()
                        .replace("status: \"Draft\"", "status: \"In Review\"");

        var result =
                project.inspect(
                                root.resolve("docs/specs/x.md"),
                                SpecSource.of(text),
                                CheckOptions.asOf(TODAY))
                        .result();

        assertThat(result.diagnostics())
                .filteredOn(d -> d.ruleId().equals("field-value"))
                .extracting(Diagnostic::severity, Diagnostic::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                Severity.ERROR,
                                "'platforms' lists nothing: choose one or more of ios, android"));
    }

    @Test
    void fillsALeadingListsLastReviewedButNotItsNextReview(@TempDir Path root) throws Exception {
        String template =
                """
                # Runbook: [Service name]

                - Owner: [Team]
                - Status: [Draft | Active | Retired]
                - Start date: YYYY-MM-DD
                - Last reviewed: YYYY-MM-DD
                - Next review: YYYY-MM-DD
                - Last deploy: YYYY-MM-DD
                - Last incident: YYYY-MM-DD

                ## Alerts

                [Each alert, what it means and what to do.]
                """;
        SpecProject project = project(root, template);

        NewSpec made =
                new SpecScaffold(project.schema())
                        .create("Zahlungsdienst Ü", TODAY, Optional.empty(), Optional.empty());

        assertThat(made.markdown())
                .contains(
                        "- Status: Draft\n"
                                + "- Start date: 2026-12-07\n"
                                + "- Last reviewed: 2026-12-07\n"
                                + "- Next review: YYYY-MM-DD\n"
                                // the service's last deploy and incident, not the spec's writing
                                + "- Last deploy: YYYY-MM-DD\n"
                                + "- Last incident: YYYY-MM-DD\n");
        assertThat(findings(project, root, made))
                .noneMatch(f -> f.contains("reviewed"))
                .anyMatch(f -> f.startsWith("placeholder-date:7 "));
    }

    private static SpecProject project(Path root, String template) throws Exception {
        Files.writeString(root.resolve("template.md"), template);
        Files.writeString(
                root.resolve(".specgate.yml"), "template: template.md\nspecs: [docs/specs/*.md]\n");
        return SpecProject.open(root, ConfigChoice.nearest());
    }

    /** Every finding as {@code rule:line message}, each a warning. */
    private static List<String> findings(SpecProject project, Path root, NewSpec made) {
        var result =
                project.inspect(
                                root.resolve(made.relativePath()),
                                SpecSource.of(made.markdown()),
                                CheckOptions.asOf(TODAY))
                        .result();
        assertThat(result.diagnostics()).allMatch(d -> d.severity() == Severity.WARNING);
        return result.diagnostics().stream()
                .map(d -> d.ruleId() + ":" + (d.range().startLine() + 1) + " " + d.message())
                .toList();
    }
}
