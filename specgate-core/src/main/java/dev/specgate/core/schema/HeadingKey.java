package dev.specgate.core.schema;

import dev.specgate.core.parse.HeadingText;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The normalized form under which headings match: the heading's rendered text ({@link HeadingText}:
 * escapes, inline HTML, links and emphasis as a reader sees them, a trailing {@code {#id}}
 * attribute dropped), case-insensitive, whitespace (no-break spaces included) folded, emphasis
 * marks and a trailing parenthetical, colon, full stop, question or exclamation mark dropped, a
 * leading section number ({@code 1.}, {@code 2.3}, {@code 4)}) or emoji dropped, and a trailing
 * emoji dropped. {@code ### File Organization} matches {@code ### File Organization (Rigour Vibe
 * Structure)}, and {@code ## 1. Executive Summary} and {@code ## 🚀 Executive Summary} match {@code
 * ## Executive Summary}.
 */
public final class HeadingKey {

    /**
     * Keys already computed, by heading text: specs of one template repeat the same headings, and
     * each check asks for every heading's key more than once (section matching, the working
     * checklists). Bounded: emptied when full, and headings longer than {@link #CACHED_LENGTH} are
     * not kept.
     */
    private static final ConcurrentHashMap<String, String> KEYS = new ConcurrentHashMap<>();

    static final int CACHE_SIZE = 4096;
    static final int CACHED_LENGTH = 200;

    private HeadingKey() {}

    private static int trimEnd(StringBuilder sb, int end) {
        while (end > 0 && sb.charAt(end - 1) <= ' ') { // as String.trim()
            end--;
        }
        return end;
    }

    /** {@code Character.isWhitespace(c) || Character.isSpaceChar(c)}, ASCII answered inline. */
    static boolean isSpace(char c) {
        if (c < 128) {
            return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\u001C' && c <= '\u001F');
        }
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** The key of a heading text. */
    public static String of(String markdown) {
        if (markdown.length() > CACHED_LENGTH) {
            return compute(markdown);
        }
        String key = KEYS.get(markdown);
        if (key == null) {
            key = compute(markdown);
            if (KEYS.size() >= CACHE_SIZE) {
                KEYS.clear();
            }
            KEYS.put(markdown, key);
        }
        return key;
    }

    /**
     * The key of a heading text unique to its spec, such as its title: {@link #of} without keeping
     * it, where it would only push the template's headings out of the cache.
     */
    public static String ofUnique(String markdown) {
        return compute(markdown);
    }

    /** The key of a heading text, computed. */
    static String compute(String markdown) {
        String heading = HeadingText.rendered(HeadingText.withoutAttribute(markdown));
        StringBuilder sb = new StringBuilder(heading.length());
        boolean space = false;
        for (int i = leadingDecoration(heading); i < heading.length(); i++) {
            char c = heading.charAt(i);
            if (c == '*' || c == '`') {
                continue;
            }
            if (isSpace(c)) {
                space = sb.length() > 0;
                continue;
            }
            if (space) {
                sb.append(' ');
                space = false;
            }
            sb.append(c);
        }
        // drop trailing parentheticals, colons and full stops, moving an end index (no copy per
        // step, so a heading of a million "()" stays linear)
        int end = sb.length();
        while (true) {
            int before = end;
            end = withoutTrailingSymbols(sb, end);
            if (end > 0 && sb.charAt(end - 1) == ')') {
                int open = sb.lastIndexOf("(", end - 1);
                if (open > 0) {
                    end = trimEnd(sb, open);
                }
            }
            if (end > 0 && sb.charAt(end - 1) == ':') {
                end = trimEnd(sb, end - 1);
            }
            end = withoutClosingPunctuation(sb, end);
            if (end > 0 && sb.charAt(end - 1) == ']') {
                int open = sb.lastIndexOf("[", end - 1);
                if (open > 0 && isOptionalMark(sb.substring(open + 1, end - 1))) {
                    end = trimEnd(sb, open);
                }
            }
            if (end == before) {
                break;
            }
        }
        return sb.substring(0, end).toLowerCase(Locale.ROOT);
    }

    /**
     * A mark that closes a heading's words as a sentence would and, like a trailing colon, is no
     * part of its name: a full stop, a question or exclamation mark ({@code Drawbacks?}, {@code
     * Reference-level explanation.}), in their ASCII and full-width forms; after a letter only, so
     * that a heading {@code 1.} stays its text.
     */
    private static int withoutClosingPunctuation(StringBuilder sb, int end) {
        int k = end;
        while (k > 0 && (isClosingPunctuation(sb.charAt(k - 1)) || sb.charAt(k - 1) == ' ')) {
            k--;
        }
        // French typography puts a space before '?' and '!': "Sécurité ?"
        return k < end && k > 0 && closesWords(sb, k) ? trimEnd(sb, k) : end;
    }

    /**
     * Whether the text before {@code k} ends in words a closing mark may follow: a letter, or a
     * parenthetical that is then dropped ({@code Alternatives (optional).}), as it is before a
     * colon.
     */
    private static boolean closesWords(StringBuilder sb, int k) {
        char last = sb.charAt(k - 1);
        return Character.isLetter(last) || last == ')' && sb.lastIndexOf("(", k - 1) > 0;
    }

    private static boolean isClosingPunctuation(char c) {
        return c == '.'
                || c == '?'
                || c == '!'
                || c == '\uFF1A'
                || c == '\u3002'
                || c == '\uFF1F'
                || c == '\uFF01';
    }

    /**
     * {@code end} moved back over trailing emoji and other symbols ({@code Problem Analysis 🔍})
     * and the space before them, as {@link #leadingDecoration} drops leading ones; never over the
     * whole heading ({@code 🚀} alone stays its text).
     */
    private static int withoutTrailingSymbols(StringBuilder sb, int end) {
        int k = end;
        while (k > 0) {
            int cp = Character.codePointBefore(sb, k);
            if (isDecorativeSymbol(cp)) {
                k -= Character.charCount(cp);
            } else if (sb.charAt(k - 1) == ' ' && k < end) {
                k--;
            } else {
                break;
            }
        }
        if (k == end) {
            return end;
        }
        int trimmed = trimEnd(sb, k);
        return trimmed == 0 ? end : trimmed; // never the whole heading
    }

    /**
     * The key with {@code &} as a word written "and" ({@code risks and mitigations} for {@code
     * risks & mitigations}), or, when it has none, with "and" written {@code &}; null when it has
     * neither. Headings match under either spelling.
     */
    public static String ampersandVariant(String key) {
        if (key.contains(" & ")) {
            return key.replace(" & ", " and ");
        }
        if (key.contains(" and ")) {
            return key.replace(" and ", " & ");
        }
        return null;
    }

    /** A trailing mark that says a section is optional, with the spaces before it. */
    private static final java.util.regex.Pattern TRAILING_OPTIONAL_MARK =
            java.util.regex.Pattern.compile(
                    "\\s*(?:\\((?:optional[^()]*|if applicable|if needed|if changed)\\)"
                            + "|\\[(?:optional[^\\[\\]]*|if applicable|if needed|if changed)\\])\\s*$",
                    java.util.regex.Pattern.CASE_INSENSITIVE);

    /**
     * A template heading's text without the trailing mark that makes it optional ({@code Open
     * Questions (optional)} reads {@code Open Questions}), as a spec writes it and a message names
     * it: the mark is no part of the heading a spec must write.
     */
    public static String withoutOptionalMark(String title) {
        String shown = TRAILING_OPTIONAL_MARK.matcher(title).replaceFirst("");
        return shown.isBlank() ? title : shown;
    }

    /** Whether a bracketed heading suffix says the section is optional ({@code [optional]}). */
    public static boolean isOptionalMark(String inner) {
        String t = inner.trim().toLowerCase(Locale.ROOT);
        return t.startsWith("optional")
                || t.equals("if applicable")
                || t.equals("if needed")
                || t.equals("if changed");
    }

    /**
     * The heading without its leading decoration (section number, emoji), trimmed: {@code 8.
     * Implementation Steps} reads {@code Implementation Steps}, as a heading is named in text
     * Specgate writes (a task list's tasks and quality gates).
     */
    public static String withoutDecoration(String heading) {
        return heading.substring(leadingDecoration(heading)).trim();
    }

    /**
     * The length of a heading's leading decoration: emoji and other symbols, then a section number
     * such as {@code 1.}, {@code 2.3} or {@code 4)} followed by a space, with the spaces around
     * them. Never the whole heading: {@code 2026} or {@code 🚀} alone stays a heading's text.
     */
    static int leadingDecoration(String heading) {
        int n = heading.length();
        int i = 0;
        while (i < n) {
            int cp = heading.codePointAt(i);
            if (isSpace(heading.charAt(i)) || isDecorativeSymbol(cp)) {
                i += Character.charCount(cp);
            } else {
                break;
            }
        }
        int j = i;
        boolean marked = false; // "1." "4)" "2.3": a bare "2026 Roadmap" keeps its number
        while (j < n && Character.isDigit(heading.charAt(j))) {
            j++;
            if (j + 1 < n && heading.charAt(j) == '.' && Character.isDigit(heading.charAt(j + 1))) {
                j++;
                marked = true;
            }
        }
        if (j > i && j < n && (heading.charAt(j) == '.' || heading.charAt(j) == ')')) {
            j++;
            marked = true;
        }
        if (j > i && marked && j < n && isSpace(heading.charAt(j))) {
            i = j;
            while (i < n && isSpace(heading.charAt(i))) {
                i++;
            }
        }
        return i < n ? i : 0;
    }

    /** Emoji, pictographs and other symbols, with the joiners and selectors that build emoji. */
    private static boolean isDecorativeSymbol(int cp) {
        if (cp < 128) {
            return false;
        }
        int type = Character.getType(cp);
        return type == Character.OTHER_SYMBOL
                || type == Character.MATH_SYMBOL
                || type == Character.NON_SPACING_MARK && cp >= 0xFE00 && cp <= 0xFE0F
                || cp == 0x200D;
    }
}
