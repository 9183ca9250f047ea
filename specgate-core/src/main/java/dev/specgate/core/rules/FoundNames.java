package dev.specgate.core.rules;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;

/**
 * The plain names of the files a run's search found in one folder ({@link LinkTargets#plainName}),
 * as one flat table: a bucket of {@value #BUCKET} bytes per name holds its length, a byte of its
 * hash and its ASCII chars, so that asking for a name reads one bucket (two at a collision) instead
 * of a hash set's table, node, string and bytes, each a cache miss in a table of ~10,000 names.
 * Names longer than {@value #LONGEST} chars are left out: a link to one is answered the slower way.
 * Immutable once made, so safe to share.
 */
final class FoundNames {

    /** No names. */
    static final FoundNames NONE = new FoundNames(new byte[0], 0, 0);

    /** The bytes of a bucket: a cache line. */
    private static final int BUCKET = 64;

    private static final int SHIFT = 6; // log2(BUCKET)

    /** The longest name kept: a bucket's bytes after its length and hash byte. */
    static final int LONGEST = BUCKET - 2;

    /** The buckets: length (0 for an empty one), a hash byte, then the name's chars as bytes. */
    private final byte[] table;

    private final int mask;

    /** 32 minus the number of bits of a bucket's index: a hash's top bits choose its bucket. */
    private final int shift;

    private FoundNames(byte[] table, int mask, int shift) {
        this.table = table;
        this.mask = mask;
        this.shift = shift;
    }

    /** A table of those of {@code names} that are plain and at most {@value #LONGEST} long. */
    static FoundNames of(Collection<String> names) {
        int kept = 0;
        for (String name : names) {
            if (fits(name)) {
                kept++;
            }
        }
        if (kept == 0) {
            return NONE;
        }
        int bits = 1;
        while ((1 << bits) < kept + kept / 3 + 1) { // at most three quarters full
            bits++;
        }
        FoundNames t = new FoundNames(new byte[BUCKET << bits], (1 << bits) - 1, 32 - bits);
        for (String name : names) {
            if (fits(name) && !t.contains(name)) {
                t.add(name);
            }
        }
        return t;
    }

    private static boolean fits(String name) {
        return name.length() <= LONGEST && LinkTargets.plainName(name);
    }

    private void add(String name) {
        int h = name.hashCode();
        int i = index(h);
        while (table[i << SHIFT] != 0) {
            i = (i + 1) & mask;
        }
        int at = i << SHIFT;
        table[at] = (byte) name.length();
        table[at + 1] = tag(h);
        for (int k = 0; k < name.length(); k++) {
            table[at + 2 + k] = (byte) name.charAt(k); // ASCII: a plain name
        }
    }

    /** Whether {@code name} is one of the names, exactly. */
    boolean contains(String name) {
        int n = name.length();
        if (n == 0 || n > LONGEST || table.length == 0) {
            return false;
        }
        int h = name.hashCode();
        byte tag = tag(h);
        byte[] t = table;
        byte[] bytes = null;
        for (int i = index(h); ; i = (i + 1) & mask) {
            int at = i << SHIFT;
            int length = t[at];
            if (length == 0) {
                return false;
            }
            if (length == n && t[at + 1] == tag) {
                if (bytes == null) {
                    // compared by Arrays.mismatch, which C1 (the launcher's JIT) compiles to its
                    // word-at-a-time stub, where a loop of charAt costs ~4 times as much; a char no
                    // plain name has encodes to a byte no kept name has (itself, or '?')
                    bytes = name.getBytes(StandardCharsets.ISO_8859_1);
                }
                if (Arrays.mismatch(bytes, 0, n, t, at + 2, at + 2 + n) < 0) {
                    return true;
                }
            }
        }
    }

    private int index(int hash) {
        return (hash * 0x9E3779B9) >>> shift;
    }

    private static byte tag(int hash) {
        return (byte) (hash ^ (hash >>> 8) ^ (hash >>> 16));
    }
}
