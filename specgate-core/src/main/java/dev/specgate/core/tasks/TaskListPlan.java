package dev.specgate.core.tasks;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.layout.FeatureSlug;
import dev.specgate.core.layout.FileOrganization;
import dev.specgate.core.model.DocumentKind;
import dev.specgate.core.model.Field;
import dev.specgate.core.model.Section;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.schema.StatusReading;
import dev.specgate.core.schema.TemplateSchema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * The task list {@code tasks} writes for a spec: where it goes and its Markdown, made once for
 * every surface (the {@code tasks} command, the MCP {@code tasks} tool) with the same guards. How
 * it is written (replacing an existing one or not) is the surface's part.
 *
 * @param spec the spec, absolute and normalised
 * @param folder the folder the task list goes to ({@link TaskListWriter#folder(Path)})
 * @param target the task list file
 * @param markdown its text, with LF line endings
 */
public record TaskListPlan(Path spec, Path folder, Path target, String markdown) {

    public TaskListPlan {
        requireNonNull(spec, "spec must not be null");
        requireNonNull(folder, "folder must not be null");
        requireNonNull(target, "target must not be null");
        requireNonNull(markdown, "markdown must not be null");
    }

    /**
     * The task list's bytes as UTF-8, written as its spec is: each line ended by {@code newline}
     * (the spec's, {@code SpecSource.newline()}: a CRLF spec gets a CRLF list) and a byte order
     * mark first when the spec has one.
     */
    public byte[] bytes(String newline, boolean bom) {
        requireNonNull(newline, "newline must not be null");
        String text = newline.equals("\n") ? markdown : markdown.replace("\n", newline);
        return ((bom ? "\uFEFF" : "") + text).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Why a file gets no task list; the message follows the file's name ({@code is a task list, not
     * a spec: ...}).
     */
    public static final class NoTaskListException extends Exception {
        private static final long serialVersionUID = 1L;

        NoTaskListException(String message) {
            super(message);
        }
    }

    /**
     * The spec already has a task list under another name (written on another day): it is the one
     * to replace, and it is replaced only when the caller says so and there is only one.
     */
    public static final class ListedElsewhereException extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient List<Path> lists;

        ListedElsewhereException(List<Path> lists) {
            super(lists.get(0) + " is already the spec's task list");
            this.lists = List.copyOf(lists);
        }

        /** The spec's task lists, sorted (more than one: remove all but one first). */
        public List<Path> lists() {
            return lists;
        }

        /** Whether the spec has more than one task list. */
        public boolean several() {
            return lists.size() > 1;
        }

        /**
         * What the {@code tasks} command and tool say: {@code LIST is already the task list of
         * SPEC}, or {@code LIST and N more are ...}, each path as {@code name} gives it.
         */
        public String said(Function<Path, String> name, String spec) {
            int more = lists.size() - 1;
            return name.apply(lists.get(0))
                    + (more > 0 ? " and " + more + " more are" : " is")
                    + " already the task list of "
                    + spec;
        }
    }

    /**
     * Where the task list is written, given {@code existing}, the spec's task lists already written
     * ({@code SpecProject.taskListsOf}): {@link #target()} when there is none or it is among them;
     * else the one existing list, when {@code replace} (the caller replaces it where it is).
     *
     * @throws ListedElsewhereException when the spec has a list under another name and the caller
     *     does not replace it, or has several
     */
    public Path target(List<Path> existing, boolean replace) throws ListedElsewhereException {
        if (existing.isEmpty() || existing.contains(target)) {
            return target;
        }
        if (!replace || existing.size() > 1) {
            throw new ListedElsewhereException(existing);
        }
        return existing.get(0);
    }

    /**
     * The task list of {@code file}, whose text {@code text} (without a byte order mark) was parsed
     * into {@code document} against {@code schema}.
     *
     * @throws NoTaskListException when the file is a task list itself, or is not a spec: it has
     *     neither the template's status field nor Implementation Steps to make tasks of
     */
    public static TaskListPlan of(
            Path file, String text, SpecDocument document, TemplateSchema schema, LocalDate today)
            throws NoTaskListException {
        requireNonNull(file, "file must not be null");
        requireNonNull(text, "text must not be null");
        requireNonNull(document, "document must not be null");
        requireNonNull(schema, "schema must not be null");
        requireNonNull(today, "today must not be null");
        if (DocumentKind.of(file) == DocumentKind.TASK_LIST) {
            throw new NoTaskListException(
                    "is a task list, not a spec: give the spec it implements");
        }
        SpecOutline outline = new SpecOutline(text, document);
        if (document.metadata(schema.statusField()).isEmpty() && outline.planSteps().isEmpty()) {
            throw new NoTaskListException(
                    "is not a spec: it has no '"
                            + schema.statusField()
                            + "' field and no Implementation Steps to make tasks of");
        }
        Path spec = file.toAbsolutePath().normalize();
        String slug = FeatureSlug.of(spec, schema);
        Path folder = TaskListWriter.folder(spec);
        Path target = folder.resolve(TaskListWriter.fileName(today, slug));
        String markdown =
                TaskListWriter.write(
                        new TaskListWriter.Input(
                                title(document, spec),
                                folder.relativize(spec).toString().replace('\\', '/'),
                                spec.getFileName().toString(),
                                value(document, TemplateSchema.TYPE_FIELD),
                                StatusReading.written(document, schema).orElse(""),
                                outline,
                                FileOrganization.read(text, document, slug, spec),
                                today));
        return new TaskListPlan(spec, folder, target, markdown);
    }

    /** The spec's title without a "Technical Specification:" style prefix, or its file name. */
    private static String title(SpecDocument document, Path spec) {
        return document.title()
                .map(Section::title)
                .map(t -> t.contains(":") ? t.substring(t.indexOf(':') + 1).strip() : t)
                .filter(t -> !t.isEmpty())
                .orElse(spec.getFileName().toString());
    }

    private static String value(SpecDocument document, String label) {
        return document.metadata(label).map(Field::value).map(String::strip).orElse("");
    }
}
