package dev.specgate.core.schema;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** How a written status value is matched to a status name. */
final class StatusNames {

    private StatusNames() {}

    /**
     * A number written as a placeholder, in any case: {@code ADR-NNNN}, {@code SE-XXXX}, {@code
     * #NNN}, {@code adr-nnnn}.
     */
    private static final Pattern NUMBER_PLACEHOLDER =
            Pattern.compile("(?:^|[^A-Za-z])(?:N{3,}|X{3,})$", Pattern.CASE_INSENSITIVE);

    /** Whether {@code value} ends with a number placeholder ({@code ADR-NNNN}, {@code SE-XXXX}). */
    static boolean endsWithNumberPlaceholder(String value) {
        return NUMBER_PLACEHOLDER.matcher(value.strip()).find();
    }

    /**
     * Whether {@code value} follows an alternative whose last word is an example reference with a
     * number, or a number placeholder: {@code superseded by ADR-0005} for {@code superseded by
     * ADR-0123} or {@code superseded by ADR-NNNN}.
     */
    static boolean followsExample(String alternative, String value) {
        String head = EXAMPLE_HEADS.computeIfAbsent(alternative, StatusNames::exampleHead);
        if (head.isEmpty()) {
            return false;
        }
        String v = value.toLowerCase(Locale.ROOT);
        return v.startsWith(head) && v.length() > head.length();
    }

    /**
     * The alternatives' example heads: a template has a handful, and every field value of every
     * spec is held against them.
     */
    private static final Map<String, String> EXAMPLE_HEADS = new ConcurrentHashMap<>();

    /**
     * What a value must start with to follow {@code alternative} (lower case, up to and with its
     * last space), or "" when its last word is no example with a number.
     */
    private static String exampleHead(String alternative) {
        int space = alternative.lastIndexOf(' ');
        if (space < 0) {
            return "";
        }
        String last = alternative.substring(space + 1);
        if (last.chars().noneMatch(Character::isDigit)
                && !NUMBER_PLACEHOLDER.matcher(last).find()) {
            return "";
        }
        return alternative.substring(0, space + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * Whether {@code value} starts with the status {@code name} and then a word break: {@code
     * Implemented (Swift 5.9)} for {@code Implemented}, {@code superseded by ADR-0005} for {@code
     * superseded}.
     */
    static boolean startsWithName(String name, String value) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (n.isEmpty() || !v.startsWith(n)) {
            return false;
        }
        return v.length() == n.length() || !Character.isLetterOrDigit(v.charAt(n.length()));
    }
}
