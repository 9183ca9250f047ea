package dev.specgate.core.rules.registry;

import dev.specgate.core.rules.Rule;
import dev.specgate.core.rules.approval.ApprovalMissingRule;
import dev.specgate.core.rules.approval.ApprovalStaleRule;
import dev.specgate.core.rules.checklist.DecisionOpenRule;
import dev.specgate.core.rules.checklist.DecisionOverdueRule;
import dev.specgate.core.rules.checklist.GateOpenRule;
import dev.specgate.core.rules.checklist.ReviewOverdueRule;
import dev.specgate.core.rules.checklist.TaskBoxRule;
import dev.specgate.core.rules.checklist.TaskEmptyRule;
import dev.specgate.core.rules.fields.CreatedDateRule;
import dev.specgate.core.rules.fields.FieldDateOrderRule;
import dev.specgate.core.rules.fields.FieldDateRule;
import dev.specgate.core.rules.fields.FieldDuplicateRule;
import dev.specgate.core.rules.fields.FieldDurationRule;
import dev.specgate.core.rules.fields.FieldFileRule;
import dev.specgate.core.rules.fields.FieldMissingRule;
import dev.specgate.core.rules.fields.FieldValueRule;
import dev.specgate.core.rules.fields.FileNameRule;
import dev.specgate.core.rules.fields.MetadataInvalidRule;
import dev.specgate.core.rules.fields.ReviewerMissingRule;
import dev.specgate.core.rules.input.SuppressionBlanketRule;
import dev.specgate.core.rules.input.SuppressionEnableUnusedRule;
import dev.specgate.core.rules.input.SuppressionRefusedRule;
import dev.specgate.core.rules.input.SuppressionUnknownRuleRule;
import dev.specgate.core.rules.input.UnreadableFileRule;
import dev.specgate.core.rules.layout.LayoutEarlyRule;
import dev.specgate.core.rules.layout.LayoutMissingRule;
import dev.specgate.core.rules.links.LinkAnchorRule;
import dev.specgate.core.rules.links.LinkBrokenRule;
import dev.specgate.core.rules.links.LinkReferenceUndefinedRule;
import dev.specgate.core.rules.placeholder.PlaceholderBracketRule;
import dev.specgate.core.rules.placeholder.PlaceholderDateRule;
import dev.specgate.core.rules.placeholder.PlaceholderGuidanceRule;
import dev.specgate.core.rules.placeholder.PlaceholderTemplateRule;
import dev.specgate.core.rules.placeholder.PlaceholderTitleRule;
import dev.specgate.core.rules.structure.ConflictMarkerRule;
import dev.specgate.core.rules.structure.FenceUnclosedRule;
import dev.specgate.core.rules.structure.HtmlUnclosedRule;
import dev.specgate.core.rules.structure.NestingDepthRule;
import dev.specgate.core.rules.structure.SectionDuplicateRule;
import dev.specgate.core.rules.structure.SectionEmptyRule;
import dev.specgate.core.rules.structure.SectionLevelRule;
import dev.specgate.core.rules.structure.SectionMissingRule;
import dev.specgate.core.rules.structure.SectionOrderRule;
import dev.specgate.core.rules.structure.TableCellsRule;
import dev.specgate.core.rules.tasks.TaskIdDuplicateRule;
import dev.specgate.core.rules.tasks.TaskIdParentRule;
import dev.specgate.core.rules.tasks.TaskIdSequenceRule;
import dev.specgate.core.rules.tasks.TaskSpecReferenceRule;
import java.util.List;
import java.util.Optional;

/** The explicit list of every built-in rule, in the order they are documented. */
public final class RuleRegistry {

    private static final List<Rule> BUILTIN =
            List.of(
                    new SectionMissingRule(),
                    new SectionLevelRule(),
                    new SectionOrderRule(),
                    new SectionDuplicateRule(),
                    new SectionEmptyRule(),
                    new NestingDepthRule(),
                    new FenceUnclosedRule(),
                    new HtmlUnclosedRule(),
                    new ConflictMarkerRule(),
                    new TableCellsRule(),
                    new PlaceholderTemplateRule(),
                    new PlaceholderTitleRule(),
                    new PlaceholderDateRule(),
                    new PlaceholderBracketRule(),
                    new PlaceholderGuidanceRule(),
                    new MetadataInvalidRule(),
                    new FieldMissingRule(),
                    new FieldValueRule(),
                    new FieldDuplicateRule(),
                    new FieldDateRule(),
                    new FieldDateOrderRule(),
                    new FieldDurationRule(),
                    new FieldFileRule(),
                    new FileNameRule(),
                    new CreatedDateRule(),
                    new ReviewerMissingRule(),
                    new TaskBoxRule(),
                    new TaskEmptyRule(),
                    new DecisionOpenRule(),
                    new GateOpenRule(),
                    new DecisionOverdueRule(),
                    new ReviewOverdueRule(),
                    new LinkBrokenRule(),
                    new LinkAnchorRule(),
                    new LinkReferenceUndefinedRule(),
                    new LayoutMissingRule(),
                    new LayoutEarlyRule(),
                    new TaskSpecReferenceRule(),
                    new TaskIdDuplicateRule(),
                    new TaskIdSequenceRule(),
                    new TaskIdParentRule(),
                    new UnreadableFileRule(),
                    new SuppressionUnknownRuleRule(),
                    new SuppressionBlanketRule(),
                    new SuppressionRefusedRule(),
                    new SuppressionEnableUnusedRule(),
                    new ApprovalStaleRule(),
                    new ApprovalMissingRule());

    private RuleRegistry() {}

    /** Every built-in rule. */
    public static List<Rule> builtin() {
        return BUILTIN;
    }

    /** The built-in rule with this id. */
    public static Optional<Rule> find(String id) {
        return BUILTIN.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /**
     * The file a relative link in a spec in {@code specDir} leads to, as {@code link-broken}
     * resolves it (for callers that remember check results and must know what they depend on).
     */
    public static Optional<java.nio.file.Path> linkTarget(
            java.nio.file.Path specDir, String destination) {
        return LinkBrokenRule.resolve(specDir, destination);
    }
}
