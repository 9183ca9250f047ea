package dev.specgate.cli.common;

import dev.specgate.core.input.SymbolicLinks;
import dev.specgate.report.DisplayPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The paths a command was given to find specs under: the current directory when none, each of which
 * must exist. Finding nothing under them is core's {@code NothingToCheckException}, mapped to exit
 * 2 in {@link CoreErrors}.
 */
public final class SpecRoots {

    private SpecRoots() {}

    /** {@code paths}, or the current directory; a path that does not exist is a usage error. */
    public static List<Path> of(List<Path> paths) {
        List<Path> roots = paths == null || paths.isEmpty() ? List.of(Path.of(".")) : paths;
        for (Path root : roots) {
            Optional<String> loop =
                    Files.exists(root) ? Optional.empty() : SymbolicLinks.loopReason(root);
            if (loop.isPresent()) {
                throw SpecgateException.usage(
                        "symbolic link loop: " + DisplayPath.of(root) + " (" + loop.get() + ")");
            }
            if (!Files.exists(root) && Files.isSymbolicLink(root)) {
                throw SpecgateException.usage(
                        "broken symbolic link: "
                                + DisplayPath.of(root)
                                + " (its target does not exist)");
            }
            if (!Files.exists(root)) {
                throw SpecgateException.usage("path not found: " + DisplayPath.of(root));
            }
        }
        return roots;
    }
}
