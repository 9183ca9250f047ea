package dev.specgate.web.view;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What the overview shows of approvals: the specs whose approval no longer holds, and how many
 * specs were approved each week (from git).
 *
 * @param stale specs whose recorded approval is stale, with what changed
 * @param perWeek moves to Approved per ISO week, oldest first
 * @param note why the weekly counts are missing (no git repository), or empty
 */
public record ApprovalOverview(List<SpecView> stale, List<Week> perWeek, String note) {

    public ApprovalOverview {
        stale = List.copyOf(stale);
        perWeek = List.copyOf(perWeek);
        requireNonNull(note, "note must not be null");
    }

    /** Nothing known of approvals. */
    public static ApprovalOverview none() {
        return new ApprovalOverview(List.of(), List.of(), "");
    }

    /**
     * Specs approved in one week.
     *
     * @param week the ISO week, {@code 2026-W45}
     * @param count moves to Approved in it
     * @param percent the count against the busiest week, 0 to 100
     */
    public record Week(String week, int count, int percent) {}
}
