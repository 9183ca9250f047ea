package dev.specgate.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.model.Field;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link TemplateSchema#fieldsNamed} answers as {@link Field#sameLabel} compares a label with each
 * template field's, whether its answer is kept or, past {@link TemplateSchema#KEPT_LABELS} distinct
 * labels, worked out again; {@link TemplateSchema#fieldIndex} finds a label only as the template
 * writes it.
 */
class FieldLabelLookupTest {

    private static final String TEMPLATE =
            "# Design Doc: [Feature Name]\n\n"
                    + "**Document Status:** [Draft | Review | Approved]\n"
                    + "**Owner:** [Name]\n"
                    + "**Created:** [YYYY-MM-DD]\n\n"
                    + "## Summary\n[One paragraph]\n";

    @Test
    void answersAsSameLabelBeforeAndAfterItStopsKeepingLabels() {
        TemplateSchema schema = TemplateSchema.derive("design.md", TEMPLATE);
        List<FieldSpec> fields = schema.fields();
        List<String> asked =
                List.of(
                        "Document Status",
                        "document status",
                        " DOCUMENT STATUS\t",
                        "Document-Status",
                        "Owner",
                        "owner",
                        "Created ",
                        "Zoë",
                        "",
                        " ");
        for (int round = 0; round < 2; round++) {
            for (String label : asked) {
                long expected = 0;
                for (int i = 0; i < fields.size(); i++) {
                    if (Field.sameLabel(label, fields.get(i).label())) {
                        expected |= 1L << i;
                    }
                }
                assertThat(schema.fieldsNamed(label)).as(label).isEqualTo(expected);
            }
            // fill the kept labels: the second round is answered without keeping
            for (int k = 0; k < TemplateSchema.KEPT_LABELS + 10; k++) {
                schema.fieldsNamed("Label " + k);
            }
        }
        int status = schema.fieldIndex("Document Status");
        assertThat(fields.get(status).label()).isEqualTo("Document Status");
        assertThat(schema.fieldsNamed("document status")).isEqualTo(1L << status);
        assertThat(schema.fieldIndex("document status")).isEqualTo(-1);
        for (int i = 0; i < fields.size(); i++) {
            int index = schema.fieldIndex(fields.get(i).label());
            assertThat(fields.get(index).label()).isEqualTo(fields.get(i).label());
            assertThat(index).isLessThanOrEqualTo(i);
        }
        assertThat(schema.fieldIndex("Nothing Like It")).isEqualTo(-1);
    }
}
