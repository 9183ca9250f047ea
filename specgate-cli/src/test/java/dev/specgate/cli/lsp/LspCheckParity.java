package dev.specgate.cli.lsp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specgate.cli.CliRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the language server must show, as {@code check --format json} reports it: per file, each
 * finding as {@code line:column-endLine:endColumn severity [rule] message}, 1-based as JSON has
 * them. Shared by the in-process test and the Neovim test.
 */
final class LspCheckParity {

    static final Path DEMO = Path.of("..", "examples", "demo");

    private LspCheckParity() {}

    /** A copy of the demo project under {@code target}. */
    static Path copyDemo(Path target) {
        try (Stream<Path> all = Files.walk(DEMO)) {
            for (Path p : all.toList()) {
                Path to = target.resolve(DEMO.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** {@code check --format json} of {@code project}, by absolute file. */
    static Map<Path, List<String>> check(Path project, String today) throws IOException {
        CliRun run = CliRun.of("check", project.toString(), "--format", "json", "--today", today);
        JsonNode json = new ObjectMapper().readTree(run.out());
        Map<Path, List<String>> out = new LinkedHashMap<>();
        for (JsonNode f : json.get("files")) {
            List<String> lines = new ArrayList<>();
            for (JsonNode d : f.get("diagnostics")) {
                lines.add(
                        line(
                                d.get("line").asInt(),
                                d.get("column").asInt(),
                                d.get("endLine").asInt(),
                                d.get("endColumn").asInt(),
                                d.get("severity").asText(),
                                d.get("rule").asText(),
                                d.get("message").asText()));
            }
            out.put(Path.of(f.get("path").asText()).toAbsolutePath().normalize(), lines);
        }
        return out;
    }

    /** A protocol diagnostic (0-based, severity 1 to 4) in the same shape. */
    static String fromLsp(
            int line,
            int character,
            int endLine,
            int endCharacter,
            int severity,
            String code,
            String message) {
        String s =
                switch (severity) {
                    case 1 -> "error";
                    case 2 -> "warning";
                    case 3 -> "info";
                    default -> "hint";
                };
        return line(line + 1, character + 1, endLine + 1, endCharacter + 1, s, code, message);
    }

    private static String line(
            int line, int col, int endLine, int endCol, String severity, String rule, String msg) {
        return line + ":" + col + "-" + endLine + ":" + endCol + " " + severity + " [" + rule + "] "
                + msg;
    }
}
