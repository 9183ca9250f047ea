package dev.specgate.web.internal;

import static java.util.Objects.requireNonNull;

import dev.specgate.web.view.DiagnosticView;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.task.list.items.TaskListItemMarker;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.internal.InlineParserImpl;
import org.commonmark.node.Block;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Document;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.InlineParser;
import org.commonmark.parser.InlineParserContext;
import org.commonmark.parser.Parser;
import org.commonmark.parser.PostProcessor;
import org.commonmark.parser.SourceLine;
import org.commonmark.parser.SourceLines;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.commonmark.renderer.html.UrlSanitizer;

/**
 * Renders a spec's Markdown to HTML that is safe to show: raw HTML is escaped, HTML comments are
 * dropped, link schemes other than http, https and mailto are removed, images are not loaded (the
 * site must work with no network), and relative links go to the site's page of the spec they name
 * or are shown as plain text. Each diagnostic is placed in a note right after the top-level block
 * that holds its line, and the innermost block holding the line is flagged. Immutable and safe to
 * share between threads.
 */
public final class SpecHtmlRenderer {

    private static final List<String> SAFE_SCHEMES = List.of("http", "https", "mailto");

    private final Parser parser;
    private final HtmlRenderer renderer;
    private final UrlSanitizer sanitizer = new DefaultUrlSanitizer(SAFE_SCHEMES);
    // what the parser uses after its block pass, for trees whose blocks a check's parse built
    private final InlineParserContext inlineContext;
    private final List<PostProcessor> postProcessors;

    // false: every page through commonmark's HtmlRenderer (tests compare FastHtml with it)
    private final boolean fastHtml;
    // each thread's writer of inline Markdown straight into a page's bytes
    private final ThreadLocal<InlineHtml> inlineHtml;
    private final ThreadLocal<HtmlBytes> inlineBytes = ThreadLocal.withInitial(HtmlBytes::new);

    public SpecHtmlRenderer() {
        this(true);
    }

    /**
     * A renderer that writes every page with commonmark's {@code HtmlRenderer}, never {@link
     * FastHtml}: what tests compare the pages with.
     */
    static SpecHtmlRenderer commonmarkOnly() {
        return new SpecHtmlRenderer(false);
    }

    private SpecHtmlRenderer(boolean fastHtml) {
        this.fastHtml = fastHtml;
        List<Extension> extensions =
                List.of(TablesExtension.create(), TaskListItemsExtension.create());
        RecordingBuilder builder = new RecordingBuilder();
        parser =
                builder.extensions(extensions)
                        .includeSourceSpans(IncludeSourceSpans.BLOCKS)
                        .build();
        postProcessors =
                builder.postProcessors.stream()
                        .map(p -> TaskItems.replaces(p) ? new TaskItems() : p)
                        .toList();
        inlineContext = inlineContext(extensions);
        inlineHtml = ThreadLocal.withInitial(() -> new InlineHtml(sanitizer));
        renderer =
                HtmlRenderer.builder()
                        .extensions(extensions)
                        .escapeHtml(true)
                        .sanitizeUrls(true)
                        .urlSanitizer(sanitizer)
                        .percentEncodeUrls(true)
                        .attributeProviderFactory(context -> new Attributes())
                        .nodeRendererFactory(NotesRenderer::new)
                        .build();
    }

    /**
     * Renders {@code markdown}.
     *
     * @param markdown the spec's text (a byte order mark is ignored)
     * @param diagnostics its diagnostics (1-based lines)
     * @param headingIds fragment id per heading, keyed by the heading's 0-based line
     * @param links where relative links go
     */
    public String render(
            String markdown,
            List<DiagnosticView> diagnostics,
            Map<Integer, String> headingIds,
            LinkResolver links) {
        return render(markdown, null, diagnostics, headingIds, links);
    }

    /**
     * Renders {@code markdown} from {@code tree}, the block tree a check's parse built of it, when
     * not null: the same HTML as {@link #render(String, List, Map, LinkResolver)}, without parsing
     * the text's blocks again.
     *
     * @param markdown the spec's text (a byte order mark is ignored)
     * @param tree given commonmark's inline parser, the document of {@code markdown} that core's
     *     parse built, with its inlines parsed by it (core's {@code MarkdownTree::withInlines}),
     *     called once; or null to parse the text
     * @param diagnostics its diagnostics (1-based lines)
     * @param headingIds fragment id per heading, keyed by the heading's 0-based line
     * @param links where relative links go
     */
    public String render(
            String markdown,
            Function<InlineParser, Document> tree,
            List<DiagnosticView> diagnostics,
            Map<Integer, String> headingIds,
            LinkResolver links) {
        return render(markdown, tree, diagnostics, headingIds, null, links);
    }

