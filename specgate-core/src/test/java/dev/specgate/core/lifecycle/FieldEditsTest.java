package dev.specgate.core.lifecycle;

import static dev.specgate.core.TestSpecs.CLEAN_NAME;
import static dev.specgate.core.TestSpecs.OPTIONS;
import static dev.specgate.core.TestSpecs.TODAY;
import static dev.specgate.core.TestSpecs.clean;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.approval.Approvals;
import dev.specgate.core.check.SpecChecker;
import dev.specgate.core.config.SpecgateConfig;
import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.project.ConfigChoice;
import dev.specgate.core.project.SpecProject;
import dev.specgate.core.rules.RuleIds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One metadata field set, byte for byte, in the built-in template's status block (CRLF with a byte
 * order mark, a field the spec lacks, an approved spec), a MADR front matter and an evolution
 * proposal's leading list; and every refusal in one line.
 */
class FieldEditsTest {

    private static final Path FILE = Path.of("directives/spec", CLEAN_NAME);
    private static final FieldEdits.Words WORDS =
            new FieldEdits.Words("specgate status SPEC TARGET", "specgate approve SPEC");
    private static final FieldEdits FIELDS = Lifecycle.standard().fields();

    @TempDir Path dir;

    @Test
    void aValueIsSetInACrLfSpecWithAByteOrderMarkChangingOnlyItsBytes() throws Exception {
        String crlf = "\uFEFF" + clean().replace("\n", "\r\n");
        SpecSource source = SpecSource.of(crlf.getBytes(UTF_8));

        FieldEdits.Change change = set(source, "reviewer", "Zoë Ångström-Nakamura");

        assertThat(change.label()).isEqualTo("Reviewer");
        assertThat(change.before()).contains("Priya Raman");
        assertThat(change.added()).isFalse();
        assertThat(new String(change.edit().bytes(), UTF_8))
                .isEqualTo(
                        crlf.replace(
                                "**Reviewer:** Priya Raman",
                                "**Reviewer:** Zoë Ångström-Nakamura"));
    }

    @Test
    void aFieldTheSpecLacksIsAddedWhereTheTemplatePutsItWithTheLinesBreak() throws Exception {
        String crlf =
                clean().replace("**Next Review:** 2027-01-15\n", "")
                        .replace("**Reviewer:** Priya Raman\n", "")
                        .replace("\n", "\r\n");
        SpecSource source = SpecSource.of(crlf.getBytes(UTF_8));

        FieldEdits.Change review = set(source, "Next Review", "2027-02-01");
        FieldEdits.Change reviewer = set(source, "Reviewer", "Priya Raman");

        assertThat(review.added()).isTrue();
        assertThat(review.before()).isEmpty();
        assertThat(review.edit().text())
                .contains(
                        "**Last Updated:** 2026-10-20\r\n**Next Review:** 2027-02-01\r\n"
                                + "**Assigned to:** Payments Platform team\r\n");
        assertThat(reviewer.edit().text())
                .endsWith(
                        "**Assigned to:** Payments Platform team\r\n**Reviewer:** Priya Raman\r\n");
        assertThat(reviewer.edit().text().replace("**Reviewer:** Priya Raman\r\n", ""))
                .isEqualTo(crlf);
    }

    @Test
    void theTemplatesSpellingOfATypeIsWritten() {
        FieldEdits.Change change = set(SpecSource.of(clean()), "type", "bug fix");

        assertThat(change.value()).isEqualTo("Bug Fix");
        assertThat(change.edit().text()).contains("**Type:** Bug Fix\n");
    }

    @Test
    void theSameValueAgainChangesNothing() {
        FieldEdits.Change change = set(SpecSource.of(clean()), "Reviewer", "Priya Raman");

        assertThat(change.changed()).isFalse();
        assertThat(change.edit().isIdentity()).isTrue();
    }

