package dev.specgate.core.schema;

import dev.specgate.core.input.MarkdownNames;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The file-name convention a template's {@code **File:**} value shows, such as {@code
 * YYYY-MM-DD_spec_feature-name.md}: {@code YYYY-MM-DD} stands for a date and {@code feature-name}
 * for a lowercase-hyphen slug; the rest is literal.
 */
public final class FileNamePattern {

    static final String DATE_TOKEN = "YYYY-MM-DD";

    /** The convention of a template whose file fields show none: the built-in template's. */
    static final String DEFAULT = "YYYY-MM-DD_spec_feature-name.md";

    static final String SLUG_TOKEN = "feature-name";
    private static final String SLUG = "[a-z0-9]+(?:-[a-z0-9]+)*";

    /** A file name that follows the pattern, split into its parts. */
    public record Match(String date, String slug) {}

    private final String template;
    private final Pattern pattern;

    /**
     * The convention with any text where its date and slug stand: {@link #slugPlace}. Null for a
     * convention without a slug.
     */
    private final Pattern loose;

    private final boolean hasDate;
    private final boolean hasSlug;

    /** Whether {@link #scan} reads this convention ({@link #match} says which). */
    private final boolean scans;

    private FileNamePattern(String template) {
        this.template = template;
        int d = template.indexOf(DATE_TOKEN);
        int s = template.indexOf(SLUG_TOKEN);
        hasDate = d >= 0;
        hasSlug = s >= 0;
        String regex = Pattern.quote(template);
        regex =
                regex.replace(DATE_TOKEN, "\\E(\\d{4}-\\d{2}-\\d{2})\\Q")
                        .replace(SLUG_TOKEN, "\\E(" + SLUG + ")\\Q");
        this.pattern = Pattern.compile(regex);
        this.loose =
                s < 0
                        ? null
                        : Pattern.compile(
                                Pattern.quote(template)
                                        .replace(DATE_TOKEN, "\\E.+?\\Q")
                                        .replace(SLUG_TOKEN, "\\E(.+)\\Q"));
        this.scans =
                template.indexOf('\\') < 0
                        && template.indexOf(DATE_TOKEN, d + 1) < 0
                        && template.indexOf(SLUG_TOKEN, s + 1) < 0;
    }

    /**
     * The pattern of a template file value such as {@code
     * `../directives/spec/YYYY-MM-DD_spec_feature-name.md`}, if it has tokens.
     */
    public static Optional<FileNamePattern> fromTemplateValue(String value) {
        String v = value.replace("`", "").trim();
        int slash = Math.max(v.lastIndexOf('/'), v.lastIndexOf('\\'));
        String base = v.substring(slash + 1);
        if (!base.contains(DATE_TOKEN) && !base.contains(SLUG_TOKEN)) {
            return Optional.empty();
        }
        return Optional.of(new FileNamePattern(base));
    }

    /**
     * The convention specs written from {@code schema} are named after: the first file field's that
     * shows one, else {@code YYYY-MM-DD_spec_feature-name.md}, the name {@code new} gives a spec of
     * a template without one. {@code new} names a spec by it, and {@code tasks} and {@code
     * scaffold} read the slug back with it.
     */
    public static FileNamePattern of(TemplateSchema schema) {
        for (FieldSpec f : schema.fields()) {
            if (f.kind() == FieldKind.FILE) {
                Optional<FileNamePattern> p = fromTemplateValue(f.templateValue());
                if (p.isPresent()) {
                    return p.get();
                }
            }
        }
        return new FileNamePattern(DEFAULT);
    }

    /**
     * The convention the template's first file field shows ({@code **File:**
     * `../directives/spec/YYYY-MM-DD_spec_feature-name.md`}), which {@code file-name} holds specs
     * to; empty when the template has no file field, or its value shows no date or slug.
     */
    public static Optional<FileNamePattern> declared(TemplateSchema schema) {
        for (FieldSpec f : schema.fields()) {
            if (f.kind() == FieldKind.FILE) {
                return fromTemplateValue(f.templateValue());
            }
        }
        return Optional.empty();
    }

    /** Whether the convention holds a date ({@code YYYY-MM-DD}). */
    public boolean hasDate() {
        return hasDate;
    }

    /** The convention for messages: {@code YYYY-MM-DD_spec_<slug>.md}. */
    public String describe() {
        return template.replace(SLUG_TOKEN, "<slug>");
    }

    /**
     * The parts of {@code fileName}, if it follows the pattern (the date is not validated here).
     */
    public Optional<Match> match(String fileName) {
        if (scans) {
            return scan(fileName);
        }
        return matchByPattern(fileName);
    }

