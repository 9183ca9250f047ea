package dev.specgate.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.input.MarkdownNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The raw comparison of trees gives the revisions JGit's own tree walk gives, through what makes
 * tree order and change kinds awkward: a folder named like a spec ({@code notes.md/}) beside a file
 * of that name, a folder moved whole, a spec deleted and added back, a file made executable (same
 * content, new mode), a spec replaced by a symbolic link and back, names that sort around the
 * folder separator ({@code a-b.md}, {@code a.md}, {@code a/}, {@code a0.md}), non-ASCII names, and
 * the other names discovery reads as Markdown ({@code .markdown}, {@code .MD}).
 */
class GitRevisionsTest {

    private static final String INNER =
            "# Inner\n\n" + "A line of the inner spec that stays the same.\n".repeat(20);

    @TempDir Path dir;

    private int n;

    @Test
    void theRawComparisonFindsWhatJGitsTreeWalkFinds() throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            write("specs/a.md", "# A\n");
            write("specs/a-b.md", "# A-B\n");
            write("specs/a0.md", "# A0\n");
            write("specs/a/inner.md", INNER);
            write("specs/notes.md/one.md", "# One\n");
            write("specs/señal-ß.md", "# Señal\n");
            write("specs/keep.txt", "not markdown\n");
            write("specs/long.markdown", "# Long\n");
            write("specs/UPPER.MD", "# Upper\n");
            commit(git);
            write("specs/long.markdown", "# Long\n\nChanged.\n");
            write("specs/UPPER.MD", "# Upper\n\nChanged.\n");
            write("specs/notes.md.md", "# Beside the folder\n");
            write("specs/a.md", "# A\n\nChanged.\n");
            commit(git);
            Files.move(dir.resolve("specs/a"), dir.resolve("specs/moved"));
            write("specs/moved/inner.md", INNER + "\nMoved and changed.\n");
            commit(git);
            Files.delete(dir.resolve("specs/a0.md"));
            commit(git);
            write("specs/a0.md", "# A0 again\n");
            Files.setPosixFilePermissions(
                    dir.resolve("specs/a-b.md"), PosixFilePermissions.fromString("rwxr-xr-x"));
            commit(git);
            Files.delete(dir.resolve("specs/señal-ß.md"));
            Files.createSymbolicLink(dir.resolve("specs/señal-ß.md"), Path.of("a.md"));
            commit(git);
            Files.delete(dir.resolve("specs/señal-ß.md"));
            write("specs/señal-ß.md", "# Señal\n\nBack.\n");
            write("specs/keep.txt", "changed, still not markdown\n");
            commit(git);
            Files.delete(dir.resolve("specs/notes.md/one.md"));
            write("specs/notes.md/two.md", "# One\n");
            commit(git);
        }
        List<String> paths = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir.resolve("specs"))) {
            s.filter(p -> MarkdownNames.isMarkdown(p.toString()) && Files.isRegularFile(p))
                    .forEach(p -> paths.add(dir.relativize(p).toString().replace('\\', '/')));
        }
        try (GitRevisions git = GitRevisions.open(dir)) {
            Map<String, List<GitRevisions.Revision>> raw = git.revisions(paths, true);
            assertThat(raw).isEqualTo(git.revisions(paths, false));
            assertThat(raw.get("specs/moved/inner.md"))
                    .extracting(GitRevisions.Revision::path)
                    .containsExactly("specs/moved/inner.md", "specs/a/inner.md");
            assertThat(raw.get("specs/a0.md")).hasSize(1); // added back: its history starts there
            assertThat(raw.get("specs/a-b.md")).hasSize(2); // the new mode is a change
            // every name discovery reads as Markdown has its history, as discovery finds it
            assertThat(raw.get("specs/long.markdown")).hasSize(2);
            assertThat(raw.get("specs/UPPER.MD")).hasSize(2);
        }
    }

    private void write(String path, String text) throws Exception {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private void commit(Git git) throws Exception {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        PersonIdent who =
                new PersonIdent(
                        "Ana Ruiz",
                        "ana.ruiz@example.com",
                        Instant.parse("2026-01-01T10:00:00Z").plusSeconds(3600L * n++),
                        ZoneOffset.UTC);
        git.commit().setAuthor(who).setCommitter(who).setMessage("c" + n).setSign(false).call();
    }
}
