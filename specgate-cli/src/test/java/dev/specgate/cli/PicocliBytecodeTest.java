package dev.specgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * picocli is compiled from its sources with the project's release (see specgate-cli/pom.xml): its
 * published Java 5 bytecode cannot go into the launcher's CDS archive or AOT cache, which cost
 * every run ~35 ms of class loading and verification.
 */
class PicocliBytecodeTest {

    @Test
    void picocliIsCompiledForTheProjectsRelease() throws IOException {
        assertCompiledForTheRelease("CommandLine.class");
        // specgate completion uses it; the shaded jar holds only picocli's classes built here
        assertCompiledForTheRelease("AutoComplete.class");
    }

    private static void assertCompiledForTheRelease(String name) throws IOException {
        try (InputStream in = CommandLine.class.getResourceAsStream(name)) {
            assertThat(in).as("picocli/" + name).isNotNull();
            DataInputStream data = new DataInputStream(in);
            assertThat(data.readInt()).isEqualTo(0xCAFEBABE);
            data.readUnsignedShort(); // minor version
            int major = data.readUnsignedShort();
            assertThat(major)
                    .as("class-file major version (61 = Java 17)")
                    .isGreaterThanOrEqualTo(61);
        }
    }
}