    @Test
    void everyRefusalIsOneLineNamingWhatToDo() {
        SpecSource source = SpecSource.of(clean());

        assertThat(refused(source, "Document Status", "Review"))
                .isEqualTo(
                        "'Document Status' is the spec's status: move it with specgate status"
                                + " SPEC TARGET, which runs its gate; the file is unchanged");
        assertThat(refused(source, "approval", "2026-11-25 by Priya Raman"))
                .isEqualTo(
                        "'Approval' holds the approval record, which specgate approve SPEC writes,"
                                + " bound to the content approved; the file is unchanged");
        assertThat(refused(source, "Reviwer", "Priya Raman"))
                .isEqualTo(
                        "'Reviwer' is not a field of the template (the file is unchanged): its"
                                + " fields are File, Created, Type, Document Status, Last Updated,"
                                + " Next Review, Assigned to, Reviewer, Approval; did you mean"
                                + " 'Reviewer'?");
        assertThat(refused(source, "Next Review", "next week"))
                .isEqualTo(
                        "'next week' is not a date for 'Next Review': write it as YYYY-MM-DD;"
                                + " the file is unchanged");
        assertThat(refused(source, "Next Review", "2027-02-30")).contains("is not a date");
        assertThat(refused(source, "Type", "Feature"))
                .startsWith("'Feature' is not a Type of the template: use one of Bug Fix,")
                .endsWith("; the file is unchanged");
        assertThat(refused(source, "Reviewer", "Priya\nRaman"))
                .contains("must be one line, found a line break");
        assertThat(refused(source, "Reviewer", "**Note:** Priya"))
                .contains("holds '**', which check would read as a field's bold label");
        assertThat(refused(source, "Reviewer", "[Technical reviewer]"))
                .contains("would be read as a placeholder left in");
        assertThat(refused(source, "Reviewer", "  ")).contains("give 'Reviewer' a value");
    }

    @Test
    void aFieldOfTheApprovedContentMakesTheApprovalStaleAsCheckSays() {
        SpecSource clean = SpecSource.of(clean());
        SpecChecker checker = SpecChecker.standard();
        String approved =
                Approvals.standard()
                        .approve(
                                clean.edit(),
                                checker.parse(FILE, clean.text()),
                                "Priya Raman",
                                TODAY)
                        .text();
        SpecSource source = SpecSource.of(approved);
        assertThat(staleFindings(checker, approved)).isZero();

        FieldEdits.Change reviewer = set(source, "Reviewer", "Jonas Weber");
        FieldEdits.Change review = set(source, "Next Review", "2027-03-01");

        assertThat(reviewer.approvalNote())
                .contains(
                        "The approval of 2026-11-25 by Priya Raman no longer holds: 'Reviewer' is"
                                + " part of the approved content (check reports approval-stale; a"
                                + " person re-approves with specgate approve --refresh SPEC).");
        assertThat(reviewer.approved()).isTrue();
        assertThat(staleFindings(checker, reviewer.edit().text())).isEqualTo(1);
        // Next Review is left out of the fingerprint: the approval holds
        assertThat(review.approved()).isFalse();
        assertThat(review.approvalNote()).isEmpty();
        assertThat(staleFindings(checker, review.edit().text())).isZero();
    }

    @Test
    void aReviewSpecCarryingAnApprovalIsNotSaidToBeReportedByCheck() {
        // an approved spec whose status line was reverted to Review (git revert of the move):
        // the record stays, check asks nothing of it before Approved
        SpecSource clean = SpecSource.of(clean());
        SpecChecker checker = SpecChecker.standard();
        String review =
                Approvals.standard()
                        .approve(
                                clean.edit(),
                                checker.parse(FILE, clean.text()),
                                "Priya Raman",
                                TODAY)
                        .text()
                        .replace("**Document Status:** Approved", "**Document Status:** Review");

        FieldEdits.Change reviewer = set(SpecSource.of(review), "Reviewer", "Jonas Weber");

        assertThat(staleFindings(checker, reviewer.edit().text())).isZero();
        assertThat(reviewer.approvalNote())
                .contains(
                        "The approval of 2026-11-25 by Priya Raman no longer holds: 'Reviewer' is"
                                + " part of the approved content (the spec is Review, so check does"
                                + " not report it; its move to Approved records a new approval).");
    }

