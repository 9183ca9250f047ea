package dev.specgate.cli.report;

import static dev.specgate.cli.SpecFixtures.cleanSpec;
import static dev.specgate.cli.SpecFixtures.writeSpec;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specgate.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text that a spec carries (its title, a checklist item, a gate's reason that quotes an item)
 * reaches the terminal with its control characters written as escapes, in every command's text
 * output, as {@code check}'s text report writes them: an ESC in a title cannot recolour the
 * terminal, an OSC sequence in an item cannot retitle the window. JSON keeps the characters (JSON
 * escapes them itself).
 */
class EscapedSpecTextTest {

    private static final String TODAY = "2026-11-25";
    private static final String NAME = "2026-10-02_spec_webhook-retry-queue.md";
    private static final String RED = "\u001B[31m";
    private static final String RETITLE = "\u001B]0;pwned\u0007";

    @TempDir Path root;

    private Path hostileSpec() {
        return writeSpec(
                root,
                NAME,
                cleanSpec()
                        .replace(
                                "# Technical Specification: Webhook Retry Queue",
                                "# Technical Specification: Webhook " + RED + "Retry Queue")
                        .replace(
                                "- [ ] Staging merchant simulator deployed",
                                "- [ ] Staging merchant " + RETITLE + "simulator deployed"));
    }

    private static void assertEscaped(CliRun run) {
        assertThat(run.out() + run.err()).doesNotContain("\u001B").doesNotContain("\u0007");
    }

    @Test
    void checklistCommandsWriteItemsWithEscapes() throws Exception {
        Path spec = hostileSpec();

        CliRun progress = CliRun.of("progress", spec.toString());
        CliRun next = CliRun.of("next", spec.toString());
        CliRun json = CliRun.of("next", spec.toString(), "-f", "json");
        CliRun inOrder = CliRun.of("done", spec.toString(), "14.3", "--in-order");
        CliRun done = CliRun.of("done", spec.toString(), "13.3");
        CliRun again = CliRun.of("done", spec.toString(), "13.3");

        for (CliRun run : new CliRun[] {progress, next, inOrder, done, again}) {
            assertEscaped(run);
        }
        assertThat(progress.out())
                .contains("  [ ] 13.3 Staging merchant \\x1B]0;pwned\\x07simulator deployed\n");
        assertThat(next.out())
                .isEqualTo(
                        "Next: 13.3 Staging merchant \\x1B]0;pwned\\x07simulator deployed"
                                + " (Prerequisites, line 68)\n");
        assertThat(inOrder.exitCode()).isEqualTo(1);
        assertThat(inOrder.err()).contains("13.3 Staging merchant \\x1B]0;pwned\\x07simulator");
        assertThat(done.out()).startsWith("Checked 13.3 Staging merchant \\x1B]0;pwned\\x07");
        assertThat(again.out())
                .isEqualTo(
                        "13.3 is already checked; nothing changed: Staging merchant"
                                + " \\x1B]0;pwned\\x07simulator deployed\n");
        // JSON carries the text itself; JSON's own escaping keeps the terminal safe
        assertThat(new ObjectMapper().readTree(json.out()).get("text").asText())
                .isEqualTo("Staging merchant " + RETITLE + "simulator deployed");
    }

    @Test
    void listAndStatusWriteTitlesAndGateReasonsWithEscapes() throws Exception {
        Path spec = hostileSpec();

        CliRun list = CliRun.of("list", root.toString(), "--today", TODAY);
        CliRun status = CliRun.of("status", spec.toString(), "--today", TODAY);
        CliRun refused = CliRun.of("status", spec.toString(), "Implementation", "--today", TODAY);
        String before = Files.readString(spec);

        for (CliRun run : new CliRun[] {list, status, refused}) {
            assertEscaped(run);
        }
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).contains("Webhook \\x1B[31mRetry Queue");
        assertThat(status.out())
                .contains(
                        "Prerequisites item 13.3 is not checked: Staging merchant"
                                + " \\x1B]0;pwned\\x07simulator deployed");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("Staging merchant \\x1B]0;pwned\\x07simulator");
        assertThat(Files.readString(spec)).isEqualTo(before);
    }

    @Test
    void diffAndHistoryWriteSpecTextAndAuthorsWithEscapes() throws Exception {
        Path spec = writeSpec(root, NAME, cleanSpec());
        try (Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            PersonIdent who =
                    new PersonIdent(
                            "Mallory " + RED + "RED",
                            "mallory@example.com",
                            Instant.parse("2026-10-02T10:00:00Z"),
                            ZoneOffset.UTC);
            git.commit().setAuthor(who).setCommitter(who).setMessage("Add").setSign(false).call();
        }
        hostileSpec();

        CliRun history = CliRun.of("history", spec.toString());
        CliRun diff = CliRun.of("diff", spec.toString(), "--since", "HEAD");

        for (CliRun run : new CliRun[] {history, diff}) {
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertEscaped(run);
        }
        assertThat(history.out()).contains("Mallory \\x1B[31mRED  (created) Approved");
        assertThat(diff.out())
                .contains("  [ ] Staging merchant \\x1B]0;pwned\\x07simulator deployed (");
    }

    @Test
    void fileNamesInNoticesAndErrorsAreWrittenWithEscapes() throws Exception {
        // a spec whose name would forge a finding line and recolour the terminal, and a file in
        // the spec folder the search does not take (a notice on stderr) with an ESC in its name
        String forged = "2026-10-02_spec_evil" + RED + "x\nFAKE.md:1:1: error [forged] ok.md";
        Path spec = writeSpec(root, forged, cleanSpec());
        Files.writeString(spec.resolveSibling("note" + RED + ".txt"), "x");
        Path out = root.resolve("site");

        CliRun check = CliRun.of("check", root.toString(), "--today", TODAY);
        CliRun json = CliRun.of("check", root.toString(), "--today", TODAY, "-f", "json");
        CliRun site = CliRun.of("site", root.toString(), "--out", out.toString(), "--today", TODAY);
        CliRun missing = CliRun.of("check", root.resolve("nope" + RED + "\n.md").toString());
        CliRun history = CliRun.of("history", spec.toString());

        for (CliRun run : new CliRun[] {check, site, missing, history}) {
            assertEscaped(run);
        }
        String notice = "directives/spec/note\\x1B[31m.txt is not checked: only Markdown files";
        assertThat(check.err()).startsWith("specgate: ").contains(notice).hasLineCount(1);
        assertThat(check.out())
                .contains("directives/spec/2026-10-02_spec_evil\\x1B[31mx\\nFAKE.md:")
                .doesNotContain("\nFAKE");
        assertThat(site.exitCode()).as(site.err()).isZero();
        assertThat(site.err()).startsWith("specgate: ").contains(notice).hasLineCount(1);
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err())
                .endsWith("nope\\x1B[31m\\n.md\n")
                .startsWith("specgate: ")
                .hasLineCount(1);
        // an error naming the file (no git repository here) is one line
        assertThat(history.exitCode()).as(history.out()).isEqualTo(2);
        assertThat(history.err())
                .startsWith("specgate: ")
                .contains("spec_evil\\x1B[31mx\\nFAKE.md")
                .contains("is not in a git repository")
                .hasLineCount(1);
        // JSON carries the name itself, escaped by JSON
        assertThat(json.out()).contains("spec_evil\\u001B[31mx\\nFAKE.md");
        assertThat(new ObjectMapper().readTree(json.out()).findValuesAsText("path"))
                .anyMatch(p -> p.endsWith(forged));
    }

    @Test
    void bidiControlsAreWrittenAsEscapes() {
        writeSpec(
                root,
                NAME,
                cleanSpec()
                        .replace(
                                "# Technical Specification: Webhook Retry Queue",
                                "# Technical Specification: Webhook \u202EeueuQ yrteR"));

        CliRun list = CliRun.of("list", root.toString(), "--today", TODAY);

        assertThat(list.out()).doesNotContain("\u202E").contains("Webhook \\u202EeueuQ yrteR");
    }
}
