package dev.specgate.core.rules.fields;

import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.model.IsoDates;
import dev.specgate.core.model.SourceRange;
import dev.specgate.core.rules.BaseRule;
import dev.specgate.core.rules.RuleCategory;
import dev.specgate.core.rules.RuleContext;
import dev.specgate.core.rules.RuleIds;
import dev.specgate.core.schema.FileNamePattern;
import dev.specgate.core.schema.TemplateSchema;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The file name does not follow the template's convention ({@code YYYY-MM-DD_spec_<slug>.md} with a
 * real date and a lowercase-hyphen slug).
 */
public final class FileNameRule extends BaseRule {

    public static final String ID = RuleIds.FILE_NAME;

    public FileNameRule() {
        super(
                ID,
                RuleCategory.FIELDS,
                Severity.ERROR,
                "The file name does not follow YYYY-MM-DD_spec_<slug>.md.");
    }

    @Override
    public void check(RuleContext ctx) {
        Optional<Path> file = ctx.file();
        Optional<FileNamePattern> pattern = pattern(ctx);
        if (file.isEmpty() || file.get().getFileName() == null || pattern.isEmpty()) {
            return;
        }
        String name = file.get().getFileName().toString();
        Optional<FileNamePattern.Match> match = pattern.get().match(name);
        if (match.isEmpty()) {
            ctx.report(
                    SourceRange.fileStart(),
                    "file name '"
                            + name
                            + "' does not follow "
                            + pattern.get().describe()
                            + extensionOrParts(name, pattern.get()));
        } else if (match.get().date() != null && IsoDates.parse(match.get().date()).isEmpty()) {
            ctx.report(
                    SourceRange.fileStart(),
                    "file name '"
                            + name
                            + "' holds '"
                            + match.get().date()
                            + "', which is not a real date");
        }
    }

    /**
     * What keeps {@code name} from following {@code pattern}: only its extension, when the name
     * with the convention's extension follows it (a {@code .markdown} spec, which discovery checks
     * as it checks {@code .md}), else what the parts must be.
     */
    private static String extensionOrParts(String name, FileNamePattern pattern) {
        String described = pattern.describe();
        int wanted = described.lastIndexOf('.');
        int had = name.lastIndexOf('.');
        if (wanted >= 0 && had > 0 && described.indexOf('>', wanted) < 0) {
            String want = described.substring(wanted);
            String have = name.substring(had);
            if (!want.equals(have) && pattern.match(name.substring(0, had) + want).isPresent()) {
                return ": only its extension differs ('" + have + "' where it has '" + want + "')";
            }
        }
        return " (a real date, then a slug of lowercase letters, digits and hyphens)";
    }

    /** The last schema's convention: a run checks every file against one schema. */
    private record Cached(TemplateSchema schema, Optional<FileNamePattern> pattern) {}

    private static volatile Cached cached;

    /** The file-name convention of the schema's file field, if it shows one. */
    public static Optional<FileNamePattern> pattern(RuleContext ctx) {
        // compiling the convention's regex for every file cost more than matching the name
        TemplateSchema schema = ctx.schema();
        Cached c = cached;
        if (c != null && c.schema() == schema) {
            return c.pattern();
        }
        Optional<FileNamePattern> pattern = derive(schema);
        cached = new Cached(schema, pattern);
        return pattern;
    }

    private static Optional<FileNamePattern> derive(TemplateSchema schema) {
        return FileNamePattern.declared(schema);
    }
}
