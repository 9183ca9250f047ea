package dev.specgate.core.project;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.approval.ApprovalCheck;
import dev.specgate.core.catalog.SpecSummary;
import dev.specgate.core.check.CheckResult;
import dev.specgate.core.checklist.Checklist;
import dev.specgate.core.checklist.Schedule;
import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.layout.EarlyEntry;
import dev.specgate.core.layout.SpecLayout;
import dev.specgate.core.layout.TracedEntry;
import dev.specgate.core.model.DocumentKind;
import dev.specgate.core.model.IsoDates;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.parse.SpecParser;
import dev.specgate.core.rules.RuleIds;
import dev.specgate.core.schema.StatusReading;
import dev.specgate.core.schema.Strictness;
import dev.specgate.core.schema.TemplateSchema;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One spec read once, parsed once and checked, with everything else a surface shows of it derived
 * from that same text and document: its summary, checklist, schedule (deadlines, review, timeline
 * phases) and File Organization trace.
 *
 * @param file the spec file (null for text checked in memory)
 * @param source the bytes and text that were checked, or null when the file could not be read
 * @param document the document parsed from {@code source}, or null when the file could not be read
 * @param result the check of {@code document} (holding it)
 * @param schema the template it was checked against
 * @param today the date overdue items are measured against
 */
public record CheckedSpec(
        Path file,
        SpecSource source,
        SpecDocument document,
        CheckResult result,
        TemplateSchema schema,
        LocalDate today) {

    public CheckedSpec {
        requireNonNull(result, "result must not be null");
        requireNonNull(schema, "schema must not be null");
        requireNonNull(today, "today must not be null");
    }

    /**
     * Whether the file was read and parsed (else {@link #result()} holds one unreadable-file
     * error).
     */
    public boolean readable() {
        return document != null;
    }

    /** The file's kind, from its path. */
    public DocumentKind kind() {
        return DocumentKind.of(file);
    }

    /** The spec at a glance, as {@code list} and the dashboard show it. */
    public SpecSummary summary() {
        return SpecSummary.of(result, schema, today);
    }

    /**
     * Its summary, checklist and schedule, each made once from the one document: what a surface
     * that shows all three (the dashboard) asks for, instead of {@link #summary()}, {@link
     * #checklist()} and {@link #schedule(SpecSummary)}, which would make the checklist and the
     * schedule's deadlines twice.
     *
     * @param summary as {@link #summary()}
     * @param checklist as {@link #checklist()}
     * @param schedule as {@link #schedule(SpecSummary)} of that summary
     */
    public record Overview(SpecSummary summary, Checklist checklist, Schedule schedule) {}

    /** Its summary, checklist and schedule, each made once. */
    public Overview overview() {
        Checklist checklist = checklist();
        if (!readable()) {
            return new Overview(summary(), checklist, schedule(null));
        }
        Schedule[] schedule = new Schedule[1];
        SpecSummary summary =
                SpecSummary.of(
                        result,
                        schema,
                        today,
                        checklist,
                        created -> schedule[0] = Schedule.of(document, created));
        return new Overview(
                summary, checklist, schedule[0] != null ? schedule[0] : schedule(summary));
    }

    /** Its checklist items with ids; empty when the file could not be read. */
    public Checklist checklist() {
        return Checklist.of(readable() ? document : new SpecParser().parse(""), kind());
    }

    /** Its deadlines, Next Review and timeline phases (from its summary's date). */
    public Schedule schedule() {
        return schedule(readable() ? summary() : null);
    }

    /**
     * As {@link #schedule()}, from its {@code summary} made already (a surface that shows both
     * makes the summary once); {@code summary} is not read when the file could not be read.
     */
    public Schedule schedule(SpecSummary summary) {
        if (!readable()) {
            return new Schedule(List.of(), Optional.empty(), List.of());
        }
        Optional<LocalDate> created =
                Optional.ofNullable(summary.created()).flatMap(IsoDates::parse);
        return Schedule.of(document, created);
    }

    /** The status value as written, or empty. */
    public Optional<String> status() {
        return readable() ? StatusReading.written(document, schema) : Optional.empty();
    }

    /**
     * Whether its approval still holds, as the check computed it once (the {@code approval-stale}
     * rule's own comparison): empty when the spec records no approval or approvals do not apply to
     * it yet (before Approved, or a template without approvals).
     */
    public Optional<ApprovalCheck> approval() {
        return result.approvalCheck();
    }

    /**
     * Whether its approval is stale as its result reports it: the approval's content changed and an
     * {@code approval-stale} finding is among the findings. A rule turned off or a suppression
     * makes it not stale here either, and so does the baseline on {@link
     * SpecProject#asReported(CheckedSpec)}'s spec, so that no surface says otherwise than {@code
     * check}.
     */
    public boolean approvalStale() {
        return approval().filter(ApprovalCheck::stale).isPresent()
                && result.reports(RuleIds.APPROVAL_STALE);
    }

    /** The same spec with {@code reported} as its result (the same check, a baseline applied). */
    CheckedSpec withResult(CheckResult reported) {
        return new CheckedSpec(file, source, document, reported, schema, today);
    }

    /** How strictly the spec is held, following its status. */
    public Strictness strictness() {
        return readable() ? StatusReading.strictness(document, schema) : Strictness.REVIEW;
    }

    /** What its File Organization promises and what of it exists; empty when unreadable. */
    public List<TracedEntry> layout() {
        if (!readable() || file == null) {
            return List.of();
        }
        return SpecLayout.trace(file, source.text(), document, schema);
    }

    /**
     * The entries of its {@code layout} ({@link #layout()}) that already hold this feature's code
     * while it stands before its approval point ({@link SpecLayout#early}); empty when unreadable.
     */
    public List<EarlyEntry> early(List<TracedEntry> layout) {
        if (!readable() || file == null) {
            return List.of();
        }
        return SpecLayout.early(file, layout, document, schema);
    }

    /**
     * The File Organization's list items that name a path but are not read as entries (no backticks
     * right after the label); empty when unreadable.
     */
    public List<dev.specgate.core.layout.UnreadEntry> unreadLayout() {
        if (!readable()) {
            return List.of();
        }
        return SpecLayout.unread(source.text(), document);
    }
}
