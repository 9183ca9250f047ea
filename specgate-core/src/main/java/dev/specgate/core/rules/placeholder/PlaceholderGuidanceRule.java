package dev.specgate.core.rules.placeholder;

import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.model.Prose;
import dev.specgate.core.model.Section;
import dev.specgate.core.rules.BaseRule;
import dev.specgate.core.rules.RuleCategory;
import dev.specgate.core.rules.RuleContext;
import dev.specgate.core.rules.RuleIds;
import dev.specgate.core.schema.SectionSpec;
import dev.specgate.core.schema.TemplateSchema;
import java.util.List;

/**
 * A paragraph of prose (or a block quote's) still word for word one of the template's own guidance
 * paragraphs for its section, such as an RFC template's {@code One paragraph explanation of the
 * feature.} under {@code ## Summary}, also when the spec moved it into a subsection of its own
 * under that section. Lists, checklists, tables, code and headings the template gives are kept on
 * purpose and never reported; nor is a template paragraph that holds a placeholder ({@code
 * placeholder-template}'s). A template with no guidance prose (the bundled one) costs nothing: its
 * specs' prose is not even read.
 */
public final class PlaceholderGuidanceRule extends BaseRule {

    public static final String ID = RuleIds.PLACEHOLDER_GUIDANCE;

    /** How much of the paragraph the message quotes. */
    public static final int QUOTED_CHARS = 60;

    public PlaceholderGuidanceRule() {
        super(
                ID,
                RuleCategory.PLACEHOLDER,
                Severity.ERROR,
                "The template's guidance text is left in.");
    }

    @Override
    public void check(RuleContext ctx) {
        TemplateSchema schema = ctx.schema();
        List<Prose> prose = ctx.document().prose();
        if (prose.isEmpty() || !schema.hasGuidance()) {
            return;
        }
        List<Section> sections = ctx.document().sections();
        for (int i = 0; i < prose.size(); i++) {
            Prose p = prose.get(i);
            if (p.sectionIndex() < 0) {
                continue;
            }
            SectionSpec section = templateSection(ctx, sections, p.sectionIndex());
            if (section != null && schema.isGuidance(section, p.text())) {
                ctx.report(
                        ctx.draftLenient(),
                        p.range(),
                        "template guidance for '"
                                + section.heading()
                                + "' left in: '"
                                + quoted(p.text())
                                + "': replace it with your own text");
            }
        }
    }

    /**
     * The template section whose guidance applies to a paragraph of the spec's section {@code at}:
     * the one that section matches, else, for a subsection the template does not have ({@code ###
     * Incident history} under {@code ## Background}), that of the nearest section above it that
     * matches one, as the paragraph sits under it; null when none does.
     */
    private static SectionSpec templateSection(RuleContext ctx, List<Section> sections, int at) {
        for (int i = at; i >= 0; i = sections.get(i).parentIndex()) {
            SectionSpec matched = ctx.sectionMatch().templateSection(sections.get(i)).orElse(null);
            if (matched != null) {
                return matched;
            }
        }
        return null;
    }

    /**
     * The start of {@code text}, cut at a word with "..." when longer than {@link #QUOTED_CHARS}.
     */
    static String quoted(String text) {
        if (text.length() <= QUOTED_CHARS) {
            return text;
        }
        int cut = text.lastIndexOf(' ', QUOTED_CHARS - 3);
        return text.substring(0, cut > QUOTED_CHARS / 2 ? cut : QUOTED_CHARS - 3) + "...";
    }
}
