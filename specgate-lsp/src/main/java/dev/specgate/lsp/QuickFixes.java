package dev.specgate.lsp;

import dev.specgate.core.approval.ApprovalRecord;
import dev.specgate.core.checklist.ChecklistEntry;
import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.diagnostic.ShellWord;
import dev.specgate.core.edit.SpecEdit;
import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.fix.SpecFixer;
import dev.specgate.core.lifecycle.FieldEdits;
import dev.specgate.core.lifecycle.GateReason;
import dev.specgate.core.lifecycle.GateResult;
import dev.specgate.core.lifecycle.Lifecycle;
import dev.specgate.core.lifecycle.SpecStatus;
import dev.specgate.core.lifecycle.StatusReport;
import dev.specgate.core.model.Field;
import dev.specgate.core.model.FieldValues;
import dev.specgate.core.model.IsoDates;
import dev.specgate.core.model.Section;
import dev.specgate.core.model.SourceRange;
import dev.specgate.core.parse.SpecParser;
import dev.specgate.core.project.CheckedSpec;
import dev.specgate.core.rules.RuleIds;
import dev.specgate.core.schema.FieldKind;
import dev.specgate.core.schema.FieldSpec;
import dev.specgate.core.schema.SectionSpec;
import dev.specgate.core.schema.TemplateSchema;
import dev.specgate.core.suppress.Suppressions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionDisabled;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Range;

/**
 * The code actions of a spec: each fix {@code check --fix} would make as a quick fix of its finding
 * (computed by core's {@link SpecFixer} from that one finding, through the façade's {@code
 * SpecProject.fixes}), all of them at once as a {@code source.fixAll}; a fix that would void the
 * spec's approval is not offered (shown disabled, with why, to a client that shows such actions);
 * for a missing section the template's heading and guidance inserted where the finding stands, for
 * a near-miss heading the template's heading; for a choice field holding a placeholder or a value
 * the template does not allow, each allowed value, and for a date field of a change (Last Updated)
 * holding no date, today's, each core's {@link FieldEdits} edit (a status as {@code status} moves
 * there, core's {@link Lifecycle#moveEdit}); a suppression comment for the finding's line or for
 * the whole file; and, as {@code source.specgate} actions, the commands that tick the checklist
 * item on the line, move the status, and set the metadata field on the line as {@code specgate
 * field} does (core's {@link FieldEdits}): each value a choice field allows, today for a date field
 * of a change. A field's value, quick fix or command alike, that core refuses, or whose change is a
 * person's decision ({@link FieldEdits#personsDecision}, the question MCP's {@code set_field}
 * asks), is shown disabled with why; a change that makes a holding approval stale says so in its
 * title.
 */
final class QuickFixes {

    /** The kind of the action that applies every fix at once. */
    static final String FIX_ALL = CodeActionKind.SourceFixAll + ".specgate";

    /** The kind of the actions that run a command (tick an item, move the status). */
    static final String COMMANDS = CodeActionKind.Source + ".specgate";

    private final BooleanSupplier versionedEdits;
    private final BooleanSupplier disabledActions;

    /**
     * Actions whose edits are versioned when {@code versionedEdits} says the client takes them, and
     * a withheld fix shown disabled when {@code disabledActions} says the client shows them.
     */
    QuickFixes(BooleanSupplier versionedEdits, BooleanSupplier disabledActions) {
        this.versionedEdits = versionedEdits;
        this.disabledActions = disabledActions;
    }

