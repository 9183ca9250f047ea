package dev.specgate.core.rules.checklist;

import dev.specgate.core.checklist.Checklist;
import dev.specgate.core.checklist.ChecklistEntry;
import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.model.ChecklistItem;
import dev.specgate.core.model.Field;
import dev.specgate.core.model.Section;
import dev.specgate.core.rules.BaseRule;
import dev.specgate.core.rules.RuleCategory;
import dev.specgate.core.rules.RuleContext;
import dev.specgate.core.rules.RuleIds;
import dev.specgate.core.schema.DecisionChecklists;
import dev.specgate.core.schema.HeadingKey;
import dev.specgate.core.schema.StatusReading;
import dev.specgate.core.schema.Strictness;
import dev.specgate.core.schema.TemplateSchema;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * From Approved on, every item under the template's decision checklists ({@link
 * DecisionChecklists}: Technical Decisions Needed and Outstanding Questions in the built-in one) is
 * ticked: an open item is a decision the approval did not settle. The Approved gate refuses the
 * move while one is open; this rule holds a status written by hand to the same. "From Approved on"
 * is {@link DecisionChecklists#settledAt}, the gates' own answer (in a lifecycle of the template's
 * own, from its second status on), or a spec held at Approved strictness.
 */
public final class DecisionOpenRule extends BaseRule {

    public static final String ID = RuleIds.DECISION_OPEN;

    /** How much of an item's text a message quotes. */
    static final int QUOTED_LENGTH = 80;

    private static final Pattern COMMENT = Pattern.compile("<!--.*?(-->|$)");

    /** The decision checklists of the last template asked for: a run checks every spec with one. */
    private volatile Headings last;

    public DecisionOpenRule() {
        super(
                ID,
                RuleCategory.CHECKLIST,
                Severity.ERROR,
                "An Approved spec has an open decision or question.");
    }

    @Override
    public void check(RuleContext ctx) {
        Headings decisions = headings(ctx.schema());
        if (decisions.titles().isEmpty()
                || !(ctx.strictness().atLeast(Strictness.APPROVED)
                        || (!decisions.builtinLifecycle() && settledAt(ctx)))
                || !anyOpen(ctx, decisions.keys())) {
            return;
        }
        Checklist checklist = Checklist.of(ctx.document());
        String status = status(ctx);
        for (String heading : decisions.titles()) {
            boolean questions = DecisionChecklists.questions(heading);
            for (ChecklistEntry e : checklist.under(heading)) {
                if (!e.checked()) {
                    ctx.report(e.item().range(), message(e, heading, questions, status, ctx));
                }
            }
        }
    }

    /**
     * Whether the spec's status is one whose gate asks every decision settled ({@link
     * DecisionChecklists#settledAt}): a lifecycle of the template's own may hold such a status less
     * strictly than Approved ({@code accepted} checked as Review is), and its gate refuses an open
     * decision all the same.
     */
    private static boolean settledAt(RuleContext ctx) {
        return StatusReading.plain(ctx.document(), ctx.schema())
                .filter(status -> DecisionChecklists.settledAt(ctx.schema(), status))
                .isPresent();
    }

    /**
     * A template's decision checklists: their titles and their headings' keys, and whether it
     * follows the built-in lifecycle.
     */
    private record Headings(
            TemplateSchema schema,
            List<String> titles,
            List<String> keys,
            boolean builtinLifecycle) {}

    private Headings headings(TemplateSchema schema) {
        Headings h = last;
        if (h == null || h.schema() != schema) {
            List<String> titles = DecisionChecklists.of(schema);
            // the built-in lifecycle's answer is its strictness: from Approved on
            h =
                    new Headings(
                            schema,
                            titles,
                            titles.stream().map(HeadingKey::of).toList(),
                            schema.followsBuiltinLifecycle());
            last = h;
        }
        return h;
    }

