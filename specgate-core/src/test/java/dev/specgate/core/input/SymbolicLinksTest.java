package dev.specgate.core.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SymbolicLinksTest {

    @TempDir Path dir;

    /**
     * A link that carries a write out of the root is named with where it leads, at the file or at a
     * folder above a file not there yet; a link that stays inside, and a broken one, are not.
     */
    @Test
    void aLinkOutOfTheRootIsToldFromOneThatStaysInside(@TempDir Path elsewhere) throws IOException {
        Path project = Files.createDirectories(dir.resolve("projet-été"));
        Path tasks = Files.createDirectories(project.resolve("directives/tasks"));
        Path outsideList = Files.writeString(elsewhere.resolve("liste.md"), "# Liste\r\n");
        Files.createSymbolicLink(tasks.resolve("out.md"), outsideList);
        Path insideList = Files.writeString(tasks.resolve("kept.md"), "# Kept\n");
        Files.createSymbolicLink(tasks.resolve("in.md"), Path.of("kept.md"));
        Files.createSymbolicLink(tasks.resolve("gone.md"), Path.of("../../old/gone.md"));
        Files.createSymbolicLink(project.resolve("archive"), elsewhere);

        assertThat(SymbolicLinks.outside(tasks.resolve("out.md"), project))
                .contains(
                        "is a link to "
                                + outsideList.toRealPath()
                                + ", outside the project root "
                                + project);
        assertThat(SymbolicLinks.outside(project.resolve("archive/new.md"), project))
                .contains(
                        "would be written through a link to "
                                + elsewhere.toRealPath().resolve("new.md")
                                + ", outside the project root "
                                + project);
        assertThat(SymbolicLinks.outside(tasks.resolve("in.md"), project)).isEmpty();
        assertThat(SymbolicLinks.outside(insideList, project)).isEmpty();
        assertThat(SymbolicLinks.outside(tasks.resolve("gone.md"), project)).isEmpty();
        assertThat(SymbolicLinks.outside(tasks.resolve("new/deeper.md"), project)).isEmpty();
    }

    @Test
    void twoLinksToEachOtherAreALoop() throws IOException {
        Files.createSymbolicLink(dir.resolve("a"), Path.of("b"));
        Files.createSymbolicLink(dir.resolve("b"), Path.of("a"));

        assertThat(SymbolicLinks.loop(dir.resolve("a"))).contains(dir.resolve("a") + " -> b -> a");
        assertThat(SymbolicLinks.loopReason(dir.resolve("b")))
                .contains("too many levels of symbolic links: " + dir.resolve("b") + " -> a -> b");
    }

    @Test
    void aLinkToItselfIsALoop() throws IOException {
        Files.createSymbolicLink(dir.resolve("self.md"), Path.of("self.md"));

        assertThat(SymbolicLinks.loop(dir.resolve("self.md")))
                .contains(dir.resolve("self.md") + " -> self.md");
    }

    @Test
    void aLoopInAFolderOnTheWayIsFound() throws IOException {
        Files.createSymbolicLink(dir.resolve("specs"), Path.of("archive"));
        Files.createSymbolicLink(dir.resolve("archive"), Path.of("./specs"));

        assertThat(SymbolicLinks.loop(dir.resolve("specs/2026-10-02_spec_x.md")))
                .contains(dir.resolve("specs") + " -> archive -> ./specs");
    }

    @Test
    void aLoopThroughAnAbsoluteTargetAndDotDotIsFound() throws IOException {
        Files.createDirectories(dir.resolve("docs"));
        Files.createSymbolicLink(dir.resolve("docs/current"), dir.resolve("latest"));
        Files.createSymbolicLink(dir.resolve("latest"), Path.of("docs/../docs/current"));

        assertThat(SymbolicLinks.loop(dir.resolve("docs/current")))
                .contains(
                        dir.resolve("docs/current")
                                + " -> "
                                + dir.resolve("latest")
                                + " -> docs/../docs/current");
    }

    @Test
    void aBrokenLinkAMissingFileAndAGoodLinkAreNoLoop() throws IOException {
        Path target = Files.writeString(dir.resolve("spec.md"), "# Spec\n");
        Files.createSymbolicLink(dir.resolve("good.md"), target.getFileName());
        Files.createSymbolicLink(dir.resolve("broken.md"), Path.of("gone.md"));
        Files.createSymbolicLink(dir.resolve("dir-link"), Path.of("."));

        assertThat(SymbolicLinks.loop(dir.resolve("good.md"))).isEmpty();
        assertThat(SymbolicLinks.loop(dir.resolve("broken.md"))).isEmpty();
        assertThat(SymbolicLinks.loop(dir.resolve("absent.md"))).isEmpty();
        // the same link several times, but each time with less left to resolve: no loop
        assertThat(SymbolicLinks.loop(dir.resolve("dir-link/dir-link/dir-link/absent.md")))
                .isEmpty();
    }

    /** Linux follows at most 40 links in one path: a chain of 40 resolves, one of 41 does not. */
    @Test
    void aChainOfLinksIsALoopJustOverTheSystemsLimit() throws IOException {
        Path target = Files.writeString(dir.resolve("spec.md"), "# Spec\n");
        Path first40 = chain("forty", SymbolicLinks.MAX_LINKS, target);
        Path first41 = chain("forty-one", SymbolicLinks.MAX_LINKS + 1, target);
        Path first40Broken = chain("broken", SymbolicLinks.MAX_LINKS, dir.resolve("gone.md"));

        assertThat(Files.readString(first40)).isEqualTo("# Spec\n");
        assertThat(SymbolicLinks.loop(first40)).isEmpty();
        assertThat(SymbolicLinks.loop(first40Broken)).isEmpty();
        try {
            Files.readString(first41);
            throw new AssertionError("the system followed 41 links");
        } catch (FileSystemException expected) {
            // ELOOP: what the check below names
        }
        assertThat(SymbolicLinks.loop(first41))
                .hasValueSatisfying(
                        chain ->
                                assertThat(chain)
                                        .startsWith(first41 + " -> forty-one-2 -> forty-one-3")
                                        .endsWith("(40 links followed)"));
    }

    /** {@code n} links {@code name-1} -> {@code name-2} -> ... -> {@code name-n} -> target. */
    private Path chain(String name, int n, Path target) throws IOException {
        for (int i = n; i >= 1; i--) {
            Path to = i == n ? target : Path.of(name + "-" + (i + 1));
            Files.createSymbolicLink(dir.resolve(name + "-" + i), to);
        }
        return dir.resolve(name + "-1");
    }
}
