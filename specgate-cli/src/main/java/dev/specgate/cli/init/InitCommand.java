package dev.specgate.cli.init;

import dev.specgate.cli.common.BaseCommand;
import dev.specgate.cli.common.ExitCode;
import dev.specgate.cli.common.SpecgateException;
import dev.specgate.core.config.SpecgateConfig;
import dev.specgate.core.discovery.SpecDiscovery;
import dev.specgate.core.input.IoFailure;
import dev.specgate.core.rules.Rule;
import dev.specgate.core.rules.registry.RuleRegistry;
import dev.specgate.core.schema.TemplateSchema;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code specgate init [DIR]}: writes a commented {@code .specgate.yml} and creates {@code
 * directives/spec/}. Never overwrites: with a {@code .specgate.yml} already there it changes
 * nothing and exits 1.
 */
@Command(
        name = "init",
        mixinStandardHelpOptions = true,
        description = {
            "Sets a project up: a commented .specgate.yml and directives/spec/.",
            "Writes a commented .specgate.yml and creates"
                    + " directives/spec/ in DIR (default: the current directory).",
            "Never overwrites anything."
        })
public final class InitCommand extends BaseCommand {

    @Parameters(paramLabel = "DIR", arity = "0..1", description = "The project's root folder.")
    private Path dir;

    @Option(
            names = "--template",
            paramLabel = "TEMPLATE",
            defaultValue = TemplateSchema.BUILTIN_NAME,
            description =
                    "The template to write into the configuration: ${DEFAULT-VALUE} or the path"
                            + " of your own Markdown template, relative to DIR.")
    private String template;

    @Override
    public Integer call() {
        Path root = dir == null ? Path.of(".") : dir;
        if (!Files.exists(root)) {
            throw SpecgateException.usage("no such folder: " + root + " (create it first)");
        }
        if (!Files.isDirectory(root)) {
            throw SpecgateException.usage("not a folder: " + root);
        }
        Path config = root.resolve(SpecgateConfig.FILE_NAME);
        if (Files.exists(config)) {
            throw SpecgateException.refused(
                    config.normalize() + " already exists; nothing was changed");
        }
        if (!template.equals(TemplateSchema.BUILTIN_NAME)
                && !Files.isRegularFile(root.resolve(template))) {
            throw SpecgateException.usage("template not found: " + root.resolve(template));
        }
        PrintWriter out = spec.commandLine().getOut();
        Path specs = root.resolve(SpecDiscovery.DIRECTIVES).resolve(SpecDiscovery.SPEC_FOLDER);
        try {
            Files.writeString(
                    config,
                    configText(template),
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            out.println("Created " + shown(config));
            if (!Files.isDirectory(specs)) {
                Files.createDirectories(specs);
                Files.write(specs.resolve(".gitkeep"), new byte[0], StandardOpenOption.CREATE_NEW);
                out.println("Created " + shown(specs) + "/");
            }
        } catch (FileAlreadyExistsException e) {
            throw SpecgateException.refused(e.getFile() + " already exists; it was not changed");
        } catch (IOException e) {
            throw SpecgateException.usage("cannot set up " + root + ": " + IoFailure.reason(e));
        }
        out.println(
                "Next: write specs in "
                        + shown(specs)
                        + "/, see what the template asks with 'specgate template show', then run"
                        + " 'specgate check'.");
        out.flush();
        return ExitCode.CLEAN.code();
    }

    private static String shown(Path p) {
        return p.normalize().toString().replace('\\', '/');
    }

    /** The commented configuration {@code init} writes; every rule is listed, commented out. */
    static String configText(String template) {
        StringBuilder sb = new StringBuilder();
        sb.append(
                """
                # Specgate configuration. Every key is optional; see docs/config.md in Specgate.
                # Paths and globs are relative to this file's folder.
                version: 1

                # The template specs are checked against: rigour-vibe (the built-in technical spec
                # template) or the path of your own Markdown template. 'specgate template show'
                # prints what it requires.
                template: %s

                # Which files are specs and task lists (globs; ** spans folders). Task lists
                # (written by 'specgate tasks') are checked too: numbering, spec link, boxes.
                specs:
                  - directives/spec/**/*.md
                  - directives/tasks/**/*_task_*.md

                # Files never checked.
                ignore:
                #  - directives/spec/archive/

                # Rule levels: off, info, warning or error. Uncomment a line to change a rule.
                rules:
                """
                        .formatted(template));
        int width = RuleRegistry.builtin().stream().mapToInt(r -> r.id().length()).max().orElse(0);
        for (Rule r : RuleRegistry.builtin()) {
            String entry = r.id() + ": " + r.defaultSeverity().label();
            sb.append("#  ")
                    .append(entry)
                    .append(" ".repeat(Math.max(1, width + 10 - entry.length())))
                    .append("# ")
                    .append(r.summary())
                    .append('\n');
        }
        sb.append(
                """

                # true: warnings fail 'specgate check' too, like --strict.
                strict: false

                # Findings recorded by 'specgate check --write-baseline .specgate-baseline.json'
                # are not reported once this names that file.
                # baseline: .specgate-baseline.json
                """);
        return sb.toString();
    }

    @Override
    public Map<ExitCode, String> exitCodeMeanings() {
        return meanings(
                ExitCode.CLEAN,
                "set up",
                ExitCode.FINDINGS,
                "refused: a .specgate.yml is already there",
                ExitCode.USAGE,
                "usage error or DIR cannot be written");
    }
}
