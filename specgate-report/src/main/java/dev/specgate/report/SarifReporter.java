package dev.specgate.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.specgate.core.check.CheckResult;
import dev.specgate.core.check.CheckRun;
import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.fix.SpecFixer;
import dev.specgate.core.project.ProjectRun;
import dev.specgate.core.rules.Rule;
import dev.specgate.core.rules.registry.RuleDocs;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SARIF 2.1.0: one run whose driver lists every rule that ran (id, description, default level,
 * category) and one result per finding. Regions are 1-based and columns count UTF-16 code units, as
 * SARIF's default {@code columnKind} says. Relative paths become relative URIs, so that code
 * scanning maps them onto the repository; absolute paths become {@code file:} URIs.
 */
public final class SarifReporter implements CheckReporter {

    /** The schema URI SARIF consumers expect in {@code $schema}. */
    public static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";

    private static final JsonFactory FACTORY = new JsonFactory();

    private final List<Rule> rules;
    private final String toolVersion;
    private final boolean fixing;

    public SarifReporter(List<Rule> rules, String toolVersion) {
        this(rules, toolVersion, false);
    }

    /**
     * @param fixing whether the run fixed specs: each fix written and each spec's fixes withheld
     *     are then a notification of the invocation
     */
    public SarifReporter(List<Rule> rules, String toolVersion, boolean fixing) {
        this.rules = List.copyOf(rules);
        this.toolVersion = toolVersion;
        this.fixing = fixing;
    }

    /** The base of relative artifact URIs: the working directory the check ran in. */
    static final String SRCROOT = "%SRCROOT%";

    @Override
    public void write(CheckRun run, PrintWriter out) {
        write(run, null, out);
    }

    @Override
    public void write(ProjectRun run, PrintWriter out) {
        write(run.checkRun(), run, out);
    }

