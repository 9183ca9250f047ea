package dev.specgate.core.checklist;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.model.ChecklistItem;
import dev.specgate.core.model.Durations;
import dev.specgate.core.model.Field;
import dev.specgate.core.model.FieldValues;
import dev.specgate.core.model.IsoDates;
import dev.specgate.core.model.Section;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.schema.HeadingKey;
import dev.specgate.core.schema.TemplateSchema;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A spec's dates as a plan: the deadlines of its checklist items ({@code Decision by}, {@code
 * Answer needed by}, ...), its Next Review, and the phases under Timeline &amp; Milestones. Which
 * of them are overdue is decided here, once, for the rules, {@code list} and the dashboard alike.
 *
 * @param deadlines every checklist item's deadline with a real date, in document order
 * @param review the Next Review date, if it holds a real date
 * @param phases the timeline's phases, in order
 */
public record Schedule(List<Deadline> deadlines, Optional<ReviewDate> review, List<Phase> phases) {

    private static final String TIMELINE_SECTION = HeadingKey.of("Timeline & Milestones");
    private static final String DURATION = "Duration";

    /** The trailing bold fields {@link #withoutTrailingFields} removes, as a regular expression. */
    static final Pattern TRAILING_FIELD =
            Pattern.compile("\\s*[-\u2013\u2014]?\\s*\\*\\*[^*]+:\\*\\*.*$");

    public Schedule {
        deadlines = List.copyOf(deadlines);
        requireNonNull(review, "review must not be null");
        phases = List.copyOf(phases);
    }

    /**
     * A checklist item's deadline.
     *
     * @param item the item's text without trailing bold fields
     * @param field the deadline field (its value range locates it)
     * @param date the date it names
     * @param done whether the item is ticked
     */
    public record Deadline(String item, Field field, LocalDate date, boolean done) {

        /** The label as written, trimmed ({@code Decision by}). */
        public String label() {
            return field.label().strip();
        }

        /** Whether the item is open and its date is before {@code today}. */
        public boolean overdueOn(LocalDate today) {
            return !done && date.isBefore(today);
        }

        /** What {@code decision-overdue} says of it on {@code today}. */
        public String overdueMessage(LocalDate today) {
            return "open item is overdue: '"
                    + field.label()
                    + "' "
                    + date
                    + " passed "
                    + days(date, today)
                    + " ago";
        }
    }

    /**
     * The Next Review date.
     *
     * @param field the Next Review field
     * @param date the date it names
     */
    public record ReviewDate(Field field, LocalDate date) {

        /** Whether the date is before {@code today}. */
        public boolean overdueOn(LocalDate today) {
            return date.isBefore(today);
        }

        /** What {@code review-overdue} says of it on {@code today}. */
        public String overdueMessage(LocalDate today) {
            return "review is overdue: 'Next Review' "
                    + date
                    + " passed "
                    + days(date, today)
                    + " ago";
        }
    }

    /**
     * A phase under Timeline &amp; Milestones.
     *
     * @param title the phase's heading
     * @param duration its Duration value as written (plain)
     * @param start its first day
     * @param end its last day
     * @param estimated whether the dates follow from a length rather than being written
     * @param line the 0-based line of its heading
     */
    public record Phase(
            String title,
            String duration,
            LocalDate start,
            LocalDate end,
            boolean estimated,
            int line) {}

    /**
     * Reads the schedule of a document.
     *
     * @param created the spec's Created date, where the first estimated phase starts; empty gives
     *     no estimated phases
     */
    public static Schedule of(SpecDocument doc, Optional<LocalDate> created) {
        requireNonNull(doc, "doc must not be null");
        requireNonNull(created, "created must not be null");
        return new Schedule(deadlines(doc, null), reviewOf(doc), phases(doc, created));
    }

    /**
     * The deadlines overdue on {@code today}: {@code of(doc, ...).deadlines()} kept by {@link
     * Deadline#overdueOn}, without the rest of the schedule nor the other deadlines' item texts
     * ({@code decision-overdue} asks this of every spec).
     */
    public static List<Deadline> overdueDeadlines(SpecDocument doc, LocalDate today) {
        requireNonNull(doc, "doc must not be null");
        return deadlines(doc, requireNonNull(today, "today must not be null"));
    }

    /** The checklist's deadlines in document order, only those overdue on {@code today} if set. */
    private static List<Deadline> deadlines(SpecDocument doc, LocalDate today) {
        List<Deadline> deadlines = new ArrayList<>();
        List<ChecklistItem> items = doc.checklist();
        for (int i = 0; i < items.size(); i++) {
            ChecklistItem item = items.get(i);
            List<Field> fields = item.fields();
            for (int j = 0; j < fields.size(); j++) {
                Field f = fields.get(j);
                if (!f.namesDeadline()) {
                    continue;
                }
                Optional<LocalDate> date = IsoDates.parse(f.value());
                if (date.isEmpty()
                        || today != null && (item.checked() || !date.get().isBefore(today))) {
                    continue;
                }
                deadlines.add(new Deadline(itemText(item), f, date.get(), item.checked()));
            }
        }
        return deadlines;
    }

