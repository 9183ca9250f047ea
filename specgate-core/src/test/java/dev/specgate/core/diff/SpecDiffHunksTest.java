package dev.specgate.core.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.parse.SpecParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A changed section's hunks read as a unified diff a reviewer knows: {@code @@ -a,b +c,d @@} with
 * the lines of both versions it spans, up to three unchanged lines of the section around each run
 * of changes, runs whose contexts meet in one hunk, boxes shown as written.
 */
class SpecDiffHunksTest {

    private static final SpecParser PARSER = new SpecParser();

    private static String spec() throws IOException {
        return Files.readString(
                Path.of(
                        "src/test/resources/rules/approval-missing/"
                                + "2026-03-02_spec_approved-without-record.md"),
                StandardCharsets.UTF_8);
    }

    private static List<SpecDiff.SectionChange> changed(String before, String after) {
        return new SpecDiffer()
                .diff(before, PARSER.parse(before), after, PARSER.parse(after))
                .sectionsChanged();
    }

    private static String replaced(String text, String from, String to) {
        assertThat(text).contains(from);
        return text.replace(from, to);
    }

    @Test
    void aChangedLineComesWithThreeLinesOfContextAndBothRangesInItsHeader() throws IOException {
        String before = spec().replace("\n", "\r\n");
        String after = replaced(before, "31 % of export requests", "29 % of export requests");

        List<SpecDiff.SectionChange> changed = changed(before, after);

        assertThat(changed)
                .singleElement()
                .extracting(SpecDiff.SectionChange::title)
                .isEqualTo("Problem Analysis > Evidence & Metrics");
        SpecDiff.Hunk h = changed.get(0).hunks().get(0);
        // the heading is line 27 and the section's blank line 32: two lines before the change, a
        // heading above them, three after
        assertThat(h.header()).isEqualTo("@@ -27,6 +27,6 @@");
        assertThat(h.lines())
                .containsExactly(
                        " ### Evidence & Metrics",
                        " - **Current Performance:** p95 export time 184 s for accounts above"
                                + " 50,000 invoices",
                        "-- **Error Rates:** 31 % of export requests ended in a gateway timeout in"
                                + " February",
                        "+- **Error Rates:** 29 % of export requests ended in a gateway timeout in"
                                + " February",
                        " - **User Impact:** 96 support tickets tagged `export-timeout` since"
                                + " January",
                        " - **System Impact:** heap spikes to 3.8 GB on `billing-api` pods during"
                                + " exports",
                        " ");
        assertThat(h.removed()).containsExactly(h.lines().get(2).substring(1));
        assertThat(h.added()).containsExactly(h.lines().get(3).substring(1));
    }

    @Test
    void changesCloseTogetherShareAHunkAndFarApartGetOneEach() throws IOException {
        String before = spec();
        String close =
                replaced(
                        replaced(before, "Create feature branches", "Create the feature branch"),
                        "Streaming CSV writer with explicit flushes",
                        "Streaming CSV writer, flushed every page");
        String far =
                replaced(
                        replaced(before, "Create feature branches", "Create the feature branch"),
                        "System integration testing",
                        "System integration testing against staging");

        List<SpecDiff.Hunk> one = changed(before, close).get(0).hunks();
        List<SpecDiff.Hunk> two = changed(before, far).get(0).hunks();

        // lines 74 and 79, four unchanged lines apart: 71 to 82 in one hunk
        assertThat(one)
                .singleElement()
                .extracting(SpecDiff.Hunk::header)
                .isEqualTo("@@ -71,12 +71,12 @@");
        assertThat(one.get(0).removed())
                .containsExactly(
                        "   - [x] Create feature branches",
                        "   - [ ] Streaming CSV writer with explicit flushes");
        // lines 74 and 88, thirteen apart: 71 to 77 and 85 to 91
        assertThat(two)
                .extracting(SpecDiff.Hunk::header)
                .containsExactly("@@ -71,7 +71,7 @@", "@@ -85,7 +85,7 @@");
    }

