package dev.specgate.core.rules.links;

import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.model.DocumentKind;
import dev.specgate.core.model.Link;
import dev.specgate.core.rules.BaseRule;
import dev.specgate.core.rules.RuleCategory;
import dev.specgate.core.rules.RuleContext;
import dev.specgate.core.rules.RuleIds;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A {@code #anchor} link to a heading or id the same document does not have. */
public final class LinkAnchorRule extends BaseRule {

    public static final String ID = RuleIds.LINK_ANCHOR;

    public LinkAnchorRule() {
        super(
                ID,
                RuleCategory.LINKS,
                Severity.ERROR,
                "A #anchor link names a heading the spec does not have.");
    }

    @Override
    public Set<DocumentKind> documentKinds() {
        return EnumSet.allOf(DocumentKind.class);
    }

    @Override
    public void check(RuleContext ctx) {
        List<Link> links = ctx.document().links();
        Set<String> anchors = ctx.document().anchors();
        for (int i = 0; i < links.size(); i++) { // by index: no iterator per spec under C1
            Link link = links.get(i);
            if (!link.isFragmentOnly() || link.destination().length() < 2) {
                continue;
            }
            String fragment = link.destination().substring(1);
            if (fragment.indexOf('%') >= 0 || fragment.indexOf('+') >= 0) {
                // nothing to decode otherwise: URLDecoder would give the same text back, after
                // a copy of it
                try {
                    fragment = URLDecoder.decode(fragment, StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    // use it as written
                }
            }
            if (!anchors.contains(fragment)
                    && !anchors.contains(fragment.toLowerCase(Locale.ROOT))) {
                ctx.report(
                        link.range(),
                        "no heading or id for anchor '#" + fragment + "' in this spec");
            }
        }
    }
}
