package dev.specgate.cli.checklist;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.specgate.cli.common.BaseCommand;
import dev.specgate.cli.common.ConfigOptions;
import dev.specgate.cli.common.ExitCode;
import dev.specgate.cli.report.FormatOption;
import dev.specgate.cli.report.ProgressBar;
import dev.specgate.core.checklist.Checklist;
import dev.specgate.core.checklist.ChecklistEntry;
import dev.specgate.core.checklist.ChecklistSection;
import dev.specgate.core.config.ConfigException;
import dev.specgate.report.DisplayPath;
import dev.specgate.report.JsonOutput;
import dev.specgate.report.TextReporter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code specgate progress SPEC}: checked/total per section and overall, every item with its id.
 */
@Command(
        name = "progress",
        mixinStandardHelpOptions = true,
        description = {
            "Prints checklist progress per section and overall, every item with its id.",
            "An item's id is <section-number>.<item-number>: the heading it stands under"
                    + " (headings numbered from 1 in document order, the title not counted) and"
                    + " its place under that heading. Counts every task box (-, *, +, 1. and 1)"
                    + " markers, nested items, [x] and [X]), never text inside code.",
            "A SPEC the specs:/ignore: globs of .specgate.yml leave out is refused (exit 2),"
                    + " said as check says it: progress shows only specs that check checks."
        })
public final class ProgressCommand extends BaseCommand {

    @Mixin private ConfigOptions configOptions;

    @Mixin private FormatOption format;

    @Parameters(index = "0", paramLabel = "SPEC", description = "The spec file.")
    private Path file;

    @Override
    public Integer call() throws ConfigException {
        Checklist checklist =
                ChecklistInput.read(file, configOptions, spec.commandLine().getErr(), "progress")
                        .checklist();
        PrintWriter out = spec.commandLine().getOut();
        if (format.json()) {
            JsonOutput.write(out, g -> json(g, checklist));
        } else {
            text(out, checklist);
        }
        out.flush();
        return ExitCode.CLEAN.code();
    }

    private static void json(JsonGenerator g, Checklist checklist) throws IOException {
        g.writeStartObject();
        g.writeNumberField("checked", checklist.checked());
        g.writeNumberField("total", checklist.total());
        g.writeArrayFieldStart("sections");
        for (ChecklistSection s : checklist.sections()) {
            g.writeStartObject();
            g.writeStringField("title", s.title());
            g.writeNumberField("checked", s.checked());
            g.writeNumberField("total", s.total());
            g.writeArrayFieldStart("items");
            for (ChecklistEntry e : s.items()) {
                g.writeStartObject();
                g.writeStringField("id", e.id());
                g.writeStringField("text", e.text());
                g.writeBooleanField("checked", e.checked());
                g.writeNumberField("line", e.line() + 1);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private void text(PrintWriter out, Checklist checklist) {
        out.println(TextReporter.escape(DisplayPath.of(file)));
        if (checklist.total() == 0) {
            out.println("No checklist items.");
            return;
        }
        int width = 7;
        for (ChecklistSection s : checklist.sections()) {
            width = Math.max(width, TextReporter.escape(s.title()).length());
        }
        for (ChecklistSection s : checklist.sections()) {
            out.println(row(TextReporter.escape(s.title()), s.checked(), s.total(), width));
            for (ChecklistEntry e : s.items()) {
                out.println("  " + ItemText.box(e));
            }
        }
        out.println(row("Overall", checklist.checked(), checklist.total(), width));
    }

    private static String row(String title, int checked, int total, int width) {
        String count = checked + "/" + total;
        return String.format(
                Locale.ROOT,
                "%-" + width + "s  %7s  %s",
                title,
                count,
                ProgressBar.of(checked, total));
    }

    @Override
    public Map<ExitCode, String> exitCodeMeanings() {
        return meanings(
                ExitCode.CLEAN,
                "printed",
                ExitCode.USAGE,
                "usage error, unreadable spec, or a SPEC the configuration leaves out");
    }
}
