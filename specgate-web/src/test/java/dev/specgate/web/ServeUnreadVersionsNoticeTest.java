package dev.specgate.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.project.SpecProject;
import dev.specgate.web.internal.CoreAdapter;
import dev.specgate.web.internal.LiveProject;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} says on its log what Approved per week leaves out, as {@code site} says it on
 * stderr: a spec with a committed version that is no UTF-8 once, not again at each reading of the
 * histories (a commit elsewhere, a reload), and again only when its words change. It said nothing.
 */
class ServeUnreadVersionsNoticeTest {

    private static final String WEBHOOK = "2026-10-14_spec_webhook-retry-backoff.md";
    private static final String NOT_UTF8 =
            "line 1, column 29: not UTF-8 (byte 0xFC at offset 28); save the file as UTF-8";

    @TempDir Path tmp;

    private static String commit(Git git, String author, String day, String message)
            throws Exception {
        git.add().addFilepattern(".").call();
        PersonIdent who =
                new PersonIdent(
                        author,
                        "dev@example.com",
                        Instant.parse(day + "T10:00:00Z"),
                        ZoneOffset.UTC);
        git.commit().setAuthor(who).setCommitter(who).setMessage(message).setSign(false).call();
        return git.getRepository().resolve("HEAD").getName().substring(0, 12);
    }

    @Test
    void serveSaysASpecsUnreadVersionsOnceAndAgainOnlyWhenTheyChange() throws Exception {
        Path project = Projects.fixtureCopy(tmp);
        Path webhook = Projects.specs(project).resolve(WEBHOOK);
        String text = Files.readString(webhook, StandardCharsets.UTF_8).replace("\n", "\r\n");
        String draft =
                text.replace("**Document Status:** Implementation", "**Document Status:** Draft");
        assertThat(draft).isNotEqualTo(text);
        byte[] cp1252 =
                text.replace("# Technical Specification: ", "# Technical Specification: Müller — ")
                        .getBytes(Charset.forName("windows-1252"));
        String path = "directives/spec/" + WEBHOOK;
        List<String> said = new CopyOnWriteArrayList<>();
        try (Git git = Git.init().setDirectory(project.toFile()).setInitialBranch("main").call()) {
            Files.writeString(webhook, draft, StandardCharsets.UTF_8);
            commit(git, "Priya Raman", "2026-11-02", "Draft the webhook spec");
            Files.write(webhook, cp1252);
            String first = commit(git, "李雷", "2026-11-09", "Webhook spec in implementation");
            Files.writeString(webhook, text, StandardCharsets.UTF_8);
            commit(git, "Jörg Müller", "2026-11-10", "Save the webhook spec as UTF-8");

            LiveProject live =
                    new LiveProject(
                            project,
                            new CoreAdapter(SpecProject.builtin()),
                            () -> Projects.TODAY,
                            "project",
                            said::add);
            try {
                live.reload();
                String once =
                        "partial history of "
                                + path
                                + ": 1 committed version could not be read: "
                                + first
                                + " ("
                                + NOT_UTF8
                                + ")";
                assertThat(said).containsExactly(once);
                assertThat(live.snapshot().portfolio().approvals().unreadVersions())
                        .containsExactly(once.substring("partial history of ".length()));

                // HEAD moves (the histories are read again), the project is read again: not
                // said again
                Files.writeString(project.resolve("NOTES.md"), "# Notes\n");
                commit(git, "Sam Okafor", "2026-11-11", "Notes");
                live.current();
                live.reload();
                assertThat(said).containsExactly(once);

                // a second version saved as Windows-1252: the words change, said again
                Files.write(webhook, cp1252);
                String second = commit(git, "李雷", "2026-11-12", "Webhook spec edited again");
                live.current();
                assertThat(said)
                        .containsExactly(
                                once,
                                "partial history of "
                                        + path
                                        + ": 2 committed versions could not be read: "
                                        + first
                                        + ", "
                                        + second
                                        + " ("
                                        + NOT_UTF8
                                        + ")");
            } finally {
                live.close();
            }
        }
    }
}
