package dev.specgate.cli.report;

import java.util.Locale;

/**
 * The formats of commands that print a listing rather than a check report ({@code progress}, {@code
 * next}, {@code list}): aligned text for people, or one JSON document for tools and agents.
 */
public enum ListingFormat {
    TEXT,
    JSON;

    /** The lowercase name shown in help and error messages. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
