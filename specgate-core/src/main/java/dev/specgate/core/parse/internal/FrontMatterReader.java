package dev.specgate.core.parse.internal;

import dev.specgate.core.input.YamlProblems;
import dev.specgate.core.model.Field;
import dev.specgate.core.model.FieldForm;
import dev.specgate.core.model.FrontMatter;
import dev.specgate.core.model.MergeConflict;
import dev.specgate.core.model.MetadataProblem;
import dev.specgate.core.model.Section;
import dev.specgate.core.model.SourceRange;
import dev.specgate.core.model.SpecDocument;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads YAML front matter before the Markdown is parsed: a {@code ---} first line, YAML, and a
 * closing {@code ---} or {@code ...} line. Its top-level keys become {@link FieldForm#FRONT_MATTER}
 * fields with their positions in the file; its lines are then blanked (their line breaks kept) so
 * that Markdown never reads YAML comments as headings nor the block as a section, and every other
 * line keeps its number. Front matter that is never closed or is not valid YAML is a {@link
 * MetadataProblem} with the real cause; a {@code ---} line followed by anything that does not look
 * like YAML keys is a thematic break, as Markdown reads it.
 */
public final class FrontMatterReader {

    /**
     * The largest front matter (or metadata file) read, in chars: 256 Ki, far above any real one (a
     * few hundred bytes), so that a hostile file costs no long YAML parse.
     */
    public static final int MAX_CHARS = 256 * 1024;

    /** The deepest YAML nesting read in front matter. */
    static final int NESTING_LIMIT = 50;

    private static final Pattern OPEN = Pattern.compile("---[ \\t]*");
    private static final Pattern CLOSE = Pattern.compile("(?:---|\\.\\.\\.)[ \\t]*");
    private static final Pattern KEY_LINE =
            Pattern.compile("[\\p{L}\\p{N}_\"'$@.-][^:#]*:(?:\\s.*)?");

    /**
     * The Markdown to parse and what the front matter gave.
     *
     * @param markdown the text with the front matter's lines blanked (the same text when there is
     *     none)
     * @param frontMatter the front matter, when one was read
     * @param problems why front matter could not be read
     * @param blankedChars how many chars blanking the front matter's lines took out: the Markdown's
     *     offsets past it are that many chars short of the text's
     * @param mergeConflicts when a line of the front matter opens a merge conflict, every conflict
     *     of the text as read (the blanked Markdown does not show the front matter's markers); else
     *     none, and the Markdown's are the document's
     */
    public record Result(
            String markdown,
            Optional<FrontMatter> frontMatter,
            List<MetadataProblem> problems,
            int blankedChars,
            List<MergeConflict> mergeConflicts) {

        public Result {
            mergeConflicts = List.copyOf(mergeConflicts);
        }

        /** Nothing blanked. */
        Result(String markdown, Optional<FrontMatter> frontMatter, List<MetadataProblem> problems) {
            this(markdown, frontMatter, problems, 0, List.of());
        }

        /**
         * {@code doc} (parsed from {@link #markdown()}) with the front matter's fields first and
         * its problems, its sections' line offsets those of the text read.
         */
        public SpecDocument applyTo(SpecDocument doc) {
            if (frontMatter.isEmpty() && problems.isEmpty()) {
                return doc;
            }
            List<Section> sections = doc.sections();
            if (blankedChars != 0) {
                sections = new ArrayList<>(sections.size());
                for (Section s : doc.sections()) {
                    sections.add(s.lineOffset() < 0 ? s : s.movedBy(blankedChars));
                }
                sections = List.copyOf(sections);
            }
            List<Field> fields = new ArrayList<>();
            frontMatter.ifPresent(fm -> fm.entries().forEach(e -> fields.add(e.field())));
            fields.addAll(doc.fields());
            return new SpecDocument(
                    doc.lineCount(),
                    sections,
                    fields,
                    doc.checklist(),
                    doc.links(),
                    doc.brackets(),
                    doc.marks(),
                    doc.malformedTaskBoxes(),
                    doc.anchors(),
                    doc.comments(),
                    frontMatter,
                    problems,
                    doc.linkDefinitions(),
                    doc.unclosedFences(),
                    doc.unclosedHtml(),
                    doc.hiddenCells(),
                    mergeConflicts.isEmpty() ? doc.mergeConflicts() : mergeConflicts,
                    doc.prose());
        }
    }

    private FrontMatterReader() {}

    /** Reads the front matter of {@code text} (a byte order mark already removed). */
    public static Result read(String text) {
        if (!text.startsWith("---")) {
            return new Result(text, Optional.empty(), List.of());
        }
        List<int[]> lines = new ArrayList<>(); // {start, contentEnd, end (after the break)}
        int close = -1;
        boolean yamlLike = false;
        boolean seenContent = false;
        for (int start = 0; start < text.length(); ) {
            int[] line = line(text, start);
            int end = line[1];
            int next = line[2];
            lines.add(line);
            String content = text.substring(start, end);
            int index = lines.size() - 1;
            if (index == 0) {
                if (!OPEN.matcher(content).matches()) {
                    return new Result(text, Optional.empty(), List.of());
                }
            } else if (CLOSE.matcher(content).matches()) {
                close = index;
                break;
            } else if (!seenContent
                    && !content.isBlank()
                    && !content.stripLeading().startsWith("#")) {
                seenContent = true;
                yamlLike = KEY_LINE.matcher(content.strip()).matches();
                if (!yamlLike) {
                    break; // a thematic break and Markdown, not front matter
                }
            }
            start = next;
        }
        if (!yamlLike && !(close > 0 && !seenContent)) {
            // no key before the closing line (or no closing line): Markdown, unless the block
            // holds only YAML comments and blank lines, which is empty front matter
            return new Result(text, Optional.empty(), List.of());
        }
        if (close < 0) {
            return new Result(
                    text,
                    Optional.empty(),
                    List.of(
                            new MetadataProblem(
                                    "the front matter opened on line 1 is never closed: end it"
                                            + " with a line '---' (until then it is read as"
                                            + " Markdown)",
                                    SourceRange.ofLine(0, 0, 3))));
        }
        String yaml = text.substring(lines.get(1)[0], lines.get(close)[0]);
        String markdown = blanked(text, lines, close);
        List<MetadataProblem> problems = new ArrayList<>();
        List<FrontMatter.Entry> entries =
                yamlEntries(
                        text, lines, yaml, 1, "the front matter", FieldForm.FRONT_MATTER, problems);
        FrontMatter fm = new FrontMatter(0, close, entries);
        return new Result(
                markdown,
                Optional.of(fm),
                problems,
                text.length() - markdown.length(),
                frontConflicts(text, lines, close));
    }

    /**
     * Every merge conflict of {@code text} when a line of its front matter ({@code lines} 1 to
     * {@code close}, which blanking hides from the Markdown's parse) opens one, else none.
     */
    private static List<MergeConflict> frontConflicts(String text, List<int[]> lines, int close) {
        for (int i = 1; i < close; i++) {
            int[] line = lines.get(i);
            if (line[1] > line[0] && text.charAt(line[0]) == '<') {
                char[] chars = text.toCharArray();
                if (ConflictMarkers.opens(chars, line[0], line[1])) {
                    return ConflictMarkers.read(chars, text.length());
                }
            }
        }
        return List.of();
    }

    /**
     * The top-level keys of a YAML metadata file (such as a KEP's {@code kep.yaml}), as fields of
     * {@code form} with their positions in that file; problems name {@code what} ("kep.yaml").
     */
    public static List<FrontMatter.Entry> readMetadataFile(
            String text, String what, FieldForm form, List<MetadataProblem> problems) {
        List<int[]> lines = new ArrayList<>();
        for (int start = 0; ; ) {
            int[] line = line(text, start);
            int next = line[2];
            lines.add(line);
            if (next >= text.length()) {
                break;
            }
            start = next;
        }
        return yamlEntries(text, lines, text, 0, what, form, problems);
    }

    /**
     * The line of {@code text} starting at {@code start}: {@code {start, contentEnd, end (after the
     * break)}}, a break being LF, CRLF or CR.
     */
    private static int[] line(String text, int start) {
        int end = start;
        while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
            end++;
        }
        int next = end;
        if (next < text.length()) {
            next +=
                    text.charAt(next) == '\r'
                                    && next + 1 < text.length()
                                    && text.charAt(next + 1) == '\n'
                            ? 2
                            : 1;
        }
        return new int[] {start, end, next};
    }

    private static List<FrontMatter.Entry> yamlEntries(
            String text,
            List<int[]> lines,
            String yaml,
            int offset,
            String what,
            FieldForm form,
            List<MetadataProblem> problems) {
        if (yaml.length() > MAX_CHARS) {
            problems.add(
                    new MetadataProblem(
                            what
                                    + " is "
                                    + yaml.length()
                                    + " characters long, over the limit of "
                                    + MAX_CHARS
                                    + ": it is not read",
                            wholeLine(text, lines, Math.min(offset, lines.size() - 1))));
            return List.of();
        }
        Node root = compose(yaml, offset, what, problems, text, lines);
        if (root instanceof MappingNode map) {
            return entries(text, lines, map, offset, form);
        } else if (root != null) {
            problems.add(
                    new MetadataProblem(
                            what
                                    + " must be YAML keys and values (such as 'status:"
                                    + " accepted'), found "
                                    + (root instanceof SequenceNode ? "a list" : "a single value"),
                            range(text, lines, root.getStartMark(), root.getEndMark(), offset)));
        }
        return List.of();
    }

    private static String blanked(String text, List<int[]> lines, int close) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i <= close; i++) {
            int[] l = lines.get(i);
            sb.append(text, l[1], l[2]);
        }
        return sb.append(text, lines.get(close)[2], text.length()).toString();
    }

    private static Node compose(
            String yaml,
            int offset,
            String what,
            List<MetadataProblem> problems,
            String text,
            List<int[]> lines) {
        LoaderOptions options = new LoaderOptions();
        options.setNestingDepthLimit(NESTING_LIMIT);
        options.setMaxAliasesForCollections(10);
        options.setAllowRecursiveKeys(false);
        options.setAllowDuplicateKeys(true);
        try {
            return new Yaml(options).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            YamlProblems.Problem problem = YamlProblems.of(e);
            int line =
                    Math.min(
                            problem.line() < 0 ? offset : problem.line() + offset,
                            lines.size() - 1);
            problems.add(
                    new MetadataProblem(
                            what + " is not valid YAML: " + problem.message(),
                            wholeLine(text, lines, line)));
        } catch (YAMLException e) {
            problems.add(
                    new MetadataProblem(
                            what + " is not valid YAML: " + YamlProblems.oneLine(e.getMessage()),
                            wholeLine(text, lines, Math.min(offset, lines.size() - 1))));
        }
        return null;
    }

    /** A line's text without its trailing blanks (the whole line for a problem on it). */
    private static SourceRange wholeLine(String text, List<int[]> lines, int line) {
        int[] l = lines.get(line);
        int end = l[1];
        while (end > l[0] && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
            end--;
        }
        return SourceRange.ofLine(line, 0, end - l[0]);
    }

    private static List<FrontMatter.Entry> entries(
            String text, List<int[]> lines, MappingNode map, int offset, FieldForm form) {
        List<FrontMatter.Entry> entries = new ArrayList<>();
        int optionalFrom = optionalCommentLine(text, lines, offset);
        for (NodeTuple t : map.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode key) || key.getValue().isBlank()) {
                continue;
            }
            SourceRange keyRange = range(text, lines, key.getStartMark(), key.getEndMark(), offset);
            Node value = t.getValueNode();
            SourceRange valueRange = valueRange(text, lines, keyRange, value, offset);
            String valueText = slice(text, lines, valueRange);
            List<String> items = new ArrayList<>();
            if (value instanceof SequenceNode seq) {
                for (Node item : seq.getValue()) {
                    if (item instanceof ScalarNode s && !s.getValue().isBlank()) {
                        items.add(s.getValue().trim());
                    }
                }
            }
            boolean date =
                    value instanceof ScalarNode s
                            && s.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN
                            && Tag.TIMESTAMP.equals(s.getTag());
            String rest = restOfLine(text, lines, valueRange.endLine(), valueRange.endColumn());
            boolean optional =
                    (optionalFrom >= 0 && keyRange.startLine() > optionalFrom)
                            || (rest.contains("#")
                                    && rest.toLowerCase(Locale.ROOT).contains("optional"));
            Field field =
                    new Field(key.getValue(), valueText, keyRange, valueRange, -1, false, form);
            entries.add(
                    new FrontMatter.Entry(
                            field,
                            items,
                            date,
                            optional,
                            value instanceof ScalarNode s
                                    ? Optional.of(s.getValue())
                                    : Optional.empty(),
                            value instanceof ScalarNode s
                                    && (s.getScalarStyle()
                                                    == DumperOptions.ScalarStyle.DOUBLE_QUOTED
                                            || s.getScalarStyle()
                                                    == DumperOptions.ScalarStyle.SINGLE_QUOTED)));
        }
        return entries;
    }

    /** The first full-line YAML comment that says "optional", or -1. */
    private static int optionalCommentLine(String text, List<int[]> lines, int offset) {
        for (int i = offset; i < lines.size(); i++) {
            String line = text.substring(lines.get(i)[0], lines.get(i)[1]).strip();
            if (line.startsWith("#") && line.toLowerCase(Locale.ROOT).contains("optional")) {
                return i;
            }
        }
        return -1;
    }

    private static String restOfLine(String text, List<int[]> lines, int line, int column) {
        int[] l = lines.get(line);
        int from = Math.min(l[0] + column, l[1]);
        return text.substring(from, l[1]);
    }

    /**
     * Where a value stands: inside the quotes of a one-line quoted scalar; an empty range after the
     * colon for no value; else the node's text without trailing space.
     */
    private static SourceRange valueRange(
            String text, List<int[]> lines, SourceRange keyRange, Node value, int offset) {
        SourceRange r = range(text, lines, value.getStartMark(), value.getEndMark(), offset);
        if (value instanceof ScalarNode s
                && s.getValue().isEmpty()
                && s.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN) {
            int line = keyRange.endLine();
            int[] l = lines.get(line);
            int colon = text.indexOf(':', l[0] + keyRange.endColumn());
            int col = colon < 0 || colon >= l[1] ? keyRange.endColumn() : colon + 1 - l[0];
            return SourceRange.ofLine(line, col, col);
        }
        if (value instanceof ScalarNode s
                && r.startLine() == r.endLine()
                && (s.getScalarStyle() == DumperOptions.ScalarStyle.DOUBLE_QUOTED
                        || s.getScalarStyle() == DumperOptions.ScalarStyle.SINGLE_QUOTED)
                && r.endColumn() - r.startColumn() >= 2) {
            return SourceRange.ofLine(r.startLine(), r.startColumn() + 1, r.endColumn() - 1);
        }
        // trim trailing blanks and line breaks (a block node ends where the next key starts)
        int endLine = r.endLine();
        int endCol = r.endColumn();
        while (endLine > r.startLine() || endCol > r.startColumn()) {
            int[] l = lines.get(endLine);
            if (endCol == 0) {
                endLine--;
                endCol = lines.get(endLine)[1] - lines.get(endLine)[0];
                continue;
            }
            char c = text.charAt(l[0] + endCol - 1);
            if (c == ' ' || c == '\t') {
                endCol--;
            } else {
                break;
            }
        }
        return new SourceRange(r.startLine(), r.startColumn(), endLine, endCol);
    }

    private static String slice(String text, List<int[]> lines, SourceRange r) {
        int from = lines.get(r.startLine())[0] + r.startColumn();
        int to = lines.get(r.endLine())[0] + r.endColumn();
        return text.substring(from, Math.max(from, to));
    }

    /** A YAML mark pair as a range of the file (YAML line 0 is the file's line {@code offset}). */
    private static SourceRange range(
            String text, List<int[]> lines, Mark start, Mark end, int offset) {
        int sl = Math.min(start.getLine() + offset, lines.size() - 1);
        int el = Math.min(end.getLine() + offset, lines.size() - 1);
        int sc = column(text, lines.get(sl), start.getColumn());
        int ec = column(text, lines.get(el), end.getColumn());
        if (el < sl || (el == sl && ec < sc)) {
            return SourceRange.ofLine(sl, sc, sc);
        }
        return new SourceRange(sl, sc, el, ec);
    }

    /** A code-point column of a line as a UTF-16 column, within the line. */
    private static int column(String text, int[] line, int codePoints) {
        int length = line[1] - line[0];
        int col = 0;
        for (int i = 0; i < codePoints && col < length; i++) {
            col += Character.charCount(text.codePointAt(line[0] + col));
        }
        return Math.min(col, length);
    }
}
