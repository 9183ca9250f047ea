package dev.specgate.lsp;

import dev.specgate.core.checklist.Checklist;
import dev.specgate.core.checklist.ChecklistEntry;
import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.lifecycle.GateReason;
import dev.specgate.core.lifecycle.GateResult;
import dev.specgate.core.lifecycle.Lifecycle;
import dev.specgate.core.lifecycle.StatusReport;
import dev.specgate.core.model.ChecklistItem;
import dev.specgate.core.model.DocumentKind;
import dev.specgate.core.model.Field;
import dev.specgate.core.model.FieldValues;
import dev.specgate.core.model.IsoDates;
import dev.specgate.core.model.Section;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.project.CheckedSpec;
import dev.specgate.core.project.SectionBodies;
import dev.specgate.core.project.SpecProject;
import dev.specgate.core.rules.SectionMatch;
import dev.specgate.core.schema.FieldSpec;
import dev.specgate.core.schema.SectionSpec;
import dev.specgate.core.schema.TemplateSchema;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * Hover: on a section heading, what the template says the section holds and how far its checklist
 * is; on the status field, each status gate's verdict from the lifecycle; on another field, its
 * allowed values or date format; on a link, whether its target exists; on a checklist item, its id
 * and whether it is the next one.
 */
final class SpecHover {

    private final boolean markdown;
    private final WorkspaceSpecs workspace;

    /** The workspace folders, from which a path in a gate's reason is written. */
    private final List<Path> folders;

    /** A hover in Markdown, or in plain text for clients that cannot show Markdown. */
    SpecHover(boolean markdown, WorkspaceSpecs workspace, List<Path> folders) {
        this.markdown = markdown;
        this.workspace = workspace;
        this.folders = folders;
    }

    Optional<Hover> at(SpecInspection inspection, Position position) {
        if (!inspection.parsed()) {
            return Optional.empty();
        }
        CheckedSpec checked = inspection.checked();
        int line = inspection.adapter().line(position);
        SpecDocument doc = checked.document();
        Optional<Field> status = doc.metadata(checked.schema().statusField());
        if (status.isPresent()
                && status.get().labelRange().startLine() <= line
                && status.get().valueRange().endLine() >= line) {
            return Optional.of(
                    hover(
                            status(inspection),
                            inspection
                                    .adapter()
                                    .range(
                                            new dev.specgate.core.model.SourceRange(
                                                    status.get().labelRange().startLine(),
                                                    status.get().labelRange().startColumn(),
                                                    status.get().valueRange().endLine(),
                                                    status.get().valueRange().endColumn()))));
        }
        for (Section s : doc.sections()) {
            if (s.line() == line) {
                return Optional.of(
                        hover(section(inspection, s), inspection.adapter().range(s.range())));
            }
        }
        for (Field f : doc.fields()) {
            if (!f.inListItem()
                    && f.labelRange().startLine() <= line
                    && f.valueRange().endLine() >= line) {
                Optional<String> text = field(checked, f);
                if (text.isPresent()) {
                    return Optional.of(
                            hover(
                                    text.get(),
                                    inspection
                                            .adapter()
                                            .range(
                                                    new dev.specgate.core.model.SourceRange(
                                                            f.labelRange().startLine(),
                                                            f.labelRange().startColumn(),
                                                            f.valueRange().endLine(),
                                                            f.valueRange().endColumn()))));
                }
            }
        }
        Optional<WorkspaceSpecs.SpecView> view = WorkspaceSpecs.view(inspection);
        if (view.isPresent()) {
            Optional<SpecLinks> link = SpecNavigation.linkAt(view.get(), position);
            if (link.isPresent()) {
                return Optional.of(
                        hover(
                                link(view.get(), link.get()),
                                inspection.adapter().range(link.get().link().range())));
            }
        }
        Checklist checklist = checked.checklist();
        for (ChecklistEntry e : checklist.items()) {
            if (e.line() == line) {
                return Optional.of(
                        hover(item(checklist, e), inspection.adapter().range(e.item().range())));
            }
        }
        return Optional.empty();
    }