    @Test
    void anAddedOrRemovedLineCountsOnItsSideOnly() throws IOException {
        String before = spec();
        String added =
                replaced(
                        before,
                        "   - [ ] Staging environment validation\n",
                        "   - [ ] Staging environment validation\n"
                                + "   - [ ] Load test at twice the largest account\n");
        String removed = replaced(before, "   - [ ] Keyset-paginated repository method\n", "");

        SpecDiff.Hunk in = changed(before, added).get(0).hunks().get(0);
        SpecDiff.Hunk out = changed(before, removed).get(0).hunks().get(0);

        assertThat(in.header()).isEqualTo("@@ -87,5 +87,6 @@");
        assertThat(in.lines())
                .containsExactly(
                        " 4. **Integration & Deployment**",
                        "    - [ ] System integration testing",
                        "    - [ ] Staging environment validation",
                        "+   - [ ] Load test at twice the largest account",
                        "    - [ ] Production deployment preparation",
                        " ");
        assertThat(out.header()).isEqualTo("@@ -75,7 +75,6 @@");
        assertThat(out.removed()).containsExactly("   - [ ] Keyset-paginated repository method");
        assertThat(out.added()).isEmpty();
    }

    @Test
    void aTickIsNoChangeButShowsAsWrittenInTheContext() throws IOException {
        String before = spec();
        String after =
                replaced(
                        replaced(
                                before,
                                "- [ ] Anonymised copy of the largest account",
                                "- [x] Anonymised copy of the largest account"),
                        "Feature flag `export.streaming` created",
                        "Feature flag `export.streaming` created and off in production");

        SpecDiff.Hunk h = changed(before, after).get(0).hunks().get(0);

        assertThat(h.header()).isEqualTo("@@ -66,5 +66,5 @@");
        assertThat(h.lines())
                .containsExactly(
                        " ### Prerequisites",
                        " - [x] Index migration reviewed by the database team",
                        "-- [x] Feature flag `export.streaming` created",
                        "+- [x] Feature flag `export.streaming` created and off in production",
                        " - [x] Anonymised copy of the largest account loaded into staging",
                        " ");
    }

    @Test
    void contextStopsAtAFieldLeftOutOfTheComparisonSoTheHeaderHoldsTrue() throws IOException {
        String before = spec();
        String after =
                replaced(
                        before,
                        "- Integration tests: `tests/integration/invoice-export/`",
                        "- Integration tests: `tests/integration/invoice-export/` (Testcontainers)");

        SpecDiff.Hunk h = changed(before, after).get(0).hunks().get(0);

        // lines 56 (**Test Files:**) and 61 (**Documentation:**) are fields, which the field list
        // reports: the hunk is 57 to 60, each line the one after the one before
        assertThat(h.header()).isEqualTo("@@ -57,4 +57,4 @@");
        assertThat(h.lines())
                .containsExactly(
                        " - Unit tests: `tests/unit/invoice-export/`",
                        "-- Integration tests: `tests/integration/invoice-export/`",
                        "+- Integration tests: `tests/integration/invoice-export/` (Testcontainers)",
                        " - Performance tests: `tests/performance/invoice-export/`",
                        " ");
    }

    @Test
    void aHeaderLeavesOutACountOfOneAndWritesACountOfZeroAsGitDoes() {
        // git's forms: "-8" for one line, "-11,0" for none (the line after which lines go)
        assertThat(new SpecDiff.Hunk(8, 1, 8, 1, List.of("-a", "+b")).header())
                .isEqualTo("@@ -8 +8 @@");
        assertThat(new SpecDiff.Hunk(11, 0, 12, 1, List.of("+- Quota `[429]`")).header())
                .isEqualTo("@@ -11,0 +12 @@");
        assertThat(new SpecDiff.Hunk(27, 6, 27, 5, List.of()).header())
                .isEqualTo("@@ -27,6 +27,5 @@");
    }
}
