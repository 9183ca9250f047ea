package dev.specgate.cli.init;

import dev.specgate.cli.common.BaseCommand;
import dev.specgate.cli.common.ExitCode;
import dev.specgate.cli.common.SpecgateException;
import dev.specgate.core.config.ConfigException;
import dev.specgate.core.config.SpecgateConfig;
import dev.specgate.core.diagnostic.ShellWord;
import dev.specgate.core.discovery.SpecDiscovery;
import dev.specgate.core.edit.SpecEdit;
import dev.specgate.core.edit.SpecFileWriter;
import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.input.IoFailure;
import dev.specgate.core.input.UnreadableSpecException;
import dev.specgate.core.project.ConfigChoice;
import dev.specgate.core.project.SpecProject;
import dev.specgate.core.rules.Rule;
import dev.specgate.core.rules.registry.RuleRegistry;
import dev.specgate.core.schema.TemplateFile;
import dev.specgate.core.schema.TemplateSchema;
import dev.specgate.core.schema.UnusableTemplateException;
import dev.specgate.mcp.SpecgateMcpServer;
import dev.specgate.report.TextReporter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
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
            "With --agents, also adds a section to AGENTS.md telling coding agents to work specs"
                    + " through 'specgate mcp' (created if missing; an existing file keeps every"
                    + " byte and gets the section appended once); an existing .specgate.yml is"
                    + " then kept as it is.",
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

    @Option(
            names = "--agents",
            description =
                    "Also add a section to AGENTS.md telling coding agents to work specs through"
                            + " the MCP server (specgate mcp); keeps an existing .specgate.yml.")
    private boolean agents;

    /** The file {@code --agents} writes to. */
    static final String AGENTS_FILE = "AGENTS.md";

    /** The markers around the section {@code --agents} writes, so that it is written once. */
    static final String AGENTS_START = "<!-- specgate:agents -->";

    static final String AGENTS_END = "<!-- /specgate:agents -->";

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
            if (agents) {
                PrintWriter out = spec.commandLine().getOut();
                out.println("Kept " + shown(config) + " as it is");
                writeAgents(root, out);
                out.flush();
                return ExitCode.CLEAN.code();
            }
            throw SpecgateException.refused(
                    config.normalize() + " already exists; nothing was changed" + invalid(config));
        }
        if (!template.equals(TemplateSchema.BUILTIN_NAME)) {
            if (!Files.isRegularFile(root.resolve(template))) {
                throw SpecgateException.usage("template not found: " + root.resolve(template));
            }
            try {
                // as every command will load it once the configuration names it: refused now,
                // before anything is written
                TemplateFile.load(root.resolve(template), template, "'" + template + "'");
            } catch (UnusableTemplateException e) {
                throw SpecgateException.usage(e.getMessage() + "; nothing was written");
            }
        }
        String written = template.equals(TemplateSchema.BUILTIN_NAME) ? template : named(root);
        PrintWriter out = spec.commandLine().getOut();
        Path specs = root.resolve(SpecDiscovery.DIRECTIVES).resolve(SpecDiscovery.SPEC_FOLDER);
        try {
            Files.writeString(
                    config,
                    configText(written),
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
        if (agents) {
            writeAgents(root, out);
        }
        int found = existing(root, config, out);
        out.println(found > 0 ? nextStepsWithSpecs(root, config) : nextSteps(root, config, specs));
        out.flush();
        return ExitCode.CLEAN.code();
    }

    /**
     * Says what a project set up over specs it already has holds: how many specs the written globs
     * take, and what a look sees where they do not look (core's {@code SpecProject.seenNear}: a
     * team's {@code docs/design/} with the glob that would take it), which a check that finds some
     * specs never says. Returns how many specs were found.
     */
    private static int existing(Path root, Path config, PrintWriter out) {
        SpecProject project;
        try {
            project = SpecProject.open(config, ConfigChoice.file(config));
        } catch (ConfigException | RuntimeException e) {
            return 0; // what was just written: the next command says what is wrong
        }
        int found = project.findAny(List.of(root)).specs().size();
        String near = project.seenNear(root);
        if (found == 0 && near.isEmpty()) {
            return 0;
        }
        out.println(
                TextReporter.escape(
                        "Found "
                                + (found == 0
                                        ? "no spec"
                                        : found + (found == 1 ? " spec" : " specs"))
                                + " where the specs: globs of "
                                + shown(config)
                                + " look"
                                + (near.isEmpty() ? "" : "; " + near)));
        return found;
    }

    /**
     * What to do next in a project that already has specs: see what the template asks, check them,
     * and record today's findings as a baseline so that a check reports only new ones.
     */
    static String nextStepsWithSpecs(Path root, Path config) {
        boolean here = root.toAbsolutePath().normalize().equals(Path.of("").toAbsolutePath());
        String show =
                here
                        ? "specgate template show"
                        : "specgate template show --config " + ShellWord.of(shown(config));
        String check = here ? "specgate check" : "specgate check " + ShellWord.of(shown(root));
        String baseline = ".specgate-baseline.json";
        return "Next: see what the template asks with '"
                + show
                + "', run '"
                + check
                + "', then record today's findings with '"
                + check
                + " --write-baseline "
                + (here ? baseline : ShellWord.of(shown(root.resolve(baseline))))
                + "' and put 'baseline: "
                + baseline
                + "' in "
                + shown(config)
                + ", so that a check reports only new ones.";
    }

    /**
     * What to do next, as commands that work from here: for a DIR other than the working directory,
     * {@code template show} names DIR's configuration and {@code check} names DIR (without them,
     * both would read the working directory's and show another template or check another folder).
     */
    static String nextSteps(Path root, Path config, Path specs) {
        boolean here = root.toAbsolutePath().normalize().equals(Path.of("").toAbsolutePath());
        String show =
                here
                        ? "specgate template show"
                        : "specgate template show --config " + ShellWord.of(shown(config));
        String check = here ? "specgate check" : "specgate check " + ShellWord.of(shown(root));
        return "Next: write specs in "
                + shown(specs)
                + "/, see what the template asks with '"
                + show
                + "', then run '"
                + check
                + "'.";
    }

    /**
     * How the configuration names the template: as given when relative (to DIR, as every command
     * reads it); an absolute path inside DIR made relative to it, so that the file holds for every
     * clone of the project; an absolute path outside DIR kept, with a warning that other clones
     * will not have it.
     */
    private String named(Path root) {
        Path given = Path.of(template);
        if (!given.isAbsolute()) {
            return template;
        }
        Path base = root.toAbsolutePath().normalize();
        Path file = given.normalize();
        if (file.startsWith(base)) {
            return base.relativize(file).toString().replace(java.io.File.separatorChar, '/');
        }
        PrintWriter err = spec.commandLine().getErr();
        TextReporter.println(
                err,
                "specgate: warning: the template "
                        + template
                        + " is outside "
                        + root
                        + ": the configuration names it by this absolute path, which another"
                        + " clone of the project will not have (copy it into the project and run"
                        + " init with its path relative to the folder)");
        err.flush();
        return template;
    }

    /**
     * Adds Specgate's section to {@code AGENTS.md}: creates the file, or appends the section to it
     * (every byte there is kept; its line breaks are used), unless the markers are there already.
     */
    private void writeAgents(Path root, PrintWriter out) {
        Path file = root.resolve(AGENTS_FILE);
        String section =
                AGENTS_START
                        + "\n"
                        + SpecgateMcpServer.agentInstructions().strip()
                        + "\n"
                        + AGENTS_END
                        + "\n";
        SpecFileWriter writer = new SpecFileWriter();
        try {
            if (!Files.exists(file)) {
                writer.createNew(file, section.getBytes(StandardCharsets.UTF_8));
                out.println("Created " + shown(file) + " with instructions for coding agents");
                return;
            }
            SpecSource existing;
            try {
                existing = SpecSource.read(file);
            } catch (UnreadableSpecException e) {
                throw SpecgateException.usage(e.describe(shown(file)));
            }
            String text = existing.text();
            if (text.contains(AGENTS_START)) {
                out.println(
                        shown(file)
                                + " already has Specgate's section for coding agents; it was not"
                                + " changed");
                return;
            }
            String separator =
                    text.isEmpty()
                            ? ""
                            : text.endsWith("\n") || text.endsWith("\r") ? "\n" : "\n\n";
            SpecEdit edit = existing.edit().insert(text.length(), separator + section);
            writer.write(edit);
            out.println("Added Specgate's section for coding agents to " + shown(file));
        } catch (FileAlreadyExistsException e) {
            throw SpecgateException.refused(
                    shown(file) + " appeared while it was being written; it was not changed");
        } catch (IOException e) {
            throw SpecgateException.usage(
                    "cannot write " + shown(file) + ": " + IoFailure.reason(e));
        }
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
                  - directives/spec/**/*.markdown
                  - directives/tasks/**/*_task_*.md

                # How 'specgate new' names a spec's file, in the folder of the first specs:
                # glob, when the template's File field does not ({slug}, {date}, {number}: the
                # next free number); quote it.
                # new-file-name: '{number}-{slug}.md'

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

                # Coding agents working through 'specgate mcp' may not approve a spec, withdraw
                # an approval or edit an approved spec unless this is true.
                # mcp:
                #   allow-approve: false
                """);
        return sb.toString();
    }

    /**
     * What is wrong with an existing configuration, said after the refusal ({@code (and it is not
     * valid: line N: PROBLEM)}), so that a user who ran {@code init} to get past an error learns
     * what to fix; empty when the file can be used.
     */
    private static String invalid(Path config) {
        try {
            SpecProject.open(config, ConfigChoice.file(config));
            return "";
        } catch (ConfigException e) {
            return " (and it is not valid: "
                    + (e.line() > 0 ? "line " + e.line() + ": " : "")
                    + e.problem()
                    + ")";
        } catch (java.io.UncheckedIOException e) {
            return " (and it cannot be read: " + IoFailure.reason(e.getCause()) + ")";
        } catch (RuntimeException e) {
            return " (and it cannot be read: " + e + ")";
        }
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