    /** A field's allowed values or date format, and whether its value is one. */
    private Optional<String> field(CheckedSpec checked, Field f) {
        Optional<FieldSpec> spec = checked.schema().field(f.label());
        if (spec.isEmpty()) {
            return Optional.empty();
        }
        String value = FieldValues.plain(f.value());
        StringBuilder out = new StringBuilder(strong(spec.get().label()));
        switch (spec.get().kind()) {
            case CHOICE -> {
                out.append(": one of ");
                out.append(
                        String.join(
                                ", ",
                                spec.get().allowedValues().stream().map(this::code).toList()));
                if (!value.isEmpty()
                        && spec.get().allowedValues().stream().noneMatch(value::equalsIgnoreCase)) {
                    out.append("\n\n").append(code(value)).append(" is not one of them.");
                }
            }
            case DATE -> {
                out.append(": a date written ").append(code("YYYY-MM-DD")).append(" (ISO 8601)");
                if (!value.isEmpty() && IsoDates.parse(value).isEmpty()) {
                    out.append("\n\n").append(code(value)).append(" is not such a date.");
                }
            }
            case FILE -> out.append(": the spec's own path, as the template writes it");
            case TEXT -> out.append(": free text");
        }
        out.append(
                spec.get().inHeader() ? "\n\nIn the spec's header." : "\n\nAfter the spec's body.");
        return Optional.of(out.toString());
    }

    /** A checklist item's id, state, and whether it is the next one to do. */
    private String item(Checklist checklist, ChecklistEntry e) {
        StringBuilder out = new StringBuilder(strong("Checklist item " + e.id()));
        out.append(e.checked() ? " (done)" : " (open)")
                .append(" under '")
                .append(e.sectionTitle())
                .append("'");
        if (!e.checked()) {
            Optional<ChecklistEntry> next = checklist.next();
            if (next.isPresent() && next.get().equals(e)) {
                out.append("\n\nThis is the next item to do.");
            } else {
                List<ChecklistEntry> open = checklist.openBefore(e);
                next.ifPresent(
                        n ->
                                out.append("\n\nNot the next item: that is ")
                                        .append(n.id())
                                        .append(" ")
                                        .append(n.text())
                                        .append("."));
                if (!open.isEmpty()) {
                    out.append("\n\n")
                            .append(open.size())
                            .append(open.size() == 1 ? " earlier item is" : " earlier items are")
                            .append(" still open, so ticking it in order is refused.");
                }
            }
        }
        return out.toString();
    }

    /** Whether a link's target exists. */
    private String link(WorkspaceSpecs.SpecView v, SpecLinks l) {
        String dest = l.link().destination();
        Optional<java.nio.file.Path> file = l.target(v.file());
        if (file.isEmpty()) {
            return code(dest) + ": not a path a file can have.";
        }
        boolean exists = java.nio.file.Files.exists(file.get());
        StringBuilder out = new StringBuilder(code(dest)).append(": ");
        if (!l.path().isEmpty()) {
            out.append(exists ? "the file exists" : "no such file (" + file.get() + ")");
        } else {
            out.append("a heading of this spec");
        }
        if (exists && l.fragment() != null && !l.fragment().isEmpty()) {
            Optional<WorkspaceSpecs.SpecView> target =
                    file.get().equals(v.file()) ? Optional.of(v) : viewOf(file.get());
            int h = target.map(t -> t.heading(l.fragment())).orElse(-1);
            out.append(
                    h >= 0
                            ? "; '#"
                                    + l.fragment()
                                    + "' is the heading '"
                                    + target.get().doc().sections().get(h).title()
                                    + "'"
                            : "; no heading has the id '#" + l.fragment() + "'");
        }
        return out.append(".").toString();
    }

