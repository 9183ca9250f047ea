package dev.specgate.lsp;

import dev.specgate.core.model.Section;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * The outline of a spec: its headings, each nested under the nearest lower-level one; also of a
 * spec whose configuration cannot be used (headings do not depend on it).
 */
final class SpecOutline {

    private SpecOutline() {}

    /** The nested outline, for clients that show hierarchical symbols. */
    static List<DocumentSymbol> nested(SpecInspection inspection) {
        if (inspection.document().isEmpty()) {
            return List.of();
        }
        List<DocumentSymbol> roots = new ArrayList<>();
        Map<Integer, DocumentSymbol> byIndex = new HashMap<>();
        for (Section s : inspection.document().get().sections()) {
            DocumentSymbol symbol =
                    new DocumentSymbol(
                            s.title(),
                            kind(s),
                            whole(inspection, s),
                            inspection.adapter().range(s.range()),
                            "#".repeat(s.level()));
            symbol.setChildren(new ArrayList<>());
            byIndex.put(s.index(), symbol);
            DocumentSymbol parent = byIndex.get(s.parentIndex());
            if (parent == null) {
                roots.add(symbol);
            } else {
                parent.getChildren().add(symbol);
            }
        }
        return roots;
    }

    /** The flat outline, each heading with its container's name, for older clients. */
    @SuppressWarnings("deprecation")
    static List<SymbolInformation> flat(SpecInspection inspection) {
        if (inspection.document().isEmpty()) {
            return List.of();
        }
        List<Section> sections = inspection.document().get().sections();
        List<SymbolInformation> out = new ArrayList<>();
        for (Section s : sections) {
            SymbolInformation info =
                    new SymbolInformation(
                            s.title(),
                            kind(s),
                            new Location(inspection.spec().uri(), whole(inspection, s)));
            if (s.parentIndex() >= 0) {
                info.setContainerName(sections.get(s.parentIndex()).title());
            }
            out.add(info);
        }
        return out;
    }

    /** Both shapes as the protocol's answer. */
    static List<Either<SymbolInformation, DocumentSymbol>> of(
            SpecInspection inspection, boolean hierarchical) {
        if (hierarchical) {
            return nested(inspection).stream()
                    .map(Either::<SymbolInformation, DocumentSymbol>forRight)
                    .toList();
        }
        return flat(inspection).stream()
                .map(Either::<SymbolInformation, DocumentSymbol>forLeft)
                .toList();
    }

    private static SymbolKind kind(Section s) {
        return s.level() == 1 ? SymbolKind.File : SymbolKind.String;
    }

    /** From the heading to the last line the section governs. */
    private static Range whole(SpecInspection inspection, Section s) {
        int last = Math.max(s.line(), s.endLine() - 1);
        return new Range(
                inspection.adapter().range(s.range()).getStart(),
                inspection.adapter().lineEnd(last));
    }
}
