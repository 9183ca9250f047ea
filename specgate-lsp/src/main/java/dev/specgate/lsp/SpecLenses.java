package dev.specgate.lsp;

import dev.specgate.core.checklist.Checklist;
import dev.specgate.core.checklist.ChecklistEntry;
import dev.specgate.core.checklist.ChecklistSection;
import dev.specgate.core.lifecycle.GateResult;
import dev.specgate.core.lifecycle.Lifecycle;
import dev.specgate.core.lifecycle.SpecStatus;
import dev.specgate.core.model.Field;
import dev.specgate.core.model.Section;
import dev.specgate.core.project.CheckedSpec;
import dev.specgate.core.schema.TemplateSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.Command;

/**
 * Code lenses: above each heading with task boxes, its checklist progress (a click ticks its next
 * open item); on the status line, the next move and whether its gate passes (a click makes it).
 */
final class SpecLenses {

    private SpecLenses() {}

    static List<CodeLens> of(SpecInspection i) {
        if (!i.parsed()) {
            return List.of();
        }
        CheckedSpec checked = i.checked();
        List<CodeLens> out = new ArrayList<>();
        Checklist checklist = checked.checklist();
        for (ChecklistSection cs : checklist.sections()) {
            if (cs.sectionIndex() < 0 || cs.total() == 0) {
                continue;
            }
            Section s = checked.document().sections().get(cs.sectionIndex());
            // the item a click can tick now (done --in-order's order); when an earlier open item
            // holds every one of this heading's back, which one, and no click that would be refused
            Optional<ChecklistEntry> next = checklist.nextAmong(cs.items());
            Optional<ChecklistEntry> firstOpen =
                    cs.items().stream().filter(e -> !e.checked()).findFirst();
            String title =
                    "Checklist: "
                            + cs.checked()
                            + " of "
                            + cs.total()
                            + " done"
                            + next.map(n -> " · next " + n.id())
                                    .or(
                                            () ->
                                                    firstOpen.map(
                                                            f ->
                                                                    " · next "
                                                                            + f.id()
                                                                            + " after "
                                                                            + checklist
                                                                                    .openBefore(f)
                                                                                    .get(0)
                                                                                    .id()))
                                    .orElse("");
            Command c =
                    next.isPresent()
                            ? new Command(
                                    title,
                                    SpecCommands.TICK,
                                    List.of(i.spec().uri(), next.get().line()))
                            : new Command(title, "");
            out.add(new CodeLens(i.adapter().range(s.range()), c, null));
        }
        Optional<Field> status = checked.document().metadata(checked.schema().statusField());
        if (status.isPresent() && Lifecycle.notApplicable(checked.schema()).isEmpty()) {
            Lifecycle lifecycle = i.project().lifecycle();
            Optional<SpecStatus> current = checked.status().flatMap(lifecycle::status);
            Optional<SpecStatus> to = current.flatMap(lifecycle::next);
            Command c;
            if (current.isEmpty()) {
                c = new Command("Not a status of the lifecycle: " + lifecycle.labels(), "");
            } else if (to.isEmpty()) {
                c = new Command(current.get().spelling() + ": the last status", "");
            } else if (TemplateSchema.endsWithNumberPlaceholder(to.get().label())) {
                // the template's example (superseded by ADR-NNNN): no move without the number
                c =
                        new Command(
                                "Next: " + to.get().label() + " — write it with its real number",
                                "");
            } else {
                GateResult gate =
                        lifecycle.evaluate(
                                checked.file(),
                                checked.source(),
                                checked.document(),
                                to.get(),
                                i.today());
                String verdict =
                        gate.passed()
                                ? "gate passes"
                                : "gate refused ("
                                        + gate.reasons().size()
                                        + (gate.reasons().size() == 1 ? " reason)" : " reasons)");
                c =
                        new Command(
                                "Next: " + to.get().label() + " — " + verdict,
                                SpecCommands.MOVE,
                                List.of(i.spec().uri(), to.get().label()));
            }
            out.add(new CodeLens(i.adapter().range(status.get().labelRange()), c, null));
        }
        return out;
    }
}
