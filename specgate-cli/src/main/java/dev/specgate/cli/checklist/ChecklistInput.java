package dev.specgate.cli.checklist;

import dev.specgate.cli.SpecFiles;
import dev.specgate.core.checklist.Checklist;
import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.model.DocumentKind;
import dev.specgate.core.parse.SpecParser;
import java.nio.file.Path;

/**
 * A spec file read for its checklist.
 *
 * @param source the file as read, for edits
 * @param checklist its task-list items
 */
record ChecklistInput(SpecSource source, Checklist checklist) {

    static ChecklistInput read(Path file) {
        SpecSource source = SpecFiles.read(file);
        return new ChecklistInput(
                source, Checklist.of(new SpecParser().parse(source.text()), DocumentKind.of(file)));
    }
}
