package dev.specgate.core.layout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.layout.LayoutEntry.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LayoutTraceTest {

    @TempDir Path root;

    @Test
    void reportsExistenceAndCountsTestFilesInTestDirectories() throws Exception {
        Files.createDirectories(root.resolve("tests/unit/x/deep"));
        Files.writeString(root.resolve("tests/unit/x/RetryTest.java"), "");
        Files.writeString(root.resolve("tests/unit/x/deep/test_retry.py"), "");
        Files.writeString(root.resolve("tests/unit/x/helpers.py"), "");
        Files.createDirectories(root.resolve("src/core/x"));
        List<LayoutEntry> entries =
                List.of(
                        new LayoutEntry(
                                "Implementation Files",
                                "Core logic",
                                "",
                                "src/core/x/",
                                Kind.DIRECTORY,
                                false,
                                1,
                                0),
                        new LayoutEntry(
                                "Test Files",
                                "Unit tests",
                                "",
                                "tests/unit/x/",
                                Kind.DIRECTORY,
                                false,
                                2,
                                0),
                        new LayoutEntry(
                                "Test Files",
                                "Integration tests",
                                "",
                                "tests/integration/x/",
                                Kind.DIRECTORY,
                                false,
                                3,
                                0),
                        new LayoutEntry(
                                "Documentation",
                                "Technical docs",
                                "",
                                "docs/dev/x.md",
                                Kind.FILE,
                                false,
                                4,
                                0),
                        new LayoutEntry(
                                "Test Files", "Escape", "", "../x/", Kind.DIRECTORY, false, 5, 0));

        List<TracedEntry> traced = LayoutTrace.trace(root, entries, e -> false);

        assertThat(traced)
                .extracting(TracedEntry::exists)
                .containsExactly(true, true, false, false, false);
        assertThat(traced.get(0).testFiles()).isEmpty();
        assertThat(traced.get(1).testFiles()).hasValue(2);
        assertThat(traced.get(2).testFiles()).hasValue(0);
        assertThat(traced.get(2).missingWhileRequired(true)).isTrue();
        assertThat(traced.get(2).missingWhileRequired(false)).isFalse();
        assertThat(traced.get(3).missingWhileRequired(true)).isFalse();
        // refused with scaffold's own reason, not called missing
        assertThat(traced)
                .extracting(TracedEntry::state)
                .containsExactly("exists", "exists", "missing", "missing", "refused");
        assertThat(traced.get(4).refused()).hasValue("contains '..'");
        assertThat(traced.get(2).refused()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "RetryTest.java",
                "RetryTests.kt",
                "TestRetry.java",
                "RetryIT.java",
                "test_retry.py",
                "retry_test.py",
                "retry.test.ts",
                "retry.spec.jsx",
                "retry_test.go",
                "retry.rs"
            })
    void commonTestFileNamesCount(String name) {
        assertThat(TestFileNames.isTestFile(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Retry.java",
                "Test.java",
                "retry.py",
                "testing.go",
                "retry.ts",
                "README.md",
                "Makefile"
            })
    void otherFilesDoNot(String name) {
        assertThat(TestFileNames.isTestFile(name)).isFalse();
    }
}
