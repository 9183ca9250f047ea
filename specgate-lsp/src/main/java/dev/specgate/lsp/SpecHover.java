package dev.specgate.lsp;

import dev.specgate.core.lifecycle.GateReason;
import dev.specgate.core.lifecycle.GateResult;
import dev.specgate.core.lifecycle.Lifecycle;
import dev.specgate.core.lifecycle.StatusReport;
import dev.specgate.core.model.ChecklistItem;
import dev.specgate.core.model.Field;
import dev.specgate.core.model.Section;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.project.CheckedSpec;
import dev.specgate.core.project.SpecProject;
import dev.specgate.core.rules.SectionMatch;
import dev.specgate.core.schema.HeadingKey;
import dev.specgate.core.schema.SectionSpec;
import dev.specgate.core.schema.TemplateSchema;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * Hover: on a section heading, what the template says the section holds and how far its checklist
 * is; on the status field, each status gate's verdict from the lifecycle.
 */
final class SpecHover {

    private final boolean markdown;

    /** A hover in Markdown, or in plain text for clients that cannot show Markdown. */
    SpecHover(boolean markdown) {
        this.markdown = markdown;
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
        return Optional.empty();
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
        Optional<SectionSpec> t = SectionMatch.of(checked.document(), schema).templateSection(s);
        if (t.isEmpty()) {
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

    /** What the template writes under a section's heading, before its next heading. */
    private static String guidance(SpecProject project, TemplateSchema schema, SectionSpec t) {
        String source = schema.source();
        SpecDocument template = project.parse(source);
        List<Section> sections = template.sections();
        for (int i = 0; i < sections.size(); i++) {
            Section s = sections.get(i);
            if (s.level() == t.level() && HeadingKey.of(s.title()).equals(t.key())) {
                int end = i + 1 < sections.size() ? sections.get(i + 1).line() : s.endLine();
                String[] lines = source.split("\r\n|\r|\n", -1);
                StringBuilder body = new StringBuilder();
                for (int l = s.line() + 1; l < Math.min(end, lines.length); l++) {
                    body.append(lines[l]).append('\n');
                }
                return body.toString();
            }
        }
        return "";
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
                        .inspect(checked.file(), checked.document(), inspection.today());
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
                        .append(r.line() >= 0 ? "line " + (r.line() + 1) + ": " : "")
                        .append(r.message());
            }
        }
        return out.toString();
    }

    private String strong(String text) {
        return markdown ? "**" + text.replace("*", "\\*") + "**" : text;
    }
}
