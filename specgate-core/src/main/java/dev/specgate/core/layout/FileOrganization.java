package dev.specgate.core.layout;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.discovery.LinkTarget;
import dev.specgate.core.discovery.ProjectRoot;
import dev.specgate.core.layout.LayoutEntry.Kind;
import dev.specgate.core.model.Section;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.schema.HeadingKey;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the "File Organization" section of a spec into {@link LayoutEntry}s. Group labels are bold
 * lines ({@code **Test Files:**}); entries are list items holding a path in backticks, optionally
 * after a label ({@code - Unit tests: `tests/unit/[feature-name]/`}), or a Markdown link to it
 * there ({@code - Technical docs: [docs/dev/x.md](../../docs/dev/x.md)}), read as the path it links
 * to: its destination from the spec's folder, as a reader's click and {@code link-broken} follow
 * it, written from the project root. A path in backticks written with backslashes ({@code
 * src\core\x\}, as on Windows) is read as the same path with slashes: a folder when it ends in one.
 * Fenced code is skipped.
 */
public final class FileOrganization {

    /** The heading key of the section, matched like every heading (case, parenthetical). */
    public static final String SECTION_KEY = "file organization";

    /** The placeholder a path uses for the spec's slug. */
    public static final String FEATURE_TOKEN = "[feature-name]";

    private static final Pattern GROUP = Pattern.compile("^\\s{0,3}\\*\\*([^*]+?):?\\*\\*:?\\s*$");
    private static final Pattern ENTRY =
            Pattern.compile("^\\s*(?:[-*+]|\\d{1,9}[.)])\\s+(?:([^`]*?):\\s*)?`([^`]+)`(.*)$");

    /**
     * A list item whose value is a Markdown link: label (group 1), the destination in angle
     * brackets (group 2) or bare (group 3), and what follows the link (group 4).
     */
    private static final Pattern LINK_ENTRY =
            Pattern.compile(
                    "^\\s*(?:[-*+]|\\d{1,9}[.)])\\s+(?:([^`\\[]*?):\\s*)?"
                            + "\\[(?:[^\\[\\]]|\\[[^\\[\\]]*\\])*\\]"
                            + "\\((?:<([^<>\\n]+)>|([^\\s()<>]+))(?:\\s+(?:\"[^\"]*\"|'[^']*'))?\\s*\\)"
                            + "(.*)$");

    /** A destination that is no file of the project: a URL ({@code https:}, {@code mailto:}). */
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

    private static final Pattern COMMENT = Pattern.compile("<!--.*?(?:-->|$)");

    /** A list item: its marker, then its text (group 2). */
    private static final Pattern ITEM =
            Pattern.compile("^(\\s*(?:[-*+]|\\d{1,9}[.)])\\s+)(.*\\S.*)$");

    /**
     * A word with a folder in it: a segment of two or more characters, then '/' ({@code src/x},
     * {@code docs/}, {@code ./x}), not in a URL.
     */
    private static final Pattern PATH_WORD =
            Pattern.compile(
                    "(?<![\\w./:-])(?:\\.{1,2}/)?(?!(?i:and/or|either/or|yes/no|read/write|input/output)\\b)[\\w.-]{2,}/(?!/)[\\w./\\[\\]-]*");

    /** A file name with an extension a project's files have. */
    private static final Pattern FILE_WORD =
            Pattern.compile(
                    "(?<![\\w.-])[\\w\\[\\]-]+\\.(?:md|markdown|ts|tsx|js|jsx|mjs|java|kt|py|go|rs|rb|"
                            + "cs|c|h|cpp|swift|scala|sql|proto|sh|ya?ml|json|toml|tf|xml|gradle)\\b");

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
     *
     * @param specFile the spec, whose folder a link's destination is read from
     */
    public static List<LayoutEntry> read(
            String markdown, SpecDocument document, String slug, Path specFile) {
        requireNonNull(slug, "slug must not be null");
        requireNonNull(specFile, "specFile must not be null");
        Path abs = specFile.toAbsolutePath().normalize();
        Path folder = ProjectRoot.ofSpec(abs).relativize(abs.getParent());
        List<LayoutEntry> entries = new ArrayList<>();
        scan(markdown, document, slug, folder, entries, null);
        return List.copyOf(entries);
    }

    /**
     * The list items of {@code markdown}'s File Organization section that name a path (in backticks
     * or not) but are not read as entries ({@link UnreadEntry}), in order.
     */
    public static List<UnreadEntry> unread(String markdown, SpecDocument document) {
        List<UnreadEntry> unread = new ArrayList<>();
        scan(markdown, document, "", Path.of(""), null, unread);
        return List.copyOf(unread);
    }

