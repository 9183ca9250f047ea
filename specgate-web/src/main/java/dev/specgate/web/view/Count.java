package dev.specgate.web.view;

/**
 * A labelled number, for the overview's tallies.
 *
 * @param label what is counted
 * @param count how many
 * @param percent its share of the largest count in the same tally, for bar widths
 */
public record Count(String label, long count, int percent) {

    /** The label as a CSS class fragment. */
    public String cssClass() {
        return SpecView.cssName(label);
    }
}
