package dev.specgate.core.authoring;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The slug of a spec's file name, made from its title: lowercase ASCII letters and digits, accents
 * folded ({@code é} to {@code e}, {@code ß} to {@code ss}), apostrophes dropped, every other run of
 * characters one hyphen, at most {@value #MAX_LENGTH} characters (cut at a word boundary where
 * there is one). {@code "Don't block the Café queue!"} gives {@code dont-block-the-cafe-queue}.
 */
public final class TitleSlug {

    /** The longest slug made; longer ones are cut at the last hyphen that fits. */
    public static final int MAX_LENGTH = 60;

    private static final Map<Character, String> NO_DECOMPOSITION =
            Map.ofEntries(
                    Map.entry('ß', "ss"),
                    Map.entry('æ', "ae"),
                    Map.entry('Æ', "ae"),
                    Map.entry('ø', "o"),
                    Map.entry('Ø', "o"),
                    Map.entry('œ', "oe"),
                    Map.entry('Œ', "oe"),
                    Map.entry('ł', "l"),
                    Map.entry('Ł', "l"),
                    Map.entry('đ', "d"),
                    Map.entry('Đ', "d"),
                    Map.entry('ð', "d"),
                    Map.entry('Ð', "d"),
                    Map.entry('þ', "th"),
                    Map.entry('Þ', "th"),
                    Map.entry('ı', "i"));

    /** What a slug is made of: lowercase ASCII letters and digits, single hyphens between. */
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern APOSTROPHES = Pattern.compile("(?<=[a-z0-9])['’ʼ](?=[a-z0-9])");
    private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9]+");

    private TitleSlug() {}

    /** The slug of {@code title}, or empty when it has no ASCII letter or digit to give. */
    public static Optional<String> of(String title) {
        StringBuilder folded = new StringBuilder(title.length());
        for (char c : title.toCharArray()) {
            String replacement = NO_DECOMPOSITION.get(c);
            folded.append(replacement != null ? replacement : String.valueOf(c));
        }
        String s = Normalizer.normalize(folded, Normalizer.Form.NFKD);
        s = MARKS.matcher(s).replaceAll("").toLowerCase(Locale.ROOT);
        s = APOSTROPHES.matcher(s).replaceAll("");
        s = SEPARATORS.matcher(s).replaceAll("-");
        s = trimHyphens(s);
        if (s.length() > MAX_LENGTH) {
            int cut = s.lastIndexOf('-', MAX_LENGTH);
            s = trimHyphens(cut > 0 ? s.substring(0, cut) : s.substring(0, MAX_LENGTH));
        }
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    /**
     * Whether {@code slug} can name a spec as given: lowercase ASCII letters and digits, single
     * hyphens between them, at most {@value #MAX_LENGTH} characters ({@code audit-log-export}).
     */
    public static boolean isSlug(String slug) {
        return slug.length() <= MAX_LENGTH && SLUG.matcher(slug).matches();
    }

    private static String trimHyphens(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && s.charAt(a) == '-') {
            a++;
        }
        while (b > a && s.charAt(b - 1) == '-') {
            b--;
        }
        return s.substring(a, b);
    }
}
