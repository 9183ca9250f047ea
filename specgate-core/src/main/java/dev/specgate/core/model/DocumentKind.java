package dev.specgate.core.model;

import java.nio.file.Path;

/**
 * What a checked Markdown file is: a spec, or a task list ({@code YYYY-MM-DD_task_<slug>.md}, the
 * method's step after a spec). Each rule says which kinds it applies to.
 */
public enum DocumentKind {
    SPEC,
    TASK_LIST;

    /** The infix that marks a task list's file name. */
    public static final String TASK_INFIX = "_task_";

    /** The kind of a file, by its name; text checked without a file is a spec. */
    public static DocumentKind of(Path file) {
        if (file != null
                && file.getFileName() != null
                && file.getFileName().toString().contains(TASK_INFIX)) {
            return TASK_LIST;
        }
        return SPEC;
    }
}
