package dev.specgate.cli.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.cli.CliRun;
import dev.specgate.cli.SpecBytes;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A team trying Specgate with its own template, as a new user would: {@code init --template}, its
 * own folder and file names, {@code new}, {@code check}.
 */
class TeamTemplateNewTest {

    /** The team-yaml family's template, saved on Windows: a BOM and CRLF. */
    private static final String TEMPLATE =
            "\uFEFF"
                    + """
                    ---
                    title: "[Feature title]"
                    status: "[Draft | In Review | Approved | Shipped]"
                    owner: "[Owner name]"
                    labels: [api, web, mobile]  # optional: the areas it touches
                    created: YYYY-MM-DD
                    updated: YYYY-MM-DD
                    ---

                    # [Feature title]

                    ## Summary

                    [One paragraph: what changes and why it matters to users.]

                    ## Rollout

                    - [ ] Feature flag created
                    """
                            .replace("\n", "\r\n");

    @TempDir Path root;

    @Test
    void newNumbersAfterTheTeamsOwnSpecsFillsItsDatesAndClaimsNoLabel() throws Exception {
        Files.createDirectories(root.resolve("template"));
        Files.writeString(root.resolve("template/design-spec.md"), TEMPLATE);
        CliRun init = CliRun.of("init", root.toString(), "--template", "template/design-spec.md");
        assertThat(init.exitCode()).as(init.err()).isZero();
        Path config = root.resolve(".specgate.yml");
        // the team's folder and names, as a user edits what init wrote
        Files.writeString(
                config,
                Files.readString(config)
                        .replace("  - directives/spec/**/*.md\n", "  - docs/specs/*.md\n")
                        .replace(
                                "# new-file-name: '{number}-{slug}.md'",
                                "new-file-name: '{number}-{slug}.md'"));
        Path specs = Files.createDirectories(root.resolve("docs/specs"));
        Files.writeString(specs.resolve("0041-rate-limits.md"), "old");
        Files.writeString(specs.resolve("0007-sso.md"), "old");
        Files.writeString(specs.resolve("README.md"), "not a spec");

        CliRun made =
                CliRun.of(
                        "new",
                        "Réessais de paiement",
                        "--slug",
                        "payment-retries",
                        "--root",
                        root.toString(),
                        "--today",
                        "2026-12-07");
        CliRun next =
                CliRun.of(
                        "new",
                        "Webhook signing",
                        "--root",
                        root.toString(),
                        "--today",
                        "2026-12-08");

        Path file = specs.resolve("0042-payment-retries.md");
        assertThat(made.exitCode()).as(made.err()).isZero();
        assertThat(made.err()).isEmpty();
        assertThat(made.out().strip()).isEqualTo(file.toString());
        assertThat(next.out().strip())
                .isEqualTo(specs.resolve("0043-webhook-signing.md").toString());
        assertThat(Files.readAllBytes(file)).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        assertThat(SpecBytes.text(file))
                .startsWith(
                        "\uFEFF---\r\n"
                                + "title: \"Réessais de paiement\"\r\n"
                                + "status: \"Draft\"\r\n"
                                + "owner: \"[Owner name]\"\r\n"
                                + "labels: []  # optional: the areas it touches\r\n"
                                + "created: 2026-12-07\r\n"
                                + "updated: 2026-12-07\r\n"
                                + "---\r\n");
        CliRun check = CliRun.of("check", file.toString(), "--today", "2026-12-08");
        assertThat(check.exitCode()).isZero();
        // only what the author must still write
        assertThat(check.out())
                .contains("[placeholder-template] template placeholder '[Owner name]'")
                .doesNotContain("placeholder-date")
                .doesNotContain("labels")
                .contains("0 errors, 2 warnings");
    }

    @Test
    void newNumbersAfterTheSpecsOfEveryGlobNotOnlyTheFirstGlobsFolder() throws Exception {
        Files.createDirectories(root.resolve("template"));
        Files.writeString(root.resolve("template/design-spec.md"), TEMPLATE);
        CliRun init = CliRun.of("init", root.toString(), "--template", "template/design-spec.md");
        assertThat(init.exitCode()).as(init.err()).isZero();
        Path config = root.resolve(".specgate.yml");
        // new specs go in docs/specs/; superseded ones were moved to docs/archive/ and below
        Files.writeString(
                config,
                Files.readString(config)
                        .replace(
                                "  - directives/spec/**/*.md\n",
                                "  - docs/specs/*.md\n  - docs/archive/**/*.md\n")
                        .replace(
                                "# new-file-name: '{number}-{slug}.md'",
                                "new-file-name: '{number}-{slug}.md'"));
        Path specs = Files.createDirectories(root.resolve("docs/specs"));
        Files.writeString(specs.resolve("0041-rate-limits.md"), "old");
        Path archive = Files.createDirectories(root.resolve("docs/archive/2025"));
        Files.writeString(archive.resolve("0057-legacy-sso.md"), "superseded");
        Files.writeString(archive.resolve("2025-03-01-notes.md"), "no number");

        CliRun made =
                CliRun.of(
                        "new",
                        "Réessais de paiement",
                        "--slug",
                        "payment-retries",
                        "--root",
                        root.toString(),
                        "--today",
                        "2026-12-07");

        assertThat(made.exitCode()).as(made.err()).isZero();
        assertThat(made.out().strip())
                .as("0042 is free in docs/specs/, but docs/archive/ holds 0057")
                .isEqualTo(specs.resolve("0058-payment-retries.md").toString());
    }

    @Test
    void aNameForNewSpecsBesideATemplateThatNamesThemIsRefused() throws Exception {
        Files.writeString(
                root.resolve(".specgate.yml"),
                "template: rigour-vibe\nnew-file-name: '{number}-{slug}.md'\n");

        CliRun made = CliRun.of("new", "Audit log", "--root", root.toString());

        assertThat(made.exitCode()).isEqualTo(2);
        assertThat(made.err())
                .contains(
                        ".specgate.yml:2: 'new-file-name' names new specs, but the template's File"
                                + " field already does (YYYY-MM-DD_spec_<slug>.md)");
        assertThat(root.resolve("directives")).doesNotExist();
    }
}
