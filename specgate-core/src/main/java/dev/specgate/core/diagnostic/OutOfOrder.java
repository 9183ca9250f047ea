package dev.specgate.core.diagnostic;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * Which things kept from one version to the next changed places: the one reading of "moved" that
 * {@code approval-stale} (sections named by their digests) and {@code diff} (sections named by
 * their titles) share, so that both name the same sections of a spec whose sections were reordered.
 */
public final class OutOfOrder {

    private OutOfOrder() {}

    /**
     * Given, in the new version's order, each kept thing's place in the old version ({@code
     * places}, distinct), which of them moved: all but a longest run of them still in their old
     * order (one longest increasing subsequence). One thing moved down past three others is one
     * moved, not three; of two swapped, one is named.
     */
    public static boolean[] moved(int[] places) {
        requireNonNull(places, "places must not be null");
        int n = places.length;
        int[] tails = new int[n]; // index into places of the smallest tail of a run of each length
        int[] before = new int[n]; // the index before each one in its run, or -1
        int length = 0;
        for (int i = 0; i < n; i++) {
            int lo = 0;
            int hi = length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (places[tails[mid]] < places[i]) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            before[i] = lo > 0 ? tails[lo - 1] : -1;
            tails[lo] = i;
            length = Math.max(length, lo + 1);
        }
        boolean[] moved = new boolean[n];
        Arrays.fill(moved, true);
        for (int i = length > 0 ? tails[length - 1] : -1; i >= 0; i = before[i]) {
            moved[i] = false;
        }
        return moved;
    }
}
