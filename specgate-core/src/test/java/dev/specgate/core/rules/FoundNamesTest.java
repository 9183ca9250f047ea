package dev.specgate.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The flat table of a folder's found names answers exactly as a set of those names would. */
class FoundNamesTest {

    private static final String PLAIN =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.";

    @Test
    void holdsEveryPlainNameItWasGivenAndNothingElse() {
        long seed = 17;
        System.out.println("FoundNamesTest seed " + seed);
        Random random = new Random(seed);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            names.add(
                    random.nextInt(4) == 0
                            ? name(random, 1 + random.nextInt(FoundNames.LONGEST))
                            : "2026-%02d-%02d_spec_%s-%d.md"
                                    .formatted(
                                            1 + random.nextInt(12),
                                            1 + random.nextInt(28),
                                            name(random, 3 + random.nextInt(12)),
                                            random.nextInt(10_000)));
        }
        names.add(names.get(0)); // a name given twice
        FoundNames table = FoundNames.of(names);
        Set<String> set = new HashSet<>(names);

        for (String name : names) {
            assertThat(table.contains(name)).as(name).isTrue();
        }
        for (String name : names.subList(0, 500)) {
            // one char changed, one more or less, another case, a char no plain name has
            int at = random.nextInt(name.length());
            List<String> near =
                    List.of(
                            name.substring(0, at) + 'x' + name.substring(at + 1),
                            name + "x",
                            name.substring(1),
                            name.toUpperCase(java.util.Locale.ROOT),
                            name.substring(0, at) + 'é' + name.substring(at + 1),
                            name.substring(0, at) + '\u0100' + name.substring(at + 1));
            for (String other : near) {
                assertThat(table.contains(other)).as(other).isEqualTo(set.contains(other));
            }
        }
    }

    @Test
    void leavesOutNamesThatAreNotPlainOrTooLong() {
        String longest = "a".repeat(FoundNames.LONGEST);
        String tooLong = "a".repeat(FoundNames.LONGEST + 1);
        FoundNames table =
                FoundNames.of(List.of(longest, tooLong, "café.md", "notes é.md", "..", ".", "a b"));

        assertThat(table.contains(longest)).isTrue();
        assertThat(table.contains(tooLong)).isFalse();
        assertThat(table.contains("café.md")).isFalse();
        assertThat(table.contains("notes é.md")).isFalse();
        assertThat(table.contains("..")).isFalse();
        assertThat(table.contains(".")).isFalse();
        assertThat(table.contains("")).isFalse();
        assertThat(FoundNames.of(List.of("café.md")).contains("café.md")).isFalse();
        assertThat(FoundNames.NONE.contains("a.md")).isFalse();
    }

    private static String name(Random random, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(PLAIN.charAt(random.nextInt(PLAIN.length())));
        }
        String s = sb.toString();
        return s.equals(".") || s.equals("..") ? s + "a" : s;
    }
}
