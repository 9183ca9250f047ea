package dev.specgate.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The VS Code extension's manifest (editors/vscode/package.json, built by npm outside Maven) names
 * the project's home as the parent pom's {@code <url>} does, the one place it is written (which
 * {@code RuleDocs} reads for SARIF's and the editor's rule links), and its README links there.
 */
class EditorManifestTest {

    private static final Path REPO = DocsLinksTest.REPO;

    private static String group(Pattern p, String text, String what) {
        Matcher m = p.matcher(text);
        assertThat(m.find()).as(what).isTrue();
        return m.group(1);
    }

    @Test
    void theExtensionNamesTheHomeThePomNames() throws Exception {
        String pom = Files.readString(REPO.resolve("pom.xml"), StandardCharsets.UTF_8);
        // the project's own <url>, before any <scm>, <licenses> or <developers> url
        String home =
                group(
                        Pattern.compile(
                                "</description>(?:\\s|<!--.*?-->)*<url>([^<]+)</url>",
                                Pattern.DOTALL),
                        pom,
                        "the parent pom's <url> after its <description>");
        assertThat(home).startsWith("https://");

        Path vscode = REPO.resolve("editors/vscode");
        String manifest = Files.readString(vscode.resolve("package.json"), StandardCharsets.UTF_8);
        String repository =
                group(
                        Pattern.compile(
                                "\"repository\"\\s*:\\s*\\{[^}]*\"url\"\\s*:\\s*\"([^\"]*)\""),
                        manifest,
                        "package.json's repository.url");
        assertThat(repository).isEqualTo(home);
        // any other address of the project in the manifest or the README is under the home
        Pattern project = Pattern.compile("https://github\\.com/specgate/[^\\s\")]*");
        for (String file : new String[] {"package.json", "README.md"}) {
            Matcher m =
                    project.matcher(Files.readString(vscode.resolve(file), StandardCharsets.UTF_8));
            while (m.find()) {
                assertThat(m.group()).as(file).startsWith(home);
            }
        }
    }
}
