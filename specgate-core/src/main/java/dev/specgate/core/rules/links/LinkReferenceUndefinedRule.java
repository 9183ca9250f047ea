package dev.specgate.core.rules.links;

import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.model.BracketText;
import dev.specgate.core.model.DocumentKind;
import dev.specgate.core.rules.BaseRule;
import dev.specgate.core.rules.BracketContext;
import dev.specgate.core.rules.RuleCategory;
import dev.specgate.core.rules.RuleContext;
import dev.specgate.core.rules.RuleIds;
import java.util.EnumSet;
import java.util.Set;

/**
 * A link that Markdown does not render as one: a reference link whose label has no definition
 * ({@code [the guide][guide]} without {@code [guide]: URL}), or a link written the wrong way round
 * ({@code (the guide)[https://example.com/guide]}). Both show their brackets as text.
 */
public final class LinkReferenceUndefinedRule extends BaseRule {

    public static final String ID = RuleIds.LINK_REFERENCE_UNDEFINED;

    public LinkReferenceUndefinedRule() {
        super(
                ID,
                RuleCategory.LINKS,
                Severity.WARNING,
                "A reference link has no definition, or a link is written the wrong way round.");
    }

    @Override
    public Set<DocumentKind> documentKinds() {
        return EnumSet.allOf(DocumentKind.class);
    }

    @Override
    public void check(RuleContext ctx) {
        BracketContext around = BracketContext.of(ctx);
        for (BracketText b : ctx.document().brackets()) {
            if (b.isReference()) {
                String text = b.text();
                int split = text.indexOf("][");
                String label = text.substring(split + 2, text.length() - 1).trim();
                if (label.isEmpty()) {
                    label = text.substring(1, split).trim();
                }
                ctx.report(
                        b.range(),
                        "reference link '"
                                + shorten(text)
                                + "' has no definition: add a line '["
                                + shorten(label)
                                + "]: URL' or write the link inline");
                continue;
            }
            String reversed =
                    b.style() == dev.specgate.core.model.PlaceholderStyle.SQUARE
                            ? around.reversedLinkText(b)
                            : null;
            if (reversed != null) {
                ctx.report(
                        b.range(),
                        "link written the wrong way round: '("
                                + shorten(reversed)
                                + ")"
                                + shorten(b.text())
                                + "' should be '["
                                + shorten(reversed)
                                + "]("
                                + shorten(b.inner())
                                + ")'");
            }
        }
    }

    private static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