    /**
     * The report of {@code run}; with {@code --fix}, the fixes of {@code fixed} as the invocation's
     * {@code toolExecutionNotifications}: what the run changed is no finding (it is gone), and a
     * withheld fix leaves its finding among the results.
     */
    private void write(CheckRun run, ProjectRun fixed, PrintWriter out) {
        Map<String, Integer> ruleIndex = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            ruleIndex.put(rules.get(i).id(), i);
        }
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("$schema", SCHEMA_URI);
            g.writeStringField("version", "2.1.0");
            g.writeArrayFieldStart("runs");
            g.writeStartObject();
            writeTool(g);
            // relative URIs are relative to the working directory: say which, so that a viewer
            // or code-scanning upload resolves them also when check ran in a subfolder
            g.writeObjectFieldStart("originalUriBaseIds");
            g.writeObjectFieldStart(SRCROOT);
            g.writeStringField("uri", Path.of("").toAbsolutePath().toUri().toString());
            g.writeEndObject();
            g.writeEndObject();
            g.writeArrayFieldStart("invocations");
            g.writeStartObject();
            g.writeBooleanField("executionSuccessful", true);
            if (fixing && fixed != null) {
                writeFixNotifications(g, fixed);
            }
            g.writeEndObject();
            g.writeEndArray();
            g.writeStringField("columnKind", "utf16CodeUnits");
            g.writeArrayFieldStart("results");
            for (CheckResult result : run.results()) {
                for (Diagnostic d : result.diagnostics()) {
                    writeResult(g, result.path(), d, ruleIndex.get(d.ruleId()));
                }
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the SARIF report", e);
        }
        out.println();
    }

    private void writeTool(JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("tool");
        g.writeObjectFieldStart("driver");
        g.writeStringField("name", "Specgate");
        g.writeStringField("semanticVersion", semanticVersion(toolVersion));
        g.writeArrayFieldStart("rules");
        for (Rule rule : rules) {
            g.writeStartObject();
            g.writeStringField("id", rule.id());
            g.writeStringField("name", pascalCase(rule.id()));
            g.writeObjectFieldStart("shortDescription");
            g.writeStringField("text", rule.summary());
            g.writeEndObject();
            // the rule's entry in docs/rules.md, as the editor's codeDescription links it
            g.writeStringField("helpUri", RuleDocs.of(rule.id()));
            g.writeObjectFieldStart("defaultConfiguration");
            g.writeStringField("level", level(rule.defaultSeverity()));
            g.writeEndObject();
            g.writeObjectFieldStart("properties");
            g.writeStringField("category", rule.category().label());
            g.writeArrayFieldStart("tags");
            g.writeString(rule.category().label());
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeResult(JsonGenerator g, Path path, Diagnostic d, Integer index)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("ruleId", d.ruleId());
        if (index != null) {
            g.writeNumberField("ruleIndex", index);
        }
        g.writeStringField("level", level(d.severity()));
        g.writeObjectFieldStart("message");
        g.writeStringField("text", d.message());
        g.writeEndObject();
        g.writeArrayFieldStart("locations");
        g.writeStartObject();
        g.writeObjectFieldStart("physicalLocation");
        writeArtifactLocation(g, path);
        g.writeObjectFieldStart("region");
        g.writeNumberField("startLine", d.range().startLine() + 1);
        g.writeNumberField("startColumn", d.range().startColumn() + 1);
        g.writeNumberField("endLine", d.range().endLine() + 1);
        g.writeNumberField("endColumn", d.range().endColumn() + 1);
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
    }

    /**
     * One notification per fix written ({@code descriptor.id} {@code fixed}, level {@code note}, at
     * its place in the file as it was read) and one per spec whose fixes were withheld ({@code
     * fix-withheld}, level {@code warning}, the message {@code check} prints, at each withheld
     * fix's place), each naming its rule as {@code associatedRule} (a spec's withheld fixes only
     * when they are all one rule's; the message names every rule).
     */
    private static void writeFixNotifications(JsonGenerator g, ProjectRun run) throws IOException {
        g.writeArrayFieldStart("toolExecutionNotifications");
        for (ProjectRun.FileOutcome f : run.files()) {
            for (SpecFixer.Fix x : f.fixes()) {
                writeNotification(
                        g, "fixed", "note", FixesSaid.fixed(x), x.ruleId(), f.path(), List.of(x));
            }
            if (f.withheld().isPresent()) {
                SpecFixer.Withheld w = f.withheld().get();
                // one associatedRule only when every withheld fix is that rule's: never the first
                // of several rules as if it were the only one
                List<String> rules =
                        w.fixes().stream().map(SpecFixer.Fix::ruleId).distinct().toList();
                String rule = rules.size() == 1 ? rules.get(0) : null;
                writeNotification(
                        g,
                        "fix-withheld",
                        "warning",
                        FixesSaid.withheld(f.path(), w),
                        rule,
                        f.path(),
                        w.fixes());
            }
        }
        g.writeEndArray();
    }

    private static void writeNotification(
            JsonGenerator g,
            String id,
            String level,
            String text,
            String rule, // null: no one rule
            Path path,
            List<SpecFixer.Fix> at)
            throws IOException {
        g.writeStartObject();
        g.writeObjectFieldStart("descriptor");
        g.writeStringField("id", id);
        g.writeEndObject();
        if (rule != null) {
            g.writeObjectFieldStart("associatedRule");
            g.writeStringField("id", rule);
            g.writeEndObject();
        }
        g.writeStringField("level", level);
        g.writeObjectFieldStart("message");
        g.writeStringField("text", text);
        g.writeEndObject();
        g.writeArrayFieldStart("locations");
        for (SpecFixer.Fix x : at) {
            g.writeStartObject();
            g.writeObjectFieldStart("physicalLocation");
            writeArtifactLocation(g, path);
            g.writeObjectFieldStart("region");
            g.writeNumberField("startLine", x.range().startLine() + 1);
            g.writeNumberField("startColumn", x.range().startColumn() + 1);
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /**
     * The spec's {@code artifactLocation}: its URI, relative to {@value #SRCROOT} when the path is
     * relative (for a result and a fix notification alike).
     */
    private static void writeArtifactLocation(JsonGenerator g, Path path) throws IOException {
        g.writeObjectFieldStart("artifactLocation");
        g.writeStringField("uri", uri(path));
        if (path != null && !path.isAbsolute()) {
            g.writeStringField("uriBaseId", SRCROOT);
        }
        g.writeEndObject();
    }

    /** SARIF's level for a severity: {@code error}, {@code warning} or {@code note}. */
    static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    /** A URI reference for a spec path: relative stays relative, absolute becomes file:. */
    static String uri(Path path) {
        if (path == null) {
            return "stdin";
        }
        if (path.isAbsolute()) {
            return path.toUri().toString();
        }
        String shown = DisplayPath.of(path);
        int slash = shown.indexOf('/');
        if (shown.substring(0, slash < 0 ? shown.length() : slash).contains(":")) {
            shown = "./" + shown; // else the first segment would read as a URI scheme
        }
        try {
            return new URI(null, null, shown, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("path " + path + " cannot be a URI", e);
        }
    }

    private static String pascalCase(String id) {
        StringBuilder sb = new StringBuilder(id.length());
        boolean upper = true;
        for (char c : id.toCharArray()) {
            if (c == '-' || c == '_') {
                upper = true;
            } else {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return sb.toString();
    }

    /** {@code specgate 0.1.0-SNAPSHOT} gives {@code 0.1.0-SNAPSHOT}. */
    private static String semanticVersion(String version) {
        String v = version.trim();
        int space = v.lastIndexOf(' ');
        v = space >= 0 ? v.substring(space + 1) : v;
        return v.toLowerCase(Locale.ROOT).equals("unknown") ? "0.0.0" : v;
    }
}
