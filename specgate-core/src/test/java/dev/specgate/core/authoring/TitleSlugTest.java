package dev.specgate.core.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TitleSlugTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Export Audit Log | export-audit-log",
                "  Webhook   retry queue!  | webhook-retry-queue",
                "Café crème brûlée | cafe-creme-brulee",
                "Straße und Ærø Łódź | strasse-und-aero-lodz",
                "Don't block the café's queue | dont-block-the-cafes-queue",
                "OAuth2 → SAML v3.1 | oauth2-saml-v3-1",
                "--leading and trailing-- | leading-and-trailing",
                "日本語 and ASCII | and-ascii",
                "ＦＵＬＬ width | full-width"
            })
    void slugsAreLowercaseAsciiJoinedByHyphens(String title, String slug) {
        assertThat(TitleSlug.of(title)).contains(slug);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "!!!", "日本語", "—", "'"})
    void aTitleWithoutAsciiLettersOrDigitsGivesNoSlug(String title) {
        assertThat(TitleSlug.of(title)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void lengthIsCappedAtAWordBoundary() {
        String sixty = "a".repeat(29) + " " + "b".repeat(30);
        String sixtyOne = "a".repeat(29) + " " + "b".repeat(31);
        String longWord = "x".repeat(70);

        assertThat(TitleSlug.of(sixty)).contains("a".repeat(29) + "-" + "b".repeat(30));
        assertThat(TitleSlug.of(sixtyOne)).contains("a".repeat(29));
        assertThat(TitleSlug.of(sixty + " c")).contains("a".repeat(29) + "-" + "b".repeat(30));
        assertThat(TitleSlug.of(longWord)).contains("x".repeat(TitleSlug.MAX_LENGTH));
    }

    @ParameterizedTest
    @ValueSource(strings = {"audit-log-export", "a", "v2", "x1-2-y"})
    void aGivenSlugIsLowercaseAsciiLettersDigitsAndSingleHyphens(String slug) {
        assertThat(TitleSlug.isSlug(slug)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", "Audit-Log", "audit_log", "audit--log", "-audit", "audit-", "監査", "a b"})
    void anythingElseIsNoSlug(String slug) {
        assertThat(TitleSlug.isSlug(slug)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void aGivenSlugIsAtMostAsLongAsAMadeOne() {
        assertThat(TitleSlug.isSlug("a".repeat(TitleSlug.MAX_LENGTH))).isTrue();
        assertThat(TitleSlug.isSlug("a".repeat(TitleSlug.MAX_LENGTH + 1))).isFalse();
    }
}
