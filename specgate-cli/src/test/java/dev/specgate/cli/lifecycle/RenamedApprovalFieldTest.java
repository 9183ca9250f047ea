package dev.specgate.cli.lifecycle;

import static dev.specgate.cli.SpecFixtures.cleanSpec;
import static dev.specgate.cli.SpecFixtures.writeSpec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.cli.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A team renames the approval field in {@code .specgate.yml} ({@code approval-field: Sign-off}):
 * the {@code **Approval:**} lines its specs hold are no approvals any more, {@code check} says so
 * instead of ignoring them, and {@code approve --refresh} records the approval under the new name
 * in their place (never both lines). Specs with CRLF line endings and a byte order mark.
 */
class RenamedApprovalFieldTest {

    private static final String TODAY = "2026-11-25";
    private static final String NAME = "2026-10-02_spec_webhook-retry-queue.md";

    @TempDir Path root;

    @BeforeEach
    void renamed() throws Exception {
        Files.writeString(
                root.resolve(".specgate.yml"),
                "# approvals are signed off since November\napproval-field: Sign-off\n");
    }

    /** {@code specgate approve SPEC --refresh --by "Ana Ruiz" --today DAY}. */
    static CliRun refresh(Path spec, String day) {
        return CliRun.of(
                "approve", spec.toString(), "--refresh", "--by", "Ana Ruiz", "--today", day);
    }

