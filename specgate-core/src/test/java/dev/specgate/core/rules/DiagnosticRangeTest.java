package dev.specgate.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.TestSpecs;
import dev.specgate.core.check.SpecChecker;
import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.layout.FeatureSlug;
import dev.specgate.core.layout.FileOrganization;
import dev.specgate.core.model.SourceRange;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every diagnostic of every fixture points at the offending text itself, not just its line: the
 * source text under its range is what the message talks about.
 */
class DiagnosticRangeTest {

    private static final Pattern FIRST_QUOTED = Pattern.compile("'([^']*)'");

    /** A File Organization path as written, without its backticks, {@code [feature-name]} read. */
    private static String resolved(String written, String slug) {
        return written.replace("`", "").replace(FileOrganization.FEATURE_TOKEN, slug);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.specgate.core.rules.RuleFixtureTest#fixtures")
    void rangeCoversTheOffendingText(Path fixture) throws Exception {
        SpecChecker checker = RuleFixtureTest.checkerFor(fixture);
        List<Diagnostic> diagnostics =
                checker.checkFile(fixture, RuleFixtureTest.optionsFor(fixture)).diagnostics();
        if (diagnostics.size() == 1 && diagnostics.get(0).ruleId().equals("unreadable-file")) {
            Diagnostic d = diagnostics.get(0);
            if (d.message().contains("not UTF-8 (byte ")) {
                // at the bad byte: one column on one line
                assertThat(d.range().endLine()).isEqualTo(d.range().startLine());
                assertThat(d.range().endColumn()).isEqualTo(d.range().startColumn() + 1);
            } else {
                assertThat(d.range()).isEqualTo(SourceRange.fileStart());
            }
            return;
        }
        List<String> lines = TestSpecs.read(fixture).lines().toList();
        String slug = FeatureSlug.of(fixture, checker.schema());
        for (Diagnostic d : diagnostics) {
            String at = textAt(lines, d.range());
            String quoted = firstQuoted(d.message());
            String what = d.ruleId() + " at " + d.range() + " ('" + at + "'): " + d.message();
            switch (d.ruleId()) {
                case "placeholder-template",
                        "placeholder-title",
                        "placeholder-date",
                        "placeholder-bracket",
                        "task-box" ->
                        assertThat(at).as(what).isEqualTo(quoted);
                case "section-missing",
                        "section-level",
                        "section-order",
                        "section-duplicate",
                        "section-empty" -> {
                    if (d.message().contains("(expected at the end of")) {
                        // where it belongs: after the scope's last line of content
                        assertThat(d.range().startColumn()).as(what).isZero();
                        assertThat(lines.get(d.range().startLine())).as(what).isNotBlank();
                    } else if (!d.message().startsWith("missing title")) {
                        assertThat(isHeading(lines, d.range().startLine())).as(what).isTrue();
                        assertThat(d.range().startColumn()).as(what).isZero();
                    }
                    if (!d.ruleId().equals("section-missing")) {
                        assertThat(at).as(what).contains(quoted);
                    }
                }
                case "field-value",
                        "field-date",
                        "field-date-order",
                        "created-date",
                        "decision-overdue",
                        "review-overdue" -> {
                    if (at.startsWith("**")) {
                        assertThat(d.message()).as(what).contains("is empty");
                    } else {
                        assertThat(at).as(what).isNotEmpty();
                        assertThat(d.message()).as(what).contains(at);
                    }
                }
                case "field-duration" -> {
                    // the message says what is wrong with the value, not the value itself
                    assertThat(at).as(what).isNotBlank();
                    assertThat(lines.get(d.range().startLine()))
                            .as(what)
                            .contains("**Duration:** " + at);
                }
                case "nesting-depth" -> {
                    assertThat(d.range().startColumn()).as(what).isZero();
                    assertThat(d.range().endColumn()).as(what).isZero();
                    assertThat(lines.get(d.range().startLine()))
                            .as(what)
                            .matches("[\\s>]+([-*+]|\\d+[.)]) .*");
                }
                case "field-file" -> {
                    String named = at.replace("`", "");
                    assertThat(d.message())
                            .as(what)
                            .contains("'" + named.substring(named.lastIndexOf('/') + 1) + "'");
                }
                case "reviewer-missing" -> assertThat(at).as(what).isEqualTo("**Reviewer:**");
                case "placeholder-guidance" -> {
                    // the paragraph's first line, from its first character (after a quote's '>'),
                    // is where the quoted start of the guidance begins
                    java.util.regex.Matcher m = FIRST_QUOTED.matcher(d.message());
                    assertThat(m.find() && m.find()).as(what).isTrue();
                    String start = m.group(1).replaceAll("\\.\\.\\.$", "");
                    String line =
                            at.replaceAll("<!--.*?(-->|$)", " ").trim().replaceAll("\\s+", " ");
                    assertThat(line).as(what).isNotEmpty();
                    assertThat(line.startsWith(start) || start.startsWith(line)).as(what).isTrue();
                }
                case "gate-open" -> {
                    if (d.message().startsWith("missing section")) {
                        // at the status field, which asks for the section
                        assertThat(at).as(what).isEqualTo("status");
                    } else {
                        // the open item's first line, from its list marker
                        assertThat(at)
                                .as(what)
                                .matches("([-*+]|\\d+[.)]) \\[ \\] .*")
                                .contains(quoted);
                    }
                }
                case "decision-open" ->
                        // the open item's first line, from its list marker; the message quotes it
                        assertThat(at)
                                .as(what)
                                .matches("([-*+]|\\d+[.)]) \\[ \\] .*")
                                .contains(quoted);
                case "field-duplicate" -> {
                    if (d.message().contains(" says otherwise than ")) {
                        // the status under another name: at that name, quoted with its value
                        assertThat(quoted).as(what).startsWith(at + ": ");
                    } else {
                        assertThat(at).as(what).matches("\\*\\*[^*]+:\\*\\*").isEqualTo(quoted);
                    }
                }
                case "suppression-unknown-rule" ->
                        assertThat(lines.get(d.range().startLine()))
                                .as(what)
                                .contains("<!-- " + quoted + " ");
                case "suppression-blanket" ->
                        // at the comment, which names no rule: nothing after the keyword but a
                        // reason
                        assertThat(lines.get(d.range().startLine()))
                                .as(what)
                                .matches(".*<!-- *" + quoted + " *(--[^>]*)?-->.*");
                case "task-empty" ->
                        // the item's first line, from its list marker: a box, at most a task's
                        // number, and nothing a reader sees
                        assertThat(at)
                                .as(what)
                                .matches(
                                        "([-*+]|\\d+[.)]) \\[[ xX]\\]\\s*(\\d+\\.\\d+(\\.[TV]\\d+)?)?\\s*(<!--.*)?");
                case "suppression-enable-unused" ->
                        assertThat(lines.get(d.range().startLine()))
                                .as(what)
                                .contains("<!-- " + quoted.split(" ")[0]);
                case "suppression-refused" ->
                        assertThat(lines.get(d.range().startLine()))
                                .as(what)
                                .contains("<!-- " + quoted + " ");
                case "link-broken", "link-anchor" ->
                        assertThat(at)
                                .as(what)
                                .matches("!?\\[.*\\]\\(.*\\)")
                                .contains(quoted.replace("#", ""));
                case "link-reference-undefined" -> {
                    assertThat(at).as(what).matches("\\[.*\\]");
                    assertThat(d.message()).as(what).contains(at);
                }
                case "field-missing" -> {
                    if (at.isEmpty() || at.startsWith("# ")) {
                        assertThat(at).as(what).matches("(# .*)?");
                    } else {
                        // a field written under another name: the finding is at that name
                        assertThat(d.message()).as(what).contains("rename '" + at + "' to '");
                    }
                }
                case "metadata-invalid" -> assertThat(at).as(what).matches("---|\\S.*");
                case "fence-unclosed" -> assertThat(at).as(what).matches("`{3,}|~{3,}");
                case "conflict-marker" -> assertThat(at).as(what).isEqualTo("<<<<<<<");
                case "table-cells" ->
                        // the dropped cells' text, from its first words, which the message quotes
                        assertThat(at)
                                .as(what)
                                .startsWith(
                                        quoted.endsWith("…")
                                                ? quoted.substring(0, quoted.length() - 1)
                                                : quoted)
                                .doesNotStartWith("|")
                                .doesNotEndWith(" ");
                case "html-unclosed" ->
                        assertThat(at)
                                .as(what)
                                .matches(
                                        "(?i)<!--|<\\?|<!\\[CDATA\\[|<![A-Z]+|<(script|pre|style|textarea)");
                case "file-name" ->
                        assertThat(d.range()).as(what).isEqualTo(SourceRange.fileStart());
                case "task-id-duplicate", "task-id-sequence", "task-id-parent" -> {
                    Matcher id = TASK_ID.matcher(d.message());
                    assertThat(id.find()).as(what).isTrue();
                    assertThat(at)
                            .as(what)
                            .matches("([-*+]|\\d+[.)]) \\[[ xX]\\] .*")
                            .contains(" " + id.group(1) + " ");
                }
                case "task-spec-reference" -> {
                    if (d.message().startsWith("task list names no spec")) {
                        assertThat(at).as(what).startsWith("# ");
                    } else {
                        assertThat(at).as(what).isNotBlank().doesNotContain("**");
                    }
                }
                case "layout-missing" -> {
                    if (d.message().contains("is not read as a File Organization entry")) {
                        // an item that names a path without backticks: the item's text, which
                        // the message shortens past 60 characters
                        if (quoted.endsWith("...")) {
                            assertThat(at)
                                    .as(what)
                                    .startsWith(quoted.substring(0, quoted.length() - 3));
                        } else {
                            assertThat(at).as(what).isEqualTo(quoted);
                        }
                    } else {
                        assertThat(at)
                                .as(what)
                                .startsWith("`")
                                .endsWith("`")
                                .satisfies(
                                        p -> assertThat(d.message()).contains(resolved(p, slug)));
                    }
                }
                case "layout-early" ->
                        // the entry's path in backticks, which the message names resolved
                        assertThat(at)
                                .as(what)
                                .startsWith("`")
                                .endsWith("`")
                                .satisfies(
                                        p -> assertThat(d.message()).contains(resolved(p, slug)));
                case "approval-missing" ->
                        assertThat(at).as(what).isEqualTo("**Document Status:**");
                case "approval-stale" -> assertThat(at).as(what).isEqualTo("**Approval:**");
                default -> throw new AssertionError("no range check for rule " + d.ruleId());
            }
        }
    }

    /** The source under a range; for a heading or title range, the whole line. */
    private static String textAt(List<String> lines, SourceRange r) {
        if (r.startLine() != r.endLine()) {
            return lines.get(r.startLine()).substring(r.startColumn());
        }
        String line = lines.get(r.startLine());
        if (line.startsWith("\uFEFF")) {
            line = line.substring(1);
        }
        return line.substring(r.startColumn(), Math.min(line.length(), r.endColumn()));
    }

    /** An ATX heading line, or the text line of a setext heading. */
    private static boolean isHeading(List<String> lines, int line) {
        return lines.get(line).startsWith("#")
                || (line + 1 < lines.size() && lines.get(line + 1).matches("(-+|=+)\\s*"));
    }

    private static final Pattern TASK_ID = Pattern.compile("task (\\d+\\.\\d+(?:\\.[TV]\\d+)?)");

    private static String firstQuoted(String message) {
        Matcher m = FIRST_QUOTED.matcher(message);
        return m.find() ? m.group(1) : "";
    }
}
