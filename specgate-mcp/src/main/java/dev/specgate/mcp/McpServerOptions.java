package dev.specgate.mcp;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.project.ConfigChoice;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.Supplier;

/**
 * How {@code specgate mcp} serves a project.
 *
 * @param root the project root: every path a tool takes or gives is relative to it, and none may
 *     leave it
 * @param config which {@code .specgate.yml} each project follows (nearest by default)
 * @param readOnly serve the read tools only
 * @param allowApprove let {@code set_status} move a spec to Approved (off by default: approving is
 *     a person's decision)
 * @param today the date checks and status moves are made on
 */
public record McpServerOptions(
        Path root,
        ConfigChoice config,
        boolean readOnly,
        boolean allowApprove,
        Supplier<LocalDate> today) {

    public McpServerOptions {
        requireNonNull(root, "root must not be null");
        requireNonNull(config, "config must not be null");
        requireNonNull(today, "today must not be null");
        root = root.toAbsolutePath().normalize();
    }
}
