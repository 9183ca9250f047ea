package dev.specgate.core.approval;

import static dev.specgate.core.TestSpecs.OPTIONS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.lifecycle.SpecStatus;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.project.CheckedSpec;
import dev.specgate.core.project.ConfigChoice;
import dev.specgate.core.project.SpecProject;
import dev.specgate.core.rules.RuleIds;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Approvals of a spec whose project keeps fields in a metadata file beside each spec ({@code
 * metadata: {sidecar: review.yaml}}), the sidecar holding keys the fingerprint leaves out ({@code
 * status}, {@code Last Updated}). Those keys stand in another file: the spec's own lines with their
 * line numbers (its title, on line 1) are part of the approved content.
 *
 * <p>The fixture {@code approval/sidecar/} is what {@code specgate status SPEC Approved} of an
 * earlier Specgate wrote: the spec's title line was left out of its fingerprint.
 */
class SidecarApprovalTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 10);
    private static final String NAME = "2026-03-02_spec_approved-without-record.md";
    private static final Path FIXTURE = Path.of("src/test/resources/approval/sidecar");
    private static final String TITLE =
            "# Technical Specification: Invoice Export Timeouts for Large Accounts";

    @TempDir Path root;

    /** The project, with the spec as {@code text} and the fixture's sidecar beside it. */
    private Path spec(String text) throws Exception {
        Files.writeString(root.resolve(".specgate.yml"), "metadata:\n  sidecar: review.yaml\n");
        Path dir = Files.createDirectories(root.resolve("directives/spec"));
        Files.copy(FIXTURE.resolve("review.yaml"), dir.resolve("review.yaml"));
        Path file = dir.resolve(NAME);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static String recordedEarlier() throws Exception {
        return Files.readString(FIXTURE.resolve(NAME), StandardCharsets.UTF_8);
    }

    /** The fixture back at Review, without its record. */
    private static String review() throws Exception {
        String text =
                recordedEarlier()
                        .replace("**Document Status:** Approved", "**Document Status:** Review")
                        .replaceFirst("\\*\\*Approval:\\*\\* [^\\n]*\\n", "");
        assertThat(text).startsWith(TITLE).doesNotContain("**Approval:**");
        return text;
    }

    private SpecProject project() throws Exception {
        return SpecProject.open(root, ConfigChoice.file(root.resolve(".specgate.yml")));
    }

    private List<String> staleFindings(Path file) throws Exception {
        CheckedSpec checked = project().inspect(file, OPTIONS);
        return checked.result().diagnostics().stream()
                .filter(d -> d.ruleId().equals(RuleIds.APPROVAL_STALE))
                .map(Diagnostic::message)
                .toList();
    }

    /** Moves the spec to Approved as {@code status SPEC Approved} does: parsed with its sidecar. */
    private String approveWithSidecar(Path file) throws Exception {
        SpecProject p = project();
        SpecSource source = p.read(file);
        SpecDocument document = p.parse(file, source.text());
        assertThat(document.metadata("Last Updated")).isPresent();
        String approved =
                p.lifecycle()
                        .moveEdit(
                                source,
                                document,
                                SpecStatus.APPROVED,
                                DAY,
                                Optional.of("Marta Kowalski"))
                        .text();
        Files.writeString(file, approved, StandardCharsets.UTF_8);
        return approved;
    }

    private static String edit(String text, String from, String to) {
        String edited = text.replace(from, to);
        assertThat(edited).as(from).isNotEqualTo(text);
        return edited;
    }

    @Test
    void anEditOfTheSpecsFirstLineVoidsAnApprovalWhoseSidecarHoldsLeftOutKeys() throws Exception {
        Path file = spec(review());
        String approved = approveWithSidecar(file);
        assertThat(staleFindings(file)).as("the approval just recorded holds").isEmpty();
        assertThat(project().inspect(file, OPTIONS).approval())
                .hasValueSatisfying(c -> assertThat(c.valid()).isTrue());

        // line 1 of the spec has the number of the sidecar's keys (they point at the file's start)
        Files.writeString(
                file,
                edit(approved, TITLE, TITLE.replace("Timeouts", "Failures")),
                StandardCharsets.UTF_8);
        assertThat(staleFindings(file))
                .singleElement()
                .asString()
                .contains("the approved content changed since the approval of 2026-03-10")
                .contains("Technical Specification: Invoice Export Failures for Large Accounts");
    }

    @Test
    void theSpecParsedWithOrWithoutItsSidecarRecordsTheSameApproval() throws Exception {
        // `specgate approve` parses the spec alone; `status SPEC Approved` with its sidecar
        Path file = spec(review());
        SpecProject p = project();
        SpecSource source = p.read(file);
        String alone =
                p.lifecycle()
                        .moveEdit(
                                source,
                                p.parse(source.text()),
                                SpecStatus.APPROVED,
                                DAY,
                                Optional.of("Marta Kowalski"))
                        .text();
        assertThat(approveWithSidecar(file)).isEqualTo(alone);
        assertThat(staleFindings(file)).isEmpty();
    }

    @Test
    void anApprovalRecordedTheEarlierWayHoldsUntilTheContentChanges() throws Exception {
        String earlier = recordedEarlier();
        Path file = spec(earlier);
        SpecProject p = project();
        SpecDocument document = p.parse(file, earlier);
        ApprovalRecord record = p.approvals().record(earlier, document).orElseThrow();
        assertThat(record.hash())
                .as("the fixture's record was made with the title line left out")
                .isEqualTo("12ca19801c52")
                .isNotEqualTo(p.approvals().hash(earlier, document));
        assertThat(p.approvals().approves(record, earlier, document)).isTrue();
        assertThat(staleFindings(file)).isEmpty();

        // the title: the record's section digests name the title the earlier reading approved
        Files.writeString(file, edit(earlier, TITLE, TITLE.replace("Timeouts", "Failures")));
        assertThat(staleFindings(file)).singleElement().asString().contains("sha256:12ca19801c52");

        Files.writeString(file, edit(earlier, "40 largest accounts", "45 largest accounts"));
        assertThat(staleFindings(file))
                .singleElement()
                .asString()
                .contains("changed: Problem Statement");
    }

    @Test
    void aRecordUnderAnotherNameInTheSidecarIsAStrayThatNoApprovalIsWrittenBeside()
            throws Exception {
        Path file = spec(review());
        Files.writeString(
                root.resolve(".specgate.yml"),
                "metadata:\n  sidecar: review.yaml\napproval-field: Sign-off\n");
        Files.writeString(
                file.resolveSibling("review.yaml"),
                "owner: billing-platform\nApproval: \"2026-03-10 by Marta Kowalski,"
                        + " sha256:0123456789ab\"\n");
        SpecProject p = project();
        SpecDocument document = p.parse(file, Files.readString(file));
        Approvals approvals = p.approvals();

        assertThat(approvals.strays(document)).as("no line of the spec").isEmpty();
        assertThat(approvals.sidecarStrays(document))
                .singleElement()
                .extracting(f -> f.label())
                .isEqualTo("Approval");
        assertThat(approvals.strayInSidecar(document)).isTrue();
        assertThat(approvals.strayNote(document))
                .hasValue(
                        "the metadata file beside it has an 'Approval:' record (2026-03-10 by"
                                + " Marta Kowalski), but this project's approval field is"
                                + " 'Sign-off:'");
        assertThat(approvals.unwritable(document))
                .hasValueSatisfying(
                        why -> assertThat(why).contains("rename its key 'Approval' to 'Sign-off'"));
        // the move to Approved is refused before anything is written
        assertThat(p.lifecycle().evaluate(file, document, SpecStatus.APPROVED, DAY).reasons())
                .singleElement()
                .extracting(r -> r.message())
                .asString()
                .startsWith("the approval cannot be recorded: the metadata file beside it has");
    }

    @Test
    void aLastUpdatedKeptOnlyInTheSidecarIsLeftThereByAMoveAndARefresh() throws Exception {
        // the spec's own Last Updated line gone: the field is review.yaml's alone
        String text = recordedEarlier().replaceFirst("\\*\\*Last Updated:\\*\\* [^\\n]*\\n", "");
        assertThat(text).doesNotContain("**Last Updated:**");
        Path file = spec(text);
        SpecProject p = project();
        SpecSource source = p.read(file);
        SpecDocument document = p.parse(file, source.text());
        assertThat(document.metadata("Last Updated"))
                .hasValueSatisfying(
                        f ->
                                assertThat(f.form())
                                        .isEqualTo(dev.specgate.core.model.FieldForm.SIDECAR));

        String refreshed =
                p.lifecycle().refreshEdit(source, document, "Marta Kowalski", DAY).text();

        // only the record changed: no Last Updated line written into the spec, none replaced
        assertThat(refreshed.replaceAll("\\*\\*Approval:\\*\\* [^\\n]*", ""))
                .isEqualTo(text.replaceAll("\\*\\*Approval:\\*\\* [^\\n]*", ""));
        assertThat(refreshed).contains("**Approval:** 2026-03-10 by Marta Kowalski, sha256:");
        assertThat(p.lifecycle().approvalGate(file, source, document, DAY).reasons()).isEmpty();
    }
}