    /**
     * Whether an open item stands under one of the decision checklists (or a heading below one), as
     * {@link Checklist#under} reads it, without building the checklist: an approved spec usually
     * has open working items but no open decision. Only the sections open items stand in, and their
     * parents, are judged, each once: a section's key is worked out only when asked.
     */
    private static boolean anyOpen(RuleContext ctx, List<String> keys) {
        List<Section> sections = ctx.document().sections();
        byte[] under = null; // by section: 0 not judged yet, 1 not under, 2 under
        for (ChecklistItem item : ctx.document().checklist()) {
            if (item.checked()
                    || item.sectionIndex() < 0
                    || item.sectionIndex() >= sections.size()) {
                continue;
            }
            if (under == null) {
                under = new byte[sections.size()];
            }
            if (under(ctx, sections, keys, under, item.sectionIndex())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether section {@code i} is a decision checklist's heading or stands below one, judged once
     * and kept in {@code under} (as {@link #anyOpen} keeps it).
     */
    private static boolean under(
            RuleContext ctx, List<Section> sections, List<String> keys, byte[] under, int i) {
        if (under[i] == 0) {
            int parent = sections.get(i).parentIndex();
            boolean is =
                    (parent >= 0 && parent < i && under(ctx, sections, keys, under, parent))
                            || keys.contains(ctx.sectionMatch().key(sections.get(i)));
            under[i] = (byte) (is ? 2 : 1);
        }
        return under[i] == 2;
    }

    /**
     * The status the spec is held at: as written, or the strictness's name when a gate holds it
     * stricter than its status says.
     */
    private static String status(RuleContext ctx) {
        String held =
                ctx.strictness().name().charAt(0)
                        + ctx.strictness().name().substring(1).toLowerCase(Locale.ROOT);
        if (StatusReading.strictness(ctx.document(), ctx.schema()) != ctx.strictness()) {
            return held;
        }
        return StatusReading.plain(ctx.document(), ctx.schema()).orElse(held);
    }

    private static String message(
            ChecklistEntry e, String heading, boolean questions, String status, RuleContext ctx) {
        String text = said(e);
        if (text.length() > QUOTED_LENGTH) {
            int end =
                    Character.isHighSurrogate(text.charAt(QUOTED_LENGTH - 1))
                            ? QUOTED_LENGTH - 1
                            : QUOTED_LENGTH;
            text = text.substring(0, end).stripTrailing() + "…";
        }
        return (questions ? "question " : "decision ")
                + e.id()
                + (text.isEmpty() ? " (no text)" : " '" + text + "'")
                + " is still open under "
                + heading
                + " while the spec is "
                + status
                + ": tick it when "
                + (questions ? "answered" : "decided")
                + ", or set the status back"
                + draftStatus(ctx).map(d -> " to " + d).orElse("");
    }

    /**
     * The item's text without the bold fields written in it ({@code - **Decision by:** DATE}),
     * which say when, not what, and without HTML comments.
     */
    static String said(ChecklistEntry e) {
        String text = e.text();
        if (text.contains("<!--")) {
            text = COMMENT.matcher(text).replaceAll("").strip();
        }
        int end = text.length();
        for (Field f : e.item().fields()) {
            int at = text.indexOf("**" + f.label());
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        String cut = text.substring(0, end).strip();
        while (!cut.isEmpty() && "-–—:;,".indexOf(cut.charAt(cut.length() - 1)) >= 0) {
            cut = cut.substring(0, cut.length() - 1).strip();
        }
        return cut.isEmpty() ? text : cut;
    }

    /**
     * The status a spec moves back to: the lifecycle's first draft-like one (Draft). A move back
     * goes to a draft only ({@code status SPEC Review} from Approved is refused), so that is the
     * status the message names.
     */
    private static Optional<String> draftStatus(RuleContext ctx) {
        return ctx.schema().draftStatuses().stream().findFirst();
    }
}
