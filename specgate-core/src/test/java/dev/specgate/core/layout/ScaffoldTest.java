package dev.specgate.core.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.specgate.core.layout.LayoutEntry.Kind;
import dev.specgate.core.layout.ScaffoldStep.Action;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScaffoldTest {

    @TempDir Path root;

    private static LayoutEntry dir(String group, String path, boolean conditional) {
        return new LayoutEntry(group, "", path, path, Kind.DIRECTORY, conditional, 3, 2);
    }

    private static LayoutEntry file(String group, String path) {
        return new LayoutEntry(group, "Technical docs", path, path, Kind.FILE, false, 7, 2);
    }

    private Path spec() throws IOException {
        Path spec = root.resolve("directives/spec/2026-01-02_spec_x.md");
        Files.createDirectories(spec.getParent());
        return Files.writeString(spec, "# Technical Specification: X\n");
    }

    @Test
    void createsUnconditionalDirectoriesAndLinkedDocsOnly() throws Exception {
        Path spec = spec();
        List<LayoutEntry> entries =
                List.of(
                        dir("Implementation Files", "src/core/x/", false),
                        dir("Implementation Files", "src/api/x/", true),
                        file("Documentation", "docs/dev/x.md"));

        Scaffold s = Scaffold.plan(new LayoutPaths(root), spec, "X", entries, false);
        s.apply();

        assertThat(root.resolve("src/core/x")).isDirectory();
        assertThat(root.resolve("src/api")).doesNotExist();
        assertThat(root.resolve("docs/dev/x.md"))
                .content()
                .isEqualTo(
                        "# X\n\nDocumentation for the specification [2026-01-02_spec_x.md]"
                                + "(../../directives/spec/2026-01-02_spec_x.md).\n");
        assertThat(s.steps())
                .extracting(ScaffoldStep::action)
                .containsExactly(Action.CREATE_DIRECTORY, Action.CREATE_FILE);
    }

    @Test
    void eachFolderItCreatesHoldsAGitkeepAndAFolderThereAlreadyIsLeftAlone() throws Exception {
        Path spec = spec();
        Files.createDirectories(root.resolve("tests/fixtures/x"));
        List<LayoutEntry> entries =
                List.of(
                        dir("Implementation Files", "src/core/x/", false),
                        new LayoutEntry(
                                "Implementation Files",
                                "Configuration",
                                "src/config/x.ts",
                                "src/config/x.ts",
                                Kind.FILE,
                                false,
                                4,
                                2),
                        dir("Test Files", "tests/fixtures/x/", false),
                        file("Documentation", "docs/dev/x.md"));

        Scaffold.plan(new LayoutPaths(root), spec, "X", entries, false).apply();

        assertThat(root.resolve("src/core/x/" + Scaffold.KEEP_FILE)).isEmptyFile();
        assertThat(root.resolve("src/config/" + Scaffold.KEEP_FILE)).isEmptyFile();
        assertThat(root.resolve("tests/fixtures/x")).isEmptyDirectory();
        assertThat(root.resolve("docs/dev/" + Scaffold.KEEP_FILE)).doesNotExist();
        assertThat(root.resolve("src/config/x.ts")).doesNotExist();
    }

    @Test
    void includeConditionalCreatesThemToo() throws Exception {
        Scaffold.plan(
                        new LayoutPaths(root),
                        spec(),
                        "X",
                        List.of(dir("Implementation Files", "src/api/x/", true)),
                        true)
                .apply();

        assertThat(root.resolve("src/api/x")).isDirectory();
    }

    @Test
    void isIdempotentAndNeverOverwrites() throws Exception {
        Path spec = spec();
        Files.createDirectories(root.resolve("docs/dev"));
        Files.writeString(root.resolve("docs/dev/x.md"), "mine");
        List<LayoutEntry> entries =
                List.of(
                        dir("Test Files", "tests/unit/x/", false),
                        file("Documentation", "docs/dev/x.md"));

        Scaffold.plan(new LayoutPaths(root), spec, "X", entries, false).apply();
        Scaffold second = Scaffold.plan(new LayoutPaths(root), spec, "X", entries, false);
        second.apply();

        assertThat(second.steps()).extracting(ScaffoldStep::action).containsOnly(Action.EXISTS);
        assertThat(root.resolve("docs/dev/x.md")).content().isEqualTo("mine");
    }

    @Test
    void refusesEscapingEntriesAndCreatesNothing() throws Exception {
        Path spec = spec();
        for (String bad : List.of("/etc/x/", "../outside/", "src/../../x/", "C:/x/", "~/x/")) {
            List<LayoutEntry> entries =
                    List.of(
                            dir("Implementation Files", "src/core/x/", false),
                            dir("Test Files", bad, false));

            assertThatThrownBy(
                            () -> Scaffold.plan(new LayoutPaths(root), spec, "X", entries, false))
                    .isInstanceOf(UnsafeLayoutException.class)
                    .hasMessageContaining("'" + bad + "'")
                    .hasMessageContaining("line 4");
        }
        try (Stream<Path> all = Files.list(root)) {
            assertThat(all.map(p -> p.getFileName().toString())).containsExactly("directives");
        }
    }

    @Test
    void refusesAPathThroughASymlinkThatLeavesTheRoot(@TempDir Path outside) throws Exception {
        Path spec = spec();
        Files.createSymbolicLink(root.resolve("src"), outside);
        List<LayoutEntry> entries = List.of(dir("Implementation Files", "src/core/x/", false));

        assertThatThrownBy(() -> Scaffold.plan(new LayoutPaths(root), spec, "X", entries, false))
                .isInstanceOf(UnsafeLayoutException.class)
                .hasMessageContaining("symbolic link");
        try (Stream<Path> inside = Files.list(outside)) {
            assertThat(inside).isEmpty();
        }
    }

    @Test
    void aSymlinkThatStaysInsideTheRootIsFine() throws Exception {
        Path spec = spec();
        Files.createDirectories(root.resolve("real"));
        Files.createSymbolicLink(root.resolve("src"), root.resolve("real"));

        Scaffold.plan(
                        new LayoutPaths(root),
                        spec,
                        "X",
                        List.of(dir("Implementation Files", "src/core/x/", false)),
                        false)
                .apply();

        assertThat(root.resolve("real/core/x")).isDirectory();
    }
}
