package dev.specgate.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.project.ConfigChoice;
import dev.specgate.core.project.SpecProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionCapabilities;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code specgate.setField} actions on a metadata field's line: a Type's other kinds and a
 * date's today, set through core's {@code FieldEdits} as {@code specgate field} sets them; a field
 * of an approved spec's content shown disabled with the reason MCP's {@code set_field} gives
 * (core's {@code FieldEdits.personsDecision}), and refused in the same words when the command is
 * run anyway; a change that makes a holding approval stale says so in its title and in a message.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class FieldActionsLspTest {

    static final String REFUND = "directives/spec/2026-11-09_spec_refund-idempotency-keys.md";
    static final String WEBHOOK = "directives/spec/2026-10-14_spec_webhook-retry-backoff.md";
    static final String SMS = "directives/spec/2026-11-18_spec_sms-provider-failover.md";

    @TempDir Path tmp;
    LspSession session;

    @BeforeEach
    void start() throws Exception {
        LspFeaturesTest.copy(Path.of("..", "examples", "demo"), tmp);
        ClientCapabilities caps = SpecgateLanguageServerTest.pushClient();
        CodeActionCapabilities codeActions = new CodeActionCapabilities();
        codeActions.setDisabledSupport(true);
        caps.getTextDocument().setCodeAction(codeActions);
        session =
                LspSession.start(
                        LocalDate.parse("2026-11-25"),
                        caps,
                        List.of(new WorkspaceFolder(tmp.toUri().toString(), "demo")));
    }

    @AfterEach
    void stop() throws Exception {
        session.close();
    }

    @Test
    void aTypeLineOffersTheOtherKindsAndSetsOneThroughCore() throws Exception {
        Path spec = tmp.resolve(REFUND);
        String uri = spec.toUri().toString();
        // a Type the template allows ('Feature' is not: it has quick fixes instead)
        String text = Files.readString(spec).replace("**Type:** Feature", "**Type:** Integration");
        Files.writeString(spec, text);
        session.open(uri, text);
        session.next(uri);

        List<CodeAction> type = fieldActions(uri, line(text, "**Type:** Integration"));
        List<CodeAction> updated = fieldActions(uri, line(text, "**Last Updated:** 2026-11-23"));

        assertThat(type)
                .extracting(CodeAction::getTitle)
                .containsExactly(
                        "Set Type to Bug Fix",
                        "Set Type to Performance Optimization",
                        "Set Type to Architecture Change",
                        "Set Type to Security Enhancement");
        assertThat(type).allMatch(a -> a.getDisabled() == null);
        assertThat(updated)
                .extracting(CodeAction::getTitle)
                .containsExactly("Set Last Updated to today, 2026-11-25");

        JsonObject answer = run(type.get(0));

        assertThat(answer.get("applied").getAsBoolean()).isTrue();
        assertThat(answer.get("message").getAsString())
                .isEqualTo("Set Type to Bug Fix (was Integration).");
        TextEdit edit = onlyEdit();
        assertThat(edit.getNewText()).isEqualTo("Bug Fix");
        assertThat(edit.getRange().getStart().getLine()).isEqualTo(line(text, "**Type:**"));
    }

    @Test
    void aFieldOfAnApprovedSpecsContentIsDisabledWithWhyAndRefusedInTheSameWords()
            throws Exception {
        Path spec = tmp.resolve(WEBHOOK);
        String uri = spec.toUri().toString();
        String text = Files.readString(spec);
        session.open(uri, text);
        session.next(uri);

        List<CodeAction> type = fieldActions(uri, line(text, "**Type:**"));
        List<CodeAction> updated = fieldActions(uri, line(text, "**Last Updated:**"));

        String why =
                "cannot set 'Type' of 2026-10-14_spec_webhook-retry-backoff.md: it is"
                        + " Implementation, and 'Type' is part of the approved content, whose"
                        + " change is a person's decision (a person edits the line, or runs"
                        + " 'specgate field ";
        assertThat(type).hasSize(4);
        assertThat(type)
                .allSatisfy(
                        a -> {
                            assertThat(a.getCommand()).isNull();
                            assertThat(a.getDisabled().getReason()).startsWith(why);
                        });
        // Last Updated is left out of the approval: set as any field
        assertThat(updated)
                .extracting(CodeAction::getTitle)
                .containsExactly("Set Last Updated to today, 2026-11-25");
        assertThat(updated.get(0).getDisabled()).isNull();

        JsonObject refused =
                answer(
                        new ExecuteCommandParams(
                                SpecCommands.SET_FIELD, List.of(uri, "Type", "Bug Fix")));
        MessageParams shown = session.shown.poll(30, TimeUnit.SECONDS);

        assertThat(refused.get("applied").getAsBoolean()).isFalse();
        assertThat(refused.get("message").getAsString())
                .startsWith(
                        "cannot set 'Type' of directives/spec/2026-10-14_spec_webhook-retry-backoff.md:"
                                + " it is Implementation, and 'Type' is part of the approved"
                                + " content")
                .endsWith("; the file is unchanged");
        assertThat(shown.getType()).isEqualTo(MessageType.Error);
        assertThat(session.applied).isEmpty();
    }

    @Test
    void aChangeThatMakesAHoldingApprovalStaleSaysSoInItsTitleAndAMessage() throws Exception {
        Path spec = tmp.resolve(REFUND);
        Files.writeString(
                spec, Files.readString(spec).replace("**Type:** Feature", "**Type:** Integration"));
        SpecProject project = SpecProject.open(spec, ConfigChoice.nearest());
        SpecSource source = SpecSource.read(spec);
        // approved while in Review, as 'specgate approve' records it
        String text =
                project.lifecycle()
                        .approvals()
                        .approve(
                                source.edit(),
                                project.parse(spec, source.text()),
                                "Lena Fischer",
                                LocalDate.parse("2026-11-24"))
                        .text();
        Files.writeString(spec, text);
        String uri = spec.toUri().toString();
        session.open(uri, text);
        session.next(uri);

        List<CodeAction> type = fieldActions(uri, line(text, "**Type:**"));

        assertThat(type.get(0).getTitle())
                .isEqualTo("Set Type to Bug Fix (its approval goes stale)");
        JsonObject answer = run(type.get(0));
        MessageParams shown = session.shown.poll(30, TimeUnit.SECONDS);

        assertThat(answer.get("applied").getAsBoolean()).isTrue();
        assertThat(answer.get("approval").getAsString())
                .startsWith(
                        "The approval of 2026-11-24 by Lena Fischer no longer holds: 'Type' is"
                                + " part of the approved content")
                // a Review spec: check does not report approval-stale before Approved
                .endsWith(
                        "(the spec is Review, so check does not report it; its move to Approved"
                                + " records a new approval).");
        assertThat(shown.getType()).isEqualTo(MessageType.Warning);
        assertThat(shown.getMessage()).isEqualTo(answer.get("message").getAsString());
    }

    @Test
    void todayIsOfferedOnTheDatesAChangeMovesNotOnCreatedOrNextReview() throws Exception {
        Path spec = tmp.resolve(WEBHOOK);
        String uri = spec.toUri().toString();
        Path sms = tmp.resolve(SMS);
        String smsUri = sms.toUri().toString();
        // a Draft whose Last Updated and Next Review hold the template's placeholder
        String smsText =
                Files.readString(sms)
                        .replace("**Last Updated:** 2026-11-24", "**Last Updated:** [Date]");
        Files.writeString(sms, smsText);
        String text = Files.readString(spec);
        session.open(uri, text);
        session.next(uri);
        session.open(smsUri, smsText);
        session.next(smsUri);

        List<CodeAction> created = fieldActions(uri, line(text, "**Created:**"));
        List<CodeAction> review = fieldActions(uri, line(text, "**Next Review:**"));
        List<CodeAction> updated = fieldActions(uri, line(text, "**Last Updated:**"));
        List<CodeAction> placeholderReview =
                quickFixes(smsUri, line(smsText, "**Next Review:** [Date]"));
        List<CodeAction> placeholderUpdated =
                quickFixes(smsUri, line(smsText, "**Last Updated:** [Date]"));

        assertThat(created).isEmpty();
        assertThat(review).isEmpty();
        assertThat(updated)
                .extracting(CodeAction::getTitle)
                .containsExactly("Set Last Updated to today, 2026-11-25");
        assertThat(placeholderReview).isEmpty();
        assertThat(placeholderUpdated)
                .extracting(CodeAction::getTitle)
                .containsExactly("Set Last Updated to today, 2026-11-25");
        assertThat(only(placeholderUpdated.get(0)).getNewText()).isEqualTo("2026-11-25");
    }

    @Test
    void anInvalidTypesFixesAreWithheldAsAValidTypesActionsOnAnImplementationSpecWithoutApproval()
            throws Exception {
        Path spec = tmp.resolve(WEBHOOK);
        String uri = spec.toUri().toString();
        // Implementation, its approval record gone: the Type is still approved content
        String text =
                Files.readString(spec)
                        .replaceAll("\\*\\*Approval:\\*\\*[^\\n]*\\n", "")
                        .replace(
                                "**Type:** Performance Optimization",
                                "**Type:** Performance Tuning");
        assertThat(text).doesNotContain("**Approval:**");
        Files.writeString(spec, text);
        session.open(uri, text);
        session.next(uri);

        List<CodeAction> fixes = quickFixes(uri, line(text, "**Type:**"));

        String why =
                "cannot set 'Type' of 2026-10-14_spec_webhook-retry-backoff.md: it is"
                        + " Implementation, and 'Type' is part of the approved content, whose"
                        + " change is a person's decision (a person edits the line, or runs"
                        + " 'specgate field ";
        assertThat(fixes)
                .extracting(CodeAction::getTitle)
                .containsExactly(
                        "Set Type to 'Bug Fix'",
                        "Set Type to 'Performance Optimization'",
                        "Set Type to 'Architecture Change'",
                        "Set Type to 'Integration'",
                        "Set Type to 'Security Enhancement'");
        assertThat(fixes)
                .allSatisfy(
                        a -> {
                            assertThat(a.getEdit()).isNull();
                            assertThat(a.getDisabled().getReason()).startsWith(why);
                        });

        // the same spec with a Type the template allows: its field actions say the same
        String valid =
                text.replace("**Type:** Performance Tuning", "**Type:** Performance Optimization");
        session.server
                .getTextDocumentService()
                .didChange(
                        new DidChangeTextDocumentParams(
                                new VersionedTextDocumentIdentifier(uri, 2),
                                List.of(new TextDocumentContentChangeEvent(valid))));
        session.at(uri, 2);
        assertThat(fieldActions(uri, line(valid, "**Type:**")))
                .hasSize(4)
                .allSatisfy(a -> assertThat(a.getDisabled().getReason()).startsWith(why));
    }

    @Test
    void anInvalidTypeOfAReviewSpecCarryingAnApprovalIsFixedSayingItsApprovalGoesStale()
            throws Exception {
        Path spec = tmp.resolve(REFUND);
        SpecProject project = SpecProject.open(spec, ConfigChoice.nearest());
        SpecSource source = SpecSource.read(spec);
        // approved while in Review with its Type 'Feature', which the template does not allow
        String text =
                project.lifecycle()
                        .approvals()
                        .approve(
                                source.edit(),
                                project.parse(spec, source.text()),
                                "Lena Fischer",
                                LocalDate.parse("2026-11-24"))
                        .text();
        Files.writeString(spec, text);
        String uri = spec.toUri().toString();
        session.open(uri, text);
        session.next(uri);

        List<CodeAction> fixes = quickFixes(uri, line(text, "**Type:** Feature"));
        List<CodeAction> valid =
                fieldActions(uri, line(text, "**Type:** Feature")); // none: it has fixes

        assertThat(fixes)
                .extracting(CodeAction::getTitle)
                .contains("Set Type to 'Integration' (its approval goes stale)");
        assertThat(fixes).allSatisfy(a -> assertThat(a.getDisabled()).isNull());
        assertThat(valid).isEmpty();
        CodeAction integration =
                fixes.stream()
                        .filter(a -> a.getTitle().startsWith("Set Type to 'Integration'"))
                        .findFirst()
                        .orElseThrow();
        TextEdit edit = only(integration);
        assertThat(edit.getNewText()).isEqualTo("Integration");
        assertThat(edit.getRange().getStart().getLine()).isEqualTo(line(text, "**Type:**"));
    }

    @Test
    void aStatusThatIsNoneIsFixedOnlyToTheStatusesAMoveLeadsToTheOthersRefusedAsStatusRefuses()
            throws Exception {
        Path spec = tmp.resolve(REFUND);
        String uri = spec.toUri().toString();
        // a typo: no status, so no gate judged it; writing 'Approved' in its place would skip
        // the Review and Approved gates (no Reviewer, no approval record)
        String text =
                Files.readString(spec)
                        .replace("**Document Status:** Review", "**Document Status:** Aproved");
        Files.writeString(spec, text);
        session.open(uri, text);
        session.next(uri);

        List<CodeAction> fixes = quickFixes(uri, line(text, "**Document Status:**"));

        assertThat(fixes)
                .extracting(CodeAction::getTitle)
                .containsExactly(
                        "Set Document Status to 'Draft'",
                        "Set Document Status to 'Review'",
                        "Set Document Status to 'Approved'",
                        "Set Document Status to 'Implementation'");
        assertThat(fixes.get(0).getDisabled()).isNull();
        // the move 'specgate status SPEC Draft' makes: Last Updated is today's too
        assertThat(SpecgateLanguageServerTest.apply(text, edits(fixes.get(0))))
                .isEqualTo(
                        text.replace("**Document Status:** Aproved", "**Document Status:** Draft")
                                .replace(
                                        "**Last Updated:** 2026-11-23",
                                        "**Last Updated:** 2026-11-25"));
        assertThat(fixes.subList(1, 4))
                .allSatisfy(
                        a -> {
                            assertThat(a.getEdit()).isNull();
                            assertThat(a.getDisabled().getReason())
                                    .startsWith(
                                            "cannot move 2026-11-09_spec_refund-idempotency-keys.md"
                                                    + " ? -> ")
                                    .contains("is not a lifecycle move");
                        });
    }

    @Test
    void aStatusThatIsNoneFixedToDraftSaysTheApprovalItRemovesAsTheStatusCommandSaysIt()
            throws Exception {
        Path spec = tmp.resolve(WEBHOOK);
        String uri = spec.toUri().toString();
        // an approved spec whose status was mistyped: its approval holds (the status is not
        // content), and a move to Draft removes it, as 'specgate status SPEC Draft' does
        String text =
                Files.readString(spec)
                        .replace(
                                "**Document Status:** Implementation",
                                "**Document Status:** Implementaton");
        Files.writeString(spec, text);
        session.open(uri, text);
        session.next(uri);

        CodeAction draft = quickFixes(uri, line(text, "**Document Status:**")).get(0);
        String fixed = SpecgateLanguageServerTest.apply(text, edits(draft));

        assertThat(text).contains("**Approval:** 2026-11-20 by Priya Raman");
        assertThat(fixed).contains("**Document Status:** Draft").doesNotContain("**Approval:**");
        // never removed in silence: the title says it in the words the command line prints
        assertThat(draft.getTitle())
                .isEqualTo(
                        "Set Document Status to 'Draft'. The approval of 2026-11-20 by Priya"
                                + " Raman is removed with its '**Approval:**' line.");
    }

    @Test
    void aStatusThatIsNoneIsFixedWithTheBytesTheStatusCommandWritesCrlfAndBomKept()
            throws Exception {
        Path spec = tmp.resolve(REFUND);
        String uri = spec.toUri().toString();
        String text =
                "\uFEFF"
                        + Files.readString(spec)
                                .replace(
                                        "**Document Status:** Review",
                                        "**Document Status:** Aproved")
                                .replace("\n", "\r\n");
        Files.writeString(spec, text);
        session.open(uri, text);
        session.next(uri);

        CodeAction draft = quickFixes(uri, line(text, "**Document Status:**")).get(0);
        String fixed = SpecgateLanguageServerTest.apply(text, edits(draft));

        assertThat(draft.getTitle()).isEqualTo("Set Document Status to 'Draft'");
        assertThat(fixed)
                .isEqualTo(
                        text.replace("**Document Status:** Aproved", "**Document Status:** Draft")
                                .replace(
                                        "**Last Updated:** 2026-11-23",
                                        "**Last Updated:** 2026-11-25"));
        // the bytes 'specgate status SPEC Draft --today 2026-11-25' writes: core's move
        SpecProject project = SpecProject.open(spec, ConfigChoice.nearest());
        SpecSource source = SpecSource.read(spec);
        var lifecycle = project.lifecycle();
        byte[] moved =
                lifecycle
                        .moveEdit(
                                source,
                                project.parse(spec, source.text()),
                                lifecycle.status("Draft").orElseThrow(),
                                LocalDate.parse("2026-11-25"))
                        .bytes();
        assertThat(fixed.getBytes(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(moved);
    }

    @Test
    void aTeamStatusThatIsNoneIsFixedWithItsUpdatedDateAsTheMoveWritesIt() throws Exception {
        Path team = tmp.resolve("team");
        LspFeaturesTest.copy(
                Path.of("..", "specgate-core/src/test/resources/families/team-yaml"), team);
        Path spec = team.resolve("docs/specs/2026-04-20-rate-limits.md");
        String uri = spec.toUri().toString();
        String text =
                "\uFEFF"
                        + Files.readString(spec)
                                .replace("status: Draft\n", "status: Drfat\n")
                                .replace("\n", "\r\n");
        Files.writeString(spec, text);
        try (LspSession teamSession = LspSession.pushing(team, "team")) {
            teamSession.open(uri, text);
            teamSession.next(uri);

            List<CodeAction> fixes = quickFixes(teamSession, uri, line(text, "status:"));

            CodeAction draft =
                    fixes.stream()
                            .filter(a -> a.getTitle().equals("Set status to 'Draft'"))
                            .findFirst()
                            .orElseThrow();
            assertThat(SpecgateLanguageServerTest.apply(text, edits(draft)))
                    .isEqualTo(
                            text.replace("status: Drfat\r\n", "status: Draft\r\n")
                                    .replace("updated: 2026-04-20\r\n", "updated: 2026-11-25\r\n"));
        }
    }

    @Test
    void aValidOneItemListInFrontMatterHasNoQuickFixesAnInvalidOneHasTheAllowedValues()
            throws Exception {
        Path team = tmp.resolve("team");
        LspFeaturesTest.copy(
                Path.of("..", "specgate-core/src/test/resources/families/team-yaml"), team);
        Path spec = team.resolve("docs/specs/2026-06-01-invoice-pdf.md");
        String uri = spec.toUri().toString();
        String original = Files.readString(spec);
        assertThat(original).contains("labels:\n  - web\n  - mobile\n");
        try (LspSession teamSession = LspSession.pushing(team, "team")) {
            // one item, a line of its own; one item in brackets; one item the template lacks
            String block = original.replace("labels:\n  - web\n  - mobile\n", "labels:\n  - web\n");
            String flow = original.replace("labels:\n  - web\n  - mobile\n", "labels: [web]\n");
            String wrong = original.replace("labels:\n  - web\n  - mobile\n", "labels: [mobil]\n");

            teamSession.open(uri, block);
            teamSession.next(uri);
            List<CodeAction> blockFixes = quickFixes(teamSession, uri, line(block, "labels:"));
            List<CodeAction> itemFixes = quickFixes(teamSession, uri, line(block, "  - web"));
            change(teamSession, uri, 2, flow);
            teamSession.next(uri);
            List<CodeAction> flowFixes = quickFixes(teamSession, uri, line(flow, "labels:"));
            change(teamSession, uri, 3, wrong);
            teamSession.next(uri);
            List<CodeAction> wrongFixes = quickFixes(teamSession, uri, line(wrong, "labels:"));

            assertThat(blockFixes).isEmpty();
            assertThat(itemFixes).isEmpty();
            assertThat(flowFixes).isEmpty();
            assertThat(wrongFixes)
                    .extracting(CodeAction::getTitle)
                    .containsExactly(
                            "Set labels to 'api'", "Set labels to 'web'", "Set labels to 'mobile'");
            assertThat(SpecgateLanguageServerTest.apply(wrong, edits(wrongFixes.get(1))))
                    .isEqualTo(flow);
        }
    }

    /**
     * A value check accepts has no quick fix: a status with its detail in parentheses, as a
     * template that lists its choices in braces writes it ({@code **Implemented (5.9)**}), is one
     * of its statuses for {@code field-value} ({@code FieldSpec.allows}), so the editor offers no
     * value in its place; a misspelt one still has the statuses offered.
     */
    @Test
    void aValueCheckAcceptsHasNoQuickFixAStatusWithItsDetailInParentheses() throws Exception {
        Path evolution = tmp.resolve("evolution");
        LspFeaturesTest.copy(
                Path.of("..", "specgate-core/src/test/resources/families/evolution"), evolution);
        Path accepted = evolution.resolve("proposals/0401-typed-throws-in-closures.md");
        Path misspelt = evolution.resolve("proposals/0433-package-access-for-extensions.md");
        String acceptedText = Files.readString(accepted);
        String misspeltText = Files.readString(misspelt);
        assertThat(acceptedText).contains("* Status: **Implemented (5.9)**");
        try (LspSession s = LspSession.pushing(evolution, "evolution")) {
            String acceptedUri = accepted.toUri().toString();
            String misspeltUri = misspelt.toUri().toString();
            s.open(acceptedUri, acceptedText);
            List<org.eclipse.lsp4j.Diagnostic> shown = s.next(acceptedUri).getDiagnostics();
            s.open(misspeltUri, misspeltText);
            s.next(misspeltUri);

            List<CodeAction> none = quickFixes(s, acceptedUri, line(acceptedText, "* Status:"));
            List<CodeAction> fixes = quickFixes(s, misspeltUri, line(misspeltText, "* Status:"));

            assertThat(shown).extracting(d -> d.getCode().getLeft()).doesNotContain("field-value");
            assertThat(none).extracting(CodeAction::getTitle).isEmpty();
            assertThat(fixes)
                    .extracting(CodeAction::getTitle)
                    .contains("Set Status to 'Awaiting review'");
        }
    }

    @Test
    void aListSetByTheCommandIsSaidInBracketsAsTheCommandLineSaysIt() throws Exception {
        Path team = tmp.resolve("team");
        LspFeaturesTest.copy(
                Path.of("..", "specgate-core/src/test/resources/families/team-yaml"), team);
        Path spec = team.resolve("docs/specs/2026-06-01-invoice-pdf.md");
        Path push = team.resolve("docs/specs/2026-09-10-mobile-push.md");
        String uri = spec.toUri().toString();
        String pushUri = push.toUri().toString();
        String text = Files.readString(spec);
        String pushText = Files.readString(push);
        try (LspSession teamSession = LspSession.pushing(team, "team")) {
            teamSession.open(uri, text);
            teamSession.next(uri);
            teamSession.open(pushUri, pushText);
            teamSession.next(pushUri);

            Object result =
                    teamSession
                            .server
                            .getWorkspaceService()
                            .executeCommand(
                                    new ExecuteCommandParams(
                                            SpecCommands.SET_FIELD, List.of(uri, "labels", "api")))
                            .get(30, TimeUnit.SECONDS);
            Gson gson = new Gson();
            JsonObject answer = gson.fromJson(gson.toJson(result), JsonObject.class);
            List<String> created = titles(teamSession, pushUri, line(pushText, "created:"), null);
            List<String> updated = titles(teamSession, pushUri, line(pushText, "updated:"), null);

            assertThat(answer.get("applied").getAsBoolean()).isTrue();
            assertThat(answer.get("message").getAsString())
                    .isEqualTo("Set labels to [api] (was [web, mobile]).");
            assertThat(answer.get("value").getAsJsonArray().get(0).getAsString()).isEqualTo("api");
            // a team's own dates: its creation date has no today, its date of change has
            assertThat(created).noneMatch(t -> t.contains("today"));
            assertThat(updated).containsExactly("Set updated to today, 2026-11-25");
        }
    }

    private static List<String> titles(LspSession s, String uri, int line, String kind)
            throws Exception {
        CodeActionContext context = new CodeActionContext(List.of());
        if (kind != null) {
            context.setOnly(List.of(kind));
        }
        return s
                .server
                .getTextDocumentService()
                .codeAction(
                        new CodeActionParams(
                                new TextDocumentIdentifier(uri),
                                new Range(new Position(line, 0), new Position(line, 0)),
                                context))
                .get(30, TimeUnit.SECONDS)
                .stream()
                .map(e -> e.getRight().getTitle())
                .filter(t -> t.startsWith("Set "))
                .toList();
    }

    private List<CodeAction> quickFixes(String uri, int line) throws Exception {
        return quickFixes(session, uri, line);
    }

    private static List<CodeAction> quickFixes(LspSession session, String uri, int line)
            throws Exception {
        CodeActionContext context = new CodeActionContext(List.of());
        context.setOnly(List.of(CodeActionKind.QuickFix));
        return session
                .server
                .getTextDocumentService()
                .codeAction(
                        new CodeActionParams(
                                new TextDocumentIdentifier(uri),
                                new Range(new Position(line, 0), new Position(line, 0)),
                                context))
                .get(30, TimeUnit.SECONDS)
                .stream()
                .map(e -> e.getRight())
                .filter(a -> a.getTitle().startsWith("Set "))
                .toList();
    }

    /** The editor's whole text changed to {@code text}. */
    private static void change(LspSession s, String uri, int version, String text) {
        s.server
                .getTextDocumentService()
                .didChange(
                        new DidChangeTextDocumentParams(
                                new VersionedTextDocumentIdentifier(uri, version),
                                List.of(new TextDocumentContentChangeEvent(text))));
    }

    /** The text edits of a quick fix. */
    private static List<TextEdit> edits(CodeAction fix) {
        var edit = fix.getEdit();
        return edit.getChanges() != null && !edit.getChanges().isEmpty()
                ? edit.getChanges().values().iterator().next()
                : edit.getDocumentChanges().get(0).getLeft().getEdits();
    }

    /** The one text edit of a quick fix. */
    private static TextEdit only(CodeAction fix) {
        var edit = fix.getEdit();
        List<TextEdit> edits =
                edit.getChanges() != null && !edit.getChanges().isEmpty()
                        ? edit.getChanges().values().iterator().next()
                        : edit.getDocumentChanges().get(0).getLeft().getEdits();
        assertThat(edits).hasSize(1);
        return edits.get(0);
    }

    private List<CodeAction> fieldActions(String uri, int line) throws Exception {
        CodeActionContext context = new CodeActionContext(List.of());
        context.setOnly(List.of(QuickFixes.COMMANDS));
        return session
                .server
                .getTextDocumentService()
                .codeAction(
                        new CodeActionParams(
                                new TextDocumentIdentifier(uri),
                                new Range(new Position(line, 0), new Position(line, 0)),
                                context))
                .get(30, TimeUnit.SECONDS)
                .stream()
                .map(e -> e.getRight())
                .filter(a -> a.getTitle().startsWith("Set "))
                .toList();
    }

    private JsonObject run(CodeAction action) throws Exception {
        return answer(
                new ExecuteCommandParams(
                        action.getCommand().getCommand(), action.getCommand().getArguments()));
    }

    private JsonObject answer(ExecuteCommandParams params) throws Exception {
        Object result =
                session.server
                        .getWorkspaceService()
                        .executeCommand(params)
                        .get(30, TimeUnit.SECONDS);
        Gson gson = new Gson();
        return gson.fromJson(gson.toJson(result), JsonObject.class);
    }

    private TextEdit onlyEdit() throws Exception {
        var applied = session.applied.poll(30, TimeUnit.SECONDS);
        assertThat(applied).isNotNull();
        var edit = applied.getEdit();
        List<TextEdit> edits =
                edit.getChanges() != null && !edit.getChanges().isEmpty()
                        ? edit.getChanges().values().iterator().next()
                        : edit.getDocumentChanges().get(0).getLeft().getEdits();
        assertThat(edits).hasSize(1);
        return edits.get(0);
    }

    private static int line(String text, String start) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(start)) {
                return i;
            }
        }
        throw new AssertionError("no line starting " + start);
    }
}