    /**
     * As {@link #render(String, Function, List, Map, LinkResolver)}, with the headings whose
     * trailing {@code {#id}} attribute core read (by {@code HeadingText} on the heading as
     * written): those, and only those, show without it.
     *
     * @param attributed 0-based lines of the headings that carry an attribute (core's reading), or
     *     null when none is to be dropped
     */
    public String render(
            String markdown,
            Function<InlineParser, Document> tree,
            List<DiagnosticView> diagnostics,
            Map<Integer, String> headingIds,
            Set<Integer> attributed,
            LinkResolver links) {
        HtmlBytes html = new HtmlBytes(markdown.length() * 2 + 1024);
        render(markdown, tree, diagnostics, headingIds, attributed, links, html);
        return html.toString();
    }

    /**
     * As {@link #render(String, Function, List, Map, Set, LinkResolver)}, appending the HTML to
     * {@code html} as UTF-8 (the static site copies it straight into the page's bytes).
     */
    public void render(
            String markdown,
            Function<InlineParser, Document> tree,
            List<DiagnosticView> diagnostics,
            Map<Integer, String> headingIds,
            Set<Integer> attributed,
            LinkResolver links,
            HtmlBytes html) {
        Node document = prepare(markdown, tree, diagnostics, headingIds, attributed, links);
        if (fastHtml) {
            InlineHtml inlines = inlineHtml.get();
            if (FastHtml.render(document, marks(document), sanitizer, links, inlines, html)) {
                return;
            }
            if (tree != null) {
                // a kept block's inlines are written by FastHtml alone: parse the text again
                document = prepare(markdown, null, diagnostics, headingIds, attributed, links);
                if (FastHtml.render(document, marks(document), sanitizer, links, inlines, html)) {
                    return;
                }
            }
        }
        StringBuilder text = new StringBuilder(markdown.length() * 2 + 1024);
        renderer.render(document, text);
        html.raw(text);
    }

    /**
     * Renders one line of inline Markdown (a checklist item's text) as the page body renders a
     * paragraph's content, without the paragraph around it: code spans, emphasis, links (relative
     * ones resolved by {@code links}, unsafe ones dropped), raw HTML escaped. Block syntax is not
     * read: "1. x" or "# x" stay text.
     *
     * @param text the text, one line
     * @param links where relative links go
     */
    public String renderInline(String text, LinkResolver links) {
        requireNonNull(text, "text must not be null");
        requireNonNull(links, "links must not be null");
        Document document = new Document();
        Paragraph paragraph = new Paragraph();
        document.appendChild(paragraph);
        // the body's inline parsing: InlineHtml, else the plain-line shortcut or commonmark's
        String line = text.replace('\r', ' ').replace('\n', ' ').replace('\0', '\uFFFD');
        if (fastHtml) {
            // written as a paragraph's content is, without a node; "<p>", "</p>" and the line end
            // around it would be stripped
            InlineHtml inlines = inlineHtml.get();
            if (inlines.scan(line)) {
                HtmlBytes bytes = inlineBytes.get().reset();
                inlines.write(bytes, links, 0, '>');
                return bytes.toString();
            }
        }
        new PlainLineInlines(() -> new InlineParserImpl(inlineContext))
                .parse(SourceLines.of(List.of(SourceLine.of(line, null))), paragraph);
        neutralize(document, links);
        Marks marks = new Marks();
        document.prependChild(marks);
        String html = null;
        if (fastHtml) {
            HtmlBytes bytes = new HtmlBytes(line.length() * 2 + 64);
            if (FastHtml.render(document, marks, sanitizer, links, inlineHtml.get(), bytes)) {
                html = bytes.toString();
            }
        }
        if (html == null) {
            StringBuilder out = new StringBuilder();
            renderer.render(document, out);
            html = out.toString();
        }
        html = html.strip();
        if (html.startsWith("<p>") && html.endsWith("</p>")) {
            html = html.substring(3, html.length() - 4);
        }
        return html;
    }

