package dev.specgate.core.families;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.TestSpecs;
import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.project.SpecProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The findings the Cookbook of docs/templates.md shows for each family are what {@code specgate
 * check} gives for that family's documents today: each sample line, by its document (named by the
 * end of its path), line, column, severity, rule and message.
 */
class TemplatesDocSamplesTest {

    private static final Pattern FAMILY_OR_BLOCK =
            Pattern.compile(
                    "(?m)^\\[`families/([a-z-]+)/`\\]|^```text\\n(.*?)^```", Pattern.DOTALL);
    private static final Pattern FINDING =
            Pattern.compile("(\\S+\\.md):(\\d+):(\\d+): ((?:error|warning|info) \\[[a-z-]+\\] .*)");

    @Test
    void everyCookbookFindingIsWhatCheckGives() throws Exception {
        String docs = Files.readString(templatesDoc());
        String cookbook = docs.substring(docs.indexOf("\n## Cookbook\n"));
        List<String> shown = new ArrayList<>();
        // each family's section opens with a link to its folder, then shows its findings
        Matcher m = FAMILY_OR_BLOCK.matcher(cookbook);
        Path root = null;
        SpecProject project = null;
        while (m.find()) {
            if (m.group(1) != null) {
                root = TestSpecs.resource("families").resolve(m.group(1));
                project = FamilyCorpus.Opened.of(root).orKnownKeys(root).orElseThrow();
                continue;
            }
            for (String line : m.group(2).split("\n")) {
                Matcher f = FINDING.matcher(line);
                if (root == null || !f.matches()) {
                    continue;
                }
                shown.add(line);
                Path document = document(root, f.group(1));
                List<String> given = new ArrayList<>();
                for (Diagnostic d : FamilyCorpus.check(project, document)) {
                    given.add(
                            (d.range().startLine() + 1)
                                    + ":"
                                    + (d.range().startColumn() + 1)
                                    + ": "
                                    + d.severity().label()
                                    + " ["
                                    + d.ruleId()
                                    + "] "
                                    + d.message());
                }
                assertThat(given)
                        .as("what check gives for %s (docs/templates.md shows: %s)", document, line)
                        .contains(f.group(2) + ":" + f.group(3) + ": " + f.group(4));
            }
        }
        assertThat(shown).as("findings shown in the Cookbook").hasSizeGreaterThan(10);
    }

    private static Path document(Path family, String shownPath) {
        List<Path> matches =
                FamilyCorpus.documents(family).stream()
                        .filter(p -> p.toString().replace('\\', '/').endsWith("/" + shownPath))
                        .toList();
        assertThat(matches).as("documents of %s named %s", family, shownPath).hasSize(1);
        return matches.get(0);
    }

    /** docs/templates.md at the repository root; Maven runs tests in the module folder. */
    private static Path templatesDoc() {
        Path moduleDir = Path.of(System.getProperty("basedir", "."));
        return moduleDir.toAbsolutePath().getParent().resolve("docs/templates.md");
    }
}
