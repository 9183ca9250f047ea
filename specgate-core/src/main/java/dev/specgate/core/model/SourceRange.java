package dev.specgate.core.model;

/**
 * A span of source text. Lines and columns are 0-based inside Specgate; columns count UTF-16 code
 * units (Java {@code char}s) from the start of the line, after a UTF-8 byte order mark has been
 * removed. The end is exclusive. Output formats convert once, at their edge, to 1-based positions.
 */
public record SourceRange(int startLine, int startColumn, int endLine, int endColumn)
        implements Comparable<SourceRange> {

    public SourceRange {
        if (startLine < 0) {
            throw new IllegalArgumentException("startLine " + startLine + " must be >= 0");
        }
        if (startColumn < 0) {
            throw new IllegalArgumentException("startColumn " + startColumn + " must be >= 0");
        }
        if (endLine < startLine || (endLine == startLine && endColumn < startColumn)) {
            throw new IllegalArgumentException(
                    "end "
                            + endLine
                            + ":"
                            + endColumn
                            + " is before start "
                            + startLine
                            + ":"
                            + startColumn);
        }
    }

    /** A range inside one line. */
    public static SourceRange ofLine(int line, int startColumn, int endColumn) {
        return new SourceRange(line, startColumn, line, endColumn);
    }

    /** The start of the document, used for problems that concern a whole file. */
    public static SourceRange fileStart() {
        return new SourceRange(0, 0, 0, 0);
    }

    @Override
    public int compareTo(SourceRange o) {
        if (startLine != o.startLine) {
            return Integer.compare(startLine, o.startLine);
        }
        return Integer.compare(startColumn, o.startColumn);
    }
}
