package dev.specgate.core.diagnostic;

import java.util.Locale;

/**
 * How serious a diagnostic is. Printed in lowercase: {@code error}, {@code warning}, {@code info}.
 */
public enum Severity {
    ERROR,
    WARNING,
    INFO;

    /** The lowercase name used in every output format. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code error|warning|info} (any case). */
    public static Severity parse(String text) {
        for (Severity s : values()) {
            if (s.name().equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException(
                "unknown severity '" + text + "' (allowed: error, warning, info)");
    }
}
