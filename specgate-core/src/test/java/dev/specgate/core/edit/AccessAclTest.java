package dev.specgate.core.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@link AccessAcl} reads a failed {@code getxattr}'s {@code errno}: only "no such attribute"
 * and "none kept here" say there is no ACL; any other failure leaves it unknown, and a write is
 * refused. The reading runs on any Java; the last case reads a real {@code errno} through the
 * foreign function API, on Java 22+ with native access (it skips on the build's Java 17: run it as
 * {@link SpecFileWriterAclTest} says).
 */
class AccessAclTest {

    @TempDir Path dir;

    @Test
    void noAttributeAndNoSupportSayThereIsNoAcl() {
        assertThat(AccessAcl.afterFailure(61)).as("ENODATA").isInstanceOf(AccessAcl.None.class);
        assertThat(AccessAcl.afterFailure(95)).as("EOPNOTSUPP").isInstanceOf(AccessAcl.None.class);
        assertThat(AccessAcl.afterFailure(38)).as("ENOSYS").isInstanceOf(AccessAcl.None.class);
    }

    @Test
    void anyOtherFailureLeavesTheAclUnknownAndSaysWhy() {
        assertThat(AccessAcl.afterFailure(5))
                .isEqualTo(new AccessAcl.Unreadable("input/output error, EIO"));
        assertThat(AccessAcl.afterFailure(13))
                .isEqualTo(new AccessAcl.Unreadable("permission denied, EACCES"));
        assertThat(AccessAcl.afterFailure(34))
                .isEqualTo(new AccessAcl.Unreadable("numerical result out of range, ERANGE"));
        assertThat(AccessAcl.afterFailure(0)).isEqualTo(new AccessAcl.Unreadable("error 0"));
        assertThat(AccessAcl.afterFailure(121)).isEqualTo(new AccessAcl.Unreadable("error 121"));
    }

    @Test
    void theRefusalIsOneLineNamingTheFileAndTheCause() {
        Path spec = Path.of("directives/spec/2026-01-01_spec_café.md");

        var refusal = new AccessAcl.Unreadable("input/output error, EIO").refusal(spec);

        assertThat(refusal.getFile()).isEqualTo(spec.toString());
        assertThat(refusal.getMessage())
                .isEqualTo(
                        "directives/spec/2026-01-01_spec_café.md: not written: its access ACL"
                                + " cannot be read (input/output error, EIO), and writing it"
                                + " could drop the ACL")
                .doesNotContain("\n");
    }

    /** Java 22+: the errno getxattr leaves is read, not taken for "no ACL". */
    @Test
    void aRealGetxattrFailureIsReadFromErrno() throws Exception {
        assumeTrue(
                AccessAcl.visible(),
                "POSIX ACLs are seen only on Java 22+ with native access on Linux (this is Java "
                        + Runtime.version().feature()
                        + ")");
        Path plain = Files.writeString(dir.resolve("relevé.md"), "# Relevé\r\n");

        assertThat(AccessAcl.read(plain)).containsInstanceOf(AccessAcl.None.class);
        assertThat(AccessAcl.read(dir.resolve("gone.md")))
                .contains(new AccessAcl.Unreadable("no such file or directory, ENOENT"));
        assertThat(AccessAcl.read(plain.resolve("below.md")))
                .contains(new AccessAcl.Unreadable("not a directory, ENOTDIR"));
    }
}
