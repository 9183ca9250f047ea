package dev.specgate.cli.lifecycle;

import dev.specgate.cli.common.BaseCommand;
import dev.specgate.cli.common.CommonOptions;
import dev.specgate.cli.common.ConfigOptions;
import dev.specgate.cli.common.ExitCode;
import dev.specgate.cli.common.SpecgateException;
import dev.specgate.core.authoring.NewSpec;
import dev.specgate.core.authoring.SpecScaffold;
import dev.specgate.core.authoring.TitleSlug;
import dev.specgate.core.config.ConfigException;
import dev.specgate.core.edit.SpecFileWriter;
import dev.specgate.core.input.IoFailure;
import dev.specgate.core.project.SpecProject;
import dev.specgate.report.DisplayPath;
import dev.specgate.report.TextReporter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code specgate new TITLE}: writes a new Draft spec from the template and prints its path. */
@Command(
        name = "new",
        mixinStandardHelpOptions = true,
        description = {
            "Writes a new Draft spec from the template and prints its path.",
            "Writes DIR/directives/spec/DATE_spec_<slug>.md (the file name after the template's"
                    + " File field, else .specgate.yml's new-file-name, such as"
                    + " '{number}-{slug}.md') from the template, with the title, File, Created (or"
                    + " the template's own date field, such as an ADR's Date), Type, Document"
                    + " Status (Draft), Last Updated and the template's other dates of writing"
                    + " (updated:, Last reviewed) and Assigned to filled in, a front matter list"
                    + " of values to choose from (labels: [api, web]) written [], and prints its"
                    + " path."
                    + " The File field names the spec's real path as the template writes it: its"
                    + " leading ../, then the path from the project's root (the folder of"
                    + " .specgate.yml, else DIR), such as ../docs/specs/DATE_spec_<slug>.md."
                    + " Never overwrites a file.",
            "The template is the one .specgate.yml names (found from DIR), else the built-in one;"
                    + " only the fields it has are filled in. When .specgate.yml has specs: globs,"
                    + " the spec goes in the folder the first one names (docs/adr/*.md: docs/adr/)."
                    + " When the globs leave the new file out, a warning on stderr says so.",
            "The slug is the title in lowercase ASCII (accents folded), words joined by hyphens,"
                    + " at most "
                    + TitleSlug.MAX_LENGTH
                    + " characters; --slug gives one for a title that has no ASCII letters."
        })
public final class NewCommand extends BaseCommand {

    @Parameters(index = "0", paramLabel = "TITLE", description = "The feature or problem name.")
    private String title;

    @Option(
            names = "--slug",
            paramLabel = "SLUG",
            description =
                    "The file name's slug, instead of the one made from the title: lowercase ASCII"
                            + " letters, digits and hyphens (e.g. audit-log-export).")
    private String slug;

    @Option(
            names = "--type",
            paramLabel = "TYPE",
            description =
                    "The Type, one of the template's (built-in: Bug Fix, Performance Optimization,"
                            + " Architecture Change, Integration or Security Enhancement); any"
                            + " case; default: left as the placeholder.")
    private String type;

    @Option(
            names = "--root",
            paramLabel = "DIR",
            defaultValue = ".",
            description = "The project root to write under (default: the current directory).")
    private Path root;

    @Option(
            names = "--date",
            paramLabel = "YYYY-MM-DD",
            converter = CommonOptions.IsoDateConverter.class,
            description = "The creation date (default: --today, else the system date).")
    private LocalDate date;

    @Option(
            names = "--assignee",
            paramLabel = "NAME",
            description = "Who implements it, for Assigned to (default: left as the placeholder).")
    private String assignee;

    @Mixin private ConfigOptions configOptions;

