package dev.specgate.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.project.ConfigChoice;
import dev.specgate.core.project.RunOptions;
import dev.specgate.core.project.SpecProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DiagnosticCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceDiagnosticParams;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An approved spec whose content changed: {@code approval-stale} asks for {@code specgate approve
 * --refresh SPEC} naming the spec as {@code check .} in the workspace folder names it (relative to
 * the folder), never by the absolute path the editor opened it under, whether the spec is open and
 * edited (pushed) or only on disk (workspace diagnostics).
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ApprovalStaleLspTest {

    static final String WEBHOOK = "directives/spec/2026-10-14_spec_webhook-retry-backoff.md";

    @TempDir Path tmp;

    /** The approval-stale message {@code check} gives for {@code spec}, named as {@code name}. */
    private static String checkSays(Path spec, String name) throws Exception {
        String said =
                SpecProject.open(spec, ConfigChoice.nearest())
                        .run(List.of(spec), RunOptions.of(CheckOptions.asOf(LspFeaturesTest.TODAY)))
                        .files()
                        .get(0)
                        .result()
                        .diagnostics()
                        .stream()
                        .filter(d -> d.ruleId().equals("approval-stale"))
                        .findFirst()
                        .orElseThrow()
                        .message();
        assertThat(said).endsWith("approve --refresh " + spec + ")");
        return said.replace("approve --refresh " + spec + ")", "approve --refresh " + name + ")");
    }

    @Test
    void anEditedApprovedSpecIsToldToBeRefreshedUnderItsNameInTheFolder() throws Exception {
        LspFeaturesTest.copy(LspFeaturesTest.DEMO, tmp);
        Path webhook = tmp.resolve(WEBHOOK);
        String text = Files.readString(webhook);
        assertThat(text).contains("**Approval:** 2026-11-20 by Priya Raman");
        String edited =
                text.replace(
                        "## Executive Summary\n",
                        "## Executive Summary\nThe dispatcher's `retry[0]` table | stays as is.\n");
        try (LspSession session = LspSession.pushing(tmp, "demo")) {
            String uri = webhook.toUri().toString();
            session.open(uri, text);
            assertThat(LspSession.codes(session.at(uri, 1))).doesNotContain("approval-stale");
            session.server
                    .getTextDocumentService()
                    .didChange(
                            new DidChangeTextDocumentParams(
                                    new VersionedTextDocumentIdentifier(uri, 2),
                                    List.of(new TextDocumentContentChangeEvent(edited))));
            Files.writeString(webhook, edited); // what check reads
            assertThat(session.at(uri, 2).getDiagnostics())
                    .filteredOn(d -> d.getCode().getLeft().equals("approval-stale"))
                    .singleElement()
                    .satisfies(
                            d ->
                                    assertThat(d.getMessage())
                                            .isEqualTo(checkSays(webhook, WEBHOOK))
                                            .doesNotContain(tmp.toString()));
        }
    }

    /**
     * The hover on the status line and a refused move to Implementation give the gate's reasons as
     * {@code specgate status} run in the folder gives them: the stale approval's {@code approve
     * --refresh} names the spec relative to the folder, as the refusal's first line does.
     */
    @Test
    void theGatesReasonsNameTheSpecAsStatusDoes() throws Exception {
        LspFeaturesTest.copy(LspFeaturesTest.DEMO, tmp);
        Path webhook = tmp.resolve(WEBHOOK);
        String approved =
                Files.readString(webhook)
                        .replace(
                                "**Document Status:** Implementation",
                                "**Document Status:** Approved");
        String edited =
                approved.replace(
                        "## Executive Summary\n", "## Executive Summary\nZoë's note: `a[0]`.\n");
        Files.writeString(webhook, edited);
        String refresh =
                "then specgate approve --refresh "
                        + WEBHOOK
                        + ")"; // check . and status in the folder name it so
        try (LspSession session = LspSession.pushing(tmp, "demo")) {
            String uri = webhook.toUri().toString();
            session.open(uri, edited);
            assertThat(LspSession.codes(session.at(uri, 1))).contains("approval-stale");
            int status = edited.lines().toList().indexOf("**Document Status:** Approved");

            String hover =
                    session.server
                            .getTextDocumentService()
                            .hover(
                                    new org.eclipse.lsp4j.HoverParams(
                                            new org.eclipse.lsp4j.TextDocumentIdentifier(uri),
                                            new org.eclipse.lsp4j.Position(status, 3)))
                            .get(30, TimeUnit.SECONDS)
                            .getContents()
                            .getRight()
                            .getValue();
            assertThat(hover)
                    .contains("Approved -> Implementation: gate refuses")
                    .contains("[approval-stale]")
                    .contains(refresh)
                    .doesNotContain(tmp.toString());

            Object result =
                    session.server
                            .getWorkspaceService()
                            .executeCommand(
                                    new org.eclipse.lsp4j.ExecuteCommandParams(
                                            SpecCommands.MOVE, List.of(uri, "Implementation")))
                            .get(30, TimeUnit.SECONDS);
            com.google.gson.Gson gson = new com.google.gson.Gson();
            com.google.gson.JsonObject answer =
                    gson.fromJson(gson.toJson(result), com.google.gson.JsonObject.class);
            assertThat(answer.get("applied").getAsBoolean()).isFalse();
            assertThat(answer.get("message").getAsString())
                    .startsWith("cannot move " + WEBHOOK + " Approved -> Implementation");
            assertThat(answer.get("reasons").toString())
                    .contains("[approval-stale]")
                    .contains(refresh)
                    .doesNotContain(tmp.toString());
        }
    }

    @Test
    void aStaleSpecOnDiskIsReportedUnderItsNameInTheFolder() throws Exception {
        LspFeaturesTest.copy(LspFeaturesTest.DEMO, tmp);
        Path webhook = tmp.resolve(WEBHOOK);
        Files.writeString(
                webhook,
                Files.readString(webhook)
                        .replace(
                                "## Executive Summary\n", "## Executive Summary\nÜberarbeitet.\n"));
        var caps = SpecgateLanguageServerTest.pushClient();
        caps.getTextDocument().setDiagnostic(new DiagnosticCapabilities());
        try (LspSession session =
                LspSession.start(
                        LspFeaturesTest.TODAY,
                        caps,
                        List.of(new WorkspaceFolder(tmp.toUri().toString(), "demo")))) {
            var report =
                    session.server
                            .getWorkspaceService()
                            .diagnostic(new WorkspaceDiagnosticParams(List.of()))
                            .get(60, TimeUnit.SECONDS);
            var full =
                    report.getItems().stream()
                            .map(i -> i.getWorkspaceFullDocumentDiagnosticReport())
                            .filter(f -> f.getUri().endsWith("webhook-retry-backoff.md"))
                            .findFirst()
                            .orElseThrow();
            assertThat(full.getItems())
                    .filteredOn(d -> d.getCode().getLeft().equals("approval-stale"))
                    .singleElement()
                    .satisfies(
                            d -> assertThat(d.getMessage()).isEqualTo(checkSays(webhook, WEBHOOK)));
        }
    }
}
