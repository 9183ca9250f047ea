package dev.specgate.core.tasks;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.input.SymbolicLinks;
import dev.specgate.core.input.UnreadableSpecException;
import dev.specgate.core.layout.FeatureSlug;
import dev.specgate.core.layout.FileOrganization;
import dev.specgate.core.model.DocumentKind;
import dev.specgate.core.model.Field;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.schema.StatusReading;
import dev.specgate.core.schema.TemplateSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
public record TaskListPlan(
        Path spec, Path folder, Path target, String markdown, List<Integer> emptyItems) {

    public TaskListPlan {
        requireNonNull(spec, "spec must not be null");
        requireNonNull(folder, "folder must not be null");
        requireNonNull(target, "target must not be null");
        requireNonNull(markdown, "markdown must not be null");
        emptyItems = List.copyOf(emptyItems);
    }

    /** A plan that left no empty checklist item out. */
    public TaskListPlan(Path spec, Path folder, Path target, String markdown) {
        this(spec, folder, target, markdown, List.of());
    }

    /**
     * What {@code tasks} says of the spec's checklist items it left out because they show no text
     * ({@link #emptyItems()}, 0-based lines): {@code SPEC: line 80: an empty checklist item (a box
     * with no text) makes no task (task-empty reports it)}; empty when there were none.
     *
     * @param spec the spec as the reader's surface writes its path
     */
    public Optional<String> emptyItemsSaid(String spec) {
        if (emptyItems.isEmpty()) {
            return Optional.empty();
        }
        int n = emptyItems.size();
        StringBuilder lines = new StringBuilder(n == 1 ? "line " : "lines ");
        for (int i = 0; i < n; i++) {
            lines.append(i == 0 ? "" : ", ").append(emptyItems.get(i) + 1);
        }
        return Optional.of(
                spec
                        + ": "
                        + lines
                        + (n == 1
                                ? ": an empty checklist item (a box with no text) makes no task"
                                        + " (task-empty reports it)"
                                : ": "
                                        + n
                                        + " empty checklist items (a box with no text) make no"
                                        + " task (task-empty reports them)"));
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
     * The ticks of a task list being replaced, carried over to this plan's list.
     *
     * @param plan the plan whose list keeps them
     * @param carried how many items of the new list are ticked because the old list had them ticked
     *     (the spec's own ticks are the new list's already and are not counted)
     * @param dropped the ticked items of the old list the new one has not (gone, or their id or
     *     text changed), each named by its id, or by its text when it has none, in their order
     * @param unclear the ticked items not carried because the old or the new list writes the same
     *     item (id and text) more than once, so that which one was ticked is not known: each named
     *     as in {@code dropped}, with its counts ({@code 3.2 (ticked 1 of 2 in the old list, 1 in
     *     the new)}), in their order
     * @param gone the open items of the old list that the new one has not, under their id or at all
     *     (an item written into the list by hand, or one the spec no longer has), each named as in
     *     {@code dropped}, in their order: replacing the list loses them, so it says so (an item
     *     whose id the new list has with other words is the spec's change, and not named)
     */
    public record CarriedTicks(
            TaskListPlan plan,
            int carried,
            List<String> dropped,
            List<String> unclear,
            List<String> gone) {

        public CarriedTicks {
            requireNonNull(plan, "plan must not be null");
            dropped = List.copyOf(dropped);
            unclear = List.copyOf(unclear);
            gone = List.copyOf(gone);
        }

        /** Ticks carried, dropped and unclear, no open item gone. */
        public CarriedTicks(
                TaskListPlan plan, int carried, List<String> dropped, List<String> unclear) {
            this(plan, carried, dropped, unclear, List.of());
        }

        /** Ticks carried and dropped, none unclear. */
        public CarriedTicks(TaskListPlan plan, int carried, List<String> dropped) {
            this(plan, carried, dropped, List.of());
        }

        /**
         * What the {@code tasks} command says on stderr after replacing a list: {@code N ticks
         * carried over ...}, and the dropped and unclear ones named, and the open items gone; empty
         * when the old list had no tick and loses no item.
         */
        public Optional<String> said() {
            if (carried == 0 && dropped.isEmpty() && unclear.isEmpty() && gone.isEmpty()) {
                return Optional.empty();
            }
            String text =
                    carried
                            + (carried == 1 ? " tick" : " ticks")
                            + " carried over from the replaced task list";
            if (!gone.isEmpty()) {
                text +=
                        "; "
                                + gone.size()
                                + (gone.size() == 1 ? " open item" : " open items")
                                + " dropped (written in the list by hand, or gone from the spec;"
                                + " the list is made from the spec, so write in the spec what is"
                                + " to stay): "
                                + String.join(", ", gone);
            }
            if (!dropped.isEmpty()) {
                text +=
                        "; "
                                + dropped.size()
                                + (dropped.size() == 1 ? " tick" : " ticks")
                                + " dropped (the item is gone or its id or text changed): "
                                + String.join(", ", dropped);
            }
            if (!unclear.isEmpty()) {
                text +=
                        "; "
                                + unclear.size()
                                + (unclear.size() == 1 ? " tick" : " ticks")
                                + " not carried (the item is written more than once, so which one"
                                + " was ticked is not known: tick it again by hand): "
                                + String.join(", ", unclear);
            }
            return Optional.of(text);
        }
    }

    /** A checklist item of a task list: its indent and marker, its box, and what follows it. */
    private static final Pattern ITEM = Pattern.compile("^(\\s*[-*+] \\[)([ xX])(\\] )(.*?)\\s*$");

    /**
     * A task id as the list writes it: {@code 2.0}, {@code 2.1}, {@code 3.0.T1}, {@code 3.0.V2}.
     */
    private static final Pattern ID = Pattern.compile("\\d+(\\.\\d+)*(\\.[TV]\\d+)?");

    /**
     * This plan with the ticks of {@code existing}, the text of the task list it replaces: each
     * ticked item of the old list whose id and text the new list has again (the same words after
     * the box) is ticked in the new one; the others are {@link CarriedTicks#dropped()}. Items the
     * spec ticks stay ticked. The T and V items exist only in the task list, so without this a
     * {@code tasks --force} lost the work recorded there. An item written more than once (the same
     * id and text: a duplicated id, a gate the spec lists twice) is carried only when every copy of
     * it in the old list was ticked and the new list has no more copies than were ticked; else
     * which copy was done is not known, and it is {@link CarriedTicks#unclear()}, never carried to
     * a copy that may not be the one ticked.
     */
    public CarriedTicks carryTicks(String existing) {
        requireNonNull(existing, "existing must not be null");
        // per item (id and text as words): how many copies the old list ticks, and leaves open
        Map<String, int[]> old = new LinkedHashMap<>();
        boolean anyTicked = false;
        String oldText = existing.startsWith("\uFEFF") ? existing.substring(1) : existing;
        for (String line : oldText.split("\\R", -1)) {
            Matcher m = ITEM.matcher(line);
            if (m.matches()) {
                boolean ticked = !m.group(2).equals(" ");
                old.computeIfAbsent(words(m.group(4)), k -> new int[2])[ticked ? 0 : 1]++;
                anyTicked |= ticked;
            }
        }
        String[] lines = markdown.split("\n", -1);
        // per item of the new list: how many copies, and how many of them are still open
        Map<String, int[]> fresh = new HashMap<>();
        Set<String> freshIds = new HashSet<>();
        for (String line : lines) {
            Matcher m = ITEM.matcher(line);
            if (m.matches()) {
                String item = words(m.group(4));
                int[] c = fresh.computeIfAbsent(item, k -> new int[2]);
                c[0]++;
                c[1] += m.group(2).equals(" ") ? 1 : 0;
                idOf(item).ifPresent(freshIds::add);
            }
        }
        // open items the new list has neither as written nor under their id: lost by replacing
        List<String> gone = new ArrayList<>();
        for (Map.Entry<String, int[]> e : old.entrySet()) {
            if (e.getValue()[0] == 0
                    && !fresh.containsKey(e.getKey())
                    && idOf(e.getKey()).map(id -> !freshIds.contains(id)).orElse(true)) {
                gone.add(named(e.getKey()));
            }
        }
        if (!anyTicked) {
            return new CarriedTicks(this, 0, List.of(), List.of(), gone);
        }
        int carried = 0;
        for (int i = 0; i < lines.length; i++) {
            Matcher m = ITEM.matcher(lines[i]);
            if (!m.matches() || !m.group(2).equals(" ")) {
                continue;
            }
            String item = words(m.group(4));
            int[] was = old.get(item);
            if (was != null && carries(was, fresh.get(item))) {
                lines[i] = m.group(1) + "x" + lines[i].substring(m.end(2));
                carried++;
            }
        }
        List<String> dropped = new ArrayList<>();
        List<String> unclear = new ArrayList<>();
        for (Map.Entry<String, int[]> e : old.entrySet()) {
            int[] was = e.getValue();
            int[] now = fresh.get(e.getKey());
            if (was[0] == 0) {
                continue;
            }
            if (now == null) {
                dropped.add(named(e.getKey()));
            } else if (now[1] > 0 && !carries(was, now)) {
                unclear.add(
                        named(e.getKey())
                                + " (ticked "
                                + was[0]
                                + " of "
                                + (was[0] + was[1])
                                + " in the old list, "
                                + now[0]
                                + " in the new)");
            }
        }
        return new CarriedTicks(
                new TaskListPlan(spec, folder, target, String.join("\n", lines), emptyItems),
                carried,
                dropped,
                unclear,
                gone);
    }

    /**
     * Whether an item's tick is carried: every copy the old list has of it is ticked, and the new
     * list has no more copies than that, so each copy ticked in the new list was ticked before.
     *
     * @param was the old list's copies ticked and open
     * @param now the new list's copies and copies open
     */
    private static boolean carries(int[] was, int[] now) {
        return was[0] > 0 && was[1] == 0 && now[0] <= was[0];
    }

    /** An item as a message names it: by its id, or by its text in quotes when it has none. */
    private static String named(String item) {
        return idOf(item).orElse("'" + item + "'");
    }

    /** The id an item's words start with ({@code 3.4}, {@code 2.0.T1}), if they start with one. */
    private static Optional<String> idOf(String item) {
        String first = item.split(" ", 2)[0];
        return ID.matcher(first).matches() ? Optional.of(first) : Optional.empty();
    }

    /** An item's text as words: runs of spaces and tabs read as one space. */
    private static String words(String text) {
        return text.strip().replaceAll("\\s+", " ");
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
     * The file at the list's name is the task list of another spec (its {@code **Spec:**} link
     * names that spec): two specs whose names give the same slug ({@code 2026-12-07_spec_ü+x.md}
     * and {@code 2026-12-07_spec_u-x.md} both give {@code u-x}) get the same list name on the same
     * day. Neither {@code --force} nor {@code replace} writes over it: that would put one spec's
     * tasks in place of the other's, ticks and all.
     */
    public static final class AnotherSpecsListException extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Path list;
        private final transient Path owner;

        AnotherSpecsListException(Path list, Path owner) {
            super(list + " is the task list of " + owner);
            this.list = list;
            this.owner = owner;
        }

        /** The file at the list's name. */
        public Path list() {
            return list;
        }

        /** The spec its Spec link names. */
        public Path owner() {
            return owner;
        }

        /**
         * What the {@code tasks} command and tool say, each path as {@code name} gives it. When
         * OTHER's name gives the same list name (two specs whose slugs agree): {@code LIST is the
         * task list of OTHER (its Spec link), not of SPEC, whose name gives the same list name:
         * rename one of the two specs so that their slugs differ}. When it gives another, the list
         * was named by hand (or OTHER renamed since): {@code LIST is the task list of OTHER (its
         * Spec link), not of SPEC, though it has SPEC's list name: rename it
         * 2026-12-07_task_other.md, OTHER's list name, or if it is SPEC's list, make its Spec link
         * name SPEC}, and where a file already has OTHER's list name, {@code ... OTHER's list is
         * 2026-12-07_task_other.md: remove LIST if it is a copy, or ...}.
         *
         * @param schema the project's template, by whose File convention a spec's name gives its
         *     slug ({@link FeatureSlug})
         */
        public String said(Function<Path, String> name, String spec, TemplateSchema schema) {
            String listName = list.getFileName().toString();
            // the list's name is the spec's: DATE_task_SLUG.md, OTHER's slug in its place
            int slugAt = listName.indexOf("_task_") + "_task_".length();
            String ownersName =
                    listName.substring(0, slugAt) + FeatureSlug.of(owner, schema) + ".md";
            if (slugAt < "_task_".length() || ownersName.equals(listName)) {
                return name.apply(list)
                        + " is the task list of "
                        + name.apply(owner)
                        + " (its Spec link), not of "
                        + spec
                        + ", whose name gives the same list name: rename one of the two specs so"
                        + " that their slugs differ";
            }
            Path theirs = list.resolveSibling(ownersName);
            String cure =
                    Files.exists(theirs, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                            ? name.apply(owner)
                                    + "'s list is "
                                    + name.apply(theirs)
                                    + ": remove "
                                    + name.apply(list)
                                    + " if it is a copy, or"
                            : "rename it "
                                    + ownersName
                                    + ", "
                                    + name.apply(owner)
                                    + "'s list name, or";
            return name.apply(list)
                    + " is the task list of "
                    + name.apply(owner)
                    + " (its Spec link), not of "
                    + spec
                    + ", though it has "
                    + spec
                    + "'s list name: "
                    + cure
                    + " if it is "
                    + spec
                    + "'s list, make its Spec link name "
                    + spec;
        }
    }

    /**
     * What the {@code tasks} command and tool say when the file at the list's name ({@code shown}
     * as the surface writes it) cannot be read, so that whose list it is cannot be told ({@code
     * SpecProject.specOfTaskList} threw {@code e}): {@code directives/tasks/2026-12-07_task_x.md is
     * at the spec's task list name but cannot be read, so whose list it is cannot be told: REASON;
     * nothing was written}. An input error, as an unreadable spec is (exit 2), with {@code --force}
     * too: writing over it could put this spec's tasks in place of another's.
     */
    public static String unreadableAtItsName(String shown, UnreadableSpecException e) {
        requireNonNull(shown, "shown must not be null");
        String reason =
                e.getCause() instanceof UnreadableSpecException cause
                        ? cause.reasonWithPlace()
                        : e.reasonWithPlace();
        return shown
                + " is at the spec's task list name but cannot be read, so whose list it is cannot"
                + " be told: "
                + reason
                + "; nothing was written";
    }

    /**
     * The {@code tasks} command's refusal of a list a symbolic link would write elsewhere: {@link
     * #outsideRefusal}, but a list that lands where its spec really lives is written. When the
     * folder the spec and the list share (the {@code directives/} folder, or the spec's own folder
     * for a list beside it) is itself a link, as a project's whole {@code directives/} linked to a
     * shared docs repository is, the list goes there beside the spec, which {@code status}, {@code
     * approve} and {@code check --fix} write through the same link; a link below that folder (the
     * task folder, the list's own name) that leads anywhere else is refused as before. The MCP
     * tools keep to the server's root ({@link #outsideRefusal}): an agent writes only inside it.
     *
     * @param target where the list goes ({@link #target()}, or the spec's list found elsewhere)
     * @param root the project root ({@code SpecProject.root})
     * @param shown {@code target} as the surface writes its paths
     * @throws IOException when a real path on the way cannot be read
     */
    public Optional<String> outsideItsSpecsHome(Path target, Path root, String shown)
            throws IOException {
        requireNonNull(root, "root must not be null");
        Path list = target.toAbsolutePath().normalize();
        Path from = spec.toAbsolutePath().normalize();
        Path shared = list.getParent();
        while (shared != null && !from.startsWith(shared)) {
            shared = shared.getParent();
        }
        Path inside = root.toAbsolutePath().normalize();
        if (shared != null
                && shared.startsWith(inside)
                && !shared.equals(inside)
                && SymbolicLinks.realPath(list).startsWith(shared.toRealPath())) {
            return Optional.empty();
        }
        return outsideRefusal(target, root, shown);
    }

    /**
     * Why no task list is written at {@code target}: a symbolic link there (or at a folder above
     * it) would carry the write out of {@code root}, in the one wording of the {@code tasks}
     * command and the MCP {@code tasks} tool: {@code directives/tasks/2026-12-07_task_x.md is a
     * link to /elsewhere/list.md, outside the project root /work/app: a task list is written only
     * inside it (remove the link to write it here); the file is unchanged}. When the link is a
     * folder the spec is read through too (a project's whole {@code directives/} linked to a shared
     * docs repository), removing it would unlink the spec as well, so the advice says so and points
     * to the {@code tasks} command, which writes the list beside its spec there ({@link
     * #outsideItsSpecsHome}): {@code ... only inside it (directives is a link the spec is read
     * through too, so removing it would unlink the spec: run specgate tasks on the spec instead,
     * which writes the list beside it where the link leads); nothing was written}. Neither {@code
     * --force} nor {@code replace} lets it through. Empty when the write stays inside ({@link
     * SymbolicLinks#outside}).
     *
     * @param root the project root: the command's ({@code SpecProject.root}), the server's
     * @param shown {@code target} as the surface writes its paths
     * @throws IOException when a real path on the way cannot be read
     */
    public Optional<String> outsideRefusal(Path target, Path root, String shown)
            throws IOException {
        requireNonNull(shown, "shown must not be null");
        boolean exists = Files.exists(target);
        Optional<String> where = SymbolicLinks.outside(target, root);
        if (where.isEmpty()) {
            return Optional.empty();
        }
        Optional<Path> shared = linkTheSpecIsReadThrough(target, root);
        return Optional.of(
                shown
                        + " "
                        + where.get()
                        + ": a task list is written only inside it ("
                        + shared.map(
                                        link ->
                                                link.toString().replace('\\', '/')
                                                        + " is a link the spec is read through"
                                                        + " too, so removing it would unlink the"
                                                        + " spec: run specgate tasks on the spec"
                                                        + " instead, which writes the list beside"
                                                        + " it where the link leads")
                                .orElse("remove the link to write it here")
                        + "); "
                        + (exists ? "the file is unchanged" : "nothing was written"));
    }

    /**
     * The first symbolic link on the way from {@code root} down to {@code target}, relative to
     * {@code root}, when every link on that way is one the spec is read through too; empty when a
     * link on it is the list's alone (the task folder, the list's own name: that one is to remove),
     * or there is none, or {@code target} is not below {@code root}.
     */
    private Optional<Path> linkTheSpecIsReadThrough(Path target, Path root) {
        Path inside = root.toAbsolutePath().normalize();
        Path list = target.toAbsolutePath().normalize();
        if (!list.startsWith(inside)) {
            return Optional.empty();
        }
        Path from = spec.toAbsolutePath().normalize();
        Path at = inside;
        Optional<Path> shared = Optional.empty();
        for (Path name : inside.relativize(list)) {
            at = at.resolve(name);
            if (Files.isSymbolicLink(at)) {
                if (!from.startsWith(at)) {
                    return Optional.empty();
                }
                if (shared.isEmpty()) {
                    shared = Optional.of(inside.relativize(at));
                }
            }
        }
        return shared;
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
        try {
            return target(existing, replace, Optional.empty());
        } catch (AnotherSpecsListException e) {
            throw new AssertionError(e); // no other spec's list named
        }
    }

    /**
     * As {@link #target(List, boolean)}, given also {@code targetsSpec}, the spec that the file at
     * {@link #target()} links in its {@code **Spec:**} field (empty when there is no file there, or
     * it links none): the one rule by which the {@code tasks} command and the MCP {@code tasks}
     * tool refuse to write at a name another spec's list holds, whatever the caller says of
     * replacing. A list of this spec under another name is still the one replaced (the other spec's
     * is then left alone).
     *
     * @throws ListedElsewhereException when the spec has a list under another name and the caller
     *     does not replace it, or has several
     * @throws AnotherSpecsListException when the list would be written at {@link #target()} and the
     *     file there is another spec's task list
     */
    public Path target(List<Path> existing, boolean replace, Optional<Path> targetsSpec)
            throws ListedElsewhereException, AnotherSpecsListException {
        requireNonNull(targetsSpec, "targetsSpec must not be null");
        if (existing.isEmpty() || existing.contains(target)) {
            if (targetsSpec.isPresent() && !targetsSpec.get().equals(spec)) {
                throw new AnotherSpecsListException(target, targetsSpec.get());
            }
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
        SpecOutline outline = SpecOutline.of(text, document, schema);
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
                                schema.titleOrFileName(document, spec),
                                folder.relativize(spec).toString().replace('\\', '/'),
                                spec.getFileName().toString(),
                                value(document, TemplateSchema.TYPE_FIELD),
                                StatusReading.written(document, schema).orElse(""),
                                outline,
                                FileOrganization.read(text, document, slug, spec),
                                today));
        return new TaskListPlan(spec, folder, target, markdown, outline.emptyItems());
    }

    private static String value(SpecDocument document, String label) {
        return document.metadata(label).map(Field::value).map(String::strip).orElse("");
    }
}
