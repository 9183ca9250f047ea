package dev.specgate.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quick fixes of a field's value are offered only where check reports the value: a team spec's
 * front matter list {@code labels:} holding a quoted placeholder item ({@code - "[Item]"}), which
 * check passes over, was offered "Set labels to 'api'" and each other label on the key's line and
 * the item's; a {@code status: [Item]} that YAML reads as a list, which check reports nothing of
 * either, "Set status to 'Draft'". The spec is written with CRLF line ends, non-ASCII names and a
 * table in its body.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class PlaceholderItemActionsLspTest {

    @TempDir Path tmp;

    @Test
    void aPlaceholderItemCheckPassesOverGetsNoQuickFix() throws Exception {
        LspFeaturesTest.copy(
                Path.of("..", "specgate-core/src/test/resources/families/team-yaml"), tmp);
        Path spec = tmp.resolve("docs/specs/2026-03-02-payment-retries.md");
        String text =
                Files.readString(spec)
                        .replace("status: Shipped\n", "status: Draft\n")
                        .replace("labels: [api, web]\n", "labels:\n  - \"[Item]\"\n")
                        .replace("\n", "\r\n");
        assertThat(text).contains("Tomasz Wójcik").contains("|");
        assertThat(LspFeaturesTest.checkRules(spec, text))
                .as("check reports nothing of the labels (lines 8 and 9)")
                .noneMatch(r -> r.endsWith("@8") || r.endsWith("@9"));
        String uri = spec.toUri().toString();
        try (LspSession session = LspSession.pushing(tmp, "team")) {
            session.open(uri, text);
            session.next(uri);

            assertThat(quickFixes(session, uri, 7)).isEmpty();
            assertThat(quickFixes(session, uri, 8)).isEmpty();
        }

        String status = text.replace("status: Draft\r\n", "status: [Item]\r\n");
        assertThat(LspFeaturesTest.checkRules(spec, status)).noneMatch(r -> r.endsWith("@3"));
        try (LspSession session = LspSession.pushing(tmp, "team")) {
            session.open(uri, status);
            session.next(uri);

            assertThat(quickFixes(session, uri, 2)).isEmpty();
        }
    }

    @Test
    void aValueCheckReportsStillHasItsQuickFixes() throws Exception {
        LspFeaturesTest.copy(
                Path.of("..", "specgate-core/src/test/resources/families/team-yaml"), tmp);
        Path spec = tmp.resolve("docs/specs/2026-03-02-payment-retries.md");
        String text =
                Files.readString(spec)
                        .replace("status: Shipped\n", "status: Draft\n")
                        .replace("labels: [api, web]\n", "labels:\n  - webb\n")
                        .replace("\n", "\r\n");
        assertThat(LspFeaturesTest.checkRules(spec, text)).contains("field-value@9");
        String uri = spec.toUri().toString();
        try (LspSession session = LspSession.pushing(tmp, "team")) {
            session.open(uri, text);
            session.next(uri);

            assertThat(quickFixes(session, uri, 8))
                    .contains("Set labels to 'api'", "Set labels to 'web'");
        }
    }

    private static List<String> quickFixes(LspSession session, String uri, int line)
            throws Exception {
        return session
                .server
                .getTextDocumentService()
                .codeAction(
                        new CodeActionParams(
                                new TextDocumentIdentifier(uri),
                                new Range(new Position(line, 0), new Position(line, 0)),
                                new CodeActionContext(List.of(), List.of(CodeActionKind.QuickFix))))
                .get(30, TimeUnit.SECONDS)
                .stream()
                .map(e -> e.getRight())
                .map(CodeAction::getTitle)
                .filter(t -> t.startsWith("Set "))
                .toList();
    }
}
