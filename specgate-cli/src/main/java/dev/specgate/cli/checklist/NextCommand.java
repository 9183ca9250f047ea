package dev.specgate.cli.checklist;

import dev.specgate.cli.common.BaseCommand;
import dev.specgate.cli.common.ConfigOptions;
import dev.specgate.cli.common.ExitCode;
import dev.specgate.cli.report.FormatOption;
import dev.specgate.core.checklist.Checklist;
import dev.specgate.core.checklist.ChecklistEntry;
import dev.specgate.core.config.ConfigException;
import dev.specgate.report.JsonOutput;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code specgate next SPEC}: the first open item in working order. */
@Command(
        name = "next",
        mixinStandardHelpOptions = true,
        description = {
            "Prints the next unchecked checklist item.",
            "The next item is the first unchecked one in working order: Prerequisites, Implementation"
                    + " Steps, Testing & Validation, Integration & Deployment, then every other"
                    + " checklist, each in document order. When every item is checked, says so"
                    + " (JSON: {})."
        })
public final class NextCommand extends BaseCommand {

    @Mixin private ConfigOptions configOptions;

    @Mixin private FormatOption format;

    @Parameters(index = "0", paramLabel = "SPEC", description = "The spec file.")
    private Path file;

    @Override
    public Integer call() throws ConfigException {
        Checklist checklist =
                ChecklistInput.read(file, configOptions, spec.commandLine().getErr(), "next")
                        .checklist();
        Optional<ChecklistEntry> next = checklist.next();
        PrintWriter out = spec.commandLine().getOut();
        if (format.json()) {
            JsonOutput.write(
                    out,
                    g -> {
                        g.writeStartObject();
                        if (next.isPresent()) {
                            ItemText.jsonFields(g, next.get());
                        }
                        g.writeEndObject();
                    });
        } else if (next.isPresent()) {
            out.println("Next: " + ItemText.located(next.get()));
        } else if (checklist.total() == 0) {
            out.println("No checklist items.");
        } else {
            out.println("All " + checklist.total() + " checklist items are checked.");
        }
        out.flush();
        return ExitCode.CLEAN.code();
    }

    @Override
    public Map<ExitCode, String> exitCodeMeanings() {
        return meanings(
                ExitCode.CLEAN,
                "printed (also when all is done)",
                ExitCode.USAGE,
                "usage error, unreadable spec, or a SPEC the configuration leaves out");
    }
}
