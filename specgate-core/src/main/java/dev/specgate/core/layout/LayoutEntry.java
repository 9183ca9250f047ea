package dev.specgate.core.layout;

/**
 * One path the File Organization section of a spec promises.
 *
 * @param group the bold group label it stands under ({@code Implementation Files}), or empty
 * @param label the entry's label ({@code Core logic}), or empty
 * @param written the path as the spec writes it
 * @param path the path relative to the project root, {@code /}-separated (a backslash written is
 *     read as one), {@code [feature-name]} resolved to the slug
 * @param kind a directory when the path ends in {@code /}, else a file
 * @param conditional whether the entry says "(if applicable)", "(if needed)", "(if changed)" or any
 *     other "(if ...)"
 * @param line the 0-based line of the entry in the spec
 * @param column the 0-based column of the path's opening backtick
 */
public record LayoutEntry(
        String group,
        String label,
        String written,
        String path,
        Kind kind,
        boolean conditional,
        int line,
        int column) {

    /** Whether an entry names a directory or a file. */
    public enum Kind {
        DIRECTORY,
        FILE;

        /** Lowercase name for output. */
        public String label() {
            return this == DIRECTORY ? "directory" : "file";
        }
    }

    /** Whether the entry stands under a group of tests, or is labelled as tests. */
    public boolean isTest() {
        return mentions(group, "test") || mentions(label, "test");
    }

    /** Whether the entry is documentation: a Markdown file or under a documentation group. */
    public boolean isDocumentation() {
        return kind == Kind.FILE
                && (path.endsWith(".md") || mentions(group, "doc") || mentions(label, "doc"));
    }

    /** Whether the entry stands under an implementation group or is labelled as code. */
    public boolean isImplementation() {
        return mentions(group, "implementation") || mentions(label, "logic");
    }

    /**
     * Whether the entry is this feature's own: its path came from {@code [feature-name]}, or a
     * folder or file name in it is the spec's {@code slug} ({@code src/core/invoice-export/},
     * {@code src/config/invoice-export.ts}). A shared path ({@code src/config/}, {@code
     * environment/ci/}) says nothing of when this feature's work began, and a shared folder is
     * never claimed by a slug that happens to spell it: with the slug {@code api}, {@code src/api/}
     * and {@code src/api/routes.ts} are shared when {@code src/api} is in {@code shared}.
     *
     * @param shared the project's shared folders, lowercase, {@code /}-separated, without a
     *     trailing slash ({@link SharedFolders#of})
     */
    public boolean namesFeature(String slug, java.util.Set<String> shared) {
        if (written.contains(FileOrganization.FEATURE_TOKEN)) {
            return true;
        }
        if (slug.isEmpty()) {
            return false;
        }
        StringBuilder folder = new StringBuilder();
        for (String name : path.split("[/\\\\]")) {
            if (name.isEmpty() || name.equals(".")) {
                continue;
            }
            if (folder.length() > 0) {
                folder.append('/');
            }
            folder.append(name.toLowerCase(java.util.Locale.ROOT));
            if (name.equalsIgnoreCase(slug)) {
                if (!shared.contains(folder.toString())) {
                    return true;
                }
            } else if (name.length() > slug.length()
                    && name.charAt(slug.length()) == '.'
                    && name.regionMatches(true, 0, slug, 0, slug.length())) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentions(String text, String word) {
        return text.toLowerCase(java.util.Locale.ROOT).contains(word);
    }
}
