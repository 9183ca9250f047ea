package dev.specgate.core.rules.links;

import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.discovery.LinkTarget;
import dev.specgate.core.model.DocumentKind;
import dev.specgate.core.model.Link;
import dev.specgate.core.rules.BaseRule;
import dev.specgate.core.rules.LinkTargets;
import dev.specgate.core.rules.RuleCategory;
import dev.specgate.core.rules.RuleContext;
import dev.specgate.core.rules.RuleIds;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A relative link or image whose target file does not exist. Relative targets resolve from the
 * spec's folder; targets starting with {@code /} resolve from the project root (the folder that
 * holds {@code directives/}).
 */
public final class LinkBrokenRule extends BaseRule {

    public static final String ID = RuleIds.LINK_BROKEN;

    public LinkBrokenRule() {
        super(
                ID,
                RuleCategory.LINKS,
                Severity.ERROR,
                "A relative link points to a file that does not exist.");
    }

    @Override
    public Set<DocumentKind> documentKinds() {
        return EnumSet.allOf(DocumentKind.class);
    }

    @Override
    public void check(RuleContext ctx) {
        Optional<Path> file = ctx.file();
        if (file.isEmpty()) {
            return;
        }
        Path dir = file.get().toAbsolutePath().getParent();
        LinkTargets targets = ctx.linkTargets();
        List<Link> links = ctx.document().links();
        for (int i = 0; i < links.size(); i++) { // by index: no iterator per spec under C1
            Link link = links.get(i);
            if (link.isExternal() || link.isFragmentOnly() || link.destination().isEmpty()) {
                continue;
            }
            // resolved as resolve() does, each distinct destination once per folder and run
            Optional<Boolean> exists = targets.linkTargetExists(dir, link.destination());
            if (exists.isPresent() && !exists.get()) {
                ctx.report(
                        link.range(),
                        (link.image() ? "image" : "link")
                                + " target '"
                                + link.destination()
                                + "' does not exist");
            }
        }
    }

    /** The file a relative link names, if it can be resolved ({@link LinkTarget#of}). */
    public static Optional<Path> resolve(Path specDir, String destination) {
        return LinkTarget.of(specDir, destination);
    }
}