    @Test
    void aFrontMatterKeyIsSetInACrLfAndAByteOrderMarkedMadr() throws Exception {
        SpecProject project = family("madr-full");
        Path crlf = dir.resolve("madr-full/docs/decisions/0003-sign-webhooks-with-hmac.md");
        Path bom = dir.resolve("madr-full/docs/decisions/0004-sign-webhooks-with-ed25519.md");
        FieldEdits fields = project.lifecycle().fields();

        SpecSource first = SpecSource.read(crlf);
        FieldEdits.Change makers =
                set(fields, project, crlf, first, "Decision-Makers", "Arjun Rao, Łucja Nowak");
        FieldEdits.Change quoted =
                set(fields, project, crlf, first, "consulted", "Security team: #webhooks");
        SpecSource second = SpecSource.read(bom);
        FieldEdits.Change date = set(fields, project, bom, second, "date", "2026-12-01");

        String text = new String(Files.readAllBytes(crlf), UTF_8);
        assertThat(new String(makers.edit().bytes(), UTF_8))
                .isEqualTo(
                        text.replace(
                                "decision-makers: Arjun Rao\r\n",
                                "decision-makers: Arjun Rao, Łucja Nowak\r\n"));
        assertThat(quoted.edit().text())
                .contains("\r\nconsulted: \"Security team: #webhooks\"\r\n");
        byte[] withBom = Files.readAllBytes(bom);
        assertThat(date.edit().bytes()[0]).isEqualTo((byte) 0xEF);
        assertThat(new String(date.edit().bytes(), UTF_8))
                .isEqualTo(
                        new String(withBom, UTF_8)
                                .replaceFirst("\ndate: [0-9-]+", "\ndate: 2026-12-01"));
        assertThat(refused(fields, project, crlf, first, "status", "accepted"))
                .startsWith("'status' is the spec's status: move it with specgate status");
    }

    @Test
    void aFrontMatterKeyTheSpecLacksIsAddedAfterTheOneBeforeIt() throws Exception {
        SpecProject project = family("madr-full");
        Path file = dir.resolve("madr-full/docs/decisions/0003-sign-webhooks-with-hmac.md");
        String text = Files.readString(file).replace("consulted: Security team\r\n", "");
        Files.writeString(file, text);

        FieldEdits.Change change =
                set(
                        project.lifecycle().fields(),
                        project,
                        file,
                        SpecSource.read(file),
                        "consulted",
                        "Zoë");

        assertThat(change.added()).isTrue();
        assertThat(change.edit().text())
                .isEqualTo(
                        text.replace(
                                "decision-makers: Arjun Rao\r\n",
                                "decision-makers: Arjun Rao\r\nconsulted: \"Zoë\"\r\n"));
    }

    @Test
    void aFlowListIsSetAsAFlowListItemsQuotedWhereYamlNeedsIt() throws Exception {
        SpecProject project = family("team-yaml");
        FieldEdits fields = project.lifecycle().fields();
        // a byte order mark, accents, a quoted item
        Path file = dir.resolve("team-yaml/docs/specs/2026-03-15-recherche-accentuee.md");
        SpecSource source = SpecSource.read(file);

        FieldEdits.Change change =
                setList(
                        fields,
                        project,
                        file,
                        source,
                        "Reviewers",
                        List.of("Zoë Lefèvre", " Łukasz Żółć ", "O'Neil, Sam", "null"));

        assertThat(change.list()).isTrue();
        assertThat(change.values())
                .containsExactly("Zoë Lefèvre", "Łukasz Żółć", "O'Neil, Sam", "null");
        assertThat(change.before()).contains("Zoë Lefèvre, Łukasz Żółć");
        assertThat(change.edit().text())
                .isEqualTo(
                        source.text()
                                .replace(
                                        "reviewers: [Zoë Lefèvre, \"Łukasz Żółć\"]\r\n",
                                        "reviewers: [Zoë Lefèvre, Łukasz Żółć, \"O'Neil, Sam\","
                                                + " \"null\"]\r\n"));
        assertThat(new String(change.edit().bytes(), UTF_8)).startsWith("\uFEFF---\r\n");
        // read back as check reads it
        FieldEdits.Reading reading =
                (FieldEdits.Reading)
                        fields.read(project.parse(file, change.edit().text()), "reviewers");
        assertThat(reading.list()).isTrue();
        assertThat(reading.values())
                .containsExactly("Zoë Lefèvre", "Łukasz Żółć", "O'Neil, Sam", "null");
    }

