package dev.specgate.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.project.ConfigChoice;
import dev.specgate.core.project.ProjectRun;
import dev.specgate.core.project.RunOptions;
import dev.specgate.core.project.SpecProject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.lsp4j.ApplyWorkspaceEditParams;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DiagnosticCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DocumentLink;
import org.eclipse.lsp4j.DocumentLinkParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.PreviousResultId;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceDiagnosticParams;
import org.eclipse.lsp4j.WorkspaceDiagnosticReport;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.WorkspaceEditCapabilities;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every editing and navigation feature through LSP4J's own client, on a copy of the demo project
 * and a rollout-notes spec written with a byte order mark, CRLF line ends, non-ASCII headings, a
 * table, a block quote and a code block holding a link-like text. Each change the server proposes
 * is applied as an editor applies it and the result checked with {@code check}'s façade.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class LspFeaturesTest {

    static final LocalDate TODAY = LocalDate.parse("2026-11-25");
    static final Path DEMO = Path.of("..", "examples", "demo");
    static final String REFUND = "directives/spec/2026-11-09_spec_refund-idempotency-keys.md";
    static final String NOTES = "directives/spec/2026-11-30_spec_refund-rollout-notes.md";
    static final String SMS = "directives/spec/2026-11-18_spec_sms-provider-failover.md";

    @TempDir Path tmp;
    Path refund;
    String uri;
    String text;
    LspSession session;

    @BeforeEach
    void start() throws Exception {
        copy(DEMO, tmp);
        Files.copy(
                Path.of("src/test/resources/lsp/2026-11-30_spec_refund-rollout-notes.md"),
                tmp.resolve(NOTES));
        refund = tmp.resolve(REFUND);
        uri = refund.toUri().toString();
        text = Files.readString(refund);
        ClientCapabilities caps = SpecgateLanguageServerTest.pushClient();
        session =
                LspSession.start(
                        TODAY, caps, List.of(new WorkspaceFolder(tmp.toUri().toString(), "demo")));
        session.open(uri, text);
        session.at(uri, 1);
    }

    @AfterEach
    void stop() throws Exception {
        session.close();
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    /** The rule ids {@code check} reports for {@code text} as the file {@code file}. */
    static List<String> checkRules(Path file, String text) throws Exception {
        SpecProject project = SpecProject.open(file, ConfigChoice.nearest());
        ProjectRun run =
                project.run(
                        file,
                        text.getBytes(StandardCharsets.UTF_8),
                        RunOptions.of(CheckOptions.asOf(TODAY)));
        return run.files().get(0).result().diagnostics().stream()
                .map(d -> d.ruleId() + "@" + (d.range().startLine() + 1))
                .toList();
    }

    // --- code actions -------------------------------------------------------------------

    @Test
    void aMissingSectionIsInsertedWithTheTemplatesGuidance() throws Exception {
        assertThat(checkRules(refund, text)).contains("section-missing@146");
        CodeAction insert = action(lineOf("## Testing Strategy"), "Insert the missing section");

        String after = apply(text, insert.getEdit().getChanges().get(uri));

        assertThat(after)
                .contains(
                        "### Mitigation Strategies\n\n- **Risk 1:** [Specific mitigation approach]\n")
                .contains("[Backup approaches if primary solution fails]\n\n## Testing Strategy");
        assertThat(checkRules(refund, after)).noneMatch(r -> r.startsWith("section-missing"));
    }

    /**
     * A section missing at the end of its section (no later section of the template present to go
     * before) is inserted after that section's last line, before the thematic break and the status
     * block, in the spec's CRLF line ends; before, no quick fix was offered, as the finding stands
     * on that last line and not on a heading.
     */
    @Test
    void aSectionMissingAtTheEndOfItsSectionIsInsertedAfterItsLastLine() throws Exception {
        String outstanding = text.substring(text.indexOf("### Outstanding Questions\n"));
        String crlf =
                text.replace(outstanding, outstanding.substring(outstanding.indexOf("---\n")))
                        .replace("\n", "\r\n");
        session.server
                .getTextDocumentService()
                .didChange(
                        new DidChangeTextDocumentParams(
                                new VersionedTextDocumentIdentifier(uri, 2),
                                List.of(new TextDocumentContentChangeEvent(crlf))));
        int last = lineIn(crlf, "- [ ] Return `409`");
        assertThat(session.at(uri, 2).getDiagnostics())
                .filteredOn(d -> d.getMessage().startsWith("missing section '### Outstanding"))
                .singleElement()
                .satisfies(
                        d -> {
                            assertThat(d.getMessage())
                                    .endsWith(
                                            "(expected at the end of 'Open Questions & Decisions')");
                            assertThat(d.getRange().getStart().getLine()).isEqualTo(last);
                        });
        CodeAction insert =
                actions(last).stream()
                        .filter(a -> a.getTitle().startsWith("Insert the missing section"))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no insert on line " + last));
        assertThat(insert.getTitle())
                .isEqualTo("Insert the missing section '### Outstanding Questions'");

        String after = apply(crlf, insert.getEdit().getChanges().get(uri));

        String lastLine = crlf.lines().toList().get(last);
        String inserted =
                after.substring(
                        after.indexOf(lastLine) + lastLine.length(), after.indexOf("\r\n---\r\n"));
        assertThat(inserted)
                .startsWith("\r\n\r\n### Outstanding Questions\r\n\r\n- [ ] [Question 1]")
                .endsWith("\r\n")
                .doesNotContain("\n\n")
                .doesNotContain("\r\r");
        assertThat(after.replace(inserted, "\r\n")).isEqualTo(crlf);
        // the next one missing there, Assumptions, now stands after the inserted section's last
        // line, and goes after it
        int end = lineIn(after, "- [ ] [Question 3]");
        assertThat(checkRules(refund, after))
                .filteredOn(r -> r.startsWith("section-missing"))
                .containsExactly("section-missing@146", "section-missing@" + (end + 1));
        change(3, after);
        session.at(uri, 3);
        String done =
                apply(
                        after,
                        action(end, "Insert the missing section '### Assumptions'")
                                .getEdit()
                                .getChanges()
                                .get(uri));
        assertThat(done)
                .contains(
                        "[Question 3] - **Answer needed by:** [Date]\r\n\r\n### Assumptions\r\n\r\n"
                                + "- [Assumption 1 about system behavior]\r\n")
                .endsWith(
                        "[Assumption 3 about technical constraints]\r\n"
                                + crlf.substring(crlf.indexOf("\r\n---\r\n")))
                .containsOnlyOnce("**Document Status:**");
        assertThat(checkRules(refund, done))
                .filteredOn(r -> r.startsWith("section-missing"))
                .containsExactly("section-missing@146"); // Mitigation Strategies, before Testing
    }

    @Test
    void aBadChoiceValueIsReplacedByEachAllowedValue() throws Exception {
        List<CodeAction> actions = actions(lineOf("**Type:** Feature"));
        List<String> titles = actions.stream().map(CodeAction::getTitle).toList();
        assertThat(titles)
                .contains(
                        "Set Type to 'Bug Fix'",
                        "Set Type to 'Integration'",
                        "Set Type to 'Security Enhancement'");
        CodeAction integration =
                actions.stream()
                        .filter(a -> a.getTitle().equals("Set Type to 'Integration'"))
                        .findFirst()
                        .orElseThrow();
        assertThat(integration.getDiagnostics())
                .extracting(d -> d.getCode().getLeft())
                .containsExactly("field-value");

        String after = apply(text, integration.getEdit().getChanges().get(uri));

        assertThat(after).contains("\n**Type:** Integration\n");
        assertThat(checkRules(refund, after)).noneMatch(r -> r.startsWith("field-value"));
    }

    @Test
    void aPlaceholderDateOfAChangeBecomesToday() throws Exception {
        Path sms = tmp.resolve(SMS);
        String smsText =
                Files.readString(sms)
                        .replace("**Last Updated:** 2026-11-24", "**Last Updated:** [Date]");
        Files.writeString(sms, smsText);
        String smsUri = sms.toUri().toString();
        session.open(smsUri, smsText);
        session.at(smsUri, 1);
        int line = smsText.lines().toList().indexOf("**Last Updated:** [Date]");

        CodeAction today =
                actions(smsUri, line).stream()
                        .filter(a -> a.getTitle().equals("Set Last Updated to today, 2026-11-25"))
                        .findFirst()
                        .orElseThrow();
        String after = apply(smsText, today.getEdit().getChanges().get(smsUri));

        assertThat(after).contains("\n**Last Updated:** 2026-11-25\n");
        assertThat(checkRules(sms, smsText)).contains("placeholder-date@" + (line + 1));
        assertThat(checkRules(sms, after)).doesNotContain("placeholder-date@" + (line + 1));
    }

    @Test
    void aNearMissHeadingIsRenamedToTheTemplates() throws Exception {
        String typo = text.replace("### Root Cause Analysis\n", "### Root Cause Analysys\n");
        change(2, typo);
        assertThat(session.at(uri, 2).getDiagnostics())
                .anyMatch(d -> d.getMessage().contains("did you mean 'Root Cause Analysis'"));

        CodeAction rename = action(lineOf("### Root Cause Analysis"), "Rename the heading");
        String after = apply(typo, rename.getEdit().getChanges().get(uri));

        assertThat(after).isEqualTo(text);
    }

    @Test
    void aFindingIsSuppressedOnItsLineOrInTheWholeFile() throws Exception {
        int line = lineOf("**Type:** Feature");
        CodeAction onLine = action(line, "Suppress field-value on this line");
        CodeAction inFile = action(line, "Suppress field-value in this file");

        String lineSuppressed = apply(text, onLine.getEdit().getChanges().get(uri));
        String fileSuppressed = apply(text, inFile.getEdit().getChanges().get(uri));

        assertThat(lineSuppressed)
                .contains("<!-- specgate-disable-next-line field-value -->\n**Type:** Feature");
        assertThat(fileSuppressed).startsWith("<!-- specgate-disable field-value -->\n\n# ");
        for (String after : List.of(lineSuppressed, fileSuppressed)) {
            List<String> rules = checkRules(refund, after);
            assertThat(rules).noneMatch(r -> r.startsWith("field-value"));
            assertThat(rules).anyMatch(r -> r.startsWith("section-missing"));
        }
    }

    @Test
    void noSuppressionIsOfferedForTheApprovalRulesASpecCannotSilence() throws Exception {
        Path payout = tmp.resolve("directives/spec/2026-02-16_spec_payout-batch-scheduler.md");
        String payoutText = Files.readString(payout);
        String payoutUri = payout.toUri().toString();
        session.open(payoutUri, payoutText);
        int line = payoutText.lines().toList().indexOf("**Document Status:** Approved");
        assertThat(session.at(payoutUri, 1).getDiagnostics())
                .anyMatch(
                        d ->
                                d.getCode().getLeft().equals("approval-missing")
                                        && d.getRange().getStart().getLine() == line);

        assertThat(actions(payoutUri, line))
                .extracting(CodeAction::getTitle)
                .noneMatch(t -> t.startsWith("Suppress approval-missing"));
    }

    @Test
    void anOpenDecisionOfAnApprovedSpecIsShownAsCheckReportsIt() throws Exception {
        Path payout = tmp.resolve("directives/spec/2026-02-16_spec_payout-batch-scheduler.md");
        String ticked = Files.readString(payout);
        // the demo's Approved spec with its last decision left open, as typed in the editor
        String open =
                ticked.replaceFirst(
                        "- \\[x\\] One payout e-mail per batch, or one daily digest per merchant\\?"
                                + " [^\n]*? - ",
                        "- [ ] One payout e-mail per batch, or one daily digest per merchant - ");
        assertThat(open).isNotEqualTo(ticked);
        String payoutUri = payout.toUri().toString();
        session.open(payoutUri, open);
        int line =
                open.lines()
                        .toList()
                        .indexOf(
                                "- [ ] One payout e-mail per batch, or one daily digest per"
                                        + " merchant - **Decision by:** 2026-03-01");

        List<org.eclipse.lsp4j.Diagnostic> found =
                session.at(payoutUri, 1).getDiagnostics().stream()
                        .filter(d -> d.getCode().getLeft().equals("decision-open"))
                        .toList();

        assertThat(found).hasSize(1);
        org.eclipse.lsp4j.Diagnostic d = found.get(0);
        assertThat(d.getRange().getStart()).isEqualTo(new Position(line, 0));
        assertThat(d.getSeverity()).isEqualTo(org.eclipse.lsp4j.DiagnosticSeverity.Error);
        assertThat(d.getMessage())
                .isEqualTo(
                        "decision 48.3 'One payout e-mail per batch, or one daily digest per"
                                + " merchant' is still open under Technical Decisions Needed while"
                                + " the spec is Approved: tick it when decided, or set the status"
                                + " back to Draft");
        assertThat(d.getCodeDescription().getHref()).endsWith("docs/rules.md#decision-open");
        // no fix decides for the author; ticking the item is offered as the checklist command
        assertThat(actions(payoutUri, line))
                .extracting(CodeAction::getTitle)
                .contains("Suppress decision-open on this line")
                .anyMatch(t -> t.startsWith("Tick checklist item 48.3"));
    }

    // --- commands -----------------------------------------------------------------------

    @Test
    void tickingTheNextItemSendsTheBoxEdit() throws Exception {
        int line = lineOf("- [ ] `refund-db` storage headroom confirmed for 24 hours of keys");
        CodeAction tick = action(line, "Tick checklist item");
        assertThat(tick.getKind()).isEqualTo(QuickFixes.COMMANDS);

        JsonObject result = run(tick.getCommand().getCommand(), tick.getCommand().getArguments());
        ApplyWorkspaceEditParams edit = session.applied.poll(30, TimeUnit.SECONDS);

        assertThat(result.get("applied").getAsBoolean()).isTrue();
        assertThat(result.get("message").getAsString())
                .startsWith("Checked 13.2 `refund-db` storage headroom")
                .contains("Next: 13.3 SDK release trains");
        String after = apply(text, edit.getEdit().getChanges().get(uri));
        assertThat(after)
                .isEqualTo(
                        text.replace(
                                "- [ ] `refund-db` storage headroom",
                                "- [x] `refund-db` storage headroom"));
    }

    @Test
    void aClientTakingVersionedEditsGetsTheVersionEachEditWasMadeFrom() throws Exception {
        session.close();
        ClientCapabilities caps = SpecgateLanguageServerTest.pushClient();
        WorkspaceClientCapabilities workspace = new WorkspaceClientCapabilities();
        WorkspaceEditCapabilities edits = new WorkspaceEditCapabilities();
        edits.setDocumentChanges(true);
        workspace.setWorkspaceEdit(edits);
        caps.setWorkspace(workspace);
        session = LspSession.start(TODAY, caps);
        session.open(uri, text);
        change(7, text);
        session.at(uri, 7);
        // a quick fix names its version as a command's edit does
        CodeAction fix = action(lineOf("**Type:** Feature"), "Set Type to");
        assertThat(fix.getEdit().getChanges()).isNullOrEmpty();
        TextDocumentEdit fixed = fix.getEdit().getDocumentChanges().get(0).getLeft();
        assertThat(fixed.getTextDocument().getUri()).isEqualTo(uri);
        assertThat(fixed.getTextDocument().getVersion()).isEqualTo(7);
        assertThat(apply(text, fixed.getEdits())).isNotEqualTo(text);
        int line = lineOf("- [ ] `refund-db` storage headroom confirmed for 24 hours of keys");

        JsonObject result = run(SpecCommands.TICK, List.of(uri, line));
        ApplyWorkspaceEditParams edit = session.applied.poll(30, TimeUnit.SECONDS);

        assertThat(result.get("applied").getAsBoolean()).isTrue();
        assertThat(edit.getEdit().getChanges()).isNullOrEmpty();
        TextDocumentEdit versioned = edit.getEdit().getDocumentChanges().get(0).getLeft();
        assertThat(versioned.getTextDocument().getUri()).isEqualTo(uri);
        assertThat(versioned.getTextDocument().getVersion()).isEqualTo(7);
        assertThat(apply(text, versioned.getEdits()))
                .isEqualTo(
                        text.replace(
                                "- [ ] `refund-db` storage headroom",
                                "- [x] `refund-db` storage headroom"));
    }

    @Test
    void tickingOutOfOrderIsRefusedWithEveryEarlierOpenItem() throws Exception {
        int line = lineOf("   - [ ] Prepare test data and fixtures");

        JsonObject result = run(SpecCommands.TICK, List.of(uri, line));
        MessageParams shown = session.shown.poll(30, TimeUnit.SECONDS);

        assertThat(result.get("applied").getAsBoolean()).isFalse();
        assertThat(result.get("message").getAsString())
                .contains("2 earlier items are still unchecked");
        assertThat(result.getAsJsonArray("reasons").toString())
                .contains("13.2 `refund-db` storage headroom")
                .contains("13.3 SDK release trains");
        assertThat(shown.getType()).isEqualTo(MessageType.Error);
        assertThat(shown.getMessage()).contains("- 13.3 SDK release trains for December booked");
        assertThat(session.applied).isEmpty();
    }

    @Test
    void aRefusedMoveShowsEveryReasonAndChangesNothing() throws Exception {
        JsonObject result = run(SpecCommands.MOVE, List.of(uri, "Approved"));
        MessageParams shown = session.shown.poll(30, TimeUnit.SECONDS);

        assertThat(result.get("applied").getAsBoolean()).isFalse();
        assertThat(result.getAsJsonArray("reasons")).hasSize(7);
        // the first line status SPEC Approved prints (after 'specgate: '), path as from the folder
        assertThat(result.get("message").getAsString())
                .isEqualTo(
                        "cannot move "
                                + REFUND
                                + " Review -> Approved: 7 reasons (the file is unchanged)");
        assertThat(shown.getMessage())
                .startsWith(result.get("message").getAsString() + "\n- ")
                .contains("line 5: [field-value] 'Type' is 'Feature'")
                .contains("line 268: Outstanding Questions item 48.2 is not checked");
        assertThat(session.applied).isEmpty();
    }

    @Test
    void anAllowedMoveWritesTheStatusAndLastUpdated() throws Exception {
        CodeAction back =
                actions(lineOf("**Document Status:** Review")).stream()
                        .filter(a -> a.getTitle().equals("Move the status to Draft"))
                        .findFirst()
                        .orElseThrow();

        JsonObject result = run(back.getCommand().getCommand(), back.getCommand().getArguments());
        ApplyWorkspaceEditParams edit = session.applied.poll(30, TimeUnit.SECONDS);

        assertThat(result.get("applied").getAsBoolean()).isTrue();
        String after = apply(text, edit.getEdit().getChanges().get(uri));
        assertThat(after)
                .isEqualTo(
                        text.replace("**Document Status:** Review", "**Document Status:** Draft")
                                .replace(
                                        "**Last Updated:** 2026-11-23",
                                        "**Last Updated:** 2026-11-25"));
    }

    @Test
    void codeLensesShowChecklistProgressAndTheNextMove() throws Exception {
        List<? extends CodeLens> lenses =
                session.server
                        .getTextDocumentService()
                        .codeLens(new CodeLensParams(new TextDocumentIdentifier(uri)))
                        .get(30, TimeUnit.SECONDS);

        CodeLens prerequisites = lensAt(lenses, lineOf("### Prerequisites"));
        CodeLens status = lensAt(lenses, lineOf("**Document Status:** Review"));
        assertThat(prerequisites.getCommand().getTitle())
                .isEqualTo("Checklist: 1 of 3 done · next 13.2");
        assertThat(prerequisites.getCommand().getCommand()).isEqualTo(SpecCommands.TICK);
        assertThat(status.getCommand().getTitle())
                .isEqualTo("Next: Approved — gate refused (7 reasons)");
        assertThat(status.getCommand().getArguments()).hasSize(2);
    }

    @Test
    void aChecklistLensOffersOnlyAnItemItsClickCanTickInOrder() throws Exception {
        List<? extends CodeLens> lenses =
                session.server
                        .getTextDocumentService()
                        .codeLens(new CodeLensParams(new TextDocumentIdentifier(uri)))
                        .get(30, TimeUnit.SECONDS);

        // 13.2 and 13.3 (Prerequisites) are open: the steps wait for them, as the tick refuses
        // an item of a later working checklist ("cannot check ... in order")
        CodeLens steps = lensAt(lenses, lineOf("### Implementation Steps"));
        assertThat(steps.getCommand().getTitle()).endsWith(" after 13.2");
        assertThat(steps.getCommand().getTitle()).startsWith("Checklist: 2 of ");
        assertThat(steps.getCommand().getCommand()).isEmpty();
        // a checklist that is not worked in order offers its first open item to tick
        CodeLens decisions = lensAt(lenses, lineOf("### Technical Decisions Needed"));
        assertThat(decisions.getCommand().getCommand()).isEqualTo(SpecCommands.TICK);
        assertThat(String.valueOf(decisions.getCommand().getArguments().get(1)))
                .isEqualTo(
                        String.valueOf(
                                lineOf(
                                        "- [ ] Key lifetime: 24 hours as for charges, or 7 days -"
                                                + " **Decision by:** 2026-12-02")));
    }

    // --- hover and completion -----------------------------------------------------------

    @Test
    void hoverExplainsFieldsItemsAndLinks() throws Exception {
        String type = hover(uri, lineOf("**Type:** Feature"), 3);
        String next =
                hover(
                        uri,
                        lineOf("- [ ] `refund-db` storage headroom confirmed for 24 hours of keys"),
                        8);
        String later = hover(uri, lineOf("- [ ] SDK release trains for December booked"), 8);
        String date = hover(uri, lineOf("**Next Review:** 2026-12-02"), 3);

        assertThat(type).contains("one of `Bug Fix`").contains("`Feature` is not one of them");
        assertThat(next).contains("Checklist item 13.2").contains("This is the next item to do");
        assertThat(later)
                .contains("Not the next item: that is 13.2")
                .contains("1 earlier item is still open");
        assertThat(date).contains("`YYYY-MM-DD`");

        Path notes = tmp.resolve(NOTES);
        String notesUri = notes.toUri().toString();
        String notesText = Files.readString(notes);
        session.open(notesUri, notesText);
        int seeLine = lineIn(notesText, "See [the support overview]");
        assertThat(hover(notesUri, seeLine, 10))
                .contains("is the heading 'Überblick für den Support'");
        assertThat(
                        hover(
                                notesUri,
                                seeLine,
                                notesLine(notesText, seeLine).indexOf("missing runbook") + 2))
                .contains("no such file");
    }

    /**
     * The hover on the template's last section shows what the template writes under it, not the
     * Document Status block that closes the template (before, its placeholders were shown as that
     * section's guidance, and inserted with it).
     */
    @Test
    void hoverOnTheLastSectionShowsItsGuidanceWithoutTheStatusBlock() throws Exception {
        String assumptions = hover(uri, lineOf("### Assumptions"), 5);

        assertThat(assumptions)
                .contains("### Assumptions")
                .endsWith("- [Assumption 3 about technical constraints]")
                .doesNotContain("Document Status")
                .doesNotContain("[Technical reviewer]");
    }

    @Test
    void completionOffersTodayMissingHeadingsLabelsPathsAndAnchors() throws Exception {
        assertThat(labels(uri, lineOf("**Last Updated:** 2026-11-23"), 18))
                .containsExactly("2026-11-25");
        String withBlank =
                text.replace("**Created:** 2026-11-09\n", "")
                        .replace("## Testing Strategy\n", "### \n\n## Testing Strategy\n");
        change(2, withBlank);
        List<String> lines = withBlank.lines().toList();
        assertThat(labels(uri, lines.indexOf("### "), 4))
                .containsExactly("### Mitigation Strategies");
        assertThat(labels(uri, 3, 0)).contains("**Created:**").doesNotContain("**Type:**");

        Path notes = tmp.resolve(NOTES);
        String notesUri = notes.toUri().toString();
        String notesText = Files.readString(notes);
        session.open(notesUri, notesText);
        int line = lineIn(notesText, "See [the support overview]");
        String before = notesLine(notesText, line);
        int inPath = before.indexOf("](../../docs/dev/") + "](../../docs/dev/".length();
        assertThat(labels(notesUri, line, inPath))
                .contains("notification-architecture.md", "ledger-export.md");
        String typed =
                notesText.replace(
                        "(#überblick-für-den-support)",
                        "(2026-11-09_spec_refund-idempotency-keys.md#)");
        notesChange(notesUri, 2, typed);
        int anchorAt = notesLine(typed, line).indexOf("md#)") + 3;
        assertThat(labels(notesUri, line, anchorAt))
                .contains(
                        "database-changes",
                        "mitigation-strategies".equals("") ? "" : "test-types-required");
    }

    // --- navigation ---------------------------------------------------------------------

    @Test
    void foldingRangesCoverSections() throws Exception {
        List<FoldingRange> ranges =
                session.server
                        .getTextDocumentService()
                        .foldingRange(
                                new FoldingRangeRequestParams(new TextDocumentIdentifier(uri)))
                        .get(30, TimeUnit.SECONDS);

        int start = lineOf("## Technical Details");
        assertThat(ranges)
                .anyMatch(
                        r ->
                                r.getStartLine() == start
                                        && r.getEndLine() == lineOf("## Risk Assessment") - 2);
    }

    @Test
    void linksDefinitionsAndReferencesCrossFiles() throws Exception {
        Path notes = tmp.resolve(NOTES);
        String notesUri = notes.toUri().toString();
        String notesText = Files.readString(notes);
        session.open(notesUri, notesText);
        int summary = lineIn(notesText, "Rollout notes for");
        int at = notesLine(notesText, summary).indexOf("#database-changes");

        List<? extends Location> definition =
                session.server
                        .getTextDocumentService()
                        .definition(
                                new DefinitionParams(
                                        new TextDocumentIdentifier(notesUri),
                                        new Position(summary, at)))
                        .get(30, TimeUnit.SECONDS)
                        .getLeft();
        List<DocumentLink> links =
                session.server
                        .getTextDocumentService()
                        .documentLink(new DocumentLinkParams(new TextDocumentIdentifier(notesUri)))
                        .get(30, TimeUnit.SECONDS);
        List<? extends Location> references =
                session.server
                        .getTextDocumentService()
                        .references(
                                new ReferenceParams(
                                        new TextDocumentIdentifier(uri),
                                        new Position(lineOf("### Database Changes"), 6),
                                        new ReferenceContext(false)))
                        .get(30, TimeUnit.SECONDS);

        int heading = lineOf("### Database Changes");
        assertThat(definition).hasSize(1);
        assertThat(definition.get(0).getUri()).isEqualTo(uri);
        assertThat(definition.get(0).getRange().getStart().getLine()).isEqualTo(heading);
        assertThat(links)
                .extracting(DocumentLink::getTarget)
                .contains(
                        uri,
                        uri + "#L" + (heading + 1),
                        notesUri + "#L" + (lineIn(notesText, "## Überblick") + 1))
                .noneMatch(t -> t.contains("refund-runbook"));
        // the quote and the table hold links too; the code block does not
        assertThat(references).hasSize(3).allMatch(l -> l.getUri().equals(notesUri));
        assertThat(references)
                .extracting(l -> l.getRange().getStart().getLine())
                .containsExactly(
                        summary, lineIn(notesText, "> Quoted"), lineIn(notesText, "| Keys |"));
    }

    @Test
    void linksLeadWhereCheckResolvesThem() throws Exception {
        Path links = tmp.resolve("directives/spec/2026-12-01_spec_refund-link-forms.md");
        String keys = "2026-11-09_spec_refund-idempotency-keys.md";
        String linksText =
                "# Technical Specification: Refund Link Forms\n\n"
                        + "## Executive Summary\n"
                        + "From the root: [keys](/directives/spec/"
                        + keys
                        + "#database-changes).\n"
                        + "With a query: [keys]("
                        + keys
                        + "?plain=1#database-changes).\n"
                        + "In capitals: [summary](#Executive-Summary).\n";
        Files.writeString(links, linksText);
        String linksUri = links.toUri().toString();
        session.open(linksUri, linksText);
        int fromRoot = lineIn(linksText, "From the root");
        int withQuery = lineIn(linksText, "With a query");
        int capitals = lineIn(linksText, "In capitals");
        int heading = lineOf("### Database Changes");

        // check finds none of these links broken
        assertThat(checkRules(links, linksText)).noneMatch(r -> r.startsWith("link-"));
        for (int line : List.of(fromRoot, withQuery)) {
            List<? extends Location> definition =
                    session.server
                            .getTextDocumentService()
                            .definition(
                                    new DefinitionParams(
                                            new TextDocumentIdentifier(linksUri),
                                            new Position(line, 20)))
                            .get(30, TimeUnit.SECONDS)
                            .getLeft();
            assertThat(definition).as("line %d", line + 1).hasSize(1);
            assertThat(definition.get(0).getUri()).isEqualTo(uri);
            assertThat(definition.get(0).getRange().getStart().getLine()).isEqualTo(heading);
        }
        assertThat(hover(linksUri, capitals, 20)).contains("is the heading 'Executive Summary'");
        List<? extends Location> references =
                session.server
                        .getTextDocumentService()
                        .references(
                                new ReferenceParams(
                                        new TextDocumentIdentifier(uri),
                                        new Position(heading, 6),
                                        new ReferenceContext(false)))
                        .get(30, TimeUnit.SECONDS);
        assertThat(references)
                .filteredOn(l -> l.getUri().equals(linksUri))
                .extracting(l -> l.getRange().getStart().getLine())
                .containsExactly(fromRoot, withQuery);
    }

    @Test
    void renamingAHeadingRewritesEveryAnchorInTheWorkspace() throws Exception {
        Path notes = tmp.resolve(NOTES);
        String notesText = Files.readString(notes);
        String notesUri = notes.toUri().toString();
        Position onHeading = new Position(lineOf("### Database Changes"), 8);

        PrepareRenameResult prepared =
                session.server
                        .getTextDocumentService()
                        .prepareRename(
                                new PrepareRenameParams(new TextDocumentIdentifier(uri), onHeading))
                        .get(30, TimeUnit.SECONDS)
                        .getSecond();
        WorkspaceEdit edit =
                session.server
                        .getTextDocumentService()
                        .rename(
                                new RenameParams(
                                        new TextDocumentIdentifier(uri),
                                        onHeading,
                                        "Schema Changes & Keys"))
                        .get(30, TimeUnit.SECONDS);

        assertThat(prepared.getPlaceholder()).isEqualTo("Database Changes");
        assertThat(prepared.getRange())
                .isEqualTo(
                        new Range(
                                new Position(onHeading.getLine(), 4),
                                new Position(onHeading.getLine(), 20)));
        Map<String, List<TextEdit>> changes = edit.getChanges();
        assertThat(changes.keySet()).containsExactlyInAnyOrder(uri, notesUri);
        String refundAfter = apply(text, changes.get(uri));
        String notesAfter = apply(notesText, changes.get(notesUri));
        assertThat(refundAfter).contains("\n### Schema Changes & Keys\n");
        assertThat(notesAfter)
                .startsWith("\uFEFF# Technical")
                .contains(
                        "#schema-changes--keys)",
                        "// not a link: [keys](2026-11-09_spec_refund-idempotency-keys.md#database-changes)")
                .doesNotContain("md#database-changes);")
                .isEqualTo(
                        notesText
                                .replace("md#database-changes)", "md#schema-changes--keys)")
                                .replace(
                                        "[keys](2026-11-09_spec_refund-idempotency-keys.md#schema-changes--keys)",
                                        "[keys](2026-11-09_spec_refund-idempotency-keys.md#database-changes)"));
        assertThat(notesAfter.split("\r\n", -1).length)
                .isEqualTo(notesText.split("\r\n", -1).length);
        Files.writeString(refund, refundAfter);
        assertThat(checkRules(notes, notesAfter.substring(1)))
                .noneMatch(r -> r.startsWith("link-anchor"));
        assertThat(checkRules(notes, notesText.substring(1)))
                .noneMatch(r -> r.startsWith("link-anchor"));
    }

    @Test
    void renamingAHeadingRewritesTheDefinitionsOfReferenceLinksToIt() throws Exception {
        Path refs = tmp.resolve("directives/spec/2026-12-01_spec_refund-references.md");
        String refsText =
                String.join(
                        "\r\n",
                        "# Technical Specification: Refund References",
                        "",
                        "## Executive Summary",
                        "The key table is under [Database Changes][db] and [again][db]; the"
                                + " tests under [the tests][tests]; [encoded]("
                                + "2026-11-09_spec_refund-idempotency-keys.md#database%2Dchanges).",
                        "",
                        "```markdown",
                        "[db]: 2026-11-09_spec_refund-idempotency-keys.md#database-changes",
                        "```",
                        "",
                        "[db]: 2026-11-09_spec_refund-idempotency-keys.md#database-changes",
                        "[tests]: <2026-11-09_spec_refund-idempotency-keys.md#test-types-required>"
                                + " \"The tests\"",
                        "",
                        "## Notes",
                        "> The support team reads [the quoted table][quoted] first.",
                        ">",
                        "> [quoted]: 2026-11-09_spec_refund-idempotency-keys.md#Database-Changes",
                        "",
                        "- The runbook links [the listed table][listed].",
                        "- [listed]:",
                        "  <2026-11-09_spec_refund-idempotency-keys.md#database-changes> 'Listed'",
                        "",
                        "~~~",
                        "[quoted]: 2026-11-09_spec_refund-idempotency-keys.md#Database-Changes",
                        "~~~",
                        "");
        Files.writeString(refs, refsText);
        String refsUri = refs.toUri().toString();
        session.open(refsUri, refsText);
        session.at(refsUri, 1);

        WorkspaceEdit edit =
                session.server
                        .getTextDocumentService()
                        .rename(
                                new RenameParams(
                                        new TextDocumentIdentifier(uri),
                                        new Position(lineOf("### Database Changes"), 8),
                                        "Key Table"))
                        .get(30, TimeUnit.SECONDS);

        String after = apply(refsText, edit.getChanges().get(refsUri));
        // the definitions in the block quote and the list item are rewritten, the fenced one not
        assertThat(edit.getChanges().get(refsUri)).hasSize(4);
        assertThat(after)
                .isEqualTo(
                        refsText.replace("md#database%2Dchanges)", "md#key-table)")
                                .replace(
                                        "\r\n\r\n[db]: 2026-11-09_spec_refund-idempotency-keys.md#database-changes",
                                        "\r\n\r\n[db]: 2026-11-09_spec_refund-idempotency-keys.md#key-table")
                                .replace(
                                        "> [quoted]: 2026-11-09_spec_refund-idempotency-keys.md#Database-Changes",
                                        "> [quoted]: 2026-11-09_spec_refund-idempotency-keys.md#key-table")
                                .replace(
                                        "<2026-11-09_spec_refund-idempotency-keys.md#database-changes> 'Listed'",
                                        "<2026-11-09_spec_refund-idempotency-keys.md#key-table> 'Listed'"));
        assertThat(after)
                .contains(
                        "~~~\r\n[quoted]: 2026-11-09_spec_refund-idempotency-keys.md#Database-Changes\r\n~~~");
    }

    @Test
    void workspaceDiagnosticsAreNotResentWhenUnchanged() throws Exception {
        session.close();
        ClientCapabilities caps = SpecgateLanguageServerTest.pushClient();
        caps.getTextDocument().setDiagnostic(new DiagnosticCapabilities());
        session =
                LspSession.start(
                        TODAY, caps, List.of(new WorkspaceFolder(tmp.toUri().toString(), "demo")));

        WorkspaceDiagnosticReport first =
                session.server
                        .getWorkspaceService()
                        .diagnostic(new WorkspaceDiagnosticParams(List.of()))
                        .get(60, TimeUnit.SECONDS);
        List<PreviousResultId> ids =
                first.getItems().stream()
                        .map(i -> i.getWorkspaceFullDocumentDiagnosticReport())
                        .map(f -> new PreviousResultId(f.getUri(), f.getResultId()))
                        .toList();
        Files.writeString(refund, text.replace("**Type:** Feature", "**Type:** Integration"));
        WorkspaceDiagnosticReport second =
                session.server
                        .getWorkspaceService()
                        .diagnostic(new WorkspaceDiagnosticParams(ids))
                        .get(60, TimeUnit.SECONDS);

        assertThat(first.getItems()).hasSize(6);
        assertThat(ids).allMatch(i -> i.getValue() != null);
        assertThat(second.getItems())
                .filteredOn(i -> i.isWorkspaceFullDocumentDiagnosticReport())
                .extracting(i -> i.getWorkspaceFullDocumentDiagnosticReport().getUri())
                .containsExactly(uri);
        assertThat(second.getItems())
                .filteredOn(i -> i.isWorkspaceUnchangedDocumentDiagnosticReport())
                .hasSize(5);
    }

    // --- helpers ------------------------------------------------------------------------

    private JsonObject run(String command, List<Object> args) throws Exception {
        Object result =
                session.server
                        .getWorkspaceService()
                        .executeCommand(new ExecuteCommandParams(command, args))
                        .get(30, TimeUnit.SECONDS);
        Gson gson = new Gson();
        return gson.fromJson(gson.toJson(result), JsonObject.class);
    }

    private static CodeLens lensAt(List<? extends CodeLens> lenses, int line) {
        return lenses.stream()
                .filter(l -> l.getRange().getStart().getLine() == line)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no lens on line " + line + ": " + lenses));
    }

    private List<String> labels(String doc, int line, int character) throws Exception {
        return session
                .server
                .getTextDocumentService()
                .completion(
                        new CompletionParams(
                                new TextDocumentIdentifier(doc), new Position(line, character)))
                .get(30, TimeUnit.SECONDS)
                .getLeft()
                .stream()
                .map(CompletionItem::getLabel)
                .toList();
    }

    private String hover(String doc, int line, int character) throws Exception {
        Hover h =
                session.server
                        .getTextDocumentService()
                        .hover(
                                new HoverParams(
                                        new TextDocumentIdentifier(doc),
                                        new Position(line, character)))
                        .get(30, TimeUnit.SECONDS);
        assertThat(h).as("a hover at %d:%d", line, character).isNotNull();
        return h.getContents().getRight().getValue();
    }

    private CodeAction action(int line, String titleStart) throws Exception {
        return actions(line).stream()
                .filter(a -> a.getTitle().startsWith(titleStart))
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError("no action '" + titleStart + "' on line " + line));
    }

    private List<CodeAction> actions(int line) throws Exception {
        return actions(uri, line);
    }

    private List<CodeAction> actions(String doc, int line) throws Exception {
        return session
                .server
                .getTextDocumentService()
                .codeAction(
                        new CodeActionParams(
                                new TextDocumentIdentifier(doc),
                                new Range(new Position(line, 0), new Position(line, 0)),
                                new CodeActionContext(List.of())))
                .get(30, TimeUnit.SECONDS)
                .stream()
                .map(e -> e.getRight())
                .toList();
    }

    private void change(int version, String newText) {
        notesChange(uri, version, newText);
    }

    private void notesChange(String doc, int version, String newText) {
        session.server
                .getTextDocumentService()
                .didChange(
                        new DidChangeTextDocumentParams(
                                new VersionedTextDocumentIdentifier(doc, version),
                                List.of(new TextDocumentContentChangeEvent(newText))));
    }

    private int lineOf(String content) {
        return lineIn(text, content);
    }

    private static int lineIn(String text, String start) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(start) || lines.get(i).startsWith("\uFEFF" + start)) {
                return i;
            }
        }
        throw new AssertionError("no line " + start);
    }

    private static String notesLine(String text, int line) {
        return text.lines().toList().get(line);
    }

    private static String apply(String text, List<TextEdit> edits) {
        return SpecgateLanguageServerTest.apply(text, edits);
    }
}
