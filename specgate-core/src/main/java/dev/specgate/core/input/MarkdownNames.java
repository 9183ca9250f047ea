package dev.specgate.core.input;

/**
 * Which file names are Markdown files where specs are looked for: names ending in {@code .md} or
 * {@code .markdown}, in any case. The one place that says so: discovery and the watcher ask here,
 * so a {@code .markdown} spec is never passed over without a word (the {@code file-name} rule then
 * says when its name does not follow the template's convention, and {@code created-date} reads the
 * date of a name with any of them as of the convention's own).
 */
public final class MarkdownNames {

    private static final String MD = ".md";
    private static final String MARKDOWN = ".markdown";

    private MarkdownNames() {}

    /**
     * Whether the last {@code nameLength} characters of {@code text} (a file's name, alone or at
     * the end of its path) end with a Markdown extension, in any case.
     */
    public static boolean isMarkdown(String text, int nameLength) {
        return endsWith(text, nameLength, MD) || endsWith(text, nameLength, MARKDOWN);
    }

    /**
     * The Markdown extension {@code name} ends with, as it is spelt there ({@code .MD}, {@code
     * .markdown}), or empty when it has none (or is nothing but one).
     */
    public static String extension(String name) {
        for (String ext : new String[] {MD, MARKDOWN}) {
            if (name.length() > ext.length() && endsWith(name, name.length(), ext)) {
                return name.substring(name.length() - ext.length());
            }
        }
        return "";
    }

    /** Whether the file name {@code name} ends with a Markdown extension, in any case. */
    public static boolean isMarkdown(String name) {
        return isMarkdown(name, name.length());
    }

    /**
     * Whether the name in {@code raw[start, end)} (a git tree entry's name, UTF-8) ends with a
     * Markdown extension, in any case: the extensions are ASCII, so their bytes are their chars.
     */
    public static boolean isMarkdown(byte[] raw, int start, int end) {
        return endsWith(raw, start, end, MD) || endsWith(raw, start, end, MARKDOWN);
    }

    private static boolean endsWith(byte[] raw, int start, int end, String suffix) {
        int n = suffix.length();
        if (end - start < n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            int b = raw[end - n + i];
            if (b >= 'A' && b <= 'Z') {
                b += 'a' - 'A';
            }
            if (b != suffix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean endsWith(String text, int nameLength, String suffix) {
        int n = suffix.length();
        return nameLength >= n && text.regionMatches(true, text.length() - n, suffix, 0, n);
    }
}
