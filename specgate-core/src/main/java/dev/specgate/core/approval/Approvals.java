package dev.specgate.core.approval;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.diagnostic.ShellWord;
import dev.specgate.core.edit.SpecEdit;
import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.model.Field;
import dev.specgate.core.model.FieldForm;
import dev.specgate.core.model.FrontMatter;
import dev.specgate.core.model.HtmlComment;
import dev.specgate.core.model.Section;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.schema.Reviewers;
import dev.specgate.core.schema.Strictness;
import dev.specgate.core.schema.TemplateSchema;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a project records approvals: the name of the field (default {@value #DEFAULT_FIELD}; a team
 * template may name its own in {@code .specgate.yml}'s {@code approval-field:}), what its
 * fingerprint leaves out, how a spec's approval is read and checked, and the edits that write or
 * clear it. Immutable and thread-safe.
 */
public final class Approvals {

    /** The approval field's label unless the configuration names another. */
    public static final String DEFAULT_FIELD = "Approval";

    /**
     * The command that records an approval again, which {@code approval-stale} asks for, followed
     * by the spec as {@code approve} takes it; a baseline's fingerprint of the finding leaves that
     * spec word out ({@code baseline.Fingerprinter}).
     */
    public static final String REFRESH_COMMAND = "specgate approve --refresh";

    /** {@link #REFRESH_COMMAND} and its spec word: a plain word or one in single quotes. */
    private static final Pattern REFRESH_SPEC =
            Pattern.compile(Pattern.quote(REFRESH_COMMAND) + " (?:'(?:[^']|'\\\\'')*'|[^\\s')]+)");

    /**
     * The spec as a message asks {@code approve --refresh} to be given it: the path it was checked
     * by (relative to where the check ran when the user or the search gave it relative, as every
     * command takes a path and as reports show it), quoted for the shell when it needs to be;
     * {@code SPEC} for text that came from no file.
     */
    public static String refreshWord(Optional<Path> file) {
        return file.map(f -> ShellWord.of(f.normalize().toString().replace('\\', '/')))
                .orElse("SPEC");
    }

    /**
     * {@code message} with the spec word after {@link #REFRESH_COMMAND} written as {@code word}, or
     * left out when {@code word} is empty: a message that holds no such command is returned as it
     * is.
     */
    public static String withRefreshWord(String message, Optional<String> word) {
        if (!message.contains(REFRESH_COMMAND)) {
            return message;
        }
        return REFRESH_SPEC
                .matcher(message)
                .replaceAll(
                        Matcher.quoteReplacement(
                                REFRESH_COMMAND + word.map(w -> " " + w).orElse("")));
    }

    /**
     * {@code message} with the spec after {@link #REFRESH_COMMAND} named {@code shownPath}, the
     * path as a surface shows it to its reader (relative to the root or workspace folder): quoted
     * for the shell from the string itself, since under the C locale a name that is not ASCII is no
     * {@link Path}. What the language server and the MCP server both write.
     */
    public static String withRefreshPath(String message, String shownPath) {
        return withRefreshWord(message, Optional.of(ShellWord.of(shownPath.replace('\\', '/'))));
    }

    private static final Approvals STANDARD = new Approvals(DEFAULT_FIELD);

    private static volatile Applies lastApplies;

    private final String field;
    private final List<String> excluded;

    /**
     * The fields an earlier Specgate left out, without the template's change dates ({@code
     * updated:}), whose records still hold while the content is as approved; null when they are the
     * same.
     */
    private final List<String> excludedBefore;

    /** The boxes the fingerprint leaves out, as the project's template reads them. */
    private final ApprovalBoxes boxes;

    /**
     * The field the status is kept in: {@value TemplateSchema#STATUS_FIELD}, or a team's own
     * ({@code stage:}), beside which a new record is written.
     */
    private final String statusField;

    /** Approvals recorded in {@code field}, of specs written from the built-in template. */
    public Approvals(String field) {
        this(field, ApprovalBoxes.AFTER_APPROVAL);
    }

    /**
     * Approvals recorded in {@code field}, of specs written from {@code schema}: its fingerprint
     * leaves out the boxes of the checklists worked after approval as that template reads them
     * ({@link ApprovalBoxes#of}: a team template's own checklists, or those {@code
     * working-checklists:} names). {@link #standard()} itself where that is the built-in reading in
     * the {@value #DEFAULT_FIELD} field: the one choice a checker and a project's configuration
     * make.
     */
    public static Approvals of(String field, TemplateSchema schema) {
        ApprovalBoxes boxes = ApprovalBoxes.of(requireNonNull(schema, "schema must not be null"));
        List<String> dates = schema.changeDateFields();
        if (schema.approvalsInStatusField()) {
            // the team's own status field moves as Document Status does: never hashed
            return new Approvals(field, boxes, schema.statusField(), dates);
        }
        Approvals plain =
                boxes == ApprovalBoxes.AFTER_APPROVAL
                                && DEFAULT_FIELD.equals(
                                        requireNonNull(field, "field must not be null").trim())
                        ? STANDARD
                        : new Approvals(field, boxes);
        // the built-in template's change date is Last Updated, left out already: STANDARD
        return plain.leavesOut(dates)
                ? plain
                : new Approvals(field, boxes, TemplateSchema.STATUS_FIELD, dates);
    }

    /** Whether the fingerprint leaves out every one of {@code labels} already. */
    private boolean leavesOut(List<String> labels) {
        return labels.stream().allMatch(l -> excluded.stream().anyMatch(l::equalsIgnoreCase));
    }

    private Approvals(String field, ApprovalBoxes boxes) {
        this(field, boxes, TemplateSchema.STATUS_FIELD, List.of());
    }

    /**
     * @param changeDates the template's dates of a change ({@link TemplateSchema#changeDateFields}:
     *     a team's {@code updated:}), left out as Last Updated is
     */
    private Approvals(
            String field, ApprovalBoxes boxes, String statusField, List<String> changeDates) {
        this.boxes = boxes;
        this.statusField = statusField;
        this.field = requireNonNull(field, "field must not be null").trim();
        if (this.field.isEmpty()) {
            throw new IllegalArgumentException("the approval field's name must not be empty");
        }
        List<String> fields =
                statusField.equalsIgnoreCase(TemplateSchema.STATUS_FIELD)
                                || statusField.equalsIgnoreCase(TemplateSchema.SHORT_STATUS_FIELD)
                        ? List.of(
                                TemplateSchema.STATUS_FIELD,
                                TemplateSchema.SHORT_STATUS_FIELD,
                                TemplateSchema.LAST_UPDATED_FIELD,
                                TemplateSchema.NEXT_REVIEW_FIELD,
                                this.field)
                        : List.of(
                                TemplateSchema.STATUS_FIELD,
                                TemplateSchema.SHORT_STATUS_FIELD,
                                TemplateSchema.LAST_UPDATED_FIELD,
                                TemplateSchema.NEXT_REVIEW_FIELD,
                                this.field,
                                statusField);
        List<String> all = new ArrayList<>(fields);
        for (String date : changeDates) {
            if (all.stream().noneMatch(date::equalsIgnoreCase)) {
                all.add(date);
            }
        }
        this.excluded = List.copyOf(all);
        // records made before the change dates were left out hashed their lines
        this.excludedBefore = all.size() == fields.size() ? null : fields;
    }

    /**
     * Whether a spec of {@code schema} held at {@code strictness} is asked for its approval: the
     * template records approvals ({@link #appliesTo}) and the spec is held from Approved on ({@link
     * Strictness#forStatus}: the approval point and every later status but an exit or a
     * retirement). The one reading of where an approval holds: {@code approval-missing} and {@code
     * approval-stale} apply there, and there only {@code approve --refresh} renews a record and
     * {@code status} tells of a stale one ({@code Lifecycle.approvedAt}).
     */
    public static boolean askedAt(TemplateSchema schema, Strictness strictness) {
        requireNonNull(strictness, "strictness must not be null");
        return strictness.atLeast(Strictness.APPROVED) && appliesTo(schema);
    }

    /**
     * Whether specs of {@code schema} record approvals ({@link TemplateSchema#recordsApprovals}): a
     * move to Approved in its Document Status field (or the field an {@code approval-field:} opts
     * in) records one, Approved being neither a draft nor an exit (an ADR template's Status of
     * Proposed, Accepted, ... records none). Where it does, {@code check} asks an Approved spec for
     * its record and {@code approve} writes it; where it does not, neither.
     */
    public static boolean appliesTo(TemplateSchema schema) {
        // asked twice per spec checked (approval-stale, approval-missing), nearly always of the
        // same schema: the last answer is kept
        Applies last = lastApplies;
        if (last != null && last.schema == schema) {
            return last.applies;
        }
        boolean applies = schema.recordsApprovals();
        lastApplies = new Applies(schema, applies);
        return applies;
    }

    /** {@link #appliesTo}'s last answer, for the schema it was asked of (which is immutable). */
    private static final class Applies {
        final TemplateSchema schema;
        final boolean applies;

        Applies(TemplateSchema schema, boolean applies) {
            this.schema = schema;
            this.applies = applies;
        }
    }

    /** Approvals recorded in the {@value #DEFAULT_FIELD} field. */
    public static Approvals standard() {
        return STANDARD;
    }

    /** The approval field's label. */
    public String field() {
        return field;
    }

    /** The labels of the metadata fields the fingerprint leaves out. */
    public List<String> excludedFields() {
        return excluded;
    }

    /** The fingerprint of a spec's approvable content. */
    public ContentFingerprint fingerprint(String text, SpecDocument document) {
        return ContentFingerprint.of(text, document, excluded, boxes);
    }

    /** The spec's approval field, if it has one. */
    public Optional<Field> recordField(SpecDocument document) {
        return document.metadata(field);
    }

    /**
     * The approval fields under another name: the spec's own metadata fields (not a metadata
     * file's) whose label is not this project's approval field and one of which holds a readable
     * record, such as the {@code **Approval:**} lines left in specs after a team renamed the field
     * in {@code .specgate.yml} ({@code approval-field: Sign-off}). {@code check} ignores them as
     * approvals ({@code approval-missing} names them); {@code approve} and {@code status SPEC
     * Draft} replace or remove them with the record. Every field of such a label, in document
     * order.
     */
    public List<Field> strays(SpecDocument document) {
        List<String> labels = new ArrayList<>();
        for (Field f : document.fields()) {
            if (stray(f)
                    && labels.stream().noneMatch(f::hasLabel)
                    && ApprovalRecord.parse(recordValue(document, f), "").isPresent()) {
                labels.add(f.label());
            }
        }
        if (labels.isEmpty()) {
            return List.of();
        }
        return document.fields().stream()
                .filter(f -> stray(f) && labels.stream().anyMatch(f::hasLabel))
                .toList();
    }

    /**
     * Whether {@code f} is a field of the spec's text that could hold an approval by another name.
     */
    private boolean stray(Field f) {
        return !f.inListItem()
                && f.form() != FieldForm.SIDECAR
                && excluded.stream().noneMatch(f::hasLabel);
    }

    /**
     * The approval records under another name in the metadata file beside the spec ({@code
     * metadata: {sidecar: ...}}): its keys, not this project's approval field, that hold a readable
     * record, such as an {@code Approval:} key left after a team renamed the field in {@code
     * .specgate.yml}. As with {@link #strays}, {@code check} ignores them as approvals ({@code
     * approval-missing} names them); unlike those, Specgate does not write the metadata file, so
     * {@code approve} and {@code status SPEC Approved} refuse ({@link #unwritable}) and say to
     * rename the key there, rather than record a second approval in the spec. In file order.
     */
    public List<Field> sidecarStrays(SpecDocument document) {
        return document.fields().stream()
                .filter(
                        f ->
                                f.form() == FieldForm.SIDECAR
                                        && !f.hasLabel(field)
                                        && excluded.stream().noneMatch(f::hasLabel)
                                        && ApprovalRecord.parse(f.value(), "").isPresent())
                .toList();
    }

    /**
     * What to say of {@code f}, one of the {@linkplain #sidecarStrays records under another name in
     * the metadata file}: {@code the metadata file beside it has an 'Approval:' record (2026-11-02
     * by Ana Ruiz), but this project's approval field is 'Sign-off:'}.
     */
    private String sidecarStrayNote(Field f) {
        ApprovalRecord r = ApprovalRecord.parse(f.value(), "").orElseThrow();
        return strayNote("the metadata file beside it has ", f, r);
    }

    /**
     * {@code has}, then what a record under another name holds against this project's field: {@code
     * it has an '**Approval:**' record (2026-11-02 by Ana Ruiz), but this project's approval field
     * is '**Sign-off:**'}, each name written in the record's own form.
     */
    private String strayNote(String has, Field f, ApprovalRecord r) {
        return has
                + article(f.label())
                + " '"
                + f.form().markdown(f.label())
                + "' record ("
                + r.date()
                + " by "
                + r.by()
                + "), but this project's approval field is '"
                + f.form().markdown(field)
                + "'";
    }

    /**
     * Whether the record under another name that {@link #strayNote} names is in the metadata file
     * beside the spec, which Specgate does not write (rename the key there), rather than a line of
     * the spec (which {@code approve --refresh} replaces).
     */
    public boolean strayInSidecar(SpecDocument document) {
        return strays(document).isEmpty() && !sidecarStrays(document).isEmpty();
    }

    /**
     * What to say of the {@linkplain #strays approval fields under another name}, or empty when
     * there are none: {@code it has an '**Approval:**' record (2026-11-02 by Ana Ruiz), but this
     * project's approval field is '**Sign-off:**'}.
     */
    public Optional<String> strayNote(SpecDocument document) {
        for (Field f : strays(document)) {
            Optional<ApprovalRecord> r = ApprovalRecord.parse(recordValue(document, f), "");
            if (r.isPresent()) {
                return Optional.of(strayNote("it has ", f, r.get()));
            }
        }
        List<Field> inSidecar = sidecarStrays(document);
        return inSidecar.isEmpty()
                ? Optional.empty()
                : Optional.of(sidecarStrayNote(inSidecar.get(0)));
    }

    /**
     * The article before a label written out: "an" before a vowel's letter ({@code an
     * '**Approval:**'}), else "a" ({@code a '**Sign-off:**'}).
     */
    private static String article(String label) {
        return !label.isEmpty() && "AEIOUaeiou".indexOf(label.charAt(0)) >= 0 ? "an" : "a";
    }

    /**
     * The hash {@link #approve} records for the spec as it is: its fingerprint without the lines of
     * the {@linkplain #strays approval fields under another name}, which the approval removes.
     *
     * @param text the spec's text without a byte order mark, which {@code document} was parsed from
     */
    public String approvedHash(String text, SpecDocument document) {
        return NormalisedHash.hash(text, document, excludedWith(strays(document)), boxes);
    }

    /** The fields the fingerprint leaves out, and the labels of {@code strays}. */
    private List<String> excludedWith(List<Field> strays) {
        if (strays.isEmpty()) {
            return excluded;
        }
        List<String> all = new ArrayList<>(excluded);
        strays.forEach(f -> all.add(f.label()));
        return List.copyOf(all);
    }

    /**
     * The approval recorded in the spec, if its field holds a readable one.
     *
     * @param text the spec's text without a byte order mark, which {@code document} was parsed from
     */
    public Optional<ApprovalRecord> record(String text, SpecDocument document) {
        return recordField(document).flatMap(f -> read(document, f));
    }

    /**
     * Whether the spec's approval still holds, with what changed when it does not. The content is
     * hashed once; the digests per section, which only say what changed, are computed only when a
     * readable record's hash differs.
     *
     * @param text the spec's text without a byte order mark, which {@code document} was parsed from
     */
    public ApprovalCheck check(String text, SpecDocument document) {
        return check(
                requireNonNull(text, "text must not be null"),
                null,
                document,
                document.fields(),
                null,
                recordField(document));
    }

    /**
     * As {@link #check(String, SpecDocument)} for the spec as read from its file: the fingerprint
     * is made from the bytes read instead of encoding the text again (the same hash).
     *
     * @param source the spec as read, whose text {@code document} was parsed from
     */
    public ApprovalCheck check(SpecSource source, SpecDocument document) {
        return check(source, document, null);
    }

    /**
     * As {@link #check(SpecSource, SpecDocument)}, with each heading's {@link
     * dev.specgate.core.schema.HeadingKey} from {@code headingKeys} instead of computing it again:
     * a check has matched the spec's headings to its template already ({@code SectionMatch::key}),
     * and the fingerprint needs the keys of the headings that hold boxes (which of them are working
     * checklists).
     *
     * @param headingKeys gives {@code HeadingKey.of(section.title())} for a section of {@code
     *     document}; null to compute it
     */
    public ApprovalCheck check(
            SpecSource source, SpecDocument document, Function<Section, String> headingKeys) {
        requireNonNull(source, "source must not be null");
        return check(
                source.content(),
                source.textBytes(),
                document,
                document.fields(),
                headingKeys,
                recordField(document));
    }

    /**
     * As {@link #check(SpecSource, SpecDocument, Function)}, with the spec's approval field found
     * already ({@link #recordField}'s answer, as a check's rules look it up among the metadata
     * fields): not looked up again among all the document's fields.
     *
     * @param field the spec's approval field: what {@code recordField(document)} gives
     */
    public ApprovalCheck check(
            SpecSource source,
            SpecDocument document,
            Function<Section, String> headingKeys,
            Field field) {
        return check(source, document, headingKeys, field, document.fields());
    }

    /**
     * As {@link #check(SpecSource, SpecDocument, Function, Field)}, with the document's fields
     * outside lists gathered already (as a check's rules gather them): the lines the fingerprint
     * leaves out are found among them, not among all the spec's fields, nearly all list fields.
     *
     * @param metadataFields the fields of {@code document} that are not {@linkplain
     *     Field#inListItem() in a list item}, in document order (or all its fields)
     */
    public ApprovalCheck check(
            SpecSource source,
            SpecDocument document,
            Function<Section, String> headingKeys,
            Field field,
            List<Field> metadataFields) {
        requireNonNull(source, "source must not be null");
        requireNonNull(field, "field must not be null");
        requireNonNull(metadataFields, "metadataFields must not be null");
        return check(
                source.content(),
                source.textBytes(),
                document,
                metadataFields,
                headingKeys,
                Optional.of(field));
    }

    /**
     * The check of {@code content} (a source's text is made a string only when the approval does
     * not hold as it stands, and {@link NormalisedHash} reads it only when it cannot hash {@code
     * utf8}).
     */
    private ApprovalCheck check(
            CharSequence content,
            ByteBuffer utf8,
            SpecDocument document,
            List<Field> fields,
            Function<Section, String> headingKeys,
            Optional<Field> f) {
        Optional<ApprovalRecord> record = f.flatMap(field -> read(document, field));
        String hash =
                NormalisedHash.of(content, utf8, document, fields, excluded, boxes, headingKeys);
        if (record.isEmpty() || record.get().hash().equals(hash)) {
            return ApprovalCheck.of(f, record, new ContentFingerprint(hash, List.of()));
        }
        String text = content.toString();
        if (heldBefore(record.get(), text, document)) {
            return ApprovalCheck.of(
                    f, record, new ContentFingerprint(record.get().hash(), List.of()));
        }
        // stale: name the sections whose text changed, as the record's digests read them then too
        // (a second reading only where it can differ: the spec's line a sidecar's key left out, or
        // a box of the checklists an earlier reading counted ticked)
        // (and with the status block's own digest only when the record has one: a record made
        // before held the block in the last section's digest)
        boolean block = ContentFingerprint.recordsStatusBlock(record.get().sectionCode());
        ContentFingerprint asBefore = null;
        if (NormalisedHash.sidecarExcluded(document, excluded)) {
            asBefore = ContentFingerprint.of(text, document, excluded, boxes, true, block);
        } else {
            for (ApprovalBoxes then : boxes.earlier()) {
                if (boxes.differsFrom(then, document)) {
                    asBefore = ContentFingerprint.of(text, document, excluded, then, false, block);
                    break;
                }
            }
        }
        ContentFingerprint now =
                ContentFingerprint.of(text, document, excluded, boxes, false, block);
        return ApprovalCheck.of(f, record, now, asBefore);
    }

    /**
     * The hash of the spec's approvable content ({@code fingerprint(text, document).hash()}, in one
     * pass and without the digests per section).
     */
    public String hash(String text, SpecDocument document) {
        return NormalisedHash.hash(text, document, excluded, boxes);
    }

    /**
     * Whether {@code text} is the content {@code record} approved: its fingerprint is the record's,
     * or, for a record made before the test, rollback and success checklists' boxes were left out,
     * or one made before a team template's own checklists' boxes were, the fingerprint read as then
     * ({@link ApprovalBoxes#earlier}) is.
     *
     * @param text the spec's text without a byte order mark, which {@code document} was parsed from
     */
    public boolean approves(ApprovalRecord record, String text, SpecDocument document) {
        return record.hash().equals(hash(text, document)) || heldBefore(record, text, document);
    }

    /**
     * Whether the content, read as Specgate read it before, has the record's hash: with the test,
     * rollback and success checklists' boxes counted, or (for a spec with fields in a metadata file
     * beside it) with the spec's lines at the positions of the sidecar's excluded keys left out.
     * The second reading holds only when the record's section digests match too: they hold a byte
     * of each section's title, so a record of that reading does not outlive an edit of the title on
     * the line it left out.
     */
    private boolean heldBefore(ApprovalRecord record, String text, SpecDocument document) {
        if (excludedBefore != null
                && record.hash()
                        .equals(NormalisedHash.hash(text, document, excludedBefore, boxes))) {
            return true; // recorded while the team's change date was still hashed
        }
        // the readings differ only where a box one counts and the other leaves out is ticked
        List<ApprovalBoxes> readings = new ArrayList<>(List.of(boxes));
        for (ApprovalBoxes earlier : boxes.earlier()) {
            if (boxes.differsFrom(earlier, document)) {
                if (record.hash().equals(NormalisedHash.hash(text, document, excluded, earlier))) {
                    return true;
                }
                readings.add(earlier);
            }
        }
        // and only where a key of the metadata file is one the fingerprint leaves out
        if (record.sectionCode().isEmpty() || !NormalisedHash.sidecarExcluded(document, excluded)) {
            return false;
        }
        for (ApprovalBoxes reading : readings) {
            // recorded by an earlier Specgate: the status block in the last section's digest
            ContentFingerprint then =
                    ContentFingerprint.of(text, document, excluded, reading, true, false);
            if (record.hash().equals(then.hash())
                    && record.sectionCode().equals(then.sectionCode())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The record the approval field {@code f} holds, as the parse of the spec read it: the field's
     * value ({@link #recordValue}) and the section digests of the HTML comment the document holds
     * after it on its line ({@code <!-- sections: ... -->}, which a bold line's or list item's
     * value leaves out; a front matter value holds it inside its quotes, a metadata file's value
     * whole).
     */
    private static Optional<ApprovalRecord> read(SpecDocument document, Field f) {
        String comment = "";
        if (f.form() == FieldForm.BOLD_LINE || f.form() == FieldForm.LIST_ITEM) {
            int line = f.valueRange().endLine();
            List<HtmlComment> comments = document.comments();
            for (int i = 0; i < comments.size(); i++) { // by index: C1 allocates an iterator
                HtmlComment c = comments.get(i);
                if (c.line() == line && c.text().startsWith(ApprovalRecord.SECTIONS)) {
                    comment = c.text();
                    break;
                }
            }
        }
        return ApprovalRecord.readCode(recordValue(document, f), comment);
    }

    /**
     * The approval field's value as a record is read from it: a front matter key's scalar as YAML
     * reads it (quotes taken off, {@code ''} and escapes read), when it stands on one line; else
     * the field's text. A value over several lines is no record in any form (a bold line's value
     * ends at its line; Specgate writes a front matter record on one line, and refuses to rewrite
     * one over several).
     */
    static String recordValue(SpecDocument document, Field f) {
        if (f.form() != FieldForm.FRONT_MATTER || document.frontMatter().isEmpty()) {
            return f.value();
        }
        if (f.valueRange().startLine() != f.valueRange().endLine()) {
            return "\n"; // not a record
        }
        for (FrontMatter.Entry e : document.frontMatter().get().entries()) {
            if (e.field().equals(f)) {
                return e.scalar().orElse(f.value());
            }
        }
        return f.value();
    }

    /**
     * Adds to {@code edit} the writing of an approval of {@code document} (parsed from {@code
     * edit}'s source): the approval field's value is replaced when it exists, else a line {@code
     * **Approval:** ...} is added under the status block (after the last of the Document Status,
     * Last Updated and Next Review lines that follow each other). The fingerprint is the content's
     * as the edit leaves it: the status block's lines are left out, so the move's own changes do
     * not count.
     */
    public SpecEdit approve(SpecEdit edit, SpecDocument document, String by, LocalDate today) {
        return approve(edit, document, by, today, List.of());
    }

    /**
     * As {@link #approve(SpecEdit, SpecDocument, String, LocalDate)}, and when the approval line is
     * added, {@code linesBefore} are added just before it (a Last Updated line the move adds at the
     * same place).
     */
    public SpecEdit approve(
            SpecEdit edit,
            SpecDocument document,
            String by,
            LocalDate today,
            List<String> linesBefore) {
        requireNonNull(by, "by must not be null");
        approverProblem(by)
                .ifPresent(
                        why -> {
                            throw new IllegalArgumentException("the approver " + why);
                        });
        unwritable(document)
                .ifPresent(
                        why -> {
                            throw new IllegalArgumentException(why);
                        });
        // the lines of an approval field under another name go: the content approved is without
        List<Field> strays = strays(document);
        ApprovalRecord record =
                ApprovalRecord.of(
                        today,
                        by,
                        ContentFingerprint.of(
                                edit.source().text(), document, excludedWith(strays), boxes));
        Optional<Field> existing = recordField(document);
        SpecSource source = edit.source();
        if (existing.isPresent()) {
            edit = removeLines(edit, strays);
            Field f = existing.get();
            if (f.form() == FieldForm.FRONT_MATTER) {
                // the whole value after the key's colon: quotes, old value, a trailing comment
                int line = f.labelRange().startLine();
                int labelEnd = source.offset(line, f.labelRange().endColumn());
                int colon = source.text().indexOf(':', labelEnd);
                return edit.replace(
                        colon + 1, source.lineEnd(line), " " + yamlScalar(record.value()));
            }
            return edit.replace(
                    source.startOffset(f.valueRange()),
                    source.lineEnd(f.valueRange().endLine()),
                    record.value());
        }
        String line = recordLine(source, document, record.value());
        if (!strays.isEmpty() && strays.get(0).form() == lineForm(document)) {
            // the first takes the record in its place, written as a new one would be
            Field first = strays.get(0);
            return removeLines(edit, strays.subList(1, strays.size()))
                    .replace(
                            source.lineStart(first.labelRange().startLine()),
                            source.lineEnd(first.valueRange().endLine()),
                            line);
        }
        edit = removeLines(edit, strays);
        int after = blockEnd(source, document);
        if (linesBefore.isEmpty()) {
            return edit.insertLineAfter(after, line);
        }
        String text = String.join("\n", linesBefore) + "\n" + line;
        if (source.lineBreak(after).isEmpty()) {
            return edit.insert(source.lineEnd(after), "\n" + text);
        }
        return edit.insert(source.lineEnd(after) + source.lineBreak(after).length(), text + "\n");
    }

    /**
     * Why {@code by} cannot be recorded as who approved, or empty when it can: it must name a
     * person as the Reviewer gate reads one (not empty, {@code TBD}, {@code [Technical reviewer]}
     * or another stand-in), on one line, without what would break the record's line (an HTML
     * comment's {@code <!--} or {@code -->}, control characters, the record's own {@code ,
     * sha256:}) or fail its check (a square bracket, read as a placeholder; {@code **}, read as a
     * field's bold label).
     */
    public static Optional<String> approverProblem(String by) {
        requireNonNull(by, "by must not be null");
        String name = by.strip();
        if (name.isEmpty()) {
            return Optional.of("names nobody");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("must be one line without control characters");
        }
        for (String breaking : List.of("<!--", "-->", ", sha256:")) {
            if (name.contains(breaking)) {
                return Optional.of(
                        "'"
                                + name
                                + "' holds '"
                                + breaking
                                + "', which would break the approval record");
            }
        }
        if (!Reviewers.namesAPerson(name)) {
            return Optional.of(
                    "'" + name + "' is a placeholder or stand-in, not a person: name who approves");
        }
        if (name.indexOf('[') >= 0 || name.indexOf(']') >= 0) {
            // the record would pass approve, then fail check: placeholder-bracket reads
            // 'Ana [Lead] Ruiz' on the approval line as a template placeholder left in
            return Optional.of(
                    "'"
                            + name
                            + "' holds a square bracket, which check would read on the approval"
                            + " line as a placeholder left in: name the person without it");
        }
        if (name.contains("**")) {
            // '**Note:** Ana' or '**Ana**: Lead' on the approval line reads as a field of its
            // own, so the line is no record: approve wrote it (exit 0), check called it none
            return Optional.of(
                    "'"
                            + name
                            + "' holds '**', which check would read on the approval line as a"
                            + " field's bold label ('**Note:**'), leaving no record: name the"
                            + " person without it");
        }
        return Optional.empty();
    }

    /**
     * Why an approval cannot be recorded in {@code document} as its fields are written, or empty
     * when it can: the approval field is written in the form of the status block (a bold line, a
     * leading list's item, a front matter key); an approval field kept in a metadata file beside
     * the spec, or a front matter value over several lines, is not rewritten; nor is an approval
     * recorded in the spec while that metadata file holds a record under another name ({@link
     * #sidecarStrays}): the two would disagree, and the key is renamed there.
     */
    public Optional<String> unwritable(SpecDocument document) {
        Optional<Field> existing = recordField(document);
        List<Field> inSidecar = existing.isEmpty() ? sidecarStrays(document) : List.of();
        if (!inSidecar.isEmpty()) {
            // a record written in the spec would stand beside the one the metadata file keeps
            Field key = inSidecar.get(0);
            return Optional.of(
                    sidecarStrayNote(key)
                            + ": Specgate does not write that file; rename its key '"
                            + key.label()
                            + "' to '"
                            + field
                            + "' there (the record then holds as before, if the content is"
                            + " the one approved), rather than record a second approval in the"
                            + " spec");
        }
        Field anchor = existing.or(() -> statusField(document)).orElse(null);
        if (anchor == null) {
            return Optional.empty();
        }
        String name = "'" + anchor.form().markdown(anchor.label()) + "'";
        if (anchor.form() == FieldForm.SIDECAR) {
            return Optional.of(
                    "the spec's "
                            + name
                            + " field is kept in the metadata file beside it: Specgate does not"
                            + " write approvals there");
        }
        if (existing.isPresent()
                && anchor.form() == FieldForm.FRONT_MATTER
                && (anchor.valueRange().startLine() != anchor.labelRange().startLine()
                        || anchor.valueRange().endLine() != anchor.labelRange().startLine())) {
            return Optional.of(
                    "the spec's front matter key "
                            + name
                            + " spans several lines: write it on one line (or remove it) to"
                            + " record an approval");
        }
        return Optional.empty();
    }

    private Optional<Field> statusField(SpecDocument document) {
        return document.metadata(TemplateSchema.STATUS_FIELD)
                .or(() -> document.metadata(TemplateSchema.SHORT_STATUS_FIELD))
                // a team's own status field (front matter 'stage:'), when approvals move with it
                .or(() -> document.metadata(statusField));
    }

    /** The form a new approval line is written in: the status field's (a bold line without one). */
    private FieldForm lineForm(SpecDocument document) {
        return statusField(document).map(Field::form).orElse(FieldForm.BOLD_LINE);
    }

    /** A new approval line, written as the status field is. */
    private String recordLine(SpecSource source, SpecDocument document, String value) {
        Optional<Field> status = statusField(document);
        if (status.isEmpty() || status.get().form() == FieldForm.BOLD_LINE) {
            return "**" + field + ":** " + value;
        }
        Field s = status.get();
        int line = s.labelRange().startLine();
        String text = source.text().substring(source.lineStart(line), source.lineEnd(line));
        String prefix = text.substring(0, Math.min(s.labelRange().startColumn(), text.length()));
        if (s.form() == FieldForm.LIST_ITEM) {
            return prefix + field + ": " + value;
        }
        // a front matter key, in lowercase when the status key is
        boolean lower = s.label().equals(s.label().toLowerCase(Locale.ROOT));
        return prefix + (lower ? field.toLowerCase(Locale.ROOT) : field) + ": " + yamlScalar(value);
    }

    /**
     * {@code value} as a quoted YAML scalar whose text between the quotes is {@code value} itself
     * (as the front matter reader reads it back): double quotes, or single quotes when the value
     * holds a double quote or a backslash. How an approval record and a field {@code specgate
     * field} sets are written in front matter.
     */
    public static String yamlScalar(String value) {
        if (value.indexOf('"') < 0 && value.indexOf('\\') < 0) {
            return '"' + value + '"';
        }
        return "'" + value.replace("'", "''") + "'";
    }

    /**
     * Adds to {@code edit} the removal of the approval field's line, if the spec has one, and of
     * the lines of an {@linkplain #strays approval field under another name}.
     */
    public SpecEdit clear(SpecEdit edit, SpecDocument document) {
        List<Field> lines = new ArrayList<>(strays(document));
        // a field kept in the metadata file beside the spec is not a line of the spec: Specgate
        // does not write that file (its line numbers once removed a line of the spec's own)
        recordField(document).filter(f -> f.form() != FieldForm.SIDECAR).ifPresent(lines::add);
        return removeLines(edit, lines);
    }

    /**
     * What {@link #clear} removes, in a user's words, or empty when it removes nothing: {@code The
     * approval of 2026-11-20 by Priya Raman is removed with its '**Approval:**' line.}; for a field
     * that holds no readable record, {@code The '**Approval:**' line is removed: it held no
     * approval.}; for {@linkplain #strays a record under another name}, {@code The approval of
     * 2026-11-20 by Priya Raman recorded under the earlier field name is removed with its
     * '**Approval:**' line.} Every line removed is told, so none goes in silence; a record kept in
     * the metadata file beside the spec, which {@link #clear} leaves alone, is said to stay there.
     */
    public Optional<String> clearNote(SpecDocument document) {
        List<String> said = new ArrayList<>();
        Optional<Field> own = recordField(document);
        if (own.isPresent() && own.get().form() == FieldForm.SIDECAR) {
            Field f = own.get();
            read(document, f)
                    .ifPresent(
                            r ->
                                    said.add(
                                            "the approval of "
                                                    + r.date()
                                                    + " by "
                                                    + r.by()
                                                    + " stays in the metadata file beside the"
                                                    + " spec, which Specgate does not write:"
                                                    + " remove its '"
                                                    + f.form().markdown(f.label())
                                                    + "' key there"));
        } else if (own.isPresent()) {
            Field f = own.get();
            String line = "'" + f.form().markdown(f.label()) + "' line";
            said.add(
                    read(document, f)
                            .map(
                                    r ->
                                            "the approval of "
                                                    + r.date()
                                                    + " by "
                                                    + r.by()
                                                    + " is"
                                                    + " removed with its "
                                                    + line)
                            .orElse("the " + line + " is removed: it held no approval"));
        }
        List<String> labels = new ArrayList<>();
        for (Field f : strays(document)) {
            if (labels.stream().anyMatch(f::hasLabel)) {
                continue;
            }
            labels.add(f.label());
            String line = "'" + f.form().markdown(f.label()) + "' line";
            Optional<ApprovalRecord> r = ApprovalRecord.parse(recordValue(document, f), "");
            said.add(
                    r.map(
                                    x ->
                                            "the approval of "
                                                    + x.date()
                                                    + " by "
                                                    + x.by()
                                                    + " recorded under"
                                                    + " the earlier field name is removed with its "
                                                    + line)
                            .orElse("the " + line + " is removed too"));
        }
        if (said.isEmpty()) {
            return Optional.empty();
        }
        String all = String.join("; ", said);
        return Optional.of(Character.toUpperCase(all.charAt(0)) + all.substring(1) + ".");
    }

    /**
     * Adds to {@code edit} the removal of the lines {@code fields} stand on (label to value), each
     * with its line break; lines next to each other go as one.
     */
    private static SpecEdit removeLines(SpecEdit edit, List<Field> fields) {
        if (fields.isEmpty()) {
            return edit;
        }
        SpecSource source = edit.source();
        java.util.TreeMap<Integer, Integer> spans = new java.util.TreeMap<>();
        for (Field f : fields) {
            spans.merge(f.labelRange().startLine(), f.valueRange().endLine(), Math::max);
        }
        int from = -1;
        int to = -1;
        for (var span : spans.entrySet()) {
            if (from >= 0 && span.getKey() <= to + 1) {
                to = Math.max(to, span.getValue());
                continue;
            }
            if (from >= 0) {
                edit = removeLines(edit, source, from, to);
            }
            from = span.getKey();
            to = span.getValue();
        }
        return removeLines(edit, source, from, to);
    }

    /** Adds the removal of lines {@code line} to {@code end} (0-based, inclusive). */
    private static SpecEdit removeLines(SpecEdit edit, SpecSource source, int line, int end) {
        int start = source.lineStart(line);
        int stop = source.lineEnd(end) + source.lineBreak(end).length();
        if (source.lineBreak(end).isEmpty() && line > 0) {
            // the last line: take the break before it instead
            start = source.lineEnd(line - 1);
        }
        return edit.replace(start, stop, "");
    }

    /** The last line of the status block (0-based): the line an approval line is added after. */
    public int blockEnd(SpecSource source, SpecDocument document) {
        Optional<Field> status = statusField(document);
        int end = status.map(f -> f.valueRange().endLine()).orElse(source.lineCount() - 1);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (String label :
                    List.of(TemplateSchema.LAST_UPDATED_FIELD, TemplateSchema.NEXT_REVIEW_FIELD)) {
                Optional<Field> f = document.metadata(label);
                if (f.isPresent() && f.get().labelRange().startLine() == end + 1) {
                    end = f.get().valueRange().endLine();
                    grew = true;
                }
            }
        }
        return end;
    }
}
