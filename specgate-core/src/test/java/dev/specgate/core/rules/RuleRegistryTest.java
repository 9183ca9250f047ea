package dev.specgate.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.TestSpecs;
import dev.specgate.core.model.DocumentKind;
import dev.specgate.core.rules.registry.RuleRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every registered rule is complete: identity, documentation in docs/rules.md, and a fixture that
 * makes it fire. (After checkstyle's {@code AllChecksTest}.)
 */
class RuleRegistryTest {

    private static final Pattern RULE_ID = Pattern.compile("[a-z]+(-[a-z]+)*");
    private static final Pattern DOC_HEADING = Pattern.compile("(?m)^## ([a-z]+(?:-[a-z]+)*)\\s*$");
    private static final Pattern TABLE_ROW =
            Pattern.compile(
                    "(?m)^\\| \\[([a-z-]+)\\]\\(#([a-z-]+)\\) \\| ([a-z]+) \\| ([a-z]+) \\|");
    private static final Pattern TASK_LIST_RULES =
            Pattern.compile(
                    "a task list and\\s+gets the `tasks` rules plus (.*?);\\s+every other file",
                    Pattern.DOTALL);
    private static final Pattern CODE_SPAN = Pattern.compile("`([a-z-]+)`");

    static Stream<Named<Rule>> rules() {
        return RuleRegistry.builtin().stream().map(r -> Named.of(r.id(), r));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void hasIdCategorySeverityAndSummary(Rule rule) {
        assertThat(rule.id()).matches(RULE_ID);
        assertThat(rule.category()).isNotNull();
        assertThat(rule.defaultSeverity()).isNotNull();
        assertThat(rule.summary()).isNotBlank().endsWith(".");
        assertThat(RuleRegistry.find(rule.id())).containsSame(rule);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void isNamedAfterItsIdAndLivesInItsCategorysPackage(Rule rule) {
        StringBuilder name = new StringBuilder();
        for (String part : rule.id().split("-")) {
            name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        name.append("Rule");

        assertThat(rule.getClass().getSimpleName())
                .as("class of %s", rule.id())
                .isEqualTo(name.toString());
        assertThat(rule.getClass().getPackageName())
                .as("package of %s", rule.id())
                .isEqualTo("dev.specgate.core.rules." + rule.category().label());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void isDocumentedInRulesMd(Rule rule) throws IOException {
        String docs = Files.readString(rulesDoc());

        assertThat(documentedIds(docs))
                .as("'## %s' headings in docs/rules.md", rule.id())
                .contains(rule.id());
        String section = docs.substring(docs.indexOf("\n## " + rule.id() + "\n"));
        int next = section.indexOf("\n## ", 1);
        section = next < 0 ? section : section.substring(0, next);
        assertThat(section)
                .as("docs of %s", rule.id())
                .contains("**Category:** " + rule.category())
                .contains("**Default severity:** " + rule.defaultSeverity().label())
                .contains("```");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void isTriggeredByAtLeastOneFixture(Rule rule) throws IOException {
        assertThat(expectedRuleIds()).as("rule ids expected by the fixtures").contains(rule.id());
        assertThat(RuleFixtureTest.rulesRoot().resolve(rule.id())).isDirectory();
    }

    @Test
    void idsAreUnique() {
        List<String> ids = RuleRegistry.builtin().stream().map(Rule::id).toList();

        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void docsAndFixturesNameOnlyRegisteredRules() throws IOException {
        Set<String> registered =
                new HashSet<>(RuleRegistry.builtin().stream().map(Rule::id).toList());

        assertThat(documentedIds(Files.readString(rulesDoc()))).isSubsetOf(registered);
        assertThat(expectedRuleIds()).isSubsetOf(registered);
        try (Stream<Path> dirs = Files.list(RuleFixtureTest.rulesRoot())) {
            assertThat(dirs.map(d -> d.getFileName().toString()).toList()).isSubsetOf(registered);
        }
    }

    @Test
    void rulesMdTableListsEveryRuleInRegistryOrderWithItsCategoryAndSeverity() throws IOException {
        List<String> expected = new ArrayList<>();
        for (Rule rule : RuleRegistry.builtin()) {
            expected.add(
                    String.join(
                            " ",
                            rule.id(),
                            rule.id(),
                            rule.category().label(),
                            rule.defaultSeverity().label()));
        }
        List<String> rows = new ArrayList<>();
        Matcher m = TABLE_ROW.matcher(Files.readString(rulesDoc()));
        while (m.find()) {
            rows.add(String.join(" ", m.group(1), m.group(2), m.group(3), m.group(4)));
        }

        assertThat(rows).as("the rule table at the top of docs/rules.md").isEqualTo(expected);
    }

    @Test
    void rulesMdNamesTheRulesATaskListGets() throws IOException {
        Set<String> expected = new HashSet<>();
        for (Rule rule : RuleRegistry.builtin()) {
            if (rule.documentKinds().contains(DocumentKind.TASK_LIST)
                    && !rule.category().label().equals("tasks")) {
                expected.add(rule.id());
            }
        }
        Matcher sentence = TASK_LIST_RULES.matcher(Files.readString(rulesDoc()));
        assertThat(sentence.find()).as("the sentence on task lists in docs/rules.md").isTrue();
        Set<String> named = new HashSet<>();
        Matcher m = CODE_SPAN.matcher(sentence.group(1));
        while (m.find()) {
            named.add(m.group(1));
        }

        assertThat(named).isEqualTo(expected);
    }

    @Test
    void unknownIdIsNotFound() {
        assertThat(RuleRegistry.find("no-such-rule")).isEmpty();
    }

    private static Set<String> documentedIds(String docs) {
        Set<String> ids = new HashSet<>();
        Matcher m = DOC_HEADING.matcher(docs);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private static Set<String> expectedRuleIds() throws IOException {
        Set<String> ids = new HashSet<>();
        for (Path fixture : TestSpecs.markdownBelow(RuleFixtureTest.rulesRoot())) {
            for (Expectation e : InlineExpectations.of(Files.readAllBytes(fixture))) {
                ids.add(e.ruleId());
            }
        }
        return ids;
    }

    /** docs/rules.md at the repository root; Maven runs tests in the module folder. */
    private static Path rulesDoc() {
        Path moduleDir = Path.of(System.getProperty("basedir", "."));
        Path doc = moduleDir.toAbsolutePath().getParent().resolve("docs/rules.md");
        assertThat(doc).as("docs/rules.md").isRegularFile();
        return doc;
    }
}
