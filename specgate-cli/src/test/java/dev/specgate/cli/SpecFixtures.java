package dev.specgate.cli;

import dev.specgate.core.schema.TemplateSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Realistic specs for CLI tests, written into a project tree. */
public final class SpecFixtures {

    private SpecFixtures() {}

    /** A clean, fully filled spec (Approved), as it appears in the test resources. */
    public static String cleanSpec() {
        return resource("/specs/2026-10-02_spec_webhook-retry-queue.md");
    }

    /** The template with only its title and header fields filled: a fresh Draft. */
    public static String freshDraft(String fileName) {
        return TemplateSchema.builtinTemplateText()
                .replace(
                        "# Technical Specification: [Feature/Problem Name]",
                        "# Technical Specification: Export Audit Log")
                .replace(
                        "`../directives/spec/YYYY-MM-DD_spec_feature-name.md`",
                        "`directives/spec/" + fileName + "`")
                .replace("**Created:** [Date]", "**Created:** " + fileName.substring(0, 10))
                .replace(
                        "**Type:** [Bug Fix | Performance Optimization | Architecture Change |"
                                + " Integration | Security Enhancement]",
                        "**Type:** Integration")
                .replace(
                        "**Document Status:** [Draft | Review | Approved | Implementation]",
                        "**Document Status:** Draft")
                .replace("**Last Updated:** [Date]", "**Last Updated:** 2026-11-20");
    }

    /**
     * {@code text} with its approval recorded again for its content as it is (by its Reviewer): for
     * tests that vary the approved clean spec and still want it to hold no approval-stale error.
     */
    public static String reapproved(String text) {
        dev.specgate.core.edit.SpecSource source = dev.specgate.core.edit.SpecSource.of(text);
        dev.specgate.core.model.SpecDocument doc =
                new dev.specgate.core.parse.SpecParser().parse(source.text());
        byte[] bytes =
                dev.specgate.core.approval.Approvals.standard()
                        .approve(
                                source.edit(),
                                doc,
                                dev.specgate.core.lifecycle.Lifecycle.standard()
                                        .reviewer(doc)
                                        .orElse("Priya Raman"),
                                java.time.LocalDate.of(2026, 11, 20))
                        .bytes();
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Writes {@code content} as {@code root/directives/spec/fileName} and returns the path. */
    public static Path writeSpec(Path root, String fileName, String content) {
        // the clean spec's approval follows the edits a test makes, so that each test sees the
        // findings it is about; the approval tests (cli.history) write what they mean to test
        if (content.contains("**Approval:** ")
                && !content.contains("**Document Status:** Review")) {
            content = reapproved(content);
        }
        return writeSpec(root, fileName, content.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A folder under {@code base} whose absolute path is {@code length} characters long, made of
     * nested folders of at most 200 characters each: where a path a few characters longer is more
     * than the system takes (4,095 bytes on Linux), a write below it fails after its folders are
     * made. Empty when the system takes no folder that long.
     */
    public static java.util.Optional<Path> folderOfLength(Path base, int length) {
        Path dir = base.toAbsolutePath();
        int left = length - dir.toString().length();
        if (left < 2) {
            throw new IllegalArgumentException(base + " is longer than " + length + " characters");
        }
        while (left > 0) {
            // each part is a separator and at least one character
            int part = left <= 201 ? left - 1 : Math.min(200, left - 3);
            dir = dir.resolve("d".repeat(part));
            left -= part + 1;
        }
        try {
            return java.util.Optional.of(Files.createDirectories(dir));
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    /** Writes raw bytes as {@code root/directives/spec/fileName} and returns the path. */
    public static Path writeSpec(Path root, String fileName, byte[] content) {
        try {
            Path dir = Files.createDirectories(root.resolve("directives/spec"));
            return Files.write(dir.resolve(fileName), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = SpecFixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
