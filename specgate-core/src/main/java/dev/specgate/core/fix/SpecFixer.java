package dev.specgate.core.fix;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.approval.ApprovalCheck;
import dev.specgate.core.approval.ApprovalRecord;
import dev.specgate.core.approval.Approvals;
import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.discovery.LinkTarget;
import dev.specgate.core.edit.SpecEdit;
import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.model.Field;
import dev.specgate.core.model.FieldForm;
import dev.specgate.core.model.FieldValues;
import dev.specgate.core.model.Link;
import dev.specgate.core.model.Section;
import dev.specgate.core.model.SourceRange;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.rules.FilePaths;
import dev.specgate.core.rules.RuleIds;
import dev.specgate.core.rules.SectionMatch;
import dev.specgate.core.schema.SectionSpec;
import dev.specgate.core.schema.TemplateSchema;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The safe fixes {@code check --fix} applies, each for a finding of one rule, as edits through
 * {@link SpecEdit} (so only the fixed characters change; BOM, line breaks and everything else stay
 * byte for byte):
 *
 * <ul>
 *   <li>{@code field-file}: the File field names the spec's own file, in the author's form: a bare
 *       name becomes the file's name; a path (plain or in a code span) becomes its leading {@code
 *       ../} plus the path from the project's root (what {@code specgate new} writes), or, with no
 *       project root known, keeps its folder and gets the file's name; a link's destination becomes
 *       {@code ./NAME.md}, from the spec's folder as links are read (title and text kept). A {@code
 *       #fragment} or {@code ?query} stays. The fixed value is read again as the rule reads it
 *       ({@link FilePaths}): one the rule would still reject is left alone, not claimed as fixed;
 *   <li>{@code section-level}: a known section's {@code #} marks match the template's level;
 *   <li>{@code task-box}: a malformed box becomes {@code [ ]} or {@code [x]}, with the spaces
 *       Markdown needs around it;
 *   <li>{@code field-date}: a date written unambiguously in another form becomes {@code
 *       YYYY-MM-DD}.
 * </ul>
 *
 * Fixes are driven by the findings, so rules turned off and findings silenced in the spec are not
 * fixed. A fixed spec has no fixable finding left, so fixing again changes nothing.
 *
 * <p>A fix never voids an approval behind the author's back: for a spec whose approval holds
 * ({@link Approved}), a fix that would change the approved content (what the approval's fingerprint
 * covers: a File field's path, a heading's level, ...) is withheld ({@link Result#withheld()}), and
 * fixes outside it (a date in the status block's Last Updated) still apply. Stateless and
 * thread-safe.
 */
public final class SpecFixer {

    /** The rules whose findings can be fixed. */
    public static final Set<String> FIXABLE =
            Set.of(RuleIds.FIELD_FILE, RuleIds.SECTION_LEVEL, RuleIds.TASK_BOX, RuleIds.FIELD_DATE);

    private static final Pattern BOX =
            Pattern.compile("^(?:([-*+]|\\d{1,9}[.)])\\s*)?\\[([^\\]]*)\\]");

    /**
     * One applied fix.
     *
     * @param ruleId the rule whose finding it fixes
     * @param range where the finding stood, before the edit
     * @param before the text replaced
     * @param after the new text
     * @param start where the text replaced starts, as an offset into the source's text
     * @param end where the text replaced ends
     */
    public record Fix(
            String ruleId, SourceRange range, String before, String after, int start, int end) {}

    /**
     * The fixes for a spec and the edit that applies them.
     *
     * @param edit the edit of the source (empty when nothing can be fixed)
     * @param fixes what changed, in document order
     * @param withheld the fixes left out because they would void the spec's approval, if any
     */
    public record Result(SpecEdit edit, List<Fix> fixes, Optional<Withheld> withheld) {
        public Result {
            fixes = List.copyOf(fixes);
            requireNonNull(withheld, "withheld must not be null");
        }

        /** Fixes with none withheld. */
        public Result(SpecEdit edit, List<Fix> fixes) {
            this(edit, fixes, Optional.empty());
        }

        /** Whether nothing would change. */
        public boolean isEmpty() {
            return fixes.isEmpty();
        }
    }

    /**
     * An approval that holds for the spec being fixed, which no fix may void.
     *
     * @param record the approval as the spec records it
     * @param holds whether a text (the spec's after a fix, without a byte order mark) still has the
     *     content approved
     */
    public record Approved(ApprovalRecord record, Predicate<String> holds) {
        public Approved {
            requireNonNull(record, "record must not be null");
            requireNonNull(holds, "holds must not be null");
        }

        /**
         * The approval of a checked spec when it holds ({@code check} is valid), with {@code
         * approvals} judging a fixed text as {@code parser} reads it; empty when there is no
         * approval to keep (none recorded, already stale, or not read before Approved).
         */
        public static Optional<Approved> of(
                Optional<ApprovalCheck> check,
                Approvals approvals,
                Function<String, SpecDocument> parser) {
            requireNonNull(approvals, "approvals must not be null");
            requireNonNull(parser, "parser must not be null");
            return check.filter(ApprovalCheck::valid)
                    .flatMap(ApprovalCheck::record)
                    .map(
                            r ->
                                    new Approved(
                                            r,
                                            text ->
                                                    approvals.approves(
                                                            r, text, parser.apply(text))));
        }
    }

    /**
     * Fixes not applied because they would change the content of a valid approval.
     *
     * @param approval the approval they would void
     * @param fixes the fixes left out, in document order
     */
    public record Withheld(ApprovalRecord approval, List<Fix> fixes) {
        public Withheld {
            requireNonNull(approval, "approval must not be null");
            fixes = List.copyOf(fixes);
        }

        /**
         * The one line that says so: {@code SPEC: 1 fix not applied [field-file]: it would change
         * the content approved 2026-11-02 by Ana Ruiz and void that approval; make the change by
         * hand, have the spec re-reviewed, then run specgate approve SPEC --refresh}.
         *
         * @param shown the spec's path as the surface shows it
         * @param command the spec's path as a command line takes it (quoted for the shell)
         */
        public String message(String shown, String command) {
            int n = fixes.size();
            return shown
                    + ": "
                    + n
                    + (n == 1 ? " fix" : " fixes")
                    + " not applied ["
                    + String.join(
                            ", ", fixes.stream().map(Fix::ruleId).distinct().sorted().toList())
                    + "]: "
                    + (n == 1 ? "it" : "they")
                    + " would change the content approved "
                    + approval.date()
                    + " by "
                    + approval.by()
                    + " and void that approval; make the change by hand, have the spec"
                    + " re-reviewed, then run specgate approve "
                    + command
                    + " --refresh";
        }
    }

    /**
     * Fixes what can be fixed among {@code diagnostics}, which must come from checking {@code doc},
     * parsed from {@code source}'s text, against {@code schema}.
     *
     * @param file the spec's path (its file name is what the File field must name), or null
     */
    public Result fix(
            SpecSource source,
            SpecDocument doc,
            TemplateSchema schema,
            Path file,
            List<Diagnostic> diagnostics) {
        return fix(source, doc, schema, file, null, diagnostics);
    }

    /**
     * Fixes what can be fixed among {@code diagnostics}, as {@link #fix(SpecSource, SpecDocument,
     * TemplateSchema, Path, Path, List)}, without voiding {@code approved}: each fix that would
     * change the approved content is withheld, and the others apply (when together they would still
     * void it, none does).
     *
     * @param approved the spec's approval when it holds ({@link Approved#of})
     */
    public Result fix(
            SpecSource source,
            SpecDocument doc,
            TemplateSchema schema,
            Path file,
            Path root,
            List<Diagnostic> diagnostics,
            Optional<Approved> approved) {
        requireNonNull(approved, "approved must not be null");
        Result all = fix(source, doc, schema, file, root, diagnostics);
        if (approved.isEmpty() || all.isEmpty() || approved.get().holds().test(all.edit().text())) {
            return all;
        }
        // which fixes void it: each is tried alone
        SpecEdit edit = source.edit();
        List<Fix> kept = new ArrayList<>();
        List<Fix> withheld = new ArrayList<>();
        for (Fix f : all.fixes()) {
            SpecEdit alone = source.edit().replace(f.start(), f.end(), f.after());
            if (approved.get().holds().test(alone.text())) {
                edit = edit.replace(f.start(), f.end(), f.after());
                kept.add(f);
            } else {
                withheld.add(f);
            }
        }
        if (!kept.isEmpty() && !approved.get().holds().test(edit.text())) {
            // harmless alone, not together: none applies
            withheld = all.fixes();
            kept = List.of();
            edit = source.edit();
        }
        return new Result(edit, kept, Optional.of(new Withheld(approved.get().record(), withheld)));
    }

    /**
     * Fixes what can be fixed among {@code diagnostics}, as {@link #fix(SpecSource, SpecDocument,
     * TemplateSchema, Path, List)}, knowing the project's root (the folder of its {@code
     * .specgate.yml}, when the spec is below it), which File field paths are written from. Every
     * fix, whatever the spec's approval: the surfaces ask {@code SpecProject.fixes}, which keeps an
     * approval that holds.
     *
     * @param root the project's root, absolute, or null when not known
     */
    public Result fix(
            SpecSource source,
            SpecDocument doc,
            TemplateSchema schema,
            Path file,
            Path root,
            List<Diagnostic> diagnostics) {
        requireNonNull(source, "source must not be null");
        requireNonNull(doc, "doc must not be null");
        requireNonNull(schema, "schema must not be null");
        requireNonNull(diagnostics, "diagnostics must not be null");
        SpecEdit edit = source.edit();
        List<Fix> fixes = new ArrayList<>();
        SectionMatch match = null;
        for (Diagnostic d : diagnostics) {
            Optional<Change> change =
                    switch (d.ruleId()) {
                        case RuleIds.FIELD_FILE -> fileField(source, doc, file, root, d);
                        case RuleIds.SECTION_LEVEL -> {
                            if (match == null) {
                                match = SectionMatch.of(doc, schema);
                            }
                            yield sectionLevel(source, doc, match, d);
                        }
                        case RuleIds.TASK_BOX -> taskBox(source, d);
                        case RuleIds.FIELD_DATE -> date(source, doc, d);
                        default -> Optional.empty();
                    };
            if (change.isEmpty()) {
                continue;
            }
            Change c = change.get();
            try {
                edit = edit.replace(c.start, c.end, c.after);
            } catch (IllegalArgumentException overlapping) {
                continue; // another fix already rewrote these characters
            }
            fixes.add(
                    new Fix(
                            d.ruleId(),
                            d.range(),
                            source.text().substring(c.start, c.end),
                            c.after,
                            c.start,
                            c.end));
        }
        return new Result(edit, fixes);
    }

    /** Replace text offsets {@code [start, end)} with {@code after}. */
    private record Change(int start, int end, String after) {}

    private static Optional<Change> fileField(
            SpecSource source, SpecDocument doc, Path file, Path root, Diagnostic d) {
        if (file == null || file.getFileName() == null) {
            return Optional.empty();
        }
        Optional<Field> field = fieldAt(doc, d.range());
        if (field.isEmpty()) {
            return Optional.empty();
        }
        Path spec = file.toAbsolutePath().normalize();
        if (spec.toString().indexOf('\uFFFD') >= 0) {
            // a name the locale's encoding cannot hold (LC_ALL=C, relevé.md) reads as U+FFFD:
            // written into the field it would name no file; left to the author
            return Optional.empty();
        }
        Path known =
                root != null && spec.startsWith(root.toAbsolutePath().normalize())
                        ? root.toAbsolutePath().normalize()
                        : null;
        String actual = file.getFileName().toString();
        Optional<Link> link = FilePaths.link(doc, field.get());
        if (link.isPresent()) {
            return linkDestination(source, link.get(), spec, known);
        }
        String value = field.get().value();
        if (value.contains("](") || value.contains("<")) {
            return Optional.empty(); // not read as a link: leave it to the author
        }
        String written = FieldValues.filePath(value);
        // the path as written, without the #fragment or ?query the rule does not read: kept
        String path = written.substring(0, LinkTarget.pathLength(written));
        String named = FieldValues.lastSegment(path);
        int at = value.lastIndexOf(written);
        if (path.isEmpty() || named.isEmpty() || at < 0) {
            return Optional.empty();
        }
        int from = at;
        String after;
        if (path.equals(named) || known == null) {
            // a bare name, or no root to read a path from: only the name counts
            from = at + path.length() - named.length();
            after = actual;
        } else {
            after = FieldValues.leadingParents(path) + FilePaths.fromRoot(spec, known);
        }
        int to = at + path.length();
        String fixed = value.substring(0, from) + after + value.substring(to);
        if (!FilePaths.names(FilePaths.plainPath(fixed), spec, known)) {
            return Optional.empty(); // the rule would still reject it: do not claim a fix
        }
        int start = source.startOffset(field.get().valueRange());
        return Optional.of(new Change(start + from, start + to, after));
    }

    /**
     * The File field's link gets {@code ./NAME.md}, the spec's own file from its folder (as a link
     * is read, so {@code link-broken} agrees), in place of its destination's path; its {@code
     * #fragment} or {@code ?query}, text and title stay.
     */
    private static Optional<Change> linkDestination(
            SpecSource source, Link link, Path spec, Path root) {
        String actual = "./" + spec.getFileName();
        for (int i = 2; i < actual.length(); i++) {
            char c = actual.charAt(i);
            if (Character.isWhitespace(c) || "()<>%#?\\[]".indexOf(c) >= 0) {
                return Optional.empty(); // would need escaping in a destination
            }
        }
        int from = source.startOffset(link.range());
        int to = source.endOffset(link.range());
        String text = source.text().substring(from, to);
        int open = text.lastIndexOf("](");
        if (open < 0 || !text.endsWith(")")) {
            return Optional.empty(); // a reference link: its definition is elsewhere
        }
        int s = open + 2;
        int limit = text.length() - 1;
        while (s < limit && Character.isWhitespace(text.charAt(s))) {
            s++;
        }
        int e;
        if (s < limit && text.charAt(s) == '<') {
            e = text.indexOf('>', s);
            if (e < 0 || e >= limit) {
                return Optional.empty();
            }
            s++; // the path inside the brackets
        } else {
            e = s;
            while (e < limit && !Character.isWhitespace(text.charAt(e))) {
                e++;
            }
        }
        String destination = text.substring(s, e);
        int end = s + LinkTarget.pathLength(destination);
        String fixed = actual + text.substring(end, e);
        if (!FilePaths.names(LinkTarget.path(fixed).orElse(""), spec, root)) {
            return Optional.empty(); // the rule would still reject it: do not claim a fix
        }
        return Optional.of(new Change(from + s, from + end, actual));
    }

    private static Optional<Change> sectionLevel(
            SpecSource source, SpecDocument doc, SectionMatch match, Diagnostic d) {
        for (Section s : doc.sections()) {
            if (!s.range().equals(d.range())) {
                continue;
            }
            Optional<SectionSpec> t = match.templateSection(s);
            if (t.isEmpty() || t.get().level() == s.level()) {
                return Optional.empty();
            }
            int line = s.line();
            int from = source.lineStart(line);
            String text = source.text().substring(from, source.lineEnd(line));
            int i = 0;
            while (i < text.length() && i < 3 && text.charAt(i) == ' ') {
                i++;
            }
            int hashes = 0;
            while (i + hashes < text.length() && text.charAt(i + hashes) == '#') {
                hashes++;
            }
            if (hashes != s.level()) {
                return Optional.empty(); // a setext heading, or one inside a container
            }
            return Optional.of(
                    new Change(from + i, from + i + hashes, "#".repeat(t.get().level())));
        }
        return Optional.empty();
    }

    private static Optional<Change> taskBox(SpecSource source, Diagnostic d) {
        int start = source.startOffset(d.range());
        int end = source.endOffset(d.range());
        String text = source.text();
        Matcher m = BOX.matcher(text.substring(start, end));
        if (!m.find() || m.end() != end - start) {
            return Optional.empty();
        }
        String inner = m.group(2);
        if (!inner.isBlank()
                && !inner.trim().equalsIgnoreCase("x")
                && !inner.replace(" ", "").chars().allMatch(c -> c == 'x' || c == 'X')) {
            return Optional.empty();
        }
        String box = inner.toLowerCase(java.util.Locale.ROOT).contains("x") ? "[x]" : "[ ]";
        String marker = m.group(1) == null ? "" : m.group(1) + " ";
        boolean spaceFollows =
                end >= text.length()
                        || text.charAt(end) == ' '
                        || text.charAt(end) == '\t'
                        || text.charAt(end) == '\n'
                        || text.charAt(end) == '\r';
        return Optional.of(new Change(start, end, marker + box + (spaceFollows ? "" : " ")));
    }

    private static Optional<Change> date(SpecSource source, SpecDocument doc, Diagnostic d) {
        Optional<Field> field = fieldAt(doc, d.range());
        if (field.isEmpty()) {
            return Optional.empty();
        }
        String value = field.get().value();
        String plain = FieldValues.plain(value);
        Optional<LocalDate> date = LooseDates.parse(plain);
        if (date.isEmpty()) {
            return Optional.empty();
        }
        int start = source.startOffset(field.get().valueRange());
        int at = value.indexOf(plain);
        return Optional.of(
                new Change(start + at, start + at + plain.length(), date.get().toString()));
    }

    private static Optional<Field> fieldAt(SpecDocument doc, SourceRange valueRange) {
        for (Field f : doc.fields()) {
            if (f.valueRange().equals(valueRange) && f.form() != FieldForm.SIDECAR) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
