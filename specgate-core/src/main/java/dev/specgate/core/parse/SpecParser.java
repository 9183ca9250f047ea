package dev.specgate.core.parse;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.input.SpecText;
import dev.specgate.core.input.TextChars;
import dev.specgate.core.model.Field;
import dev.specgate.core.model.FieldForm;
import dev.specgate.core.model.FrontMatter;
import dev.specgate.core.model.MetadataProblem;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.parse.internal.AtxHeadingStart;
import dev.specgate.core.parse.internal.DocumentBuilder;
import dev.specgate.core.parse.internal.FrontMatterReader;
import dev.specgate.core.parse.internal.RawLineInlineParser;
import dev.specgate.core.parse.internal.SubsetBlockParser;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Parses Markdown specs into {@link SpecDocument}s. Block structure comes from commonmark-java
 * (with GFM tables); inline content is scanned by Specgate's own linear-time scanner. Immutable and
 * safe to share between threads.
 */
public final class SpecParser {

    /**
     * The deepest nesting of container blocks (block quotes, lists, list items) read as structure.
     * Deeper markers are read as text of the innermost block, so that a 5,000-deep list or quote
     * costs no deep recursion, in commonmark or in the document builder, whatever the thread's
     * stack. Real specs nest a handful of levels.
     */
    public static final int MAX_NESTING_DEPTH = 100;

    private static final char BOM = '\uFEFF';
    private final Parser parser;
    private final boolean listMetadata;
    private final boolean readsProse;

    /** A parser that reads metadata as bold-label lines and front matter. */
    public SpecParser() {
        this(false);
    }

    /**
     * A parser that also reads the items of the list that opens a document ({@code - Start Date:
     * 2024-05-01}, before any section but the title) as metadata fields, when {@code listMetadata}:
     * for templates whose metadata is written that way.
     */
    public SpecParser(boolean listMetadata) {
        this(listMetadata, false);
    }

    /**
     * A parser as {@link #SpecParser(boolean)} makes, that also reads the document's paragraphs of
     * prose ({@link SpecDocument#prose()}) when {@code readsProse}: for templates that guide with
     * prose of their own, which a spec must not keep. Without it a parse makes nothing of them.
     */
    public SpecParser(boolean listMetadata, boolean readsProse) {
        // ATX headings started without commonmark's per-character Scanner; after the table
        // factory the extension registers, before commonmark's core factories
        parser = configured().customBlockParserFactory(new AtxHeadingStart()).build();
        this.listMetadata = listMetadata;
        this.readsProse = readsProse;
    }

    /** Whether the document's paragraphs of prose are read ({@link SpecDocument#prose()}). */
    public boolean readsProse() {
        return readsProse;
    }

    /** Whether the leading list's {@code Label: value} items are read as metadata. */
    public boolean readsListMetadata() {
        return listMetadata;
    }

    private static Parser.Builder configured() {
        return Parser.builder()
                .extensions(List.of(TablesExtension.create()))
                .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
                .inlineParserFactory(RawLineInlineParser.FACTORY)
                .maxOpenBlockParsers(MAX_NESTING_DEPTH);
    }

    /** commonmark with its own block factories and Specgate's options: what tests compare with. */
    static Parser referenceParser() {
        return configured().build();
    }

    /**
     * Parses Markdown text. A leading byte order mark is ignored. YAML front matter (a {@code ---}
     * first line, YAML keys, a closing {@code ---} or {@code ...}) is read as fields and is not
     * Markdown.
     */
    public SpecDocument parse(String markdown) {
        return parse(markdown, null);
    }

