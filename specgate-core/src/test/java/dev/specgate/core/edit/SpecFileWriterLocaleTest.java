package dev.specgate.core.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spec whose name the locale's encoding cannot hold ({@code LC_ALL=C}, {@code relevé.md}: Java
 * reads the name as {@code relev\uFFFD\uFFFD.md}) is edited as any other: its lock file and its
 * temporary file are named from the name's bytes, not from that text, which cannot be made into a
 * path again (InvalidPathException, an "internal error" of every edit of it).
 */
@Timeout(60)
class SpecFileWriterLocaleTest {

    private static final String NAME = "2026-11-01_spec_relevé.md";

    private static final String SPEC =
            "\uFEFF---\r\nowner: Zoë Müller\r\n---\r\n# Relevé des compteurs\r\n\r\n"
                    + "**Document Status:** Draft\r\n**File:** `directives/spec/"
                    + NAME
                    + "`\r\n\r\n"
                    + "> Note: `map[key]` stays as it is.\r\n\r\n"
                    + "| Étape | Fait |\r\n|---|---|\r\n| relevé | - [ ] a |\r\n";

    @TempDir Path dir;

    @Test
    void aSpecWhoseNameTheLocaleCannotHoldIsEdited() throws Exception {
        assumeThat(System.getProperty("sun.jnu.encoding")).isEqualToIgnoringCase("UTF-8");
        Path file = dir.resolve(NAME);
        Files.write(file, SPEC.getBytes(StandardCharsets.UTF_8));

        String out = inCLocale(Editor.class, dir.toString());

        assertThat(out).contains("ANSI_X3.4-1968").contains("written");
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .isEqualTo(SPEC.replace("Draft", "Review"));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).collect(Collectors.toList()))
                    .as("no lock or temporary file left, the name unchanged")
                    .containsExactly(NAME);
        }
    }

    /** Runs {@code main} in a JVM whose locale is C: file names are ASCII to it. */
    private static String inCLocale(Class<?> main, String arg) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb =
                new ProcessBuilder(
                                java,
                                "-cp",
                                System.getProperty("java.class.path"),
                                main.getName(),
                                arg)
                        .redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("LC_") || k.equals("LANG"));
        pb.environment().put("LC_ALL", "C");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }

    /** Edits the one spec in the folder given (found by listing it, as a check finds it). */
    public static final class Editor {
        public static void main(String[] args) throws Exception {
            System.out.println(System.getProperty("sun.jnu.encoding"));
            Path spec;
            try (Stream<Path> files = Files.list(Path.of(args[0]))) {
                List<Path> all = files.collect(Collectors.toList());
                spec = all.get(0);
            }
            SpecSource source = SpecSource.read(spec);
            int at = source.text().indexOf("Draft");
            new SpecFileWriter().write(source.edit().replace(at, at + 5, "Review"));
            System.out.println("written");
        }
    }
}
