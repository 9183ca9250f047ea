package dev.specgate.cli.template;

import dev.specgate.cli.common.BaseCommand;
import dev.specgate.cli.common.ConfigOptions;
import dev.specgate.cli.common.ExitCode;
import dev.specgate.cli.common.SpecgateException;
import dev.specgate.core.config.ConfigException;
import dev.specgate.core.project.SpecProject;
import dev.specgate.core.schema.TemplateFile;
import dev.specgate.core.schema.TemplateSchema;
import dev.specgate.core.schema.UnusableTemplateException;
import dev.specgate.report.DisplayPath;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code specgate template show [FILE|NAME]}: prints the schema Specgate derives from a template,
 * so a team sees what will be enforced.
 */
@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        description = {
            "Prints what a template requires: sections, fields and their allowed values, and the"
                    + " placeholders a spec must replace.",
            "FILE is a Markdown template, or NAME the built-in template's name ("
                    + TemplateSchema.BUILTIN_NAME
                    + "); without either, the template .specgate.yml names, or the built-in one."
        })
public final class TemplateShowCommand extends BaseCommand {

    @Mixin private ConfigOptions configOptions;

    @Parameters(
            paramLabel = "FILE|NAME",
            arity = "0..1",
            description =
                    "A Markdown template, or "
                            + TemplateSchema.BUILTIN_NAME
                            + " (default: the configured or built-in template).")
    private Path file;

    @Option(
            names = {"-f", "--format"},
            defaultValue = "text",
            paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private SchemaFormat format;

    @Override
    public Integer call() throws ConfigException {
        TemplateSchema schema;
        String source;
        if (file != null && isBuiltinName(file)) {
            schema = TemplateSchema.builtin();
            source = "built-in";
        } else if (file != null) {
            schema = read(file);
            source = file.toString().replace('\\', '/');
        } else {
            SpecProject project = configOptions.open(Path.of("."));
            schema = project.schema();
            source =
                    project.configFile().isPresent() && project.templateFile().isPresent()
                            ? DisplayPath.like(
                                    Path.of(project.templateOrigin()),
                                    configOptions.named().orElse(Path.of(".")))
                            : project.templateOrigin();
        }
        PrintWriter out = spec.commandLine().getOut();
        format.write(schema, source, out);
        out.flush();
        return ExitCode.CLEAN.code();
    }

    /** The built-in template's name, where no file of that name exists. */
    private static boolean isBuiltinName(Path file) {
        return file.toString().equals(TemplateSchema.BUILTIN_NAME) && !Files.exists(file);
    }

    private static TemplateSchema read(Path file) {
        if (!Files.exists(file)) {
            throw SpecgateException.usage(
                    "template not found: "
                            + file
                            + " (give a Markdown file, or "
                            + TemplateSchema.BUILTIN_NAME
                            + " for the built-in template)");
        }
        Path name = file.getFileName();
        try {
            // as a configuration naming it would load it (and refuse it)
            return TemplateFile.load(
                    file, name == null ? file.toString() : name.toString(), file.toString());
        } catch (UnusableTemplateException e) {
            throw SpecgateException.usage(e.getMessage());
        }
    }

    @Override
    public Map<ExitCode, String> exitCodeMeanings() {
        return meanings(
                ExitCode.CLEAN,
                "shown",
                ExitCode.USAGE,
                "usage error or a template that cannot be read");
    }
}