    /** The document's Next Review date, if it holds a real date: {@code of(doc, ...).review()}. */
    public static Optional<ReviewDate> reviewOf(SpecDocument doc) {
        requireNonNull(doc, "doc must not be null");
        return doc.metadata(TemplateSchema.NEXT_REVIEW_FIELD).flatMap(Schedule::reviewIn);
    }

    /**
     * The Next Review date {@code field} holds, if it holds a real date: {@link #reviewOf} of the
     * document's {@value TemplateSchema#NEXT_REVIEW_FIELD} field, for a caller that has the field.
     */
    public static Optional<ReviewDate> reviewIn(Field field) {
        return IsoDates.parse(field.value()).map(d -> new ReviewDate(field, d));
    }

    /** The deadlines and the review that are overdue on {@code today}. */
    public long overdueCount(LocalDate today) {
        long n = deadlines.stream().filter(d -> d.overdueOn(today)).count();
        return n + (review.isPresent() && review.get().overdueOn(today) ? 1 : 0);
    }

    private static String days(LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to);
        return days + (days == 1 ? " day" : " days");
    }

    private static String itemText(ChecklistItem item) {
        String text = withoutTrailingFields(item.text()).strip();
        return text.isEmpty() ? item.text().strip() : text;
    }

    /**
     * The text without its trailing bold fields: {@code
     * TRAILING_FIELD.matcher(text).replaceFirst("")}, in one pass with no regular expression. The
     * match starts at the first {@code **Label:**} (a label of no {@code *}, ending in a colon)
     * after which only a line terminator may end the text, taking the white space and one dash
     * before it, and runs to that terminator (or the end).
     */
    static String withoutTrailingFields(String text) {
        int n = text.length();
        // where the match ends: the text's final line terminator (as $ reads it), or its end
        int end = n;
        if (n >= 2 && text.charAt(n - 2) == '\r' && text.charAt(n - 1) == '\n') {
            end = n - 2;
        } else if (n >= 1 && isLineTerminator(text.charAt(n - 1))) {
            end = n - 1;
        }
        // the last line terminator before it: what follows a field's colon must come after
        int lastBreak = end - 1;
        while (lastBreak >= 0 && !isLineTerminator(text.charAt(lastBreak))) {
            lastBreak--;
        }
        for (int p = text.indexOf("**"); p >= 0; p = text.indexOf("**", p + 1)) {
            int star = text.indexOf('*', p + 2);
            if (star < p + 4
                    || text.charAt(star - 1) != ':'
                    || star + 1 >= n
                    || text.charAt(star + 1) != '*'
                    || star + 2 <= lastBreak) {
                continue;
            }
            int start = p;
            while (start > 0 && isRegexSpace(text.charAt(start - 1))) {
                start--;
            }
            if (start > 0 && isDash(text.charAt(start - 1))) {
                start--;
                while (start > 0 && isRegexSpace(text.charAt(start - 1))) {
                    start--;
                }
            }
            return text.substring(0, start) + text.substring(end);
        }
        return text;
    }

    /** {@code \s} of a regular expression: space, tab, line feed, vertical tab, form feed, CR. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    private static boolean isDash(char c) {
        return c == '-' || c == '\u2013' || c == '\u2014';
    }

    /** What {@code .} of a regular expression does not match. */
    private static boolean isLineTerminator(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    /**
     * The phases under Timeline &amp; Milestones. A phase whose Duration names two dates spans
     * them; otherwise it starts the day after the previous phase ends (the first on the spec's
     * Created date) and lasts its duration. Phases whose length cannot be read end the chain.
     */
    private static List<Phase> phases(SpecDocument doc, Optional<LocalDate> created) {
        if (created.isEmpty()) {
            return List.of();
        }
        List<Section> sections = doc.sections();
        int timeline = -1;
        for (Section s : sections) {
            if (HeadingKey.of(s.title()).equals(TIMELINE_SECTION)) {
                timeline = s.index();
                break;
            }
        }
        if (timeline < 0) {
            return List.of();
        }
        Map<Integer, String> durations = new LinkedHashMap<>();
        for (Field f : doc.fields()) {
            if (f.hasLabel(DURATION) && f.sectionIndex() >= 0) {
                durations.putIfAbsent(f.sectionIndex(), FieldValues.plain(f.value()));
            }
        }
        List<Phase> phases = new ArrayList<>();
        LocalDate next = created.get();
        for (Section s : sections) {
            if (s.parentIndex() != timeline) {
                continue;
            }
            String duration = durations.get(s.index());
            if (duration == null) {
                continue;
            }
            // a value that gives no phase ends the chain; field-duration reports it at its line
            Durations.Reading reading = Durations.read(duration);
            if (reading instanceof Durations.Span span) {
                phases.add(
                        new Phase(s.title(), duration, span.start(), span.end(), false, s.line()));
                next = span.end().plusDays(1);
                continue;
            }
            if (!(reading instanceof Durations.Length length)) {
                break;
            }
            LocalDate end = next.plusDays(length.days() - 1);
            phases.add(new Phase(s.title(), duration, next, end, true, s.line()));
            next = end.plusDays(1);
        }
        return phases;
    }

    /** The last day of a span of {@code duration} ("2 weeks") starting on {@code start}. */
    public static Optional<LocalDate> addDuration(LocalDate start, String duration) {
        return Durations.end(start, duration);
    }
}