    @Test
    void aChoiceListTakesTheTemplatesSpellingAndRefusesAnItemItDoesNotAllow() throws Exception {
        SpecProject project = family("team-yaml");
        FieldEdits fields = project.lifecycle().fields();
        Path file = dir.resolve("team-yaml/docs/specs/2026-03-02-payment-retries.md");
        SpecSource source = SpecSource.read(file);

        FieldEdits.Change change =
                setList(fields, project, file, source, "labels", List.of("API", "mobile"));
        FieldEdits.Change one = setList(fields, project, file, source, "labels", List.of("web"));
        FieldEdits.Change same =
                setList(fields, project, file, source, "labels", List.of("api", "web"));
        FieldEdits.Outcome mobil =
                fields.set(
                        file,
                        source,
                        project.parse(file, source.text()),
                        "labels",
                        List.of("api", "mobil"),
                        WORDS);

        assertThat(change.edit().text())
                .isEqualTo(
                        source.text().replace("labels: [api, web]\n", "labels: [api, mobile]\n"));
        assertThat(change.value()).isEqualTo("api, mobile");
        // one value keeps it a list
        assertThat(one.edit().text())
                .isEqualTo(source.text().replace("labels: [api, web]\n", "labels: [web]\n"));
        assertThat(same.changed()).isFalse();
        assertThat(mobil)
                .isEqualTo(
                        new FieldEdits.Refused(
                                "'mobil' is not a value of 'labels': use one of api, web, mobile;"
                                        + " did you mean 'mobile'?; the file is unchanged"));
    }

    @Test
    void aBlockListIsSetOneItemALineWithItsIndentAndAnEmptyFlowListFilled() throws Exception {
        SpecProject project = family("team-yaml");
        FieldEdits fields = project.lifecycle().fields();
        Path block = dir.resolve("team-yaml/docs/specs/2026-06-01-invoice-pdf.md");
        Path flat = dir.resolve("team-yaml/docs/specs/2026-06-15-feature-flags-service.md");
        Path empty = dir.resolve("team-yaml/docs/specs/2026-04-20-rate-limits.md");
        String crlf = Files.readString(block).replace("\n", "\r\n");
        Files.writeString(block, crlf);

        FieldEdits.Change labels =
                setList(fields, project, block, SpecSource.read(block), "labels", List.of("api"));
        FieldEdits.Change reviewers =
                setList(
                        fields,
                        project,
                        block,
                        SpecSource.read(block),
                        "reviewers",
                        List.of("María José García", "山田 太郎", "#1 fan: Ana"));
        FieldEdits.Change unindented =
                setList(
                        fields,
                        project,
                        flat,
                        SpecSource.read(flat),
                        "reviewers",
                        List.of("Ana Ruiz", "Kai Müller"));
        FieldEdits.Change filled =
                setList(
                        fields,
                        project,
                        empty,
                        SpecSource.read(empty),
                        "reviewers",
                        List.of("Ana Ruiz"));

        assertThat(labels.edit().text())
                .isEqualTo(
                        crlf.replace(
                                "labels:\r\n  - web\r\n  - mobile\r\n", "labels:\r\n  - api\r\n"));
        assertThat(reviewers.edit().text())
                .isEqualTo(crlf.replace("  - 山田 太郎\r\n", "  - 山田 太郎\r\n  - \"#1 fan: Ana\"\r\n"));
        assertThat(unindented.edit().text())
                .isEqualTo(
                        Files.readString(flat)
                                .replace("- Ana Ruiz\n", "- Ana Ruiz\n- Kai Müller\n"));
        assertThat(filled.edit().text())
                .isEqualTo(
                        Files.readString(empty)
                                .replace("reviewers: []\n", "reviewers: [Ana Ruiz]\n"));
    }

