package dev.specgate.core.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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

        Files.writeString(tmp.resolve(".specgate.yml"), "version: 1\nignore:\n  - \"**/old/**\"\n");
        SpecProject places = SpecProject.open(tmp, ConfigChoice.nearest());

        assertThat(places.discovers(tmp.resolve("directives/spec/2026-03-02_spec_x.md"))).isTrue();
        assertThat(places.discovers(tmp.resolve("directives/spec/old/2026-03-02_spec_x.md")))
                .isFalse();
        assertThat(places.discovers(tmp.resolve("docs/2026-03-02_spec_x.md"))).isFalse();
    }
}
