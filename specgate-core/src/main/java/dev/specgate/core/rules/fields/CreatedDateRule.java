package dev.specgate.core.rules.fields;

import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.model.Field;
import dev.specgate.core.model.IsoDates;
import dev.specgate.core.rules.BaseRule;
import dev.specgate.core.rules.RuleCategory;
import dev.specgate.core.rules.RuleContext;
import dev.specgate.core.rules.RuleIds;
import dev.specgate.core.schema.FileNamePattern;
import dev.specgate.core.schema.TemplateSchema;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The Created date differs from the date in the file name: in any spec discovery takes, whatever
 * the case or spelling of its Markdown extension ({@code .MD}, {@code .markdown}).
 */
public final class CreatedDateRule extends BaseRule {

    public static final String ID = RuleIds.CREATED_DATE;

    public CreatedDateRule() {
        super(
                ID,
                RuleCategory.FIELDS,
                Severity.WARNING,
                "The Created date differs from the file name's date.");
    }

    @Override
    public void check(RuleContext ctx) {
        Optional<Path> file = ctx.file();
        Optional<FileNamePattern> pattern = FileNameRule.pattern(ctx);
        Optional<Field> created = ctx.metadata(TemplateSchema.CREATED_FIELD);
        if (file.isEmpty()
                || file.get().getFileName() == null
                || pattern.isEmpty()
                || created.isEmpty()) {
            return;
        }
        Optional<FileNamePattern.Match> match =
                pattern.get().matchAnyMarkdownExtension(file.get().getFileName().toString());
        if (match.isEmpty() || match.get().date() == null) {
            return;
        }
        Optional<LocalDate> fileDate = IsoDates.parse(match.get().date());
        Optional<LocalDate> createdDate = IsoDates.parse(created.get().value());
        if (fileDate.isPresent()
                && createdDate.isPresent()
                && !fileDate.get().equals(createdDate.get())) {
            ctx.report(
                    created.get().valueRange(),
                    "'Created' is "
                            + createdDate.get()
                            + " but the file name says "
                            + fileDate.get());
        }
    }
}
