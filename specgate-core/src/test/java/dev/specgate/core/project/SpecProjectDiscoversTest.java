package dev.specgate.core.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SpecProject#discovers}: the files a search of the project takes, which the editor checks;
 * and {@link SpecProject#placeNotice}, why another is not checked.
 */
class SpecProjectDiscoversTest {

    @TempDir Path tmp;

    private final Function<Path, String> shown = p -> tmp.relativize(p).toString();

    @Test
    void withoutAConfigurationTheBuiltInPlacesAtAnyDepth() throws Exception {
        SpecProject project = SpecProject.open(tmp, ConfigChoice.nearest());

        assertThat(project.discovers(tmp.resolve("directives/spec/2026-03-02_spec_x.md"))).isTrue();
        assertThat(project.discovers(tmp.resolve("directives/spec/2026/Ünïcode notes.markdown")))
                .isTrue();
        assertThat(project.discovers(tmp.resolve("svc/a/directives/spec/2026-03-02_spec_x.md")))
                .isTrue();
        assertThat(project.discovers(tmp.resolve("directives/tasks/2026-03-02_task_x.md")))
                .isTrue();
        assertThat(project.discovers(tmp.resolve("directives/tasks/notes.md"))).isFalse();
        assertThat(project.discovers(tmp.resolve("directives/spec/x.txt"))).isFalse();
        assertThat(project.discovers(tmp.resolve("directives/2026-03-02_spec_x.md"))).isFalse();
        assertThat(project.discovers(tmp.resolve("README.md"))).isFalse();
        assertThat(project.discovers(tmp.resolve("docs/dev/notes.md"))).isFalse();
        assertThat(
                        project.discovers(
                                tmp.resolve("directives/spec/node_modules/p/2026-03-02_spec_x.md")))
                .isFalse();
        assertThat(project.placeNotice(tmp.resolve("docs/2026-03-02_spec_x.md"), shown))
                .contains(
                        "not checked: docs/2026-03-02_spec_x.md is not where this project's specs"
                                + " are (directives/spec/ or the `specs:` globs of .specgate.yml)");
        assertThat(project.placeNotice(tmp.resolve("directives/spec/2026-03-02_spec_x.md"), shown))
                .isEmpty();
    }

    @Test
    void aConfigurationsGlobsDecideAndItsIgnoreLeavesOut() throws Exception {
        Files.writeString(
                tmp.resolve(".specgate.yml"),
                "version: 1\nspecs:\n  - \"docs/specs/**/*.md\"\nignore:\n  - \"**/old/**\"\n");
        SpecProject globs = SpecProject.open(tmp, ConfigChoice.nearest());

        assertThat(globs.discovers(tmp.resolve("docs/specs/2026/2026-03-02_spec_x.md"))).isTrue();
        assertThat(globs.discovers(tmp.resolve("docs/specs/old/2026-03-02_spec_x.md"))).isFalse();
        assertThat(globs.discovers(tmp.resolve("directives/spec/2026-03-02_spec_x.md"))).isFalse();
        assertThat(globs.placeNotice(tmp.resolve("directives/spec/2026-03-02_spec_x.md"), shown))
                .contains(
                        "directives/spec/2026-03-02_spec_x.md is not checked: no specs: glob"
                                + " matches directives/spec/2026-03-02_spec_x.md in .specgate.yml");

        // a glob may select what lies in a folder check . never goes into: not taken either
        Files.writeString(tmp.resolve(".specgate.yml"), "version: 1\nspecs:\n  - \"**/*.md\"\n");
        SpecProject all = SpecProject.open(tmp, ConfigChoice.nearest());
        Path built = tmp.resolve("docs/build/2026-03-02_spec_généré.md");
        Files.createDirectories(built.getParent());
        Files.writeString(built, "# Technical Specification: x\r\n");
        Path kept = tmp.resolve("docs/specs/2026-03-02_spec_x.md");
        Files.createDirectories(kept.getParent());
        Files.writeString(kept, "# Technical Specification: x\r\n");
        assertThat(all.findAny(List.of(tmp)).specs())
                .extracting(p -> tmp.relativize(p.toAbsolutePath()).toString())
                .containsExactly("docs/specs/2026-03-02_spec_x.md");
        assertThat(all.discovers(kept)).isTrue();
        assertThat(all.discovers(built)).isFalse();
        assertThat(all.placeNotice(built, shown))
                .contains(
                        "docs/build/2026-03-02_spec_généré.md is not checked: a search does not go"
                                + " into docs/build/ (version control, build output and dependency"
                                + " folders are never searched; move the spec out of it)");
        // what stands above the configuration's folder is the project's own business
        Path nested = tmp.resolve("build/project");
        Files.createDirectories(nested.resolve("docs"));
        Files.writeString(
                nested.resolve(".specgate.yml"), "version: 1\nspecs:\n  - \"docs/*.md\"\n");
        assertThat(
                        SpecProject.open(nested, ConfigChoice.nearest())
                                .discovers(nested.resolve("docs/2026-03-02_spec_x.md")))
                .isTrue();

        Files.writeString(tmp.resolve(".specgate.yml"), "version: 1\nignore:\n  - \"**/old/**\"\n");
        SpecProject places = SpecProject.open(tmp, ConfigChoice.nearest());

        assertThat(places.discovers(tmp.resolve("directives/spec/2026-03-02_spec_x.md"))).isTrue();
        assertThat(places.discovers(tmp.resolve("directives/spec/old/2026-03-02_spec_x.md")))
                .isFalse();
        assertThat(places.discovers(tmp.resolve("docs/2026-03-02_spec_x.md"))).isFalse();
    }
}
