package dev.specgate.core.layout;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.layout.ScaffoldStep.Action;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Creates the layout a spec's File Organization promises: the unconditional directories (and the
 * conditional ones on request), and for documentation entries a Markdown file with a title and a
 * link back to the spec. For other file entries only the folder that holds them is created: the
 * code is the author's to write. Each directory it creates holds an empty {@value #KEEP_FILE}, so
 * that git keeps it (git records files, not folders: an empty folder committed is gone from every
 * clone, and a spec in Implementation would find its promised paths missing there). Idempotent,
 * never overwrites, and plans everything before it touches the disk: one unsafe entry and nothing
 * is created.
 */
public final class Scaffold {

    /**
     * The empty file put in each directory scaffold creates; hidden, so it is no code to {@code
     * layout-early} or {@code history --audit} ({@link SpecLayout#isCode}) and no test file.
     */
    public static final String KEEP_FILE = ".gitkeep";

    private final List<ScaffoldStep> steps;
    private final Path specFile;
    private final String title;

    private Scaffold(List<ScaffoldStep> steps, Path specFile, String title) {
        this.steps = List.copyOf(steps);
        this.specFile = specFile;
        this.title = title;
    }

    /**
     * Plans the scaffold of {@code entries} under {@code paths}' root.
     *
     * @param specFile the spec, for the documentation files' link back
     * @param title the spec's title, for the documentation files' heading
     * @throws UnsafeLayoutException naming the first entry that would land outside the root
     */
    public static Scaffold plan(
            LayoutPaths paths,
            Path specFile,
            String title,
            List<LayoutEntry> entries,
            boolean includeConditional)
            throws UnsafeLayoutException {
        requireNonNull(paths, "paths must not be null");
        requireNonNull(specFile, "specFile must not be null");
        requireNonNull(title, "title must not be null");
        List<ScaffoldStep> steps = new ArrayList<>();
        Set<Path> planned = new LinkedHashSet<>();
        for (LayoutEntry entry : entries) {
            Path target = paths.resolve(entry);
            if (entry.conditional() && !includeConditional) {
                continue;
            }
            Path made = target;
            Action create = Action.CREATE_DIRECTORY;
            if (entry.kind() == LayoutEntry.Kind.FILE) {
                if (entry.isDocumentation()) {
                    create = Action.CREATE_FILE;
                } else {
                    made = target.getParent();
                }
            }
            if (made == null || made.equals(paths.root()) || !planned.add(made)) {
                continue;
            }
            steps.add(
                    new ScaffoldStep(
                            entry,
                            made,
                            create == Action.CREATE_DIRECTORY,
                            Files.exists(made) ? Action.EXISTS : create));
        }
        return new Scaffold(steps, specFile.toAbsolutePath().normalize(), title);
    }

    /** What the scaffold does, in File Organization order. */
    public List<ScaffoldStep> steps() {
        return steps;
    }

    /** Creates what the plan says; a file that appeared meanwhile is left as it is. */
    public void apply() throws IOException {
        for (ScaffoldStep step : steps) {
            switch (step.action()) {
                case CREATE_DIRECTORY -> createDirectory(step.target());
                case CREATE_FILE -> createDocument(step.target());
                case EXISTS -> {}
            }
        }
    }

    private static void createDirectory(Path target) throws IOException {
        Files.createDirectories(target);
        try {
            Files.createFile(target.resolve(KEEP_FILE));
        } catch (FileAlreadyExistsException e) {
            // put there by someone else since the plan: never overwrite
        }
    }

    private void createDocument(Path target) throws IOException {
        Files.createDirectories(target.getParent());
        String link = target.getParent().relativize(specFile).toString().replace('\\', '/');
        String text =
                "# "
                        + title
                        + "\n\n"
                        + "Documentation for the specification ["
                        + specFile.getFileName()
                        + "]("
                        + link
                        + ").\n";
        try {
            Files.writeString(target, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException e) {
            // created by someone else since the plan: never overwrite
        }
    }
}
