package dev.specgate.lsp;

import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.edit.SpecEdit;
import dev.specgate.core.fix.SpecFixer;
import dev.specgate.core.model.Section;
import dev.specgate.core.model.SourceRange;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.project.CheckedSpec;
import dev.specgate.core.rules.RuleIds;
import dev.specgate.core.schema.SectionSpec;
import dev.specgate.core.schema.TemplateSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;

/**
 * The code actions of a spec: each fix {@code check --fix} would make as a quick fix of its finding
 * (computed by core's {@link SpecFixer} from that one finding), all of them at once as a {@code
 * source.fixAll}, and for a missing section the template's heading inserted where the finding
 * stands.
 */
final class QuickFixes {

    /** The kind of the action that applies every fix at once. */
    static final String FIX_ALL = CodeActionKind.SourceFixAll + ".specgate";

    private final SpecFixer fixer = new SpecFixer();

    /** The actions for the findings that touch {@code lines} (0-based, inclusive). */
    List<CodeAction> actions(SpecInspection inspection, Range range, List<String> only) {
        if (!inspection.parsed()) {
            return List.of();
        }
        CheckedSpec checked = inspection.checked();
        List<CodeAction> out = new ArrayList<>();
        boolean quickFixes = wanted(only, CodeActionKind.QuickFix);
        List<Diagnostic> all = inspection.findings();
        for (Diagnostic d : all) {
            if (!quickFixes || !touches(d.range(), range)) {
                continue;
            }
            org.eclipse.lsp4j.Diagnostic shown = inspection.adapter().diagnostic(d);
            if (SpecFixer.FIXABLE.contains(d.ruleId())) {
                SpecFixer.Result fix = fix(checked, List.of(d));
                if (!fix.isEmpty()) {
                    SpecFixer.Fix f = fix.fixes().get(0);
                    out.add(
                            action(
                                    "Fix "
                                            + d.ruleId()
                                            + ": '"
                                            + f.before()
                                            + "' → '"
                                            + f.after()
                                            + "'",
                                    CodeActionKind.QuickFix,
                                    inspection,
                                    fix.edit(),
                                    shown));
                }
            } else if (d.ruleId().equals(RuleIds.SECTION_MISSING)) {
                insertSection(inspection, d)
                        .ifPresent(
                                e ->
                                        out.add(
                                                action(
                                                        "Insert the missing section '"
                                                                + e.heading
                                                                + "'",
                                                        CodeActionKind.QuickFix,
                                                        inspection,
                                                        e.edit,
                                                        shown)));
            }
        }
        if (wanted(only, FIX_ALL)) {
            SpecFixer.Result every = fix(checked, all);
            if (!every.isEmpty()) {
                out.add(
                        action(
                                "Fix all Specgate findings that can be fixed ("
                                        + every.fixes().size()
                                        + ")",
                                FIX_ALL,
                                inspection,
                                every.edit(),
                                null));
            }
        }
        return out;
    }

    private SpecFixer.Result fix(CheckedSpec checked, List<Diagnostic> findings) {
        return fixer.fix(
                checked.source(), checked.document(), checked.schema(), checked.file(), findings);
    }

    private static boolean wanted(List<String> only, String kind) {
        if (only == null || only.isEmpty()) {
            return true;
        }
        for (String o : only) {
            if (kind.equals(o) || kind.startsWith(o + ".")) {
                return true;
            }
        }
        return false;
    }

    private static boolean touches(SourceRange r, Range range) {
        return r.startLine() <= range.getEnd().getLine()
                && r.endLine() >= range.getStart().getLine();
    }

    private static CodeAction action(
            String title,
            String kind,
            SpecInspection inspection,
            SpecEdit edit,
            org.eclipse.lsp4j.Diagnostic diagnostic) {
        List<TextEdit> edits = edit.edits().stream().map(inspection.adapter()::textEdit).toList();
        CodeAction a = new CodeAction(title);
        a.setKind(kind);
        a.setEdit(new WorkspaceEdit(Map.of(inspection.spec().uri(), edits)));
        if (diagnostic != null) {
            a.setDiagnostics(List.of(diagnostic));
            a.setIsPreferred(true);
        }
        return a;
    }

    private record SectionInsert(String heading, SpecEdit edit) {}

    /**
     * The template's heading of the section a section-missing finding names, inserted at the
     * finding's line (before the heading it should precede), or at the end of the section it should
     * close.
     */
    private static Optional<SectionInsert> insertSection(SpecInspection inspection, Diagnostic d) {
        CheckedSpec checked = inspection.checked();
        TemplateSchema schema = checked.schema();
        SpecDocument doc = checked.document();
        Optional<SectionSpec> missing =
                schema.sections().stream()
                        .filter(
                                t ->
                                        d.message()
                                                .startsWith(
                                                        "missing section '" + t.heading() + "'"))
                        .findFirst();
        if (missing.isEmpty() || d.message().contains("did you mean")) {
            return Optional.empty();
        }
        String nl = checked.source().newline();
        int line = d.range().startLine();
        String text = missing.get().heading() + nl + nl;
        if (d.message().contains("(expected at the end of")) {
            Optional<Section> anchor =
                    doc.sections().stream().filter(s -> s.line() == line).findFirst();
            if (anchor.isEmpty()) {
                return Optional.empty();
            }
            int end = anchor.get().endLine();
            if (end >= checked.source().lineCount()) {
                String last = checked.source().text();
                String before =
                        last.isEmpty() || last.endsWith("\n") || last.endsWith("\r") ? nl : nl + nl;
                return Optional.of(
                        new SectionInsert(
                                missing.get().heading(),
                                checked.source()
                                        .edit()
                                        .insert(
                                                last.length(),
                                                before + missing.get().heading() + nl)));
            }
            return Optional.of(
                    new SectionInsert(
                            missing.get().heading(),
                            checked.source().edit().insert(checked.source().lineStart(end), text)));
        }
        return Optional.of(
                new SectionInsert(
                        missing.get().heading(),
                        checked.source().edit().insert(checked.source().lineStart(line), text)));
    }
}
