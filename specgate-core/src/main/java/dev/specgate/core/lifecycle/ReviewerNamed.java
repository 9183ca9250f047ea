package dev.specgate.core.lifecycle;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.model.Field;
import dev.specgate.core.model.SourceRange;
import dev.specgate.core.rules.RuleIds;
import dev.specgate.core.schema.FieldNames;
import dev.specgate.core.schema.FieldSpec;
import dev.specgate.core.schema.Reviewers;
import dev.specgate.core.schema.Strictness;
import dev.specgate.core.schema.TemplateSchema;
import java.util.List;
import java.util.Optional;

/**
 * The Reviewer field names a person: not empty, not a placeholder, not "TBD". Its reason is tagged
 * with the rule that says the same of an Approved spec, {@code [reviewer-missing]}, as the gate's
 * check errors are tagged with theirs. A Reviewer line missing altogether is given once: by the
 * gate's {@link NoCheckErrors} as {@code [field-missing]} (which says where it goes, or which
 * misnamed line to rename) when the check at the gate's strictness reports it as an error, else
 * here.
 */
public final class ReviewerNamed implements GateCondition {

    private static final String TAG = "[" + RuleIds.REVIEWER_MISSING + "] ";

    private final Strictness checkedAt;

    /**
     * @param checkedAt the strictness the gate's {@link NoCheckErrors} checks the spec at
     */
    public ReviewerNamed(Strictness checkedAt) {
        this.checkedAt = requireNonNull(checkedAt, "checkedAt must not be null");
    }

    @Override
    public List<GateReason> reasons(GateContext context) {
        Optional<Field> reviewer = Reviewers.field(context.document(), context.schema());
        if (reviewer.isEmpty()) {
            if (statedByFieldMissing(context)) {
                return List.of();
            }
            // as the template writes the field: '**Reviewer:**', or 'reviewer:' in front matter
            String written =
                    context.schema()
                            .reviewerField()
                            .map(FieldSpec::markdown)
                            .orElse("**" + TemplateSchema.REVIEWER_FIELD + ":**");
            return List.of(
                    GateReason.ofSpec(
                            TAG + "no '" + written + "' field: add one that names the reviewer"));
        }
        List<String> values = Reviewers.values(context.document(), reviewer.get());
        if (values.stream().anyMatch(Reviewers::namesAPerson)) {
            return List.of();
        }
        String value = String.join(", ", values);
        return List.of(
                new GateReason(
                        reviewer.get().labelRange().startLine(),
                        TAG
                                + FieldNames.quoted(context.schema(), reviewer.get())
                                + " must name a person, found "
                                + (value.isBlank() ? "nothing" : "'" + value + "'")));
    }

    /**
     * Whether the gate's check already gives the missing Reviewer line as a field-missing error:
     * the finding is known by its rule and the place that rule reports the Reviewer at ({@link
     * TemplateSchema#missingAt}), not by the words of its message.
     */
    private boolean statedByFieldMissing(GateContext context) {
        TemplateSchema schema = context.schema();
        Optional<FieldSpec> field = schema.reviewerField();
        if (field.isEmpty() || !schema.missingReported(context.document(), field.get())) {
            return false;
        }
        SourceRange at = schema.missingAt(context.document(), field.get());
        return context.check(checkedAt).diagnostics().stream()
                .anyMatch(
                        d ->
                                d.severity() == Severity.ERROR
                                        && d.ruleId().equals(RuleIds.FIELD_MISSING)
                                        && d.range().equals(at));
    }
}
