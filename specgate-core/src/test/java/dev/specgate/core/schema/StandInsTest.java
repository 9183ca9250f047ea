package dev.specgate.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a section's body may hold that stands in for text not written yet, and what is an answer.
 */
class StandInsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "TBD",
                "tbd.",
                "*TBD*",
                "- **TBD**",
                "> TODO",
                "To be determined",
                "...",
                "\u2026",
                "???",
                "\u2014",
                "Coming soon!",
                "\r\nTBD\r\n\r\n",
                "TODO: describe the rollback with SRE",
                "TBD (waiting on finance)",
                "**FIXME** \u2013 numbers from the load test",
                "\u00a0TBC\u00a0",
                // a numbered item, as an agent fills a section it was asked to list
                "1. TBD",
                "1) TODO",
                "  1. **TBD**",
                "1. TODO: list the migration steps",
                // two lines of markers, each a stand-in
                "TBD\nTBD",
                "TODO\r\n\r\nTBD",
                "- TODO\n- TBD",
                "1. TBD\n2. TBD",
                "TODO: ask finance\nTBD",
                "> TBD\n> TODO",
                // a note after a comma, and markers only
                "TBD, see ADR-12",
                "TODO, ask Ana",
                "TODO, write this",
                "TODO, FIXME",
                "TBD / TBC"
            })
    void aStandInIsNoText(String body) {
        assertThat(StandIns.of(body)).isEqualTo(body.strip());
        char[] chars = ("\n" + body + "\n\n").toCharArray();
        assertThat(StandIns.mayHold(chars, 0, chars.length))
                .as("the first look lets it by")
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Stream the CSV from a keyset-paginated query.",
                "- **High Risk:** a half-written CSV when the connection drops",
                "1. **Phase 1:** add the composite index",
                "No new services; the export path inside billing-api changes shape.",
                "| Risk | Level |",
                // first letters a stand-in's first word has, words none has
                "The export streams the CSV straight to the bucket.",
                "Payment files land in the Zürich bucket first.",
                "Coverage stays above 80 % for the billing module.",
                "Todos are kept in the tracker, not here.",
                "Tomorrow's cut-over needs the finance sign-off.",
                "Lorraine owns the rollback runbook.",
                "XXL exports are split in parts of 50 MB.",
                "[RFC 4180](https://www.rfc-editor.org/rfc/rfc4180) quoting, TBD otherwise"
            })
    void mostTextIsToldApartByItsFirstWord(String body) {
        char[] chars = body.toCharArray();
        assertThat(StandIns.mayHold(chars, 0, chars.length)).isFalse();
        assertThat(StandIns.of(body)).isNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "N/A",
                "n/a: the export reads only its own tables",
                "None",
                "Not applicable",
                "No",
                "Nothing",
                "Unknown",
                "Pending",
                "TODO items left in the export queue are retried three times.",
                "TBDs are tracked in the open questions below.",
                "Tbd: lower case is a word here, not a marker",
                "TODO: first line\nand a second line of real text",
                "Stream the CSV from a keyset-paginated query.",
                "Caf\u00e9 menu export: TBD",
                // a marker written as code or as part of a name is mentioned, not left
                "`TODO:` comments fail the build; the lint rule runs in CI.",
                "- `FIXME(owner)` markers need a ticket number.",
                "TODO.md in the repository root lists the open items.",
                "XXX-Large instances run the nightly export.",
                // a number that is no list item, a numbered item of text, a second line of text
                "3.5 GB per export is the ceiling.",
                "2026. TBD in the old plan, decided since.",
                "1. Stream the CSV\n2. TBD",
                "TBD\nThe export streams the CSV straight to the bucket.",
                "1. TBD\n2. Drop the old export path in release 42",
                // a sentence about markers: the comma after the first opens a series of them
                "TODO, FIXME and XXX comments are rejected",
                "TODO, FIXME and XXX comments are rejected by the pre-commit hook.",
                "- TODO, fixme and xxx markers need a ticket number",
                "TODO/FIXME comments fail the lint gate.",
                "TBD, TBC and TBA mean different things in the release notes.",
                "TODO, HACK and NOTE tags are counted per module.",
                "**TODO**, **FIXME** and XXX block the merge.",
                // a symbol is an answer, not punctuation left in place of text
                "\u2705",
                "- \u2713",
                "\uD83D\uDC4D"
            })
    void anAnswerOrTextIsNoStandIn(String body) {
        assertThat(StandIns.of(body)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1. TBD", "12) TODO", "1.\tTBD", "- 1. TBD"})
    void aNumberedItemIsLetByTheFirstLook(String body) {
        char[] chars = body.toCharArray();
        assertThat(StandIns.mayHold(chars, 0, chars.length)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5 TBD", "1234567890. TBD", "42", "2026-12-06 TBD"})
    void aNumberThatIsNoListMarkerIsText(String body) {
        char[] chars = body.toCharArray();
        assertThat(StandIns.mayHold(chars, 0, chars.length)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"[todo]", "[TBD]", "- [TBD]", "- [ ] TBD", "[TBD](https://x.example)"})
    void aBracketIsThePlaceholderRulesOrABoxOrALink(String body) {
        assertThat(StandIns.of(body)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n\n"})
    void anEmptyBodyIsNoStandInButEmpty(String body) {
        assertThat(StandIns.of(body)).isNull();
    }
}
