package dev.specgate.web.view;

import static java.util.Objects.requireNonNull;

/**
 * What the page frame needs: where the site root is, which tab is active, and whether the page is
 * served live.
 *
 * @param base the path from this page to the site root: empty, or {@code ../} for spec pages
 * @param title the page's title
 * @param active the active tab: {@code overview}, {@code board}, {@code table}, {@code timeline},
 *     or empty
 * @param project the project's name
 * @param asOf the date overdue dates are measured against (ISO)
 * @param live whether the page is served by {@code specgate serve} and should follow changes
 * @param typed whether the template has a Type field: without one, the pages say nothing of a
 *     spec's type (no "no type" on every card, no Type filter, no "By type")
 * @param reviewed whether the template has a Next Review field: without one, the pages say nothing
 *     of a next review ("not set" on every card)
 * @param dated whether the template dates a spec (a Created or other date field, or a date in the
 *     file name): without that, the table has no Created column
 * @param approving whether the project's lifecycle keeps approvals: without them, the overview has
 *     no Stale approvals and no Approved per week
 */
public record PageInfo(
        String base,
        String title,
        String active,
        String project,
        String asOf,
        boolean live,
        boolean typed,
        boolean reviewed,
        boolean dated,
        boolean approving) {

    public PageInfo {
        requireNonNull(base, "base must not be null");
        requireNonNull(title, "title must not be null");
        requireNonNull(active, "active must not be null");
        requireNonNull(project, "project must not be null");
        requireNonNull(asOf, "asOf must not be null");
    }

    /**
     * A frame for a template with a Type, a Next Review and a Created field and a lifecycle that
     * keeps approvals, as the built-in one.
     */
    public PageInfo(
            String base, String title, String active, String project, String asOf, boolean live) {
        this(base, title, active, project, asOf, live, true, true, true, true);
    }

    /** The same frame for another page. */
    public PageInfo page(String newBase, String newTitle, String newActive) {
        return new PageInfo(
                newBase, newTitle, newActive, project, asOf, live, typed, reviewed, dated,
                approving);
    }

    /**
     * The same frame for a template that has (or lacks) a Type, a Next Review and a date, and a
     * lifecycle that keeps (or keeps no) approvals.
     */
    public PageInfo fields(
            boolean hasType, boolean hasNextReview, boolean hasDate, boolean keepsApprovals) {
        return new PageInfo(
                base,
                title,
                active,
                project,
                asOf,
                live,
                hasType,
                hasNextReview,
                hasDate,
                keepsApprovals);
    }
}
