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
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
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
        List<CodeAction> review = fieldActions(uri, line(text, "**Next Review:**"));

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
        // Next Review is left out of the approval: set as any field
        assertThat(review)
                .extracting(CodeAction::getTitle)
                .containsExactly("Set Next Review to today, 2026-11-25");
        assertThat(review.get(0).getDisabled()).isNull();

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
