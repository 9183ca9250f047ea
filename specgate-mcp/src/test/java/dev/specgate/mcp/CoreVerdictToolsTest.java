package dev.specgate.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.specgate.core.authoring.SpecScaffold;
import dev.specgate.core.catalog.ListFilters;
import dev.specgate.core.lifecycle.Lifecycle;
import dev.specgate.core.project.ConfigChoice;
import dev.specgate.core.project.SpecProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MCP tools answer in core's words, not their own: a status that is none, an assignee that
 * names nobody, a list's notices, and a file the configuration leaves out.
 */
class CoreVerdictToolsTest {

    static final String SPEC = "directives/spec/2026-11-20_spec_ledger-replay.md";
    static final String ARCHIVED = "directives/spec/archive/2026-03-02_spec_ledger-replay.md";

    @TempDir Path root;
    SpecTools tools;

    @BeforeEach
    void project() throws IOException {
        Files.createDirectories(root.resolve("directives/spec/archive"));
        Files.writeString(root.resolve(".specgate.yml"), "ignore:\n  - directives/spec/archive/\n");
        String spec =
                SpecScaffold.standard()
                        .create(
                                "Ledger replay",
                                LocalDate.of(2026, 11, 20),
                                Optional.empty(),
                                Optional.empty())
                        .markdown();
        Files.writeString(root.resolve(SPEC), spec);
        Files.writeString(root.resolve(ARCHIVED), spec);
        tools =
                new SpecTools(
                        new McpServerOptions(
                                root,
                                ConfigChoice.nearest(),
                                false,
                                false,
                                () -> LocalDate.of(2026, 12, 1)));
    }

    SpecProject core(String path) throws Exception {
        return SpecProject.open(root.resolve(path), ConfigChoice.nearest());
    }

    @Test
    void setStatusToNoStatusIsRefusedInTheLifecyclesWordsWithItsSuggestion() throws Exception {
        String hash = SpecTools.hash(Files.readAllBytes(root.resolve(SPEC)));

        assertThatThrownBy(
                        () ->
                                tools.setStatus(
                                        Map.of("path", SPEC, "status", "Reveiw", "hash", hash)))
                .isInstanceOf(ToolRefusal.class)
                .hasMessage(core(SPEC).lifecycle().notAStatus("Reveiw"))
                .hasMessageEndingWith("; did you mean 'Review'?");
    }

