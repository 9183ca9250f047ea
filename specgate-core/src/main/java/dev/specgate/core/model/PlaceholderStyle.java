package dev.specgate.core.model;

import java.util.Optional;

/** The ways templates mark a placeholder: {@code [text]}, {@code {text}} and {@code {{text}}}. */
public enum PlaceholderStyle {
    /** {@code [text]}, the built-in template's style. */
    SQUARE("[", "]"),
    /** {@code {text}}. */
    CURLY("{", "}"),
    /** {@code {{text}}}, as in Mustache-like templates. */
    DOUBLE_CURLY("{{", "}}");

    private final String open;
    private final String close;

    /** The styles as {@link #of} tries them: the longer open mark first. */
    private static final PlaceholderStyle[] BY_OPEN_LENGTH = {DOUBLE_CURLY, CURLY, SQUARE};

    PlaceholderStyle(String open, String close) {
        this.open = open;
        this.close = close;
    }

    public String open() {
        return open;
    }

    public String close() {
        return close;
    }

    /** How the style is shown to people: {@code [text]}. */
    public String example() {
        return open + "text" + close;
    }

    /** The style a whole value is written in, if it is wrapped in one ({@code {{Date}}}). */
    public static Optional<PlaceholderStyle> of(String value) {
        String v = value.trim();
        if (v.isEmpty() || v.charAt(0) != '[' && v.charAt(0) != '{') {
            return Optional.empty(); // most values: no style's open mark first
        }
        for (PlaceholderStyle s : BY_OPEN_LENGTH) {
            if (v.length() >= s.open.length() + s.close.length()
                    && v.startsWith(s.open)
                    && v.endsWith(s.close)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The text between the marks, trimmed; {@code value} must be in this style. */
    public String inner(String value) {
        String v = value.trim();
        return v.substring(open.length(), v.length() - close.length()).trim();
    }
}
