package dev.specgate.core.rules.fields;

import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.model.DocumentKind;
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
import java.util.Set;

/**
 * The Created or Last Updated date lies after tomorrow (the check's date and a day's grace for an
 * author in a time zone ahead of the checker's), or Created differs from the date in the file name:
 * in any spec discovery takes, whatever the case or spelling of its Markdown extension ({@code
 * .MD}, {@code .markdown}). A task list's own Created date ({@code directives/tasks/}) is held to
 * the same day's grace; its file name keeps the date of the list's first writing ({@code tasks
 * --force} writes today's Created into a list of an earlier day), so it is not compared.
 */
public final class CreatedDateRule extends BaseRule {

    public static final String ID = RuleIds.CREATED_DATE;

    public CreatedDateRule() {
        super(
                ID,
                RuleCategory.FIELDS,
                Severity.WARNING,
                "The Created or Last Updated date lies more than a day after today, or Created"
                        + " differs from the file name's date.");
    }

    @Override
    public Set<DocumentKind> documentKinds() {
        return Set.of(DocumentKind.SPEC, DocumentKind.TASK_LIST);
    }

    @Override
    public void check(RuleContext ctx) {
        String document = ctx.kind() == DocumentKind.TASK_LIST ? "task list" : "spec";
        // a day's grace for Last Updated too, which a move writes as the mover's today
        Optional<Field> updated = ctx.metadata(TemplateSchema.LAST_UPDATED_FIELD);
        updated.flatMap(f -> IsoDates.parse(f.value()))
                .ifPresent(
                        d ->
                                reportFuture(
                                        ctx,
                                        updated.get(),
                                        TemplateSchema.LAST_UPDATED_FIELD,
                                        d,
                                        document,
                                        "updated"));
        Optional<Field> created = ctx.metadata(TemplateSchema.CREATED_FIELD);
        if (created.isEmpty()) {
            return;
        }
        Optional<LocalDate> createdDate = IsoDates.parse(created.get().value());
        if (createdDate.isEmpty()) {
            return; // field-date's, or placeholder-date's
        }
        // a day's grace: an author east of the checker (a CI in UTC, an author in Sydney or
        // Auckland) writes their today, which is the checker's tomorrow for up to 14 hours
        reportFuture(
                ctx,
                created.get(),
                TemplateSchema.CREATED_FIELD,
                createdDate.get(),
                document,
                "created");
        if (document.equals("task list")) {
            return;
        }
        Optional<Path> file = ctx.file();
        Optional<FileNamePattern> pattern = FileNameRule.pattern(ctx);
        if (file.isEmpty() || file.get().getFileName() == null || pattern.isEmpty()) {
            return;
        }
        Optional<FileNamePattern.Match> match =
                pattern.get().matchAnyMarkdownExtension(file.get().getFileName().toString());
        if (match.isEmpty() || match.get().date() == null) {
            return;
        }
        Optional<LocalDate> fileDate = IsoDates.parse(match.get().date());
        if (fileDate.isPresent() && !fileDate.get().equals(createdDate.get())) {
            ctx.report(
                    created.get().valueRange(),
                    "'Created' is "
                            + createdDate.get()
                            + " but the file name says "
                            + fileDate.get());
        }
    }

    /**
     * Reports {@code date}, the value of {@code field} (the template's {@code label}), when it lies
     * more than a day after today.
     */
    private static void reportFuture(
            RuleContext ctx,
            Field field,
            String label,
            LocalDate date,
            String document,
            String verb) {
        if (date.isAfter(ctx.today().plusDays(1))) {
            ctx.report(
                    field.valueRange(),
                    "'"
                            + label
                            + "' is "
                            + date
                            + ", more than a day after today ("
                            + ctx.today()
                            + "): a "
                            + document
                            + " cannot be "
                            + verb
                            + " in the future");
        }
    }
}