    /**
     * Parses Markdown text as {@link #parse(String)} does, and hands {@code tree} (when not null)
     * the block tree the document was built from, when that tree is commonmark's tree of the whole
     * text as written: read by the one-pass block parser, no front matter blanked. A renderer can
     * then parse the tree's inlines instead of parsing the text again. Nothing keeps the tree.
     */
    public SpecDocument parse(String markdown, Consumer<? super MarkdownTree> tree) {
        requireNonNull(markdown, "markdown must not be null");
        String raw =
                !markdown.isEmpty() && markdown.charAt(0) == BOM ? markdown.substring(1) : markdown;
        FrontMatterReader.Result front = FrontMatterReader.read(raw);
        String text = front.markdown();
        // the text as written (FrontMatterReader hands it back unchanged when it blanks nothing)
        boolean handsTree = tree != null && text == raw;
        // the decoder's chars of the text when it was decoded just now (no copy of the string)
        char[] taken = TextChars.take(markdown);
        char[] chars = text == markdown && taken != null ? taken : text.toCharArray();
        SubsetBlockParser.Parsed fast =
                fastTree(
                        text,
                        chars,
                        handsTree ? SubsetBlockParser.Detail.TREE : SubsetBlockParser.Detail.MODEL);
        SpecDocument doc =
                fast != null
                        ? DocumentBuilder.build(
                                fast.blocks(), fast.lineCount(), listMetadata, readsProse)
                        : DocumentBuilder.build(
                                commonmarkTree(text),
                                text,
                                chars,
                                countLines(text),
                                listMetadata,
                                readsProse);
        if (handsTree && fast != null) {
            tree.accept(new MarkdownTree(fast.document()));
        }
        return front.applyTo(doc);
    }

    /**
     * Parses a spec's text as {@link #parse(String)} parses {@code text.text()}, reading its chars:
     * a text without front matter (no {@code ---} first line) nor a leading U+FEFF, that the
     * one-pass block parser reads, is parsed without making it a string (a check of a spec read
     * from its file).
     */
    public SpecDocument parseChars(SpecText text) {
        requireNonNull(text, "text must not be null");
        char[] chars = text.array();
        int n = text.length();
        boolean plain =
                n == 0
                        || chars[0] != BOM
                                && !(n >= 3
                                        && chars[0] == '-'
                                        && chars[1] == '-'
                                        && chars[2] == '-');
        if (plain) {
            SubsetBlockParser.Parsed fast = fastTree(chars, n, SubsetBlockParser.Detail.MODEL);
            if (fast != null) {
                return DocumentBuilder.build(
                        fast.blocks(), fast.lineCount(), listMetadata, readsProse);
            }
        }
        return parse(text.text());
    }

    /**
     * Whether {@code line} (one line, without its line break) is a thematic break as Markdown reads
     * it at the margin ({@code ---}, {@code * * *}, {@code ___}: at most three spaces before it),
     * in the parser's own reading of one. Whether the line stands in code or a quote is not known
     * here.
     */
    public static boolean isThematicBreak(String line) {
        requireNonNull(line, "line must not be null");
        int from = 0;
        while (from < line.length() && from < 3 && line.charAt(from) == ' ') {
            from++;
        }
        if (from < line.length() && (line.charAt(from) == ' ' || line.charAt(from) == '\t')) {
            return false; // indented four columns or more: code
        }
        return SubsetBlockParser.isThematicBreak(line.toCharArray(), from, line.length());
    }

    /**
     * The 0-based lines of {@code markdown} above which a line holding only an HTML comment,
     * indented as {@link CommentLines#lead} says, joins no block and cuts none short: a line that
     * begins a block at the margin (a paragraph, heading, table, list, block quote, fence), a list
     * item or a further block of a list item (a block quote's or table's first line too: the
     * comment, indented as the line, is a block of the item, and the quote or table follows it
     * whole), and a paragraph's later line indented as its first (the comment splits it in two
     * paragraphs, each line where it was). Not a table's body row, a block quote's later line, a
     * list item's lazy continuation line, a setext underline, a line inside a fence, an HTML block
     * or indented code, nor a line of the YAML front matter: there a comment line ends the table,
     * quote, list or front matter, or becomes text of the block. A leading byte order mark is
     * ignored.
     *
     * <p>A list's later item is one such line, but a comment indented as the item (at the margin,
     * for a list at the margin) would end the list there, and the item would open a second list:
     * there the comment is indented as the previous item's content, a last block of that item, and
     * the list goes on whole. Where that item ends in a fence left open or an HTML block, the
     * comment would be their text: no comment fits there.
     *
     * <p>For an edit that inserts a comment (a language server's {@code
     * specgate-disable-next-line}): it parses the text again, with commonmark as configured for a
     * check, each time it is asked, so a check never pays for it.
     */
    public static java.util.BitSet commentLineFits(String markdown) {
        return commentLines(markdown).fits();
    }

