package dev.specgate.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeadingKeyTest {

    @Test
    void isSpaceAnswersAsCharacterDoesForEveryChar() {
        for (int c = Character.MIN_VALUE; c <= Character.MAX_VALUE; c++) {
            char ch = (char) c;
            assertThat(HeadingKey.isSpace(ch))
                    .as("U+%04X", c)
                    .isEqualTo(Character.isWhitespace(ch) || Character.isSpaceChar(ch));
        }
    }

    @Test
    void foldsSpaceAndDropsTrailingParentheticals() {
        assertThat(HeadingKey.of("  File\u00A0 **Organization**\t(Rigour Vibe Structure):"))
                .isEqualTo("file organization");
    }

    @Test
    void dropsALeadingSectionNumberOrEmoji() {
        String key = HeadingKey.of("Executive Summary");
        assertThat(HeadingKey.of("1. Executive Summary")).isEqualTo(key);
        assertThat(HeadingKey.of("2.3 Executive Summary")).isEqualTo(key);
        assertThat(HeadingKey.of("4) Executive Summary")).isEqualTo(key);
        assertThat(HeadingKey.of("\uD83D\uDE80 Executive Summary")).isEqualTo(key);
        assertThat(HeadingKey.of("\u2705\uFE0F  Executive Summary")).isEqualTo(key);
        assertThat(HeadingKey.of("\uD83D\uDC68\u200D\uD83D\uDCBB 1. Executive Summary"))
                .isEqualTo(key);
    }

    @Test
    void dropsATrailingEmojiAsALeadingOne() {
        // "## Problem Analysis 🔍" was reported missing, with no "did you mean"
        String key = HeadingKey.of("Problem Analysis");
        assertThat(HeadingKey.of("Problem Analysis \uD83D\uDD0D")).isEqualTo(key);
        assertThat(HeadingKey.of("Problem Analysis\u00A0\u2705\uFE0F")).isEqualTo(key);
        assertThat(HeadingKey.of("\uD83D\uDE80 Problem Analysis \uD83D\uDC68\u200D\uD83D\uDCBB"))
                .isEqualTo(key);
        assertThat(HeadingKey.of("Problem Analysis (draft) \uD83D\uDD0D")).isEqualTo(key);
        assertThat(HeadingKey.of("Problem Analysis \uD83D\uDD0D (draft):")).isEqualTo(key);
        // a symbol inside the text, or the whole text, stays
        assertThat(HeadingKey.of("Import \u2192 Export")).isEqualTo("import \u2192 export");
        assertThat(HeadingKey.of("\uD83D\uDD0D \u2705")).isEqualTo("\uD83D\uDD0D \u2705");
    }

    @Test
    void keepsNumbersAndSymbolsThatAreTheHeadingsText() {
        assertThat(HeadingKey.of("2026 Roadmap")).isEqualTo("2026 roadmap");
        assertThat(HeadingKey.of("Phase 1: Analysis & Setup"))
                .isEqualTo("phase 1: analysis & setup");
        assertThat(HeadingKey.of("1.")).isEqualTo("1.");
        assertThat(HeadingKey.of("Release 2.")).isEqualTo("release 2.");
        assertThat(HeadingKey.of("\uD83D\uDE80")).isEqualTo("\uD83D\uDE80");
        assertThat(HeadingKey.of("[Title]")).isEqualTo("[title]");
    }

    /**
     * A heading closed as a sentence is closed ({@code # Drawbacks?}, {@code # Reference-level
     * explanation.}, {@code ## 目的。}) names the template's section, as one closed with a colon does:
     * such an RFC was told its sections were missing.
     */
    @Test
    void dropsAFullStopQuestionOrExclamationMarkThatClosesTheWords() {
        assertThat(HeadingKey.of("Reference-level explanation."))
                .isEqualTo(HeadingKey.of("Reference-level explanation"));
        assertThat(HeadingKey.of("*Drawbacks?*")).isEqualTo("drawbacks");
        assertThat(HeadingKey.of("Future possibilities!")).isEqualTo("future possibilities");
        assertThat(HeadingKey.of("Why not JSON?!")).isEqualTo("why not json");
        assertThat(HeadingKey.of("What is it? (optional)")).isEqualTo("what is it");
        assertThat(HeadingKey.of("目的。")).isEqualTo("目的");
        assertThat(HeadingKey.of("Sécurité ?")).isEqualTo("sécurité");
    }

    /**
     * A parenthetical closed by a full stop is dropped as one closed by a colon is: {@code
     * Alternatives considered (optional).} is the template's optional section, not one missing
     * while an extra section stands beside it. A number closed so stays its text.
     */
    @Test
    void dropsAParentheticalTheClosingMarkFollows() {
        assertThat(HeadingKey.of("Alternatives considered (optional)."))
                .isEqualTo(HeadingKey.of("Alternatives considered (optional):"))
                .isEqualTo("alternatives considered");
        assertThat(HeadingKey.of("**Rollout plan (v2)?**")).isEqualTo("rollout plan");
        assertThat(HeadingKey.of("Step 1).")).isEqualTo("step 1).");
        assertThat(HeadingKey.of("(1).")).isEqualTo("(1).");
    }

    @Test
    void matchesOnRenderedText() {
        assertThat(HeadingKey.of("<a name=\"why\"></a>Motivation")).isEqualTo("motivation");
        assertThat(HeadingKey.of("Risks \\& Mitigations"))
                .isEqualTo(HeadingKey.of("Risks & Mitigations"));
        assertThat(HeadingKey.of("Risks &amp; Mitigations")).isEqualTo("risks & mitigations");
        assertThat(HeadingKey.of("[Design Details](#design-details)")).isEqualTo("design details");
        assertThat(HeadingKey.of("_Design_ __Details__")).isEqualTo("design details");
        assertThat(HeadingKey.of("Design Details {#design}")).isEqualTo("design details");
        assertThat(HeadingKey.of("Validation [optional]")).isEqualTo("validation");
        assertThat(HeadingKey.of("The max_retries setting")).isEqualTo("the max_retries setting");
        assertThat(HeadingKey.of("![logo](logo.png) Summary")).isEqualTo("summary");
    }

    @Test
    void trailingPartsAreDroppedFromTheEndBackAsTheyStack() {
        // each part dropped from the end back, so long as one is left: a parenthetical, a colon,
        // an optional mark, emoji; the last '(' opens the parenthetical
        assertThat(HeadingKey.of("Risks (draft) (old)")).isEqualTo("risks");
        assertThat(HeadingKey.of("Scope (a (b) c)")).isEqualTo("scope (a");
        assertThat(HeadingKey.of("Scope (a) b)")).isEqualTo("scope");
        assertThat(HeadingKey.of("(Only a parenthetical)")).isEqualTo("(only a parenthetical)");
        assertThat(HeadingKey.of("Notes ()")).isEqualTo("notes");
        assertThat(HeadingKey.of("Plan [optional] (draft):")).isEqualTo("plan");
        assertThat(HeadingKey.of("Rollout [ Optional: later ]")).isEqualTo("rollout");
        assertThat(HeadingKey.of("Scope [draft]")).isEqualTo("scope [draft]");
        assertThat(HeadingKey.of("Scope: :")).isEqualTo("scope");
        assertThat(HeadingKey.of("Title ](x)")).isEqualTo("title ]");
        assertThat(HeadingKey.of("x(")).isEqualTo("x(");
        assertThat(HeadingKey.of("\u00DCber: (\u00D6) [optional]:")).isEqualTo("\u00FCber");
        assertThat(HeadingKey.of("3.2.1 Numbered")).isEqualTo("numbered");
        assertThat(HeadingKey.of("**")).isEmpty();
        // a lone surrogate is text; U+0130 lower-cases to two chars
        assertThat(HeadingKey.of("Lone \uD83D")).isEqualTo("lone \uD83D");
        assertThat(HeadingKey.of("Lone \uDE80 end")).isEqualTo("lone \uDE80 end");
        assertThat(HeadingKey.of("\u0130stanbul Plan")).isEqualTo("i\u0307stanbul plan");
    }

    @Test
    void rememberedKeysAreTheComputedOnesPastTheCacheBoundAndForLongHeadings() {
        String[] shapes = {
            "%d. Executive Summary (draft)", "🚀 Risks & Mitigations %d:", "*Step* `%d` [optional]"
        };
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < HeadingKey.CACHE_SIZE + 500; i++) {
                String heading = String.format(shapes[i % shapes.length], i);
                assertThat(HeadingKey.of(heading)).isEqualTo(HeadingKey.compute(heading));
            }
        }
        String longHeading = "Long ".repeat(HeadingKey.CACHED_LENGTH) + "(note)";
        assertThat(HeadingKey.of(longHeading)).isEqualTo(HeadingKey.compute(longHeading));
        assertThat(HeadingKey.of(longHeading)).endsWith("long");
    }
}
