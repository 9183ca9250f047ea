package dev.specgate.cli.list;

import static dev.specgate.cli.SpecFixtures.cleanSpec;
import static dev.specgate.cli.SpecFixtures.freshDraft;
import static dev.specgate.cli.SpecFixtures.writeSpec;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specgate.cli.CliRun;
import dev.specgate.report.DisplayWidth;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListCommandTest {

    private static final String TODAY = "2026-11-25";
    private static final String CLEAN = "2026-10-02_spec_webhook-retry-queue.md";
    private static final String DRAFT = "2026-11-20_spec_export-audit-log.md";
    private static final String REVIEW = "2026-09-01_spec_ledger-export.md";

    @TempDir Path root;

    @BeforeEach
    void threeSpecs() {
        writeSpec(root, CLEAN, cleanSpec());
        writeSpec(root, DRAFT, freshDraft(DRAFT));
        writeSpec(
                root,
                REVIEW,
                cleanSpec()
                        .replace("Webhook Retry Queue", "Ledger Export")
                        .replace(CLEAN, REVIEW)
                        .replace("**Created:** 2026-10-02", "**Created:** 2026-09-01")
                        .replace("**Type:** Architecture Change", "**Type:** Bug Fix")
                        .replace("**Document Status:** Approved", "**Document Status:** Review")
                        .replace("**Next Review:** 2027-01-15", "**Next Review:** 2026-11-01"));
    }

    @Test
    void jsonHasOneEntryPerSpecSortedByStatusThenDate() throws Exception {
        CliRun run = CliRun.of("list", root.toString(), "--format", "json", "--today", TODAY);

        assertThat(run.exitCode()).isZero();
        JsonNode specs = new ObjectMapper().readTree(run.out()).get("specs");
        assertThat(specs).hasSize(3);
        assertThat(specs.findValuesAsText("status")).containsExactly("Draft", "Review", "Approved");
        JsonNode review = specs.get(1);
        List<String> names = new ArrayList<>();
        review.fieldNames().forEachRemaining(names::add);
        assertThat(names)
                .containsExactly(
                        "path",
                        "kind",
                        "title",
                        "type",
                        "status",
                        "created",
                        "checked",
                        "total",
                        "errors",
                        "warnings",
                        "overdue",
                        "nextReview");
        assertThat(new ObjectMapper().readTree(run.out()).get("version").asInt())
                .isEqualTo(dev.specgate.core.catalog.SpecSummary.JSON_VERSION);
        assertThat(review.get("path").asText()).endsWith("directives/spec/" + REVIEW);
        assertThat(review.get("title").asText()).isEqualTo("Ledger Export");
        assertThat(review.get("type").asText()).isEqualTo("Bug Fix");
        assertThat(review.get("checked").asInt()).isEqualTo(10);
        assertThat(review.get("total").asInt()).isEqualTo(33);
        assertThat(review.get("errors").asInt()).isZero();
        assertThat(review.get("warnings").asInt()).isEqualTo(1);
        assertThat(review.get("overdue").asInt()).isEqualTo(1);
        assertThat(review.get("nextReview").asText()).isEqualTo("2026-11-01");
        JsonNode draft = specs.get(0);
        assertThat(draft.get("nextReview").isNull()).isTrue();
        assertThat(draft.get("warnings").asInt()).isPositive();
    }

    @Test
    void sortByErrorsPutsTheSpecWithMostErrorsFirst() throws Exception {
        // the Approved spec gets two errors: a Type the template does not allow, a placeholder
        writeSpec(
                root,
                CLEAN,
                cleanSpec()
                        .replace("\n", "\r\n")
                        .replace("**Type:** Architecture Change", "**Type:** Refactoring")
                        .replace("- **Duration:** 2 weeks", "- **Duration:** [Time estimate]"));

        CliRun byStatus = CliRun.of("list", root.toString(), "-f", "json", "--today", TODAY);
        CliRun byErrors =
                CliRun.of(
                        "list",
                        root.toString(),
                        "-f",
                        "json",
                        "--today",
                        TODAY,
                        "--sort",
                        "errors");

        assertThat(byErrors.exitCode()).isZero();
        JsonNode status = new ObjectMapper().readTree(byStatus.out()).get("specs");
        JsonNode errors = new ObjectMapper().readTree(byErrors.out()).get("specs");
        assertThat(status.findValuesAsText("status"))
                .containsExactly("Draft", "Review", "Approved");
        assertThat(errors.findValuesAsText("status"))
                .containsExactly("Approved", "Draft", "Review");
        assertThat(errors.get(0).get("errors").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(CliRun.of("list", root.toString(), "--sort", "size").exitCode()).isEqualTo(2);
    }

    @Test
    void textIsOneAlignedRowPerSpec() {
        writeSpec(
                root,
                DRAFT,
                freshDraft(DRAFT).replace("Export Audit Log", "Export Audit Log 監査ログ"));
        CliRun run = CliRun.of("list", root.toString(), "--today", TODAY);

        assertThat(run.exitCode()).isZero();
        String[] lines = run.out().split("\\R");
        assertThat(lines).hasSize(5);
        assertThat(lines[0])
                .startsWith("DATE        STATUS    PROGRESS")
                .contains("ERRORS  WARNINGS  OVERDUE  NEXT REVIEW  TYPE")
                .contains("TITLE")
                .endsWith("PATH");
        assertThat(lines[1])
                .startsWith("2026-11-20  Draft      0/42 [----------]   0%")
                .contains("Export Audit Log 監査ログ");
        assertThat(lines[2])
                .startsWith("2026-09-01  Review    10/33 [###-------]  30%")
                .contains("2026-11-01")
                .contains("Bug Fix");
        assertThat(lines[3])
                .startsWith("2026-10-02  Approved  10/33 [###-------]  30%")
                .contains("Webhook Retry Queue");
        assertThat(lines[4]).isEqualTo("3 specs.");
        int titleColumn = lines[0].indexOf("TITLE");
        assertThat(lines[3].indexOf("Webhook Retry Queue")).isEqualTo(titleColumn);
        int pathColumn = lines[0].indexOf("PATH"); // in terminal columns: 監査ログ takes eight
        for (int i = 1; i <= 3; i++) {
            String beforePath = lines[i].substring(0, lines[i].indexOf(root.toString()));
            assertThat(DisplayWidth.of(beforePath)).as(lines[i]).isEqualTo(pathColumn);
        }
    }

    /**
     * A team template with front matter metadata and neither a Type nor a Next Review field: the
     * text leaves out the two columns no spec of it can fill (as the dashboard does), the JSON
     * keeps its shape, both null.
     */
    @Test
    void columnsTheTemplateHasNoFieldForAreLeftOutOfTheTextNotTheJson(@TempDir Path team)
            throws Exception {
        Files.writeString(
                team.resolve("template.md"),
                "---\r\nstatus: \"{draft | review | approved}\"\r\nowner: {who}\r\n"
                        + "date: {YYYY-MM-DD}\r\n---\r\n\r\n# Design: {feature name}\r\n\r\n"
                        + "## Contexte\r\n{Why.}\r\n\r\n## Checklist\r\n- [ ] {a check}\r\n");
        Files.writeString(
                team.resolve(".specgate.yml"), "template: template.md\nspecs:\n  - docs/*.md\n");
        Files.writeString(
                Files.createDirectories(team.resolve("docs")).resolve("caché.md"),
                "---\r\nstatus: review\r\nowner: Zoë Brontë\r\ndate: 2026-11-30\r\n---\r\n\r\n"
                        + "# Design: Caché des résultats «rapide»\r\n\r\n## Contexte\r\n"
                        + "Les vérifications répètent le même travail (voir `a[0]`).\r\n\r\n"
                        + "## Checklist\r\n- [x] Mesurer sur 10 000 specs\r\n"
                        + "- [ ] Documenter le format\r\n");

        CliRun text = CliRun.of("list", team.toString(), "--today", TODAY);
        CliRun json = CliRun.of("list", team.toString(), "--today", TODAY, "-f", "json");

        assertThat(text.exitCode()).as(text.err()).isZero();
        String[] lines = text.out().split("\\R");
        assertThat(lines)
                .containsExactly(
                        "DATE        STATUS  PROGRESS               ERRORS  WARNINGS  OVERDUE  TITLE"
                                + "                                 PATH",
                        "2026-11-30  review  1/2 [#####-----]  50%       0         0        0  Design:"
                                + " Caché des résultats «rapide»  "
                                + team.resolve("docs/caché.md"),
                        "1 spec.");
        JsonNode spec = new ObjectMapper().readTree(json.out()).get("specs").get(0);
        List<String> names = new ArrayList<>();
        spec.fieldNames().forEachRemaining(names::add);
        assertThat(names).contains("type", "nextReview");
        assertThat(spec.get("type").isNull()).isTrue();
        assertThat(spec.get("nextReview").isNull()).isTrue();
        assertThat(spec.get("status").asText()).isEqualTo("review");
    }

    /**
     * A team template that dates nothing (no Created or other date field, no file field with a date
     * in its name): DATE is left out of the text as TYPE and NEXT REVIEW are, rather than a column
     * of '-'; the JSON keeps {@code created}, null. A folder with a spec of the built-in template
     * too keeps the column, '-' on the team's row.
     */
    @Test
    void theDateColumnIsLeftOutWhenNoTemplateDatesASpec(@TempDir Path team) throws Exception {
        Files.writeString(
                team.resolve("template.md"),
                "---\r\nstage: \"{idea | proposed | shipped}\"\r\nowner: {who}\r\n---\r\n\r\n"
                        + "# Design: {feature name}\r\n\r\n## Contexte\r\n{Why.}\r\n\r\n"
                        + "## Checklist\r\n- [ ] {a check}\r\n");
        Files.writeString(
                team.resolve(".specgate.yml"),
                "template: template.md\nspecs:\n  - docs/*.md\nlifecycle:\n  status-field: stage\n");
        Files.writeString(
                Files.createDirectories(team.resolve("docs")).resolve("2026-11-30_préchauffe.md"),
                "\uFEFF---\r\nstage: proposed\r\nowner: Zoë Brontë\r\n---\r\n\r\n"
                        + "# Design: Préchauffe du cache\r\n\r\n## Contexte\r\n"
                        + "> Les déploiements « à froid » lisent `cache[0]` vide.\r\n\r\n"
                        + "## Checklist\r\n- [x] Mesurer\r\n- [ ] Documenter\r\n");

        CliRun text = CliRun.of("list", team.toString(), "--today", TODAY);
        CliRun json = CliRun.of("list", team.toString(), "--today", TODAY, "-f", "json");

        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out().split("\\R"))
                .containsExactly(
                        "STATUS    PROGRESS               ERRORS  WARNINGS  OVERDUE  TITLE"
                                + "                        PATH",
                        "proposed  1/2 [#####-----]  50%       0         0        0  Design:"
                                + " Préchauffe du cache  "
                                + team.resolve("docs/2026-11-30_préchauffe.md"),
                        "1 spec.");
        JsonNode spec = new ObjectMapper().readTree(json.out()).get("specs").get(0);
        assertThat(spec.has("created")).isTrue();
        assertThat(spec.get("created").isNull()).isTrue();
    }

    /**
     * Two projects, the built-in template's and a team's without Type or Next Review: a filter that
     * leaves only the team's specs leaves out the two columns, as listing the team's alone does;
     * before, they were decided by every project found and could show nothing but '-'.
     */
    @Test
    void columnsAreThoseOfTheTemplatesOfTheRowsLeftAfterTheFilters() throws Exception {
        Path team = Files.createDirectories(root.resolve("équipe"));
        Files.writeString(
                team.resolve("template.md"),
                "---\r\nstatus: \"{proposed | accepted | rejected}\"\r\nowner: {who}\r\n"
                        + "date: {YYYY-MM-DD}\r\n---\r\n\r\n# Design: {feature name}\r\n\r\n"
                        + "## Contexte\r\n{Why.}\r\n\r\n## Checklist\r\n- [ ] {a check}\r\n");
        Files.writeString(
                team.resolve(".specgate.yml"), "template: template.md\nspecs:\n  - docs/*.md\n");
        Files.writeString(
                Files.createDirectories(team.resolve("docs")).resolve("caché.md"),
                "---\r\nstatus: proposed\r\nowner: Zoë Brontë\r\ndate: 2026-11-30\r\n---\r\n"
                        + "\r\n# Design: Caché des résultats\r\n\r\n## Contexte\r\n"
                        + "Les vérifications répètent le même travail (voir `a[0]`).\r\n\r\n"
                        + "## Checklist\r\n- [x] Mesurer sur 10 000 specs\r\n");

        CliRun all = CliRun.of("list", root.toString(), "--today", TODAY);
        CliRun proposed =
                CliRun.of("list", root.toString(), "--today", TODAY, "--status", "proposed");
        CliRun review = CliRun.of("list", root.toString(), "--today", TODAY, "--status", "REVIEW");

        assertThat(all.exitCode()).as(all.err()).isZero();
        assertThat(all.out()).contains("NEXT REVIEW  TYPE").contains("caché.md");
        assertThat(proposed.exitCode()).as(proposed.err()).isZero();
        assertThat(proposed.out().split("\\R"))
                .hasSize(3)
                .startsWith(
                        "DATE        STATUS    PROGRESS               ERRORS  WARNINGS  OVERDUE"
                                + "  TITLE                        PATH");
        assertThat(review.out()).contains("NEXT REVIEW  TYPE").doesNotContain("caché.md");
    }

    @Test
    void filtersByStatusAndTypeIgnoringCase() throws Exception {
        CliRun review = CliRun.of("list", root.toString(), "--status", "review", "-f", "json");
        CliRun integration =
                CliRun.of("list", root.toString(), "--type", "INTEGRATION", "-f", "json");
        CliRun none = CliRun.of("list", root.toString(), "--status", "Implementation");

        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(review.out()).get("specs").findValuesAsText("title"))
                .containsExactly("Ledger Export");
        assertThat(json.readTree(integration.out()).get("specs").findValuesAsText("status"))
                .containsExactly("Draft");
        assertThat(none.exitCode()).isZero();
        assertThat(none.out().strip()).isEqualTo("No specs match.");
    }

    /**
     * A Type or status written by hand that the template does not allow ({@code Feature}, {@code In
     * Review}) lists the specs that write it, in any case, with one line on stderr that says it is
     * none of the template's values; a value of the template says nothing.
     */
    @Test
    void aValueTheTemplateDoesNotAllowListsTheSpecsThatWriteIt() throws Exception {
        String feature = "2026-11-02_spec_bulk-refunds.md";
        writeSpec(
                root,
                feature,
                cleanSpec()
                        .replace("Webhook Retry Queue", "Bulk Refunds")
                        .replace(CLEAN, feature)
                        .replace("**Type:** Architecture Change", "**Type:** *Feature*")
                        .replace("**Document Status:** Approved", "**Document Status:** In Review")
                        .replace("\n", "\r\n"));

        CliRun type = CliRun.of("list", root.toString(), "--type", "feature", "-f", "json");
        CliRun status = CliRun.of("list", root.toString(), "--status", "in review");
        CliRun known = CliRun.of("list", root.toString(), "--type", "bug fix");

        assertThat(type.exitCode()).as(type.err()).isZero();
        assertThat(new ObjectMapper().readTree(type.out()).get("specs").findValuesAsText("title"))
                .containsExactly("Bulk Refunds");
        assertThat(type.err())
                .isEqualTo(
                        "specgate: --type 'feature' is not a Type of the template: use one of Bug"
                                + " Fix, Performance Optimization, Architecture Change,"
                                + " Integration, Security Enhancement; listed by the Type as"
                                + " written (1 spec)\n");
        assertThat(status.exitCode()).isZero();
        assertThat(status.out())
                .contains("In Review")
                .contains("Bulk Refunds")
                .endsWith("1 spec.\n");
        assertThat(status.err())
                .isEqualTo(
                        "specgate: --status 'in review' is not a status: use one of Draft, Review,"
                                + " Approved, Implementation; did you mean 'Review'? (or tasks for"
                                + " task lists); listed by the status as written (1 spec)\n");
        assertThat(known.exitCode()).isZero();
        assertThat(known.out()).contains("Ledger Export");
        assertThat(known.err()).isEmpty();
    }

    @Test
    void unknownFiltersMissingRootsAndEmptyFoldersAreUsageErrors() throws Exception {
        CliRun status = CliRun.of("list", root.toString(), "--status", "Done");
        CliRun typo = CliRun.of("list", root.toString(), "--status", "aproved");
        CliRun type = CliRun.of("list", root.toString(), "--type", "Refactoring");
        CliRun missing = CliRun.of("list", root.resolve("nope").toString());
        CliRun empty = CliRun.of("list", Files.createDirectory(root.resolve("empty")).toString());

        assertThat(status.exitCode()).isEqualTo(2);
        assertThat(status.err())
                .contains(
                        "--status 'Done' is not a status: use one of Draft, Review, Approved, Implementation");
        assertThat(status.err()).doesNotContain("did you mean");
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.err()).contains("; did you mean 'Approved'? (or tasks for task lists)");
        assertThat(type.exitCode()).isEqualTo(2);
        assertThat(type.err()).contains("--type 'Refactoring' is not a Type");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("path not found");
        assertThat(empty.exitCode()).isEqualTo(2);
        assertThat(empty.err()).contains("no specs found under ");
    }
}
