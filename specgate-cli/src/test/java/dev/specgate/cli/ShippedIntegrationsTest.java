package dev.specgate.cli;

import static dev.specgate.cli.SpecFixtures.cleanSpec;
import static dev.specgate.cli.SpecFixtures.writeSpec;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pre-commit hooks and the GitHub Action run the command lines they declare: those command
 * lines must parse and behave as the integrations expect.
 */
class ShippedIntegrationsTest {

    private static final YAMLMapper YAML = new YAMLMapper();

    @TempDir Path project;

    private static Path repoRoot() {
        return Path.of(System.getProperty("specgate.repoRoot", "..")).toAbsolutePath().normalize();
    }

    @Test
    void preCommitHooksCheckTheSpecsTheyAreGiven() throws IOException {
        JsonNode hooks = YAML.readTree(repoRoot().resolve(".pre-commit-hooks.yaml").toFile());

        assertThat(hooks).hasSize(2);
        List<String> ids = new ArrayList<>();
        for (JsonNode hook : hooks) {
            ids.add(hook.get("id").asText());
            Pattern files = Pattern.compile(hook.get("files").asText());
            assertThat(files.matcher("directives/spec/2026-10-02_spec_x.md").find()).isTrue();
            assertThat(files.matcher("services/api/directives/spec/2026-10-02_spec_x.md").find())
                    .isTrue();
            // check reads .markdown as it reads .md (discovery.MarkdownNames)
            assertThat(files.matcher("directives/spec/2026-10-02_spec_x.markdown").find()).isTrue();
            // in any case, as check reads them (input.MarkdownNames): a .MD spec is checked too
            assertThat(files.matcher("directives/spec/2026-10-02_spec_x.MD").find()).isTrue();
            assertThat(files.matcher("directives/spec/2026-10-02_spec_x.Markdown").find()).isTrue();
            assertThat(files.matcher("directives/tasks/2026-10-02_task_x.MD").find()).isTrue();
            assertThat(files.matcher("directives/spec/notes.MDX").find()).isFalse();
            // only the extension: the folders and _task_ are matched as check finds them
            assertThat(files.matcher("directives/tasks/2026-10-02_TASK_x.md").find()).isFalse();
            // task lists as check finds them (directives/tasks/**/*_task_*.md), and nothing else
            // there: a README in directives/tasks/ is no task list
            assertThat(files.matcher("directives/tasks/2026-10-02_task_x.md").find()).isTrue();
            assertThat(files.matcher("api/directives/tasks/q4/2026-10-02_task_x.md").find())
                    .isTrue();
            assertThat(files.matcher("directives/tasks/README.md").find()).isFalse();
            assertThat(files.matcher("directives/tasks/2026-10-02_task_x.md.orig").find())
                    .isFalse();
            assertThat(files.matcher("directives/spec/notes.mdx").find()).isFalse();
            assertThat(files.matcher("directives/spec/2026-10-02_spec_x.md.orig").find()).isFalse();
            assertThat(files.matcher("README.md").find()).isFalse();
            assertThat(files.matcher("docs/directives/specs/a.md").find()).isFalse();

            List<String> args = new ArrayList<>(List.of(hook.get("entry").asText().split(" ")));
            assertThat(args.remove(0)).isEqualTo("specgate");
            Path spec = writeSpec(project, "2026-10-02_spec_webhook-retry-queue.md", cleanSpec());
            args.add(spec.toString());
            args.addAll(List.of("--today", "2026-11-25"));
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertThat(run.exitCode()).as(hook.get("id").asText()).isZero();
        }
        assertThat(ids).containsExactly("specgate", "specgate-system");
    }

    /**
     * integrations.md shows a {@code repo: local} hook for teams that cannot reach the Specgate
     * repository: it must declare what the shipped {@code specgate-system} hook declares, or a team
     * that copies it checks other files, or the same files otherwise, than the docs say.
     */
    @Test
    void theDocumentedLocalHookIsTheShippedSystemHook() throws IOException {
        JsonNode shipped = null;
        for (JsonNode hook : YAML.readTree(repoRoot().resolve(".pre-commit-hooks.yaml").toFile())) {
            if (hook.get("id").asText().equals("specgate-system")) {
                shipped = hook;
            }
        }
        String doc = Files.readString(repoRoot().resolve("docs/integrations.md"));
        java.util.regex.Matcher block =
                Pattern.compile("```yaml\n(repos:\n  - repo: local\n.*?)```", Pattern.DOTALL)
                        .matcher(doc);
        assertThat(block.find()).as("a repo: local block in docs/integrations.md").isTrue();
        JsonNode local = YAML.readTree(block.group(1)).get("repos").get(0).get("hooks").get(0);

        assertThat(shipped).isNotNull();
        for (String key : List.of("entry", "language", "files", "types", "require_serial")) {
            assertThat(local.get(key)).as(key).isEqualTo(shipped.get(key));
        }
    }

