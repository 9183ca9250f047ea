package dev.specgate.core.checklist;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.model.Section;
import dev.specgate.core.model.SourceRange;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.model.TextMark;
import dev.specgate.core.schema.HeadingKey;
import dev.specgate.core.schema.SectionOptions;
import dev.specgate.core.schema.SectionSpec;
import dev.specgate.core.schema.TemplateSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * The checklists {@code gates:} in {@code .specgate.yml} names ({@link
 * TemplateSchema#checklistGates()}), as one spec holds them: whether it has each gated section
 * (under its heading or one of its {@code sections:} aliases) and its open items. The one reading
 * the gate of a move ({@code status}, {@code approve}, MCP's {@code set_status}) and the {@code
 * gate-open} rule of {@code check} both take, so that a spec moved by hand to a gated status is
 * reported as the move would have been refused. A gated section the spec lacks is named by both
 * whatever {@code section-missing} says of it: that rule may be turned off, a warning, silenced by
 * a comment in the spec or hidden by a baseline, none of which opens the team's gate.
 */
public final class GatedChecklists {

    private GatedChecklists() {}

    /**
     * One gated checklist as a spec holds it.
     *
     * @param heading the heading as {@code gates:} resolved it to the template's ({@code Rollout})
     * @param status the status whose move it gates, as the template spells it
     * @param present whether the spec has the section (under its heading or an alias)
     * @param open its items not ticked, sub-headings included, in document order
     * @param malformed its task boxes Markdown does not read as one ({@code -[ ]}, {@code - [ x]}),
     *     sub-headings included: not ticked either, whatever silences {@code task-box}
     * @param items how many task items it holds, ticked or not, sub-headings included
     * @param at its heading's place in the spec (the first under one of its names), the file's
     *     start when it is not there
     */
    public record Gated(
            String heading,
            String status,
            boolean present,
            List<ChecklistEntry> open,
            List<TextMark> malformed,
            int items,
            SourceRange at) {

        public Gated {
            requireNonNull(heading, "heading must not be null");
            requireNonNull(status, "status must not be null");
            open = List.copyOf(open);
            malformed = List.copyOf(malformed);
            requireNonNull(at, "at must not be null");
        }

        /**
         * Whether the gate holds: the section is there with at least one task item, every item of
         * it is ticked, and it holds no task box that is not read as one.
         */
        public boolean done() {
            return present && !emptied() && open.isEmpty() && malformed.isEmpty();
        }

        /**
         * Whether the section is there but holds no task item at all (its items deleted, or
         * replaced by prose): a gate that would hold nothing back, as a deleted section would not.
         */
        public boolean emptied() {
            return present && items == 0 && malformed.isEmpty();
        }

        /**
         * Why the gate does not hold for a section without items: {@code section 'Rollout' holds no
         * task item, which 'gates:' asks to have every item ticked before Shipped}.
         */
        public String emptiedMessage() {
            return "section '"
                    + heading
                    + "' holds no task item, which 'gates:' asks to have every item ticked before "
                    + status;
        }

        /**
         * Why the gate does not hold for a missing section, naming it and the status: {@code
         * missing section 'Rollout', which 'gates:' asks to have every item ticked before Shipped}.
         */
        public String missingMessage() {
            return "missing section '"
                    + heading
                    + "', which 'gates:' asks to have every item ticked before "
                    + status;
        }
    }

    /**
     * The checklists a spec at the status written {@code status} must have done: those of every
     * status {@link TemplateSchema#gatedAt} holds there (the gate of the move to it and to every
     * gated status before it), in the order {@code gates:} names them. None for a draft-like
     * status, an exit, a retirement (its move judges nothing) or a value that is not a status.
     */
    public static List<Gated> heldAt(
            TemplateSchema schema, SpecDocument document, Checklist checklist, String status) {
        List<Gated> gated = new ArrayList<>();
        for (String s : schema.gatedAt(status)) {
            for (String heading : schema.checklistGates().get(s)) {
                gated.add(read(schema, document, checklist, heading, s));
            }
        }
        return gated;
    }

    private static Gated read(
            TemplateSchema schema,
            SpecDocument document,
            Checklist checklist,
            String heading,
            String status) {
        List<String> keys = keys(schema, heading);
        SourceRange at = null;
        for (Section s : document.sections()) {
            if (keys.contains(HeadingKey.of(s.title()))) {
                at = s.range();
                break;
            }
        }
        boolean present = at != null;
        int items = 0;
        List<ChecklistEntry> open = new ArrayList<>();
        List<TextMark> malformed = new ArrayList<>();
        if (present) {
            for (String key : keys) {
                for (ChecklistEntry e : checklist.under(key)) {
                    items++;
                    if (!e.checked() && !open.contains(e)) {
                        open.add(e);
                    }
                }
            }
            open.sort((a, b) -> Integer.compare(a.line(), b.line()));
            for (String key : keys) {
                for (TextMark m : checklist.malformedUnder(key)) {
                    if (!malformed.contains(m)) {
                        malformed.add(m);
                    }
                }
            }
            malformed.sort((a, b) -> a.range().compareTo(b.range()));
        }
        return new Gated(
                heading,
                spelled(schema, status),
                present,
                open,
                malformed,
                items,
                present ? at : SourceRange.fileStart());
    }

    /** The heading's key and those of its {@code sections:} aliases. */
    private static List<String> keys(TemplateSchema schema, String heading) {
        String key = HeadingKey.of(heading);
        List<String> keys = new ArrayList<>(List.of(key));
        for (SectionSpec s : schema.sections()) {
            if (s.key().equals(key)) {
                schema.options(s).map(SectionOptions::aliases).orElse(List.of()).stream()
                        .map(HeadingKey::of)
                        .filter(k -> !keys.contains(k))
                        .forEach(keys::add);
            }
        }
        return keys;
    }

    /** The status as the template spells it. */
    private static String spelled(TemplateSchema schema, String status) {
        return schema.statuses().stream()
                .filter(status::equalsIgnoreCase)
                .findFirst()
                .orElse(status);
    }
}