    @Test
    void newSpecWithAnAssigneeOfOnlySpacesIsRefusedAsNewRefusesItAndWritesNothing()
            throws Exception {
        SpecScaffold scaffold = new SpecScaffold(core(SPEC).schema());

        for (String nobody : List.of("", "   ", "\t")) {
            assertThatThrownBy(
                            () -> tools.newSpec(Map.of("title", "Card vault", "assignee", nobody)))
                    .as("'%s'", nobody)
                    .isInstanceOf(ToolRefusal.class)
                    .hasMessage(scaffold.assigneeRefusal(nobody, "assignee").orElseThrow())
                    .hasMessageStartingWith("assignee names nobody");
        }
        assertThatThrownBy(
                        () -> tools.newSpec(Map.of("title", "Card vault", "assignee", "Ana\nBo")))
                .hasMessage("assignee must be one line");
        try (var files = Files.list(root.resolve("directives/spec"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("2026-11-20_spec_ledger-replay.md", "archive");
        }
    }

    @Test
    void newSpecWithATitleThatIsNoFileNameOrNoLineIsRefusedAsNewRefusesIt() throws Exception {
        String title = "監査ログのエクスポート";

        assertThatThrownBy(() -> tools.newSpec(Map.of("title", title)))
                .isInstanceOf(ToolRefusal.class)
                .hasMessage(
                        SpecScaffold.fileNameRefusal(title).orElseThrow()
                                + "; name the file with 'slug', e.g. audit-log-export");
        assertThatThrownBy(() -> tools.newSpec(Map.of("title", "Card\r\nvault")))
                .isInstanceOf(ToolRefusal.class)
                .hasMessage(SpecScaffold.titleRefusal("Card\r\nvault").orElseThrow());
        try (var files = Files.list(root.resolve("directives/spec"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("2026-11-20_spec_ledger-replay.md", "archive");
        }
    }

    @Test
    void listSpecsNoticesAreCoresListAnswer() throws Exception {
        Path link = root.resolve("directives/spec/2026-11-21_spec_replay-alias.md");
        Files.createSymbolicLink(link, root.resolve(SPEC));
        SpecProject project = core(SPEC);

        Map<String, Object> listed = tools.listSpecs(Map.of("status", "Drafts", "type", "Featur"));

        var selection = project.findAny(List.of(root));
        List<String> expected = new ArrayList<>(SpecProject.listNotices(selection, tools::display));
        expected.addAll(
                ListFilters.notes(
                                Optional.of("Drafts"),
                                "status",
                                Optional.of("Featur"),
                                "type",
                                List.of(project.schema()),
                                0)
                        .notes());
        assertThat(listed.get("notices")).isEqualTo(expected);
        assertThat(expected)
                .hasSize(3)
                .first()
                .asString()
                .contains("replay-alias.md is not checked again");
        assertThat(expected.get(1))
                .contains("did you mean 'Draft'? (or tasks for task lists); no spec's status");
    }

    @Test
    void listSpecsByAStatusThatIsNoneSaysTheLifecyclesLineAsSetStatusDoes() throws Exception {
        String expected = core(SPEC).lifecycle().notAStatus("Reveiw");
        String text = Files.readString(root.resolve(SPEC));
        Files.writeString(
                root.resolve("directives/spec/2026-11-22_spec_ledger-review.md"),
                text.replace("**Document Status:** Draft", "**Document Status:** Reveiw"));

        Map<String, Object> none = tools.listSpecs(Map.of("status", "Revew"));
        Map<String, Object> some = tools.listSpecs(Map.of("status", "Reveiw"));

        assertThat((List<?>) none.get("specs")).isEmpty();
        assertThat(none.get("notices"))
                .isEqualTo(
                        List.of(
                                "status "
                                        + core(SPEC).lifecycle().notAStatus("Revew")
                                        + " (or tasks for task lists); no spec's status is written"
                                        + " so"));
        assertThat((List<?>) some.get("specs")).hasSize(1);
        assertThat(some.get("notices"))
                .isEqualTo(
                        List.of(
                                "status "
                                        + expected
                                        + " (or tasks for task lists); listed by the status as"
                                        + " written (1 spec)"));
        assertThat(expected).endsWith("; did you mean 'Review'?");
    }

    @Test
    void listSpecsNotesCountTheSpecsThatWriteTheValueBeforeHasErrorsNarrowsTheRows()
            throws Exception {
        String text = Files.readString(root.resolve(SPEC));
        assertThat(text).contains("**Document Status:** Draft");
        Files.writeString(
                root.resolve("directives/spec/2026-11-22_spec_ledger-drafting.md"),
                text.replace("**Document Status:** Draft", "**Document Status:** Drafting"));
        Map<String, Object> all = tools.listSpecs(Map.of("status", "Drafting"));
        assertThat((List<?>) all.get("specs")).hasSize(1);
        Map<?, ?> row = (Map<?, ?>) ((List<?>) all.get("specs")).get(0);
        boolean hasErrors = ((Number) row.get("errors")).longValue() > 0;

        // the one spec that writes it is filtered out by hasErrors: the note still says it exists
        Map<String, Object> none =
                tools.listSpecs(Map.of("status", "Drafting", "hasErrors", !hasErrors));

        assertThat((List<?>) none.get("specs")).isEmpty();
        assertThat(none.get("notices")).isEqualTo(all.get("notices"));
        assertThat(none.get("notices").toString())
                .contains("(1 spec)")
                .doesNotContain("No spec's status is written so");
    }

    @Test
    void aFileTheGlobsLeaveOutIsRefusedByProgressAndNextItemAndGetsNoGates() throws Exception {
        SpecProject project = core(ARCHIVED);
        Path file = root.resolve(ARCHIVED);

        assertThatThrownBy(() -> tools.progress(Map.of("path", ARCHIVED)))
                .isInstanceOf(ToolRefusal.class)
                .hasMessage(project.showRefusal(file, "progress", tools::display).orElseThrow());
        assertThatThrownBy(() -> tools.nextItem(Map.of("path", ARCHIVED)))
                .isInstanceOf(ToolRefusal.class)
                .hasMessage(
                        ARCHIVED
                                + " is not checked: an ignore: glob matches it in .specgate.yml;"
                                + " next_item shows only specs that check checks (change the"
                                + " globs so that they select it)");
        @SuppressWarnings("unchecked")
        Map<String, Object> gates =
                (Map<String, Object>) tools.getSpec(Map.of("path", ARCHIVED)).get("gates");
        assertThat(gates)
                .containsEntry("applies", false)
                .containsEntry("reason", project.gatesRefusal(file, tools::display).orElseThrow())
                .containsEntry("moves", List.of());
        // the spec the globs take is answered as ever
        assertThat(tools.progress(Map.of("path", SPEC))).containsKey("percent");
        @SuppressWarnings("unchecked")
        Map<String, Object> taken =
                (Map<String, Object>) tools.getSpec(Map.of("path", SPEC)).get("gates");
        assertThat(taken).doesNotContainEntry("applies", false);
    }

    @Test
    void aFileTheGlobsLeaveOutIsTickedAndEditedWithCoresNotice() throws Exception {
        String notice =
                core(ARCHIVED)
                        .exclusionNotice(root.resolve(ARCHIVED), tools::display)
                        .orElseThrow();
        assertThat(notice)
                .isEqualTo(
                        ARCHIVED + " is not checked: an ignore: glob matches it in .specgate.yml");
        // the same text as the spec the globs take: its first open item has the same id
        String id =
                (String) ((Map<?, ?>) tools.nextItem(Map.of("path", SPEC)).get("next")).get("id");

        Map<String, Object> ticked =
                tools.markDone(
                        Map.of(
                                "path",
                                ARCHIVED,
                                "item",
                                id,
                                "hash",
                                tools.getSpec(Map.of("path", ARCHIVED)).get("hash")));
        assertThat(ticked).containsEntry("changed", true).containsEntry("notices", List.of(notice));

        Map<String, Object> edited =
                tools.updateSection(
                        Map.of(
                                "path",
                                ARCHIVED,
                                "section",
                                "Executive Summary",
                                "text",
                                "Replays the ledger from its archive, in order.\n",
                                "hash",
                                tools.getSpec(Map.of("path", ARCHIVED)).get("hash")));
        assertThat(edited).containsEntry("changed", true).containsEntry("notices", List.of(notice));

        // the spec the globs take gets no notice
        Map<String, Object> plain =
                tools.markDone(
                        Map.of(
                                "path",
                                SPEC,
                                "item",
                                id,
                                "hash",
                                tools.getSpec(Map.of("path", SPEC)).get("hash")));
        assertThat(plain).containsEntry("changed", true).doesNotContainKey("notices");
    }

    /**
     * {@code check} named only files the configuration leaves out checks nothing and says why for
     * each, in {@code check}'s words: the reason was said only when something else was checked.
     */
    @Test
    void checkOfOnlyLeftOutFilesIsRefusedWithWhyEachIsLeftOut() throws Exception {
        String second = "directives/spec/archive/2026-04-01_spec_ledger-replay-v2.md";
        Files.copy(root.resolve(ARCHIVED), root.resolve(second));
        SpecProject project = core(SPEC);

        assertThatThrownBy(() -> tools.check(Map.of("paths", List.of(ARCHIVED, second))))
                .isInstanceOf(ToolRefusal.class)
                .extracting(e -> ((ToolRefusal) e).oneLine())
                .isEqualTo(
                        "nothing to check: every file named is left out by the configuration: "
                                + project.exclusionNotice(root.resolve(ARCHIVED), tools::display)
                                        .orElseThrow()
                                + "; "
                                + project.exclusionNotice(root.resolve(second), tools::display)
                                        .orElseThrow());
        assertThat(project.exclusionNotice(root.resolve(ARCHIVED), tools::display).orElseThrow())
                .isEqualTo(
                        ARCHIVED + " is not checked: an ignore: glob matches it in .specgate.yml");
    }

    /**
     * Without a configuration, a README named in {@code directives/tasks/} is left out as a search
     * of the folder leaves it, and {@code check} says so in the command line's words, not "by the
     * configuration" (there is none).
     */
    @Test
    void checkOfOnlyAFileASearchLeavesOutWithoutAConfigurationSaysSo() throws Exception {
        Files.delete(root.resolve(".specgate.yml"));
        Files.createDirectories(root.resolve("directives/tasks"));
        Files.writeString(
                root.resolve("directives/tasks/README.md"),
                "# Task lists\r\n\r\nOne list per spec: `YYYY-MM-DD_tasks_<slug>.md`.\r\n");

        assertThatThrownBy(
                        () -> tools.check(Map.of("paths", List.of("directives/tasks/README.md"))))
                .isInstanceOf(ToolRefusal.class)
                .extracting(e -> ((ToolRefusal) e).oneLine())
                .asString()
                .startsWith(SpecProject.nothingLeftToCheck(false) + ": directives/tasks/README.md")
                .isEqualTo(
                        "nothing to check: every file named is left out, as a search leaves it: "
                                + core(SPEC)
                                        .exclusionNotice(
                                                root.resolve("directives/tasks/README.md"),
                                                tools::display)
                                        .orElseThrow());
    }

    /**
     * A configuration that cannot be used is named as {@code check} and the language server name
     * it, from the project root ({@code .specgate.yml:3: ...}), not by its absolute path.
     */
    @Test
    void aConfigurationThatCannotBeUsedIsNamedFromTheRootAsCheckNamesIt() throws Exception {
        Files.writeString(
                root.resolve(".specgate.yml"),
                "ignore:\r\n  - directives/spec/archive/\r\nrules: [task-box\r\n");
        byte[] before = Files.readAllBytes(root.resolve(SPEC));
        String hash = SpecTools.hash(before);

        for (var call :
                List.<org.assertj.core.api.ThrowableAssert.ThrowingCallable>of(
                        () -> tools.check(Map.of()),
                        () -> tools.getSpec(Map.of("path", SPEC)),
                        () -> tools.markDone(Map.of("path", SPEC, "item", "1.1", "hash", hash)))) {
            assertThatThrownBy(call)
                    .isInstanceOf(ToolRefusal.class)
                    .hasMessageStartingWith("cannot use the configuration: .specgate.yml:3: ")
                    .hasMessageContaining("not valid YAML")
                    .hasMessageNotContaining(root.toString());
        }
        assertThat(Files.readAllBytes(root.resolve(SPEC))).isEqualTo(before);
    }

    @Test
    void aTaskListIsRefusedBySetStatusInCoresWords() throws Exception {
        String list = "directives/tasks/2026-11-21_task_ledger-replay.md";
        Files.createDirectories(root.resolve("directives/tasks"));
        Files.writeString(
                root.resolve(list),
                "# Tasks: Ledger replay\n\n**Spec:** [Ledger replay](../spec/2026-11-20_spec_ledger-replay.md)\n\n"
                        + "- [ ] 1.0 Replay the ledger\n");
        byte[] before = Files.readAllBytes(root.resolve(list));

        assertThatThrownBy(
                        () ->
                                tools.setStatus(
                                        Map.of("path", list, "status", "Review", "hash", "0")))
                .isInstanceOf(ToolRefusal.class)
                .hasMessage(
                        Lifecycle.taskListRefusal(list)
                                + " (work them with progress, next_item and mark_done)");
        assertThat(Files.readAllBytes(root.resolve(list))).isEqualTo(before);
    }

    @Test
    void aTemplateWithoutStatusesIsRefusedBySetStatusAndGetsNoGatesInStatussWords()
            throws Exception {
        Files.writeString(
                root.resolve("template.md"),
                "# {{Title}}\n\n## Context\n{{Why}}\n\n## Decision\n{{What}}\n");
        Files.writeString(
                root.resolve(".specgate.yml"), "template: template.md\nspecs:\n  - notes/*.md\n");
        Path note = Files.createDirectories(root.resolve("notes")).resolve("queue.md");
        Files.writeString(note, "# Queue\r\n\r\n## Context\r\nLate retries.\r\n");
        String hash = SpecTools.hash(Files.readAllBytes(note));
        String expected = core("notes/queue.md").lifecycleRefusal(tools::display).orElseThrow();

        assertThat(expected)
                .isEqualTo(
                        "the configured template 'template.md' (.specgate.yml) has no Document"
                                + " Status field, so its specs have no status lifecycle");
        assertThatThrownBy(
                        () ->
                                tools.setStatus(
                                        Map.of(
                                                "path",
                                                "notes/queue.md",
                                                "status",
                                                "Review",
                                                "hash",
                                                hash)))
                .isInstanceOf(ToolRefusal.class)
                .hasMessage(expected);
        assertThat(tools.getSpec(Map.of("path", "notes/queue.md")).get("gates"))
                .isEqualTo(
                        Map.of(
                                "applies",
                                false,
                                "reason",
                                expected,
                                "moves",
                                List.of(),
                                "approvalStale",
                                List.of()));
    }
}