    /**
     * A spec repository has no pom.xml, and {@code actions/setup-java} with {@code cache: maven}
     * fails the step when the workspace holds none ("No file in ... matched to ..., make sure you
     * have checked out the target repository"): the action must not ask setup-java for that cache,
     * and any cache it keeps is keyed on the action's own build.
     */
    @Test
    void actionRunsInARepositoryWithoutAPom() throws IOException {
        JsonNode action = YAML.readTree(repoRoot().resolve("action.yml").toFile());

        boolean setUpJava = false;
        List<String> cacheSteps = new ArrayList<>();
        for (JsonNode step : action.at("/runs/steps")) {
            String uses = step.path("uses").asText();
            if (uses.startsWith("actions/setup-java@")) {
                setUpJava = true;
                assertThat(step.path("with").has("cache"))
                        .as("setup-java's cache needs a pom.xml in the user's repository")
                        .isFalse();
            }
            if (uses.startsWith("actions/cache")) {
                // restored before the build and saved right after it, whatever the check finds
                // later (a post step saves only when the whole job succeeds)
                assertThat(uses).startsWith("actions/cache/").doesNotStartWith("actions/cache@");
                assertThat(step.at("/with/key").asText()).contains("steps.maven-key.outputs.key");
                cacheSteps.add(uses.substring(0, uses.indexOf('@')));
            }
            if ("maven-key".equals(step.path("id").asText())) {
                assertThat(step.get("run").asText()).contains("$GITHUB_ACTION_PATH\"/pom.xml");
            }
        }
        assertThat(setUpJava).isTrue();
        assertThat(cacheSteps).containsExactly("actions/cache/restore", "actions/cache/save");
    }

    /**
     * The action's check step runs check twice (SARIF, then annotations): a notice on stderr, such
     * as the baseline's count of hidden findings, is said once in the log, unless the second run
     * ends otherwise than the first. Run as the runner runs it, with a {@code java} that stands in
     * for Specgate.
     */
    @Test
    void actionSaysEachNoticeOnce(@TempDir Path tools) throws Exception {
        JsonNode action = YAML.readTree(repoRoot().resolve("action.yml").toFile());
        String script = "";
        for (JsonNode step : action.at("/runs/steps")) {
            if ("check".equals(step.path("id").asText())) {
                script = step.get("run").asText();
            }
        }
        Path stub = tools.resolve("java");
        Files.writeString(
                stub,
                "#!/bin/bash\n"
                        + "echo \"specgate: 7 known findings hidden by the baseline b.json\" >&2\n"
                        + "case \"$*\" in *github*) echo '::error file=a.md::x'; exit"
                        + " \"${SECOND:-1}\";; esac\n"
                        + "exit 1\n");
        Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwxr-xr-x"));

        for (String second : List.of("1", "3")) {
            ProcessBuilder pb = new ProcessBuilder("bash", "-e", "-c", script);
            pb.directory(project.toFile());
            pb.environment().put("PATH", tools + ":" + System.getenv("PATH"));
            pb.environment().put("GITHUB_ACTION_PATH", tools.toString());
            pb.environment().put("GITHUB_OUTPUT", tools.resolve("output").toString());
            pb.environment().put("SPECGATE_PATHS", ".");
            pb.environment().put("SPECGATE_ARGS", "--baseline b.json");
            pb.environment().put("SPECGATE_SARIF", "specgate.sarif");
            pb.environment().put("SPECGATE_ANNOTATIONS", "true");
            pb.environment().put("SECOND", second);
            pb.redirectError(tools.resolve("err").toFile());
            pb.redirectOutput(tools.resolve("out").toFile());
            int exit = pb.start().waitFor();

            String err = Files.readString(tools.resolve("err"));
            assertThat(exit).isZero();
            assertThat(Files.readString(tools.resolve("out"))).contains("::error file=a.md::x");
            assertThat(err.split("known findings hidden", -1))
                    .as("notices on stderr when the second run exits " + second)
                    .hasSize(second.equals("1") ? 2 : 3);
            assertThat(Files.readString(tools.resolve("output"))).contains("exit-code=1");
        }
    }

    @Test
    void actionWritesSarifThenAnnotates() throws IOException {
        JsonNode action = YAML.readTree(repoRoot().resolve("action.yml").toFile());

        assertThat(action.at("/runs/using").asText()).isEqualTo("composite");
        assertThat(action.get("inputs").has("paths")).isTrue();
        assertThat(action.get("inputs").has("sarif-file")).isTrue();
        String script = "";
        for (JsonNode step : action.at("/runs/steps")) {
            if ("check".equals(step.path("id").asText())) {
                script = step.get("run").asText();
            }
        }
        assertThat(script)
                .contains(
                        "check $SPECGATE_PATHS $SPECGATE_ARGS --format sarif --output \"$SPECGATE_SARIF\"")
                .contains("--format github");

        writeSpec(
                project,
                "2026-10-02_spec_webhook-retry-queue.md",
                cleanSpec().replace("**Type:** Architecture Change", "**Type:** Refactoring"));
        Path sarif = project.resolve("specgate.sarif");
        CliRun sarifRun =
                CliRun.of(
                        "check",
                        project.toString(),
                        "--today",
                        "2026-11-25",
                        "--format",
                        "sarif",
                        "--output",
                        sarif.toString());
        CliRun annotations =
                CliRun.of(
                        "check", project.toString(), "--today", "2026-11-25", "--format", "github");

        assertThat(sarifRun.exitCode()).isEqualTo(1);
        assertThat(Files.readString(sarif)).contains("\"ruleId\" : \"field-value\"");
        assertThat(annotations.out()).startsWith("::error file=");
    }
}
