package dev.specgate.core.diagnostic;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How far apart two words are, for the "did you mean" a message offers: a mistyped option or
 * command, a configuration key, a section heading, a spec folder's name.
 */
public final class EditDistance {

    private EditDistance() {}

    /**
     * The Levenshtein distance of {@code a} and {@code b} (an insert, a delete or a replace is one
     * edit), or {@code limit + 1} as soon as it must exceed {@code limit}.
     */
    public static int levenshtein(String a, String b, int limit) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /**
     * The optimal string alignment distance of {@code a} and {@code b}: as {@link #levenshtein},
     * and a swap of two neighbours ({@code chekc}, {@code sepc}) is one edit too.
     */
    public static int withSwaps(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] =
                        Math.min(
                                Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1
                        && j > 1
                        && a.charAt(i - 1) == b.charAt(j - 2)
                        && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /**
     * The one name of {@code names} nearest to {@code given}: the only one it begins (three
     * characters at least), else the closest within a third of its length (at least one edit; a
     * swap of two neighbours counts as one). Empty when none is near or two are equally near.
     */
    public static Optional<String> nearest(String given, Collection<String> names) {
        String g = given.toLowerCase(Locale.ROOT);
        String bare = g.replaceFirst("^-+", "");
        if (bare.length() >= 3) {
            List<String> started =
                    names.stream().filter(n -> n.toLowerCase(Locale.ROOT).startsWith(g)).toList();
            if (started.size() == 1 && !started.get(0).equalsIgnoreCase(g)) {
                return Optional.of(started.get(0));
            }
        }
        int limit = Math.max(1, bare.length() / 3);
        String best = null;
        int bestDistance = limit + 1;
        boolean tie = false;
        for (String n : names) {
            int d = withSwaps(g, n.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = n;
                bestDistance = d;
                tie = false;
            } else if (d == bestDistance && !n.equals(best)) {
                tie = true;
            }
        }
        return best == null || tie || bestDistance == 0 ? Optional.empty() : Optional.of(best);
    }

    /** {@code ; did you mean 'NAME'?}. */
    public static String didYouMean(String name) {
        return "; did you mean '" + name + "'?";
    }

    /**
     * The one value of {@code values} (a status, a Type, as a template writes them) nearest to
     * {@code given}: the one with the same letters and digits in any case, whatever the spaces,
     * hyphens and underscores between them ({@code inreview}, {@code In-Review} for {@code In
     * Review}), else as {@link #nearest} (a typo). Empty when none is near, or {@code given} is
     * one.
     */
    public static Optional<String> nearestValue(String given, Collection<String> values) {
        String squeezed = squeeze(given);
        List<String> same =
                values.stream()
                        .filter(v -> squeeze(v).equals(squeezed) && !v.equals(given.strip()))
                        .distinct()
                        .toList();
        if (same.size() == 1) {
            return Optional.of(same.get(0));
        }
        return same.isEmpty() ? nearest(given.strip(), values) : Optional.empty();
    }

    /** {@code ; did you mean 'VALUE'?} for the {@link #nearestValue}, or "" when none is near. */
    public static String didYouMeanValue(String given, Collection<String> values) {
        return nearestValue(given, values).map(EditDistance::didYouMean).orElse("");
    }

    private static String squeeze(String value) {
        StringBuilder s = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!Character.isWhitespace(c) && c != '-' && c != '_') {
                s.append(Character.toLowerCase(c));
            }
        }
        return s.toString();
    }
}
