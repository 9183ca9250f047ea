package dev.specgate.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;

/**
 * Test projects: copies of the dashboard fixture (a frozen copy of the demo, see {@code
 * src/test/resources/dashboard-fixture/README.md}), and hostile specs.
 */
public final class Projects {

    /** The date the fixture's overdue dates are measured against. */
    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    static final Path FIXTURE = Path.of("src", "test", "resources", "dashboard-fixture");

    static final String CLEAN_SPEC = "2026-10-14_spec_webhook-retry-backoff.md";

    private Projects() {}

    /** A copy of the dashboard fixture under {@code dir}. */
    public static Path fixtureCopy(Path dir) {
        Path target = dir.resolve("project");
        try (Stream<Path> files = Files.walk(FIXTURE)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(FIXTURE.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** The spec folder of a project. */
    static Path specs(Path project) {
        return project.resolve("directives").resolve("spec");
    }

    /**
     * A spec full of hostile content: script tags, javascript: links, event-handler attributes and
     * attribute-breaking quotes, in the title, fields, prose, links and checklist items.
     */
    static String hostileSpec() {
        return String.join(
                "\n",
                "# Technical Specification: Evil <script>window.__pwned=1</script> \"><img src=x"
                        + " onerror=window.__pwned=2>",
                "",
                "**File:** `../directives/spec/2026-11-20_spec_hostile.md`",
                "**Created:** 2026-11-20",
                "**Type:** Security Enhancement\" onmouseover=\"window.__pwned=3",
                "",
                "## Executive Summary",
                "<script>window.__pwned = 4</script>",
                "",
                "<img src=\"x\" onerror=\"window.__pwned=5\">",
                "",
                "Click [here](javascript:window.__pwned=6) or [there](JAVASCRIPT:window.__pwned=7)"
                        + " or [data](data:text/html,<script>window.__pwned=8</script>).",
                "",
                "A [quote](https://example.com/\"onmouseover=\"window.__pwned=9) and"
                        + " ![pic\" onerror=\"window.__pwned=10](javascript:window.__pwned=11).",
                "",
                "<a href=\"javascript:window.__pwned=12\" onclick=\"window.__pwned=13\">raw</a>",
                "",
                "<iframe src=\"javascript:window.__pwned=14\"></iframe>",
                "<style>body{display:none}</style>",
                "",
                "## Open Questions & Decisions",
                "",
                "### Technical Decisions Needed",
                "- [ ] Pick one \"><script>window.__pwned=15</script> - **Decision by:**"
                        + " 2026-12-01",
                "",
                "---",
                "",
                "**Document Status:** Review\"><script>window.__pwned=16</script>",
                "**Last Updated:** 2026-11-20",
                "**Next Review:** 2026-12-20",
                "**Assigned to:** <b onmouseover=\"window.__pwned=17\">Mallory</b>",
                "**Reviewer:** Trent",
                "");
    }

    /**
     * The file name and the text of a realistic spec (the payout one, CRLF) with bidirectional
     * controls ("Trojan Source": U+202E reverses what follows, U+2066 to U+2069 isolate) in its
     * title, its file name, a heading, prose, a code span, a link's text, a table cell and a
     * checklist item.
     */
    static String[] bidiSpec() {
        try {
            String text =
                    Files.readString(
                            specs(FIXTURE).resolve("2026-02-16_spec_payout-batch-scheduler.md"));
            text =
                    text.replaceFirst(
                                    "(?m)^# Technical Specification: (.*)$",
                                    "# Technical Specification: $1 \u202Eevil\u202C")
                            .replace(
                                    "## Executive Summary\n",
                                    "## Executive Summary\n\nAccess is checked \u2067if"
                                            + " admin\u2069 \u2066then allow\u2069 for"
                                            + " `is\u202Eadmin` and [the \u202Brunbook](#rollback)."
                                            + "\n\n| key | value |\n|---|---|\n| role |"
                                            + " \u202Auser\u202C |\n\n### Über \u202Dnotes\n\n"
                                            + "Nothing else.\n")
                            .replace(
                                    "   - [x] Create feature branches",
                                    "   - [x] Create \u202Efeature\u202C branches")
                            .replace("\n", "\r\n");
            return new String[] {"2026-02-16_spec_payout-\u202Ebatch.md", text};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every bidirectional control {@link #bidiSpec()} may hold. */
    static final String BIDI = "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069";

    static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