    /** The tree to write: neutralized, headings and flags marked, notes placed. */
    private Node prepare(
            String markdown,
            Function<InlineParser, Document> tree,
            List<DiagnosticView> diagnostics,
            Map<Integer, String> headingIds,
            Set<Integer> attributed,
            LinkResolver links) {
        requireNonNull(markdown, "markdown must not be null");
        requireNonNull(diagnostics, "diagnostics must not be null");
        requireNonNull(headingIds, "headingIds must not be null");
        requireNonNull(links, "links must not be null");
        Node document = tree != null ? fromTree(tree) : parse(markdown);
        Marks marks = new Marks();
        neutralize(document, links);
        for (Node n = document.getFirstChild(); n != null; n = n.getNext()) {
            markHeadings(n, headingIds, attributed, marks, links);
        }
        placeNotes((Document) document, diagnostics, marks);
        document.prependChild(marks);
        return document;
    }

    private static Marks marks(Node document) {
        return (Marks) document.getFirstChild();
    }

    /** commonmark's full tree of {@code markdown}. */
    private Node parse(String markdown) {
        String text = markdown.startsWith("\uFEFF") ? markdown.substring(1) : markdown;
        try {
            // the reader path splits lines over a char array; the String path makes an interface
            // call per char that C1 does not inline (see core's SpecParser): same tree
            return parser.parseReader(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException("a StringReader does not fail", e);
        }
    }

    /**
     * The same tree from a check's block tree: its inlines parsed with the context the parser
     * builds for a document without link reference definitions (a kept tree never has any), then
     * the parser's post-processors (task list items), as {@code Parser.parse} ends.
     */
    private Node fromTree(Function<InlineParser, Document> tree) {
        // with FastHtml, a block's inlines are kept as text (Deferred) for InlineHtml to write,
        // and commonmark's parser is made only for a page with a block InlineHtml leaves to it
        PlainLineInlines inlines =
                new PlainLineInlines(() -> new InlineParserImpl(inlineContext), fastHtml);
        Node document = tree.apply(fastHtml ? new ContentInlines(inlines) : inlines);
        for (PostProcessor p : postProcessors) {
            if (!(fastHtml && p instanceof TaskItems)) { // FastHtml reads the markers itself
                document = p.process(document);
            }
        }
        return document;
    }

    /**
     * The inline parser context commonmark builds with {@code extensions} for a document that
     * defines no link reference: caught from the parse of an empty text, so that every option
     * (delimiter processors, link processors, nesting limit) is the parser's own.
     */
    private static InlineParserContext inlineContext(List<Extension> extensions) {
        InlineParserContext[] caught = new InlineParserContext[1];
        Parser.builder()
                .extensions(extensions)
                .inlineParserFactory(
                        context -> {
                            caught[0] = context;
                            return new InlineParserImpl(context);
                        })
                .build()
                .parse("");
        return requireNonNull(caught[0], "commonmark made no inline parser");
    }

    /**
     * What makes a block's inline nodes from its content handed over as chars (the lines joined by
     * {@code \n}), for a tree that can hand its blocks' content so (core's {@code MarkdownTree},
     * through {@link CoreAdapter#blocks}), without a string and a source line per line.
     */
    interface InlineContent {
        /** Adds the nodes of {@code chars[from, to)}, {@code lines} lines, to {@code block}. */
        void parse(Node block, char[] chars, int from, int to, int lines);
    }

    /**
     * {@link PlainLineInlines} for the pages {@link FastHtml} writes, taking a block's content as
     * chars where the tree hands it so: a plain line becomes its text node, any other content a
     * {@link Deferred} copy of its chars, exactly as {@link PlainLineInlines#parse} makes them from
     * source lines (which it still does for a tree that hands lines).
     */
    static final class ContentInlines implements InlineParser, InlineContent {
        private final PlainLineInlines lines;

        ContentInlines(PlainLineInlines lines) {
            this.lines = lines;
        }

        @Override
        public void parse(SourceLines sourceLines, Node block) {
            lines.parse(sourceLines, block);
        }

        @Override
        public void parse(Node block, char[] chars, int from, int to, int count) {
            if (count != 1 || !PlainLineInlines.plain(chars, from, to)) {
                // the tree's chars are kept as they are (never changed), not copied
                block.appendChild(new Deferred(chars, from, to, lines));
                return;
            }
            int end = to;
            while (end > from && (chars[end - 1] == ' ' || chars[end - 1] == '\t')) {
                end--;
            }
            if (to > from) {
                block.appendChild(new Text(new String(chars, from, end - from)));
            }
        }
    }

    /**
     * commonmark's inline parser, with a shortcut for the commonest content of a spec's blocks: one
     * line holding none of the characters that start inline syntax (a table cell "UUID", a short
     * paragraph, most headings). For such a line commonmark's parser makes one text node of the
     * line, its trailing spaces and tabs trimmed; making that node directly skips the parser's set
     * up per block (its scanner and a map of inline parsers). {@link #SYNTAX} is what commonmark
     * 0.30's {@code InlineParserImpl} treats as special with the tables and task list extensions
     * (which add no inline syntax): its delimiters, the trigger characters of its inline parsers,
     * brackets, '!' and line ends. {@code PlainLineInlinesTest} holds both ways equal. Any other
     * block goes to commonmark's parser; or, with {@code defer} (the pages {@link FastHtml}
     * writes), becomes a {@link Deferred} text for {@link InlineHtml}, which writes it straight
     * into the page's bytes where it does not give up.
     */
    static final class PlainLineInlines implements InlineParser {
        static final String SYNTAX = "*_\\`&<[]!\n";
        private static final boolean[] SPECIAL = new boolean[128];

        static {
            for (char c : SYNTAX.toCharArray()) {
                SPECIAL[c] = true;
            }
        }

        private final java.util.function.Supplier<InlineParser> make;
        private InlineParser full;
        // a block with inline syntax kept as its text (a Deferred node) for InlineHtml
        private final boolean defer;

        PlainLineInlines(InlineParser full) {
            this.full = full;
            this.make = () -> full;
            this.defer = false;
        }

        /** With commonmark's parser made by {@code make} when a block first needs it. */
        PlainLineInlines(java.util.function.Supplier<InlineParser> make) {
            this(make, false);
        }

        /**
         * With commonmark's parser made by {@code make} when a block first needs it; with {@code
         * defer}, a block holding inline syntax gets one {@link Deferred} child instead of its
         * inline nodes.
         */
        PlainLineInlines(java.util.function.Supplier<InlineParser> make, boolean defer) {
            this.make = make;
            this.defer = defer;
        }

        InlineParser full() {
            if (full == null) {
                full = make.get();
            }
            return full;
        }

        @Override
        public void parse(SourceLines lines, Node block) {
            List<SourceLine> list = lines.getLines();
            if (list.size() != 1) {
                if (defer) {
                    block.appendChild(new Deferred(lines.getContent(), lines, this));
                    return;
                }
                full().parse(lines, block);
                return;
            }
            // one line: its content is the block's (no copy joining lines); a string when the
            // lines are core's (C1 inlines String.charAt, not CharSequence.charAt)
            String content = list.get(0).getContent().toString();
            if (!plain(content)) {
                if (defer) {
                    block.appendChild(new Deferred(content, lines, this));
                    return;
                }
                full().parse(lines, block);
                return;
            }
            if (content.isEmpty()) {
                return;
            }
            int end = content.length();
            while (end > 0 && (content.charAt(end - 1) == ' ' || content.charAt(end - 1) == '\t')) {
                end--;
            }
            Text text = new Text(content.substring(0, end));
            if (!defer) { // an inline node's spans are never read by FastHtml
                text.setSourceSpans(lines.getSourceSpans());
            }
            block.appendChild(text);
        }

        /** Whether {@code cs[from, to)} holds none of {@link #SYNTAX}. */
        static boolean plain(char[] cs, int from, int to) {
            for (int i = from; i < to; i++) {
                char c = cs[i];
                if (c < 128 && SPECIAL[c]) {
                    return false;
                }
            }
            return true;
        }

        private static boolean plain(String s) {
            for (int i = 0, n = s.length(); i < n; i++) {
                char c = s.charAt(i);
                if (c < 128 && SPECIAL[c]) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * The task list extension's post-processor ({@code TaskListItemPostProcessor}, commonmark 0.30)
     * without its visit of every inline node: list items only sit in blocks, so it walks blocks,
     * and runs the extension's own pattern only on a paragraph text that starts like a task marker
     * ({@code [}, any character, {@code ]}). For each list item, parent before children, it does
     * what the extension does: a first paragraph whose first text matches gets a marker and loses
     * the marker's text. {@code OneParseRenderingTest} compares the pages with commonmark's own
     * parse, which runs the extension's post-processor.
     */
    static final class TaskItems implements PostProcessor {
        /** The extension's pattern, which {@link #marker} follows without a regex engine. */
        static final java.util.regex.Pattern TASK =
                java.util.regex.Pattern.compile("^\\[([xX\\s])]\\s+(.*)");

        static boolean replaces(PostProcessor p) {
            return p.getClass()
                    .getName()
                    .equals(
                            "org.commonmark.ext.task.list.items.internal.TaskListItemPostProcessor");
        }

        /**
         * {@link #TASK} matched against the whole of {@code literal}: the index where its second
         * group starts, or -1 when it does not match. {@code \s} is {@code [ \t\n\x0B\f\r]}; the
         * greedy {@code \s+} takes the whole run of them, and {@code .} matches anything but a line
         * terminator, so the rest must hold none.
         */
        static int marker(String literal) {
            int n = literal.length();
            if (n < 4
                    || literal.charAt(0) != '['
                    || literal.charAt(2) != ']'
                    || !(literal.charAt(1) == 'x'
                            || literal.charAt(1) == 'X'
                            || space(literal.charAt(1)))
                    || !space(literal.charAt(3))) {
                return -1;
            }
            int rest = 4;
            while (rest < n && space(literal.charAt(rest))) {
                rest++;
            }
            for (int i = rest; i < n; i++) {
                char c = literal.charAt(i);
                if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                    return -1;
                }
            }
            return rest;
        }

        private static boolean space(char c) {
            return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
        }

        @Override
        public Node process(Node node) {
            visit(node);
            return node;
        }

        private static void visit(Node node) {
            if (node instanceof ListItem item
                    && item.getFirstChild() instanceof Paragraph p
                    && p.getFirstChild() instanceof Text text) {
                String literal = text.getLiteral();
                int rest = marker(literal);
                if (rest >= 0) {
                    char checked = literal.charAt(1);
                    item.prependChild(new TaskListItemMarker(checked == 'X' || checked == 'x'));
                    text.setLiteral(literal.substring(rest));
                }
            }
            for (Node c = node.getFirstChild(); c != null; c = c.getNext()) {
                if (c instanceof Block) {
                    visit(c);
                }
            }
        }
    }

    /** A parser builder that records the post-processors extensions register. */
    private static final class RecordingBuilder extends Parser.Builder {
        final List<PostProcessor> postProcessors = new ArrayList<>();

        @Override
        public Parser.Builder postProcessor(PostProcessor postProcessor) {
            postProcessors.add(postProcessor);
            return super.postProcessor(postProcessor);
        }
    }

    /** Drops comments and images, and rewrites relative links, in one pass over the tree. */
    private static void neutralize(Node document, LinkResolver links) {
        neutralizeChildren(document, links);
    }

    /**
     * Each child of {@code parent} in document order, then its children (those of its replacement,
     * which takes them over): a node is visited once, before anything under it, and whatever it is
     * replaced by or unlinked for leaves its siblings to come.
     */
    static void neutralizeChildren(Node parent, LinkResolver links) {
        Node n = parent.getFirstChild();
        while (n != null) {
            Node next = n.getNext();
            if (n instanceof Text) {
                n = next; // the commonest node: nothing to neutralize, no children
                continue;
            }
            Node kept = neutralizeOne(n, links);
            if (kept != null) {
                neutralizeChildren(kept, links);
            }
            n = next;
        }
    }

    /** Neutralizes {@code n}; returns the node now in its place (itself, a replacement or null). */
    private static Node neutralizeOne(Node n, LinkResolver links) {
        if (n instanceof HtmlBlock b && isComment(b.getLiteral())) {
            n.unlink();
            return null;
        } else if (n instanceof HtmlInline i && isComment(i.getLiteral())) {
            n.unlink();
            return null;
        } else if (n instanceof HtmlInline && inHeading(n)) {
            // a heading shows its text: <a name="why"></a>Motivation reads "Motivation"
            n.unlink();
            return null;
        } else if (n instanceof Image image) {
            return replace(image, new OffsiteRef(image.getDestination(), Kind.IMAGE));
        } else if (n instanceof Link link) {
            String dest = link.getDestination();
            if (hasScheme(dest)) {
                return isSafe(dest) ? link : replace(link, new OffsiteRef("", Kind.UNSAFE));
            }
            if (dest.startsWith("#")) {
                return link;
            }
            Optional<String> href = links.resolve(dest);
            if (href.isPresent()) {
                link.setDestination(href.get());
                return link;
            }
            return replace(link, new OffsiteRef(dest, Kind.FILE));
        }
        return n;
    }

    private static boolean inHeading(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof Heading) {
                return true;
            }
        }
        return false;
    }

    /**
     * Drops a trailing heading attribute ({@code {#why}}) from the text a heading shows when {@code
     * attributed}: core read one on the heading as written (its {@code HeadingText}, asked by the
     * adapter, which alone reads core's parse).
     */
    private static void dropAttribute(Heading h, boolean attributed) {
        if (attributed && h.getLastChild() instanceof Text t) {
            String literal = t.getLiteral();
            String trimmed = literal.stripTrailing();
            int open = trimmed.lastIndexOf('{');
            if (open >= 0 && trimmed.endsWith("}")) {
                t.setLiteral(literal.substring(0, open).stripTrailing());
            }
        }
    }

    private static Node replace(Node old, Node replacement) {
        Node c = old.getFirstChild();
        while (c != null) {
            Node next = c.getNext();
            replacement.appendChild(c);
            c = next;
        }
        old.insertAfter(replacement);
        old.unlink();
        return replacement;
    }

    private static boolean isComment(String literal) {
        if (literal == null) {
            return false;
        }
        int i = 0;
        while (i < literal.length() && Character.isWhitespace(literal.charAt(i))) {
            i++;
        }
        return literal.startsWith("<!--", i);
    }

    /** Whether a destination with a scheme uses one of the safe ones. */
    static boolean isSafe(String dest) {
        String d = dest.strip();
        if (d.startsWith("//")) {
            return true;
        }
        String scheme = d.substring(0, d.indexOf(':')).toLowerCase(Locale.ROOT);
        return SAFE_SCHEMES.contains(scheme);
    }

    /** Whether a destination starts with a URI scheme or is protocol-relative. */
    static boolean hasScheme(String dest) {
        String d = dest.strip();
        if (d.startsWith("//")) {
            return true;
        }
        int colon = d.indexOf(':');
        if (colon <= 0) {
            return false;
        }
        for (int i = 0; i < colon; i++) {
            char c = d.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                return false;
            }
        }
        return true;
    }

