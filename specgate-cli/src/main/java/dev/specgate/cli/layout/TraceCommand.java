package dev.specgate.cli.layout;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.specgate.cli.CommonOptions;
import dev.specgate.cli.ConfigOptions;
import dev.specgate.cli.ExitCode;
import dev.specgate.cli.SpecArgument;
import dev.specgate.cli.SpecRoots;
import dev.specgate.cli.report.DisplayPath;
import dev.specgate.cli.report.FormatOption;
import dev.specgate.core.config.SpecgateConfig;
import dev.specgate.core.discovery.ConfiguredDiscovery;
import dev.specgate.core.discovery.ProjectRoot;
import dev.specgate.core.layout.FeatureSlug;
import dev.specgate.core.layout.FileOrganization;
import dev.specgate.core.layout.LayoutEntry;
import dev.specgate.core.layout.LayoutTrace;
import dev.specgate.core.layout.TracedEntry;
import dev.specgate.core.model.Field;
import dev.specgate.core.schema.Strictness;
import dev.specgate.core.schema.TemplateSchema;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code specgate trace [SPEC...]}: what exists of each spec's File Organization. */
@Command(
        name = "trace",
        mixinStandardHelpOptions = true,
        description = {
            "Shows what exists of each spec's File Organization.",
            "Shows, for each File Organization entry of each spec, whether it exists, and how"
                    + " many test files each test directory holds.",
            "A SPEC may be a directory, searched as check searches it, following .specgate.yml"
                    + " (default: the current directory). Exit 1 when a spec in Implementation misses an unconditional"
                    + " implementation or test path."
        })
public final class TraceCommand implements Callable<Integer> {

    /** One spec's trace. */
    private record SpecTrace(
            Path path, String status, boolean implementing, List<TracedEntry> entries) {
        boolean required(TracedEntry t) {
            LayoutEntry e = t.entry();
            return implementing
                    && !t.exists()
                    && !e.conditional()
                    && (e.isImplementation() || e.isTest());
        }
    }

    @Spec private CommandSpec spec;

    @Mixin private CommonOptions common;

    @Parameters(paramLabel = "SPEC", arity = "0..*", description = "Spec files or directories.")
    private List<Path> paths;

    @Mixin private FormatOption format;

    @Mixin private ConfigOptions configOptions;

    @Override
    public Integer call() throws IOException {
        List<Path> roots = SpecRoots.of(paths);
        Optional<SpecgateConfig> config = configOptions.load(roots.get(0));
        ConfiguredDiscovery.Selection selection = SpecRoots.select(roots, config);
        TemplateSchema schema = config.map(SpecgateConfig::schema).orElse(TemplateSchema.builtin());
        List<SpecTrace> traces = new ArrayList<>();
        for (Path file : selection.specs()) {
            traces.add(trace(file, schema));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format.json()) {
            writeJson(traces, out);
        } else {
            writeText(traces, out);
        }
        out.flush();
        boolean missing = traces.stream().anyMatch(t -> t.entries().stream().anyMatch(t::required));
        return (missing ? ExitCode.FINDINGS : ExitCode.CLEAN).code();
    }

    private static SpecTrace trace(Path file, TemplateSchema schema) {
        SpecArgument arg = SpecArgument.load(file);
        String status =
                arg.document()
                        .metadata(schema.statusField())
                        .map(Field::value)
                        .map(String::strip)
                        .orElse(null);
        List<LayoutEntry> entries =
                FileOrganization.read(arg.text(), arg.document(), FeatureSlug.of(file, schema));
        boolean implementing = Strictness.forStatus(status, schema) == Strictness.IMPLEMENTATION;
        return new SpecTrace(
                file, status, implementing, LayoutTrace.trace(ProjectRoot.ofSpec(file), entries));
    }

    private static void writeText(List<SpecTrace> traces, PrintWriter out) {
        for (SpecTrace t : traces) {
            out.println(
                    DisplayPath.of(t.path()) + (t.status() == null ? "" : " (" + t.status() + ")"));
            if (t.entries().isEmpty()) {
                out.println("  no File Organization entries");
            }
            for (TracedEntry e : t.entries()) {
                String state = e.exists() ? "exists" : t.required(e) ? "MISSING" : "missing";
                String tests =
                        e.testFiles().isPresent()
                                ? "  "
                                        + e.testFiles().getAsInt()
                                        + " test file"
                                        + (e.testFiles().getAsInt() == 1 ? "" : "s")
                                : "";
                out.printf(
                        "  %-8s %-9s %s%s%s%n",
                        state,
                        e.entry().kind().label(),
                        e.entry().path(),
                        e.entry().conditional() ? " (conditional)" : "",
                        tests);
            }
        }
    }

    private static void writeJson(List<SpecTrace> traces, PrintWriter out) throws IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeArrayFieldStart("specs");
            for (SpecTrace t : traces) {
                g.writeStartObject();
                g.writeStringField("path", DisplayPath.of(t.path()));
                g.writeStringField("status", t.status());
                g.writeArrayFieldStart("entries");
                for (TracedEntry e : t.entries()) {
                    LayoutEntry en = e.entry();
                    g.writeStartObject();
                    g.writeStringField("group", en.group());
                    g.writeStringField("label", en.label());
                    g.writeStringField("path", en.path());
                    g.writeStringField("kind", en.kind().label());
                    g.writeBooleanField("conditional", en.conditional());
                    g.writeBooleanField("exists", e.exists());
                    if (e.testFiles().isPresent()) {
                        g.writeNumberField("testFiles", e.testFiles().getAsInt());
                    }
                    g.writeNumberField("line", en.line() + 1);
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.println();
    }
}
