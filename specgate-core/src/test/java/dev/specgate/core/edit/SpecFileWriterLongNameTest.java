package dev.specgate.core.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file name the file system takes (up to 255 bytes) is written, created and replaced as any
 * other: the temporary file beside it is named within the limit too.
 */
class SpecFileWriterLongNameTest {

    @TempDir Path dir;

    private final SpecFileWriter writer = new SpecFileWriter();

    @Test
    void aLongAsciiNameIsCreatedAndReplaced() throws Exception {
        Path file = dir.resolve("2026-12-07_spec_" + "a".repeat(236) + ".md"); // 255 bytes
        assertThat(file.getFileName().toString().getBytes(StandardCharsets.UTF_8)).hasSize(255);

        writer.createNew(file, "# Spec\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readString(file)).isEqualTo("# Spec\r\n");

        writer.writeAtomically(file, "# Spec, again\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readString(file)).isEqualTo("# Spec, again\r\n");
        assertThat(leftBehind()).isEmpty();
    }

    @Test
    void aLongNonAsciiNameIsCutAtACharacterForItsTemporaryFile() throws Exception {
        // 'é' is two bytes, '世' three: the name is 253 bytes, its temporary twin's stem is cut
        Path file = dir.resolve("é".repeat(50) + "世".repeat(50) + ".md"); // 253 bytes
        writer.createNew(file, "Prüfung\n".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readString(file)).isEqualTo("Prüfung\n");
        assertThat(leftBehind()).isEmpty();
    }

    @Test
    void aNameIsCutToWholeCharacters() {
        assertThat(SpecFileWriter.cutToBytes("abc", 3)).isEqualTo("abc");
        assertThat(SpecFileWriter.cutToBytes("abc", 2)).isEqualTo("ab");
        assertThat(SpecFileWriter.cutToBytes("aé", 2)).isEqualTo("a"); // é would need bytes 2-3
        assertThat(SpecFileWriter.cutToBytes("a\uD83D\uDE00b", 4)).isEqualTo("a"); // no half pair
        assertThat(SpecFileWriter.cutToBytes("a\uD83D\uDE00b", 5)).isEqualTo("a\uD83D\uDE00");
    }

    private List<Path> leftBehind() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".specgate-tmp")).toList();
        }
    }
}
