package dev.specgate.core.tasks;

import dev.specgate.core.discovery.LinkTarget;
import dev.specgate.core.model.Field;
import dev.specgate.core.model.Link;
import dev.specgate.core.model.SpecDocument;
import java.nio.file.Path;
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

    /**
     * The spec a task list at {@code taskList} implements: its {@code **Spec:**} link resolved from
     * the task list's folder as {@code link-broken} resolves links ({@link LinkTarget}); empty when
     * it links none.
     */
    public static Optional<Path> linkedSpec(Path taskList, SpecDocument document) {
        Path dir = taskList.getParent() == null ? Path.of("") : taskList.getParent();
        return specLink(document)
                .map(Link::destination)
                .flatMap(d -> LinkTarget.of(dir, d))
                .map(Path::normalize);
    }
}
