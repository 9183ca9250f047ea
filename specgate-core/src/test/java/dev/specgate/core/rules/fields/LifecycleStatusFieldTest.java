package dev.specgate.core.rules.fields;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.lifecycle.Lifecycle;
import dev.specgate.core.project.CheckedSpec;
import dev.specgate.core.project.ConfigChoice;
import dev.specgate.core.project.SpecProject;
import dev.specgate.core.schema.FieldKind;
import dev.specgate.core.schema.FieldSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A status field that only {@code lifecycle:} in .specgate.yml names (the template does not write
 * it) is checked as one the template defines: a value outside {@code lifecycle.order}, a missing
 * status and one written twice are findings, as {@code status} reads them. Judged through the
 * façade, on specs with front matter, CRLF, a byte order mark and a sidecar {@code kep.yaml}.
 */
class LifecycleStatusFieldTest {

    private static final CheckOptions TODAY = CheckOptions.asOf(LocalDate.of(2026, 12, 5));

    @TempDir Path dir;

    private SpecProject project(String template, String config) throws Exception {
        Files.writeString(dir.resolve("tpl.md"), template, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(".specgate.yml"), config, StandardCharsets.UTF_8);
        Files.createDirectories(dir.resolve("docs"));
        return SpecProject.open(dir, ConfigChoice.nearest());
    }

    private static final String TEMPLATE =
            "# {Title}\n\n## Summary\n{summary}\n\n## Rollout\n| step | owner |\n|---|---|\n"
                    + "| {step} | {owner} |\n";

    private static final String CONFIG =
            "template: tpl.md\nspecs: [docs/*.md]\nlifecycle:\n  status-field: Status\n"
                    + "  order: [Proposed, Accepted, Rejected]\n";

    private CheckedSpec inspect(SpecProject project, String name, String text) throws IOException {
        Path file =
                Files.writeString(dir.resolve("docs").resolve(name), text, StandardCharsets.UTF_8);
        return project.inspect(file, TODAY);
    }

    private static List<String> findings(CheckedSpec checked) {
        return checked.result().diagnostics().stream()
                .map(d -> (d.range().startLine() + 1) + " " + d.ruleId() + " " + d.message())
                .toList();
    }

    @Test
    void theSchemaHasTheStatusFieldTheLifecycleNames() throws Exception {
        SpecProject project = project(TEMPLATE, CONFIG);

        FieldSpec status = project.schema().field("Status").orElseThrow();
        assertThat(status.kind()).isEqualTo(FieldKind.CHOICE);
        assertThat(status.allowedValues()).containsExactly("Proposed", "Accepted", "Rejected");
        assertThat(status.optional()).isFalse();
    }

    @Test
    void aStatusOutsideTheOrderIsAFieldValueErrorAsStatusSaysItIsNone() throws Exception {
        SpecProject project = project(TEMPLATE, CONFIG);
        CheckedSpec typo =
                inspect(
                        project,
                        "typo.md",
                        "\uFEFF---\r\nStatus: Acepted\r\nOwner: Zoë Ångström\r\n---\r\n"
                                + "# Cache tenant settings\r\n\r\n## Summary\r\nText with"
                                + " `[brackets]` in code.\r\n\r\n## Rollout\r\n| step | owner |\r\n"
                                + "|---|---|\r\n| ship | Zoë |\r\n");

        Lifecycle lifecycle = project.lifecycle();
        assertThat(typo.status()).contains("Acepted");
        assertThat(lifecycle.status(typo.status().get())).isEmpty();
        assertThat(findings(typo))
                .containsExactly(
                        "2 field-value 'Status' is 'Acepted' but must be one of Proposed,"
                                + " Accepted, Rejected");
    }

    @Test
    void aMissingStatusAndOneWrittenTwiceAreFindings() throws Exception {
        SpecProject project = project(TEMPLATE, CONFIG);
        CheckedSpec none =
                inspect(
                        project,
                        "none.md",
                        "# Cache tenant settings\n\n> A quote, not a status.\n\n## Summary\nText.\n"
                                + "\n## Rollout\n| step | owner |\n|---|---|\n| ship | Ana |\n");
        CheckedSpec twice =
                inspect(
                        project,
                        "twice.md",
                        "---\nStatus: Proposed\nStatus: Accepted\n---\n# Cache tenant settings\n\n"
                                + "## Summary\nText.\n\n## Rollout\n| step | owner |\n|---|---|\n"
                                + "| ship | Ana |\n");
        CheckedSpec good =
                inspect(
                        project,
                        "good.md",
                        "---\nStatus: accepted\n---\n# Cache tenant settings\n\n## Summary\nText.\n"
                                + "\n## Rollout\n| step | owner |\n|---|---|\n| ship | Ana |\n");

        assertThat(findings(none))
                .containsExactly("1 field-missing missing metadata field '**Status:**'");
        assertThat(twice.result().diagnostics())
                .extracting(Diagnostic::ruleId)
                .containsExactly("field-duplicate");
        assertThat(findings(good)).isEmpty();
    }

    @Test
    void aSidecarStatusOutsideTheOrderOrMissingIsAFindingAndAMissingSidecarOnlyOne()
            throws Exception {
        SpecProject project =
                project(
                        "# KEP-NNNN: {Title}\n\n## Summary\n{summary}\n",
                        "template: tpl.md\nspecs: [docs/*/README.md]\n"
                                + "metadata: {sidecar: kep.yaml}\nlifecycle:\n"
                                + "  status-field: status\n"
                                + "  order: [provisional, implementable, implemented]\n");
        String readme = "# KEP-4101: Traffic weights\n\n## Summary\nWeights per backend.\n";
        for (String kep : List.of("bogus", "nostatus", "nosidecar", "good")) {
            Files.createDirectories(dir.resolve("docs").resolve(kep));
            Files.writeString(dir.resolve("docs").resolve(kep).resolve("README.md"), readme);
        }
        Files.writeString(dir.resolve("docs/bogus/kep.yaml"), "title: Weights\nstatus: bogus\n");
        Files.writeString(
                dir.resolve("docs/nostatus/kep.yaml"), "title: Weights\nowning-sig: sig-net\n");
        Files.writeString(
                dir.resolve("docs/good/kep.yaml"), "title: Weights\nstatus: implementable\n");

        assertThat(findings(project.inspect(dir.resolve("docs/bogus/README.md"), TODAY)))
                .containsExactly(
                        "1 field-value 'status' (kep.yaml) is 'bogus' but must be one of"
                                + " provisional, implementable, implemented");
        assertThat(findings(project.inspect(dir.resolve("docs/nostatus/README.md"), TODAY)))
                .containsExactly("1 field-missing missing metadata field 'status:' in kep.yaml");
        assertThat(project.inspect(dir.resolve("docs/nosidecar/README.md"), TODAY).result())
                .extracting(r -> r.diagnostics().stream().map(Diagnostic::ruleId).toList())
                .isEqualTo(List.of("metadata-invalid"));
        assertThat(findings(project.inspect(dir.resolve("docs/good/README.md"), TODAY))).isEmpty();
    }

    @Test
    void withoutAnOrderTheTemplatesOwnFieldStandsAsWritten() throws Exception {
        SpecProject project =
                project(
                        "# {Title}\n\n**State:** [Open | Closed]\n\n## Summary\n{summary}\n",
                        "template: tpl.md\nspecs: [docs/*.md]\nlifecycle:\n  status-field: State\n");

        assertThat(project.schema().fields())
                .extracting(FieldSpec::label, FieldSpec::allowedValues)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("State", List.of("Open", "Closed")));
    }
}
