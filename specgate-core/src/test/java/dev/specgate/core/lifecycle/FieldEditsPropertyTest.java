package dev.specgate.core.lifecycle;

import static dev.specgate.core.TestSpecs.CLEAN_NAME;
import static dev.specgate.core.TestSpecs.clean;
import static dev.specgate.core.TestSpecs.text;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.check.SpecChecker;
import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.model.Field;
import dev.specgate.core.model.FieldValues;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.schema.TemplateSchema;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever the value, setting a field either is refused or changes the field's own line alone,
 * reads back as the value, and setting it again changes nothing: in a CRLF status block with a byte
 * order mark, and in a MADR front matter.
 */
class FieldEditsPropertyTest {

    private static final FieldEdits.Words WORDS = new FieldEdits.Words("status", "approve");
    private static final Path SPEC = Path.of("directives/spec", CLEAN_NAME);
    private static final Path ADR = Path.of("docs/decisions/0007-retry-webhooks.md");
    private static final SpecChecker BUILTIN = SpecChecker.standard();
    private static final SpecChecker MADR =
            SpecChecker.builder()
                    .schema(
                            TemplateSchema.derive(
                                    "template.md", text("/families/madr-full/template.md")))
                    .build();
    private static final byte[] STATUS_BLOCK =
            ("\uFEFF" + clean().replace("\n", "\r\n")).getBytes(UTF_8);
    private static final byte[] FRONT_MATTER =
            ("---\r\nstatus: proposed\r\ndate: 2026-11-02\r\ndecision-makers: \"Arjun Rao\"\r\n"
                            + "consulted: Security team # asked twice\r\ninformed: All engineering\r\n"
                            + "---\r\n\r\n# Retry webhooks with back-off\r\n\r\n"
                            + "## Context and Problem Statement\r\n\r\nWebhooks fail.\r\n")
                    .getBytes(UTF_8);

    @Property(tries = 400)
    void aBoldLineValueChangesItsLineAloneAndReadsBack(
            @ForAll("values") String value, @ForAll("boldFields") String field) throws Exception {
        holds(BUILTIN, SPEC, STATUS_BLOCK, field, value);
    }

    @Property(tries = 400)
    void aFrontMatterValueChangesItsLineAloneAndReadsBack(
            @ForAll("values") String value, @ForAll("keys") String field) throws Exception {
        holds(MADR, ADR, FRONT_MATTER, field, value);
    }

    @Property(tries = 300)
    void eachOfSeveralValuesIsSetAsItWouldBeAlone(
            @ForAll("offered") List<String> values, @ForAll boolean frontMatter) throws Exception {
        SpecChecker checker = frontMatter ? MADR : BUILTIN;
        Path file = frontMatter ? ADR : SPEC;
        SpecSource source = SpecSource.of(frontMatter ? FRONT_MATTER : STATUS_BLOCK);
        String field = frontMatter ? "consulted" : "Reviewer";
        SpecDocument document = checker.parse(file, source.text());
        FieldEdits fields = Lifecycle.of(checker).fields();

        List<FieldEdits.Outcome> each =
                fields.setEach(file, source, document, field, values, WORDS);

        for (int i = 0; i < values.size(); i++) {
            FieldEdits.Outcome alone =
                    fields.set(file, source, document, field, values.get(i), WORDS);
            if (alone instanceof FieldEdits.Refused) {
                assertThat(each.get(i)).isEqualTo(alone);
            } else {
                FieldEdits.Change a = (FieldEdits.Change) alone;
                FieldEdits.Change e = (FieldEdits.Change) each.get(i);
                assertThat(e.edit().bytes()).isEqualTo(a.edit().bytes());
                assertThat(e.said(Optional.empty())).isEqualTo(a.said(Optional.empty()));
                assertThat(e.approvalNote()).isEqualTo(a.approvalNote());
            }
        }
    }

    /** Values an editor offers: words (YAML's special ones among them) and values of marks. */
    @Provide
    Arbitrary<List<String>> offered() {
        Arbitrary<String> words =
                Arbitraries.of(
                        "Ana Ruiz",
                        "Zoë",
                        "Łucja Nowak",
                        "山田 太郎",
                        "No",
                        "null",
                        "On",
                        "y",
                        "404",
                        "Bug Fix",
                        "R2 D2",
                        "Ana  Ruiz");
        return Arbitraries.oneOf(words, values()).list().ofMinSize(1).ofMaxSize(5);
    }

    private static void holds(
            SpecChecker checker, Path file, byte[] bytes, String field, String value)
            throws Exception {
        SpecSource source = SpecSource.of(bytes);
        FieldEdits fields = Lifecycle.of(checker).fields();
        FieldEdits.Outcome outcome =
                fields.set(file, source, checker.parse(file, source.text()), field, value, WORDS);
        if (outcome instanceof FieldEdits.Refused r) {
            assertThat(r.reason()).doesNotContain("\n").doesNotContain("\r");
            return;
        }
        FieldEdits.Change change = (FieldEdits.Change) outcome;
        String before = new String(bytes, UTF_8);
        String after = new String(change.edit().bytes(), UTF_8);
        Field old = checker.parse(file, source.text()).metadata(change.label()).orElseThrow();
        int line = old.labelRange().startLine();
        int start = source.lineStart(line);
        int end = source.lineEnd(line);
        // the same bytes before the field's line and after it
        assertThat(after)
                .startsWith(before.substring(0, start + (before.startsWith("\uFEFF") ? 1 : 0)));
        assertThat(after).endsWith(before.substring(end + (before.startsWith("\uFEFF") ? 1 : 0)));
        SpecSource now = SpecSource.of(change.edit().bytes());
        Field set = checker.parse(file, now.text()).metadata(change.label()).orElseThrow();
        assertThat(FieldValues.plain(set.value()).strip()).isEqualTo(change.value());
        FieldEdits.Outcome again =
                fields.set(file, now, checker.parse(file, now.text()), field, value, WORDS);
        assertThat(again).isInstanceOf(FieldEdits.Change.class);
        assertThat(((FieldEdits.Change) again).edit().isIdentity()).isTrue();
    }

    @Provide
    Arbitrary<String> boldFields() {
        return Arbitraries.of("Reviewer", "assigned to", "Next Review", "Type");
    }

    @Provide
    Arbitrary<String> keys() {
        return Arbitraries.of("decision-makers", "consulted", "informed", "date");
    }

    @Provide
    Arbitrary<String> values() {
        Arbitrary<String> pieces =
                Arbitraries.of(
                        "Ana",
                        "Zoë",
                        "Łucja",
                        "山田",
                        " ",
                        "2027-01-15",
                        "Integration",
                        ":",
                        ": ",
                        " #",
                        "#",
                        "\"",
                        "'",
                        "\\",
                        "*",
                        "_",
                        "`",
                        "[",
                        "]",
                        "<",
                        ">",
                        "-",
                        ",",
                        "{",
                        "}",
                        "|",
                        "&",
                        "!",
                        "%",
                        "@",
                        "\t");
        return pieces.list().ofMinSize(1).ofMaxSize(6).map(l -> String.join("", l));
    }
}