    @Override
    public Integer call() throws ConfigException {
        SpecScaffold.titleRefusal(title)
                .ifPresent(
                        why -> {
                            throw SpecgateException.usage(why);
                        });
        if (slug != null) {
            SpecScaffold.slugRefusal(slug, "--slug")
                    .ifPresent(
                            why -> {
                                throw SpecgateException.usage(why);
                            });
        }
        if (slug == null) {
            SpecScaffold.fileNameRefusal(title)
                    .ifPresent(
                            why -> {
                                throw SpecgateException.usage(
                                        why
                                                + "; name the file with --slug, e.g. --slug"
                                                + " audit-log-export");
                            });
        }
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw SpecgateException.usage(
                    "--root " + DisplayPath.of(root) + " is a file, not a folder");
        }
        if (!Files.isDirectory(root)) {
            throw SpecgateException.usage("root directory not found: " + DisplayPath.of(root));
        }
        SpecProject project = configOptions.open(root);
        SpecScaffold scaffold = new SpecScaffold(project.schema());
        if (type != null) {
            scaffold.schema()
                    .typeRefusal(type)
                    .ifPresent(
                            why -> {
                                throw SpecgateException.usage("--type " + why);
                            });
        }
        if (assignee != null) {
            // a script's empty variable is said, not a spec that silently keeps the placeholder
            scaffold.assigneeRefusal(assignee, "--assignee")
                    .ifPresent(
                            why -> {
                                throw SpecgateException.usage(why);
                            });
        }
        LocalDate created = date != null ? date : common.today();
        NewSpec made;
        try {
            // the folder, the file's name and the File field as the project says (core's one
            // answer, MCP's new_spec's too)
            made =
                    project.newSpec(
                            root,
                            title,
                            slug != null ? slug : TitleSlug.of(title).orElseThrow(),
                            created,
                            Optional.ofNullable(type),
                            Optional.ofNullable(assignee));
        } catch (IOException e) {
            throw new SpecgateException(
                    ExitCode.USAGE,
                    "cannot list "
                            + (e instanceof FileSystemException f && f.getFile() != null
                                    ? DisplayPath.of(Path.of(f.getFile()))
                                    : "the folder of specs")
                            + " to number the new spec: "
                            + IoFailure.reason(e)
                            + "; nothing was written",
                    e);
        }
        Path file = root.resolve(made.relativePath()).normalize();
        try {
            // its folders too, removed again if the write fails; a part of their path that is a
            // file is refused first, in its words (directives/spec is a file, not a folder)
            new SpecFileWriter().createNew(file, made.bytes());
        } catch (FileAlreadyExistsException e) {
            throw new SpecgateException(
                    ExitCode.FINDINGS,
                    DisplayPath.of(file)
                            + " already exists; nothing was written (choose another title,"
                            + " --slug or --date)",
                    e);
        } catch (IOException e) {
            throw new SpecgateException(
                    ExitCode.USAGE,
                    "cannot write "
                            + DisplayPath.of(file)
                            + ": "
                            + IoFailure.reason(e)
                            + "; nothing was written",
                    e);
        }
        spec.commandLine().getOut().println(DisplayPath.of(file));
        spec.commandLine().getOut().flush();
        project.exclusion(file).ifPresent(why -> warnUnselected(file, why, project));
        return ExitCode.CLEAN.code();
    }

    /** The spec was written where the configuration's globs do not look. */
    private void warnUnselected(Path file, String why, SpecProject project) {
        PrintWriter err = spec.commandLine().getErr();
        TextReporter.println(
                err,
                "specgate: warning: check will not see "
                        + DisplayPath.of(file)
                        + ": "
                        + why
                        + " in "
                        + project.configFile().map(c -> DisplayPath.like(c, root)).orElse("")
                        + " (change the globs so that they select it, or rename or move the"
                        + " file)");
        err.flush();
    }

    @Override
    public Map<ExitCode, String> exitCodeMeanings() {
        return meanings(
                ExitCode.CLEAN,
                "written",
                ExitCode.FINDINGS,
                "the file exists already (nothing written)",
                ExitCode.USAGE,
                "usage error: a title that gives no slug (and no --slug), a bad --slug, an unknown"
                        + " type, a missing DIR");
    }
}
