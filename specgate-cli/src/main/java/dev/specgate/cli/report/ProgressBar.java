package dev.specgate.cli.report;

/** A plain-ASCII progress bar and percentage: {@code [######----] 60%}. */
public final class ProgressBar {

    /** Cells in a bar. */
    public static final int WIDTH = 10;

    private ProgressBar() {}

    /** The bar and whole percentage (rounded down) of {@code done} out of {@code total}. */
    public static String of(int done, int total) {
        int percent = total == 0 ? 0 : (int) (100L * done / total);
        int filled = total == 0 ? 0 : (int) ((long) WIDTH * done / total);
        return "["
                + "#".repeat(filled)
                + "-".repeat(WIDTH - filled)
                + "] "
                + String.format(java.util.Locale.ROOT, "%3d%%", percent);
    }
}
