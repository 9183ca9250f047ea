package dev.specgate.cli.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specgate.cli.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code template show}, {@code list} and {@code status} show of a team's own template: core's
 * design-doc fixture (YAML front matter with a title, tips in block quotes, a table, a section
 * titled {@code ## 背景}, {@code placeholders:} in {@code .specgate.yml}) and a template written in
 * Chinese.
 */
class TeamTemplateSurfacesTest {

    @TempDir Path dir;

    private static final String NL = System.lineSeparator();

    /** Core's design-doc project, copied into {@code dir}; its config file. */
    private Path designProject() throws IOException {
        Path fixture =
                Path.of(System.getProperty("specgate.repoRoot", ".."))
                        .toAbsolutePath()
                        .normalize()
                        .resolve("specgate-core/src/test/resources/teams/design-yaml");
        try (Stream<Path> files = Files.walk(fixture)) {
            for (Path from : files.toList()) {
                Path to = dir.resolve(fixture.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        return dir.resolve(".specgate.yml");
    }

    @Test
    void showNamesThePlaceholdersTheConfigurationAddsAndWhereTheyComeFrom() throws Exception {
        Path config = designProject();

        CliRun text = CliRun.of("template", "show", "--config", config.toString());
        CliRun json =
                CliRun.of("template", "show", "--config", config.toString(), "--format", "json");

        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out())
                .contains(
                        "Placeholders (11) that must not be left in a spec:"
                                + NL
                                + "  [Feature title]"
                                + NL)
                .endsWith(
                        "  [who]"
                                + NL
                                + "  TBD-OWNER  (listed under 'placeholders' in .specgate.yml)"
                                + NL
                                + "  /\\(fill me in[^)]*\\)/  (listed under 'placeholders' in"
                                + " .specgate.yml: a regular expression)"
                                + NL)
                // the tips the template quotes are no fields
                .contains("Fields (5):")
                .doesNotContain("**Tip:**")
                .doesNotContain("**Note:**");
        JsonNode schema = new ObjectMapper().readTree(json.out());
        assertThat(schema.get("placeholders")).hasSize(9);
        assertThat(schema.get("configuredPlaceholders").toString())
                .isEqualTo("[\"TBD-OWNER\",\"/\\\\(fill me in[^)]*\\\\)/\"]");
    }

    @Test
    void listShowsTheFrontMattersTitleOfASpecWithoutATitleHeading() throws Exception {
        Path config = designProject();

        CliRun run = CliRun.of("list", "--config", config.toString(), dir.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("  Rate limits for the export API  ");
    }

    /** A team's template written in Chinese, its status field named in Chinese. */
    private Path chineseProject() throws IOException {
        Files.writeString(
                dir.resolve("template.md"),
                "# [标题]\n\n"
                        + "**状态:** 草稿 | 评审中 | 已批准\n"
                        + "**负责人:** [姓名]\n"
                        + "**Last Updated:** YYYY-MM-DD\n\n"
                        + "## 背景 (optional)\n\n"
                        + "> **提示:** 说明为什么现在要做。\n\n"
                        + "## 方案\n\n"
                        + "| 组件 | 变更 |\n|------|------|\n| [名称] | [变更] |\n\n"
                        + "## Rollout and rollback plan\n",
                StandardCharsets.UTF_8);
        Files.writeString(
                dir.resolve(".specgate.yml"),
                "version: 1\ntemplate: template.md\nspecs:\n  - specs/*.md\n"
                        + "lifecycle:\n  status-field: 状态\n",
                StandardCharsets.UTF_8);
        Path spec = Files.createDirectories(dir.resolve("specs")).resolve("export.md");
        Files.writeString(
                spec,
                "# 导出限流\r\n\r\n**状态:** 草稿\r\n**负责人:** 陈波\r\n"
                        + "**Last Updated:** 2026-11-20\r\n\r\n## 背景\r\n\r\n导出队列被单个租户占满。\r\n\r\n"
                        + "## 方案\r\n\r\n| 组件 | 变更 |\r\n|------|------|\r\n| exporter | 令牌桶 |\r\n\r\n"
                        + "## Rollout and rollback plan\r\n\r\n先对 5 % 的租户开启。\r\n",
                StandardCharsets.UTF_8);
        return spec;
    }

    @Test
    void showAlignsSectionsAndFieldsNamedInChineseByDisplayWidth() throws Exception {
        chineseProject();

        CliRun run =
                CliRun.of("template", "show", "--config", dir.resolve(".specgate.yml").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        // '## 背景 (optional)' takes 18 columns, as wide as '## Rollout and rollback plan' less 10
        assertThat(run.out())
                .contains("  ## 背景 (optional)            optional" + NL)
                .contains("  **状态:**          one of: 草稿, 评审中, 已批准" + NL)
                .contains("  **负责人:**        text" + NL)
                .contains("  **Last Updated:**  a date, YYYY-MM-DD" + NL);
    }

    @Test
    void statusAlignsAStatusFieldNamedInChineseByDisplayWidth() throws Exception {
        Path spec = chineseProject();

        CliRun run = CliRun.of("status", spec.toString(), "--today", "2026-11-25");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.subList(1, 3))
                .containsExactly("  状态:            草稿", "  Last Updated:    2026-11-20");
    }
}