    @Test
    void severalValuesForAFieldOfOneValueAreRefused() throws Exception {
        SpecProject project = family("team-yaml");
        FieldEdits fields = project.lifecycle().fields();
        Path file = dir.resolve("team-yaml/docs/specs/2026-03-02-payment-retries.md");
        SpecSource source = SpecSource.read(file);

        assertThat(
                        fields.set(
                                file,
                                source,
                                project.parse(file, source.text()),
                                "owner",
                                List.of("Priya", "Raman"),
                                WORDS))
                .isEqualTo(
                        new FieldEdits.Refused(
                                "'owner' holds one value, not a list: give one value (quote a"
                                        + " value with spaces); the file is unchanged"));
    }

    @Test
    void changingApprovedContentIsAPersonsDecisionAndANextReviewIsNot() {
        SpecSource source = SpecSource.of(clean());
        SpecChecker checker = SpecChecker.standard();
        var document = checker.parse(FILE, source.text());
        FieldEdits.Change reviewer = set(source, "Reviewer", "Jonas Weber");
        FieldEdits.Change review = set(source, "Next Review", "2027-03-01");
        FieldEdits.Change draft =
                set(
                        SpecSource.of(
                                clean().replace(
                                                "**Document Status:** Approved",
                                                "**Document Status:** Draft")),
                        "Reviewer",
                        "Jonas Weber");

        assertThat(FIELDS.personsDecision(reviewer, document, "spec.md", "a person edits it"))
                .contains(
                        "cannot set 'Reviewer' of spec.md: it is Approved, and 'Reviewer' is part"
                                + " of the approved content, whose change is a person's decision (a"
                                + " person edits it)");
        assertThat(FIELDS.personsDecision(review, document, "spec.md", "a person edits it"))
                .isEmpty();
        assertThat(
                        FIELDS.personsDecision(
                                draft,
                                checker.parse(
                                        FILE,
                                        clean().replace(
                                                        "**Document Status:** Approved",
                                                        "**Document Status:** Draft")),
                                "spec.md",
                                "a person edits it"))
                .isEmpty();
    }

    @Test
    void aFieldsChoicesAreReadBackOnceForAllOfThemAsEachWouldBeAlone() {
        Lifecycle lifecycle = Lifecycle.standard();
        SpecChecker checker = SpecChecker.standard();
        SpecSource clean = SpecSource.of(clean());
        // approved, so that each change says its approval goes stale
        SpecSource source =
                SpecSource.of(
                        Approvals.standard()
                                .approve(
                                        clean.edit(),
                                        checker.parse(FILE, clean.text()),
                                        "Priya Raman",
                                        TODAY)
                                .text());
        var document = checker.parse(FILE, source.text());
        int[] parses = {0};
        FieldEdits counted =
                new FieldEdits(
                        checker,
                        lifecycle.statusField(),
                        lifecycle::status,
                        (file, text) -> {
                            parses[0]++;
                            return checker.parse(file, text);
                        });
        List<String> types =
                List.of(
                        "Bug Fix",
                        "Performance Optimization",
                        "Security Enhancement",
                        "Integration");

        List<FieldEdits.Outcome> each =
                counted.setEach(FILE, source, document, "Type", types, WORDS);

        assertThat(parses[0]).isEqualTo(1);
        assertThat(each).hasSize(4);
        for (int i = 0; i < types.size(); i++) {
            assertSameChange(
                    each.get(i), FIELDS.set(FILE, source, document, "Type", types.get(i), WORDS));
        }
        assertThat(((FieldEdits.Change) each.get(3)).approvalNote())
                .hasValueSatisfying(
                        n -> assertThat(n).startsWith("The approval of 2026-11-25 by Priya Raman"));
    }

