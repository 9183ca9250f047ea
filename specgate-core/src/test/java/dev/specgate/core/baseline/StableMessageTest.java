package dev.specgate.core.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.diagnostic.ShellWord;
import dev.specgate.core.model.SourceRange;
import org.junit.jupiter.api.Test;

/** What a baseline hashes of a message: approval-stale's without the spec word it names. */
class StableMessageTest {

    private static final String STALE =
            "the approved content changed since the approval of 2026-11-20 by Ana Ruiz"
                    + " (sha256:ab12, now sha256:cd34): changed: Problem Statement (review it"
                    + " again, then specgate approve --refresh ";

    private static Diagnostic d(String rule, String message) {
        return new Diagnostic(rule, Severity.ERROR, SourceRange.fileStart(), message);
    }

    @Test
    void theSpecWordOfTheRefreshIsLeftOutHoweverItIsWritten() {
        String old = STALE.stripTrailing() + ")";
        for (String path :
                new String[] {
                    "directives/spec/2026-10-02_spec_x.md",
                    "/home/ana/work/directives/spec/2026-10-02_spec_x.md",
                    "team a/directives/spec/2026-10-02_spec_ça (v2).md",
                    "it's/directives/spec/x.md"
                }) {
            String message = STALE + ShellWord.of(path) + ")";

            assertThat(Fingerprinter.stable(d("approval-stale", message)))
                    .as(message)
                    .isEqualTo(old);
        }
        String record =
                "'Approval' is not an approval record ('YYYY-MM-DD by NAME, sha256:<12 hex"
                        + " digits>'): approve the spec with specgate approve --refresh ";
        assertThat(Fingerprinter.stable(d("approval-stale", record + "'a b.md'")))
                .isEqualTo(record.stripTrailing());
    }

    @Test
    void otherRulesMessagesAreKeptAsTheyAre() {
        String message = "see specgate approve --refresh x.md";
        assertThat(Fingerprinter.stable(d("field-value", message))).isEqualTo(message);
    }

    @Test
    void sectionMissingsRenameHintIsLeftOut() {
        String bare = "missing section '## Executive Summary' (expected before 'Goals')";
        String hinted =
                bare
                        + "; the heading 'Overview' may be it, renamed: if so, add to"
                        + " .specgate.yml: sections: {Executive Summary: {aliases: [Overview]}}";
        assertThat(Fingerprinter.stable(d("section-missing", hinted))).isEqualTo(bare);
        assertThat(Fingerprinter.stable(d("section-missing", bare))).isEqualTo(bare);
    }
}
