package dev.specgate.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.project.ConfigChoice;
import dev.specgate.core.project.SpecProject;
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
 * A team template's {@code reviewers:} list plays the Reviewer: the move to Approved records the
 * one reviewer it names, asks which one when it names several (an approval records the one person
 * who gave it), and an Approved spec whose list names nobody is {@code reviewer-missing}, as a
 * built-in spec's {@code **Reviewer:** TBD} is. Before, the list was not read at all: {@code
 * approve} needed {@code --by} and nothing asked an Approved spec for a reviewer. The spec is saved
 * with a BOM and CRLF endings, with emoji headings, a table and code holding brackets.
 */
class TeamReviewersTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 25);
    private static final Path RESOURCES = Path.of("src/test/resources/approval/team-dates");
    private static final String SPEC = "docs/specs/2026-05-05-webhook-signing.md";

    @TempDir Path root;

    private SpecProject project;
    private Path file;

    private Lifecycle open() throws Exception {
        try (Stream<Path> all = Files.walk(RESOURCES)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path to = root.resolve(RESOURCES.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        project = SpecProject.open(root, ConfigChoice.nearest());
        file = root.resolve(SPEC);
        return project.lifecycle();
    }

    /** The fixture, unapproved, at {@code status}, its reviewers as {@code reviewers}. */
    private SpecSource spec(String status, String reviewers) throws Exception {
        String text =
                Files.readString(file)
                        .replaceFirst("approval: .*\n", "")
                        .replace("status: Approved", "status: " + status)
                        .replace("reviewers:\n  - Priya Raman\n", reviewers);
        assertThat(text).contains(reviewers);
        return SpecSource.of(
                ("\uFEFF" + text.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8));
    }

    private SpecDocument parse(SpecSource source) {
        return project.parse(file, source.text());
    }

    @Test
    void theOneReviewerTheListNamesApproves() throws Exception {
        Lifecycle lifecycle = open();
        SpecSource source = spec("In Review", "reviewers:\n  - Priya Raman\n");
        SpecStatus approved = lifecycle.status("Approved").orElseThrow();

        assertThat(project.schema().reviewerField()).isPresent();
        assertThat(lifecycle.reviewer(parse(source))).contains("Priya Raman");
        assertThat(lifecycle.approverRefusal(parse(source), approved, Optional.empty(), "s.md"))
                .isEmpty();
        assertThat(
                        lifecycle
                                .moveEdit(source, parse(source), approved, DAY, Optional.empty())
                                .text())
                .contains("\r\napproval: \"2026-11-25 by Priya Raman, sha256:");
    }

    @Test
    void severalReviewersAreAskedWhichOfThemApproves() throws Exception {
        Lifecycle lifecycle = open();
        SpecSource source = spec("In Review", "reviewers: [Ana Ruiz, \"Tomasz Wójcik\"]\n");
        SpecStatus approved = lifecycle.status("Approved").orElseThrow();

        assertThat(lifecycle.reviewer(parse(source))).isEmpty();
        assertThat(lifecycle.approverRefusal(parse(source), approved, Optional.empty(), "s.md"))
                .contains(
                        "say which reviewer approves s.md: --by NAME (its reviewers lists Ana"
                                + " Ruiz, Tomasz Wójcik)");
        // the editor and MCP cannot name one: the same question and the command that answers it
        assertThat(lifecycle.approverRefusalWithoutBy(parse(source), approved, "my spec.md"))
                .contains(
                        "several reviewers could approve my spec.md (its reviewers lists Ana Ruiz,"
                                + " Tomasz Wójcik): a person says which with specgate status"
                                + " 'my spec.md' Approved --by NAME");
        assertThat(
                        lifecycle.approverRefusalWithoutBy(
                                parse(spec("In Review", "reviewers:\n  - Priya Raman\n")),
                                approved,
                                "s.md"))
                .isEmpty();
        // named, or a move that records none, is not asked
        assertThat(
                        lifecycle.approverRefusal(
                                parse(source), approved, Optional.of("Ana Ruiz"), "s.md"))
                .isEmpty();
        assertThat(
                        lifecycle.approverRefusal(
                                parse(source),
                                lifecycle.status("Shipped").orElseThrow(),
                                Optional.empty(),
                                "s.md"))
                .isEmpty();
        // the gate is met: the list names people
        assertThat(lifecycle.evaluate(file, source, parse(source), approved, DAY).reasons())
                .isEmpty();
    }

    /**
     * {@code reviewers: Ana Ruiz, Tomasz Wójcik} on one line names two people, as the list does:
     * before, it was one name, "Ana Ruiz, Tomasz Wójcik", which approve recorded as the approver
     * without asking, and which {@code --by Ana Ruiz} did not match.
     */
    @Test
    void reviewersOnOneLineSplitAtCommasAreThePeopleTheListWouldBe() throws Exception {
        Lifecycle lifecycle = open();
        SpecSource source = spec("In Review", "reviewers: Ana Ruiz, Tomasz Wójcik  # both\n");
        SpecStatus approved = lifecycle.status("Approved").orElseThrow();

        assertThat(lifecycle.reviewer(parse(source))).isEmpty();
        assertThat(lifecycle.approverRefusal(parse(source), approved, Optional.empty(), "s.md"))
                .contains(
                        "say which reviewer approves s.md: --by NAME (its reviewers lists Ana"
                                + " Ruiz, Tomasz Wójcik)");
        assertThat(
                        lifecycle.approverRefusal(
                                parse(source), approved, Optional.of("Tomasz Wójcik"), "s.md"))
                .isEmpty();
        assertThat(lifecycle.evaluate(file, source, parse(source), approved, DAY).reasons())
                .isEmpty();
        // one name on the line is the one reviewer; stand-ins name nobody, however many
        SpecSource one = spec("In Review", "reviewers: Priya Raman\n");
        assertThat(lifecycle.reviewer(parse(one))).contains("Priya Raman");
        SpecSource nobody = spec("In Review", "reviewers: TBD, n/a\n");
        assertThat(lifecycle.evaluate(file, nobody, parse(nobody), approved, DAY).reasons())
                .extracting(GateReason::text)
                .containsExactly(
                        "line 5: [reviewer-missing] 'reviewers' must name a person, found 'TBD,"
                                + " n/a'");
    }

    /**
     * A quoted text is one YAML string, whatever it holds: {@code reviewers: "Ruiz, Ana"} names one
     * person, written family name first, as {@code labels: "[api, web]"} is one text and not a
     * list. Split at its comma it was two, "Ruiz" and "Ana", and approve asked which of them.
     */
    @Test
    void aQuotedReviewerHoldingACommaIsOnePerson() throws Exception {
        Lifecycle lifecycle = open();
        SpecStatus approved = lifecycle.status("Approved").orElseThrow();
        for (String line :
                List.of(
                        "reviewers: \"Ruiz, Ana\"  # family name first\n",
                        "reviewers: 'Ruiz, Ana'\n")) {
            SpecSource source = spec("In Review", line);

            assertThat(lifecycle.reviewer(parse(source))).as(line).contains("Ruiz, Ana");
            assertThat(lifecycle.approverRefusal(parse(source), approved, Optional.empty(), "s.md"))
                    .as(line)
                    .isEmpty();
        }
        // unquoted, the comma still parts two people
        SpecSource plain = spec("In Review", "reviewers: Ruiz, Ana\n");
        assertThat(lifecycle.reviewer(parse(plain))).isEmpty();
    }

    @Test
    void anApprovedSpecWhoseReviewersNameNobodyIsReviewerMissing() throws Exception {
        Lifecycle lifecycle = open();
        SpecSource review = spec("In Review", "reviewers:\n  - TBD\n  - \"[Second reviewer]\"\n");

        assertThat(
                        lifecycle
                                .evaluate(
                                        file,
                                        review,
                                        parse(review),
                                        lifecycle.status("Approved").orElseThrow(),
                                        DAY)
                                .reasons())
                .extracting(GateReason::text)
                .containsExactly(
                        "line 5: [reviewer-missing] 'reviewers' must name a person, found 'TBD,"
                                + " [Second reviewer]'",
                        "line 7: [placeholder-template] template placeholder '[Second reviewer]'"
                                + " left in 'reviewers:'");
        SpecSource approved = spec("Approved", "reviewers: []\n");
        List<String> found =
                project
                        .checker()
                        .check(file, approved.text(), CheckOptions.asOf(DAY))
                        .diagnostics()
                        .stream()
                        .map(
                                d ->
                                        d.ruleId()
                                                + " "
                                                + (d.range().startLine() + 1)
                                                + " "
                                                + d.message())
                        .toList();
        assertThat(found)
                .contains(
                        "reviewer-missing 5 'reviewers' must name a person from Approved on, but"
                                + " it is empty");
    }
}
