package dev.specgate.core.lifecycle;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.approval.Approvals;
import dev.specgate.core.check.SpecChecker;
import dev.specgate.core.diagnostic.EditDistance;
import dev.specgate.core.edit.SpecEdit;
import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.model.Field;
import dev.specgate.core.model.FieldForm;
import dev.specgate.core.model.FieldValues;
import dev.specgate.core.model.IsoDates;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.schema.FieldSpec;
import dev.specgate.core.schema.ListedFields;
import dev.specgate.core.schema.Reviewers;
import dev.specgate.core.schema.TemplateSchema;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Moves specs through their statuses: reports where a spec stands and which moves its gates let
 * through, and makes the edit of an allowed move, which changes only the status and Last Updated
 * values. The statuses and gates follow the template ({@link StatusGates#of(TemplateSchema)}): the
 * built-in Draft, Review, Approved, Implementation, or any template's own lifecycle. Immutable and
 * thread-safe.
 */
public final class Lifecycle {

    private final SpecChecker checker;
    private final StatusGates gates;
    private final FieldEdits fields;

    /** How the spec as a move leaves it is read, to judge a gate on it, as check reads it. */
    private final BiFunction<Path, String, SpecDocument> parser;

    public Lifecycle(SpecChecker checker, StatusGates gates) {
        this(checker, gates, requireNonNull(checker, "checker must not be null")::parse);
    }

    /** As above, the spec as a move leaves it read by {@code parser} (a test counts them). */
    Lifecycle(
            SpecChecker checker, StatusGates gates, BiFunction<Path, String, SpecDocument> parser) {
        this.checker = requireNonNull(checker, "checker must not be null");
        this.gates = requireNonNull(gates, "gates must not be null");
        this.parser = requireNonNull(parser, "parser must not be null");
        this.fields = new FieldEdits(checker, statusField(), this::status);
    }

    /** The lifecycle of the checker's template, with the gates {@link StatusGates#of} gives it. */
    public static Lifecycle of(SpecChecker checker) {
        return new Lifecycle(checker, StatusGates.of(checker.schema()));
    }

    /** The statuses in lifecycle order. */
    public List<SpecStatus> statuses() {
        return gates.statuses();
    }

    /**
     * The draft-like statuses, in lifecycle order: where a new spec starts and a move back leads.
     */
    public List<SpecStatus> drafts() {
        return gates.drafts();
    }

    /** The statuses as the template spells them, in order: {@code Draft, Review, ...}. */
    public String labels() {
        return gates.labels();
    }

    /**
     * The status {@code value} names (a move's TARGET), ignoring case and emphasis marks; empty
     * when it names none.
     */
    public Optional<SpecStatus> status(String value) {
        return gates.status(value);
    }

    /**
     * What every surface says of a move's TARGET that names no status ({@link #status(String)}
     * empty): {@code 'Reveiw' is not a status: use one of Draft, Review, Approved, Implementation;
     * did you mean 'Review'?}, the suggestion only where one status is close (spaces, hyphens or
     * case aside, or a typo). The one wording of {@code status}, the editor's {@code
     * specgate.moveStatus} and the MCP tool {@code set_status}.
     */
    public String notAStatus(String value) {
        return notAStatus(value, statuses().stream().map(SpecStatus::label).toList());
    }

    /**
     * {@link #notAStatus(String)} for a value that is none of {@code labels}: the same words where
     * the statuses are those of several templates ({@code list --status} across projects).
     */
    public static String notAStatus(String value, List<String> labels) {
        requireNonNull(value, "value must not be null");
        return "'"
                + value
                + "' is not a status: use one of "
                + String.join(", ", labels)
                + EditDistance.didYouMeanValue(value, labels);
    }

    /** The status a forward move from {@code status} leads to, if any. */
    public Optional<SpecStatus> next(SpecStatus status) {
        return gates.next(status);
    }

    /** The label of the field that holds the status: {@code Document Status}, {@code status}... */
    public String statusField() {
        return gates.isStandard() ? TemplateSchema.STATUS_FIELD : checker.schema().statusField();
    }

    /** Whether this is the built-in lifecycle, whose moves to Approved record an approval. */
    public boolean isStandard() {
        return gates.isStandard();
    }

    /**
     * Whether a move sets Last Updated: when the template has that field (the built-in one has), or
     * a date of a change of its own ({@code updated:}, {@link TemplateSchema#changeDateField}), in
     * the built-in lifecycle as in a template's own. A team template without one gets no such line
     * added by a move.
     */
    public boolean writesLastUpdated() {
        return checker.schema().changeDateField().isPresent();
    }

    /**
     * The label of the field a move sets to the day, as the template writes it: {@code Last
     * Updated}, or the template's own {@code updated:} ({@link #writesLastUpdated()} says whether
     * there is one), for every surface that tells of a move.
     */
    public String lastUpdatedField() {
        return checker.schema().changeDateField().orElse(TemplateSchema.LAST_UPDATED_FIELD);
    }

    /**
     * The status whose move records an approval: Approved in the built-in lifecycle; in a
     * template's own lifecycle, its status named Approved (any case) when its specs record
     * approvals ({@link Approvals#appliesTo}: the status is kept in a Document Status field that
     * allows Approved, neither draft-like nor an exit, which makes check ask for the approval).
     * Empty when the lifecycle records no approval (an ADR's Accepted).
     */
    public Optional<SpecStatus> approvalStatus() {
        if (gates.isStandard()) {
            return Optional.of(SpecStatus.APPROVED);
        }
        TemplateSchema schema = checker.schema();
        if (!Approvals.appliesTo(schema)) {
            return Optional.empty();
        }
        // the status as the lifecycle spells it (order: [.., approved, ..] writes "approved")
        return gates.statuses().stream()
                .filter(s -> s.label().equalsIgnoreCase(SpecStatus.APPROVED.label()))
                .filter(s -> !s.draft() && !s.exit())
                .findFirst();
    }

    /**
     * Whether a spec at {@code status} holds an approval: the lifecycle records approvals ({@link
     * #approvalStatus()}) and {@code check} asks a spec there for its record ({@link
     * Approvals#askedAt}: from the approval point on, Approved and Implementation in the built-in
     * lifecycle, a team's Shipped after Approved; not a draft-like status, an exit, nor a
     * retirement such as Deprecated, where approval-missing and approval-stale do not apply). Where
     * {@code approve --refresh} renews a record and {@code status} tells of a stale one.
     */
    public boolean approvedAt(SpecStatus status) {
        requireNonNull(status, "status must not be null");
        return approvalStatus().isPresent()
                && Approvals.askedAt(checker.schema(), status.strictness());
    }

    /**
     * Why {@code approve --refresh} is refused for the spec {@code name} at {@code status} (empty
     * when the spec holds an approval there, {@link #approvedAt}): {@code cannot refresh the
     * approval of NAME: it is Deprecated, a retirement, where no approval is asked for
     * (approval-missing and approval-stale hold from Approved until a retirement); the file is
     * unchanged}. The one wording of every surface that re-approves.
     */
    public Optional<String> refreshRefusal(Optional<SpecStatus> status, String name) {
        requireNonNull(name, "name must not be null");
        if (status.filter(this::approvedAt).isPresent()) {
            return Optional.empty();
        }
        String why;
        if (status.filter(SpecStatus::retired).isPresent()) {
            why =
                    "it is "
                            + status.get().label()
                            + ", a retirement, where no approval is asked for (approval-missing"
                            + " and approval-stale hold from "
                            + approvalStatus().map(SpecStatus::label).orElse("Approved")
                            + " until a retirement), so there is no approval to renew";
        } else if (status.filter(SpecStatus::exit).isPresent()) {
            why =
                    "it is "
                            + status.get().label()
                            + ", an exit, where no approval is asked for, so there is no approval"
                            + " to renew";
        } else {
            why =
                    "it is "
                            + status.map(SpecStatus::label).orElse("not at a known status")
                            + ", and --refresh re-approves an Approved spec (approve it without"
                            + " --refresh)";
        }
        return Optional.of("cannot refresh the approval of " + name + ": " + why);
    }

    /**
     * The edits of single metadata fields of this lifecycle's specs: what {@code specgate field}
     * and the MCP tool {@code set_field} set, refusing the status field this lifecycle moves.
     */
    public FieldEdits fields() {
        return fields;
    }

    /** How approvals are recorded: the checker's approval field. */
    public Approvals approvals() {
        return checker.approvals();
    }

    /**
     * Whether the Approved gate passes for a re-approval ({@code approve --refresh}) of a spec
     * already Approved or in Implementation, whatever its status: judged on the spec as the
     * re-approval leaves it apart from its record ({@link #refreshEdit}), Last Updated already
     * {@code today} when this lifecycle {@linkplain #writesLastUpdated() writes it} (added when
     * missing), as a move to Approved is judged ({@link #evaluate(Path, SpecSource, SpecDocument,
     * SpecStatus, LocalDate)}): a Last Updated that is not a date, or a placeholder, is what the
     * re-approval repairs, not a reason to refuse it.
     */
    public GateResult approvalGate(
            Path file, SpecSource source, SpecDocument document, LocalDate today) {
        requireNonNull(source, "source must not be null");
        SpecStatus approved =
                approvalStatus()
                        .orElseThrow(
                                () ->
                                        new IllegalStateException(
                                                "the lifecycle records no approval"));
        StatusMove move = new StatusMove(status(document), approved);
        Optional<GateResult> unwritable = approvalUnwritable(move, document);
        if (unwritable.isPresent()) {
            return unwritable.get();
        }
        Optional<Field> status = document.metadata(statusField());
        GateContext ctx;
        if (!writesLastUpdated() || status.isEmpty() || status.get().form() == FieldForm.SIDECAR) {
            ctx = new GateContext(document, file, checker, today); // as refreshEdit leaves it
        } else {
            String judged = lastUpdated(source.edit(), document, status.get(), today).text();
            ctx = new GateContext(checker.parse(file, judged), judged, file, checker, today);
        }
        return new GateResult(move, gates.to(approved).reasons(ctx));
    }

    /**
     * Whether the gate would have let a past move through: the spec as {@code text} holds it (the
     * status it moved to already written), judged as if it still had the status {@code from} and
     * moved to {@code to} on {@code day}. Several forward moves in one commit (Draft to Approved)
     * are judged by each gate on the way; a move the lifecycle does not allow (Approved back to
     * Review) is refused with the moves open from there. A spec's first appearance ({@code from}
     * empty) is no move: it is judged by the gate of the status it appears with, as if it came from
     * the status one step before (a spec added at Review passes when the Review gate does).
     */
    public GateResult audit(
            Path file, String text, Optional<SpecStatus> from, SpecStatus to, LocalDate day) {
        requireNonNull(text, "text must not be null");
        SpecSource source = SpecSource.of(text);
        return audit(file, source, checker.parser().parse(source.text()), from, to, day);
    }

    /**
     * As {@link #audit(Path, String, Optional, SpecStatus, LocalDate)}, for a text (without a byte
     * order mark) already parsed into {@code document} by this lifecycle's parser: the history
     * reads each version it judges once.
     */
    public GateResult audit(
            Path file,
            String text,
            SpecDocument document,
            Optional<SpecStatus> from,
            SpecStatus to,
            LocalDate day) {
        requireNonNull(text, "text must not be null");
        requireNonNull(document, "document must not be null");
        return audit(file, SpecSource.of(text), document, from, to, day);
    }

    private GateResult audit(
            Path file,
            SpecSource source,
            SpecDocument document,
            Optional<SpecStatus> from,
            SpecStatus to,
            LocalDate day) {
        requireNonNull(from, "from must not be null");
        if (from.isEmpty()) {
            Optional<SpecStatus> before = stepBefore(to);
            if (before.isPresent()) {
                GateResult judged = audit(file, source, document, before, to, day);
                return new GateResult(new StatusMove(from, to), judged.reasons());
            }
        }
        StatusMove move = new StatusMove(from, to);
        if (!move.allowed()) {
            Optional<List<SpecStatus>> steps = from.flatMap(f -> stepsForward(f, to));
            if (steps.isPresent()) {
                // several forward moves between two commits (status Review, then approve): each
                // gate on the way judges the committed text, as each move would have been judged
                Set<GateReason> reasons = new LinkedHashSet<>();
                SpecStatus at = from.get();
                for (SpecStatus step : steps.get()) {
                    reasons.addAll(
                            audit(file, source, document, Optional.of(at), step, day).reasons());
                    at = step;
                }
                return new GateResult(move, List.copyOf(reasons));
            }
            return new GateResult(move, List.of(GateReason.ofSpec(notAMove(move))));
        }
        if (!gates.isStandard()) {
            // the text holds the status moved to: judged as a move judges it
            GateContext ctx = new GateContext(document, source.text(), file, checker, day);
            return new GateResult(move, gates.to(to).reasons(ctx));
        }
        Optional<Field> status = document.metadata(TemplateSchema.STATUS_FIELD);
        if (status.isEmpty()) {
            return evaluate(file, document, to, day);
        }
        String before = from.map(SpecStatus::label).orElse("");
        String wasText = source.edit().fieldValue(status.get(), before).text();
        SpecDocument was = checker.parser().parse(wasText);
        GateContext ctx = new GateContext(was, wasText, file, checker, day);
        return new GateResult(move, gates.to(to).reasons(ctx));
    }

    /**
     * The verdict on a past change of status to a value that is no status of this lifecycle ({@code
     * In Review} where the statuses are Draft, Review, Approved and Implementation): no move leads
     * there, as {@code status} refuses one, so it skipped every gate; the one reason names the
     * value, on the status field's line. Empty when {@code document}'s status field names a status,
     * or claims none (missing, blank, or the template's placeholder). The result's move is to the
     * status such a spec is checked as, the first past the drafts, spelled as written.
     */
    public Optional<GateResult> auditNotAStatus(SpecDocument document, Optional<SpecStatus> from) {
        requireNonNull(document, "document must not be null");
        requireNonNull(from, "from must not be null");
        Optional<Field> field = document.metadata(statusField());
        if (field.isEmpty() || checker.schema().isPlaceholderValue(field.get().value())) {
            return Optional.empty();
        }
        String value = FieldValues.plain(field.get().value()).trim();
        if (value.isEmpty() || gates.status(value).isPresent()) {
            return Optional.empty();
        }
        SpecStatus held =
                statuses().stream()
                        .filter(s -> s.rank() == 1)
                        .findFirst()
                        .orElse(statuses().get(0))
                        .spelled(value);
        String message =
                "'"
                        + field.get().label()
                        + "' is '"
                        + value
                        + "', which is not a status: no move leads there (use one of "
                        + labels()
                        + ")";
        GateReason reason =
                field.get().form() == FieldForm.SIDECAR
                        ? GateReason.ofSpec(message)
                        : new GateReason(field.get().valueRange().startLine(), message);
        return Optional.of(new GateResult(new StatusMove(from, held), List.of(reason)));
    }

    /** The spec's status as written, if its status field names one: no gate is judged. */
    public Optional<SpecStatus> status(SpecDocument document) {
        return document.metadata(statusField()).flatMap(f -> gates.status(f.value()));
    }

    /**
     * Who approves when a spec moves to Approved and the caller names nobody: the reviewer the
     * template's reviewer field ({@link TemplateSchema#reviewerField()}: Reviewer, or a team's
     * {@code reviewers:}) names, when it names exactly one person. Several reviewers do not say
     * which of them approves: {@link #approverRefusal} asks.
     */
    public Optional<String> reviewer(SpecDocument document) {
        List<String> named = Reviewers.named(document, checker.schema());
        return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
    }

    /**
     * Why a move to the approval status ({@code approve}, {@code status SPEC Approved}, MCP's
     * {@code set_status}, the editor's move) cannot say who approves {@code shown} when the caller
     * names nobody ({@code by} empty): the reviewer field lists several people, and an approval
     * records the one person who gave it, not every reviewer. Worded for the command line: {@code
     * say which reviewer approves spec.md: --by NAME (its reviewers lists Ana Ruiz, Tomasz
     * Wójcik)}. Empty when the move records no approval or the approver is known.
     */
    public Optional<String> approverRefusal(
            SpecDocument document, SpecStatus target, Optional<String> by, String shown) {
        requireNonNull(by, "by must not be null");
        if (by.isPresent() || approvalStatus().filter(target::equals).isEmpty()) {
            return Optional.empty();
        }
        List<String> named = Reviewers.named(document, checker.schema());
        if (named.size() < 2) {
            return Optional.empty();
        }
        return Optional.of(
                "say which reviewer approves "
                        + shown
                        + ": --by NAME (its "
                        + reviewerLabel()
                        + " lists "
                        + String.join(", ", named)
                        + ")");
    }

    /**
     * {@link #approverRefusal} for a surface that cannot name an approver (the editor's move, MCP's
     * {@code set_status}): the same question, and the command a person runs to answer it: {@code
     * several reviewers could approve spec.md (its reviewers lists Ana Ruiz, Tomasz Wójcik): a
     * person says which with specgate status spec.md Approved --by NAME}.
     */
    public Optional<String> approverRefusalWithoutBy(
            SpecDocument document, SpecStatus target, String shown) {
        if (approverRefusal(document, target, Optional.empty(), shown).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                "several reviewers could approve "
                        + shown
                        + " (its "
                        + reviewerLabel()
                        + " lists "
                        + String.join(", ", Reviewers.named(document, checker.schema()))
                        + "): a person says which with specgate status "
                        + dev.specgate.core.diagnostic.ShellWord.of(shown)
                        + " "
                        + dev.specgate.core.diagnostic.ShellWord.of(target.label())
                        + " --by NAME");
    }

    /**
     * The label of the template's reviewer field: {@code Reviewer}, or a team's {@code reviewers}.
     */
    public String reviewerLabel() {
        return checker.schema()
                .reviewerField()
                .map(FieldSpec::label)
                .orElse(TemplateSchema.REVIEWER_FIELD);
    }

    /**
     * The edit of a re-approval: the approval field records {@code by}, {@code today} and the
     * content's fingerprint now, and Last Updated becomes {@code today} as a move to Approved sets
     * it (when this lifecycle {@linkplain #writesLastUpdated() writes it}); the status stays.
     */
    public SpecEdit refreshEdit(
            SpecSource source, SpecDocument document, String by, LocalDate today) {
        Optional<Field> status = document.metadata(statusField());
        if (status.isEmpty() || status.get().form() == FieldForm.SIDECAR) {
            return approvals().approve(source.edit(), document, by, today);
        }
        return recorded(source.edit(), source, document, status.get(), by, today);
    }

    /** The standard checker and gates. */
    public static Lifecycle standard() {
        return new Lifecycle(SpecChecker.standard(), StatusGates.standard());
    }

    /**
     * Why a task list, written {@code shown} for the reader, is refused by a command that reads or
     * moves a spec's status ({@code status}, {@code approve}, {@code history}, the MCP tool {@code
     * set_status}), in one wording each surface follows with its own advice: {@code FILE is a task
     * list: task lists have no Document Status and no lifecycle}.
     */
    public static String taskListRefusal(String shown) {
        requireNonNull(shown, "shown must not be null");
        return shown + " is a task list: task lists have no Document Status and no lifecycle";
    }

    /**
     * Why specs written from {@code schema} have no lifecycle, worded to follow "the template"
     * ({@code has no Document Status field}), or empty when they have one: the template's status
     * field ({@link TemplateSchema#statusField()}) has allowed values, or {@code lifecycle: order}
     * lists the statuses.
     */
    public static Optional<String> notApplicable(TemplateSchema schema) {
        return requireNonNull(schema, "schema must not be null").noStatuses();
    }

    /**
     * Why specs written from {@code schema} do not follow the built-in lifecycle, whose moves to
     * Approved record approvals, or empty when they do. The template must have a {@value
     * TemplateSchema#STATUS_FIELD} field whose allowed values are Draft, Review, Approved and
     * Implementation (any case, in that order), and that field must be the status field ({@code
     * lifecycle: status-field} names no other).
     */
    public static Optional<String> notStandard(TemplateSchema schema) {
        requireNonNull(schema, "schema must not be null");
        if (schema.followsBuiltinLifecycle()) {
            return Optional.empty();
        }
        // the built-in lifecycle reads and moves the Document Status field alone
        Optional<String> elsewhere = schema.notDocumentStatus();
        if (elsewhere.isPresent()) {
            return elsewhere;
        }
        List<String> statuses = schema.statuses();
        return Optional.of(
                statuses.isEmpty()
                        ? "has a " + TemplateSchema.STATUS_FIELD + " field without allowed values"
                        : "has "
                                + TemplateSchema.STATUS_FIELD
                                + " values "
                                + String.join(", ", statuses)
                                + " rather than "
                                + SpecStatus.labels());
    }

    /**
     * Where the spec stands and, for each move open from there, whether its gate passes, judged
     * from the document alone: a gate that needs the text (the approval still holds; for a
     * template's own lifecycle, the spec with the status moved to written) is not judged so. Views
     * that list the moves a user may make use {@link #inspect(Path, SpecSource, SpecDocument,
     * LocalDate)}.
     */
    public StatusReport inspect(Path file, SpecDocument document, LocalDate today) {
        GateContext ctx = new GateContext(document, file, checker, today);
        return report(document, target -> ctx, List.of());
    }

    /**
     * Where the spec stands and, for each move open from there, whether its gate passes, judged as
     * {@link #evaluate(Path, SpecSource, SpecDocument, SpecStatus, LocalDate)} judges the move: so
     * a move listed as open is one that {@code status SPEC TARGET} makes.
     */
    public StatusReport inspect(
            Path file, SpecSource source, SpecDocument document, LocalDate today) {
        return judge(file, source, document, today).report();
    }

    /**
     * The moves of one version of a spec, judged as {@link #inspect(Path, SpecSource, SpecDocument,
     * LocalDate)} and {@link #evaluateEach} judge them, sharing the spec as a move leaves it:
     * parsed once, when a gate first needs it (a spec whose status names none, whose open moves
     * have no gate, is not parsed again at all). What an editor asks when one request both lists
     * the moves and writes a status in place of a value that names none. Not for use by several
     * threads at once.
     */
    public Judgment judge(Path file, SpecSource source, SpecDocument document, LocalDate today) {
        return new Judgment(file, source, document, today);
    }

    /** The moves of one version of a spec, judged on one reading of it (see {@link #judge}). */
    public final class Judgment {
        private final SpecDocument document;
        private final Function<SpecStatus, GateContext> contexts;

        private Judgment(Path file, SpecSource source, SpecDocument document, LocalDate today) {
            this.document = requireNonNull(document, "document must not be null");
            this.contexts = contexts(file, source, document, today);
        }

        /** As {@link Lifecycle#inspect(Path, SpecSource, SpecDocument, LocalDate)} answers. */
        public StatusReport report() {
            return reportOf(document, contexts);
        }

        /** As {@link Lifecycle#evaluateEach} answers. */
        public List<GateResult> evaluateEach(List<SpecStatus> targets) {
            Optional<SpecStatus> current = status(document);
            List<GateResult> out = new ArrayList<>();
            for (SpecStatus target : targets) {
                out.add(evaluate(document, new StatusMove(current, target), contexts));
            }
            return out;
        }
    }

    private StatusReport reportOf(
            SpecDocument document, Function<SpecStatus, GateContext> contexts) {
        // the approval of the spec as it stands, said only where no open move states it (past
        // Approved: at Approved the move forward judges it), judged on the moves' own context,
        // whose check the moves share: a Draft's report (an editor's hover) checks nothing more
        List<GateReason> stale =
                status(document)
                        .filter(this::approvedAt)
                        .filter(c -> next(c).filter(this::approvedAt).isEmpty())
                        .map(c -> new ApprovalHolds().reasons(contexts.apply(c)))
                        .orElse(List.of());
        return report(document, contexts, stale);
    }

    private StatusReport report(
            SpecDocument document,
            Function<SpecStatus, GateContext> ctx,
            List<GateReason> approvalStale) {
        Optional<SpecStatus> current = status(document);
        List<GateResult> moves = new ArrayList<>();
        for (StatusMove move : moves(current)) {
            moves.add(evaluate(document, move, ctx));
        }
        return new StatusReport(
                document.metadata(statusField()).map(f -> FieldValues.plain(f.value())),
                current,
                document.metadata(lastUpdatedField()).map(f -> FieldValues.plain(f.value())),
                moves,
                approvalStale);
    }

    /**
     * The moves open from a status: forward first, then to each later retirement, then back to each
     * draft-like status, then to each exit.
     */
    public List<StatusMove> moves(Optional<SpecStatus> current) {
        List<StatusMove> moves = new ArrayList<>();
        Optional<SpecStatus> next = current.flatMap(gates::next);
        next.ifPresent(n -> moves.add(new StatusMove(current, n)));
        for (SpecStatus other : gates.statuses()) {
            StatusMove move = new StatusMove(current, other);
            if (other.retired() && !next.equals(Optional.of(other)) && move.allowed()) {
                moves.add(move);
            }
        }
        for (SpecStatus other : gates.drafts()) {
            if (current.isEmpty() || !current.get().equals(other)) {
                moves.add(new StatusMove(current, other));
            }
        }
        for (SpecStatus other : gates.exits()) {
            if (current.isEmpty() || !current.get().equals(other)) {
                moves.add(new StatusMove(current, other));
            }
        }
        return moves;
    }

    /**
     * Whether the spec may move to {@code target}, with every reason if not. A move the lifecycle
     * does not allow (such as Draft to Approved) is refused with one reason saying which moves are
     * open. A spec already at {@code target} passes: there is nothing to do.
     */
    public GateResult evaluate(
            Path file, SpecDocument document, SpecStatus target, LocalDate today) {
        GateContext ctx = new GateContext(document, file, checker, today);
        return evaluate(document, new StatusMove(status(document), target), t -> ctx);
    }

    /**
     * Whether the spec may move to {@code target}, judged on the spec as the move leaves it apart
     * from its status: Last Updated already {@code today} (added when missing, as the move adds
     * it), so that a spec without one is not refused for lacking what the move writes, and a date
     * before Created is refused before it is written. Reasons after the Document Status line may
     * then stand one line lower than in the file when the line is added. With a template's own
     * lifecycle the spec is judged exactly as the move leaves it, its new status written too (so
     * that a section required from that status is asked for).
     */
    public GateResult evaluate(
            Path file,
            SpecSource source,
            SpecDocument document,
            SpecStatus target,
            LocalDate today) {
        return evaluate(
                document,
                new StatusMove(status(document), target),
                contexts(file, source, document, today));
    }

    /**
     * Whether the spec may move to each of {@code targets}, judged as {@link #evaluate(Path,
     * SpecSource, SpecDocument, SpecStatus, LocalDate)} judges one, the spec read for the moves
     * once: what an editor asks before it offers to write one of several statuses in place of a
     * value that names none (a move the lifecycle does not allow refused with the moves open).
     */
    public List<GateResult> evaluateEach(
            Path file,
            SpecSource source,
            SpecDocument document,
            List<SpecStatus> targets,
            LocalDate today) {
        return judge(file, source, document, today).evaluateEach(targets);
    }

    /** The spec each move is judged on (see {@link #evaluate}). */
    private Function<SpecStatus, GateContext> contexts(
            Path file, SpecSource source, SpecDocument document, LocalDate today) {
        requireNonNull(source, "source must not be null");
        Optional<Field> status = document.metadata(statusField());
        if (status.isEmpty() || status.get().form() == FieldForm.SIDECAR) {
            // no status: every move is refused, naming a status written as a list item (the text)
            GateContext ctx =
                    new GateContext(
                            document,
                            status.isEmpty() ? source.text() : null,
                            file,
                            checker,
                            today);
            return target -> ctx;
        }
        if (!gates.isStandard()) {
            // the spec as each move leaves it, its status written as spelled: one reading each
            Map<String, GateContext> made = new HashMap<>();
            return target ->
                    made.computeIfAbsent(
                            target.spelling(),
                            t -> {
                                String moved =
                                        moved(source.edit(), document, status.get(), target, today)
                                                .text();
                                return new GateContext(
                                        parser.apply(file, moved), moved, file, checker, today);
                            });
        }
        // one spec for every move, read when a gate first needs it: none does for the moves open
        // from a status that names none (to a draft or an exit)
        GateContext[] made = new GateContext[1];
        return target -> {
            if (made[0] == null) {
                String judged = stamped(source.edit(), document, status.get(), today).text();
                made[0] = new GateContext(parser.apply(file, judged), judged, file, checker, today);
            }
            return made[0];
        };
    }

    /** Sets Last Updated to {@code today}, adding it after the Document Status line if missing. */
    private SpecEdit lastUpdated(
            SpecEdit edit, SpecDocument document, Field status, LocalDate today) {
        Optional<Field> updated = document.metadata(lastUpdatedField());
        if (updated.isPresent()) {
            // kept in the metadata file beside the spec, which Specgate does not write
            return updated.get().form() == FieldForm.SIDECAR
                    ? edit
                    : edit.fieldValue(updated.get(), today.toString());
        }
        return edit.insertLineAfter(
                status.valueRange().endLine(), lastUpdatedLine(edit.source(), status, today));
    }

    /** A Last Updated line, written as the status field is: a bold line, a front matter key, ... */
    private String lastUpdatedLine(SpecSource source, Field status, LocalDate today) {
        return fieldLine(source, status, lastUpdatedField(), today.toString());
    }

    /**
     * A new line of the field {@code label} holding {@code value}, written as {@code beside} is (a
     * bold line, a leading list's item, a front matter key, quoted when YAML would read it
     * otherwise), indented as it is: how a move adds Last Updated and {@link FieldEdits} adds a
     * field the spec lacks.
     */
    static String fieldLine(SpecSource source, Field beside, String label, String value) {
        return fieldLine(source, beside, label, value, false);
    }

    /** As above; {@code yaml}: a front matter value already written as YAML (a flow list). */
    static String fieldLine(
            SpecSource source, Field beside, String label, String value, boolean yaml) {
        String line =
                source.text()
                        .substring(
                                source.lineStart(beside.labelRange().startLine()),
                                source.lineEnd(beside.labelRange().startLine()));
        String prefix =
                line.substring(0, Math.min(beside.labelRange().startColumn(), line.length()));
        if (beside.form() == FieldForm.BOLD_LINE) {
            return prefix.replace("*", "").replace("_", "") + "**" + label + ":** " + value;
        }
        if (beside.form() == FieldForm.FRONT_MATTER && !yaml && !IsoDates.looksLikeIsoDate(value)) {
            return prefix + label + ": " + Approvals.yamlScalar(value);
        }
        return prefix + label + ": " + value;
    }

    /** {@code edit} with Last Updated set to {@code today} when this lifecycle writes it. */
    private SpecEdit stamped(SpecEdit edit, SpecDocument document, Field status, LocalDate today) {
        return writesLastUpdated() ? lastUpdated(edit, document, status, today) : edit;
    }

    /**
     * The edit of a move in a template's own lifecycle: the status value becomes the target as the
     * mover spelled it; Last Updated becomes {@code today} only when the template has that field
     * (added after the status when the spec lacks it). Nothing else changes.
     */
    private SpecEdit moved(
            SpecEdit edit,
            SpecDocument document,
            Field status,
            SpecStatus target,
            LocalDate today) {
        return stamped(edit.fieldValue(status, target.spelling()), document, status, today);
    }

    /**
     * The edit that moves the spec to {@code target}: the Document Status value becomes the target,
     * and Last Updated becomes {@code today} (a Last Updated line is added after the Document
     * Status line when the spec has none). Nothing else changes. The caller evaluates the gate
     * first. With a template's own lifecycle, the status field is the template's and Last Updated
     * changes only when the template has one.
     *
     * @throws IllegalArgumentException if the spec has no status field
     */
    public SpecEdit moveEdit(
            SpecSource source, SpecDocument document, SpecStatus target, LocalDate today) {
        return moveEdit(source, document, target, today, Optional.empty());
    }

    /**
     * What {@link #moveEdit(SpecSource, SpecDocument, SpecStatus, LocalDate, Optional)} does to the
     * approval, in a user's words, for every surface that tells of a move (the CLI's {@code
     * status}, the MCP's {@code set_status}, the editor's command): when a move back to a draft
     * removes approval lines, each as {@link Approvals#clearNote} tells it ({@code The approval of
     * 2026-11-20 by Priya Raman is removed with its '**Approval:**' line.}), {@code Approval
     * recorded for NAME in the Approval field.} when a move to the approval status records one;
     * empty when the move leaves the approval alone. The field is named as the project names it.
     */
    public Optional<String> approvalNote(
            SpecDocument document, SpecStatus target, Optional<String> by) {
        requireNonNull(by, "by must not be null");
        Optional<SpecStatus> approving = approvalStatus();
        if (approving.isEmpty()) {
            return Optional.empty();
        }
        String field = approvals().field();
        if (target.draft()) {
            return approvals().clearNote(document);
        }
        if (!target.equals(approving.get())) {
            return Optional.empty();
        }
        return by.or(() -> reviewer(document))
                .map(n -> "Approval recorded for " + n + " in the " + field + " field.");
    }

    /**
     * The edit that moves the spec to {@code target}, as {@link #moveEdit(SpecSource, SpecDocument,
     * SpecStatus, LocalDate)} describes, and with the approval (when the lifecycle has an
     * {@linkplain #approvalStatus() approval status}): a move to Approved records it ({@code by},
     * else the Reviewer when it names a person) in the approval field, bound to the content's
     * fingerprint; a move back to a draft-like status removes the approval field's line.
     */
    public SpecEdit moveEdit(
            SpecSource source,
            SpecDocument document,
            SpecStatus target,
            LocalDate today,
            Optional<String> by) {
        requireNonNull(by, "by must not be null");
        Field status =
                document.metadata(statusField())
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                "the spec has no " + statusField() + " field"));
        Optional<SpecStatus> approving = approvalStatus();
        if (approving.isEmpty()) {
            return moved(source.edit(), document, status, target, today);
        }
        SpecEdit edit =
                source.edit()
                        .fieldValue(
                                status, gates.isStandard() ? target.label() : target.spelling());
        if (target.draft()) {
            return stamped(approvals().clear(edit, document), document, status, today);
        }
        Optional<String> approver = by.or(() -> reviewer(document));
        if (!target.equals(approving.get()) || approver.isEmpty()) {
            return stamped(edit, document, status, today);
        }
        return recorded(edit, source, document, status, approver.get(), today);
    }

    /**
     * {@code edit} with the approval by {@code approver} recorded and, when this lifecycle writes
     * it, Last Updated set to {@code today}: what a move to Approved and a re-approval both write.
     */
    private SpecEdit recorded(
            SpecEdit edit,
            SpecSource source,
            SpecDocument document,
            Field status,
            String approver,
            LocalDate today) {
        if (!writesLastUpdated()) {
            return approvals().approve(edit, document, approver, today);
        }
        Optional<Field> updated = document.metadata(lastUpdatedField());
        if (updated.isPresent()) {
            return approvals()
                    .approve(lastUpdated(edit, document, status, today), document, approver, today);
        }
        if (approvals().recordField(document).isPresent()
                || !approvals().strays(document).isEmpty()
                || approvals().blockEnd(source, document) != status.valueRange().endLine()) {
            return approvals()
                    .approve(lastUpdated(edit, document, status, today), document, approver, today);
        }
        // both lines go after the Document Status line: one insertion
        return approvals()
                .approve(
                        edit,
                        document,
                        approver,
                        today,
                        List.of(lastUpdatedLine(source, status, today)));
    }

    private GateResult evaluate(
            SpecDocument document, StatusMove move, Function<SpecStatus, GateContext> contexts) {
        Optional<Field> statusField = document.metadata(statusField());
        if (statusField.isEmpty()) {
            String text = contexts.apply(move.to()).text().orElse(null);
            return new GateResult(move, List.of(GateReason.ofSpec(noStatusField(document, text))));
        }
        if (statusField.get().form() == FieldForm.SIDECAR) {
            return new GateResult(
                    move,
                    List.of(
                            GateReason.ofSpec(
                                    "the spec's status is kept in the metadata file beside it:"
                                            + " change it there")));
        }
        if (move.stays()) {
            return new GateResult(move, List.of());
        }
        if (!move.allowed()) {
            return new GateResult(move, List.of(GateReason.ofSpec(notAMove(move))));
        }
        if (TemplateSchema.endsWithNumberPlaceholder(move.to().spelling())) {
            return new GateResult(
                    move,
                    List.of(
                            GateReason.ofSpec(
                                    "'"
                                            + move.to().spelling()
                                            + "' is the template's example: give the status with"
                                            + " its real number in place of the placeholder")));
        }
        if (approvalStatus().filter(move.to()::equals).isPresent()) {
            Optional<GateResult> unwritable = approvalUnwritable(move, document);
            if (unwritable.isPresent()) {
                return unwritable.get();
            }
        }
        StatusGate gate = gates.to(move.to());
        if (gate.conditions().isEmpty()) {
            // a draft-like status or an exit: nothing to judge, so no spec to make for it
            return new GateResult(move, List.of());
        }
        return new GateResult(move, gate.reasons(contexts.apply(move.to())));
    }

    /**
     * The refusal of a move to Approved whose approval the spec's form cannot record, or empty when
     * it can.
     */
    private Optional<GateResult> approvalUnwritable(StatusMove move, SpecDocument document) {
        return approvals()
                .unwritable(document)
                .map(
                        why ->
                                new GateResult(
                                        move,
                                        List.of(
                                                GateReason.ofSpec(
                                                        "the approval cannot be recorded: "
                                                                + why))));
    }

    /** Why the spec has no status field to change; {@code text} its text, when known (or null). */
    private String noStatusField(SpecDocument document, String text) {
        // the status written under a name the template does not use (a front matter "status:"
        // for "**Document Status:**"): say which, as field-missing does
        Optional<Field> misnamed =
                checker.schema()
                        .field(statusField())
                        .flatMap(f -> checker.schema().misnamed(document, f));
        if (misnamed.isPresent()) {
            String label = misnamed.get().label().trim();
            return "the spec has no '"
                    + statusField()
                    + "' field to change: '"
                    + misnamed.get().form().markdown(label)
                    + "' is not that field (fields are read by the template's labels): rename '"
                    + label
                    + "' to '"
                    + statusField()
                    + "'";
        }
        // written as a list item where the template wants a bold line: say which, as field-missing
        // does
        Optional<ListedFields.Listed> listed =
                text == null ? Optional.empty() : ListedFields.status(checker.schema(), text);
        if (listed.isPresent()) {
            return "the spec has no '**"
                    + statusField()
                    + ":**' field to change: "
                    + listed.get().hint();
        }
        if (gates.isStandard()) {
            return "the spec has no '**"
                    + TemplateSchema.STATUS_FIELD
                    + ":**' field to change: add '**"
                    + TemplateSchema.STATUS_FIELD
                    + ":** Draft' to its closing fields";
        }
        return "the spec has no '"
                + statusField()
                + "' field to change: add it where the template has it, with "
                + gates.drafts().stream().findFirst().orElse(statuses().get(0)).label();
    }

    /**
     * The statuses one forward step at a time from {@code from} to {@code to} (each a move the
     * lifecycle allows, {@code to} last), when {@code to} lies more than one step ahead; empty
     * otherwise.
     */
    private Optional<List<SpecStatus>> stepsForward(SpecStatus from, SpecStatus to) {
        if (from.exit() || to.draft() || to.exit() || to.rank() <= from.rank() + 1) {
            return Optional.empty();
        }
        List<SpecStatus> steps = new ArrayList<>();
        SpecStatus at = from;
        while (at.rank() < to.rank()) {
            int rank = at.rank() + 1;
            Optional<SpecStatus> next =
                    rank == to.rank()
                            ? Optional.of(to)
                            : statuses().stream()
                                    .filter(s -> !s.exit() && !s.retired() && s.rank() == rank)
                                    .findFirst();
            if (next.isEmpty() || !new StatusMove(Optional.of(at), next.get()).allowed()) {
                return Optional.empty();
            }
            steps.add(next.get());
            at = next.get();
        }
        return Optional.of(steps);
    }

    /** The status one step before {@code to} on the way through the lifecycle, if any. */
    private Optional<SpecStatus> stepBefore(SpecStatus to) {
        if (to.draft() || to.exit()) {
            return Optional.empty();
        }
        return statuses().stream().filter(s -> !s.exit() && s.rank() == to.rank() - 1).findFirst();
    }

    private String notAMove(StatusMove move) {
        List<String> open = moves(move.from()).stream().map(m -> m.to().label()).toList();
        List<String> path = new ArrayList<>();
        gates.drafts().stream().findFirst().ifPresent(d -> path.add(d.label()));
        for (SpecStatus s : statuses()) {
            if (!s.draft() && !s.exit()) {
                path.add(s.label());
            }
        }
        String drafts =
                String.join(" or ", gates.drafts().stream().map(SpecStatus::label).toList());
        String exits = String.join(" or ", gates.exits().stream().map(SpecStatus::label).toList());
        String retired =
                String.join(
                        " or ",
                        statuses().stream()
                                .filter(SpecStatus::retired)
                                .map(SpecStatus::label)
                                .toList());
        return move
                + " is not a lifecycle move: specs go "
                + String.join(" -> ", path)
                + " one step at a time"
                + (drafts.isEmpty() && exits.isEmpty()
                        ? ""
                        : ", and "
                                + (drafts.isEmpty() ? "" : "back to " + drafts)
                                + (drafts.isEmpty() || exits.isEmpty() ? "" : " or ")
                                + (exits.isEmpty() ? "" : "to " + exits)
                                + " from any status")
                + (retired.isEmpty()
                        ? ""
                        : ", and to "
                                + retired
                                + " from any earlier status"
                                + (drafts.isEmpty() ? "" : " past " + drafts))
                + " (from here: "
                + (open.isEmpty() ? "none" : String.join(" or ", open))
                + ")";
    }
}
