package dev.specgate.cli.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Run from a folder inside the project (the shaded jar as a process, so that the working directory
 * is that folder): the {@code approve --refresh SPEC} that {@code approval-stale} asks for names
 * the spec as every command there takes it, and works as written; a spec it cannot find is one
 * line.
 */
class ApproveFromSubfolderIT {

    private static final Path JAR = Path.of("target", "specgate.jar").toAbsolutePath();
    private static final String TODAY = "2026-11-25";
    private static final String NAME = "2026-10-02_spec_webhook-retry-queue.md";
    private static final Pattern REFRESH =
            Pattern.compile("then specgate approve --refresh (\\S+)\\)");

    @TempDir Path root;

    @Test
    void theRefreshTheCheckAsksForWorksFromTheFolderItRanIn() throws Exception {
        assertThat(JAR).as("the shaded jar, built by package").isRegularFile();
        Files.writeString(root.resolve(".specgate.yml"), "version: 1\n");
        Path spec = Files.createDirectories(root.resolve("directives/spec")).resolve(NAME);
        // CRLF line endings, as a Windows editor leaves them
        Files.writeString(spec, StatusCommandTest.withStatus("Review").replace("\n", "\r\n"));
        Path here = root.resolve("directives");
        Result approve = run(here, "approve", "spec/" + NAME, "--by", "Ana Ruiz", "--today", TODAY);
        assertThat(approve.code()).as(approve.err()).isZero();
        Files.writeString(
                spec,
                Files.readString(spec)
                        .replace(
                                "A single unavailable merchant endpoint stalls every payment",
                                "One unavailable merchant endpoint stalls every payment"));

        Result check = run(here, "check", "--today", TODAY);
        Matcher asked = REFRESH.matcher(check.out());

        assertThat(asked.find()).as(check.out()).isTrue();
        assertThat(asked.group(1)).isEqualTo("spec/" + NAME);
        Result refresh =
                run(
                        here,
                        "approve",
                        "--refresh",
                        asked.group(1),
                        "--by",
                        "Ana Ruiz",
                        "--today",
                        TODAY);
        assertThat(refresh.code()).as(refresh.err()).isZero();
        assertThat(refresh.out()).startsWith("Re-approved spec/" + NAME + ": Approval " + TODAY);
        assertThat(Files.readString(spec)).contains("\r\n**Approval:** " + TODAY + " by Ana Ruiz");
        assertThat(run(here, "check", "--today", TODAY).out()).doesNotContain("approval-stale");
        // the path from the project's folder names nothing from here: one line, file untouched
        byte[] before = Files.readAllBytes(spec);
        Result wrong =
                run(here, "approve", "--refresh", "directives/spec/" + NAME, "--today", TODAY);
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err())
                .isEqualTo("specgate: spec not found: directives/spec/" + NAME + "\n");
        assertThat(Files.readAllBytes(spec)).isEqualTo(before);
    }

    private record Result(int code, String out, String err) {}

    private static Result run(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(List.of(args));
        Process p =
                new ProcessBuilder(command)
                        .directory(dir.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                        .start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(
                p.exitValue(),
                new String(out, StandardCharsets.UTF_8),
                new String(err, StandardCharsets.UTF_8));
    }
}
