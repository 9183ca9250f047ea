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
}
