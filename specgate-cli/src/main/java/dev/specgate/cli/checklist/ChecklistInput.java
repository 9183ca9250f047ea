package dev.specgate.cli.checklist;

import dev.specgate.cli.common.ConfigOptions;
import dev.specgate.cli.common.SpecFiles;
import dev.specgate.core.checklist.Checklist;
import dev.specgate.core.config.ConfigException;
import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.model.DocumentKind;
import dev.specgate.core.project.SpecProject;
import java.nio.file.Path;

/**
 * A spec file read for its checklist.
 *
 * @param source the file as read, for edits
 * @param checklist its task-list items
 */
record ChecklistInput(SpecSource source, Checklist checklist) {

    static ChecklistInput read(Path file, ConfigOptions config) throws ConfigException {
        SpecFiles.requireSpecFile(file);
        SpecProject project = config.open(file);
        SpecSource source = SpecFiles.read(file, project);
        return new ChecklistInput(
                source, Checklist.of(project.parse(source.text()), DocumentKind.of(file)));
    }
}
