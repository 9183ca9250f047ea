package dev.specgate.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.parse.SpecParser;
import dev.specgate.core.rules.registry.RuleDocs;
import dev.specgate.core.rules.registry.RuleRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The rules' links (SARIF's {@code helpUri}, the editor's {@code codeDescription}) point at the
 * project's home as the parent pom writes it, and at a heading docs/rules.md has.
 */
class RuleDocsTest {

    private static final Path REPO =
            Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();

    @Test
    void theHomeIsThePomsUrlWrittenOnce() throws IOException {
        String pom = Files.readString(REPO.resolve("pom.xml"));
        Matcher url = Pattern.compile("<url>([^<]+)</url>").matcher(pom);
        assertThat(url.find()).as("the parent pom's <url>").isTrue();
        assertThat(RuleDocs.HOME).isEqualTo(url.group(1));
        assertThat(RuleDocs.of("task-box"))
                .isEqualTo(url.group(1) + "/blob/main/docs/rules.md#task-box");
        // a module inherits it as it is, not with its artifactId appended (RuleDocs is core's)
        assertThat(pom).contains("child.project.url.inherit.append.path=\"false\"");
    }

    @Test
    void everyRulesAnchorIsAHeadingOfRulesMd() throws IOException {
        Set<String> anchors =
                new SpecParser().parse(Files.readString(REPO.resolve("docs/rules.md"))).anchors();
        RuleRegistry.builtin()
                .forEach(
                        rule -> {
                            String link = RuleDocs.of(rule.id());
                            assertThat(link).startsWith(RuleDocs.PAGE + "#");
                            assertThat(anchors)
                                    .as("%s's anchor in docs/rules.md", rule.id())
                                    .contains(link.substring(link.indexOf('#') + 1));
                        });
    }
}
