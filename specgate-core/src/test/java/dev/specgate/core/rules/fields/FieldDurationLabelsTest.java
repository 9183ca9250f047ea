package dev.specgate.core.rules.fields;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.check.SpecChecker;
import dev.specgate.core.model.Field;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.parse.SpecParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code field-duration} passes over a field whose label cannot be Duration by its length before
 * comparing it: every spelling {@link Field#hasLabel} reads as Duration (any case, space around it,
 * in a list item, a table-free bold line or front matter) is still checked, and no other is.
 */
class FieldDurationLabelsTest {

    private static final CheckOptions OPTIONS = CheckOptions.asOf(LocalDate.of(2026, 11, 25));

    @Test
    void everyLabelReadAsDurationIsCheckedAndNoOther() throws Exception {
        Path fixture =
                Path.of(
                        "src/test/resources/rules/field-duration/"
                                + "2026-03-02_spec_durations-that-give-no-phase.md");
        String text = Files.readString(fixture);
        List<String> labels =
                List.of(
                        "Duration",
                        "duration",
                        "DURATION",
                        "Duration ",
                        " Duration",
                        "Durée",
                        "Durations",
                        "Dur",
                        "Duratio",
                        "Duration\t",
                        "Time Duration",
                        "Durätion");
        StringBuilder phases = new StringBuilder("\r\n");
        for (String label : labels) {
            phases.append("- **").append(label).append(":** a while, once the index is in\r\n");
            phases.append("  - ").append(label).append(": soon-ish\r\n");
        }
        String spec = text.replace("- **Duration:** 1 week", "- **Duration:** 1 week" + phases);
        SpecDocument doc = new SpecParser().parse(spec);
        long readAsDuration =
                doc.fields().stream()
                        .filter(f -> f.hasLabel("Duration"))
                        .filter(f -> !f.value().contains("1 week"))
                        .count();
        long reported =
                SpecChecker.standard().check(fixture, spec, OPTIONS).diagnostics().stream()
                        .filter(d -> d.ruleId().equals("field-duration"))
                        .count();
        // the fixture's own three, and every added field whose label is read as Duration
        assertThat(readAsDuration).isGreaterThan(6);
        assertThat(reported).isEqualTo(readAsDuration);
    }
}
