package dev.specgate.core.model;

/**
 * A link or image in prose (never inside code).
 *
 * @param destination the link target as written (reference links are resolved)
 * @param image whether it is an image ({@code ![alt](src)})
 * @param range the whole link text and destination
 * @param sectionIndex index of the enclosing section
 */
public record Link(String destination, boolean image, SourceRange range, int sectionIndex) {

    /**
     * Whether the destination has a URI scheme ({@code https:}, {@code mailto:}) or is
     * protocol-relative.
     */
    public boolean isExternal() {
        String d = destination;
        int n = d.length();
        if (n >= 2 && d.charAt(0) == '/' && d.charAt(1) == '/') {
            return true;
        }
        // one scan over the scheme's chars (ASCII letters, digits, '+', '-', '.'): a scheme is
        // what stands before the first ':' when all of it is such chars and it starts with a
        // letter; a relative path stops the scan at its first other char, without a search of
        // the whole destination for a ':'
        for (int i = 0; i < n; i++) {
            char c = d.charAt(i);
            if (c == ':') {
                char first = d.charAt(0);
                return i > 0 && (first >= 'a' && first <= 'z' || first >= 'A' && first <= 'Z');
            }
            boolean scheme =
                    c >= 'a' && c <= 'z'
                            || c >= 'A' && c <= 'Z'
                            || c >= '0' && c <= '9'
                            || c == '+'
                            || c == '-'
                            || c == '.';
            if (!scheme) {
                return false;
            }
        }
        return false;
    }

    /** Whether the link points into the same document ({@code #anchor}). */
    public boolean isFragmentOnly() {
        return !destination.isEmpty() && destination.charAt(0) == '#';
    }
}
