package dev.specgate.core.baseline;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.specgate.core.CheckResult;
import dev.specgate.core.CheckRun;
import dev.specgate.core.Diagnostic;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The findings a project has accepted for now, so that a check reports only new ones. A finding
 * matches by its {@link Finding#fingerprint()}, never by line; each recorded finding hides one
 * finding with the same fingerprint (so a second, new copy of an old problem is still reported).
 * Stored as JSON sorted by path, rule and fingerprint, so its diffs are readable. Immutable.
 */
public final class Baseline {

    /** The version of the file format. */
    public static final int FORMAT_VERSION = 1;

    private static final JsonFactory JSON = new JsonFactory();

    private final List<Finding> findings;

    private Baseline(List<Finding> findings) {
        this.findings =
                findings.stream()
                        .sorted(
                                Comparator.comparing(Finding::path)
                                        .thenComparing(Finding::rule)
                                        .thenComparing(Finding::fingerprint))
                        .toList();
    }

    /** A baseline of these findings. */
    public static Baseline of(List<Finding> findings) {
        return new Baseline(requireNonNull(findings, "findings must not be null"));
    }

    /** A baseline of every finding of a run; paths become relative to the baseline's folder. */
    public static Baseline of(CheckRun run, Fingerprinter fingerprinter) {
        List<Finding> all = new ArrayList<>();
        for (CheckResult r : run.results()) {
            all.addAll(fingerprinter.findings(r));
        }
        return new Baseline(all);
    }

    public List<Finding> findings() {
        return findings;
    }

    /**
     * What is left of a run once this baseline's findings are taken out.
     *
     * @param run the run with only the new findings
     * @param hidden how many findings the baseline hid
     */
    public record Filtered(CheckRun run, long hidden) {}

    /** The run without the findings this baseline records. */
    public Filtered filter(CheckRun run, Fingerprinter fingerprinter) {
        Map<String, Integer> left = new HashMap<>();
        for (Finding f : findings) {
            left.merge(f.fingerprint(), 1, Integer::sum);
        }
        long hidden = 0;
        List<CheckResult> results = new ArrayList<>(run.results().size());
        for (CheckResult r : run.results()) {
            List<Finding> fs = fingerprinter.findings(r);
            List<Diagnostic> kept = new ArrayList<>();
            for (int i = 0; i < r.diagnostics().size(); i++) {
                String fp = fs.get(i).fingerprint();
                Integer n = left.get(fp);
                if (n != null && n > 0) {
                    left.put(fp, n - 1);
                    hidden++;
                } else {
                    kept.add(r.diagnostics().get(i));
                }
            }
            results.add(new CheckResult(r.path(), r.status(), kept, r.document()));
        }
        return new Filtered(new CheckRun(results), hidden);
    }

    /** Writes the baseline to {@code file} through a temporary file and a rename. */
    public void write(Path file) throws BaselineException {
        Path target = file.toAbsolutePath().normalize();
        Path tmp = null;
        try {
            Files.createDirectories(target.getParent());
            tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                    JsonGenerator g = JSON.createGenerator(w)) {
                g.useDefaultPrettyPrinter();
                g.writeStartObject();
                g.writeNumberField("version", FORMAT_VERSION);
                g.writeStringField(
                        "about",
                        "Findings specgate check --baseline does not report. Written by"
                                + " specgate check --write-baseline; matched by fingerprint, not"
                                + " by line.");
                g.writeArrayFieldStart("findings");
                for (Finding f : findings) {
                    g.writeStartObject();
                    g.writeStringField("fingerprint", f.fingerprint());
                    g.writeStringField("rule", f.rule());
                    g.writeStringField("path", f.path());
                    g.writeStringField("section", f.section());
                    g.writeStringField("text", f.text());
                    g.writeStringField("message", f.message());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
                g.writeRaw('\n');
            }
            try {
                Files.move(
                        tmp,
                        target,
                        StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException atomicFailed) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new BaselineException("cannot write baseline " + file + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort; the temporary file is hidden and named after the baseline
                }
            }
        }
    }

    /** Reads a baseline file. */
    public static Baseline read(Path file) throws BaselineException {
        List<Finding> findings = new ArrayList<>();
        try (JsonParser p =
                JSON.createParser(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            expect(p.nextToken() == JsonToken.START_OBJECT, file, "a JSON object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "version" ->
                            expect(
                                    value == JsonToken.VALUE_NUMBER_INT
                                            && p.getIntValue() == FORMAT_VERSION,
                                    file,
                                    "\"version\": " + FORMAT_VERSION);
                    case "findings" -> {
                        expect(value == JsonToken.START_ARRAY, file, "a \"findings\" array");
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            findings.add(finding(p, file));
                        }
                    }
                    default -> p.skipChildren();
                }
            }
        } catch (NoSuchFileException e) {
            throw new BaselineException(
                    "baseline "
                            + file
                            + " not found (write it with check --write-baseline "
                            + file
                            + ")",
                    e);
        } catch (JsonProcessingException e) {
            throw new BaselineException(
                    "baseline " + file + " is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new BaselineException("cannot read baseline " + file + ": " + e.getMessage(), e);
        }
        return new Baseline(findings);
    }

    private static Finding finding(JsonParser p, Path file) throws IOException, BaselineException {
        Map<String, String> fields = new HashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if (t == JsonToken.VALUE_STRING) {
                fields.put(name, p.getText());
            } else {
                p.skipChildren();
            }
        }
        String fp = fields.get("fingerprint");
        expect(fp != null && !fp.isBlank(), file, "a \"fingerprint\" in every finding");
        return new Finding(
                fp,
                fields.getOrDefault("rule", ""),
                fields.getOrDefault("path", ""),
                fields.getOrDefault("section", ""),
                fields.getOrDefault("text", ""),
                fields.getOrDefault("message", ""));
    }

    private static void expect(boolean ok, Path file, String what) throws BaselineException {
        if (!ok) {
            throw new BaselineException(
                    "baseline " + file + " is not a Specgate baseline: expected " + what);
        }
    }
}
