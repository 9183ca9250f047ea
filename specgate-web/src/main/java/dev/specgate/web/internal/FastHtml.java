package dev.specgate.web.internal;

import dev.specgate.web.internal.SpecHtmlRenderer.Deferred;
import dev.specgate.web.internal.SpecHtmlRenderer.DiagnosticNotes;
import dev.specgate.web.internal.SpecHtmlRenderer.Kind;
import dev.specgate.web.internal.SpecHtmlRenderer.Marks;
import dev.specgate.web.internal.SpecHtmlRenderer.OffsiteRef;
import dev.specgate.web.view.DiagnosticView;
import java.util.LinkedHashMap;
import java.util.Map;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.task.list.items.TaskListItemMarker;
import org.commonmark.internal.util.Escaping;
import org.commonmark.node.Block;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Document;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.renderer.html.UrlSanitizer;

/**
 * The HTML commonmark 0.30's {@code HtmlRenderer} writes for a spec page's tree, as the renderer is
 * configured in {@link SpecHtmlRenderer} (escaped HTML, sanitized and percent-encoded URLs, the
 * tables and task list extensions, its attribute provider and note renderer), written straight into
 * the page's UTF-8 bytes ({@link HtmlBytes}): no renderer lookup per node, no attribute map per tag
 * unless the tag has attributes. Each method is the port of the one commonmark (or the extension,
 * or {@code SpecHtmlRenderer}'s own renderer) uses for that node, with its {@code HtmlWriter}'s
 * rule for line ends. A tree holding any other kind of node (an image left, a link reference
 * definition) is left to commonmark's renderer. {@code OneParseRenderingTest} and {@code
 * InlineHtmlTest} hold both equal.
 */
final class FastHtml {

    private final HtmlBytes out;
    private final Marks marks;
    private final UrlSanitizer sanitizer;
    private final LinkResolver links;
    private final InlineHtml inlines;
    private char last;
    // the kept block whose tokens InlineHtml holds, and the chars of its task marker to leave out
    private Deferred scanned;
    private int markerSkip;

    private FastHtml(
            HtmlBytes out,
            Marks marks,
            UrlSanitizer sanitizer,
            LinkResolver links,
            InlineHtml inlines) {
        this.out = out;
        this.marks = marks;
        this.sanitizer = sanitizer;
        this.links = links;
        this.inlines = inlines;
    }

