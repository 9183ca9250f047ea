package dev.specgate.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.approval.Approvals;
import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.parse.SpecParser;
import dev.specgate.core.project.ConfigChoice;
import dev.specgate.core.project.ProjectRun;
import dev.specgate.core.project.RunOptions;
import dev.specgate.core.project.SpecProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionCapabilities;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DocumentDiagnosticParams;
import org.eclipse.lsp4j.DocumentDiagnosticReport;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolCapabilities;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceDiagnosticParams;
import org.eclipse.lsp4j.WorkspaceDiagnosticReport;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The server end to end through LSP4J's own client over piped streams. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SpecgateLanguageServerTest {

    static final LocalDate TODAY = LocalDate.parse("2026-11-25");
    static final Path DEMO_SPEC =
            Path.of(
                    "..",
                    "examples",
                    "demo",
                    "directives",
                    "spec",
                    "2026-02-16_spec_payout-batch-scheduler.md");

    @TempDir Path tmp;
    Path file;
    String uri;
    String text;
    LspSession session;

    @BeforeEach
    void start() throws Exception {
        file = tmp.resolve("directives/spec/2026-02-16_spec_payout-batch-scheduler.md");
        Files.createDirectories(file.getParent());
        Files.copy(DEMO_SPEC, file);
        uri = file.toUri().toString();
        text = Files.readString(file);
        session = LspSession.start(TODAY, pushClient());
    }

    @AfterEach
    void stop() throws Exception {
        session.close();
    }

    static ClientCapabilities pushClient() {
        TextDocumentClientCapabilities td = new TextDocumentClientCapabilities();
        td.setDocumentSymbol(new DocumentSymbolCapabilities(null, null, true));
        ClientCapabilities c = new ClientCapabilities();
        c.setTextDocument(td);
        return c;
    }

    /**
     * What {@code check} reports for the file, through the same façade, as the adapter shows it.
     */
    List<Diagnostic> checkOf(Path spec) throws Exception {
        SpecProject project = SpecProject.open(spec, ConfigChoice.nearest());
        ProjectRun run = project.run(List.of(spec), RunOptions.of(CheckOptions.asOf(TODAY)));
        LspAdapter adapter = new LspAdapter(SpecSource.read(spec));
        return adapter.diagnostics(run.files().get(0).result().diagnostics());
    }

    @Test
    void openPublishesWhatCheckReports() throws Exception {
        session.open(uri, text);
        PublishDiagnosticsParams p = session.at(uri, 1);

        assertThat(p.getDiagnostics()).isEqualTo(checkOf(file)).isNotEmpty();
        assertThat(LspSession.codes(p)).contains("field-file", "task-box", "field-date");
        Diagnostic taskBox =
                p.getDiagnostics().stream()
                        .filter(d -> d.getCode().getLeft().equals("task-box"))
                        .findFirst()
                        .orElseThrow();
        // line 218, columns 3 to 7 as check prints them 1-based: `- [ x]`
        assertThat(taskBox.getRange())
                .isEqualTo(new Range(new Position(217, 2), new Position(217, 6)));
        assertThat(taskBox.getSource()).isEqualTo("specgate");
        assertThat(taskBox.getCodeDescription().getHref())
                .isEqualTo("https://github.com/specgate/specgate/blob/main/docs/rules.md#task-box");
        assertThat(session.initialized.getCapabilities().getDiagnosticProvider())
                .as("a client that does not pull is not offered pull")
                .isNull();
    }

    @Test
    void anIncrementalChangeIsCheckedAgain() throws Exception {
        session.open(uri, text);
        session.at(uri, 1);
        // turn '**Last Updated:** 2026-02-30' into a real date: field-date goes away
        int line = lineOf("**Last Updated:** 2026-02-30");
        change(2, new Range(new Position(line, 18), new Position(line, 28)), "2026-02-28");

        PublishDiagnosticsParams p = session.at(uri, 2);

        assertThat(LspSession.codes(p)).doesNotContain("field-date").contains("task-box");
        Path edited = tmp.resolve("edited/directives/spec/" + file.getFileName());
        Files.createDirectories(edited.getParent());
        Files.writeString(edited, text.replace("2026-02-30", "2026-02-28"));
        assertThat(p.getDiagnostics().stream().map(d -> d.getRange()).toList())
                .isEqualTo(checkOf(edited).stream().map(d -> d.getRange()).toList());
    }

    @Test
    void quickEditsAreCheckedOnceTheyPause() throws Exception {
        session.open(uri, text);
        session.at(uri, 1);
        int line = lineOf("- [ x] Data rollback verified");
        for (int v = 2; v <= 6; v++) {
            change(v, new Range(new Position(line, 0), new Position(line, 0)), "x");
        }
        PublishDiagnosticsParams last = session.at(uri, 6);

        assertThat(last.getVersion()).isEqualTo(6);
        assertThat(session.published).as("no older version is published after 6").isEmpty();
    }

    @Test
    void pullDiagnosticsEqualPushedOnes() throws Exception {
        session.open(uri, text);
        PublishDiagnosticsParams pushed = session.at(uri, 1);

        DocumentDiagnosticReport pulled =
                session.server
                        .getTextDocumentService()
                        .diagnostic(new DocumentDiagnosticParams(new TextDocumentIdentifier(uri)))
                        .get(30, TimeUnit.SECONDS);

        assertThat(pulled.getLeft().getItems()).isEqualTo(pushed.getDiagnostics());
    }

    @Test
    void aClientThatPullsIsOfferedPullAndGetsNothingPushed() throws Exception {
        session.close();
        ClientCapabilities caps = pushClient();
        caps.getTextDocument().setDiagnostic(new DiagnosticCapabilities());
        session = LspSession.start(TODAY, caps);
        session.open(uri, text);

        DocumentDiagnosticReport pulled =
                session.server
                        .getTextDocumentService()
                        .diagnostic(new DocumentDiagnosticParams(new TextDocumentIdentifier(uri)))
                        .get(30, TimeUnit.SECONDS);

        assertThat(session.initialized.getCapabilities().getDiagnosticProvider()).isNotNull();
        assertThat(pulled.getLeft().getItems()).isEqualTo(checkOf(file));
        Thread.sleep(500);
        assertThat(session.published).isEmpty();
    }

    @Test
    void aQuickFixMakesItsFindingGo() throws Exception {
        session.open(uri, text);
        PublishDiagnosticsParams p = session.at(uri, 1);
        Diagnostic taskBox = find(p, "task-box");

        List<CodeAction> actions = actions(taskBox.getRange());
        CodeAction fix =
                actions.stream()
                        .filter(
                                a ->
                                        a.getDiagnostics() != null
                                                && a.getDiagnostics().contains(taskBox))
                        .findFirst()
                        .orElseThrow();
        String fixed = apply(text, fix.getEdit().getChanges().get(uri));

        assertThat(fix.getKind()).isEqualTo("quickfix");
        assertThat(fixed).contains("- [x] Data rollback verified").doesNotContain("[ x]");
        assertThat(fixed.length()).isEqualTo(text.length() - 1);
        change(2, null, fixed);
        assertThat(LspSession.codes(session.at(uri, 2))).doesNotContain("task-box");
    }

    @Test
    void fixAllFixesWhatCheckFixWould() throws Exception {
        session.open(uri, text);
        session.at(uri, 1);
        CodeAction all =
                actions(new Range(new Position(0, 0), new Position(0, 0))).stream()
                        .filter(a -> a.getKind().equals(QuickFixes.FIX_ALL))
                        .findFirst()
                        .orElseThrow();

        change(2, null, apply(text, all.getEdit().getChanges().get(uri)));

        assertThat(LspSession.codes(session.at(uri, 2)))
                .doesNotContain("task-box", "field-file")
                .contains("reviewer-missing");
    }

    @Test
    void aFixThatWouldVoidTheApprovalIsShownDisabledAndLeftOutOfFixAll() throws Exception {
        session.close();
        ClientCapabilities caps = pushClient();
        CodeActionCapabilities codeActions = new CodeActionCapabilities();
        codeActions.setDisabledSupport(true);
        caps.getTextDocument().setCodeAction(codeActions);
        session = LspSession.start(TODAY, caps);
        // approved as it is: its File field's path and its malformed box are approved content
        SpecSource source = SpecSource.of(text);
        String approved =
                Approvals.standard()
                        .approve(
                                source.edit(),
                                new SpecParser().parse(source.text()),
                                "Ana Ruiz",
                                TODAY)
                        .text()
                        // outside the approved content: fixable
                        .replace(
                                "**Next Review:** 2026-12-14",
                                "**Next Review:** December 14, 2026");
        session.open(uri, approved);
        PublishDiagnosticsParams p = session.at(uri, 1);
        assertThat(LspSession.codes(p)).contains("field-file").doesNotContain("approval-stale");
        Diagnostic fileField = find(p, "field-file");

        CodeAction fix =
                actions(fileField.getRange()).stream()
                        .filter(a -> a.getTitle().startsWith("Fix field-file"))
                        .findFirst()
                        .orElseThrow();
        CodeAction all =
                actions(new Range(new Position(0, 0), new Position(0, 0))).stream()
                        .filter(a -> a.getKind().equals(QuickFixes.FIX_ALL))
                        .findFirst()
                        .orElseThrow();

        assertThat(fix.getEdit()).isNull();
        assertThat(fix.getDisabled().getReason())
                .contains("1 fix not applied [field-file]")
                .contains("approved " + TODAY + " by Ana Ruiz and void that approval")
                .contains("--refresh");
        assertThat(all.getTitle()).endsWith("(1)");
        String fixed = apply(approved, all.getEdit().getChanges().get(uri));
        assertThat(fixed).contains("**Next Review:** 2026-12-14");
        change(2, null, fixed);
        assertThat(LspSession.codes(session.at(uri, 2)))
                .contains("field-file", "task-box")
                .doesNotContain("approval-stale");
    }

    /**
     * A suppression comment is content the approval's fingerprint covers: "Suppress RULE on this
     * line / in this file" on an approved spec once inserted a comment that voided the approval
     * (approval-stale, an error, in place of the finding silenced). Like a withheld fix, it is
     * shown disabled with why, or not offered to a client that does not show disabled actions.
     */
    @Test
    void aSuppressionThatWouldVoidTheApprovalIsNotOfferedAsAnEdit() throws Exception {
        SpecSource source = SpecSource.of(text);
        String approved =
                Approvals.standard()
                        .approve(
                                source.edit(),
                                new SpecParser().parse(source.text()),
                                "Zoë Ångström",
                                TODAY)
                        .text();
        session.open(uri, approved);
        PublishDiagnosticsParams p = session.at(uri, 1);
        assertThat(LspSession.codes(p)).contains("field-file").doesNotContain("approval-stale");
        Diagnostic fileField = find(p, "field-file");
        assertThat(actions(fileField.getRange()))
                .extracting(CodeAction::getTitle)
                .noneMatch(t -> t.startsWith("Suppress"));

        session.close();
        ClientCapabilities caps = pushClient();
        CodeActionCapabilities codeActions = new CodeActionCapabilities();
        codeActions.setDisabledSupport(true);
        caps.getTextDocument().setCodeAction(codeActions);
        session = LspSession.start(TODAY, caps);
        session.open(uri, approved);
        List<CodeAction> suppress =
                actions(find(session.at(uri, 1), "field-file").getRange()).stream()
                        .filter(a -> a.getTitle().startsWith("Suppress field-file"))
                        .toList();

        assertThat(suppress)
                .extracting(CodeAction::getTitle)
                .containsExactly(
                        "Suppress field-file on this line", "Suppress field-file in this file");
        assertThat(suppress)
                .allSatisfy(
                        a -> {
                            assertThat(a.getEdit()).isNull();
                            assertThat(a.getDisabled().getReason())
                                    .startsWith(
                                            "it would change the content approved "
                                                    + TODAY
                                                    + " by Zoë Ångström and void that approval")
                                    .endsWith(" --refresh");
                        });

        // with the approval stale, there is none to keep: the suppressions are offered again
        String stale = approved.replace("## Executive Summary\n", "## Executive Summary\nNew.\n");
        change(2, null, stale);
        assertThat(LspSession.codes(session.at(uri, 2))).contains("approval-stale");
        assertThat(actions(fileField.getRange()))
                .filteredOn(a -> a.getTitle().equals("Suppress field-file on this line"))
                .singleElement()
                .satisfies(a -> assertThat(a.getEdit()).isNotNull());
    }

    @Test
    void aMissingSectionIsInsertedWithTheTemplatesHeading() throws Exception {
        String without = text.replace("## Executive Summary\n", "");
        session.open(uri, without);
        Diagnostic missing =
                session.at(uri, 1).getDiagnostics().stream()
                        .filter(d -> d.getMessage().contains("'## Executive Summary'"))
                        .findFirst()
                        .orElseThrow();

        CodeAction insert =
                actions(missing.getRange()).stream()
                        .filter(a -> a.getTitle().contains("Insert the missing section"))
                        .findFirst()
                        .orElseThrow();
        String inserted = apply(without, insert.getEdit().getChanges().get(uri));

        assertThat(inserted).contains("## Executive Summary\n\n");
        change(2, null, inserted);
        assertThat(session.at(uri, 2).getDiagnostics())
                .noneMatch(d -> d.getMessage().contains("'## Executive Summary'"));
    }

    @Test
    void hoverOnASectionShowsTheTemplatesGuidanceAndChecklist() throws Exception {
        session.open(uri, text);
        session.at(uri, 1);

        Hover h = hover(lineOf("### Rollback Testing"), 5);

        assertThat(h.getContents().getRight().getValue())
                .contains("### Rollback Testing")
                .contains("Checklist: 1 of 3 done");
    }

    @Test
    void hoverOnTheStatusShowsEachGate() throws Exception {
        session.open(
                uri, text.replace("**Document Status:** Approved", "**Document Status:** Review"));
        session.at(uri, 1);

        Hover h = hover(lineOf("**Document Status:** Approved"), 3);

        // the gate to Approved refuses a spec with errors and no reviewer, naming the lines
        assertThat(h.getContents().getRight().getValue())
                .contains("Status: Review")
                .contains("Review -> Approved: gate refuses")
                .contains("line 218: [task-box]")
                .contains("Review -> Draft: gate passes");
    }

    @Test
    void symbolsNestTheSections() throws Exception {
        session.open(uri, text);
        List<DocumentSymbol> symbols =
                session
                        .server
                        .getTextDocumentService()
                        .documentSymbol(new DocumentSymbolParams(new TextDocumentIdentifier(uri)))
                        .get(30, TimeUnit.SECONDS)
                        .stream()
                        .map(e -> e.getRight())
                        .toList();

        assertThat(symbols).hasSize(1);
        DocumentSymbol title = symbols.get(0);
        assertThat(title.getName()).startsWith("Technical Specification:");
        List<String> children = title.getChildren().stream().map(DocumentSymbol::getName).toList();
        assertThat(children).contains("Executive Summary", "Problem Analysis");
        DocumentSymbol problem =
                title.getChildren().stream()
                        .filter(s -> s.getName().equals("Problem Analysis"))
                        .findFirst()
                        .orElseThrow();
        assertThat(problem.getChildren())
                .extracting(DocumentSymbol::getName)
                .contains("Current State");
    }

    @Test
    void completionOffersAChoiceFieldsAllowedValues() throws Exception {
        session.open(uri, text);
        int line = lineOf("**Type:** Architecture Change");

        List<CompletionItem> items =
                session.server
                        .getTextDocumentService()
                        .completion(
                                new CompletionParams(
                                        new TextDocumentIdentifier(uri), new Position(line, 10)))
                        .get(30, TimeUnit.SECONDS)
                        .getLeft();

        assertThat(items)
                .extracting(CompletionItem::getLabel)
                .contains("Bug Fix", "Architecture Change");
    }

    @Test
    void aChangedConfigurationChecksOpenSpecsAgain() throws Exception {
        session.open(uri, text);
        assertThat(LspSession.codes(session.at(uri, 1))).contains("task-box");
        Path config = tmp.resolve(".specgate.yml");
        Files.writeString(config, "rules:\n  task-box: off\n");

        session.server
                .getWorkspaceService()
                .didChangeWatchedFiles(
                        new DidChangeWatchedFilesParams(
                                List.of(
                                        new FileEvent(
                                                config.toUri().toString(),
                                                FileChangeType.Created))));

        assertThat(LspSession.codes(session.at(uri, 1)))
                .doesNotContain("task-box")
                .contains("field-file");
    }

    @Test
    void workspaceDiagnosticsCoverEverySpecOfTheFolder() throws Exception {
        session.close();
        Path other = tmp.resolve("directives/spec/2026-03-01_spec_other.md");
        Files.writeString(other, "# Technical Specification: Other\n");
        ClientCapabilities caps = pushClient();
        caps.getTextDocument().setDiagnostic(new DiagnosticCapabilities());
        session =
                LspSession.start(
                        TODAY, caps, List.of(new WorkspaceFolder(tmp.toUri().toString(), "tmp")));

        WorkspaceDiagnosticReport report =
                session.server
                        .getWorkspaceService()
                        .diagnostic(new WorkspaceDiagnosticParams(List.of()))
                        .get(60, TimeUnit.SECONDS);

        assertThat(report.getItems()).hasSize(2);
        for (var item : report.getItems()) {
            var full = item.getWorkspaceFullDocumentDiagnosticReport();
            Path spec = Path.of(java.net.URI.create(full.getUri()));
            assertThat(full.getItems()).as(spec.toString()).isEqualTo(checkOf(spec));
        }
    }

    @Test
    void shutdownThenExitEndsWithZero() throws Exception {
        assertThat(session.shutdownAndExit()).isZero();
    }

    @Test
    void endOfInputEndsTheServer() throws Exception {
        session.close();
        assertThat(session.exitCode.get(30, TimeUnit.SECONDS)).isEqualTo(1);
    }

    private Diagnostic find(PublishDiagnosticsParams p, String rule) {
        return p.getDiagnostics().stream()
                .filter(d -> d.getCode().getLeft().equals(rule))
                .findFirst()
                .orElseThrow();
    }

    private List<CodeAction> actions(Range range) throws Exception {
        return session
                .server
                .getTextDocumentService()
                .codeAction(
                        new CodeActionParams(
                                new TextDocumentIdentifier(uri),
                                range,
                                new CodeActionContext(List.of())))
                .get(30, TimeUnit.SECONDS)
                .stream()
                .map(e -> e.getRight())
                .toList();
    }

    private Hover hover(int line, int character) throws Exception {
        return session.server
                .getTextDocumentService()
                .hover(
                        new HoverParams(
                                new TextDocumentIdentifier(uri), new Position(line, character)))
                .get(30, TimeUnit.SECONDS);
    }

    private void change(int version, Range range, String newText) {
        TextDocumentContentChangeEvent e =
                range == null
                        ? new TextDocumentContentChangeEvent(newText)
                        : new TextDocumentContentChangeEvent(range, newText);
        session.server
                .getTextDocumentService()
                .didChange(
                        new DidChangeTextDocumentParams(
                                new VersionedTextDocumentIdentifier(uri, version), List.of(e)));
    }

    private int lineOf(String content) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).equals(content)) {
                return i;
            }
        }
        throw new AssertionError("no line " + content);
    }

    /** Applies edits as an editor does: from the last to the first. */
    static String apply(String text, List<TextEdit> edits) {
        List<TextEdit> sorted = new ArrayList<>(edits);
        sorted.sort(
                Comparator.comparing((TextEdit e) -> e.getRange().getStart().getLine())
                        .thenComparing(e -> e.getRange().getStart().getCharacter())
                        .reversed());
        String out = text;
        for (TextEdit e : sorted) {
            int start = LspAdapter.offset(out, e.getRange().getStart());
            int end = LspAdapter.offset(out, e.getRange().getEnd());
            out = out.substring(0, start) + e.getNewText() + out.substring(end);
        }
        return out;
    }
}