    @Test
    void aValueOfOtherCharactersIsReadBackItselfAndARefusedOneRefusedAsAlone() throws Exception {
        Lifecycle lifecycle = Lifecycle.standard();
        SpecChecker checker = SpecChecker.standard();
        // CRLF, a byte order mark and no Reviewer: each value's line is added
        SpecSource source =
                SpecSource.of(
                        ("\uFEFF" + clean().replace("**Reviewer:** Priya Raman\n", ""))
                                .replace("\n", "\r\n")
                                .getBytes(UTF_8));
        var document = checker.parse(FILE, source.text());
        int[] parses = {0};
        FieldEdits counted =
                new FieldEdits(
                        checker,
                        lifecycle.statusField(),
                        lifecycle::status,
                        (file, text) -> {
                            parses[0]++;
                            return checker.parse(file, text);
                        });
        List<String> reviewers =
                List.of(
                        "Zoë Ångström",
                        "O'Neil, Sam",
                        "[Technical reviewer]",
                        "Jonas Weber",
                        "_Ana_ Ruiz",
                        "山田 太郎");

        List<FieldEdits.Outcome> each =
                counted.setEach(FILE, source, document, "Reviewer", reviewers, WORDS);

        // Zoë Ångström read back for the words; O'Neil, Sam and _Ana_ Ruiz each on their own; the
        // placeholder refused before any edit
        assertThat(parses[0]).isEqualTo(3);
        for (int i = 0; i < reviewers.size(); i++) {
            assertSameChange(
                    each.get(i),
                    FIELDS.set(FILE, source, document, "Reviewer", reviewers.get(i), WORDS));
        }
        assertThat(each.get(2)).isInstanceOf(FieldEdits.Refused.class);
        assertThat(((FieldEdits.Change) each.get(5)).edit().text())
                .endsWith("**Assigned to:** Payments Platform team\r\n**Reviewer:** 山田 太郎\r\n");
    }

    @Test
    void aChangeIsSaidAsEverySurfaceSaysItAListInBrackets() throws Exception {
        SpecProject project = family("team-yaml");
        FieldEdits fields = project.lifecycle().fields();
        Path file = dir.resolve("team-yaml/docs/specs/2026-06-01-invoice-pdf.md");
        SpecSource source = SpecSource.read(file);

        FieldEdits.Change labels =
                setList(fields, project, file, source, "labels", List.of("api", "web"));
        FieldEdits.Change same =
                setList(fields, project, file, source, "labels", List.of("web", "mobile"));
        FieldEdits.Change owner = set(fields, project, file, source, "owner", "Zoë Ruiz");
        FieldEdits.Change added =
                set(
                        SpecSource.of(clean().replace("**Reviewer:** Priya Raman\n", "")),
                        "Reviewer",
                        "Jonas Weber");

        assertThat(labels.value()).isEqualTo("api, web");
        assertThat(labels.before()).contains("web, mobile");
        assertThat(labels.said(java.util.Optional.of("docs/specs/2026-06-01-invoice-pdf.md")))
                .isEqualTo(
                        "Set labels of docs/specs/2026-06-01-invoice-pdf.md to [api, web] (was [web,"
                                + " mobile]).");
        assertThat(labels.said(java.util.Optional.empty()))
                .isEqualTo("Set labels to [api, web] (was [web, mobile]).");
        assertThat(same.saidUnchanged())
                .isEqualTo("labels is already [web, mobile]; nothing changed");
        assertThat(owner.said(java.util.Optional.empty()))
                .isEqualTo("Set owner to Zoë Ruiz (was Li Wei (李伟)).");
        assertThat(added.said(java.util.Optional.empty()))
                .isEqualTo("Set Reviewer to Jonas Weber (added).");
        FieldEdits.Reading read =
                (FieldEdits.Reading) fields.read(project.parse(file, source.text()), "labels");
        assertThat(read.value()).contains("web, mobile");
        assertThat(
                        ((FieldEdits.Reading)
                                        FIELDS.read(
                                                SpecChecker.standard()
                                                        .parse(
                                                                FILE,
                                                                clean().replace(
                                                                                "**Reviewer:** Priya Raman\n",
                                                                                "")),
                                                "Reviewer"))
                                .value())
                .isEmpty();
    }