    /**
     * Where a comment line fits in {@code markdown} and how it is indented there: the lines of
     * {@link #commentLineFits}, and for each the columns a comment goes deeper than the line's own
     * indent ({@link CommentLines#lead}).
     */
    public static CommentLines commentLines(String markdown) {
        requireNonNull(markdown, "markdown must not be null");
        String raw =
                !markdown.isEmpty() && markdown.charAt(0) == BOM ? markdown.substring(1) : markdown;
        String text = FrontMatterReader.read(raw).markdown(); // front matter blanked, lines kept
        java.util.BitSet fits = new java.util.BitSet();
        java.util.Map<Integer, Integer> deeper = new java.util.HashMap<>();
        java.util.ArrayDeque<Node> todo = new java.util.ArrayDeque<>();
        Node root = Reference.PARSER.parse(text);
        for (Node c = root.getLastChild(); c != null; c = c.getPrevious()) {
            todo.push(c);
        }
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            Node parent = n.getParent();
            // a quote's or a table's later lines are its own: only its first line has room above
            // (at the margin, or in a list item after its first block, indented as the item's
            // content: the comment is a block of the item, which the quote or table follows)
            boolean closed =
                    n instanceof org.commonmark.node.BlockQuote
                            || n instanceof org.commonmark.ext.gfm.tables.TableBlock;
            boolean opens =
                    parent == root
                            || n instanceof org.commonmark.node.ListItem
                            || parent instanceof org.commonmark.node.ListItem
                                    && n.getPrevious() != null;
            if (opens
                    && !(n instanceof org.commonmark.node.IndentedCodeBlock)
                    && !n.getSourceSpans().isEmpty()) {
                int line = n.getSourceSpans().get(0).getLineIndex();
                if (n instanceof org.commonmark.node.ListItem item
                        && item.getPrevious() instanceof org.commonmark.node.ListItem previous) {
                    // indented as the previous item's content: its last block, not a break
                    int columns = laterItemDepth(item, previous);
                    if (columns >= 0) {
                        fits.set(line);
                        deeper.put(line, columns);
                    }
                } else {
                    fits.set(line);
                }
            }
            if (n instanceof org.commonmark.node.Paragraph) {
                // a line of it indented as its first (not a lazy continuation of a list item's):
                // the comment splits it in two paragraphs, each line where it was
                List<org.commonmark.node.SourceSpan> spans = n.getSourceSpans();
                for (int i = 1; i < spans.size(); i++) {
                    if (spans.get(i).getColumnIndex() == spans.get(0).getColumnIndex()) {
                        fits.set(spans.get(i).getLineIndex());
                    }
                }
            }
            if (!closed) {
                for (Node c = n.getLastChild(); c != null; c = c.getPrevious()) {
                    todo.push(c);
                }
            }
        }
        // a blanked front matter reads as blank lines, where no block begins
        return new CommentLines(fits, java.util.Map.copyOf(deeper));
    }

    /**
     * The columns a comment above a list's later {@code item} goes deeper than the item's marker,
     * so that it stands at the {@code previous} item's content, or -1 where that item's last block
     * would take the comment as its text (a fence left open, an HTML block).
     */
    private static int laterItemDepth(
            org.commonmark.node.ListItem item, org.commonmark.node.ListItem previous) {
        Node last = previous.getLastChild();
        if (last instanceof org.commonmark.node.HtmlBlock
                || last instanceof org.commonmark.node.FencedCodeBlock fence
                        && fence.getClosingFenceLength() == null) {
            return -1;
        }
        Integer content = previous.getContentIndent();
        Integer marker = item.getMarkerIndent();
        if (content == null || marker == null || content < marker) {
            return -1;
        }
        return content - marker;
    }

    /**
     * Where a comment line fits above a line of a spec ({@link #commentLineFits}) and how it is
     * indented there.
     *
     * @param fits the 0-based lines a comment line fits above
     * @param deeper for a line that takes it, the columns a comment goes deeper than the line's own
     *     indent (a list's later item: to the previous item's content)
     */
    public record CommentLines(java.util.BitSet fits, java.util.Map<Integer, Integer> deeper) {

        public CommentLines {
            requireNonNull(fits, "fits must not be null");
            requireNonNull(deeper, "deeper must not be null");
            fits = (java.util.BitSet) fits.clone();
        }

        /** The 0-based lines a comment line fits above (a copy). */
        @Override
        public java.util.BitSet fits() {
            return (java.util.BitSet) fits.clone();
        }

        /** Whether a comment line fits above 0-based {@code line}. */
        public boolean fit(int line) {
            return fits.get(line);
        }

        /**
         * What a comment line above {@code lineText} (a line this fits above, without its line
         * break) begins with: the line's own spaces and tabs, and the columns it goes deeper as
         * spaces.
         */
        public String lead(int line, CharSequence lineText) {
            int end = 0;
            while (end < lineText.length()
                    && (lineText.charAt(end) == ' ' || lineText.charAt(end) == '\t')) {
                end++;
            }
            return lineText.subSequence(0, end) + " ".repeat(deeper.getOrDefault(line, 0));
        }
    }

    /** commonmark as a check's parser is configured, for {@link #commentLineFits}. */
    private static final class Reference {
        static final Parser PARSER = configured().build();
    }

    /**
     * The top-level keys of a YAML metadata file kept beside a spec (such as a KEP's {@code
     * kep.yaml}) as {@link FieldForm#SIDECAR} fields, their ranges in that file; what cannot be
     * read is added to {@code problems}, naming the file as {@code name}.
     */
    public static List<Field> metadataFile(
            String yamlText, String name, List<MetadataProblem> problems) {
        requireNonNull(yamlText, "yamlText must not be null");
        String text =
                !yamlText.isEmpty() && yamlText.charAt(0) == BOM ? yamlText.substring(1) : yamlText;
        List<MetadataProblem> found = new ArrayList<>();
        List<Field> fields =
                FrontMatterReader.readMetadataFile(text, name, FieldForm.SIDECAR, found).stream()
                        .map(FrontMatter.Entry::field)
                        .toList();
        for (MetadataProblem p : found) {
            // the problem is in the other file: reported at the spec's start, naming the line
            problems.add(
                    new MetadataProblem(
                            p.message()
                                    + " ("
                                    + name
                                    + " line "
                                    + (p.range().startLine() + 1)
                                    + ")",
                            dev.specgate.core.model.SourceRange.fileStart()));
        }
        return fields;
    }

    /**
     * The one-pass block parser's blocks, line count and (in {@link SubsetBlockParser.Detail#TREE})
     * commonmark's tree of {@code text}, or null to use commonmark.
     */
    private static SubsetBlockParser.Parsed fastTree(
            String text, char[] chars, SubsetBlockParser.Detail detail) {
        if (chars.length < text.length()) {
            throw new IllegalArgumentException("chars must begin with the text's");
        }
        return fastTree(chars, text.length(), detail);
    }

    /** As {@link #fastTree(String, char[], SubsetBlockParser.Detail)}, of the text in chars. */
    private static SubsetBlockParser.Parsed fastTree(
            char[] chars, int length, SubsetBlockParser.Detail detail) {
        try {
            return SubsetBlockParser.parseCounted(chars, length, MAX_NESTING_DEPTH, detail);
        } catch (RuntimeException e) {
            // a fault of the fast path must cost speed, never a user's check (its own tests call
            // it directly, so they still see such a fault)
            return null;
        }
    }

    /**
     * commonmark's block tree of {@code text}. Read through commonmark's reader path, which splits
     * lines in a loop over a char array and builds the same tree as its String path (a property
     * test holds them equal): the String path calls {@code CharSequence.charAt} for every char, an
     * interface call that the C1 compiler does not inline.
     */
    Node commonmarkTree(String text) {
        try {
            return parser.parseReader(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException("a StringReader does not fail", e);
        }
    }

    /** Lines as CommonMark counts them: ended by LF, CR LF or CR. */
    static int countLines(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        int n = text.length();
        if (text.indexOf('\r') < 0) {
            // LF only, the common case: indexOf is an intrinsic, far faster than charAt per char
            int lines = 1;
            for (int i = text.indexOf('\n'); i >= 0 && i + 1 < n; i = text.indexOf('\n', i + 1)) {
                lines++;
            }
            return lines;
        }
        int lines = 1;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= n || text.charAt(i + 1) != '\n'))) {
                if (i + 1 < n) {
                    lines++;
                }
            }
        }
        return lines;
    }
}
