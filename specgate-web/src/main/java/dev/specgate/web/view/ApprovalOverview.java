package dev.specgate.web.view;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * What the overview shows of approvals: the specs whose approval no longer holds, how many specs
 * were approved each week (from git, core's {@code ApprovalWeeks}), and what that count leaves out:
 * moves to Approved that recorded no approval, specs whose history cannot be read, histories a
 * shallow clone cut short, histories with committed versions that could not be read.
 *
 * @param stale specs whose recorded approval is stale, with what changed
 * @param perWeek specs approved per ISO week (an approval record dated in it), oldest first
 * @param note why the weekly counts are missing (no git repository), or empty
 * @param handMoves moves to Approved that recorded no approval in their commit, oldest first
 * @param unreadable the specs whose history cannot be read, each {@code PATH (CAUSE)}: not counted
 * @param shallow the specs whose history a shallow clone cut short (paths): the weeks are partial
 * @param unreadVersions the specs some of whose committed versions could not be read, each {@code
 *     PATH: 1 committed version could not be read: ...} (core's words): counted from the versions
 *     around them, the weeks are partial
 */
public record ApprovalOverview(
        List<SpecView> stale,
        List<Week> perWeek,
        String note,
        List<HandMove> handMoves,
        List<String> unreadable,
        List<String> shallow,
        List<String> unreadVersions) {

    public ApprovalOverview {
        stale = List.copyOf(stale);
        perWeek = List.copyOf(perWeek);
        requireNonNull(note, "note must not be null");
        handMoves = List.copyOf(handMoves);
        unreadable = List.copyOf(unreadable);
        shallow = List.copyOf(shallow);
        unreadVersions = List.copyOf(unreadVersions);
    }

    /** Stale approvals and weeks, with nothing left out. */
    public ApprovalOverview(List<SpecView> stale, List<Week> perWeek, String note) {
        this(stale, perWeek, note, List.of(), List.of(), List.of(), List.of());
    }

    /** Nothing known of approvals. */
    public static ApprovalOverview none() {
        return new ApprovalOverview(List.of(), List.of(), "");
    }

    /**
     * Whether the weekly counts miss approvals: a history cut short or unreadable, or some of its
     * versions unreadable.
     */
    public boolean partial() {
        return !shallow.isEmpty() || !unreadable.isEmpty() || !unreadVersions.isEmpty();
    }

    /**
     * What the weekly counts leave out, as the overview's notices say it, one line each: one for
     * every spec whose committed versions could not all be read.
     */
    public List<String> notices() {
        List<String> out = new ArrayList<>();
        if (!unreadable.isEmpty()) {
            out.add(
                    "history unreadable for "
                            + specs(unreadable.size())
                            + ", left out of Approved per week: "
                            + String.join("; ", unreadable));
        }
        if (!shallow.isEmpty()) {
            out.add(
                    "the git repository is a shallow clone: the history of "
                            + specs(shallow.size())
                            + " starts at a commit whose parents were not fetched, so Approved per"
                            + " week is partial; fetch them with 'git fetch --unshallow' (a CI"
                            + " checkout: fetch-depth: 0)");
        }
        for (String u : unreadVersions) {
            out.add("partial history of " + u);
        }
        return out;
    }

    private static String specs(int n) {
        return n == 1 ? "1 spec" : n + " specs";
    }

    /**
     * Specs approved in one week.
     *
     * @param week the ISO week, {@code 2026-W45}
     * @param count specs approved in it, each once
     * @param percent the count against the busiest week, 0 to 100
     * @param specs the paths of those specs, comma-separated, the first 20 named and the rest
     *     counted (the row's tooltip)
     */
    public record Week(String week, int count, int percent, String specs) {

        public Week(String week, int count, int percent) {
            this(week, count, percent, "");
        }
    }

    /**
     * A move to Approved that recorded no approval in its commit.
     *
     * @param date the commit's day
     * @param commit its short id
     * @param author its author
     * @param from the status before, or empty (the spec was added as Approved)
     * @param spec the spec
     */
    public record HandMove(String date, String commit, String author, String from, SpecView spec) {

        public HandMove {
            requireNonNull(spec, "spec must not be null");
        }
    }
}
