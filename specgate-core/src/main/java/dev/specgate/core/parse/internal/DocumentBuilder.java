package dev.specgate.core.parse.internal;

import dev.specgate.core.SourceRange;
import dev.specgate.core.model.BracketText;
import dev.specgate.core.model.ChecklistItem;
import dev.specgate.core.model.Field;
import dev.specgate.core.model.HtmlComment;
import dev.specgate.core.model.Link;
import dev.specgate.core.model.Section;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.model.TextMark;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;

/** Turns commonmark's block tree into a {@link SpecDocument}. One instance per parse. */
public final class DocumentBuilder {

    private static final Pattern TASK_BOX = Pattern.compile("^\\[([ xX])\\](?=[ \\t]|$)");
    private static final Pattern ANY_BOX = Pattern.compile("^\\[[ xX]{0,3}\\](?![(\\[:])");
    private static final Pattern BOX_WITHOUT_MARKER_SPACE =
            Pattern.compile("^(?:[-*+]|\\d{1,9}[.)])\\[[ xX]{0,3}\\]");
    private static final Pattern HTML_ID =
            Pattern.compile("\\b(?:id|name)\\s*=\\s*[\"']([^\"']+)[\"']");
    private static final Pattern COMMENT = Pattern.compile("<!--(.*?)-->", Pattern.DOTALL);

    private final int lineCount;
    private final Map<String, String> references = new HashMap<>();
    private final List<SectionDraft> sections = new ArrayList<>();
    private final List<Field> fields = new ArrayList<>();
    private final List<ChecklistItem> checklist = new ArrayList<>();
    private final List<Link> links = new ArrayList<>();
    private final List<BracketText> brackets = new ArrayList<>();
    private final List<TextMark> marks = new ArrayList<>();
    private final List<TextMark> malformed = new ArrayList<>();
    private final Set<String> anchors = new HashSet<>();
    private final List<HtmlComment> comments = new ArrayList<>();
    private final AnchorSlugs slugs = new AnchorSlugs();
    private int currentSection = -1;

    private static final class SectionDraft {
        final int level;
        final String title;
        final SourceRange range;
        boolean hasBody;

        SectionDraft(int level, String title, SourceRange range) {
            this.level = level;
            this.title = title;
            this.range = range;
        }
    }

    private DocumentBuilder(int lineCount) {
        this.lineCount = lineCount;
    }

    /** Builds the document model of a parsed commonmark tree. */
    public static SpecDocument build(Node document, int lineCount) {
        DocumentBuilder b = new DocumentBuilder(lineCount);
        b.collectReferences(document);
        b.visitChildren(document, 0);
        return b.finish();
    }