    private static void markHeadings(
            Node node,
            Map<Integer, String> ids,
            Set<Integer> attributed,
            Marks marks,
            LinkResolver links) {
        if (node instanceof Heading h) {
            int line = firstLine(h);
            String id = ids.get(line);
            if (id != null) {
                marks.headingIds.put(h, id);
            }
            if (attributed != null && attributed.contains(line)) {
                if (h.getLastChild() instanceof Deferred d) {
                    d.materialize(links); // the attribute is dropped from the heading's nodes
                }
                dropAttribute(h, true);
            }
            return;
        }
        for (Node c = node.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof Block) {
                markHeadings(c, ids, attributed, marks, links);
            }
        }
    }

    private static void placeNotes(
            Document document, List<DiagnosticView> diagnostics, Marks marks) {
        List<Node> blocks = new ArrayList<>();
        for (Node n = document.getFirstChild(); n != null; n = n.getNext()) {
            if (!n.getSourceSpans().isEmpty()) {
                blocks.add(n);
            }
        }
        int[] starts = new int[blocks.size()];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = firstLine(blocks.get(i));
        }
        Map<Integer, List<DiagnosticView>> byBlock = new LinkedHashMap<>();
        for (DiagnosticView d : diagnostics) {
            int line = d.line() - 1;
            int index = blockAt(starts, line);
            byBlock.computeIfAbsent(index, k -> new ArrayList<>()).add(d);
            if (index >= 0) {
                Node flagged = innermost(blocks.get(index), line);
                String severity = marks.flagged.get(flagged);
                if (severity == null || rank(d.severity()) < rank(severity)) {
                    marks.flagged.put(flagged, d.severity());
                }
                marks.lines.putIfAbsent(flagged, line + 1);
            }
        }
        byBlock.forEach(
                (index, notes) -> {
                    DiagnosticNotes block = new DiagnosticNotes(notes);
                    if (index < 0) {
                        document.prependChild(block);
                    } else {
                        blocks.get(index).insertAfter(block);
                    }
                });
    }

    private static int rank(String severity) {
        return switch (severity) {
            case "error" -> 0;
            case "warning" -> 1;
            default -> 2;
        };
    }

    /** Index of the last block starting at or before {@code line}, or -1. */
    private static int blockAt(int[] starts, int line) {
        int lo = 0;
        int hi = starts.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] <= line) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /** The deepest block under {@code block} whose lines include {@code line}. */
    private static Node innermost(Node block, int line) {
        Node current = block;
        boolean descended = true;
        while (descended) {
            descended = false;
            for (Node c = current.getFirstChild(); c != null; c = c.getNext()) {
                boolean listParagraph = c instanceof Paragraph && current instanceof ListItem;
                if (c instanceof Block && !listParagraph && covers(c, line)) {
                    current = c;
                    descended = true;
                    break;
                }
            }
        }
        return current;
    }

    private static boolean covers(Node n, int line) {
        List<SourceSpan> spans = n.getSourceSpans();
        return !spans.isEmpty()
                && spans.get(0).getLineIndex() <= line
                && spans.get(spans.size() - 1).getLineIndex() >= line;
    }

    private static int firstLine(Node n) {
        List<SourceSpan> spans = n.getSourceSpans();
        return spans.isEmpty() ? -1 : spans.get(0).getLineIndex();
    }

    /**
     * A block's inline content kept as its text, for {@link InlineHtml} to write straight into the
     * page's bytes when {@link FastHtml} meets it (the block's only child). Where {@link
     * InlineHtml} gives up, {@link #materialize} parses it with commonmark's parser, as {@link
     * PlainLineInlines} would have.
     */
    static final class Deferred extends CustomNode {
        // the block's lines joined by \n: chars[from, to), read-only
        final char[] chars;
        final int from;
        final int to;
        // its source lines, or null: then made of the content
        private final SourceLines lines;
        private final PlainLineInlines owner;

        Deferred(String content, SourceLines lines, PlainLineInlines owner) {
            this.chars = content.toCharArray();
            this.from = 0;
            this.to = chars.length;
            this.lines = lines;
            this.owner = owner;
        }

        /** The content {@code chars[from, to)}, kept as it is: the chars must not change. */
        Deferred(char[] chars, int from, int to, PlainLineInlines owner) {
            this.chars = chars;
            this.from = from;
            this.to = to;
            this.lines = null;
            this.owner = owner;
        }

        /**
         * The lines commonmark's inline parser reads: the block's own, else its content split at
         * each {@code \n} (no line holds one), without source spans, which no page reads of an
         * inline node.
         */
        private SourceLines sourceLines() {
            if (lines != null) {
                return lines;
            }
            List<SourceLine> split = new ArrayList<>();
            int start = from;
            for (int i = from; i <= to; i++) {
                if (i == to || chars[i] == '\n') {
                    split.add(SourceLine.of(new String(chars, start, i - start), null));
                    start = i + 1;
                }
            }
            return SourceLines.of(split);
        }

        /**
         * Replaces this node in its block by commonmark's inline nodes of its text, neutralized;
         * returns the block.
         */
        Node materialize(LinkResolver links) {
            Node block = getParent();
            unlink();
            owner.full().parse(sourceLines(), block);
            neutralizeChildren(block, links);
            return block;
        }
    }

    /** Per-document rendering state, carried in the tree as its first (invisible) child. */
    static final class Marks extends CustomBlock {
        final Map<Node, String> headingIds = new IdentityHashMap<>();
        final Map<Node, String> flagged = new IdentityHashMap<>();
        final Map<Node, Integer> lines = new IdentityHashMap<>();
    }

    /** The diagnostics of one block, shown after it. */
    static final class DiagnosticNotes extends CustomBlock {
        final List<DiagnosticView> notes;

        DiagnosticNotes(List<DiagnosticView> notes) {
            this.notes = List.copyOf(notes);
        }
    }

    /** Why a link is shown as text. */
    enum Kind {
        /** A relative link to a file that is not part of the site. */
        FILE,
        /** An image, which the site does not load. */
        IMAGE,
        /** A link with a scheme that could run script or leave the site unsafely. */
        UNSAFE
    }

    /** A link or image that is shown as text instead. */
    static final class OffsiteRef extends CustomNode {
        final String destination;
        final Kind kind;

        OffsiteRef(String destination, Kind kind) {
            this.destination = destination == null ? "" : destination;
            this.kind = kind;
        }
    }

    /** Adds heading ids, flags, and rel attributes to external links. */
    private static final class Attributes implements AttributeProvider {
        private Marks marks;

        @Override
        public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
            Marks m = marks(node);
            if (m != null) {
                extendAttributes(m, node, tagName, attributes);
            }
        }

        private Marks marks(Node node) {
            if (marks == null) {
                Node root = node;
                while (root.getParent() != null) {
                    root = root.getParent();
                }
                if (root.getFirstChild() instanceof Marks found) {
                    marks = found;
                }
            }
            return marks;
        }
    }

    /** What {@link Attributes} adds to a tag's attributes: heading ids, flags, rel of links. */
    static void extendAttributes(
            Marks m, Node node, String tagName, Map<String, String> attributes) {
        String id = m.headingIds.get(node);
        if (id != null) {
            attributes.put("id", id);
        }
        String severity = m.flagged.get(node);
        if (severity != null) {
            String cls = attributes.get("class");
            String flag = "flag flag-" + severity;
            attributes.put("class", cls == null ? flag : cls + " " + flag);
            attributes.put("data-line", String.valueOf(m.lines.get(node)));
        }
        if (node instanceof Link && "a".equals(tagName)) {
            attributes.put("rel", "noopener noreferrer nofollow");
        }
    }

    /** Renders {@link Marks} (as nothing), {@link DiagnosticNotes} and {@link OffsiteRef}. */
    private static final class NotesRenderer implements NodeRenderer {
        private final HtmlNodeRendererContext context;
        private final HtmlWriter html;

        NotesRenderer(HtmlNodeRendererContext context) {
            this.context = context;
            this.html = context.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Marks.class, DiagnosticNotes.class, OffsiteRef.class);
        }

        @Override
        public void render(Node node) {
            if (node instanceof DiagnosticNotes notes) {
                renderNotes(notes);
            } else if (node instanceof OffsiteRef ref) {
                renderOffsite(ref);
            }
        }

        private void renderNotes(DiagnosticNotes notes) {
            html.line();
            // attributes in a fixed order (Map.of's order changes from one JVM to another)
            Map<String, String> aside = new LinkedHashMap<>();
            aside.put("class", "notes");
            aside.put("aria-label", "Diagnostics");
            html.tag("aside", aside);
            html.tag("ul");
            for (DiagnosticView d : notes.notes) {
                Map<String, String> attrs = new LinkedHashMap<>();
                attrs.put("class", "note note-" + d.severity());
                attrs.put("id", d.anchor());
                html.tag("li", attrs);
                html.tag("span", Map.of("class", "where"));
                html.text("line " + d.line() + ":" + d.column());
                html.tag("/span");
                html.text(" ");
                html.tag("span", Map.of("class", "sev sev-" + d.severity()));
                html.text(d.severity());
                html.tag("/span");
                html.text(" ");
                html.tag("code", Map.of("class", "rule"));
                html.text(d.rule());
                html.tag("/code");
                html.text(" " + d.message());
                html.tag("/li");
            }
            html.tag("/ul");
            html.tag("/aside");
            html.line();
        }

        private void renderOffsite(OffsiteRef ref) {
            Map<String, String> attrs = new LinkedHashMap<>();
            switch (ref.kind) {
                case IMAGE -> {
                    attrs.put("class", "offsite offsite-image");
                    attrs.put("title", "Image not shown: " + ref.destination);
                }
                case FILE -> {
                    attrs.put("class", "offsite");
                    attrs.put("title", "Not part of this site: " + ref.destination);
                }
                default -> {
                    attrs.put("class", "unsafe");
                    attrs.put("title", "Link removed: its address could run script");
                }
            }
            html.tag("span", attrs);
            if (ref.kind == Kind.IMAGE) {
                html.text("image: ");
            }
            for (Node c = ref.getFirstChild(); c != null; c = c.getNext()) {
                context.render(c);
            }
            html.tag("/span");
        }
    }
}
