package dev.specgate.core.rules.fields;

import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.model.MetadataProblem;
import dev.specgate.core.rules.BaseRule;
import dev.specgate.core.rules.RuleCategory;
import dev.specgate.core.rules.RuleContext;
import dev.specgate.core.rules.RuleIds;

/**
 * A spec's metadata cannot be read: YAML front matter never closed or not valid YAML, or the
 * configured metadata file beside the spec missing or not valid YAML. Its fields (the status among
 * them) are then unknown, so it is never passed over in silence.
 */
public final class MetadataInvalidRule extends BaseRule {

    public static final String ID = RuleIds.METADATA_INVALID;

    public MetadataInvalidRule() {
        super(
                ID,
                RuleCategory.FIELDS,
                Severity.ERROR,
                "Front matter or a metadata file cannot be read.");
    }

    @Override
    public void check(RuleContext ctx) {
        for (MetadataProblem p : ctx.document().metadataProblems()) {
            ctx.report(p.range(), p.message());
        }
    }
}