    private void collectReferences(Node node) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof LinkReferenceDefinition def) {
                references.putIfAbsent(
                        InlineScanner.normalizeLabel(def.getLabel()), def.getDestination());
            } else if (child.getFirstChild() != null
                    && !(child instanceof Paragraph)
                    && !(child instanceof Heading)) {
                collectReferences(child);
            }
        }
    }

    private void visitChildren(Node node, int listDepth) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            visit(child, listDepth);
        }
    }

    private void visit(Node node, int listDepth) {
        if (node instanceof Heading h) {
            heading(h);
        } else if (node instanceof Paragraph p) {
            markBody();
            paragraph(p);
        } else if (node instanceof ListItem item) {
            markBody();
            listItem(item, listDepth);
        } else if (node instanceof HtmlBlock html) {
            htmlBlock(html);
        } else if (node instanceof FencedCodeBlock || node instanceof IndentedCodeBlock) {
            markBody();
        } else if (node instanceof ThematicBreak || node instanceof LinkReferenceDefinition) {
            return;
        } else if (node instanceof TableCell cell) {
            inline(cell, 0, 0);
        } else {
            if (node instanceof BlockQuote || node.getClass().getSimpleName().startsWith("Table")) {
                markBody();
            }
            visitChildren(node, listDepth);
        }
    }

    private void markBody() {
        if (currentSection >= 0) {
            sections.get(currentSection).hasBody = true;
        }
    }

    private void heading(Heading h) {
        List<RawLine> lines = lines(h);
        StringBuilder title = new StringBuilder();
        for (RawLine line : lines) {
            if (title.length() > 0) {
                title.append(' ');
            }
            title.append(line.content().trim());
        }
        SourceRange range = blockRange(h);
        sections.add(new SectionDraft(h.getLevel(), title.toString(), range));
        currentSection = sections.size() - 1;
        anchors.add(slugs.next(title.toString()));
        if (!lines.isEmpty()) {
            scanInline(new InlineText(lines), 0, h.getLevel());
        }
    }

    private void paragraph(Paragraph p) {
        List<RawLine> lines = lines(p);
        if (lines.isEmpty()) {
            return;
        }
        InlineText inline = new InlineText(lines);
        InlineScanner scanner = new InlineScanner(inline, references);
        boolean inList = p.getParent() instanceof ListItem;
        String masked = scanner.masked();
        for (int i = 0; i < inline.lineCount(); i++) {
            String line = masked.substring(inline.lineStart(i), inline.lineEnd(i));
            int indent = 0;
            while (indent < line.length()
                    && (line.charAt(indent) == ' ' || line.charAt(indent) == '\t')) {
                indent++;
            }
            Matcher m = BOX_WITHOUT_MARKER_SPACE.matcher(line.substring(indent));
            if (m.find()) {
                int from = inline.lineStart(i) + indent;
                malformed.add(
                        new TextMark(
                                scanner.text(from, from + m.end()),
                                scanner.range(from, from + m.end()),
                                currentSection));
            }
            for (InlineScanner.Label label : scanner.labels(i, true, 0)) {
                fields.add(field(scanner, label, inList));
            }
        }
        scanner.scan(0, sink(0));
    }

    private void listItem(ListItem item, int listDepth) {
        Node first = item.getFirstChild();
        if (first instanceof Paragraph p && !lines(p).isEmpty()) {
            markBodyOnly();
            listItemParagraph(item, p, listDepth);
            for (Node child = first.getNext(); child != null; child = child.getNext()) {
                visit(child, listDepth + 1);
            }
        } else {
            visitChildren(item, listDepth + 1);
        }
    }

    private void markBodyOnly() {
        markBody();
    }

    private void listItemParagraph(ListItem item, Paragraph p, int listDepth) {
        List<RawLine> lines = lines(p);
        InlineText inline = new InlineText(lines);
        InlineScanner scanner = new InlineScanner(inline, references);
        String firstLine = inline.text().substring(0, inline.lineEnd(0));
        Matcher task = TASK_BOX.matcher(firstLine);
        int skip = 0;
        SourceRange itemRange = itemRange(item, lines.get(0));
        if (task.find()) {
            skip = 3;
            List<Field> itemFields = new ArrayList<>();
            for (int i = 0; i < inline.lineCount(); i++) {
                for (InlineScanner.Label label : scanner.labels(i, false, i == 0 ? 3 : 0)) {
                    Field f = field(scanner, label, true);
                    itemFields.add(f);
                    fields.add(f);
                }
            }
            String text = inline.text().substring(3).replace('\n', ' ').trim();
            checklist.add(
                    new ChecklistItem(
                            !task.group(1).equals(" "),
                            text,
                            listDepth,
                            itemRange,
                            scanner.range(0, 3),
                            currentSection,
                            itemFields));
        } else {
            Matcher box = ANY_BOX.matcher(firstLine);
            if (box.find()) {
                skip = box.end();
                malformed.add(
                        new TextMark(
                                firstLine.substring(0, box.end()),
                                scanner.range(0, box.end()),
                                currentSection));
            }
            for (InlineScanner.Label label : scanner.labels(0, true, skip)) {
                fields.add(field(scanner, label, true));
            }
        }
        scanner.scan(skip, sink(0));
    }

    private SourceRange itemRange(ListItem item, RawLine firstLine) {
        List<SourceSpan> spans = item.getSourceSpans();
        int endColumn = firstLine.columnIndex() + firstLine.content().length();
        if (spans.isEmpty()) {
            return SourceRange.ofLine(firstLine.lineIndex(), firstLine.columnIndex(), endColumn);
        }
        SourceSpan s = spans.get(0);
        if (s.getLineIndex() != firstLine.lineIndex()) {
            return SourceRange.ofLine(firstLine.lineIndex(), firstLine.columnIndex(), endColumn);
        }
        return SourceRange.ofLine(
                s.getLineIndex(), s.getColumnIndex(), Math.max(endColumn, s.getColumnIndex()));
    }

    private Field field(InlineScanner scanner, InlineScanner.Label label, boolean inList) {
        return new Field(
                label.label(),
                scanner.text(label.valueStart(), label.valueEnd()),
                scanner.range(label.labelStart(), label.labelEnd()),
                scanner.range(label.valueStart(), label.valueEnd()),
                currentSection,
                inList);
    }

    private void htmlBlock(HtmlBlock html) {
        String literal = html.getLiteral();
        int line =
                html.getSourceSpans().isEmpty() ? 0 : html.getSourceSpans().get(0).getLineIndex();
        Matcher m = COMMENT.matcher(literal);
        // an opener after the last closer would make each find() rescan to the end
        m.region(0, Math.max(0, literal.lastIndexOf("-->") + 3));
        StringBuilder rest = new StringBuilder();
        int last = 0;
        while (m.find()) {
            rest.append(literal, last, m.start());
            last = m.end();
            int commentLine = line + countNewlines(literal, m.start());
            comments.add(new HtmlComment(m.group(1).trim(), commentLine));
        }
        rest.append(literal.substring(last));
        if (!rest.toString().isBlank()) {
            markBody();
            Matcher id = HTML_ID.matcher(literal);
            while (id.find()) {
                anchors.add(id.group(1));
            }
        }
    }

    private static int countNewlines(String s, int end) {
        int n = 0;
        for (int i = 0; i < end; i++) {
            if (s.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    private void inline(Node block, int skip, int headingLevel) {
        List<RawLine> lines = lines(block);
        if (!lines.isEmpty()) {
            scanInline(new InlineText(lines), skip, headingLevel);
        }
    }

    private void scanInline(InlineText inline, int skip, int headingLevel) {
        new InlineScanner(inline, references).scan(skip, sink(headingLevel));
    }

    private InlineScanner.Sink sink(int headingLevel) {
        int section = currentSection;
        return new InlineScanner.Sink() {
            @Override
            public void link(String destination, boolean image, SourceRange range) {
                links.add(new Link(destination, image, range, section));
            }

            @Override
            public void bracket(String text, SourceRange range) {
                brackets.add(new BracketText(text, range, section, headingLevel));
            }

            @Override
            public void dateToken(SourceRange range) {
                marks.add(new TextMark(InlineScanner.DATE_TOKEN, range, section));
            }

            @Override
            public void comment(String text, int line) {
                comments.add(new HtmlComment(text, line));
            }
        };
    }

    private static List<RawLine> lines(Node block) {
        List<RawLine> lines = new ArrayList<>();
        for (Node child = block.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Text t && !t.getSourceSpans().isEmpty()) {
                SourceSpan span = t.getSourceSpans().get(0);
                lines.add(new RawLine(t.getLiteral(), span.getLineIndex(), span.getColumnIndex()));
            }
        }
        return lines;
    }

    private static SourceRange blockRange(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        if (spans.isEmpty()) {
            return SourceRange.fileStart();
        }
        SourceSpan first = spans.get(0);
        SourceSpan last = spans.get(spans.size() - 1);
        return new SourceRange(
                first.getLineIndex(),
                first.getColumnIndex(),
                last.getLineIndex(),
                last.getColumnIndex() + last.getLength());
    }

    private SpecDocument finish() {
        int n = sections.size();
        List<Section> result = new ArrayList<>(n);
        int[] parent = new int[n];
        int[] end = new int[n];
        boolean[] hasSub = new boolean[n];
        ArrayDeque<Integer> open = new ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            int level = sections.get(i).level;
            while (!open.isEmpty() && sections.get(open.peek()).level >= level) {
                end[open.pop()] = sections.get(i).range.startLine();
            }
            parent[i] = open.isEmpty() ? -1 : open.peek();
            if (!open.isEmpty()) {
                hasSub[open.peek()] = true;
            }
            open.push(i);
        }
        while (!open.isEmpty()) {
            end[open.pop()] = lineCount;
        }
        for (int i = 0; i < n; i++) {
            SectionDraft d = sections.get(i);
            result.add(
                    new Section(
                            i, d.level, d.title, d.range, parent[i], d.hasBody, hasSub[i], end[i]));
        }
        return new SpecDocument(
                lineCount, result, fields, checklist, links, brackets, marks, malformed, anchors,
                comments);
    }
}
