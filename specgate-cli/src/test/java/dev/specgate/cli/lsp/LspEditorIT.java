package dev.specgate.cli.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.project.ConfigChoice;
import dev.specgate.core.project.SpecProject;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end with a real editor: headless Neovim opens a spec of a copy of the demo, starts {@code
 * java -jar specgate.jar lsp} with its built-in LSP client, and writes the diagnostics it receives
 * to a file; they must equal {@code check --format json} for that file, position for position. Uses
 * Debian's {@code neovim} (0.7 or later); skipped when it is not installed ({@code .ci/run}
 * installs it).
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class LspEditorIT {

    static final Path JAR = Path.of("target", "specgate.jar");
    static final Path SCRIPT = Path.of("src", "test", "resources", "lsp", "nvim-diagnostics.lua");
    static final Path EDIT_SCRIPT = Path.of("src", "test", "resources", "lsp", "nvim-edit.lua");
    static final Path MOVE_SCRIPT = Path.of("src", "test", "resources", "lsp", "nvim-move.lua");
    static final Path CONFIG_FIX_SCRIPT =
            Path.of("src", "test", "resources", "lsp", "nvim-config-fix.lua");
    static final Path FIELD_SCRIPT = Path.of("src", "test", "resources", "lsp", "nvim-field.lua");
    static final Path FOLDERS_SCRIPT =
            Path.of("src", "test", "resources", "lsp", "nvim-folders.lua");
    static final String TODAY = "2026-11-25";

    @TempDir Path tmp;

    @Test
    void neovimShowsWhatCheckReports() throws Exception {
        Path project = demoForNeovim();
        Map<Path, List<String>> check = LspCheckParity.check(project, TODAY);
        // the spec with the most findings, of several rules and both severities
        Path spec =
                check.entrySet().stream()
                        .max(Map.Entry.comparingByValue((a, b) -> a.size() - b.size()))
                        .orElseThrow()
                        .getKey();
        assertThat(check.get(spec)).hasSizeGreaterThan(3);
        Path out = tmp.resolve("diagnostics.json");

        JsonNode json =
                runNeovim(
                        SCRIPT,
                        out,
                        Map.of(
                                "SPECGATE_SPEC", spec.toString(),
                                "SPECGATE_TODAY", TODAY,
                                "SPECGATE_OUT", out.toString()));

        List<String> shown = new ArrayList<>();
        for (JsonNode d : json.get("published").get("diagnostics")) {
            JsonNode r = d.get("range");
            shown.add(
                    LspCheckParity.fromLsp(
                            r.get("start").get("line").asInt(),
                            r.get("start").get("character").asInt(),
                            r.get("end").get("line").asInt(),
                            r.get("end").get("character").asInt(),
                            d.get("severity").asInt(),
                            d.get("code").asText(),
                            d.get("message").asText()));
        }
        assertThat(shown).isEqualTo(check.get(spec));
        // and the editor placed each on the line check names
        List<Integer> lines = new ArrayList<>();
        json.get("shown").forEach(d -> lines.add(d.get("lnum").asInt() + 1));
        assertThat(lines)
                .containsExactlyInAnyOrderElementsOf(
                        check.get(spec).stream()
                                .map(s -> Integer.parseInt(s.substring(0, s.indexOf(':'))))
                                .toList());
    }

    /**
     * Neovim 0.7 reports no changed files to the server (it offers no dynamic registration of
     * {@code workspace/didChangeWatchedFiles}): a spec open under a broken {@code .specgate.yml}
     * shows the configuration's error, and when the configuration is fixed on disk, the spec
     * neither edited nor saved, the error goes and the spec's findings come, as {@code check}
     * reports them (before, the error stayed until the spec's next edit).
     */
    @Test
    void neovimDropsAConfigurationErrorWhenTheConfigurationIsFixedOnDisk() throws Exception {
        Path project = demoForNeovim();
        Path config = project.resolve(".specgate.yml");
        String fixed = Files.exists(config) ? Files.readString(config) : "version: 1\n";
        Map<Path, List<String>> check = LspCheckParity.check(project, TODAY);
        Path spec =
                check.keySet().stream()
                        .filter(p -> p.getFileName().toString().contains("refund-idempotency"))
                        .findFirst()
                        .orElseThrow();
        // an unknown key, CRLF line ends
        Files.writeString(config, fixed.replace("\n", "\r\n") + "rule:\r\n  x: off\r\n");
        Path out = tmp.resolve("config-fix.json");

        JsonNode json =
                runNeovim(
                        CONFIG_FIX_SCRIPT,
                        out,
                        Map.of(
                                "SPECGATE_SPEC", spec.toString(),
                                "SPECGATE_ROOT", project.toString(),
                                "SPECGATE_TODAY", TODAY,
                                "SPECGATE_OUT", out.toString(),
                                "SPECGATE_FIXED", fixed));

        JsonNode broken = json.get("broken").get("diagnostics");
        assertThat(broken).hasSize(1);
        assertThat(broken.get(0).get("code").asText()).isEqualTo("config");
        assertThat(json.has("fixed")).as(json.toString()).isTrue();
        List<String> codes = new ArrayList<>();
        json.get("fixed").get("diagnostics").forEach(d -> codes.add(d.get("code").asText()));
        assertThat(codes).doesNotContain("config").hasSize(check.get(spec).size()).isNotEmpty();
        assertThat(json.get("modified").asBoolean()).isFalse();
    }

    /**
     * Neovim 0.7, which reports no changed files, and the folders the server serves: a spec opened
     * outside the workspace folder under a broken {@code .specgate.yml} loses the error when the
     * configuration is fixed on disk (its project's root is watched while it is open); a folder
     * added with {@code vim.lsp.buf.add_workspace_folder} is watched (its configuration broken on
     * disk checks the open spec again) and, removed, watched no more. A notification the server
     * does not know is said in the editor's log of the server ({@code window/logMessage}, a
     * warning), not on the server's stderr, which Neovim keeps in its own log file. Before, only
     * the folder given at start was watched, and LSP4J's warning went to stderr.
     */
    @Test
    void neovimFollowsTheFoldersServedAndGetsTheServersMessagesInItsLog() throws Exception {
        Path project = demoForNeovim();
        Path config = project.resolve(".specgate.yml");
        String fixed = Files.exists(config) ? Files.readString(config) : "version: 1\n";
        Path spec = project.resolve("directives/spec/2026-11-09_spec_refund-idempotency-keys.md");
        Path outside = LspCheckParity.copyDemo(tmp.resolve("elsewhere/zahlungen (alt)"));
        Path outsideSpec = outside.resolve("directives/spec/2026-07-21_spec_ledger-export-sftp.md");
        Map<Path, List<String>> check = LspCheckParity.check(outside, TODAY);
        Files.writeString(
                outside.resolve(".specgate.yml"),
                fixed.replace("\n", "\r\n") + "rule:\r\n  x: off\r\n");
        Path added = LspCheckParity.copyDemo(tmp.resolve("ledger"));
        Files.writeString(added.resolve(".specgate.yml"), fixed);
        Path out = tmp.resolve("folders.json");

        JsonNode json =
                runNeovim(
                        FOLDERS_SCRIPT,
                        out,
                        Map.of(
                                "SPECGATE_ROOT", project.toString(),
                                "SPECGATE_SPEC", spec.toString(),
                                "SPECGATE_OUTSIDE", outsideSpec.toString(),
                                "SPECGATE_OUTSIDE_CONFIG",
                                        outside.resolve(".specgate.yml").toString(),
                                "SPECGATE_ADDED", added.toString(),
                                "SPECGATE_TODAY", TODAY,
                                "SPECGATE_OUT", out.toString(),
                                "SPECGATE_FIXED", fixed));

        JsonNode broken = json.get("outside_broken").get("diagnostics");
        assertThat(broken).hasSize(1);
        assertThat(broken.get(0).get("code").asText()).isEqualTo("config");
        assertThat(json.has("outside_fixed")).as(json.toString()).isTrue();
        List<String> codes = new ArrayList<>();
        json.get("outside_fixed")
                .get("diagnostics")
                .forEach(d -> codes.add(d.get("code").asText()));
        assertThat(codes)
                .doesNotContain("config")
                .hasSize(check.get(outsideSpec.toAbsolutePath().normalize()).size());
        assertThat(json.get("outside_modified").asBoolean()).isFalse();

        assertThat(json.get("checked_on_add").asBoolean()).as(json.toString()).isTrue();
        assertThat(json.get("seen_in_added").asBoolean()).as(json.toString()).isTrue();
        assertThat(json.get("checked_on_remove").asBoolean()).as(json.toString()).isTrue();
        assertThat(json.get("seen_after_remove").asBoolean()).as(json.toString()).isFalse();

        List<String> logged = new ArrayList<>();
        json.get("logged")
                .forEach(m -> logged.add(m.get("type").asInt() + ": " + m.get("message").asText()));
        assertThat(logged)
                .contains(
                        "2: LSP4J warning: Unsupported notification method:"
                                + " specgate/no-such-notification");
        // nothing said on the server's stderr, which Neovim 0.7 writes to its lsp.log
        try (Stream<Path> files = Files.walk(tmp)) {
            for (Path lspLog :
                    files.filter(f -> f.getFileName().toString().equals("lsp.log")).toList()) {
                assertThat(Files.readString(lspLog)).doesNotContain("specgate lsp:");
            }
        }
    }

    /**
     * Neovim opening Markdown that {@code check .} never looks at: the demo's README gets no
     * diagnostics, and a copy of a spec parked in {@code docs/} one information line saying why it
     * is not checked (before, both showed the template's missing sections and fields).
     */
    @Test
    void neovimShowsNothingOnMarkdownOutsideTheSpecPlaces() throws Exception {
        Path project = demoForNeovim();
        Path parked = project.resolve("docs/drafts/2026-07-21_spec_ledger-export-sftp.md");
        Files.createDirectories(parked.getParent());
        Files.copy(
                project.resolve("directives/spec/2026-07-21_spec_ledger-export-sftp.md"), parked);

        Path readmeOut = tmp.resolve("readme.json");
        JsonNode readme =
                runNeovim(
                        SCRIPT,
                        readmeOut,
                        Map.of(
                                "SPECGATE_SPEC", project.resolve("README.md").toString(),
                                "SPECGATE_TODAY", TODAY,
                                "SPECGATE_OUT", readmeOut.toString()));
        assertThat(readme.get("published").get("diagnostics")).isEmpty();

        Path parkedOut = tmp.resolve("parked.json");
        JsonNode json =
                runNeovim(
                        SCRIPT,
                        parkedOut,
                        Map.of(
                                "SPECGATE_SPEC", parked.toString(),
                                "SPECGATE_TODAY", TODAY,
                                "SPECGATE_OUT", parkedOut.toString()));
        JsonNode published = json.get("published").get("diagnostics");
        assertThat(published).hasSize(1);
        assertThat(published.get(0).get("severity").asInt()).isEqualTo(3); // Information
        assertThat(published.get(0).get("code").asText()).isEqualTo("not-checked");
        assertThat(published.get(0).get("message").asText())
                .startsWith("not checked: ")
                .contains("2026-07-21_spec_ledger-export-sftp.md is not where this project's specs")
                .endsWith("(directives/spec/ or the `specs:` globs of .specgate.yml)");
        assertThat(json.get("shown").get(0).get("lnum").asInt()).isZero();
    }

    /**
     * Neovim opening a spec in a folder linked into {@code directives/spec/} (which {@code check .}
     * follows and checks under the link's name): Neovim names the buffer by its real path, outside
     * the project, and the server checks it as {@code check .} does, under the link's name, after
     * one information line saying so (before, it said only that the real path is not checked).
     */
    @Test
    void neovimChecksASpecInALinkedFolderAsCheckDoes() throws Exception {
        Path project = demoForNeovim();
        String ledger = "2026-07-21_spec_ledger-export-sftp.md";
        Path shared = tmp.resolve("shared specs");
        Files.createDirectories(shared);
        Files.move(project.resolve("directives/spec/" + ledger), shared.resolve(ledger));
        Path linked = project.resolve("directives/spec/linked");
        Files.createSymbolicLink(linked, shared);
        Path name = linked.resolve(ledger);
        Map<Path, List<String>> check = LspCheckParity.check(project, TODAY);
        assertThat(check.get(name.toAbsolutePath().normalize())).hasSizeGreaterThan(3);
        Path out = tmp.resolve("linked.json");

        JsonNode json =
                runNeovim(
                        SCRIPT,
                        out,
                        Map.of(
                                "SPECGATE_ROOT", project.toString(),
                                "SPECGATE_SPEC", name.toString(),
                                "SPECGATE_TODAY", TODAY,
                                "SPECGATE_OUT", out.toString()));

        JsonNode published = json.get("published").get("diagnostics");
        int from = 0;
        if (json.get("uri")
                .asText()
                .equals(shared.resolve(ledger).toRealPath().toUri().toString())) {
            // Neovim 0.7 to 0.10 name it by its real path: told which name it is checked under
            assertThat(published.get(0).get("code").asText()).isEqualTo("alias");
            assertThat(published.get(0).get("message").asText())
                    .endsWith(
                            " is checked as directives/spec/linked/"
                                    + ledger
                                    + ": it is the same file, which a search of the workspace"
                                    + " finds under that name");
            from = 1;
        }
        List<String> shown = new ArrayList<>();
        for (int i = from; i < published.size(); i++) {
            JsonNode d = published.get(i);
            JsonNode r = d.get("range");
            shown.add(
                    LspCheckParity.fromLsp(
                            r.get("start").get("line").asInt(),
                            r.get("start").get("character").asInt(),
                            r.get("end").get("line").asInt(),
                            r.get("end").get("character").asInt(),
                            d.get("severity").asInt(),
                            d.get("code").asText(),
                            d.get("message").asText()));
        }
        assertThat(shown).isEqualTo(check.get(name.toAbsolutePath().normalize()));
    }

    /**
     * A writer's session in Neovim: the quick fix inserts the missing section, the hover on the
     * status explains the gates, and renaming a heading rewrites the links to it in another spec,
     * which Neovim loads and writes: both files on disk are the expected ones.
     */
    @Test
    void neovimFixesHoversAndRenamesAcrossFiles() throws Exception {
        Path project = demoForNeovim();
        Path spec = project.resolve("directives/spec/2026-11-09_spec_refund-idempotency-keys.md");
        Path notes = project.resolve("directives/spec/2026-11-30_spec_refund-rollout-notes.md");
        Files.copy(Path.of("src/test/resources/lsp", notes.getFileName().toString()), notes);
        String specBefore = Files.readString(spec);
        String notesBefore = Files.readString(notes);
        Path out = tmp.resolve("edit.json");

        JsonNode json =
                runNeovim(
                        EDIT_SCRIPT,
                        out,
                        Map.of(
                                "SPECGATE_ROOT",
                                project.toString(),
                                "SPECGATE_SPEC",
                                spec.toString(),
                                "SPECGATE_TODAY",
                                TODAY,
                                "SPECGATE_HEADING",
                                "### Database Changes",
                                "SPECGATE_NEW_TITLE",
                                "Schema Changes",
                                "SPECGATE_MISSING_AT",
                                "## Testing Strategy",
                                "SPECGATE_OUT",
                                out.toString()));

        assertThat(json.get("quick_fix").asText())
                .isEqualTo("Insert the missing section '### Mitigation Strategies'");
        assertThat(json.get("hover").asText())
                .contains("Status: Review")
                .contains("Review -> Approved: gate refuses")
                .contains("Review -> Draft: gate passes");
        assertThat(json.get("placeholder").asText()).isEqualTo("Database Changes");
        assertThat(json.get("renamed_files").asInt()).isEqualTo(2);

        String specAfter = Files.readString(spec);
        assertThat(specAfter)
                .isEqualTo(
                        specBefore
                                .replace(
                                        "\n## Testing Strategy\n",
                                        "\n### Mitigation Strategies\n\n"
                                                + "- **Risk 1:** [Specific mitigation approach]\n"
                                                + "- **Risk 2:** [Specific mitigation approach]\n"
                                                + "- **Contingency Plans:** [Backup approaches if"
                                                + " primary solution fails]\n\n"
                                                + "## Testing Strategy\n")
                                .replace("### Database Changes\n", "### Schema Changes\n"));
        // the other spec keeps its byte order mark and CRLF line ends; the code blocks are not
        // links; the reference definitions in a block quote and a list item are rewritten
        String notesAfter = Files.readString(notes);
        assertThat(notesAfter)
                .isEqualTo(
                        notesBefore
                                .replace("md#database-changes)", "md#schema-changes)")
                                .replace(
                                        "[keys](2026-11-09_spec_refund-idempotency-keys.md"
                                                + "#schema-changes)",
                                        "[keys](2026-11-09_spec_refund-idempotency-keys.md"
                                                + "#database-changes)")
                                .replace(
                                        "> [quoted]: 2026-11-09_spec_refund-idempotency-keys.md"
                                                + "#database-changes\r\n",
                                        "> [quoted]: 2026-11-09_spec_refund-idempotency-keys.md"
                                                + "#schema-changes\r\n")
                                .replace(
                                        "<2026-11-09_spec_refund-idempotency-keys.md"
                                                + "#database-changes> \"Schema\"",
                                        "<2026-11-09_spec_refund-idempotency-keys.md"
                                                + "#schema-changes> \"Schema\""));
        assertThat(notesAfter)
                .contains(
                        "~~~\r\n[fenced]: 2026-11-09_spec_refund-idempotency-keys.md"
                                + "#database-changes\r\n~~~");
        assertThat(notesAfter).startsWith("\uFEFF# ").contains("\r\n");
        Map<Path, List<String>> check = LspCheckParity.check(project, TODAY);
        assertThat(check.get(notes)).noneMatch(f -> f.contains("link-anchor"));
        assertThat(check.get(spec)).noneMatch(f -> f.contains("section-missing"));
    }

    /**
     * A metadata field set in Neovim: the "Set Type to ..." code actions on a spec's Type line
     * (source.specgate), one per other kind the template allows, the one taken run through the
     * client; the server's edit changes the Type value and no other byte (a CRLF spec with a byte
     * order mark), as {@code specgate field} changes it, and its approval, which held, goes stale,
     * which the action's title and a warning message say.
     */
    @Test
    void neovimSetsATypeFromItsLineAsFieldDoesAndSaysTheApprovalGoesStale() throws Exception {
        Path project = demoForNeovim();
        String name = "directives/spec/2026-11-09_spec_refund-idempotency-keys.md";
        Path spec = project.resolve(name);
        String text =
                "\uFEFF"
                        + Files.readString(spec)
                                .replace("**Type:** Feature", "**Type:** Integration")
                                .replace("\n", "\r\n");
        Files.writeString(spec, text);
        // approved while in Review (recorded as approve records it, its gate aside)
        SpecProject opened = SpecProject.open(spec, ConfigChoice.nearest());
        SpecSource source = SpecSource.read(spec);
        Files.write(
                spec,
                opened.lifecycle()
                        .approvals()
                        .approve(
                                source.edit(),
                                opened.parse(spec, source.text()),
                                "Lena Fischer",
                                LocalDate.parse(TODAY))
                        .bytes());
        String approved = Files.readString(spec);
        Path out = tmp.resolve("field.json");

        JsonNode json =
                runNeovim(
                        FIELD_SCRIPT,
                        out,
                        Map.of(
                                "SPECGATE_ROOT",
                                project.toString(),
                                "SPECGATE_SPEC",
                                spec.toString(),
                                "SPECGATE_LINE",
                                "**Type:**",
                                "SPECGATE_TITLE",
                                "Set Type to Security Enhancement (its approval goes stale)",
                                "SPECGATE_TODAY",
                                TODAY,
                                "SPECGATE_OUT",
                                out.toString()));

        List<String> offered = new ArrayList<>();
        json.get("offered").forEach(a -> offered.add(a.get("title").asText()));
        assertThat(offered)
                .containsExactly(
                        "Set Type to Bug Fix (its approval goes stale)",
                        "Set Type to Performance Optimization (its approval goes stale)",
                        "Set Type to Architecture Change (its approval goes stale)",
                        "Set Type to Security Enhancement (its approval goes stale)");
        JsonNode result = json.get("result");
        assertThat(result.get("applied").asBoolean()).as(json.toString()).isTrue();
        assertThat(result.get("message").asText())
                .startsWith(
                        "Set Type to Security Enhancement (was Integration). The approval of "
                                + TODAY
                                + " by Lena Fischer no longer holds: 'Type' is part of the approved"
                                + " content")
                // a Review spec: check does not report approval-stale before Approved
                .endsWith(
                        "(the spec is Review, so check does not report it; its move to Approved"
                                + " records a new approval).");
        assertThat(json.get("shown").get(0).get("type").asInt()).isEqualTo(2); // Warning
        assertThat(json.get("shown").get(0).get("message").asText())
                .isEqualTo(result.get("message").asText());
        // the Type value and no other byte, as specgate field writes it
        assertThat(Files.readString(spec))
                .isEqualTo(
                        approved.replace(
                                "**Type:** Integration\r\n", "**Type:** Security Enhancement\r\n"));
    }

    /**
     * Refused moves in Neovim: the "Move the status to Approved" code action of a spec in Review
     * whose decisions and questions are still open, and a move of a spec the configuration's globs
     * leave out ({@code SpecProject.moveRefusal}). Each is refused with what {@code specgate
     * status} says of the same move (the same reasons; the same refusal, naming the editor's
     * command where status names itself), shown to the writer as an error message, and neither the
     * buffer nor the file changes.
     */
    @Test
    void neovimIsRefusedAMoveAsStatusRefusesItAndNothingChanges() throws Exception {
        Path project = demoForNeovim();
        // drafts parked outside the specs: globs (the ledger spec of July is left out)
        Files.writeString(
                project.resolve(".specgate.yml"),
                "version: 1\n# specs live under directives/spec; older drafts are parked\n"
                        + "specs:\n  - \"directives/spec/2026-1*.md\"\n");
        String refundName = "directives/spec/2026-11-09_spec_refund-idempotency-keys.md";
        String ledgerName = "directives/spec/2026-07-21_spec_ledger-export-sftp.md";
        Path refund = project.resolve(refundName);
        Path ledger = project.resolve(ledgerName);
        byte[] refundBefore = Files.readAllBytes(refund);
        byte[] ledgerBefore = Files.readAllBytes(ledger);
        assertThat(new String(refundBefore, java.nio.charset.StandardCharsets.UTF_8))
                .contains("**Document Status:** Review")
                .contains("- [ ] Key lifetime");
        Status approve = status(project, refundName, "Approved");
        Status draft = status(project, ledgerName, "Draft");
        assertThat(approve.code()).isEqualTo(1);
        assertThat(draft.code()).isEqualTo(2);
        Path out = tmp.resolve("move.json");

        JsonNode json =
                runNeovim(
                        MOVE_SCRIPT,
                        out,
                        Map.of(
                                "SPECGATE_ROOT",
                                project.toString(),
                                "SPECGATE_TODAY",
                                TODAY,
                                "SPECGATE_MOVES",
                                refund + "=Approved;" + ledger + "=Draft",
                                "SPECGATE_OUT",
                                out.toString()));

        JsonNode gate = json.get("moves").get(0);
        assertThat(gate.get("action").asText())
                .isEqualTo("Move the status to Approved (gate refused: see why)");
        assertThat(gate.get("result").get("applied").asBoolean()).isFalse();
        // the first line specgate status prints for the same refusal, word for word
        String refusedLine = approve.err().lines().findFirst().orElseThrow();
        assertThat(gate.get("result").get("message").asText())
                .isEqualTo(refusedLine.substring("specgate: ".length()));
        // every reason status gives, in its order and words, among them the open decisions
        List<String> reasons = new ArrayList<>();
        gate.get("result").get("reasons").forEach(r -> reasons.add(r.asText()));
        assertThat(reasons)
                .isEqualTo(approve.reasons())
                .anyMatch(r -> r.contains("Technical Decisions Needed item 47.2 is not checked"))
                .anyMatch(r -> r.contains("Outstanding Questions item 48.1 is not checked"));
        assertThat(approve.err())
                .startsWith(
                        "specgate: cannot move "
                                + refundName
                                + " Review -> Approved: "
                                + reasons.size()
                                + " reasons (the file is unchanged)");
        JsonNode gateShown = gate.get("shown").get(0);
        assertThat(gateShown.get("type").asInt()).isEqualTo(1); // Error
        assertThat(gateShown.get("message").asText())
                .isEqualTo(
                        refusedLine.substring("specgate: ".length())
                                + "\n- "
                                + String.join("\n- ", reasons));
        assertThat(gate.get("modified").asBoolean()).isFalse();
        assertThat(gate.get("unchanged").asBoolean()).isTrue();

        JsonNode leftOut = json.get("moves").get(1);
        String refusal =
                draft.err()
                        .substring("specgate: ".length())
                        .strip()
                        .replace("; status moves", "; specgate.moveStatus moves");
        assertThat(refusal)
                .isEqualTo(
                        ledgerName
                                + " is not checked: no specs: glob matches "
                                + ledgerName
                                + " in .specgate.yml; specgate.moveStatus moves only specs that"
                                + " check checks (change the globs so that they select it); the"
                                + " file is unchanged");
        assertThat(leftOut.has("action")).as("no status action on a left-out spec").isFalse();
        assertThat(leftOut.get("result").get("applied").asBoolean()).isFalse();
        assertThat(leftOut.get("result").get("message").asText()).isEqualTo(refusal);
        assertThat(leftOut.get("shown").get(0).get("message").asText()).isEqualTo(refusal);
        assertThat(leftOut.get("modified").asBoolean()).isFalse();

        // Neovim wrote every buffer on the way out: both files are byte for byte as they were
        assertThat(Files.readAllBytes(refund)).isEqualTo(refundBefore);
        assertThat(Files.readAllBytes(ledger)).isEqualTo(ledgerBefore);
    }

    /** What {@code specgate status SPEC TARGET} said, run from the project's folder. */
    private record Status(int code, String err, List<String> reasons) {}

    private Status status(Path project, String spec, String target) throws Exception {
        ProcessBuilder pb =
                new ProcessBuilder(
                                javaBinary(),
                                "-jar",
                                JAR.toAbsolutePath().toString(),
                                "status",
                                spec,
                                target,
                                "--today",
                                TODAY)
                        .directory(project.toFile());
        Path err = tmp.resolve("status-" + target + ".err");
        pb.redirectError(err.toFile()).redirectOutput(tmp.resolve("status.out").toFile());
        Process p = pb.start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("status ended").isTrue();
        String text = Files.readString(err);
        List<String> reasons =
                text.lines().filter(l -> l.startsWith("  ")).map(String::strip).toList();
        return new Status(p.exitValue(), text, reasons);
    }

    /**
     * A copy of the demo to open in Neovim; the test is skipped when Neovim is not installed, and
     * fails when the shaded jar has not been built.
     */
    private Path demoForNeovim() {
        assumeTrue(nvim().isPresent(), "Neovim is not installed (apt-get install neovim)");
        assertThat(JAR).as("the shaded jar, built by package").isRegularFile();
        return LspCheckParity.copyDemo(tmp.resolve("demo"));
    }

    /**
     * Runs {@code script} in headless Neovim against the jar, with {@code env} besides the java and
     * jar it needs, and returns the JSON record the script wrote to {@code out}: the run must end,
     * write it without an error, and exit with zero.
     */
    private JsonNode runNeovim(Path script, Path out, Map<String, String> env) throws Exception {
        ProcessBuilder pb =
                new ProcessBuilder(
                        nvim().orElseThrow().toString(),
                        "--headless",
                        "-u",
                        "NONE",
                        "-i",
                        "NONE",
                        "-n",
                        "-c",
                        "luafile " + script.toAbsolutePath());
        pb.environment().put("SPECGATE_JAVA", javaBinary());
        pb.environment().put("SPECGATE_JAR", JAR.toAbsolutePath().toString());
        pb.environment().putAll(env);
        pb.environment().put("HOME", tmp.toString()); // no user configuration, no shada
        Path logFile = tmp.resolve(script.getFileName() + ".log");
        pb.redirectErrorStream(true).redirectOutput(logFile.toFile());
        Process p = pb.start();
        boolean ended = p.waitFor(3, TimeUnit.MINUTES);
        if (!ended) {
            p.destroyForcibly();
        }
        String log = Files.readString(logFile);
        assertThat(ended).as("nvim ended; its output: %s", log).isTrue();
        assertThat(out).as("nvim wrote its record; its output: %s", log).exists();
        JsonNode json = new ObjectMapper().readTree(Files.readString(out));
        assertThat(json.has("error")).as(json.toString()).isFalse();
        assertThat(p.exitValue()).as(log).isZero();
        return json;
    }

    static Optional<Path> nvim() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator))
                .map(d -> Path.of(d, "nvim"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
