package dev.specgate.cli.list;

import dev.specgate.cli.report.ProgressBar;
import dev.specgate.core.catalog.SpecSummary;
import dev.specgate.report.DisplayPath;
import dev.specgate.report.DisplayWidth;
import dev.specgate.report.DocumentCount;
import dev.specgate.report.TextReporter;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** The text form of {@code list}: aligned columns with a header, then a count. */
final class SpecTable {

    private static final String NONE = "-";
    private static final String[] HEADER = {
        "DATE",
        "STATUS",
        "PROGRESS",
        "ERRORS",
        "WARNINGS",
        "OVERDUE",
        "NEXT REVIEW",
        "TYPE",
        "TITLE",
        "PATH"
    };
    private static final boolean[] RIGHT = {
        false, false, false, true, true, true, false, false, false, false
    };

    private static final int DATE = 0;
    private static final int NEXT_REVIEW = 6;
    private static final int TYPE = 7;

    private final List<SpecSummary> rows;
    private final boolean[] shown;

    /**
     * @param columns which of the fields the listed specs' templates have, so can fill: a column
     *     none of them has (DATE, TYPE, NEXT REVIEW) is left out
     */
    SpecTable(List<SpecSummary> rows, SpecSummary.Columns columns) {
        this.rows = List.copyOf(rows);
        this.shown = new boolean[HEADER.length];
        java.util.Arrays.fill(shown, true);
        shown[DATE] = columns.date();
        shown[NEXT_REVIEW] = columns.nextReview();
        shown[TYPE] = columns.type();
    }

    void write(PrintWriter out) {
        if (rows.isEmpty()) {
            out.println("No specs match.");
            return;
        }
        List<String[]> cells = new ArrayList<>();
        cells.add(HEADER.clone());
        int countWidth = 0; // "15/41" and "5/42" right-aligned, so that the bars line up
        for (SpecSummary s : rows) {
            countWidth = Math.max(countWidth, (s.checked() + "/" + s.total()).length());
        }
        for (SpecSummary s : rows) {
            cells.add(
                    escaped(
                            new String[] {
                                orNone(s.created()),
                                orNone(s.listedStatus()),
                                DisplayWidth.padLeft(s.checked() + "/" + s.total(), countWidth)
                                        + " "
                                        + ProgressBar.of(s.checked(), s.total()),
                                String.valueOf(s.errors()),
                                String.valueOf(s.warnings()),
                                String.valueOf(s.overdue()),
                                orNone(s.nextReview()),
                                orNone(s.type()),
                                orNone(s.title())
                                        + (s.spec() == null
                                                ? ""
                                                : " (for " + s.spec().getFileName() + ")"),
                                DisplayPath.of(s.path())
                            }));
        }
        int[] width = new int[HEADER.length];
        for (String[] row : cells) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], DisplayWidth.of(row[i]));
            }
        }
        for (String[] row : cells) {
            StringBuilder line = new StringBuilder();
            boolean first = true;
            for (int i = 0; i < row.length; i++) {
                if (!shown[i]) {
                    continue;
                }
                if (!first) {
                    line.append("  ");
                }
                first = false;
                boolean last = i == row.length - 1;
                line.append(
                        RIGHT[i]
                                ? DisplayWidth.padLeft(row[i], width[i])
                                : last ? row[i] : DisplayWidth.padRight(row[i], width[i]));
            }
            out.println(line);
        }
        out.println(DocumentCount.of(rows.stream().map(SpecSummary::path).toList()) + ".");
    }

    /**
     * The cells with control characters from the specs (a title, a status, a file name) written as
     * escapes, as {@code check}'s text report writes them.
     */
    private static String[] escaped(String[] row) {
        for (int i = 0; i < row.length; i++) {
            row[i] = TextReporter.escape(row[i]);
        }
        return row;
    }

    private static String orNone(String value) {
        return value == null ? NONE : value;
    }
}
