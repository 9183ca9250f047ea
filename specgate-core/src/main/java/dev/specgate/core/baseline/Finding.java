package dev.specgate.core.baseline;

import static java.util.Objects.requireNonNull;

/**
 * One finding as a baseline records it: no line number, so that it is recognised after lines above
 * it move.
 *
 * @param fingerprint a hash of the other fields; what matching compares
 * @param rule the rule id
 * @param path the spec's path relative to the baseline's folder, with {@code /}
 * @param section the heading the finding stands under, normalized ({@code ""} before the first)
 * @param text the offending source text, whitespace folded (may be empty)
 * @param message the message, numbers masked as {@code #} (day counts change every day)
 */
public record Finding(
        String fingerprint, String rule, String path, String section, String text, String message) {

    public Finding {
        requireNonNull(fingerprint, "fingerprint must not be null");
        requireNonNull(rule, "rule must not be null");
        requireNonNull(path, "path must not be null");
        requireNonNull(section, "section must not be null");
        requireNonNull(text, "text must not be null");
        requireNonNull(message, "message must not be null");
    }
}
