package dev.specgate.lsp;

import dev.specgate.core.model.Field;
import dev.specgate.core.model.FieldForm;
import dev.specgate.core.model.Section;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.rules.SectionMatch;
import dev.specgate.core.schema.FieldKind;
import dev.specgate.core.schema.FieldSpec;
import dev.specgate.core.schema.SectionSpec;
import dev.specgate.core.schema.TemplateSchema;
import dev.specgate.lsp.WorkspaceSpecs.SpecView;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Completion: inside a link target, relative file paths and the {@code #anchors} of the file typed
 * so far; on a heading line, the template's headings of the sections missing at that point, in
 * template order; after a field's label, its allowed values or today's date; at the start of a line
 * of fields, the template's field labels the spec lacks.
 */
final class SpecCompletion {

    private static final Pattern LABEL_START = Pattern.compile("\\s*\\*{0,2}[^*:\\[\\]()#]*");

    private final WorkspaceSpecs workspace;

    SpecCompletion(WorkspaceSpecs workspace) {
        this.workspace = workspace;
    }

    List<CompletionItem> at(SpecInspection inspection, Position position) {
        if (inspection.document().isEmpty()) {
            return List.of();
        }
        LspAdapter adapter = inspection.adapter();
        int offset = adapter.offset(position);
        int line = adapter.source().lineOf(offset);
        int lineStart = adapter.source().lineStart(line);
        String before = adapter.source().text().substring(lineStart, offset);
        Optional<SpecView> view = WorkspaceSpecs.view(inspection);
        int open = before.lastIndexOf("](");
        if (view.isPresent() && open >= 0 && before.indexOf(')', open) < 0) {
            return linkTarget(view.get(), before.substring(open + 2), offset);
        }
        if (!inspection.parsed()) {
            // not checked (its configuration cannot be used): no template to complete from
            return List.of();
        }
        if (before.stripLeading().startsWith("#")) {
            return headings(inspection, line, lineStart, offset);
        }
        List<CompletionItem> values = fieldValue(inspection, line, adapter.column(position));
        if (!values.isEmpty()) {
            return values;
        }
        if (LABEL_START.matcher(before).matches()) {
            return labels(inspection, line, lineStart, offset);
        }
        return List.of();
    }

    /** Allowed values of a choice field, or today's date in a date field. */
    private static List<CompletionItem> fieldValue(
            SpecInspection inspection, int line, int column) {
        for (Field f : inspection.checked().document().fields()) {
            if (f.inListItem()
                    || f.valueRange().startLine() != line
                    || column < f.labelRange().endColumn()) {
                continue;
            }
            Optional<FieldSpec> spec = inspection.checked().schema().field(f.label());
            if (spec.isEmpty()) {
                return List.of();
            }
            Range replaced = inspection.adapter().range(f.valueRange());
            List<CompletionItem> items = new ArrayList<>();
            if (spec.get().kind() == FieldKind.DATE) {
                String today = inspection.today().toString();
                CompletionItem item = new CompletionItem(today);
                item.setKind(CompletionItemKind.Value);
                item.setDetail("today");
                item.setFilterText(f.value().isEmpty() ? today : f.value());
                item.setTextEdit(Either.forLeft(new TextEdit(replaced, today)));
                items.add(item);
                return items;
            }
            if (spec.get().kind() != FieldKind.CHOICE) {
                return List.of();
            }
            int order = 0;
            for (String value : spec.get().allowedValues()) {
                CompletionItem item = new CompletionItem(value);
                item.setKind(CompletionItemKind.EnumMember);
                item.setDetail(spec.get().markdown() + " allowed value");
                item.setSortText(String.format("%03d", order++));
                item.setFilterText(value);
                item.setTextEdit(Either.forLeft(new TextEdit(replaced, value)));
                items.add(item);
            }
            return items;
        }
        return List.of();
    }

    /**
     * The template's field labels the spec has none of, header fields first above the body, each
     * written as the place asks: a {@code label: } key inside the spec's front matter (where any
     * field may be written), else as the template writes it ({@code **Label:** }, {@code - Label:
     * }), and a field the template keeps in its front matter (or in a file beside the spec) not at
     * all outside the front matter.
     */
    private static List<CompletionItem> labels(
            SpecInspection inspection, int line, int lineStart, int offset) {
        SpecDocument doc = inspection.checked().document();
        TemplateSchema schema = inspection.checked().schema();
        boolean inFrontMatter =
                doc.frontMatter()
                        .filter(m -> line > m.startLine() && line < m.endLine())
                        .isPresent();
        int firstSection =
                doc.sections().stream()
                        .filter(s -> s.level() > 1)
                        .mapToInt(Section::line)
                        .findFirst()
                        .orElse(doc.lineCount());
        boolean header = line < firstSection;
        Range replaced = inspection.adapter().rangeOfOffsets(lineStart, offset);
        List<CompletionItem> items = new ArrayList<>();
        int order = 0;
        for (FieldSpec f : schema.fields()) {
            order++;
            if (doc.metadata(f.label()).isPresent()
                    || f.form() == FieldForm.SIDECAR
                    || (!inFrontMatter && f.form() == FieldForm.FRONT_MATTER)) {
                continue;
            }
            String text =
                    (inFrontMatter ? FieldForm.FRONT_MATTER : f.form()).markdown(f.label()) + " ";
            CompletionItem item = new CompletionItem(text.strip());
            item.setKind(CompletionItemKind.Field);
            item.setDetail(
                    (f.inHeader() ? "header field" : "closing field")
                            + (f.kind() == FieldKind.CHOICE
                                    ? ": " + String.join(" | ", f.allowedValues())
                                    : ""));
            item.setSortText((f.inHeader() == header ? "0" : "1") + String.format("%03d", order));
            item.setFilterText(text);
            item.setTextEdit(Either.forLeft(new TextEdit(replaced, text)));
            items.add(item);
        }
        return items;
    }

    /** The headings of the template's sections missing between the ones around this line. */
    private static List<CompletionItem> headings(
            SpecInspection inspection, int line, int lineStart, int offset) {
        SpecDocument doc = inspection.checked().document();
        TemplateSchema schema = inspection.checked().schema();
        SectionMatch match = SectionMatch.of(doc, schema);
        int after = -1;
        int before = Integer.MAX_VALUE;
        for (Section s : doc.sections()) {
            if (s.line() == line) {
                continue;
            }
            Optional<SectionSpec> t = match.templateSection(s);
            if (t.isEmpty()) {
                continue;
            }
            if (s.line() < line) {
                after = Math.max(after, t.get().index());
            } else {
                before = Math.min(before, t.get().index());
            }
        }
        int lineEnd = inspection.checked().source().lineEnd(line);
        Range replaced = inspection.adapter().rangeOfOffsets(lineStart, Math.max(offset, lineEnd));
        List<CompletionItem> items = new ArrayList<>();
        for (SectionSpec t : schema.sections()) {
            if (t.index() <= after || t.index() >= before || match.specSection(t).isPresent()) {
                continue;
            }
            CompletionItem item = new CompletionItem(t.heading());
            item.setKind(CompletionItemKind.Module);
            item.setDetail(t.optional() ? "optional section" : "required section");
            item.setSortText(String.format("%04d", t.index()));
            item.setFilterText(t.heading());
            item.setTextEdit(Either.forLeft(new TextEdit(replaced, t.heading())));
            items.add(item);
        }
        return items;
    }

    /** Inside {@code ](...}: the files and folders of the typed folder, or a file's anchors. */
    private List<CompletionItem> linkTarget(SpecView v, String typed, int offset) {
        int hash = typed.indexOf('#');
        if (hash >= 0) {
            String path = typed.substring(0, hash);
            Optional<SpecView> target;
            if (path.isEmpty()) {
                target = Optional.of(v);
            } else {
                Path folder = v.file().getParent();
                target =
                        folder == null
                                ? Optional.empty()
                                : workspace.view(folder.resolve(path).normalize());
            }
            if (target.isEmpty()) {
                return List.of();
            }
            Range replaced =
                    v.adapter().rangeOfOffsets(offset - (typed.length() - hash - 1), offset);
            List<CompletionItem> items = new ArrayList<>();
            List<Section> sections = target.get().doc().sections();
            for (int i = 0; i < sections.size(); i++) {
                String id = target.get().anchors().get(i);
                CompletionItem item = new CompletionItem(id);
                item.setKind(CompletionItemKind.Reference);
                item.setDetail("#".repeat(sections.get(i).level()) + " " + sections.get(i).title());
                item.setSortText(String.format("%04d", i));
                item.setTextEdit(Either.forLeft(new TextEdit(replaced, id)));
                items.add(item);
            }
            return items;
        }
        int slash = typed.lastIndexOf('/');
        String dir = slash < 0 ? "" : typed.substring(0, slash + 1);
        Path base = v.file().getParent();
        if (base == null) {
            return List.of();
        }
        Path folder = base.resolve(dir.isEmpty() ? "." : dir).normalize();
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        Range replaced = v.adapter().rangeOfOffsets(offset - (typed.length() - slash - 1), offset);
        List<CompletionItem> items = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (name.startsWith(".") || p.equals(v.file())) {
                    continue;
                }
                boolean isDir = Files.isDirectory(p);
                String text = isDir ? name + "/" : name;
                CompletionItem item = new CompletionItem(text);
                item.setKind(isDir ? CompletionItemKind.Folder : CompletionItemKind.File);
                item.setSortText((isDir ? "1" : name.endsWith(".md") ? "0" : "2") + name);
                item.setTextEdit(Either.forLeft(new TextEdit(replaced, text)));
                items.add(item);
                if (items.size() >= 500) {
                    break;
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        items.sort((a, b) -> a.getSortText().compareTo(b.getSortText()));
        if (dir.isEmpty() || dir.matches("(\\.\\./)+")) {
            // up one folder more: links between spec folders climb before they descend
            CompletionItem up = new CompletionItem("../");
            up.setKind(CompletionItemKind.Folder);
            up.setSortText("3");
            up.setTextEdit(Either.forLeft(new TextEdit(replaced, "../")));
            items.add(up);
        }
        return items;
    }
}
