package dev.specgate.core.tasks;

import dev.specgate.core.model.Field;
import dev.specgate.core.model.Link;
import dev.specgate.core.model.SpecDocument;
import java.util.Optional;

/** What Specgate reads from a task list besides its items: the spec it implements. */
public final class TaskList {

    /** The label of the field that links the spec. */
    public static final String SPEC_FIELD = "Spec";

    private TaskList() {}

    /** The link in the task list's {@code **Spec:**} field, if it has one. */
    public static Optional<Link> specLink(SpecDocument document) {
        Optional<Field> field = document.metadata(SPEC_FIELD);
        if (field.isEmpty()) {
            return Optional.empty();
        }
        int line = field.get().labelRange().startLine();
        return document.links().stream()
                .filter(l -> !l.isExternal() && l.range().startLine() == line)
                .findFirst();
    }
}
