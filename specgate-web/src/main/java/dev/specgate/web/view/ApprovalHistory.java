package dev.specgate.web.view;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;

/**
 * A spec's history as its page shows it: the status timeline, the approval (who, when, at which
 * commit, still valid or stale and why) and the checklist burn-up over its commits.
 *
 * @param note why there is no history (not in a git repository, not committed), or empty
 * @param moves the commits that changed the status or approval, oldest first
 * @param approval the approval recorded now, or null when there is none
 * @param burnup checklist progress at each commit that changed the spec, oldest first
 * @param shallow whether a shallow clone cut the history short: its oldest row is where the fetched
 *     commits stop, not the spec's creation, and earlier moves are missing
 */
public record ApprovalHistory(
        String note, List<Move> moves, Approval approval, List<Point> burnup, boolean shallow) {

    public ApprovalHistory {
        requireNonNull(note, "note must not be null");
        moves = List.copyOf(moves);
        burnup = List.copyOf(burnup);
    }

    /** A history read in full. */
    public ApprovalHistory(String note, List<Move> moves, Approval approval, List<Point> burnup) {
        this(note, moves, approval, burnup, false);
    }

    /** No history, for the reason given (may be empty). */
    public static ApprovalHistory none(String note) {
        return new ApprovalHistory(note, List.of(), null, List.of());
    }

    /**
     * A change of status or approval.
     *
     * @param date the commit's day
     * @param commit the commit's short id
     * @param author the commit's author
     * @param from the status before, or empty
     * @param to the status after, or empty
     * @param approval the approval recorded by the commit ({@code 2026-11-02 by Ana Ruiz}),
     *     "cleared", or empty when it did not change
     * @param handMove whether it moved the spec to Approved without recording an approval in that
     *     commit (the status edited by hand): not counted as an approval
     * @param cut whether it is the oldest commit a shallow clone holds: the status it shows was not
     *     moved there, the commits before were not fetched
     * @param formerPath the spec's path in the repository at that commit when it was renamed since
     *     ({@code history}'s {@code (as PATH)}), else empty
     */
    public record Move(
            String date,
            String commit,
            String author,
            String from,
            String to,
            String approval,
            boolean handMove,
            boolean cut,
            String formerPath) {

        /** A move of the spec under the name it has now. */
        public Move(
                String date,
                String commit,
                String author,
                String from,
                String to,
                String approval,
                boolean handMove,
                boolean cut) {
            this(date, commit, author, from, to, approval, handMove, cut, "");
        }

        /** A move read in full, made by the lifecycle or not to Approved. */
        public Move(
                String date,
                String commit,
                String author,
                String from,
                String to,
                String approval) {
            this(date, commit, author, from, to, approval, false, false);
        }

        /** {@code Draft → Review}, or the status alone for the first commit. */
        public String label() {
            if (from.isEmpty()) {
                return to.isEmpty() ? "no status" : to;
            }
            return from.equals(to) ? to : from + " → " + to;
        }

        /** The CSS class of the status moved to. */
        public String cssClass() {
            return to.isEmpty() ? "other" : to.toLowerCase(Locale.ROOT).replace(' ', '-');
        }
    }

    /**
     * The approval recorded now.
     *
     * @param by who approved
     * @param date when
     * @param sha256 the fingerprint approved
     * @param commit the short id of the commit that recorded it, or empty when not committed
     * @param valid whether the content is still the content approved
     * @param why what changed since, when it is stale
     */
    public record Approval(
            String by, String date, String sha256, String commit, boolean valid, String why) {}

    /**
     * Checklist progress at one commit.
     *
     * @param date the commit's day
     * @param commit its short id
     * @param checked ticked items
     * @param total all items
     */
    public record Point(String date, String commit, int checked, int total) {}

    /**
     * The burn-up as the points of an SVG polyline in a 300 by 100 box: commits spread evenly left
     * to right, ticked items bottom to top against the largest total. Only numbers.
     */
    public String burnupPoints() {
        if (burnup.isEmpty()) {
            return "";
        }
        int max = 1;
        for (Point p : burnup) {
            max = Math.max(max, p.total());
        }
        StringBuilder sb = new StringBuilder();
        int n = burnup.size();
        for (int i = 0; i < n; i++) {
            int x = n == 1 ? 150 : Math.round(i * 300f / (n - 1));
            int y = 100 - Math.round(burnup.get(i).checked() * 100f / max);
            sb.append(i == 0 ? "" : " ").append(x).append(',').append(y);
        }
        return sb.toString();
    }
}
