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
        if (destination.startsWith("//")) {
            return true;
        }
        int colon = destination.indexOf(':');
        if (colon <= 0) {
            return false;
        }
        for (int i = 0; i < colon; i++) {
            char c = destination.charAt(i);
            boolean ok = Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.';
            if (!ok || c > 127) {
                return false;
            }
        }
        return Character.isLetter(destination.charAt(0));
    }

    /** Whether the link points into the same document ({@code #anchor}). */
    public boolean isFragmentOnly() {
        return destination.startsWith("#");
    }
}
