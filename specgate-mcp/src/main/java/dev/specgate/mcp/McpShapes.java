package dev.specgate.mcp;

import dev.specgate.core.approval.Approvals;
import dev.specgate.core.check.CheckResult;
import dev.specgate.core.checklist.ChecklistEntry;
import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.lifecycle.GateReason;
import dev.specgate.core.lifecycle.GateResult;
import dev.specgate.core.lifecycle.StatusReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one adapter from core's values to the JSON the tools return: positions become 1-based
 * (columns count UTF-16 units, end positions exclusive), severities their lowercase label, as in
 * {@code specgate check --format json}.
 */
final class McpShapes {

    private McpShapes() {}

    /**
     * {@code message} with the spec in its {@code specgate approve --refresh} named {@code path},
     * as the agent names it (relative to the root), not by the absolute path the server checked it
     * by: as the language server names it as the editor shows it.
     */
    static String shown(String message, String path) {
        return Approvals.withRefreshPath(message, path);
    }

    /** A diagnostic, field for field as the JSON report writes it. */
    static Map<String, Object> diagnostic(Diagnostic d, String path) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", d.ruleId());
        m.put("severity", d.severity().label());
        m.put("line", d.range().startLine() + 1);
        m.put("column", d.range().startColumn() + 1);
        m.put("endLine", d.range().endLine() + 1);
        m.put("endColumn", d.range().endColumn() + 1);
        m.put("message", shown(d.message(), path));
        return m;
    }

    static List<Map<String, Object>> diagnostics(CheckResult result, String path) {
        return result.diagnostics().stream().map(d -> diagnostic(d, path)).toList();
    }

    /** A checked file as the JSON report lists it, with its path as the agent names it. */
    static Map<String, Object> file(String path, CheckResult result) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", path);
        m.put("status", result.status());
        m.put("diagnostics", diagnostics(result, path));
        return m;
    }

    /** The counts of one or more checks. */
    static Map<String, Object> summary(int files, long errors, long warnings, long infos) {
        return summary(files, 0, errors, warnings, infos);
    }

    /**
     * The counts of a run as {@code check --format json} gives them: {@code files} the files
     * checked, and {@code unsearchedFolders}, only when the search could not read a folder, the
     * folders listed among the files with their error but counted apart.
     */
    static Map<String, Object> summary(
            int files, long unsearchedFolders, long errors, long warnings, long infos) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("files", files);
        if (unsearchedFolders > 0) {
            m.put("unsearchedFolders", unsearchedFolders);
        }
        m.put("errors", errors);
        m.put("warnings", warnings);
        m.put("infos", infos);
        return m;
    }

    /** A checklist item with its id; the line is 1-based. */
    static Map<String, Object> item(ChecklistEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("section", e.sectionTitle());
        m.put("text", e.text());
        m.put("checked", e.checked());
        m.put("line", e.line() + 1);
        return m;
    }

    static Map<String, Object> itemOrNull(java.util.Optional<ChecklistEntry> e) {
        return e.map(McpShapes::item).orElse(null);
    }

    static Map<String, Object> gate(GateResult g, String path) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", g.move().from().map(s -> s.label()).orElse(null));
        m.put("to", g.move().to().label());
        m.put("passed", g.passed());
        m.put("reasons", reasons(g.reasons(), path));
        return m;
    }

    /** A gate's reasons, each with its 1-based line (null for the file as a whole). */
    private static List<Map<String, Object>> reasons(List<GateReason> reasons, String path) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (GateReason r : reasons) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("line", r.line() < 0 ? null : r.line() + 1);
            one.put("message", shown(r.message(), path));
            out.add(one);
        }
        return out;
    }

    static Map<String, Object> gates(StatusReport report, String path) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("applies", true);
        m.put("status", report.status().map(s -> s.label()).orElse(null));
        m.put("statusText", report.statusText().orElse(null));
        m.put("lastUpdated", report.lastUpdated().orElse(null));
        m.put("moves", report.moves().stream().map(g -> gate(g, path)).toList());
        // as status --format json gives it: why the approval no longer holds, where no move says
        m.put("approvalStale", reasons(report.approvalStale(), path));
        return m;
    }

    /** No lifecycle for this file (a task list, or a template without the four statuses). */
    static Map<String, Object> noGates(String why) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("applies", false);
        m.put("reason", why);
        m.put("moves", List.of());
        m.put("approvalStale", List.of());
        return m;
    }
}
