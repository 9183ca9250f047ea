package dev.specgate.dist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.dist.DocLinks.Broken;
import dev.specgate.dist.DocLinks.Report;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's own docs (README, ARCHITECTURE, docs/, editors/, examples/) link only to files
 * that exist, and to headings those files have, by the slugs GitHub gives them; and the check that
 * says so finds each kind of broken link.
 */
class DocsLinksTest {

    static final Path REPO =
            Path.of(System.getProperty("specgate.repoRoot", "..")).toAbsolutePath().normalize();

    @TempDir Path tmp;

    @Test
    void everyRelativeLinkInTheRepositorysDocsResolvesWithItsAnchor() throws IOException {
        List<Path> docs = DocLinks.markdownDocs(REPO);
        assertThat(docs)
                .extracting(d -> REPO.relativize(d).toString())
                .contains(
                        "README.md",
                        "ARCHITECTURE.md",
                        "docs/getting-started.md",
                        "docs/rules.md",
                        "editors/vscode/README.md",
                        "examples/demo/README.md")
                .noneMatch(d -> d.contains("directives/") || d.contains("/src/"));

        Report report = DocLinks.check(REPO, docs);

        // README alone links a dozen docs: a check that followed few would prove little
        assertThat(report.followed()).isGreaterThan(100);
        assertThat(report.broken()).as("links with no file or heading").isEmpty();
    }

    @Test
    void findsAMissingFileAHeadingThatIsNotThereAndALinkLeavingTheTree() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("doc"));
        write(
                root.resolve("docs/guide.md"),
                "# Guide",
                "",
                "## Exit codes",
                "",
                "## Exit codes",
                "",
                "<a id=\"kept-id\"></a>",
                "",
                "## Über `check` & co.",
                "",
                "[ok](../README.md#set-up), [ok](#exit-codes-1), [ok](#kept-id),",
                "[ok](#über-check--co), [ok](../examples/), [ok](<guide.md#exit-codes>)",
                "[missing](../action.yml) and [gone](#no-such-heading),",
                "[wrong slug](../README.md#Set-Up-Now), [outside](../../elsewhere.md)",
                "",
                "See [ref]. `[in code](nothing.md)` is not a link, nor is this:",
                "",
                "```",
                "[fenced](nothing.md)",
                "```",
                "",
                "[ref]: ./nowhere.md");
        write(root.resolve("README.md"), "# Tool", "", "## Set up");
        Files.createDirectories(root.resolve("examples"));
        write(tmp.resolve("elsewhere.md"), "# Outside");

        Report report = DocLinks.check(root, DocLinks.markdownDocs(root));

        assertThat(report.broken())
                .map(Broken::toString)
                .containsExactly(
                        "docs/guide.md:13: ../action.yml (no such file)",
                        "docs/guide.md:13: #no-such-heading (no heading or id 'no-such-heading'"
                                + " in docs/guide.md)",
                        "docs/guide.md:14: ../README.md#Set-Up-Now (no heading or id"
                                + " 'Set-Up-Now' in README.md)",
                        "docs/guide.md:14: ../../elsewhere.md (outside doc)",
                        "docs/guide.md:16: ./nowhere.md (no such file)");
    }

    private static void write(Path file, String... lines) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }
}
