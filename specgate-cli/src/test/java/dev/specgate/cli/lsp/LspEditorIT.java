package dev.specgate.cli.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end with a real editor: headless Neovim opens a spec of a copy of the demo, starts {@code
 * java -jar specgate.jar lsp} with its built-in LSP client, and writes the diagnostics it receives
 * to a file; they must equal {@code check --format json} for that file, position for position. Uses
 * Debian's {@code neovim} (0.7 or later); skipped when it is not installed ({@code .ci/run}
 * installs it).
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class LspEditorIT {

    static final Path JAR = Path.of("target", "specgate.jar");
    static final Path SCRIPT = Path.of("src", "test", "resources", "lsp", "nvim-diagnostics.lua");
    static final String TODAY = "2026-11-25";

    @TempDir Path tmp;

    @Test
    void neovimShowsWhatCheckReports() throws Exception {
        Optional<Path> nvim = nvim();
        assumeTrue(nvim.isPresent(), "Neovim is not installed (apt-get install neovim)");
        assertThat(JAR).as("the shaded jar, built by package").isRegularFile();
        Path project = LspCheckParity.copyDemo(tmp.resolve("demo"));
        Map<Path, List<String>> check = LspCheckParity.check(project, TODAY);
        // the spec with the most findings, of several rules and both severities
        Path spec =
                check.entrySet().stream()
                        .max(Map.Entry.comparingByValue((a, b) -> a.size() - b.size()))
                        .orElseThrow()
                        .getKey();
        assertThat(check.get(spec)).hasSizeGreaterThan(3);
        Path out = tmp.resolve("diagnostics.json");

        ProcessBuilder pb =
                new ProcessBuilder(
                        nvim.get().toString(),
                        "--headless",
                        "-u",
                        "NONE",
                        "-i",
                        "NONE",
                        "-n",
                        "-c",
                        "luafile " + SCRIPT.toAbsolutePath());
        pb.environment().put("SPECGATE_JAVA", javaBinary());
        pb.environment().put("SPECGATE_JAR", JAR.toAbsolutePath().toString());
        pb.environment().put("SPECGATE_SPEC", spec.toString());
        pb.environment().put("SPECGATE_TODAY", TODAY);
        pb.environment().put("SPECGATE_OUT", out.toString());
        pb.environment().put("HOME", tmp.toString()); // no user configuration, no shada
        pb.redirectErrorStream(true).redirectOutput(tmp.resolve("nvim.log").toFile());
        Process p = pb.start();
        boolean ended = p.waitFor(3, TimeUnit.MINUTES);
        if (!ended) {
            p.destroyForcibly();
        }
        String log = Files.readString(tmp.resolve("nvim.log"));
        assertThat(ended).as("nvim ended; its output: %s", log).isTrue();
        assertThat(out).as("nvim wrote the diagnostics; its output: %s", log).exists();
        JsonNode json = new ObjectMapper().readTree(Files.readString(out));
        assertThat(json.has("error")).as(json.toString()).isFalse();
        assertThat(p.exitValue()).as(log).isZero();

        List<String> shown = new ArrayList<>();
        for (JsonNode d : json.get("published").get("diagnostics")) {
            JsonNode r = d.get("range");
            shown.add(
                    LspCheckParity.fromLsp(
                            r.get("start").get("line").asInt(),
                            r.get("start").get("character").asInt(),
                            r.get("end").get("line").asInt(),
                            r.get("end").get("character").asInt(),
                            d.get("severity").asInt(),
                            d.get("code").asText(),
                            d.get("message").asText()));
        }
        assertThat(shown).isEqualTo(check.get(spec));
        // and the editor placed each on the line check names
        List<Integer> lines = new ArrayList<>();
        json.get("shown").forEach(d -> lines.add(d.get("lnum").asInt() + 1));
        assertThat(lines)
                .containsExactlyInAnyOrderElementsOf(
                        check.get(spec).stream()
                                .map(s -> Integer.parseInt(s.substring(0, s.indexOf(':'))))
                                .toList());
    }

    static Optional<Path> nvim() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator))
                .map(d -> Path.of(d, "nvim"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
