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
        if (file == null) {
            return SPEC;
        }
        // the name's part of the path's text (a path keeps its text): no name path nor string
        // made per file, which a report over 10,000 specs did for each of them
        String text = file.toString();
        int name = text.lastIndexOf(file.getFileSystem().getSeparator()) + 1;
        return text.indexOf(TASK_INFIX, name) >= 0 ? TASK_LIST : SPEC;
    }
}
