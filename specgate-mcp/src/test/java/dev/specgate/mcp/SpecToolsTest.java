package dev.specgate.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specgate.core.project.ConfigChoice;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tools in process, on a copy of examples/demo (the subprocess tests are McpServerIT). */
class SpecToolsTest {

    static final String REFUND = "directives/spec/2026-11-09_spec_refund-idempotency-keys.md";
    static final String WEBHOOK = "directives/spec/2026-10-14_spec_webhook-retry-backoff.md";

    @TempDir Path tmp;
    SpecTools tools;

    @BeforeEach
    void copyDemo() throws IOException {
        copyDemo(tmp);
        tools = tools(false);
    }

    /** A copy of examples/demo in {@code root}. */
    static void copyDemo(Path root) throws IOException {
        Path from = Path.of("..", "examples", "demo");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path to = root.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
    }

    /** The options the tests serve {@code root} with, on 2026-12-01. */
    static McpServerOptions options(Path root, boolean allowApprove) {
        return new McpServerOptions(
                root, ConfigChoice.nearest(), false, allowApprove, () -> LocalDate.of(2026, 12, 1));
    }

    SpecTools tools(boolean allowApprove) {
        return toolsAt(tmp, allowApprove);
    }

    @Test
    void toolsComeInTheirFixedOrderAndReadOnlyLeavesOutTheWrites() {
        List<String> read =
                List.of(
                        "list_specs",
                        "get_spec",
                        "check",
                        "check_text",
                        "template",
                        "progress",
                        "next_item",
                        "trace");
        assertThat(SpecgateMcpServer.toolNames(true)).containsExactlyElementsOf(read);
        assertThat(SpecgateMcpServer.toolNames(false))
                .startsWith(read.toArray(String[]::new))
                .endsWith(
                        "new_spec",
                        "mark_done",
                        "update_section",
                        "set_status",
                        "set_field",
                        "scaffold",
                        "tasks")
                .hasSize(15);
    }

