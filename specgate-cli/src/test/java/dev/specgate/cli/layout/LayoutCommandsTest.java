package dev.specgate.cli.layout;

import static dev.specgate.cli.SpecFixtures.cleanSpec;
import static dev.specgate.cli.SpecFixtures.writeSpec;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specgate.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayoutCommandsTest {

    private static final String NAME = "2026-10-02_spec_webhook-retry-queue.md";

    @TempDir Path root;

    @Test
    void scaffoldCreatesThePromisedLayoutAndIsIdempotent() throws Exception {
        Path spec = writeSpec(root, NAME, cleanSpec());

        CliRun first = CliRun.of("scaffold", spec.toString());
        CliRun second = CliRun.of("scaffold", spec.toString());

        assertThat(first.exitCode()).isZero();
        assertThat(first.out())
                .contains("created      src/core/webhook-retry-queue/")
                .contains("created      tests/unit/webhook-retry-queue/")
                .contains("created      docs/dev/webhook-retry-queue.md");
        assertThat(root.resolve("tests/integration/webhook-retry-queue")).isDirectory();
        assertThat(root.resolve("docs/dev/webhook-retry-queue.md"))
                .content()
                .contains("# Webhook Retry Queue")
                .contains("(../../directives/spec/" + NAME + ")");
        assertThat(second.exitCode()).isZero();
        assertThat(second.out())
                .doesNotContain("created")
                .contains("exists       src/core/webhook-retry-queue/");
    }

    @Test
    void theFoldersScaffoldMakesReachAClone(@TempDir Path clone) throws Exception {
        // git records files, not folders: an empty folder scaffold made was committed as nothing,
        // and in a colleague's clone (or CI) the spec in Implementation missed its promised
        // folders (layout-missing errors), though docs/approvals.md speaks of scaffold's .gitkeep
        byte[] crlf =
                ("\uFEFF"
                                + cleanSpec()
                                        .replace(
                                                "**Document Status:** Approved",
                                                "**Document Status:** Implementation")
                                        .replace("\n", "\r\n"))
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Path spec = writeSpec(root, NAME, crlf);
        CliRun scaffold = CliRun.of("scaffold", spec.toString());
        try (org.eclipse.jgit.api.Git git =
                org.eclipse.jgit.api.Git.init()
                        .setDirectory(root.toFile())
                        .setInitialBranch("main")
                        .call()) {
            dev.specgate.cli.GitCommits.commit(
                    git, "Zoë Łukasiewicz", "2026-11-20", "Scaffold the retry queue");
        }
        org.eclipse.jgit.api.Git.cloneRepository()
                .setURI(root.toUri().toString())
                .setDirectory(clone.toFile())
                .call()
                .close();

        CliRun there = CliRun.of("check", clone.toString(), "--trace", "--today", "2026-11-25");
        CliRun trace = CliRun.of("trace", clone.toString());

        assertThat(scaffold.exitCode()).as(scaffold.err()).isZero();
        assertThat(scaffold.out())
                .contains("created      tests/unit/webhook-retry-queue/")
                .doesNotContain(".gitkeep");
        assertThat(root.resolve("tests/unit/webhook-retry-queue/.gitkeep")).isEmptyFile();
        // only the code file still to write is missing there, no folder
        assertThat(there.out().lines().filter(l -> l.contains("error [layout-missing]")))
                .singleElement()
                .asString()
                .contains("Configuration file 'src/config/webhook-retry-queue.ts' does not exist");
        assertThat(trace.out())
                .contains("MISSING  file      src/config/webhook-retry-queue.ts")
                .contains("exists   directory tests/unit/webhook-retry-queue/  0 test files")
                .contains("exists   directory src/core/webhook-retry-queue/");
    }

    @Test
    void aTeamsOwnSpecFolderScaffoldsAndTracesFromTheFolderOfItsConfiguration() throws Exception {
        // specs in docs/specs/, no directives/: the spec's own folder was taken for the project
        // root, so scaffold made docs/specs/src/core/... and docs/specs/docs/dev/x.md, which
        // check and trace then took for a second spec (22 errors), and trace said "exists"
        Files.writeString(
                root.resolve(".specgate.yml"),
                "version: 1\ntemplate: rigour-vibe\nspecs:\n  - docs/specs/**/*.md\n");
        Path spec = root.resolve("docs/specs/" + NAME);
        Files.createDirectories(spec.getParent());
        Files.write(
                spec,
                ("\uFEFF"
                                + dev.specgate.cli.SpecFixtures.reapproved(
                                                cleanSpec()
                                                        .replace(
                                                                "directives/spec/" + NAME,
                                                                "docs/specs/" + NAME))
                                        .replace("\n", "\r\n"))
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));

        CliRun scaffold = CliRun.of("scaffold", spec.toString());
        CliRun check = CliRun.of("check", root.toString(), "--today", "2026-11-25");
        CliRun trace = CliRun.of("trace", root.toString());

        assertThat(scaffold.exitCode()).as(scaffold.err()).isZero();
        assertThat(scaffold.out())
                .contains("created      src/core/webhook-retry-queue/")
                .contains("created      docs/dev/webhook-retry-queue.md");
        assertThat(root.resolve("src/core/webhook-retry-queue")).isDirectory();
        assertThat(root.resolve("docs/specs/src")).doesNotExist();
        assertThat(root.resolve("docs/dev/webhook-retry-queue.md"))
                .content()
                .contains("(../specs/" + NAME + ")");
        assertThat(check.out()).endsWith("No problems found in 1 spec." + System.lineSeparator());
        assertThat(trace.out())
                .startsWith(spec + " (Approved)")
                .contains("exists   directory src/core/webhook-retry-queue/")
                .doesNotContain("no File Organization entries");
    }

    @Test
    void scaffoldOfASpecTheConfigurationLeavesOutSaysItIsNotCheckedAndCreatesTheLayout()
            throws Exception {
        Files.writeString(
                root.resolve(".specgate.yml"), "specs:\n  - directives/spec/active/*.md\n");
        Path spec = writeSpec(root, NAME, cleanSpec());

        CliRun run = CliRun.of("scaffold", spec.toString(), "--dry-run");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err())
                .isEqualTo(
                        "specgate: "
                                + spec
                                + " is not checked: no specs: glob matches directives/spec/"
                                + NAME
                                + " in "
                                + root.resolve(".specgate.yml")
                                + "\n");
        assertThat(run.out()).contains("would create src/core/webhook-retry-queue/");
    }

    @Test
    void dryRunCreatesNothing() throws Exception {
        Path spec = writeSpec(root, NAME, cleanSpec());

        CliRun run = CliRun.of("scaffold", spec.toString(), "--dry-run");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("would create src/core/webhook-retry-queue/");
        try (Stream<Path> top = Files.list(root)) {
            assertThat(top.map(p -> p.getFileName().toString())).containsExactly("directives");
        }
    }

    @Test
    void anEscapingEntryIsRefusedAndNothingIsCreated() throws Exception {
        String hostile =
                cleanSpec().replace("`tests/integration/webhook-retry-queue/`", "`../../escape/`");
        Path spec = writeSpec(root, NAME, hostile);
        byte[] before = Files.readAllBytes(spec);

        CliRun run = CliRun.of("scaffold", spec.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("'../../escape/'")
                .contains("contains '..'")
                .contains("nothing was created");
        try (Stream<Path> top = Files.list(root)) {
            assertThat(top.map(p -> p.getFileName().toString())).containsExactly("directives");
        }
        assertThat(root.getParent().resolve("escape")).doesNotExist();
        assertThat(Files.readAllBytes(spec)).isEqualTo(before);
    }

    @Test
    void traceSaysAnEntryScaffoldRefusesIsRefusedNotMissing() throws Exception {
        // a spec in Implementation whose File Organization points out of the project, once with
        // '..' and once absolutely: trace and check --trace say why, as scaffold refuses them
        String hostile =
                cleanSpec()
                        .replace("`tests/integration/webhook-retry-queue/`", "`../platform/ci/`")
                        .replace("`src/core/webhook-retry-queue/`", "`/opt/retry-queue/`")
                        .replace(
                                "**Document Status:** Approved",
                                "**Document Status:** Implementation");
        Path spec = writeSpec(root, NAME, hostile);

        CliRun scaffold = CliRun.of("scaffold", spec.toString(), "--dry-run");
        CliRun trace = CliRun.of("trace", spec.toString());
        CliRun json = CliRun.of("trace", spec.toString(), "--format", "json");
        CliRun check = CliRun.of("check", spec.toString(), "--trace", "--today", "2026-11-25");

        assertThat(scaffold.err()).contains("'/opt/retry-queue/' (line ").contains("is absolute");
        assertThat(trace.exitCode()).isEqualTo(1);
        assertThat(trace.out())
                .contains(
                        "  refused  directory /opt/retry-queue/  (is absolute; scaffold refuses"
                                + " it)")
                .contains(
                        "  refused  directory ../platform/ci/  (contains '..'; scaffold refuses it)")
                .doesNotContain("missing  directory ../platform/ci/")
                .doesNotContain("MISSING  directory /opt/retry-queue/");
        JsonNode entries =
                new ObjectMapper().readTree(json.out()).get("specs").get(0).get("entries");
        assertThat(entries.get(0).get("refused").asText()).isEqualTo("is absolute");
        assertThat(entries.get(0).get("exists").asBoolean()).isFalse();
        assertThat(entries.get(2).has("refused")).isFalse();
        // a required path that does not exist says so, as MCP's trace does: MISSING, or refused
        // (it can never exist inside the project)
        assertThat(entries.get(0).get("required").asBoolean()).isTrue();
        List<JsonNode> missing = new java.util.ArrayList<>();
        entries.forEach(
                e ->
                        missing.addAll(
                                e.has("required") && !e.has("refused") ? List.of(e) : List.of()));
        assertThat(missing)
                .isNotEmpty()
                .allSatisfy(
                        e -> {
                            assertThat(e.get("required").asBoolean()).isTrue();
                            assertThat(e.get("exists").asBoolean()).isFalse();
                            assertThat(trace.out())
                                    .containsPattern(
                                            "MISSING +"
                                                    + e.get("kind").asText()
                                                    + " +"
                                                    + java.util.regex.Pattern.quote(
                                                            e.get("path").asText()));
                        });
        assertThat(check.out())
                .contains(
                        "error [layout-missing] Core logic directory '/opt/retry-queue/' is"
                                + " refused: it is absolute (a File Organization path stays inside"
                                + " the project root; scaffold refuses it too)")
                .contains(
                        "error [layout-missing] Integration tests directory '../platform/ci/' is"
                                + " refused: it contains '..'")
                .doesNotContain("'../platform/ci/' does not exist");
    }

    @Test
    void traceOfALatin1SpecNamesTheLineAndColumnOfTheBadByte() throws Exception {
        Path spec =
                writeSpec(
                        root,
                        NAME,
                        cleanSpec()
                                .replace(
                                        "Specification: Webhook Retry Queue",
                                        "Specification: Webhook Retry Queue, caf\u00e9")
                                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        CliRun run = CliRun.of("trace", spec.toString());

        // listed with the reason, at the bad byte, as check reports it (exit 1, as check's)
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).isEmpty();
        assertThat(run.out())
                .containsPattern(
                        NAME
                                + "\n  not traced: line 1, column 52: cannot check this file: not"
                                + " UTF-8 \\(byte 0xE9 at offset \\d+\\); save the file as UTF-8\n");
    }

    @Test
    void traceAndScaffoldSayWhichItemsNameAPathWithoutBackticks() throws Exception {
        String spec =
                cleanSpec()
                        .replace(
                                "- Configuration: `src/config/webhook-retry-queue.ts`",
                                "- Configuration: src/config/webhook-retry-queue.ts\n- Utilities: N/A");
        Path file = writeSpec(root, NAME, spec);
        int line =
                java.util.Arrays.asList(spec.split("\n"))
                                .indexOf("- Configuration: src/config/webhook-retry-queue.ts")
                        + 1;

        CliRun trace = CliRun.of("trace", file.toString());
        CliRun json = CliRun.of("trace", file.toString(), "--format", "json");
        CliRun scaffold = CliRun.of("scaffold", file.toString(), "--dry-run");

        assertThat(trace.out())
                .contains(
                        "  not read line "
                                + line
                                + ": 'Configuration: src/config/webhook-retry-queue.ts'\n"
                                + "  (1 list item names a path but is not traced: a path is read"
                                + " only in backticks or as a link right after the label, as in '- Core"
                                + " logic: `src/core/[feature-name]/`')\n")
                .doesNotContain("N/A");
        JsonNode unread = new ObjectMapper().readTree(json.out()).get("specs").get(0).get("unread");
        assertThat(unread).hasSize(1);
        assertThat(unread.get(0).get("line").asInt()).isEqualTo(line);
        assertThat(unread.get(0).get("text").asText())
                .isEqualTo("Configuration: src/config/webhook-retry-queue.ts");
        assertThat(scaffold.exitCode()).isZero();
        assertThat(scaffold.err())
                .isEqualTo(
                        "specgate: "
                                + file
                                + ":"
                                + line
                                + ": 'Configuration: src/config/webhook-retry-queue.ts' is not read"
                                + " as a File Organization entry, nothing is made for it: a path"
                                + " is read only in backticks or as a link right after the label, as"
                                + " in '- Core logic: `src/core/[feature-name]/`'\n");
    }

    @Test
    void traceReflectsWhatExistsAsJson() throws Exception {
        Path spec = writeSpec(root, NAME, cleanSpec());
        Files.createDirectories(root.resolve("tests/unit/webhook-retry-queue"));
        Files.writeString(
                root.resolve("tests/unit/webhook-retry-queue/DispatcherTest.java"),
                "class DispatcherTest {}");

        CliRun run = CliRun.of("trace", spec.toString(), "--format", "json");

        assertThat(run.exitCode()).isZero();
        JsonNode entries =
                new ObjectMapper().readTree(run.out()).get("specs").get(0).get("entries");
        assertThat(entries).hasSize(5);
        JsonNode unit = entries.get(2);
        assertThat(unit.get("path").asText()).isEqualTo("tests/unit/webhook-retry-queue/");
        assertThat(unit.get("kind").asText()).isEqualTo("directory");
        assertThat(unit.get("conditional").asBoolean()).isFalse();
        assertThat(unit.get("exists").asBoolean()).isTrue();
        assertThat(unit.get("testFiles").asInt()).isEqualTo(1);
        assertThat(entries.get(0).get("exists").asBoolean()).isFalse();
        assertThat(entries.get(0).has("testFiles")).isFalse();
    }

    @Test
    void traceAndCheckTraceReadAnEmphasizedStatusAlike() throws Exception {
        // trace once read "*Implementation*" as not Implementation while check --trace did
        writeSpec(
                root,
                NAME,
                cleanSpec()
                        .replace(
                                "**Document Status:** Approved",
                                "**Document Status:** *Implementation*"));

        CliRun check = CliRun.of("check", root.toString(), "--trace", "--today", "2026-11-25");
        CliRun trace = CliRun.of("trace", root.toString(), "--today", "2026-11-25");

        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.out()).contains("error [layout-missing] Core logic directory");
        assertThat(trace.exitCode()).isEqualTo(check.exitCode());
        assertThat(trace.out())
                .contains("(*Implementation*)")
                .contains("MISSING  directory src/core/webhook-retry-queue/");
    }

    @Test
    void missingPathsAreErrorsOnlyForSpecsInImplementation() throws Exception {
        writeSpec(root, NAME, cleanSpec());
        CliRun approved = CliRun.of("check", root.toString(), "--trace", "--today", "2026-11-25");
        writeSpec(
                root,
                NAME,
                cleanSpec()
                        .replace(
                                "**Document Status:** Approved",
                                "**Document Status:** Implementation"));
        CliRun implementing =
                CliRun.of("check", root.toString(), "--trace", "--today", "2026-11-25");
        CliRun withoutTrace = CliRun.of("check", root.toString(), "--today", "2026-11-25");
        CliRun json =
                CliRun.of(
                        "check", root.toString(), "--trace", "--today", "2026-11-25", "-f", "json");
        CliRun trace = CliRun.of("trace", root.toString());

        assertThat(approved.exitCode()).isZero();
        assertThat(approved.out())
                .contains(
                        ":54:18: info [layout-missing] Configuration file 'src/config/webhook-retry-queue.ts' does not exist");
        assertThat(implementing.exitCode()).isEqualTo(1);
        assertThat(implementing.out())
                .contains(
                        ":53:15: error [layout-missing] Core logic directory 'src/core/webhook-retry-queue/' does not exist (the spec is in Implementation)")
                .contains(":57:15: error [layout-missing] Unit tests")
                .contains(
                        ":61:19: info [layout-missing] Technical docs file 'docs/dev/webhook-retry-queue.md'");
        assertThat(withoutTrace.out()).doesNotContain("layout-missing");
        long infoLines = implementing.out().lines().filter(l -> l.contains(": info [")).count();
        assertThat(infoLines).isPositive();
        assertThat(new ObjectMapper().readTree(json.out()).at("/summary/infos").asLong())
                .isEqualTo(infoLines);
        assertThat(trace.exitCode()).isEqualTo(1);
        assertThat(trace.out())
                .contains("MISSING  directory tests/unit/webhook-retry-queue/  0 test files");
    }

    @Test
    void aSpecTraceCannotReadIsListedWithTheReasonAndTheOthersAreTraced() throws Exception {
        // trace once stopped at the first spec it could not read (exit 2, nothing traced)
        writeSpec(root, NAME, cleanSpec());
        String latin1 =
                cleanSpec()
                        .replace("Webhook Retry Queue", "Webhook-Warteschlange für Zürich")
                        .replace("→", "->");
        writeSpec(
                root,
                "2026-10-03_spec_webhook-warteschlange.md",
                latin1.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        CliRun check = CliRun.of("check", root.toString(), "--today", "2026-11-25");
        CliRun trace = CliRun.of("trace", root.toString(), "--today", "2026-11-25");
        CliRun json =
                CliRun.of("trace", root.toString(), "--today", "2026-11-25", "--format", "json");

        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.out())
                .contains(
                        "2026-10-03_spec_webhook-warteschlange.md:1:",
                        " error [unreadable-file] cannot check this file: not UTF-8 (byte 0xFC");
        assertThat(trace.exitCode()).as(trace.err()).isEqualTo(check.exitCode());
        assertThat(trace.err()).isEmpty();
        assertThat(trace.out())
                .contains(
                        "directives/spec/2026-10-02_spec_webhook-retry-queue.md (Approved)\n"
                                + "  missing  directory src/core/webhook-retry-queue/")
                .contains(
                        "directives/spec/2026-10-03_spec_webhook-warteschlange.md\n"
                                + "  not traced: line 1, column ")
                .contains(": cannot check this file: not UTF-8 (byte 0xFC at offset ");
        assertThat(json.exitCode()).isEqualTo(1);
        JsonNode specs = new ObjectMapper().readTree(json.out()).get("specs");
        assertThat(specs).hasSize(2);
        assertThat(specs.get(0).has("error")).isFalse();
        assertThat(specs.get(0).get("entries")).hasSize(5);
        assertThat(specs.get(1).get("error").asText())
                .startsWith("cannot check this file: not UTF-8 (byte 0xFC at offset ");
        assertThat(specs.get(1).get("entries")).isEmpty();
    }

    @Test
    void traceOfAFolderListsItsSpecsAndNotItsTaskLists() throws Exception {
        // trace once listed each task list too, each with "no File Organization entries"
        Path spec = writeSpec(root, NAME, cleanSpec());
        CliRun tasks = CliRun.of("tasks", spec.toString(), "--today", "2026-11-25");
        assertThat(tasks.exitCode()).as(tasks.err()).isZero();
        Path list = root.resolve("directives/tasks/2026-11-25_task_webhook-retry-queue.md");
        assertThat(list).isRegularFile();

        CliRun trace = CliRun.of("trace", root.toString(), "--today", "2026-11-25");
        CliRun json =
                CliRun.of("trace", root.toString(), "--today", "2026-11-25", "--format", "json");
        CliRun listAlone = CliRun.of("trace", list.getParent().toString());

        assertThat(trace.exitCode()).as(trace.err()).isZero();
        assertThat(trace.out())
                .startsWith(spec + " (Approved)\n")
                .doesNotContain("_task_")
                .doesNotContain("no File Organization entries");
        assertThat(new ObjectMapper().readTree(json.out()).get("specs")).hasSize(1);
        assertThat(listAlone.exitCode()).isEqualTo(2);
        assertThat(listAlone.out()).isEmpty();
        assertThat(listAlone.err())
                .isEqualTo(
                        "specgate: nothing to trace: 1 task list and no spec (trace reads a"
                                + " spec's File Organization)\n");
    }

    @Test
    void traceSaysAFileTheConfigurationLeavesOutAndAFileInTheSpecFolderItDoesNotTake()
            throws Exception {
        // trace README.md directives/spec traced the spec, exit 0, and said nothing of README.md
        Files.writeString(
                root.resolve(".specgate.yml"),
                "specs:\r\n  - directives/spec/**/*.md\r\n",
                java.nio.charset.StandardCharsets.UTF_8);
        Path spec = writeSpec(root, NAME, cleanSpec());
        Path readme = Files.writeString(root.resolve("README.md"), "# Zahlungen für Zürich\n");
        Files.writeString(root.resolve("directives/spec/2026-10-03_spec_export.txt"), "# Export\n");

        CliRun both = CliRun.of("trace", readme.toString(), spec.getParent().toString());
        CliRun alone = CliRun.of("trace", readme.toString());

        assertThat(both.exitCode()).as(both.err()).isZero();
        assertThat(both.out()).startsWith(spec + " (Approved)\n");
        assertThat(both.err().lines())
                .containsExactly(
                        "specgate: "
                                + readme
                                + " is not checked: no specs: glob matches README.md in "
                                + root.resolve(".specgate.yml"),
                        "specgate: "
                                + root
                                + "/directives/spec/2026-10-03_spec_export.txt is not checked:"
                                + " only Markdown files (.md, .markdown) are specs (rename it to"
                                + " .md if it is one)");
        assertThat(alone.exitCode()).isEqualTo(2);
        assertThat(alone.err().lines())
                .containsExactly(
                        "specgate: "
                                + readme
                                + " is not checked: no specs: glob matches README.md in "
                                + root.resolve(".specgate.yml"),
                        "specgate: nothing to trace: 0 task lists and no spec (trace reads a"
                                + " spec's File Organization)");
    }

    @Test
    void scaffoldOfATaskListIsToldToGiveTheSpecAndCreatesNothing() throws Exception {
        // it said "no File Organization entries to scaffold", though the list names files
        Path spec = writeSpec(root, NAME, cleanSpec());
        CliRun tasks = CliRun.of("tasks", spec.toString(), "--today", "2026-11-25");
        assertThat(tasks.exitCode()).as(tasks.err()).isZero();
        Path list = root.resolve("directives/tasks/2026-11-25_task_webhook-retry-queue.md");
        byte[] before = Files.readAllBytes(list);

        CliRun run = CliRun.of("scaffold", list.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .isEqualTo(
                        "specgate: "
                                + list
                                + " is a task list, not a spec: give the spec it implements\n");
        assertThat(root.resolve("src")).doesNotExist();
        assertThat(Files.readAllBytes(list)).isEqualTo(before);
    }
}
