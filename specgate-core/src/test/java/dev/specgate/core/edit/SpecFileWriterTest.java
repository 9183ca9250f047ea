package dev.specgate.core.edit;

import static dev.specgate.core.TestSpecs.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.specgate.core.discovery.SpecDiscovery;
import dev.specgate.core.model.ChecklistItem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
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
            assertThat(files).as("no temporary file, no lock file left").containsExactly(file);
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
                .hasMessageContaining("is a folder");
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

    @Test
    void aReadOnlySpecIsRefusedEvenWhereItsFolderAllowsTheRename() throws Exception {
        Path file = Files.writeString(dir.resolve("frozen.md"), SPEC);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        SpecSource source = SpecSource.read(file);

        assertThatThrownBy(() -> writer.write(source.edit().replace(0, 3, "# U")))
                .isInstanceOf(java.nio.file.FileSystemException.class)
                .hasMessageContaining("frozen.md")
                .hasMessageContaining("read-only (mode r--r--r--)");

        assertThat(Files.readString(file)).isEqualTo(SPEC);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("r--r--r--");
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).containsExactly(file);
        }
    }

    @Test
    void aRefusedEditLeavesTheFileByteIdentical() throws Exception {
        byte[] mixed = SpecEditTest.withBom("# T\r\n\n- [ ] a\r- [ ] b  \r\n");
        Path file = Files.write(dir.resolve("spec.md"), mixed);
        SpecSource source = SpecSource.read(file);
        byte[] changed = mixed.clone();
        changed[changed.length - 3] = 'c';
        Files.write(file, changed);

        assertThatThrownBy(() -> writer.write(source.edit().replace(0, 1, "#")))
                .isInstanceOf(StaleSpecException.class);

        assertThat(Files.readAllBytes(file)).isEqualTo(changed);
    }

    @Test
    void aHardLinkSurvivesAnEditAndBothNamesSeeTheNewText() throws Exception {
        Path file = Files.writeString(dir.resolve("spec.md"), SPEC);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        Path other = Files.createDirectories(dir.resolve("elsewhere")).resolve("same.md");
        Files.createLink(other, file);
        SpecSource source = SpecSource.read(file);

        writer.write(source.edit().replace(0, 3, "# U"));

        assertThat(Files.isSameFile(file, other)).isTrue();
        assertThat(Files.readString(other)).isEqualTo(SPEC.replace("# T", "# U"));
        assertThat(Files.getAttribute(file, "unix:nlink")).isEqualTo(2);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-r-----");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.endsWith(".specgate-tmp"));
        }
    }

    @Test
    void anEditKeepsTheSpecsUserDefinedExtendedAttributes() throws Exception {
        Path file = Files.write(dir.resolve("spec.md"), SpecEditTest.withBom(SPEC));
        UserDefinedFileAttributeView tags =
                Files.getFileAttributeView(file, UserDefinedFileAttributeView.class);
        assumeTrue(tags != null, "no user-defined attributes here");
        try {
            tags.write("xdg.comment", StandardCharsets.UTF_8.encode("relu par Zoë"));
        } catch (IOException e) {
            assumeTrue(false, "this file system keeps no user-defined attributes: " + e);
        }
        SpecSource source = SpecSource.read(file);

        writer.write(source.edit().taskBox(parse(source.text()).checklist().get(0), true));

        assertThat(Files.readAllBytes(file))
                .isEqualTo(SpecEditTest.withBom(SPEC.replace("[ ]", "[x]")));
        UserDefinedFileAttributeView after =
                Files.getFileAttributeView(file, UserDefinedFileAttributeView.class);
        assertThat(after.list()).containsExactly("xdg.comment");
        ByteBuffer value = ByteBuffer.allocate(after.size("xdg.comment"));
        after.read("xdg.comment", value);
        assertThat(StandardCharsets.UTF_8.decode(value.flip()).toString())
                .isEqualTo("relu par Zoë");
    }

    @Test
    void anEditDeletesTheTemporaryFileAStoppedEditOfItsSpecLeftAndNoOtherFile() throws Exception {
        Path file = Files.write(dir.resolve("relevé.md"), SpecEditTest.withBom(SPEC));
        // a killed edit's: half the new text, named as an edit names it
        Path left =
                Files.write(
                        dir.resolve(".relevé.md.0.specgate-tmp"),
                        Arrays.copyOf(SpecEditTest.withBom(SPEC.replace("[ ]", "[x]")), 9));
        assertThat(SpecDiscovery.whySkipped(left.getFileName().toString(), false))
                .endsWith(
                        "the file it was for is whole: the next edit of that file deletes it"
                                + " (or delete it once no edit runs)");
        // not an edit's of this spec: another spec's, an older write's, a user's own
        Path others = Files.write(dir.resolve(".autre.md.0.specgate-tmp"), new byte[] {1});
        Path older =
                Files.write(
                        dir.resolve(".relevé.md.8813020937129512291.specgate-tmp"), new byte[] {2});
        Path users = Files.writeString(dir.resolve(".relevé.md.notes.specgate-tmp"), "mes notes");
        SpecSource source = SpecSource.read(file);

        writer.write(source.edit().taskBox(parse(source.text()).checklist().get(0), true));

        assertThat(Files.readAllBytes(file))
                .isEqualTo(SpecEditTest.withBom(SPEC.replace("[ ]", "[x]")));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files)
                    .as("the left temporary file deleted, every other kept")
                    .containsExactlyInAnyOrder(file, others, older, users);
        }
        assertThat(users).hasContent("mes notes");
    }

    @Test
    void writeAtomicallyKeepsAHardLinkToo() throws Exception {
        Path report = Files.writeString(dir.resolve("report.txt"), "old");
        Path other = dir.resolve("report-link.txt");
        Files.createLink(other, report);

        writer.writeAtomically(report, "new".getBytes(StandardCharsets.UTF_8));

        assertThat(other).hasContent("new");
        assertThat(Files.isSameFile(report, other)).isTrue();
    }

    @Test
    void keepsTheModeOfTheReplacedFile() throws Exception {
        Path file = Files.writeString(dir.resolve("spec.md"), SPEC);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        SpecSource source = SpecSource.read(file);

        writer.write(source.edit().replace(0, 3, "# U"));

        assertThat(Files.readString(file)).startsWith("# U\r\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-r-----");
    }

    @Test
    void keepsTheOwnerAndGroupWhenRunAsRoot() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "running as root");
        UserPrincipal nobody;
        GroupPrincipal nogroup;
        try {
            var lookup = dir.getFileSystem().getUserPrincipalLookupService();
            nobody = lookup.lookupPrincipalByName("nobody");
            nogroup = lookup.lookupPrincipalByGroupName("nogroup");
        } catch (UserPrincipalNotFoundException e) {
            assumeTrue(false, "a user 'nobody' and a group 'nogroup'");
            return;
        }
        Path file = Files.writeString(dir.resolve("spec.md"), SPEC);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw----"));
        Files.setOwner(file, nobody);
        Files.getFileAttributeView(file, java.nio.file.attribute.PosixFileAttributeView.class)
                .setGroup(nogroup);
        Object inode = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        SpecSource source = SpecSource.read(file);

        writer.write(source.edit().replace(0, 3, "# U"));

        PosixFileAttributes after = Files.readAttributes(file, PosixFileAttributes.class);
        assertThat(Files.readString(file)).startsWith("# U\r\n");
        assertThat(after.owner()).isEqualTo(nobody);
        assertThat(after.group()).isEqualTo(nogroup);
        assertThat(PosixFilePermissions.toString(after.permissions())).isEqualTo("rw-rw----");
        assertThat(after.fileKey())
                .as("replaced by a rename, not written in place")
                .isNotEqualTo(inode);
        try (SpecLock held = SpecLock.acquire(file.toRealPath())) {
            PosixFileAttributes lock =
                    Files.readAttributes(
                            dir.resolve(".spec.md.specgate.lock"), PosixFileAttributes.class);
            assertThat(lock.owner())
                    .as("the lock file is the spec owner's to use")
                    .isEqualTo(nobody);
            assertThat(lock.group()).isEqualTo(nogroup);
        }
        assertThat(dir.resolve(".spec.md.specgate.lock")).doesNotExist();
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void writeAtomicallyWritesThroughAFifoAndKeepsIt() throws Exception {
        Path fifo = mkfifo(dir.resolve("report.pipe"));
        CompletableFuture<byte[]> read = readInBackground(fifo);

        writer.writeAtomically(fifo, "report\n".getBytes(StandardCharsets.UTF_8));

        assertThat(read.get(10, TimeUnit.SECONDS)).asString().isEqualTo("report\n");
        assertThat(Files.readAttributes(fifo, BasicFileAttributes.class).isOther()).isTrue();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(fifo);
        }
    }

    @Test
    void writeAtomicallyWritesThroughACharacterDeviceAndKeepsIt() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "running as root (mknod)");
        // a null device of our own, so that a failure replaces nothing of the system's
        Path device = dir.resolve("null");
        assumeTrue(
                new ProcessBuilder("mknod", device.toString(), "c", "1", "3")
                                .inheritIO()
                                .start()
                                .waitFor()
                        == 0,
                "mknod works here");
        assumeTrue(canWrite(device), "the device can be opened here");

        writer.writeAtomically(device, "report\n".getBytes(StandardCharsets.UTF_8));

        BasicFileAttributes after =
                Files.readAttributes(device, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        assertThat(after.isOther()).as("still a device").isTrue();
        assertThat(Files.size(device)).isZero();
    }

    @Test
    void writeAtomicallyWritesThroughASymbolicLinkAndKeepsTheLink() throws Exception {
        Path real = Files.writeString(dir.resolve("real.txt"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("report.txt"), real.getFileName());
        Path dangling =
                Files.createSymbolicLink(
                        dir.resolve("later.txt"), Path.of("out", "later-real.txt"));

        writer.writeAtomically(link, "new".getBytes(StandardCharsets.UTF_8));
        writer.writeAtomically(dangling, "made".getBytes(StandardCharsets.UTF_8));

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(real).hasContent("new");
        assertThat(Files.isSymbolicLink(dangling)).isTrue();
        assertThat(dir.resolve("out/later-real.txt")).hasContent("made");
    }

    @Test
    void writeAtomicallyNamesAFileThatStandsWhereAFolderShould() throws Exception {
        Files.writeString(dir.resolve("afile"), "mine");
        Path report = dir.resolve("afile/sub/x.txt");

        assertThatThrownBy(() -> writer.writeAtomically(report, new byte[] {1}))
                .isInstanceOf(IOException.class)
                .hasMessage(dir.resolve("afile") + " is a file, not a folder");
        assertThat(dir.resolve("afile")).hasContent("mine");
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void concurrentEditsNeverLoseATick() throws Exception {
        int threads = 8;
        int rounds = 40;
        Path file = dir.resolve("spec.md");
        StringBuilder spec = new StringBuilder("# T\n\n");
        for (int i = 0; i < threads; i++) {
            spec.append("- [ ] item ").append(i).append('\n');
        }
        AtomicInteger stale = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < rounds; round++) {
                runRound(file, spec.toString(), threads, round, pool, stale);
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.println(
                "concurrentEditsNeverLoseATick: " + stale + " of " + threads * rounds + " stale");
    }

    private static void runRound(
            Path file,
            String spec,
            int threads,
            int round,
            ExecutorService pool,
            AtomicInteger stale)
            throws Exception {
        Files.writeString(file, spec);
        CyclicBarrier start = new CyclicBarrier(threads);
        List<CompletableFuture<Boolean>> runs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int item = t;
            runs.add(CompletableFuture.supplyAsync(() -> tick(file, item, start), pool));
        }
        String expected = spec;
        for (int t = 0; t < threads; t++) {
            if (runs.get(t).get()) {
                expected = expected.replace("- [ ] item " + t + "\n", "- [x] item " + t + "\n");
            } else {
                stale.incrementAndGet();
            }
        }
        assertThat(Files.readString(file))
                .as("round %d: each successful edit's tick, and nothing else", round)
                .isEqualTo(expected);
    }

    /** Reads the spec and ticks item {@code n}: true when written, false when refused as stale. */
    private static boolean tick(Path file, int n, CyclicBarrier start) {
        try {
            start.await();
            SpecSource source = SpecSource.read(file);
            ChecklistItem item = parse(source.text()).checklist().get(n);
            new SpecFileWriter().write(source.edit().taskBox(item, true));
            return true;
        } catch (StaleSpecException e) {
            return false;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Path mkfifo(Path fifo) throws IOException, InterruptedException {
        assumeTrue(
                new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor() == 0,
                "mkfifo works here");
        return fifo;
    }

    /** Reads {@code fifo} to its end on a daemon thread (which a failed test may leave blocked). */
    static CompletableFuture<byte[]> readInBackground(Path fifo) {
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        Thread reader =
                new Thread(
                        () -> {
                            try (InputStream in = Files.newInputStream(fifo)) {
                                result.complete(in.readAllBytes());
                            } catch (IOException | RuntimeException e) {
                                result.completeExceptionally(e);
                            }
                        },
                        "fifo-reader");
        reader.setDaemon(true);
        reader.start();
        return result;
    }

    private static boolean canWrite(Path device) {
        try (var out = Files.newOutputStream(device, java.nio.file.StandardOpenOption.WRITE)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
