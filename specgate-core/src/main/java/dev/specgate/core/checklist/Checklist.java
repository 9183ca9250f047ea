package dev.specgate.core.checklist;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.model.ChecklistItem;
import dev.specgate.core.model.DocumentKind;
import dev.specgate.core.model.Section;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.model.TextMark;
import dev.specgate.core.parse.HeadingText;
import dev.specgate.core.schema.DecisionChecklists;
import dev.specgate.core.schema.HeadingKey;
import dev.specgate.core.schema.Placeholders;
import dev.specgate.core.tasks.TaskId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The task lists of one spec: every task-list item the parser found (any list marker, ordered or
 * not, nested or not, {@code [ ]}, {@code [x]} or {@code [X]}; never text inside code), grouped by
 * the heading they stand under, each with a stable id ({@link ChecklistEntry}). Immutable.
 *
 * <p>The <em>working order</em> is the order the method works items in: first the working
 * checklists — {@value #PREREQUISITES}, {@value #IMPLEMENTATION_STEPS}, {@value
 * #TESTING_AND_VALIDATION}, {@value #INTEGRATION_AND_DEPLOYMENT}, in that order — then every other
 * item, each group in document order. An item belongs to a working checklist when the heading it
 * stands under, or one above it, is that checklist's heading.
 *
 * <p>In a task list ({@link DocumentKind#TASK_LIST}) an item numbered {@code 1.0}, {@code 1.2} or
 * {@code 1.0.T1} has that number as its id (an unnumbered item, such as a quality gate, gets {@code
 * S<section-number>.<item-number>} so that it cannot clash), every item is a working item, and the
 * order is strict task order: document order, except that a task waits for the items nested under
 * it.
 */
public final class Checklist {

    public static final String PREREQUISITES = "Prerequisites";
    public static final String IMPLEMENTATION_STEPS = "Implementation Steps";
    public static final String TESTING_AND_VALIDATION = "Testing & Validation";
    public static final String INTEGRATION_AND_DEPLOYMENT = "Integration & Deployment";

    /** The working checklists, in the order they are worked. */
    public static final List<String> WORKING_CHECKLISTS =
            List.of(
                    PREREQUISITES,
                    IMPLEMENTATION_STEPS,
                    TESTING_AND_VALIDATION,
                    INTEGRATION_AND_DEPLOYMENT);

    private static final List<String> WORKING_KEYS =
            WORKING_CHECKLISTS.stream().map(HeadingKey::of).toList();

    private static final String ABOVE_FIRST_HEADING = "(before the first heading)";

    private final SpecDocument document;
    private final DocumentKind kind;
    private final List<ChecklistSection> sections;
    private final List<ChecklistEntry> items;
    private final Map<String, ChecklistEntry> byId;
    private final List<ChecklistEntry> workingOrder;
    // each item's working-checklist rank, in the order of items
    private final int[] ranks;
    // the ranks by entry, built on first use: hashing an entry hashes its whole item
    private volatile Map<ChecklistEntry, Integer> rank;

    /** Each section's {@link HeadingKey}, computed on first use: items ask for their ancestors'. */
    private final String[] keys;

    private Checklist(SpecDocument document, DocumentKind kind) {
        this.document = document;
        this.kind = kind;
        this.keys = new String[document.sections().size()];
        int[] sectionRanks = workingRanks(document);
        int titleIndex = document.title().map(Section::index).orElse(-1);
        Map<Integer, List<ChecklistEntry>> grouped = new LinkedHashMap<>();
        Map<Integer, Integer> numbers = new LinkedHashMap<>();
        List<ChecklistEntry> all = new ArrayList<>();
        for (ChecklistItem item : document.checklist()) {
            int sectionIndex = item.sectionIndex() == titleIndex ? -1 : item.sectionIndex();
            int number = sectionNumber(sectionIndex, titleIndex);
            List<ChecklistEntry> group =
                    grouped.computeIfAbsent(sectionIndex, k -> new ArrayList<>());
            numbers.put(sectionIndex, number);
            String id = number + "." + (group.size() + 1);
            if (kind == DocumentKind.TASK_LIST) {
                id = TaskId.parse(item.text()).map(TaskId::toString).orElse("S" + id);
            }
            ChecklistEntry entry = new ChecklistEntry(id, title(sectionIndex), item);
            group.add(entry);
            all.add(entry);
        }
        List<ChecklistSection> secs = new ArrayList<>();
        grouped.forEach(
                (index, group) ->
                        secs.add(
                                new ChecklistSection(
                                        numbers.get(index), title(index), index, group)));
        this.sections = List.copyOf(secs);
        this.items = List.copyOf(all);
        Map<String, ChecklistEntry> ids = new LinkedHashMap<>();
        for (ChecklistEntry e : all) {
            ids.putIfAbsent(e.id(), e);
        }
        this.byId = ids;
        int[] itemRanks = new int[all.size()];
        for (int i = 0; i < itemRanks.length; i++) {
            int index = all.get(i).item().sectionIndex();
            itemRanks[i] =
                    kind == DocumentKind.TASK_LIST
                            ? 0
                            : index >= 0 && index < sectionRanks.length
                                    ? sectionRanks[index]
                                    : WORKING_CHECKLISTS.size();
        }
        this.ranks = itemRanks;
        // by rank, in document order within a rank (a stable sort; ranks run 0..size()); past
        // the working checklists, the decisions and questions to settle before the rest (a
        // team's Rollout, worked after approval, comes after its Open Questions)
        List<ChecklistEntry> order = new ArrayList<>(all.size());
        for (int r = 0; r < WORKING_CHECKLISTS.size(); r++) {
            for (int i = 0; i < itemRanks.length; i++) {
                if (itemRanks[i] == r) {
                    order.add(all.get(i));
                }
            }
        }
        List<ChecklistEntry> rest = new ArrayList<>();
        for (int i = 0; i < itemRanks.length; i++) {
            if (itemRanks[i] == WORKING_CHECKLISTS.size()) {
                (kind != DocumentKind.TASK_LIST && settles(all.get(i)) ? order : rest)
                        .add(all.get(i));
            }
        }
        order.addAll(rest);
        this.workingOrder = List.copyOf(order);
    }

    /** The checklist of a parsed spec. */
    public static Checklist of(SpecDocument document) {
        return of(document, DocumentKind.SPEC);
    }

    /** The checklist of a parsed spec or task list. */
    public static Checklist of(SpecDocument document, DocumentKind kind) {
        return new Checklist(
                requireNonNull(document, "document must not be null"),
                requireNonNull(kind, "kind must not be null"));
    }

    /**
     * For each heading of a spec (by {@link Section#index()}), the working checklist it belongs to:
     * the index in {@link #WORKING_CHECKLISTS} of its own title or, failing that, of the nearest
     * heading above it that is one; {@code WORKING_CHECKLISTS.size()} when none is. One pass over
     * the headings.
     */
    public static int[] workingRanks(SpecDocument document) {
        List<Section> headings = document.sections();
        int[] ranks = new int[headings.size()];
        for (int i = 0; i < ranks.length; i++) {
            Section s = headings.get(i);
            int own = WORKING_KEYS.indexOf(HeadingKey.of(s.title()));
            int parent = s.parentIndex();
            ranks[i] =
                    own >= 0
                            ? own
                            : parent >= 0 && parent < i ? ranks[parent] : WORKING_CHECKLISTS.size();
        }
        return ranks;
    }

    /** Headings with items, in document order. */
    public List<ChecklistSection> sections() {
        return sections;
    }

    /** Every item, in document order. */
    public List<ChecklistEntry> items() {
        return items;
    }

    /** How many items are ticked. */
    public int checked() {
        return (int) items.stream().filter(ChecklistEntry::checked).count();
    }

    /** How many items there are. */
    public int total() {
        return items.size();
    }

    /** The item with this id ({@code 13.2}), if there is one. */
    public Optional<ChecklistEntry> byId(String id) {
        return Optional.ofNullable(byId.get(id.trim()));
    }

    /**
     * Every item numbered {@code id}, in document order: more than one only where a task list
     * numbers two items alike ({@code task-id-duplicate}), when {@link #byId} gives the first.
     */
    public List<ChecklistEntry> withId(String id) {
        String wanted = id.trim();
        return items.stream().filter(e -> e.id().equals(wanted)).toList();
    }

    /**
     * The refusal to tick {@code id} when {@code items} items of {@code file} (as the surface shows
     * it) carry it ({@link #withId}): one wording for every surface that ticks an item by its id.
     */
    public static String duplicateIdRefusal(String id, int items, String file) {
        return "'"
                + id.strip()
                + "' is the id of "
                + items
                + " items in "
                + file
                + " (task-id-duplicate): number them apart, then tick one by its id"
                + " (the file is unchanged)";
    }

    /**
     * What ids exist, for a message about an id that does not: {@code its items are 13.1–13.3,
     * 14.1–14.12}, or {@code it has no checklist items}. Ids are said in document order, heading by
     * heading, a run of ids that follow one another ({@code 2.1, 2.2, 2.3}: the same up to their
     * last number, which goes up by one) as a range; any other id alone. A task list numbers its
     * items itself, so its ids may have gaps or come in another order: {@code 2.1, 2.2, 2.4,
     * 2.0.V1, 2.0.V2} is said {@code 2.1–2.2, 2.4, 2.0.V1–2.0.V2}, never {@code 2.1–2.0.V2}.
     */
    public String idsSaid() {
        if (sections.isEmpty()) {
            return "it has no checklist items";
        }
        List<String> ranges = new ArrayList<>();
        for (ChecklistSection s : sections) {
            List<ChecklistEntry> its = s.items();
            String first = its.get(0).id();
            String last = first;
            for (ChecklistEntry e : its.subList(1, its.size())) {
                if (follows(last, e.id())) {
                    last = e.id();
                    continue;
                }
                ranges.add(first.equals(last) ? first : first + "–" + last);
                first = e.id();
                last = first;
            }
            ranges.add(first.equals(last) ? first : first + "–" + last);
        }
        return (items.size() == 1 ? "its one item is " : "its items are ")
                + String.join(", ", ranges);
    }

    /**
     * Whether {@code next} comes right after {@code id}: the same text up to a last number one
     * greater ({@code 1.9} then {@code 1.10}, {@code 3.0.T1} then {@code 3.0.T2}).
     */
    private static boolean follows(String id, String next) {
        int a = lastNumberStart(id);
        int b = lastNumberStart(next);
        if (a == id.length()
                || b == next.length()
                || !id.regionMatches(0, next, 0, a)
                || a != b
                || next.length() - b > 9
                || id.length() - a > 9) {
            return false;
        }
        return Long.parseLong(next.substring(b)) == Long.parseLong(id.substring(a)) + 1;
    }

    /** Where the digits that end {@code id} begin ({@code id.length()} when it ends otherwise). */
    private static int lastNumberStart(String id) {
        int i = id.length();
        while (i > 0 && id.charAt(i - 1) >= '0' && id.charAt(i - 1) <= '9') {
            i--;
        }
        return i;
    }

    /**
     * The items under a heading (matched as {@link HeadingKey} matches template headings), its
     * sub-headings included, in document order. Empty when the spec has no such heading.
     */
    public List<ChecklistEntry> under(String heading) {
        String key = HeadingKey.of(heading);
        return items.stream().filter(e -> isUnder(e.item().sectionIndex(), key)).toList();
    }

    /**
     * The task boxes Markdown does not read as one ({@code -[ ]}, {@code - [ x]}: {@code
     * task-box}'s findings) under the section with heading {@code heading} or one of its
     * sub-sections, in document order: no item is read of them, so none is open or ticked.
     */
    public List<TextMark> malformedUnder(String heading) {
        String key = HeadingKey.of(heading);
        return document.malformedTaskBoxes().stream()
                .filter(m -> m.sectionIndex() >= 0 && isUnder(m.sectionIndex(), key))
                .toList();
    }

    /**
     * Why a task box {@link #malformedUnder} gives under {@code heading} holds back a gate that
     * asks every item there ticked: {@code Rollout task box '-[ ]' is not read as an item, so it is
     * not ticked}. The one wording of the gates of moves and {@code gate-open}.
     */
    public static String unreadBox(String heading, TextMark box) {
        return heading
                + " task box '"
                + box.text()
                + "' is not read as an item, so it is not ticked";
    }

    /** Every item in working order (see the class description). */
    public List<ChecklistEntry> workingOrder() {
        return workingOrder;
    }

    /** Whether an item belongs to one of the {@link #WORKING_CHECKLISTS}. */
    public boolean isWorking(ChecklistEntry entry) {
        return rankOf(entry) < WORKING_CHECKLISTS.size();
    }

    /** The first open item in working order: what to do next. Empty when every item is ticked. */
    public Optional<ChecklistEntry> next() {
        return firstOpen(ChecklistEntry::checked);
    }

    /**
     * The item {@link #next()} names once {@code ticked} is ticked too: what {@code done} and the
     * editors' tick say to do next, without reading the spec again. In a task list a parent still
     * waits for its other subtasks.
     */
    public Optional<ChecklistEntry> nextOnceTicked(ChecklistEntry ticked) {
        requireNonNull(ticked, "ticked must not be null");
        return firstOpen(e -> e.checked() || e.equals(ticked));
    }

    /**
     * The first item of {@code entries} (a heading's items, say) that can be ticked now, as {@code
     * done --in-order} and the editors' tick take it: open, with no open item to tick before it
     * ({@link #openBefore}: in a task list a parent waits for its subtasks and for the open items
     * before it; in a spec an item of a working checklist waits for the open items of the working
     * checklists before it). Empty when none can: what an editor's checklist lens offers to tick.
     */
    public Optional<ChecklistEntry> nextAmong(List<ChecklistEntry> entries) {
        requireNonNull(entries, "entries must not be null");
        return entries.stream()
                .filter(e -> !e.checked())
                .filter(e -> openBefore(e).isEmpty())
                .findFirst();
    }

    private Optional<ChecklistEntry> firstOpen(Predicate<ChecklistEntry> done) {
        if (kind == DocumentKind.TASK_LIST) {
            return items.stream()
                    .filter(e -> !done.test(e))
                    .filter(e -> nestedUnder(e).stream().allMatch(done))
                    .findFirst();
        }
        return workingOrder.stream().filter(e -> !done.test(e)).findFirst();
    }

    /** The items nested under {@code entry} in a task list (deeper items right after it). */
    private List<ChecklistEntry> nestedUnder(ChecklistEntry entry) {
        int at = items.indexOf(entry);
        int depth = entry.item().depth();
        List<ChecklistEntry> nested = new ArrayList<>();
        for (int i = at + 1; i < items.size() && items.get(i).item().depth() > depth; i++) {
            nested.add(items.get(i));
        }
        return nested;
    }

    /**
     * The open items that must be ticked before {@code entry} when working strictly in order: for
     * an item of a working checklist, every open item before it in working order among the working
     * checklists; for any other item, the open items before it under the same heading.
     */
    public List<ChecklistEntry> openBefore(ChecklistEntry entry) {
        requireNonNull(entry, "entry must not be null");
        int r = rankOf(entry);
        if (kind == DocumentKind.TASK_LIST) {
            return openBeforeInTaskOrder(entry);
        }
        if (r < WORKING_CHECKLISTS.size()) {
            List<ChecklistEntry> open = new ArrayList<>();
            for (ChecklistEntry e : workingOrder) {
                if (e.equals(entry)) {
                    return open;
                }
                if (!e.checked() && isWorking(e)) {
                    open.add(e);
                }
            }
            return open;
        }
        List<ChecklistEntry> open = new ArrayList<>();
        for (ChecklistEntry e : items) {
            if (e.equals(entry)) {
                break;
            }
            if (!e.checked() && e.item().sectionIndex() == entry.item().sectionIndex()) {
                open.add(e);
            }
        }
        return open;
    }

    /** The shape of an item id: numbers and dots, with a task list's {@code T1}/{@code V1}. */
    private static final java.util.regex.Pattern ID_SHAPE =
            java.util.regex.Pattern.compile("\\d+(\\.\\d+)*(\\.[TtVv]\\d+)?");

    /**
     * Whether {@code reference} has the shape of an item id ({@code 1}, {@code 13.2}, {@code
     * 3.0.T1}): such a reference names an item by its id only, never by a piece of its text.
     */
    public static boolean looksLikeId(String reference) {
        return ID_SHAPE.matcher(reference.strip()).matches();
    }

    /**
     * Finds the item a user means: an exact id ({@code 13.2}), else the one open item whose text
     * holds {@code reference} (ignoring case and runs of whitespace) or, of several, the one whose
     * whole text it is, else, when no open item's text holds it, the one ticked item whose text
     * does (found as its id would find it: the caller says it is done already, whichever way it was
     * named). A reference shaped like an id ({@link #looksLikeId}) that no item has finds nothing:
     * {@code 1} is not the item that says "Answer: 16".
     */
    public ItemLookup lookup(String reference) {
        requireNonNull(reference, "reference must not be null");
        Optional<ChecklistEntry> exact = byId(reference);
        if (exact.isPresent()) {
            List<ChecklistEntry> numbered = withId(reference);
            // a task list that numbers two items alike: which one is meant cannot be said
            return numbered.size() > 1
                    ? new ItemLookup.Ambiguous(numbered)
                    : new ItemLookup.Found(exact.get());
        }
        if (looksLikeId(reference)) {
            return new ItemLookup.NotFound(List.of());
        }
        String needle = Placeholders.fold(reference).toLowerCase(Locale.ROOT);
        if (needle.isEmpty()) {
            return new ItemLookup.NotFound(List.of());
        }
        // as written or rendered: `refund-db` storage is found by "refund-db storage" too
        List<ChecklistEntry> matches =
                items.stream().filter(e -> readsAs(e, t -> t.contains(needle))).toList();
        List<ChecklistEntry> open = matches.stream().filter(e -> !e.checked()).toList();
        if (open.size() == 1) {
            return new ItemLookup.Found(open.get(0));
        }
        if (open.isEmpty() && matches.size() == 1) {
            // one item, ticked: found, as its id finds it, so that both say it is done already
            return new ItemLookup.Found(matches.get(0));
        }
        if (open.isEmpty()) {
            return new ItemLookup.NotFound(matches);
        }
        // the whole text of one of them: 'wire limiter' is 2.2 'wire limiter', not also the
        // 2.0.T2 'Write a failing test for: wire limiter' that specgate tasks writes beside it
        String wholeText = needle.strip();
        List<ChecklistEntry> whole =
                open.stream().filter(e -> readsAs(e, t -> t.strip().equals(wholeText))).toList();
        return whole.size() == 1
                ? new ItemLookup.Found(whole.get(0))
                : new ItemLookup.Ambiguous(open);
    }

    /**
     * Whether {@code test} holds for an item's text folded ({@link #folded}), as written (code
     * marks and all, as progress prints it) or as a reader sees it rendered.
     */
    private static boolean readsAs(ChecklistEntry entry, Predicate<String> test) {
        return test.test(folded(entry.text()))
                || test.test(folded(HeadingText.rendered(entry.text())));
    }

    private static String folded(String text) {
        return Placeholders.fold(text).toLowerCase(Locale.ROOT);
    }

    /**
     * In strict task order, an item waits for every open item before it that does not enclose it,
     * and for the open items nested under it.
     */
    private List<ChecklistEntry> openBeforeInTaskOrder(ChecklistEntry entry) {
        List<ChecklistEntry> open = new ArrayList<>();
        int at = items.indexOf(entry);
        int enclosingDepth = entry.item().depth();
        List<ChecklistEntry> before = new ArrayList<>();
        for (int i = at - 1; i >= 0; i--) {
            ChecklistEntry e = items.get(i);
            if (e.item().depth() < enclosingDepth) {
                enclosingDepth = e.item().depth();
                continue;
            }
            if (!e.checked()) {
                before.add(0, e);
            }
        }
        open.addAll(before);
        nestedUnder(entry).stream().filter(e -> !e.checked()).forEach(open::add);
        return open;
    }

    private int rankOf(ChecklistEntry entry) {
        Map<ChecklistEntry, Integer> byEntry = rank;
        if (byEntry == null) {
            byEntry = new HashMap<>();
            for (int i = 0; i < ranks.length; i++) {
                byEntry.put(items.get(i), ranks[i]);
            }
            rank = byEntry;
        }
        Integer r = byEntry.get(entry);
        if (r == null) {
            throw new IllegalArgumentException("item " + entry.id() + " is not in this checklist");
        }
        return r;
    }

    private String key(int sectionIndex) {
        String key = keys[sectionIndex];
        if (key == null) {
            key = HeadingKey.of(document.sections().get(sectionIndex).title());
            keys[sectionIndex] = key;
        }
        return key;
    }

    /**
     * Whether the item stands under a decision or question checklist ({@link
     * DecisionChecklists#NAMES}).
     */
    private boolean settles(ChecklistEntry e) {
        int index = e.item().sectionIndex();
        if (index < 0) {
            return false;
        }
        for (String key : DECISION_KEYS) {
            if (isUnder(index, key)) {
                return true;
            }
        }
        return false;
    }

    private static final List<String> DECISION_KEYS =
            DecisionChecklists.NAMES.stream().map(HeadingKey::of).toList();

    private boolean isUnder(int sectionIndex, String key) {
        for (int i = sectionIndex; i >= 0; i = document.sections().get(i).parentIndex()) {
            if (key(i).equals(key)) {
                return true;
            }
        }
        return false;
    }

    private int sectionNumber(int sectionIndex, int titleIndex) {
        if (sectionIndex < 0) {
            return 0;
        }
        return titleIndex >= 0 && titleIndex < sectionIndex ? sectionIndex : sectionIndex + 1;
    }

    /** A heading's title; items above the first heading or under the title go with the title. */
    private String title(int sectionIndex) {
        if (sectionIndex >= 0) {
            return document.sections().get(sectionIndex).title();
        }
        return document.title().map(Section::title).orElse(ABOVE_FIRST_HEADING);
    }
}