    private static byte[] bomCrlf(String lf) {
        return ("\uFEFF" + lf.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void checkNamesTheOldRecordAndRefreshReplacesIt() throws Exception {
        // approved under the old name (the fixture's record holds for its content)
        byte[] before = bomCrlf(cleanSpec());
        Path spec = writeSpec(root, NAME, before);

        CliRun check = CliRun.of("check", spec.toString(), "--today", TODAY);

        assertThat(check.out())
                .contains(
                        "warning [approval-missing] the spec says Approved but records no"
                                + " approval: no '**Sign-off:**' field; it has an '**Approval:**'"
                                + " record (2026-11-20 by Priya Raman), but this project's"
                                + " approval field is '**Sign-off:**' (approval-field in"
                                + " .specgate.yml): review the spec again, then specgate approve"
                                + " SPEC --refresh records the approval under that name in place"
                                + " of the old line");

        CliRun plain = CliRun.of("approve", spec.toString(), "--by", "Ana Ruiz", "--today", TODAY);
        assertThat(plain.exitCode()).isEqualTo(1);
        assertThat(plain.err())
                .contains(
                        "records no valid approval (it has an '**Approval:**' record (2026-11-20 by"
                                + " Priya Raman), but this project's approval field is"
                                + " '**Sign-off:**')");
        assertThat(Files.readAllBytes(spec)).isEqualTo(before);

        CliRun refresh = refresh(spec, TODAY);

        assertThat(refresh.exitCode()).as(refresh.err()).isZero();
        String after = new String(Files.readAllBytes(spec), StandardCharsets.UTF_8);
        assertThat(after).doesNotContain("**Approval:**").startsWith("\uFEFF# ");
        // in the old line's place, after Last Updated (set to the day) and Next Review
        Matcher record =
                Pattern.compile(
                                "\\*\\*Last Updated:\\*\\* "
                                        + TODAY
                                        + "\r\n\\*\\*Next Review:\\*\\* [0-9-]+\r\n"
                                        + "\\*\\*Sign-off:\\*\\* "
                                        + TODAY
                                        + " by Ana Ruiz, sha256:([0-9a-f]{12}) <!-- sections:"
                                        + " [A-Za-z0-9_-]+ -->\r\n")
                        .matcher(after);
        assertThat(record.find()).as(after.substring(after.length() - 900)).isTrue();
        assertThat(refresh.out())
                .contains("Sign-off " + TODAY + " by Ana Ruiz, sha256:" + record.group(1));
        assertThat(after.split("\\*\\*Sign-off:\\*\\*", -1)).hasSize(2);
        assertThat(after).doesNotContainPattern("[^\r]\n");

        CliRun again = CliRun.of("check", spec.toString(), "--today", TODAY);
        assertThat(again.out()).doesNotContain("approval-missing").doesNotContain("approval-stale");
    }

    @Test
    void aSpecWithBothLinesKeepsOnlyTheNewOneAndDraftRemovesBoth() throws Exception {
        // approve before this change recorded Sign-off and left the old line as content
        byte[] before = bomCrlf(cleanSpec());
        Path spec = writeSpec(root, NAME, before);
        assertThat(refresh(spec, TODAY).exitCode()).isZero();
        String signed = new String(Files.readAllBytes(spec), StandardCharsets.UTF_8);
        String old =
                new String(before, StandardCharsets.UTF_8)
                        .lines()
                        .filter(l -> l.startsWith("**Approval:**"))
                        .findFirst()
                        .orElseThrow();
        // both lines, the old one before the new one
        String both = signed.replace("**Sign-off:**", old + "\r\n**Sign-off:**");
        Files.write(spec, both.getBytes(StandardCharsets.UTF_8));
        // the old line is content now: the Sign-off record does not hold
        assertThat(CliRun.of("check", spec.toString(), "--today", TODAY).out())
                .contains("approval-stale");

        CliRun refresh = refresh(spec, "2026-11-26");

        assertThat(refresh.exitCode()).as(refresh.err()).isZero();
        String after = new String(Files.readAllBytes(spec), StandardCharsets.UTF_8);
        assertThat(after).doesNotContain("**Approval:**").contains("**Sign-off:** 2026-11-26 by");
        assertThat(CliRun.of("check", spec.toString(), "--today", TODAY).out())
                .doesNotContain("approval-stale")
                .doesNotContain("approval-missing");

        Files.write(spec, both.getBytes(StandardCharsets.UTF_8));
        CliRun draft = CliRun.of("status", spec.toString(), "Draft", "--today", TODAY);
        assertThat(draft.exitCode()).as(draft.err()).isZero();
        // the note names each line removed: the project's record and the one under the old name
        // (which was removed without a word)
        assertThat(draft.out())
                .containsPattern(
                        "The approval of \\d{4}-\\d\\d-\\d\\d by [^;]+ is removed with its"
                                + " '\\*\\*Sign-off:\\*\\*' line; the approval of ")
                .contains(
                        " recorded under the earlier field name is removed with its"
                                + " '**Approval:**' line.")
                .doesNotContain("(Sign-off)");
        String drafted = new String(Files.readAllBytes(spec), StandardCharsets.UTF_8);
        assertThat(drafted)
                .doesNotContain("**Approval:**")
                .doesNotContain("**Sign-off:**")
                .contains("**Document Status:** Draft\r\n");
        assertThat(drafted).doesNotContainPattern("[^\r]\n");
    }

    @Test
    void aRecordUnderTheOldNameInTheMetadataFileIsNamedAndNeverDoubled() throws Exception {
        // the project keeps its approvals in review.yaml beside each spec, under the old name
        Files.writeString(
                root.resolve(".specgate.yml"),
                "approval-field: Sign-off\nmetadata:\n  sidecar: review.yaml\n");
        String clean = cleanSpec();
        Matcher line = Pattern.compile("\\*\\*Approval:\\*\\* ([^\\n]*)\\n").matcher(clean);
        assertThat(line.find()).isTrue();
        byte[] before = bomCrlf(clean.replace(line.group(), ""));
        Path spec = writeSpec(root, NAME, before);
        Path sidecar = spec.resolveSibling("review.yaml");
        byte[] yaml =
                ("owner: payments-platform\r\nApproval: \"" + line.group(1) + "\"\r\n")
                        .getBytes(StandardCharsets.UTF_8);
        Files.write(sidecar, yaml);

        CliRun check = CliRun.of("check", spec.toString(), "--today", TODAY);

        assertThat(check.out())
                .contains(
                        "warning [approval-missing] the spec says Approved but records no"
                                + " approval: no '**Sign-off:**' field; the metadata file beside it"
                                + " has an 'Approval:' record (2026-11-20 by Priya Raman), but this"
                                + " project's approval field is 'Sign-off:' (approval-field in"
                                + " .specgate.yml): rename that key to 'Sign-off' in review.yaml"
                                + " (the record then holds if the content is the one approved)");

        // approve cannot write that file: it refuses rather than record a second approval
        CliRun refresh = refresh(spec, TODAY);

        assertThat(refresh.exitCode()).isEqualTo(1);
        assertThat(refresh.err())
                .contains(
                        "the approval cannot be recorded: the metadata file beside it has an"
                                + " 'Approval:' record (2026-11-20 by Priya Raman), but this"
                                + " project's approval field is 'Sign-off:': Specgate does not"
                                + " write that file; rename its key 'Approval' to 'Sign-off'"
                                + " there");
        assertThat(Files.readAllBytes(spec)).isEqualTo(before);
        assertThat(Files.readAllBytes(sidecar)).isEqualTo(yaml);

        // renamed there, the record holds as it did
        Files.write(
                sidecar,
                new String(yaml, StandardCharsets.UTF_8)
                        .replace("Approval:", "Sign-off:")
                        .getBytes(StandardCharsets.UTF_8));
        CliRun renamed = CliRun.of("check", spec.toString(), "--today", TODAY);
        assertThat(renamed.exitCode()).as(renamed.out()).isZero();
        assertThat(renamed.out()).doesNotContain("approval-");
    }

    @Test
    void aMoveToDraftLeavesARecordInTheMetadataFileAndEveryLineOfTheSpec() throws Exception {
        // the record is kept in review.yaml beside the spec: status SPEC Draft removed the
        // spec's line 1 (the title), at the record's line in review.yaml, and said the field
        // was cleared while the record stayed
        Files.writeString(root.resolve(".specgate.yml"), "metadata:\n  sidecar: review.yaml\n");
        String clean = cleanSpec();
        Matcher line = Pattern.compile("\\*\\*Approval:\\*\\* ([^\\n]*)\\n").matcher(clean);
        assertThat(line.find()).isTrue();
        String before = clean.replace(line.group(), "");
        Path spec = writeSpec(root, NAME, bomCrlf(before));
        Path sidecar = spec.resolveSibling("review.yaml");
        byte[] yaml =
                ("Approval: \"" + line.group(1) + "\"\r\nowner: payments-platform\r\n")
                        .getBytes(StandardCharsets.UTF_8);
        Files.write(sidecar, yaml);

        CliRun draft = CliRun.of("status", spec.toString(), "Draft", "--today", TODAY);

        assertThat(draft.exitCode()).as(draft.err()).isZero();
        assertThat(draft.out())
                .contains(
                        "The approval of 2026-11-20 by Priya Raman stays in the metadata file"
                                + " beside the spec, which Specgate does not write: remove its"
                                + " 'Approval:' key there.")
                .doesNotContain("is removed");
        assertThat(new String(Files.readAllBytes(spec), StandardCharsets.UTF_8))
                .isEqualTo(
                        "\uFEFF"
                                + before.replace(
                                                "**Document Status:** Approved",
                                                "**Document Status:** Draft")
                                        .replaceAll(
                                                "\\*\\*Last Updated:\\*\\* [0-9-]+",
                                                "**Last Updated:** " + TODAY)
                                        .replace("\n", "\r\n"));
        assertThat(Files.readAllBytes(sidecar)).isEqualTo(yaml);
    }
}
