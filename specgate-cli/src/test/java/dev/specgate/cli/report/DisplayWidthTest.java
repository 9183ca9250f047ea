package dev.specgate.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.report.DisplayWidth;
import org.junit.jupiter.api.Test;

class DisplayWidthTest {

    @Test
    void wideScriptsTakeTwoColumnsAndCombiningMarksNone() {
        assertThat(DisplayWidth.of("Refund API")).isEqualTo(10);
        assertThat(DisplayWidth.of("返金API")).isEqualTo(7);
        assertThat(DisplayWidth.of("환불")).isEqualTo(4);
        assertThat(DisplayWidth.of("Zu\u0308rich")).isEqualTo(6); // u + combining diaeresis
        assertThat(DisplayWidth.of("Café déjà vu")).isEqualTo(12);
        assertThat(DisplayWidth.of("ship it 🚀")).isEqualTo(10);
        assertThat(DisplayWidth.of("✅ done ❌")).isEqualTo(10);
        assertThat(DisplayWidth.of("⚠ care")).isEqualTo(6); // narrow without a variation selector
        assertThat(DisplayWidth.of("ＡＢ")).isEqualTo(4); // full-width Latin
    }

    /**
     * An emoji written as a sequence shows one picture, two columns: it counted each part (a narrow
     * base and its variation selector as one column, a joined or skin-toned emoji as four, a flag
     * as four), so a list title holding one shifted the columns after it.
     */
    @Test
    void anEmojiSequenceTakesTheTwoColumnsOfThePictureItShows() {
        assertThat(DisplayWidth.of("⚠️ care")).isEqualTo(7); // U+26A0 U+FE0F
        assertThat(DisplayWidth.of("❤️")).isEqualTo(2);
        assertThat(DisplayWidth.of("1️⃣ Schritt")).isEqualTo(10); // keycap
        assertThat(DisplayWidth.of("👩‍💻 on call")).isEqualTo(10); // zero width joiner
        assertThat(DisplayWidth.of("❤️‍🔥")).isEqualTo(2);
        assertThat(DisplayWidth.of("👍🏽 ok")).isEqualTo(5); // a skin tone
        assertThat(DisplayWidth.of("🇯🇵 東京")).isEqualTo(7); // a flag, then CJK
        assertThat(DisplayWidth.of("🇯🇵🇩🇪")).isEqualTo(4); // two flags
        assertThat(DisplayWidth.of("🚀\uFE0F")).isEqualTo(2); // wide already
        assertThat(DisplayWidth.of("\u1112\u1161\u11AB")).isEqualTo(2); // 한 in conjoining jamo
        assertThat(DisplayWidth.padRight("⚠️ Risiko", 10)).isEqualTo("⚠️ Risiko ");
    }

    @Test
    void padsToColumnsNotChars() {
        assertThat(DisplayWidth.padRight("返金", 6)).isEqualTo("返金  ");
        assertThat(DisplayWidth.padLeft("5/42", 5)).isEqualTo(" 5/42");
        assertThat(DisplayWidth.padRight("too long", 3)).isEqualTo("too long");
    }
}
