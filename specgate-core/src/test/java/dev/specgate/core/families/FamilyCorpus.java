package dev.specgate.core.families;

import dev.specgate.core.TestSpecs;
import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.config.ConfigException;
import dev.specgate.core.config.ConfigLoader;
import dev.specgate.core.config.SpecgateConfig;
import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.discovery.ConfiguredDiscovery;
import dev.specgate.core.project.ConfigChoice;
import dev.specgate.core.project.FixFailedException;
import dev.specgate.core.project.NothingToCheckException;
import dev.specgate.core.project.ProjectRun;
import dev.specgate.core.project.RunOptions;
import dev.specgate.core.project.SpecProject;
import dev.specgate.core.rules.Expectation;
import dev.specgate.core.rules.InlineExpectations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The template-family corpora under {@code src/test/resources/families/<family>/}: each folder
 * holds a team's template ({@code template.md}, or a {@code template/} folder with the template and
 * its sidecar), its {@code .specgate.yml}, and documents written from it. A document carries its
 * expected findings inline ({@code <!-- expect: error rule-id "message part" -->} on the line a
 * user expects them, see {@link InlineExpectations}); one without any must give no finding at all.
 * In YAML front matter, and in a YAML sidecar beside a document ({@code kep.yaml}), they are YAML
 * comments: {@code status: acepted # expect: error field-value "acepted"}.
 *
 * <p>Every document is checked through {@link SpecProject}, opened on its family's folder exactly
 * as {@code specgate check <family>} would open it, and judged by {@link #judge}: the findings
 * nobody expects are <em>false findings</em>, the expectations nothing meets are <em>missed
 * defects</em>.
 */
final class FamilyCorpus {

    /** The date every document is checked on, so overdue dates do not drift. */
    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    private FamilyCorpus() {}

    /** The folder of every family, sorted by name. */
    static List<Path> families() {
        Path root = TestSpecs.resource("families");
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether {@code file} is part of its family's template rather than a document. */
    static boolean isTemplate(Path family, Path file) {
        Path relative = family.relativize(file);
        return relative.getName(0).toString().equals("template")
                || relative.toString().equals("template.md");
    }

    /** The documents of a family: every Markdown file that is not the template, sorted. */
    static List<Path> documents(Path family) {
        return TestSpecs.markdownBelow(family).stream()
                .filter(f -> !isTemplate(family, f))
                .toList();
    }

    /**
     * Copies a family to {@code target}, rewriting every document that has LF endings and no byte
     * order mark with both; templates, configuration and sidecars are copied as they are.
     */
    static Path copyWithBomAndCrlf(Path family, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(family)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path copy = target.resolve(family.relativize(f).toString());
                Files.createDirectories(copy.getParent());
                byte[] bytes = Files.readAllBytes(f);
                String text = new String(bytes, StandardCharsets.UTF_8);
                boolean lf = text.indexOf('\r') < 0 && !text.startsWith("\uFEFF");
                if (f.getFileName().toString().endsWith(".md") && !isTemplate(family, f) && lf) {
                    bytes =
                            ("\uFEFF" + text.replace("\n", "\r\n"))
                                    .getBytes(StandardCharsets.UTF_8);
                }
                Files.write(copy, bytes);
            }
        }
        return target;
    }

    /** A family's project as {@code specgate check} opens it, or why it cannot be opened. */
    record Opened(Optional<SpecProject> project, Optional<String> configError) {

        static Opened of(Path family) {
            try {
                return new Opened(
                        Optional.of(SpecProject.open(family, ConfigChoice.nearest())),
                        Optional.empty());
            } catch (ConfigException e) {
                return new Opened(Optional.empty(), Optional.of(e.getMessage()));
            }
        }

        /**
         * For the measurement only: when the configuration is refused (a key today's code does not
         * know), the project its known keys give, so the rules can still be measured; the refusal
         * itself is reported as the family's first cause.
         */
        Optional<SpecProject> orKnownKeys(Path family) {
            if (project.isPresent()) {
                return project;
            }
            Path file = family.resolve(SpecgateConfig.FILE_NAME);
            String yaml;
            try {
                yaml = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (String fallback : List.of(knownKeysOnly(yaml), onlyKeys(yaml, SELECTION_KEYS))) {
                try {
                    return Optional.of(
                            SpecProject.of(SpecProject.configLoader().parse(file, fallback)));
                } catch (ConfigException e) {
                    // a known key with a value this code cannot follow: fall back further
                }
            }
            return Optional.empty();
        }
    }

    /** The keys that say which template checks which files, and nothing else. */
    static final List<String> SELECTION_KEYS = List.of("template", "specs", "ignore");

    /** The YAML with every top-level key {@link ConfigLoader} does not know left out. */
    static String knownKeysOnly(String yaml) {
        return onlyKeys(yaml, ConfigLoader.KEYS);
    }

    /** The YAML with only the top-level keys in {@code keys} (and comments). */
    static String onlyKeys(String yaml, List<String> keys) {
        StringBuilder kept = new StringBuilder();
        boolean keep = true;
        for (String line : yaml.split("\n", -1)) {
            boolean topLevel =
                    !line.isEmpty()
                            && !Character.isWhitespace(line.charAt(0))
                            && line.charAt(0) != '#';
            if (topLevel) {
                int colon = line.indexOf(':');
                String key = colon < 0 ? line : line.substring(0, colon).trim();
                keep = keys.contains(key);
            }
            if (keep) {
                kept.append(line).append('\n');
            }
        }
        return kept.toString();
    }

    /**
     * One document's verdict.
     *
     * @param expected what the document (and its sidecar) say must be found
     * @param actual what the check found
     * @param falseFindings findings no expectation asks for
     * @param missed expectations no finding meets (the line, severity, rule and message part)
     */
    record Verdict(
            List<Expectation> expected,
            List<Diagnostic> actual,
            List<Diagnostic> falseFindings,
            List<Expectation> missed) {

        boolean exact() {
            return falseFindings.isEmpty() && missed.isEmpty();
        }

        String describe(Path family, Path document) {
            StringBuilder sb = new StringBuilder();
            sb.append(family.relativize(document)).append(':');
            for (Diagnostic d : falseFindings) {
                sb.append("\n  false finding   ").append(line(d));
            }
            for (Expectation e : missed) {
                sb.append("\n  missed defect   ")
                        .append(e.key())
                        .append(e.messagePart() == null ? "" : " \"" + e.messagePart() + "\"");
            }
            sb.append("\n  all findings:").append(TestSpecs.describe(actual));
            return sb.toString();
        }
    }

    static String line(Diagnostic d) {
        return (d.range().startLine() + 1)
                + ":"
                + (d.range().startColumn() + 1)
                + " "
                + d.severity().label()
                + " "
                + d.ruleId()
                + ": "
                + d.message();
    }

    /** Whether the family's configuration selects exactly its documents (none left unchecked). */
    static List<Path> selected(SpecProject project, Path family) throws NothingToCheckException {
        ConfiguredDiscovery.Selection selection = project.find(List.of(family));
        return selection.specs().stream()
                .map(p -> p.toAbsolutePath().normalize())
                .sorted()
                .toList();
    }

    /** Checks one document through the façade, as {@code specgate check} does. */
    static List<Diagnostic> check(SpecProject project, Path document) throws FixFailedException {
        ProjectRun run = project.run(List.of(document), RunOptions.of(CheckOptions.asOf(TODAY)));
        if (run.files().size() != 1) {
            throw new AssertionError(
                    "the façade returned " + run.files().size() + " outcomes for " + document);
        }
        return run.files().get(0).result().diagnostics();
    }

    /**
     * The 0-based line of the {@code ---} that closes a YAML front matter opened on the first line
     * (after a byte order mark), or 0 when there is none: in front matter, expectations are YAML
     * comments ({@code status: acepted # expect: error field-value}), since an HTML comment would
     * be part of the value.
     */
    static int frontMatterEnd(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\r\n|\r|\n", -1);
        if (lines.length == 0 || !lines[0].equals("---")) {
            return 0;
        }
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].equals("---") || lines[i].equals("...")) {
                return i;
            }
        }
        return 0;
    }

    /** The sidecar YAML files beside a document ({@code kep.yaml}), if any. */
    static List<Path> sidecars(Path document) {
        try (Stream<Path> files = Files.list(document.getParent())) {
            return files.filter(
                            f -> {
                                String n = f.getFileName().toString();
                                return (n.endsWith(".yaml") || n.endsWith(".yml"))
                                        && !n.equals(SpecgateConfig.FILE_NAME);
                            })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Judges one document's findings against its expectations. Findings and expectations are paired
     * on line, severity and rule; an expectation with a message part pairs only with a finding
     * whose message contains it. An expectation written in a sidecar ({@code kep.yaml}) pairs with
     * a finding at the document's first line whose message names the sidecar's file: a finding
     * belongs to the document checked, and sidecar fields stand at its start (a finding never
     * carries another file's positions).
     */
    static Verdict judge(Path document, List<Diagnostic> actual) throws IOException {
        byte[] bytes = Files.readAllBytes(document);
        List<Expectation> expected = new ArrayList<>(InlineExpectations.of(bytes));
        int frontMatterEnd = frontMatterEnd(bytes);
        for (Expectation e : InlineExpectations.ofYaml(bytes)) {
            if (e.line() < frontMatterEnd) {
                expected.add(e);
            }
        }
        Map<Expectation, String> sidecarOf = new IdentityHashMap<>();
        for (Path sidecar : sidecars(document)) {
            for (Expectation e : InlineExpectations.ofYaml(Files.readAllBytes(sidecar))) {
                expected.add(e);
                sidecarOf.put(e, sidecar.getFileName().toString());
            }
        }
        List<Diagnostic> unpaired = new ArrayList<>(actual);
        List<Expectation> missed = new ArrayList<>();
        // Expectations with a message part first, so that a bare one does not take their finding.
        List<Expectation> order = new ArrayList<>(expected);
        order.sort(Comparator.comparing((Expectation e) -> e.messagePart() == null));
        for (Expectation e : order) {
            String key =
                    sidecarOf.containsKey(e)
                            ? new Expectation(0, e.severity(), e.ruleId(), null).key()
                            : e.key();
            Optional<Diagnostic> match =
                    unpaired.stream()
                            .filter(d -> Expectation.key(d).equals(key))
                            .filter(
                                    d ->
                                            e.messagePart() == null
                                                    || d.message().contains(e.messagePart()))
                            .filter(
                                    d ->
                                            !sidecarOf.containsKey(e)
                                                    || d.message().contains(sidecarOf.get(e)))
                            .findFirst();
            if (match.isPresent()) {
                unpaired.remove(match.get());
            } else {
                missed.add(e);
            }
        }
        missed.sort(Comparator.comparing(Expectation::line));
        return new Verdict(
                List.copyOf(expected), List.copyOf(actual), List.copyOf(unpaired), missed);
    }
}
