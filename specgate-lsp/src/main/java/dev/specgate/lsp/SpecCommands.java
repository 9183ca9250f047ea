package dev.specgate.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import dev.specgate.core.approval.Approvals;
import dev.specgate.core.checklist.Checklist;
import dev.specgate.core.checklist.ChecklistEntry;
import dev.specgate.core.diagnostic.ShellWord;
import dev.specgate.core.edit.SpecEdit;
import dev.specgate.core.lifecycle.FieldEdits;
import dev.specgate.core.lifecycle.GateResult;
import dev.specgate.core.lifecycle.Lifecycle;
import dev.specgate.core.lifecycle.SpecStatus;
import dev.specgate.core.project.CheckedSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ApplyWorkspaceEditParams;
import org.eclipse.lsp4j.ApplyWorkspaceEditResponse;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * The server's commands, run by {@code workspace/executeCommand} (the code actions and code lenses
 * name them): tick the checklist item on a line, in order as {@code done --in-order} does, move the
 * spec's status through its gate as {@code status --to} does, and set a metadata field as {@code
 * field} does (core's {@link FieldEdits}, with the question MCP's {@code set_field} asks of an
 * approved spec's content: {@link FieldEdits#personsDecision}). The change is core's edit of the
 * editor's current text, sent to the client with {@code workspace/applyEdit}; a refusal changes
 * nothing and tells every reason, in a message and in the command's result.
 */
final class SpecCommands {

    /** Arguments: the document's URI and the 0-based line of the item. */
    static final String TICK = "specgate.tickItem";

    /** Arguments: the document's URI and, optionally, the target status (default: the next). */
    static final String MOVE = "specgate.moveStatus";

    /** Arguments: the document's URI, the field's label and the value to set. */
    static final String SET_FIELD = "specgate.setField";

    static final List<String> ALL = List.of(TICK, MOVE, SET_FIELD);

    private final SpecgateLanguageServer server;
    private final SpecChecks checks;

    SpecCommands(SpecgateLanguageServer server, SpecChecks checks) {
        this.server = server;
        this.checks = checks;
    }

    /** Runs a command; the result says whether the spec changed and, if not, why. */
    Map<String, Object> run(String command, List<Object> arguments) {
        List<Object> args = arguments == null ? List.of() : arguments;
        if (args.isEmpty()) {
            return refused(
                    "'" + command + "' needs the document's URI as its first argument", List.of());
        }
        String uri = string(args.get(0));
        Optional<SpecInspection> inspection = checks.current(uri);
        if (command.equals(MOVE)) {
            // a spec the configuration leaves out: refused as status refuses it, gates unasked
            Optional<String> leftOut = inspection.flatMap(this::moveRefusal);
            if (leftOut.isPresent()) {
                return refused(leftOut.get(), List.of());
            }
        }
        if (inspection.isEmpty() || !inspection.get().parsed()) {
            return refused(
                    "the document " + uri + " is not an open spec that could be checked",
                    List.of());
        }
        return switch (command) {
            case TICK -> {
                if (args.size() < 2) {
                    yield refused(
                            TICK + " needs the item's line as its second argument", List.of());
                }
                yield tick(inspection.get(), (int) number(args.get(1)));
            }
            case MOVE -> move(inspection.get(), args.size() < 2 ? null : string(args.get(1)));
            case SET_FIELD -> {
                if (args.size() < 3) {
                    yield refused(
                            SET_FIELD + " needs the field's label and the value after the URI",
                            List.of());
                }
                yield setField(inspection.get(), string(args.get(1)), string(args.get(2)));
            }
            default -> refused("no command '" + command + "'", List.of());
        };
    }

    /** The item on {@code line}, ticked if no earlier item is open. */
    private Map<String, Object> tick(SpecInspection i, int line) {
        CheckedSpec checked = i.checked();
        Checklist checklist = checked.checklist();
        Optional<ChecklistEntry> entry =
                checklist.items().stream().filter(e -> e.line() == line).findFirst();
        if (entry.isEmpty()) {
            return refused("no checklist item on line " + (line + 1), List.of());
        }
        ChecklistEntry e = entry.get();
        if (e.checked()) {
            Map<String, Object> out =
                    result(false, e.id() + " is already checked; nothing changed: " + e.text());
            out.put("item", e.id());
            return out;
        }
        List<ChecklistEntry> open = checklist.openBefore(e);
        if (!open.isEmpty()) {
            return refused(
                    "cannot check "
                            + e.id()
                            + " in order: "
                            + open.size()
                            + (open.size() == 1 ? " earlier item is" : " earlier items are")
                            + " still unchecked (the spec is unchanged)",
                    open.stream().map(SpecCommands::located).toList());
        }
        SpecEdit edit = checked.source().edit().taskBox(e.item(), true);
        if (!apply(i, edit, "Check " + e.id())) {
            return refused("the editor did not apply the change", List.of());
        }
        Optional<ChecklistEntry> next = checklist.nextOnceTicked(e);
        Map<String, Object> out =
                result(
                        true,
                        "Checked "
                                + located(e)
                                + ". "
                                + next.map(n -> "Next: " + located(n))
                                        .orElse("Every checklist item is now checked."));
        out.put("item", e.id());
        return out;
    }

    /** The status moved to {@code target} (the next status when null) if its gate passes. */
    private Map<String, Object> move(SpecInspection i, String target) {
        CheckedSpec checked = i.checked();
        // in status's words, from core
        Optional<String> noLifecycle = i.project().lifecycleRefusal(this::shown);
        if (noLifecycle.isPresent()) {
            return refused(noLifecycle.get(), List.of());
        }
        Lifecycle lifecycle = i.project().lifecycle();
        Optional<SpecStatus> current = checked.status().flatMap(lifecycle::status);
        Optional<SpecStatus> to =
                target == null || target.isBlank()
                        ? current.flatMap(lifecycle::next)
                        : lifecycle.status(target);
        if (to.isEmpty()) {
            return refused(
                    target == null || target.isBlank()
                            ? "no next status from " + checked.status().orElse("(none)")
                            : lifecycle.notAStatus(target),
                    List.of());
        }
        GateResult gate =
                lifecycle.evaluate(
                        checked.file(), checked.source(), checked.document(), to.get(), i.today());
        String from = checked.status().orElse("(none)");
        if (!gate.passed()) {
            // in status's words: the same first line, the same reasons
            return refused(
                    gate.refusal(shown(checked.file())),
                    gate.reasons().stream()
                            .map(
                                    r ->
                                            SpecInspection.asWritten(
                                                    r.text(), checked.file(), server.folderPaths()))
                            .toList());
        }
        if (current.equals(to)) {
            return result(
                    false, "the spec is already " + to.get().spelling() + "; nothing changed");
        }
        Optional<String> several =
                lifecycle.approverRefusalWithoutBy(
                        checked.document(), to.get(), shown(checked.file()));
        if (several.isPresent()) {
            // the editor's move names no approver: a person runs status with --by
            return refused(several.get(), List.of());
        }
        SpecEdit edit =
                lifecycle.moveEdit(checked.source(), checked.document(), to.get(), i.today());
        if (!apply(i, edit, "Move to " + to.get().spelling())) {
            return refused("the editor did not apply the change", List.of());
        }
        Map<String, Object> out =
                result(
                        true,
                        "Moved from "
                                + from
                                + " to "
                                + to.get().spelling()
                                + (lifecycle.writesLastUpdated()
                                        ? "; "
                                                + lifecycle.lastUpdatedField()
                                                + " "
                                                + i.today()
                                                + "."
                                        : ".")
                                + lifecycle
                                        .approvalNote(
                                                checked.document(), to.get(), Optional.empty())
                                        .map(n -> " " + n)
                                        .orElse(""));
        out.put("status", to.get().spelling());
        return out;
    }

    /**
     * The field {@code name} set to {@code value} through core, as {@code specgate field} sets it.
     */
    private Map<String, Object> setField(SpecInspection i, String name, String value) {
        CheckedSpec checked = i.checked();
        Optional<Path> file = i.spec().file();
        if (file.isEmpty()) {
            return refused("the document " + i.spec().uri() + " is not a file", List.of());
        }
        String shown = shown(file.get());
        FieldEdits fields = i.project().lifecycle().fields();
        FieldEdits.Outcome outcome =
                fields.set(
                        file.get(),
                        checked.source(),
                        checked.document(),
                        name,
                        value,
                        fieldWords(ShellWord.of(shown)));
        if (outcome instanceof FieldEdits.Refused r) {
            return refused(shown + ": " + r.reason(), List.of());
        }
        FieldEdits.Change change = (FieldEdits.Change) outcome;
        if (!change.changed()) {
            return result(false, change.saidUnchanged());
        }
        Optional<String> decision =
                fields.personsDecision(
                        change,
                        checked.document(),
                        shown,
                        byHand(ShellWord.of(shown), change.label()));
        if (decision.isPresent()) {
            return refused(decision.get() + "; the file is unchanged", List.of());
        }
        if (!apply(i, change.edit(), "Set " + change.label())) {
            return refused("the editor did not apply the change", List.of());
        }
        Optional<String> note = change.approvalNote().map(n -> Approvals.withRefreshPath(n, shown));
        String message = change.said(Optional.empty()) + note.map(n -> " " + n).orElse("");
        LanguageClient client = server.client();
        if (note.isPresent() && client != null) {
            // what the change did beyond the line: said, as the command line says it
            client.showMessage(new MessageParams(MessageType.Warning, message));
        }
        Map<String, Object> out = result(true, message);
        out.put("field", change.label());
        // a YAML list's items as an array, as MCP's set_field gives them
        out.put("value", change.list() ? change.values() : change.value());
        note.ifPresent(n -> out.put("approval", n));
        return out;
    }

    /** How the refusals of {@link FieldEdits} name the editor's ways to move and approve. */
    static FieldEdits.Words fieldWords(String spec) {
        return new FieldEdits.Words(
                "the 'Move the status' actions (" + MOVE + ")", "specgate approve " + spec);
    }

    /** How a person sets a field of approved content: by hand, or on the command line. */
    static String byHand(String spec, String label) {
        return "a person edits the line, or runs 'specgate field "
                + spec
                + " \""
                + label
                + "\" VALUE'";
    }

    /** The façade's refusal to move a spec its configuration leaves out, if it is one. */
    private Optional<String> moveRefusal(SpecInspection i) {
        if (i.project() == null || i.spec().file().isEmpty()) {
            return Optional.empty();
        }
        return i.project().moveRefusal(i.spec().file().get(), MOVE, this::shown);
    }

    /** A path as a message shows it: relative to the workspace folder that holds it, if any. */
    private String shown(Path file) {
        List<Path> roots = new ArrayList<>();
        for (WorkspaceFolder f : server.folders()) {
            OpenSpec.file(f.getUri()).ifPresent(r -> roots.add(r.toAbsolutePath().normalize()));
        }
        return SpecInspection.shown(file, roots);
    }

    /** Sends core's edit of the current text to the client, and waits for its answer. */
    private boolean apply(SpecInspection i, SpecEdit edit, String label) {
        LanguageClient client = server.client();
        if (client == null || !checks.isCurrent(i)) {
            return false;
        }
        WorkspaceEdit change = i.workspaceEdit(edit, server.versionedEdits());
        ApplyWorkspaceEditParams params = new ApplyWorkspaceEditParams(change, label);
        try {
            ApplyWorkspaceEditResponse r = client.applyEdit(params).get(30, TimeUnit.SECONDS);
            return r != null && r.isApplied();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    private Map<String, Object> refused(String message, List<String> reasons) {
        LanguageClient client = server.client();
        if (client != null) {
            StringBuilder text = new StringBuilder(message);
            for (String r : reasons) {
                text.append("\n- ").append(r);
            }
            client.showMessage(new MessageParams(MessageType.Error, text.toString()));
        }
        Map<String, Object> out = result(false, message);
        out.put("reasons", reasons);
        return out;
    }

    private static Map<String, Object> result(boolean applied, String message) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("applied", applied);
        out.put("message", message);
        return out;
    }

    static String located(ChecklistEntry e) {
        return e.id() + " " + e.text() + " (" + e.sectionTitle() + ", line " + (e.line() + 1) + ")";
    }

    private static String string(Object o) {
        if (o instanceof JsonPrimitive p) {
            return p.getAsString();
        }
        if (o instanceof JsonElement e) {
            return e.toString();
        }
        return String.valueOf(o);
    }

    private static double number(Object o) {
        if (o instanceof JsonPrimitive p && p.isNumber()) {
            return p.getAsDouble();
        }
        if (o instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(string(o));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
