package dev.specgate.lsp;

import dev.specgate.core.model.Field;
import dev.specgate.core.schema.FieldKind;
import dev.specgate.core.schema.FieldSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/** Completion of a choice field's value ({@code **Type:**}) from the template's allowed values. */
final class FieldValueCompletion {

    private FieldValueCompletion() {}

    static List<CompletionItem> at(SpecInspection inspection, Position position) {
        if (!inspection.parsed()) {
            return List.of();
        }
        int line = inspection.adapter().line(position);
        int column = inspection.adapter().column(position);
        for (Field f : inspection.checked().document().fields()) {
            if (f.inListItem()
                    || f.valueRange().startLine() != line
                    || column < f.labelRange().endColumn()) {
                continue;
            }
            Optional<FieldSpec> spec = inspection.checked().schema().field(f.label());
            if (spec.isEmpty()
                    || spec.get().kind() != FieldKind.CHOICE
                    || spec.get().allowedValues().isEmpty()) {
                return List.of();
            }
            List<CompletionItem> items = new ArrayList<>();
            int order = 0;
            for (String value : spec.get().allowedValues()) {
                CompletionItem item = new CompletionItem(value);
                item.setKind(CompletionItemKind.EnumMember);
                item.setDetail(spec.get().markdown() + " allowed value");
                item.setSortText(String.format("%03d", order++));
                item.setFilterText(value);
                item.setTextEdit(
                        Either.forLeft(
                                new TextEdit(inspection.adapter().range(f.valueRange()), value)));
                items.add(item);
            }
            return items;
        }
        return List.of();
    }
}