    /** The same outcome: the same refusal, or a change of the same bytes said alike. */
    private static void assertSameChange(FieldEdits.Outcome got, FieldEdits.Outcome alone) {
        if (alone instanceof FieldEdits.Refused) {
            assertThat(got).isEqualTo(alone);
            return;
        }
        FieldEdits.Change a = (FieldEdits.Change) alone;
        FieldEdits.Change g = (FieldEdits.Change) got;
        assertThat(g.edit().bytes()).isEqualTo(a.edit().bytes());
        assertThat(g.said(java.util.Optional.empty()))
                .isEqualTo(a.said(java.util.Optional.empty()));
        assertThat(g.values()).isEqualTo(a.values());
        assertThat(g.valuesBefore()).isEqualTo(a.valuesBefore());
        assertThat(g.added()).isEqualTo(a.added());
        assertThat(g.approved()).isEqualTo(a.approved());
        assertThat(g.approvalNote()).isEqualTo(a.approvalNote());
        assertThat(g.list()).isEqualTo(a.list());
    }

    @Test
    void aFrontMatterKeyTheSpecLacksGoesAfterTheLastItemOfTheListBeforeIt() throws Exception {
        SpecProject project = family("team-yaml");
        FieldEdits fields = project.lifecycle().fields();
        Path lacking = dir.resolve("team-yaml/docs/specs/2026-04-01-audit-log-export.md");
        String text = Files.readString(lacking);
        FieldEdits.Change added =
                set(fields, project, lacking, SpecSource.read(lacking), "labels", "api");
        // after the reviewers' last item, where the template has it, not above the list
        assertThat(added.edit().text())
                .isEqualTo(
                        text.replace(
                                "reviewers:\n  - Alan Kay\n",
                                "reviewers:\n  - Alan Kay\nlabels: [api]\n"));
    }

    @Test
    void aFrontMatterValueYamlWouldReadAsNoStringIsQuotedAndADateIsNot() throws Exception {
        SpecProject project = family("team-yaml");
        FieldEdits fields = project.lifecycle().fields();
        Path file = dir.resolve("team-yaml/docs/specs/2026-03-02-payment-retries.md");
        SpecSource source = SpecSource.read(file);
        String text = source.text();

        for (String value : new String[] {"null", "Yes", "off", "404", "1.5", "Zoë Ruiz", "y"}) {
            FieldEdits.Change change = set(fields, project, file, source, "owner", value);
            String expected =
                    value.equals("Zoë Ruiz") ? "owner: Zoë Ruiz\n" : "owner: \"" + value + "\"\n";
            assertThat(change.edit().text())
                    .isEqualTo(text.replace("owner: Priya Raman\n", expected));
        }
        assertThat(set(fields, project, file, source, "updated", "2026-05-02").edit().text())
                .isEqualTo(text.replace("updated: 2026-04-18\n", "updated: 2026-05-02\n"));
    }

    @Test
    void aLeadingListItemIsSetInACrLfProposal() throws Exception {
        SpecProject project = family("evolution");
        Path file = dir.resolve("evolution/proposals/0420-default-inout-arguments.md");
        SpecSource source = SpecSource.read(file);
        FieldEdits fields = project.lifecycle().fields();

        FieldEdits.Change change =
                set(fields, project, file, source, "review manager", "Sigrún Jónsdóttir");

        String text = Files.readString(file);
        String old =
                text.lines()
                        .filter(l -> l.startsWith("* Review Manager:"))
                        .findFirst()
                        .orElseThrow();
        assertThat(change.edit().text())
                .isEqualTo(text.replace(old + "\r\n", "* Review Manager: Sigrún Jónsdóttir\r\n"));
        assertThat(refused(fields, project, file, source, "Status", "Accepted"))
                .startsWith("'Status' is the spec's status");
    }

    @Test
    void aLeadingListItemTheSpecLacksIsAddedAfterTheOneBeforeItWithItsBullet() throws Exception {
        SpecProject project = family("evolution");
        Path file = dir.resolve("evolution/proposals/0420-default-inout-arguments.md");
        String text = Files.readString(file);
        String manager =
                text.lines()
                        .filter(l -> l.startsWith("* Review Manager:"))
                        .findFirst()
                        .orElseThrow();
        String authors =
                text.lines().filter(l -> l.startsWith("* Authors:")).findFirst().orElseThrow();
        String without = text.replace(manager + "\r\n", "");
        Files.writeString(file, without);

        FieldEdits.Change change =
                set(
                        project.lifecycle().fields(),
                        project,
                        file,
                        SpecSource.read(file),
                        "Review Manager",
                        "Sigrún Jónsdóttir");

        assertThat(change.added()).isTrue();
        assertThat(change.edit().text())
                .isEqualTo(
                        without.replace(
                                authors + "\r\n",
                                authors + "\r\n* Review Manager: Sigrún Jónsdóttir\r\n"));
    }

