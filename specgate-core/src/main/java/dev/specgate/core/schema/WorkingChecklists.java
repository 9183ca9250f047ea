package dev.specgate.core.schema;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;

/**
 * The checklists of a team's own template that are worked through after approval: those {@code
 * working-checklists:} names in {@code .specgate.yml}, else every checklist of the template but its
 * decision and question checklists ({@link DecisionChecklists#of}). The one reading an approval's
 * fingerprint (which leaves their boxes out) and a task list (whose tasks they become, for a
 * template without Implementation Steps) share.
 */
public final class WorkingChecklists {

    private WorkingChecklists() {}

    /**
     * The working checklists of specs written from {@code schema}, in the configuration's order or
     * the template's, each heading as the template writes it without an optional mark; empty when
     * there are none. For the built-in template without {@code working-checklists:} its own fixed
     * set applies instead (the approval's {@code ApprovalBoxes}, the task list's Implementation
     * Steps): callers ask {@link TemplateSchema#isBuiltin()} first.
     */
    public static List<String> of(TemplateSchema schema) {
        requireNonNull(schema, "schema must not be null");
        List<String> titles =
                schema.workingChecklists()
                        .orElseGet(
                                () -> {
                                    Set<String> decisions =
                                            Set.copyOf(
                                                    DecisionChecklists.of(schema).stream()
                                                            .map(HeadingKey::of)
                                                            .toList());
                                    return schema.checklists().stream()
                                            .filter(t -> !decisions.contains(HeadingKey.of(t)))
                                            .toList();
                                });
        // as the template writes them, without an optional mark ('rollout' configured reads
        // 'Rollout', 'Rollout (optional)' reads 'Rollout')
        return titles.stream()
                .map(
                        t ->
                                schema.sectionsWithKey(HeadingKey.of(t)).stream()
                                        .findFirst()
                                        .map(SectionSpec::title)
                                        .orElse(t))
                .map(HeadingKey::withoutOptionalMark)
                .toList();
    }
}
