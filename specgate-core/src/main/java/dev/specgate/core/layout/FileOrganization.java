package dev.specgate.core.layout;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.layout.LayoutEntry.Kind;
import dev.specgate.core.model.Section;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.schema.HeadingKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the "File Organization" section of a spec into {@link LayoutEntry}s. Group labels are bold
 * lines ({@code **Test Files:**}); entries are list items holding a path in backticks, optionally
 * after a label ({@code - Unit tests: `tests/unit/[feature-name]/`}). Fenced code is skipped.
 */
public final class FileOrganization {

    /** The heading key of the section, matched like every heading (case, parenthetical). */
    public static final String SECTION_KEY = "file organization";

    /** The placeholder a path uses for the spec's slug. */
    public static final String FEATURE_TOKEN = "[feature-name]";

    private static final Pattern GROUP = Pattern.compile("^\\s{0,3}\\*\\*([^*]+?):?\\*\\*:?\\s*$");
    private static final Pattern ENTRY =
            Pattern.compile("^\\s*(?:[-*+]|\\d{1,9}[.)])\\s+(?:([^`]*?):\\s*)?`([^`]+)`(.*)$");
    private static final Pattern CONDITION =
            Pattern.compile("\\(\\s*if\\b[^)]*\\)", Pattern.CASE_INSENSITIVE);

    private FileOrganization() {}

    /** The File Organization section of a document, if it has one. */
    public static Optional<Section> section(SpecDocument document) {
        return document.sections().stream()
                .filter(s -> HeadingKey.of(s.title()).equals(SECTION_KEY))
                .findFirst();
    }

    /**
     * The entries of {@code markdown}'s File Organization section, {@code [feature-name]} replaced
     * by {@code slug}. Empty when the spec has no such section.
     */
    public static List<LayoutEntry> read(String markdown, SpecDocument document, String slug) {
        requireNonNull(markdown, "markdown must not be null");
        requireNonNull(document, "document must not be null");
        requireNonNull(slug, "slug must not be null");
        Optional<Section> section = section(document);
        if (section.isEmpty()) {
            return List.of();
        }
        int from = section.get().range().endLine() + 1;
        int to = section.get().endLine();
        List<LayoutEntry> entries = new ArrayList<>();
        String group = "";
        String fence = null;
        List<String> lines = markdown.lines().toList();
        for (int i = from; i < Math.min(to, lines.size()); i++) {
            String line = lines.get(i);
            String trimmed = line.strip();
            if (fence != null) {
                if (trimmed.startsWith(fence)) {
                    fence = null;
                }
                continue;
            }
            if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) {
                fence = trimmed.substring(0, 3);
                continue;
            }
            Matcher g = GROUP.matcher(line);
            if (g.matches()) {
                group = g.group(1).strip();
                continue;
            }
            Matcher e = ENTRY.matcher(line);
            if (e.matches()) {
                entries.add(entry(group, e, slug, i));
            }
        }
        return List.copyOf(entries);
    }

    private static LayoutEntry entry(String group, Matcher e, String slug, int line) {
        String label = e.group(1) == null ? "" : e.group(1).replace("**", "").strip();
        String raw = e.group(2).strip();
        String path = raw.replace(FEATURE_TOKEN, slug);
        Kind kind = path.endsWith("/") ? Kind.DIRECTORY : Kind.FILE;
        boolean conditional = CONDITION.matcher(e.group(3)).find();
        return new LayoutEntry(group, label, raw, path, kind, conditional, line, e.start(2) - 1);
    }
}
