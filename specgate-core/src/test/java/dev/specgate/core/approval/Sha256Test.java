package dev.specgate.core.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Sha256}: the digest the JDK gives, whichever way it is computed. The libcrypto path needs
 * Java 22+ with native access, which this build's tests (Java 17) do not have: here it must
 * decline, and where it can link (run the tests on a Java 22+ with {@code
 * --enable-native-access=ALL-UNNAMED}) it must agree on every length around SHA-256's 64-byte
 * blocks and on large inputs. {@code NativeDigestIT} runs the shaded jar on a Java 22+ end to end.
 */
class Sha256Test {

    private static byte[] jdk(byte[] bytes, int length) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        md.update(bytes, 0, length);
        return md.digest();
    }

    @Test
    void givesTheJdksDigestAndLeavesTheDigestReusable() throws Exception {
        MessageDigest reused = MessageDigest.getInstance("SHA-256");
        Random random = new Random(17);
        for (int length : new int[] {0, 1, 55, 56, 63, 64, 65, 119, 120, 4096, 70_001}) {
            byte[] bytes = new byte[length + 9];
            random.nextBytes(bytes);
            assertThat(Sha256.digest(reused, bytes, length))
                    .as("length %d", length)
                    .isEqualTo(jdk(bytes, length));
        }
        byte[] abc = {'a', 'b', 'c'};
        assertThat(HexFormat.of().formatHex(Sha256.digest(reused, abc, 3)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void declinesBeforeJava22() {
        assumeTrue(Runtime.version().feature() < 22, "the foreign function API is there");
        assertThat(Sha256.Native.possible()).isFalse();
        assertThat(Sha256.Native.link()).isEmpty();
    }

    @Test
    void libcryptoAgreesWithTheJdkWhereItLinks() throws Exception {
        Optional<Sha256.Native> linked = Sha256.Native.link();
        assumeTrue(linked.isPresent(), "libcrypto cannot be linked on this JVM");
        agreesWithTheJdk(linked.get(), new Random(25));
    }

    /**
     * NSS through the JDK's PKCS#11 provider: the native digest of Java 17-21 (and of a JVM without
     * native access). Each thread has its own digest, and a digest is reusable after each call.
     */
    @Test
    void nssAgreesWithTheJdkWhereItLinks() throws Exception {
        Optional<Sha256.Nss> linked = Sha256.Nss.link();
        assumeTrue(linked.isPresent(), "NSS cannot be reached through SunPKCS11 on this JVM");
        agreesWithTheJdk(linked.get(), new Random(17));
        byte[][] other = new byte[1][];
        byte[] bytes = "approved content".getBytes(StandardCharsets.UTF_8);
        Thread t = new Thread(() -> other[0] = linked.get().digest(bytes, bytes.length));
        t.start();
        t.join();
        assertThat(other[0]).isEqualTo(jdk(bytes, bytes.length));
    }

    private static void agreesWithTheJdk(Sha256.Linked linked, Random random) throws Exception {
        for (int length = 0; length <= 300; length++) {
            byte[] bytes = new byte[length + random.nextInt(5)];
            random.nextBytes(bytes);
            assertThat(linked.digest(bytes, length))
                    .as("length %d", length)
                    .isEqualTo(jdk(bytes, length));
        }
        byte[] big = new byte[3 << 20];
        random.nextBytes(big);
        for (int length : new int[] {big.length, big.length - 1, 1 << 20}) {
            assertThat(linked.digest(big, length)).isEqualTo(jdk(big, length));
        }
        byte[] zeros = new byte[100];
        assertThat(linked.digest(zeros, 100)).isEqualTo(jdk(zeros, 100));
        assertThat(Arrays.equals(zeros, new byte[100])).as("input left as it was").isTrue();
    }
}