    @Test
    void theHashIsTheSha256OfTheFilesBytes() throws IOException {
        Map<String, Object> spec = tools.getSpec(Map.of("path", REFUND));
        assertThat(spec.get("hash"))
                .isEqualTo(SpecTools.hash(Files.readAllBytes(tmp.resolve(REFUND))))
                .asString()
                .hasSize(64);
        assertThat(SpecTools.hash(new byte[0]))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void pathsMustStayInsideTheRoot() {
        assertThatThrownBy(() -> tools.getSpec(Map.of("path", "../outside.md")))
                .isInstanceOf(ToolRefusal.class)
                .hasMessageContaining("outside the project root");
        assertThatThrownBy(() -> tools.check(Map.of("paths", List.of("/etc"))))
                .isInstanceOf(ToolRefusal.class);
    }

    @Test
    void aFolderWithNothingToCheckIsRefusedSayingWhatWasLookedFor() throws IOException {
        Files.createDirectories(tmp.resolve("notes"));
        Files.writeString(tmp.resolve("notes/readme.txt"), "not a spec\n");
        assertThatThrownBy(() -> tools.check(Map.of("paths", List.of("notes"))))
                .isInstanceOf(ToolRefusal.class)
                .hasMessageStartingWith("no specs found under notes: looked for ")
                .hasMessageContaining("directives/spec/");
    }

    @Test
    void aStaleHashRefusesTheWriteAndLeavesTheFile() throws IOException {
        byte[] before = Files.readAllBytes(tmp.resolve(REFUND));
        String id =
                (String) ((Map<?, ?>) tools.nextItem(Map.of("path", REFUND)).get("next")).get("id");
        assertThatThrownBy(
                        () ->
                                tools.markDone(
                                        Map.of("path", REFUND, "item", id, "hash", "0".repeat(64))))
                .isInstanceOf(ToolRefusal.class)
                .hasMessageContaining("changed since you read it");
        assertThat(Files.readAllBytes(tmp.resolve(REFUND))).isEqualTo(before);
    }

    /**
     * Writes made at once from one read (an agent's parallel tool calls): one goes through, every
     * other is refused in one clear line, whether it lost at the hash check or in the write itself,
     * and the file is the winner's, its byte order mark and CRLF line ends kept.
     */
    @Test
    void concurrentWritesFromOneReadLetOneThroughAndRefuseTheOthersInTheHashsWords()
            throws Exception {
        Path file = tmp.resolve(REFUND);
        String lf = Files.readString(file);
        byte[] crlf =
                ("\uFEFF" + lf.replace("\n", "\r\n"))
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.util.regex.Pattern clear =
                java.util.regex.Pattern.compile(
                        java.util.regex.Pattern.quote(REFUND)
                                + " changed (since you read it \\(its hash is now [0-9a-f]{64}\\)"
                                + "|on disk while the write was being made):"
                                + " read it again \\(get_spec\\) and redo the change; the file is"
                                + " unchanged");
        java.util.concurrent.ExecutorService pool =
                java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 12; round++) {
                Files.write(file, crlf);
                String hash = SpecTools.hash(crlf);
                List<Map<String, Object>> calls =
                        List.of(
                                Map.of("path", REFUND, "item", "13.2", "hash", hash),
                                Map.of(
                                        "path",
                                        REFUND,
                                        "section",
                                        "Assumptions",
                                        "text",
                                        "- Zahlungen bleiben idempotent.",
                                        "hash",
                                        hash),
                                Map.of(
                                        "path",
                                        REFUND,
                                        "section",
                                        "Executive Summary",
                                        "text",
                                        "Refunds carry a key [k].",
                                        "hash",
                                        hash),
                                Map.of(
                                        "path", REFUND, "item", "13.3", "hash", hash, "inOrder",
                                        false));
                java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
                List<java.util.concurrent.Future<Map<String, Object>>> futures =
                        new java.util.ArrayList<>();
                for (Map<String, Object> call : calls) {
                    futures.add(
                            pool.submit(
                                    () -> {
                                        go.await();
                                        return call.containsKey("item")
                                                ? tools.markDone(call)
                                                : tools.updateSection(call);
                                    }));
                }
                go.countDown();
                List<Map<String, Object>> written = new java.util.ArrayList<>();
                for (var future : futures) {
                    try {
                        written.add(future.get(60, java.util.concurrent.TimeUnit.SECONDS));
                    } catch (java.util.concurrent.ExecutionException e) {
                        assertThat(e.getCause()).isInstanceOf(ToolRefusal.class);
                        assertThat(((ToolRefusal) e.getCause()).oneLine())
                                .as("round %d", round)
                                .matches(clear)
                                .doesNotContain(tmp.toString());
                    }
                }
                assertThat(written).as("round %d", round).hasSize(1);
                byte[] after = Files.readAllBytes(file);
                assertThat(SpecTools.hash(after)).isEqualTo(written.get(0).get("hash"));
                String text = new String(after, java.nio.charset.StandardCharsets.UTF_8);
                assertThat(text).startsWith("\uFEFF");
                assertThat(text.replace("\r\n", "")).doesNotContain("\n");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFolderIsRefusedWhereASpecFileIsMeantNamedAsTheRootShowsIt() {
        assertThatThrownBy(
                        () -> tools.checkText(Map.of("path", "directives/spec", "text", "# T\n")))
                .isInstanceOf(ToolRefusal.class)
                .hasMessage(
                        "directives/spec is a folder: give the path of the spec file the text is"
                                + " for; nothing was checked");
        assertThatThrownBy(() -> tools.getSpec(Map.of("path", "")))
                .isInstanceOf(ToolRefusal.class)
                .hasMessage(". is a folder: give one spec file");
        assertThatThrownBy(() -> tools.progress(Map.of("path", "directives/spec/")))
                .isInstanceOf(ToolRefusal.class)
                .hasMessage("directives/spec is a folder: give one spec file");
    }

    @Test
    void aWriteThroughALinkToAFileOutsideTheRootIsRefused(@TempDir Path elsewhere)
            throws IOException {
        Path outside = elsewhere.resolve("2026-11-09_spec_refund-idempotency-keys.md");
        Files.copy(tmp.resolve(REFUND), outside);
        String link = "directives/spec/2026-12-03_spec_linked-out.md";
        try {
            Files.createSymbolicLink(tmp.resolve(link), outside);
        } catch (UnsupportedOperationException | IOException e) {
            org.junit.jupiter.api.Assumptions.abort("no symbolic links here: " + e);
        }
        byte[] before = Files.readAllBytes(outside);
        String hash = SpecTools.hash(before);
        String id =
                (String) ((Map<?, ?>) tools.nextItem(Map.of("path", link)).get("next")).get("id");
        assertThatThrownBy(() -> tools.markDone(Map.of("path", link, "item", id, "hash", hash)))
                .isInstanceOf(ToolRefusal.class)
                .hasMessage(
                        link
                                + " is a link to "
                                + outside.toRealPath()
                                + ", outside the project root "
                                + tmp
                                + ": the tools write only inside it (a person edits it there);"
                                + " the file is unchanged");
        assertThatThrownBy(
                        () ->
                                tools.updateSection(
                                        Map.of(
                                                "path",
                                                link,
                                                "section",
                                                "Executive Summary",
                                                "text",
                                                "Elsewhere.",
                                                "hash",
                                                hash)))
                .isInstanceOf(ToolRefusal.class)
                .hasMessageContaining("outside the project root");
        assertThat(Files.readAllBytes(outside)).isEqualTo(before);
        assertThat(Files.isSymbolicLink(tmp.resolve(link))).isTrue();
    }

    @Test
    void tasksNamesABrokenSymbolicLinkAtTheListsNameAndWritesNothing() throws IOException {
        byte[] spec = Files.readAllBytes(tmp.resolve(REFUND));
        Map<String, Object> made =
                tools.tasks(Map.of("path", REFUND, "hash", SpecTools.hash(spec)));
        Path list = tmp.resolve((String) made.get("path"));
        Files.delete(list);
        Path gone = Path.of("old", list.getFileName().toString());
        try {
            Files.createSymbolicLink(list, gone);
        } catch (UnsupportedOperationException | IOException e) {
            org.junit.jupiter.api.Assumptions.abort("no symbolic links here: " + e);
        }

        assertThatThrownBy(() -> tools.tasks(Map.of("path", REFUND, "hash", SpecTools.hash(spec))))
                .isInstanceOf(ToolRefusal.class)
                .hasMessage(
                        tmp.relativize(list).toString().replace('\\', '/')
                                + " is a broken symbolic link (to "
                                + gone
                                + ", which does not exist); nothing was written (remove the link,"
                                + " or restore the file it leads to and pass 'replace' with its"
                                + " content hash)");
        assertThat(Files.readSymbolicLink(list)).isEqualTo(gone);
        assertThat(list.resolveSibling("old")).doesNotExist();
    }

    /**
     * The other writes keep to the root as mark_done does: tasks replacing a task list that is a
     * link to a file outside it, and new_spec writing into a spec folder that is a link to a folder
     * outside it, are refused, nothing written there.
     */
    @Test
    void tasksAndNewSpecDoNotWriteThroughALinkOutOfTheRoot(@TempDir Path elsewhere)
            throws IOException {
        byte[] spec = Files.readAllBytes(tmp.resolve(REFUND));
        Map<String, Object> tasks =
                tools.tasks(Map.of("path", REFUND, "hash", SpecTools.hash(spec)));
        Path list = tmp.resolve((String) tasks.get("path"));
        Path outsideList = elsewhere.resolve(list.getFileName().toString());
        Files.move(list, outsideList);
        Files.writeString(
                outsideList, "\nEdited by a person.\n", java.nio.file.StandardOpenOption.APPEND);
        try {
            Files.createSymbolicLink(list, outsideList);
        } catch (UnsupportedOperationException | IOException e) {
            org.junit.jupiter.api.Assumptions.abort("no symbolic links here: " + e);
        }
        byte[] before = Files.readAllBytes(outsideList);
        assertThatThrownBy(
                        () ->
                                tools.tasks(
                                        Map.of(
                                                "path",
                                                REFUND,
                                                "hash",
                                                SpecTools.hash(spec),
                                                "replace",
                                                SpecTools.hash(before))))
                .isInstanceOf(ToolRefusal.class)
                .hasMessage(
                        tmp.relativize(list).toString().replace('\\', '/')
                                + " is a link to "
                                + outsideList.toRealPath()
                                + ", outside the project root "
                                + tmp
                                + ": a task list is written only inside it (remove the link to"
                                + " write it here); the file is unchanged");
        assertThat(Files.readAllBytes(outsideList)).isEqualTo(before);
        assertThat(Files.isSymbolicLink(list)).isTrue();

        // the spec folder itself a link out of the root
        Path specs = tmp.resolve("directives/spec");
        Path outsideSpecs = elsewhere.resolve("spec");
        Files.move(specs, outsideSpecs);
        Files.createSymbolicLink(specs, outsideSpecs);
        List<String> held;
        try (Stream<Path> s = Files.list(outsideSpecs)) {
            held = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThatThrownBy(() -> tools.newSpec(Map.of("title", "Dunning emails")))
                .isInstanceOf(ToolRefusal.class)
                .hasMessageContaining("outside the project root " + tmp)
                .hasMessageContaining("nothing was written");
        try (Stream<Path> s = Files.list(outsideSpecs)) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted().toList()).isEqualTo(held);
        }
    }

    /**
     * The whole directives/ folder a link out of the root (a shared docs repository): removing it
     * would unlink every spec, so the refusal does not advise it; it points to the tasks command,
     * which writes the list beside its spec there. Before: "(remove the link to write it here)".
     */
    @Test
    void tasksThroughALinkedDirectivesFolderAdvisesTheCommandNotRemovingTheLink(
            @TempDir Path elsewhere) throws IOException {
        Path directives = tmp.resolve("directives");
        Path shared = elsewhere.resolve("dépôt docs/directives");
        Files.createDirectories(shared.getParent());
        Files.move(directives, shared);
        try {
            Files.createSymbolicLink(directives, shared);
        } catch (UnsupportedOperationException | IOException e) {
            org.junit.jupiter.api.Assumptions.abort("no symbolic links here: " + e);
        }
        byte[] spec = Files.readAllBytes(tmp.resolve(REFUND));

        assertThatThrownBy(() -> tools.tasks(Map.of("path", REFUND, "hash", SpecTools.hash(spec))))
                .isInstanceOf(ToolRefusal.class)
                .hasMessageEndingWith(
                        ": a task list is written only inside it (directives is a link the spec is"
                                + " read through too, so removing it would unlink the spec: run"
                                + " specgate tasks on the spec instead, which writes the list"
                                + " beside it where the link leads); nothing was written");
        assertThat(shared.resolve("tasks")).doesNotExist();
    }

    @Test
    void somethingThatIsNoHashIsRefusedAsNoHashNotAsAChangedFile() throws IOException {
        byte[] before = Files.readAllBytes(tmp.resolve(REFUND));
        assertThatThrownBy(
                        () ->
                                tools.markDone(
                                        Map.of("path", REFUND, "item", "13.1", "hash", "13.1")))
                .isInstanceOf(ToolRefusal.class)
                .hasMessage(
                        "'13.1' is not a content hash (the 64 hex digits 'hash' that get_spec,"
                                + " progress, next_item and every write answer with): read "
                                + REFUND
                                + " with get_spec and pass its hash; the file is unchanged");
        assertThat(Files.readAllBytes(tmp.resolve(REFUND))).isEqualTo(before);
    }

    @Test
    void markDoneRefusesAnIdATaskListGivesTwoItems() throws IOException {
        Path tasks =
                Files.createDirectories(tmp.resolve("directives/tasks"))
                        .resolve("2026-11-25_task_refund.md");
        Files.writeString(
                tasks,
                "# Task List: Refund\r\n\r\n## Tasks\r\n- [ ] 1.0 Setup\r\n"
                        + "  - [x] 1.1 Cr\u00e9er\r\n  - [ ] 1.1 Twice\r\n");
        byte[] before = Files.readAllBytes(tasks);
        String path = "directives/tasks/2026-11-25_task_refund.md";

        assertThatThrownBy(
                        () ->
                                tools.markDone(
                                        Map.of(
                                                "path",
                                                path,
                                                "item",
                                                "1.1",
                                                "hash",
                                                SpecTools.hash(before),
                                                "inOrder",
                                                false)))
                .isInstanceOf(ToolRefusal.class)
                .hasMessageStartingWith("'1.1' is the id of 2 items in " + path);
        assertThat(Files.readAllBytes(tasks)).isEqualTo(before);
    }

    @Test
    void setStatusFollowsTheTemplatesOwnLifecycle() throws IOException {
        // a language-evolution proposal: a bold status in a leading list, CRLF line ends
        Path from = Path.of("..", "specgate-core/src/test/resources/families/evolution");
        Path root = tmp.resolve("evolution");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path to = root.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        SpecTools evolution = toolsAt(root);
        String path = "proposals/0420-default-inout-arguments.md";
        String before = Files.readString(root.resolve(path));
        String hash = SpecTools.hash(Files.readAllBytes(root.resolve(path)));

        assertThatThrownBy(
                        () ->
                                evolution.setStatus(
                                        Map.of("path", path, "status", "Review", "hash", hash)))
                .isInstanceOf(ToolRefusal.class)
                .hasMessageContaining(
                        "'Review' is not a status: use one of Awaiting review, Active review,"
                                + " Accepted, Implemented");
        Map<String, Object> moved =
                evolution.setStatus(Map.of("path", path, "status", "active review", "hash", hash));

        assertThat(moved)
                .containsEntry("changed", true)
                .containsEntry("from", "Awaiting review")
                .containsEntry("to", "Active review");
        assertThat(Files.readString(root.resolve(path)))
                .isEqualTo(
                        before.replace(
                                "* Status: **Awaiting review**\r\n",
                                "* Status: **Active review**\r\n"));
    }

    @Test
    void approvingIsRefusedUnlessAllowed() throws IOException {
        byte[] before = Files.readAllBytes(tmp.resolve(REFUND));
        String hash = SpecTools.hash(before);
        assertThatThrownBy(
                        () ->
                                tools.setStatus(
                                        Map.of("path", REFUND, "status", "Approved", "hash", hash)))
                .isInstanceOf(ToolRefusal.class)
                .hasMessageContaining("--allow-approve");
        assertThat(Files.readAllBytes(tmp.resolve(REFUND))).isEqualTo(before);
    }

    @Test
    void aSpecTheConfigurationLeavesOutIsNotMovedAndTheRefusalIsStatusOwn() throws IOException {
        String sms = "directives/spec/2026-11-18_spec_sms-provider-failover.md";
        Files.writeString(
                tmp.resolve(".specgate.yml"),
                "version: 1\n# the SMS failover is parked: not checked\nignore:\n"
                        + "  - \"directives/spec/*_spec_sms-*.md\"\n");
        byte[] before = Files.readAllBytes(tmp.resolve(sms));
        assertThat(new String(before, java.nio.charset.StandardCharsets.UTF_8))
                .contains("**Document Status:** Draft");

        assertThatThrownBy(
                        () ->
                                tools.setStatus(
                                        Map.of(
                                                "path",
                                                sms,
                                                "status",
                                                "Review",
                                                "hash",
                                                SpecTools.hash(before))))
                .isInstanceOf(ToolRefusal.class)
                .hasMessage(
                        sms
                                + " is not checked: an ignore: glob matches it in .specgate.yml;"
                                + " set_status moves only specs that check checks (change the"
                                + " globs so that they select it); the file is unchanged");
        assertThat(Files.readAllBytes(tmp.resolve(sms))).isEqualTo(before);

        // a spec the globs select still moves
        byte[] refund = Files.readAllBytes(tmp.resolve(REFUND));
        Map<String, Object> moved =
                tools.setStatus(
                        Map.of("path", REFUND, "status", "Draft", "hash", SpecTools.hash(refund)));
        assertThat(moved).containsEntry("changed", true).containsEntry("to", "Draft");
    }

    @Test
    void checkAndListSpecsSayWhatCheckSaysOfASecondNameAndALeftOutFile() throws IOException {
        Path alias = tmp.resolve("directives/spec/2026-12-02_spec_refund-keys-alias.md");
        try {
            Files.createSymbolicLink(alias, Path.of("2026-11-09_spec_refund-idempotency-keys.md"));
        } catch (UnsupportedOperationException | IOException e) {
            org.junit.jupiter.api.Assumptions.assumeTrue(false, "no symbolic links here: " + e);
        }
        String aliasNotice =
                "directives/spec/2026-12-02_spec_refund-keys-alias.md is not checked again: it is"
                        + " the same file as "
                        + REFUND
                        + ", checked under that name";

        Map<String, Object> checked = tools.check(Map.of());
        assertThat((List<?>) checked.get("files")).hasSize(5);
        assertThat(checked.get("notices")).isEqualTo(List.of(aliasNotice));
        Map<String, Object> listed = tools.listSpecs(Map.of());
        assertThat((List<?>) listed.get("specs")).hasSize(5);
        assertThat(listed.get("notices")).isEqualTo(List.of(aliasNotice));

        Files.delete(alias);
        Files.writeString(
                tmp.resolve(".specgate.yml"),
                "version: 1\nignore:\n  - \"directives/spec/*_spec_sms-*.md\"\n");
        String sms = "directives/spec/2026-11-18_spec_sms-provider-failover.md";
        Map<String, Object> named = tools.check(Map.of("paths", List.of(sms, WEBHOOK)));
        assertThat((List<?>) named.get("files")).hasSize(1);
        assertThat(named.get("notices"))
                .isEqualTo(
                        List.of(
                                sms
                                        + " is not checked: an ignore: glob matches it in"
                                        + " .specgate.yml"));
        assertThat(tools.check(Map.of()).get("notices")).isEqualTo(List.of());
    }

    @Test
    void checkAndListSpecsSayWhatCheckSaysOfAFileLikeASpecThatIsNotTaken() throws IOException {
        // a spec saved as .txt and a left-over copy: said as check says them on stderr
        // (SpecProject.searchNotices), not left out of the run in silence
        Files.writeString(
                tmp.resolve("directives/spec/2026-12-01_spec_rate-limits.txt"), "# Rate limits\n");
        String sms = "directives/spec/2026-11-18_spec_sms-provider-failover.md";
        Files.copy(tmp.resolve(sms), tmp.resolve(sms + ".bak"));
        String txt =
                "directives/spec/2026-12-01_spec_rate-limits.txt is not checked: only Markdown"
                        + " files (.md, .markdown) are specs (rename it to .md if it is one)";

        for (Map<String, Object> out : List.of(tools.check(Map.of()), tools.listSpecs(Map.of()))) {
            assertThat((List<?>) out.get("notices"))
                    .hasSize(2)
                    .satisfiesExactly(
                            bak ->
                                    assertThat((String) bak)
                                            .startsWith(sms + ".bak is not checked: ")
                                            .contains("left-over copy"),
                            t -> assertThat(t).isEqualTo(txt));
        }
    }

    /**
     * A team template keeps its status in front matter ({@code status: review}), so a move to its
     * {@code approved} records no approval: set_status says so in the words {@code specgate
     * approve} refuses with and {@code specgate status} says after the move (core's {@code
     * SpecProject.approvalRefusal}), instead of moving in silence.
     */
    @Test
    void aMoveToApprovedThatRecordsNoApprovalSaysWhyInTheCommandLinesWords(@TempDir Path team)
            throws IOException {
        Files.writeString(
                team.resolve("template.md"),
                "---\r\nstatus: \"{draft | review | approved | implementing}\"\r\n"
                        + "owner: {who drives the design}\r\ndate: {YYYY-MM-DD}\r\n---\r\n\r\n"
                        + "# Design: {feature name}\r\n\r\n## Contexte\r\n{Why.}\r\n\r\n"
                        + "## Checklist\r\n- [ ] {a check}\r\n");
        Files.writeString(
                team.resolve(".specgate.yml"), "template: template.md\nspecs:\n  - docs/*.md\n");
        Path spec = Files.createDirectories(team.resolve("docs")).resolve("caché.md");
        Files.writeString(
                spec,
                "---\r\nstatus: review\r\nowner: Zoë Brontë\r\ndate: 2026-11-30\r\n---\r\n\r\n"
                        + "# Design: Caché des résultats «rapide»\r\n\r\n## Contexte\r\n"
                        + "Les vérifications répètent le même travail.\r\n\r\n## Checklist\r\n"
                        + "- [x] Mesurer sur 10 000 specs\r\n");
        SpecTools teamTools = toolsAt(team, false);

        Map<String, Object> moved =
                teamTools.setStatus(
                        Map.of(
                                "path",
                                "docs/caché.md",
                                "status",
                                "approved",
                                "hash",
                                SpecTools.hash(Files.readAllBytes(spec))));

        assertThat(moved)
                .containsEntry("changed", true)
                .containsEntry("to", "approved")
                .containsEntry(
                        "approval",
                        "No approval is recorded: the configured template 'template.md'"
                                + " (.specgate.yml) has no Document Status field, so no move"
                                + " records an approval (only a move to Approved in the Document Status"
                                + " field does, or in the template's own 'status' field once"
                                + " .specgate.yml names the field approvals go in: approval-field:"
                                + " Approval).");
        assertThat(Files.readString(spec))
                .startsWith("---\r\nstatus: approved\r\nowner: Zoë Brontë\r\n");
    }

    @Test
    void aTemplatesOwnLifecycleThatKeepsApprovedIsGuardedAndRecordsTheApproval()
            throws IOException {
        Files.writeString(
                tmp.resolve(".specgate.yml"),
                "lifecycle:\n  order: [Draft, Review, Approved, Implementation, Rejected]\n");
        Path spec = tmp.resolve(WEBHOOK);
        byte[] implementation = Files.readAllBytes(spec);

        // withdrawing the approval is a person's decision here too, as in the built-in lifecycle
        assertThatThrownBy(
                        () ->
                                tools.setStatus(
                                        Map.of(
                                                "path",
                                                WEBHOOK,
                                                "status",
                                                "Review",
                                                "hash",
                                                SpecTools.hash(implementation))))
                .isInstanceOf(ToolRefusal.class)
                .hasMessageContaining("withdrawing an approval is a person's decision");
        assertThat(Files.readAllBytes(spec)).isEqualTo(implementation);

        SpecTools allowed = tools(true);
        for (String status : List.of("Draft", "Review")) {
            allowed.setStatus(
                    Map.of(
                            "path",
                            WEBHOOK,
                            "status",
                            status,
                            "hash",
                            SpecTools.hash(Files.readAllBytes(spec))));
        }
        byte[] review = Files.readAllBytes(spec);
        assertThat(new String(review, java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain("**Approval:**");
        assertThatThrownBy(
                        () ->
                                tools.setStatus(
                                        Map.of(
                                                "path",
                                                WEBHOOK,
                                                "status",
                                                "Approved",
                                                "hash",
                                                SpecTools.hash(review))))
                .isInstanceOf(ToolRefusal.class)
                .hasMessageContaining("--allow-approve");
        assertThat(Files.readAllBytes(spec)).isEqualTo(review);

        allowed.setStatus(
                Map.of("path", WEBHOOK, "status", "Approved", "hash", SpecTools.hash(review)));

        assertThat(Files.readString(spec))
                .contains("**Document Status:** Approved\n")
                .contains("**Approval:** 2026-12-01 by Priya Raman, sha256:");
    }

    @Test
    void anAllowedApprovalRecordsTheReviewerAndAStaleOneBlocksImplementation() throws IOException {
        Path spec = tmp.resolve(WEBHOOK);
        SpecTools allowed = tools(true);
        for (String status : List.of("Draft", "Review")) {
            allowed.setStatus(
                    Map.of(
                            "path",
                            WEBHOOK,
                            "status",
                            status,
                            "hash",
                            SpecTools.hash(Files.readAllBytes(spec))));
        }
        assertThat(Files.readString(spec)).doesNotContain("**Approval:**");

        Map<String, Object> approved =
                allowed.setStatus(
                        Map.of(
                                "path",
                                WEBHOOK,
                                "status",
                                "Approved",
                                "hash",
                                SpecTools.hash(Files.readAllBytes(spec))));

        assertThat(approved).containsEntry("changed", true).containsEntry("to", "Approved");
        // the approval names the spec's Reviewer, the person who approves, not the agent
        assertThat(Files.readString(spec))
                .contains("**Reviewer:** Priya Raman")
                .containsPattern(
                        "\\*\\*Next Review:\\*\\* 2026-12-10\n"
                                + "\\*\\*Approval:\\*\\* 2026-12-01 by Priya Raman,"
                                + " sha256:[0-9a-f]{12} <!-- sections: [A-Za-z0-9_-]+ -->\n");

        Files.writeString(spec, Files.readString(spec).replace("up to 20 times", "up to 25 times"));
        byte[] stale = Files.readAllBytes(spec);
        assertThatThrownBy(
                        () ->
                                allowed.setStatus(
                                        Map.of(
                                                "path",
                                                WEBHOOK,
                                                "status",
                                                "Implementation",
                                                "hash",
                                                SpecTools.hash(stale))))
                .isInstanceOfSatisfying(
                        ToolRefusal.class,
                        r ->
                                assertThat(r.oneLine())
                                        .contains("Approved -> Implementation: 1 reason")
                                        .contains("[approval-stale]")
                                        .contains("changed: Executive Summary (review it")
                                        // the spec as the agent names it, as the LSP does
                                        .contains(
                                                "then specgate approve --refresh " + WEBHOOK + ")")
                                        .doesNotContain(tmp.toString()));
        assertThat(Files.readAllBytes(spec)).isEqualTo(stale);
    }

    @Test
    void listSpecsFiltersPartitionTheSpecs() throws IOException {
        int all = specs(Map.of()).size();
        assertThat(all).isEqualTo(5);
        assertThat(
                        specs(Map.of("hasErrors", true)).size()
                                + specs(Map.of("hasErrors", false)).size())
                .isEqualTo(all);
        assertThat(specs(Map.of("hasErrors", true)))
                .allSatisfy(s -> assertThat((Long) s.get("errors")).isPositive());
        assertThat(specs(Map.of("overdue", true)))
                .allSatisfy(s -> assertThat((Long) s.get("overdue")).isPositive());
        assertThat(specs(Map.of("overdue", true)).size() + specs(Map.of("overdue", false)).size())
                .isEqualTo(all);
        assertThat(specs(Map.of("status", "draft", "type", "nope"))).isEmpty();
        assertThat(tools.listSpecs(Map.of("type", "nope")).get("notices"))
                .asList()
                .singleElement()
                .asString()
                .startsWith("type 'nope' is not a Type of the template: use one of Bug Fix,")
                .endsWith("; no spec's Type is written so");
        // the demo's refund spec writes Type: Feature, which the template does not allow: listed
        // by it as written, as 'list --type' does, and said
        Map<String, Object> feature = tools.listSpecs(Map.of("type", "FEATURE"));
        assertThat((List<?>) feature.get("specs"))
                .singleElement()
                .satisfies(m -> assertThat(((Map<?, ?>) m).get("path")).isEqualTo(REFUND));
        assertThat(feature.get("notices"))
                .asList()
                .singleElement()
                .asString()
                .startsWith("type 'FEATURE' is not a Type of the template")
                .endsWith("; listed by the Type as written (1 spec)");
        assertThat(tools.listSpecs(Map.of("type", "integration")).get("notices"))
                .isEqualTo(List.of());
        // a filter of the wrong type is refused before the tool runs, in ToolArguments' words
        assertThat(ToolArgumentsTest.said("list_specs", "{\"hasErrors\": \"yes\"}"))
                .isEqualTo("'hasErrors' must be true or false, found the string \"yes\"");
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> specs(Map<String, Object> filter) {
        return (List<Map<String, Object>>) tools.listSpecs(filter).get("specs");
    }

    static final String PAYOUT = "directives/spec/2026-02-16_spec_payout-batch-scheduler.md";

    @Test
    void updateSectionReplacesOneBodyAndNoOtherByte() throws IOException {
        Path file = tmp.resolve(REFUND);
        String before = Files.readString(file);
        String hash = SpecTools.hash(Files.readAllBytes(file));
        Map<String, Object> out =
                tools.updateSection(
                        Map.of(
                                "path",
                                REFUND,
                                "section",
                                "executive summary",
                                "text",
                                "Refunds get an `Idempotency-Key` header.\n\nA retry with the same"
                                        + " key returns the first answer.\n",
                                "hash",
                                hash));
        assertThat(out.get("changed")).isEqualTo(true);
        String after = Files.readString(file);
        assertThat(out.get("hash")).isEqualTo(SpecTools.hash(Files.readAllBytes(file)));
        int start = before.indexOf("## Executive Summary");
        int end = before.indexOf("## Problem Analysis");
        assertThat(after.substring(0, start)).isEqualTo(before.substring(0, start));
        assertThat(after.substring(after.indexOf("## Problem Analysis")))
                .isEqualTo(before.substring(end));
        assertThat(after)
                .contains(
                        "## Executive Summary\nRefunds get an `Idempotency-Key` header.\n\nA"
                                + " retry with the same key returns the first answer.\n\n## Problem"
                                + " Analysis");
    }

    @Test
    void theLastSectionEndsAboveTheDocumentStatusBlockForGetSpecAndUpdateSection()
            throws IOException {
        // the template's closing fields (after '---') belong to no section: an agent that
        // rewrites Assumptions must not have to retype them, nor be told it changes the status
        Path file = tmp.resolve("directives/spec/2026-11-30_spec_letzte-sektion.md");
        String lf =
                Files.readString(tmp.resolve(REFUND))
                        .replace("2026-11-09", "2026-11-30")
                        .replace(
                                "Idempotency Keys for the Refunds API", "Letzte Sektion, übrigens");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = lf.replace("\n", "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, 3);
        System.arraycopy(body, 0, all, 3, body.length);
        Files.write(file, all);
        String path = "directives/spec/2026-11-30_spec_letzte-sektion.md";
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> read =
                (List<Map<String, Object>>)
                        tools.getSpec(Map.of("path", path, "section", "Assumptions"))
                                .get("sections");
        assertThat((String) read.get(0).get("text"))
                .startsWith("- ")
                .doesNotContain("---")
                .doesNotContain("Document Status");
        Map<String, Object> out =
                tools.updateSection(
                        Map.of(
                                "path",
                                path,
                                "section",
                                "Assumptions",
                                "text",
                                "- Händler keep their API keys for 24 hours.",
                                "hash",
                                SpecTools.hash(all)));
        assertThat(out.get("changed")).isEqualTo(true);
        byte[] now = Files.readAllBytes(file);
        assertThat(java.util.Arrays.copyOf(now, 3)).isEqualTo(bom);
        String text = new String(now, 3, now.length - 3, java.nio.charset.StandardCharsets.UTF_8);
        String before = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        int assumptions = before.indexOf("### Assumptions\r\n");
        int rule = before.lastIndexOf("\r\n---\r\n");
        assertThat(text)
                .isEqualTo(
                        before.substring(0, assumptions)
                                + "### Assumptions\r\n- Händler keep their API keys for 24"
                                + " hours.\r\n"
                                + before.substring(rule));
    }

    @Test
    void newSpecTakesASlugForATitleWithoutAsciiLettersAsNewDoes() throws IOException {
        assertThatThrownBy(() -> tools.newSpec(Map.of("title", "監査ログのエクスポート")))
                .isInstanceOf(ToolRefusal.class)
                .hasMessage(
                        "title '監査ログのエクスポート' gives no file name: it needs at least one ASCII"
                                + " letter or digit (accents are folded); name the file with"
                                + " 'slug', e.g. audit-log-export");
        assertThatThrownBy(() -> tools.newSpec(Map.of("title", "監査ログのエクスポート", "slug", "Audit Log")))
                .isInstanceOf(ToolRefusal.class)
                .hasMessage(
                        "slug 'Audit Log' is not a slug: use lowercase ASCII letters and digits,"
                                + " words joined by single hyphens, at most 60 characters (e.g."
                                + " audit-log-export)");
        Map<String, Object> made =
                tools.newSpec(
                        Map.of(
                                "title", "監査ログのエクスポート",
                                "slug", "audit-log-export",
                                "assignee", "Zoë Müller"));
        assertThat(made.get("path"))
                .isEqualTo("directives/spec/2026-12-01_spec_audit-log-export.md");
        assertThat(Files.readString(tmp.resolve((String) made.get("path"))))
                .startsWith("# Technical Specification: 監査ログのエクスポート")
                .contains("**File:** `../directives/spec/2026-12-01_spec_audit-log-export.md`")
                .contains("**Assigned to:** Zoë Müller");
        // a slug for an ASCII title too, as new --slug names it
        assertThat(tools.newSpec(Map.of("title", "Refunds", "slug", "refund-keys")).get("path"))
                .isEqualTo("directives/spec/2026-12-01_spec_refund-keys.md");
    }

    @Test
    void newSpecWritesATeamsSpecWhereAndAsSpecgateNewDoes() throws IOException {
        // the team's own folder and names (docs/specs/2026-03-02-payment-retries.md), dates and
        // labels: the one answer of SpecProject.newSpec
        SpecTools team = family("team-yaml");
        Path root = tmp.resolve("team-yaml");
        Files.writeString(
                root.resolve(".specgate.yml"),
                Files.readString(root.resolve(".specgate.yml"))
                        + "new-file-name: '{date}-{slug}.md'\n");

        Map<String, Object> made =
                team.newSpec(Map.of("title", "Idempotency für Rückerstattungen"));

        assertThat(made.get("path"))
                .isEqualTo("docs/specs/2026-12-01-idempotency-fur-ruckerstattungen.md");
        assertThat(made).doesNotContainKey("warning");
        assertThat(Files.readString(root.resolve((String) made.get("path"))))
                .startsWith("---\ntitle: \"Idempotency für Rückerstattungen\"\n")
                .contains("labels: []  # optional: the areas it touches\n")
                .contains("created: 2026-12-01\nupdated: 2026-12-01\n");
        assertThat(made.get("diagnostics").toString())
                .doesNotContain("updated")
                .doesNotContain("labels")
                .doesNotContain("error");
    }

    @Test
    void getSpecGivesAYamlListsItemsAsAnArrayAsSetFieldTakesThem() throws IOException {
        SpecTools team = family("team-yaml");
        String flow = "docs/specs/2026-03-02-payment-retries.md";
        String block = "docs/specs/2026-06-01-invoice-pdf.md";

        Map<String, Object> flowSpec = team.getSpec(Map.of("path", flow));
        Map<String, Object> blockSpec = team.getSpec(Map.of("path", block));

        assertThat(field(flowSpec, "labels")).isEqualTo(List.of("api", "web"));
        assertThat(field(flowSpec, "reviewers")).isEqualTo(List.of("Ana Ruiz", "Tomasz Wójcik"));
        assertThat(field(flowSpec, "owner")).isEqualTo("Priya Raman");
        assertThat(field(blockSpec, "reviewers")).isEqualTo(List.of("María José García", "山田 太郎"));
        assertThat(field(blockSpec, "labels")).isEqualTo(List.of("web", "mobile"));
        // what set_field takes back: the items as read
        Map<String, Object> same =
                team.setField(
                        Map.of(
                                "path",
                                block,
                                "field",
                                "labels",
                                "value",
                                field(blockSpec, "labels"),
                                "hash",
                                blockSpec.get("hash")));
        assertThat(same.get("changed")).isEqualTo(false);
    }

    private static Object field(Map<String, Object> spec, String label) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> fields = (List<Map<String, Object>>) spec.get("fields");
        return fields.stream()
                .filter(f -> f.get("label").equals(label))
                .findFirst()
                .orElseThrow()
                .get("value");
    }

    @Test
    void aMistypedSectionNameIsRefusedWithTheNearestTitle() throws IOException {
        byte[] before = Files.readAllBytes(tmp.resolve(REFUND));
        assertThatThrownBy(
                        () ->
                                tools.updateSection(
                                        Map.of(
                                                "path",
                                                REFUND,
                                                "section",
                                                "Asumptions",
                                                "text",
                                                "- Händler retry at most 24 hours.",
                                                "hash",
                                                SpecTools.hash(before))))
                .isInstanceOf(ToolRefusal.class)
                .hasMessage(
                        REFUND
                                + " has no section 'Asumptions'; did you mean 'Assumptions'?"
                                + " (get_spec lists its sections)");
        assertThat(Files.readAllBytes(tmp.resolve(REFUND))).isEqualTo(before);
        assertThatThrownBy(
                        () -> tools.getSpec(Map.of("path", REFUND, "section", "rollbak strategy")))
                .isInstanceOf(ToolRefusal.class)
                .hasMessageContaining("; did you mean 'Rollback Strategy'?");
        // nothing near: no guess
        assertThatThrownBy(() -> tools.getSpec(Map.of("path", REFUND, "section", "Glossary")))
                .isInstanceOf(ToolRefusal.class)
                .hasMessage(REFUND + " has no section 'Glossary' (get_spec lists its sections)");
    }

    @Test
    void anUnclosedFenceInTheLastSectionIsNamedAsTheCauseNotAStatusChange() throws IOException {
        byte[] before = Files.readAllBytes(tmp.resolve(REFUND));
        for (String open : List.of("```java\nif (keys[0] == null) {", "<pre>\nkeys [x]")) {
            assertThatThrownBy(
                            () ->
                                    tools.updateSection(
                                            Map.of(
                                                    "path",
                                                    REFUND,
                                                    "section",
                                                    "Assumptions",
                                                    "text",
                                                    "- Händler retry.\n\n" + open,
                                                    "hash",
                                                    SpecTools.hash(before))))
                    .as(open)
                    .isInstanceOf(ToolRefusal.class)
                    .hasMessage(
                            "the text would hide the spec's status field after section"
                                    + " 'Assumptions' (an unclosed code fence or HTML block?); the"
                                    + " file is unchanged");
        }
        // a text that writes a status itself is told to use set_status
        assertThatThrownBy(
                        () ->
                                tools.updateSection(
                                        Map.of(
                                                "path",
                                                REFUND,
                                                "section",
                                                "Assumptions",
                                                "text",
                                                "- a\n\n---\n\n**Document Status:** Approved",
                                                "hash",
                                                SpecTools.hash(before))))
                .isInstanceOf(ToolRefusal.class)
                .hasMessageContaining("move the status with set_status");
        assertThat(Files.readAllBytes(tmp.resolve(REFUND))).isEqualTo(before);
    }

    @Test
    void readsFollowTheProjectsMaxFileSizeAsCheckDoes() throws IOException {
        // a limit below the spec's size: check cannot read it, and no tool reads it either
        Files.writeString(tmp.resolve(".specgate.yml"), "version: 1\nmax-file-size: 1KiB\n");
        long size = Files.size(tmp.resolve(REFUND));
        assertThat(size).isGreaterThan(1024);
        String said = "file is " + size + " bytes, over the limit of 1 KiB (max-file-size in ";
        assertThat(tools.check(Map.of("paths", List.of(REFUND))).toString()).contains(said);
        assertThatThrownBy(() -> tools.getSpec(Map.of("path", REFUND)))
                .isInstanceOf(ToolRefusal.class)
                .hasMessageContaining(said);
        assertThatThrownBy(() -> tools.progress(Map.of("path", REFUND)))
                .isInstanceOf(ToolRefusal.class)
                .hasMessageContaining(said);
        assertThatThrownBy(() -> tools.specText(REFUND))
                .isInstanceOf(ToolRefusal.class)
                .hasMessageContaining(said);
    }

    @Test
    void aWriteThatWouldPassMaxFileSizeIsRefusedAndLeavesTheFile() throws IOException {
        Files.writeString(tmp.resolve(".specgate.yml"), "version: 1\nmax-file-size: 16KiB\n");
        byte[] before = Files.readAllBytes(tmp.resolve(REFUND));
        String big = "- Händler keep their keys — row 0000 of the export.\n".repeat(100);
        assertThatThrownBy(
                        () ->
                                tools.updateSection(
                                        Map.of(
                                                "path",
                                                REFUND,
                                                "section",
                                                "Assumptions",
                                                "text",
                                                big,
                                                "hash",
                                                SpecTools.hash(before))))
                .isInstanceOf(ToolRefusal.class)
                .hasMessageStartingWith("cannot write " + REFUND + ": it would be ")
                .hasMessageContaining(" bytes, over the limit of 16 KiB (max-file-size in ")
                .hasMessageEndingWith(
                        ", so it could not be read or checked again; the file is unchanged");
        assertThat(Files.readAllBytes(tmp.resolve(REFUND))).isEqualTo(before);
        // just under the limit goes through, and reads back
        String fits = "- Händler keep their keys.\n".repeat(100);
        Map<String, Object> done =
                tools.updateSection(
                        Map.of(
                                "path",
                                REFUND,
                                "section",
                                "Assumptions",
                                "text",
                                fits,
                                "hash",
                                SpecTools.hash(before)));
        assertThat(done.get("changed")).isEqualTo(true);
        assertThat(tools.getSpec(Map.of("path", REFUND)).get("hash")).isEqualTo(done.get("hash"));
        // a new spec's own text too: nothing is written
        String draft =
                Files.readString(tmp.resolve(REFUND)).replace("Review", "Draft")
                        + "\n<!-- "
                        + "x".repeat(20_000)
                        + " -->\n";
        assertThatThrownBy(() -> tools.newSpec(Map.of("title", "Dunning emails", "text", draft)))
                .isInstanceOf(ToolRefusal.class)
                .hasMessageContaining("over the limit of 16 KiB")
                .hasMessageEndingWith("; nothing was written");
        try (Stream<Path> specs = Files.list(tmp.resolve("directives/spec"))) {
            assertThat(specs.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.contains("dunning"));
        }
    }

    @Test
    void updateSectionKeepsCrLfAndTheByteOrderMark() throws IOException {
        Path file = tmp.resolve("directives/spec/2026-11-30_spec_crlf-bom.md");
        String lf =
                Files.readString(tmp.resolve(REFUND))
                        .replace("2026-11-09", "2026-11-30")
                        .replace("Idempotency Keys for the Refunds API", "CRLF und BOM, übrigens");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = lf.replace("\n", "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, 3);
        System.arraycopy(body, 0, all, 3, body.length);
        Files.write(file, all);
        tools.updateSection(
                Map.of(
                        "path", "directives/spec/2026-11-30_spec_crlf-bom.md",
                        "section", "Current State",
                        "text", "\n\nZwei Zeilen.\nZweite Zeile.\n\n    indented code [x]\n\n",
                        "hash", SpecTools.hash(all)));
        byte[] now = Files.readAllBytes(file);
        assertThat(java.util.Arrays.copyOf(now, 3)).isEqualTo(bom);
        String text = new String(now, 3, now.length - 3, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text.replaceAll("\r\n", "")).doesNotContain("\n");
        assertThat(text)
                .contains(
                        "### Current State\r\nZwei Zeilen.\r\nZweite Zeile.\r\n\r\n"
                                + "    indented code [x]\r\n\r\n### Problem");
    }

    @Test
    void updateSectionRefusesHeadingsThatEndTheSectionStaleHashesAndApprovedSpecs()
            throws IOException {
        Path file = tmp.resolve(REFUND);
        byte[] before = Files.readAllBytes(file);
        String hash = SpecTools.hash(before);
        assertThatThrownBy(
                        () ->
                                tools.updateSection(
                                        Map.of(
                                                "path",
                                                REFUND,
                                                "section",
                                                "Current State",
                                                "text",
                                                "x\n\n## Sneaky\n\ny",
                                                "hash",
                                                hash)))
                .isInstanceOf(ToolRefusal.class)
                .hasMessageContaining("would end section");
        assertThatThrownBy(
                        () ->
                                tools.updateSection(
                                        Map.of(
                                                "path",
                                                REFUND,
                                                "section",
                                                "Current State",
                                                "text",
                                                "```java\nunclosed",
                                                "hash",
                                                hash)))
                .isInstanceOf(ToolRefusal.class)
                .hasMessageContaining("headings after");
        assertThatThrownBy(
                        () ->
                                tools.updateSection(
                                        Map.of(
                                                "path",
                                                REFUND,
                                                "section",
                                                "No Such Section",
                                                "text",
                                                "x",
                                                "hash",
                                                hash)))
                .isInstanceOf(ToolRefusal.class)
                .hasMessageContaining("has no section");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);

        byte[] approved = Files.readAllBytes(tmp.resolve(PAYOUT));
        assertThatThrownBy(
                        () ->
                                tools.updateSection(
                                        Map.of(
                                                "path",
                                                PAYOUT,
                                                "section",
                                                "Executive Summary",
                                                "text",
                                                "Rewritten.",
                                                "hash",
                                                SpecTools.hash(approved))))
                .isInstanceOf(ToolRefusal.class)
                .hasMessageContaining("Approved")
                .hasMessageContaining("specgate status " + PAYOUT + " Draft");
        assertThat(Files.readAllBytes(tmp.resolve(PAYOUT))).isEqualTo(approved);

        // the project may allow it
        Files.writeString(tmp.resolve(".specgate.yml"), "mcp:\n  allow-approve: true\n");
        Map<String, Object> out =
                tools.updateSection(
                        Map.of(
                                "path",
                                PAYOUT,
                                "section",
                                "Executive Summary",
                                "text",
                                "Rewritten.",
                                "hash",
                                SpecTools.hash(approved)));
        assertThat(out.get("changed")).isEqualTo(true);
    }

    @Test
    void anApprovedStatusInTheMetadataFileBesideTheSpecGuardsItsContent() throws IOException {
        Path kep = Files.createDirectories(tmp.resolve("kep/directives/spec"));
        Files.writeString(tmp.resolve("kep/.specgate.yml"), "metadata:\n  sidecar: meta.yaml\n");
        Files.writeString(
                kep.resolve("meta.yaml"),
                "Document Status: Approved\nReviewer: Amélie Durand\nCreated: 2026-11-02\n");
        Path file = kep.resolve("2026-11-02_spec_ledger-export.md");
        Files.writeString(
                file,
                "# Technical Specification: Ledger export\r\n\r\n## Executive Summary\r\n\r\n"
                        + "> Export the ledger nightly; see `Map<String, List<Long>>`.\r\n");
        byte[] before = Files.readAllBytes(file);
        assertThatThrownBy(
                        () ->
                                tools.updateSection(
                                        Map.of(
                                                "path",
                                                "kep/directives/spec/2026-11-02_spec_ledger-export.md",
                                                "section",
                                                "Executive Summary",
                                                "text",
                                                "Export it hourly.",
                                                "hash",
                                                SpecTools.hash(before))))
                .isInstanceOf(ToolRefusal.class)
                .hasMessageContaining("it is Approved");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void withdrawingAnApprovalIsRefusedButStartingImplementationIsNot() throws IOException {
        byte[] approved = Files.readAllBytes(tmp.resolve(PAYOUT));
        assertThatThrownBy(
                        () ->
                                tools.setStatus(
                                        Map.of(
                                                "path",
                                                PAYOUT,
                                                "status",
                                                "Draft",
                                                "hash",
                                                SpecTools.hash(approved))))
                .isInstanceOf(ToolRefusal.class)
                .hasMessageContaining("withdrawing an approval");
        assertThat(Files.readAllBytes(tmp.resolve(PAYOUT))).isEqualTo(approved);
    }

    @Test
    void traceScaffoldAndTasks() throws IOException {
        Map<String, Object> trace = tools.trace(Map.of("paths", List.of(REFUND)));
        assertThat((List<?>) trace.get("specs")).hasSize(1);
        byte[] spec = Files.readAllBytes(tmp.resolve(REFUND));
        Map<String, Object> dry = tools.scaffold(Map.of("path", REFUND));
        assertThat(dry.get("applied")).isEqualTo(false);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> steps = (List<Map<String, Object>>) dry.get("steps");
        assertThat(steps).extracting(m -> m.get("action")).contains("would create");
        for (Map<String, Object> step : steps) {
            if (step.get("action").equals("would create")) {
                assertThat(tmp.resolve((String) step.get("path"))).doesNotExist();
            }
        }
        assertThatThrownBy(() -> tools.scaffold(Map.of("path", REFUND, "apply", true)))
                .isInstanceOf(ToolRefusal.class)
                .hasMessageContaining("'hash' is required");
        Map<String, Object> made =
                tools.scaffold(Map.of("path", REFUND, "apply", true, "hash", SpecTools.hash(spec)));
        assertThat(made.get("applied")).isEqualTo(true);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> done = (List<Map<String, Object>>) made.get("steps");
        for (Map<String, Object> step : done) {
            assertThat(tmp.resolve((String) step.get("path"))).exists();
        }

        Map<String, Object> tasks =
                tools.tasks(Map.of("path", REFUND, "hash", SpecTools.hash(spec)));
        Path list = tmp.resolve((String) tasks.get("path"));
        assertThat(list).exists().hasFileName("2026-12-01_task_refund-idempotency-keys.md");
        byte[] written = Files.readAllBytes(list);
        assertThatThrownBy(() -> tools.tasks(Map.of("path", REFUND, "hash", SpecTools.hash(spec))))
                .isInstanceOf(ToolRefusal.class)
                .hasMessageContaining("already exists");
        Files.writeString(list, "\nEdited by a person.\n", java.nio.file.StandardOpenOption.APPEND);
        byte[] edited = Files.readAllBytes(list);
        assertThatThrownBy(
                        () ->
                                tools.tasks(
                                        Map.of(
                                                "path",
                                                REFUND,
                                                "hash",
                                                SpecTools.hash(spec),
                                                "replace",
                                                SpecTools.hash(written))))
                .isInstanceOf(ToolRefusal.class)
                .hasMessageContaining("changed since you read it");
        assertThat(Files.readAllBytes(list)).isEqualTo(edited);
        Map<String, Object> again =
                tools.tasks(
                        Map.of(
                                "path",
                                REFUND,
                                "hash",
                                SpecTools.hash(spec),
                                "replace",
                                SpecTools.hash(edited)));
        assertThat(again.get("replaced")).isEqualTo(true);
        assertThat(Files.readAllBytes(list)).isEqualTo(written);
    }

    /**
     * Task-list replaces sent at once from one read: one goes through, and one that loses in the
     * write itself (past the hash check) is refused in the words of the other writes' race.
     */
    @Test
    void concurrentTaskListReplacesLoseTheRaceInTheOtherWritesWords() throws Exception {
        Path refund = tmp.resolve(REFUND);
        Files.writeString(refund, "\uFEFF" + Files.readString(refund).replace("\n", "\r\n"));
        String specHash = SpecTools.hash(Files.readAllBytes(refund));
        Path list =
                tmp.resolve(
                        (String) tools.tasks(Map.of("path", REFUND, "hash", specHash)).get("path"));
        String shown = tmp.relativize(list).toString().replace('\\', '/');
        String race =
                shown
                        + " changed on disk while the write was being made: read it again"
                        + " (get_spec) and redo the change; the file is unchanged";
        java.util.concurrent.ExecutorService pool =
                java.util.concurrent.Executors.newFixedThreadPool(4);
        int lostInTheWrite = 0;
        try {
            for (int round = 0; round < 40 && lostInTheWrite == 0; round++) {
                // a person's edit each round, so every replace has a list to replace
                Files.writeString(
                        list,
                        "\nEdited in round " + round + ".\n",
                        java.nio.file.StandardOpenOption.APPEND);
                Map<String, Object> call =
                        Map.of(
                                "path",
                                REFUND,
                                "hash",
                                specHash,
                                "replace",
                                SpecTools.hash(Files.readAllBytes(list)));
                java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
                List<java.util.concurrent.Future<Map<String, Object>>> futures =
                        new java.util.ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    futures.add(
                            pool.submit(
                                    () -> {
                                        go.await();
                                        return tools.tasks(call);
                                    }));
                }
                go.countDown();
                int written = 0;
                for (var future : futures) {
                    try {
                        future.get(60, java.util.concurrent.TimeUnit.SECONDS);
                        written++;
                    } catch (java.util.concurrent.ExecutionException e) {
                        assertThat(e.getCause()).isInstanceOf(ToolRefusal.class);
                        String said = ((ToolRefusal) e.getCause()).oneLine();
                        if (said.contains("while the write was being made")) {
                            assertThat(said).as("round %d", round).isEqualTo(race);
                            lostInTheWrite++;
                        } else {
                            assertThat(said)
                                    .as("round %d", round)
                                    .contains(" changed since you read it");
                        }
                    }
                }
                assertThat(written).as("round %d", round).isEqualTo(1);
                assertThat(Files.readString(list)).startsWith("\uFEFF").doesNotContain("Edited in");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(lostInTheWrite).as("replaces refused in the write itself").isPositive();
    }

    @Test
    void replacingATaskListNamesTheOpenItemsWrittenByHandAsTheTasksCommandDoes()
            throws IOException {
        Path refund = tmp.resolve(REFUND);
        Files.writeString(refund, "\uFEFF" + Files.readString(refund).replace("\n", "\r\n"));
        byte[] spec = Files.readAllBytes(refund);
        Map<String, Object> first =
                tools.tasks(Map.of("path", REFUND, "hash", SpecTools.hash(spec)));
        Path list = tmp.resolve((String) first.get("path"));
        String written = Files.readString(list);
        Files.writeString(
                list,
                written.replace(
                        "## Quality Gates\r\n",
                        "## Quality Gates\r\n- [ ] Ask Anaïs for the bank's test slot [Zürich]\r\n"));

        Map<String, Object> again =
                tools.tasks(
                        Map.of(
                                "path",
                                REFUND,
                                "hash",
                                SpecTools.hash(spec),
                                "replace",
                                SpecTools.hash(Files.readAllBytes(list))));

        assertThat(again.get("replaced")).isEqualTo(true);
        assertThat(again.get("items_dropped"))
                .isEqualTo(List.of("'Ask Anaïs for the bank's test slot [Zürich]'"));
        assertThat(Files.readString(list)).isEqualTo(written);
    }

    @Test
    void replacingATaskListKeepsItsTicksAsTheTasksCommandDoes() throws IOException {
        Path refund = tmp.resolve(REFUND);
        Files.writeString(refund, "\uFEFF" + Files.readString(refund).replace("\n", "\r\n"));
        byte[] spec = Files.readAllBytes(refund);
        Map<String, Object> first =
                tools.tasks(Map.of("path", REFUND, "hash", SpecTools.hash(spec)));
        Path list = tmp.resolve((String) first.get("path"));
        String written = Files.readString(list);
        String tItem = written.lines().filter(l -> l.contains(".T1 ")).findFirst().orElseThrow();
        String vItem = written.lines().filter(l -> l.contains(".V1 ")).findFirst().orElseThrow();
        String ticked =
                written.replace(tItem, tItem.replace("[ ]", "[x]"))
                        .replace(vItem, vItem.replace("[ ]", "[x]") + " (reworded)");
        Files.writeString(list, ticked);
        String vId = vItem.trim().split(" ")[3];

        Map<String, Object> again =
                tools.tasks(
                        Map.of(
                                "path",
                                REFUND,
                                "hash",
                                SpecTools.hash(spec),
                                "replace",
                                SpecTools.hash(Files.readAllBytes(list))));

        assertThat(again.get("replaced")).isEqualTo(true);
        assertThat(again.get("ticks_carried")).isEqualTo(1);
        assertThat(again.get("ticks_dropped")).isEqualTo(List.of(vId));
        assertThat(Files.readString(list))
                .isEqualTo(written.replace(tItem, tItem.replace("[ ]", "[x]")))
                .startsWith("\uFEFF")
                .contains("\r\n");
        assertThat(again.get("hash")).isEqualTo(SpecTools.hash(Files.readAllBytes(list)));
    }

    @Test
    void tasksSaysWhichEmptyItemsMadeNoTaskAsTheTasksCommandDoes() throws IOException {
        Path refund = tmp.resolve(REFUND);
        String text = Files.readString(refund);
        int box = text.indexOf("- [ ] ");
        assertThat(box).isPositive();
        int lineEnd = text.indexOf('\n', box) + 1;
        int emptyLine = (int) text.substring(0, lineEnd).chars().filter(c -> c == '\n').count() + 1;
        Files.writeString(refund, text.substring(0, lineEnd) + "- [ ]\n" + text.substring(lineEnd));
        byte[] spec = Files.readAllBytes(refund);

        Map<String, Object> made =
                tools.tasks(Map.of("path", REFUND, "hash", SpecTools.hash(spec)));

        assertThat(made.get("notices"))
                .isEqualTo(
                        List.of(
                                REFUND
                                        + ": line "
                                        + emptyLine
                                        + ": an empty checklist item (a box with no text) makes no"
                                        + " task (task-empty reports it)"));
        String written = Files.readString(tmp.resolve((String) made.get("path")));
        assertThat(written.lines().filter(l -> l.matches("\\s*- \\[ \\]\\s*"))).isEmpty();
    }

    @Test
    void tasksOfACrlfSpecWithAByteOrderMarkWritesItsListTheSameWayAsTheTasksCommand()
            throws IOException {
        Path refund = tmp.resolve(REFUND);
        Files.writeString(refund, "\uFEFF" + Files.readString(refund).replace("\n", "\r\n"));
        byte[] spec = Files.readAllBytes(refund);

        Map<String, Object> tasks =
                tools.tasks(Map.of("path", REFUND, "hash", SpecTools.hash(spec)));

        String list = (String) tasks.get("path");
        byte[] bytes = Files.readAllBytes(tmp.resolve(list));
        String md = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(md.substring(1)).startsWith("# Task List: ").contains("\r\n");
        assertThat(md.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        assertThat(md.indexOf('\uFEFF', 1)).isEqualTo(-1); // one mark, at the start
        // the list written checks as the tasks command's does: no finding of its own
        Map<String, Object> checked = tools.check(Map.of("paths", List.of(list)));
        assertThat(checked.get("files"))
                .asList()
                .singleElement()
                .extracting(f -> ((Map<?, ?>) f).get("diagnostics"))
                .isEqualTo(List.of());
    }

    @Test
    void scaffoldListsTheItemsThatNameAPathWithoutBackticksAsTheScaffoldCommandSaysThem()
            throws IOException {
        Path refund = tmp.resolve(REFUND);
        String text = Files.readString(refund);
        String item = "- Configuration: `src/config/refund-idempotency.ts`";
        assertThat(text).contains(item);
        Files.writeString(
                refund, text.replace(item, "- Configuration: src/config/refund-idempotency.ts"));
        int line =
                java.util.Arrays.asList(Files.readString(refund).split("\n", -1))
                                .indexOf("- Configuration: src/config/refund-idempotency.ts")
                        + 1;

        Map<String, Object> dry = tools.scaffold(Map.of("path", REFUND));

        assertThat(dry.get("unread"))
                .isEqualTo(
                        List.of(
                                Map.of(
                                        "line",
                                        line,
                                        "text",
                                        "Configuration: src/config/refund-idempotency.ts")));
        assertThat(tmp.resolve("src/config/refund-idempotency.ts")).doesNotExist();
        // one shape with trace's (core's UnreadEntry.jsonFields): its keys in the same order
        @SuppressWarnings("unchecked")
        Map<String, Object> traced =
                ((List<Map<String, Object>>)
                                tools.trace(Map.of("paths", List.of(REFUND))).get("specs"))
                        .get(0);
        assertThat(dry.get("unread")).isEqualTo(traced.get("unread"));
        assertThat((List<?>) dry.get("unread"))
                .singleElement()
                .satisfies(
                        u ->
                                assertThat(List.<Object>copyOf(((Map<?, ?>) u).keySet()))
                                        .containsExactly((Object) "line", "text"));

        // no entry read at all: refused in the scaffold command's words, the items counted
        String none =
                Files.readString(refund)
                        .lines()
                        .map(l -> l.startsWith("- ") && l.contains("`") ? l.replace("`", "") : l)
                        .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
        Files.writeString(refund, none);
        assertThatThrownBy(() -> tools.scaffold(Map.of("path", REFUND)))
                .isInstanceOf(ToolRefusal.class)
                .hasMessageStartingWith(REFUND + ": no File Organization entries to scaffold (")
                .hasMessageContaining(" list items name a path, from line ")
                .hasMessageEndingWith(
                        ": a path is read only in backticks or as a link right after the label, as"
                                + " in '- Core logic: `src/core/[feature-name]/`')");
    }

    @Test
    void tasksOnAnotherDayFindsTheSpecsListInsteadOfWritingASecond() throws IOException {
        byte[] spec = Files.readAllBytes(tmp.resolve(REFUND));
        Map<String, Object> first =
                tools.tasks(Map.of("path", REFUND, "hash", SpecTools.hash(spec)));
        Path list = tmp.resolve((String) first.get("path"));
        byte[] written = Files.readAllBytes(list);
        SpecTools nextWeek =
                new SpecTools(
                        new McpServerOptions(
                                tmp,
                                ConfigChoice.nearest(),
                                false,
                                false,
                                () -> LocalDate.of(2026, 12, 8)));

        assertThatThrownBy(
                        () -> nextWeek.tasks(Map.of("path", REFUND, "hash", SpecTools.hash(spec))))
                .isInstanceOf(ToolRefusal.class)
                .hasMessageContaining(list.getFileName() + " is already the task list of");
        try (Stream<Path> lists = Files.list(list.getParent())) {
            assertThat(lists.filter(p -> p.toString().contains("_task_"))).hasSize(1);
        }

        Map<String, Object> replaced =
                nextWeek.tasks(
                        Map.of(
                                "path",
                                REFUND,
                                "hash",
                                SpecTools.hash(spec),
                                "replace",
                                SpecTools.hash(written)));
        assertThat(replaced.get("replaced")).isEqualTo(true);
        assertThat(tmp.resolve((String) replaced.get("path"))).isEqualTo(list);
    }

    /**
     * A spec whose name cleans to another's slug ({@code Refund+Idempotency+Keys} and {@code
     * refund-idempotency-keys}) gets that spec's list name: refused, 'replace' with the list's
     * current hash too, in core's words naming the spec the list belongs to; the list untouched.
     */
    @Test
    void tasksNeverReplacesAnotherSpecsListAtTheSameName() throws IOException {
        byte[] spec = Files.readAllBytes(tmp.resolve(REFUND));
        Map<String, Object> first =
                tools.tasks(Map.of("path", REFUND, "hash", SpecTools.hash(spec)));
        Path list = tmp.resolve((String) first.get("path"));
        byte[] written = Files.readAllBytes(list);
        String twin = "directives/spec/2026-11-09_spec_Refund+Idempotency+Keys.md";
        byte[] twinBytes =
                new String(spec, StandardCharsets.UTF_8)
                        .replace("\n", "\r\n")
                        .getBytes(StandardCharsets.UTF_8);
        Files.write(tmp.resolve(twin), twinBytes);

        for (Map<String, Object> args :
                List.<Map<String, Object>>of(
                        Map.of("path", twin, "hash", SpecTools.hash(twinBytes)),
                        Map.of(
                                "path",
                                twin,
                                "hash",
                                SpecTools.hash(twinBytes),
                                "replace",
                                SpecTools.hash(written)))) {
            assertThatThrownBy(() -> tools.tasks(args))
                    .as(args.toString())
                    .isInstanceOf(ToolRefusal.class)
                    .hasMessage(
                            first.get("path")
                                    + " is the task list of "
                                    + REFUND
                                    + " (its Spec link), not of "
                                    + twin
                                    + ", whose name gives the same list name: rename one of the"
                                    + " two specs so that their slugs differ; nothing was written"
                                    + " ('replace' does not replace another spec's list)");
            assertThat(Files.readAllBytes(list)).isEqualTo(written);
        }
    }

    @Test
    void getTemplateSaysAHeadingThatLinksATermTheTemplateDefinesDoesNotRepeat() throws IOException {
        Path root = tmp.resolve("runbooks");
        Files.createDirectories(root.resolve("directives/spec"));
        Files.copy(
                Path.of("..", "specgate-core/src/test/resources/templates/runbook/template.md"),
                root.resolve("runbook-template.md"));
        Files.writeString(root.resolve(".specgate.yml"), "template: runbook-template.md\n");
        SpecTools runbooks = toolsAt(root);

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> sections =
                (List<Map<String, Object>>) runbooks.template(Map.of()).get("sections");

        // '[Traffic Manager]' is a link the template defines, '[Alert name]' a placeholder
        assertThat(sections)
                .extracting(m -> m.get("title"), m -> m.get("optional"), m -> m.get("repeats"))
                .contains(
                        tuple("Failover via [Traffic Manager] (if applicable)", true, false),
                        tuple("[Alert name]", true, true));
    }

    /** A copy of one of core's template-family corpora, and the tools over it. */
    private SpecTools family(String name) throws IOException {
        Path from = Path.of("..", "specgate-core/src/test/resources/families", name);
        Path root = tmp.resolve(name);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path to = root.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return toolsAt(root);
    }

    /** The tools over the project at {@code root}, read-write, approving nothing. */
    private static SpecTools toolsAt(Path root) {
        return toolsAt(root, false);
    }

    /** The tools over the project at {@code root}, read-write, on 2026-12-01. */
    private static SpecTools toolsAt(Path root, boolean allowApprove) {
        return new SpecTools(options(root, allowApprove));
    }

    @Test
    void tasksOfADecisionRecordShowItsStatusFromTheTemplatesStatusField() throws IOException {
        // MADR: the status stands in YAML front matter ('status: accepted'), the file has a BOM
        SpecTools madr = family("madr-full");
        String adr = "docs/decisions/0004-sign-webhooks-with-ed25519.md";
        byte[] spec = Files.readAllBytes(tmp.resolve("madr-full").resolve(adr));

        Map<String, Object> tasks = madr.tasks(Map.of("path", adr, "hash", SpecTools.hash(spec)));

        Path list = tmp.resolve("madr-full").resolve((String) tasks.get("path"));
        assertThat(list)
                .hasFileName("2026-12-01_task_0004-sign-webhooks-with-ed25519.md")
                .content()
                .contains(
                        "**Spec:** [0004-sign-webhooks-with-ed25519.md](0004-sign-webhooks-with-ed25519.md)")
                .contains("- **Spec status:** accepted\n");
        String readme = "docs/decisions/" + list.getFileName();
        assertThatThrownBy(
                        () ->
                                madr.tasks(
                                        Map.of(
                                                "path",
                                                readme,
                                                "hash",
                                                SpecTools.hash(Files.readAllBytes(list)))))
                .isInstanceOf(ToolRefusal.class)
                .hasMessage(readme + " is a task list, not a spec: give the spec it implements");
    }

    @Test
    void newSpecStartsAtTheTemplatesOwnDraftStatus() throws IOException {
        // a language-evolution proposal (bold status in a leading list, CRLF): its lifecycle is
        // Awaiting review (the draft), Active review, Accepted, Implemented
        SpecTools evolution = family("evolution");
        Path root = tmp.resolve("evolution");
        String proposal =
                Files.readString(root.resolve("proposals/0420-default-inout-arguments.md"));
        assertThat(proposal).contains("* Status: **Awaiting review**\r\n");
        String accepted =
                proposal.replace("* Status: **Awaiting review**", "* Status: **Accepted**");
        try (Stream<Path> before = Files.walk(root)) {
            long files = before.count();
            assertThatThrownBy(
                            () ->
                                    evolution.newSpec(
                                            Map.of("title", "Sneaky acceptance", "text", accepted)))
                    .isInstanceOf(ToolRefusal.class)
                    .hasMessageContaining(
                            "a new spec starts as Awaiting review, and the text says 'Accepted'");
            try (Stream<Path> after = Files.walk(root)) {
                assertThat(after.count()).isEqualTo(files);
            }
        }

        Map<String, Object> made =
                evolution.newSpec(Map.of("title", "Default inout arguments", "text", proposal));
        assertThat(root.resolve((String) made.get("path"))).hasContent(proposal);
    }

    @Test
    void updateSectionGuardsApprovedContentInTheLifecyclesOwnWords() throws IOException {
        // a lifecycle of its own (a fifth status), so a status may be written in its own words
        Files.writeString(
                tmp.resolve(".specgate.yml"),
                "lifecycle:\n  order: [Draft, Review, Approved, Implementation, Retired]\n"
                        + "  exits: [Retired]\n");
        Path file = tmp.resolve(REFUND);
        String text = Files.readString(file);
        Files.writeString(
                file,
                text.replaceFirst(
                        "\\*\\*Document Status:\\*\\* [^\\n]*",
                        "**Document Status:** Approved (architecture board, 2026-11-20)"));
        byte[] before = Files.readAllBytes(file);
        assertThatThrownBy(
                        () ->
                                tools.updateSection(
                                        Map.of(
                                                "path",
                                                REFUND,
                                                "section",
                                                "Current State",
                                                "text",
                                                "Rewritten by an agent.",
                                                "hash",
                                                SpecTools.hash(before))))
                .isInstanceOf(ToolRefusal.class)
                .hasMessageContaining("it is Approved (architecture board, 2026-11-20)");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void newSpecTakesADraftButNeverAnApprovedOne() throws IOException {
        String template = (String) tools.templateText();
        Map<String, Object> made =
                tools.newSpec(Map.of("title", "Dunning emails", "text", template));
        assertThat(tmp.resolve((String) made.get("path"))).hasContent(template);
        assertThat((List<?>) made.get("diagnostics")).isNotEmpty();
        String approved = Files.readString(tmp.resolve(PAYOUT));
        assertThatThrownBy(
                        () -> tools.newSpec(Map.of("title", "Sneaky approval", "text", approved)))
                .isInstanceOf(ToolRefusal.class)
                .hasMessageContaining("starts as Draft");
    }

    @Test
    void getSpecGivesOneSectionAndTheTemplateItsGuidance() {
        Map<String, Object> one =
                tools.getSpec(Map.of("path", REFUND, "section", "## Executive Summary"));
        assertThat((List<?>) one.get("sections")).hasSize(1);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> sections =
                (List<Map<String, Object>>) tools.template(Map.of()).get("sections");
        assertThat(sections)
                .filteredOn(m -> m.get("title").equals("Executive Summary"))
                .singleElement()
                .satisfies(m -> assertThat((String) m.get("guidance")).isNotBlank())
                // whether the heading may stand more than once, as template show --format json
                .satisfies(m -> assertThat(m.get("repeats")).isEqualTo(false));
    }

    @Test
    void aRefusalIsOneLineWithEveryReason() {
        ToolRefusal r = new ToolRefusal("cannot move x", List.of("line 3: a", "b\nc"));
        assertThat(r.oneLine()).isEqualTo("cannot move x: line 3: a; b c");
    }

    @Test
    void checkAndCheckTextReportAnOpenDecisionOfASpecInImplementation() throws IOException {
        Path webhook = tmp.resolve(WEBHOOK);
        String text = Files.readString(webhook);
        String reopened =
                text.replace(
                        "- [x] Concurrency limit: 8 in-flight deliveries",
                        "- [ ] Concurrency limit: 8 in-flight deliveries");
        assertThat(reopened).isNotEqualTo(text);
        Files.writeString(webhook, reopened);

        Map<String, Object> answered = tools.checkText(Map.of("path", WEBHOOK, "text", reopened));
        Map<String, Object> run = tools.check(Map.of("paths", List.of(WEBHOOK)));

        List<?> fromCheck =
                (List<?>) ((Map<?, ?>) ((List<?>) run.get("files")).get(0)).get("diagnostics");
        assertThat(answered.get("diagnostics")).isEqualTo(fromCheck);
        assertThat(fromCheck)
                .filteredOn(d -> "decision-open".equals(((Map<?, ?>) d).get("rule")))
                .singleElement()
                .satisfies(
                        d -> {
                            Map<?, ?> m = (Map<?, ?>) d;
                            assertThat(m.get("severity")).isEqualTo("error");
                            assertThat(m.get("line")).isEqualTo(285);
                            assertThat((String) m.get("message"))
                                    .startsWith("decision 48.3 'Concurrency limit: 8 in-flight")
                                    .contains("while the spec is Implementation");
                        });
    }

    @Test
    void getSpecAndCheckTextHideWhatTheConfiguredBaselineRecordsAsCheckDoes() throws Exception {
        Path refund = tmp.resolve(REFUND);
        String text = Files.readString(refund);
        String known =
                text.replace("## Executive Summary\n", "## Executive Summary\n[Time estimate]\n\n");
        Files.writeString(refund, known);
        dev.specgate.core.project.SpecProject project =
                dev.specgate.core.project.SpecProject.open(tmp, ConfigChoice.nearest());
        project.run(
                        List.of(refund),
                        dev.specgate.core.project.RunOptions.of(
                                        dev.specgate.core.check.CheckOptions.asOf(
                                                LocalDate.of(2026, 12, 1)))
                                .withFingerprints(tmp))
                .baselineOfAll()
                .write(tmp.resolve("baseline.json"));
        Files.writeString(tmp.resolve(".specgate.yml"), "version: 1\nbaseline: baseline.json\n");
        String added = known.replace("## Executive Summary\n", "## Executive Summary\n[Owner]\n\n");
        Files.writeString(refund, added);

        Map<String, Object> spec = tools.getSpec(Map.of("path", REFUND));
        Map<String, Object> text2 = tools.checkText(Map.of("path", REFUND, "text", added));
        Map<String, Object> run = tools.check(Map.of("paths", List.of(REFUND)));

        List<?> fromCheck =
                (List<?>) ((Map<?, ?>) ((List<?>) run.get("files")).get(0)).get("diagnostics");
        assertThat(fromCheck).isNotEmpty();
        assertThat(spec.get("diagnostics")).isEqualTo(fromCheck);
        assertThat(text2.get("diagnostics")).isEqualTo(fromCheck);
        assertThat(fromCheck.toString()).contains("[Owner]").doesNotContain("[Time estimate]");
    }

    /**
     * check says what the configured baseline did as specgate check says it on stderr, core's one
     * sentence ({@code ProjectRun.baselineNotes}): how many known findings it hid, and that an
     * entry matches nothing since its finding was fixed, with the command that refreshes it; and
     * the same as counts in 'baseline'. It said neither: an agent could not tell a clean run from a
     * hidden one, nor that the baseline wanted refreshing.
     */
    /**
     * Paths under two configurations with their own baselines: each is said in its own notice and
     * counted in its own entry of 'baselines', as check says them; 'file', 'hidden' and 'stale'
     * stay the first file and the sums. Before, one notice named the first baseline with the counts
     * of both.
     */
    @Test
    void checkSaysEachConfigurationsBaselineWithItsOwnCounts() throws Exception {
        String text =
                Files.readString(tmp.resolve(REFUND))
                        .replace(
                                "## Executive Summary\n",
                                "## Executive Summary\n[Time estimate]\n\n");
        dev.specgate.core.project.RunOptions asOf =
                dev.specgate.core.project.RunOptions.of(
                        dev.specgate.core.check.CheckOptions.asOf(LocalDate.of(2026, 12, 1)));
        for (String name : List.of("billing", "ledger")) {
            Path project = tmp.resolve(name);
            Path spec = project.resolve(REFUND);
            Files.createDirectories(spec.getParent());
            Files.writeString(spec, text);
            Files.writeString(
                    project.resolve(".specgate.yml"),
                    "version: 1\r\n# known before the gate\r\nbaseline: known.json\r\n");
            dev.specgate.core.project.SpecProject.open(project, ConfigChoice.nearest())
                    .run(List.of(spec), asOf.withFingerprints(project))
                    .baselineOfAll()
                    .write(project.resolve("known.json"));
        }
        // the ledger's placeholder is filled in: its entry matches nothing now
        Files.writeString(
                tmp.resolve("ledger").resolve(REFUND), Files.readString(tmp.resolve(REFUND)));

        Map<String, Object> run = tools.check(Map.of("paths", List.of("billing", "ledger")));

        @SuppressWarnings("unchecked")
        Map<String, Object> baseline = (Map<String, Object>) run.get("baseline");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> each = (List<Map<String, Object>>) baseline.get("baselines");
        assertThat(each).hasSize(2);
        assertThat(each.get(0)).containsEntry("file", "billing/known.json");
        assertThat(each.get(1)).containsEntry("file", "ledger/known.json");
        long billingHidden = ((Number) each.get(0).get("hidden")).longValue();
        long ledgerHidden = ((Number) each.get(1).get("hidden")).longValue();
        assertThat(billingHidden).isPositive();
        assertThat(each.get(0)).containsEntry("stale", 0L);
        assertThat(((Number) each.get(1).get("stale")).longValue()).isPositive();
        assertThat(baseline)
                .containsEntry("file", "billing/known.json")
                .containsEntry("hidden", billingHidden + ledgerHidden)
                .containsEntry("stale", each.get(1).get("stale"));
        @SuppressWarnings("unchecked")
        List<String> notices = (List<String>) run.get("notices");
        assertThat(notices)
                .filteredOn(n -> n.contains("hidden by the baseline"))
                .hasSize(2)
                .satisfiesExactly(
                        n ->
                                assertThat(n)
                                        .contains("baseline billing/known.json")
                                        .doesNotContain("match nothing"),
                        n ->
                                assertThat(n)
                                        .contains("baseline ledger/known.json")
                                        .endsWith("--write-baseline ledger/known.json)"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void checkSaysWhatTheBaselineHidAndWhichEntriesAreStaleInCoresWords() throws Exception {
        Path refund = tmp.resolve(REFUND);
        Path webhook = tmp.resolve(WEBHOOK);
        String refundText = Files.readString(refund);
        String webhookText = Files.readString(webhook);
        String estimate = "## Executive Summary\n[Time estimate]\n\n";
        Files.writeString(refund, refundText.replace("## Executive Summary\n", estimate));
        Files.writeString(webhook, webhookText.replace("## Executive Summary\n", estimate));
        dev.specgate.core.project.RunOptions asOf =
                dev.specgate.core.project.RunOptions.of(
                        dev.specgate.core.check.CheckOptions.asOf(LocalDate.of(2026, 12, 1)));
        dev.specgate.core.project.SpecProject.open(tmp, ConfigChoice.nearest())
                .run(List.of(refund, webhook), asOf.withFingerprints(tmp))
                .baselineOfAll()
                .write(tmp.resolve("specgate-baseline.json"));
        Files.writeString(
                tmp.resolve(".specgate.yml"),
                "version: 1\n# findings known before the gate: see specgate-baseline.json\n"
                        + "baseline: specgate-baseline.json\n");
        // the webhook's placeholder is filled in: its entries match nothing now
        Files.writeString(webhook, webhookText);

        Map<String, Object> run = tools.check(Map.of());

        dev.specgate.core.project.SpecProject project =
                dev.specgate.core.project.SpecProject.open(tmp, ConfigChoice.nearest());
        dev.specgate.core.project.ProjectRun cli =
                project.run(
                        project.findAny(List.of(tmp)),
                        asOf.withBaseline(project.baseline(java.util.Optional.empty()).get()));
        String said = cli.baselineNotes(f -> "specgate-baseline.json").get(0);
        assertThat(said)
                .startsWith("4 known findings hidden by the baseline specgate-baseline.json; ")
                .endsWith(
                        " nothing now (refresh it with specgate check --write-baseline"
                                + " specgate-baseline.json)");
        assertThat(run.get("notices")).isEqualTo(List.of(said));
        assertThat(run.get("baseline"))
                .isEqualTo(
                        Map.of(
                                "file",
                                "specgate-baseline.json",
                                "hidden",
                                cli.hidden(),
                                "stale",
                                cli.stale(),
                                "moved",
                                0L,
                                "baselines",
                                List.of(
                                        Map.of(
                                                "file",
                                                "specgate-baseline.json",
                                                "hidden",
                                                cli.hidden(),
                                                "stale",
                                                cli.stale(),
                                                "moved",
                                                0L))));
        // the refund spec moved into archive/: its findings are hidden as moved, as check says
        Path archived = refund.resolveSibling("archive").resolve(refund.getFileName());
        Files.createDirectories(archived.getParent());
        Files.move(refund, archived);
        Map<String, Object> afterMove = (Map<String, Object>) tools.check(Map.of()).get("baseline");
        assertThat(((Number) afterMove.get("moved")).longValue()).isPositive();
        assertThat(((List<Map<String, Object>>) afterMove.get("baselines")).get(0))
                .containsEntry("moved", afterMove.get("moved"));
        Files.move(archived, refund);
        assertThat(cli.hidden()).isEqualTo(4);
        assertThat(cli.stale()).isPositive();
        // with errorsOnly, as check --errors-only says them: the baseline's line, then what was
        // left out
        List<?> errorsOnly = (List<?>) tools.check(Map.of("errorsOnly", true)).get("notices");
        assertThat(errorsOnly).hasSize(2).first().isEqualTo(said);
        assertThat(errorsOnly.get(1).toString()).contains(" not shown (errorsOnly)");
        // a run without a baseline says nothing of one
        Files.delete(tmp.resolve(".specgate.yml"));
        Map<String, Object> plain = tools.check(Map.of());
        assertThat(plain.get("baseline")).isNull();
        assertThat(plain.get("notices")).isEqualTo(List.of());
    }

    @Test
    void aBaselineThatCannotBeReadIsRefusedInCheckWords() throws Exception {
        Files.writeString(tmp.resolve("baseline.json"), "{\"version\": 1, \"findings\": [\n");
        Files.writeString(tmp.resolve(".specgate.yml"), "version: 1\nbaseline: baseline.json\n");
        String said;
        try {
            dev.specgate.core.project.SpecProject.open(tmp, ConfigChoice.nearest())
                    .baseline(java.util.Optional.empty());
            throw new AssertionError("the baseline was read");
        } catch (dev.specgate.core.baseline.BaselineException e) {
            said = e.getMessage();
        }

        assertThatThrownBy(() -> tools.check(Map.of("paths", List.of(REFUND))))
                .isInstanceOf(ToolRefusal.class)
                .hasMessage(said);
        assertThatThrownBy(() -> tools.getSpec(Map.of("path", REFUND)))
                .isInstanceOf(ToolRefusal.class)
                .hasMessage(said);
    }

    /**
     * An agent's first draft has no status block yet: check_text answers with its findings (the
     * missing Document Status among them) and a null status, and the answer fits the output schema
     * the server declares, which the server checks before it answers (a string-only status made the
     * call fail with "output validation failed" instead).
     */
    @Test
    void checkTextOfADraftWithoutAStatusFitsTheDeclaredOutputSchema() throws IOException {
        String draft =
                "\uFEFF# Technical Specification: Zahlungsexport für Händler\r\n\r\n"
                        + "**Type:** Integration\r\n\r\n"
                        + "## Executive Summary\r\n"
                        + "Händler laden Exporte als CSV `[x]` herunter.\r\n";
        Map<String, Object> answer =
                tools.checkText(
                        Map.of(
                                "path",
                                "directives/spec/2026-12-06_spec_zahlungsexport.md",
                                "text",
                                draft));

        assertThat(answer.get("status")).isNull();
        assertThat(answer.get("diagnostics").toString())
                .contains("missing metadata field '**Document Status:**'");
        JsonSchemaValidator.ValidationResponse valid =
                new DefaultJsonSchemaValidator().validate(outputSchema("check_text"), answer);
        assertThat(valid.valid()).as(valid.errorMessage()).isTrue();
    }

    /**
     * {@code errorsOnly} reports as {@code check --errors-only} does: the warnings are left out of
     * the files and the summary, a notice counts them in the CLI's words, and {@code passed} is the
     * whole run's (warnings alone do not fail it); the answer still fits the output schema.
     */
    @Test
    void checkWithErrorsOnlyLeavesOutTheWarningsAndSaysHowManyInTheClisWords() throws Exception {
        String sms = "directives/spec/2026-11-18_spec_sms-provider-failover.md";
        Map<String, Object> all = tools.check(Map.of());
        Map<String, Object> errors = tools.check(Map.of("errorsOnly", true));

        assertThat(all.get("summary").toString()).contains("errors=13, warnings=7");
        assertThat(all.get("files").toString()).contains("[percentage]");
        assertThat(errors.get("summary").toString()).contains("errors=13, warnings=0, infos=0");
        assertThat(errors.get("files").toString())
                .doesNotContain("[percentage]")
                .doesNotContain("warning")
                .contains("'Type' is 'Feature'");
        assertThat(errors.get("passed")).isEqualTo(false);
        assertThat(errors.get("notices")).isEqualTo(List.of("7 warnings not shown (errorsOnly)"));
        JsonSchemaValidator.ValidationResponse valid =
                new DefaultJsonSchemaValidator().validate(outputSchema("check"), errors);
        assertThat(valid.valid()).as(valid.errorMessage()).isTrue();

        // a spec with warnings alone: nothing shown, and it passes as the whole run does
        Map<String, Object> warned = tools.check(Map.of("paths", List.of(sms), "errorsOnly", true));
        assertThat(warned.get("passed")).isEqualTo(true);
        assertThat(warned.get("files").toString()).contains("diagnostics=[]");
        assertThat(warned.get("notices")).isEqualTo(List.of("6 warnings not shown (errorsOnly)"));
        assertThat(tools.check(Map.of("paths", List.of(sms))).get("notices")).isEqualTo(List.of());
    }

    /** The output schema tools.json declares for {@code tool}, as the server hands it on. */
    private static Map<String, Object> outputSchema(String tool) throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (InputStream in = SpecgateMcpServer.class.getResourceAsStream("tools.json")) {
            for (JsonNode d : json.readTree(in)) {
                if (d.get("name").asText().equals(tool)) {
                    return json.convertValue(
                            d.get("outputSchema"), new TypeReference<Map<String, Object>>() {});
                }
            }
        }
        throw new AssertionError("tools.json has no tool " + tool);
    }

    @Test
    void listSpecsNamesAFolderItCannotSearchInANoticeNotAsASpec() throws Exception {
        int specs = ((List<?>) tools.listSpecs(Map.of()).get("specs")).size();
        // a folder whose path is longer than the system opens: unsearchable even for root
        Path spec = tmp.resolve("directives/spec");
        String longName = "d".repeat(250);
        int levels = 18;
        Path chain = spec;
        for (int i = 0; i < levels; i++) {
            chain = chain.resolve(String.valueOf(i));
        }
        Files.createDirectories(chain);
        for (int depth = levels; depth > 0; depth--) { // the deepest first: each path stays short
            Path at = spec;
            for (int i = 0; i < depth - 1; i++) {
                at = at.resolve(String.valueOf(i));
            }
            Files.move(at.resolve(String.valueOf(depth - 1)), at.resolve(longName));
        }
        try {
            Map<String, Object> listed = tools.listSpecs(Map.of());

            assertThat((List<?>) listed.get("specs")).hasSize(specs);
            @SuppressWarnings("unchecked")
            List<String> notices = (List<String>) listed.get("notices");
            assertThat(notices)
                    .singleElement()
                    .satisfies(
                            n ->
                                    assertThat(n)
                                            .startsWith("directives/spec/" + longName + "/")
                                            .endsWith(
                                                    ": cannot search this folder for specs: file"
                                                            + " name too long (specs in it are not"
                                                            + " listed)"));
            // check reports the folder among its files, with its error, and counts it apart in
            // its summary, as check --format json does
            Map<String, Object> checked = tools.check(Map.of());
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> files = (List<Map<String, Object>>) checked.get("files");
            assertThat(files).hasSize(specs + 1);
            assertThat(files)
                    .filteredOn(f -> ((String) f.get("path")).startsWith("directives/spec/d"))
                    .singleElement()
                    .satisfies(
                            f ->
                                    assertThat(f.get("diagnostics").toString())
                                            .contains("unreadable-file"));
            @SuppressWarnings("unchecked")
            Map<String, Object> summary = (Map<String, Object>) checked.get("summary");
            assertThat(summary)
                    .containsEntry("files", specs)
                    .containsEntry("unsearchedFolders", 1L);
            assertThat(summary.keySet())
                    .containsExactly("files", "unsearchedFolders", "errors", "warnings", "infos");
            // trace refuses, in the same words: its specs would go untraced in silence
            assertThatThrownBy(() -> tools.trace(Map.of()))
                    .isInstanceOf(ToolRefusal.class)
                    .hasMessageStartingWith("directives/spec/" + longName + "/")
                    .hasMessageEndingWith(
                            ": cannot search this folder for specs: file name too long (specs in"
                                    + " it are not traced)");
        } finally {
            // short names again, top first, so that the temporary folder can go
            Path at = spec;
            for (int i = 0; i < levels && Files.isDirectory(at.resolve(longName)); i++) {
                Files.move(at.resolve(longName), at.resolve(String.valueOf(i)));
                at = at.resolve(String.valueOf(i));
            }
        }
    }

    @Test
    void traceListsASpecItCannotReadWithTheReasonAndDoesNotPass() throws Exception {
        String text = Files.readString(tmp.resolve(WEBHOOK)).replace("→", "->");
        Files.write(
                tmp.resolve("directives/spec/2026-10-15_spec_webhook-zürich.md"),
                ("# Technical Specification: Webhooks für Zürich\n" + text)
                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        Map<String, Object> trace = tools.trace(Map.of());

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> specs = (List<Map<String, Object>>) trace.get("specs");
        assertThat(specs).hasSize(6);
        Map<String, Object> unreadable =
                specs.stream().filter(m -> m.containsKey("error")).findFirst().orElseThrow();
        assertThat(unreadable.get("path"))
                .isEqualTo("directives/spec/2026-10-15_spec_webhook-zürich.md");
        assertThat((String) unreadable.get("error"))
                .startsWith("cannot check this file: not UTF-8 (byte 0xFC at offset ");
        assertThat((List<?>) unreadable.get("entries")).isEmpty();
        assertThat(trace.get("passed")).isEqualTo(false);
    }

    @Test
    void traceSaysARefusedEntryAndTheItemsItDoesNotReadAndARefusalDoesNotPass() throws Exception {
        Path file = tmp.resolve(REFUND);
        Map<String, Object> before = tools.trace(Map.of("paths", List.of(REFUND)));
        Files.writeString(
                file,
                Files.readString(file)
                        .replace(
                                "- Core logic: `src/core/refund-idempotency/`",
                                "- Core logic: `/opt/refunds/`")
                        .replace(
                                "- Configuration: `src/config/refund-idempotency.ts`",
                                "- Configuration: src/config/refund-idempotency.ts"));

        Map<String, Object> trace = tools.trace(Map.of("paths", List.of(REFUND)));

        // a spec in Review: nothing missing fails it, so only the refusal can
        assertThat(before.get("passed")).isEqualTo(true);
        @SuppressWarnings("unchecked")
        Map<String, Object> spec = ((List<Map<String, Object>>) trace.get("specs")).get(0);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries = (List<Map<String, Object>>) spec.get("entries");
        Map<String, Object> refused =
                entries.stream()
                        .filter(e -> e.get("path").equals("/opt/refunds/"))
                        .findFirst()
                        .orElseThrow();
        assertThat((String) refused.get("refused")).contains("absolute");
        assertThat(entries)
                .filteredOn(e -> !e.get("path").equals("/opt/refunds/"))
                .allSatisfy(e -> assertThat(e).doesNotContainKeys("refused", "required"));
        assertThat(spec.get("unread"))
                .isEqualTo(
                        List.of(
                                Map.of(
                                        "line",
                                        51,
                                        "text",
                                        "Configuration: src/config/refund-idempotency.ts")));
        assertThat(trace.get("passed")).isEqualTo(false);
    }

    @Test
    void traceMarksTheFeaturesCodeWrittenWhileItsSpecIsInReviewAsEarlyAndStillPasses()
            throws Exception {
        String ledger = "directives/spec/2026-07-21_spec_ledger-export-sftp.md";
        Path code = tmp.resolve("src/core/ledger-export-sftp/SftpUploader.java");
        Files.createDirectories(code.getParent());
        Files.writeString(code, "package ledger.export;\n\nfinal class SftpUploader {}\n");
        // scaffolded only, kept in git by a .gitkeep: no code yet
        Path kept = tmp.resolve("tests/unit/ledger-export-sftp/.gitkeep");
        Files.createDirectories(kept.getParent());
        Files.writeString(kept, "");

        Map<String, Object> trace = tools.trace(Map.of("paths", List.of(ledger)));

        @SuppressWarnings("unchecked")
        Map<String, Object> spec = ((List<Map<String, Object>>) trace.get("specs")).get(0);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries = (List<Map<String, Object>>) spec.get("entries");
        assertThat(spec.get("status")).isEqualTo("Review");
        assertThat(entries)
                .filteredOn(e -> e.get("path").equals("src/core/ledger-export-sftp/"))
                .singleElement()
                .satisfies(
                        e -> {
                            assertThat(e.get("early")).isEqualTo(true);
                            assertThat(e.get("files")).isEqualTo(1);
                        });
        // as trace --format json writes them: early and files only on an EARLY entry
        assertThat(entries)
                .filteredOn(e -> !e.get("path").equals("src/core/ledger-export-sftp/"))
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e).doesNotContainKeys("early", "files"));
        // a warning, as check --trace says it: the trace still passes
        assertThat(trace.get("passed")).isEqualTo(true);
    }

    @Test
    void traceSaysARequiredPathMissingAsTraceFormatJsonDoes() {
        String webhook = "directives/spec/2026-10-14_spec_webhook-retry-backoff.md";

        Map<String, Object> trace = tools.trace(Map.of("paths", List.of(webhook)));

        @SuppressWarnings("unchecked")
        Map<String, Object> spec = ((List<Map<String, Object>>) trace.get("specs")).get(0);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries = (List<Map<String, Object>>) spec.get("entries");
        assertThat(spec.get("status")).isEqualTo("Implementation");
        assertThat(spec).containsKeys("path", "entries", "unread").doesNotContainKey("error");
        // a missing unconditional path of a spec in Implementation: required, and only there
        assertThat(entries)
                .filteredOn(e -> e.containsKey("required"))
                .isNotEmpty()
                .allSatisfy(
                        e -> {
                            assertThat(e.get("required")).isEqualTo(true);
                            assertThat(e.get("exists")).isEqualTo(false);
                            assertThat(e.get("conditional")).isEqualTo(false);
                        });
        assertThat(entries)
                .allSatisfy(
                        e -> {
                            assertThat(e.keySet())
                                    .isSubsetOf(
                                            "group",
                                            "label",
                                            "path",
                                            "kind",
                                            "conditional",
                                            "exists",
                                            "refused",
                                            "required",
                                            "testFiles",
                                            "early",
                                            "files",
                                            "line");
                            assertThat(e.values()).doesNotContainNull();
                        });
        assertThat(trace.get("passed")).isEqualTo(false);
    }

    @Test
    void traceListsSpecsAndLeavesTaskListsOut() throws Exception {
        byte[] spec = Files.readAllBytes(tmp.resolve(REFUND));
        Map<String, Object> tasks =
                tools.tasks(Map.of("path", REFUND, "hash", SpecTools.hash(spec)));
        String list = (String) tasks.get("path");

        Map<String, Object> trace = tools.trace(Map.of());

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> specs = (List<Map<String, Object>>) trace.get("specs");
        assertThat(specs).hasSize(5).extracting(m -> m.get("path")).doesNotContain(list);
        assertThatThrownBy(() -> tools.trace(Map.of("paths", List.of(list))))
                .isInstanceOf(ToolRefusal.class)
                .hasMessage(
                        "nothing to trace: 1 task list and no spec (trace reads a spec's File"
                                + " Organization)");
    }

    /** get_spec's {@code line} picks the section whose heading is on that line, or none. */
    @Test
    void getSpecsLineArgumentPicksTheSectionOnThatLine() {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> all =
                (List<Map<String, Object>>) tools.getSpec(Map.of("path", REFUND)).get("sections");
        Object line =
                all.stream()
                        .filter(m -> m.get("title").equals("Executive Summary"))
                        .findFirst()
                        .orElseThrow()
                        .get("line");
        assertThat(
                        tools.getSpec(
                                        Map.of(
                                                "path",
                                                REFUND,
                                                "section",
                                                "executive summary",
                                                "line",
                                                line))
                                .get("sections"))
                .asList()
                .singleElement()
                .satisfies(m -> assertThat(((Map<?, ?>) m).get("line")).isEqualTo(line));
        assertThatThrownBy(
                        () ->
                                tools.getSpec(
                                        Map.of(
                                                "path",
                                                REFUND,
                                                "section",
                                                "Executive Summary",
                                                "line",
                                                1)))
                .isInstanceOf(ToolRefusal.class)
                .hasMessage(
                        REFUND
                                + " has no section 'Executive Summary' on line 1 (get_spec lists"
                                + " its sections)");
    }

    /**
     * One call opens the project once, so it follows one configuration: progress, next_item and
     * mark_done opened it two or three times (each could see a .specgate.yml changed between).
     */
    @Test
    @SuppressWarnings("unchecked")
    void eachCallOpensTheProjectOnce() throws IOException {
        List<Path> opened = new java.util.ArrayList<>();
        SpecTools counted =
                new SpecTools(
                        options(tmp, false),
                        start -> {
                            opened.add(start);
                            return dev.specgate.core.project.SpecProject.open(
                                    start, ConfigChoice.nearest());
                        });
        String sms = "directives/spec/2026-11-18_spec_sms-provider-failover.md";
        Map<String, java.util.function.Supplier<Map<String, Object>>> calls =
                new java.util.LinkedHashMap<>();
        calls.put("list_specs", () -> counted.listSpecs(Map.of()));
        calls.put("get_spec", () -> counted.getSpec(Map.of("path", REFUND)));
        calls.put("check_text", () -> counted.checkText(Map.of("path", REFUND, "text", "# x\n")));
        calls.put("template", () -> counted.template(Map.of()));
        calls.put("progress", () -> counted.progress(Map.of("path", REFUND)));
        calls.put("next_item", () -> counted.nextItem(Map.of("path", REFUND)));
        calls.put(
                "mark_done",
                () -> {
                    Map<String, Object> next = tools.nextItem(Map.of("path", REFUND));
                    String id = (String) ((Map<?, ?>) next.get("next")).get("id");
                    return counted.markDone(
                            Map.of("path", REFUND, "item", id, "hash", next.get("hash")));
                });
        calls.put(
                "mark_done of a ticked item",
                () -> {
                    Map<String, Object> spec = tools.getSpec(Map.of("path", REFUND));
                    String id =
                            (String)
                                    ((List<Map<String, Object>>) spec.get("checklist"))
                                            .stream()
                                                    .filter(i -> (Boolean) i.get("checked"))
                                                    .findFirst()
                                                    .orElseThrow()
                                                    .get("id");
                    return counted.markDone(
                            Map.of("path", REFUND, "item", id, "hash", spec.get("hash")));
                });
        calls.put(
                "update_section",
                () ->
                        counted.updateSection(
                                Map.of(
                                        "path",
                                        sms,
                                        "section",
                                        "Executive Summary",
                                        "text",
                                        "SMS go out through a second provider when the first"
                                                + " fails.",
                                        "hash",
                                        tools.getSpec(Map.of("path", sms)).get("hash"))));
        calls.put(
                "set_status",
                () ->
                        counted.setStatus(
                                Map.of(
                                        "path",
                                        sms,
                                        "status",
                                        "Draft",
                                        "hash",
                                        tools.getSpec(Map.of("path", sms)).get("hash"))));
        calls.put("scaffold", () -> counted.scaffold(Map.of("path", REFUND)));
        calls.put(
                "tasks",
                () ->
                        counted.tasks(
                                Map.of(
                                        "path",
                                        REFUND,
                                        "hash",
                                        tools.getSpec(Map.of("path", REFUND)).get("hash"))));
        calls.put("new_spec", () -> counted.newSpec(Map.of("title", "Dunning emails")));
        for (var call : calls.entrySet()) {
            opened.clear();
            call.getValue().get();
            assertThat(opened).as(call.getKey()).hasSize(1);
        }
    }

    /**
     * A spec in Implementation whose approved content changed: get_spec's gates say why its
     * approval no longer holds, as {@code status --format json} does ({@code approvalStale}, from
     * the same core report); no move states it there. It is empty while the approval holds.
     */
    @Test
    void getSpecsGatesSayWhyAnApprovalIsStale() throws Exception {
        Path file = tmp.resolve(WEBHOOK);
        @SuppressWarnings("unchecked")
        Map<String, Object> held =
                (Map<String, Object>) tools.getSpec(Map.of("path", WEBHOOK)).get("gates");
        assertThat(held.get("status")).isEqualTo("Implementation");
        assertThat(held.get("approvalStale")).isEqualTo(List.of());

        String text = Files.readString(file);
        int summary = text.indexOf("## Executive Summary");
        int body = text.indexOf('\n', summary) + 1;
        Files.writeString(
                file,
                text.substring(0, body)
                        + "\nRetries now back off for über 2 % of calls.\n"
                        + text.substring(body));
        @SuppressWarnings("unchecked")
        Map<String, Object> gates =
                (Map<String, Object>) tools.getSpec(Map.of("path", WEBHOOK)).get("gates");

        dev.specgate.core.project.SpecProject project =
                dev.specgate.core.project.SpecProject.open(tmp, ConfigChoice.nearest());
        dev.specgate.core.edit.SpecSource source = dev.specgate.core.edit.SpecSource.read(file);
        List<dev.specgate.core.lifecycle.GateReason> stale =
                project.lifecycle()
                        .inspect(
                                file,
                                source,
                                project.parse(file, source.text()),
                                LocalDate.of(2026, 12, 1))
                        .approvalStale();
        assertThat(stale).hasSize(1);
        assertThat(gates.get("approvalStale"))
                .isEqualTo(
                        List.of(
                                new java.util.LinkedHashMap<>(
                                        Map.of(
                                                "line",
                                                stale.get(0).line() + 1,
                                                "message",
                                                // named relative to the root, as tools name it
                                                stale.get(0)
                                                        .message()
                                                        .replace(file.toString(), WEBHOOK)))));
        assertThat(stale.get(0).message()).contains(file.toString());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> diagnostics =
                (List<Map<String, Object>>)
                        tools.getSpec(Map.of("path", WEBHOOK)).get("diagnostics");
        assertThat(diagnostics)
                .filteredOn(d -> "approval-stale".equals(d.get("rule")))
                .singleElement()
                .satisfies(
                        d ->
                                assertThat((String) d.get("message"))
                                        .endsWith(
                                                "then specgate approve --refresh "
                                                        + WEBHOOK
                                                        + ")"));
        assertThat(stale.get(0).message())
                .startsWith(
                        "[approval-stale] the approved content changed since the approval of"
                                + " 2026-11-20 by Priya Raman")
                .contains("Executive Summary");
    }

    @Test
    void setFieldChangesOneValueAndAnswersTheNewHashAndFindings() throws IOException {
        Path file = tmp.resolve(REFUND);
        String before = Files.readString(file);

        Map<String, Object> set =
                tools.setField(
                        Map.of(
                                "path",
                                REFUND,
                                "field",
                                "reviewer",
                                "value",
                                "Zoë Ångström",
                                "hash",
                                SpecTools.hash(Files.readAllBytes(file))));

        assertThat(file)
                .hasContent(
                        before.replace("**Reviewer:** Lena Fischer", "**Reviewer:** Zoë Ångström"));
        assertThat(set)
                .containsEntry("path", REFUND)
                .containsEntry("field", "Reviewer")
                .containsEntry("from", "Lena Fischer")
                .containsEntry("value", "Zoë Ångström")
                .containsEntry("added", false)
                .containsEntry("changed", true)
                .containsEntry("hash", SpecTools.hash(Files.readAllBytes(file)))
                .containsKey("diagnostics")
                .doesNotContainKey("approval");
    }

    @Test
    void setFieldRefusesTheStatusTheApprovalAStaleHashAndAnUnknownFieldInCoresWords()
            throws IOException {
        Path file = tmp.resolve(REFUND);
        byte[] before = Files.readAllBytes(file);
        String hash = SpecTools.hash(before);

        assertThatThrownBy(() -> setField(REFUND, "Document Status", "Approved", hash))
                .isInstanceOf(ToolRefusal.class)
                .hasMessage(
                        "'Document Status' is the spec's status: move it with set_status, which"
                                + " runs its gate; the file is unchanged");
        assertThatThrownBy(() -> setField(REFUND, "Approval", "2026-12-01 by Lena Fischer", hash))
                .isInstanceOf(ToolRefusal.class)
                .hasMessageStartingWith(
                        "'Approval' holds the approval record, which a person's 'specgate"
                                + " approve "
                                + REFUND
                                + "'");
        assertThatThrownBy(() -> setField(REFUND, "Next Reveiw", "2026-12-20", hash))
                .isInstanceOf(ToolRefusal.class)
                .hasMessageStartingWith(
                        "'Next Reveiw' is not a field of the template (the file is unchanged): its"
                                + " fields are")
                .hasMessageEndingWith("did you mean 'Next Review'?");
        assertThatThrownBy(() -> setField(REFUND, "Next Review", "20.12.2026", hash))
                .isInstanceOf(ToolRefusal.class)
                .hasMessage(
                        "'20.12.2026' is not a date for 'Next Review': write it as YYYY-MM-DD;"
                                + " the file is unchanged");
        assertThatThrownBy(() -> setField(REFUND, "Reviewer", "Lena", "0".repeat(64)))
                .isInstanceOf(ToolRefusal.class)
                .hasMessageContaining("changed since you read it");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void setFieldOfAnApprovedSpecsContentIsAPersonsAndMakesItsApprovalStaleWhenAllowed()
            throws IOException {
        Path file = tmp.resolve(WEBHOOK);
        byte[] before = Files.readAllBytes(file);
        String hash = SpecTools.hash(before);
        String reviewer =
                Files.readString(file)
                        .lines()
                        .filter(l -> l.startsWith("**Reviewer:** "))
                        .findFirst()
                        .orElseThrow();

        assertThatThrownBy(() -> setField(WEBHOOK, "Reviewer", "Jonas Weber", hash))
                .isInstanceOf(ToolRefusal.class)
                .hasMessageContaining("'Reviewer' is part of the approved content");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);

        Map<String, Object> set =
                tools(true)
                        .setField(
                                Map.of(
                                        "path",
                                        WEBHOOK,
                                        "field",
                                        "Reviewer",
                                        "value",
                                        "Jonas Weber",
                                        "hash",
                                        hash));

        assertThat(Files.readString(file))
                .isEqualTo(
                        new String(before, java.nio.charset.StandardCharsets.UTF_8)
                                .replace(reviewer, "**Reviewer:** Jonas Weber"));
        assertThat((String) set.get("approval"))
                .contains("no longer holds: 'Reviewer' is part")
                .endsWith("re-approves with specgate approve --refresh " + WEBHOOK + ").");
        assertThat((List<?>) set.get("diagnostics"))
                .anySatisfy(d -> assertThat(d.toString()).contains("approval-stale"));
        // what check says of the file as written
        assertThat(tools.check(Map.of("paths", List.of(WEBHOOK))).toString())
                .contains("approval-stale");
    }

    @Test
    void setFieldOfANextReviewLeavesAnApprovalAlone() throws IOException {
        Path file = tmp.resolve(WEBHOOK);
        String hash = SpecTools.hash(Files.readAllBytes(file));

        Map<String, Object> set = setField(WEBHOOK, "next review", "2027-03-01", hash);

        assertThat(set).containsEntry("changed", true).doesNotContainKey("approval");
        assertThat(Files.readString(file)).contains("**Next Review:** 2027-03-01");
        assertThat(set.get("diagnostics").toString()).doesNotContain("approval-stale");
    }

    @Test
    void setFieldSetsAYamlListFromAnArrayAndAnswersItsItemsAsArrays() throws IOException {
        Path team = tmp.resolve("team");
        Files.createDirectories(team.resolve("template"));
        Files.createDirectories(team.resolve("docs/specs"));
        Files.writeString(
                team.resolve(".specgate.yml"),
                "template: template/design-spec.md\nspecs:\n  - docs/specs/*.md\n");
        Files.writeString(
                team.resolve("template/design-spec.md"),
                "---\ntitle: \"[Feature title]\"\nstatus: \"[Draft | In Review | Approved |"
                        + " Shipped]\"\nowner: \"[Owner name]\"\nreviewers:\n  - \"[First"
                        + " reviewer]\"\nlabels: [api, web, mobile]  # optional: the areas it"
                        + " touches\ncreated: YYYY-MM-DD\nupdated: YYYY-MM-DD\n---\n\n# [Feature"
                        + " title]\n\n## Summary\n\n[One paragraph: what changes and why.]\n");
        String text =
                "---\r\ntitle: Invoice PDF v2\r\nstatus: In Review\r\nowner: Li Wei (李伟)\r\n"
                        + "reviewers:\r\n  - María José García\r\nlabels: [api, web]\r\n"
                        + "created: 2026-06-01\r\nupdated: 2026-06-03\r\n---\r\n\r\n"
                        + "# Invoice PDF v2 — 请求书\r\n\r\n## Summary\r\n\r\n"
                        + "Invoices are rendered with `render({\"rtl\": [true]})`.\r\n";
        Path file = team.resolve("docs/specs/2026-06-01-invoice-pdf.md");
        Files.writeString(file, text);
        SpecTools teamTools = new SpecTools(options(team, false));
        String spec = "docs/specs/2026-06-01-invoice-pdf.md";

        Map<String, Object> labels =
                teamTools.setField(
                        Map.of(
                                "path",
                                spec,
                                "field",
                                "Labels",
                                "value",
                                List.of("WEB", "mobile"),
                                "hash",
                                SpecTools.hash(Files.readAllBytes(file))));
        Map<String, Object> reviewers =
                teamTools.setField(
                        Map.of(
                                "path",
                                spec,
                                "field",
                                "reviewers",
                                "value",
                                "山田 太郎",
                                "hash",
                                SpecTools.hash(Files.readAllBytes(file))));

        assertThat(labels)
                .containsEntry("from", List.of("api", "web"))
                .containsEntry("value", List.of("web", "mobile"))
                .containsEntry("changed", true);
        assertThat(reviewers)
                .containsEntry("from", List.of("María José García"))
                .containsEntry("value", List.of("山田 太郎"));
        assertThat(file)
                .hasContent(
                        text.replace("labels: [api, web]", "labels: [web, mobile]")
                                .replace("  - María José García", "  - 山田 太郎"));
        byte[] before = Files.readAllBytes(file);
        assertThatThrownBy(
                        () ->
                                teamTools.setField(
                                        Map.of(
                                                "path",
                                                spec,
                                                "field",
                                                "labels",
                                                "value",
                                                List.of("api", "desktop"),
                                                "hash",
                                                SpecTools.hash(before))))
                .isInstanceOf(ToolRefusal.class)
                .hasMessageStartingWith(
                        "'desktop' is not a value of 'labels': use one of api, web, mobile");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    private Map<String, Object> setField(String path, String field, String value, String hash) {
        return tools.setField(Map.of("path", path, "field", field, "value", value, "hash", hash));
    }
}
