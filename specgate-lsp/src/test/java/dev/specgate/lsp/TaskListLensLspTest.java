package dev.specgate.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task list's checklist lens offers the item {@code specgate next} names: a parent waits for its
 * open subtasks. Before, the lens over "## Tasks" read "next 2.0" for a parent whose verification
 * subtasks were open, and a click was refused (the earlier subtasks still unchecked).
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class TaskListLensLspTest {

    @TempDir Path tmp;

    private static final String TASKS =
            "# Task List: Idempotency Keys for the Refunds API\r\n"
                    + "\r\n"
                    + "**Spec:** [2026-11-09_spec_refund-idempotency-keys.md]"
                    + "(../spec/2026-11-09_spec_refund-idempotency-keys.md)\r\n"
                    + "**Created:** 2026-11-25\r\n"
                    + "\r\n"
                    + "## Tasks\r\n"
                    + "- [x] 1.0 Prerequisites\r\n"
                    + "  - [x] 1.1 `refund-db` headroom confirmed for 24 h of keys\r\n"
                    + "- [ ] 2.0 Key store — Straße & ключи\r\n"
                    + "  - [x] 2.1 Schema for `idempotency_keys`\r\n"
                    + "  - [ ] 2.0.V1 Functional Verification: a replayed refund returns the first"
                    + " response\r\n"
                    + "  - [ ] 2.0.V2 Load Verification: p99 under 40 ms\r\n"
                    + "- [ ] 3.0 Rollout\r\n"
                    + "  - [ ] 3.1 Flag on for 5 % of merchants\r\n";

    @Test
    void theLensTicksWhatNextNamesNotAParentWithOpenSubtasks() throws Exception {
        LspFeaturesTest.copy(LspFeaturesTest.DEMO, tmp);
        Path tasks = tmp.resolve("directives/tasks/2026-11-25_task_refund-idempotency-keys.md");
        Files.createDirectories(tasks.getParent());
        Files.writeString(tasks, TASKS);
        String uri = tasks.toUri().toString();
        LspSession session = LspSession.pushing(tmp, "demo");
        try {
            session.open(uri, TASKS);
            session.next(uri);
            List<? extends CodeLens> lenses =
                    session.server
                            .getTextDocumentService()
                            .codeLens(new CodeLensParams(new TextDocumentIdentifier(uri)))
                            .get(30, TimeUnit.SECONDS);
            CodeLens lens =
                    lenses.stream()
                            .filter(l -> l.getRange().getStart().getLine() == 5)
                            .findFirst()
                            .orElseThrow(() -> new AssertionError("no lens on ## Tasks"));
            assertThat(lens.getCommand().getTitle())
                    .isEqualTo("Checklist: 3 of 8 done · next 2.0.V1");
            assertThat(lens.getCommand().getCommand()).isEqualTo(SpecCommands.TICK);

            Object result =
                    session.server
                            .getWorkspaceService()
                            .executeCommand(
                                    new ExecuteCommandParams(
                                            lens.getCommand().getCommand(),
                                            lens.getCommand().getArguments()))
                            .get(30, TimeUnit.SECONDS);
            Gson gson = new Gson();
            JsonObject json = gson.fromJson(gson.toJson(result), JsonObject.class);
            assertThat(json.get("applied").getAsBoolean()).as(json.toString()).isTrue();
            assertThat(json.get("message").getAsString())
                    .startsWith("Checked 2.0.V1 Functional Verification")
                    .contains("Next: 2.0.V2 Load Verification");
            assertThat(session.applied.poll(30, TimeUnit.SECONDS)).isNotNull();

            // the hover on its headings names no template section: a task list follows none
            assertThat(hover(session, uri, 0))
                    .startsWith("The task list's title.")
                    .doesNotContain("spec's title");
            assertThat(hover(session, uri, 5))
                    .startsWith("A section of the task list.")
                    .doesNotContain("template")
                    .contains("Checklist: 3 of 8 done");
        } finally {
            session.close();
        }
    }

    private static String hover(LspSession session, String uri, int line) throws Exception {
        return session.server
                .getTextDocumentService()
                .hover(new HoverParams(new TextDocumentIdentifier(uri), new Position(line, 4)))
                .get(30, TimeUnit.SECONDS)
                .getContents()
                .getRight()
                .getValue();
    }
}
