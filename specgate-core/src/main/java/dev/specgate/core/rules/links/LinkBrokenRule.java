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
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.EnumSet;
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
        for (Link link : ctx.document().links()) {
            if (link.isExternal() || link.isFragmentOnly() || link.destination().isEmpty()) {
                continue;
            }
            Optional<Path> target = resolve(dir, link.destination());
            if (target.isEmpty()) {
                continue;
            }
            if (!ctx.linkTargets().exists(target.get())) {
                ctx.report(
                        link.range(),
                        (link.image() ? "image" : "link")
                                + " target '"
                                + link.destination()
                                + "' does not exist");
            }
        }
    }

    /** The file a relative link names, if it can be resolved. */
    public static Optional<Path> resolve(Path specDir, String destination) {
        String path = destination;
        int cut = indexOfAny(path, '#', '?');
        if (cut >= 0) {
            path = path.substring(0, cut);
        }
        if (path.isEmpty()) {
            return Optional.empty();
        }
        try {
            path = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // not percent-encoded after all: use it as written
        }
        try {
            if (path.startsWith("/")) {
                Path root = projectRoot(specDir);
                return root == null
                        ? Optional.empty()
                        : Optional.of(root.resolve(path.substring(1)).normalize());
            }
            return Optional.of(specDir.resolve(path).normalize());
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static Path projectRoot(Path dir) {
        for (Path p = dir; p != null; p = p.getParent()) {
            if (p.getFileName() != null && p.getFileName().toString().equals("directives")) {
                return p.getParent();
            }
        }
        return null;
    }

    private static int indexOfAny(String s, char a, char b) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == a || s.charAt(i) == b) {
                return i;
            }
        }
        return -1;
    }
}
