package dev.specgate.core.layout;

import java.util.Locale;

/**
 * The common test-file names of Java, Kotlin, Python, JavaScript/TypeScript, Go and Rust: {@code
 * FooTest.java}, {@code FooTests.kt}, {@code TestFoo.java}, {@code FooIT.java}, {@code
 * test_foo.py}, {@code foo_test.py}, {@code foo.test.ts}, {@code foo.spec.jsx}, {@code
 * foo_test.go}, and any {@code .rs} file (Rust integration tests are every file of a test folder).
 */
public final class TestFileNames {

    private TestFileNames() {}

    /** Whether a file name is a test file's. */
    public static boolean isTestFile(String fileName) {
        String n = fileName;
        int dot = n.lastIndexOf('.');
        if (dot <= 0) {
            return false;
        }
        String ext = n.substring(dot + 1).toLowerCase(Locale.ROOT);
        String base = n.substring(0, dot);
        return switch (ext) {
            case "java", "kt", "kts" ->
                    !base.equals("Test")
                            && (base.endsWith("Test")
                                    || base.endsWith("Tests")
                                    || base.endsWith("IT")
                                    || base.endsWith("Spec")
                                    || base.startsWith("Test"));
            case "py" -> base.startsWith("test_") || base.endsWith("_test");
            case "js", "jsx", "ts", "tsx", "mjs", "cjs" ->
                    base.endsWith(".test") || base.endsWith(".spec");
            case "go" -> base.endsWith("_test");
            case "rs" -> true;
            default -> false;
        };
    }
}
