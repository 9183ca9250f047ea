package dev.specgate.core.layout;

import dev.specgate.core.schema.TemplateSchema;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The folders a project shares between features: each folder a File Organization places {@code
 * [feature-name]} in ({@code src/api/[feature-name]/} shares {@code src/api} and {@code src}), in
 * the template or in the spec. A slug that spells one ({@code api}) never makes it the feature's
 * own ({@link LayoutEntry#namesFeature}).
 */
public final class SharedFolders {

    /** A path in backticks that holds the feature token. */
    private static final Pattern TOKEN_PATH =
            Pattern.compile("`([^`\\n]*" + Pattern.quote(FileOrganization.FEATURE_TOKEN) + ")");

    /** The last template's own shared folders, by the schema they were read from. */
    private record Template(TemplateSchema schema, Set<String> shared) {}

    // read once per template: a history audit asks for hundreds of specs, each under every name
    // it had, and the template's source is scanned whole each time
    private static volatile Template last;

    private SharedFolders() {}

    /**
     * The shared folders of {@code schema}'s template and of {@code entries}, lowercase, {@code
     * /}-separated, without a trailing slash.
     */
    public static Set<String> of(TemplateSchema schema, List<LayoutEntry> entries) {
        Set<String> shared = new HashSet<>(template(schema));
        for (LayoutEntry e : entries) {
            if (e.written().contains(FileOrganization.FEATURE_TOKEN)) {
                add(e.written(), shared);
            }
        }
        return shared;
    }

    /** The shared folders {@code schema}'s template writes, read once for the last schema asked. */
    private static Set<String> template(TemplateSchema schema) {
        Template known = last;
        if (known != null && known.schema() == schema) {
            return known.shared();
        }
        Set<String> shared = new HashSet<>();
        Matcher m = TOKEN_PATH.matcher(schema.source());
        while (m.find()) {
            add(m.group(1), shared);
        }
        last = new Template(schema, Set.copyOf(shared));
        return shared;
    }

    /** Adds each folder above the token in {@code written}: {@code src/api}, {@code src}. */
    private static void add(String written, Set<String> shared) {
        String above = written.substring(0, written.indexOf(FileOrganization.FEATURE_TOKEN));
        StringBuilder folder = new StringBuilder();
        for (String name : above.split("[/\\\\]")) {
            if (name.isEmpty() || name.equals(".")) {
                continue;
            }
            if (folder.length() > 0) {
                folder.append('/');
            }
            folder.append(name.toLowerCase(Locale.ROOT));
            shared.add(folder.toString());
        }
    }
}
