package dev.specgate.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.specgate.core.approval.ApprovalRecord;
import dev.specgate.core.approval.Approvals;
import dev.specgate.core.lifecycle.Lifecycle;
import dev.specgate.core.parse.SpecParser;
import dev.specgate.core.project.SpecProject;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every reader of a spec's committed versions says the ones it could not read, in the one wording
 * {@code history} uses ({@link UnreadVersion#said}): the whole-text timelines ({@link
 * SpecHistory#read}, the checklist counts of a burn-up), the approvals per week ({@link
 * ApprovalWeeks}), and the text at a revision ({@link SpecHistory#textAt}, {@code diff --since}),
 * which read a Windows-1252 version as "the file does not exist there". Over a real repository:
 * four authors, CRLF, a version an editor saved as Windows-1252, a rename with the approval.
 */
class UnreadVersionReadersTest {

    private static final String OLD = "2026-03-02_spec_invoice-export-timeouts.md";
    private static final String NEW = "2026-03-02_spec_invoice-export-streaming.md";

    /** Why the Windows-1252 version is no UTF-8: the 'ü' of its title, its one byte 0xFC. */
    private static final String NOT_UTF8 =
            "line 1, column 29: not UTF-8 (byte 0xFC at offset 28); save the file as UTF-8";

    @TempDir Path dir;

    private final SpecParser parser = new SpecParser();
    private final Approvals approvals = Approvals.standard();

    private static void commit(Git git, String author, String day, String message)
            throws Exception {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        PersonIdent who =
                new PersonIdent(
                        author,
                        "dev@example.com",
                        Instant.parse(day + "T10:00:00Z"),
                        ZoneOffset.UTC);
        git.commit().setAuthor(who).setCommitter(who).setMessage(message).setSign(false).call();
    }

    /** The clean spec at {@code status}, CRLF, its first {@code ticked} open boxes ticked. */
    private static String version(String text, String status, int ticked) {
        String at = text.replace("**Document Status:** Review", "**Document Status:** " + status);
        for (int i = 0; i < ticked; i++) {
            at = at.replaceFirst("- \\[ \\]", "- [x]");
        }
        return at.replace("\n", "\r\n");
    }

    /** {@code text} with an approval record of itself dated {@code day}, by Kenji Watanabe. */
    private String approved(String text, String day) {
        ApprovalRecord record =
                ApprovalRecord.of(
                        LocalDate.parse(day),
                        "Kenji Watanabe",
                        approvals.fingerprint(text, parser.parse(text)));
        int at = text.indexOf("**Last Updated:**");
        int end = text.indexOf("\r\n", at) + 2;
        return text.substring(0, end)
                + "**Approval:** "
                + record.value()
                + "\r\n"
                + text.substring(end);
    }

    private static String shortId(Git git, String rev) throws Exception {
        return git.getRepository().resolve(rev).getName().substring(0, 12);
    }

    @Test
    void eachReaderOfOldVersionsSaysTheOneItCouldNotReadInHistorysWords() throws Exception {
        String clean =
                Files.readString(
                        Path.of("src/test/resources/clean/directives/spec").resolve(OLD),
                        StandardCharsets.UTF_8);
        assertThat(clean).contains("**Document Status:** Review").doesNotContain("\r\n");
        Path folder = dir.resolve("directives/spec");
        Files.createDirectories(folder);
        Path old = folder.resolve(OLD);
        Path spec = folder.resolve(NEW);
        String unread;
        String first;
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            Files.writeString(old, version(clean, "Draft", 0), StandardCharsets.UTF_8);
            commit(git, "Ana Ruiz", "2026-11-02", "Draft the invoice export spec");
            first = shortId(git, "HEAD");
            // to Review with a box ticked, in a commit an editor saved as Windows-1252
            // (what Windows-1252 cannot hold, as the arrows, it saved as '?')
            Files.write(
                    old,
                    version(clean, "Review", 1)
                            .replace(
                                    "# Technical Specification: ",
                                    "# Technical Specification: Müller — ")
                            .getBytes(Charset.forName("windows-1252")));
            commit(git, "Priya Raman", "2026-11-04", "Invoice export spec to Review");
            unread = shortId(git, "HEAD");
            // renamed, saved as UTF-8 again and approved in one commit
            Files.delete(old);
            Files.writeString(
                    spec,
                    approved(version(clean, "Approved", 2), "2026-11-10"),
                    StandardCharsets.UTF_8);
            commit(git, "Kenji Watanabe", "2026-11-10", "Approve the invoice export spec");
            Files.writeString(
                    spec,
                    approved(version(clean, "Approved", 2), "2026-11-10")
                            .replaceFirst("- \\[ \\]", "- [x]"),
                    StandardCharsets.UTF_8);
            commit(git, "李雷", "2026-11-12", "Tick a box of the invoice export spec");
        }
        String said = "1 committed version could not be read: " + unread + " (" + NOT_UTF8 + ")";
        SpecProject project = SpecProject.builtin();
        SpecHistory history = project.history();

        // the whole-text timeline (its checklist counts are a burn-up): the commit was dropped
        // with no word of it
        SpecTimeline whole = history.read(List.of(spec), false).get(0);
        assertThat(whole.versions())
                .extracting(v -> v.revision().author())
                .containsExactly("Ana Ruiz", "Kenji Watanabe", "李雷");
        assertThat(whole.versions()).extracting(SpecVersion::checked).isSorted();
        assertThat(whole.unreadVersions()).hasSize(1);
        assertThat(whole.unreadVersions().get(0).revision().author()).isEqualTo("Priya Raman");
        assertThat(whole.unreadVersions().get(0).revision().path())
                .isEqualTo("directives/spec/" + OLD);
        assertThat(whole.unreadVersionsSaid()).contains(said);
        // the same words as history's own reading
        SpecMoves moves = history.moves(List.of(spec), false).get(0);
        assertThat(moves.unreadVersionsSaid()).contains(said);
        assertThat(history.read(List.of(spec), true).get(0).unreadVersionsSaid()).contains(said);

        // approvals per week: counted from the versions around it, and said to be partial
        Lifecycle lifecycle = project.lifecycle();
        ApprovalWeeks weeks =
                ApprovalWeeks.of(
                        history.checklists(List.of(spec)),
                        s -> lifecycle.status(s).filter(lifecycle::approvedAt).isPresent());
        assertThat(weeks.weeks()).extracting(ApprovalWeeks.Week::week).containsExactly("2026-W46");
        assertThat(weeks.unreadVersions()).containsExactly(new ApprovalWeeks.UnreadIn(spec, said));
        assertThat(weeks.partial()).isTrue();

        // the text at that revision is no "does not exist there": the version and why
        assertThatThrownBy(() -> history.textAt(spec, unread))
                .isInstanceOf(HistoryException.class)
                .hasMessage("directives/spec/" + OLD + " at " + unread + ": " + said);
        // the versions around it read, through the rename
        assertThat(history.textAt(spec, first).orElseThrow().text())
                .isEqualTo(version(clean, "Draft", 0));
        assertThat(history.textAt(spec, "HEAD~1").orElseThrow().text())
                .contains("**Document Status:** Approved");
    }

    @Test
    void aHistoryWhoseVersionsAreAllReadSaysNothing() throws Exception {
        String clean =
                Files.readString(
                        Path.of("src/test/resources/clean/directives/spec").resolve(OLD),
                        StandardCharsets.UTF_8);
        Path spec = dir.resolve("directives/spec").resolve(OLD);
        Files.createDirectories(spec.getParent());
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            Files.writeString(spec, version(clean, "Draft", 0), StandardCharsets.UTF_8);
            commit(git, "Ana Ruiz", "2026-11-02", "Draft the invoice export spec");
            Files.writeString(spec, version(clean, "Review", 1), StandardCharsets.UTF_8);
            commit(git, "Priya Raman", "2026-11-04", "Invoice export spec to Review");
        }
        SpecHistory history = SpecProject.builtin().history();
        SpecTimeline whole = history.read(List.of(spec), false).get(0);
        assertThat(whole.versions()).hasSize(2);
        assertThat(whole.unreadVersions()).isEmpty();
        assertThat(whole.unreadVersionsSaid()).isEmpty();
        ApprovalWeeks weeks = ApprovalWeeks.of(history.checklists(List.of(spec)), s -> true);
        assertThat(weeks.unreadVersions()).isEmpty();
        assertThat(weeks.partial()).isFalse();
    }
}