    private static void scan(
            String markdown,
            SpecDocument document,
            String slug,
            Path folder,
            List<LayoutEntry> entries,
            List<UnreadEntry> unread) {
        requireNonNull(markdown, "markdown must not be null");
        requireNonNull(document, "document must not be null");
        Optional<Section> section = section(document);
        if (section.isEmpty()) {
            return;
        }
        int from = section.get().range().endLine() + 1;
        int to = section.get().endLine();
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
                if (entries != null) {
                    entries.add(entry(group, e, slug, i));
                }
                if (unread != null) {
                    morePaths(e.group(3), e.start(3), i, unread);
                }
                continue;
            }
            Matcher link = LINK_ENTRY.matcher(line);
            if (link.matches() && isLocal(destination(link))) {
                if (entries != null) {
                    entries.add(linkEntry(group, link, slug, folder, i));
                }
                if (unread != null) {
                    morePaths(link.group(4), link.start(4), i, unread);
                }
            } else if (unread != null) {
                Matcher item = ITEM.matcher(line);
                if (item.matches()) {
                    // a comment on the line is no part of what the item says
                    String text = COMMENT.matcher(item.group(2)).replaceAll("").strip();
                    if (namesAPath(text)) {
                        unread.add(new UnreadEntry(i, item.start(2), text));
                    }
                }
            }
        }
    }

    /** A code span: its content is group 1. */
    private static final Pattern CODE_SPAN = Pattern.compile("`([^`]+)`");

    /**
     * The paths in backticks after an entry's own path ({@code - Unit tests: `tests/unit/a/`,
     * `tests/unit/b/`}): only the first is read, so each other one is unread, not dropped in
     * silence. A code span that names no path ({@code adds the `refund_keys` migration}) is prose.
     */
    private static void morePaths(String after, int from, int line, List<UnreadEntry> unread) {
        // a comment is no part of what the item says; blanked, so that columns stay the same
        Matcher comment = COMMENT.matcher(after);
        StringBuilder rest = new StringBuilder(after);
        while (comment.find()) {
            for (int c = comment.start(); c < comment.end(); c++) {
                rest.setCharAt(c, ' ');
            }
        }
        Matcher span = CODE_SPAN.matcher(rest);
        while (span.find()) {
            String inner = span.group(1).strip();
            if (PATH_WORD.matcher(inner).find() || FILE_WORD.matcher(inner).find()) {
                unread.add(new UnreadEntry(line, from + span.start(), span.group()));
            }
        }
    }

    /**
     * Whether a list item's text names a path: a code span, or in the value after its label a word
     * such as {@code src/core/retry/}, {@code ./scripts/x} or {@code retry.ts} ({@code N/A}, {@code
     * and/or} are no paths).
     */
    static boolean namesAPath(String text) {
        if (text.indexOf('`') >= 0) {
            return true;
        }
        int colon = text.indexOf(": ");
        String value = colon < 0 ? text : text.substring(colon + 2);
        return PATH_WORD.matcher(value).find() || FILE_WORD.matcher(value).find();
    }

    private static LayoutEntry entry(String group, Matcher e, String slug, int line) {
        String label = e.group(1) == null ? "" : e.group(1).replace("**", "").strip();
        String raw = e.group(2).strip();
        // written as on Windows (src\core\x\): the folder the author meant, not a file named
        // with backslashes, on every system
        String path = raw.replace(FEATURE_TOKEN, slug).replace('\\', '/');
        Kind kind = path.endsWith("/") ? Kind.DIRECTORY : Kind.FILE;
        boolean conditional = CONDITION.matcher(e.group(3)).find();
        return new LayoutEntry(group, label, raw, path, kind, conditional, line, e.start(2) - 1);
    }

    /** A link entry's destination as written, without its fragment or query. */
    private static String destination(Matcher link) {
        String d = link.group(2) != null ? link.group(2).strip() : link.group(3);
        int cut = d.length();
        for (char c : new char[] {'#', '?'}) {
            int at = d.indexOf(c);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        return d.substring(0, cut);
    }

    /** Whether a destination names a file of the project: not a URL, not a place in the spec. */
    private static boolean isLocal(String destination) {
        return !destination.isEmpty() && !SCHEME.matcher(destination).find();
    }

    /**
     * A link entry, read as the path it links to: its destination from the spec's {@code folder}
     * (relative to the project root), written from the project root ({@code ../../docs/x.md} from
     * {@code directives/spec} is {@code docs/x.md}); one that leads above the root keeps its {@code
     * ..}, which the trace and {@code scaffold} refuse.
     */
    private static LayoutEntry linkEntry(
            String group, Matcher link, String slug, Path folder, int line) {
        String label = link.group(1) == null ? "" : link.group(1).replace("**", "").strip();
        String raw = destination(link);
        // percent-decoded as link-broken reads the link (LinkTarget.path): [x](design%20notes.md)
        String resolved = LinkTarget.path(raw).orElse(raw).replace(FEATURE_TOKEN, slug);
        if (!resolved.startsWith("/") && !resolved.startsWith("\\")) {
            try {
                resolved =
                        folder.resolve(resolved).normalize().toString().replace('\\', '/')
                                + (raw.endsWith("/") ? "/" : "");
            } catch (InvalidPathException e) {
                // left as written: the trace says it is not a valid path
            }
        }
        Kind kind = resolved.endsWith("/") ? Kind.DIRECTORY : Kind.FILE;
        boolean conditional = CONDITION.matcher(link.group(4)).find();
        int at = link.group(2) != null ? link.start(2) : link.start(3);
        return new LayoutEntry(group, label, raw, resolved, kind, conditional, line, at - 1);
    }
}
