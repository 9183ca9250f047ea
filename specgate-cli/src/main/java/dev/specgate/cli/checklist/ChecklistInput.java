package dev.specgate.cli.checklist;

import dev.specgate.cli.common.ConfigOptions;
import dev.specgate.cli.common.ExcludedSpec;
import dev.specgate.cli.common.SpecFiles;
import dev.specgate.core.checklist.Checklist;
import dev.specgate.core.config.ConfigException;
import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.model.DocumentKind;
import dev.specgate.core.project.SpecProject;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * A spec file read for its checklist.
 *
 * @param source the file as read, for edits
 * @param checklist its task-list items
 */
record ChecklistInput(SpecSource source, Checklist checklist) {

    /**
     * Reads {@code file} for its checklist; a file the configuration leaves out is said on {@code
     * err}, as {@code check} says it, and read all the same (a checklist is the file's own).
     */
    static ChecklistInput read(Path file, ConfigOptions config, PrintWriter err)
            throws ConfigException {
        return read(file, config, err, null);
    }

    /**
     * As {@link #read(Path, ConfigOptions, PrintWriter)}, but a file the configuration leaves out
     * is refused (usage error) when {@code shower} is not null: {@code progress} and {@code next}
     * show how far a spec is, which a file {@code check} never checks is not.
     */
    static ChecklistInput read(Path file, ConfigOptions config, PrintWriter err, String shower)
            throws ConfigException {
        SpecFiles.requireSpecFile(file);
        SpecProject project = config.open(file);
        if (shower != null) {
            ExcludedSpec.refuseToShow(project, file, shower);
        }
        SpecSource source = SpecFiles.read(file, project);
        ExcludedSpec.warn(project, file, err);
        return new ChecklistInput(
                source, Checklist.of(project.parse(source.text()), DocumentKind.of(file)));
    }
}