    /** A node of a kind this renderer does not write: the tree is left to commonmark. */
    static final class Unhandled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unhandled() {
            super(null, null, false, false);
        }
    }

    /**
     * Writes {@code document} (whose first child is its {@link Marks}) into {@code out}; or, when
     * the tree holds a node of a kind this renderer does not write (an image, a link reference
     * definition), returns false with {@code out} as it was. The kinds are checked as the tree is
     * written: no walk of the tree before.
     */
    static boolean render(
            Node document,
            Marks marks,
            UrlSanitizer sanitizer,
            LinkResolver links,
            InlineHtml inlines,
            HtmlBytes out) {
        int length = out.size();
        try {
            new FastHtml(out, marks, sanitizer, links, inlines).node(document);
            return true;
        } catch (Unhandled e) {
            out.truncate(length);
            return false;
        }
    }

    private void node(Node node) {
        if (node instanceof Text t) {
            text(t.getLiteral());
        } else if (node instanceof Deferred d) {
            inlines(d);
        } else if (node instanceof Paragraph p) {
            paragraph(p);
        } else if (node instanceof ListItem) {
            tag(node, "li", null);
            taskMarker(node);
            children(node);
            raw("</li>");
            line();
        } else if (node instanceof StrongEmphasis) {
            tag(node, "strong", null);
            children(node);
            raw("</strong>");
        } else if (node instanceof Code c) {
            tag(node, "code", null);
            text(c.getLiteral());
            raw("</code>");
        } else if (node instanceof SoftLineBreak) {
            raw("\n");
        } else if (node instanceof Emphasis) {
            tag(node, "em", null);
            children(node);
            raw("</em>");
        } else if (node instanceof Link link) {
            link(link);
        } else if (node instanceof BulletList) {
            list(node, "ul", "</ul>", null);
        } else if (node instanceof OrderedList ol) {
            int start = ol.getMarkerStartNumber() != null ? ol.getMarkerStartNumber() : 1;
            Map<String, String> attrs = null;
            if (start != 1) {
                attrs = new LinkedHashMap<>();
                attrs.put("start", String.valueOf(start));
            }
            list(node, "ol", "</ol>", attrs);
        } else if (node instanceof Heading h) {
            int level = h.getLevel();
            line();
            tag(node, HEADINGS[level], null);
            children(node);
            raw(HEADING_ENDS[level]);
            line();
        } else if (node instanceof TaskListItemMarker m) {
            Map<String, String> attrs = new LinkedHashMap<>();
            attrs.put("type", "checkbox");
            attrs.put("disabled", "");
            if (m.isChecked()) {
                attrs.put("checked", "");
            }
            tag(node, "input", attrs);
            text(" ");
            children(node);
        } else if (node instanceof TableCell cell) {
            String name = cell.isHeader() ? "th" : "td";
            line();
            Map<String, String> attrs = null;
            if (cell.getAlignment() != null) {
                attrs = new LinkedHashMap<>();
                attrs.put("align", align(cell.getAlignment()));
            }
            tag(node, name, attrs);
            children(node);
            raw(cell.isHeader() ? "</th>" : "</td>");
            line();
        } else if (node instanceof TableRow) {
            tableBlock(node, "tr", "</tr>");
        } else if (node instanceof TableBlock) {
            tableBlock(node, "table", "</table>");
        } else if (node instanceof TableHead) {
            tableBlock(node, "thead", "</thead>");
        } else if (node instanceof TableBody) {
            tableBlock(node, "tbody", "</tbody>");
        } else if (node instanceof HardLineBreak) {
            voidTag(node, "br", null);
            line();
        } else if (node instanceof FencedCodeBlock f) {
            Map<String, String> attrs = new LinkedHashMap<>();
            String info = f.getInfo();
            if (info != null && !info.isEmpty()) {
                int space = info.indexOf(" ");
                attrs.put("class", "language-" + (space == -1 ? info : info.substring(0, space)));
            }
            codeBlock(f.getLiteral(), node, attrs);
        } else if (node instanceof IndentedCodeBlock i) {
            codeBlock(i.getLiteral(), node, null);
        } else if (node instanceof BlockQuote) {
            line();
            tag(node, "blockquote", null);
            line();
            children(node);
            line();
            raw("</blockquote>");
            line();
        } else if (node instanceof HtmlBlock b) {
            line();
            tag(node, "p", null);
            text(b.getLiteral());
            raw("</p>");
            line();
        } else if (node instanceof HtmlInline i) {
            text(i.getLiteral());
        } else if (node instanceof ThematicBreak) {
            line();
            voidTag(node, "hr", null);
            line();
        } else if (node instanceof DiagnosticNotes notes) {
            notes(notes);
        } else if (node instanceof OffsiteRef ref) {
            offsite(ref);
        } else if (node instanceof Document) {
            children(node);
        } else if (!(node instanceof Marks)) {
            throw new Unhandled();
        }
    }

    /**
     * A kept block's inline content, written by {@link InlineHtml} from its text; or, where that
     * gives up, parsed by commonmark into the block and written node by node.
     */
    private void inlines(Deferred d) {
        if (scanned != d && !inlines.scan(d.chars, d.from, d.to)) {
            children(d.materialize(links));
            return;
        }
        scanned = null;
        int skip = markerSkip;
        markerSkip = 0;
        last = inlines.write(out, links, skip, last);
    }

    /**
     * The task list extension's post-processor for {@code item} (whose tag is written): a first
     * paragraph whose first text is a task marker ({@code SpecHtmlRenderer.TaskItems.marker}) gets
     * the checkbox, written here, and loses the marker's text.
     */
    private void taskMarker(Node item) {
        if (!(item.getFirstChild() instanceof Paragraph p)) {
            return;
        }
        Node first = p.getFirstChild();
        if (first instanceof Deferred d) {
            if (inlines.scan(d.chars, d.from, d.to)) {
                scanned = d;
                String literal = inlines.markerText();
                int rest = SpecHtmlRenderer.TaskItems.marker(literal);
                if (rest >= 0) {
                    checkbox(literal.charAt(1));
                    markerSkip = rest;
                }
                return;
            }
            d.materialize(links);
            first = p.getFirstChild();
        }
        if (first instanceof Text text) {
            String literal = text.getLiteral();
            int rest = SpecHtmlRenderer.TaskItems.marker(literal);
            if (rest >= 0) {
                checkbox(literal.charAt(1));
                text.setLiteral(literal.substring(rest));
            }
        }
    }

    /** A {@code TaskListItemMarker}'s HTML. */
    private void checkbox(char checked) {
        raw(
                checked == 'x' || checked == 'X'
                        ? "<input type=\"checkbox\" disabled=\"\" checked=\"\">"
                        : "<input type=\"checkbox\" disabled=\"\">");
        text(" ");
    }

    private void children(Node parent) {
        Node node = parent.getFirstChild();
        while (node != null) {
            Node next = node.getNext();
            node(node);
            node = next;
        }
    }

    private void paragraph(Paragraph p) {
        boolean omitP =
                p.getParent() != null && p.getParent().getParent() instanceof ListBlock list
                        ? list.isTight()
                        : false;
        if (!omitP) {
            line();
            tag(p, "p", null);
        }
        children(p);
        if (!omitP) {
            raw("</p>");
            line();
        }
    }

    private void list(Node list, String name, String end, Map<String, String> attrs) {
        line();
        tag(list, name, attrs);
        line();
        children(list);
        line();
        raw(end);
        line();
    }

    private void tableBlock(Node node, String name, String end) {
        line();
        tag(node, name, null);
        children(node);
        raw(end);
        line();
    }

    private static final String[] HEADINGS = {"", "h1", "h2", "h3", "h4", "h5", "h6"};
    private static final String[] HEADING_ENDS = {
        "", "</h1>", "</h2>", "</h3>", "</h4>", "</h5>", "</h6>"
    };

    private void codeBlock(String literal, Node node, Map<String, String> attrs) {
        line();
        tag(node, "pre", null);
        tag(node, "code", attrs);
        text(literal);
        raw("</code></pre>");
        line();
    }

    private void link(Link link) {
        Map<String, String> attrs = new LinkedHashMap<>();
        String url = sanitizer.sanitizeLinkUrl(link.getDestination());
        attrs.put("rel", "nofollow");
        attrs.put("href", percentEncode(url));
        if (link.getTitle() != null) {
            attrs.put("title", link.getTitle());
        }
        tag(link, "a", attrs);
        children(link);
        raw("</a>");
    }

    /** The characters {@code Escaping.percentEncodeUrl} keeps as they are; '%' is not one. */
    private static final boolean[] URL_SAFE = new boolean[128];

    static {
        for (char c : ":/?#@!$&'()*+,;=-._~".toCharArray()) {
            URL_SAFE[c] = true;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            URL_SAFE[c] = true;
            URL_SAFE[Character.toUpperCase(c)] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            URL_SAFE[c] = true;
        }
    }

    /**
     * {@code Escaping.percentEncodeUrl}: a URL of safe characters alone (most) is returned as it
     * is, which is what its pattern, finding nothing to replace, returns.
     */
    static String percentEncode(String url) {
        for (int i = 0, n = url.length(); i < n; i++) {
            char c = url.charAt(i);
            if (c >= 128 || !URL_SAFE[c]) {
                return Escaping.percentEncodeUrl(url);
            }
        }
        return url;
    }

    private static String align(TableCell.Alignment a) {
        return switch (a) {
            case LEFT -> "left";
            case CENTER -> "center";
            case RIGHT -> "right";
        };
    }

    /** {@code NotesRenderer.renderNotes}. */
    private void notes(DiagnosticNotes notes) {
        line();
        raw("<aside class=\"notes\" aria-label=\"Diagnostics\"><ul>");
        for (DiagnosticView d : notes.notes) {
            raw("<li class=\"");
            text("note note-" + d.severity());
            raw("\" id=\"");
            text(d.anchor());
            raw("\"><span class=\"where\">");
            text("line " + d.line() + ":" + d.column());
            raw("</span> <span class=\"");
            text("sev sev-" + d.severity());
            raw("\">");
            text(d.severity());
            raw("</span> <code class=\"rule\">");
            text(d.rule());
            raw("</code>");
            text(" " + d.message());
            raw("</li>");
        }
        raw("</ul></aside>");
        line();
    }

    /** {@code NotesRenderer.renderOffsite}. */
    private void offsite(OffsiteRef ref) {
        String cls;
        String title;
        switch (ref.kind) {
            case IMAGE -> {
                cls = "offsite offsite-image";
                title = "Image not shown: " + ref.destination;
            }
            case FILE -> {
                cls = "offsite";
                title = "Not part of this site: " + ref.destination;
            }
            default -> {
                cls = "unsafe";
                title = "Link removed: its address could run script";
            }
        }
        raw("<span class=\"");
        text(cls);
        raw("\" title=\"");
        text(title);
        raw("\">");
        if (ref.kind == Kind.IMAGE) {
            text("image: ");
        }
        children(ref);
        raw("</span>");
    }

    /** {@code HtmlWriter.tag} with the attributes {@code extendAttributes} gives. */
    private void tag(Node node, String name, Map<String, String> defaults) {
        open(node, name, defaults);
        out.ascii('>');
        last = '>';
    }

    private void voidTag(Node node, String name, Map<String, String> defaults) {
        open(node, name, defaults);
        raw(" />");
    }

    private void open(Node node, String name, Map<String, String> defaults) {
        out.ascii('<');
        out.ascii(name);
        Map<String, String> attrs = defaults;
        // only a link, a flagged block (the innermost block of a finding) or a heading with an id
        // gets attributes of its own: the maps are asked only for a node that could be in them
        if (node instanceof Link
                || (node instanceof Block
                        && ((!marks.flagged.isEmpty() && marks.flagged.containsKey(node))
                                || (node instanceof Heading
                                        && marks.headingIds.containsKey(node))))) {
            attrs = defaults == null ? new LinkedHashMap<>() : defaults;
            SpecHtmlRenderer.extendAttributes(marks, node, name, attrs);
        }
        if (attrs != null) {
            for (Map.Entry<String, String> a : attrs.entrySet()) {
                out.ascii(' ');
                text(a.getKey());
                if (a.getValue() != null) {
                    out.ascii("=\"");
                    text(a.getValue());
                    out.ascii('"');
                }
            }
        }
    }

    /** {@code HtmlWriter.line}. */
    private void line() {
        if (last != 0 && last != '\n') {
            out.ascii('\n');
            last = '\n';
        }
    }

    /** Tags and the like: ASCII only. */
    private void raw(String s) {
        int n = s.length();
        if (n != 0) {
            out.ascii(s);
            last = s.charAt(n - 1);
        }
    }

    /** {@code HtmlWriter.text}: {@code &}, {@code <}, {@code >} and {@code "} escaped. */
    private void text(String s) {
        int n = s.length();
        if (n == 0) {
            return;
        }
        out.text(s);
        char c = s.charAt(n - 1);
        last = c == '&' || c == '<' || c == '>' || c == '"' ? ';' : c;
    }
}
