package dev.specgate.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkTargetsTest {

    @TempDir Path dir;

    @Test
    void aRunsSharedAnswersAreTheFileSystemsAndEachCheckRecordsItsOwn() throws Exception {
        Path found = Files.writeString(dir.resolve("2026-01-02_spec_café-ünïcode.md"), "# A\n");
        Path other = Files.writeString(dir.resolve("notes.md"), "x\n");
        Files.createDirectories(dir.resolve("images"));
        LinkTargets.Shared run = new LinkTargets.Shared(List.of(found));

        LinkTargets first = run.forCheck();
        assertThat(first.exists(dir.resolve("sub/../2026-01-02_spec_café-ünïcode.md"))).isTrue();
        assertThat(first.exists(dir.resolve("missing.md"))).isFalse();
        assertThat(first.exists(dir.resolve("images"))).isTrue();
        assertThat(first.existsAt(dir.toAbsolutePath().normalize().resolve("gone.md"))).isFalse();
        assertThat(first.asked())
                .isEqualTo(
                        Map.of(
                                found,
                                true,
                                dir.resolve("missing.md"),
                                false,
                                dir.resolve("images"),
                                true,
                                dir.resolve("gone.md"),
                                false));

        // a file not found by the search is still asked of the disk; another check records only
        // what it asked itself
        LinkTargets second = run.forCheck();
        assertThat(second.exists(other)).isTrue();
        assertThat(second.exists(dir.resolve("missing.md"))).isFalse();
        assertThat(second.asked()).isEqualTo(Map.of(other, true, dir.resolve("missing.md"), false));
    }

    @Test
    void aCheckOutsideARunAsksTheDisk() throws Exception {
        Path file = Files.writeString(dir.resolve("a.md"), "# A\r\n");
        LinkTargets alone = new LinkTargets();
        assertThat(alone.exists(file)).isTrue();
        assertThat(alone.exists(dir.resolve("b.md"))).isFalse();
        assertThat(alone.asked()).isEqualTo(Map.of(file, true, dir.resolve("b.md"), false));
    }
}
