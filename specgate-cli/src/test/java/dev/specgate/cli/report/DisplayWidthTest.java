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

    @Test
    void padsToColumnsNotChars() {
        assertThat(DisplayWidth.padRight("返金", 6)).isEqualTo("返金  ");
        assertThat(DisplayWidth.padLeft("5/42", 5)).isEqualTo(" 5/42");
        assertThat(DisplayWidth.padRight("too long", 3)).isEqualTo("too long");
    }
}
