package dev.specgate.lsp;

import dev.specgate.core.model.LinkDefinition;
import dev.specgate.core.model.Section;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.parse.HeadingAnchors;
import dev.specgate.lsp.WorkspaceSpecs.SpecView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.lsp4j.DocumentLink;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeKind;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * Navigation in and across specs: folding ranges, document links, go to definition of a link or
 * anchor, the references to a heading from every spec of the workspace, and the rename of a heading
 * with every {@code #anchor} pointing at it.
 */
final class SpecNavigation {

    private final WorkspaceSpecs workspace;

    SpecNavigation(WorkspaceSpecs workspace) {
        this.workspace = workspace;
    }

    /** Each section from its heading to its last line, and each multi-line HTML comment. */
    static List<FoldingRange> folding(SpecView v) {
        List<FoldingRange> out = new ArrayList<>();
        for (Section s : v.doc().sections()) {
            int last = lastContentLine(v, s.line(), s.endLine() - 1);
            if (last > s.range().endLine()) {
                FoldingRange r = new FoldingRange(s.line(), last);
                r.setKind(FoldingRangeKind.Region);
                out.add(r);
            }
        }
        String text = v.source().text();
        int from = 0;
        while (true) {
            int open = text.indexOf("<!--", from);
            if (open < 0) {
                break;
            }
            int close = text.indexOf("-->", open + 4);
            if (close < 0) {
                break;
            }
            int a = v.source().lineOf(open);
            int b = v.source().lineOf(close);
            if (b > a) {
                FoldingRange r = new FoldingRange(a, b);
                r.setKind(FoldingRangeKind.Comment);
                out.add(r);
            }
            from = close + 3;
        }
        return out;
    }

    private static int lastContentLine(SpecView v, int first, int last) {
        int line = Math.min(last, v.source().lineCount() - 1);
        while (line > first
                && v.source()
                        .text()
                        .substring(v.source().lineStart(line), v.source().lineEnd(line))
                        .isBlank()) {
            line--;
        }
        return line;
    }

    /** Every link to an existing file or heading, as a link the editor follows. */
    List<DocumentLink> links(SpecView v) {
        List<DocumentLink> out = new ArrayList<>();
        for (SpecLinks l : v.links()) {
            Optional<Location> to = target(v, l);
            if (to.isEmpty()) {
                continue;
            }
            String target = to.get().getUri();
            if (l.fragment() != null && !l.fragment().isEmpty()) {
                target = target + "#L" + (to.get().getRange().getStart().getLine() + 1);
            }
            DocumentLink d = new DocumentLink(v.adapter().range(l.link().range()), target);
            d.setTooltip(
                    l.path().isEmpty()
                            ? "Go to the heading '#" + l.fragment() + "'"
                            : "Open " + l.path());
            out.add(d);
        }
        return out;
    }

    /** Where a link leads: the heading its fragment names, else the top of the file. */
    Optional<Location> target(SpecView v, SpecLinks l) {
        Optional<Path> file = l.target(v.file());
        if (file.isEmpty()) {
            return Optional.empty();
        }
        if (l.fragment() == null || l.fragment().isEmpty()) {
            if (!Files.exists(file.get())) {
                return Optional.empty();
            }
            Range top = new Range(new Position(0, 0), new Position(0, 0));
            return Optional.of(new Location(file.get().toUri().toString(), top));
        }
        Optional<SpecView> other =
                file.get().equals(v.file()) ? Optional.of(v) : workspace.view(file.get());
        if (other.isEmpty()) {
            return Optional.empty();
        }
        int h = other.get().heading(l.fragment());
        if (h < 0) {
            return Optional.empty();
        }
        Section s = other.get().doc().sections().get(h);
        return Optional.of(new Location(other.get().uri(), other.get().adapter().range(s.range())));
    }

    /** The link under the cursor, if any. */
    static Optional<SpecLinks> linkAt(SpecView v, Position p) {
        int offset = v.adapter().offset(p);
        for (SpecLinks l : v.links()) {
            int start = v.source().startOffset(l.link().range());
            int end = v.source().endOffset(l.link().range());
            if (offset >= start && offset <= end) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /** The heading on the cursor's line, if any. */
    static Optional<Section> headingAt(SpecView v, Position p) {
        int line = v.adapter().line(p);
        for (Section s : v.doc().sections()) {
            if (s.range().startLine() <= line && s.range().endLine() >= line) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** Go to definition: from a link to the heading or file it points at. */
    List<Location> definition(SpecView v, Position p) {
        return linkAt(v, p).flatMap(l -> target(v, l)).map(List::of).orElse(List.of());
    }

    /**
     * The references to the heading under the cursor (or to the heading a link under the cursor
     * points at): every link in the workspace's specs whose fragment is its id, and the heading
     * itself when the client asks for the declaration.
     */
    List<Location> references(SpecView v, Position p, boolean declaration) {
        Optional<HeadingRef> h = heading(v, p);
        if (h.isEmpty()) {
            return List.of();
        }
        List<Location> out = new ArrayList<>();
        if (declaration) {
            out.add(
                    new Location(
                            h.get().view.uri(),
                            h.get().view.adapter().range(h.get().section.range())));
        }
        for (Map.Entry<SpecView, List<SpecLinks>> e : pointingAt(h.get()).entrySet()) {
            for (SpecLinks l : e.getValue()) {
                out.add(
                        new Location(
                                e.getKey().uri(), e.getKey().adapter().range(l.link().range())));
            }
        }
        return out;
    }

    /** A heading and the spec it is in. */
    private record HeadingRef(SpecView view, Section section, String anchor) {}

    /** The heading under the cursor, or the one a link under the cursor points at. */
    private Optional<HeadingRef> heading(SpecView v, Position p) {
        Optional<Section> here = headingAt(v, p);
        if (here.isPresent()) {
            return Optional.of(new HeadingRef(v, here.get(), v.anchors().get(here.get().index())));
        }
        Optional<SpecLinks> link = linkAt(v, p);
        if (link.isEmpty() || link.get().fragment() == null || link.get().fragment().isEmpty()) {
            return Optional.empty();
        }
        Optional<Path> file = link.get().target(v.file());
        if (file.isEmpty()) {
            return Optional.empty();
        }
        Optional<SpecView> other =
                file.get().equals(v.file()) ? Optional.of(v) : workspace.view(file.get());
        if (other.isEmpty()) {
            return Optional.empty();
        }
        int i = other.get().heading(link.get().fragment());
        return i < 0
                ? Optional.empty()
                : Optional.of(
                        new HeadingRef(
                                other.get(),
                                other.get().doc().sections().get(i),
                                other.get().anchors().get(i)));
    }

    /** Every link of every workspace spec whose target is {@code h}, by spec. */
    private Map<SpecView, List<SpecLinks>> pointingAt(HeadingRef h) {
        Map<SpecView, List<SpecLinks>> out = new LinkedHashMap<>();
        for (Path file : workspace.files()) {
            Optional<SpecView> v =
                    file.equals(h.view.file()) ? Optional.of(h.view) : workspace.view(file);
            if (v.isEmpty()) {
                continue;
            }
            List<SpecLinks> found = new ArrayList<>();
            for (SpecLinks l : v.get().links()) {
                if (l.fragment() != null
                        && h.view.heading(l.fragment()) == h.section.index()
                        && l.target(v.get().file()).filter(h.view.file()::equals).isPresent()) {
                    found.add(l);
                }
            }
            if (!found.isEmpty()) {
                out.put(v.get(), found);
            }
        }
        return out;
    }

    /** The heading's title under the cursor, which rename changes. */
    Optional<PrepareRenameResult> prepareRename(SpecView v, Position p) {
        Optional<HeadingRef> h = heading(v, p);
        if (h.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PrepareRenameResult(titleRange(h.get()), h.get().section.title()));
    }

    /**
     * Renames the heading under the cursor (or that a link under it points at) to {@code title}:
     * its text, and the fragment of every link in the workspace that points at it.
     */
    WorkspaceEdit rename(SpecView v, Position p, String title) {
        Optional<HeadingRef> h = heading(v, p);
        if (h.isEmpty()) {
            throw new ResponseErrorException(
                    new ResponseError(
                            ResponseErrorCode.InvalidParams,
                            "rename works on a heading, or on a link to one",
                            null));
        }
        String newTitle = title.strip();
        if (newTitle.isEmpty() || newTitle.contains("\n") || newTitle.contains("\r")) {
            throw new ResponseErrorException(
                    new ResponseError(
                            ResponseErrorCode.InvalidParams,
                            "a heading is one line of text, not empty",
                            null));
        }
        HeadingRef ref = h.get();
        Range range = titleRange(ref);
        int start = ref.view.adapter().offset(range.getStart());
        int end = ref.view.adapter().offset(range.getEnd());
        String after =
                ref.view.source().text().substring(0, start)
                        + newTitle
                        + ref.view.source().text().substring(end);
        SpecDocument renamed =
                (ref.view.project() != null ? ref.view.project() : SpecInspection.unconfigured())
                        .parse(after);
        List<String> ids = HeadingAnchors.of(renamed);
        String newAnchor =
                ref.section.index() < ids.size() ? ids.get(ref.section.index()) : ref.anchor;
        Map<String, List<TextEdit>> changes = new LinkedHashMap<>();
        changes.computeIfAbsent(ref.view.uri(), k -> new ArrayList<>())
                .add(new TextEdit(range, newTitle));
        if (!newAnchor.equals(ref.anchor)) {
            for (Map.Entry<SpecView, List<SpecLinks>> e : pointingAt(ref).entrySet()) {
                // where each fragment starts, and its length as written (it may be
                // percent-encoded or in another case than the heading's anchor)
                Map<Integer, Integer> fragments = new TreeMap<>();
                for (SpecLinks l : e.getValue()) {
                    if (l.fragmentStart() >= 0) {
                        fragments.put(l.fragmentStart(), l.fragment().length());
                    } else {
                        // a reference link: the definitions core read name the target
                        definitionFragments(e.getKey(), l.link().destination(), fragments);
                    }
                }
                for (Map.Entry<Integer, Integer> f : fragments.entrySet()) {
                    int fs = f.getKey();
                    changes.computeIfAbsent(e.getKey().uri(), k -> new ArrayList<>())
                            .add(
                                    new TextEdit(
                                            e.getKey()
                                                    .adapter()
                                                    .rangeOfOffsets(fs, fs + f.getValue()),
                                            newAnchor));
                }
            }
        }
        return new WorkspaceEdit(changes);
    }

    /** Where a heading's text stands on its line, without the {@code #} marks or closing marks. */
    private static Range titleRange(HeadingRef h) {
        SpecView v = h.view;
        int line = h.section.line();
        int lineStart = v.source().lineStart(line);
        String text = v.source().text().substring(lineStart, v.source().lineEnd(line));
        int at = text.indexOf(h.section.title());
        if (at < 0) {
            int s = 0;
            while (s < text.length() && (text.charAt(s) == '#' || text.charAt(s) == ' ')) {
                s++;
            }
            return v.adapter().rangeOfOffsets(lineStart + s, lineStart + text.length());
        }
        return v.adapter()
                .rangeOfOffsets(lineStart + at, lineStart + at + h.section.title().length());
    }

    /**
     * Adds where the fragment starts, and its length as written, in each link reference definition
     * of {@code v} (as core's parse reads them: in block quotes and list items too, never in code)
     * whose destination is {@code destination}.
     */
    static void definitionFragments(
            SpecView v, String destination, Map<Integer, Integer> fragments) {
        for (LinkDefinition d : v.doc().linkDefinitions()) {
            if (!d.destination().equals(destination)) {
                continue;
            }
            String written = v.source().slice(d.destinationRange());
            int hash = written.indexOf('#');
            if (hash >= 0) {
                fragments.put(
                        v.source().startOffset(d.destinationRange()) + hash + 1,
                        written.length() - hash - 1);
            }
        }
    }
}
