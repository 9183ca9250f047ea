package dev.specgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spec path outside ASCII given on the command line under {@code LC_ALL=C} (no {@code LANG}:
 * cron, a bare container), where Java reads {@code café} as {@code caf\uFFFD\uFFFD}: each command
 * reaches the spec as under a UTF-8 locale; picocli refused it ({@code cannot convert ... to Path
 * (java.nio.file.InvalidPathException: Malformed input ...)}, and {@code check} said {@code
 * unexpected argument}). Where the bytes cannot be told, one line names the argument and the cause,
 * exit 2. Each command runs {@link Main} in a JVM of its own under the C locale, as {@code java
 * -jar specgate.jar} runs it.
 */
class CLocalePathArgumentsTest {

    private static final String SPEC = "directives/spec/2026-01-01_spec_café.md";

    @TempDir Path root;

    private Path file;

    @BeforeEach
    void writeSpec() throws Exception {
        // the walk's rules about the name (é is no slug letter; the File field's text against a
        // name the locale shows as U+FFFD) are not what this is about
        Files.writeString(
                root.resolve(".specgate.yml"), "rules:\n  file-name: off\n  field-file: off\n");
        String text =
                SpecFixtures.cleanSpec()
                        .replace(
                                "2026-10-02_spec_webhook-retry-queue.md", "2026-01-01_spec_café.md")
                        .replace("\n", "\r\n");
        file = SpecFixtures.writeSpec(root, "2026-01-01_spec_café.md", text);
    }

    @Test
    void everyCommandTakesASpecPathTheLocaleCannotHold() throws Exception {
        Run check = inCLocale("check", "--today", "2026-11-25", SPEC);
        assertThat(check.err()).isEmpty();
        assertThat(check.out()).isEqualTo("No problems found in 1 spec.\n");
        assertThat(check.code()).isZero();

        Run draft = inCLocale("status", SPEC, "Draft");
        assertThat(draft.err()).isEmpty();
        assertThat(draft.out()).startsWith("Moved directives/spec/2026-01-01_spec_caf");
        assertThat(draft.code()).isZero();
        Run review = inCLocale("status", SPEC, "Review");
        assertThat(review.code()).as(review.err()).isZero();
        Run done = inCLocale("done", SPEC, "14.3");
        assertThat(done.out()).startsWith("Checked 14.3 Prepare test data and fixtures");
        assertThat(done.code()).as(done.err()).isZero();
        Run field = inCLocale("field", SPEC, "Reviewer", "Ana Ruiz");
        assertThat(field.code()).as(field.err()).isZero();
        Run approve = inCLocale("approve", SPEC);
        assertThat(approve.out()).startsWith("Approved directives/spec/2026-01-01_spec_caf");
        assertThat(approve.code()).as(approve.err()).isZero();

        String now = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(now)
                .contains("**Document Status:** Approved\r\n")
                .contains("**Reviewer:** Ana Ruiz\r\n")
                .contains("   - [x] Prepare test data and fixtures\r\n")
                .contains("by Ana Ruiz");
        try (var files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("the spec where it was, no other file")
                    .containsExactly("2026-01-01_spec_café.md");
        }
    }

    @Test
    void aPathWhoseBytesCannotBeToldIsRefusedInOneLineNamingIt() throws Exception {
        // café and cafè both read caf\uFFFD\uFFFD: which one is meant cannot be told
        byte[] before = Files.readAllBytes(file);
        String other = "directives/spec/2026-01-01_spec_cafè.md";
        Files.copy(file, root.resolve(other));

        Run check = inCLocale("check", SPEC, other);
        Run status = inCLocale("status", SPEC, other);

        String cause =
                "'directives/spec/2026-01-01_spec_caf??.md': the locale's encoding (US-ASCII)"
                        + " cannot hold its characters, and the bytes it was given as cannot be"
                        + " told (an argument file, or arguments that read alike); run Specgate"
                        + " under a UTF-8 locale (LC_ALL=C.UTF-8)\n";
        assertThat(check.err()).isEqualTo("specgate check: cannot read " + cause);
        assertThat(check.code()).isEqualTo(2);
        assertThat(status.err()).isEqualTo("specgate status: cannot read SPEC " + cause);
        assertThat(status.code()).isEqualTo(2);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    private record Run(int code, String out, String err) {}

    /** Runs Specgate with {@code args} in a JVM whose locale is C, in the project folder. */
    private Run inCLocale(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("LC_") || k.equals("LANG"));
        pb.environment().put("LC_ALL", "C");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().remove("JDK_JAVA_OPTIONS");
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        int code = p.waitFor();
        return new Run(
                code,
                new String(out, StandardCharsets.US_ASCII),
                new String(err, StandardCharsets.US_ASCII));
    }
}