    /**
     * {@link #match}, a Markdown extension of the name in any spelling ({@code .MD}, {@code
     * .markdown}, {@code .Markdown}) read as the convention's own when the convention ends with
     * one: what the date in the name is, for {@code created-date}, whichever extension discovery
     * took the spec by ({@code file-name} says separately that the name does not follow the
     * convention).
     */
    public Optional<Match> matchAnyMarkdownExtension(String fileName) {
        Optional<Match> exact = match(fileName);
        if (exact.isPresent()) {
            return exact;
        }
        String ownExtension = MarkdownNames.extension(template);
        String extension = MarkdownNames.extension(fileName);
        if (ownExtension.isEmpty() || extension.isEmpty()) {
            return Optional.empty();
        }
        return match(fileName.substring(0, fileName.length() - extension.length()) + ownExtension);
    }

    /**
     * The text standing where the convention puts its slug, in a name that keeps the convention's
     * literal parts (any Markdown extension read as its own, as in {@link
     * #matchAnyMarkdownExtension}) but whose slug or date does not follow it: {@code ü+x} of {@code
     * 2026-01-03_spec_ü+x.md}, {@code Export} of {@code 2026-1-3_spec_Export.markdown}. Empty when
     * the name lacks the literal parts, or the convention has no slug.
     */
    public Optional<String> slugPlace(String fileName) {
        if (loose == null) {
            return Optional.empty();
        }
        Matcher m = loose.matcher(fileName);
        if (m.matches()) {
            return Optional.of(m.group(1));
        }
        String ownExtension = MarkdownNames.extension(template);
        String extension = MarkdownNames.extension(fileName);
        if (ownExtension.isEmpty() || extension.isEmpty()) {
            return Optional.empty();
        }
        m =
                loose.matcher(
                        fileName.substring(0, fileName.length() - extension.length())
                                + ownExtension);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** {@link #match} by the regular expression: what {@link #scan} must equal. */
    Optional<Match> matchByPattern(String fileName) {
        Matcher m = pattern.matcher(fileName);
        if (!m.matches()) {
            return Optional.empty();
        }
        int g = 1;
        String date = null;
        String slug = null;
        int d = template.indexOf(DATE_TOKEN);
        int s = template.indexOf(SLUG_TOKEN);
        if (hasDate && (!hasSlug || d < s)) {
            date = m.group(g++);
            if (hasSlug) {
                slug = m.group(g);
            }
        } else if (hasSlug) {
            slug = m.group(g++);
            if (hasDate) {
                date = m.group(g);
            }
        }
        return Optional.of(new Match(date, slug));
    }

    /**
     * {@link #match} by a scan, for a convention with at most one date and one slug and no
     * backslash (every convention seen; {@code file-name} and {@code created-date} match every
     * spec's name): the literal parts and the date have fixed lengths, so the slug's length is what
     * the name leaves, and each part is compared where it must stand.
     */
    Optional<Match> scan(String fileName) {
        int d = template.indexOf(DATE_TOKEN);
        int s = template.indexOf(SLUG_TOKEN);
        int slugLength =
                fileName.length() - template.length() + (hasSlug ? SLUG_TOKEN.length() : 0);
        if (hasSlug ? slugLength < 1 : slugLength != 0) {
            return Optional.empty();
        }
        String date = null;
        String slug = null;
        int at = 0; // in the name
        int t = 0; // in the template
        while (t < template.length()) {
            if (t == d) {
                if (!isDate(fileName, at)) {
                    return Optional.empty();
                }
                date = fileName.substring(at, at + DATE_TOKEN.length());
                at += DATE_TOKEN.length();
                t += DATE_TOKEN.length();
            } else if (t == s) {
                if (!isSlug(fileName, at, at + slugLength)) {
                    return Optional.empty();
                }
                slug = fileName.substring(at, at + slugLength);
                at += slugLength;
                t += SLUG_TOKEN.length();
            } else {
                if (fileName.charAt(at) != template.charAt(t)) {
                    return Optional.empty();
                }
                at++;
                t++;
            }
        }
        return Optional.of(new Match(date, slug));
    }

    /** {@code \d{4}-\d{2}-\d{2}} at {@code at}. */
    private static boolean isDate(String name, int at) {
        for (int k = 0; k < DATE_TOKEN.length(); k++) {
            char c = name.charAt(at + k);
            if (k == 4 || k == 7 ? c != '-' : c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * {@link #SLUG} on {@code name[from, to)}: words of {@code [a-z0-9]} joined by single hyphens.
     */
    private static boolean isSlug(String name, int from, int to) {
        for (int k = from; k < to; k++) {
            char c = name.charAt(k);
            if (c == '-') {
                if (k == from || k == to - 1 || name.charAt(k - 1) == '-') {
                    return false;
                }
            } else if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    /** Makes a file name from a date and slug. */
    public String format(String date, String slug) {
        return template.replace(DATE_TOKEN, date).replace(SLUG_TOKEN, slug);
    }
}
