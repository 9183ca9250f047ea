package dev.specgate.core.edit;

import static dev.specgate.core.TestSpecs.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An edit keeps the spec's POSIX access ACL ({@link AccessAcl}): a rename dropped it and gave the
 * file's group the ACL's mask ({@code rw}). Needs what {@link AccessAcl} needs (Java 22+ with
 * native access, Linux), {@code setfacl} and {@code getfacl}, and a file system that keeps ACLs:
 * each missing one skips the test, saying which. The build's tests run on Java 17, where it skips:
 * run it on a Java 22+ ({@code mvn -pl specgate-core test -Dtest=SpecFileWriterAclTest
 * -Djvm=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java -DargLine=--enable-native-access=ALL-UNNAMED}).
 */
class SpecFileWriterAclTest {

    private static final String SPEC =
            "---\r\ntitle: Relevé des paiements\r\n---\r\n"
                    + "# Relevé des paiements\r\n\r\n"
                    + "> **Document Status:** Draft\r\n\r\n"
                    + "## Implementation Steps\r\n\r\n"
                    + "- [ ] Export `ledger[0..n]` to the SFTP drop\r\n"
                    + "\r\n| Step | Owner |\r\n|------|-------|\r\n| 1 | Zoë |\r\n";

    @TempDir Path dir;

    @Test
    void anEditKeepsTheSpecsAccessAclAndItsGroupsRights() throws Exception {
        assumeTrue(
                AccessAcl.visible(),
                "POSIX ACLs are seen only on Java 22+ with native access on Linux (this is Java "
                        + Runtime.version().feature()
                        + "): a rename drops them here");
        Path file = Files.write(dir.resolve("spec.md"), SpecEditTest.withBom(SPEC));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        setfacl("-m", "u:nobody:rw", file.toString());
        List<String> before = getfacl(file);
        assumeTrue(before.contains("user:nobody:rw-"), "this file system keeps no ACL: " + before);
        SpecSource source = SpecSource.read(file);

        new SpecFileWriter()
                .write(source.edit().taskBox(parse(source.text()).checklist().get(0), true));

        assertThat(Files.readAllBytes(file))
                .isEqualTo(SpecEditTest.withBom(SPEC.replace("[ ]", "[x]")));
        assertThat(getfacl(file))
                .as("the ACL as it was: nobody may write, the group may not")
                .isEqualTo(before)
                .contains("user:nobody:rw-", "group::r--", "mask::rw-");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).as("no temporary file, no lock file left").containsExactly(file);
        }
    }

    /**
     * A spec with no ACL in a folder given a default ACL after it was written stays without one:
     * the temporary file took the folder's default ({@code u:nobody:rwx}) and the rename gave it to
     * the spec, so nobody, with the mask set from the group's {@code r}, could read a spec whose
     * mode ({@code rw-r-----}) let no other user read it. Written in place instead.
     */
    @Test
    void anEditGivesASpecWithoutAnAclNoneOfItsFoldersDefault() throws Exception {
        assumeTrue(
                AccessAcl.visible(),
                "POSIX ACLs are seen only on Java 22+ with native access on Linux (this is Java "
                        + Runtime.version().feature()
                        + ")");
        Path folder = Files.createDirectories(dir.resolve("specs"));
        Path file = Files.write(folder.resolve("relevé.md"), SpecEditTest.withBom(SPEC));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        setfacl("-d", "-m", "u:nobody:rwx", folder.toString());
        List<String> before = getfacl(file);
        assumeTrue(
                getfacl(folder).contains("default:user:nobody:rwx"),
                "this file system keeps no ACL: " + getfacl(folder));
        SpecSource source = SpecSource.read(file);

        new SpecFileWriter()
                .write(source.edit().taskBox(parse(source.text()).checklist().get(0), true));

        assertThat(Files.readAllBytes(file))
                .isEqualTo(SpecEditTest.withBom(SPEC.replace("[ ]", "[x]")));
        assertThat(getfacl(file))
                .as("no ACL, as before: no entry for nobody")
                .isEqualTo(before)
                .noneMatch(l -> l.contains("nobody"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-r-----");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).as("no temporary file, no lock file left").containsExactly(file);
        }
    }

    private static void setfacl(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("setfacl"));
        command.addAll(List.of(args));
        String out = run(command);
        assumeTrue(out != null, "setfacl is not installed (apt-get install acl)");
    }

    private static List<String> getfacl(Path file) throws Exception {
        String out = run(List.of("getfacl", "--omit-header", "--absolute-names", file.toString()));
        assumeTrue(out != null, "getfacl is not installed (apt-get install acl)");
        return out.lines().filter(l -> !l.isBlank()).toList();
    }

    /** The command's output, or null when it cannot be run. */
    private static String run(List<String> command) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return null;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        assumeTrue(code == 0, command + " failed here (no ACLs on this file system?): " + out);
        return out;
    }
}