    /** The actions for the findings that touch {@code lines} (0-based, inclusive). */
    List<CodeAction> actions(SpecInspection inspection, Range range, List<String> only) {
        if (!inspection.parsed()) {
            return List.of();
        }
        CheckedSpec checked = inspection.checked();
        List<CodeAction> out = new ArrayList<>();
        boolean quickFixes = wanted(only, CodeActionKind.QuickFix);
        Request kept = new Request(inspection);
        List<Diagnostic> all = inspection.findings();
        for (Diagnostic d : all) {
            if (!quickFixes || !touches(d.range(), range)) {
                continue;
            }
            org.eclipse.lsp4j.Diagnostic shown = inspection.adapter().diagnostic(d);
            if (SpecFixer.FIXABLE.contains(d.ruleId())) {
                SpecFixer.Result fix = fix(inspection, checked, List.of(d));
                if (fix.isEmpty() && fix.withheld().isPresent() && disabledActions.getAsBoolean()) {
                    SpecFixer.Withheld w = fix.withheld().get();
                    CodeAction a =
                            new CodeAction(
                                    "Fix "
                                            + d.ruleId()
                                            + ": '"
                                            + w.fixes().get(0).before()
                                            + "' → '"
                                            + w.fixes().get(0).after()
                                            + "'");
                    a.setKind(CodeActionKind.QuickFix);
                    a.setDiagnostics(List.of(shown));
                    a.setDisabled(
                            new CodeActionDisabled(
                                    w.message(
                                            checked.file() == null
                                                    ? "this spec"
                                                    : String.valueOf(checked.file().getFileName()),
                                            checked.file() == null
                                                    ? "SPEC"
                                                    : ShellWord.of(
                                                            String.valueOf(checked.file())))));
                    out.add(a);
                }
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
            } else if (d.ruleId().equals(RuleIds.SECTION_MISSING)
                    && d.message().contains("did you mean")) {
                renameNearMiss(inspection, d)
                        .ifPresent(
                                e ->
                                        offer(
                                                out,
                                                kept,
                                                "Rename the heading to '" + e.heading + "'",
                                                inspection,
                                                e.edit,
                                                shown,
                                                true));
            } else if (d.ruleId().equals(RuleIds.SECTION_MISSING)) {
                insertSection(inspection, d)
                        .ifPresent(
                                e ->
                                        offer(
                                                out,
                                                kept,
                                                "Insert the missing section '" + e.heading + "'",
                                                inspection,
                                                e.edit,
                                                shown,
                                                true));
            }
        }
        if (quickFixes) {
            fieldValues(inspection, range, out, kept);
            suppressions(inspection, range, out, kept);
        }
        if (wanted(only, COMMANDS)) {
            commands(inspection, range, out, kept);
        }
        if (wanted(only, FIX_ALL)) {
            SpecFixer.Result every = fix(inspection, checked, all);
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

    /**
     * For a choice field on the lines asked about whose value is a placeholder or not allowed, one
     * action per allowed value; for a date field of a change ({@link
     * TemplateSchema#changeDateFields}: Last Updated) whose value is no date, today's date. Each
     * made by core's {@link FieldEdits}, and withheld as the field actions are ({@link #offers}):
     * what core refuses, and a change that is a person's decision. The status field, which {@code
     * FieldEdits} does not set (a move runs its gate), has each status judged as a move there is
     * ({@link #statusValues}).
     */
    private void fieldValues(
            SpecInspection inspection, Range range, List<CodeAction> out, Request kept) {
        CheckedSpec checked = inspection.checked();
        Optional<java.nio.file.Path> file = inspection.spec().file();
        if (file.isEmpty()) {
            return;
        }
        for (Field f : checked.document().fields()) {
            if (f.inListItem() || !touches(lines(f), range)) {
                continue;
            }
            Optional<FieldSpec> spec = checked.schema().field(f.label());
            if (spec.isEmpty()) {
                continue;
            }
            // the value as check reads it: a front matter YAML list's items, each judged (a valid
            // one-item list offers nothing), else the plain value
            List<String> values =
                    FieldEdits.listItems(checked.document(), f)
                            .map(items -> items.stream().map(FieldValues::plain).toList())
                            .orElseGet(() -> List.of(FieldValues.plain(f.value())));
            org.eclipse.lsp4j.Diagnostic shown = findingOn(inspection, f);
            if (shown == null) {
                // check reports nothing of this value here (a YAML list item it does not read
                // as a placeholder, labels: - "[Item]"): nothing to fix
                continue;
            }
            List<String> candidates = new ArrayList<>();
            if (spec.get().kind() == FieldKind.CHOICE
                    && values.stream()
                            // as field-value judges it (a detail in parentheses, an open field,
                            // a status a lifecycle: order reads): a value it accepts has no fix
                            .anyMatch(v -> !checked.schema().acceptsChoice(spec.get(), v))) {
                candidates.addAll(spec.get().allowedValues());
            } else if (spec.get().kind() == FieldKind.DATE
                    && values.stream().anyMatch(v -> IsoDates.parse(v).isEmpty())
                    && changeDate(checked.schema(), f.label())) {
                candidates.add(inspection.today().toString());
            }
            if (candidates.isEmpty()) {
                continue;
            }
            if (Field.sameLabel(f.label(), checked.schema().statusField())) {
                statusValues(inspection, file.get(), f, candidates, shown, out, kept);
                continue;
            }
            FieldEdits fields = kept.lifecycle().fields();
            if (!setsThisField(fields, checked, f)) {
                continue;
            }
            for (FieldOffer o :
                    offers(
                            inspection,
                            file.get(),
                            fields,
                            f.label(),
                            candidates,
                            v ->
                                    spec.get().kind() == FieldKind.DATE
                                            ? "Set " + f.label() + " to today, " + v
                                            : "Set " + f.label() + " to '" + v + "'")) {
                if (o.disabled().isPresent()) {
                    if (disabledActions.getAsBoolean()) {
                        CodeAction a = new CodeAction(o.title());
                        a.setKind(CodeActionKind.QuickFix);
                        if (shown != null) {
                            a.setDiagnostics(List.of(shown));
                        }
                        a.setDisabled(new CodeActionDisabled(o.disabled().get()));
                        out.add(a);
                    }
                } else {
                    out.add(
                            action(
                                    o.title(),
                                    CodeActionKind.QuickFix,
                                    inspection,
                                    o.change().orElseThrow().edit(),
                                    shown,
                                    true));
                }
            }
        }
    }

    /**
     * For a status field whose value names no status, each status written in its place as {@code
     * status SPEC STATUS} writes it ({@link Lifecycle#moveEdit}: Last Updated, or a template's own
     * date of change, set to today too), as the lifecycle judges a move there ({@link
     * Lifecycle.Judgment#evaluateEach}, the reading the move commands share): a status no move
     * leads to from a value that is none (Approved: specs start at a draft and move on, each gate
     * judging its step), or whose gate refuses it, is shown disabled with core's refusal, as {@code
     * status SPEC STATUS} refuses it; a template without a lifecycle has its values written as they
     * are.
     */
    private void statusValues(
            SpecInspection inspection,
            java.nio.file.Path file,
            Field f,
            List<String> candidates,
            org.eclipse.lsp4j.Diagnostic shown,
            List<CodeAction> out,
            Request kept) {
        CheckedSpec checked = inspection.checked();
        Lifecycle lifecycle = kept.lifecycle();
        List<Optional<SpecStatus>> statuses = candidates.stream().map(lifecycle::status).toList();
        List<GateResult> judged =
                Lifecycle.notApplicable(checked.schema()).isPresent()
                        ? List.of()
                        : kept.moves()
                                .evaluateEach(statuses.stream().flatMap(Optional::stream).toList());
        int at = 0;
        for (int i = 0; i < candidates.size(); i++) {
            String allowed = candidates.get(i);
            String title = "Set " + f.label() + " to '" + allowed + "'";
            Optional<GateResult> move =
                    judged.isEmpty() || statuses.get(i).isEmpty()
                            ? Optional.empty()
                            : Optional.of(judged.get(at++));
            // a move there, as 'specgate status SPEC STATUS' makes it (Last Updated today, an
            // approval line removed on a move back to a draft); from a value that names no status
            // only a draft or an exit is a move, and neither records an approval
            if (move.isEmpty() || move.get().passed()) {
                // what the move does to the approval (a move to a draft removes it), said in the
                // title as 'specgate status' and the move command say it, never in silence
                String said =
                        move.map(
                                        m ->
                                                lifecycle
                                                        .approvalNote(
                                                                checked.document(),
                                                                m.move().to(),
                                                                Optional.empty())
                                                        .map(n -> title + ". " + n)
                                                        .orElse(title))
                                .orElse(title);
                offer(
                        out,
                        kept,
                        said,
                        inspection,
                        move.isEmpty()
                                ? checked.source().edit().fieldValue(f, allowed)
                                : lifecycle.moveEdit(
                                        checked.source(),
                                        checked.document(),
                                        move.get().move().to(),
                                        inspection.today()),
                        shown,
                        true);
            } else if (disabledActions.getAsBoolean()) {
                GateResult refused = move.get();
                CodeAction a = new CodeAction(title);
                a.setKind(CodeActionKind.QuickFix);
                if (shown != null) {
                    a.setDiagnostics(List.of(shown));
                }
                a.setDisabled(
                        new CodeActionDisabled(
                                refused.refusal(String.valueOf(file.getFileName()))
                                        + ": "
                                        + String.join(
                                                "; ",
                                                refused.reasons().stream()
                                                        .map(GateReason::text)
                                                        .toList())));
                out.add(a);
            }
        }
    }

    /**
     * Whether {@code f} is the field {@link FieldEdits} sets by its label: the spec's one field of
     * that name, a single value or a YAML list of at most one item (one value set in place of
     * several items would drop the others). A second field of the name, or a longer list, is {@code
     * specgate field}'s or {@code set_field}'s to set.
     */
    private static boolean setsThisField(FieldEdits fields, CheckedSpec checked, Field f) {
        FieldEdits.Outcome read = fields.read(checked.document(), f.label());
        return read instanceof FieldEdits.Reading reading
                && reading.values().size() <= 1
                && checked.document()
                        .metadata(reading.label())
                        .filter(m -> m.labelRange().equals(f.labelRange()))
                        .isPresent();
    }

    /** Whether {@code label} is a date a change of the spec moves to today (Last Updated). */
    private static boolean changeDate(TemplateSchema schema, String label) {
        return schema.changeDateFields().stream().anyMatch(l -> Field.sameLabel(l, label));
    }

    /** The lines a field stands on, to be matched with the lines asked about. */
    private static SourceRange lines(Field f) {
        return new SourceRange(f.labelRange().startLine(), 0, f.valueRange().endLine(), 0);
    }

    /**
     * A value offered for a field: its action's title, the value, core's change, and why the action
     * is not to be taken, if it is not.
     */
    private record FieldOffer(
            String title,
            String value,
            Optional<FieldEdits.Change> change,
            Optional<String> disabled) {}

    /**
     * Each of {@code candidates} set in the field {@code label} by core ({@link
     * FieldEdits#setEach}: the spec read back once for all of them), titled by {@code title}:
     * disabled with core's refusal, or with why the change is a person's decision ({@link
     * FieldEdits#personsDecision}, the question MCP's {@code set_field} asks); a change that makes
     * a holding approval stale says so in its title. What the quick fixes of a value and the field
     * commands both offer.
     */
    private static List<FieldOffer> offers(
            SpecInspection inspection,
            java.nio.file.Path file,
            FieldEdits fields,
            String label,
            List<String> candidates,
            java.util.function.UnaryOperator<String> title) {
        CheckedSpec checked = inspection.checked();
        String spec = ShellWord.of(file.toString());
        List<FieldEdits.Outcome> outcomes =
                fields.setEach(
                        file,
                        checked.source(),
                        checked.document(),
                        label,
                        candidates,
                        SpecCommands.fieldWords(spec));
        List<FieldOffer> offers = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            String candidate = candidates.get(i);
            String t = title.apply(candidate);
            if (outcomes.get(i) instanceof FieldEdits.Refused r) {
                offers.add(new FieldOffer(t, candidate, Optional.empty(), Optional.of(r.reason())));
                continue;
            }
            FieldEdits.Change change = (FieldEdits.Change) outcomes.get(i);
            Optional<String> decision =
                    fields.personsDecision(
                            change,
                            checked.document(),
                            String.valueOf(file.getFileName()),
                            SpecCommands.byHand(spec, change.label()));
            if (decision.isEmpty() && change.approvalNote().isPresent()) {
                t += " (its approval goes stale)";
            }
            offers.add(new FieldOffer(t, candidate, Optional.of(change), decision));
        }
        return offers;
    }

    /** The rules whose findings about a field's value its quick fixes of the value answer. */
    private static final Set<String> VALUE_RULES =
            Set.of(
                    RuleIds.FIELD_VALUE,
                    RuleIds.FIELD_DATE,
                    RuleIds.PLACEHOLDER_TEMPLATE,
                    RuleIds.PLACEHOLDER_DATE,
                    RuleIds.PLACEHOLDER_BRACKET);

    /**
     * The first finding check reports about a field's value on its lines ({@link #VALUE_RULES}), to
     * attach its actions to; null when there is none, and the value gets no quick fix.
     */
    private static org.eclipse.lsp4j.Diagnostic findingOn(SpecInspection inspection, Field f) {
        for (Diagnostic d : inspection.findings()) {
            if (VALUE_RULES.contains(d.ruleId())
                    && d.range().startLine() <= f.valueRange().endLine()
                    && d.range().endLine() >= f.labelRange().startLine()) {
                return inspection.adapter().diagnostic(d);
            }
        }
        return null;
    }

    /**
     * For each rule with findings on the lines asked about: a {@code specgate-disable-next-line}
     * comment above the finding's line where a comment line fits there ({@link
     * SpecParser#commentLineFits}: not on a line of the YAML front matter, which an HTML comment
     * would end, nor on a table's body row, a block quote's later line, a list item's lazy
     * continuation line or a line inside a fence, which it would break: a comment only silences the
     * line under it, so none can stand above the block for it), and a {@code specgate-disable}
     * comment above the first heading (after the front matter, in a spec without headings), which
     * covers the whole file.
     */
    private void suppressions(
            SpecInspection inspection, Range range, List<CodeAction> out, Request kept) {
        CheckedSpec checked = inspection.checked();
        java.util.Set<String> seen = new java.util.HashSet<>();
        String nl = checked.source().newline();
        // YAML front matter holds no comment of Markdown's: one inside it (or above its first
        // line) ends it, and every field it holds goes missing
        Optional<dev.specgate.core.model.FrontMatter> frontMatter =
                checked.document().frontMatter();
        int fileLine =
                checked.document().sections().isEmpty()
                        ? frontMatter.map(m -> m.endLine() + 1).orElse(0)
                        : checked.document().sections().get(0).line();
        java.util.Set<String> fileRules = new java.util.LinkedHashSet<>();
        // where a comment line fits above a line without breaking a table, a quote, a list or a
        // fence: worked out (a parse) once a finding is on the lines asked about
        SpecParser.CommentLines fits = null;
        for (Diagnostic d : inspection.findings()) {
            if (!touches(d.range(), range)
                    || d.ruleId().equals(RuleIds.UNREADABLE_FILE)
                    || d.ruleId().equals(RuleIds.SUPPRESSION_UNKNOWN_RULE)
                    // a comment in the spec does not silence them: offering one would not help
                    || Suppressions.ABOUT_THE_COMMENTS.contains(d.ruleId())
                    || Suppressions.NOT_SILENCED_BY_THE_SPEC.contains(d.ruleId())) {
                continue;
            }
            int line = d.range().startLine();
            org.eclipse.lsp4j.Diagnostic shown = inspection.adapter().diagnostic(d);
            if (seen.add(d.ruleId() + "@" + line)
                    && line < checked.source().lineCount()
                    && (fits != null
                                    ? fits
                                    : (fits = SpecParser.commentLines(checked.source().text())))
                            .fit(line)) {
                int start = checked.source().lineStart(line);
                String text = checked.source().text();
                // indented as the line, or deeper where that would end a list (a later item)
                String lead =
                        fits.lead(line, text.substring(start, checked.source().lineEnd(line)));
                offer(
                        out,
                        kept,
                        "Suppress " + d.ruleId() + " on this line",
                        inspection,
                        checked.source()
                                .edit()
                                .insert(
                                        start,
                                        lead
                                                + "<!-- specgate-disable-next-line "
                                                + d.ruleId()
                                                + " -->"
                                                + nl),
                        shown,
                        false);
            }
            if (fileLine < checked.source().lineCount() && fileRules.add(d.ruleId())) {
                offer(
                        out,
                        kept,
                        "Suppress " + d.ruleId() + " in this file",
                        inspection,
                        checked.source()
                                .edit()
                                .insert(
                                        checked.source().lineStart(fileLine),
                                        "<!-- specgate-disable " + d.ruleId() + " -->" + nl + nl),
                        shown,
                        false);
            }
        }
    }

    /** Tick the checklist item on the lines asked about; move the status from its line. */
    private void commands(
            SpecInspection inspection, Range range, List<CodeAction> out, Request request) {
        CheckedSpec checked = inspection.checked();
        String uri = inspection.spec().uri();
        for (ChecklistEntry e : checked.checklist().items()) {
            if (!e.checked()
                    && e.line() >= range.getStart().getLine()
                    && e.line() <= range.getEnd().getLine()) {
                CodeAction a = new CodeAction("Tick checklist item " + e.id() + " (in order)");
                a.setKind(COMMANDS);
                a.setCommand(new Command(a.getTitle(), SpecCommands.TICK, List.of(uri, e.line())));
                out.add(a);
            }
        }
        Optional<Field> status = checked.document().metadata(checked.schema().statusField());
        if (status.isPresent()
                && Lifecycle.notApplicable(checked.schema()).isEmpty()
                && status.get().labelRange().startLine() <= range.getEnd().getLine()
                && status.get().valueRange().endLine() >= range.getStart().getLine()) {
            StatusReport report = request.moves().report();
            for (GateResult move : report.moves()) {
                if (move.move().stays()
                        || TemplateSchema.endsWithNumberPlaceholder(move.move().to().label())) {
                    continue; // an example status (superseded by ADR-NNNN) needs a real number
                }
                String label = move.move().to().label();
                CodeAction a =
                        new CodeAction(
                                "Move the status to "
                                        + label
                                        + (move.passed() ? "" : " (gate refused: see why)"));
                a.setKind(COMMANDS);
                a.setCommand(new Command(a.getTitle(), SpecCommands.MOVE, List.of(uri, label)));
                out.add(a);
            }
        }
        fieldCommands(inspection, range, out, request);
    }

    /**
     * For each metadata field on the lines asked about that holds a value the template allows: each
     * other value of a choice field (a Type: the template's kinds), today for a date field of a
     * change ({@link TemplateSchema#changeDateFields}: Last Updated, not Created or Next Review),
     * as the command {@link SpecCommands#SET_FIELD} that sets it through core's {@link FieldEdits}
     * ({@link #offers}, as the quick fixes of a value are). A field holding a value the template
     * does not allow has its quick fixes instead; the status has its moves; a YAML list is set with
     * {@code specgate field} or {@code set_field}, item by item.
     */
    private void fieldCommands(
            SpecInspection inspection, Range range, List<CodeAction> out, Request request) {
        CheckedSpec checked = inspection.checked();
        Optional<java.nio.file.Path> file = inspection.spec().file();
        if (file.isEmpty() || checked.source() == null) {
            return;
        }
        for (Field f : checked.document().fields()) {
            if (!touches(lines(f), range)
                    || Field.sameLabel(f.label(), checked.schema().statusField())) {
                continue;
            }
            Optional<FieldSpec> spec = checked.schema().field(f.label());
            if (spec.isEmpty()) {
                continue;
            }
            FieldEdits fields = request.lifecycle().fields();
            FieldEdits.Outcome now = fields.read(checked.document(), f.label());
            if (!(now instanceof FieldEdits.Reading reading)
                    || reading.list()
                    || !setsThisField(fields, checked, f)) {
                continue;
            }
            String value = reading.value().orElse("");
            List<String> candidates = new ArrayList<>();
            if (spec.get().kind() == FieldKind.CHOICE
                    && spec.get().allowedValues().stream().anyMatch(value::equalsIgnoreCase)) {
                for (String allowed : spec.get().allowedValues()) {
                    if (!allowed.equalsIgnoreCase(value)) {
                        candidates.add(allowed);
                    }
                }
            } else if (spec.get().kind() == FieldKind.DATE
                    && changeDate(checked.schema(), reading.label())
                    && IsoDates.parse(value).isPresent()
                    && !value.equals(inspection.today().toString())) {
                candidates.add(inspection.today().toString());
            }
            if (candidates.isEmpty()) {
                continue;
            }
            for (FieldOffer o :
                    offers(
                            inspection,
                            file.get(),
                            fields,
                            reading.label(),
                            candidates,
                            v ->
                                    "Set "
                                            + reading.label()
                                            + " to "
                                            + (spec.get().kind() == FieldKind.DATE
                                                    ? "today, " + v
                                                    : v))) {
                CodeAction a = new CodeAction(o.title());
                a.setKind(COMMANDS);
                if (o.disabled().isPresent()) {
                    if (!disabledActions.getAsBoolean()) {
                        continue;
                    }
                    a.setDisabled(new CodeActionDisabled(o.disabled().get()));
                } else {
                    a.setCommand(
                            new Command(
                                    o.title(),
                                    SpecCommands.SET_FIELD,
                                    List.of(inspection.spec().uri(), reading.label(), o.value())));
                }
                out.add(a);
            }
        }
    }

    private record Rename(String heading, SpecEdit edit) {}

    /** A near-miss heading ("did you mean") renamed to the template's heading. */
    private static Optional<Rename> renameNearMiss(SpecInspection inspection, Diagnostic d) {
        CheckedSpec checked = inspection.checked();
        Optional<SectionSpec> t =
                checked.schema().sections().stream()
                        .filter(
                                x ->
                                        d.message()
                                                .startsWith(
                                                        "missing section '" + x.heading() + "'"))
                        .findFirst();
        Optional<Section> near =
                checked.document().sections().stream()
                        .filter(s -> s.line() == d.range().startLine())
                        .findFirst();
        if (t.isEmpty() || near.isEmpty()) {
            return Optional.empty();
        }
        int line = near.get().line();
        int start = checked.source().lineStart(line);
        int end = checked.source().lineEnd(near.get().range().endLine());
        return Optional.of(
                new Rename(
                        t.get().heading(),
                        checked.source().edit().replace(start, end, t.get().heading())));
    }

    private static SpecFixer.Result fix(
            SpecInspection inspection, CheckedSpec checked, List<Diagnostic> findings) {
        return inspection.project().fixes(checked, findings);
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

    private CodeAction action(
            String title,
            String kind,
            SpecInspection inspection,
            SpecEdit edit,
            org.eclipse.lsp4j.Diagnostic diagnostic) {
        return action(title, kind, inspection, edit, diagnostic, true);
    }

    private CodeAction action(
            String title,
            String kind,
            SpecInspection inspection,
            SpecEdit edit,
            org.eclipse.lsp4j.Diagnostic diagnostic,
            boolean preferred) {
        CodeAction a = new CodeAction(title);
        a.setKind(kind);
        a.setEdit(inspection.workspaceEdit(edit, versionedEdits.getAsBoolean()));
        if (diagnostic != null) {
            a.setDiagnostics(List.of(diagnostic));
            a.setIsPreferred(preferred);
        }
        return a;
    }

    /**
     * Adds the action {@code title} making {@code edit}, unless the edit would change the content
     * of the spec's approval that holds ({@code SpecProject.approvalKept}): then it is not offered,
     * or, to a client that shows disabled actions, offered disabled with why, as a withheld {@code
     * check --fix} fix is. A suppression comment, an inserted section or a field's new value is
     * content the approval's fingerprint covers, unless it stands in what the fingerprint leaves
     * out (the status, Last Updated and Next Review values).
     */
    private void offer(
            List<CodeAction> out,
            Request kept,
            String title,
            SpecInspection inspection,
            SpecEdit edit,
            org.eclipse.lsp4j.Diagnostic diagnostic,
            boolean preferred) {
        Optional<SpecFixer.Approved> approved = kept.get(inspection);
        if (approved.isEmpty() || approved.get().holds().test(edit.text())) {
            out.add(
                    action(
                            title,
                            CodeActionKind.QuickFix,
                            inspection,
                            edit,
                            diagnostic,
                            preferred));
            return;
        }
        if (!disabledActions.getAsBoolean()) {
            return;
        }
        CheckedSpec checked = inspection.checked();
        ApprovalRecord r = approved.get().record();
        CodeAction a = new CodeAction(title);
        a.setKind(CodeActionKind.QuickFix);
        if (diagnostic != null) {
            a.setDiagnostics(List.of(diagnostic));
        }
        a.setDisabled(
                new CodeActionDisabled(
                        "it would change the content approved "
                                + r.date()
                                + " by "
                                + r.by()
                                + " and void that approval; make the change by hand, have the"
                                + " spec re-reviewed, then run specgate approve "
                                + (checked.file() == null
                                        ? "SPEC"
                                        : ShellWord.of(String.valueOf(checked.file())))
                                + " --refresh"));
        out.add(a);
    }

    /**
     * What the actions of one request share, each asked of the façade once, when first needed: the
     * spec's approval to keep, the lifecycle, and the moves of the spec judged on one reading of it
     * as a move leaves it ({@link Lifecycle#judge}), which the status's quick fixes and its move
     * commands both ask.
     */
    private static final class Request {
        private final SpecInspection inspection;
        private Optional<SpecFixer.Approved> approved;
        private Lifecycle lifecycle;
        private Lifecycle.Judgment moves;

        Request(SpecInspection inspection) {
            this.inspection = inspection;
        }

        Optional<SpecFixer.Approved> get(SpecInspection inspection) {
            if (approved == null) {
                approved = inspection.project().approvalKept(inspection.checked());
            }
            return approved;
        }

        Lifecycle lifecycle() {
            if (lifecycle == null) {
                lifecycle = inspection.project().lifecycle();
            }
            return lifecycle;
        }

        Lifecycle.Judgment moves() {
            if (moves == null) {
                CheckedSpec checked = inspection.checked();
                moves =
                        lifecycle()
                                .judge(
                                        checked.file(),
                                        checked.source(),
                                        checked.document(),
                                        inspection.today());
            }
            return moves;
        }
    }

    private record SectionInsert(String heading, SpecEdit edit) {}

    /**
     * The template's heading of the section a section-missing finding names, and its guidance,
     * inserted at the finding's line (before the heading it should precede), or, for a section
     * expected at the end of another (or of the spec), after the finding's line: the last line of
     * that scope that is not blank, before the closing fields, or its heading when it holds nothing
     * else.
     */
    private static Optional<SectionInsert> insertSection(SpecInspection inspection, Diagnostic d) {
        CheckedSpec checked = inspection.checked();
        TemplateSchema schema = checked.schema();
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
        String guidance =
                SpecHover.guidance(inspection.project(), schema, missing.get())
                        .strip()
                        .replaceAll("\r\n|\r|\n", nl);
        String body = guidance.isEmpty() ? "" : guidance + nl + nl;
        String text = missing.get().heading() + nl + nl + body;
        if (d.message().contains("(expected at the end of")) {
            // the finding stands where the section belongs after: the scope's last line that is
            // not blank (or its heading, when it holds nothing else), before any closing fields
            SpecSource source = checked.source();
            int after = Math.min(d.range().endLine(), source.lineCount() - 1);
            boolean textFollows =
                    after + 1 < source.lineCount()
                            && !source.text()
                                    .substring(
                                            source.lineStart(after + 1), source.lineEnd(after + 1))
                                    .isBlank();
            return Optional.of(
                    new SectionInsert(
                            missing.get().heading(),
                            source.edit()
                                    .insert(
                                            source.lineEnd(after),
                                            nl
                                                    + nl
                                                    + missing.get().heading()
                                                    + (guidance.isEmpty() ? "" : nl + nl + guidance)
                                                    + (textFollows ? nl : ""))));
        }
        return Optional.of(
                new SectionInsert(
                        missing.get().heading(),
                        checked.source().edit().insert(checked.source().lineStart(line), text)));
    }
}
