package dev.specgate.cli.template;

import dev.specgate.cli.common.BaseCommand;
import dev.specgate.cli.common.ExitCode;
import dev.specgate.cli.common.SpecgateException;
import dev.specgate.core.edit.SpecFileWriter;
import dev.specgate.core.input.IoFailure;
import dev.specgate.core.schema.TemplateSchema;
import dev.specgate.report.DisplayPath;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code specgate template export [FILE]}: the built-in template's Markdown, to start a team's own
 * template from.
 */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Writes the built-in template's Markdown, to start your own template from.",
            "Without FILE, prints it on standard output. With FILE, writes it there (folders"
                    + " created) and prints the path; an existing FILE is never overwritten. Edit"
                    + " it, then name it in .specgate.yml (template: FILE, relative to the"
                    + " .specgate.yml) and check what it requires with template show FILE."
        })
public final class TemplateExportCommand extends BaseCommand {

    @Parameters(
            paramLabel = "FILE",
            arity = "0..1",
            description = "Where to write it (default: standard output).")
    private Path file;

    @Override
    public Integer call() {
        String markdown = TemplateSchema.builtinTemplateText();
        PrintWriter out = out();
        if (file == null) {
            out.print(markdown);
            out.flush();
            return ExitCode.CLEAN.code();
        }
        if (Files.isDirectory(file)) {
            throw SpecgateException.usage(
                    DisplayPath.of(file) + " is a folder: name the template file to write");
        }
        try {
            // missing folders created, a file in the way refused in its words, as check
            // --write-baseline does: one writer for both
            new SpecFileWriter().createNew(file, markdown.getBytes(StandardCharsets.UTF_8));
        } catch (FileAlreadyExistsException e) {
            throw new SpecgateException(
                    ExitCode.FINDINGS,
                    DisplayPath.of(file) + " already exists; nothing was written",
                    e);
        } catch (IOException e) {
            throw new SpecgateException(
                    ExitCode.USAGE,
                    "cannot write the template to "
                            + DisplayPath.of(file)
                            + ": "
                            + IoFailure.reason(e),
                    e);
        }
        out.println(DisplayPath.of(file));
        out.flush();
        return ExitCode.CLEAN.code();
    }

    @Override
    public Map<ExitCode, String> exitCodeMeanings() {
        return meanings(
                ExitCode.CLEAN,
                "written",
                ExitCode.FINDINGS,
                "FILE exists already (nothing written)",
                ExitCode.USAGE,
                "usage error, or FILE cannot be written");
    }
}