    @Test
    void aFieldKeptInTheMetadataFileBesideTheSpecIsRefusedByTheSpecNotTheValue() throws Exception {
        SpecProject project = family("kep");
        Path file = dir.resolve("kep/keps/sig-apps/2875-indexed-job-names/README.md");
        byte[] before = Files.readAllBytes(file);
        SpecSource source = SpecSource.read(file);

        FieldEdits.Outcome outcome =
                project.lifecycle()
                        .fields()
                        .set(
                                file,
                                source,
                                project.parse(file, source.text()),
                                "creation-date",
                                "2026-12-01",
                                WORDS);

        assertThat(outcome).isInstanceOf(FieldEdits.Refused.class);
        FieldEdits.Refused refused = (FieldEdits.Refused) outcome;
        assertThat(refused.bySpec()).isTrue();
        assertThat(refused.reason())
                .isEqualTo(
                        "the spec's 'creation-date' is kept in the metadata file beside it, which"
                                + " Specgate does not write: change it there; the file is"
                                + " unchanged");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    private static long staleFindings(SpecChecker checker, String text) {
        return checker.check(FILE, text, OPTIONS).diagnostics().stream()
                .filter(d -> d.ruleId().equals(RuleIds.APPROVAL_STALE))
                .count();
    }

    private static FieldEdits.Change set(SpecSource source, String name, String value) {
        FieldEdits.Outcome outcome =
                FIELDS.set(
                        FILE,
                        source,
                        SpecChecker.standard().parse(FILE, source.text()),
                        name,
                        value,
                        WORDS);
        assertThat(outcome).isInstanceOf(FieldEdits.Change.class);
        return (FieldEdits.Change) outcome;
    }

    private static String refused(SpecSource source, String name, String value) {
        FieldEdits.Outcome outcome =
                FIELDS.set(
                        FILE,
                        source,
                        SpecChecker.standard().parse(FILE, source.text()),
                        name,
                        value,
                        WORDS);
        assertThat(outcome).isInstanceOf(FieldEdits.Refused.class);
        String reason = ((FieldEdits.Refused) outcome).reason();
        assertThat(reason).doesNotContain("\n");
        return reason;
    }

    private static FieldEdits.Change set(
            FieldEdits fields,
            SpecProject project,
            Path file,
            SpecSource source,
            String name,
            String value) {
        FieldEdits.Outcome outcome =
                fields.set(file, source, project.parse(file, source.text()), name, value, WORDS);
        assertThat(outcome).isInstanceOf(FieldEdits.Change.class);
        return (FieldEdits.Change) outcome;
    }

    private static FieldEdits.Change setList(
            FieldEdits fields,
            SpecProject project,
            Path file,
            SpecSource source,
            String name,
            List<String> values) {
        FieldEdits.Outcome outcome =
                fields.set(file, source, project.parse(file, source.text()), name, values, WORDS);
        assertThat(outcome).isInstanceOf(FieldEdits.Change.class);
        return (FieldEdits.Change) outcome;
    }

    private static String refused(
            FieldEdits fields,
            SpecProject project,
            Path file,
            SpecSource source,
            String name,
            String value) {
        FieldEdits.Outcome outcome =
                fields.set(file, source, project.parse(file, source.text()), name, value, WORDS);
        assertThat(outcome).isInstanceOf(FieldEdits.Refused.class);
        return ((FieldEdits.Refused) outcome).reason();
    }

    private SpecProject family(String name) throws Exception {
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
        return SpecProject.open(to, ConfigChoice.file(to.resolve(SpecgateConfig.FILE_NAME)));
    }
}
