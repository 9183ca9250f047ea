package dev.specgate.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.parse.SpecParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fields and checklist items the parser reads hold their label, value and text as views of the
 * spec's text: asked before or after those are made strings, they answer as fields built of strings
 * do, and equal them.
 */
class ReadFieldTest {

    private static final String SPEC =
            "# Spec\n\n"
                    + "**Status:** Draft\n"
                    + "**Größe:** groß\n\n"
                    + "## Plan\n\n"
                    + "- **Duration:** 2 weeks\n"
                    + "- **DURATION:** 3 weeks\n"
                    + "- [ ] Ship it **Owner:** Ana\n";

    @Test
    void labelsCompareAsStringLabelsDoBeforeAndAfterTheyAreRead() {
        List<Field> fresh = new SpecParser().parse(SPEC).fields();
        List<Field> read = new SpecParser().parse(SPEC).fields();
        read.forEach(Field::label); // made strings first
        String[] names = {
            "Status",
            "status",
            "STATUS ",
            " Status",
            "Statu",
            "Größe",
            "GRÖSSE",
            "größe",
            "Duration",
            "duration",
            "Owner",
            "owner",
            "Own",
            "",
            // space at an end, the name shorter, as long as or longer than a label
            "Status ",
            "Status\t",
            "  status  ",
            "Statu ",
            " tatus",
            " Statu",
            "Statusx",
            "Duration\n",
            " DURATION",
            "Owne\t",
            "Own  ",
            "Größe ",
            " größ",
            " ",
            "\t"
        };
        for (int i = 0; i < fresh.size(); i++) {
            for (String name : names) {
                boolean expected = Field.sameLabel(fresh.get(i).label(), name);
                assertThat(new SpecParser().parse(SPEC).fields().get(i).hasLabel(name))
                        .as("%s has label '%s'", fresh.get(i).label(), name)
                        .isEqualTo(expected);
                assertThat(read.get(i).hasLabel(name)).isEqualTo(expected);
            }
        }
        assertThat(fresh)
                .extracting(Field::label)
                .containsExactly("Status", "Größe", "Duration", "DURATION", "Owner");
    }

    @Test
    void readFieldsEqualFieldsOfStrings() {
        SpecDocument doc = new SpecParser().parse(SPEC);
        Field status = doc.fields().get(0);
        Field ofStrings =
                new Field(
                        "Status",
                        "Draft",
                        status.labelRange(),
                        status.valueRange(),
                        status.sectionIndex(),
                        false);
        assertThat(status).isEqualTo(ofStrings).hasSameHashCodeAs(ofStrings);
        assertThat(status.toString()).isEqualTo(ofStrings.toString());
        assertThat(status.toString()).startsWith("Field[label=Status, value=Draft, labelRange=");

        ChecklistItem item = doc.checklist().get(0);
        assertThat(item.text()).isEqualTo("Ship it **Owner:** Ana");
        ChecklistItem ofString =
                new ChecklistItem(
                        false,
                        "Ship it **Owner:** Ana",
                        0,
                        item.range(),
                        item.boxRange(),
                        item.sectionIndex(),
                        item.fields());
        assertThat(item).isEqualTo(ofString).hasSameHashCodeAs(ofString);
        assertThat(item.fields()).extracting(Field::value).containsExactly("Ana");
    }

    @Test
    void aDeadlineLabelIsToldInPlaceAsItsStringIs() {
        String[] labels = {
            "Decision by",
            "Answer needed BY",
            "due",
            "DUE",
            "Deadline",
            "dEADLINE",
            "by",
            " by",
            "Due date",
            "Nearby",
            "Décision by",
            "Due\u00a0",
            "Fällig by",
            "Dueß",
            "Owner"
        };
        for (String label : labels) {
            char[] line = ("**" + label + ":** 2026-12-01").toCharArray();
            Field read =
                    Field.read(
                            line,
                            2,
                            2 + label.length(),
                            label.length() + 6,
                            0,
                            2,
                            2 + label.length(),
                            label.length() + 6,
                            line.length,
                            -1,
                            true);
            boolean expected = FieldValues.isDeadlineLabel(label);
            assertThat(read.namesDeadline()).as(label).isEqualTo(expected);
            read.label(); // made a string: the same answer
            assertThat(read.namesDeadline()).as(label).isEqualTo(expected);
            assertThat(
                            new Field(
                                            label,
                                            "2026-12-01",
                                            SourceRange.fileStart(),
                                            SourceRange.fileStart(),
                                            -1,
                                            true,
                                            FieldForm.BOLD_LINE)
                                    .namesDeadline())
                    .as(label)
                    .isEqualTo(expected);
        }
        assertThat(FieldValues.isDeadlineLabel("Answer needed BY")).isTrue();
        assertThat(FieldValues.isDeadlineLabel("Nearby")).isFalse();
    }
}
