package dev.specgate.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.specgate.core.approval.Approvals;
import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.config.ConfigException;
import dev.specgate.core.config.SpecgateConfig;
import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.project.ConfigChoice;
import dev.specgate.core.project.SpecProject;
import dev.specgate.core.schema.Strictness;
import dev.specgate.core.schema.TemplateSchema;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Status moves through a template's own lifecycle, judged through the façade on the family corpora
 * (MADR front matter, an evolution proposal's bold status in a leading list, with CRLF and a byte
 * order mark) and on a template with a reviewer and checklists.
 */
class OwnLifecycleTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @TempDir Path dir;

    @Test
    void statusesTakeTheirRankFromTheConfiguredOrderAndDrafts() throws Exception {
        Path root = family("evolution");
        Lifecycle lifecycle = open(root, null).lifecycle();

        assertThat(lifecycle.isStandard()).isFalse();
        assertThat(lifecycle.statuses())
                .extracting(SpecStatus::label, SpecStatus::rank)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Awaiting review", 0),
                        org.assertj.core.groups.Tuple.tuple("Active review", 1),
                        org.assertj.core.groups.Tuple.tuple("Accepted", 2),
                        org.assertj.core.groups.Tuple.tuple("Implemented", 3),
                        org.assertj.core.groups.Tuple.tuple("Returned for revision", 4),
                        // exits: they end a proposal, reached from any status
                        org.assertj.core.groups.Tuple.tuple("Rejected", -1),
                        org.assertj.core.groups.Tuple.tuple("Withdrawn", -1));
        SpecStatus implemented = lifecycle.status("**Implemented (5.9)**").orElseThrow();
        assertThat(implemented.label()).isEqualTo("Implemented");
        assertThat(implemented.spelling()).isEqualTo("Implemented (5.9)");
        assertThat(implemented).isEqualTo(lifecycle.status("implemented").orElseThrow());
        assertThat(lifecycle.status("accepted").orElseThrow().spelling()).isEqualTo("Accepted");
        assertThat(lifecycle.status("Review")).isEmpty();

        Lifecycle drafts =
                open(root, "lifecycle:\n  draft: [Awaiting review, Returned for revision]\n")
                        .lifecycle();
        SpecStatus returned = drafts.status("Returned for revision").orElseThrow();
        assertThat(returned.draft()).isTrue();
        // from a draft-like status the forward move goes to the first other status
        assertThat(drafts.next(returned).map(SpecStatus::label)).contains("Active review");
        assertThat(drafts.moves(drafts.status("Accepted")))
                .extracting(StatusMove::toString)
                .containsExactly(
                        "Accepted -> Implemented",
                        "Accepted -> Awaiting review",
                        "Accepted -> Returned for revision",
                        "Accepted -> Rejected",
                        "Accepted -> Withdrawn");
    }

    @Test
    void aListStatusMovesByteExactlyWithCrlfAndASectionRequiredFromTheTarget() throws Exception {
        Path root = family("evolution");
        SpecProject project = open(root, null);
        Lifecycle lifecycle = project.lifecycle();
        Path file = root.resolve("proposals/0420-default-inout-arguments.md");
        byte[] before = Files.readAllBytes(file);
        String text = new String(before, StandardCharsets.UTF_8);
        assertThat(text).contains("* Status: **Awaiting review**\r\n");

        SpecSource source = SpecSource.of(before);
        SpecDocument doc = project.parse(file, source.text());
        StatusReport report = lifecycle.inspect(file, source, doc, TODAY);
        assertThat(report.statusText()).contains("Awaiting review");
        assertThat(report.moves())
                .extracting(m -> m.move().toString(), GateResult::passed)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "Awaiting review -> Active review", true),
                        org.assertj.core.groups.Tuple.tuple("Awaiting review -> Rejected", true),
                        org.assertj.core.groups.Tuple.tuple("Awaiting review -> Withdrawn", true));

        SpecStatus active = lifecycle.status("active review").orElseThrow();
        byte[] moved = lifecycle.moveEdit(source, doc, active, TODAY).bytes();
        assertThat(new String(moved, StandardCharsets.UTF_8))
                .isEqualTo(
                        text.replace(
                                "* Status: **Awaiting review**\r\n",
                                "* Status: **Active review**\r\n"));

        // Future directions is required from Accepted: the gate judges the spec as moved
        SpecSource next = SpecSource.of(moved);
        SpecDocument nextDoc = project.parse(file, next.text());
        GateResult accepted =
                lifecycle.evaluate(
                        file, next, nextDoc, lifecycle.status("Accepted").orElseThrow(), TODAY);
        assertThat(accepted.passed()).isFalse();
        assertThat(accepted.reasons())
                .extracting(GateReason::message)
                .anySatisfy(
                        m ->
                                assertThat(m)
                                        .startsWith("[section-missing]")
                                        .contains("Future directions"));
        // a skip is refused, as in the built-in lifecycle
        GateResult skip =
                lifecycle.evaluate(
                        file, source, doc, lifecycle.status("Implemented").orElseThrow(), TODAY);
        assertThat(skip.reasons())
                .extracting(GateReason::message)
                .containsExactly(
                        "Awaiting review -> Implemented is not a lifecycle move: specs go Awaiting"
                                + " review -> Active review -> Accepted -> Implemented -> Returned"
                                + " for revision one step at a time, and back to Awaiting review or"
                                + " to Rejected or Withdrawn from any status (from here: Active"
                                + " review or Rejected or Withdrawn)");
    }

    @Test
    void aFrontMatterStatusMovesByteExactlyWithABomAndBack() throws Exception {
        Path root = family("madr-full");
        SpecProject project =
                open(
                        root,
                        "lifecycle:\n"
                                + "  order: [proposed, accepted, deprecated, superseded by ADR-NNNN,"
                                + " rejected]\n");
        Lifecycle lifecycle = project.lifecycle();
        Path file = root.resolve("docs/decisions/0004-sign-webhooks-with-ed25519.md");
        byte[] before = Files.readAllBytes(file);
        String text = new String(before, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF---\nstatus: accepted\n");
        SpecSource source = SpecSource.of(before);
        SpecDocument doc = project.parse(file, source.text());

        StatusReport report = lifecycle.inspect(file, source, doc, TODAY);
        assertThat(report.moves())
                .extracting(m -> m.move().toString(), GateResult::passed)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("accepted -> deprecated", true),
                        // a retirement, offered but refused as the template's example
                        org.assertj.core.groups.Tuple.tuple(
                                "accepted -> superseded by ADR-NNNN", false),
                        org.assertj.core.groups.Tuple.tuple("accepted -> proposed", true),
                        org.assertj.core.groups.Tuple.tuple("accepted -> rejected", true));
        SpecStatus deprecated = lifecycle.status("Deprecated").orElseThrow();
        assertThat(lifecycle.evaluate(file, source, doc, deprecated, TODAY).passed()).isTrue();
        byte[] moved = lifecycle.moveEdit(source, doc, deprecated, TODAY).bytes();
        // only the value changes: MADR has no Last Updated field, and date: is the author's
        assertThat(new String(moved, StandardCharsets.UTF_8))
                .isEqualTo(text.replace("status: accepted\n", "status: deprecated\n"));

        // superseded, spelled with the real number
        SpecSource deprecatedSource = SpecSource.of(moved);
        SpecDocument deprecatedDoc = project.parse(file, deprecatedSource.text());
        // ... and never as the template's example
        GateResult example =
                lifecycle.evaluate(
                        file,
                        deprecatedSource,
                        deprecatedDoc,
                        lifecycle.status("superseded by ADR-NNNN").orElseThrow(),
                        TODAY);
        assertThat(example.passed()).isFalse();
        assertThat(example.reasons())
                .extracting(GateReason::message)
                .containsExactly(
                        "'superseded by ADR-NNNN' is the template's example: give the status with"
                                + " its real number in place of the placeholder");
        SpecStatus superseded = lifecycle.status("superseded by ADR-0009").orElseThrow();
        assertThat(superseded.label()).isEqualTo("superseded by ADR-NNNN");
        assertThat(
                        lifecycle
                                .evaluate(file, deprecatedSource, deprecatedDoc, superseded, TODAY)
                                .passed())
                .isTrue();
        String supersededText =
                new String(
                        lifecycle
                                .moveEdit(deprecatedSource, deprecatedDoc, superseded, TODAY)
                                .bytes(),
                        StandardCharsets.UTF_8);
        assertThat(supersededText)
                .isEqualTo(text.replace("status: accepted\n", "status: superseded by ADR-0009\n"));
        assertThat(lifecycle.status(project.parse(file, supersededText))).contains(superseded);

        // back to the draft from anywhere, no gate
        SpecStatus proposed = lifecycle.status("proposed").orElseThrow();
        assertThat(lifecycle.evaluate(file, source, doc, proposed, TODAY).passed()).isTrue();
    }

    @Test
    void laterStatusesAskForTheReviewerAndTheTemplatesChecklists() throws Exception {
        Path root = Files.createDirectories(dir.resolve("checklists"));
        Files.writeString(
                root.resolve("template.md"),
                "# {{Title}}\n\n"
                        + "**Status:** {{Draft | Proposed | Accepted | Shipped}}\n"
                        + "**Reviewer:** {{Name}}\n\n"
                        + "## Summary\n{{What and why}}\n\n"
                        + "## Open Questions\n- [ ] {{Question}}\n\n"
                        + "## Prerequisites\n- [ ] {{Prerequisite}}\n");
        SpecProject project =
                open(root, "template: template.md\nspecs: ['*.md']\nignore: [template.md]\n");
        Lifecycle lifecycle = project.lifecycle();
        String spec =
                "# Retry queue\r\n\r\n"
                        + "**Status:** Proposed\r\n"
                        + "**Reviewer:** TBD\r\n\r\n"
                        + "## Summary\r\nRetries move to a queue [with backoff].\r\n\r\n"
                        + "## Open Questions\r\n- [ ] Do we keep the old endpoint?\r\n\r\n"
                        + "## Prerequisites\r\n- [ ] Queue provisioned\r\n";
        Path file = Files.writeString(root.resolve("retry-queue.md"), spec);
        SpecSource source = SpecSource.read(file);
        SpecDocument doc = project.parse(file, source.text());

        GateResult accepted =
                lifecycle.evaluate(
                        file, source, doc, lifecycle.status("Accepted").orElseThrow(), TODAY);
        assertThat(accepted.reasons())
                .extracting(GateReason::message)
                .containsExactly(
                        // in line order: the Reviewer stands above the Summary
                        "[reviewer-missing] 'Reviewer' must name a person, found 'TBD'",
                        "[placeholder-bracket] placeholder-like text '[with backoff]' left in"
                                + " (escape the brackets as \\[...\\] if it is meant literally)",
                        "Open Questions item 2.1 is not checked: Do we keep the old endpoint?");

        String settled =
                spec.replace("**Reviewer:** TBD", "**Reviewer:** Ana Ruiz")
                        .replace("[with backoff]", "with backoff")
                        .replace("- [ ] Do we keep", "- [x] Do we keep")
                        .replace("**Status:** Proposed", "**Status:** Accepted");
        SpecSource settledSource = SpecSource.of(settled.getBytes(StandardCharsets.UTF_8));
        SpecDocument settledDoc = project.parse(file, settledSource.text());
        GateResult shipped =
                lifecycle.evaluate(
                        file,
                        settledSource,
                        settledDoc,
                        lifecycle.status("shipped").orElseThrow(),
                        TODAY);
        assertThat(shipped.reasons())
                .extracting(GateReason::message)
                .containsExactly("Prerequisites item 3.1 is not checked: Queue provisioned");
        assertThat(
                        new String(
                                lifecycle
                                        .moveEdit(
                                                settledSource,
                                                settledDoc,
                                                lifecycle.status("shipped").orElseThrow(),
                                                TODAY,
                                                Optional.of("Ana Ruiz"))
                                        .bytes(),
                                StandardCharsets.UTF_8))
                .isEqualTo(settled.replace("**Status:** Accepted", "**Status:** Shipped"));
    }

    @Test
    void aFrontMatterReviewerIsNamedAsTheSpecWritesIt() throws Exception {
        Path root = Files.createDirectories(dir.resolve("front-matter-reviewer"));
        Files.writeString(
                root.resolve("template.md"),
                "---\ntitle: \"[Feature name]\"\nreviewer: \"[Reviewer]\"\nstage: Idea\n---\n\n"
                        + "# [Feature name]\n\n"
                        + "## 1. Summary\n[One paragraph.]\n\n"
                        + "## 7. Open Questions\n- [Question]\n");
        SpecProject project =
                open(
                        root,
                        "template: template.md\nspecs: ['*.md']\nignore: [template.md]\n"
                                + "lifecycle:\n  status-field: stage\n"
                                + "  order: [Idea, Proposed, Accepted, Shipped, Dropped]\n");
        Lifecycle lifecycle = project.lifecycle();
        String spec =
                "\uFEFF---\r\ntitle: \"Cache warm-up at deploy\"\r\nreviewer: TBD\r\n"
                        + "stage: Accepted\r\n---\r\n\r\n"
                        + "# Cache warm-up at deploy\r\n\r\n"
                        + "## 1. Summary\r\nWarm the cache before a deploy takes traffic.\r\n\r\n"
                        + "## 7. Open Questions\r\n- Should the warm-up read the replica?\r\n";
        Path file = Files.writeString(root.resolve("cache-warmup.md"), spec);
        SpecSource source = SpecSource.read(file);
        SpecDocument doc = project.parse(file, source.text());

        GateResult shipped =
                lifecycle.evaluate(
                        file, source, doc, lifecycle.status("Shipped").orElseThrow(), TODAY);
        assertThat(shipped.reasons())
                .extracting(GateReason::message)
                .containsExactly("[reviewer-missing] 'reviewer' must name a person, found 'TBD'");
        // check, asked at Approved strictness, names it the same way
        assertThat(
                        project.inspect(
                                        file,
                                        new CheckOptions(
                                                TODAY, Optional.of(Strictness.APPROVED), false))
                                .result()
                                .diagnostics())
                .filteredOn(d -> d.ruleId().equals("reviewer-missing"))
                .extracting(Diagnostic::message)
                .containsExactly("'reviewer' must name a person from Approved on, found 'TBD'");
    }

    @Test
    void aMissingFrontMatterReviewerIsAskedForAsTheTemplateWritesIt() throws Exception {
        Path root = Files.createDirectories(dir.resolve("front-matter-no-reviewer"));
        Files.writeString(
                root.resolve("template.md"),
                "---\ntitle: \"[Feature name]\"\nreviewer: \"[Reviewer]\"\nstage: Idea\n---\n\n"
                        + "# [Feature name]\n\n"
                        + "## 1. Summary\n[One paragraph.]\n");
        SpecProject project =
                open(
                        root,
                        "template: template.md\nspecs: ['*.md']\nignore: [template.md]\n"
                                // a missing field only warned of: the gate says it itself
                                + "rules: {field-missing: warning}\n"
                                + "lifecycle:\n  status-field: stage\n"
                                + "  order: [Idea, Proposed, Accepted, Shipped, Dropped]\n");
        Lifecycle lifecycle = project.lifecycle();
        String spec =
                "---\r\ntitle: \"Réplica de caché\"\r\nstage: Accepted\r\n---\r\n\r\n"
                        + "# Réplica de caché\r\n\r\n"
                        + "## 1. Summary\r\nRead the replica before the primary.\r\n";
        Path file = Files.writeString(root.resolve("cache-replica.md"), spec);
        SpecSource source = SpecSource.read(file);
        SpecDocument doc = project.parse(file, source.text());

        GateResult shipped =
                lifecycle.evaluate(
                        file, source, doc, lifecycle.status("Shipped").orElseThrow(), TODAY);
        assertThat(shipped.reasons())
                .extracting(GateReason::message)
                .contains(
                        "[reviewer-missing] no 'reviewer:' field: add one that names the reviewer")
                .noneSatisfy(m -> assertThat(m).contains("**Reviewer:**"));
    }

    @Test
    void theBuiltInTemplateKeepsItsOwnGates() throws Exception {
        Lifecycle builtin = open(Files.createDirectories(dir.resolve("builtin")), "").lifecycle();
        assertThat(builtin.isStandard()).isTrue();
        assertThat(builtin.statuses()).isEqualTo(SpecStatus.builtin());
        assertThat(builtin.statuses()).extracting(SpecStatus::rank).containsExactly(0, 1, 2, 3);
        assertThat(builtin.moves(Optional.of(SpecStatus.APPROVED)))
                .extracting(StatusMove::toString)
                .containsExactly("Approved -> Implementation", "Approved -> Draft");
        assertThat(builtin.moves(Optional.empty()))
                .extracting(StatusMove::toString)
                .containsExactly("? -> Draft");
        assertThat(StatusGates.standard().to(SpecStatus.IMPLEMENTATION).conditions()).hasSize(4);
        assertThat(List.of(Lifecycle.notStandard(open(dir.resolve("builtin"), "").schema())))
                .containsExactly(Optional.empty());
    }

    @Test
    void aStatusPlaceholderInBracketsIsStillOneWhenTheLifecycleNamesTheStatuses() throws Exception {
        // "status: [Status]" is a YAML list of one placeholder; the lifecycle's order makes the
        // field a choice of three, which is no YAML list of the values it allows
        Path root = Files.createDirectories(dir.resolve("bracket-status"));
        Files.writeString(
                root.resolve("template.md"),
                "---\ntitle: \"[Title]\"\nstatus: [Status]\nowner: \"[Owner]\"\n---\n\n"
                        + "# [Title]\n\n## Summary\n\n[Summary]\n");
        Files.writeString(
                root.resolve(SpecgateConfig.FILE_NAME),
                "template: template.md\nspecs:\n  - docs/*.md\n");
        SpecProject project = open(root, "lifecycle:\n  order: [Draft, Review, Approved]\n");
        Path file = Files.createDirectories(root.resolve("docs")).resolve("cache-warmup.md");
        Files.writeString(
                file,
                "---\r\ntitle: \"Cache warm-up\"\r\nstatus: [Status]\r\nowner: \"Zoë\"\r\n"
                        + "---\r\n\r\n# Cache warm-up\r\n\r\n## Summary\r\n\r\n"
                        + "The cache is filled before traffic arrives.\r\n");

        assertThat(project.inspect(file, SpecProject.asOf(TODAY)).result().diagnostics())
                .extracting(Diagnostic::ruleId, Diagnostic::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "placeholder-template",
                                "template placeholder '[Status]' left in 'status:'"));
    }

    @Test
    void anOptionalChecklistIsNamedAsTheSpecWritesIt() throws Exception {
        // the team's template writes "## Open Questions (optional)"; its specs "## Open Questions"
        Path root = family("team-yaml");
        SpecProject project = open(root, null);
        Lifecycle lifecycle = project.lifecycle();
        Path file = root.resolve("docs/specs/2026-06-01-invoice-pdf.md");
        SpecSource source = SpecSource.of(Files.readAllBytes(file));
        SpecDocument doc = project.parse(file, source.text());

        GateResult approved =
                lifecycle.evaluate(
                        file, source, doc, lifecycle.status("approved").orElseThrow(), TODAY);

        assertThat(approved.reasons())
                .extracting(GateReason::line, GateReason::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                63, // 0-based: line 64 of the file
                                "Open Questions item 8.2 is not checked: Who signs off the Arabic"
                                        + " layout? - **Answer needed by:** 2026-12-01"));
    }

    @Test
    void madrsOwnOrderGoesProposedToAcceptedAndRejectedIsAnExit() throws Exception {
        Path root = family("madr-full");
        SpecProject project = open(root, null);
        Lifecycle lifecycle = project.lifecycle();
        Path file = root.resolve("docs/decisions/0006-choose-a-feature-flag-service.md");
        SpecSource source = SpecSource.of(Files.readAllBytes(file));
        SpecDocument doc = project.parse(file, source.text());
        SpecStatus proposed = lifecycle.status("proposed").orElseThrow();
        SpecStatus rejected = lifecycle.status("rejected").orElseThrow();
        SpecStatus accepted = lifecycle.status("accepted").orElseThrow();

        assertThat(lifecycle.statuses())
                .extracting(SpecStatus::label, SpecStatus::rank)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("proposed", 0),
                        org.assertj.core.groups.Tuple.tuple("rejected", -1),
                        org.assertj.core.groups.Tuple.tuple("accepted", 1),
                        org.assertj.core.groups.Tuple.tuple("deprecated", 2),
                        org.assertj.core.groups.Tuple.tuple("superseded by ADR-NNNN", 3));
        assertThat(lifecycle.status(doc)).contains(proposed);
        assertThat(lifecycle.moves(Optional.of(proposed)))
                .extracting(StatusMove::toString)
                .containsExactly("proposed -> accepted", "proposed -> rejected");
        assertThat(lifecycle.evaluate(file, source, doc, accepted, TODAY).move().allowed())
                .isTrue();
        // rejecting takes no gate, and the edit is the status value alone
        assertThat(lifecycle.evaluate(file, source, doc, rejected, TODAY).passed()).isTrue();
        String rejectedText =
                new String(
                        lifecycle.moveEdit(source, doc, rejected, TODAY).bytes(),
                        StandardCharsets.UTF_8);
        assertThat(rejectedText)
                .isEqualTo(source.text().replace("status: proposed\n", "status: rejected\n"));
        // from an exit: only back to the draft, or to another exit
        SpecSource rejectedSource = SpecSource.of(rejectedText);
        SpecDocument rejectedDoc = project.parse(file, rejectedSource.text());
        assertThat(lifecycle.moves(Optional.of(rejected)))
                .extracting(StatusMove::toString)
                .containsExactly("rejected -> proposed");
        GateResult skip = lifecycle.evaluate(file, rejectedSource, rejectedDoc, accepted, TODAY);
        assertThat(skip.passed()).isFalse();
        assertThat(skip.reasons())
                .extracting(GateReason::message)
                .singleElement()
                .asString()
                .contains(
                        "specs go proposed -> accepted -> deprecated -> superseded by ADR-NNNN one"
                                + " step at a time, and back to proposed or to rejected from any"
                                + " status, and to deprecated or superseded by ADR-NNNN from any"
                                + " earlier status past proposed (from here: proposed)");

        // exits: [] keeps every status on the forward path
        Lifecycle none = open(root, "lifecycle:\n  exits: []\n").lifecycle();
        assertThat(none.statuses()).extracting(SpecStatus::rank).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void configuredExitsMustBeStatusesAndNotDrafts() throws Exception {
        Path root = family("madr-full");
        Lifecycle deprecatedExit =
                open(root, "lifecycle:\n  exits: [rejected, deprecated]\n").lifecycle();
        assertThat(deprecatedExit.statuses())
                .extracting(SpecStatus::label, SpecStatus::rank)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("deprecated", -1),
                        org.assertj.core.groups.Tuple.tuple("superseded by ADR-NNNN", 2));

        Path drafted = family("evolution");
        assertThatThrownBy(() -> open(drafted, "lifecycle:\n  exits: [Awaiting review]\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(
                        "'lifecycle.exits' names 'Awaiting review', which is held as a draft (the"
                                + " first status)");

        Path other = family("madr-minimal");
        assertThatThrownBy(() -> open(other, "lifecycle:\n  exits: [shelved]\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'lifecycle.exits' names 'shelved', which is not a status");
    }

    /**
     * A team whose front matter {@code status:} has an Approved ({@code team-yaml}: Draft, In
     * Review, Approved, Shipped) records approvals once {@code .specgate.yml} names the field they
     * go in. {@code approve} refused it with "has no Document Status field ... (only a move to
     * Approved in the Document Status field does)" and no word of the key that makes it work; it
     * now names it, and {@code approval-field: Approval} then records the approval. MADR's status
     * has no Approved: no key can help, and none is named.
     */
    @Test
    void approveRefusedForAnOwnStatusFieldNamesTheKeyThatRecordsApprovals() throws Exception {
        Path root = family("team-yaml");
        Path config = root.resolve(SpecgateConfig.FILE_NAME);
        assertThat(open(root, null).approvalRefusal(Path::toString).orElseThrow())
                .isEqualTo(
                        "the configured template 'template/design-spec.md' ("
                                + config
                                + ") has no Document Status field, so no move records an approval"
                                + " (only a move to Approved in the Document Status field does, or"
                                + " in the template's own 'status' field once "
                                + config
                                + " names the field approvals go in: approval-field: Approval)");
        assertThat(open(root, "approval-field: Approval\n").approvalRefusal(Path::toString))
                .isEmpty();

        Path madr = family("madr-full");
        assertThat(open(madr, null).approvalRefusal(Path::toString).orElseThrow())
                .endsWith(
                        " has no Document Status field, so no move records an approval (only a"
                                + " move to Approved in the Document Status field does)");
    }

    /**
     * The configuration refuses an {@code approval-field:} that could never take effect for the
     * reason {@code approve} gives for the same project: MADR's template keeps its status in front
     * matter's {@code status} and has no Document Status field (the configuration said "its status
     * is kept in 'status'", {@code approve} "has no Document Status field"), and with {@code
     * lifecycle.status-field} set the key is named by both.
     */
    @Test
    void anApprovalFieldIsRefusedForTheReasonApproveGives() throws Exception {
        Path root = family("madr-full");
        String approve = open(root, null).approvalRefusal(Path::toString).orElseThrow();
        assertThat(approve).contains(" has no Document Status field, so no move records");
        assertThatThrownBy(() -> open(root, "approval-field: Sign-off\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(
                        "'approval-field' names the field approvals are recorded in, but this"
                                + " project's lifecycle records no approval: the template has no"
                                + " Document Status field (approvals need");

        assertThatThrownBy(() -> open(root, "working-checklists: [Decision Outcome]\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(
                        "records no approval: the template has no Document Status field");
    }

    /**
     * A project's approvals are chosen as a checker's are ({@code Approvals.of}): the built-in
     * template with its approval field is {@code Approvals.standard()} itself, with a configuration
     * file or without; another field, or {@code working-checklists:}, makes its own.
     */
    @Test
    void aBuiltInProjectsApprovalsAreTheStandardOnes() throws Exception {
        Path builtin = Files.createDirectories(dir.resolve("standard"));
        assertThat(open(builtin, "specs: ['specs/*.md']\n").approvals())
                .isSameAs(Approvals.standard());
        Path renamed = Files.createDirectories(dir.resolve("renamed"));
        Approvals signOff = open(renamed, "approval-field: Sign-off\n").approvals();
        assertThat(signOff).isNotSameAs(Approvals.standard());
        assertThat(signOff.field()).isEqualTo("Sign-off");
        Path working = Files.createDirectories(dir.resolve("working"));
        assertThat(open(working, "working-checklists: [Rollback Testing]\n").approvals())
                .isNotSameAs(Approvals.standard());
    }

    @Test
    void exitsWithTheBuiltInLifecycleAreAConfigErrorNamingTheKey() throws Exception {
        Path builtin = Files.createDirectories(dir.resolve("builtin"));
        assertThatThrownBy(
                        () ->
                                open(
                                        builtin,
                                        "# gates stay as they are\nlifecycle:\n"
                                                + "  exits: [Implementation]\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(".specgate.yml:3: 'lifecycle.exits' cannot be used with the")
                .hasMessageContaining(
                        "built-in Draft -> Review -> Approved -> Implementation lifecycle: its"
                                + " moves and gates are fixed, and none of its statuses is an"
                                + " exit (leave 'exits' out, or give the template its own"
                                + " statuses under 'lifecycle.order')");
        // not one of its statuses either: the built-in lifecycle is still the reason, said first
        for (String exits : new String[] {"Rejected", "[Rejected]", "[Draft, Rejected]"}) {
            Path other = Files.createDirectories(dir.resolve("other-" + exits.length()));
            assertThatThrownBy(() -> open(other, "lifecycle:\n  exits: " + exits + "\n"))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining(
                            ".specgate.yml:2: 'lifecycle.exits' cannot be used with the built-in"
                                    + " Draft -> Review -> Approved -> Implementation lifecycle")
                    .hasMessageNotContaining("not a status");
        }
        // a list that is not statuses at all is refused for its shape
        Path shape = Files.createDirectories(dir.resolve("shape"));
        assertThatThrownBy(() -> open(shape, "lifecycle:\n  exits: {a: b}\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'lifecycle.exits'")
                .hasMessageNotContaining("built-in");
        // exits: [] says what is true of the built-in lifecycle
        Path none = Files.createDirectories(dir.resolve("none"));
        Lifecycle standard = open(none, "lifecycle:\n  exits: []\n").lifecycle();
        assertThat(standard.isStandard()).isTrue();
    }

    @Test
    void anExitAsksOnlyForWhatEveryStatusAsks() throws Exception {
        // Future directions is required from Accepted; Rejected and Withdrawn come after it in the
        // template's order, but end a proposal that never reached it
        Path root = family("evolution");
        SpecProject project =
                open(root, "lifecycle:\n  draft: [Awaiting review, Returned for revision]\n");
        Path file = root.resolve("proposals/0420-default-inout-arguments.md");
        String text = Files.readString(file);
        assertThat(text).contains("* Status: **Awaiting review**\r\n").doesNotContain("Future");

        assertThat(missingFutureDirections(project, file, text, "Rejected")).isEmpty();
        assertThat(missingFutureDirections(project, file, text, "Withdrawn")).isEmpty();
        // a second draft-like status, listed after Accepted, is still a draft
        assertThat(missingFutureDirections(project, file, text, "Returned for revision")).isEmpty();
        assertThat(missingFutureDirections(project, file, text, "Active review")).isEmpty();
        assertThat(missingFutureDirections(project, file, text, "Accepted")).hasSize(1);
        assertThat(missingFutureDirections(project, file, text, "Implemented (5.9)")).hasSize(1);
        // the move to an exit: no gate, and the spec it leaves checks clean of that section
        Lifecycle lifecycle = project.lifecycle();
        SpecSource source = SpecSource.read(file);
        SpecDocument doc = project.parse(file, source.text());
        SpecStatus rejected = lifecycle.status("Rejected").orElseThrow();
        assertThat(lifecycle.evaluate(file, source, doc, rejected, TODAY).passed()).isTrue();

        // a section required from an exit is asked of that exit alone
        Path config = root.resolve(SpecgateConfig.FILE_NAME);
        Files.writeString(
                config,
                Files.readString(config)
                        .replace("required-from: Accepted", "required-from: Withdrawn"));
        SpecProject fromExit = SpecProject.open(root, ConfigChoice.file(config));
        assertThat(missingFutureDirections(fromExit, file, text, "Withdrawn")).hasSize(1);
        assertThat(missingFutureDirections(fromExit, file, text, "Rejected")).isEmpty();
        assertThat(missingFutureDirections(fromExit, file, text, "Implemented")).isEmpty();
        // and one required from the first status (a draft) of every status, exits included
        Files.writeString(
                config,
                Files.readString(config)
                        .replace("required-from: Withdrawn", "required-from: Awaiting review"));
        SpecProject fromDraft = SpecProject.open(root, ConfigChoice.file(config));
        assertThat(missingFutureDirections(fromDraft, file, text, "Rejected")).hasSize(1);
        assertThat(missingFutureDirections(fromDraft, file, text, "Awaiting review")).hasSize(1);
    }

    /** The section-missing findings for Future directions of {@code text} with {@code status}. */
    private static List<String> missingFutureDirections(
            SpecProject project, Path file, String text, String status) throws IOException {
        String withStatus =
                text.replace(
                        "* Status: **Awaiting review**\r\n", "* Status: **" + status + "**\r\n");
        Files.writeString(file, withStatus);
        try {
            return project.inspect(file, SpecProject.asOf(TODAY)).result().diagnostics().stream()
                    .filter(d -> d.ruleId().equals("section-missing"))
                    .map(d -> d.message())
                    .filter(m -> m.contains("Future directions"))
                    .toList();
        } finally {
            Files.writeString(file, text);
        }
    }

    @Test
    void theBuiltInLifecycleNeedsTheDocumentStatusToBeTheStatusField() throws Exception {
        // Document Status tracks how complete the writing is; Stage is the lifecycle
        Path root = Files.createDirectories(dir.resolve("stage"));
        Files.writeString(
                root.resolve("template.md"),
                "# Technical Specification: [Title]\n\n"
                        + "**Document Status:** [Outline | Complete]\n"
                        + "**Stage:** [Draft | Review | Approved | Implementation]\n"
                        + "**Last Updated:** [YYYY-MM-DD]\n\n"
                        + "## Summary\n[What and why]\n");
        SpecProject project =
                open(
                        root,
                        "template: template.md\nspecs: ['specs/*.md']\n"
                                + "lifecycle:\n  status-field: Stage\n");
        assertThat(Lifecycle.notStandard(project.schema()))
                .contains("keeps its status in the 'Stage' field, not in Document Status");
        Lifecycle lifecycle = project.lifecycle();
        assertThat(lifecycle.isStandard()).isFalse();
        assertThat(lifecycle.statusField()).isEqualTo("Stage");

        String spec =
                "\uFEFF# Technical Specification: Ledger export\r\n\r\n"
                        + "**Document Status:** Outline\r\n"
                        + "**Stage:** *Draft*\r\n"
                        + "**Last Updated:** 2026-11-02\r\n\r\n"
                        + "## Summary\r\nNightly export of the ledger to the warehouse.\r\n";
        Path file =
                Files.write(
                        Files.createDirectories(root.resolve("specs")).resolve("ledger-export.md"),
                        spec.getBytes(StandardCharsets.UTF_8));
        SpecSource source = SpecSource.read(file);
        SpecDocument doc = project.parse(file, source.text());
        assertThat(lifecycle.status(doc).map(SpecStatus::label)).contains("Draft");
        SpecStatus review = lifecycle.status("Review").orElseThrow();
        assertThat(lifecycle.evaluate(file, source, doc, review, TODAY).passed()).isTrue();
        // the move edits Stage (and Last Updated), never Document Status
        assertThat(
                        new String(
                                lifecycle.moveEdit(source, doc, review, TODAY).bytes(),
                                StandardCharsets.UTF_8))
                .isEqualTo(
                        spec.replace("**Stage:** *Draft*", "**Stage:** *Review*")
                                .replace("2026-11-02", TODAY.toString()));

        // naming Document Status as the status field keeps the built-in lifecycle
        Path builtin = Files.createDirectories(dir.resolve("named"));
        Files.writeString(builtin.resolve("template.md"), TemplateSchema.builtinTemplateText());
        assertThat(
                        Lifecycle.notStandard(
                                open(
                                                builtin,
                                                "template: template.md\n"
                                                        + "lifecycle:\n"
                                                        + "  status-field: Document Status\n")
                                        .schema()))
                .isEmpty();
    }

    @Test
    void anAcceptedAdrIsSupersededWithoutBeingDeprecatedFirst() throws Exception {
        // MADR's own order with no configuration: proposed -> accepted -> deprecated -> superseded
        Path root = family("madr-full");
        SpecProject project = open(root, null);
        Lifecycle lifecycle = project.lifecycle();
        Path file = root.resolve("docs/decisions/0004-sign-webhooks-with-ed25519.md");
        byte[] before = Files.readAllBytes(file);
        String text = new String(before, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF---\nstatus: accepted\n");
        SpecSource source = SpecSource.of(before);
        SpecDocument doc = project.parse(file, source.text());
        SpecStatus proposed = lifecycle.status("proposed").orElseThrow();
        SpecStatus accepted = lifecycle.status("accepted").orElseThrow();
        SpecStatus deprecated = lifecycle.status("deprecated").orElseThrow();
        SpecStatus superseded = lifecycle.status("superseded by ADR-0009").orElseThrow();

        assertThat(lifecycle.statuses())
                .filteredOn(SpecStatus::retired)
                .extracting(SpecStatus::label)
                .containsExactly("deprecated", "superseded by ADR-NNNN");
        assertThat(lifecycle.moves(Optional.of(accepted)))
                .extracting(StatusMove::toString)
                .containsExactly(
                        "accepted -> deprecated",
                        "accepted -> superseded by ADR-NNNN",
                        "accepted -> proposed",
                        "accepted -> rejected");
        GateResult straight = lifecycle.evaluate(file, source, doc, superseded, TODAY);
        assertThat(straight.reasons()).isEmpty();
        assertThat(
                        new String(
                                lifecycle.moveEdit(source, doc, superseded, TODAY).bytes(),
                                StandardCharsets.UTF_8))
                .isEqualTo(text.replace("status: accepted\n", "status: superseded by ADR-0009\n"));
        // history --audit judges the same move the same way
        String supersededText =
                text.replace("status: accepted\n", "status: superseded by ADR-0009\n");
        assertThat(
                        lifecycle
                                .audit(
                                        file,
                                        supersededText,
                                        Optional.of(accepted),
                                        superseded,
                                        TODAY)
                                .passed())
                .isTrue();
        // deprecated -> superseded still goes one step; a draft is never superseded; no way back
        assertThat(new StatusMove(Optional.of(deprecated), superseded).allowed()).isTrue();
        assertThat(new StatusMove(Optional.of(proposed), superseded).allowed()).isFalse();
        assertThat(new StatusMove(Optional.of(proposed), deprecated).allowed()).isFalse();
        assertThat(new StatusMove(Optional.of(superseded), deprecated).allowed()).isFalse();
        assertThat(new StatusMove(Optional.empty(), superseded).allowed()).isFalse();
        assertThat(
                        lifecycle
                                .audit(
                                        file,
                                        supersededText,
                                        Optional.of(proposed),
                                        superseded,
                                        TODAY)
                                .passed())
                .isFalse();

        // a KEP is replaced from implementable, with no gate (its Prerequisites-like checks
        // belong to the statuses that take it forward)
        Lifecycle kep = open(family("kep"), null).lifecycle();
        assertThat(kep.statuses())
                .extracting(SpecStatus::label, SpecStatus::rank, SpecStatus::retired)
                .contains(org.assertj.core.groups.Tuple.tuple("replaced", 3, true));
        assertThat(kep.moves(kep.status("implementable")))
                .extracting(StatusMove::toString)
                .containsExactly(
                        "implementable -> implemented",
                        "implementable -> replaced",
                        "implementable -> provisional",
                        "implementable -> deferred",
                        "implementable -> rejected",
                        "implementable -> withdrawn");
    }

    @Test
    void aNumberPlaceholderIsTheExampleInAnyCase() throws Exception {
        Path root = Files.createDirectories(dir.resolve("lowercase"));
        Files.writeString(
                root.resolve("template.md"),
                "---\nstatus: \"{proposed | accepted | superseded by adr-nnnn}\"\n"
                        + "date: {YYYY-MM-DD}\n---\n\n"
                        + "# {short title}\n\n## Context and Problem Statement\n\n{context}\n");
        SpecProject project =
                open(root, "template: template.md\nspecs: ['adr/*.md']\nignore: [template.md]\n");
        Lifecycle lifecycle = project.lifecycle();
        String spec =
                "---\r\nstatus: accepted\r\ndate: 2026-03-02\r\n---\r\n\r\n"
                        + "# Keep audit events for seven years\r\n\r\n"
                        + "## Context and Problem Statement\r\n\r\n"
                        + "Regulators ask for seven years of audit events [[SOX-404]].\r\n";
        Path file =
                Files.writeString(
                        Files.createDirectories(root.resolve("adr"))
                                .resolve("0007-keep-audit-events.md"),
                        spec);
        SpecSource source = SpecSource.read(file);
        SpecDocument doc = project.parse(file, source.text());

        // the template's lowercase example is the example
        SpecStatus example = lifecycle.status("superseded by adr-nnnn").orElseThrow();
        assertThat(lifecycle.evaluate(file, source, doc, example, TODAY).reasons())
                .extracting(GateReason::message)
                .containsExactly(
                        "'superseded by adr-nnnn' is the template's example: give the status with"
                                + " its real number in place of the placeholder");
        // so is any spelling with a number placeholder in another case
        SpecStatus upper = lifecycle.status("superseded by ADR-NNNN").orElseThrow();
        SpecStatus xs = lifecycle.status("Superseded by ADR-xxxx").orElseThrow();
        assertThat(lifecycle.evaluate(file, source, doc, upper, TODAY).passed()).isFalse();
        assertThat(lifecycle.evaluate(file, source, doc, xs, TODAY).passed()).isFalse();
        // and a real number is that status, and a move to it
        SpecStatus real = lifecycle.status("superseded by adr-0012").orElseThrow();
        assertThat(real.label()).isEqualTo("superseded by adr-nnnn");
        assertThat(lifecycle.evaluate(file, source, doc, real, TODAY).passed()).isTrue();
        assertThat(
                        new String(
                                lifecycle.moveEdit(source, doc, real, TODAY).bytes(),
                                StandardCharsets.UTF_8))
                .isEqualTo(spec.replace("status: accepted", "status: superseded by adr-0012"));
        assertThat(TemplateSchema.endsWithNumberPlaceholder("superseded by adr-nnnn")).isTrue();
        assertThat(TemplateSchema.endsWithNumberPlaceholder("superseded by ADR-0012")).isFalse();
        assertThat(TemplateSchema.endsWithNumberPlaceholder("Annnn")).isFalse();
    }

    private Path family(String name) throws IOException, URISyntaxException {
        Path from = Path.of(getClass().getResource("/families/" + name).toURI());
        Path to = dir.resolve(name);
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }

    @Test
    void inAnOwnOrderTheApprovalMoveRenewsAStaleApprovalAndALaterStatusRefusesIt()
            throws Exception {
        Path root = Files.createDirectories(dir.resolve("own-order"));
        Lifecycle lifecycle =
                open(
                                root,
                                "lifecycle:\n"
                                        + "  order: [Draft, Review, Approved, Implementation,"
                                        + " Rejected]\n"
                                        + "  exits: [Rejected]\n")
                        .lifecycle();
        String clean = dev.specgate.core.TestSpecs.clean();
        // approved, then its summary edited (the approval is stale); every prerequisite done
        String stale =
                dev.specgate.core.approval.Approvals.standard()
                        .approve(
                                SpecSource.of(clean).edit(),
                                dev.specgate.core.TestSpecs.parse(clean),
                                "Priya Raman",
                                LocalDate.of(2026, 11, 20))
                        .text()
                        .replace("delivered inline", "sent inline")
                        .replace("- [ ] Staging merchant", "- [x] Staging merchant");
        Path file = root.resolve("directives/spec/" + dev.specgate.core.TestSpecs.CLEAN_NAME);
        SpecSource source = SpecSource.of(stale);
        SpecDocument doc = dev.specgate.core.TestSpecs.parse(stale);

        assertThat(lifecycle.isStandard()).isFalse();
        // approve --refresh: the move that writes the record is not refused for the old one
        assertThat(lifecycle.approvalGate(file, source, doc, TODAY).reasons()).isEmpty();
        assertThat(
                        lifecycle
                                .evaluate(
                                        file,
                                        source,
                                        doc,
                                        lifecycle.status("Implementation").orElseThrow(),
                                        TODAY)
                                .reasons())
                .extracting(GateReason::message)
                .singleElement()
                .asString()
                .startsWith("[approval-stale] the approved content changed since the approval");
    }

    /**
     * {@code gates:} names the team's Rollout as gating its Shipped: every Rollout item must be
     * ticked before the move, where before a spec shipped with its rollout half done. The key takes
     * any spelling of the status and the heading.
     */
    @Test
    void aChecklistTheConfigurationNamesGatesTheMoveToItsStatus() throws Exception {
        Path root = family("team-yaml");
        Path file = root.resolve("docs/specs/2026-05-05-webhook-signing.md");
        SpecSource source =
                SpecSource.of(
                        ("\uFEFF" + Files.readString(file).replace("\n", "\r\n"))
                                .getBytes(StandardCharsets.UTF_8));
        Lifecycle plain = open(root, null).lifecycle();
        assertThat(
                        plain.evaluate(
                                        file,
                                        source,
                                        open(root, null).parse(file, source.text()),
                                        plain.status("Shipped").orElseThrow(),
                                        TODAY)
                                .reasons())
                .isEmpty();

        SpecProject project = open(root, "gates:\n  shipped: [rollout]\n");
        Lifecycle lifecycle = project.lifecycle();
        GateResult shipped =
                lifecycle.evaluate(
                        file,
                        source,
                        project.parse(file, source.text()),
                        lifecycle.status("Shipped").orElseThrow(),
                        TODAY);

        assertThat(shipped.reasons())
                .extracting(GateReason::message)
                .containsExactly(
                        "Rollout item 7.3 is not checked: 10% of production traffic",
                        "Rollout item 7.4 is not checked: 100% of production traffic");
        // the other moves keep their gates: Approved asks for no Rollout item
        assertThat(
                        lifecycle
                                .evaluate(
                                        file,
                                        source,
                                        project.parse(file, source.text()),
                                        lifecycle.status("Approved").orElseThrow(),
                                        TODAY)
                                .reasons())
                .extracting(GateReason::message)
                .noneMatch(m -> m.startsWith("Rollout"));
    }

    /**
     * approval-missing named a team's front matter record as a bold line, '**approval:**', which
     * approve never writes there (it writes 'approval:' in the front matter).
     */
    @Test
    void approvalMissingNamesATeamsRecordAsItsFrontMatterWritesIt() throws Exception {
        Path root = family("team-yaml");
        Path file = root.resolve("docs/specs/2026-05-05-webhook-signing.md");
        String text = Files.readString(file);
        assertThat(text).contains("status: Approved").doesNotContain("approval:");
        Files.writeString(file, "\uFEFF" + text.replace("\n", "\r\n"));
        SpecProject project = open(root, "approval-field: approval\n");

        assertThat(project.inspect(file, CheckOptions.asOf(TODAY)).result().diagnostics())
                .filteredOn(d -> d.ruleId().equals("approval-missing"))
                .extracting(Diagnostic::message)
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .startsWith(
                        "the spec says Approved but records no approval: no 'approval:' field (");
    }

    /**
     * A retirement judges nothing, gates: included (lifecycle.md, rules.md): an Approved spec that
     * was never Shipped is Deprecated with its Rollout open. The gated checklist was added to the
     * gate of every status ranked after Shipped, the retirement too, so the move was refused and a
     * spec Deprecated by hand was gate-open's until its Rollout claimed the work done.
     */
    @Test
    void aRetirementAfterAGatedStatusIsNotHeldToItsChecklist() throws Exception {
        Path root = family("team-yaml");
        Path file = root.resolve("docs/specs/2026-05-05-webhook-signing.md");
        String text = Files.readString(file);
        assertThat(text).contains("status: Approved").contains("- [ ] 10% of production traffic");
        SpecSource source =
                SpecSource.of(
                        ("\uFEFF" + text.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8));
        SpecProject project =
                open(
                        root,
                        "lifecycle:\n  order: [Draft, In Review, Approved, Shipped, Deprecated]\n"
                                + "gates:\n  Shipped: [Rollout]\n");
        Lifecycle lifecycle = project.lifecycle();
        SpecDocument document = project.parse(file, source.text());

        GateResult shipped =
                lifecycle.evaluate(
                        file, source, document, lifecycle.status("Shipped").orElseThrow(), TODAY);
        GateResult deprecated =
                lifecycle.evaluate(
                        file,
                        source,
                        document,
                        lifecycle.status("Deprecated").orElseThrow(),
                        TODAY);

        assertThat(shipped.reasons())
                .extracting(GateReason::message)
                .anyMatch(m -> m.startsWith("Rollout item"));
        assertThat(deprecated.reasons()).extracting(GateReason::message).isEmpty();
        Files.writeString(file, text.replace("status: Approved", "status: Deprecated"));
        assertThat(project.inspect(file, CheckOptions.asOf(TODAY)).result().diagnostics())
                .extracting(Diagnostic::ruleId)
                .doesNotContain("gate-open");
        // the status before it is still held to it: one line more, Shipped by hand
        Files.writeString(file, text.replace("status: Approved", "status: Shipped"));
        assertThat(project.inspect(file, CheckOptions.asOf(TODAY)).result().diagnostics())
                .extracting(Diagnostic::ruleId)
                .contains("gate-open");
    }

    /**
     * A gated checklist deleted from the spec refused nothing: with no items there was nothing
     * unticked. Open Questions is optional in the template, so section-missing says nothing of it
     * either; the move now names the missing section, and a spec moved by hand is gate-open's.
     */
    @Test
    void aGatedChecklistDeletedFromTheSpecRefusesTheMoveNamingIt() throws Exception {
        Path root = family("team-yaml");
        Path file = root.resolve("docs/specs/2026-05-05-webhook-signing.md");
        String text = Files.readString(file).replace("status: Approved", "status: In Review");
        assertThat(text).doesNotContain("## Open Questions");
        SpecSource source =
                SpecSource.of(
                        ("\uFEFF" + text.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8));
        SpecProject project = open(root, "gates:\n  Approved: [Open Questions]\n");
        Lifecycle lifecycle = project.lifecycle();

        GateResult approved =
                lifecycle.evaluate(
                        file,
                        source,
                        project.parse(file, source.text()),
                        lifecycle.status("Approved").orElseThrow(),
                        TODAY);

        assertThat(approved.reasons())
                .extracting(GateReason::text)
                .containsExactly(
                        "missing section 'Open Questions', which 'gates:' asks to have every item"
                                + " ticked before Approved");
        // the later move is held to it too, and check says it of a spec moved there by hand
        String byHand = text.replace("status: In Review", "status: Approved");
        SpecSource moved = SpecSource.of(byHand.getBytes(StandardCharsets.UTF_8));
        assertThat(
                        lifecycle
                                .evaluate(
                                        file,
                                        moved,
                                        project.parse(file, byHand),
                                        lifecycle.status("Shipped").orElseThrow(),
                                        TODAY)
                                .reasons())
                .extracting(GateReason::message)
                .contains(
                        "missing section 'Open Questions', which 'gates:' asks to have every item"
                                + " ticked before Approved");
        String shipped = text.replace("status: In Review", "status: Shipped");
        Files.writeString(file, shipped);
        assertThat(project.inspect(file, CheckOptions.asOf(TODAY)).result().diagnostics())
                .extracting(d -> d.ruleId() + " " + (d.range().startLine() + 1))
                .contains("gate-open 3");
    }

    /**
     * Where a gate holds is one reading ({@link TemplateSchema#gatedAt}): {@code .specgate.yml}'s
     * refusal of a gate, the gate of each move and {@code gate-open} agree on a gate past the
     * approval point with a retirement and a status after it, in the team's own status names and in
     * a status written with more words. {@code GatedChecklists.heldAt} read a status only as the
     * template spells it: {@code Shipped (v2)} was held to nothing.
     */
    @Test
    void theGatesOfMovesGateOpenAndTheConfigurationHoldAGateAtTheSameStatuses() throws Exception {
        Path root = family("team-yaml");
        Path file = root.resolve("docs/specs/2026-05-05-webhook-signing.md");
        String text = Files.readString(file);
        SpecProject project =
                open(
                        root,
                        "lifecycle:\n"
                                + "  order: [Draft, In Review, Approved, Shipped, Deprecated,"
                                + " Retired, Rejected]\n"
                                + "gates:\n  Shipped: [Rollout]\n");
        TemplateSchema schema = project.schema();
        StatusGates gates = StatusGates.of(schema);
        SpecDocument document = project.parse(file, text);
        dev.specgate.core.checklist.Checklist checklist =
                dev.specgate.core.checklist.Checklist.of(document);

        assertThat(schema.approvalPoint()).contains("Approved");
        for (SpecStatus s : gates.statuses()) {
            boolean gated =
                    gates.to(s).conditions().stream()
                            .anyMatch(c -> c instanceof GatedChecklistDone);
            assertThat(schema.gatedAt(s.label()))
                    .as(s.label())
                    .isEqualTo(s.label().equals("Shipped") ? List.of("Shipped") : List.of());
            assertThat(gated)
                    .as(s.label() + ": the move's gate")
                    .isEqualTo(!schema.gatedAt(s.label()).isEmpty());
            assertThat(
                            dev.specgate.core.checklist.GatedChecklists.heldAt(
                                    schema, document, checklist, s.label()))
                    .as(s.label() + ": gate-open's reading")
                    .hasSize(gated ? 1 : 0);
        }
        assertThat(schema.ungated("Deprecated")).contains("a retirement");
        assertThat(schema.ungated("Retired")).contains("a retirement");
        assertThat(schema.ungated("Rejected")).contains("an exit");
        assertThat(schema.ungated("draft")).contains("a draft-like status");
        assertThat(schema.ungated("shipped (v2)")).isEmpty();
        assertThat(schema.gatedAt("Shipped (v2)")).containsExactly("Shipped");
        assertThat(
                        dev.specgate.core.checklist.GatedChecklists.heldAt(
                                schema, document, checklist, "Shipped (v2)"))
                .singleElement()
                .satisfies(g -> assertThat(g.open()).hasSize(2));
        // check, from the spec written that way by hand, says what the move says
        Files.writeString(
                file,
                "\uFEFF"
                        + text.replace("status: Approved", "status: Shipped (v2)")
                                .replace("\n", "\r\n"));
        assertThat(project.inspect(file, CheckOptions.asOf(TODAY)).result().diagnostics())
                .filteredOn(d -> d.ruleId().equals("gate-open"))
                .hasSize(2);
    }

    /**
     * An approval holds where {@code check} asks for it ({@link Approvals#askedAt}): from Approved
     * on, not at a retirement. Deprecated after Shipped counted as approved: {@code approve
     * --refresh} rewrote its record, and {@code status} at Shipped kept quiet about a stale one.
     */
    @Test
    void aRetirementHoldsNoApproval() throws Exception {
        Path root = family("team-yaml");
        SpecProject project =
                open(
                        root,
                        "approval-field: approval\n"
                                + "lifecycle:\n  order: [Draft, In Review, Approved, Shipped,"
                                + " Deprecated]\n");
        Lifecycle lifecycle = project.lifecycle();
        TemplateSchema schema = project.schema();

        assertThat(lifecycle.approvalStatus()).isPresent();
        assertThat(lifecycle.statuses())
                .filteredOn(lifecycle::approvedAt)
                .extracting(SpecStatus::label)
                .containsExactly("Approved", "Shipped");
        for (SpecStatus s : lifecycle.statuses()) {
            assertThat(lifecycle.approvedAt(s))
                    .as(s.label())
                    .isEqualTo(Approvals.askedAt(schema, Strictness.forStatus(s.label(), schema)));
        }
        SpecStatus deprecated = lifecycle.status("Deprecated").orElseThrow();
        assertThat(lifecycle.refreshRefusal(Optional.of(deprecated), "docs/specs/a.md"))
                .contains(
                        "cannot refresh the approval of docs/specs/a.md: it is Deprecated, a"
                                + " retirement, where no approval is asked for (approval-missing"
                                + " and approval-stale hold from Approved until a retirement), so"
                                + " there is no approval to renew");
        assertThat(lifecycle.refreshRefusal(lifecycle.status("Shipped"), "docs/specs/a.md"))
                .isEmpty();
    }

    /**
     * The built-in gates spell their statuses their own way (Approved), while {@code gates:} is
     * kept as the template spells the status: a lifecycle that writes {@code approved} still adds
     * the checklist to the Approved gate.
     */
    @Test
    void aChecklistGateFindsItsStatusWhateverCaseTheLifecycleSpellsItIn() throws Exception {
        Path root = Files.createDirectories(dir.resolve("lower-case"));
        SpecProject project =
                open(
                        root,
                        "lifecycle:\n"
                                + "  order: [draft, review, approved, implementation]\n"
                                + "gates:\n"
                                + "  Approved: [rollback strategy]\n");
        Lifecycle lifecycle = project.lifecycle();
        String clean =
                dev.specgate.core.TestSpecs.clean()
                        .replace("**Document Status:** Approved", "**Document Status:** review");
        Path file = root.resolve("directives/spec/" + dev.specgate.core.TestSpecs.CLEAN_NAME);

        assertThat(project.schema().checklistGates())
                .containsEntry("approved", List.of("Rollback Strategy"));
        assertThat(lifecycle.isStandard()).isTrue();
        assertThat(
                        lifecycle
                                .evaluate(
                                        file,
                                        SpecSource.of(clean),
                                        project.parse(file, clean),
                                        lifecycle.status("approved").orElseThrow(),
                                        TODAY)
                                .reasons())
                .extracting(GateReason::message)
                .anySatisfy(
                        m ->
                                assertThat(m)
                                        .startsWith("Rollback Strategy item")
                                        .endsWith(
                                                "is not checked: Rollback time measured and"
                                                        + " acceptable"));
    }

    @Test
    void aGateOnAStatusOrHeadingTheTemplateLacksIsRefusedNamingTheLine() throws Exception {
        Path root = family("team-yaml");

        assertThatThrownBy(() -> open(root, "gates:\n  Shiped: [Rollout]\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(
                        ".specgate.yml:8: 'Shiped' in 'gates' is not a status of template"
                                + " 'template/design-spec.md'; did you mean 'Shipped'? (its statuses:"
                                + " Draft, In Review, Approved, Shipped)");
        Path other = family2(root);
        assertThatThrownBy(() -> open(other, "gates:\n  Shipped: [Rolout]\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(
                        ".specgate.yml:8: 'Rolout' in 'gates' is not a heading of template"
                                + " 'template/design-spec.md'; did you mean 'Rollout'? (its checklists:"
                                + " Rollout, Open Questions (optional))");
    }

    /**
     * A gate on a status no move to which is gated (a draft-like status, an exit, a retirement:
     * lifecycle.md's table of places) was taken and never applied: GatedChecklists holds a spec
     * only from the 2nd status on, and no exit or retirement. Refused now, naming the line.
     */
    @Test
    void aGateOnADraftAnExitOrARetirementIsRefusedForNoMoveThereIsGated() throws Exception {
        Path root = family("team-yaml");

        assertThatThrownBy(() -> open(root, "gates:\n  draft: [Rollout]\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(
                        ".specgate.yml:8: 'draft' in 'gates' is a draft-like status of template"
                                + " 'template/design-spec.md', and a move to it is held to no"
                                + " gate: name a status a spec is taken forward to (its statuses:"
                                + " Draft, In Review, Approved, Shipped)");
        Path other = family2(root);
        Path config = other.resolve(SpecgateConfig.FILE_NAME);
        String shipped = Files.readString(config);
        String order =
                "lifecycle:\n  order: [Draft, In Review, Approved, Shipped, Deprecated, Rejected]\n";
        assertThatThrownBy(() -> open(other, order + "gates:\n  Deprecated: [Rollout]\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(
                        ":10: 'Deprecated' in 'gates' is a retirement of template"
                                + " 'template/design-spec.md', and a move to it is held to no gate");
        Files.writeString(config, shipped);
        assertThatThrownBy(() -> open(other, order + "gates:\n  Rejected: [Rollout]\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(":10: 'Rejected' in 'gates' is an exit of template");
        Files.writeString(config, shipped);
        assertThat(open(other, order + "gates:\n  Shipped: [Rollout]\n").schema().checklistGates())
                .containsEntry("Shipped", List.of("Rollout"));
    }

    @Test
    void aGateOnAHeadingWithoutATaskBoxIsRefusedForItWouldNeverHoldAMoveBack() throws Exception {
        // Design and Summary are headings of the template, but hold no box: the move to Shipped
        // was let through whatever the spec said
        Path root = family("team-yaml");

        assertThatThrownBy(() -> open(root, "gates:\n  Shipped: [Rollout, Design]\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(
                        ".specgate.yml:8: 'Design' in 'gates' holds no checklist in template"
                                + " 'template/design-spec.md', so it would never hold a move back"
                                + " (its checklists: Rollout, Open Questions (optional))");
        Path other = family2(root);
        assertThat(open(other, "gates:\n  Approved: [open questions]\n").schema().checklistGates())
                .containsEntry("Approved", List.of("Open Questions"));
    }

    /** A second copy of the family beside {@code first}, its configuration as shipped. */
    private Path family2(Path first) throws IOException {
        Path to = first.resolveSibling(first.getFileName() + "-2");
        try (Stream<Path> all = Files.walk(first)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(first.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        Path config = to.resolve(SpecgateConfig.FILE_NAME);
        String yaml = Files.readString(config);
        Files.writeString(config, yaml.substring(0, yaml.indexOf("gates:")));
        return to;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p :
                    (Iterable<Path>) all.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    /** The project at {@code root}, its configuration with {@code extra} appended (null: none). */
    private static SpecProject open(Path root, String extra) throws IOException, ConfigException {
        Path config = root.resolve(SpecgateConfig.FILE_NAME);
        if (extra != null) {
            String yaml = Files.exists(config) ? Files.readString(config) : "";
            Files.writeString(config, yaml + extra);
        }
        return SpecProject.open(root, ConfigChoice.file(config));
    }
}
