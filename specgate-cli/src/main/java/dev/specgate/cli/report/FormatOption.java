package dev.specgate.cli.report;

import picocli.CommandLine.Option;

/** The {@code --format text|json} option of commands that print a listing. */
public final class FormatOption {

    @Option(
            names = {"-f", "--format"},
            defaultValue = "text",
            paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private ListingFormat format;

    /** The format asked for. */
    public ListingFormat format() {
        return format;
    }

    /** Whether JSON was asked for. */
    public boolean json() {
        return format == ListingFormat.JSON;
    }
}
