package dev.specgate.core.config;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.schema.TemplateSchema;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded {@code .specgate.yml}. Paths in it are relative to its folder, {@link #baseDir()}.
 * Immutable.
 *
 * @param file the configuration file, absolute and normalized
 * @param schema the template specs are checked against (the built-in one unless {@code template:}
 *     names another)
 * @param specs globs that select the specs; empty means Specgate's default discovery
 * @param ignore globs of files that are never checked
 * @param rules rule id to level, in the order written
 * @param strict whether warnings fail the run, if the file says
 * @param baseline the baseline file, if the file names one
 * @param maxFileSize the largest spec file read, in bytes ({@code max-file-size:}, else {@link
 *     ConfigLoader#DEFAULT_MAX_FILE_SIZE})
 * @param cache whether {@code check} keeps the incremental cache ({@code cache:}), if the file says
 * @param approvalField the label of the field approvals are recorded in ({@code approval-field:},
 *     else {@code Approval})
 * @param mcpAllowApprove whether the MCP server may approve specs and edit approved ones for an
 *     agent ({@code mcp: {allow-approve: true}}; false by default: approval is a person's)
 * @param newFileName how {@code new} names a spec's file ({@code new-file-name:}), if the file says
 * @param templateFile the template file {@code template:} names, absolute and normalized; empty for
 *     the built-in template
 * @param text the file's text as it was read: every key in it can change a check's result, so the
 *     incremental cache keys its results by it
 */
public record SpecgateConfig(
        Path file,
        TemplateSchema schema,
        List<Glob> specs,
        List<Glob> ignore,
        Map<String, RuleLevel> rules,
        Optional<Boolean> strict,
        Optional<Path> baseline,
        long maxFileSize,
        Optional<Boolean> cache,
        String approvalField,
        boolean mcpAllowApprove,
        Optional<NewFileName> newFileName,
        Optional<Path> templateFile,
        String text) {

    /** The approval field's label when {@code approval-field:} does not say. */
    public static final String DEFAULT_APPROVAL_FIELD = "Approval";

    /** The file name Specgate looks for. */
    public static final String FILE_NAME = ".specgate.yml";

    /** A file name no file system allows, for {@link #ignoresFolder(Path)}'s probes. */
    private static final String NO_NAME = "\0";

    public SpecgateConfig {
        requireNonNull(file, "file must not be null");
        requireNonNull(approvalField, "approvalField must not be null");
        requireNonNull(text, "text must not be null");
        requireNonNull(schema, "schema must not be null");
        specs = List.copyOf(specs);
        ignore = List.copyOf(ignore);
        rules = Collections.unmodifiableMap(new LinkedHashMap<>(rules));
        requireNonNull(strict, "strict must not be null");
        requireNonNull(baseline, "baseline must not be null");
        requireNonNull(cache, "cache must not be null");
        requireNonNull(newFileName, "newFileName must not be null");
        templateFile =
                requireNonNull(templateFile, "templateFile must not be null")
                        .map(p -> p.toAbsolutePath().normalize());
        if (maxFileSize < 1) {
            throw new IllegalArgumentException("maxFileSize " + maxFileSize + " must be >= 1");
        }
    }

    /** The folder the configuration's paths and globs are relative to. */
    public Path baseDir() {
        return file.getParent();
    }

    /**
     * The path of {@code file} relative to {@link #baseDir()} with forward slashes, or empty when
     * the file lies outside it.
     */
    public Optional<String> relativePath(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        if (!abs.startsWith(baseDir())) {
            return Optional.empty();
        }
        return Optional.of(baseDir().relativize(abs).toString().replace('\\', '/'));
    }

    /** Whether {@code file} is the template file {@code template:} names. */
    public boolean isTemplate(Path file) {
        return templateFile.isPresent()
                && templateFile.get().equals(file.toAbsolutePath().normalize());
    }

    /** Whether an {@code ignore:} glob matches the file. */
    public boolean ignores(Path file) {
        Optional<String> rel = relativePath(file);
        return rel.isPresent() && ignore.stream().anyMatch(g -> g.matches(rel.get()));
    }

    /**
     * Whether an {@code ignore:} glob matches everything below the folder {@code dir} ({@code
     * vendor/}, {@code vendor/**}, {@code **}{@code /cache/}), so that a walk need not go into it.
     * Probed with names no file can have (a NUL character): a glob that matches them, at one and
     * two levels down, with and without the {@code .md} ending, leaves nothing below the folder
     * selected.
     */
    public boolean ignoresFolder(Path dir) {
        Optional<String> rel = relativePath(dir);
        if (rel.isEmpty() || rel.get().isEmpty() || ignore.isEmpty()) {
            return false;
        }
        String base = rel.get() + "/";
        return ignore.stream()
                .anyMatch(
                        g ->
                                g.matches(base + NO_NAME)
                                        && g.matches(base + NO_NAME + ".md")
                                        && g.matches(base + NO_NAME + "/" + NO_NAME)
                                        && g.matches(base + NO_NAME + "/" + NO_NAME + ".md"));
    }

    /**
     * Whether the file is a spec by {@code specs:} (always true without {@code specs:}) and not
     * ignored.
     */
    public boolean selects(Path file) {
        if (ignores(file)) {
            return false;
        }
        if (specs.isEmpty()) {
            return true;
        }
        Optional<String> rel = relativePath(file);
        return rel.isPresent() && specs.stream().anyMatch(g -> g.matches(rel.get()));
    }

    /**
     * Whether a folder could hold files {@code specs:} selects: it is not ignored, and it lies on
     * the way to a glob's fixed leading folders or inside them (always, without {@code specs:}).
     */
    public boolean mayHoldSpecs(Path dir) {
        if (ignores(dir)) {
            return false;
        }
        Optional<String> rel = relativePath(dir);
        if (rel.isEmpty()) {
            return false;
        }
        if (specs.isEmpty()) {
            return true;
        }
        String folder = rel.get().isEmpty() ? "" : rel.get() + "/";
        for (Glob g : specs) {
            String prefix = g.literalPrefix();
            if (prefix.startsWith(folder) || folder.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
