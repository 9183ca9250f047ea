package dev.specgate.core.approval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@link RunSize}: a run projects what it will hash from its first specs, and only a run that will
 * cross the line at which libcrypto is linked anyway says so; small runs are not followed.
 */
class RunSizeTest {

    private static final long LINE = Sha256.NATIVE_AFTER;

    @Test
    void aRunProjectsFromItsFirstSpecsOnceItHasSeenEnough() {
        try (RunSize run = RunSize.of(10_000)) {
            assertThat(RunSize.current).isSameAs(run);
            long before = Sha256.hashed();
            for (int i = 0; i < RunSize.SAMPLE - 1; i++) {
                run.spec();
            }
            // 1 MB after 63 specs would project 160 MB, but 63 specs are too few to tell
            assertThat(run.projects(before + (1 << 20), LINE)).isFalse();
            run.spec();
            // 64 specs: 1 MB of them projects ~160 MB for 10,000
            assertThat(run.projects(before + (1 << 20), LINE)).isTrue();
            // 100 KB of them (a few approved specs) projects ~15.6 MB: below the line
            assertThat(run.projects(before + 100_000, LINE)).isFalse();
            // nothing hashed by this run (what was hashed before it does not count)
            assertThat(run.projects(before, LINE)).isFalse();
        }
        assertThat(RunSize.current).isNull();
    }

    @Test
    void aSmallRunIsNotFollowed() {
        RunSize small = RunSize.of(RunSize.SAMPLE - 1);
        for (int i = 0; i < 1000; i++) {
            small.spec();
        }
        assertThat(RunSize.current).isNull();
        assertThat(small.projects(Long.MAX_VALUE / 2, LINE)).isFalse();
        small.close();
    }

    @Test
    void aRunClosedLeavesALaterRunFollowed() {
        RunSize first = RunSize.of(5_000);
        RunSize second = RunSize.of(8_000);
        first.close();
        assertThat(RunSize.current).isSameAs(second);
        second.close();
        assertThat(RunSize.current).isNull();
    }
}
