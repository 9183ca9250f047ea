package dev.specgate.core.history;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.approval.ApprovalRecord;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Specs approved per ISO week, read from their histories: what the dashboard's overview counts, the
 * one reading of it for {@code site} and {@code serve}.
 *
 * <p>A spec counts in a week when a commit wrote an approval record dated in that week ({@link
 * StatusChange#recordsApproval()}: {@code approve}, {@code approve --refresh}, or the spec first
 * committed with its record) and left the spec at a status that holds an approval, once per spec
 * and week however many records it got then (approved, sent back to Draft and approved again). The
 * week is the record's date, the day of the approval, not the commit's. A move to Approved that
 * wrote no record in its commit (the status edited by hand, with no record or with the one an
 * earlier approval left) is no approval: it is a {@link HandMove}, listed apart. A history cut by a
 * shallow clone ({@link SpecMoves#shallow()}) is read as far as it goes, its oldest version no
 * creation; the weeks are then partial ({@link #shallow()}). A history with versions that could not
 * be read as a spec's text ({@link SpecMoves#unreadVersions()}) is read from the versions around
 * them, so an approval made at one of them counts at the next readable version, or not at all: the
 * weeks are then partial too ({@link #unreadVersions()}).
 *
 * @param weeks the weeks with at least one spec approved, oldest first
 * @param handMoves the moves to Approved that recorded no approval, oldest first
 * @param shallow the specs whose history a shallow clone cut short: approvals before the cut are
 *     missing
 * @param unreadVersions the specs some of whose committed versions could not be read, ordered by
 *     path, each with the commits and why: their approvals may be missing or counted in a later
 *     week
 */
public record ApprovalWeeks(
        List<Week> weeks,
        List<HandMove> handMoves,
        List<Path> shallow,
        List<UnreadIn> unreadVersions) {

    public ApprovalWeeks {
        weeks = List.copyOf(weeks);
        handMoves = List.copyOf(handMoves);
        shallow = List.copyOf(shallow);
        unreadVersions = List.copyOf(unreadVersions);
    }

    /**
     * A spec some of whose committed versions could not be read.
     *
     * @param file the spec
     * @param said which and why, as every reader of its history says it ({@link
     *     SpecMoves#unreadVersionsSaid()})
     */
    public record UnreadIn(Path file, String said) {

        public UnreadIn {
            requireNonNull(file, "file must not be null");
            requireNonNull(said, "said must not be null");
        }
    }

    /**
     * The specs approved in one ISO week.
     *
     * @param week the week, {@code 2026-W45}
     * @param specs the specs approved in it, each once, by path
     */
    public record Week(String week, List<Path> specs) {

        public Week {
            requireNonNull(week, "week must not be null");
            specs = List.copyOf(specs);
        }
    }

    /**
     * A move to Approved that recorded no approval in its commit.
     *
     * @param file the spec
     * @param change the commit's change
     */
    public record HandMove(Path file, StatusChange change) {

        public HandMove {
            requireNonNull(file, "file must not be null");
            requireNonNull(change, "change must not be null");
        }
    }

    /**
     * The weeks, hand moves and cut histories of {@code timelines}. A record counts only when the
     * status the commit left the spec at holds an approval ({@code approvedAt}, the project's
     * lifecycle: Approved or Implementation in the built-in one): a record carried into a Draft or
     * Review spec (copied from another spec, or left by hand) approves nothing.
     */
    public static ApprovalWeeks of(Collection<SpecMoves> timelines, Predicate<String> approvedAt) {
        Map<String, Set<Path>> weeks = new TreeMap<>();
        List<HandMove> handMoves = new ArrayList<>();
        List<Path> shallow = new ArrayList<>();
        List<UnreadIn> unread = new ArrayList<>();
        List<SpecMoves> ordered =
                timelines.stream().sorted(Comparator.comparing(t -> t.file().toString())).toList();
        for (SpecMoves t : ordered) {
            if (t.shallow()) {
                shallow.add(t.file());
            }
            t.unreadVersionsSaid().ifPresent(said -> unread.add(new UnreadIn(t.file(), said)));
            for (StatusChange c : t.changes()) {
                if (c.recordsApproval() && c.to().filter(approvedAt).isPresent()) {
                    weeks.computeIfAbsent(week(c.approvalAfter().get()), k -> new LinkedHashSet<>())
                            .add(t.file());
                } else if (handMove(t, c)) {
                    handMoves.add(new HandMove(t.file(), c));
                }
            }
        }
        handMoves.sort(
                Comparator.comparing((HandMove h) -> h.change().version().revision().time())
                        .thenComparing(h -> h.file().toString()));
        List<Week> out = new ArrayList<>();
        weeks.forEach((w, specs) -> out.add(new Week(w, List.copyOf(specs))));
        return new ApprovalWeeks(out, handMoves, shallow, unread);
    }

    /**
     * Whether {@code change}, of {@code timeline}, moved the spec to Approved without writing an
     * approval record in its commit (a spec first committed as Approved with no record too; not the
     * oldest version of a history a shallow clone cut, whose move is unknown).
     */
    public static boolean handMove(SpecMoves timeline, StatusChange change) {
        boolean cut =
                timeline.shallow()
                        && !timeline.versions().isEmpty()
                        && change.version() == timeline.versions().get(0);
        return !cut && change.movedToApproved() && !change.recordsApproval();
    }

    /** The ISO week of an approval record's date, {@code 2026-W45}. */
    public static String week(ApprovalRecord record) {
        LocalDate d = record.date();
        return String.format(
                java.util.Locale.ROOT,
                "%d-W%02d",
                d.get(IsoFields.WEEK_BASED_YEAR),
                d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /**
     * Whether the weeks are partial: some history was cut by a shallow clone, or holds versions
     * that could not be read.
     */
    public boolean partial() {
        return !shallow.isEmpty() || !unreadVersions.isEmpty();
    }
}