    private Optional<WorkspaceSpecs.SpecView> viewOf(java.nio.file.Path file) {
        return workspace == null ? Optional.empty() : workspace.view(file);
    }

    private String code(String text) {
        return markdown ? "`" + text.replace("`", "'") + "`" : "'" + text + "'";
    }

    private Hover hover(String text, Range range) {
        return new Hover(
                new MarkupContent(markdown ? MarkupKind.MARKDOWN : MarkupKind.PLAINTEXT, text),
                range);
    }

    /** The template's guidance for a section, and its checklist progress. */
    String section(SpecInspection inspection, Section s) {
        CheckedSpec checked = inspection.checked();
        StringBuilder out = new StringBuilder();
        TemplateSchema schema = checked.schema();
        Optional<SectionSpec> t =
                checked.kind() == DocumentKind.TASK_LIST
                        ? Optional.empty()
                        : SectionMatch.of(checked.document(), schema).templateSection(s);
        if (checked.kind() == DocumentKind.TASK_LIST) {
            // a task list follows no template: none of its words
            out.append(s.level() == 1 ? "The task list's title." : "A section of the task list.");
        } else if (t.isEmpty()) {
            out.append(
                    s.level() == 1
                            ? "The spec's title."
                            : "No section of the template '" + schema.name() + "' is named so.");
        } else {
            out.append(strong(t.get().heading()))
                    .append(t.get().optional() ? " (optional)" : " (required)")
                    .append(" in the template '")
                    .append(schema.name())
                    .append("'");
            String guidance = guidance(inspection.project(), schema, t.get());
            if (!guidance.isBlank()) {
                out.append("\n\n").append(guidance.strip());
            }
        }
        List<ChecklistItem> items =
                checked.document().checklist().stream()
                        .filter(i -> i.line() >= s.line() && i.line() < s.endLine())
                        .toList();
        if (!items.isEmpty()) {
            long done = items.stream().filter(ChecklistItem::checked).count();
            out.append("\n\n")
                    .append(markdown ? "---\n\n" : "")
                    .append("Checklist: ")
                    .append(done)
                    .append(" of ")
                    .append(items.size())
                    .append(" done");
        }
        return out.toString();
    }

    /**
     * What the template writes under a section's heading, before its next heading or its closing
     * fields (core's {@link SectionBodies#guidance}).
     */
    static String guidance(SpecProject project, TemplateSchema schema, SectionSpec t) {
        SpecSource source = SpecSource.of(schema.source());
        return SectionBodies.guidance(source, project.parse(source.text()), schema, t);
    }

    /** Where the spec stands and each gate's verdict. */
    private String status(SpecInspection inspection) {
        CheckedSpec checked = inspection.checked();
        Optional<String> notApplicable = Lifecycle.notApplicable(checked.schema());
        if (notApplicable.isPresent()) {
            return "No status gates: the template " + notApplicable.get() + ".";
        }
        StatusReport report =
                inspection
                        .project()
                        .lifecycle()
                        .inspect(
                                checked.file(),
                                checked.source(),
                                checked.document(),
                                inspection.today());
        StringBuilder out = new StringBuilder();
        out.append(strong("Status: " + report.statusText().orElse("(none)")));
        if (report.status().isEmpty()) {
            out.append(" (not a status of the lifecycle)");
        }
        for (GateResult move : report.moves()) {
            out.append("\n\n")
                    .append(markdown ? "- " : "")
                    .append(move.move())
                    .append(": ")
                    .append(move.passed() ? "gate passes" : "gate refuses");
            for (GateReason r : move.reasons()) {
                out.append("\n")
                        .append(markdown ? "  - " : "  ")
                        .append(SpecInspection.asWritten(r.text(), checked.file(), folders));
            }
        }
        return out.toString();
    }

    private String strong(String text) {
        return markdown ? "**" + text.replace("*", "\\*") + "**" : text;
    }
}
