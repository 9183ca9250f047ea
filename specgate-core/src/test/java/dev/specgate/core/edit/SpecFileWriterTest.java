package dev.specgate.core.edit;

import static dev.specgate.core.TestSpecs.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecFileWriterTest {

    private static final String SPEC = "# T\r\n\r\n- [ ] only item  \r\n";

    @TempDir Path dir;

    private final SpecFileWriter writer = new SpecFileWriter();

    @Test
    void writesTheEditAndLeavesNoTemporaryFile() throws Exception {
        Path file = Files.write(dir.resolve("spec.md"), SpecEditTest.withBom(SPEC));
        SpecSource source = SpecSource.read(file);

        writer.write(source.edit().taskBox(parse(source.text()).checklist().get(0), true));

        assertThat(Files.readAllBytes(file))
                .isEqualTo(SpecEditTest.withBom(SPEC.replace("[ ]", "[x]")));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void refusesWhenTheFileChangedSinceItWasRead() throws Exception {
        Path file = Files.writeString(dir.resolve("spec.md"), SPEC);
        SpecSource source = SpecSource.read(file);
        byte[] changed = (SPEC + "more\r\n").getBytes(StandardCharsets.UTF_8);
        Files.write(file, changed);

        assertThatThrownBy(
                        () ->
                                writer.write(
                                        source.edit()
                                                .taskBox(
                                                        parse(source.text()).checklist().get(0),
                                                        true)))
                .isInstanceOf(StaleSpecException.class)
                .hasMessageContaining("changed on disk since it was read; nothing was written");
        assertThat(Files.readAllBytes(file)).isEqualTo(changed);
    }

    @Test
    void refusesASameSizeChangeToo() throws Exception {
        Path file = Files.writeString(dir.resolve("spec.md"), SPEC);
        SpecSource source = SpecSource.read(file);
        Files.writeString(file, SPEC.replace("only", "ONLY"));

        assertThatThrownBy(() -> writer.write(source.edit().replace(0, 1, "#")))
                .isInstanceOf(StaleSpecException.class);
    }

    @Test
    void refusesWhenTheFileWasDeleted() throws Exception {
        Path file = Files.writeString(dir.resolve("spec.md"), SPEC);
        SpecSource source = SpecSource.read(file);
        Files.delete(file);

        assertThatThrownBy(() -> writer.write(source.edit().replace(0, 1, "X")))
                .isInstanceOf(StaleSpecException.class)
                .hasMessageContaining("was deleted");
        assertThat(file).doesNotExist();
    }

    @Test
    void aNoOpEditDoesNotTouchTheFile() throws Exception {
        Path file = Files.writeString(dir.resolve("spec.md"), SPEC);
        FileTime old = FileTime.fromMillis(1_000_000_000L);
        Files.setLastModifiedTime(file, old);
        SpecSource source = SpecSource.read(file);

        writer.write(source.edit().replace(0, 3, "# T"));

        assertThat(Files.getLastModifiedTime(file)).isEqualTo(old);
        assertThat(Files.readString(file)).isEqualTo(SPEC);
    }

    @Test
    void keepsPermissionsAndWritesThroughASymbolicLink() throws Exception {
        Path file = Files.writeString(dir.resolve("real.md"), SPEC);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        Path link = Files.createSymbolicLink(dir.resolve("link.md"), file.getFileName());
        SpecSource source = SpecSource.read(link);

        writer.write(source.edit().replace(0, 3, "# U"));

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(file)).startsWith("# U\r\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-r-----");
    }

    @Test
    void createNewNeverOverwrites() throws IOException {
        Path file = Files.writeString(dir.resolve("spec.md"), "mine");

        assertThatThrownBy(() -> writer.createNew(file, "theirs".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(file)).isEqualTo("mine");

        Path fresh = dir.resolve("fresh.md");
        writer.createNew(fresh, "new".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readString(fresh)).isEqualTo("new");
    }

    @Test
    void anEditOfTextFromNowhereCannotBeWritten() {
        assertThatThrownBy(() -> writer.write(SpecSource.of("x").edit().replace(0, 1, "y")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not read from a file");
    }

    @Test
    void writeAtomicallyCreatesFoldersReplacesContentAndLeavesNoTemporaryFile() throws Exception {
        Path report = dir.resolve("out/reports/check.json");

        new SpecFileWriter().writeAtomically(report, "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        new SpecFileWriter().writeAtomically(report, "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(report).hasContent("{}");
        try (var files = Files.list(report.getParent())) {
            assertThat(files).containsExactly(report);
        }
    }

    @Test
    void writeAtomicallyRefusesADirectory() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("taken"));

        assertThatThrownBy(() -> new SpecFileWriter().writeAtomically(folder, new byte[] {1}))
                .isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("is a directory");
        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void aCreatedFileGetsThePermissionsOfAnyNewFileNotPrivateOnes() throws Exception {
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"), "POSIX");
        Path plain = Files.createFile(dir.resolve("plain.txt")); // what the umask gives
        assumeTrue(
                Files.getPosixFilePermissions(plain)
                        .contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ),
                "a umask that lets others read new files");
        Path report = dir.resolve("report.sarif");

        new SpecFileWriter().writeAtomically(report, "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(Files.getPosixFilePermissions(report))
                .isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    void aReplacedPrivateFileStaysPrivate() throws Exception {
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"), "POSIX");
        Path baseline = Files.writeString(dir.resolve("baseline.json"), "{}");
        Files.setPosixFilePermissions(baseline, PosixFilePermissions.fromString("rw-------"));

        new SpecFileWriter()
                .writeAtomically(baseline, "{\"a\":1}".getBytes(StandardCharsets.UTF_8));

        assertThat(baseline).hasContent("{\"a\":1}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(baseline)))
                .isEqualTo("rw-------");
    }
}
